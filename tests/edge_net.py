"""A HED-like edge network built in Keras 3 for the tests of layers that fail at a free size.

HED (holistically-nested edge detection) taps each conv block with a 1×1 "side" conv,
brings the deeper sides back to full size with bilinear ``UpSampling2D`` and fuses them
into one sigmoid edge map. Bilinear up-sampling cannot run inside a ``tf.function``
whose input has free height and width (Keras tests a size as a Python bool), which
is what these tests are about.
"""

from __future__ import annotations

import functools

# Layers that raise in the free-size trace, and those computed from them.
UPSAMPLING = ("up2", "up3")
AFTER_UPSAMPLING = ("up2", "up3", "concat", "fuse", "edges")


def hed_like(input_shape=(64, 64, 3), seed: int = 2, *, broken: bool = False):
    """Conv blocks, side outputs up-sampled bilinearly, concatenated and fused to a 1-channel map.

    ``broken`` adds a side branch whose layer raises whenever it runs (at any size, traced
    or not): a layer that can never be computed.
    """
    import keras

    keras.utils.set_random_seed(seed)
    layers = keras.layers
    inputs = keras.Input(input_shape, name="image")
    c1 = layers.Conv2D(8, 3, padding="same", activation="relu", name="conv1")(inputs)
    s1 = layers.Conv2D(1, 1, name="side1")(c1)
    p1 = layers.MaxPooling2D(2, name="pool1")(c1)
    c2 = layers.Conv2D(16, 3, padding="same", activation="relu", name="conv2")(p1)
    s2 = layers.Conv2D(1, 1, name="side2")(c2)
    u2 = layers.UpSampling2D(2, interpolation="bilinear", name="up2")(s2)
    p2 = layers.MaxPooling2D(2, name="pool2")(c2)
    c3 = layers.Conv2D(16, 3, padding="same", activation="relu", name="conv3")(p2)
    s3 = layers.Conv2D(1, 1, name="side3")(c3)
    u3 = layers.UpSampling2D(4, interpolation="bilinear", name="up3")(s3)
    fused = layers.Conv2D(1, 1, name="fuse")(layers.Concatenate(name="concat")([s1, u2, u3]))
    outputs = layers.Activation("sigmoid", name="edges")(fused)
    if broken:
        outputs = [outputs, always_fails_class()(name="broken")(c3)]
    return keras.Model(inputs, outputs, name="hed_like")


@functools.cache
def always_fails_class():
    """A layer class (made once: importing Keras is slow) that builds symbolically, its shape
    declared, and raises whenever it is computed."""
    import keras

    class AlwaysFails(keras.layers.Layer):
        def call(self, inputs):
            raise ValueError("This layer is broken on purpose. It never computes anything.")

        def compute_output_spec(self, inputs):
            return keras.KerasTensor(inputs.shape, inputs.dtype)

    return AlwaysFails
