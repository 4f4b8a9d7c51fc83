"""The GAN's data drawing in helper processes: none of them outlives the drawing or the program."""

from __future__ import annotations

import time

from neurolab.core.gan import data as gan_data
from tests.helpers import child_processes


def _workers() -> dict[int, str]:
    """This process's drawing workers (multiprocessing's resource tracker is not one)."""
    return {pid: command for pid, command in child_processes().items()
            if "resource_tracker" not in command}


def _wait_until_gone(seconds: float = 2.0) -> dict[int, str]:
    deadline = time.monotonic() + seconds
    while _workers() and time.monotonic() < deadline:
        time.sleep(0.05)
    return _workers()


def _started_drawing(seed: int):
    """A drawing job in two processes, run until its first chunk has come back."""
    job = gan_data.builtin_dataset_job(n=1200, seed=seed, workers=2)
    next(job)  # "drawing the built-in shapes", 0
    next(job)  # the first chunk is drawn: the workers now wait for, or draw, the next ones
    assert _workers(), "the drawing started no helper process"
    return job


def test_a_cancelled_drawing_leaves_no_process():
    job = _started_drawing(seed=101)
    job.close()  # what Cancel and closing the window do to a job
    assert not _wait_until_gone(), "helper processes outlived the cancelled drawing"


def test_leaving_the_program_ends_the_drawing_processes():
    job = _started_drawing(seed=102)
    gan_data.stop_drawing()  # the window's leave(), while the job is still suspended
    assert not _wait_until_gone(), "helper processes outlived stop_drawing()"
    job.close()


def test_a_finished_drawing_leaves_no_process():
    dataset = gan_data.builtin_dataset(n=1000, seed=103, workers=2)
    assert len(dataset) == 1000
    assert not _wait_until_gone()
