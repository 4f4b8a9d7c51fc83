"""The job protocol: long work is a generator that yields :class:`Progress`.

A job never knows who drives it. Headless callers use :func:`run_job`; the GUI
hands the same generator to ``gui.worker.JobRunner``. Cancelling means the
driver stops calling ``next()`` and closes the generator, so a job is
cancellable between any two yields. Jobs that run a long inner loop of their
own (Keras ``fit``) also accept a :class:`CancelToken`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Generator, Optional

import numpy as np


@dataclass
class Progress:
    """One progress event: plain data only (no Qt types, no live objects).

    The event crosses to the window's thread while the job goes on: ``preview`` is an
    array the job no longer changes, and ``metrics`` holds numbers, or tuples of
    copied records (a GAN's new history entries) — never the trainer, the model or a
    list the job keeps appending to.
    """

    step: int
    total: int
    stage: str = ""  # a core.phrases.Phrase where core writes it, so the window can translate it
    preview: Optional[np.ndarray] = None
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def fraction(self) -> float:
        return min(1.0, self.step / self.total) if self.total > 0 else 0.0


Job = Generator[Progress, None, Any]


class Cancelled(Exception):
    """Raised by :meth:`CancelToken.raise_if_cancelled`."""


class CancelToken:
    """A thread-safe flag a job may check inside long inner loops."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def call_job(stage: str, function: Callable[..., Any], *args, **kwargs) -> Job:
    """A short plain call as a one-step job, so it can run on the window's job thread."""
    yield Progress(0, 1, stage)
    return function(*args, **kwargs)


def run_job(job: Job, on_progress: Callable[[Progress], None] | None = None) -> Any:
    """Drive a job to completion on this thread and return its result."""
    while True:
        try:
            event = next(job)
        except StopIteration as stop:
            return stop.value
        if on_progress is not None:
            on_progress(event)
