"""How different two images are, in units a person can judge; a perturbation made visible.

Pure NumPy (no TensorFlow): L∞ and L2 in 0–255 pixel levels, PSNR and SSIM
computed as ``tf.image.psnr`` / ``tf.image.ssim`` do, and the checks that turn
any array into the 8-bit RGB image the other modules work on.
"""

from __future__ import annotations

import math
from typing import Optional

import numpy as np

from neurolab.core.errors import BadInputError
from neurolab.core.phrases import Phrase

#: SSIM as ``tf.image.ssim`` computes it: 11×11 Gaussian window, σ = 1.5, K1, K2.
SSIM_FILTER_SIZE = 11
SSIM_SIGMA = 1.5
SSIM_K1, SSIM_K2 = 0.01, 0.03


def as_float_rgb(image: np.ndarray) -> np.ndarray:
    """Any H×W, H×W×1 or H×W×3 array as float32 H×W×3 (grey repeated), else a sentence."""
    array = np.asarray(image, dtype=np.float32)
    if array.ndim == 2:
        array = array[:, :, None]
    if array.ndim != 3 or array.shape[2] not in (1, 3):
        raise BadInputError(Phrase("An image must be height × width × 3, not {0}.", (list(array.shape),)))
    if array.shape[2] == 1:
        array = np.repeat(array, 3, axis=2)
    return np.ascontiguousarray(array)


def as_uint8_rgb(image: np.ndarray) -> np.ndarray:
    """An 8-bit image as uint8 H×W×3; any other pixel type is refused with a sentence."""
    array = np.asarray(image)
    if array.dtype != np.uint8:
        raise BadInputError(Phrase("An image must hold 8-bit pixels (uint8), not {0}.", (array.dtype,)))
    if array.ndim == 3 and array.shape[2] == 3:  # already RGB: a copy, without a float round trip
        return np.array(array, order="C")
    return np.ascontiguousarray(as_float_rgb(array).astype(np.uint8))


def image_metrics(original: np.ndarray, changed: np.ndarray) -> dict[str, float]:
    """How different two same-sized 8-bit images are, in the units a person can judge.

    - ``linf`` (int): the largest change of any pixel value, 0–255 units.
    - ``l2`` (float): the Euclidean length of the change over all pixels and channels, 0–255 units.
    - ``psnr`` (dB): as ``tf.image.psnr(max_val=255)``; ``float('inf')`` for identical
      images (strict JSON has no infinity: writing it safely is the caller's job).
    - ``ssim``: as ``tf.image.ssim(max_val=255)`` (11×11 Gaussian, σ = 1.5, the mean
      over channels); images smaller than 11 pixels use a window as large as they are.
    """
    a = np.asarray(original)
    b = np.asarray(changed)
    if a.shape != b.shape:
        raise BadInputError(Phrase("Cannot compare images of different sizes ({0} and {1}).",
                                   (list(a.shape), list(b.shape))))
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    diff = b - a
    linf = int(np.abs(diff).max()) if diff.size else 0
    l2 = float(np.sqrt(np.sum(diff * diff)))
    return {"linf": linf, "l2": l2, "psnr": psnr(a, b), "ssim": ssim(a, b)}


def psnr(a: np.ndarray, b: np.ndarray, max_val: float = 255.0) -> float:
    """Peak signal-to-noise ratio in dB, as ``tf.image.psnr``; inf for identical images."""
    mse = float(np.mean((np.asarray(a, np.float64) - np.asarray(b, np.float64)) ** 2))
    if mse == 0.0:
        return float("inf")
    return 20.0 * math.log10(max_val) - 10.0 * math.log10(mse)


def _gaussian(size: int, sigma: float) -> np.ndarray:
    coords = np.arange(size, dtype=np.float64) - (size - 1) / 2.0
    g = np.exp(-0.5 * coords ** 2 / sigma ** 2)
    return g / g.sum()


def _filter_valid(x: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Separable 'VALID' Gaussian filter over the first two axes of a 2-D array.

    Windows times weights (a BLAS product), a band of rows at a time so the
    windowed copies stay near 32 MB whatever the image size.
    """
    from numpy.lib.stride_tricks import sliding_window_view

    n = len(g)
    rows, cols = x.shape[0] - n + 1, x.shape[1] - n + 1
    out = np.empty((rows, cols), dtype=np.float64)
    band = max(1, (1 << 22) // max(1, x.shape[1] * n))
    for top in range(0, rows, band):
        stop = min(rows, top + band)
        vertical = sliding_window_view(x[top:stop + n - 1], n, axis=0) @ g
        out[top:stop] = sliding_window_view(vertical, n, axis=1) @ g
    return out


def ssim(a: np.ndarray, b: np.ndarray, max_val: float = 255.0) -> float:
    """Structural similarity, computed as ``tf.image.ssim`` does (mean over channels).

    One channel at a time in float64, so a 12-megapixel photo needs about 1 GB at most.
    """
    a = np.asarray(a)
    b = np.asarray(b)
    if a.ndim == 2:
        a, b = a[:, :, None], b[:, :, None]
    size = min(SSIM_FILTER_SIZE, a.shape[0], a.shape[1])
    if size < 1 or a.shape[2] == 0:
        return 1.0
    g = _gaussian(size, SSIM_SIGMA)
    c1 = (SSIM_K1 * max_val) ** 2
    c2 = (SSIM_K2 * max_val) ** 2
    per_channel = []
    for channel in range(a.shape[2]):
        x = a[:, :, channel].astype(np.float64)
        y = b[:, :, channel].astype(np.float64)
        mean_x, mean_y = _filter_valid(x, g), _filter_valid(y, g)
        num0 = mean_x * mean_y * 2.0
        den0 = mean_x ** 2 + mean_y ** 2
        luminance = (num0 + c1) / (den0 + c1)
        num1 = _filter_valid(x * y, g) * 2.0
        den1 = _filter_valid(x * x + y * y, g)
        contrast_structure = (num1 - num0 + c2) / (den1 - den0 + c2)
        per_channel.append(float(np.mean(luminance * contrast_structure)))
    return float(np.mean(per_channel))


def amplify(perturbation: np.ndarray, epsilon: Optional[float] = None) -> np.ndarray:
    """A perturbation made visible: ``128 + p · 127 / max(max|p|, 1)`` as uint8 RGB.

    Mid-grey is "unchanged"; the largest change becomes full brightness or black.
    ``epsilon`` is accepted for the callers' convenience and does not change the
    scale (the largest change present sets it, so a small change stays visible).
    """
    p = np.asarray(perturbation, dtype=np.float64)
    if p.ndim == 2:
        p = p[:, :, None]
    if p.shape[-1] == 1:
        p = np.repeat(p, 3, axis=2)
    return np.clip(np.rint(128.0 + p * amplification(p)), 0, 255).astype(np.uint8)


def amplification(perturbation: np.ndarray) -> float:
    """The factor :func:`amplify` multiplies a perturbation by: ``127 / max(max|p|, 1)``.

    Shown beside the picture, so a student knows a change of 8 levels was drawn 16 times larger.
    """
    p = np.asarray(perturbation, dtype=np.float64)
    return 127.0 / max(float(np.abs(p).max()) if p.size else 0.0, 1.0)


def unchanged_share(perturbation: np.ndarray) -> float:
    """The share of pixel values (0–1) a perturbation leaves as they were: grey in :func:`amplify`.

    Why: "grey = unchanged" is only a useful caption when it says how much is grey
    (after a PGD attack with a random start, almost nothing is).
    """
    p = np.asarray(perturbation)
    return float(np.mean(p == 0)) if p.size else 1.0
