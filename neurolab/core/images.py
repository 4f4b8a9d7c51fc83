"""Load and validate images into RGB uint8 arrays; save and resize them.

Students drop anything onto the window, so every failure becomes an
:class:`ImageError` with one sentence naming the file, and nothing is decoded
before its size is known to be sane (decompression bombs).
"""

from __future__ import annotations

import functools
import io
import os
import re
import struct
import warnings
import zlib
from contextlib import contextmanager
from typing import BinaryIO, Iterator, Union

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from neurolab.core.atomic import atomic_write
from neurolab.core.errors import ImageError, quoted_path, system_reason, typed_path
from neurolab.core.phrases import Phrase, phrase_template

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]

#: Pillow format names neurolab accepts; anything else is refused unread.
#: MPO (camera JPEG) has no opener of its own: Pillow's JPEG opener returns it.
SUPPORTED_FORMATS: tuple[str, ...] = ("PNG", "JPEG", "MPO", "BMP", "GIF", "WEBP", "TIFF")

#: The app's own pixel cap (Pillow's bomb limit still applies when lower).
DEFAULT_MAX_PIXELS = 100_000_000

_SUPPORTED_TEXT = "PNG, JPEG, BMP, GIF, WebP, TIFF"
_SAVE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
_ORIENTATION_TAG = 0x0112
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error)


# --- reading ------------------------------------------------------------------

