"""Start, Pause/Resume and Stop shared by the GAN and Train tabs (gui/widgets/run_controls.py):
which buttons each run state allows, Stop that waits for the job to close, and the words in the
tab's own language (the tabs' existing Czech translations)."""

from __future__ import annotations

import pytest

from neurolab.gui.widgets.run_controls import RunControls, RunState, RunTexts


class FakeHandle:
    def __init__(self):
        self.done = False
        self.cancelled = 0

    def cancel(self):
        self.cancelled += 1


class FakeJob:
    """A LatestJob's surface the controls use: the running handle and ``busy()``."""

    def __init__(self):
        self.handle = None

    def busy(self) -> bool:
        return self.handle is not None and not self.handle.done


@pytest.fixture
def controls(qtbot):
    calls, job = [], FakeJob()
    texts = RunTexts("Start", "Pause", "Resume", "Stop", "start tip", "stop tip")
    widget = RunControls("test", lambda: texts, job, start=lambda: calls.append("start"),
                         resume=lambda: calls.append("resume"), end=lambda: calls.append("end"),
                         paused=lambda: calls.append("paused"),
                         resumable=(RunState.PAUSED, RunState.STOPPED))
    qtbot.addWidget(widget)
    return widget, job, calls


def _buttons(widget) -> tuple:
    return (widget.start_button.isEnabled(), widget.pause_button.isEnabled(), widget.pause_button.text(),
            widget.stop_button.isEnabled())


def test_each_state_allows_only_its_buttons(controls):
    widget, _, _ = controls
    expected = {RunState.IDLE: (True, False, "Pause", False),
                RunState.TRAINING: (False, True, "Pause", True),
                RunState.PAUSED: (False, True, "Resume", True),
                RunState.STOPPED: (True, True, "Resume", False),
                RunState.FINISHING: (False, False, "Pause", False),
                RunState.FINISHED: (True, False, "Pause", False)}
    for state, buttons in expected.items():
        widget.show_state(state)
        assert _buttons(widget) == buttons, state
    assert widget.start_button.objectName() == "testStart" and widget.stop_button.toolTip() == "stop tip"


def test_settings_are_fixed_while_a_run_is_alive(controls, qtbot):
    from PySide6.QtWidgets import QSpinBox

    widget, _, _ = controls
    spin = QSpinBox()
    qtbot.addWidget(spin)
    widget.settings_widgets = (spin,)
    for state, enabled in ((RunState.TRAINING, False), (RunState.PAUSED, False), (RunState.FINISHING, False),
                           (RunState.STOPPED, True), (RunState.FINISHED, True)):
        widget.show_state(state)
        assert spin.isEnabled() is enabled, state


def test_clicks_pause_resume_and_stop_through_the_job(controls):
    widget, job, calls = controls
    widget.start_button.click()
    assert calls == ["start"]
    job.handle = FakeHandle()
    widget.show_state(RunState.TRAINING)
    widget.pause_button.click()  # Pause: the job is cancelled, the tab hears when it has closed
    assert job.handle.cancelled == 1 and calls == ["start"]
    job.handle.done = True
    widget.job_cancelled()
    assert calls == ["start", "paused"]
    widget.show_state(RunState.PAUSED)
    widget.pause_button.click()  # Resume
    assert calls[-1] == "resume"

    job.handle = FakeHandle()
    widget.show_state(RunState.TRAINING)
    widget.stop_button.click()  # Stop while training: pause first, end once the job has closed
    assert job.handle.cancelled == 1 and calls[-1] == "resume" and widget.stopping
    job.handle.done = True
    widget.job_cancelled()
    assert calls[-1] == "end" and not widget.stopping

    widget.show_state(RunState.PAUSED)
    widget.stop_button.click()  # Stop while paused: at once
    assert calls[-2:] == ["end", "end"]


def test_the_tabs_buttons_keep_their_czech_words(qtbot, czech, monkeypatch, tmp_path):
    """The words are the tab's tr() texts: the GAN and Train tabs' Czech translations show."""
    from neurolab.gui.tabs.gan import GanTab
    from neurolab.gui.tabs.train import TrainTab
    from neurolab.gui.worker import JobRunner

    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path))
    runner = JobRunner()
    for tab_class in (GanTab, TrainTab):
        tab = tab_class(runner)
        qtbot.addWidget(tab)
        assert (tab.start_button.text(), tab.pause_button.text(), tab.stop_button.text()) == \
            ("Spustit", "Pozastavit", "Zastavit")
        tab.run.show_state(RunState.PAUSED)
        assert tab.pause_button.text() == "Pokračovat"
    assert runner.shutdown()


def test_a_live_language_switch_translates_the_buttons_and_their_tips(window, qtbot):
    """Switched to Czech in a running window: the words are found in the tabs' contexts (the
    controls sit inside the tab), tooltips included; and back to English."""
    from neurolab.gui.tabs.gan import GanTab
    from neurolab.gui.tabs.train import TrainTab

    gan, train = window.tab(GanTab), window.tab(TrainTab)
    try:
        window.set_language("cs")
        assert (gan.start_button.text(), gan.stop_button.text(), train.pause_button.text()) == \
            ("Spustit", "Zastavit", "Pozastavit")
        assert train.stop_button.toolTip() != "End training now and keep the best epoch"
        assert gan.start_button.toolTip() != "Train new networks from scratch"
    finally:
        window.set_language("en")
    assert (gan.start_button.text(), train.stop_button.toolTip()) == \
        ("Start", "End training now and keep the best epoch")
