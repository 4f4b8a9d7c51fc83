"""A map stretched to the photo's pixels: Pillow's bilinear resize, as two small matrix products.

Every map is computed at the network's resolution (Grad-CAM at its layer's: 7×7, 8×8,
14×14) and shown at the photo's. Pillow's ``F``-mode resize walks every output pixel in
double precision (1.2 ms for an 8×8 map to 640×480, 150 ms to 4000×3000); the same
separable filter written as matrices, ``rows @ map @ columns.T``, is two BLAS products
(0.1 ms and 36 ms). The matrices hold Pillow's own coefficients
(``Resample.c``: a triangle of support 1, widened by the scale when shrinking, pixel centres
aligned, each row normalised), so both ways give the same map to float32 rounding; a large
map (each output pixel's few taps lost in a dense product) still goes through Pillow.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

#: Maps with at most this many rows and columns are resized by matrix products (the products'
#: cost grows with the map's side, Pillow's does not: they break even near 100).
MATRIX_SIDE = 64
#: The most multiply-adds one product may have and still run on the calling thread (OpenBLAS's
#: ``GEMM_MULTITHREAD_THRESHOLD`` × 65536 is 2^18; a little below, for safety).
ONE_THREAD_PRODUCT = 200_000


def resize_map(values: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """A float map (h×w) resized to (width, height) bilinearly, pixel centres aligned — as
    Pillow stretched the photo to the network's input, so the map lies where it was computed.
    A new float32 array (a copy when the size is already right)."""
    values = np.asarray(values, np.float32)
    width, height = int(size[0]), int(size[1])
    rows, columns = values.shape[:2]
    if (rows, columns) == (height, width):
        return values.copy()
    if values.ndim == 2 and max(rows, columns) <= MATRIX_SIDE:
        return _matrix_resize(values, bilinear_weights(rows, height), bilinear_weights(columns, width))
    return _pillow_resize(values, (width, height))


def _matrix_resize(values: np.ndarray, down: np.ndarray, across: np.ndarray) -> np.ndarray:
    """``down @ values @ across.T``, the big product cut into bands of output rows small enough
    that BLAS computes each on this thread: OpenBLAS wakes its own threads only above
    :data:`ONE_THREAD_PRODUCT` multiply-adds, and once awake they spin, taking the cores
    from TensorFlow's threads for milliseconds (on 2 cores the next model call ran 2× slower)."""
    wide = values @ across.T  # rows × width: small
    out = np.empty((down.shape[0], wide.shape[1]), np.float32)
    band = max(1, ONE_THREAD_PRODUCT // max(1, wide.shape[0] * wide.shape[1]))
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