def load_image(source: Source, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> np.ndarray:
    """Read a file (or its bytes) as a C-contiguous RGB uint8 array, H×W×3.

    Upright per EXIF, first frame of an animation, transparency on white.
    """
    label = _label(source)
    with _opened(source, label, max_pixels) as image:
        _load_pixels(image, label)
        image = _upright(image)
        return _to_rgb(image, label)


def image_info(source: Source) -> dict:
    """Width, height, mode and format from the header alone (nothing decoded).

    Width and height are as :func:`load_image` will return them, i.e. after
    the EXIF rotation, so the GUI can describe the array it gets.
    """
    label = _label(source)
    with _opened(source, label, None) as image:
        width, height = image.size
        if _orientation(image) in (5, 6, 7, 8):
            width, height = height, width
        return {"width": width, "height": height, "mode": image.mode, "format": image.format}


def _label(source: Source) -> str:
    """How messages name the input: its path, quoted, as the user typed it."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return "The image data"
    return quoted_path(source)


@contextmanager
def _opened(source: Source, label: str, max_pixels: int | None) -> Iterator[Image.Image]:
    """Open the header inside the bomb guard; the stream stays open for load()."""
    with _stream(source, label) as fp, _bomb_guard(label, max_pixels):
        try:
            image = Image.open(fp, formats=_openers())
        except UnidentifiedImageError:
            raise ImageError(_unreadable(label, fp)) from None
        except _DECODE_ERRORS as exc:
            raise _damaged(label, exc) from exc
        with image:
            _check_size(image.size, label, max_pixels)
            yield image


#: Formats people drop that Pillow cannot decode here: what to say instead of "not an image".
_KNOWN_UNREADABLE = (
    ((b"II*\x00", b"MM\x00*"), phrase_template("{0} is a TIFF in a form neurolab cannot decode (an "
                                                 "unusual compression); save it as PNG or JPEG.")),
    ((b"<svg", b"<?xml"),
     phrase_template("{0} is a vector drawing (SVG), not a picture of pixels; export it as PNG.")),
    ((b"\x00\x00\x00\x18ftypheic", b"\x00\x00\x00\x1cftypheic", b"ftypheic", b"ftypmif1"),
     phrase_template("{0} is a HEIC photo, which neurolab cannot read; save it as JPEG.")),
)


def _unreadable(label: str, fp: BinaryIO) -> Phrase:
    """Why an unidentified file cannot be read, by its first bytes."""
    try:
        fp.seek(0)
        head = fp.read(64).lstrip()
    except (OSError, ValueError):
        head = b""
    for signatures, reason in _KNOWN_UNREADABLE:
        if any(head.startswith(sig) or (sig.startswith(b"ftyp") and sig in head[:16])
               for sig in signatures):
            return Phrase(reason, (label,))
    return Phrase("{0} is not an image neurolab can read (supported: {1}).", (label, _SUPPORTED_TEXT))


@functools.cache
def _openers() -> tuple[str, ...]:
    """The allow list minus names Pillow has no opener for (MPO; a plugin built without)."""
    Image.init()
    return tuple(name for name in SUPPORTED_FORMATS if name in Image.OPEN)


@contextmanager
def _stream(source: Source, label: str) -> Iterator[BinaryIO]:
    """A binary stream over the source, with plain words for file-system trouble."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        if len(source) == 0:
            raise ImageError(Phrase("{0} is empty (0 bytes).", (label,)))
        yield io.BytesIO(bytes(source))
        return
    path = os.fspath(source)
    if os.path.isdir(path):
        raise ImageError(Phrase("{0} is a folder, not an image file.", (label,)))
    try:
        fp = open(path, "rb")
    except FileNotFoundError:
        raise ImageError(Phrase("{0} was not found.", (label,))) from None
    except PermissionError:
        raise ImageError(Phrase("{0} cannot be opened ({1}).", (label, Phrase("permission denied")))) from None
    except OSError as exc:
        raise ImageError(Phrase("{0} cannot be opened ({1}).",
                                (label, system_reason(exc, Phrase("system error"))))) from None
    with fp:
        if os.fstat(fp.fileno()).st_size == 0:
            raise ImageError(Phrase("{0} is empty (0 bytes).", (label,)))
        yield fp


@contextmanager
def _bomb_guard(label: str, max_pixels: int | None) -> Iterator[None]:
    """Pillow's bomb warning becomes an error here, without touching global settings."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise _too_large_from_pillow(label, max_pixels, exc) from None


def _check_size(size: tuple[int, int], label: str, max_pixels: int | None) -> None:
    """Refuse empty and over-cap images from the header, before any decoding."""
    width, height = size
    if width <= 0 or height <= 0:
        raise ImageError(Phrase("{0} has no pixels ({1}×{2}).", (label, width, height)))
    if max_pixels is not None and width * height > max_pixels:
        raise ImageError(Phrase("{0} is too large: {1}×{2} pixels is more than the {3} megapixel limit.",
                                (label, width, height, _megapixels(max_pixels))))


def _too_large_from_pillow(label: str, max_pixels: int | None, exc: BaseException) -> ImageError:
    """Pillow refused first (its limit may be lower than ours); say it the same way."""
    limits = [limit for limit in (max_pixels, Image.MAX_IMAGE_PIXELS) if limit]
    found = re.search(r"\((\d+) pixels\)", str(exc))  # Pillow's own message: the only place it says the size
    values = (label, *([_megapixels(int(found.group(1)))] if found else []),
              *([_megapixels(min(limits))] if limits else []))
    template = {
        (True, True): phrase_template("{0} is too large: {1} megapixels is more than the {2} megapixel limit."),
        (True, False): phrase_template("{0} is too large: {1} megapixels is more than the limit."),
        (False, True): phrase_template("{0} is too large: the image is more than the {1} megapixel limit."),
        (False, False): phrase_template("{0} is too large: the image is more than the limit.")}
    return ImageError(Phrase(template[bool(found), bool(limits)], values))


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1e6:.3g}"


def _load_pixels(image: Image.Image, label: str) -> None:
    """Decode now, inside the guard, so damage surfaces as a sentence."""
    try:
        image.load()
    except MemoryError:
        raise ImageError(Phrase("{0} is too large to fit in memory.", (label,))) from None
    except _DECODE_ERRORS as exc:
        raise _damaged(label, exc) from exc


def _damaged(label: str, exc: BaseException) -> ImageError:
    ends_early = isinstance(exc, EOFError) or "truncated" in str(exc).lower()
    return ImageError(Phrase("{0} is damaged or incomplete (the file ends too early)." if ends_early
                             else "{0} is damaged or incomplete.", (label,)))


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(_ORIENTATION_TAG, 1))
    except Exception:  # broken EXIF is metadata trouble, not a broken picture
        return 1


def _upright(image: Image.Image) -> Image.Image:
    """Honour the camera's EXIF orientation; ignore EXIF too broken to read."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # a bad tag must not stop the picture from showing
        return image


# --- mode conversion ----------------------------------------------------------

_HIGH_BIT_MODES = {"I", "I;16", "I;16L", "I;16B", "I;16N", "I;16S"}


def _to_rgb(image: Image.Image, label: str) -> np.ndarray:
    """Any Pillow mode -> RGB uint8, scaling deep images instead of clipping them."""
    if image.mode in _HIGH_BIT_MODES:
        return _grey_to_rgb(_scale_integers(np.asarray(image)))
    if image.mode == "F":
        return _grey_to_rgb(_scale_floats(np.asarray(image, dtype=np.float64)))
    if _has_transparency(image):
        return _on_white(image)
    try:
        rgb = image if image.mode == "RGB" else image.convert("RGB")
    except ValueError:
        raise ImageError(Phrase("{0} uses the colour mode {1}, which neurolab cannot show.",
                                (label, image.mode))) from None
    return np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8))


