"""Model ▸ Precision driven as a user does: the choice applies to the next job, is shown beside the
device in the status bar, is remembered when the window opens again; both languages."""

from __future__ import annotations

import pytest

from neurolab.core import precision
from tests.gui.qt_helpers import started_window


@pytest.fixture
def precision_restored(monkeypatch):
    """The process-wide setting back to what it was after the test (the window sets it)."""
    monkeypatch.setattr(precision, "_setting", list(precision._setting))


def test_chosen_in_the_menu_shown_used_and_remembered(qtbot, english, model_file, precision_restored):
    from tests.helpers import photo

    window = started_window(qtbot, model_file)
    menu = window.precision_menu
    assert menu.title() == "Pr&ecision"
    assert menu.actions_by_choice["auto"].isChecked(), "auto until the user chooses"
    auto = precision.compute_precision()  # this computer's: float32 on a CPU without bf16
    assert window.device_label.text() == f"Device: CPU, {auto} (automatic)"

    menu.actions_by_choice["bfloat16"].trigger()
    assert precision.current_choice() == "bfloat16"
    assert menu.actions_by_choice["bfloat16"].isChecked() and not menu.actions_by_choice["auto"].isChecked()
    assert window.device_label.text() == "Device: CPU, bfloat16"
    result = window.workspace.extractor.compute(photo(40, 48), ["conv2"])  # the next computation
    assert result.precision == "bfloat16" and result.to_json()["precision"] == "bfloat16"
    window.close()

    precision.set_precision("auto")  # a fresh process starts at auto: the window restores its choice
    again = started_window(qtbot, model_file)
    assert again.precision_menu.actions_by_choice["bfloat16"].isChecked()
    assert precision.current_choice() == "bfloat16"
    assert again.device_label.text() == "Device: CPU, bfloat16"
    again.precision_menu.actions_by_choice["auto"].trigger()
    assert again.settings.value("precision") == "auto"
    assert again.device_label.text() == f"Device: CPU, {auto} (automatic)"
    again.close()


def test_the_menu_and_status_in_czech(qtbot, czech, model_file, precision_restored):
    window = started_window(qtbot, model_file)
    menu = window.precision_menu
    assert menu.title() == "Př&esnost"
    assert menu.actions_by_choice["auto"].text().startswith("&Automaticky")
    menu.actions_by_choice["float32"].trigger()
    assert window.device_label.text() == "Zařízení: CPU, float32"
    menu.actions_by_choice["auto"].trigger()
    assert window.device_label.text().endswith("(automaticky)")
    window.close()
