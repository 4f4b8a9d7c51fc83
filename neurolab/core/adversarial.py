"""Adversarial images: FGSM and PGD attacks, fooling images, blending, human-side measures.

The lab's point in one line: an image a person calls a daisy and the network
calls a flamingo. Everything here works in 0–255 pixel units on the image at
its *own* size: the resize to the model's input (bilinear, antialiased like
Pillow's) is part of the differentiated path, so a student gets their own
photo back, changed by a few levels per pixel.

Every verdict ("the attack worked", "the network says …") is judged on the
8-bit image exactly as it would be saved as PNG and read back, classified the
way :func:`neurolab.core.models.classify.classify` does it. An attack whose float
result stops working after rounding keeps iterating on the rounded image.

Long work follows the job protocol (:mod:`neurolab.core.jobs`): ``attack_job``,
``fool_job`` and ``blend_job`` are generators that yield :class:`Progress` and
return their result; ``attack``, ``fool`` and :func:`blend_curve` run them (or
their work) to the end. Each preview is a valid uint8 image (for an attack:
the best rounded adversarial image so far, within ε), so a cancelled job
leaves its latest preview as the last good result.

Nothing here imports Qt; TensorFlow is imported when a model is first used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np

from neurolab.core.errors import BadInputError
from neurolab.core.images import LUMA, resize_image
from neurolab.core.jobs import Job, Progress, run_job
from neurolab.core.models.classify import Prediction, model_input

METHODS = ("fgsm", "pgd")
FOOL_STARTS = ("noise", "grey")
BLEND_MODES = ("mix", "add")
TOP_K = 5
#: The most alphas :func:`blend_curve` sends through the model in one batch.
BLEND_BATCH = 32
#: SSIM as ``tf.image.ssim`` computes it: 11×11 Gaussian window, σ = 1.5, K1, K2.
SSIM_FILTER_SIZE = 11
SSIM_SIGMA = 1.5
SSIM_K1, SSIM_K2 = 0.01, 0.03


# --- the differentiable model ------------------------------------------------------

class GradientModel:
    """A loaded model as a differentiable function of an image of any size (0–255 floats).

    ``image (H×W×3, any H, W) -> resize to the model's input (inside the tape)
    -> luminance for grey models -> the model's own preprocessing -> scores``.

    The scores are logits: taken from before a final Softmax (layer, Activation
    or a Dense with ``activation='softmax'``) when there is one; else, if one
    probe shows the output already sums to one, log-probabilities; otherwise
    the model's output is taken to be logits and softmax gives probabilities.
    Gradients use the log-odds of a class, ``z_c - logsumexp(z_j, j != c)`` =
    ``log p_c - log(1 - p_c)``, which does not saturate when the model is sure.

    The compiled functions (``tf.function`` with ``[None, None, 3]`` image
    signatures, so one trace serves every image size):

    - :attr:`step_function` ``(x, x0, cls, direction, step, eps) -> (x_new, probs)``
      (called through :meth:`step`),
      one signed-gradient step on the log-odds of ``cls`` (``direction`` +1
      raises it, -1 lowers it), projected to the L∞ ball of ``eps`` around
      ``x0`` and to [0, 255]; ``probs`` are for ``x``.
    - :attr:`gradient_function` ``(x, cls) -> (gradient of the log-odds, probs)``.
    - :attr:`probability_function` ``(x) -> probs``.
    - :attr:`batch_function` ``(batch at the model's input size, after
      resize/luminance, before preprocessing) -> probs``: the judge of rounded images.
    """

    def __init__(self, loaded) -> None:
        import tensorflow as tf

        self.loaded = loaded
        self.model = loaded.model
        self.input_shape = tuple(int(d) for d in loaded.input_shape)
        self.preprocess = loaded.preprocess
        #: True when the model's output is probabilities (a final softmax, found in the
        #: graph or, failing that, by probing the output once); False: logits.
        self.ends_in_softmax: bool
        self._scores, self.ends_in_softmax = _score_function(loaded.model)
        if not self.ends_in_softmax and _outputs_probabilities(
                loaded.model, loaded.preprocess, self.input_shape):
            # A softmax hidden where the graph could not be cut (inside a nested model).
            self._scores, self.ends_in_softmax = _log_probabilities(loaded.model), True
        image = tf.TensorSpec([None, None, 3], tf.float32)
        scalar = tf.TensorSpec([], tf.float32)
        height, width, channels = self.input_shape
        self.probability_function = tf.function(self._probabilities_graph, input_signature=[image])
        self.gradient_function = tf.function(
            self._gradient_graph, input_signature=[image, tf.TensorSpec([], tf.int32)])
        self.step_function = tf.function(
            self._step_graph,
            input_signature=[image, image, tf.TensorSpec([], tf.int32), scalar, scalar, scalar])
        self.batch_function = tf.function(
            self._batch_graph,
            input_signature=[tf.TensorSpec([None, height, width, channels], tf.float32)])
        self._step_concrete = None
        self._gradient_concrete = None

    @property
    def classes(self) -> int:
        return int(self.model.outputs[0].shape[-1])

    # graph pieces (traced inside the tf.functions) ---------------------------------
    def _model_input(self, image):
        """H×W×3 float image -> 1×h×w×C model input (before preprocessing), differentiably."""
        import tensorflow as tf

        height, width, channels = self.input_shape
        # At the model's own size this resize is the identity (exactly: the triangle
        # kernel samples pixel centres), so no branch is needed.
        batch = tf.image.resize(image[None], (height, width), method="bilinear", antialias=True)
        if channels == 1:
            batch = tf.reduce_sum(batch * tf.constant(LUMA, tf.float32), axis=-1, keepdims=True)
        return batch

    def _logits(self, batch):
        """Preprocessed model input -> logits, one row per image."""
        import tensorflow as tf

        return tf.cast(self._scores(self.preprocess(batch)), tf.float32)

    def _probabilities_graph(self, image):
        import tensorflow as tf

        return tf.nn.softmax(self._logits(self._model_input(image))[0])

    def _gradient_graph(self, image, cls):
        import tensorflow as tf

        with tf.GradientTape() as tape:
            tape.watch(image)
            logits = self._logits(self._model_input(image))[0]
            objective = _log_odds(logits, cls)
        gradient = tape.gradient(objective, image)
        return gradient, tf.nn.softmax(logits)

    def _step_graph(self, x, x0, cls, direction, step, eps):
        import tensorflow as tf

        gradient, probabilities = self._gradient_graph(x, cls)
        moved = x + direction * step * tf.sign(gradient)
        moved = tf.clip_by_value(moved, x0 - eps, x0 + eps)
        return tf.clip_by_value(moved, 0.0, 255.0), probabilities

    def _batch_graph(self, batch):
        import tensorflow as tf

        return tf.nn.softmax(self._logits(batch), axis=-1)

    # calling the traced functions ---------------------------------------------
    def step(self, x, x0, cls, direction, step, eps):
        """:attr:`step_function` through its one concrete function.

        A concrete function skips tf.function's per-call signature matching,
        which on a small model is a tenth of the step.
        """
        if self._step_concrete is None:
            self._step_concrete = self.step_function.get_concrete_function()
        return self._step_concrete(x, x0, cls, direction, step, eps)

    # NumPy-facing API ------------------------------------------------------------
    def probabilities(self, image: np.ndarray) -> np.ndarray:
        """Class probabilities of a float (or uint8) H×W×3 image in 0–255, through the TF path."""
        return np.asarray(self.probability_function(_as_float_rgb(image)), dtype=np.float64)

    def gradient(self, image: np.ndarray, cls: int) -> tuple[np.ndarray, np.ndarray]:
        """Gradient of the log-odds of ``cls`` with respect to the image, and its probabilities."""
        if self._gradient_concrete is None:
            self._gradient_concrete = self.gradient_function.get_concrete_function()
        gradient, probabilities = self._gradient_concrete(_as_float_rgb(image), np.int32(cls))
        return np.asarray(gradient), np.asarray(probabilities, dtype=np.float64)

    def judge(self, images: Sequence[np.ndarray]) -> np.ndarray:
        """Probabilities of uint8 images, exactly as ``classify`` computes them (N×classes)."""
        if len(images) == 0:
            return np.zeros((0, self.classes))
        batch = np.concatenate([model_input(self.loaded, np.asarray(img, dtype=np.uint8))
                                for img in images], axis=0)
        out = []
        for start in range(0, len(batch), BLEND_BATCH):
            out.append(np.asarray(self.batch_function(batch[start:start + BLEND_BATCH]), dtype=np.float64))
        return np.concatenate(out, axis=0)


def _log_odds(logits, cls):
    """``z_c - logsumexp(z_j, j != c)``: log p_c - log(1 - p_c), without saturation."""
    import tensorflow as tf

    mask = tf.one_hot(cls, tf.shape(logits)[0], on_value=True, off_value=False, dtype=tf.bool)
    others = tf.where(mask, tf.fill(tf.shape(logits), tf.constant(-1e9, logits.dtype)), logits)
    return tf.gather(logits, cls) - tf.reduce_logsumexp(others)


def _is_softmax(function) -> bool:
    name = getattr(function, "__name__", "") or getattr(function, "name", "")
    return str(name).lower() == "softmax"


def _score_function(model):
    """(batch -> logits, whether the model ends in a softmax that was stepped around).

    A final ``Softmax`` layer or ``Activation('softmax')``: its input is the logits.
    A final layer with ``activation='softmax'`` (Keras Applications' Dense
    'predictions'): the same layer's linear part, with its own weights. Anything
    else: the model's output is taken to be logits.
    """
    import keras

    last = model.layers[-1] if model.layers else None
    try:
        if isinstance(last, keras.layers.Softmax) or (
                isinstance(last, keras.layers.Activation) and _is_softmax(last.activation)):
            before = keras.Model(model.inputs, last.input)
            return (lambda batch: before(batch, training=False)), True
        if isinstance(last, keras.layers.Dense) and _is_softmax(last.activation):
            before = keras.Model(model.inputs, last.input)

            def dense_logits(batch):
                hidden = before(batch, training=False)
                logits = keras.ops.matmul(hidden, last.kernel)
                return logits + last.bias if last.use_bias else logits

            return dense_logits, True
        if last is not None and _is_softmax(getattr(last, "activation", None)):
            return _log_probabilities(model), True
    except (ValueError, AttributeError, TypeError):  # a graph Keras cannot cut: use the output
        pass
    return (lambda batch: model(batch, training=False)), False


def _log_probabilities(model):
    """Log-probabilities as logits (softmax(log p) = p) where no logits can be had.

    Only the guard against saturation is lost: a class the model gives exactly
    probability 1.0 in float32 has no gradient left.
    """
    import keras

    def log_probabilities(batch):
        return keras.ops.log(keras.ops.maximum(model(batch, training=False), 1e-30))

    return log_probabilities


def _outputs_probabilities(model, preprocess, input_shape) -> bool:
    """Probe once: does the model's output already sum to one (a softmax we did not find)?"""
    height, width, channels = input_shape
    probe = np.full((1, height, width, channels), 128.0, dtype=np.float32)
    out = np.asarray(model(preprocess(probe), training=False), dtype=np.float64).reshape(-1)
    return bool(out.size > 1 and out.min() >= 0.0 and abs(out.sum() - 1.0) < 1e-3)


