"""The window end to end: model load, layer tree, image drop, mosaic, save, cancel, close."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt

from neurolab.gui.tabs.activations import ActivationsTab
from tests.gui.qt_helpers import drop, tree_names
from tests.helpers import photo, small_cnn


@pytest.fixture
def image_file(tmp_path):
    path = tmp_path / "photo.png"
    Image.fromarray(photo(60, 80)).save(path)
    return str(path)


def test_model_loads_into_the_tree_with_matlab_columns(window):
    assert tree_names(window)[:3] == ["data", "conv1", "relu1"]
    conv = window.layers.tree.topLevelItem(1)
    assert conv.text(2) == "Convolution"
    assert conv.text(3) == "32×32×8"
    assert "Weights 3×3×3×8" in conv.text(4)
    assert "Total parameters" in window.layers.summary.text()
    assert window.tab(ActivationsTab).layer == "conv1"  # the first convolution is chosen


def test_drop_image_shows_mosaic_and_switching_layers_reads_the_cache(qtbot, window, image_file):
    tab = window.tab(ActivationsTab)
    with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
        drop(window, image_file)
    assert tab.mosaic.channels == 8
    assert tab.mosaic_view.image() is not None
    assert tab.result["conv1"].shape == (60, 80, 8)  # the image's own size
    result = tab.result
    window.layers.select_layer("conv2")
    assert tab.result is result and tab.mosaic.channels == 16  # no new job
    assert not tab.busy()


def test_click_a_tile_shows_the_channel_and_overlay(qtbot, window, image_file):
    tab = window.tab(ActivationsTab)
    with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
        window.open_image(image_file)
    point = tab.mosaic_view.image_to_widget(tab.mosaic.tile_width + 2, 1)
    qtbot.mouseClick(tab.mosaic_view, Qt.LeftButton, pos=point.toPoint())
    assert tab.channel == 1
    assert tab.channel_view.image().width() == 80
    tab.overlay_box.setChecked(True)
    assert tab.channel_view.image().format().name.endswith("RGB888")


def test_native_size_checkbox_recomputes_at_model_size(qtbot, window, image_file):
    tab = window.tab(ActivationsTab)
    with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
        window.open_image(image_file)
    with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
        tab.native_box.setChecked(True)
    assert tab.result["conv1"].shape == (32, 32, 8)


def test_save_mosaic_writes_a_png(qtbot, window, image_file, tmp_path):
    tab = window.tab(ActivationsTab)
    with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
        window.open_image(image_file)
    target = tmp_path / "mosaic.png"
    tab.save_mosaic(str(target))
    saved = np.asarray(Image.open(target))
    np.testing.assert_array_equal(saved, tab.displayed_mosaic())  # as shown: empty slots hatched
    x, y = tab.mosaic.tile_origin(0)
    tile = (slice(y, y + tab.mosaic.tile_height), slice(x, x + tab.mosaic.tile_width))
    np.testing.assert_array_equal(saved[tile][..., 0], tab.mosaic.image[tile])  # grey tiles


def test_bad_image_gives_a_sentence_and_keeps_the_previous_one(qtbot, window, image_file, tmp_path):
    tab = window.tab(ActivationsTab)
    with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
        window.open_image(image_file)
    broken = tmp_path / "broken.png"
    broken.write_text("not an image")
    before = tab.image
    drop(window, str(broken))
    qtbot.waitUntil(window.error_bar.isVisible, timeout=10_000)
    assert "broken.png" in window.error_bar.text() and "Traceback" not in window.error_bar.text()
    assert tab.image is before


def test_broken_model_file_keeps_the_loaded_model(qtbot, window, tmp_path):
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"this is not a zip archive")
    workspace = window.workspace
    drop(window, str(bad))
    qtbot.waitUntil(window.error_bar.isVisible, timeout=30_000)
    assert "bad.keras" in window.error_bar.text()
    assert window.workspace is workspace
    assert tree_names(window)[1] == "conv1"


def test_cancel_leaves_the_window_idle(qtbot, window):
    tab = window.tab(ActivationsTab)
    tab.image = photo(2000, 2000)
    tab._recompute()
    started = time.monotonic()
    window.cancel_button.click()
    # The status bar follows the runner on the next event-loop turn; it must get there.
    qtbot.waitUntil(lambda: not window.runner.busy and not window.cancel_button.isVisible(),
                    timeout=30_000)
    elapsed = time.monotonic() - started
    assert elapsed < 2.0, f"idle {elapsed:.2f} s after Cancel"  # generous: it takes milliseconds


def test_close_during_a_job_stops_the_thread(qtbot, model_file):
    from neurolab.gui.app import create_window

    window = create_window(model=model_file)
    qtbot.addWidget(window)
    window.show()
    window.start()  # the model job is running or queued
    window.close()
    assert not window.runner.is_running()


def test_settings_remember_model_and_image(qtbot, window, image_file, model_file):
    from neurolab.gui.app import open_settings

    with qtbot.waitSignal(window.tab(ActivationsTab).mosaic_shown, timeout=60_000):
        window.open_image(image_file)
    window.close()
    settings, notice = open_settings()
    assert not notice
    assert settings.value("model") == model_file
    assert settings.value("image") == image_file
    from neurolab.gui.app import settings_keys
    assert set(settings.allKeys()) <= settings_keys()  # paths and choices only


@pytest.mark.parametrize("content", [b"\xff\xfe\x00 not text at all \x80\x81",
                                     b"[General]\nmodel=shapes\nsomething_else=1\n"])
def test_a_damaged_settings_file_resets_to_defaults_with_a_message(qtbot, content):
    import os
    from pathlib import Path

    from neurolab.gui.app import create_window

    path = Path(os.environ["NEUROLAB_CONFIG_DIR"]) / "neurolab.ini"
    path.write_bytes(content)
    window = create_window()
    qtbot.addWidget(window)
    assert "settings file was damaged" in window.error_bar.text()
    assert not window.error_bar.isHidden()
    assert (path.parent / "neurolab.ini.damaged").read_bytes() == content
    assert not path.exists() or path.read_bytes() != content
    window.runner.shutdown()


def test_native_only_layers_are_grey_in_the_tree_and_say_so(qtbot, tmp_path, image_file):
    from neurolab.gui.app import create_window

    path = tmp_path / "flat.keras"
    small_cnn(flatten=True).save(path)
    window = create_window(model=str(path), image=image_file)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.start()
    tab = window.tab(ActivationsTab)
    assert not tab.notice.text()  # conv1 runs at the image's own size
    window.layers.select_layer("fc")
    assert "32×32" in tab.notice.text()
    assert tab.result["fc"].shape == (4,)
    fc_item = window.layers._items["fc"]
    assert "native input size" in fc_item.toolTip(1)
    assert "native input size" in window.layers.summary.text()
    window.close()


def test_samples_are_in_the_file_menu(qtbot, window):
    from neurolab.assets import sample_images

    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "samplesMenu")
    actions = menu.actions()
    assert len(actions) == len(sample_images()) >= 2
    with qtbot.waitSignal(window.tab(ActivationsTab).mosaic_shown, timeout=60_000):
        actions[-1].trigger()
    assert window.image_path == str(sample_images()[-1])


def test_nested_model_expands_in_the_tree_and_its_layers_show_activations(qtbot, tmp_path, image_file):
    import keras

    from neurolab.gui.app import create_window

    backbone = small_cnn()
    inner = keras.Model(backbone.inputs, backbone.get_layer("relu2").output, name="backbone")
    outer = keras.Sequential([keras.Input((32, 32, 3)), inner, keras.layers.GlobalAveragePooling2D(name="pool"),
                              keras.layers.Dense(3, name="head")], name="outer")
    path = tmp_path / "nested.keras"
    outer.save(path)
    window = create_window(model=str(path), image=image_file)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.start()
    network = next(window.layers.tree.topLevelItem(i) for i in range(window.layers.tree.topLevelItemCount())
                   if window.layers.tree.topLevelItem(i).text(1) == "backbone")
    assert network.text(2) == "Network" and network.childCount() > 3 and network.isExpanded()
    assert window.tab(ActivationsTab).layer == "backbone/conv1"  # the first convolution, inside the backbone
    assert window.tab(ActivationsTab).result["backbone/conv1"].shape == (60, 80, 8)
    with qtbot.waitSignal(window.tab(ActivationsTab).mosaic_shown, timeout=60_000):
        window.layers.select_layer("backbone/conv2")
    assert window.tab(ActivationsTab).mosaic.channels == 16
    window.close()


def test_error_bar_is_dismissed_by_a_click(qtbot, window, tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_text("not an image")
    window.open_image(str(broken))
    qtbot.waitUntil(window.error_bar.isVisible, timeout=10_000)
    qtbot.mouseClick(window.error_bar, Qt.LeftButton)
    assert not window.error_bar.isVisible()
