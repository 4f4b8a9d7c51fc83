"""The Qt application: settings, the window, start-up timings (the language: gui.language).

Nothing here imports TensorFlow: the window is shown first and the model job
(which imports TensorFlow on the worker thread) starts from the event loop.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from neurolab.assets import resource_path
from neurolab.gui.language import apply_stored_language, install_translator

ORGANIZATION = "neurolab"
APPLICATION = "neurolab"


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (created on first use)."""
    app = QApplication.instance()
    if app is None:
        # High-DPI screens (125 %, 150 %, 200 %): scale by the exact factor, no rounding to whole
        # numbers, so text and images stay sharp; must be set before the application exists.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else [sys.argv[0]])
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APPLICATION)
    return app


#: What the window itself stores (each tab adds its own keys, ``Tab.settings_keys``).
WINDOW_SETTINGS_KEYS = frozenset({"geometry", "state", "model", "image", "lab_open", "language",
                                  "zoom", "preprocessing", "precision", "layer_graph", "layer_graph_split"})


def settings_keys() -> frozenset[str]:
    """Everything the window and its tabs store: paths and choices, nothing else."""
    from neurolab.gui.tabs import tab_classes

    return WINDOW_SETTINGS_KEYS.union(*(tab.settings_keys for tab in tab_classes()))


def _settings_at() -> QSettings:
    folder = os.environ.get("NEUROLAB_CONFIG_DIR")
    if folder:
        return QSettings(str(Path(folder) / "neurolab.ini"), QSettings.IniFormat)
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)


def _damaged(settings: QSettings) -> bool:
    """Unreadable, not UTF-8 text, or holding keys neurolab never writes."""
    path = Path(settings.fileName())
    if not path.is_file():
        return False
    try:
        path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return True
    return settings.status() != QSettings.NoError or not set(settings.allKeys()) <= settings_keys()


def open_settings() -> tuple[QSettings, str]:
    """Per-user settings and a notice (empty when all is well).

    ``NEUROLAB_CONFIG_DIR`` puts them in a folder of its own (tests, kiosks).
    A damaged file is moved aside (``.damaged``) and the window starts from
    defaults, saying so.
    """
    settings = _settings_at()
    if not _damaged(settings):
        return settings, ""
    path = Path(settings.fileName())
    del settings
    aside = path.with_name(path.name + ".damaged")
    try:
        os.replace(path, aside)
    except OSError:
        return QSettings(str(Path(tempfile.mkdtemp()) / "neurolab.ini"), QSettings.IniFormat), (
            QCoreApplication.translate(
                "Settings", "The settings file '{0}' is damaged and cannot be moved; this session "
                "starts from the default settings and keeps none.").format(path))
    return _settings_at(), QCoreApplication.translate(
        "Settings", "The settings file was damaged, so neurolab started from the default settings; "
        "the old file is kept as '{0}'.").format(aside)


def create_window(*, model: str | None = None, image: str | None = None,
                  started_at: float | None = None):
    from neurolab.gui.main_window import MainWindow

    settings, notice = open_settings()
    apply_stored_language(application(), settings)
    window = MainWindow(settings, model=model, image=image, started_at=started_at)
    if notice:
        window.show_error(notice)
    return window


# --- the platform plugin ------------------------------------------------------

#: The library Qt's xcb plugin (X11 on Linux) cannot start without; fresh desktops often lack it.
XCB_CURSOR_LIBRARY = "libxcb-cursor.so.0"
XCB_CURSOR_MISSING = (
    "The window needs the system library libxcb-cursor, which is not installed: on Debian or "
    "Ubuntu run `sudo apt-get install libxcb-cursor0`, on Fedora `sudo dnf install xcb-util-cursor`.")


def _library_loads(name: str) -> bool:
    """Whether the dynamic loader finds ``name``, as Qt's plugin will look for it."""
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _uses_xcb(platform: str, environ) -> bool:
    """Qt picks xcb on Linux with an X display, unless QT_QPA_PLATFORM names another plugin."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    return (platform.startswith("linux") and bool(environ.get("DISPLAY"))
            and chosen in ("", "xcb"))


def missing_platform_library(platform: str | None = None, environ=None) -> str:
    """The sentence to print instead of Qt's abort when xcb would fail to load; "" when fine.

    Checked before the QApplication exists: once Qt has tried the plugin it aborts the process.
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if _uses_xcb(platform, environ) and not _library_loads(XCB_CURSOR_LIBRARY):
        return XCB_CURSOR_MISSING
    return ""


def run_gui(*, image: str | None = None, model: str | None = None, kiosk: bool = False,
            lang: str | None = None, exit_when_ready: bool = False) -> int:
    """Open the window; with ``exit_when_ready`` print start-up timings and exit 0."""
    from neurolab.core.kiosk import confine_writes, load_policy
    from neurolab.gui import file_dialogs

    started_at = time.perf_counter()
    missing = missing_platform_library()
    if missing and QApplication.instance() is None:
        print(f"neurolab: {missing}", file=sys.stderr)
        return 2
    policy = load_policy(kiosk, default_folder=resource_path("images"))  # the admin's file wins
    confine_writes(policy)  # kiosk: settings, Keras, temporary files all in the output folder
    file_dialogs.set_policy(policy)
    app = application()
    install_translator(app, lang)
    if policy.enabled:
        from neurolab.gui.kiosk import KioskSession

        session = KioskSession(policy, lambda: create_window(model=model, image=image))
        session.window.started_at = started_at
        session.show()
        app.aboutToQuit.connect(lambda: session.window.runner.shutdown())
        code = app.exec()
        return leave(code, session.window.runner)
    window = create_window(model=model, image=image, started_at=started_at)
    app.aboutToQuit.connect(window.runner.shutdown)  # no thread outlives the event loop
    window.show()
    app.processEvents()
    QTimer.singleShot(0, window.start)
    if exit_when_ready:
        def report() -> None:
            print(json.dumps({"timings": window.timings}, indent=None))
            window.close()

        def give_up(message: str) -> None:
            print(f"neurolab: {message}", file=sys.stderr)
            app.exit(1)

        window.ready.connect(report)
        window.start_image_failed.connect(give_up)
        window.home_tab().error.connect(give_up)
        window.model_failed.connect(give_up)
    code = app.exec()
    return leave(code, window.runner)


def leave(code: int, runner) -> int:
    """End the process with ``code`` as soon as the window has closed.

    Settings are written by then. Python's normal teardown with TensorFlow
    loaded takes over a second, and if one TensorFlow call still holds the job
    thread (it cannot be interrupted) tearing down that QThread aborts ("QThread
    destroyed while running"). So the process ends without the slow teardown;
    when the job thread has stopped, the exit handlers run first (temporary
    files are removed, logs flushed) -- not while TensorFlow works on another
    thread, whose libraries they would tear down under it. Helper processes
    (the GAN's data drawing) are killed first: nothing else would end them.
    """
    stopped = runner.shutdown(timeout_ms=200)
    gan_data = sys.modules.get("neurolab.core.gan.data")
    if gan_data is not None:  # helper processes drawing the GAN's data end with the window
        gan_data.stop_drawing()
    if stopped:
        atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
