"""The Adversarial tab through the real worker: both labels, cancel, blend, save."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image


@pytest.fixture(scope="module")
def flower_file(tmp_path_factory):
    from neurolab.core.demo_data import CLASSES, make_dataset

    images, labels = make_dataset(4, size=96, seed=321)
    flower = images[list(labels).index(CLASSES.index("flower"))]
    path = tmp_path_factory.mktemp("img") / "flower.png"
    Image.fromarray(flower).save(path)
    return str(path)


@pytest.fixture
def tab(qtbot, flower_file):
    from neurolab.gui.app import create_window

    window = create_window(model="shapes", image=flower_file)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.adversarial)
    with qtbot.waitSignal(window.adversarial.classified, timeout=120_000):
        window.start()
    yield window.adversarial
    window.close()


def test_attack_shows_human_and_network_labels_side_by_side(qtbot, tab):
    assert tab.human_label.currentText() == "flower"
    assert tab.clean_bars.heading.text().startswith("Network says: flower")
    tab.target.setCurrentText("boat")
    with qtbot.waitSignal(tab.result_shown, timeout=120_000):
        tab.attack_button.click()
    assert tab.result.success and tab.result.after[0].label == "boat"
    assert tab.result_bars.heading.text().startswith("Network says: boat")
    assert "The network now says boat" in tab.verdict.text() and "SSIM" in tab.verdict.text()
    assert tab.result.adversarial.shape == tab.image.shape  # the student's own size back
    assert np.abs(tab.result.perturbation).max() <= 8


def test_cancel_mid_attack_keeps_the_last_good_preview(qtbot, tab):
    tab.steps.setValue(1000)
    tab.target.setCurrentText("car")
    tab.attack_button.click()
    qtbot.waitUntil(lambda: tab.result_image is not None, timeout=120_000)
    tab.runner.cancel_all()
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=10_000)
    kept = tab.result_image
    assert kept.shape == tab.image.shape and kept.dtype == np.uint8
    assert np.abs(kept.astype(int) - tab.image.astype(int)).max() <= 8


def test_fool_then_blend_updates_the_label_live_and_saves(qtbot, tab, tmp_path):
    tab.modes.setCurrentIndex(1)
    tab.fool_target.setCurrentText("star")
    with qtbot.waitSignal(tab.result_shown, timeout=120_000):
        tab.fool_button.click()
    assert tab.result.label == "star" and tab.result.probability >= 0.9
    tab.modes.setCurrentIndex(2)
    with qtbot.waitSignal(tab.result_shown, timeout=120_000):
        tab.blend_button.click()  # blends with the fooling image just grown
    curve = tab.curve
    assert len(curve.alphas) == 21 and curve.true_probability[0] > 0.5
    tab.blend_slider.setValue(20)
    assert tab.result_bars.heading.text().startswith(f"Network says: {curve.top[20].label}")
    tab.blend_slider.setValue(0)
    assert tab.result_bars.heading.text().startswith("Network says: flower")
    written = tab.save(str(tmp_path / "out.png"))
    assert (tmp_path / "out.png").is_file() and (tmp_path / "out.json").is_file()
    record = json.loads((tmp_path / "out.json").read_text())
    assert record["human_label"] == "flower" and written
