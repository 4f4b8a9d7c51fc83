"""Networks whose filters' preferred input is known by construction, for the Features tests."""

from __future__ import annotations

import numpy as np


def edge_detector():
    """``edge_relu`` channel 0: ReLU of a horizontal edge (bright above, dark below) on the
    grey level; channel 1: the same turned a quarter (a vertical edge). The logits are their
    means. (The ReLU is a layer of its own: a convolution's mean before its ReLU is only its
    border's, which no stripes raise.)"""
    import keras

    image = keras.Input((32, 32, 3), name="image")
    edges = keras.layers.Conv2D(2, 3, padding="same", name="edges")(image)
    edges = keras.layers.ReLU(name="edge_relu")(edges)
    pooled = keras.layers.GlobalAveragePooling2D(name="gap")(edges)
    model = keras.Model(image, keras.layers.Dense(2, name="logits")(pooled), name="edges")
    model.get_layer("logits").set_weights([np.eye(2, dtype=np.float32), np.zeros(2, np.float32)])
    kernel = np.zeros((3, 3, 3, 2), np.float32)
    horizontal = np.array([[1, 1, 1], [0, 0, 0], [-1, -1, -1]], np.float32)
    kernel[:, :, :, 0] = horizontal[:, :, None]
    kernel[:, :, :, 1] = horizontal.T[:, :, None]
    model.get_layer("edges").set_weights([kernel, np.zeros(2, np.float32)])
    return model


def edge_loaded():
    from tests.helpers import loaded_model

    result = loaded_model(edge_detector(), name="edges")
    result.labels = ["horizontal", "vertical"]
    return result