def _has_transparency(image: Image.Image) -> bool:
    return "A" in image.getbands() or "a" in image.getbands() or "transparency" in image.info


def _on_white(image: Image.Image) -> np.ndarray:
    """Composite on white: a transparent logo on black would look like a black blob."""
    rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    rgb = Image.alpha_composite(white, rgba).convert("RGB")
    return np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8))


def _scale_integers(values: np.ndarray) -> np.ndarray:
    """16-bit range -> 0..255 by /257 (65535 -> 255); wider ranges are min-max scaled."""
    values = values.astype(np.int64)
    if values.size and (values.min() < 0 or values.max() > 65535):
        return _min_max(values.astype(np.float64))
    return np.rint(values / 257.0).astype(np.uint8)


def _scale_floats(values: np.ndarray) -> np.ndarray:
    """Floats in [0, 1] are intensities; anything else is min-max normalised."""
    values = np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0)
    if values.size == 0 or (values.min() >= 0.0 and values.max() <= 1.0):
        return np.rint(values * 255.0).astype(np.uint8)
    return _min_max(values)


def _min_max(values: np.ndarray) -> np.ndarray:
    low, high = float(values.min()), float(values.max())
    if high == low:
        return np.full(values.shape, np.uint8(np.clip(low, 0, 255)))
    return np.rint((values - low) * (255.0 / (high - low))).astype(np.uint8)


def _grey_to_rgb(grey: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.repeat(grey[:, :, None], 3, axis=2))


# --- writing and resizing -------------------------------------------------------

def save_image(array: np.ndarray, path: str | os.PathLike) -> None:
    """Write a uint8 H×W or H×W×3 array as PNG or JPEG (by extension), atomically.

    Atomic (temporary file + rename) so a crash never leaves half a PNG where a
    teacher's material used to be.
    """
    path = os.fspath(path)
    label = _label(path)
    image = _array_to_image(array)
    fmt = _SAVE_FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt is None:
        raise ImageError(Phrase("Cannot save {0}: the name must end in .png, .jpg or .jpeg.", (label,)))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise ImageError(Phrase("Cannot save {0}: the folder '{1}' does not exist.",
                                (label, typed_path(os.path.dirname(path) or folder))))
    try:
        with atomic_write(path) as fp:
            image.save(fp, format=fmt, **({"quality": 95} if fmt == "JPEG" else {}))
    except PermissionError:
        raise ImageError(Phrase("Cannot save {0}: permission denied.", (label,))) from None
    except OSError as exc:
        raise ImageError(Phrase("Cannot save {0} ({1}).",
                                (label, system_reason(exc, Phrase("write failed"))))) from None


def _array_to_image(array: np.ndarray) -> Image.Image:
    array = np.asarray(array)
    if array.dtype != np.uint8:
        raise ValueError(f"save_image needs a uint8 array, got {array.dtype}")
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if not (array.ndim == 2 or (array.ndim == 3 and array.shape[2] == 3)):
        raise ValueError(f"save_image needs an H×W or H×W×3 array, got shape {array.shape}")
    return Image.fromarray(np.ascontiguousarray(array))


def resize_image(array: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Resize uint8 RGB (or grey) to (width, height) with Pillow's bilinear filter."""
    width, height = (int(v) for v in size)
    if width < 1 or height < 1:
        raise ValueError(f"resize_image needs a positive size, got {size}")
    image = Image.fromarray(np.ascontiguousarray(np.asarray(array, dtype=np.uint8)))
    resized = image.resize((width, height), Image.Resampling.BILINEAR, reducing_gap=None)
    return np.ascontiguousarray(np.asarray(resized))


LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R 601-2, as Pillow's convert('L')


def model_pixels(image: np.ndarray, channels: int) -> np.ndarray:
    """RGB uint8 → float32 H×W×channels (0–255): grey models get the luminance."""
    pixels = image.astype(np.float32)
    return pixels if channels == 3 else (pixels @ LUMA)[..., None]
