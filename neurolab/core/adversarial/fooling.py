"""Fooling images grown from noise, and noise blended into a photo until the network flips.

``fool_job`` and ``blend_job`` follow the job protocol (:mod:`neurolab.core.jobs`);
:func:`fool` and :func:`blend_curve` run them to the end. A fooling image's
previews are valid uint8 images, judged as saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np

from neurolab.core.adversarial.gradients import BLEND_BATCH, check_class, gradient_model, top_predictions
from neurolab.core.adversarial.measures import as_uint8_rgb, image_metrics
from neurolab.core.errors import BadInputError
from neurolab.core.images import resize_image
from neurolab.core.jobs import Job, Progress, run_job
from neurolab.core.models.classify import Prediction, model_input
from neurolab.core.phrases import Phrase
from neurolab.core.results import result_json

FOOL_STARTS = ("noise", "grey")
BLEND_MODES = ("mix", "add")


@dataclass
class FoolResult:
    """A fooling image grown from noise (or grey), judged as 8-bit pixels.

    ``start`` is the image it grew from (same size); ``metrics`` compares the two
    with :func:`image_metrics`.
    """

    image: np.ndarray
    probability: float
    target: int
    label: str
    steps_taken: int
    top: list[Prediction]
    success: bool = False
    confidence: float = 0.95
    start: Optional[np.ndarray] = None
    start_kind: str = "noise"
    start_top: list[Prediction] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab fool --json`` and the window's *Save* (:mod:`neurolab.core.results`):
        ``before`` is the starting noise, ``after`` the result."""
        out = {
            "method": "fool", "target": self.label, "target_index": self.target,
            "start": self.start_kind, "steps": self.steps_taken, "confidence": self.confidence,
            "probability": self.probability,
            "before": {"top": [p.to_json() for p in self.start_top]},
            "after": {"top": [p.to_json() for p in self.top]}, "success": self.success,
            "image_size": [int(self.image.shape[1]), int(self.image.shape[0])],
        }
        for key in ("linf", "l2", "psnr", "ssim"):
            if key in self.metrics:
                out[key] = self.metrics[key]
        return result_json(out, context)


def _fool_size(loaded, size) -> tuple[int, int]:
    """(height, width) from None (the model's input), an int (square) or (width, height)."""
    if size is None:
        return loaded.require_image().shape[:2]
    if isinstance(size, (int, np.integer)):
        width = height = int(size)
    else:
        width, height = (int(v) for v in size)
    if width < 1 or height < 1:
        raise BadInputError(Phrase("A fooling image needs a positive size, not {0}.", (size,)))
    return height, width


def _fool_start(rng, start: str, height: int, width: int) -> np.ndarray:
    """The uint8 image a fooling image grows from: uniform noise drawn from ``rng``, or plain grey."""
    if start == "noise":
        return rng.integers(0, 256, size=(height, width, 3)).astype(np.uint8)
    return np.full((height, width, 3), 128, dtype=np.uint8)


def fool_start_image(loaded, *, start: str = "noise", seed: int = 0, size=None) -> np.ndarray:
    """The image :func:`fool_job` with the same ``start``, ``seed`` and ``size`` grows from.

    The window shows it while the fooling image grows (the photo has nothing to do with it).
    """
    if start not in FOOL_STARTS:
        raise BadInputError(Phrase("Unknown start {0}: use noise or grey.", (f"'{start}'",)))
    height, width = _fool_size(loaded, size)
    return _fool_start(np.random.default_rng(seed), start, height, width)


