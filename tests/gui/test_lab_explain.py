"""Lab exercise 8, "where does it look?", on the bundled model and the sample flower: its buttons
set the window up as the steps say."""

from __future__ import annotations

import pytest

from neurolab.gui import lab_panel
from neurolab.gui.lab_panel import BUNDLED, flower_path
from neurolab.gui.paths import same_file
from neurolab.gui.tabs.adversarial import AdversarialTab
from neurolab.gui.tabs.explain import ExplainTab
from tests.gui.qt_helpers import click_step, started_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(lab_panel, "lab_network", lambda: BUNDLED)
    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    window = started_window(qtbot)
    yield window
    window.runner.cancel_all()
    window.close()


@pytest.mark.slow
def test_exercise_8_explains_the_flower_then_its_adversarial_twin(qtbot, window):
    tab = window.tab(ExplainTab)
    click_step(qtbot, window, "explain", 0)
    assert window.tabs.currentWidget() is tab and same_file(tab.image_name, flower_path())
    assert tab.shown_labels() == ["flower"] and tab.results[0].method == "gradcam"
    assert tab.results[0].map.shape == tab.image.shape[:2]

    click_step(qtbot, window, "explain", 1)
    adversarial = window.tab(AdversarialTab)
    new_label = adversarial.result.after[0].label
    assert adversarial.result.success and new_label != "flower"
    assert window.tabs.currentWidget() is tab
    assert tab.shown_labels() == ["flower", new_label, "flower", new_label]
    assert tab.results[2].map.shape == adversarial.result_image.shape[:2]
