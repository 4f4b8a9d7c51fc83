"""Mosaic tiling: near-square grid, per-channel normalisation, click mapping."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.inspection.mosaic import (
    SEPARATOR,
    grid_shape,
    normalise_channels,
    overlay,
    tile_channels,
)


@pytest.mark.parametrize("channels,expected", [(1, (1, 1)), (3, (2, 2)), (16, (4, 4)),
                                               (64, (8, 8)), (65, (8, 9)), (1000, (32, 32))])
def test_grid_is_near_square(channels, expected):
    rows, cols = grid_shape(channels)
    assert (rows, cols) == expected
    assert rows * cols >= channels


def test_each_channel_is_normalised_white_is_strong():
    activation = np.zeros((4, 5, 3), dtype=np.float32)
    activation[..., 0] = np.arange(20).reshape(4, 5)  # ramp 0..19
    activation[..., 1] = 1e-3 * np.arange(20).reshape(4, 5)  # same ramp, tiny scale
    tiles = normalise_channels(activation)
    assert tiles[..., 0].max() == 255 and tiles[..., 0].min() == 0
    np.testing.assert_array_equal(tiles[..., 0], tiles[..., 1])
    assert not tiles[..., 2].any()  # constant channel is black


def test_tiles_land_where_channel_at_says():
    activation = np.random.default_rng(0).normal(size=(6, 7, 10)).astype(np.float32)
    mosaic = tile_channels(activation)
    assert (mosaic.rows, mosaic.cols) == (3, 4)
    assert mosaic.image.shape == (3 * 6 + 2 * SEPARATOR, 4 * 7 + 3 * SEPARATOR)
    for channel in range(10):
        row, col = divmod(channel, 4)
        x, y = col * (7 + SEPARATOR) + 3, row * (6 + SEPARATOR) + 2
        assert mosaic.channel_at(x, y) == channel
        top, left = row * (6 + SEPARATOR), col * (7 + SEPARATOR)
        np.testing.assert_array_equal(mosaic.image[top:top + 6, left:left + 7],
                                      normalise_channels(activation)[..., channel])
    assert mosaic.channel_at(7, 0) is None  # separator
    assert mosaic.channel_at(3 * (7 + SEPARATOR) + 1, 2 * (6 + SEPARATOR) + 1) is None  # empty cell


def test_big_activations_are_subsampled_to_the_pixel_cap():
    activation = np.ones((500, 400, 64), dtype=np.float32)
    mosaic = tile_channels(activation, max_pixels=1_000_000)
    assert mosaic.image.size <= 1_100_000
    assert mosaic.tile_height == 125 and mosaic.tile_width == 100


def test_vectors_become_a_grid_normalised_as_a_whole():
    from neurolab.core.inspection.mosaic import NEURON_CELL

    mosaic = tile_channels(np.arange(10, dtype=np.float32))
    assert (mosaic.tile_height, mosaic.tile_width, mosaic.channels) == (NEURON_CELL, NEURON_CELL, 10)
    assert mosaic.image.max() == 255 and mosaic.image[0, 0] == 0


def test_a_dense_layers_units_are_a_neuron_grid_brightness_is_the_value():
    from neurolab.core.inspection.mosaic import neuron_grid_shape

    assert [neuron_grid_shape(n) for n in (128, 10, 784, 2, 1000, 127)] == [
        (8, 16), (2, 5), (28, 28), (1, 2), (25, 40), (8, 16)]
    values = np.linspace(-1.0, 3.0, 128).astype(np.float32)
    for activation in (values, values.reshape(1, 1, 128)):  # a Dense output, or a 1×1×N map
        mosaic = tile_channels(activation)
        assert mosaic.is_neuron_grid and (mosaic.rows, mosaic.cols, mosaic.channels) == (8, 16, 128)
        assert mosaic.unit_value(17) == pytest.approx(values[17])
        x, y = mosaic.tile_origin(17)
        assert mosaic.channel_at(x + 1, y + 1) == 17
        cell = mosaic.image[y:y + mosaic.tile_height, x:x + mosaic.tile_width]
        assert cell.min() == cell.max() == int((values[17] + 1.0) / 4.0 * 255)  # one uniform cell
        assert mosaic.image[:mosaic.tile_height, :mosaic.tile_width].max() == 0  # the lowest: black
    assert not tile_channels(np.zeros((4, 4, 3), np.float32)).is_neuron_grid


def test_overlay_keeps_image_size_and_tints_strong_areas():
    image = np.full((40, 60, 3), 100, dtype=np.uint8)
    image[..., 0] = 200  # a reddish photo
    grey = np.zeros((4, 6), dtype=np.uint8)
    grey[:2, :3] = 255
    blended = overlay(image, grey)
    assert blended.shape == image.shape
    assert blended[2, 2, 2] > 180  # strong: the heat colour (light blue-white)
    weak = blended[-2, -2].astype(int)
    assert weak[0] == weak[1] == weak[2] < 130  # silent: the photo, grey and dimmed


def test_strongest_channel_is_the_most_active():
    activation = np.zeros((300, 400, 5), dtype=np.float32)
    activation[..., 3] = 2.0
    activation[..., 1] = 1.0
    activation[::7, ::7, 1] = 40.0  # a few strong spots: not the largest mean
    assert tile_channels(activation).strongest_channel() == 3
    assert tile_channels(activation, max_pixels=20_000).strongest_channel() == 3  # subsampled


def _lightness(rgb: np.ndarray) -> np.ndarray:
    """CIE L* (0–100) of sRGB uint8 colours, computed independently of the code under test."""
    c = rgb.astype(np.float64) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    y = linear @ np.array([0.2126, 0.7152, 0.0722])
    return np.where(y > 216 / 24389, 116 * np.cbrt(y) - 16, 24389 / 27 * y)


@pytest.mark.parametrize("name", ["grey", "cividis"])
def test_colour_maps_rise_in_lightness_from_weak_to_strong(name):
    from neurolab.core.inspection.mosaic import colour_map_table

    table = colour_map_table(name)
    assert table.shape == (256, 3) and table.dtype == np.uint8
    lightness = _lightness(table)
    assert (np.diff(lightness) > 0).all()  # strictly: every level is told apart by brightness
    assert lightness[-1] - lightness[0] > 70  # and the range is wide


def test_cividis_is_blue_to_yellow_and_tints_no_red_against_green():
    from neurolab.core.inspection.mosaic import colour_map_table

    table = colour_map_table("cividis").astype(int)
    assert table[0, 2] > table[0, 0] + 50  # weak: dark blue
    assert table[-1, 0] > 200 and table[-1, 1] > 200 and table[-1, 2] < 100  # strong: yellow
    # No red–green contrast for a deuteranope to lose: red never exceeds green by much.
    assert (table[:, 0] - table[:, 1] < 30).all()


def test_apply_colour_map_keeps_grey_and_colours_the_rest():
    from neurolab.core.inspection.mosaic import apply_colour_map, colour_map_table

    grey = np.arange(256, dtype=np.uint8).reshape(16, 16)
    assert apply_colour_map(grey, "grey") is grey
    coloured = apply_colour_map(grey, "cividis")
    assert coloured.shape == (16, 16, 3) and coloured.dtype == np.uint8
    np.testing.assert_array_equal(coloured.reshape(-1, 3), colour_map_table("cividis"))
    with pytest.raises(ValueError):
        apply_colour_map(grey, "jet")


def test_overlay_can_use_the_colour_blind_safe_map():
    image = np.full((8, 8, 3), 0, dtype=np.uint8)
    grey = np.full((8, 8), 255, dtype=np.uint8)
    ice, cividis = overlay(image, grey), overlay(image, grey, colour_map="cividis")
    assert cividis[0, 0, 2] < cividis[0, 0, 1]  # strong = yellow, not the ice map's white
    assert not np.array_equal(ice, cividis)


# --- contrast choices, empty slots and the overlay on the real model (issue #13) -----------

def _two_strengths() -> np.ndarray:
    """Channel 0 responds strongly (0..10), channel 1 weakly (0..1), same pattern."""
    ramp = np.linspace(0, 1, 6 * 7, dtype=np.float32).reshape(6, 7)
    return np.stack([10 * ramp, ramp, ramp], axis=-1)


def _tile(mosaic, channel: int) -> np.ndarray:
    x, y = mosaic.tile_origin(channel)
    return mosaic.image[y:y + mosaic.tile_height, x:x + mosaic.tile_width]


def test_shared_scale_keeps_a_weak_channel_dark_where_per_tile_stretches_it():
    activation = _two_strengths()
    per_tile = tile_channels(activation, scale="tile")
    shared = tile_channels(activation, scale="shared")
    np.testing.assert_array_equal(_tile(per_tile, 0), _tile(per_tile, 1))  # each stretched
    assert _tile(shared, 0).max() == 255 and _tile(shared, 1).max() <= 26  # one range: 1/10
    assert not np.array_equal(_tile(per_tile, 1), _tile(shared, 1))
    assert shared.value_range(1) == (0.0, 10.0) and per_tile.value_range(1) == (0.0, 1.0)


def test_gamma_below_one_brightens_a_dark_relu_mosaic():
    rng = np.random.default_rng(3)
    activation = np.maximum(rng.normal(-1.0, 1.0, size=(20, 20, 9)), 0).astype(np.float32)
    plain = tile_channels(activation)
    bright = tile_channels(activation, gamma=0.4)
    assert plain.image.mean() < 40  # near-black, as ReLU mosaics are
    assert bright.image.mean() > 1.5 * plain.image.mean()
    assert bright.gamma == 0.4
    with pytest.raises(ValueError):
        tile_channels(activation, scale="loud")


def test_empty_slots_of_the_last_row_are_not_painted_like_tiles():
    from neurolab.core.inspection.mosaic import empty_slots, render_mosaic

    activation = np.zeros((12, 12, 7), dtype=np.float32)  # constant: every tile black
    mosaic = tile_channels(activation)  # 3 × 3 grid, 2 empty slots
    assert len(empty_slots(mosaic)) == 2
    rgb = render_mosaic(mosaic, "grey")
    tile_x, tile_y = mosaic.tile_origin(0)
    tile = rgb[tile_y:tile_y + 12, tile_x:tile_x + 12].reshape(-1, 3)
    x, y = empty_slots(mosaic)[0]
    empty = rgb[y:y + 12, x:x + 12].reshape(-1, 3)
    assert len(np.unique(tile, axis=0)) == 1  # a tile: its one colour
    assert len(np.unique(empty, axis=0)) == 2  # an empty slot: hatched
    assert not any((empty == tile[0]).all(axis=1))  # and in none of the tile's colours


@pytest.fixture(scope="module")
def flower_activations():
    """The bundled model's activations of the bundled flower photo, at the photo's size."""
    from neurolab.assets import sample_images
    from neurolab.core.images import load_image
    from neurolab.core.inspection.activations import ActivationExtractor
    from neurolab.core.models.catalog import BUNDLED, load_model

    image = load_image(str(sample_images()[0]))
    extractor = ActivationExtractor(load_model(BUNDLED, allow_download=False))
    return image, extractor.compute(image, ["relu1", "relu4"])


@pytest.mark.parametrize("key,channel", [("relu1", 7), ("relu4", 67)])  # channels 8 and 68
def test_overlay_on_the_flower_is_clearly_visible_where_the_channel_is_strong(
        flower_activations, key, channel):
    from PIL import Image

    from neurolab.core.inspection.mosaic import channel_image

    image, result = flower_activations
    grey = channel_image(result[key], channel)
    blended = overlay(image, grey)
    strength = np.asarray(Image.fromarray(grey).resize(image.shape[1::-1], Image.BILINEAR))
    strong = strength >= np.percentile(strength, 90)
    weak = strength <= np.percentile(strength, 50)
    difference = np.abs(blended.astype(float) - image).mean(axis=-1)
    assert difference[strong].mean() > 80  # of 255: the heat map, not the photo
    assert difference[strong].mean() > 2.5 * difference[weak].mean()  # and where it is strong


def test_channel_range_is_what_channel_image_stretches():
    from neurolab.core.inspection.mosaic import channel_image, channel_range

    activation = _two_strengths()
    assert channel_range(activation, 1) == (0.0, 1.0)
    assert channel_range(activation, 0) == (0.0, 10.0)
    assert channel_image(activation, 1).max() == 255
    assert channel_range(np.arange(5, dtype=np.float32), 2) == (0.0, 4.0)  # a vector: as a whole