#: The last model's GradientModel. One slot only: a GradientModel holds its Keras
#: model, so a larger cache would keep models alive after the window let them go.
_LAST_GRADIENT_MODEL: list[GradientModel] = []


def gradient_model(loaded) -> GradientModel:
    """The :class:`GradientModel` of ``loaded``, reused while the same model is attacked.

    Its tf.functions are traced once; building another model's replaces it.
    """
    if _LAST_GRADIENT_MODEL:
        cached = _LAST_GRADIENT_MODEL[0]
        if (cached.model is loaded.model and cached.preprocess is loaded.preprocess
                and cached.input_shape == tuple(int(d) for d in loaded.input_shape)):
            cached.loaded = loaded
            return cached
    _LAST_GRADIENT_MODEL.clear()  # let the old model go before building the new one
    built = GradientModel(loaded)
    _LAST_GRADIENT_MODEL.append(built)
    return built


def _as_float_rgb(image: np.ndarray) -> np.ndarray:
    array = np.asarray(image, dtype=np.float32)
    if array.ndim == 2:
        array = array[:, :, None]
    if array.ndim != 3 or array.shape[2] not in (1, 3):
        raise BadInputError(f"An image must be height × width × 3, not {list(array.shape)}.")
    if array.shape[2] == 1:
        array = np.repeat(array, 3, axis=2)
    return np.ascontiguousarray(array)


