"""torchvision's SqueezeNet 1.1 ImageNet weights, converted once into the Keras network.

The source is ``squeezenet1_1-b8a52dc0.pth`` from download.pytorch.org
(torchvision, BSD-3-Clause; it reports acc@1 58.178 %, acc@5 80.624 % on
ImageNet-1K). Its layers are the ones :mod:`.squeezenet` builds with MATLAB's
names, in the same order (torchvision's ``Fire`` concatenates expand1x1 before
expand3x3, as MATLAB does); only the array layout differs: torch keeps a
convolution's kernel as out × in × height × width (OIHW), Keras as HWIO.

Pooling: torch rounds pooled sizes up (``ceil_mode=True``); Keras's 'same'
pooling on ``pool3``/``pool5`` gives the same sizes and values at the network's
227 × 227 input (and at any input whose sizes there are even), so the weights
need no change. (At 224 × 224, torchvision's crop, ``pool3`` would be 28 × 28
here against torch's 27 × 27; neurolab feeds 227, MATLAB's size.)

The file is read by :func:`.torch_file.read_state_dict`, which never runs its
pickle; the converted weights are saved once, atomically, as a Keras weights
file, and SqueezeNet loads them with torchvision's preprocessing: RGB scaled to
[0, 1], minus the ImageNet mean, divided by its standard deviation.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from neurolab.core.atomic import atomic_write
from neurolab.core.errors import ModelError, quoted_path
from neurolab.core.models.squeezenet import FIRE_MODULES
from neurolab.core.models.torch_file import read_state_dict
from neurolab.core.phrases import Phrase

# torchvision's squeezenet1_1: features.N is the Nth module of its Sequential
FIRE_INDICES = (3, 4, 6, 7, 9, 10, 11, 12)


def torch_to_keras_names() -> dict[str, str]:
    """torchvision's parameter prefix → the Keras (MATLAB) layer name it fills."""
    names = {"features.0": "conv1", "classifier.1": "conv10"}
    for index, (fire, *_rest) in zip(FIRE_INDICES, FIRE_MODULES):
        names[f"features.{index}.squeeze"] = f"{fire}-squeeze1x1"
        names[f"features.{index}.expand1x1"] = f"{fire}-expand1x1"
        names[f"features.{index}.expand3x3"] = f"{fire}-expand3x3"
    return names


def set_torch_weights(model, tensors: dict[str, np.ndarray], name: str) -> None:
    """Put torchvision's ``tensors`` into ``model`` (kernels OIHW → HWIO); every layer or a sentence."""
    for prefix, layer_name in torch_to_keras_names().items():
        layer = model.get_layer(layer_name)
        kernel, bias = tensors.get(f"{prefix}.weight"), tensors.get(f"{prefix}.bias")
        expected = [tuple(w.shape) for w in layer.get_weights()]
        if kernel is None or bias is None or kernel.ndim != 4:
            raise ModelError(Phrase("{0} is not torchvision's SqueezeNet 1.1: it has no weights for {1}.",
                                    (name, layer_name)))
        converted = [np.transpose(kernel, (2, 3, 1, 0)).astype("float32"), bias.astype("float32")]
        if [tuple(w.shape) for w in converted] != expected:
            raise ModelError(Phrase("{0} is not torchvision's SqueezeNet 1.1: {1} has weights of shape {2}, "
                                    "not {3}.", (name, layer_name, list(kernel.shape), list(expected[0]))))
        if not all(np.isfinite(w).all() for w in converted):
            raise ModelError(Phrase("{0} is damaged: {1}'s weights are not all numbers.", (name, layer_name)))
        layer.set_weights(converted)


def convert_squeezenet_weights(source: str | os.PathLike, target: str | os.PathLike) -> Path:
    """Read torchvision's ``.pth`` ``source`` safely; write the Keras weights to ``target``, atomically."""
    from neurolab.core.models.squeezenet import build_squeezenet

    name = quoted_path(source)
    tensors = read_state_dict(source)
    model = build_squeezenet()
    set_torch_weights(model, tensors, name)
    target = Path(target)
    # Keras insists on the .weights.h5 ending, so the temporary file keeps it too.
    with atomic_write(target, prefix=f".{target.name}.", suffix=".weights.h5") as out:
        model.save_weights(out.name)  # h5py rewrites the open temporary file; the rename follows
    return target

