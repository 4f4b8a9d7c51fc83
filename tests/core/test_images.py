"""neurolab.core.images: every mode to RGB uint8, and every bad file to one sentence."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import warnings
import zlib

import numpy as np
import pytest
from PIL import Image, ImageFile

from neurolab.core.errors import BadInputError, ImageError
from neurolab.core.images import (
    DEFAULT_MAX_PIXELS,
    SUPPORTED_FORMATS,
    _check_size,
    _to_rgb,
    image_info,
    load_image,
    resize_image,
    save_image,
)
from tests.helpers import photo

WHITE = [255, 255, 255]


def assert_rgb(array: np.ndarray, height: int, width: int) -> None:
    assert array.dtype == np.uint8
    assert array.shape == (height, width, 3)
    assert array.flags["C_CONTIGUOUS"]


def write(tmp_path, name: str, image: Image.Image, fmt: str, **options) -> str:
    path = tmp_path / name
    image.save(path, fmt, **options)
    return str(path)


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny valid PNG whose header claims another size (CRC fixed, so Pillow trusts it)."""
    data = bytearray(png_bytes(Image.new("L", (4, 4))))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


# --- modes --------------------------------------------------------------------

def test_supported_formats_and_cap():
    assert set(SUPPORTED_FORMATS) == {"PNG", "JPEG", "MPO", "BMP", "GIF", "WEBP", "TIFF"}
    assert DEFAULT_MAX_PIXELS == 100_000_000
    assert issubclass(ImageError, BadInputError)


def test_rgb_png_round_trip_is_exact(tmp_path):
    pixels = photo(24, 32)
    path = write(tmp_path, "photo.png", Image.fromarray(pixels), "PNG")
    array = load_image(path)
    assert_rgb(array, 24, 32)
    np.testing.assert_array_equal(array, pixels)


def test_mode_1_is_black_and_white(tmp_path):
    image = Image.new("1", (2, 1))
    image.putpixel((1, 0), 1)
    array = load_image(write(tmp_path, "bits.png", image, "PNG"))
    assert_rgb(array, 1, 2)
    assert array[0].tolist() == [[0, 0, 0], WHITE]


def test_mode_l_is_grey(tmp_path):
    array = load_image(write(tmp_path, "grey.png", Image.new("L", (3, 2), 100), "PNG"))
    assert_rgb(array, 2, 3)
    assert (array == 100).all()


def test_mode_la_transparent_is_white(tmp_path):
    image = Image.new("LA", (2, 1), (100, 255))
    image.putpixel((1, 0), (100, 0))
    array = load_image(write(tmp_path, "la.png", image, "PNG"))
    assert array[0].tolist() == [[100] * 3, WHITE]


def test_rgba_composited_on_white_not_black(tmp_path):
    image = Image.new("RGBA", (3, 1))
    image.putpixel((0, 0), (10, 20, 30, 255))
    image.putpixel((1, 0), (10, 20, 30, 0))
    image.putpixel((2, 0), (0, 0, 0, 128))
    array = load_image(write(tmp_path, "logo.png", image, "PNG"))
    assert array[0, 0].tolist() == [10, 20, 30]
    assert array[0, 1].tolist() == WHITE
    assert np.abs(array[0, 2].astype(int) - 127).max() <= 1


def test_palette_without_transparency(tmp_path):
    image = Image.new("P", (2, 1))
    image.putpalette([0, 0, 0, 200, 100, 50] + [0] * 762)
    image.putpixel((1, 0), 1)
    array = load_image(write(tmp_path, "palette.png", image, "PNG"))
    assert array[0].tolist() == [[0, 0, 0], [200, 100, 50]]


def test_palette_with_transparency_index_is_white(tmp_path):
    image = Image.new("P", (2, 1))
    image.putpalette([0, 0, 0, 200, 100, 50] + [0] * 762)
    image.putpixel((1, 0), 1)
    array = load_image(write(tmp_path, "palette_t.png", image, "PNG", transparency=0))
    assert array[0].tolist() == [WHITE, [200, 100, 50]]


