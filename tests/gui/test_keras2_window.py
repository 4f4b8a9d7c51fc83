"""Keras 2 files in the window (issue 15): a Teachable Machine export opens, its nested models in
the layer tree, its classes named from labels.txt; a labels file that does not fit says so."""

from __future__ import annotations

import shutil

from tests.fixtures.wild_models import TM_LABELS


def _adversarial_window(qtbot, model: str, image: str):
    from neurolab.gui.app import create_window
    from neurolab.gui.tabs.adversarial import AdversarialTab

    window = create_window(model=model, image=image)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.tab(AdversarialTab))
    with qtbot.waitSignal(window.tab(AdversarialTab).classified, timeout=180_000):
        window.start()
    return window, window.tab(AdversarialTab)


def test_teachable_machine_export_opens_with_its_class_names(qtbot, wild_models, flower_file, tmp_path):
    from tests.gui.qt_helpers import tree_names

    window, tab = _adversarial_window(qtbot, str(wild_models["teachable_machine"]), flower_file)
    try:
        assert tree_names(window)[-2:] == ["sequential_1", "sequential_3"]
        assert set(tab.clean_bars.labels()) <= set(TM_LABELS) and tab.clean_bars.labels()
        assert tab.clean_bars.heading.text().split(": ", 1)[1].split(" (")[0] in TM_LABELS
        window.grab().save(str(tmp_path / "teachable_machine.png"))  # looked at by hand
    finally:
        window.close()


def test_a_labels_file_that_does_not_fit_is_named_in_czech(qtbot, czech, wild_models, flower_file, tmp_path):
    folder = tmp_path / "tm"
    shutil.copytree(wild_models["teachable_machine"].parent, folder)
    (folder / "labels.txt").write_text("0 Cats\n1 Dogs\n", encoding="utf-8")
    window, tab = _adversarial_window(qtbot, str(folder / "keras_model.h5"), flower_file)
    try:
        assert ("Počet názvů tříd v 'labels.txt' (2) neodpovídá počtu výstupů modelu (3), proto se názvy "
                "nepoužijí.") in window.layers.summary.text()
        assert set(tab.clean_bars.labels()) <= {"class 0", "class 1", "class 2"}
    finally:
        window.close()
