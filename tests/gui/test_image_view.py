"""Arrays handed to Qt are copied; one image per view, within a display budget."""

from __future__ import annotations

import numpy as np
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