def test_pa_transparent_is_white(tmp_path):
    image = Image.new("PA", (2, 1))
    image.putpalette([0, 0, 0, 200, 100, 50] + [0] * 762)
    image.putpixel((0, 0), (1, 255))
    image.putpixel((1, 0), (1, 0))
    path = write(tmp_path, "pa.tif", image, "TIFF")
    assert Image.open(path).mode == "PA"
    assert load_image(path)[0].tolist() == [[200, 100, 50], WHITE]


def test_cmyk_tiff_converts_exactly(tmp_path):
    image = Image.new("CMYK", (3, 1))
    image.putpixel((0, 0), (0, 0, 0, 0))
    image.putpixel((1, 0), (255, 0, 0, 0))
    image.putpixel((2, 0), (0, 0, 0, 255))
    array = load_image(write(tmp_path, "print.tif", image, "TIFF"))
    assert array[0].tolist() == [WHITE, [0, 255, 255], [0, 0, 0]]


def test_cmyk_jpeg_converts(tmp_path):
    path = write(tmp_path, "print.jpg", Image.new("CMYK", (16, 16), (255, 0, 0, 0)), "JPEG")
    assert Image.open(path).mode == "CMYK"
    array = load_image(path)
    assert np.abs(array[8, 8].astype(int) - [0, 255, 255]).max() <= 3


def test_ycbcr_tiff(tmp_path):
    image = Image.new("YCbCr", (2, 2), (128, 128, 128))
    path = write(tmp_path, "video.tif", image, "TIFF")
    assert Image.open(path).mode == "YCbCr"
    assert np.abs(load_image(path).astype(int) - 128).max() <= 1


@pytest.mark.parametrize("mode, fmt", [("I;16", "PNG"), ("I;16B", "TIFF")])
def test_sixteen_bit_is_scaled_not_clipped(tmp_path, mode, fmt):
    image = Image.new(mode, (4, 1))
    for x, value in enumerate([0, 257, 32768, 65535]):
        image.putpixel((x, 0), value)
    path = write(tmp_path, f"deep.{fmt.lower()}", image, fmt)
    assert Image.open(path).mode == ("I;16" if fmt == "PNG" else mode)
    array = load_image(path)
    assert_rgb(array, 1, 4)
    assert array[0, :, 0].tolist() == [0, 1, 128, 255]


def test_mode_i_sixteen_bit_range(tmp_path):
    image = Image.new("I", (2, 1))
    image.putpixel((1, 0), 65535)
    assert load_image(write(tmp_path, "int.tif", image, "TIFF"))[0, :, 0].tolist() == [0, 255]


def test_mode_i_outside_sixteen_bits_is_normalised(tmp_path):
    image = Image.new("I", (3, 1))
    for x, value in enumerate([-100, 49950, 100000]):
        image.putpixel((x, 0), value)
    assert load_image(write(tmp_path, "wide.tif", image, "TIFF"))[0, :, 0].tolist() == [0, 128, 255]


def test_float_unit_range_is_scaled_by_255(tmp_path):
    image = Image.new("F", (3, 1))
    for x, value in enumerate([0.0, 0.5, 1.0]):
        image.putpixel((x, 0), value)
    assert load_image(write(tmp_path, "unit.tif", image, "TIFF"))[0, :, 1].tolist() == [0, 128, 255]


def test_float_other_range_is_min_max_normalised(tmp_path):
    image = Image.new("F", (3, 1))
    for x, value in enumerate([-1.0, 1.0, 3.0]):
        image.putpixel((x, 0), value)
    assert load_image(write(tmp_path, "depth.tif", image, "TIFF"))[0, :, 2].tolist() == [0, 128, 255]


def test_lab_tiff_goes_through_pillow(tmp_path):
    image = Image.new("LAB", (2, 1), (255, 128, 128))
    image.putpixel((1, 0), (0, 128, 128))
    path = write(tmp_path, "lab.tif", image, "TIFF")
    assert Image.open(path).mode == "LAB"
    array = load_image(path)
    np.testing.assert_array_equal(array, np.asarray(image.convert("RGB")))
    assert array[0, 0].min() > 200 and array[0, 1].max() < 30


def test_hsv_converts_via_pillow():
    array = _to_rgb(Image.new("HSV", (1, 1), (0, 255, 255)), "'x'")
    assert array[0, 0].tolist() == [255, 0, 0]


