"""Mosaic tiling: near-square grid, per-channel normalisation, click mapping."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.mosaic import (
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
    mosaic = tile_channels(np.arange(10, dtype=np.float32))
    assert (mosaic.tile_height, mosaic.tile_width, mosaic.channels) == (1, 1, 10)
    assert mosaic.image.max() == 255 and mosaic.image[0, 0] == 0


def test_overlay_keeps_image_size_and_tints_strong_areas():
    image = np.full((40, 60, 3), 100, dtype=np.uint8)
    grey = np.zeros((4, 6), dtype=np.uint8)
    grey[:2, :3] = 255
    blended = overlay(image, grey)
    assert blended.shape == image.shape
    assert blended[2, 2, 0] > 150 and (blended[-2, -2] == 100).all()


def test_strongest_channel_is_the_most_active():
    from neurolab.core.mosaic import strongest_channel

    activation = np.zeros((300, 400, 5), dtype=np.float32)
    activation[..., 3] = 2.0
    activation[..., 1] = 1.0
    assert strongest_channel(activation) == 3
