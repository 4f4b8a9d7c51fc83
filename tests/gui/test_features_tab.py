"""The Features tab through the real worker, driven as a student does: View ▸ Features (Ctrl+7),
Start with live previews, a click on a picture, class images, deep dream on the photo, Cancel,
Save, "What does this filter want?" from the activation mosaic and back, a sentence for bad
channels, and both languages at 1366×768 with no clipped text."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.features import FeaturesTab


@pytest.fixture
def tab(qtbot, window):
    """The small CNN's window (its first mosaic shown), the Features tab shown by Ctrl+7, quick settings."""
    QTest.keyClick(window, Qt.Key_7, Qt.ControlModifier)
    features = window.tab(FeaturesTab)
    assert window.tabs.currentWidget() is features, "Ctrl+7 shows the Features tab"
    features.size_spin.setValue(24)
    features.steps_spin.setValue(6)
    return features


def _start(qtbot, tab):
    with qtbot.waitSignal(tab.grown, timeout=120_000):
        tab.start_button.click()


def test_start_grows_every_filter_of_the_layer_with_live_previews(qtbot, tab):
    previews = []
    tab.runner.submitted.connect(lambda handle: handle.progressed.connect(
        lambda event: previews.append(event.preview is not None)))
    tab.window().layers.select_layer("conv1")
    assert "conv1" in tab.layer_note.text()
    _start(qtbot, tab)
    assert any(previews), "the grid is previewed while it grows"
    assert tab.result.layer == "conv1" and tab.result.channels == list(range(8))
    assert tab.result.images.shape == (8, 24, 24, 3)
    assert tab.grid_view.source_size() == (tab.grid.image.shape[1], tab.grid.image.shape[0])
    view = tab.grid_view
    qtbot.mouseClick(view, Qt.LeftButton, pos=view.tile_rect(5).center().toPoint())
    assert tab.channel == 5 and view.selected() == 5
    assert tab.large_view.source_size() == (24, 24)
    assert tab.large_caption.text().startswith("conv1, channel 6: mean activation"), "counted from 1"
    assert tab.save_button.isEnabled() and not tab.cancel_button.isEnabled()


def test_what_does_this_filter_want_from_the_mosaic_and_back(qtbot, window):
    activations, features = window.tab(ActivationsTab), window.tab(FeaturesTab)
    window.show_tab(activations)
    window.layers.select_layer("relu1")
    qtbot.waitUntil(lambda: activations.shows_layer("relu1"), timeout=60_000)
    features.steps_spin.setValue(4)
    features.size_spin.setValue(20)
    qtbot.mouseClick(activations.mosaic_view, Qt.LeftButton,
                     pos=activations.mosaic_view.tile_rect(3).center().toPoint())
    assert activations.wants_button.isEnabled()
    with qtbot.waitSignal(features.grown, timeout=120_000):
        activations.wants_button.click()
    assert window.tabs.currentWidget() is features
    assert features.result.layer == "relu1" and features.result.channels[features.channel] == 3
    assert features.grid_view.selected() == 3 and "channel 4" in features.large_caption.text()
    assert features.back_button.isVisible()
    features.back_button.click()
    assert window.tabs.currentWidget() is activations
    activations.select_channel(6)  # the tile's context menu offers the same action
    with qtbot.waitSignal(features.grown, timeout=120_000):
        activations.wants_action.trigger()
    assert window.tabs.currentWidget() is features and features.result.channels[features.channel] == 6


def test_class_images_then_deep_dream_on_the_photo(qtbot, tab):
    tab.set_mode("classes")
    assert "output neurons" in tab.layer_note.text()
    _start(qtbot, tab)
    assert tab.result.layer is None and len(tab.result.labels) == 4
    assert tab.result.images.shape[1:3] == (32, 32), "class images at the network's input size"
    assert tab.large_caption.text().startswith("Class ")
    tab.set_mode("dream")
    assert tab.dream_settings.isVisible() and not tab.grow_settings.isVisible()
    assert tab.image is not None, "the photo opened in the window is offered to the tab"
    tab.window().layers.select_layer("relu1")
    assert tab.dream_layers_edit.text() == "relu1", "the layer picked in the tree"
    tab.dream_layers_edit.setText("relu1, relu2")  # a second layer typed beside it
    tab.octaves_spin.setValue(2)
    tab.dream_steps_spin.setValue(2)
    _start(qtbot, tab)
    assert tab.result.image.shape == tab.image.shape, "the dream at the photo's own size"
    assert tab.large_view.source_size() == (tab.image.shape[1], tab.image.shape[0])
    assert tab.large_caption.text().startswith("Deep dream with relu1, relu2")


