"""Kiosk mode in the window: full screen, no Quit, confined files, Reset to the start state."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QMessageBox

from neurolab.gui.tabs.activations import ActivationsTab
from tests.gui.qt_helpers import drop


@pytest.fixture
def kiosk(qtbot, tmp_path, monkeypatch):
    from neurolab.assets import resource_path
    from neurolab.core.kiosk import KioskPolicy, confine_writes
    from neurolab.gui import file_dialogs
    from neurolab.gui.app import create_window
    from neurolab.gui.kiosk import KioskSession

    material, out = tmp_path / "material", tmp_path / "out"
    material.mkdir()
    shutil.copy(resource_path("images") / "cat.jpg", material / "cat.jpg")
    for name in ("KERAS_HOME", "TMPDIR", "NEUROLAB_DATA_DIR", "NEUROLAB_CONFIG_DIR"):
        monkeypatch.setenv(name, os.environ.get(name, ""))  # restored after the test
    monkeypatch.setattr("tempfile.tempdir", None)
    policy = KioskPolicy(True, material, out)
    confine_writes(policy)
    file_dialogs.set_policy(policy)
    session = KioskSession(policy, create_window)
    with qtbot.waitSignal(session.window.ready, timeout=120_000):
        session.show()
    yield session, material, out, tmp_path
    session.window.kiosk_locked = False  # the session ends (logging off)
    session.window.close()
    file_dialogs.set_policy(KioskPolicy())


def test_full_screen_without_quit_or_downloads(kiosk):
    session, *_ = kiosk
    window = session.window
    assert window.isFullScreen()
    assert not window.quit_action.isEnabled() and window.quit_action.shortcut().isEmpty()
    assert not window.layers.download_button.isEnabled()
    assert window.kiosk_reset_button.isVisible()


def test_the_window_goes_back_to_full_screen_when_something_resizes_it(qtbot, kiosk):
    """Qt silently drops full screen on any resize (a longer text raising the layout's minimum
    size on a small screen did it when a model opened): the kiosk puts it back."""
    window = kiosk[0].window
    window.resize(900, 700)
    assert not window.isFullScreen()  # what Qt does
    qtbot.waitUntil(window.isFullScreen, timeout=2_000)


def test_files_from_outside_the_class_folder_are_refused_with_a_sentence(qtbot, kiosk):
    session, material, _out, tmp_path = kiosk
    window = session.window
    before = window.tab(ActivationsTab).image
    outside = tmp_path / "private.png"
    shutil.copy(material / "cat.jpg", outside)
    drop(window, str(outside))
    qtbot.waitUntil(window.error_bar.isVisible, timeout=10_000)
    assert "'private.png' is outside the class folder" in window.error_bar.text()
    assert window.tab(ActivationsTab).image is before
    with qtbot.waitSignal(window.tab(ActivationsTab).mosaic_shown, timeout=60_000):
        drop(window, str(material / "cat.jpg"))  # inside: opens


def test_dialogs_start_inside_and_step_back_when_led_out(qtbot, kiosk):
    from PySide6.QtWidgets import QFileDialog

    from neurolab.gui.file_dialogs import confined_dialog

    session, material, _out, tmp_path = kiosk
    dialog = confined_dialog(session.window, "Open image", "Images (*.jpg)", QFileDialog.AcceptOpen,
                             str(material))
    qtbot.addWidget(dialog)
    assert dialog.testOption(QFileDialog.DontUseNativeDialog)
    assert os.path.realpath(dialog.directory().absolutePath()) == os.path.realpath(material)
    dialog.directoryEntered.emit(str(tmp_path))  # what navigating to the parent does
    assert os.path.realpath(dialog.directory().absolutePath()) == os.path.realpath(material)


def confirmation(qtbot, window):
    """The question Reset asks before it deletes anything."""
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "kioskResetConfirm") is not None
                    and window.findChild(QMessageBox, "kioskResetConfirm").isVisible())
    return window.findChild(QMessageBox, "kioskResetConfirm")


def test_reset_asks_first_naming_the_folder_and_cancel_keeps_it(qtbot, kiosk):
    session, _material, out, _tmp = kiosk
    window = session.window
    (out / "student_work.png").write_bytes(b"png")
    window.kiosk_reset_button.click()
    box = confirmation(qtbot, window)
    assert str(out) in box.text()
    box.button(QMessageBox.Cancel).click()
    qtbot.wait(100)
    assert (out / "student_work.png").is_file() and session.window is window


def test_alt_f4_does_not_close_the_kiosk_window(qtbot, kiosk):
    session, *_ = kiosk
    window = session.window
    assert not window.close()  # what Alt+F4 asks of the window (through the window manager)
    assert window.isVisible() and "Reset" in window.statusBar().currentMessage()


def test_the_lab_offers_no_download_where_downloads_are_off(kiosk):
    session, *_ = kiosk
    note = session.window.lab.network_note.text()
    assert "Download ImageNet weights" not in note and "Downloads are off" in note


@pytest.mark.slow
def test_reset_returns_to_the_start_state_and_clears_the_output(qtbot, kiosk):
    session, material, out, _tmp = kiosk
    old = session.window
    with qtbot.waitSignal(old.tab(ActivationsTab).mosaic_shown, timeout=60_000):
        old.open_image(str(material / "cat.jpg"))
    old.tab(ActivationsTab).save_mosaic(str(out / "student_mosaic.png"))
    assert (out / "student_mosaic.png").is_file()
    old.kiosk_reset_button.click()
    box = confirmation(qtbot, old)
    with qtbot.waitSignal(session.window_replaced, timeout=10_000) as replaced:
        box.button(QMessageBox.Reset).click()
    new = replaced.args[0]
    with qtbot.waitSignal(new.ready, timeout=120_000):
        pass
    assert new is session.window and new is not old and not old.runner.is_running()
    assert not (out / "student_mosaic.png").exists()
    assert new.workspace.loaded.source == "bundled" or "shapes" in new.workspace.loaded.name
    assert new.tab(ActivationsTab).image is not None and new.isFullScreen()


CHILD = textwrap.dedent("""
    import json, os, sys
    allowed = [os.path.realpath(p) for p in sys.argv[1:3]] + ["/dev/", "/proc/", "/sys/"]
    writes = []

    def hook(event, args):
        if event == "open" and args and isinstance(args[0], (str, bytes)):
            path, mode, flags = args
            writing = (mode and any(c in mode for c in "wax+")) or (flags and flags & 0o3)
            if writing:
                writes.append(os.path.realpath(os.fsdecode(path)))
        elif event in ("os.mkdir", "os.remove", "os.rmdir", "os.rename", "shutil.rmtree"):
            path = os.fsdecode(args[0])
            dir_fd = args[-1] if event != "shutil.rmtree" else None
            if isinstance(dir_fd, int) and dir_fd >= 0 and not os.path.isabs(path):
                path = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), path)  # rmtree's way
            writes.append(os.path.realpath(path))

    from PySide6.QtCore import QTimer
    from neurolab.gui.app import application
    from neurolab.gui import file_dialogs
    from neurolab.core.kiosk import load_policy, confine_writes
    from neurolab.assets import resource_path

    policy = load_policy(True, default_folder=resource_path("images"))
    confine_writes(policy)
    file_dialogs.set_policy(policy)
    sys.addaudithook(hook)
    app = application()
    from neurolab.gui.app import create_window
    from neurolab.gui.kiosk import KioskSession
    from neurolab.gui.tabs import ActivationsTab, GanTab
    session = KioskSession(policy, create_window)
    steps = []

    def after_ready():
        window = session.window
        window.tab(ActivationsTab).save_mosaic(os.path.join(str(policy.output_folder), "m.png"))
        window.tab(GanTab).epochs.setValue(1)
        window.tab(GanTab)._on_dataset(__import__("neurolab.core.gan.data", fromlist=["x"])
                                   .builtin_dataset(n=64))
        window.tab(GanTab).finished.connect(lambda *_: QTimer.singleShot(0, reset)) if hasattr(
            window.tab(GanTab), "finished") else None
        window.tab(GanTab).start()
        QTimer.singleShot(20000, reset)

    def reset():
        if steps:
            return
        steps.append("reset")
        session.window_replaced.connect(lambda w: w.ready.connect(lambda: QTimer.singleShot(0, done)))
        session.reset()

    def done():
        session.close()
        app.exit(0)

    session.window.ready.connect(after_ready)
    session.show()
    QTimer.singleShot(120000, lambda: app.exit(1))
    app.exec()
    outside = sorted({w for w in writes if not any(w.startswith(a) for a in allowed)})
    print("RESULT" + json.dumps({"outside": outside, "writes": len(writes), "steps": steps}))
""")


@pytest.mark.slow(seconds=30)
def test_a_kiosk_session_writes_nothing_outside_its_output_folder(tmp_path):
    """Every file opened for writing (audit hook) during start, save, GAN training and Reset."""
    out, home = tmp_path / "out", tmp_path / "home"
    home.mkdir()
    admin = tmp_path / "kiosk.ini"
    admin.write_text(f"[kiosk]\nenabled = true\noutput_folder = {out}\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               NEUROLAB_KIOSK_CONFIG=str(admin))
    for name in ("KERAS_HOME", "TMPDIR", "NEUROLAB_DATA_DIR", "NEUROLAB_CONFIG_DIR",
                 "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join([os.getcwd(), env.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, "-c", CHILD, str(out), "/nonexistent"], env=env,
                          capture_output=True, text=True, timeout=300, cwd=os.getcwd())
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT")]
    assert lines, done.stderr[-3000:]
    result = json.loads(lines[-1][len("RESULT"):])
    assert result["steps"] == ["reset"] and result["writes"] > 0
    assert result["outside"] == [], result["outside"]
    assert not any(home.iterdir()), list(home.rglob("*"))
