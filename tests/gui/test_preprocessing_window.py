"""Model ▸ Preprocessing: chosen through the menu, applied to every tab, shown above the layer
table, remembered per model file after the window is reopened; the custom dialog; both languages."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from neurolab.gui.tabs.adversarial import AdversarialTab
from tests.gui.qt_helpers import started_window
from tests.preprocess_helpers import scale_sensitive_model


@pytest.fixture(scope="module")
def sensitive_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("models") / "sensitive.keras"
    scale_sensitive_model().save(path)
    return str(path)


@pytest.fixture(scope="module")
def dark_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("img") / "dark.png"
    Image.fromarray(np.full((8, 8, 3), 64, dtype=np.uint8)).save(path)
    return str(path)


def classified_dark(qtbot, window, dark_file) -> int:
    """The Adversarial tab's verdict on the dark image (class 0 with [0, 1], class 1 with [-1, 1])."""
    tab = window.tab(AdversarialTab)
    window.show_tab(tab)
    window.open_image(dark_file)  # the start-up photo's verdict may still be on its way: wait for this one
    qtbot.waitUntil(lambda: tab.image is not None and tab.image.shape[:2] == (8, 8) and bool(tab.clean_top)
                    and not tab.classifying(), timeout=60_000)
    return tab.clean_top[0].index


def choose(qtbot, window, action) -> None:
    with qtbot.waitSignal(window.workspace_ready, timeout=60_000):
        action.trigger()


def test_chosen_in_the_menu_applied_to_every_tab_and_remembered(qtbot, english, sensitive_file, dark_file):
    from neurolab.gui.tabs.activations import ActivationsTab

    window = started_window(qtbot, sensitive_file)
    menu = window.preprocessing_menu
    assert window.layers.preprocessing_label.text() == "Input: pixels scaled to [0, 1] (assumed)"
    assert menu.choice_actions["unit"].isChecked()
    assert menu.default_action.text() == "&Model's default: pixels scaled to [0, 1]"
    assert classified_dark(qtbot, window, dark_file) == 0
    tab = window.tab(AdversarialTab)
    choose(qtbot, window, menu.choice_actions["signed"])
    qtbot.waitUntil(lambda: bool(tab.clean_top) and not tab.classifying(), timeout=60_000)
    assert tab.clean_top[0].index == 1  # the classification shown follows the new choice
    assert window.workspace.loaded.preprocessing_key == "signed"
    assert window.layers.preprocessing_label.text() == "Input: pixels scaled to [-1, 1] (set by you)"
    assert menu.choice_actions["signed"].isChecked() and not menu.choice_actions["unit"].isChecked()
    input_row = window.layers.tree.topLevelItem(0)
    assert "[-1, 1] (set by you)" in input_row.text(6)  # the table's input row says it too
    activations = window.tab(ActivationsTab)
    assert activations.workspace is window.workspace  # the activations recompute on the new one
    window.close()

    again = started_window(qtbot, sensitive_file)  # remembered for this model file
    assert again.workspace.loaded.preprocessing_key == "signed"
    assert again.layers.preprocessing_label.text() == "Input: pixels scaled to [-1, 1] (set by you)"
    assert again.preprocessing_menu.choice_actions["signed"].isChecked()
    assert classified_dark(qtbot, again, dark_file) == 1
    choose(qtbot, again, again.preprocessing_menu.default_action)
    assert again.layers.preprocessing_label.text() == "Input: pixels scaled to [0, 1] (assumed)"
    assert again.settings.value("preprocessing") == "{}"  # back to the default: nothing kept
    again.set_language("cs")  # switched live: the label and the menu speak Czech at once
    assert again.layers.preprocessing_label.text() == "Vstup: pixely škálované do [0, 1] (předpoklad)"
    assert again.preprocessing_menu.default_action.text() == "&Výchozí pro model: pixely škálované do [0, 1]"
    assert again.preprocessing_menu.choice_actions["raw"].text() == "surové pixely 0–255"
    again.close()


def test_the_custom_dialog_says_what_is_wrong_and_applies_a_good_choice(qtbot, english, sensitive_file):
    window = started_window(qtbot, sensitive_file)
    menu = window.preprocessing_menu
    menu.custom_action.trigger()
    dialog = menu.dialog
    assert dialog.isVisible() and dialog.same.isChecked()
    assert menu.choice_actions["unit"].isChecked()  # nothing changes until the dialog is accepted
    dialog.std[0].setValue(0.0)
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.problem.text() == "The standard deviation must be greater than 0."
    dialog.same.setChecked(False)
    for spin, value in zip(dialog.mean + dialog.std, (100, 110, 120, 50, 60, 70)):
        spin.setValue(value)
    with qtbot.waitSignal(window.workspace_ready, timeout=60_000):
        dialog.ok_button.click()
    assert window.workspace.loaded.preprocessing_key == "custom:100,110,120/50,60,70"
    assert menu.custom_action.isChecked()
    assert window.layers.preprocessing_label.text() == (
        "Input: (x − mean) / std with mean 100,110,120 and std 50,60,70 (set by you)")
    window.close()


def test_a_choice_that_cannot_feed_the_model_is_a_sentence(qtbot, english, tmp_path):
    from tests.helpers import small_cnn

    path = tmp_path / "grey.keras"
    small_cnn((16, 16, 1)).save(path)
    window = started_window(qtbot, str(path))
    with qtbot.waitSignal(window.model_failed, timeout=60_000) as failed:
        window.preprocessing_menu.choice_actions["caffe"].trigger()
    assert failed.args[0] == ("BGR, ImageNet mean subtracted ('caffe') works on the three colour channels; "
                              "this model takes 1-channel images.")
    assert window.preprocessing_menu.choice_actions["unit"].isChecked()
    assert window.workspace.loaded.preprocessing_key == "unit"
    window.close()


def test_shown_in_czech(qtbot, czech, sensitive_file, dark_file):
    window = started_window(qtbot, sensitive_file)
    assert window.layers.preprocessing_label.text() == "Vstup: pixely škálované do [0, 1] (předpoklad)"
    choose(qtbot, window, window.preprocessing_menu.choice_actions["mtcnn"])
    assert window.layers.preprocessing_label.text() == "Vstup: (x − 127,5) / 128 jako MTCNN (nastaveno vámi)"
    assert window.preprocessing_menu.title() == "&Předzpracování"
    window.close()