def test_rgb_with_transparent_colour_is_white(tmp_path):
    image = Image.new("RGB", (2, 1), (1, 2, 3))
    image.putpixel((1, 0), (9, 9, 9))
    array = load_image(write(tmp_path, "trns.png", image, "PNG", transparency=(1, 2, 3)))
    assert array[0].tolist() == [WHITE, [9, 9, 9]]


# --- formats, orientation, frames, names ----------------------------------------

@pytest.mark.parametrize("fmt, ext, options", [
    ("WEBP", "webp", {"lossless": True}),
    ("TIFF", "tif", {}),
    ("BMP", "bmp", {}),
])
def test_other_formats_load_exactly(tmp_path, fmt, ext, options):
    pixels = photo(20, 30, seed=3)
    array = load_image(write(tmp_path, f"photo.{ext}", Image.fromarray(pixels), fmt, **options))
    np.testing.assert_array_equal(array, pixels)


def test_jpeg_loads_close(tmp_path):
    pixels = photo(32, 48)
    path = write(tmp_path, "photo.jpg", Image.fromarray(pixels), "JPEG", quality=95)
    array = load_image(path)
    assert_rgb(array, 32, 48)
    np.testing.assert_array_equal(array, np.asarray(Image.open(path).convert("RGB")))
    assert np.abs(array.astype(int) - pixels).mean() < 10


def test_camera_mpo_gives_first_picture(tmp_path):
    frames = [Image.new("RGB", (16, 16), (255, 0, 0)), Image.new("RGB", (16, 16), (0, 0, 255))]
    path = tmp_path / "stereo.jpg"
    frames[0].save(path, "MPO", save_all=True, append_images=frames[1:])
    assert image_info(path)["format"] == "MPO"
    array = load_image(path)
    assert array[8, 8, 0] > 240 and array[8, 8, 2] < 15


def test_exif_orientation_6_rotates_clockwise(tmp_path):
    pixels = np.zeros((16, 32, 3), np.uint8)
    pixels[:, :16] = [255, 0, 0]
    pixels[:, 16:] = [0, 0, 255]
    image = Image.fromarray(pixels)
    exif = image.getexif()
    exif[0x0112] = 6
    path = write(tmp_path, "camera.jpg", image, "JPEG", exif=exif, quality=95)
    array = load_image(path)
    assert_rgb(array, 32, 16)  # width and height swapped
    assert array[4, 8, 0] > 200 and array[4, 8, 2] < 50  # left (red) is now on top
    assert array[28, 8, 2] > 200 and array[28, 8, 0] < 50
    assert image_info(path) == {"width": 16, "height": 32, "mode": "RGB", "format": "JPEG"}


