"""Bad and odd image files, made on demand (no binaries committed): ``python tests/data/make_bad_images.py DIR``.

The corpus of issue #7 ("Robustness"): every file a student might drop on
the window, from an empty file to a 24-megapixel photo. Each builder writes
one file (or folder) into ``folder`` and returns its path; :data:`CASES`
maps a case name to its builder and what :func:`neurolab.core.images.load_image`
must do with it: load it as an RGB array of a given (height, width), or
refuse it with a sentence containing a given fragment.
:func:`build_corpus` makes them all (in well under 5 s).
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

NOT_AN_IMAGE = "is not an image neurolab can read"
DAMAGED = "is damaged or incomplete"
ENDS_EARLY = "is damaged or incomplete (the file ends too early)"

SVG = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
       b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48">'
       b'<circle cx="32" cy="24" r="20" fill="orange"/></svg>\n')


@dataclass(frozen=True)
class Case:
    """One file and what loading it must give."""

    path: Path
    shape: tuple[int, int] | None = None  # (height, width) of the loaded RGB array, when it loads
    error: str | None = None              # a fragment of the sentence, when it is refused

    @property
    def ok(self) -> bool:
        return self.error is None


def noise(height: int, width: int, seed: int = 0) -> np.ndarray:
    """Deterministic RGB noise over a smooth gradient (compresses like a photo, not like flat colour)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([x * 255 / max(width - 1, 1), y * 255 / max(height - 1, 1),
                     np.full((height, width), 128.0)], axis=-1)
    return np.clip(base + rng.normal(0, 20, base.shape), 0, 255).astype(np.uint8)


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = Path(folder) / name
    path.write_bytes(data)
    return path


def _save(folder: Path, name: str, image: Image.Image, fmt: str, **options) -> Path:
    return _write(folder, name, encoded(image, fmt, **options))


# --- not images at all ---------------------------------------------------------------------------

def empty_file(folder: Path) -> Path:
    return _write(folder, "empty.png", b"")


def text_as_png(folder: Path) -> Path:
    return _write(folder, "homework.png", "My homework: neurons are cells.\n".encode() * 20)


def text_as_jpg(folder: Path) -> Path:
    return _write(folder, "homework.jpg", "Úkol: neurony jsou buňky.\n".encode() * 20)


def random_bytes(folder: Path) -> Path:
    return _write(folder, "noise.png", np.random.default_rng(7).bytes(4096))


def svg_file(folder: Path) -> Path:
    return _write(folder, "drawing.svg", SVG)


def svg_as_png(folder: Path) -> Path:
    return _write(folder, "drawing_svg.png", SVG)


def folder_like_image(folder: Path) -> Path:
    path = Path(folder) / "holiday.png"
    path.mkdir(exist_ok=True)
    return path


# --- damaged files -----------------------------------------------------------------------------

