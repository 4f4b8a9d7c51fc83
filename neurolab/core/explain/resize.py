"""A map stretched to the photo's pixels: Pillow's bilinear resize, as two small matrix products.

Every map is computed at the network's resolution (Grad-CAM at its layer's: 7×7, 8×8,
14×14) and shown at the photo's. Pillow's ``F``-mode resize walks every output pixel in
double precision (about 1 ms for an 8×8 map to 640×480, a fifth of the bundled model's
whole Grad-CAM); for a small map the same separable filter written as matrices,
``rows @ map @ columns.T``, is a few BLAS products (0.2–0.3 ms). The matrices hold Pillow's
own coefficients (``Resample.c``: a triangle of support 1, widened by the scale when
shrinking, pixel centres aligned, each row normalised), so both ways give the same map to
float32 rounding. The products are kept small enough for BLAS to run them on this thread
(see :func:`_matrix_resize`); a map whose products cannot be (a large map, a huge photo)
goes through Pillow.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

#: The most multiply-adds one product may have and still run on the calling thread (OpenBLAS's
#: ``GEMM_MULTITHREAD_THRESHOLD`` × 65536 is 2^18; a little below, for safety).
ONE_THREAD_PRODUCT = 200_000
#: The fewest output rows per product: thinner bands cost more in calls than Pillow does.
MIN_BAND = 16


def resize_map(values: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """A float map (h×w) resized to (width, height) bilinearly, pixel centres aligned — as
    Pillow stretched the photo to the network's input, so the map lies where it was computed.
    A new float32 array (a copy when the size is already right)."""
    values = np.asarray(values, np.float32)
    width, height = int(size[0]), int(size[1])
    rows, columns = values.shape[:2]
    if (rows, columns) == (height, width):
        return values.copy()
    if (values.ndim == 2 and rows * columns * width <= ONE_THREAD_PRODUCT
            and ONE_THREAD_PRODUCT // (rows * width) >= min(MIN_BAND, height)):
        return _matrix_resize(values, bilinear_weights(rows, height), bilinear_weights(columns, width))
    return _pillow_resize(values, (width, height))


def _matrix_resize(values: np.ndarray, down: np.ndarray, across: np.ndarray) -> np.ndarray:
    """``down @ values @ across.T``, the big product cut into bands of output rows small enough
    that BLAS computes each on this thread: OpenBLAS wakes its own threads only above
    :data:`ONE_THREAD_PRODUCT` multiply-adds, and once awake they spin, taking the cores
    from TensorFlow's threads for milliseconds (on 2 cores a 4 ms model call ran 2× slower)."""
    wide = values @ across.T  # rows × width: within ONE_THREAD_PRODUCT
    out = np.empty((down.shape[0], wide.shape[1]), np.float32)
    band = max(1, ONE_THREAD_PRODUCT // (wide.shape[0] * wide.shape[1]))
    for top in range(0, out.shape[0], band):
        np.matmul(down[top:top + band], wide, out=out[top:top + band])
    return out


def _pillow_resize(values: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    from PIL import Image

    resized = Image.fromarray(values, mode="F").resize(size, Image.Resampling.BILINEAR)
    return np.asarray(resized, dtype=np.float32)


@lru_cache(maxsize=32)
def bilinear_weights(source: int, target: int) -> np.ndarray:
    """Pillow's bilinear coefficients from ``source`` to ``target`` pixels as a dense
    float32 ``target`` × ``source`` matrix (read-only; kept for the next map of that size)."""
    scale = source / target
    widen = max(scale, 1.0)  # shrinking: the triangle spans ``scale`` input pixels (antialiasing)
    centres = (np.arange(target) + 0.5) * scale
    # Pillow's taps: (int)(centre ± support + 0.5), clipped to the image (C truncates toward 0).
    first = np.maximum(np.trunc(centres - widen + 0.5), 0.0)
    stop = np.minimum(np.trunc(centres + widen + 0.5), source)
    pixels = np.arange(source, dtype=np.float64)[None, :]
    weights = np.maximum(0.0, 1.0 - np.abs((pixels - centres[:, None] + 0.5) / widen))
    weights[(pixels < first[:, None]) | (pixels >= stop[:, None])] = 0.0
    totals = weights.sum(axis=1, keepdims=True)
    matrix = (weights / np.where(totals != 0.0, totals, 1.0)).astype(np.float32)
    matrix.flags.writeable = False
    return matrix