def _as_uint8_rgb(image: np.ndarray) -> np.ndarray:
    array = np.asarray(image)
    if array.dtype != np.uint8:
        raise BadInputError(f"An image must hold 8-bit pixels (uint8), not {array.dtype}.")
    return np.ascontiguousarray(_as_float_rgb(array).astype(np.uint8))


def top_predictions(loaded, probabilities: np.ndarray, k: int = TOP_K) -> list[Prediction]:
    """The ``k`` most probable classes as :class:`Prediction` objects."""
    probabilities = np.asarray(probabilities, dtype=np.float64).reshape(-1)
    order = np.argsort(-probabilities, kind="stable")[:max(1, k)]
    return [Prediction(int(i), loaded.label(int(i)), float(probabilities[i])) for i in order]


def _check_class(loaded, index: Optional[int], what: str, classes: int) -> Optional[int]:
    if index is None:
        return None
    index = int(index)
    if not 0 <= index < classes:
        raise BadInputError(f"The {what} class {index} does not exist: the model has {classes} "
                            f"classes (0–{classes - 1}).")
    return index


# --- human-side measures ----------------------------------------------------------

def image_metrics(original: np.ndarray, changed: np.ndarray) -> dict[str, float]:
    """How different two same-sized 8-bit images are, in the units a person can judge.

    - ``linf`` (int): the largest change of any pixel value, 0–255 units.
    - ``l2`` (float): the Euclidean length of the change over all pixels and channels, 0–255 units.
    - ``psnr`` (dB): as ``tf.image.psnr(max_val=255)``; ``float('inf')`` for identical
      images (strict JSON has no infinity: writing it safely is the caller's job).
    - ``ssim``: as ``tf.image.ssim(max_val=255)`` (11×11 Gaussian, σ = 1.5, the mean
      over channels); images smaller than 11 pixels use a window as large as they are.
    """
    a = np.asarray(original)
    b = np.asarray(changed)
    if a.shape != b.shape:
        raise BadInputError(f"Cannot compare images of different sizes ({list(a.shape)} and "
                            f"{list(b.shape)}).")
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    diff = b - a
    linf = int(np.abs(diff).max()) if diff.size else 0
    l2 = float(np.sqrt(np.sum(diff * diff)))
    return {"linf": linf, "l2": l2, "psnr": psnr(a, b), "ssim": ssim(a, b)}


