"""What a model takes and what it gives: one image input (or why not), and its outputs.

Every model opens with its layer table; what else works depends on its ends:

- an input of ``(H, W, 1 or 3)`` is an image; an ``(H, W)`` input read by a
  Flatten or a Reshape is a greyscale image without a channel axis (the
  TensorFlow quickstart MLP): :class:`ImageInput` says which and drops the axis
  when feeding. Anything else (a vector, a sequence, several inputs) has no
  image input, and :func:`image_input` says why in a sentence, which the tabs
  that need an image show instead of their work.
- an output that is a vector of scores (``(N,)`` or ``(1, 1, N)``) can classify;
  a map (``H×W×C``) cannot. :func:`classifier_output` picks the one that
  classifies by default (the first that ends in a softmax, else the first vector).

Only shapes and layer classes are read: nothing here runs the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from neurolab.core.errors import BadInputError
from neurolab.core.phrases import Phrase

#: Layers that reading an ``(H, W)`` input make it a greyscale picture, not a sequence.
_PICTURE_READERS = ("Flatten", "Reshape")
#: The size a free (None) height or width is given.
FREE_SIDE = 224


@dataclass(frozen=True)
class ImageInput:
    """The one image a model takes: its size, channels, and whether it has a channel axis."""

    height: int
    width: int
    channels: int
    #: False for an ``(H, W)`` input: images are fed as H×W×1 and the axis is dropped.
    channel_axis: bool = True

    @property
    def shape(self) -> tuple[int, int, int]:
        """Height × width × channels, as images are handled everywhere in neurolab."""
        return self.height, self.width, self.channels

    def model_shape(self, height: Optional[int], width: Optional[int]) -> tuple:
        """The model's own input shape for an image of that size (None: any size)."""
        return (height, width, self.channels) if self.channel_axis else (height, width)

    def to_model(self, batch):
        """An N×H×W×C batch (NumPy or tensor) as the model takes it."""
        return batch if self.channel_axis else batch[..., 0]


@dataclass(frozen=True)
class ModelOutput:
    """One output of a model: its name, shape (no batch axis) and whether it ends in a softmax."""

    index: int
    name: str
    shape: tuple
    softmax: bool = False

    @property
    def kind(self) -> str:
        """'vector' (scores that can classify), 'map' (H×W×C and the like) or 'scalar'."""
        dims = [1 if d is None else int(d) for d in self.shape]
        if not dims or dims[-1] < 2 and all(d == 1 for d in dims):
            return "scalar"
        if all(d == 1 for d in dims[:-1]) and None not in self.shape[:-1]:
            return "vector"
        return "map"

    @property
    def classes(self) -> int:
        return int(self.shape[-1] or 0) if self.kind == "vector" else 0

    def describe(self) -> str:
        """``prob (2)``: how a picker and the command line name it."""
        return f"{self.name} ({'×'.join('?' if d is None else str(d) for d in self.shape)})"

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "name": self.name, "shape": list(self.shape), "kind": self.kind}


def _graph(model):
    return getattr(model, "_functional", None) or model


def _readers(model, tensor) -> list:
    """The layers of ``model`` that read ``tensor`` directly."""
    readers = []
    for nodes in getattr(_graph(model), "_nodes_by_depth", {}).values():
        for node in nodes:
            if any(t is tensor for t in node.input_tensors) and node.operation is not None:
                readers.append(node.operation)
    return readers


def image_input(model) -> tuple[Optional[ImageInput], Phrase]:
    """The model's one image input, or None and the sentence saying why it has none."""
    inputs = list(getattr(model, "inputs", None) or [])
    if len(inputs) != 1:
        return None, Phrase("The model takes {0} inputs, not one image.", (len(inputs),))
    shape = tuple(inputs[0].shape[1:])
    side = [FREE_SIDE if d is None else int(d) for d in shape]
    if len(shape) == 3 and shape[2] in (1, 3):
        return ImageInput(side[0], side[1], int(shape[2])), Phrase("")
    if len(shape) == 2:
        readers = _readers(model, inputs[0])
        if readers and all(type(r).__name__ in _PICTURE_READERS for r in readers):
            return ImageInput(side[0], side[1], 1, channel_axis=False), Phrase("")
        return None, Phrase("The model takes sequences ({0} steps × {1} values), not images.",
                            (_dim(shape[0]), _dim(shape[1])))
    if len(shape) == 1:
        return None, Phrase("The model takes vectors of {0} numbers, not images.", (_dim(shape[0]),))
    return None, Phrase("The model's input has shape {0}, not an image (height × width × 1 or 3 "
                        "channels).", (_shape_text(shape),))


def _dim(value) -> str:
    return "?" if value is None else str(value)


def _shape_text(shape) -> str:
    return "×".join(_dim(d) for d in shape)


def model_outputs(model) -> list[ModelOutput]:
    """Every output of ``model``, named after the layer that makes it."""
    outputs = []
    for index, tensor in enumerate(getattr(model, "outputs", None) or []):
        layer = getattr(getattr(tensor, "_keras_history", None), "operation", None)
        name = getattr(layer, "name", None) or f"output {index}"
        outputs.append(ModelOutput(index, name, tuple(tensor.shape[1:]), _ends_in_softmax(layer)))
    return outputs


def _ends_in_softmax(layer) -> bool:
    if layer is None:
        return False
    if type(layer).__name__ == "Softmax":
        return True
    activation = getattr(layer, "activation", None)
    return str(getattr(activation, "__name__", "")).lower() == "softmax"


def classifier_output(outputs: list[ModelOutput]) -> Optional[int]:
    """The output that classifies by default: the first vector ending in a softmax, else the
    first vector; None when no output is a vector (the model is not a classifier)."""
    vectors = [o for o in outputs if o.kind == "vector"]
    for output in vectors:
        if output.softmax:
            return output.index
    return vectors[0].index if vectors else None


def not_a_classifier(outputs: list[ModelOutput]) -> Phrase:
    """Why a model without a vector output cannot classify, in one sentence."""
    if len(outputs) == 1 and outputs[0].kind == "map":
        return Phrase("The model is not a classifier: its output is a map ({0}), not a score per class.",
                      (_shape_text(outputs[0].shape),))
    return Phrase("The model is not a classifier: none of its outputs ({0}) is a score per class.",
                  (", ".join(o.describe() for o in outputs),))


def find_output(outputs: list[ModelOutput], text: str) -> int:
    """The output a person names, by its name or its index (0, 1, …); else a sentence."""
    wanted = str(text).strip()
    for output in outputs:
        if output.name == wanted:
            index = output.index
            break
    else:
        if not (wanted.isdigit() and int(wanted) < len(outputs)):
            raise BadInputError(Phrase("The model has no output {0}; its outputs are {1}.",
                                       (f"'{wanted}'", _listing(outputs))))
        index = int(wanted)
    if outputs[index].kind != "vector":
        raise BadInputError(Phrase("The output {0} cannot classify: it is not a score per class ({1}).",
                                   (f"'{outputs[index].name}'", _shape_text(outputs[index].shape))))
    return index


def _listing(outputs: list[ModelOutput]) -> str:
    return ", ".join(f"{o.index}: {o.describe()}" for o in outputs)
