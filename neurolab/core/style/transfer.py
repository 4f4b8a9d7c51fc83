"""Style transfer as a job: the image itself optimised, coarse to fine, with a time-left estimate.

The image is optimised directly (Adam on its pixels, in [0, 1]) so that the
Gram matrices of a backbone's feature maps (:mod:`neurolab.core.style.backbones`)
match the style image's, its deeper features match the content image's, and
its total variation stays small. Work goes coarse to fine: cheap steps at a
quarter and half of the size find the layout, each result is upsampled as the
start of the next scale, and most steps go to the full size, where the
texture's fine detail is made (:func:`steps_per_scale`). No Qt here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Optional, Sequence

import numpy as np

from neurolab.core.jobs import Job, Progress
from neurolab.core.phrases import Phrase
from neurolab.core.results import result_json
from neurolab.core.style.backbones import Backbone, choose_backbone

MIN_SIDE = 16  # smallest side any scale is optimised at (VGG19 pools four times)


@dataclass
class StyleConfig:
    """Settings of a transfer. ``None`` weights mean the backbone's defaults."""

    steps: int = 200
    size: int = 256  # long side of the output, px
    style_weight: Optional[float] = None  # see BACKBONE_DEFAULTS (VGG19: 1e-2, random: 1)
    content_weight: Optional[float] = None  # VGG19: 1e4, random: 0.3
    tv_weight: Optional[float] = None  # VGG19: 2e6, random: 1e-2
    start: str = "content"  # "content" or "noise"
    scales: tuple[float, ...] = (0.25, 0.5, 1.0)  # coarse to fine, fractions of size
    preview_every: int = 10
    seed: int = 0
    learning_rate: Optional[float] = None  # default: the backbone's (0.02 for all three)
    backbone: Optional[str] = None  # None: choose_backbone(); "vgg19", "random" or "shapes"
    #: Steps at each scale (coarse to fine, the full size last), instead of
    #: splitting ``steps`` by :func:`steps_per_scale`; then ``steps`` is their sum.
    scale_steps: Optional[tuple[int, ...]] = None

    def resolved(self, backbone: Backbone) -> "StyleConfig":
        """A copy with the backbone's defaults filled in."""
        return replace(
            self,
            style_weight=backbone.style_weight if self.style_weight is None else self.style_weight,
            content_weight=(backbone.content_weight if self.content_weight is None
                            else self.content_weight),
            tv_weight=backbone.tv_weight if self.tv_weight is None else self.tv_weight,
            learning_rate=(backbone.learning_rate if self.learning_rate is None
                           else self.learning_rate),
            backbone=backbone.name)


