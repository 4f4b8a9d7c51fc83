"""Each layer's strongest channel as a small grey picture: the network's response at a glance.

Made from the activations the Activations tab has already computed for the current
photo (an ``ActivationResult``): nothing is run through the network again. A layer's
strongest channel is the one with the largest mean, as the mosaic's first channel
(``Mosaic.strongest_channel``); for a large map the means are taken on a regular grid
of at most ``GRID``² positions (a strided view, no copy), so a photo at its own size
costs about as little as a small one. The picture is that channel subsampled to at
most ``SIZE`` pixels a side, stretched to 0–255 (the tile colouring). Vectors (Dense
layers) and 1×1 maps have no picture.
"""

from __future__ import annotations

import numpy as np

from neurolab.core.jobs import Progress
from neurolab.core.phrases import Phrase

SIZE = 40  # pixels, the longer side of a thumbnail
GRID = 48  # positions per side at most when looking for the strongest channel


def thumbnail(activation: np.ndarray) -> np.ndarray | None:
    """The strongest channel of an H×W×C (or H×W) activation as uint8, ≤ ``SIZE`` a side."""
    values = np.asarray(activation)
    if values.ndim == 2:
        values = values[:, :, None]
    if values.ndim != 3 or values.shape[0] < 2 or values.shape[1] < 2:
        return None
    height, width = values.shape[:2]
    step = max(1, int(np.ceil(max(height, width) / GRID)))
    means = values[::step, ::step, :].mean(axis=(0, 1))
    channel = int(np.argmax(means))
    step = max(1, int(np.ceil(max(height, width) / SIZE)))
    plane = values[::step, ::step, channel].astype(np.float32)
    low, high = float(plane.min()), float(plane.max())
    if not np.isfinite(low) or not np.isfinite(high) or high <= low:
        return np.zeros(plane.shape, np.uint8)
    return np.clip((plane - low) * (255.0 / (high - low)), 0, 255).astype(np.uint8)


def layer_thumbnails(result, keys=None) -> dict[str, np.ndarray]:
    """Thumbnails of every layer of ``result`` (an ``ActivationResult``) that has a map."""
    pictures = {}
    for key, values in result.activations.items():
        if keys is not None and key not in keys:
            continue
        picture = thumbnail(values)
        if picture is not None:
            pictures[key] = picture
    return pictures


def thumbnails_job(result, keys=None):
    """:func:`layer_thumbnails` as a job (the window's worker: never on the GUI thread)."""
    yield Progress(0, 1, Phrase("drawing the graph's thumbnails"))
    pictures = layer_thumbnails(result, keys)
    yield Progress(1, 1, Phrase("drawing the graph's thumbnails"))
    return pictures
