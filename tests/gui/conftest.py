"""GUI fixtures: fail any test that leaves a job thread running (napari's guard)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_dangling_job_threads(qapp):
    yield
    from neurolab.gui.worker import live_runners

    leftover = live_runners()
    for runner in leftover:
        runner.shutdown()
    assert not leftover, f"{len(leftover)} job thread(s) left running by this test"
