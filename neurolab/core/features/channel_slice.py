"""One channel of a layer per image, without computing the layer's other channels.

Feature visualisation grows image *i* for channel ``targets[i]`` only, yet the full layer
computes every channel for every image (64 images × 64 channels for a 64-channel
convolution, forward and backward). When the layer is a ``Conv2D`` or a ``Dense`` (or one
of them followed by layers that act on each channel alone: ``BatchNormalization``, ``ReLU``,
``LeakyReLU``, an elementwise ``Activation``), the network is run up to the layer's *input*
once for the batch, and only channel ``targets[i]`` of the layer is computed for image *i*:
the convolution as a depthwise convolution over the batch laid side by side as channels
(each image its own kernel column), the dense layer as a dot product with its column.

The values equal the full layer's channel (``tests/core/test_features_slice.py``); any
other layer returns ``None`` and the caller computes the whole layer. As the full path
does (:func:`neurolab.core.features.network._before_activation`), the target layer's own
activation is left out: a convolution's channel is raised before its ReLU.
"""

from __future__ import annotations

from typing import Callable, Optional

#: Activations that act on each number alone (so on one channel alone).
_ELEMENTWISE = {"linear", "relu", "relu6", "elu", "selu", "gelu", "sigmoid", "tanh", "swish", "silu",
                "softplus", "softsign", "hard_sigmoid", "hard_silu", "hard_swish", "leaky_relu", "mish",
                "exponential", "celu"}


def sliced_channel(graph, key: str):
    """``(model up to the layer's input, (inputs, targets) -> N×… channel values)`` for layer
    ``key`` of ``graph`` (an activations ``TracedGraph``), or ``None`` where the layer is not
    one this module slices (the caller then computes the whole layer)."""
    import keras

    followers = []  # per-channel steps between the sliced layer and ``key``, outermost first
    tensor = graph.outputs.get(key)
    for _ in range(8):
        layer, inputs = _call_of(tensor)
        if layer is None or len(inputs) != 1:
            return None
        channel = _root(layer)
        if channel is not None:
            if followers and not _activation_is_elementwise(layer):
                return None
            return _composed(keras.Model(graph.input, inputs[0]), channel, layer, followers[::-1])
        step = _follower(layer, inputs[0], first=not followers)
        if step is None:
            return None
        followers.append(step)
        tensor = inputs[0]
    return None


def _composed(before, channel, layer, chain):
    """``before`` (the network up to ``layer``'s input), then ``layer``'s channel per image, its
    own activation where layers follow it, then ``chain``."""
    def compute(fed, targets):
        values = channel(before(fed, training=False), targets)
        if chain:  # the layer's own activation, as the layers after it see it
            values = layer.activation(values)
        for step in chain:
            values = step(values, targets)
        return values

    return compute


def _call_of(tensor):
    """The layer that made ``tensor`` and the tensors it was called on."""
    history = getattr(tensor, "_keras_history", None)
    if history is None:
        return None, []
    layer = history.operation
    node = layer._inbound_nodes[history.node_index]
    return layer, list(node.input_tensors)


def _activation_is_elementwise(layer) -> bool:
    activation = getattr(layer, "activation", None)
    return activation is None or getattr(activation, "__name__", "") in _ELEMENTWISE


def _root(layer) -> Optional[Callable]:
    """``(inputs, targets) -> channel values`` of a layer this module slices, else ``None``."""
    import keras

    if getattr(layer, "lora_enabled", False) or getattr(layer, "quantization_mode", None) is not None:
        return None  # its kernel is not the plain variable read below
    if type(layer) is keras.layers.Conv2D and layer.data_format == "channels_last" and layer.groups == 1:
        return lambda x, targets: _conv_channel(layer, x, targets)
    if type(layer) is keras.layers.Dense:
        return lambda x, targets: _dense_channel(layer, x, targets)
    return None


def _conv_channel(layer, x, targets):
    """Channel ``targets[i]`` of Conv2D ``layer`` on image *i* (N×H'×W', before its activation)."""
    import tensorflow as tf

    kernel = tf.cast(tf.gather(layer.kernel, targets, axis=3), x.dtype)  # kh×kw×C×N
    shape = tf.shape(x)
    count, height, width, channels = shape[0], shape[1], shape[2], shape[3]
    side_by_side = tf.reshape(tf.transpose(x, [1, 2, 0, 3]), [1, height, width, count * channels])
    kh, kw = layer.kernel.shape[0], layer.kernel.shape[1]
    columns = tf.reshape(tf.transpose(kernel, [0, 1, 3, 2]), [kh, kw, count * channels, 1])
    out = tf.nn.depthwise_conv2d(side_by_side, columns, [1, *layer.strides, 1], layer.padding.upper(),
                                 dilations=layer.dilation_rate)
    out_shape = tf.shape(out)
    out = tf.reduce_sum(tf.reshape(out, [out_shape[1], out_shape[2], count, channels]), axis=-1)
    out = tf.transpose(out, [2, 0, 1])
    if layer.bias is not None:
        out += tf.cast(tf.gather(layer.bias, targets), x.dtype)[:, None, None]
    return out


def _dense_channel(layer, x, targets):
    """Unit ``targets[i]`` of Dense ``layer`` on input *i* (N or N×…, before its activation)."""
    import tensorflow as tf

    columns = tf.transpose(tf.cast(tf.gather(layer.kernel, targets, axis=1), x.dtype))  # N×D
    columns = tf.reshape(columns, tf.concat([tf.shape(columns)[:1], tf.ones([tf.rank(x) - 2], tf.int32),
                                             tf.shape(columns)[1:]], 0))
    out = tf.reduce_sum(x * columns, axis=-1)
    if layer.bias is not None:
        bias = tf.cast(tf.gather(layer.bias, targets), x.dtype)
        out += tf.reshape(bias, tf.concat([tf.shape(bias), tf.ones([tf.rank(out) - 1], tf.int32)], 0))
    return out


def _follower(layer, called_on, first: bool) -> Optional[Callable]:
    """``(values, targets) -> values`` for a layer acting on each channel alone (called on
    the tensor ``called_on``), else ``None``. ``first``: the layer is the one asked for,
    whose own activation is left out."""
    import keras
    import tensorflow as tf

    name = type(layer).__name__
    if name == "BatchNormalization" and layer.axis in (-1, len(called_on.shape) - 1):
        def normalised(values, targets):
            def pick(weight, default):
                if weight is None:
                    return tf.cast(default, values.dtype)
                return _per_image(tf.cast(tf.gather(weight, targets), values.dtype), values)
            scale = pick(layer.gamma, 1.0) * tf.math.rsqrt(pick(layer.moving_variance, 1.0) + layer.epsilon)
            return (values - pick(layer.moving_mean, 0.0)) * scale + pick(layer.beta, 0.0)
        return normalised
    if type(layer) in (keras.layers.ReLU, keras.layers.LeakyReLU):
        return lambda values, targets: layer(values)
    if type(layer) is keras.layers.Activation and getattr(layer.activation, "__name__", "") in _ELEMENTWISE:
        if first:  # the asked layer's own activation is left out, as the full path does
            return lambda values, targets: values
        return lambda values, targets: layer.activation(values)
    return None


def _per_image(column, values):
    """A value per image (N) shaped to broadcast over ``values`` (N×…)."""
    import tensorflow as tf

    return tf.reshape(column, tf.concat([tf.shape(column), tf.ones([tf.rank(values) - 1], tf.int32)], 0))
