"""How to grow the pictures: the settings of a feature visualisation and of a deep dream.

The ranges live here once: the window's spin boxes, the command line's options and the
``check`` methods all read them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from neurolab.core.errors import BadInputError, check_range
from neurolab.core.phrases import Phrase

#: How the optimised numbers become an image (see :mod:`.parameterization`).
PARAMETERIZATIONS = ("fourier", "pixels")


@dataclass(frozen=True)
class FeatureConfig:
    """One image per channel (or class), grown by Adam on the channel's mean activation.

    - ``size``: the side of each square image in pixels (class images: the network's input
      size, whatever this says, since the layers after a Flatten need it).
    - ``steps``, ``learning_rate``: Adam's steps and step size (on the parameters, not pixels).
    - ``parameterization``: ``fourier`` (lucid's decorrelated colour and Fourier basis, scaled
      by 1/frequency: smooth, natural colours) or ``pixels`` (each pixel its own number, still
      decorrelated colour; sharper and noisier).
    - ``jitter`` (pixels), ``scale`` (a fraction: 0.1 = ±10 %), ``rotation`` (degrees): the
      random shift, zoom and turn applied before every step, so only patterns that survive
      them grow (transformation robustness); 0 turns each off.
    - ``seed``: the starting noise and the random transforms, so a result can be repeated.
    """

    size: int = 96
    steps: int = 128
    learning_rate: float = 0.1
    parameterization: str = "fourier"
    jitter: int = 4
    scale: float = 0.1
    rotation: float = 10.0
    seed: int = 0

    SIZE_RANGE = (8, 512)
    STEPS_RANGE = (1, 2000)
    LEARNING_RATE_RANGE = (0.001, 1.0)
    JITTER_RANGE = (0, 64)
    SCALE_RANGE = (0.0, 0.5)
    ROTATION_RANGE = (0.0, 45.0)

    def check(self) -> None:
        """Refuse a setting out of its range, with a sentence."""
        if self.parameterization not in PARAMETERIZATIONS:
            raise BadInputError(Phrase("Unknown parameterisation {0}: use {1}.",
                                       (f"'{self.parameterization}'", ", ".join(PARAMETERIZATIONS))))
        for name in ("size", "steps", "learning_rate", "jitter", "scale", "rotation"):
            check_range(name, getattr(self, name), *getattr(self, f"{name.upper()}_RANGE"))

    def settings(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DreamConfig:
    """Deep dream (Mordvintsev et al. 2015, as the keras.io example does it): the photo is
    changed to raise the mean square of the chosen layers' activations, coarse to fine.

    - ``octaves``: how many sizes, each ``octave_scale`` times the previous, the last the
      photo's own (MATLAB's ``PyramidLevels``); ``steps`` per octave (``NumIterations``).
    - ``strength``: each step's size in 0–255 levels (the gradient scaled to a mean
      magnitude of one, as keras.io does); the example's 0.01 on its −1…1 range is 1.3 levels.
    - ``layers``: the layer keys whose activations are raised (equal weights).
    """

    octaves: int = 3
    steps: int = 10
    strength: float = 2.5
    octave_scale: float = 1.4
    layers: tuple[str, ...] = ()

    OCTAVES_RANGE = (1, 8)
    STEPS_RANGE = (1, 500)
    STRENGTH_RANGE = (0.01, 50.0)
    OCTAVE_SCALE_RANGE = (1.05, 3.0)

    def check(self) -> None:
        if not self.layers:
            raise BadInputError(Phrase("Choose at least one layer to dream with."))
        for name in ("octaves", "steps", "strength", "octave_scale"):
            check_range(name, getattr(self, name), *getattr(self, f"{name.upper()}_RANGE"))

    def settings(self) -> dict[str, Any]:
        values = asdict(self)
        values["layers"] = list(self.layers)
        return values
