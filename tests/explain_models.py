"""Networks whose explanation is known by construction, for the Explain tests.

:func:`red_detector` says "red" exactly as much as there are pure red pixels: a 1×1
convolution computes ReLU(R − G − B) (zero on grey, on black, on every colour but red), a
3×3 convolution keeps that map (its layer ``features`` is Grad-CAM's automatic choice),
global average pooling and a Dense layer give the logits of ``red`` (40 × the red area),
``green`` and ``other`` (constants). Every method's map must peak on the red patch.
"""

from __future__ import annotations

import numpy as np

#: The red square of :func:`red_photo`: rows and columns (half-open) in a 48×64 photo.
PATCH_ROWS, PATCH_COLUMNS = (9, 24), (36, 56)
CLASSES = ["red", "green", "other"]


def red_photo(height: int = 48, width: int = 64) -> np.ndarray:
    """Grey, with a pure red rectangle at :data:`PATCH_ROWS` × :data:`PATCH_COLUMNS`."""
    image = np.full((height, width, 3), 128, np.uint8)
    image[slice(*PATCH_ROWS), slice(*PATCH_COLUMNS)] = (255, 0, 0)
    return image


def red_detector(*, nested: bool = False, size: int = 32):
    """The red detector (see the module's docstring); ``nested``: its convolutions are a nested
    ``keras.Model`` ``trunk``, as a transfer-learning model's are."""
    import keras

    image = keras.Input((size, size, 3), name="image")
    trunk_in = keras.Input((size, size, 3), name="trunk_in") if nested else image
    red = keras.layers.Conv2D(2, 1, activation="relu", name="redness")(trunk_in)
    features = keras.layers.Conv2D(2, 3, padding="same", activation="relu", name="features")(red)
    if nested:
        trunk = keras.Model(trunk_in, features, name="trunk")
        features = trunk(image)
    pooled = keras.layers.GlobalAveragePooling2D(name="gap")(features)
    outputs = keras.layers.Dense(3, activation="softmax", name="predictions")(pooled)
    model = keras.Model(image, outputs, name="red_detector_nested" if nested else "red_detector")
    redness = np.zeros((1, 1, 3, 2), np.float32)
    redness[0, 0, :, 0] = (1.0, -1.0, -1.0)  # ReLU(R − G − B) on 0–1 pixels
    redness[0, 0, :, 1] = (-1.0, 1.0, -1.0)  # ReLU(G − R − B)
    layer = (model.get_layer("trunk") if nested else model)
    layer.get_layer("redness").set_weights([redness, np.zeros(2, np.float32)])
    keep = np.zeros((3, 3, 2, 2), np.float32)
    keep[1, 1, 0, 0] = keep[1, 1, 1, 1] = 1.0
    layer.get_layer("features").set_weights([keep, np.zeros(2, np.float32)])
    dense = np.array([[40.0, 0.0, 0.0], [0.0, 40.0, 0.0]], np.float32)
    model.get_layer("predictions").set_weights([dense, np.array([0.0, 0.0, 0.5], np.float32)])
    return model


def loaded(model):
    from tests.helpers import loaded_model

    result = loaded_model(model, name=model.name)
    result.labels = list(CLASSES)
    return result