def test_animated_gif_gives_first_frame(tmp_path):
    frames = [Image.new("RGB", (8, 6), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert Image.open(path).n_frames == 3
    array = load_image(path)
    assert_rgb(array, 6, 8)
    assert (array == [255, 0, 0]).all()


def test_non_ascii_file_name(tmp_path):
    path = write(tmp_path, "květina_č.png", Image.new("RGB", (4, 3), (1, 2, 3)), "PNG")
    assert (load_image(path) == [1, 2, 3]).all()
    assert (load_image(tmp_path / "květina_č.png") == [1, 2, 3]).all()  # PathLike too


def test_bytes_source():
    array = load_image(png_bytes(Image.new("RGB", (3, 2), (7, 8, 9))))
    assert_rgb(array, 2, 3)
    assert (array == [7, 8, 9]).all()


@pytest.mark.parametrize("size", [(1, 1), (5, 5), (12000, 10), (10, 12000)])
def test_tiny_and_extreme_aspect_images_load(tmp_path, size):
    path = write(tmp_path, "odd.png", Image.new("RGB", size, (40, 50, 60)), "PNG")
    array = load_image(path)
    assert_rgb(array, size[1], size[0])
    assert (array == [40, 50, 60]).all()


def test_image_info_reads_only_the_header(tmp_path):
    data = png_bytes(Image.fromarray(photo(40, 50)))
    path = tmp_path / "half.png"
    path.write_bytes(data[: len(data) // 2])
    assert image_info(path) == {"width": 50, "height": 40, "mode": "RGB", "format": "PNG"}
    with pytest.raises(ImageError):
        load_image(path)


# --- bad input --------------------------------------------------------------------

def _truncated(fmt: str):
    def build(tmp_path):
        buffer = io.BytesIO()
        Image.fromarray(photo(64, 64, seed=5)).save(buffer, fmt)
        data = buffer.getvalue()
        path = tmp_path / f"cut.{'jpg' if fmt == 'JPEG' else fmt.lower()}"
        path.write_bytes(data[: len(data) // 2])
        return path
    return build


def _file(name: str, data: bytes):
    def build(tmp_path):
        path = tmp_path / name
        path.write_bytes(data)
        return path
    return build


def _huge_bilevel_png(tmp_path):
    """A real 10000×10000 1-bit PNG: a few kB on disk, 100 megapixels when decoded."""
    path = tmp_path / "bomb1.png"
    Image.new("1", (10000, 10000)).save(path, "PNG")
    return path


def _folder(tmp_path):
    path = tmp_path / "holiday"
    path.mkdir()
    return path


def _ico(tmp_path):
    path = tmp_path / "icon.ico"
    Image.new("RGB", (16, 16)).save(path, "ICO")
    return path


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'

BAD_FILES = {
    "empty": (_file("x.png", b""), "'x.png' is empty (0 bytes)."),
    "text renamed": (_file("notes.png", b"my homework\n" * 20),
                     "'notes.png' is not an image neurolab can read "
                     "(supported: PNG, JPEG, BMP, GIF, WebP, TIFF)."),
    "truncated png": (_truncated("PNG"), "'cut.png' is damaged or incomplete (the file ends too early)."),
    "truncated jpeg": (_truncated("JPEG"), "'cut.jpg' is damaged or incomplete (the file ends too early)."),
    "truncated webp": (_truncated("WEBP"), "'cut.webp' is damaged or incomplete"),
    "random bytes": (_file("noise.jpg", np.random.default_rng(0).bytes(5000)), "'noise.jpg' is not an image"),
    "bomb header": (_file("bomb.png", png_claiming_size(30000, 30000)),
                    "'bomb.png' is too large: 900 megapixels is more than the 89.5 megapixel limit."),
    "bomb bilevel": (_huge_bilevel_png, "'bomb1.png' is too large: 100 megapixels is more than"),
    "zero width": (_file("flat.png", png_claiming_size(0, 5)), "'flat.png' "),
    "svg": (_file("drawing.svg", SVG),
            "'drawing.svg' is a vector drawing (SVG), not a picture of pixels; export it as PNG."),
    "html": (_file("page.jpg", b"<!DOCTYPE html><html><body>404</body></html>"), "'page.jpg' is not an image"),
    "missing": (lambda tmp_path: tmp_path / "gone.png", "'gone.png' was not found."),
    "folder": (_folder, "'holiday' is a folder, not an image file."),
    "unsupported format": (_ico, "'icon.ico' is not an image neurolab can read"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_is_one_plain_sentence(tmp_path, monkeypatch, case):
    build, expected = BAD_FILES[case]
    path = build(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ImageError) as caught:
        load_image(path.name)  # typed as a name in the current folder
    message = str(caught.value)
    assert message.startswith(expected)
    assert message.endswith(".") and "\n" not in message
    assert "Traceback" not in message and "PIL" not in message and "cannot identify" not in message
    assert str(tmp_path) not in message  # the path as typed, nothing added


@pytest.mark.parametrize("typed", ["pictures/gone.png", "./gone.png", "../gone.png"])
def test_a_missing_image_is_named_as_the_user_typed_it(tmp_path, monkeypatch, typed):
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    with pytest.raises(ImageError) as caught:
        load_image(typed)
    assert str(caught.value) == f"'{typed}' was not found."


def test_saving_into_a_missing_folder_names_the_folder_as_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ImageError) as caught:
        save_image(np.zeros((2, 2, 3), np.uint8), "nodir/sub/out.png")
    assert str(caught.value) == "Cannot save 'nodir/sub/out.png': the folder 'nodir/sub' does not exist."


def test_bad_file_via_image_info(tmp_path):
    with pytest.raises(ImageError, match="notes.png' is not an image"):
        image_info(_file("notes.png", b"hello")(tmp_path))
    with pytest.raises(ImageError, match="too large"):
        image_info(_file("bomb.png", png_claiming_size(30000, 30000))(tmp_path))


def test_own_pixel_cap_is_checked_from_the_header(tmp_path):
    path = write(tmp_path, "big.png", Image.new("RGB", (100, 100)), "PNG")
    with pytest.raises(ImageError) as caught:
        load_image(path, max_pixels=1000)
    assert str(caught.value) == (f"'{path}' is too large: 100×100 pixels is more than "
                                 "the 0.001 megapixel limit.")
    assert load_image(path, max_pixels=10_000).shape == (100, 100, 3)


def test_zero_size_is_refused_even_where_pillow_lets_it_through():
    # Pillow itself refuses 0-pixel PNG/BMP headers ("zero width" above); this is the backstop.
    with pytest.raises(ImageError, match=r"^'flat.png' has no pixels \(0×5\)\.$"):
        _check_size((0, 5), "'flat.png'", None)


def test_empty_bytes():
    with pytest.raises(ImageError, match=r"^The image data is empty \(0 bytes\)\.$"):
        load_image(b"")


def test_global_pillow_state_is_untouched(tmp_path):
    filters = list(warnings.filters)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    load_image(write(tmp_path, "ok.png", Image.new("RGB", (2, 2)), "PNG"))
    for build, _ in (BAD_FILES["truncated jpeg"], BAD_FILES["bomb header"]):
        with pytest.raises(ImageError):
            load_image(build(tmp_path))
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    assert list(warnings.filters) == filters


# --- save and resize ---------------------------------------------------------------

@pytest.mark.parametrize("shape", [(12, 16, 3), (12, 16)])
def test_save_png_round_trip(tmp_path, shape):
    pixels = np.random.default_rng(1).integers(0, 256, shape, dtype=np.uint8)
    path = tmp_path / "out.png"
    save_image(pixels, path)
    loaded = load_image(path)
    expected = pixels if pixels.ndim == 3 else np.repeat(pixels[:, :, None], 3, axis=2)
    np.testing.assert_array_equal(loaded, expected)
    assert os.listdir(tmp_path) == ["out.png"]  # no temporary file left behind


def test_save_jpeg_by_extension_and_overwrite(tmp_path):
    path = tmp_path / "out.JPEG"
    save_image(np.zeros((8, 8, 3), np.uint8), path)
    save_image(photo(16, 16), path)
    assert Image.open(path).format == "JPEG"
    assert load_image(path).shape == (16, 16, 3)
    assert os.listdir(tmp_path) == ["out.JPEG"]


def test_save_refuses_missing_folder_and_unknown_extension(tmp_path):
    missing = tmp_path / "nowhere" / "out.png"
    with pytest.raises(ImageError) as caught:
        save_image(np.zeros((2, 2, 3), np.uint8), missing)
    assert str(caught.value) == f"Cannot save '{missing}': the folder '{missing.parent}' does not exist."
    with pytest.raises(ImageError, match=r"^Cannot save '.*out.gif': .*\.png.*\.$"):
        save_image(np.zeros((2, 2, 3), np.uint8), tmp_path / "out.gif")
    assert os.listdir(tmp_path) == []


def test_resize_is_pillow_bilinear_with_width_height_order():
    pixels = photo(30, 40)
    resized = resize_image(pixels, (20, 10))
    assert_rgb(resized, 10, 20)
    expected = Image.fromarray(pixels).resize((20, 10), Image.Resampling.BILINEAR, reducing_gap=None)
    np.testing.assert_array_equal(resized, np.asarray(expected))
    assert (resize_image(np.full((5, 5, 3), 77, np.uint8), (50, 3)) == 77).all()


def test_module_imports_neither_qt_nor_tensorflow():
    code = ("import sys, neurolab.core.images; "
            "print(any(m.split('.')[0] in ('PySide6', 'tensorflow', 'keras') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert result.stdout.strip() == "False", result.stderr
