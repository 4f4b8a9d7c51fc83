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


# --- the JSON a tab saves says what its result was computed in ------------------------------
def _saved_precision(path) -> str:
    import json

    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["precision"]


def test_attack_saved_through_save_says_bfloat16(qtbot, adversarial_tab, tmp_path, monkeypatch,
                                                 precision_restored):
    from neurolab.gui import file_dialogs

    tab = adversarial_tab
    menu = tab.window().precision_menu
    menu.actions_by_choice["bfloat16"].trigger()
    tab.target.setCurrentText("boat")
    with qtbot.waitSignal(tab.result_shown, timeout=120_000):
        tab.attack_button.click()
    out = tmp_path / "flower_adversarial.png"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: str(out))
    menu.actions_by_choice["float32"].trigger()  # changed after the attack: the result stays bf16
    tab.save_button.click()
    assert _saved_precision(out) == "bfloat16"
    with qtbot.waitSignal(tab.result_shown, timeout=120_000):
        tab.attack_button.click()  # attacked again, now in float32
    tab.save_button.click()
    assert _saved_precision(out) == "float32"


def test_style_saved_through_save_says_what_the_transfer_ran_in(qtbot, tmp_path, monkeypatch,
                                                                 precision_restored):
    from neurolab.gui import file_dialogs
    from neurolab.gui.tabs.style import StyleTab
    from neurolab.gui.worker import JobRunner
    from tests.helpers import photo

    runner = JobRunner()
    tab = StyleTab(runner)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_content(photo(60, 90), "photo.png")
    tab.backbone.setCurrentIndex(tab.backbone.findData("random"))
    tab.size.setValue(64)
    tab.steps.setValue(3)
    out = tmp_path / "photo_styled.png"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: str(out))
    for choice in ("bfloat16", "float32"):
        precision.set_precision(choice)
        with qtbot.waitSignal(tab.finished, timeout=120_000):
            tab.start_button.click()
        tab.save_button.click()
        assert _saved_precision(out) == choice
    assert runner.shutdown()


def test_each_job_records_its_own_precision_while_a_background_job_lets_others_run(qtbot, monkeypatch):
    """A background job's steps and a job run between two of them note into their own records."""
    from neurolab.core.jobs import Progress
    from neurolab.gui.worker import JobRunner

    def long_job():
        for step in range(3):
            precision.note_used("bfloat16")
            yield Progress(step, 3, "step")
        return "long"

    def verdict_job():
        yield Progress(0, 1, "judging")
        return "verdict"  # computes nothing: no precision

    monkeypatch.setattr(precision, "_used", [])
    runner = JobRunner()
    background = runner.submit("long", long_job, background=True)
    other = runner.submit("other", verdict_job)
    with qtbot.waitSignals([background.finished, other.finished], timeout=10_000):
        pass
    assert background.precision == "bfloat16" and other.precision is None
    assert precision._used == []  # the record of threads without their own: untouched
    assert runner.shutdown()
