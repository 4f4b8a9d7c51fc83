"""The Activations tab for pointing at in class (issue #13): a readable overlay with its colour
scale, numbered and framed tiles, contrast choices, what the network got under Native size,
why the mosaic's size is not the table's, and no cut-off text at 1366×768."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt

from neurolab.gui.tabs.activations import ActivationsTab
from tests.gui.qt_helpers import clipped_texts, started_window
from tests.helpers import photo


@pytest.fixture
def image_file(tmp_path):
    path = tmp_path / "photo.png"
    Image.fromarray(photo(60, 80)).save(path)
    return str(path)


def _open(qtbot, window, path: str) -> None:
    with qtbot.waitSignal(window.tab(ActivationsTab).mosaic_shown, timeout=60_000):
        window.open_image(path)


def _pixels(qimage) -> np.ndarray:
    """A QImage as H × W × 3 uint8 RGB."""
    from PySide6.QtGui import QImage

    rgb = qimage.convertToFormat(QImage.Format_RGB888)
    data = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return data[:, :rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3).copy()


def _layer(qtbot, window, key: str) -> None:
    tab = window.tab(ActivationsTab)
    if tab.layer != key:
        with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
            window.layers.select_layer(key)


def test_clicking_a_tile_frames_it_and_shows_its_number(qtbot, window, image_file):
    from neurolab.gui.widgets.image_view import HIGHLIGHT

    window.resize(1366, 768)
    tab = window.tab(ActivationsTab)
    _open(qtbot, window, image_file)
    view = tab.mosaic_view
    frame = view.tile_rect(4).adjusted(-1, -1, 1, 1)
    spot_x, spot_y = int(frame.left()), int(frame.center().y())
    before = view.grab().toImage().pixelColor(spot_x, spot_y)
    assert before != HIGHLIGHT
    qtbot.mouseClick(view, Qt.LeftButton, pos=view.tile_rect(4).center().toPoint())
    assert tab.channel == 4 and view.selected() == 4
    assert view.grab().toImage().pixelColor(spot_x, spot_y) == HIGHLIGHT
    assert tab.channel_spin.value() == 5 and tab.channel_label.text() == "Channel 5 of 8"
    assert view.numbers_shown()  # tiles at 1366×768 are big enough to carry their numbers
    assert view.tile_tooltip(view.tile_rect(4).center()).startswith("Channel 5: values ")
    assert tab.mosaic_legend.caption.text() == "Tile 5:"


def test_empty_slots_of_the_last_row_are_hatched_not_tiles(qtbot, window, image_file):
    tab = window.tab(ActivationsTab)
    _open(qtbot, window, image_file)  # conv1: 8 channels in a 3 × 3 grid, one slot empty
    shown = tab.displayed_mosaic()
    x, y = tab.mosaic.tile_origin(8)
    empty = shown[y:y + tab.mosaic.tile_height, x:x + tab.mosaic.tile_width].reshape(-1, 3)
    tiles = np.concatenate([shown[ty:ty + tab.mosaic.tile_height, tx:tx + tab.mosaic.tile_width]
                            .reshape(-1, 3) for tx, ty in map(tab.mosaic.tile_origin, range(8))])
    assert len(np.unique(empty, axis=0)) == 2  # hatched
    assert tab.mosaic.channel_at(x + 2, y + 2) is None  # and nothing to click
    assert np.abs(empty.mean(axis=0) - tiles.mean(axis=0)).max() > 20


def test_shared_scale_and_gamma_change_the_mosaic_and_are_remembered(qtbot, window, image_file):
    from neurolab.gui.app import create_window
    from neurolab.gui.widgets.image_view import value_texts

    tab = window.tab(ActivationsTab)
    _open(qtbot, window, image_file)
    _layer(qtbot, window, "relu1")
    per_tile = tab.mosaic.image.copy()
    tab.scale_box.setCurrentIndex(tab.scale_box.findData("shared"))
    assert tab.mosaic.scale == "shared" and not np.array_equal(tab.mosaic.image, per_tile)
    assert tab.mosaic_legend.caption.text() == "All tiles:"
    low, high = tab.mosaic.value_range(0)
    assert (low, high) == (float(tab.result["relu1"].min()), float(tab.result["relu1"].max()))
    dark = tab.mosaic.image.mean()
    tab.gamma_spin.setValue(0.4)
    assert tab.mosaic.image.mean() > 1.3 * dark  # brighter
    assert tab.mosaic_legend.range_texts() == value_texts(low, high)  # at the bar's ends
    window.close()
    again = create_window()
    qtbot.addWidget(again)
    assert again.tab(ActivationsTab).mosaic_options() == {"scale": "shared", "gamma": 0.4}
    again.close()


def test_native_size_shows_the_input_the_network_got(qtbot, window, image_file):
    tab = window.tab(ActivationsTab)
    _open(qtbot, window, image_file)
    assert tab.input_view.source_size() == (80, 60)
    assert tab.size_note.isVisibleTo(tab)  # the table's 32×32 against the photo's 60×80
    assert "32×32" in tab.size_note.text() and "60×80" in tab.size_note.text()
    with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
        tab.native_box.setChecked(True)
    assert tab.input_view.source_size() == (32, 32)
    assert "resized to 32×32" in tab.input_label.text()
    assert not tab.size_note.isVisibleTo(tab)
    with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
        tab.native_box.setChecked(False)
    assert tab.input_view.source_size() == (80, 60)


@pytest.fixture
def flower_window(qtbot):
    """The bundled model on the bundled flower, at 1366×768, closed after the test."""
    window = started_window(qtbot)
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.tab(ActivationsTab))
    yield window
    window.runner.cancel_all()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    window.close()


def test_overlay_on_the_flower_is_a_visible_heat_map_with_its_value_range(qtbot, english,
                                                                          flower_window):
    from neurolab.gui.widgets.image_view import value_texts

    tab = flower_window.tab(ActivationsTab)
    _layer(qtbot, flower_window, "relu1")
    tab.channel_spin.setValue(8)
    tab.overlay_box.setChecked(True)
    shown = _pixels(tab.channel_view.image())
    photo_pixels = tab.result.input_image
    assert shown.shape == photo_pixels.shape
    plane = tab.result["relu1"][..., 7]
    strength = np.asarray(Image.fromarray(plane).resize(shown.shape[1::-1], Image.BILINEAR))
    strong = strength >= np.percentile(strength, 90)
    difference = np.abs(shown.astype(float) - photo_pixels).mean(axis=-1)
    assert difference[strong].mean() > 80  # of 255: the heat map shows, not the photo
    assert tab.channel_legend.isVisibleTo(tab)
    assert tab.channel_legend.caption.text() == "Heat map:"
    assert tab.channel_legend.range_texts() == value_texts(float(plane.min()), float(plane.max()))
    assert tab.channel_legend.range_texts()[1] not in ("0", "0.000")


@pytest.mark.parametrize("language", ["en", "cs"])
def test_the_activations_tab_shows_every_text_whole_at_1366x768(qtbot, request, language):
    request.getfixturevalue("czech" if language == "cs" else "english")
    window = started_window(qtbot)
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.tab(ActivationsTab))
    tab = window.tab(ActivationsTab)
    tab.overlay_box.setChecked(True)
    qtbot.wait(50)  # a layout pass
    assert clipped_texts(tab) == []
    if language == "cs":  # numbers in the window's language
        assert "," in tab.channel_legend.range_texts()[1]
        assert tab.gamma_spin.text() == "1,0"
    window.runner.cancel_all()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    window.close()


def test_switching_to_czech_at_run_time_writes_the_tabs_numbers_the_czech_way(
        qtbot, english, window, image_file):
    tab = window.tab(ActivationsTab)
    _open(qtbot, window, image_file)
    tab.gamma_spin.setValue(0.5)
    english_high = tab.channel_legend.range_texts()[1]
    assert "." in english_high and tab.gamma_spin.text() == "0.5"
    actions = {action.data(): action for action in window.language_actions.actions()}
    actions["cs"].trigger()  # the english fixture removes the translation afterwards
    assert tab.channel_legend.range_texts()[1] == english_high.replace(".", ",")
    assert tab.mosaic_legend.caption.text().startswith("Dlaždice ")
    assert tab.gamma_spin.text() == "0,5"


def test_the_labs_native_size_step_shows_the_flower_as_the_network_got_it(qtbot, english,
                                                                           flower_window):
    window, panel = flower_window, flower_window.lab
    tab = window.tab(ActivationsTab)
    panel.toolbox.setCurrentIndex([e.key for e in panel.exercise_list].index("filters"))
    for step in (1, 2):  # the third convolution at the photo's size, then at native size
        with qtbot.waitSignal(panel.step_ready, timeout=120_000,
                              check_params_cb=lambda key, s, step=step: (key, s) == ("filters", step)):
            qtbot.mouseClick(panel.buttons[("filters", step)], Qt.LeftButton)
        if step == 1:
            assert tab.input_view.source_size() == (640, 427)
            assert tab.size_note.isVisibleTo(tab) and "64×64" in tab.size_note.text()
            assert "427×640 (height×width)" in tab.size_note.text()
    assert tab.native_box.isChecked()
    assert tab.input_view.source_size() == (64, 64)  # what the network got, not the photo
    assert tab.input_label.text() == "Input: flower.jpg resized to 64×64"
    assert not tab.size_note.isVisibleTo(tab)  # sizes now match the table's
