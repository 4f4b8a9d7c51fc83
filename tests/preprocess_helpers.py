"""Small models built in-process for the preprocessing tests (core, CLI, window)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def scale_sensitive_model(size: int = 8):
    """GAP then Dense: class 0 when the inputs' mean is positive, class 1 when negative.

    A dark grey image (level 64) is class 0 with pixels in [0, 1] and class 1 with
    pixels in [-1, 1], so the preprocessing decides the answer.
    """
    import keras

    inputs = keras.Input((size, size, 3), name="image")
    x = keras.layers.Conv2D(3, 1, use_bias=False, name="conv")(inputs)
    x = keras.layers.GlobalAveragePooling2D(name="gap")(x)
    outputs = keras.layers.Dense(2, activation="softmax", name="fc")(x)
    model = keras.Model(inputs, outputs, name="scale_sensitive")
    model.get_layer("conv").set_weights([np.eye(3, dtype="float32").reshape(1, 1, 3, 3)])
    model.get_layer("fc").set_weights([np.array([[3.0, -3.0]] * 3, dtype="float32"),
                                       np.zeros(2, dtype="float32")])
    return model


def teachable_machine_like(folder: Path, *, name: str = "keras_model.h5", labels: bool = True) -> Path:
    """A Teachable Machine-shaped export: an outer Sequential holding a Sequential MobileNet-like
    trunk (depthwise convolutions) and a Sequential Dense head, saved as ``name``, with a
    ``labels.txt`` whose lines read ``0 Cats`` (TM's format) when ``labels``."""
    import keras

    keras.utils.set_random_seed(3)
    trunk = keras.Sequential([keras.Input((16, 16, 3)),
                              keras.layers.Conv2D(4, 3, strides=2, padding="same", name="conv1"),
                              keras.layers.DepthwiseConv2D(3, padding="same", name="dw1"),
                              keras.layers.Conv2D(8, 1, name="pw1"),
                              keras.layers.GlobalAveragePooling2D(name="gap")], name="sequential_1")
    head = keras.Sequential([keras.Input((8,)), keras.layers.Dense(5, activation="relu", name="dense_1"),
                             keras.layers.Dense(2, activation="softmax", name="dense_2")],
                            name="sequential_3")
    model = keras.Sequential([keras.Input((16, 16, 3)), trunk, head], name="sequential_4")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    model.save(path)
    if labels:
        (folder / "labels.txt").write_text("0 Cats\n1 Dogs\n", encoding="utf-8")
    return path
