"""A classifier as the functions the explanation methods need, traced once per model.

Everything works at the network's input size on the photo as the model is fed it
(:func:`neurolab.core.models.classify.model_input`: stretched to the input size, 0–255,
grey models' luminance), through the model's own preprocessing; the class score is the
logit (before the softmax) that :class:`~neurolab.core.adversarial.gradients.GradientModel`
finds, as Grad-CAM's paper and the keras.io example use it.

**A layer inside a nested model.** Grad-CAM needs one layer's activations and their
gradient. Tools that build ``keras.Model(model.inputs, [layer.output, model.output])``
fail when the layer lives in a nested model (a transfer-learning trunk, Teachable
Machine's ``sequential_1/model1``): its output belongs to the inner graph. Here the
layer's ``call`` is wrapped only while the ``tf.function`` is traced, so the whole model
runs as it always does and the wrapper catches the layer's output tensor inside the
trace; the traced graph keeps it, the wrapper is removed at once. Any model that runs
works, however deeply the layer is nested.

The traced functions take a batch of any length (``[None, h, w, C]`` signatures), so
SmoothGrad, occlusion and RISE send as many images per call as fit in a short time.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Optional

import numpy as np

from neurolab.core.adversarial.gradients import gradient_model
from neurolab.core.errors import BadInputError
from neurolab.core.phrases import Phrase

#: SmoothGrad's noise is drawn in chunks of this many copies, each from its own seed, so a
#: result does not depend on how the copies were split into batches.
NOISE_CHUNK = 4
#: Layer classes that are never Grad-CAM's automatic choice (they only pass the image on).
_NOT_FEATURES = ("InputLayer", "Rescaling", "Normalization", "Functional", "Sequential", "Model")


class ExplainModel:
    """A loaded classifier's traced functions for explaining (see the module's docstring).

    - :meth:`layer_gradients` ``(batch, cls) -> (activations, gradients, probabilities)`` of
      one layer (Grad-CAM, Grad-CAM++).
    - :meth:`input_gradients` ``(batch, cls) -> (gradients, probabilities)``: the class
      logit's gradient with respect to each image's pixels (saliency, SmoothGrad).
    - :meth:`probabilities` ``(batch) -> probabilities`` (occlusion, RISE, the verdicts).
    """

    def __init__(self, loaded) -> None:
        import tensorflow as tf

        self.loaded = loaded
        self.gradients = gradient_model(loaded)  # its logits: the softmax stepped around
        self.model = loaded.model
        self.preprocess = loaded.preprocess
        self.output_index = loaded.output_index
        height, width, channels = self.gradients.input_shape
        self.input_shape = (height, width, channels)
        self._spec = tf.TensorSpec([None, height, width, channels], tf.float32)
        self._probabilities = tf.function(self._probability_graph, input_signature=[self._spec])
        self._input_gradients = tf.function(
            self._input_gradient_graph, input_signature=[self._spec, tf.TensorSpec([], tf.int32)])
        one = tf.TensorSpec([1, height, width, channels], tf.float32)
        scalar, count = tf.TensorSpec([], tf.float32), tf.TensorSpec([], tf.int32)
        self._noisy_gradients = tf.function(
            self._noisy_gradient_graph,
            input_signature=[one, tf.TensorSpec([], tf.int32), scalar, tf.TensorSpec([2], tf.int32), count])
        self._occluded = tf.function(
            self._occluded_graph,
            input_signature=[one, tf.TensorSpec([], tf.int32), tf.TensorSpec([None, 2], tf.int32), count,
                             count, tf.TensorSpec([channels], tf.float32)])
        self._layer_functions: dict[str, object] = {}
        self._auto_layer: Optional[str] = None

    @property
    def classes(self) -> int:
        return self.gradients.classes

    # graphs ---------------------------------------------------------------------------
    def _logits(self, batch):
        return self.gradients.logits(batch)

    def _probability_graph(self, batch):
        import tensorflow as tf

        return tf.nn.softmax(self._logits(batch), axis=-1)

    def _input_gradient_graph(self, batch, cls):
        import tensorflow as tf

        with tf.GradientTape() as tape:
            tape.watch(batch)
            logits = self._logits(batch)
            cls = _chosen_class(logits, cls)
            # Each image's score depends on that image alone, so one gradient of the sum
            # is every image's own gradient.
            score = tf.reduce_sum(logits[:, cls])
        return tape.gradient(score, batch), tf.nn.softmax(logits, axis=-1), cls

    def _noisy_gradient_graph(self, image, cls, sigma, seed, count):
        """SmoothGrad's batch: the sum of the class logit's gradients over ``count`` copies of
        ``image`` with Gaussian noise (σ = ``sigma``), drawn here (stateless: ``seed`` is (the
        seed, the index of the batch's first copy, a multiple of :data:`NOISE_CHUNK`))."""
        import tensorflow as tf

        # Copy k's noise comes from seed (seed[0], k // NOISE_CHUNK) wherever the batches split.
        first_chunk = seed[1] // NOISE_CHUNK
        chunks = (count + NOISE_CHUNK - 1) // NOISE_CHUNK
        chunk_shape = tf.concat([[NOISE_CHUNK], tf.shape(image)[1:]], axis=0)
        noise = tf.map_fn(lambda k: tf.random.stateless_normal(chunk_shape, tf.stack([seed[0], first_chunk + k])),
                          tf.range(chunks), fn_output_signature=tf.float32)
        noise = tf.reshape(noise, tf.concat([[-1], tf.shape(image)[1:]], axis=0))[:count]
        noisy = image + sigma * noise
        gradients, _, _ = self._input_gradient_graph(noisy, cls)
        return tf.reduce_sum(gradients, axis=0)

    def _occluded_graph(self, image, cls, places, patch_h, patch_w, fill):
        """Occlusion's batch: the class probability of ``image`` with a ``patch_h`` × ``patch_w``
        square of colour ``fill`` at each (top, left) of ``places``, the squares drawn here."""
        import tensorflow as tf

        height, width = self.input_shape[:2]
        rows, columns = tf.range(height)[None, :], tf.range(width)[None, :]
        tops, lefts = places[:, :1], places[:, 1:]
        inside_rows = (rows >= tops) & (rows < tops + patch_h)
        inside_columns = (columns >= lefts) & (columns < lefts + patch_w)
        covered = tf.cast(inside_rows[:, :, None] & inside_columns[:, None, :], tf.float32)[..., None]
        batch = image * (1.0 - covered) + fill * covered
        return tf.nn.softmax(self._logits(batch), axis=-1)[:, cls]

    # calling them ---------------------------------------------------------------------
    def noisy_gradients(self, image: np.ndarray, cls: int, sigma: float, seed: tuple[int, int],
                        count: int) -> np.ndarray:
        """The sum of ``count`` noisy copies' gradients (h×w×C); see ``_noisy_gradient_graph``."""
        return np.asarray(self._noisy_gradients(np.asarray(image, np.float32), np.int32(cls), np.float32(sigma),
                                                np.asarray(seed, np.int32), np.int32(count)), np.float64)

    def occluded(self, image: np.ndarray, cls: int, places, patch: tuple[int, int], fill) -> np.ndarray:
        """The class probability with a square of ``fill`` at each (top, left) of ``places``."""
        return np.asarray(self._occluded(np.asarray(image, np.float32), np.int32(cls),
                                         np.asarray(places, np.int32).reshape(-1, 2), np.int32(patch[0]),
                                         np.int32(patch[1]), np.asarray(fill, np.float32)), np.float64)

    def probabilities(self, batch: np.ndarray) -> np.ndarray:
        """Softmax probabilities of a float32 batch (N×h×w×C, 0–255), N×classes (computed in the
        gradients' precision: occlusion's and RISE's maps are made of them)."""
        return np.asarray(self._probabilities(np.asarray(batch, np.float32)), dtype=np.float64)

    def verdict(self, batch: np.ndarray) -> np.ndarray:
        """:meth:`probabilities` on the float32 model: what the result says the network answers."""
        return np.asarray(self.gradients.batch_function(np.asarray(batch, np.float32)), dtype=np.float64)

    def input_gradients(self, batch: np.ndarray, cls: int) -> tuple[np.ndarray, np.ndarray, int]:
        """The class logit's gradient with respect to each image (N×h×w×C), the probabilities
        and the class (``cls`` -1: the first image's top-1, found in the same pass)."""
        gradients, probabilities, cls = self._input_gradients(np.asarray(batch, np.float32), np.int32(cls))
        return np.asarray(gradients), np.asarray(probabilities, dtype=np.float64), int(cls)

    def layer_gradients(self, key: str, batch: np.ndarray, cls: int
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """Layer ``key``'s activations (N×h'×w'×K), the class logit's gradient with respect to
        them, the probabilities and the class (``cls`` -1: the top-1, in the same pass)."""
        function = self._layer_function(key)
        activations, gradients, probabilities, cls = function(np.asarray(batch, np.float32), np.int32(cls))
        return (np.asarray(activations), np.asarray(gradients), np.asarray(probabilities, dtype=np.float64),
                int(cls))

    def _layer_function(self, key: str):
        if key not in self._layer_functions:
            self._layer_functions[key] = self._trace_layer_function(key)
        return self._layer_functions[key]

    def _trace_layer_function(self, key: str):
        import tensorflow as tf

        from neurolab.core.precision import compute_copy

        # The layer as the gradients run it: in the lower-precision copy when there is one.
        computed = compute_copy(self.gradients.model, self.gradients.precision)[0]
        layer = find_layer(computed, key)
        caught: list = []

        def graph(batch, cls):
            with tf.GradientTape() as tape:  # the layer's weights are watched: so is its output
                logits = self._logits(batch)
                cls = _chosen_class(logits, cls)
                score = tf.reduce_sum(logits[:, cls])
            if len(caught) != 1:
                return None
            return (tf.cast(caught[0], tf.float32), tf.cast(tape.gradient(score, caught[0]), tf.float32),
                    tf.nn.softmax(logits, axis=-1), cls)

        traced = tf.function(graph, input_signature=[self._spec, tf.TensorSpec([], tf.int32)])
        with _output_caught(layer, caught):
            concrete = traced.get_concrete_function()
        if len(caught) > 1:
            raise BadInputError(Phrase("The layer {0} is used more than once in the network, so it has "
                                       "no single map to explain; choose another layer.", (key,)))
        if not caught:
            raise BadInputError(Phrase("The layer {0} does not lead to the class scores; choose a layer "
                                       "before the output that classifies.", (key,)))
        shape = caught[0].shape
        if len(shape) != 4:
            raise BadInputError(Phrase("Grad-CAM needs a layer whose output is a map (height × width × "
                                       "channels); {0} gives {1} values.",
                                       (key, " × ".join(str(d) for d in shape[1:]))))
        return concrete

    # layers ---------------------------------------------------------------------------
    def last_map_layer(self) -> str:
        """The key of the last layer whose output is a spatial map (height and width above one):
        the last convolutional stage, Grad-CAM's usual layer (MATLAB ``gradCAM``'s default too)."""
        if self._auto_layer is None:
            self._auto_layer = find_last_map_layer(self.model)
        return self._auto_layer


def _chosen_class(logits, cls):
    """``cls``, or the first image's top-1 where ``cls`` is -1 (one pass finds and explains it)."""
    import tensorflow as tf

    return tf.where(cls < 0, tf.cast(tf.argmax(logits[0]), tf.int32), cls)


def find_last_map_layer(model) -> str:
    """The last layer (nested models' layers included, in the layer table's order) whose output
    is height × width × channels with height and width above one; a sentence if none is."""
    from neurolab.core.inspection.analysis import analyze_model

    chosen = None
    for row in analyze_model(model).layers:
        shape = row.activations
        if (shape is None or len(shape) != 3 or row.class_name in _NOT_FEATURES
                or any(d == 1 for d in shape[:2])):
            continue
        chosen = row.key
    if chosen is None:
        raise BadInputError(Phrase("{0} has no layer with a spatial map, so Grad-CAM cannot be used; "
                                   "try saliency, occlusion or RISE.", (model.name,)))
    return chosen


def find_layer(model, key: str):
    """The layer addressed by ``key`` (``parent/name`` inside nested models), else a sentence."""
    layer = model
    for name in key.split("/"):
        try:
            layer = layer.get_layer(name)
        except (ValueError, AttributeError):
            raise BadInputError(Phrase("No layer called {0} in {1}.", (f"'{key}'", model.name))) from None
    return layer


@contextmanager
def _output_caught(layer, caught: list):
    """``layer``'s outputs appended to ``caught`` while the block runs (a trace), then the
    layer as it was."""
    own = layer.call

    def call(*args, **kwargs):
        output = own(*args, **kwargs)
        caught.append(output[0] if isinstance(output, (list, tuple)) else output)
        return output

    object.__setattr__(layer, "call", call)
    try:
        yield caught
    finally:
        object.__delattr__(layer, "call")


#: The last model's ExplainModel (one slot, as ``gradient_model``: it holds the Keras model).
_LAST: list[ExplainModel] = []


def explain_model(loaded) -> ExplainModel:
    """The :class:`ExplainModel` of ``loaded``, reused while the same model is explained."""
    if _LAST:
        cached = _LAST[0]
        if (cached.model is loaded.model and cached.preprocess is loaded.preprocess
                and cached.output_index == loaded.output_index
                and cached.gradients is gradient_model(loaded)):  # and the same precision
            cached.loaded = loaded
            return cached
    _LAST.clear()
    built = ExplainModel(loaded)
    _LAST.append(built)
    return built