@dataclass
class StyleResult:
    image: np.ndarray  # H×W×3 uint8, the content's aspect, long side = config.size
    losses: list[float] = field(default_factory=list)  # total loss after each step
    backbone: str = ""  # "vgg19", "random" or "shapes"
    backbone_description: str = ""  # a Phrase
    config: Optional[StyleConfig] = None
    #: (first step, width, height) of each scale: the loss jumps up at each of these steps,
    #: since the image is upsampled and the loss is measured at the new size
    scale_starts: list[tuple[int, int, int]] = field(default_factory=list)

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab style --json`` and the Style tab's *Save*
        (:mod:`neurolab.core.results`: ``context`` names the content, style and output files)."""
        used = self.config or StyleConfig()
        losses = [float(v) for v in self.losses]
        return result_json({
            "method": "style transfer", "backbone": self.backbone,
            "backbone_description": self.backbone_description,
            "size": [int(self.image.shape[1]), int(self.image.shape[0])], "steps": len(losses),
            "start": used.start, "seed": used.seed, "style_weight": used.style_weight,
            "content_weight": used.content_weight, "tv_weight": used.tv_weight,
            "scales": list(used.scales), "loss_first": losses[0] if losses else None,
            "loss_final": losses[-1] if losses else None, "losses": losses}, context)


def output_size(shape: Sequence[int], long_side: int) -> tuple[int, int]:
    """(height, width) with the aspect of ``shape`` and ``long_side`` as its longer side."""
    height, width = int(shape[0]), int(shape[1])
    scale = long_side / max(height, width)
    return max(1, round(height * scale)), max(1, round(width * scale))


def steps_per_scale(steps: int, scales: Sequence[float]) -> list[int]:
    """Split ``steps`` over the scales, most at full size (weight sqrt(scale)).

    For the default (1/4, 1/2, 1): 200 steps -> 45, 64, 91. The coarse scales
    only lay out colours and large shapes, which a few dozen cheap steps do;
    the texture's fine detail (strokes, lead lines) is made at full size, and
    the upsampled coarse result is blurry until enough steps there sharpen it.
    """
    weights = np.sqrt(np.array(scales, dtype=float))
    raw = steps * weights / weights.sum()
    counts = np.floor(raw).astype(int)
    for i in np.argsort(-(raw - counts))[: steps - counts.sum()]:
        counts[i] += 1
    if steps >= len(scales):  # every scale gets at least one step
        for i in range(len(counts)):
            while counts[i] == 0:
                counts[int(np.argmax(counts))] -= 1
                counts[i] += 1
    return [int(c) for c in counts]


class StepClock:
    """Seconds left, from measured seconds per step at each scale.

    What is not counted: the first step of a run (it traces the step function, seconds on
    a CPU) and the first step at each size (TensorFlow sets up kernels for a new shape).
    A scale not yet reached is estimated from a line ``a + b × pixels`` through the scales
    measured so far and a probe step at the full size taken before the run (one step's
    extra work), so the estimate neither counts tracing nor assumes that a step's cost is
    its pixel count (small images cost mostly overhead).
    """

    def __init__(self, pixels: Sequence[int], counts: Sequence[int]):
        self.pixels = [float(p) for p in pixels]
        self.counts = list(counts)
        self.times: dict[int, list[float]] = {}

    def probe(self, index: int, step: Callable[[], float]) -> None:
        """Time ``step`` at scale ``index`` after one untimed (tracing) call."""
        step()
        self.times.setdefault(index, []).append(step())

    def record(self, index: int, seconds: float, *, first: bool = False) -> None:
        if not first:
            self.times.setdefault(index, []).append(seconds)

    def per_step(self, index: int) -> Optional[float]:
        """Seconds per step at scale ``index``: measured, else from the fitted line."""
        measured = self.times.get(index)
        if measured:
            recent = measured[-20:]  # the machine's load changes during a run
            return float(np.median(recent))
        points = [(self.pixels[i], float(np.median(t[-20:]))) for i, t in self.times.items() if t]
        if not points:
            return None
        if len({p for p, _ in points}) == 1:
            pixels, seconds = points[0]
            return seconds * min(1.0, self.pixels[index] / pixels) if pixels else seconds
        slope, intercept = np.polyfit([p for p, _ in points], [t for _, t in points], 1)
        slope = max(0.0, float(slope))
        intercept = max(0.0, float(intercept))
        return intercept + slope * self.pixels[index]

    def remaining(self, index: int, done_here: int) -> Optional[float]:
        """Seconds left after ``done_here`` steps of scale ``index``; None before any timing."""
        total = 0.0
        for i in range(index, len(self.counts)):
            left = self.counts[i] - (done_here if i == index else 0)
            if left <= 0:
                continue
            per_step = self.per_step(i)
            if per_step is None:
                return None
            total += left * per_step
        return total


def _probe_step(step_function, image, style_targets, content_targets, weights) -> float:
    """Seconds of one step on a throw-away image (the ETA's full-size measurement)."""
    import tensorflow as tf

    zeros = tf.zeros_like(image)
    began = time.perf_counter()
    *_, parts = step_function(image, zeros, zeros, tf.constant(1.0), style_targets,
                              content_targets, weights)
    parts.numpy()
    return time.perf_counter() - began


def _to_float_batch(image: np.ndarray):
    import tensorflow as tf

    array = np.asarray(image)
    if array.ndim == 2:
        array = np.stack([array] * 3, axis=-1)
    if array.ndim != 3 or array.shape[2] not in (3, 4):
        raise ValueError(f"expected an H×W×3 RGB image, got shape {array.shape}")
    array = array[..., :3].astype(np.float32)
    if np.asarray(image).dtype == np.uint8 or array.max() > 1.0:
        array = array / 255.0
    return tf.constant(array[None])


def _resize(batch, size: tuple[int, int]):
    import tensorflow as tf

    return tf.clip_by_value(
        tf.image.resize(batch, size, method="bilinear", antialias=True), 0.0, 1.0)


def _to_uint8(batch) -> np.ndarray:
    return np.clip(np.rint(np.asarray(batch)[0] * 255.0), 0, 255).astype(np.uint8)


def style_transfer_job(content_uint8: np.ndarray, style_uint8: np.ndarray,
                       config: Optional[StyleConfig] = None) -> Job:
    """Paint ``content`` in the style of ``style``; a generator job (see :mod:`neurolab.core.jobs`).

    Yields :class:`Progress` (``stage`` names the scale, ``preview`` is the
    current image as uint8 at that scale's size, ``metrics`` has ``loss``,
    ``style``, ``content``, ``tv``, ``eta_seconds``) every ``preview_every`` steps and at the
    end of each scale; returns a :class:`StyleResult`. Closing the generator
    cancels between two steps; the last preview is the latest image.
    """
    import tensorflow as tf

    config = config or StyleConfig()
    scales = sorted(config.scales) or [1.0]
    if scales[-1] != 1.0:
        scales.append(1.0)
    if config.scale_steps is None:
        counts = steps_per_scale(config.steps, scales)
    else:
        counts = [int(c) for c in config.scale_steps]
        if len(counts) != len(scales) or min(counts) < 0 or sum(counts) < 1:
            raise ValueError(f"scale_steps needs one count >= 0 for each of the {len(scales)} "
                             "scales (the full size last)")
        config = replace(config, steps=sum(counts))
    if config.steps < 1 or config.size < MIN_SIDE:
        raise ValueError("style transfer needs steps >= 1 and size >= 16 px")
    if config.start not in ("content", "noise"):
        raise ValueError("start must be 'content' or 'noise'")
    yield Progress(0, config.steps, Phrase("preparing the backbone"))
    from neurolab.core.precision import compute_precision

    backbone = choose_backbone(config.backbone, seed=config.seed).at_precision(compute_precision())
    config = config.resolved(backbone)
    step_function = backbone.step_function
    weights = backbone.step_weights(config)
    content = _to_float_batch(content_uint8)
    style = _to_float_batch(style_uint8)
    final_size = output_size(content.shape[1:3], config.size)
    rng = np.random.default_rng(config.seed)
    sizes = [tuple(max(MIN_SIDE, s) for s in output_size(
        content.shape[1:3], max(MIN_SIDE, round(config.size * scale)))) for scale in scales]
    targets: dict[tuple[int, int], tuple[Any, Any]] = {}

    def targets_at(size):
        """Style and content targets at one size (the probe's are reused by the last scale)."""
        if size not in targets:
            long_side = max(size)
            style_here = _resize(style, output_size(style.shape[1:3], long_side))
            _, content_targets = backbone.features(_resize(content, size))
            targets[size] = (backbone.style_targets(style_here), content_targets)
        return targets[size]

    clock = StepClock([h * w for h, w in sizes], counts)
    clock.probe(len(scales) - 1, lambda: _probe_step(step_function, _resize(content, sizes[-1]),
                                                     *targets_at(sizes[-1]), weights))

    image = None
    losses: list[float] = []
    scale_starts: list[tuple[int, int, int]] = []
    done = 0
    for index, (size, count) in enumerate(zip(sizes, counts)):
        if count == 0:
            continue
        stage = Phrase("styling at {0}×{1} px", (size[1], size[0]))
        content_here = _resize(content, size)
        style_targets, content_targets = targets_at(size)
        if image is None:
            if config.start == "noise":
                noise = rng.uniform(0.0, 1.0, (1, *size, 3)).astype(np.float32)
                image = tf.constant(noise)
            else:
                image = content_here
        else:
            image = _resize(image, size)
        scale_starts.append((done + 1, size[1], size[0]))
        m = tf.zeros_like(image)  # Adam starts afresh at each scale (carrying its
        v = tf.zeros_like(image)  # moments over, upsampled, converged slower)
        metrics = {}
        for i in range(count):
            began = time.perf_counter()
            image, m, v, parts = step_function(image, m, v, tf.constant(i + 1, tf.float32),
                                               style_targets, content_targets, weights)
            loss, s, c, tv = (float(p) for p in parts.numpy())
            clock.record(index, time.perf_counter() - began, first=i == 0)
            losses.append(loss)
            done += 1
            metrics = {"loss": loss, "style": s, "content": c, "tv": tv,
                       "scale_start": float(scale_starts[-1][0]), "width": float(size[1]),
                       "height": float(size[0])}
            eta = clock.remaining(index, i + 1)
            if eta is not None:
                metrics["eta_seconds"] = eta
            if done % config.preview_every == 0 or i == count - 1:
                yield Progress(done, config.steps, stage, preview=_to_uint8(image),
                               metrics=dict(metrics))

    if tuple(image.shape[1:3]) != final_size:
        image = _resize(image, final_size)
    return StyleResult(image=_to_uint8(image), losses=losses, backbone=backbone.name,
                       backbone_description=backbone.description, config=config,
                       scale_starts=scale_starts)
