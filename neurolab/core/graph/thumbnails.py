"""Each layer's strongest channel as a small grey picture: the network's response at a glance.

Made from the activations the Activations tab has already computed for the current
photo (an ``ActivationResult``): nothing is run through the network again. A layer's
strongest channel is the one with the largest mean, as the mosaic's first channel
(``Mosaic.strongest_channel``); for a large map the means are taken on a regular grid
of at most ``GRID``² positions (a strided view, no copy), so a photo at its own size
costs about as little as a small one. The picture is that channel subsampled to at
most ``SIZE`` pixels a side (averaged in blocks, so a large map does not alias into
noise), stretched to 0–255 between its 1st and 99.5th percentiles (one hot pixel would
leave the rest grey). Vectors (Dense layers) and 1×1 maps have no picture.
"""

from __future__ import annotations

import numpy as np

from neurolab.core.jobs import Progress
from neurolab.core.phrases import Phrase

SIZE = 40  # pixels, the longer side of a thumbnail
GRID = 48  # positions per side at most when looking for the strongest channel
OVERSAMPLE = 4  # positions averaged per thumbnail pixel and side, at most


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
    # At most OVERSAMPLE × SIZE positions a side (a strided view), then averaged in blocks down
    # to SIZE: picking every n-th pixel alone aliases a photo-sized map into noise.
    step = max(1, max(height, width) // (OVERSAMPLE * SIZE))
    plane = np.asarray(values[::step, ::step, channel], dtype=np.float32)
    block = max(1, int(np.ceil(max(plane.shape) / SIZE)))
    rows, cols = plane.shape[0] // block, plane.shape[1] // block
    if rows and cols and block > 1:
        plane = plane[:rows * block, :cols * block].reshape(rows, block, cols, block).sum(axis=3).sum(axis=1)
    low, high = _stretch_range(plane)
    if not np.isfinite(low) or not np.isfinite(high) or high <= low:
        return np.zeros(plane.shape, np.uint8)
    return np.clip((plane - low) * (255.0 / (high - low)), 0, 255).astype(np.uint8)


def _stretch_range(plane: np.ndarray) -> tuple[float, float]:
    """The 1st and 99.5th percentile (by ``np.partition``: ``np.percentile`` took ~0.25 ms a
    layer, a third of the whole thumbnail)."""
    flat = plane.ravel()
    last = flat.size - 1
    low_at, high_at = int(last * 0.01), int(last * 0.995)
    ordered = np.partition(flat, (low_at, high_at))
    return float(ordered[low_at]), float(ordered[high_at])


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
