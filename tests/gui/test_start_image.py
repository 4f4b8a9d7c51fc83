"""Start-up with an image that cannot be read, and without the library Qt's X11 plugin needs."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from neurolab.gui.tabs.activations import ActivationsTab


@pytest.fixture
def text_named_jpg(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("not a picture, just text\n")
    return path


@pytest.mark.parametrize("kind", ["missing", "text"])
@pytest.mark.slow
def test_exit_when_ready_with_a_bad_start_image_exits_promptly_with_its_sentence(
        tmp_path, text_named_jpg, kind):
    image = "MISSING.jpg" if kind == "missing" else str(text_named_jpg)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROLAB_CONFIG_DIR=str(tmp_path / "cfg"))
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "neurolab", "gui", image, "--exit-when-ready"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode != 0, result.stderr[-2000:]
    assert time.monotonic() - started < 60
    named = "MISSING.jpg" if kind == "missing" else "notes.jpg"
    assert named in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]


@pytest.mark.parametrize("kind", ["missing", "text"])
def test_a_bad_start_image_is_said_and_the_sample_photo_shown(qtbot, model_file, tmp_path,
                                                              text_named_jpg, english, kind):
    from neurolab.assets import sample_images
    from neurolab.gui.app import create_window

    image = str(tmp_path / "gone.jpg") if kind == "missing" else str(text_named_jpg)
    window = create_window(model=model_file, image=image)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.start()
    assert window.tab(ActivationsTab).image_name == str(sample_images()[0])
    assert window.tab(ActivationsTab).mosaic is not None
    assert "waiting for activations" not in window.tab(ActivationsTab).title.text()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    assert window.error_bar.isVisible() and os.path.basename(image) in window.error_bar.text()
    window.close()


# --- libxcb-cursor ---------------------------------------------------------------------------

@pytest.mark.parametrize("platform,environ,loads,says", [
    ("linux", {"DISPLAY": ":0"}, False, True),
    ("linux", {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, False, True),
    ("linux", {"DISPLAY": ":0"}, True, False),
    ("linux", {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False, False),
    ("linux", {"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}, False, False),
    ("linux", {}, False, False),
    ("win32", {"DISPLAY": ":0"}, False, False),
    ("darwin", {"DISPLAY": ":0"}, False, False),
])
def test_a_missing_xcb_cursor_library_is_detected_only_where_qt_uses_xcb(
        monkeypatch, platform, environ, loads, says):
    from neurolab.gui import app

    looked_up = []
    monkeypatch.setattr(app, "_library_loads", lambda name: looked_up.append(name) or loads)
    message = app.missing_platform_library(platform, environ)
    assert bool(message) == says
    if says:
        assert looked_up == ["libxcb-cursor.so.0"]
        assert "sudo apt-get install libxcb-cursor0" in message and "xcb-util-cursor" in message


def test_the_library_lookup_finds_a_present_library_and_not_an_absent_one():
    from neurolab.gui.app import _library_loads

    assert _library_loads("libc.so.6")
    assert not _library_loads("libneurolab-no-such-library.so.0")


def test_neurolab_prints_one_sentence_and_exits_2_without_libxcb_cursor(tmp_path):
    """A real ``neurolab --kiosk`` on an X display with the lookup faked: no Qt abort text."""
    script = ("import sys, neurolab.gui.app as app, neurolab.cli as cli\n"
              "app._library_loads = lambda name: False\n"
              "sys.exit(cli.main(['gui', '--lang', 'cs']))\n")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=":99", NEUROLAB_CONFIG_DIR=str(tmp_path / "cfg"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 2, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "libxcb-cursor0" in lines[0] and "plugin" not in lines[0], lines
