"""A loaded model as a differentiable function of an image of any size, and its verdicts.

The attacks and fooling images step along this gradient; every verdict goes
through :meth:`GradientModel.judge`, which classifies 8-bit images exactly as
:func:`neurolab.core.models.classify.classify` does.
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from neurolab.core.adversarial.measures import as_float_rgb
from neurolab.core.errors import BadInputError
from neurolab.core.images import LUMA
from neurolab.core.models.classify import Prediction, model_input
from neurolab.core.phrases import Phrase, phrase_template

#: How many classes a result lists (its top five).
TOP_K = 5

#: The most images :meth:`GradientModel.judge` (and so :func:`~neurolab.core.adversarial.fooling.blend_curve`)
#: sends through the model in one batch.
BLEND_BATCH = 32


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

    Precision (:mod:`neurolab.core.precision`): gradients (the steps, :meth:`logits`, which
    explanations and class images differentiate) run on the model's lower-precision copy
    when ``precision`` is bfloat16/float16; every probability a person reads as a verdict
    (:meth:`probabilities`, :meth:`judge`, :meth:`exact_logits`) is computed on the float32
    model. ``precision`` is what the gradients really run in.
    """

    def __init__(self, loaded, precision: str = "float32") -> None:
        import tensorflow as tf

        from neurolab.core.precision import compute_copy

        self.loaded = loaded
        self.image_input = loaded.require_image()
        #: Which output classifies: a GradientModel serves that one only.
        self.output_index = loaded.require_classifier()
        self.whole_model = loaded.model
        #: The model giving only the output that classifies (the model itself when it has one).
        self.model = loaded.classifier_model()
        self.input_shape = self.image_input.shape
        self.preprocess = loaded.preprocess
        #: True when the model's output is probabilities (a final softmax, found in the
        #: graph or, failing that, by probing the output once); False: logits.
        self.ends_in_softmax: bool
        self._scores, self.ends_in_softmax = _score_function(self.model)
        self._hidden_softmax = not self.ends_in_softmax and _outputs_probabilities(
            self.model, self._model_preprocess, self.input_shape)
        if self._hidden_softmax:
            # A softmax hidden where the graph could not be cut (inside a nested model).
            self._scores, self.ends_in_softmax = _log_probabilities(self.model), True
        #: The scores gradients are taken of: the float32 ones, or the same cut of the copy.
        self._fast_scores = self._scores
        copy, self.precision = compute_copy(self.model, precision)
        if self.precision != "float32":
            self._fast_scores = _score_function(copy)[0] if not self._hidden_softmax else _log_probabilities(copy)
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

    def _model_preprocess(self, batch):
        """The model's preprocessing, then the batch as the model takes it (an ``(H, W)``
        model's channel axis dropped)."""
        return self.image_input.to_model(self.preprocess(batch))

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

    def logits(self, batch):
        """Model input (before preprocessing) -> logits as float32, one row per image (the attacks',
        the explanations' and the class images' scores), computed in :attr:`precision`."""
        import tensorflow as tf

        return tf.cast(self._fast_scores(self._model_preprocess(batch)), tf.float32)

    def exact_logits(self, batch):
        """:meth:`logits` on the float32 model: what verdicts (probabilities) are computed from."""
        import tensorflow as tf

        return tf.cast(self._scores(self._model_preprocess(batch)), tf.float32)

    def _probabilities_graph(self, image):
        import tensorflow as tf

        return tf.nn.softmax(self.exact_logits(self._model_input(image))[0])

    def _gradient_graph(self, image, cls):
        import tensorflow as tf

        with tf.GradientTape() as tape:
            tape.watch(image)
            logits = self.logits(self._model_input(image))[0]
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

        return tf.nn.softmax(self.exact_logits(batch), axis=-1)

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
        return np.asarray(self.probability_function(as_float_rgb(image)), dtype=np.float64)

    def gradient(self, image: np.ndarray, cls: int) -> tuple[np.ndarray, np.ndarray]:
        """Gradient of the log-odds of ``cls`` with respect to the image, and its probabilities."""
        if self._gradient_concrete is None:
            self._gradient_concrete = self.gradient_function.get_concrete_function()
        gradient, probabilities = self._gradient_concrete(as_float_rgb(image), np.int32(cls))
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

    Its tf.functions are traced once; building another model's, or the same at another
    precision (:func:`core.precision.compute_precision`, read here), replaces it.
    """
    from neurolab.core.precision import compute_precision, note_used

    wanted = compute_precision()
    if _LAST_GRADIENT_MODEL:
        cached = _LAST_GRADIENT_MODEL[0]
        if (cached.whole_model is loaded.model and cached.preprocess is loaded.preprocess
                and cached.output_index == loaded.output_index and cached.wanted == wanted
                and cached.input_shape == tuple(int(d) for d in loaded.input_shape)):
            cached.loaded = loaded
            note_used(cached.precision)
            return cached
    _LAST_GRADIENT_MODEL.clear()  # let the old model go before building the new one
    built = GradientModel(loaded, wanted)
    built.wanted = wanted
    note_used(built.precision)
    _LAST_GRADIENT_MODEL.append(built)
    return built


def top_predictions(loaded, probabilities: np.ndarray, k: int = TOP_K) -> list[Prediction]:
    """The ``k`` most probable classes as :class:`Prediction` objects."""
    probabilities = np.asarray(probabilities, dtype=np.float64).reshape(-1)
    order = np.argsort(-probabilities, kind="stable")[:max(1, k)]
    return [Prediction(int(i), loaded.label(int(i)), float(probabilities[i])) for i in order]


def check_class(loaded, index: Optional[int], what: str, classes: int) -> Optional[int]:
    """``index`` as an int when the model has that class (None stays None), else a sentence."""
    if index is None:
        return None
    index = int(index)
    if not 0 <= index < classes:
        template = {"target": phrase_template("The target class {0} does not exist: the model has {1} classes "
                                              "(0–{2})."),
                    "true": phrase_template("The true class {0} does not exist: the model has {1} classes "
                                            "(0–{2}).")}[what]
        raise BadInputError(Phrase(template, (index, classes, classes - 1)))
    return index
