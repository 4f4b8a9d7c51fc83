"""Finished jobs let go of their inputs and results (the soak's leak, found by benchmarks/soak.py)."""

from __future__ import annotations

import gc
import weakref


class _Payload:
    """Stands for an ActivationResult (up to the 1 GiB budget of activations)."""


def _returning(value):
    from neurolab.core.jobs import Progress

    yield Progress(0, 1, "working")
    return value


def test_a_replaced_latest_job_lets_go_of_its_input_and_result(qtbot):
    from neurolab.gui.worker import JobRunner, LatestJob

    runner = JobRunner()
    try:
        latest = LatestJob(runner, "activations")
        delivered: list = []
        photo_in, result_out = _Payload(), _Payload()
        refs = weakref.ref(photo_in), weakref.ref(result_out)
        latest.start(lambda p=photo_in, r=result_out: _returning((p, r)), delivered.append)
        del photo_in, result_out
        qtbot.waitUntil(lambda: len(delivered) == 1, timeout=5000)
        delivered.clear()
        latest.start(lambda: _returning(None), delivered.append)  # the next photo
        qtbot.waitUntil(lambda: len(delivered) == 1, timeout=5000)
        qtbot.waitUntil(lambda: gc.collect() >= 0 and [ref() for ref in refs] == [None, None],
                        timeout=5000)
    finally:
        assert runner.shutdown()


