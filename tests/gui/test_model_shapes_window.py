"""Models of any shape in the window (issue #15): the quickstart MLP on a digit, a 1-D conv
model, a two-input model, a two-output net and a map (edge) net open, and each tab does what
the model allows or says in a sentence why it is idle, in English and Czech."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pytest

from tests.gui.qt_helpers import classroom_window, clipped_texts, started_window

pytestmark = pytest.mark.slow
#: Where the Czech renders go, to be looked at (NEUROLAB_SHOTS, else the test's own temporary folder).
SHOTS = Path(os.environ.get("NEUROLAB_SHOTS") or tempfile.mkdtemp(prefix="shapes-shots-"))


@pytest.fixture
def english(qapp):
    """The English translation installed (its plural forms: "1 channel"), removed after."""
    from neurolab.gui.language import install_translator, remove_translators

    assert install_translator(qapp, "en") is not None
    yield
    remove_translators(qapp)


def _open(qtbot, path: str):
    window = started_window(qtbot, path)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    return window


def _digit() -> np.ndarray:
    image = np.zeros((28, 28, 3), np.uint8)
    image[6:22, 12:16] = 255  # a "1"
    return image


def test_quickstart_mlp_shows_every_layer_of_a_digit_dense_ones_as_neuron_grids(qtbot, shape_files, english):
    from neurolab.gui.tabs.activations import ActivationsTab

    window = _open(qtbot, shape_files["quickstart_mlp"])
    tab = window.tab(ActivationsTab)
    assert window.workspace.loaded.image_input.channel_axis is False
    tab.set_image(_digit(), "digit.png")
    qtbot.waitUntil(lambda: tab.result is not None, timeout=60_000)
    for key in window.workspace.extractor.layer_keys:
        window.show_layer(key)
        qtbot.waitUntil(lambda key=key: tab.shows_layer(key), timeout=30_000)
        assert "waiting" not in tab.title.text()
    window.show_layer("dense")
    qtbot.waitUntil(lambda: tab.shows_layer("dense"), timeout=30_000)
    assert tab.mosaic.is_neuron_grid and (tab.mosaic.rows, tab.mosaic.cols) == (8, 16)
    assert "128 units" in tab.title.text()
    view = tab.mosaic_view
    centre = view.tile_rect(5).center()
    text = view.tile_tooltip(centre)
    value = float(tab.result.activations["dense"][5])
    assert text.startswith("Unit 6: value") and f"{value:.3g}" in text, (text, value)
    window.close()


@pytest.mark.parametrize("name, fragment", [("conv1d", "sequences (50 steps × 3 values)"),
                                            ("two_inputs", "takes 2 inputs")])
def test_models_without_an_image_open_with_their_table_and_idle_tabs_say_why(
        qtbot, shape_files, english, name, fragment):
    from neurolab.gui.tabs.activations import ActivationsTab
    from neurolab.gui.tabs.adversarial import AdversarialTab

    window = _open(qtbot, shape_files[name])
    assert window.workspace.extractor is None and window.layers.tree.topLevelItemCount() > 2
    assert not window.error_bar.isVisible()
    activations, adversarial = window.tab(ActivationsTab), window.tab(AdversarialTab)
    assert fragment in activations.mosaic_view.placeholder()
    assert "need a model that takes one image" in activations.mosaic_view.placeholder()
    window.show_tab(adversarial)
    assert adversarial.idle_note.isVisible() and fragment in adversarial.idle_note.text()
    assert not adversarial.modes.isEnabled()
    window.close()


def test_two_outputs_classify_with_the_chosen_output_remembered_per_model(qtbot, shape_files, english):
    from neurolab.gui.tabs.adversarial import AdversarialTab

    window = _open(qtbot, shape_files["two_outputs"])
    tab = window.tab(AdversarialTab)
    window.show_tab(tab)
    qtbot.waitUntil(lambda: bool(tab.clean_top), timeout=60_000)
    assert tab.output_box.isVisible() and tab.output_box.currentText().startswith("prob")
    assert tab.target.count() == 1 + 2 and not tab.idle_note.isVisible()
    tab.clean_top = []
    tab.choose_output("bbox")
    qtbot.waitUntil(lambda: bool(tab.clean_top), timeout=60_000)
    assert window.workspace.loaded.classifier_name == "bbox" and tab.target.count() == 1 + 4
    with qtbot.waitSignal(tab.result_shown, timeout=120_000):
        tab.attack_button.click()
    assert tab.result_json("x.png")["model_output"] == "bbox"
    settings = window.settings
    tab.save_state(settings)
    window.close()
    window = _open(qtbot, shape_files["two_outputs"])
    tab = window.tab(AdversarialTab)
    assert window.workspace.loaded.classifier_name == "bbox"
    assert tab.output_box.currentText().startswith("bbox")
    tab.choose_output("prob")  # leave the default for the next test
    tab.save_state(window.settings)
    window.close()


def test_a_map_network_is_no_classifier_but_its_map_shows(qtbot, shape_files, english):
    from neurolab.gui.tabs.activations import ActivationsTab
    from neurolab.gui.tabs.adversarial import AdversarialTab

    window = _open(qtbot, shape_files["edge_map"])
    activations = window.tab(ActivationsTab)
    window.show_layer("edges")
    qtbot.waitUntil(lambda: activations.shows_layer("edges"), timeout=60_000)
    assert "1 channel" in activations.title.text() and "1 channels" not in activations.title.text()
    adversarial = window.tab(AdversarialTab)
    window.show_tab(adversarial)
    assert adversarial.idle_note.isVisible() and "not a classifier" in adversarial.idle_note.text()
    assert not adversarial.output_box.isVisible() and not adversarial.modes.isEnabled()
    window.close()


@pytest.mark.parametrize("name", ["conv1d", "edge_map", "two_outputs", "quickstart_mlp"])
def test_shapes_in_czech_say_it_in_czech_and_nothing_is_cut(qtbot, monkeypatch, shape_files, czech, name,
                                                           tmp_path):
    from neurolab.gui.tabs.activations import ActivationsTab
    from neurolab.gui.tabs.adversarial import AdversarialTab

    window = classroom_window(qtbot, monkeypatch, shape_files[name])
    adversarial = window.tab(AdversarialTab)
    for tab in (window.tab(ActivationsTab), adversarial):
        window.show_tab(tab)
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
        qtbot.wait(50)  # one layout pass for the texts just set
        window.grab().save(str(SHOTS / f"{name}-{tab.key}-cs.png"))
        clipped = clipped_texts(window)
        assert clipped == [], (name, tab.key, clipped)
    if name == "conv1d":
        assert "posloupnosti" in adversarial.idle_note.text(), adversarial.idle_note.text()
        assert "posloupnosti" in window.tab(ActivationsTab).mosaic_view.placeholder()
    if name == "edge_map":
        assert "klasifikátor" in adversarial.idle_note.text(), adversarial.idle_note.text()
    window.close()
