"""Shared fixtures: quiet TensorFlow, offscreen Qt, per-test settings, small models."""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Every test gets its own settings folder and an empty Keras cache."""
    monkeypatch.setenv("NEUROLAB_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def offline_keras(tmp_path, monkeypatch):
    """No network (a proxy on a closed port) and an empty Keras cache."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    for var in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(var, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NEUROLAB_OFFLINE", raising=False)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config):
    """``-n auto`` (pyproject.toml): one worker per core, at most four. Each worker holds its own
    TensorFlow (about 1 GiB), and TensorFlow already spreads one test's arithmetic over the
    cores, so more workers than cores only adds memory."""
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else os.cpu_count() or 1))


def pytest_collection_modifyitems(config, items):
    """A test that uses ``wild_models`` is ``slow``: the files are written by a fresh process
    (tf-keras, ~15 s on 2 cores, once per session). Then the files with the most slow tests
    go first, so pytest-xdist's workers start the long ones early and end together on the
    quick ones (``--no-loadscope-reorder`` in pyproject.toml keeps this order)."""
    for item in items:
        if "wild_models" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
    cost: dict[str, float] = {}
    for item in items:
        file = item.nodeid.split("::")[0]
        cost[file] = cost.get(file, 0.0) + _seconds(item)
    items.sort(key=lambda item: -cost[item.nodeid.split("::")[0]])  # stable: a file keeps its order


def _seconds(item) -> float:
    """About how long a test takes on 2 cores: ``slow(seconds=N)`` where it says, 10 s for
    another slow test, 0.5 s for a quick one."""
    slow = item.get_closest_marker("slow")
    return 0.5 if slow is None else float(slow.kwargs.get("seconds", 10))


@pytest.fixture(scope="session")
def wild_models(tmp_path_factory):
    """Keras 2 files as other tools write them (``tests/fixtures/wild_models.py``, its docstring
    names each): name → path. Written once per session by tf-keras in a subprocess, so this
    process never imports Keras 2; skipped where tf-keras is not installed."""
    import importlib.util
    import subprocess
    import sys
    from pathlib import Path

    from tests.fixtures.wild_models import FILES

    if importlib.util.find_spec("tf_keras") is None:
        pytest.skip("tf-keras is not installed (pip install tf-keras, or the 'test' extra): it writes "
                    "the Keras 2 files these tests load")
    folder = tmp_path_factory.mktemp("wild_models")
    script = Path(__file__).parent / "fixtures" / "wild_models.py"
    result = subprocess.run([sys.executable, str(script), str(folder)], capture_output=True, text=True,
                            timeout=300, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3",
                                              "CUDA_VISIBLE_DEVICES": ""})
    if result.returncode != 0:
        pytest.fail(f"tests/fixtures/wild_models.py failed:\n{result.stderr[-3000:]}")
    return {name: folder / relative for name, relative in FILES.items()}


@pytest.fixture(scope="session")
def shape_files(tmp_path_factory):
    """The models of ``tests/shape_models.py`` (any input shape, several outputs, a map output)
    saved once per session as .keras files: name → path."""
    from tests.shape_models import MODEL_BUILDERS

    folder = tmp_path_factory.mktemp("shape_models")
    files = {}
    for name, build in MODEL_BUILDERS.items():
        files[name] = str(folder / f"{name}.keras")
        build().save(files[name])
    return files


# --- no process left behind ------------------------------------------------------------------

def _stop_resource_tracker() -> None:
    """multiprocessing's resource tracker lives exactly as long as this process (it ends when
    its pipe closes at exit, unless a helper process that shares the pipe is still alive); stop
    it now so that what remains below is what the tests left behind."""
    import sys

    tracker = sys.modules.get("multiprocessing.resource_tracker")
    stop = getattr(getattr(tracker, "_resource_tracker", None), "_stop", None)
    if stop is not None:
        stop()


def _processes_left(wait_s: float = 5.0) -> dict[int, str]:
    """The test run's live descendants, after giving the last ones ``wait_s`` to end."""
    import gc
    import time

    from tests.helpers import child_processes

    gc.collect()  # pools and queues nobody holds any more are finalised now
    _stop_resource_tracker()
    deadline = time.monotonic() + wait_s
    while (left := child_processes()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _xdist_controller(config) -> bool:
    """True in the process that hands tests to pytest-xdist's workers and runs none itself."""
    return getattr(config.option, "dist", "no") != "no" and not hasattr(config, "workerinput")


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """A worker's leftovers travel to the controller in its output (an orphan of a worker is
    no longer the controller's descendant, so only the worker can see it)."""
    text = getattr(node, "workeroutput", {}).get("processes_left")
    if text:
        node.config.stash.setdefault(_LEFT_KEY, []).append(text)


_LEFT_KEY = pytest.StashKey[list]()


def pytest_sessionfinish(session, exitstatus):
    """Fail the run when it leaves a process behind (a helper process nobody ended, a
    window's process still running): a leftover here is one in a classroom too. Each
    pytest-xdist worker checks its own descendants; the controller reports them."""
    config = session.config
    if _xdist_controller(config):
        texts = config.stash.get(_LEFT_KEY, [])
    else:
        left = _processes_left()
        texts = ["processes left behind by the tests: " + "; ".join(
            f"{pid} {command[:160]}" for pid, command in sorted(left.items()))] if left else []
        if texts and hasattr(config, "workeroutput"):
            config.workeroutput["processes_left"] = texts[0]
    if not texts:
        return
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    for text in texts:
        if reporter is not None:
            reporter.write_line(text, red=True)
        else:
            print(text)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