def truncated_png(folder: Path) -> Path:
    data = encoded(Image.fromarray(noise(64, 64, seed=1)), "PNG")
    return _write(folder, "cut.png", data[: len(data) // 2])


def truncated_jpeg(folder: Path) -> Path:
    data = encoded(Image.fromarray(noise(64, 64, seed=2)), "JPEG", quality=90)
    return _write(folder, "cut.jpg", data[: len(data) // 2])


def _gif_header(width: int = 10, height: int = 10) -> bytes:
    """'GIF89a' and a logical screen descriptor without a global colour table."""
    return b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0)


def gif_without_frames(folder: Path) -> Path:
    """A well-formed GIF that ends (trailer ';') before its first frame."""
    return _write(folder, "noframes.gif", _gif_header() + b";")


def gif_garbage(folder: Path) -> Path:
    return _write(folder, "garbage.gif", _gif_header() + bytes(range(256)) * 4)


def _tiff_with_compression(code: int) -> bytes:
    """An uncompressed little-endian TIFF whose Compression tag (259) is patched to ``code``."""
    data = bytearray(encoded(Image.fromarray(noise(8, 8, seed=3)), "TIFF"))
    assert data[:4] == b"II*\0"
    offset = struct.unpack("<I", data[4:8])[0]
    for index in range(struct.unpack("<H", data[offset:offset + 2])[0]):
        entry = offset + 2 + 12 * index
        if struct.unpack("<H", data[entry:entry + 2])[0] == 259:
            data[entry + 8:entry + 10] = struct.pack("<H", code)
            return bytes(data)
    raise AssertionError("no Compression tag")


def tiff_unknown_compression(folder: Path) -> Path:
    """Compression 34712 (JPEG 2000), which neither Pillow nor its libtiff decodes."""
    return _write(folder, "jpeg2000.tif", _tiff_with_compression(34712))


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def decompression_bomb(folder: Path, side: int = 20000) -> Path:
    """A real, valid 1-bit ``side``×``side`` PNG (400 megapixels): ~50 kB on disk.

    Written chunk by chunk, so making it never holds the 400 MB picture.
    """
    row = b"\0" * (1 + (side + 7) // 8)            # filter byte + packed bits
    compressor = zlib.compressobj(6)
    rows = [compressor.compress(row * 500) for _ in range(side // 500)]
    rows.append(compressor.compress(row * (side % 500)))
    idat = b"".join(rows) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit grey, no interlace
    data = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))
    return _write(folder, "bomb.png", data)


# --- odd but good ------------------------------------------------------------------------------

def tiny(folder: Path) -> Path:
    return _save(folder, "tiny_1x1.png", Image.new("RGB", (1, 1), (200, 30, 40)), "PNG")


def small(folder: Path) -> Path:
    return _save(folder, "small_5x5.png", Image.fromarray(noise(5, 5, seed=4)), "PNG")


def wide(folder: Path) -> Path:
    return _save(folder, "wide_12000x10.png", Image.new("RGB", (12000, 10), (40, 50, 60)), "PNG")


def tall(folder: Path) -> Path:
    return _save(folder, "tall_10x12000.png", Image.new("RGB", (10, 12000), (60, 50, 40)), "PNG")


def grey_16_bit(folder: Path) -> Path:
    ramp = (np.arange(48 * 64, dtype=np.uint32).reshape(48, 64) * 21).astype("<u2")
    image = Image.frombytes("I;16", (64, 48), ramp.tobytes())
    return _save(folder, "grey16.png", image, "PNG")


def float_tiff(folder: Path) -> Path:
    values = np.linspace(-3.0, 7.5, 30 * 40, dtype=np.float32).reshape(30, 40)
    image = Image.fromarray(values)
    return _save(folder, "float.tif", image, "TIFF")


def cmyk_jpeg(folder: Path) -> Path:
    image = Image.fromarray(noise(36, 52, seed=5)).convert("CMYK")
    return _save(folder, "cmyk.jpg", image, "JPEG", quality=90)


def palette_png(folder: Path) -> Path:
    image = Image.fromarray(noise(40, 30, seed=6)).convert("P", palette=Image.Palette.ADAPTIVE,
                                                            colors=16)
    return _save(folder, "palette.png", image, "PNG")


def rgba_png(folder: Path) -> Path:
    pixels = np.zeros((32, 48, 4), np.uint8)
    pixels[..., 0] = 255
    pixels[8:24, 12:36, 3] = 255                   # an opaque red box on a see-through background
    return _save(folder, "logo_rgba.png", Image.fromarray(pixels, "RGBA"), "PNG")


def animated_gif(folder: Path) -> Path:
    frames = [Image.new("RGB", (24, 16), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    path = Path(folder) / "animated.gif"
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return path


def exif_rotated_jpeg(folder: Path) -> Path:
    """Stored 40 wide × 20 high, orientation 6: shown (and loaded) 20 wide × 40 high."""
    exif = Image.Exif()
    exif[0x0112] = 6
    return _save(folder, "rotated.jpg", Image.fromarray(noise(20, 40, seed=8)), "JPEG",
                 exif=exif.tobytes())


def czech_name(folder: Path) -> Path:
    return _save(folder, "květina_čšž.png", Image.fromarray(noise(12, 16, seed=9)), "PNG")


def japanese_name(folder: Path) -> Path:
    return _save(folder, "写真.jpg", Image.fromarray(noise(14, 18, seed=10)), "JPEG")


def jpeg_named_png(folder: Path) -> Path:
    """The content decides, not the name."""
    return _save(folder, "actually_jpeg.png", Image.fromarray(noise(22, 26, seed=11)), "JPEG")


def photo_24_megapixels(folder: Path) -> Path:
    """A 6000×4000 camera-sized JPEG, from small noise scaled up (fast to make, ~1 MB)."""
    image = Image.fromarray(noise(40, 60, seed=12)).resize((6000, 4000), Image.Resampling.BILINEAR)
    return _save(folder, "camera_24mp.jpg", image, "JPEG", quality=75)


# name: (builder, expectation): a (height, width) it loads as, or a fragment of its sentence
CASES: dict[str, tuple[Callable[[Path], Path], tuple[int, int] | str]] = {
    "empty file": (empty_file, "is empty (0 bytes)"),
    "text renamed .png": (text_as_png, NOT_AN_IMAGE),
    "text renamed .jpg": (text_as_jpg, NOT_AN_IMAGE),
    "truncated PNG": (truncated_png, ENDS_EARLY),
    "truncated JPEG": (truncated_jpeg, ENDS_EARLY),
    "random bytes .png": (random_bytes, NOT_AN_IMAGE),
    "decompression bomb (1-bit 20000x20000 PNG)": (decompression_bomb, "is too large"),
    "SVG": (svg_file, "is a vector drawing (SVG)"),
    "SVG renamed .png": (svg_as_png, "is a vector drawing (SVG)"),
    "folder named like an image": (folder_like_image, "is a folder, not an image file"),
    "GIF without frames": (gif_without_frames, NOT_AN_IMAGE),
    "GIF with garbage after the header": (gif_garbage, NOT_AN_IMAGE),
    "TIFF with unsupported compression": (tiff_unknown_compression, "is a TIFF in a form neurolab "
                                          "cannot decode"),
    "1x1": (tiny, (1, 1)),
    "5x5": (small, (5, 5)),
    "12000x10 (wide)": (wide, (10, 12000)),
    "10x12000 (tall)": (tall, (12000, 10)),
    "16-bit grey PNG": (grey_16_bit, (48, 64)),
    "float TIFF (mode F)": (float_tiff, (30, 40)),
    "CMYK JPEG": (cmyk_jpeg, (36, 52)),
    "palette PNG": (palette_png, (40, 30)),
    "RGBA PNG with transparency": (rgba_png, (32, 48)),
    "animated GIF": (animated_gif, (16, 24)),
    "EXIF-rotated JPEG (orientation 6)": (exif_rotated_jpeg, (40, 20)),
    "Czech file name": (czech_name, (12, 16)),
    "Japanese file name": (japanese_name, (14, 18)),
    "JPEG named .png": (jpeg_named_png, (22, 26)),
    "24-megapixel photo": (photo_24_megapixels, (4000, 6000)),
}

#: Cases slow to push through a model or the window (the core tests still load them).
LARGE = frozenset({"24-megapixel photo"})


def build_corpus(folder: str | Path) -> dict[str, Case]:
    """Every case's file in ``folder`` (created if needed), with what loading it must give."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = {}
    for name, (build, expected) in CASES.items():
        path = build(folder)
        if isinstance(expected, str):
            corpus[name] = Case(path, error=expected)
        else:
            corpus[name] = Case(path, shape=expected)
    return corpus


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad_images")
    for case_name, case in build_corpus(target).items():
        expectation = f"loads as {case.shape[0]}×{case.shape[1]}" if case.ok else f"'{case.error}'"
        print(f"{case_name:44} {case.path.name:24} {expectation}")
