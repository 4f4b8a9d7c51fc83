"""How 0–255 pixels become a model's input: the choices, as data, and the guess for a file.

A model file rarely says how its inputs were scaled in training, and the wrong
guess makes a good model look broken. Each :class:`Preprocessing` has a key (the
settings, ``--preprocess``, JSON), a :class:`Phrase` (the window's menu and the
layer table) and a function on a float32 batch of 0–255 pixels written with
Keras ops, so gradients flow through it (the adversarial tab differentiates the
model's verdict with respect to the pixels). The ``signed``, ``caffe`` and
``torch`` choices call Keras's own ``imagenet_utils.preprocess_input``, so a
Keras Application gets bit for bit the numbers its ``preprocess_input`` gives.

:func:`infer_preprocessing` guesses for a model file from what the file tells
(a Rescaling/Normalization layer inside, a Teachable Machine export); its
answer's *origin* says whether it came from the file or is assumed.
Importing this module is cheap: Keras is imported inside the functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np

from neurolab.core.errors import BadInputError
from neurolab.core.phrases import Phrase, phrase_template

#: The ImageNet mean colour (RGB, 0–255): Caffe's and MATLAB's 'zerocenter'.
IMAGENET_MEAN_RGB = (123.68, 116.779, 103.939)
CUSTOM_PREFIX = "custom:"
#: How ``--preprocess`` and the settings write a custom choice (0–255 pixel units).
CUSTOM_SYNTAX = "custom:MEAN/STD"

#: Where a model's preprocessing came from, said after it: "pixels scaled to [0, 1] (assumed)".
ASSUMED = Phrase("assumed")
FROM_RESCALING = Phrase("from the file: it rescales inside")
FROM_TEACHABLE_MACHINE = Phrase("from the file: a Teachable Machine export")
SET_BY_USER = Phrase("set by you")


@dataclass(frozen=True)
class Preprocessing:
    """One way of turning a batch of 0–255 float32 pixels into the model's input."""

    key: str
    phrase: Phrase
    function: Callable[[Any], Any] = field(compare=False, repr=False)
    #: 3 when the choice works per colour channel (it cannot feed a greyscale model).
    channels: Optional[int] = None

    def __call__(self, batch):
        return self.function(batch)


def _identity(batch):
    return batch


def _unit_scale(batch):
    return batch / 255.0


def _imagenet_utils(mode: str) -> Callable[[Any], Any]:
    """Keras's own ``preprocess_input`` (a copy of a NumPy batch: Keras edits arrays in place)."""

    def preprocess(batch):
        import keras

        if isinstance(batch, np.ndarray):
            batch = batch.copy()
        return keras.applications.imagenet_utils.preprocess_input(batch, mode=mode)

    return preprocess


def _zerocenter(batch):
    import keras

    return batch - keras.ops.convert_to_tensor(np.array(IMAGENET_MEAN_RGB, dtype="float32"))


def _mtcnn(batch):
    return (batch - 127.5) * 0.0078125  # (x − 127.5) / 128, exactly: 1/128 is a power of two


def _mean_std(mean: tuple[float, ...], std: tuple[float, ...]) -> Callable[[Any], Any]:
    def preprocess(batch):
        import keras

        shift = keras.ops.convert_to_tensor(np.array(mean, dtype="float32"))
        scale = keras.ops.convert_to_tensor(np.array(std, dtype="float32"))
        return (batch - shift) / scale

    return preprocess


#: The fixed choices, in the order the window's menu lists them.
CHOICES: dict[str, Preprocessing] = {p.key: p for p in (
    Preprocessing("raw", Phrase("raw 0-255 pixels"), _identity),
    Preprocessing("unit", Phrase("pixels scaled to [0, 1]"), _unit_scale),
    Preprocessing("signed", Phrase("pixels scaled to [-1, 1]"), _imagenet_utils("tf")),
    Preprocessing("caffe", Phrase("BGR, ImageNet mean subtracted ('caffe')"), _imagenet_utils("caffe"), 3),
    Preprocessing("torch", Phrase("scaled to [0, 1], ImageNet mean/std ('torch')"), _imagenet_utils("torch"), 3),
    Preprocessing("zerocenter", Phrase("RGB, ImageNet mean subtracted ('zerocenter')"), _zerocenter, 3),
    Preprocessing("mtcnn", Phrase("(x − 127.5) / 128, as MTCNN"), _mtcnn),
)}


def _number(value: float) -> str:
    return f"{value:g}"


