"""Start, Pause/Resume and Stop of a training run that pauses by closing its job (the GAN and
Train tabs), and the run states that say which of them a person may press.

Both tabs train as a background job on the window's one job thread and keep their trainer
in memory: Pause cancels the job (it closes between two events; the trainer keeps its place),
Resume starts a new job on the same trainer, Stop pauses and then ends the run the tab's way
(the GAN writes a checkpoint, the Train tab restores the best epoch and evaluates). What is the
same in both lives here; what differs (starting, resuming, ending, the words on the buttons)
is the tab's. The words come from the tab (``texts``), translated in the tab's own context, so
the buttons keep the tab's translations.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable, Iterable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


class RunState(Enum):
    """Where a training run is; :meth:`RunControls.show_state` says what each allows."""

    IDLE = "idle"  # no run yet
    TRAINING = "training"
    PAUSED = "paused"  # the trainer waits in memory: Resume goes on exactly
    STOPPED = "stopped"  # the GAN: a checkpoint is written (or one was opened)
    FINISHING = "finishing"  # the Train tab: stopped, the best epoch restored and evaluated
    FINISHED = "finished"  # every epoch trained (the Train tab: a result is here)


#: States of a run that is still going (Start would throw it away; its settings stay fixed).
ALIVE = (RunState.TRAINING, RunState.PAUSED, RunState.FINISHING)


@dataclass(frozen=True)
class RunTexts:
    """The buttons' words, translated by the tab (its ``tr`` context keeps its translations)."""

    start: str
    pause: str
    resume: str
    stop: str
    start_tip: str
    stop_tip: str


class RunControls(QWidget):
    """The three buttons in a row and the protocol behind them.

    ``job``: the tab's ``LatestJob`` that trains (``handle``, ``busy()``); its ``on_cancelled``
    is :meth:`job_cancelled`. ``start``, ``resume``: the tab's. ``end``: what Stop does once the
    job has closed (or at once when paused). ``paused``: the tab shows a paused run (its state
    and words). ``resumable``: the states in which the middle button says Resume and resumes,
    while ``has_run()`` (a trainer is in memory).
    """

    def __init__(self, name: str, texts: Callable[[], RunTexts], job, *, start: Callable[[], None],
                 resume: Callable[[], None], end: Callable[[], None], paused: Callable[[], None],
                 resumable: Iterable[RunState] = (RunState.PAUSED,),
                 has_run: Callable[[], bool] = lambda: True, parent: QWidget | None = None):
        super().__init__(parent)
        self._texts, self._job = texts, job
        self._resume, self._end, self._paused = resume, end, paused
        self.resumable, self.has_run = tuple(resumable), has_run
        self.state = RunState.IDLE
        self.stopping = False  # Stop was pressed while the job ran: end it once it has closed
        self.settings_widgets: tuple[QWidget, ...] = ()  # fixed while a run is alive
        self.start_button = QPushButton()
        self.start_button.setObjectName(f"{name}Start")
        self.start_button.clicked.connect(lambda _checked=False: start())
        self.pause_button = QPushButton()
        self.pause_button.setObjectName(f"{name}Pause")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName(f"{name}Stop")
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.start_button, self.pause_button, self.stop_button):
            row.addWidget(button)
        self.show_state(RunState.IDLE)

    def show_state(self, state: RunState) -> None:
        """IDLE: Start. TRAINING: Pause, Stop. PAUSED: Resume, Stop (not Start: it would throw
        the paused run away). FINISHING: nothing until the run has ended. Other resumable states
        (the GAN's STOPPED, FINISHED): Start (a new run) or Resume (the same run goes on)."""
        self.state = state
        texts = self._texts()
        alive = state in ALIVE
        resumable = state in self.resumable
        self.start_button.setText(texts.start)
        self.start_button.setToolTip(texts.start_tip)
        self.stop_button.setText(texts.stop)
        self.stop_button.setToolTip(texts.stop_tip)
        self.start_button.setEnabled(not alive)
        self.pause_button.setEnabled(state is RunState.TRAINING or (resumable and self.has_run()))
        self.pause_button.setText(texts.resume if resumable else texts.pause)
        self.stop_button.setEnabled(state in (RunState.TRAINING, RunState.PAUSED))
        for widget in self.settings_widgets:
            widget.setEnabled(not alive)

    def toggle_pause(self) -> None:
        """The middle button: Pause while training, Resume where the run can go on."""
        if self.state is RunState.TRAINING:
            self.pause()
        elif self.state in self.resumable and self.has_run():
            self._resume()

    def pause(self) -> None:
        """Close the training job between two events; the trainer keeps its state."""
        handle = self._job.handle
        if handle is not None and not handle.done:
            handle.cancel()  # on_cancelled: job_cancelled

    def stop(self) -> None:
        """End the run: pause first when it trains (:meth:`job_cancelled` ends it), at once when
        it is paused."""
        if self._job.busy():
            self.stopping = True
            self.pause()
        elif self.state is RunState.PAUSED:
            self.stopping = False
            self._end()

    def job_cancelled(self) -> None:
        """The training job has closed: a Stop ends the run, a Pause shows it paused."""
        if self.stopping:
            self.stopping = False
            self._end()
        else:
            self._paused()
