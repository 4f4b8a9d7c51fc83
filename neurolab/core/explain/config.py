"""How to explain: the method and its settings, checked once with sentences.

The ranges live here once: the window's spin boxes, the command line's options and
:meth:`ExplainConfig.check` all read them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Optional

from neurolab.core.errors import BadInputError, check_range
from neurolab.core.phrases import Phrase

#: Every method, in the order the window and ``--method`` list them.
METHODS = ("gradcam", "gradcam++", "saliency", "smoothgrad", "occlusion", "rise")
#: The methods that read a layer's activations (the others look at the input pixels).
LAYER_METHODS = ("gradcam", "gradcam++")
#: Methods that run many model calls, in batches, with progress (and so can be cancelled midway).
BATCHED_METHODS = ("smoothgrad", "occlusion", "rise")


@dataclass(frozen=True)
class ExplainConfig:
    """A method and the settings it uses (the others are ignored, and left out of its JSON).

    - ``layer``: Grad-CAM's layer key (``parent/name`` inside a nested model); None: the
      last layer with a spatial map, found automatically.
    - ``noise`` (SmoothGrad): the noise's standard deviation as a fraction of 0–255
      (Smilkov et al. found 10–20 % best); ``samples``: how many noisy copies.
    - ``patch``, ``stride`` (occlusion): the grey square's side and step, in pixels of the
      network's input.
    - ``masks``, ``cells`` (RISE): how many random masks, and the coarse grid they are drawn
      on (``cells`` × ``cells``), each cell kept with probability ``keep``.
    - ``seed``: the random noise and masks, so a result can be repeated.
    """

    method: str = "gradcam"
    layer: Optional[str] = None
    noise: float = 0.15
    samples: int = 32
    patch: int = 8
    stride: int = 4
    masks: int = 500
    cells: int = 7
    keep: float = 0.5
    seed: int = 0

    NOISE_RANGE = (0.0, 1.0)
    SAMPLES_RANGE = (1, 500)
    PATCH_RANGE = (1, 512)
    STRIDE_RANGE = (1, 512)
    MASKS_RANGE = (1, 8000)
    CELLS_RANGE = (2, 32)

    def check(self) -> None:
        """Refuse a method or a setting the method cannot use, with a sentence."""
        if self.method not in METHODS:
            raise BadInputError(Phrase("Unknown method {0}: use {1}.",
                                       (f"'{self.method}'", ", ".join(METHODS))))
        for name in self.used_settings():
            if name in ("layer", "seed", "keep"):
                continue
            check_range(name, getattr(self, name), *getattr(self, f"{name.upper()}_RANGE"))
        if self.method == "rise" and not 0.0 < self.keep < 1.0:
            raise BadInputError(Phrase("{0} must be between {1} and {2}, not {3}.",
                                       ("keep", "0", "1", f"{self.keep:g}")))

    def used_settings(self) -> tuple[str, ...]:
        """The settings this method reads (what its cache key and JSON hold)."""
        return {"gradcam": ("layer",), "gradcam++": ("layer",), "saliency": (),
                "smoothgrad": ("noise", "samples", "seed"), "occlusion": ("patch", "stride"),
                "rise": ("masks", "cells", "keep", "seed")}[self.method]

    def settings(self) -> dict[str, Any]:
        """The settings this method used, by name (its JSON's ``settings``)."""
        values = asdict(self)
        return {name: values[name] for name in self.used_settings() if name != "layer"}
