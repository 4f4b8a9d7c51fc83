"""Small Keras 3 models of every shape issue #15 names, built in-process for the tests:
the TensorFlow quickstart MLP (an (H, W) input), a 1-D conv model, a two-input model, a
two-output net (a softmax and a 4-value box) and a map network (a 1-channel sigmoid map)."""

from __future__ import annotations


def quickstart_mlp():
    """The TensorFlow beginner quickstart: Flatten of 28×28, Dense 128, Dropout, Dense 10 (logits)."""
    import keras

    keras.utils.set_random_seed(3)
    return keras.Sequential([keras.Input((28, 28), name="input_layer"), keras.layers.Flatten(name="flatten"),
                             keras.layers.Dense(128, activation="relu", name="dense"),
                             keras.layers.Dropout(0.2, name="dropout"),
                             keras.layers.Dense(10, name="dense_1")], name="quickstart")


def conv1d():
    """A sequence model: 50 steps of 3 values, a 1-D convolution, a 2-way softmax."""
    import keras

    keras.utils.set_random_seed(3)
    inputs = keras.Input((50, 3), name="signal")
    x = keras.layers.Conv1D(8, 3, activation="relu", name="conv")(inputs)
    x = keras.layers.GlobalAveragePooling1D(name="gap")(x)
    return keras.Model(inputs, keras.layers.Dense(2, activation="softmax", name="prob")(x), name="conv1d")


def two_inputs():
    """Two vectors in, added, two scores out."""
    import keras

    a, b = keras.Input((8,), name="a"), keras.Input((8,), name="b")
    return keras.Model([a, b], keras.layers.Dense(2, name="scores")(keras.layers.Add(name="add")([a, b])),
                       name="two_inputs")


def two_outputs():
    """MTCNN-like: a 24×24 image, a face/not-face softmax "prob" and a 4-value box "bbox"."""
    import keras

    keras.utils.set_random_seed(3)
    inputs = keras.Input((24, 24, 3), name="image")
    x = keras.layers.Conv2D(8, 3, activation="relu", name="conv1")(inputs)
    x = keras.layers.MaxPooling2D(2, name="pool1")(x)
    x = keras.layers.Conv2D(16, 3, activation="relu", name="conv2")(x)
    x = keras.layers.GlobalMaxPooling2D(name="gmp")(x)
    return keras.Model(inputs, [keras.layers.Dense(2, activation="softmax", name="prob")(x),
                                keras.layers.Dense(4, name="bbox")(x)], name="two_outputs")


def edge_map():
    """HED-like, small: convolutions to a 1-channel sigmoid map at the input's size."""
    import keras

    keras.utils.set_random_seed(3)
    inputs = keras.Input((32, 32, 3), name="image")
    x = keras.layers.Conv2D(8, 3, padding="same", activation="relu", name="conv1")(inputs)
    x = keras.layers.Conv2D(8, 3, padding="same", activation="relu", name="conv2")(x)
    return keras.Model(inputs, keras.layers.Conv2D(1, 1, activation="sigmoid", name="edges")(x),
                       name="edge_map")


MODEL_BUILDERS = {"quickstart_mlp": quickstart_mlp, "conv1d": conv1d, "two_inputs": two_inputs,
                  "two_outputs": two_outputs, "edge_map": edge_map}
