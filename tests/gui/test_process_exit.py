"""Closing the window ends the process and every helper process it started, within 2 s.

A real ``python -m neurolab``: a ``sitecustomize`` on its path (this test's only hook) starts
the GAN's built-in data drawing once the window is ready and closes the window as soon as the
first chunk is drawn, when the drawing processes wait for, or draw, the next ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

HOOK = textwrap.dedent("""
    import os, time

    if os.environ.pop("NEUROLAB_TEST_CLOSE_DURING", "") == "gan data":  # spawned helpers: no hook
        import neurolab.gui.app as app
        from PySide6.QtCore import QTimer
        from neurolab.gui.tabs.gan import GanTab
        from tests.helpers import child_processes

        create_window = app.create_window

        def hooked_create_window(**kwargs):
            window = create_window(**kwargs)

            def close_when_drawn(event):
                if "drawing" in event.stage and 0 < event.step < event.total and window.isVisible():
                    children = " ".join(map(str, child_processes()))
                    print("closing", time.time(), "children", children, flush=True)
                    window.close()

            def start_drawing():
                window.runner.submitted.connect(
                    lambda handle: handle.progressed.connect(close_when_drawn))
                window.tab(GanTab).load_data()

            window.ready.connect(lambda: QTimer.singleShot(0, start_drawing))
            QTimer.singleShot(120_000, window.close)  # a drawing that never starts must still end
            return window

        app.create_window = hooked_create_window
""")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the data is drawn in this process")
@pytest.mark.slow
def test_closing_the_window_while_the_gan_draws_its_data_ends_every_process(tmp_path):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROLAB_CONFIG_DIR=str(tmp_path / "cfg"),
               NEUROLAB_DATA_DIR=str(tmp_path / "data"), NEUROLAB_TEST_CLOSE_DURING="gan data")
    env["PYTHONPATH"] = os.pathsep.join([str(hook), os.getcwd(), env.get("PYTHONPATH", "")])
    out, err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with open(out, "w") as stdout, open(err, "w") as stderr:  # files: helpers may inherit them
        window = subprocess.Popen([sys.executable, "-m", "neurolab", "gui", "--model", "shapes"],
                                  stdout=stdout, stderr=stderr, env=env, cwd=os.getcwd())
        try:
            window.wait(timeout=180)
        except subprocess.TimeoutExpired:
            window.kill()
            window.wait()
            pytest.fail(f"the window's process did not exit: {err.read_text()[-2000:]}")
        window_ended = time.time()
    closing = [line.split() for line in out.read_text().splitlines() if line.startswith("closing")]
    assert closing, f"the drawing never started:\n{err.read_text()[-2000:]}"
    closed_at, helpers = float(closing[0][1]), [int(pid) for pid in closing[0][3:]]
    assert helpers, "the drawing ran in no helper process: nothing to check"
    while any(map(_alive, helpers)) and time.time() < closed_at + 2.0:
        time.sleep(0.05)
    left = [pid for pid in helpers if _alive(pid)]
    for pid in left:  # do not leave them to the next test
        os.kill(pid, 9)
    assert window.returncode == 0, err.read_text()[-2000:]
    assert window_ended - closed_at < 2.0, f"exited {window_ended - closed_at:.2f} s after the close"
    assert not left, f"helper processes {left} still alive 2 s after the window closed"
