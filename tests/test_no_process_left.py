"""The test run fails when it leaves a process behind (tests/conftest.py, pytest_sessionfinish)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

LEAVES_A_PROCESS = """
import subprocess, sys

def test_starts_a_process_and_forgets_it():
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
"""

CLEAN = """
import subprocess, sys

def test_starts_a_process_and_waits_for_it():
    subprocess.run([sys.executable, "-c", "pass"], check=True)
"""


@pytest.fixture
def inner_run(pytester, monkeypatch):
    """A separate pytest process using this suite's conftest, on a test file of our own."""
    root = Path(__file__).resolve().parents[1]
    pytester.makeconftest((root / "tests" / "conftest.py").read_text(encoding="utf-8"))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]))
    return pytester


# The suite runs on pytest-xdist's workers (pyproject.toml); an orphan of a worker is no longer
# the controller's descendant, so the worker's own check has to reach the controller's verdict.
RUNS = [pytest.param([], id="one process"), pytest.param(["-n", "2"], id="xdist workers")]


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
@pytest.mark.slow
@pytest.mark.parametrize("run", RUNS)
def test_a_run_that_leaves_a_process_behind_fails(inner_run, run):
    inner_run.makepyfile(LEAVES_A_PROCESS)
    result = inner_run.runpytest_subprocess("-p", "no:cacheprovider", "-q", *run)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*processes left behind by the tests*time.sleep(60)*"])
    for line in result.stdout.lines:  # end the forgotten process: it is ours
        if "processes left behind" in line:
            os.kill(int(line.split(": ", 1)[1].split()[0]), 9)


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_a_clean_run_passes(inner_run):
    inner_run.makepyfile(CLEAN)
    result = inner_run.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    assert result.ret == pytest.ExitCode.OK
    assert "left behind" not in result.stdout.str()
