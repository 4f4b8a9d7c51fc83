"""What feature visualisation and deep dream give: the pictures, a grid of them, their JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from neurolab.core.results import result_json


def feature_grid(images: np.ndarray):
    """``images`` (N×H×W×3 uint8) tiled as the activation mosaic tiles channels: the same
    near-square grid, grey separators and hatched empty slots, so a click maps back to a
    channel with the same geometry (a :class:`~neurolab.core.inspection.mosaic.Mosaic`
    whose ``image`` is RGB)."""
    from neurolab.core.inspection.mosaic import (
        SEPARATOR,
        SEPARATOR_RGB,
        Mosaic,
        empty_slot_pixels,
        empty_slots,
        grid_shape,
    )

    count, height, width = images.shape[:3]
    rows, cols = grid_shape(count)
    canvas = np.empty((rows * (height + SEPARATOR) - SEPARATOR, cols * (width + SEPARATOR) - SEPARATOR, 3),
                      np.uint8)
    canvas[...] = SEPARATOR_RGB
    mosaic = Mosaic(image=canvas, rows=rows, cols=cols, tile_height=height, tile_width=width, channels=count)
    for index in range(count):
        x, y = mosaic.tile_origin(index)
        canvas[y:y + height, x:x + width] = images[index]
    slot = empty_slot_pixels(mosaic)
    for x, y in empty_slots(mosaic):
        canvas[y:y + height, x:x + width] = slot
    return mosaic


@dataclass
class FeatureImages:
    """One grown image per channel of a layer (or per class), in the order asked.

    ``images`` is N×H×W×3 uint8 RGB; ``values`` the mean activation (or logit) each image
    reached in its last step; ``labels`` the class names for class images (else empty).
    """

    images: np.ndarray
    channels: list[int]
    layer: Optional[str]  # None: class images (the logits)
    values: list[float]
    settings: dict[str, Any] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)
    notices: list = field(default_factory=list)  # Phrases: what was done, and why
    seconds: float = 0.0

    @property
    def image_size(self) -> tuple[int, int]:
        return int(self.images.shape[2]), int(self.images.shape[1])

    def grid(self):
        """The images as one mosaic (RGB ``image``, the activation mosaic's geometry)."""
        return feature_grid(self.images)

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab features --json`` and of the Features tab's *Save*."""
        own: dict[str, Any] = {
            "kind": "classes" if self.layer is None else "channels", "layer": self.layer,
            "channels": list(self.channels), "values": [float(v) for v in self.values],
            "image_size": list(self.image_size), "settings": dict(self.settings),
            "notices": [str(n) for n in self.notices], "seconds": round(self.seconds, 3)}
        if self.labels:
            own["classes"] = list(self.labels)
        return result_json(own, context)


@dataclass
class DreamResult:
    """A photo changed by deep dream, at its own size (RGB uint8)."""

    image: np.ndarray
    layers: list[str]
    losses: list[float]  # the loss after each octave
    octave_sizes: list[tuple[int, int]]  # (width, height) of each octave, smallest first
    settings: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def image_size(self) -> tuple[int, int]:
        return int(self.image.shape[1]), int(self.image.shape[0])

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab dream --json`` and of the Features tab's *Save*."""
        return result_json({
            "method": "deep dream", "layers": list(self.layers), "losses": [float(v) for v in self.losses],
            "octave_sizes": [list(size) for size in self.octave_sizes], "image_size": list(self.image_size),
            "settings": dict(self.settings), "seconds": round(self.seconds, 3)}, context)