def psnr(a: np.ndarray, b: np.ndarray, max_val: float = 255.0) -> float:
    """Peak signal-to-noise ratio in dB, as ``tf.image.psnr``; inf for identical images."""
    mse = float(np.mean((np.asarray(a, np.float64) - np.asarray(b, np.float64)) ** 2))
    if mse == 0.0:
        return float("inf")
    return 20.0 * math.log10(max_val) - 10.0 * math.log10(mse)


def _gaussian(size: int, sigma: float) -> np.ndarray:
    coords = np.arange(size, dtype=np.float64) - (size - 1) / 2.0
    g = np.exp(-0.5 * coords ** 2 / sigma ** 2)
    return g / g.sum()


def _filter_valid(x: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Separable 'VALID' Gaussian filter over the first two axes of a 2-D array.

    Windows times weights (a BLAS product), a band of rows at a time so the
    windowed copies stay near 32 MB whatever the image size.
    """
    from numpy.lib.stride_tricks import sliding_window_view

    n = len(g)
    rows, cols = x.shape[0] - n + 1, x.shape[1] - n + 1
    out = np.empty((rows, cols), dtype=np.float64)
    band = max(1, (1 << 22) // max(1, x.shape[1] * n))
    for top in range(0, rows, band):
        stop = min(rows, top + band)
        vertical = sliding_window_view(x[top:stop + n - 1], n, axis=0) @ g
        out[top:stop] = sliding_window_view(vertical, n, axis=1) @ g
    return out


def ssim(a: np.ndarray, b: np.ndarray, max_val: float = 255.0) -> float:
    """Structural similarity, computed as ``tf.image.ssim`` does (mean over channels).

    One channel at a time in float64, so a 12-megapixel photo needs about 1 GB at most.
    """
    a = np.asarray(a)
    b = np.asarray(b)
    if a.ndim == 2:
        a, b = a[:, :, None], b[:, :, None]
    size = min(SSIM_FILTER_SIZE, a.shape[0], a.shape[1])
    if size < 1 or a.shape[2] == 0:
        return 1.0
    g = _gaussian(size, SSIM_SIGMA)
    c1 = (SSIM_K1 * max_val) ** 2
    c2 = (SSIM_K2 * max_val) ** 2
    per_channel = []
    for channel in range(a.shape[2]):
        x = a[:, :, channel].astype(np.float64)
        y = b[:, :, channel].astype(np.float64)
        mean_x, mean_y = _filter_valid(x, g), _filter_valid(y, g)
        num0 = mean_x * mean_y * 2.0
        den0 = mean_x ** 2 + mean_y ** 2
        luminance = (num0 + c1) / (den0 + c1)
        num1 = _filter_valid(x * y, g) * 2.0
        den1 = _filter_valid(x * x + y * y, g)
        contrast_structure = (num1 - num0 + c2) / (den1 - den0 + c2)
        per_channel.append(float(np.mean(luminance * contrast_structure)))
    return float(np.mean(per_channel))


def amplify(perturbation: np.ndarray, epsilon: Optional[float] = None) -> np.ndarray:
    """A perturbation made visible: ``128 + p · 127 / max(max|p|, 1)`` as uint8 RGB.

    Mid-grey is "unchanged"; the largest change becomes full brightness or black.
    ``epsilon`` is accepted for the callers' convenience and does not change the
    scale (the largest change present sets it, so a small change stays visible).
    """
    p = np.asarray(perturbation, dtype=np.float64)
    if p.ndim == 2:
        p = p[:, :, None]
    if p.shape[-1] == 1:
        p = np.repeat(p, 3, axis=2)
    return np.clip(np.rint(128.0 + p * amplification(p)), 0, 255).astype(np.uint8)


def amplification(perturbation: np.ndarray) -> float:
    """The factor :func:`amplify` multiplies a perturbation by: ``127 / max(max|p|, 1)``.

    Shown beside the picture, so a student knows a change of 8 levels was drawn 16 times larger.
    """
    p = np.asarray(perturbation, dtype=np.float64)
    return 127.0 / max(float(np.abs(p).max()) if p.size else 0.0, 1.0)


def unchanged_share(perturbation: np.ndarray) -> float:
    """The share of pixel values (0–1) a perturbation leaves as they were: grey in :func:`amplify`.

    Why: "grey = unchanged" is only a useful caption when it says how much is grey
    (after a PGD attack with a random start, almost nothing is).
    """
    p = np.asarray(perturbation)
    return float(np.mean(p == 0)) if p.size else 1.0


# --- attacks ----------------------------------------------------------------------

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

    def to_json(self, model_name: str, output_path: Optional[str] = None) -> dict[str, Any]:
        """The JSON of ``neurolab attack --json``.

        ``psnr`` may be ``inf`` (nothing changed): map it for strict JSON.
        """
        return {
            "model": model_name, "method": self.method, "target": self.target_label,
            "target_index": self.target, "true_class": self.true_label,
            "true_index": self.true_class, "epsilon": self.epsilon, "step_size": self.step_size,
            "steps": self.steps_taken,
            "before": {"top": [p.to_json() for p in self.before]},
            "after": {"top": [p.to_json() for p in self.after]},
            "success": self.success, "linf": int(self.metrics["linf"]), "l2": self.metrics["l2"],
            "psnr": self.metrics["psnr"], "ssim": self.metrics["ssim"],
            "image_size": [int(self.original.shape[1]), int(self.original.shape[0])],
            "output": output_path,
        }


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
    if config.method not in METHODS:
        raise BadInputError(f"Unknown attack method '{config.method}': use fgsm or pgd.")
    if not config.epsilon >= 0:
        raise BadInputError(f"Epsilon must be 0 or more (pixel levels 0–255), not {config.epsilon}.")
    original = _as_uint8_rgb(image)
    gm = gradient_model(loaded)
    classes = gm.classes
    target = _check_class(loaded, config.target, "target", classes)
    clean = gm.judge([original])[0]
    true_class = _check_class(loaded, config.true_class, "true", classes)
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
            yield Progress(steps_taken, total, "attacking")
            continue
        candidate = rounded(x)
        probs = gm.judge([candidate])[0]
        key = _score(probs, target, true_class)
        if best_key is None or key > best_key:
            best_key, best_image, best_probs = key, candidate, probs
        stage = "rounding to 8 bits" if in_rounding and config.method == "pgd" else "attacking"
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


# --- fooling images ---------------------------------------------------------------

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

    def to_json(self, model_name: str, output_path: Optional[str] = None) -> dict[str, Any]:
        """The JSON of ``neurolab fool --json``: ``before`` is the starting noise, ``after`` the result."""
        out = {
            "model": model_name, "method": "fool", "target": self.label, "target_index": self.target,
            "start": self.start_kind, "steps": self.steps_taken, "confidence": self.confidence,
            "probability": self.probability,
            "before": {"top": [p.to_json() for p in self.start_top]},
            "after": {"top": [p.to_json() for p in self.top]}, "success": self.success,
            "image_size": [int(self.image.shape[1]), int(self.image.shape[0])],
            "output": output_path,
        }
        for key in ("linf", "l2", "psnr", "ssim"):
            if key in self.metrics:
                out[key] = self.metrics[key]
        return out


def _fool_size(loaded, size) -> tuple[int, int]:
    """(height, width) from None (the model's input), an int (square) or (width, height)."""
    if size is None:
        return int(loaded.input_shape[0]), int(loaded.input_shape[1])
    if isinstance(size, (int, np.integer)):
        width = height = int(size)
    else:
        width, height = (int(v) for v in size)
    if width < 1 or height < 1:
        raise BadInputError(f"A fooling image needs a positive size, not {size}.")
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
        raise BadInputError(f"Unknown start '{start}': use noise or grey.")
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
        raise BadInputError(f"Unknown start '{start}': use noise or grey.")
    gm = gradient_model(loaded)
    target = _check_class(loaded, target, "target", gm.classes)
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
            yield Progress(steps_taken, steps, "growing", preview=best_image.copy(),
                           metrics={"target_probability": float(best_probs[target])})
        else:
            yield Progress(steps_taken, steps, "growing")
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


# --- blending ---------------------------------------------------------------------

def _noise_like(image: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """The noise as uint8 RGB at the image's size (Pillow bilinear, as everywhere)."""
    noise = _as_uint8_rgb(noise)
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
    raise BadInputError(f"Unknown blend mode '{mode}': use add or mix.")


def blend(image: np.ndarray, noise: np.ndarray, alpha: float, *, mode: str = "mix") -> np.ndarray:
    """The image with a weight ``alpha`` (0–1) of noise, as uint8 at the image's size.

    ``mode='mix'`` (default, the lab's "combine the image with the noise"):
    ``(1 − alpha) · image + alpha · noise``, rounded. ``alpha = 0`` is the image
    itself, ``alpha = 1`` the noise alone; a person keeps seeing the image well
    past ``alpha = 0.3``. It works for both kinds of noise the tab offers: an
    amplified perturbation (:func:`amplify`, 128 ± 127) flips the network at a
    few per cent, a fooling image (grown from noise) at a larger weight.
    ``mode='add'``: ``image + alpha · (noise − 128)``, clipped — mid-grey means
    "no change", so the image keeps its full contrast; with an amplified
    perturbation ``alpha = max|p| / 127`` gives back the attack itself.

    The noise is resized (Pillow bilinear) to the image's size first, so the
    result has the image's size.
    """
    original = _as_uint8_rgb(image)
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

    def to_json(self) -> dict[str, Any]:
        return {"true_class": self.true_label, "true_index": self.true_class, "mode": self.mode,
                "flip_alpha": self.flip_alpha,
                "curve": [{"alpha": a, "true_probability": p, "top": t.to_json()}
                          for a, p, t in zip(self.alphas, self.true_probability, self.top)]}


def blend_job(loaded, image: np.ndarray, noise: np.ndarray, alphas: Sequence[float],
              true_class: Optional[int] = None, *, mode: str = "mix") -> Job:
    """:func:`blend_curve` as a job: one progress event per batch of ≤ 32 alphas."""
    original = _as_uint8_rgb(image)
    resized = _noise_like(original, noise)
    if mode not in BLEND_MODES:
        raise BadInputError(f"Unknown blend mode '{mode}': use add or mix.")
    gm = gradient_model(loaded)
    alphas = [float(a) for a in alphas]
    probabilities = []
    for start in range(0, len(alphas), BLEND_BATCH):
        chunk = alphas[start:start + BLEND_BATCH]
        batch = np.concatenate([
            model_input(loaded, np.clip(np.rint(_blend_float(original, resized, a, mode)), 0, 255)
                        .astype(np.uint8)) for a in chunk], axis=0)
        probabilities.append(np.asarray(gm.batch_function(batch), dtype=np.float64))
        yield Progress(min(start + len(chunk), len(alphas)), len(alphas), "blending")
    probs = np.concatenate(probabilities, axis=0) if probabilities else np.zeros((0, gm.classes))
    true_class = _check_class(loaded, true_class, "true", gm.classes)
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

    def to_json(self, model_name: str, output_path: Optional[str] = None) -> dict[str, Any]:
        """The JSON of ``neurolab blend --json``; ``success``: the top-1 is no longer the true class."""
        return {
            "model": model_name, "method": "blend", "mode": self.mode, "alpha": self.alpha,
            "target": None, "true_class": self.true_label, "true_index": self.true_class,
            "before": {"top": [p.to_json() for p in self.before]},
            "after": {"top": [p.to_json() for p in self.after]}, "success": self.success,
            "linf": int(self.metrics["linf"]), "l2": self.metrics["l2"], "psnr": self.metrics["psnr"],
            "ssim": self.metrics["ssim"],
            "image_size": [int(self.original.shape[1]), int(self.original.shape[0])],
            "output": output_path,
        }


def blend_result(loaded, image: np.ndarray, noise: np.ndarray, alpha: float,
                 true_class: Optional[int] = None, *, mode: str = "mix") -> BlendResult:
    """Blend once and say what the network and a person would see (for ``neurolab blend``)."""
    original = _as_uint8_rgb(image)
    blended = blend(original, noise, alpha, mode=mode)
    gm = gradient_model(loaded)
    clean, mixed = gm.judge([original, blended])
    true_class = _check_class(loaded, true_class, "true", gm.classes)
    if true_class is None:
        true_class = int(np.argmax(clean))
    return BlendResult(original=original, blended=blended, alpha=float(alpha),
                       before=top_predictions(loaded, clean), after=top_predictions(loaded, mixed),
                       true_class=true_class, success=int(np.argmax(mixed)) != true_class,
                       metrics=image_metrics(original, blended), mode=mode,
                       true_label=loaded.label(true_class))
