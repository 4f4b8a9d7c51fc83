"""The Qt application: settings, translations, the window, start-up timings.

Nothing here imports TensorFlow: the window is shown first and the model job
(which imports TensorFlow on the worker thread) starts from the event loop.
"""

from __future__ import annotations

import json
import os
import sys
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


def open_settings() -> QSettings:
    """Per-user settings; ``NEUROLAB_CONFIG_DIR`` puts them in a folder of its own (tests, kiosks)."""
    folder = os.environ.get("NEUROLAB_CONFIG_DIR")
    if folder:
        return QSettings(str(Path(folder) / "neurolab.ini"), QSettings.IniFormat)
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)


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

    return MainWindow(open_settings(), model=model, image=image, started_at=started_at)


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
    return app.exec()
