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


def pytest_collection_modifyitems(config, items):
    """A test that uses ``wild_models`` is ``slow``: the files are written by a fresh process
    (tf-keras, ~15 s on 2 cores, once per session)."""
    for item in items:
        if "wild_models" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


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


def pytest_sessionfinish(session, exitstatus):
    """Fail the run when it leaves a process behind (a helper process nobody ended, a
    window's process still running): a leftover here is one in a classroom too."""
    left = _processes_left()
    if not left:
        return
    text = "processes left behind by the tests: " + "; ".join(
        f"{pid} {command[:160]}" for pid, command in sorted(left.items()))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(text, red=True)
    else:
        print(text)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