def test_cancel_answers_within_a_second(qtbot, tab):
    tab.window().layers.select_layer("conv2")
    tab.steps_spin.setValue(2000)
    progressed = []
    tab.runner.submitted.connect(lambda handle: handle.progressed.connect(progressed.append))
    tab.start_button.click()
    qtbot.waitUntil(lambda: any(event.step > 1 for event in progressed), timeout=120_000)
    assert tab.cancel_button.isEnabled()
    started = time.monotonic()
    tab.cancel_button.click()
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=10_000)
    assert time.monotonic() - started < 1.5
    assert tab.start_button.isEnabled() and tab.result is None and tab.status.text() == "Cancelled."


def test_save_writes_grid_npy_and_the_clis_json(qtbot, tab, tmp_path):
    tab.window().layers.select_layer("conv1")
    tab.channels_edit.setText("3,1")  # counted from 1, as the tiles are
    _start(qtbot, tab)
    written = tab.save(str(tmp_path / "conv1.png"))
    assert [p.rsplit(".", 1)[1] for p in written] == ["png", "npy", "json"]
    images = np.load(tmp_path / "conv1.npy")
    assert images.shape == (2, 24, 24, 3) and images.dtype == np.uint8
    saved = json.loads((tmp_path / "conv1.json").read_text())
    assert saved["channels"] == [2, 0] and saved["layer"] == "conv1" and saved["npy"].endswith("conv1.npy")
    assert tab.grid_view._number_texts() == ["3", "1"], "each tile numbered by its channel"


def test_bad_channels_are_a_sentence(qtbot, tab):
    tab.window().layers.select_layer("conv1")
    tab.channels_edit.setText("99")
    with qtbot.waitSignal(tab.error, timeout=60_000) as blocker:
        tab.start_button.click()
    assert blocker.args[0] == "Channel 99 does not exist: the layer has 8 channels (1–8)."
    qtbot.waitUntil(lambda: tab.start_button.isEnabled(), timeout=10_000)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["cs", "en"])
def test_classroom_window_shows_the_tab_without_clipped_text(qtbot, monkeypatch, qapp, language):
    from neurolab.gui.language import install_translator, remove_translators
    from tests.gui.qt_helpers import classroom_window, clipped_texts

    remove_translators(qapp)
    if language == "cs":
        assert install_translator(qapp, "cs") is not None
    try:
        window = classroom_window(qtbot, monkeypatch)
        features = window.tab(FeaturesTab)
        window.tab_actions[6].trigger()
        assert window.tabs.currentWidget() is features
        window.layers.select_layer("conv1")
        for mode in ("filters", "classes", "dream"):
            features.set_mode(mode)
            qtbot.wait(10)
            assert clipped_texts(features) == [], (language, mode)
        features.set_mode("filters")
        features.steps_spin.setValue(3)
        features.size_spin.setValue(32)
        word = {"cs": "vše", "en": "all"}[language]
        assert window.tabs.tabText(window.tabs.indexOf(features)) == {"cs": "Příznaky", "en": "Features"}[language]
        assert features.channels_edit.text() == "" and features.channels_edit.placeholderText() == word
        features.channels_edit.insert(word.capitalize())  # typed (QTest's key clicks are ASCII only)
        _start(qtbot, features)
        channels = window.workspace.loaded.model.get_layer("conv1").output.shape[-1]
        assert features.result.channels == list(range(channels)), "the language's word for all: every channel"
        qtbot.wait(10)
        assert clipped_texts(features) == []
        features.grab().save(f"/tmp/features-{language}.png")
        window.close()
    finally:
        remove_translators(qapp)