def custom(mean: tuple[float, ...] | float, std: tuple[float, ...] | float) -> Preprocessing:
    """``(x − mean) / std`` in 0–255 pixel units, one value or one per channel (R, G, B)."""
    mean = tuple(float(m) for m in np.atleast_1d(mean))
    std = tuple(float(s) for s in np.atleast_1d(std))
    wrong = {"mean": phrase_template("The mean must be one number or three (R, G, B), for example {0}."),
             "std": phrase_template("The standard deviation must be one number or three (R, G, B), for "
                                    "example {0}.")}
    for name, values in (("mean", mean), ("std", std)):
        if len(values) not in (1, 3) or not all(np.isfinite(values)):
            raise BadInputError(Phrase(wrong[name], (f"{CUSTOM_PREFIX}127.5/127.5",)))
    if any(s <= 0 for s in std):
        raise BadInputError(Phrase("The standard deviation must be greater than 0."))
    mean_text, std_text = ",".join(map(_number, mean)), ",".join(map(_number, std))
    channels = 3 if 3 in (len(mean), len(std)) else None
    return Preprocessing(f"{CUSTOM_PREFIX}{mean_text}/{std_text}",
                         Phrase("(x − mean) / std with mean {0} and std {1}", (mean_text, std_text)),
                         _mean_std(mean, std), channels)


def choices_text() -> str:
    """The keys a user may type, for help and for the sentence that refuses a bad one."""
    return ", ".join([*CHOICES, CUSTOM_SYNTAX])


def preprocessing_choice(text: str) -> Preprocessing:
    """The choice ``text`` names (a key, or ``custom:MEAN/STD``); a sentence when it names none."""
    key = (text or "").strip()
    if key.lower() in CHOICES:
        return CHOICES[key.lower()]
    if key.lower().startswith(CUSTOM_PREFIX):
        match = re.fullmatch(r"([^/]+)/([^/]+)", key[len(CUSTOM_PREFIX):].replace(" ", ""))
        try:
            if match is None:
                raise ValueError
            mean, std = ([float(v) for v in part.split(",")] for part in match.groups())
        except ValueError:
            raise BadInputError(Phrase("{0} is not a custom preprocessing: write {1}, MEAN and STD each "
                                       "one number or three (R,G,B) in 0-255 pixel units, for example {2}.",
                                       (f"'{key}'", CUSTOM_SYNTAX, "custom:127.5/127.5"))) from None
        return custom(tuple(mean), tuple(std))
    raise BadInputError(Phrase("{0} is not a preprocessing; choose one of: {1}.", (f"'{key}'", choices_text())))


def check_channels(choice: Preprocessing, channels: int) -> None:
    """A per-colour choice cannot feed a greyscale model: say so rather than broadcast wrongly."""
    if choice.channels is not None and channels != choice.channels:
        raise BadInputError(Phrase("{0} works on the three colour channels; this model takes {1}-channel "
                                   "images.", (choice.phrase, channels)))


def described(choice: Preprocessing, origin: Optional[Phrase]) -> Phrase:
    """What the window and ``analyze`` say: the choice, and where it came from when not the model's own."""
    return Phrase("{0} ({1})", (choice.phrase, origin)) if origin else choice.phrase


# --- the guess for a model file ------------------------------------------------------
_TM_MODEL_FILE = "keras_model.h5"
_TM_LABEL_LINE = re.compile(r"(\d+)\s+\S.*")


def infer_preprocessing(model, file: Optional[Path] = None) -> tuple[str, Phrase]:
    """``(key, origin)`` for a model file, from what the file tells, else [0, 1] assumed.

    A Rescaling/Normalization layer near the input: raw 0–255 (the model scales
    itself). A Teachable Machine export: [-1, 1], which its trainer feeds.
    """
    import keras

    early = list(model.layers[:4])
    if any(isinstance(layer, (keras.layers.Rescaling, keras.layers.Normalization)) for layer in early):
        return "raw", FROM_RESCALING
    if file is not None and is_teachable_machine(model, Path(file)):
        return "signed", FROM_TEACHABLE_MACHINE
    return "unit", ASSUMED


def is_teachable_machine(model, file: Path) -> bool:
    """Two of three clues: its file name, its ``labels.txt`` lines ``0 Cats``, its shape
    (a model holding a MobileNet trunk, depthwise convolutions, and then a Dense head)."""
    clues = (file.name.lower() == _TM_MODEL_FILE, _has_indexed_labels(file), _has_tm_structure(model))
    return sum(clues) >= 2


def _has_indexed_labels(file: Path) -> bool:
    """``labels.txt`` (or ``<model>.labels.txt``) whose lines read ``0 Cats``, ``1 Dogs``…"""
    for candidate in (file.with_suffix(".labels.txt"), file.parent / "labels.txt"):
        try:
            lines = [line.strip() for line in candidate.read_text(encoding="utf-8").splitlines()
                     if line.strip()]
        except (OSError, UnicodeDecodeError):
            continue
        matches = [_TM_LABEL_LINE.fullmatch(line) for line in lines]
        return bool(lines) and all(m is not None and int(m.group(1)) == i for i, m in enumerate(matches))
    return False


def _has_tm_structure(model) -> bool:
    import keras

    def layers_of(container):
        for layer in getattr(container, "layers", []):
            yield layer
            if isinstance(layer, keras.Model):
                yield from layers_of(layer)

    nested = [layer for layer in model.layers if isinstance(layer, keras.Model)]
    if not nested:
        return False
    trunk = any(isinstance(layer, keras.layers.DepthwiseConv2D) for layer in layers_of(nested[0]))
    head = any(isinstance(layer, keras.layers.Dense) for part in nested[1:] for layer in layers_of(part))
    return trunk and head
