"""Which network the Lab's exercises run on, driven as a user: its weights cached or not.

SqueezeNet's cached weights are written by the test's own torch writer and the
real converter; MobileNetV2's are Keras's legacy layout from a random donor (as
tests/core/test_weights.py fakes them). No network: ``offline_keras``.
"""

from __future__ import annotations

import pytest

from neurolab.gui.lab_panel import BUNDLED, SQUEEZENET, lab_network
from tests.gui.qt_helpers import click_step, started_window


@pytest.fixture
def lab_window(qtbot, offline_keras, tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    windows = []

    def start():
        window = started_window(qtbot)
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.runner.cancel_all()
        qtbot.waitUntil(lambda w=window: not w.runner.busy, timeout=60_000)
        window.close()


def cache(tmp_path):
    return tmp_path / "keras" / "models"  # where offline_keras points Keras's cache


def cache_squeezenet(tmp_path) -> None:
    from neurolab.core.models.squeezenet_weights import convert_squeezenet_weights
    from neurolab.core.models.weights import WEIGHTS
    from tests.data.torch_writer import random_squeezenet1_1, write_zip

    cache(tmp_path).mkdir(parents=True, exist_ok=True)
    source = write_zip(tmp_path / "squeezenet1_1.pth", random_squeezenet1_1(seed=5))
    convert_squeezenet_weights(source, cache(tmp_path) / WEIGHTS["squeezenet"].fname)


def cache_mobilenet_v2(tmp_path) -> None:
    import keras

    from neurolab.core.models.weights import WEIGHTS
    from tests.core.test_weights import write_legacy_weights

    write_legacy_weights(keras.applications.MobileNetV2(weights=None),
                         cache(tmp_path) / WEIGHTS["mobilenet_v2"].fname)


@pytest.mark.slow
def test_without_weights_the_lab_says_what_to_do_and_that_button_is_there(qtbot, lab_window):
    window = lab_window()
    note = window.lab.network_note.text()
    assert lab_network() is BUNDLED
    assert "use the bundled shapes model" in note
    assert "open it (exercise 1) and press 'Download ImageNet weights' in the Network panel" in note
    click_step(qtbot, window, "explore", 0)  # exercise 1 opens SqueezeNet, untrained
    assert window.workspace.loaded.spec == "squeezenet" and not window.workspace.loaded.pretrained
    button = window.layers.download_button
    assert button.isVisible() and button.text() == "Download ImageNet weights"
    texts = [window.layers.picker.itemText(i) for i in range(window.layers.picker.count())]
    assert "SqueezeNet v1.1 — needs download (5 MB)" in texts
    button.click()  # offline: one sentence, the model stays
    qtbot.waitUntil(window.error_bar.isVisible, timeout=60_000)
    assert "Could not download the ImageNet weights for squeezenet" in window.error_bar.text()
    click_step(qtbot, window, "filters", 0)
    assert window.workspace.loaded.spec == BUNDLED.spec


@pytest.mark.slow
def test_with_mobilenet_v2_cached_the_lab_uses_it_until_squeezenet_is_here(qtbot, lab_window, tmp_path):
    cache_mobilenet_v2(tmp_path)
    window = lab_window()
    note = window.lab.network_note.text()
    assert "use MobileNetV2, another ImageNet network whose weights are here" in note
    assert "'Download ImageNet weights'" in note
    click_step(qtbot, window, "filters", 0)
    loaded = window.workspace.loaded
    assert loaded.spec == "mobilenet_v2" and loaded.pretrained
    assert "daisy" in window.lab.exercise("blend").steps[0].text


@pytest.mark.slow
def test_with_squeezenet_cached_the_lab_runs_on_it(qtbot, lab_window, tmp_path):
    cache_mobilenet_v2(tmp_path)
    cache_squeezenet(tmp_path)  # SqueezeNet wins over MobileNetV2
    window = lab_window()
    assert lab_network() is SQUEEZENET
    assert window.lab.network_note.text() == ("Exercises 2–4 use SqueezeNet with its ImageNet weights, "
                                              "as the lab sheet does.")
    texts = [window.layers.picker.itemText(i) for i in range(window.layers.picker.count())]
    assert "SqueezeNet v1.1 — ready" in texts
    click_step(qtbot, window, "filters", 0)
    loaded = window.workspace.loaded
    assert loaded.spec == "squeezenet" and loaded.pretrained and loaded.notice == ""
    assert not window.layers.download_button.isVisible()


def test_the_stand_in_note_in_czech_and_in_kiosk_mode(qtbot, czech, offline_keras, monkeypatch):
    from neurolab.core.models.catalog import ModelEntry
    from neurolab.gui import lab_panel
    from neurolab.gui.app import create_window

    monkeypatch.setattr(lab_panel, "list_models", lambda: [
        ModelEntry("shapes", "shapes", "bundled", [64, 64, 3], 10, True, True),
        ModelEntry("squeezenet", "SqueezeNet v1.1", "built-in", [227, 227, 3], 1000, download_mb=5),
        ModelEntry("resnet50", "ResNet50", "keras-applications", [224, 224, 3], 1000, ready_offline=True,
                   download_mb=98),
        ModelEntry("mobilenet_v2", "MobileNetV2", "keras-applications", [224, 224, 3], 1000,
                   ready_offline=True, download_mb=14)])
    assert lab_network().spec == "mobilenet_v2"  # the preferred of two cached stand-ins
    window = create_window()
    qtbot.addWidget(window)
    note = window.lab.network_note.text()
    assert "MobileNetV2" in note and "SqueezeNet" in note and "Download ImageNet weights" not in note
    assert "Stáhnout váhy ImageNet" in note  # Czech, naming the Czech button
    monkeypatch.setenv("NEUROLAB_OFFLINE", "1")  # downloads off, as on a kiosk PC
    window.lab.refresh_network_note()
    kiosk_note = window.lab.network_note.text()
    assert "MobileNetV2" in kiosk_note and "neurolab models fetch squeezenet" in kiosk_note
    assert "Stáhnout" not in kiosk_note
    window.close()
