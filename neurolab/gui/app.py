"""The Qt application: settings, translations, the window, start-up timings.

Nothing here imports TensorFlow: the window is shown first and the model job
(which imports TensorFlow on the worker thread) starts from the event loop.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from neurolab.assets import resource_path

ORGANIZATION = "neurolab"
APPLICATION = "neurolab"


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (created on first use)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APPLICATION)
    return app


#: Everything the window stores: paths and choices, nothing else.
SETTINGS_KEYS = {"geometry", "state", "activations_splitter", "native_size", "model", "image"}


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
    return settings.status() != QSettings.NoError or not set(settings.allKeys()) <= SETTINGS_KEYS


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
            f"The settings file '{path}' is damaged and cannot be moved; this session starts "
            f"from the default settings and keeps none.")
    return _settings_at(), (f"The settings file was damaged, so neurolab started from the "
                            f"default settings; the old file is kept as '{aside}'.")


def install_translator(app: QApplication, lang: str | None) -> QTranslator | None:
    """Load ``resources/translations/neurolab_<lang>.qm``; the system language by default."""
    lang = lang or QLocale.system().name().split("_")[0]
    translator = QTranslator(app)
    if translator.load(f"neurolab_{lang}", str(resource_path("translations"))):
        app.installTranslator(translator)
        return translator
    return None


def create_window(*, model: str | None = None, image: str | None = None,
                  started_at: float | None = None):
    from neurolab.gui.main_window import MainWindow

    settings, notice = open_settings()
    window = MainWindow(settings, model=model, image=image, started_at=started_at)
    if notice:
        window.show_error(notice)
    return window


def run_gui(*, image: str | None = None, model: str | None = None, kiosk: bool = False,
            lang: str | None = None, exit_when_ready: bool = False) -> int:
    """Open the window; with ``exit_when_ready`` print start-up timings and exit 0."""
    started_at = time.perf_counter()
    app = application()
    install_translator(app, lang)
    window = create_window(model=model, image=image, started_at=started_at)
    app.aboutToQuit.connect(window.runner.shutdown)  # no thread outlives the event loop
    if kiosk:
        window.showFullScreen()
    else:
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
        window.activations.error.connect(give_up)
        window.model_failed.connect(give_up)
    code = app.exec()
    return leave(code, window.runner)


def leave(code: int, runner) -> int:
    """Return ``code``, or end the process now if a job step still holds the job thread.

    Closing cancels every job, but one TensorFlow call cannot be interrupted.
    Waiting for it would keep a closed window's process alive; letting Python
    tear down a running QThread aborts ("QThread destroyed while running").
    Settings are already written by then, so the process ends at once instead.
    """
    if runner.shutdown(timeout_ms=500):
        return code
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
