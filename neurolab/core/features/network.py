"""A model as the traced ascent steps feature visualisation and deep dream need.

**Any layer, any size, nested models too.** The activation extractor
(:mod:`neurolab.core.inspection.activations`) already re-applies the model's own layers to
an input of any height and width, recursing into nested models (a transfer-learning trunk),
and keys every layer as the layer table does (``parent/name``). A layer's sub-model is cut
from that graph, so a step runs the network only up to the layer it looks at. Layers that
need the network's own input size (after a Flatten) are cut from the native-size graph
instead, and their images are made at that size.

**One batch, one trace.** :meth:`FeatureNetwork.ascent` is one ``tf.function`` whose
signature has no fixed batch or size (``[None, 3, None, None]`` parameters, the size as a
tensor): image *i* of the batch is optimised for channel ``channels[i]``, so all channels of
a layer grow together, and a new size or channel count needs no new trace. Adam's state
travels in and out of the call with the parameters.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Optional

import numpy as np

from neurolab.core.errors import BadInputError
from neurolab.core.features import parameterization
from neurolab.core.images import LUMA
from neurolab.core.phrases import Phrase

_BETA1, _BETA2, _EPSILON = 0.9, 0.999, 1e-8
#: Layer classes that only pass the image on: nothing to visualise.
_NOT_FEATURES = ("InputLayer", "Rescaling", "Normalization")
#: Deep dream leaves this many pixels of each map's border out of its loss (keras.io's 2).
DREAM_BORDER = 2


class FeatureNetwork:
    """One loaded model's traced functions for growing images (see the module's docstring)."""

    def __init__(self, loaded, extractor=None, precision: str = "float32") -> None:
        from neurolab.core.inspection.activations import ActivationExtractor

        #: What the steps compute in (core.precision): the layers of the model's copy at it.
        self.precision = precision
        self.loaded = loaded
        self.image_input = loaded.require_image()
        self.extractor = extractor if extractor is not None else ActivationExtractor(loaded)
        self._functions: dict[tuple, object] = {}
        self._models: dict[tuple, tuple] = {}
        self.traces = 0  # how many times a step function was traced (the benchmark reads it)
        #: Compute only each image's own channel where the layer allows (False: the whole layer,
        #: the tests' reference).
        self.slice_channels = True

    # what a layer is ------------------------------------------------------------------
    @property
    def native_size(self) -> tuple[int, int]:
        """(height, width) of the network's input."""
        return self.image_input.height, self.image_input.width

    def layer_units(self, key: str) -> int:
        """How many channels (or units) layer ``key`` has; a sentence for a layer without."""
        self.check_layer(key)
        return int(self.extractor.output_shape(key)[-1])

    def needs_native_size(self, key: str) -> bool:
        """True where the layer works only at the network's input size (after a Flatten)."""
        self.check_layer(key)
        return key not in self.extractor.flexible.outputs

    def check_layer(self, key: str) -> None:
        """A sentence for a key that names no layer, or a layer with nothing to visualise."""
        if key not in self.extractor.native.outputs:
            raise BadInputError(Phrase("No layer called {0} in {1}.", (f"'{key}'", self.loaded.model.name)))
        shape = self.extractor.output_shape(key)
        class_name = self._class_name(key)
        if class_name in _NOT_FEATURES or len(shape) not in (1, 3):
            raise BadInputError(Phrase("The layer {0} has no filters or units to visualise; choose a "
                                       "convolution, an activation or a dense layer.", (key,)))

    def _layer(self, key: str, graph=None):
        """The layer object of ``key`` (in ``graph``: the one the steps run; default the model's)."""
        history = getattr((graph or self.extractor.native).outputs[key], "_keras_history", None)
        return history.operation if history is not None else None

    def _class_name(self, key: str) -> str:
        return type(self._layer(key)).__name__

    def _sub_model(self, keys: tuple[str, ...]):
        """The network cut at ``keys`` (any size unless a key needs the native one), and
        whether it is the native-size graph."""
        if keys not in self._models:
            import keras

            for key in keys:
                self.check_layer(key)
            native = any(self.needs_native_size(key) for key in keys)
            graph, used = self.extractor.graph(native, self.precision)
            model = keras.Model(graph.input, [graph.outputs[key] for key in keys])
            self._models[keys] = (model, native, graph, used)
            from neurolab.core.precision import note_used

            note_used(used)
        return self._models[keys][:2]

    def _computed_layer(self, key: str):
        """The layer object of ``key`` that the traced steps run (the copy's at a lower precision)."""
        self._sub_model((key,))
        return self._layer(key, self._models[(key,)][2])

    def precision_used(self, keys: tuple[str, ...]) -> str:
        """What the layer objective of ``keys`` computes in (float32 where no copy could be made)."""
        self._sub_model(tuple(keys))
        return self._models[tuple(keys)][3]

    def _fed(self, pixels):
        """N×H×W×3 pixels (0–255) as the model takes them: grey, then its preprocessing."""
        import tensorflow as tf

        if self.image_input.channels == 1:
            pixels = tf.reduce_sum(pixels * tf.constant(LUMA), axis=-1, keepdims=True)
        return self.image_input.to_model(self.loaded.preprocess(pixels))

    # objectives: images (N×H×W×3, 0–255), targets (N) -> the value each image raises (N) ----
    def _layer_objective(self, key: str):
        """Each image's mean of its channel of layer ``key``: only that channel computed where
        :mod:`~neurolab.core.features.channel_slice` can (a convolution or dense layer and what
        acts per channel after it), else the whole layer and the channel picked."""
        import tensorflow as tf

        from neurolab.core.features.channel_slice import sliced_channel

        model, _ = self._sub_model((key,))
        channel = sliced_channel(self._models[(key,)][2], key) if self.slice_channels else None
        if channel is not None:
            def sliced(images, targets):
                values = tf.cast(channel(self._fed(images), targets), tf.float32)
                return tf.reduce_mean(tf.reshape(values, [tf.shape(values)[0], -1]), axis=1)

            return sliced

        def objective(images, targets):
            values = model(self._fed(images), training=False)
            values = tf.cast(values[0] if isinstance(values, (list, tuple)) else values, tf.float32)
            chosen = tf.gather(values, targets, axis=values.shape.rank - 1, batch_dims=1)
            return tf.reduce_mean(tf.reshape(chosen, [tf.shape(chosen)[0], -1]), axis=1)

        return objective

    def _class_objective(self):
        import tensorflow as tf

        from neurolab.core.adversarial.gradients import gradient_model

        scores = gradient_model(self.loaded)  # its logits: before the softmax

        def objective(images, targets):
            if self.image_input.channels == 1:
                images = tf.reduce_sum(images * tf.constant(LUMA), axis=-1, keepdims=True)
            logits = scores.logits(images)
            return tf.gather(logits, targets, axis=1, batch_dims=1)

        return objective

    # the traced steps -----------------------------------------------------------------
    def ascent(self, kind: str, target: Optional[str]):
        """The traced Adam step of ``kind`` parameters for layer ``target`` (None: the class
        logits): ``(parameters, m, v, t, size, transforms, targets, learning_rate) ->
        (parameters, m, v, objective per image)``."""
        key = ("ascent", kind, target, self.slice_channels)
        if key not in self._functions:
            self._functions[key] = self._trace_ascent(kind, target)
        return self._functions[key]

    def _trace_ascent(self, kind: str, target: Optional[str]):
        import tensorflow as tf

        objective = self._class_objective() if target is None else self._layer_objective(target)
        parameters = tf.TensorSpec([None, 3, None, None], tf.float32)
        scalar = tf.TensorSpec([], tf.float32)

        def step(params, m, v, t, size, transforms, targets, learning_rate):
            self.traces += 1
            with tf.GradientTape(watch_accessed_variables=False) as tape:  # no weight gradients
                tape.watch(params)
                images = parameterization.render(kind, params, size)
                values = objective(parameterization.transformed(images, transforms), targets)
                loss = -tf.reduce_sum(values)  # each image's value depends on that image alone
            gradient = tape.gradient(loss, params)
            m = _BETA1 * m + (1.0 - _BETA1) * gradient
            v = _BETA2 * v + (1.0 - _BETA2) * tf.square(gradient)
            corrected = tf.sqrt(1.0 - _BETA2 ** t) / (1.0 - _BETA1 ** t)
            params = params - learning_rate * corrected * m / (tf.sqrt(v) + _EPSILON)
            return params, m, v, values

        traced = tf.function(step, input_signature=[
            parameters, parameters, parameters, scalar, tf.TensorSpec([2], tf.int32),
            tf.TensorSpec([None, 8], tf.float32), tf.TensorSpec([None], tf.int32), scalar])
        with _before_activation(None if target is None else self._computed_layer(target)):
            return traced.get_concrete_function()

    def renderer(self, kind: str):
        """``(parameters, size) -> images`` (N×H×W×3, 0–255), traced once for every size."""
        key = ("render", kind)
        if key not in self._functions:
            import tensorflow as tf

            self._functions[key] = tf.function(
                lambda params, size: parameterization.render(kind, params, size),
                input_signature=[tf.TensorSpec([None, 3, None, None], tf.float32), tf.TensorSpec([2], tf.int32)])
        return self._functions[key]

    def dream_step(self, layers: tuple[str, ...]):
        """The traced deep-dream step for ``layers``: ``(image H×W×3 0–255, strength) ->
        (image, loss)``; the loss is the sum over layers of the mean square activation (the
        border left out), the gradient scaled to a mean magnitude of one (keras.io's step)."""
        key = ("dream", tuple(layers))
        if key not in self._functions:
            self._functions[key] = self._trace_dream(tuple(layers))
        return self._functions[key]

    def dream_gradient(self, layers: tuple[str, ...]):
        """``image (H×W×3) -> (gradient, loss)`` of the dream's loss, unscaled: one tile of a
        photo too large for one step to answer Cancel in time (traced with :meth:`dream_step`)."""
        self.dream_step(layers)
        return self._functions[("dream-gradient", tuple(layers))]

    def _trace_dream(self, layers: tuple[str, ...]):
        import tensorflow as tf

        model, native = self._sub_model(layers)
        if native:
            raise BadInputError(Phrase("Deep dream needs layers that work at any image size; {0} works only "
                                       "at the network's input size. Choose a convolutional layer.",
                                       (", ".join(k for k in layers if self.needs_native_size(k)),)))

        def raw_gradient(image):
            with tf.GradientTape() as tape:
                tape.watch(image)
                values = model(self._fed(image[None]), training=False)
                values = values if isinstance(values, (list, tuple)) else [values]
                loss = tf.add_n([_dream_loss(tf.cast(value, tf.float32)) for value in values])
            return tape.gradient(loss, image), loss

        def step(image, strength):
            self.traces += 1
            gradient, loss = raw_gradient(image)
            gradient /= tf.maximum(tf.reduce_mean(tf.abs(gradient)), 1e-6)
            return tf.clip_by_value(image + strength * gradient, 0.0, 255.0), loss

        spec = tf.TensorSpec([None, None, 3], tf.float32)
        self._functions[("dream-gradient", layers)] = tf.function(
            raw_gradient, input_signature=[spec]).get_concrete_function()

        traced = tf.function(step, input_signature=[tf.TensorSpec([None, None, 3], tf.float32),
                                                    tf.TensorSpec([], tf.float32)])
        return traced.get_concrete_function()