def fool_job(loaded, target: int, *, start: str = "noise", steps: int = 200, step_size: float = 2.0,
             seed: int = 0, confidence: float = 0.95, size=None, jitter: int = 0) -> Job:
    """Grow an image the network calls ``target`` from uniform noise (or plain grey).

    Signed-gradient ascent on the target's log-odds, ``step_size`` levels per
    pixel per step, no structure prior: the result stays noise with a faint
    pattern, not a picture of the class. ``jitter`` > 0 shifts the image by up
    to that many pixels before each gradient (a slightly more robust pattern).
    Stops once the rounded 8-bit image reaches ``confidence``. ``size`` is an
    int (square) or (width, height); default the model's input size.
    Yields :class:`Progress` with previews; returns a :class:`FoolResult`.
    """
    if start not in FOOL_STARTS:
        raise BadInputError(Phrase("Unknown start {0}: use noise or grey.", (f"'{start}'",)))
    gm = gradient_model(loaded)
    target = check_class(loaded, target, "target", gm.classes)
    height, width = _fool_size(loaded, size)
    steps = max(1, int(steps))
    rng = np.random.default_rng(seed)
    start_image = _fool_start(rng, start, height, width)
    x = start_image.astype(np.float32)
    best_image = start_image
    best_probs = gm.judge([start_image])[0]
    start_probs = best_probs
    preview_every = max(1, steps // 20)
    steps_taken = 0
    done = float(best_probs[target]) >= confidence
    for i in range(steps):
        if done:
            break
        if jitter > 0:
            dy, dx = (int(v) for v in rng.integers(-jitter, jitter + 1, size=2))
            gradient, probs = gm.gradient(np.roll(x, (dy, dx), axis=(0, 1)), target)
            gradient = np.roll(gradient, (-dy, -dx), axis=(0, 1))
        else:
            gradient, probs = gm.gradient(x, target)
        x = np.clip(x + step_size * np.sign(gradient), 0.0, 255.0).astype(np.float32)
        steps_taken = i + 1
        hint = float(probs[target]) >= confidence * 0.9  # probs are for the image before the step
        if hint or (i + 1) % preview_every == 0 or i == steps - 1:
            candidate = np.clip(np.rint(x), 0, 255).astype(np.uint8)
            judged = gm.judge([candidate])[0]
            if float(judged[target]) >= float(best_probs[target]):
                best_image, best_probs = candidate, judged
            done = float(best_probs[target]) >= confidence
            yield Progress(steps_taken, steps, Phrase("growing"), preview=best_image.copy(),
                           metrics={"target_probability": float(best_probs[target])})
        else:
            yield Progress(steps_taken, steps, Phrase("growing"))
    probability = float(best_probs[target])
    return FoolResult(
        image=best_image, probability=probability, target=target, label=loaded.label(target),
        steps_taken=steps_taken, top=top_predictions(loaded, best_probs),
        success=probability >= confidence, confidence=float(confidence), start=start_image,
        start_kind=start, start_top=top_predictions(loaded, start_probs),
        metrics=image_metrics(start_image, best_image),
    )


def fool(loaded, target: int, **options) -> FoolResult:
    """:func:`fool_job` run to the end on this thread."""
    return run_job(fool_job(loaded, target, **options))


def _noise_like(image: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """The noise as uint8 RGB at the image's size (Pillow bilinear, as everywhere)."""
    noise = as_uint8_rgb(noise)
    height, width = image.shape[:2]
    if noise.shape[:2] != (height, width):
        noise = resize_image(noise, (width, height))
    return noise


def _blend_float(image: np.ndarray, noise: np.ndarray, alpha: float, mode: str) -> np.ndarray:
    if mode == "add":
        return image.astype(np.float32) + np.float32(alpha) * (noise.astype(np.float32) - 128.0)
    if mode == "mix":
        return (np.float32(1.0 - alpha) * image.astype(np.float32)
                + np.float32(alpha) * noise.astype(np.float32))
    raise BadInputError(Phrase("Unknown blend mode {0}: use add or mix.", (f"'{mode}'",)))


def blend(image: np.ndarray, noise: np.ndarray, alpha: float, *, mode: str = "mix") -> np.ndarray:
    """The image with a weight ``alpha`` (0–1) of noise, as uint8 at the image's size.

    ``mode='mix'`` (default, the lab's "combine the image with the noise"):
    ``(1 − alpha) · image + alpha · noise``, rounded. ``alpha = 0`` is the image
    itself, ``alpha = 1`` the noise alone; a person keeps seeing the image well
    past ``alpha = 0.3``. It works for both kinds of noise the tab offers: an
    amplified perturbation (:func:`~neurolab.core.adversarial.measures.amplify`, 128 ± 127) flips the network at a
    few per cent, a fooling image (grown from noise) at a larger weight.
    ``mode='add'``: ``image + alpha · (noise − 128)``, clipped — mid-grey means
    "no change", so the image keeps its full contrast; with an amplified
    perturbation ``alpha = max|p| / 127`` gives back the attack itself.

    The noise is resized (Pillow bilinear) to the image's size first, so the
    result has the image's size.
    """
    original = as_uint8_rgb(image)
    mixed = _blend_float(original, _noise_like(original, noise), float(alpha), mode)
    return np.clip(np.rint(mixed), 0, 255).astype(np.uint8)


@dataclass
class BlendCurve:
    """The network's answer against the noise weight.

    ``true_probability[i]`` is the probability of ``true_class`` and ``top[i]``
    the network's top-1 :class:`Prediction` for ``alphas[i]`` (``ranked[i]``: its
    top five, so the window can show five bars as it does for the original); ``flip_alpha`` is
    the first alpha (in the order given) whose top-1 is not ``true_class``, or None.
    """

    alphas: list[float]
    true_probability: list[float]
    top: list[Prediction]
    flip_alpha: Optional[float]
    true_class: int
    true_label: str = ""
    mode: str = "mix"
    ranked: list[list[Prediction]] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [p.label for p in self.top]

    def result_at(self, index: int, original: np.ndarray, blended: np.ndarray,
                  before: list[Prediction], metrics: dict[str, float]) -> "BlendResult":
        """The blend at ``alphas[index]`` as a :class:`BlendResult` (the window's slider position),
        so the window saves the JSON ``neurolab blend`` prints."""
        after = self.ranked[index] if self.ranked else [self.top[index]]
        return BlendResult(original=original, blended=blended, alpha=self.alphas[index],
                           before=before, after=after, true_class=self.true_class,
                           success=self.top[index].index != self.true_class, metrics=metrics,
                           mode=self.mode, true_label=self.true_label)

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The curve as JSON (:mod:`neurolab.core.results`)."""
        return result_json({
            "method": "blend", "true_class": self.true_label, "true_index": self.true_class,
            "mode": self.mode, "flip_alpha": self.flip_alpha,
            "curve": [{"alpha": a, "true_probability": p, "top": t.to_json()}
                      for a, p, t in zip(self.alphas, self.true_probability, self.top)]}, context)


def blend_job(loaded, image: np.ndarray, noise: np.ndarray, alphas: Sequence[float],
              true_class: Optional[int] = None, *, mode: str = "mix") -> Job:
    """:func:`blend_curve` as a job: one progress event per batch of ≤ 32 alphas."""
    original = as_uint8_rgb(image)
    resized = _noise_like(original, noise)
    if mode not in BLEND_MODES:
        raise BadInputError(Phrase("Unknown blend mode {0}: use add or mix.", (f"'{mode}'",)))
    gm = gradient_model(loaded)
    alphas = [float(a) for a in alphas]
    probabilities = []
    for start in range(0, len(alphas), BLEND_BATCH):
        chunk = alphas[start:start + BLEND_BATCH]
        batch = np.concatenate([
            model_input(loaded, np.clip(np.rint(_blend_float(original, resized, a, mode)), 0, 255)
                        .astype(np.uint8)) for a in chunk], axis=0)
        probabilities.append(np.asarray(gm.batch_function(batch), dtype=np.float64))
        yield Progress(min(start + len(chunk), len(alphas)), len(alphas), Phrase("blending"))
    probs = np.concatenate(probabilities, axis=0) if probabilities else np.zeros((0, gm.classes))
    true_class = check_class(loaded, true_class, "true", gm.classes)
    if true_class is None:
        true_class = int(np.argmax(gm.judge([original])[0]))
    ranked = [top_predictions(loaded, row) for row in probs]
    tops = [row[0] for row in ranked]
    flip = next((a for a, t in zip(alphas, tops) if t.index != true_class), None)
    return BlendCurve(alphas=alphas, true_probability=[float(row[true_class]) for row in probs],
                      top=tops, flip_alpha=flip, true_class=true_class,
                      true_label=loaded.label(true_class), mode=mode, ranked=ranked)


def blend_curve(loaded, image: np.ndarray, noise: np.ndarray, alphas: Sequence[float],
                true_class: Optional[int] = None, *, mode: str = "mix") -> BlendCurve:
    """The network's answer for every alpha: one batched forward pass per ≤ 32 alphas.

    Each point is exactly what ``classify`` says of ``blend(image, noise, alpha)``.
    ``true_class`` defaults to the clean image's top-1.
    """
    return run_job(blend_job(loaded, image, noise, alphas, true_class, mode=mode))


@dataclass
class BlendResult:
    """One blend, with the network's answer before and after and the human-side measures."""

    original: np.ndarray
    blended: np.ndarray
    alpha: float
    before: list[Prediction]
    after: list[Prediction]
    true_class: int
    success: bool
    metrics: dict[str, float]
    mode: str = "mix"
    true_label: str = ""

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab blend --json`` and the window's *Save* (:mod:`neurolab.core.results`);
        ``success``: the top-1 is no longer the true class."""
        return result_json({
            "method": "blend", "mode": self.mode, "alpha": self.alpha,
            "target": None, "true_class": self.true_label, "true_index": self.true_class,
            "before": {"top": [p.to_json() for p in self.before]},
            "after": {"top": [p.to_json() for p in self.after]}, "success": self.success,
            "linf": int(self.metrics["linf"]), "l2": self.metrics["l2"], "psnr": self.metrics["psnr"],
            "ssim": self.metrics["ssim"],
            "image_size": [int(self.original.shape[1]), int(self.original.shape[0])],
        }, context)


def blend_result(loaded, image: np.ndarray, noise: np.ndarray, alpha: float,
                 true_class: Optional[int] = None, *, mode: str = "mix") -> BlendResult:
    """Blend once and say what the network and a person would see (for ``neurolab blend``)."""
    original = as_uint8_rgb(image)
    blended = blend(original, noise, alpha, mode=mode)
    gm = gradient_model(loaded)
    clean, mixed = gm.judge([original, blended])
    true_class = check_class(loaded, true_class, "true", gm.classes)
    if true_class is None:
        true_class = int(np.argmax(clean))
    return BlendResult(original=original, blended=blended, alpha=float(alpha),
                       before=top_predictions(loaded, clean), after=top_predictions(loaded, mixed),
                       true_class=true_class, success=int(np.argmax(mixed)) != true_class,
                       metrics=image_metrics(original, blended), mode=mode,
                       true_label=loaded.label(true_class))
