"""Runs core jobs (generators) on one dedicated QThread.

TensorFlow's models are not safe to call from two threads at once, so every
TensorFlow job in the window goes through the single :class:`JobRunner`: a
job submitted while another runs cancels the running one and waits its turn.
A *background* job (style transfer, GAN training: minutes long) lets queued
jobs run between two of its steps, on the same thread, so clicking a layer
while a GAN trains still shows its activations within a step.
Each job gets a :class:`JobHandle` living in the GUI thread whose signals
carry its progress and outcome (superqt's vocabulary: ``progressed``,
``succeeded``/``returned``, ``failed``/``errored``, ``cancelled``,
``finished``). Written here rather than taken from superqt because superqt
0.9 mistakes a ``RuntimeError`` raised by a generator job (Keras raises that
type) for a deleted worker and never signals the UI.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
import traceback
import weakref
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from neurolab.core.cpu import require_tensorflow_cpu
from neurolab.core.jobs import CancelToken, Job, Progress
from neurolab.core.precision import lowest, recording
from neurolab.gui.core_texts import error_text

PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress events a second reach the UI
_RUNNERS: "weakref.WeakSet[JobRunner]" = weakref.WeakSet()
_DELIVERIES = itertools.count()  # orders what LatestJobs delivered, across tabs' jobs


class JobHandle(QObject):
    """One submitted job: its signals, its cancel token and its outcome."""

    started = Signal()
    progressed = Signal(object)  # core.jobs.Progress
    succeeded = Signal(object)  # the job's return value
    failed = Signal(str)  # a sentence for the user, in the window's language
    cancelled = Signal()
    finished = Signal()  # after exactly one of succeeded/failed/cancelled

    def __init__(self, name: str, factory: Callable[[], Job], *, background: bool = False):
        super().__init__()
        self.name = name
        self.background = background
        self.factory = factory
        self.token = CancelToken()
        self.result: Any = None
        self.error: str | None = None
        self.traceback: str | None = None
        self.done = False
        self._running = False  # set by the job thread once the job has started
        #: the precisions the job's computations ran in (core.precision.note_used, noted
        #: by the job thread for this job only); empty for a job that computed nothing
        self.precisions: list[str] = []

    @property
    def precision(self) -> str | None:
        """What the job computed in (the lowest precision it used), None when it computed nothing."""
        return lowest(self.precisions) if self.precisions else None

    def cancel(self) -> None:
        """Stop at the next step; a job that already started is let go of at once.

        One step (a forward pass over a big photo, tracing a function) cannot be
        interrupted, so the handle reports ``cancelled`` now and the window is
        idle; the thread finishes that step, drops its result and takes the next
        job (which therefore queues behind it, never beside it).
        """
        self.token.cancel()
        if self._running and _claim(self):
            self.cancelled.emit()
            self.finished.emit()

    @property
    def is_cancelled(self) -> bool:
        return self.token.cancelled


class _JobThread(QThread):
    """Takes jobs from a queue and drives them one at a time."""

    def __init__(self, jobs: "queue.Queue[JobHandle | None]"):
        super().__init__()
        self.setObjectName("neurolab-jobs")
        self._jobs = jobs

    def run(self) -> None:
        while True:
            handle = self._jobs.get()
            if handle is None:
                return
            _drive(handle, self._run_waiting)

    def _run_waiting(self) -> None:
        """Between two steps of a background job: run the jobs queued meanwhile."""
        while True:
            try:
                handle = self._jobs.get_nowait()
            except queue.Empty:
                return
            if handle is None:  # shutting down: leave the sentinel for run()
                self._jobs.put(None)
                return
            _drive(handle, self._run_waiting)


def _drive(handle: JobHandle, run_waiting: Callable[[], None] = lambda: None) -> None:
    """Run one job to its end, honouring cancel between two steps."""
    if handle.is_cancelled:
        _finish(handle, handle.cancelled)
        return
    handle._running = True
    handle.started.emit()
    job = None
    last_emit = 0.0
    try:
        require_tensorflow_cpu()  # jobs import TensorFlow: a sentence, not "Illegal instruction"
        with recording(handle.precisions):
            job = handle.factory()
        handle.factory = None  # the job holds its inputs now; a finished handle holds none
        while True:
            if handle.is_cancelled:
                job.close()
                _finish(handle, handle.cancelled)
                return
            try:
                with recording(handle.precisions):  # a background job's waiting jobs record their own
                    event = next(job)
            except StopIteration as stop:
                handle.result = stop.value
                _finish(handle, handle.succeeded, stop.value)
                return
            now = time.monotonic()
            if handle.done:  # cancelled during that step: nobody waits for it any more
                job.close()
                return
            if isinstance(event, Progress) and (now - last_emit >= PROGRESS_INTERVAL_S
                                                or event.step >= event.total):
                last_emit = now
                handle.progressed.emit(event)
            if handle.background:
                run_waiting()
    except BaseException as exc:  # noqa: BLE001 - every failure must reach the UI
        if handle.is_cancelled:
            _finish(handle, handle.cancelled)
            return
        handle.error = error_text(exc)  # translated here: a signal carries text, not the phrase
        handle.traceback = traceback.format_exc()
        _finish(handle, handle.failed, handle.error)


_FINISH_LOCK = threading.Lock()


def _claim(handle: JobHandle) -> bool:
    """True for the one caller (job thread or a cancel) that gets to finish the handle."""
    with _FINISH_LOCK:
        if handle.done:
            return False
        handle.done = True
        return True


def _finish(handle: JobHandle, signal, *args) -> None:
    if not _claim(handle):  # already reported cancelled by JobHandle.cancel
        return
    signal.emit(*args)
    handle.finished.emit()


class JobRunner(QObject):
    """The window's one job thread.

    A job replaces an unfinished job of the same name (a new image's
    activations make the old image's pointless); jobs of other names queue
    behind it, so two tabs never fight over the model.
    """

    busy_changed = Signal(bool)
    submitted = Signal(object)  # the new JobHandle, for the status bar

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._queue: "queue.Queue[JobHandle | None]" = queue.Queue()
        self._thread = _JobThread(self._queue)
        self._pending: list[JobHandle] = []
        self._stopped = False
        self._thread.start()
        _RUNNERS.add(self)

    def submit(self, name: str, factory: Callable[[], Job], *, replace: bool = True,
               background: bool = False) -> JobHandle:
        """Queue ``factory()`` (a job generator); ``replace`` cancels unfinished jobs of this name.

        ``background`` jobs let jobs submitted after them run between their steps.
        """
        if self._stopped:  # the window is closing: nothing new starts
            handle = JobHandle(name, factory, background=background)
            handle.cancel()
            handle.done = True
            return handle
        if replace:
            for other in self._pending:
                if other.name == name:
                    other.cancel()
        handle = JobHandle(name, factory, background=background)
        handle.finished.connect(self._on_finished)
        self._pending.append(handle)
        # Start on the next event-loop turn, so the caller connects to the
        # handle's signals before the job can emit them.
        QTimer.singleShot(0, self, lambda: self._queue.put(handle))
        self.busy_changed.emit(True)
        self.submitted.emit(handle)
        return handle

    def _on_finished(self) -> None:
        handle = self.sender()
        if handle in self._pending:
            self._pending.remove(handle)
        if not self._pending:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @property
    def current(self) -> JobHandle | None:
        return self._pending[0] if self._pending else None

    def cancel_all(self, *, keep_background: bool = False) -> None:
        """Cancel every unfinished job (``keep_background``: all but background jobs)."""
        for handle in list(self._pending):
            if not (keep_background and handle.background):
                handle.cancel()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything and stop the thread; True when it stopped in time."""
        if self._stopped:
            return not self._thread.isRunning()
        self._stopped = True
        self.cancel_all()
        self._queue.put(None)
        return self._thread.wait(timeout_ms)


def live_runners() -> list[JobRunner]:
    """Runners whose thread still runs (tests fail when one is left behind)."""
    return [runner for runner in list(_RUNNERS) if runner.is_running()]


class LatestJob(QObject):
    """The newest job of one kind for a widget: what older ones deliver is dropped.

    A widget that recomputes when its input changes (a new image, a new
    layer) only wants the answer to its latest request; submitting replaces
    the unfinished job of the same name on the runner.
    """

    failed = Signal(str)

    def __init__(self, runner: JobRunner, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.name = name
        self.handle: JobHandle | None = None
        #: (order, precision) of the last delivered job that computed something: what the tab
        #: shows was computed in that (:meth:`neurolab.gui.tabs.base.Tab.computed_in`)
        self.computed: tuple[int, str] | None = None

    def start(self, factory: Callable[[], Job], on_success: Callable[[Any], None],
              on_progress: Callable[[Progress], None] | None = None, *,
              background: bool = False,
              on_cancelled: Callable[[], None] | None = None) -> JobHandle:
        handle = self.runner.submit(self.name, factory, background=background)
        self.handle = handle
        # A lambda holding the handle, connected to the handle's own signal, is a cycle
        # through Qt that Python cannot collect: every photo and result would stay in memory.
        ref = weakref.ref(handle)
        handle.succeeded.connect(lambda result: self._deliver(ref(), on_success, result))
        handle.failed.connect(lambda message: self._deliver(ref(), self.failed.emit, message))
        if on_progress is not None:
            handle.progressed.connect(lambda event: self._deliver(ref(), on_progress, event))
        if on_cancelled is not None:
            handle.cancelled.connect(lambda: self._deliver(ref(), lambda _none: on_cancelled(), None))
        return handle

    def _deliver(self, handle: JobHandle | None, callback: Callable[[Any], None], value: Any) -> None:
        if handle is not None and handle is self.handle:
            if handle.precision is not None:
                self.computed = (next(_DELIVERIES), handle.precision)
            callback(value)

    def busy(self) -> bool:
        return self.handle is not None and not self.handle.done
