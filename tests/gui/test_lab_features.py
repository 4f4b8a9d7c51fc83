"""Lab exercise 9, "what do the filters want?", on the bundled model: its buttons grow the first
and third convolutions' pictures in the Features tab, then ask the flower's strongest conv3 tile."""

from __future__ import annotations

import pytest

from neurolab.gui import lab_panel
from neurolab.gui.lab_panel import BUNDLED
from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.features import FeaturesTab
from tests.gui.qt_helpers import click_step, started_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(lab_panel, "lab_network", lambda: BUNDLED)
    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    window = started_window(qtbot)
    tab = window.tab(FeaturesTab)
    tab.size_spin.setValue(24)  # quick: the exercise keeps the smaller of its steps and these
    tab.steps_spin.setValue(4)
    yield window
    window.runner.cancel_all()
    window.close()


@pytest.mark.slow
def test_exercise_9_grows_conv1_and_conv3_then_asks_the_strongest_tile(qtbot, window):
    tab = window.tab(FeaturesTab)
    click_step(qtbot, window, "features", 0)
    assert window.tabs.currentWidget() is tab
    assert tab.result.layer == "conv1" and len(tab.result.channels) == 16 and tab.grid is not None

    click_step(qtbot, window, "features", 1)
    assert tab.result.layer == "conv3" and len(tab.result.channels) == 64

    click_step(qtbot, window, "features", 2)
    activations = window.tab(ActivationsTab)
    strongest = activations.mosaic.strongest_channel()
    assert window.tabs.currentWidget() is tab and tab.back_button.isVisible()
    assert tab.result.channels[tab.channel] == strongest and tab.grid_view.selected() == tab.channel
