"""Arrays handed to Qt are copied; one image per view, within a display budget."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from neurolab.gui.widgets.image_view import MAX_DISPLAY_SIDE, ImageView, array_to_qimage


def _pixel(image, x, y):
    colour = image.pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def test_the_qimage_owns_its_pixels():
    array = np.zeros((4, 6, 3), np.uint8)
    array[1, 2] = (10, 20, 30)
    image = array_to_qimage(array)
    array[:] = 255  # the caller reuses its buffer ...
    del array  # ... or frees it
    assert _pixel(image, 2, 1) == (10, 20, 30) and _pixel(image, 0, 0) == (0, 0, 0)


def test_views_of_strided_and_grey_arrays_show_the_right_pixels():
    big = np.arange(8 * 10 * 3, dtype=np.uint8).reshape(8, 10, 3)
    every_other = big[::2, ::2]  # not contiguous
    image = array_to_qimage(every_other)
    assert (image.width(), image.height()) == (5, 4)
    assert _pixel(image, 1, 1) == tuple(int(v) for v in big[2, 2])
    grey = array_to_qimage(np.full((3, 3), 77, np.uint8))
    assert _pixel(grey, 2, 2) == (77, 77, 77)


def test_a_view_replaces_its_image_and_shrinks_huge_ones_for_display(qtbot):
    view = ImageView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.set_array(np.zeros((100, 200, 3), np.uint8))
    first = view.image()
    view.set_array(np.zeros((50, 80, 3), np.uint8))
    assert view.image() is not first and view.image().width() == 80  # replaced, not stacked
    huge = np.zeros((4000, 6000, 3), np.uint8)
    view.set_array(huge)
    shown = view.image()
    assert max(shown.width(), shown.height()) == MAX_DISPLAY_SIDE
    assert shown.sizeInBytes() < 64 * 1024**2 and view.source_size() == (6000, 4000)
    # clicks still come back in the photo's own pixels
    target = view.target_rect()
    centre = QPointF(target.x() + target.width() / 2, target.y() + target.height() / 2)
    point = view.widget_to_image(centre)
    assert abs(point.x() - 3000) < 10 and abs(point.y() - 2000) < 10
    back = view.image_to_widget(3000, 2000)
    assert abs(back.x() - centre.x()) < 1 and abs(back.y() - centre.y()) < 1
    view.set_array(None)
    assert view.image() is None and view.source_size() is None


def _rgb(image) -> np.ndarray:
    """A QImage as H × W × 3 uint8 RGB."""
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format_RGB888)
    data = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return data[:, :rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3).copy()


def _seven_tiles(size: int = 40) -> np.ndarray:
    """7 channels (a 3 × 3 grid, two slots empty), each white but for one black pixel."""
    activation = np.ones((size, size, 7), np.float32)
    activation[-1, -1, :] = 0.0
    return activation


def test_the_mosaic_qt_draws_is_the_picture_that_is_saved():
    """The view colours the mosaic with Qt (no RGB copy in NumPy on a layer switch); it must
    show exactly what Save mosaic writes: colours, grey separators, hatched empty slots."""
    from neurolab.core.inspection.mosaic import colour_map_table, render_mosaic, tile_channels
    from neurolab.gui.widgets.image_view import mosaic_to_qimage

    activation = np.random.default_rng(0).random((13, 17, 7), dtype=np.float32)
    for options in ({}, {"scale": "shared", "gamma": 0.5}):
        mosaic = tile_channels(activation, **options)
        for name in ("grey", "cividis"):
            shown = _rgb(mosaic_to_qimage(mosaic, colour_map_table(name)))
            np.testing.assert_array_equal(shown, render_mosaic(mosaic, name))


@pytest.mark.parametrize("colours", ["grey", "cividis"])
def test_a_rendered_mosaic_has_numbers_on_tiles_grey_separators_and_hatched_empty_slots(
        qtbot, english, colours):
    from neurolab.core.inspection.mosaic import (
        EMPTY_HATCH_RGB,
        EMPTY_RGB,
        SEPARATOR_RGB,
        colour_map_table,
        tile_channels,
    )
    from neurolab.gui.widgets.image_view import HIGHLIGHT, MosaicView

    mosaic = tile_channels(_seven_tiles())
    view = MosaicView()
    qtbot.addWidget(view)
    height, width = mosaic.image.shape
    view.resize(width, height)  # drawn 1:1: the grab's pixels are the picture's
    view.set_mosaic(mosaic, colour_map_table(colours))
    view.set_selected(2)
    view.show()
    qtbot.waitExposed(view)
    assert view.numbers_shown()  # 40 px tiles
    grab = _rgb(view.grab().toImage())
    white = tuple(int(v) for v in colour_map_table(colours)[255])
    for channel in range(7):
        x, y = mosaic.tile_origin(channel)
        corner = grab[y + 1:y + 12, x + 1:x + 10].reshape(-1, 3)
        assert (corner.max(axis=1) < 200).sum() > 20, channel  # the number's dark box ...
        assert (corner.min(axis=1) > 200).sum() > 3, channel  # ... with white digits in it
        if channel != 2:
            assert tuple(grab[y + 25, x + 25]) == white  # the rest of the tile is the tile
    x, y = mosaic.tile_origin(2)
    assert tuple(grab[y + 20, x - 1]) == HIGHLIGHT.getRgb()[:3]  # the selected tile's frame
    separator_x = mosaic.tile_width  # the column between the first two tiles
    assert tuple(grab[mosaic.tile_height // 2, separator_x]) == SEPARATOR_RGB
    for slot in (7, 8):
        x, y = mosaic.tile_origin(slot)
        pixels = grab[y:y + mosaic.tile_height, x:x + mosaic.tile_width].reshape(-1, 3)
        assert {tuple(p) for p in np.unique(pixels, axis=0)} == {EMPTY_RGB, EMPTY_HATCH_RGB}