@contextmanager
def _before_activation(layer):
    """``layer`` without its own activation while the block runs (a trace): a channel is
    raised before its ReLU, as lucid does (``*_pre_relu``), since from a grey start a ReLU's
    output and its gradient are zero for a filter that answers one colour."""
    activation = getattr(layer, "activation", None)
    if activation is None:
        yield
        return
    import keras

    layer.activation = keras.activations.linear
    try:
        yield
    finally:
        layer.activation = activation


def _dream_loss(value):
    import tensorflow as tf

    if value.shape.rank == 4:
        height, width = tf.shape(value)[1], tf.shape(value)[2]
        border = DREAM_BORDER
        trimmed = value[:, border:height - border, border:width - border, :]
        value = tf.cond(tf.size(trimmed) > 0, lambda: trimmed, lambda: value)
    return tf.reduce_mean(tf.square(value))


#: The last model's FeatureNetwork (one slot, as ``explain_model``: it holds the Keras model).
_LAST: list[FeatureNetwork] = []


def feature_network(loaded, extractor=None) -> FeatureNetwork:
    """The :class:`FeatureNetwork` of ``loaded``, reused while the same model is used."""
    from neurolab.core.precision import compute_precision

    wanted = compute_precision()  # a changed setting builds the network again
    if _LAST:
        cached = _LAST[0]
        if (cached.loaded.model is loaded.model and cached.loaded.preprocess is loaded.preprocess
                and cached.precision == wanted):
            return cached
    _LAST.clear()
    if extractor is not None and extractor.loaded.model is not loaded.model:
        extractor = None
    built = FeatureNetwork(loaded, extractor, wanted)
    _LAST.append(built)
    return built


def as_uint8(images) -> np.ndarray:
    return np.clip(np.rint(np.asarray(images, np.float32)), 0, 255).astype(np.uint8)
