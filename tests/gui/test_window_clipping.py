"""THE test of cut-off text: the whole window at 1366×768, every tab current in turn, in English
and in Czech (switched at run time through View ▸ Language, and started in Czech)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QRect, Qt

from neurolab.core.jobs import Progress
from tests.gui.qt_helpers import clipped_texts

SIZE = (1366, 768)
TIMEOUT_MS = 120_000

def _parked_job(stage: str):
    """A job that shows ``stage`` in the status bar until it is cancelled."""
    for step in range(100_000):
        yield Progress(step % 10, 10, stage)
        time.sleep(0.01)


def _findings(window, qtbot) -> list[str]:
    """Each tab current in turn, then the status bar's progress text while a job runs."""
    found: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)  # one layout pass
        found += [f"{window.tabs.tabText(index)}: {text}" for text in clipped_texts(window)]
    window.runner.submit("parked", lambda: _parked_job("computing activations"))
    qtbot.waitUntil(lambda: window.progress.isVisible() and window.progress.value() > 0)
    qtbot.wait(50)
    found += [f"busy: {text}" for text in clipped_texts(window.statusBar())]
    window.runner.cancel_all()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=TIMEOUT_MS)
    return found


def _unexpected(found: list[str]) -> str:
    """Every finding, one a line (empty when all is well)."""
    return "\n".join(found)


@pytest.fixture
def classroom_window(qtbot, monkeypatch):
    from neurolab.gui.app import create_window

    monkeypatch.setattr("neurolab.gui.main_window.available_geometry",
                        lambda _w: QRect(0, 0, 1366, 738), raising=False)

    def make():
        window = create_window()
        qtbot.addWidget(window)
        # Maximised on a 1366×768 screen; offscreen Qt's screen is 800×800, so the size is set.
        window.setWindowState(Qt.WindowNoState)
        window.resize(*SIZE)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.ready, timeout=TIMEOUT_MS):
            window.start()
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=TIMEOUT_MS)
        return window

    yield make


@pytest.mark.slow
def test_nothing_is_cut_off_at_1366x768_in_english_and_after_switching_to_czech(
        qtbot, english, classroom_window):
    window = classroom_window()
    assert not (found := _unexpected(_findings(window, qtbot))), found
    actions = {action.data(): action for action in window.language_actions.actions()}
    actions["cs"].trigger()  # View ▸ Language ▸ Čeština, as a teacher does
    assert window.tabs.tabText(2) == "Přenos stylu"
    assert not (found := _unexpected(_findings(window, qtbot))), found
    actions["en"].trigger()
    window.close()


def test_nothing_is_cut_off_at_1366x768_in_a_window_started_in_czech(qtbot, czech,
                                                                     classroom_window):
    window = classroom_window()
    assert window.tabs.tabText(2) == "Přenos stylu"
    assert not (found := _unexpected(_findings(window, qtbot))), found
    window.close()
