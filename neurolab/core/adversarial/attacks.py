"""FGSM and L∞ PGD attacks on an image at its own size, judged on the rounded 8-bit result.

``attack_job`` follows the job protocol (:mod:`neurolab.core.jobs`): it yields
:class:`~neurolab.core.jobs.Progress` whose preview is the best rounded
adversarial image so far (a valid uint8 image within ε), so a cancelled attack
leaves its latest preview as the last good result; :func:`attack` runs it to
the end. An attack whose float result stops working after rounding keeps
iterating on the rounded image.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from neurolab.core.adversarial.gradients import check_class, gradient_model, top_predictions
from neurolab.core.adversarial.measures import as_uint8_rgb, image_metrics
from neurolab.core.errors import BadInputError
from neurolab.core.jobs import Job, Progress, run_job
from neurolab.core.models.classify import Prediction
from neurolab.core.phrases import Phrase
from neurolab.core.results import result_json

METHODS = ("fgsm", "pgd")


@dataclass
class AttackConfig:
    """How to attack. ``epsilon`` and ``step_size`` are in 0–255 pixel units (L∞).

    - ``method``: ``'fgsm'`` (one step of size ``step_size``, default ε; no random
      start) or ``'pgd'`` (``steps`` steps of ``step_size``, default ε/4, from a
      random point in the ε-ball when ``random_start``).
    - ``target``: a class index to reach (targeted), or None: anything but ``true_class``.
    - ``true_class``: what a person says the image is; default the clean image's top-1.
    - ``confidence``: PGD stops early once the saved (8-bit) image succeeds and the
      network's new top-1 has at least this probability; None runs every step.
    """

    method: str = "pgd"
    epsilon: float = 8.0
    step_size: Optional[float] = None
    steps: int = 20
    random_start: bool = True
    target: Optional[int] = None
    true_class: Optional[int] = None
    seed: int = 0
    confidence: Optional[float] = None

    #: The one ε range (pixel levels, both ends allowed), followed by the window's spin box,
    #: the command line and :meth:`check`. Below half a level the rounded 8-bit image cannot
    #: change; 255 lets any pixel take any value.
    EPSILON_RANGE = (0.5, 255.0)

    def check(self) -> None:
        """Refuse a method or ε the attack cannot use, with a sentence."""
        if self.method not in METHODS:
            raise BadInputError(Phrase("Unknown attack method {0}: use fgsm or pgd.", (f"'{self.method}'",)))
        low, high = self.EPSILON_RANGE
        if not low <= self.epsilon <= high:
            raise BadInputError(Phrase("Epsilon must be between {0} and {1} pixel levels (of 0–255), not {2}.",
                                       (f"{low:g}", f"{high:g}", f"{self.epsilon:g}")))

    @property
    def resolved_step_size(self) -> float:
        if self.step_size is not None:
            return float(self.step_size)
        return float(self.epsilon) if self.method == "fgsm" else float(self.epsilon) / 4.0

    @property
    def total_steps(self) -> int:
        return 1 if self.method == "fgsm" else max(1, int(self.steps))


@dataclass
class AttackResult:
    """An attack's outcome; every number is measured on the 8-bit images.

    ``perturbation`` is ``adversarial - original`` as int16. ``metrics`` holds
    :func:`image_metrics` (linf, l2, psnr, ssim) plus ``steps_taken``,
    ``target_probability`` and ``true_probability`` (the saved image's).
    """

    original: np.ndarray
    adversarial: np.ndarray
    perturbation: np.ndarray
    before: list[Prediction]
    after: list[Prediction]
    success: bool
    method: str
    epsilon: float
    target: Optional[int]
    true_class: int
    metrics: dict[str, float]
    target_label: Optional[str] = None
    true_label: str = ""
    steps_taken: int = 0
    step_size: float = 0.0

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab attack --json`` and of the window's *Save*
        (:mod:`neurolab.core.results`: ``context`` names the model, image, output)."""
        return result_json({
            "method": self.method, "target": self.target_label,
            "target_index": self.target, "true_class": self.true_label,
            "true_index": self.true_class, "epsilon": self.epsilon, "step_size": self.step_size,
            "steps": self.steps_taken,
            "before": {"top": [p.to_json() for p in self.before]},
            "after": {"top": [p.to_json() for p in self.after]},
            "success": self.success, "linf": int(self.metrics["linf"]), "l2": self.metrics["l2"],
            "psnr": self.metrics["psnr"], "ssim": self.metrics["ssim"],
            "image_size": [int(self.original.shape[1]), int(self.original.shape[0])],
        }, context)


def _succeeded(probabilities: np.ndarray, target: Optional[int], true_class: int) -> bool:
    top = int(np.argmax(probabilities))
    return top == target if target is not None else top != true_class


def _score(probabilities: np.ndarray, target: Optional[int], true_class: int) -> tuple[bool, float]:
    """Sort key for 'better adversarial image': success first, then how far it went."""
    if target is not None:
        return _succeeded(probabilities, target, true_class), float(probabilities[target])
    return _succeeded(probabilities, target, true_class), 1.0 - float(probabilities[true_class])


def _progress_metrics(probabilities: np.ndarray, target: Optional[int], true_class: int) -> dict[str, float]:
    if target is not None:
        aimed = float(probabilities[target])
    else:
        others = np.delete(probabilities, true_class)
        aimed = float(others.max()) if others.size else 0.0
    return {"target_probability": aimed, "true_probability": float(probabilities[true_class])}


def attack_job(loaded, image: np.ndarray, config: Optional[AttackConfig] = None) -> Job:
    """FGSM or L∞ PGD on ``image`` (uint8, any size), judged on the rounded 8-bit result.

    Yields a :class:`Progress` per step; every fifth of the float steps and every
    step of the final rounding phase one carries a preview: the best rounded adversarial
    image so far (a valid uint8 image within ε of the original, at its size)
    with ``metrics`` ``target_probability`` (the target's, or for an untargeted
    attack the most probable other class's) and ``true_probability``.
    Returns an :class:`AttackResult`.

    PGD runs its first steps on floats and its last quarter (at least one step)
    on the image rounded to 8 bits after every step, so what it returns is what
    a saved PNG holds; it keeps the best rounded image it judged.
    """
    config = config or AttackConfig()
    config.check()
    original = as_uint8_rgb(image)
    gm = gradient_model(loaded)
    classes = gm.classes
    target = check_class(loaded, config.target, "target", classes)
    clean = gm.judge([original])[0]
    true_class = check_class(loaded, config.true_class, "true", classes)
    if true_class is None:
        true_class = int(np.argmax(clean))
    eps = float(config.epsilon)
    step = config.resolved_step_size
    total = config.total_steps
    cls = target if target is not None else true_class
    direction = 1.0 if target is not None else -1.0

    import tensorflow as tf

    x0_np = original.astype(np.float32)
    x0 = tf.constant(x0_np)
    low = np.clip(np.ceil(x0_np - eps), 0, 255).astype(np.float32)
    high = np.clip(np.floor(x0_np + eps), 0, 255).astype(np.float32)

    def rounded(x) -> np.ndarray:
        return np.clip(np.rint(np.asarray(x)), low, high).astype(np.uint8)

    if config.method == "pgd" and config.random_start and eps > 0:
        rng = np.random.default_rng(config.seed)
        start = x0_np + rng.uniform(-eps, eps, size=x0_np.shape).astype(np.float32)
        x = tf.constant(np.clip(start, 0, 255))
    else:
        x = x0
    best_image, best_probs, best_key = original, clean, None
    rounding_from = total - max(1, total // 4) if config.method == "pgd" else 0
    check_every = max(1, total // 5)  # judge (a forward pass) every few float steps
    steps_taken = 0
    args = (tf.constant(np.int32(cls)), tf.constant(direction, tf.float32),
            tf.constant(step, tf.float32), tf.constant(eps, tf.float32))
    for i in range(total):
        x, _ = gm.step(x, x0, *args)
        steps_taken = i + 1
        in_rounding = i >= rounding_from
        if in_rounding:
            x = tf.constant(rounded(x).astype(np.float32))
        last = i == total - 1
        if not (in_rounding or last or (i + 1) % check_every == 0):
            yield Progress(steps_taken, total, Phrase("attacking"))
            continue
        candidate = rounded(x)
        probs = gm.judge([candidate])[0]
        key = _score(probs, target, true_class)
        if best_key is None or key > best_key:
            best_key, best_image, best_probs = key, candidate, probs
        stage = Phrase("rounding to 8 bits" if in_rounding and config.method == "pgd" else "attacking")
        yield Progress(steps_taken, total, stage, preview=best_image.copy(),
                       metrics=_progress_metrics(best_probs, target, true_class))
        if (config.confidence is not None and best_key is not None and best_key[0]
                and float(best_probs.max()) >= config.confidence):
            break
    after_probs = gm.judge([best_image])[0]  # what the saved PNG says, recomputed
    metrics: dict[str, Any] = dict(image_metrics(original, best_image))
    metrics.update(steps_taken=steps_taken, **_progress_metrics(after_probs, target, true_class))
    return AttackResult(
        original=original, adversarial=best_image,
        perturbation=best_image.astype(np.int16) - original.astype(np.int16),
        before=top_predictions(loaded, clean), after=top_predictions(loaded, after_probs),
        success=_succeeded(after_probs, target, true_class), method=config.method, epsilon=eps,
        target=target, true_class=true_class, metrics=metrics,
        target_label=loaded.label(target) if target is not None else None,
        true_label=loaded.label(true_class), steps_taken=steps_taken, step_size=step,
    )


def attack(loaded, image: np.ndarray, config: Optional[AttackConfig] = None) -> AttackResult:
    """:func:`attack_job` run to the end on this thread."""
    return run_job(attack_job(loaded, image, config))
