"""Models from the wild in the window (issue 15), as a user brings them: Keras 2 files written by
tf-keras (``tests/fixtures/wild_models.py``) dropped on a window at 1366×768, each doing what its
kind allows — the quickstart MLP shows every layer of a digit, a Teachable Machine export names
its classes and says it is fed [-1, 1], a two-output net classifies with the output chosen, an edge
net shows its map and says it is no classifier. The renders go to ``NEUROLAB_SHOTS`` when set."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.fixtures.wild_models import TM_LABELS
from tests.gui.qt_helpers import classroom_window, clipped_texts, drop

pytestmark = pytest.mark.slow
SHOTS = Path(os.environ.get("NEUROLAB_SHOTS") or tempfile.mkdtemp(prefix="wild-shots-"))


@pytest.fixture
def window(qtbot, monkeypatch):
    """The window as a classroom's 1366×768 screen shows it, on the bundled model."""
    window = classroom_window(qtbot, monkeypatch)
    yield window
    window.close()


def _drop_model(qtbot, window, path) -> None:
    """Drag the file onto the window, as a user does; wait until it is open and idle."""
    drop(window, str(path))
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.loaded.path == str(path),
                    timeout=120_000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=120_000)


def _press_tab(qtbot, window, number: int):
    """Ctrl+1 … Ctrl+4: the View menu's shortcuts."""
    QTest.keyClick(window, getattr(Qt, f"Key_{number}"), Qt.ControlModifier)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=120_000)
    return window.current_tab()


def _shot(qtbot, window, name: str) -> None:
    qtbot.wait(50)  # one layout pass for the texts just set
    window.grab().save(str(SHOTS / f"wild-{name}.png"))
    clipped = clipped_texts(window)
    assert clipped == [], (name, clipped)


def test_quickstart_mlp_shows_a_digit_through_every_layer(qtbot, window, wild_models, tmp_path):
    from neurolab.core.images import save_image

    digit = np.zeros((28, 28, 3), np.uint8)
    digit[6:22, 12:16] = 255  # a "1"
    save_image(digit, str(tmp_path / "digit.png"))
    _drop_model(qtbot, window, wild_models["quickstart_mlp"])
    drop(window, str(tmp_path / "digit.png"))
    activations = _press_tab(qtbot, window, 1)
    for key in window.workspace.extractor.layer_keys:
        window.layers.select_layer(key)  # a click on the row
        qtbot.waitUntil(lambda key=key: activations.shows_layer(key), timeout=60_000)
    window.layers.select_layer("dense")
    qtbot.waitUntil(lambda: activations.shows_layer("dense"), timeout=60_000)
    assert activations.mosaic.is_neuron_grid and "128" in activations.title.text()
    assert not activations.notice.text()  # a 28×28 digit is not "resized to 28×28"
    _shot(qtbot, window, "quickstart-mlp-activations")
    adversarial = _press_tab(qtbot, window, 2)
    qtbot.waitUntil(lambda: bool(adversarial.clean_top), timeout=120_000)
    assert len(adversarial.clean_bars.labels()) == 5 and not adversarial.idle_note.isVisible()


def test_teachable_machine_export_names_its_classes_and_its_preprocessing(qtbot, window, wild_models):
    _drop_model(qtbot, window, wild_models["teachable_machine"])
    assert "Teachable Machine" in window.layers.preprocessing_label.text()
    adversarial = _press_tab(qtbot, window, 2)
    qtbot.waitUntil(lambda: bool(adversarial.clean_top), timeout=120_000)
    assert set(adversarial.clean_bars.labels()) == set(TM_LABELS)
    _shot(qtbot, window, "teachable-machine-adversarial")


def test_two_output_net_classifies_with_the_output_chosen(qtbot, window, wild_models):
    _drop_model(qtbot, window, wild_models["two_outputs"])
    adversarial = _press_tab(qtbot, window, 2)
    qtbot.waitUntil(lambda: bool(adversarial.clean_top), timeout=120_000)
    box = adversarial.output_box
    assert box.isVisible() and box.count() == 2 and box.currentText().startswith("prob")
    assert adversarial.target.count() == 1 + 2
    adversarial.clean_top = []
    box.setFocus()
    QTest.keyClick(box, Qt.Key_Down)  # the next output, by keyboard
    qtbot.waitUntil(lambda: bool(adversarial.clean_top), timeout=120_000)
    assert box.currentText().startswith("bbox") and adversarial.target.count() == 1 + 4
    _shot(qtbot, window, "two-outputs-adversarial")
    box.setCurrentIndex(0)  # the default again, for whoever opens it next


def test_edge_net_shows_its_map_and_is_no_classifier(qtbot, czech, window, wild_models):
    _drop_model(qtbot, window, wild_models["edge_map"])
    activations = _press_tab(qtbot, window, 1)
    last = window.workspace.extractor.layer_keys[-1]
    window.layers.select_layer(last)
    qtbot.waitUntil(lambda: activations.shows_layer(last), timeout=120_000)
    assert "čeká" not in activations.title.text()  # not "waiting for activations…"
    # the photo's sides do not line up after two poolings and up-samplings: said, in Czech
    assert "64×64" in activations.notice.text(), activations.notice.text()
    _shot(qtbot, window, "edge-map-activations-cs")
    adversarial = _press_tab(qtbot, window, 2)
    assert adversarial.idle_note.isVisible() and "klasifikátor" in adversarial.idle_note.text()
    _shot(qtbot, window, "edge-map-adversarial-cs")
