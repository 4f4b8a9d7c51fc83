"""SqueezeNet v1.1 in Keras, layer for layer as MATLAB's ``squeezenet`` shows it.

The lab sheets print MATLAB's ``analyzeNetwork`` table, so every layer keeps
MATLAB's name and ReLUs stay separate rows rather than fused activations.

MATLAB imported the network from Caffe, whose pooling rounds output sizes up;
MATLAB expresses that as padding [0 1 0 1] on ``pool3`` and ``pool5``. Keras's
'same' max pooling adds exactly that one row and column (bottom, right) on
these even-sized maps, so the shapes match MATLAB: pool3 28x28, pool5 14x14.
``pool1`` sees an odd size (113), where Caffe's rounding changes nothing, so it
stays 'valid' like MATLAB's [0 0 0 0].
"""

from __future__ import annotations

# (name, squeeze filters, expand filters per branch, max pooling after it)
FIRE_MODULES = (
    ("fire2", 16, 64, None),
    ("fire3", 16, 64, "pool3"),
    ("fire4", 32, 128, None),
    ("fire5", 32, 128, "pool5"),
    ("fire6", 48, 192, None),
    ("fire7", 48, 192, None),
    ("fire8", 64, 256, None),
    ("fire9", 64, 256, None),
)


def build_squeezenet(num_classes: int = 1000, input_shape=(227, 227, 3)):
    """SqueezeNet v1.1 (untrained) as a functional model named ``squeezenet``."""
    from keras import Input, Model, layers

    inputs = Input(shape=input_shape, name="data")
    x = layers.Conv2D(64, 3, strides=2, padding="valid", name="conv1")(inputs)
    x = layers.ReLU(name="relu_conv1")(x)
    x = layers.MaxPooling2D(3, strides=2, padding="valid", name="pool1")(x)
    for name, squeeze, expand, pool in FIRE_MODULES:
        x = _fire(x, name, squeeze, expand)
        if pool:
            x = layers.MaxPooling2D(3, strides=2, padding="same", name=pool)(x)
    x = layers.Dropout(0.5, name="drop9")(x)
    x = layers.Conv2D(num_classes, 1, name="conv10")(x)
    x = layers.ReLU(name="relu_conv10")(x)
    x = layers.GlobalAveragePooling2D(name="pool10")(x)
    outputs = layers.Softmax(name="prob")(x)
    return Model(inputs, outputs, name="squeezenet")


def _fire(x, name: str, squeeze: int, expand: int):
    """Squeeze 1x1, then 1x1 and 3x3 expand branches joined along channels."""
    from keras import layers

    x = layers.Conv2D(squeeze, 1, name=f"{name}-squeeze1x1")(x)
    x = layers.ReLU(name=f"{name}-relu_squeeze1x1")(x)
    left = layers.Conv2D(expand, 1, name=f"{name}-expand1x1")(x)
    left = layers.ReLU(name=f"{name}-relu_expand1x1")(left)
    right = layers.Conv2D(expand, 3, padding="same", name=f"{name}-expand3x3")(x)
    right = layers.ReLU(name=f"{name}-relu_expand3x3")(right)
    return layers.Concatenate(axis=-1, name=f"{name}-concat")([left, right])
