"""The job runner: results, errors, cancel, queueing and shutdown, on a real QThread."""

from __future__ import annotations

import threading
import time

import pytest

from neurolab.core.jobs import Cancelled, CancelToken, Progress, run_job
from neurolab.gui.worker import JobRunner

#: Cancel ends a job within this (it takes milliseconds; the bound is generous so a busy
#: machine cannot make it flake, and still far below what a user would call stuck).
CANCEL_WITHIN_S = 2.0


def counting_job(n: int, gate: threading.Event | None = None, seen: list | None = None):
    for i in range(n):
        if gate is not None:
            gate.wait(5)
        if seen is not None:
            seen.append(threading.current_thread().name)
        yield Progress(i + 1, n, "counting")
    return n * 10


def failing_job():
    yield Progress(0, 1, "about to fail")
    raise RuntimeError("Keras says no")  # superqt 0.9 would swallow this type


@pytest.fixture
def runner(qtbot):
    runner = JobRunner()
    yield runner
    assert runner.shutdown()


def test_result_arrives_with_progress_on_another_thread(qtbot, runner):
    seen: list[str] = []
    events: list[Progress] = []
    handle = runner.submit("count", lambda: counting_job(3, seen=seen))
    handle.progressed.connect(events.append)
    with qtbot.waitSignal(handle.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == [30]
    assert events and events[-1].step == 3
    assert seen and all(name != threading.current_thread().name for name in seen)


def test_runtime_error_reaches_failed_and_finished(qtbot, runner):
    handle = runner.submit("fail", failing_job)
    with qtbot.waitSignals([handle.failed, handle.finished], timeout=5000):
        pass
    assert handle.error == "RuntimeError: Keras says no"
    assert "Traceback" in handle.traceback


def test_cancel_between_steps_emits_cancelled_not_succeeded(qtbot, runner):
    gate = threading.Event()
    handle = runner.submit("slow", lambda: counting_job(1000, gate=gate))
    results: list = []
    handle.succeeded.connect(results.append)
    with qtbot.waitSignal(handle.started, timeout=5000):
        pass
    with qtbot.waitSignal(handle.finished, timeout=5000):
        started = time.monotonic()
        handle.cancel()
        gate.set()
    elapsed = time.monotonic() - started
    assert handle.is_cancelled and not results
    assert elapsed < CANCEL_WITHIN_S, f"finished {elapsed:.2f} s after cancel"


def test_new_job_cancels_the_running_one_of_its_name_and_runs_after_it(qtbot, runner):
    gate = threading.Event()
    first = runner.submit("a", lambda: counting_job(1000, gate=gate))
    second = runner.submit("a", lambda: counting_job(2))
    cancelled: list = []
    first.cancelled.connect(lambda: cancelled.append(True))
    gate.set()
    with qtbot.waitSignals([second.succeeded, second.finished], timeout=5000):
        pass
    assert second.result == 20
    assert cancelled == [True]
    assert not runner.busy


def test_job_of_another_name_waits_its_turn(qtbot, runner):
    first = runner.submit("a", lambda: counting_job(5))
    second = runner.submit("b", lambda: counting_job(2))
    with qtbot.waitSignals([first.succeeded, second.succeeded], timeout=5000, order="strict"):
        pass


def test_shutdown_during_a_job_stops_the_thread(qtbot):
    gate = threading.Event()
    runner = JobRunner()
    runner.submit("slow", lambda: counting_job(10_000, gate=gate))
    gate.set()
    assert runner.shutdown(3000)
    assert not runner.is_running()


def test_run_job_drives_headless_and_token_cancels():
    assert run_job(counting_job(4)) == 40
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        token.raise_if_cancelled()


def test_latest_job_drops_what_older_jobs_deliver(qtbot, runner):
    from neurolab.gui.worker import LatestJob

    latest = LatestJob(runner, "compute")
    got: list = []
    gate = threading.Event()
    first = latest.start(lambda: counting_job(3, gate=gate), got.append)
    second = latest.start(lambda: counting_job(2), got.append)
    with qtbot.waitSignals([first.finished, second.finished], timeout=5000):
        gate.set()
    assert got == [20]
    assert not latest.busy()


def test_background_job_lets_queued_jobs_run_between_its_steps(qtbot, runner):
    """A layer click while a GAN trains is answered within a step, not after the training."""
    gate = threading.Event()
    order: list[str] = []

    def long_job():  # runs until cancelled
        gate.wait(5)
        step = threading.Event()
        while True:
            step.wait(0.002)
            order.append("long")
            yield Progress(len(order), 10**9, "training")

    def short_job():
        order.append("short")
        yield Progress(1, 1, "quick")
        return "done"

    background = runner.submit("train", long_job, background=True)
    with qtbot.waitSignal(background.started, timeout=5000):
        pass
    quick = runner.submit("quick", short_job)
    with qtbot.waitSignal(quick.succeeded, timeout=5000):
        gate.set()
    assert not background.done and order.index("short") < 50
    runner.cancel_all(keep_background=True)
    assert not background.is_cancelled
    with qtbot.waitSignal(background.cancelled, timeout=5000):
        started = time.monotonic()
        runner.cancel_all()
    assert time.monotonic() - started < CANCEL_WITHIN_S


def test_cancel_inside_an_uninterruptible_step_is_reported_at_once(qtbot, runner):
    """A step that cannot stop (one TensorFlow call): the window is idle now; the next job
    waits for that step on the same thread and the old step's result is dropped."""
    gate = threading.Event()
    first = runner.submit("long", lambda: counting_job(3, gate=gate))
    outcomes: list = []
    first.succeeded.connect(outcomes.append)
    first.progressed.connect(outcomes.append)
    with qtbot.waitSignal(first.started, timeout=5000):
        pass
    with qtbot.waitSignals([first.cancelled, first.finished], timeout=5000):
        started = time.monotonic()
        first.cancel()  # the job thread is blocked in gate.wait: no step boundary comes
    elapsed = time.monotonic() - started
    assert first.done and not runner.busy
    assert elapsed < 0.5, f"reported {elapsed:.2f} s after cancel, not at once"
    second = runner.submit("next", lambda: counting_job(2))
    with qtbot.waitSignal(second.succeeded, timeout=5000):
        gate.set()  # the old step ends; its thread takes the queued job
    assert not outcomes  # nothing of the cancelled job reached the window
