"""Lab exercises 3 and 4 on the bundled model and the sample flower: what they show must be true."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtWidgets import QProgressBar

from neurolab.gui import lab_panel
from neurolab.gui.lab_panel import BUNDLED, flower_path
from neurolab.gui.tabs.adversarial import AdversarialTab
from tests.gui.qt_helpers import click_step, started_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A fresh start on the bundled model, with the Lab on it even where SqueezeNet's weights are."""
    monkeypatch.setattr(lab_panel, "lab_network", lambda: BUNDLED)
    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    window = started_window(qtbot)
    yield window
    window.runner.cancel_all()
    window.close()


def headline_matches_first_bar(bars) -> bool:
    """The headline's percentage is the first bar's, rounded once ('star (99.5%)' over a 99.5% bar)."""
    top = bars.predictions()[0]
    return bars.heading.text() == f"Network says: {top.label} ({bars.findChildren(QProgressBar)[0].text()})"


def test_exercise_3_grows_noise_from_noise_and_leaves_the_person_to_say_what_it_is(qtbot, window):
    tab = window.tab(AdversarialTab)
    click_step(qtbot, window, "fooling", 0)
    result = tab.result
    assert result.label == "star" and result.probability >= 0.95
    # the left pane holds the noise it grew from, not the flower that was open
    assert tab.original_caption.text() == "<b>Start:</b> random noise"
    assert not tab.person_row.isVisible()
    assert tab.clean_bars.labels() == [p.label for p in result.start_top]
    assert headline_matches_first_bar(tab.result_bars)

    click_step(qtbot, window, "fooling", 1)  # classify the fooling image as if it were a photo
    assert tab.image is result.image and tab.original_caption.text() == "<b>Original</b>"
    assert tab.clean_bars.labels()[0] == "star"
    assert tab.person_row.isVisible() and tab.human_label.currentText() == ""  # not "star"
    assert headline_matches_first_bar(tab.clean_bars)


def test_exercise_4_at_full_noise_the_network_says_the_fooling_class_with_five_bars(qtbot, window):
    from neurolab.gui.tabs.adversarial import BLEND_STEPS

    tab = window.tab(AdversarialTab)
    click_step(qtbot, window, "blend", 0)
    assert os.path.samefile(tab.image_name, flower_path()) and tab.image.shape == (427, 640, 3)
    assert tab.original_caption.text() == "<b>Original</b>"
    assert tab.human_label.currentText() == "flower"
    tab.blend_slider.setValue(BLEND_STEPS)  # 100 % fooling image
    assert np.array_equal(tab.result_image, window.lab._fooling[1])
    assert tab.result_bars.labels()[0] == "star", tab.result_bars.heading.text()
    assert tab.result_bars.predictions()[0].probability >= 0.9
    assert len(tab.result_bars.labels()) == len(tab.clean_bars.labels()) == 5
    assert headline_matches_first_bar(tab.result_bars)
    tab.blend_slider.setValue(0)
    assert tab.result_bars.labels()[0] == "flower" and len(tab.result_bars.labels()) == 5
    assert tab.curve.flip_alpha is not None
