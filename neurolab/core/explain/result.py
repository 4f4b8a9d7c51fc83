"""An explanation: a class's heat map at the photo's own size, its JSON and its picture."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from neurolab.core.results import result_json

#: What each method's map means, for the JSON and the window's caption.
MEANINGS = {
    "gradcam": "where the layer's features raise the class score",
    "gradcam++": "where the layer's features raise the class score (each place weighted on its own)",
    "saliency": "how strongly each pixel changes the class score",
    "smoothgrad": "how strongly each pixel changes the class score, averaged over noisy copies",
    "occlusion": "how much the class probability drops when a grey square covers the place",
    "rise": "the class probability when the place is visible, over random masks",
}


@dataclass
class Explanation:
    """One method's answer for one class of one photo.

    ``map`` is float32 at the photo's own height × width (the network's map stretched back as
    the photo was stretched to the input); ``input_map`` is the same at the network's input
    size; ``layer_map`` Grad-CAM's map at its layer's resolution (None for other methods).
    """

    method: str
    class_index: int
    label: str
    probability: float
    map: np.ndarray
    input_map: np.ndarray
    layer: Optional[str] = None
    layer_map: Optional[np.ndarray] = None
    settings: dict[str, Any] = field(default_factory=dict)
    top: list = field(default_factory=list)  # core.models.classify.Prediction, the photo's top 5
    seconds: float = 0.0

    @property
    def image_size(self) -> tuple[int, int]:
        """(width, height) of the photo, as every result's ``image_size``."""
        return int(self.map.shape[1]), int(self.map.shape[0])

    @property
    def low(self) -> float:
        return float(self.map.min())

    @property
    def high(self) -> float:
        return float(self.map.max())

    def scaled(self) -> np.ndarray:
        """The map as uint8, its minimum 0 and its maximum 255 (a flat map is all 0)."""
        span = self.high - self.low
        if not np.isfinite(span) or span <= 0:
            return np.zeros(self.map.shape, np.uint8)
        return np.rint((self.map - self.low) * (255.0 / span)).astype(np.uint8)

    def overlay(self, photo: np.ndarray, *, opacity: float = 0.8, colour_map: str = "cividis") -> np.ndarray:
        """The map over the photo (grey and dimmed beneath it), RGB uint8 at the photo's size."""
        from neurolab.core.inspection.mosaic import overlay

        return overlay(np.asarray(photo, np.uint8), self.scaled(), opacity=opacity, colour_map=colour_map)

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab explain --json`` and of the window's *Save*."""
        height, width = self.input_map.shape[:2]
        return result_json({
            "method": self.method, "class": self.label, "index": self.class_index,
            "probability": self.probability, "layer": self.layer, "settings": dict(self.settings),
            "min": self.low, "max": self.high, "meaning": MEANINGS[self.method],
            "image_size": list(self.image_size), "map_size": [int(width), int(height)],
            "top": [p.to_json() for p in self.top], "seconds": round(self.seconds, 3),
        }, context)
