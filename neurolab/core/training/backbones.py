"""The networks a classifier is built on: a trunk that turns 0–255 pictures into one feature vector.

Every trunk takes raw 0–255 RGB pictures and does its own preprocessing inside, as its first
layers (a ``Rescaling``, or for per-channel means and a BGR order a frozen 1×1 convolution
after one), so a saved classifier says "raw 0–255" to neurolab's loader and anybody feeding it
pixels gets what training saw. The trunk ends in global average pooling over the last spatial
feature map; ``last_block`` are the layers fine-tuning unfreezes (batch normalisation stays
frozen, in inference mode, as Keras's transfer-learning guide advises: small batches would
wreck its statistics).

- ``bundled``: the bundled shapes model's four convolutions (offline, always there; flat, so
  its layers show one by one in the Activations tab), rebuilt at any picture size.
- ``scratch``: a small CNN, every layer trained.
- a Keras Application or SqueezeNet: its ImageNet weights from the cache, nested as one layer,
  built at the picture size asked for (smaller pictures: far faster features on a CPU).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from neurolab.core.errors import BadInputError, ModelError
from neurolab.core.models.preprocessing import CHOICES
from neurolab.core.phrases import Phrase
from neurolab.core.training.config import BUNDLED, SCRATCH, SQUEEZENET


@dataclass
class Trunk:
    """``model``: H×W×3 (0–255) → features; ``last_block``: the layers fine-tuning unfreezes."""

    model: Any
    last_block: list
    features: int


def build_trunk(key: str, size: int, seed: int = 0) -> Trunk:
    """The trunk of backbone ``key`` for size×size pictures (its weights cached or bundled)."""
    if key == BUNDLED:
        return _bundled(size)
    if key == SCRATCH:
        return _scratch(size, seed)
    return _pretrained(key, size)


def _bundled(size: int) -> Trunk:
    import keras

    from neurolab.core.models.bundled.train import build_model
    from neurolab.core.models.catalog import load_bundled

    trained = load_bundled().model
    model = build_model(int(trained.output.shape[-1]), size)  # same layers, any input size
    model.set_weights(trained.get_weights())
    trunk = keras.Model(model.input, model.get_layer("gap").output, name="trunk")
    return Trunk(trunk, [trunk.get_layer("conv4")], int(trunk.output.shape[-1]))


def _scratch(size: int, seed: int) -> Trunk:
    """Four conv–BN–ReLU stages (32, 64, 128, 128 channels), each of the first three halving the
    map while it is at least 16 px (64 px → 8, 32 → 8, 8 px digits keep their 8×8): small enough
    for a CPU, and small pictures are not pooled away."""
    import keras
    from keras import layers

    inputs = keras.Input((size, size, 3), name="data")
    x = layers.Rescaling(1 / 255, name="rescale")(inputs)
    side = size
    for i, filters in enumerate((32, 64, 128, 128), start=1):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"conv{i}",
                          kernel_initializer=keras.initializers.HeNormal(seed=seed * 10 + i))(x)
        x = layers.BatchNormalization(name=f"bn{i}")(x)
        x = layers.ReLU(name=f"relu{i}")(x)
        if i < 4 and side >= 16:
            x = layers.MaxPooling2D(2, name=f"pool{i}")(x)
            side //= 2
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    trunk = keras.Model(inputs, x, name="trunk")
    return Trunk(trunk, [], 128)


def _pretrained(key: str, size: int) -> Trunk:
    """The ImageNet network ``key`` built for size×size pictures, its cached weights loaded."""
    import keras
    from keras import layers

    body = _pretrained_body(key, size)
    inputs = keras.Input((size, size, 3), name="data")
    x = _preprocessing_layers(CHOICES[_preprocessing_key(key)], inputs)
    x = body(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    trunk = keras.Model(inputs, x, name="trunk")
    return Trunk(trunk, _last_stage(body), int(x.shape[-1]))


def _preprocessing_key(key: str) -> str:
    from neurolab.core.models.catalog import APPLICATIONS

    return "torch" if key == SQUEEZENET else APPLICATIONS[key].preprocessing


def _pretrained_body(key: str, size: int):
    """Pictures → the last spatial feature map, at ``size``: an Application without its top
    (``input_shape=(size, size, 3)``) takes the cached include-top file's layers by name (the
    convolutions do not depend on the picture size); SqueezeNet ends at ``fire9`` (its
    ``conv10`` is the ImageNet classifier)."""
    import keras

    from neurolab.core.models.catalog import APPLICATIONS
    from neurolab.core.models.weights import find_weights

    path = find_weights(key)
    name = "SqueezeNet v1.1" if key == SQUEEZENET else APPLICATIONS[key].display_name
    if path is None:
        raise BadInputError(Phrase("The ImageNet weights of {0} are not downloaded; fetch them with "
                                   "'neurolab models fetch {1}' or pick another backbone.", (name, key)))
    try:
        if key == SQUEEZENET:
            from neurolab.core.models.squeezenet import build_squeezenet

            network = build_squeezenet(input_shape=(size, size, 3))
        else:
            constructor = getattr(keras.applications, APPLICATIONS[key].constructor)
            network = constructor(weights=None, include_top=False, input_shape=(size, size, 3))
    except ValueError:  # an Application refuses pictures below its smallest size
        raise BadInputError(Phrase("{0} cannot take pictures of {1}×{1} pixels; pick a larger picture "
                                   "size.", (name, size))) from None
    try:
        if key == SQUEEZENET:
            network.load_weights(str(path))
        else:
            network.load_weights(str(path), by_name=True)
    except Exception as exc:  # a damaged or foreign file in the cache
        raise ModelError(Phrase("The cached ImageNet weights for {0} ('{1}') cannot be read; delete "
                                "the file and fetch them again.", (name, path))) from exc
    last = network.get_layer("fire9-concat").output if key == SQUEEZENET else network.output  # no top: a map
    return keras.Model(network.input, last, name=key)


def _last_stage(body) -> list:
    """The layers after the last change of spatial size, without batch normalisation: the last block."""
    import keras

    layers_ = [layer for layer in body.layers if len(getattr(layer.output, "shape", ())) == 4]
    final = tuple(layers_[-1].output.shape[1:3]) if layers_ else None
    start = 0
    for i, layer in enumerate(layers_):
        if tuple(layer.output.shape[1:3]) != final:
            start = i + 1
    return [layer for layer in layers_[start:] if layer.weights
            and not isinstance(layer, keras.layers.BatchNormalization)]


def _preprocessing_layers(preprocess, inputs):
    """A backbone's per-pixel preprocessing as layers: a Rescaling when it is one scale and offset
    for every channel, else Rescaling(1) and a frozen 1×1 convolution (channel order, means, stds)."""
    from keras import layers

    matrix, offset = _affine(preprocess)
    diagonal = np.allclose(matrix, np.diag(np.diag(matrix)))
    if diagonal and np.allclose(np.diag(matrix), matrix[0, 0]) and np.allclose(offset, offset[0]):
        return layers.Rescaling(float(matrix[0, 0]), offset=float(offset[0]), name="rescale")(inputs)
    x = layers.Rescaling(1.0, name="rescale")(inputs)
    conv = layers.Conv2D(3, 1, name="preprocess", trainable=False)
    x = conv(x)
    conv.set_weights([matrix.T.reshape(1, 1, 3, 3).astype("float32"), offset.astype("float32")])
    return x


def _affine(preprocess) -> tuple[np.ndarray, np.ndarray]:
    """``preprocess`` (a per-pixel affine map of 0–255 RGB) as (3×3 matrix, offset): out = M·in + b."""
    probes = np.zeros((4, 1, 1, 3), dtype="float32")
    for i in range(3):
        probes[i + 1, 0, 0, i] = 255.0
    out = np.asarray(preprocess(probes), dtype="float64").reshape(4, 3)
    offset = out[0]
    matrix = ((out[1:] - offset) / 255.0).T  # column i: the response to channel i
    return matrix, offset
