"""Render what a user sees, one PNG per tab (and per Lab exercise), offscreen.

A fresh window (its own settings, the Lab open as on a first start) at a screen
size a class has (1366×768 by default), each tab of ``gui.tabs.TABS`` after its
default job (``Tab.run_default_job``) has run and every job has ended (no
half-done "computing…" in the picture); a tab that trains (the GAN) trains
briefly (``Tab.set_training_epochs``), so its samples are shown. With
``lab=True`` also the Lab panel at each exercise's final step, set up through
the Lab's own buttons. File names say the language, the size and what is shown:
``en-1366x768-tab2-adversarial.png``, ``cs-1366x768-lab3-fooling.png``.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer

from neurolab.core.errors import BadInputError, NeurolabError

READY_TIMEOUT_MS = 300_000
SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}
DEFAULT_SIZE = (1366, 768)
GAN_EPOCHS = 5  # a short real training: the GAN's samples are shapes, not the data


def _wait_for(signal, timeout_ms: int) -> bool:
    """Run the event loop until ``signal`` fires; False on timeout."""
    loop = QEventLoop()
    fired = []
    signal.connect(lambda *_: (fired.append(True), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    if not fired:
        loop.exec()
    return bool(fired)


def _wait_until(condition, timeout_ms: int = READY_TIMEOUT_MS) -> bool:
    """Run the event loop until ``condition()`` holds; False on timeout."""
    deadline = time.monotonic() + timeout_ms / 1000
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return True


def _wait_until_idle(window, app) -> None:
    """Every job ended and its last signals delivered, and no tab is still busy putting a
    result on screen (the Train tab's evaluation), the graph pane's graph built: no stale
    progress in the picture."""
    _wait_until(lambda: not window.runner.busy and not any(tab.busy() for tab in window.tab_list())
                and not window.layers.graph_building())
    for _ in range(5):
        app.processEvents()


def parse_size(text: str) -> tuple[int, int]:
    """'1366x768' → (1366, 768); a sentence for anything else."""
    match = re.fullmatch(r"\s*(\d{3,5})\s*[x×]\s*(\d{3,5})\s*", text)
    if not match:
        raise BadInputError(f"'{text}' is not a screen size; write it as WIDTHxHEIGHT, "
                            "e.g. 1366x768 or 1920x1080.")
    return int(match.group(1)), int(match.group(2))


@contextmanager
def _private_folders():
    """Settings and GAN checkpoints in a temporary folder: a screenshot changes nothing of the
    user's."""
    names = ("NEUROLAB_CONFIG_DIR", "NEUROLAB_DATA_DIR")
    previous = {name: os.environ.get(name) for name in names}
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            os.environ[name] = os.path.join(folder, name.lower())
        try:
            yield
        finally:
            for name, value in previous.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def render_screenshots(folder: str, *, model: str | None = None, image: str | None = None,
                       size: tuple[int, int] = DEFAULT_SIZE, sizes=None, lang: str | None = None,
                       langs=None, lab: bool = False, exercises=None,
                       gan_epochs: int = GAN_EPOCHS) -> list[str]:
    """Render each tab (and with ``lab`` each exercise's final step) per language and size.

    ``langs`` ("en", "cs"; ``lang`` for one) renders the window in those languages; English
    by default, whatever the desktop's language, so the pictures do not depend on the
    machine. ``exercises`` limits the Lab pictures to those keys (tests); ``gan_epochs`` is
    the GAN's short training.
    """
    from neurolab.gui.app import application
    from neurolab.gui.language import install_translator, remove_translators

    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInputError(f"Cannot create the folder '{folder}': {exc.strerror}.") from exc
    app = application()
    paths: list[str] = []
    for code in langs or [lang or "en"]:
        install_translator(app, code)
        try:
            for width, height in sizes or [size]:
                prefix = f"{code}-{width}x{height}"
                with _private_folders():
                    paths += _render(app, out, prefix, model, image, (width, height), lab,
                                     exercises, gan_epochs)
        finally:
            remove_translators(app)
    return paths


def _open_window(app, model, image, size):
    from neurolab.gui.app import create_window

    window = create_window(model=model, image=image)
    errors: list[str] = []
    window.home_tab().error.connect(errors.append)
    window.setWindowState(Qt.WindowNoState)  # the asked size, whatever the offscreen screen
    window.resize(*size)
    window.show()
    QTimer.singleShot(0, window.start)
    if not _wait_for(window.ready, READY_TIMEOUT_MS) and errors:
        window.close()
        raise NeurolabError(errors[0])
    _wait_until_idle(window, app)
    return window


def _render(app, out: Path, prefix: str, model, image, size, lab, exercises,
            gan_epochs) -> list[str]:
    window = _open_window(app, model, image, size)
    paths = []
    try:
        for number, tab in enumerate(window.tab_list(), start=1):
            window.show_tab(tab)
            tab.set_training_epochs(gan_epochs)
            tab.run_default_job()  # e.g. the Adversarial tab attacks its image
            _wait_until_idle(window, app)
            path = out / f"{prefix}-tab{number}-{tab.key}.png"
            window.picture().save(str(path))
            paths.append(str(path))
        if lab:
            paths += _lab_screenshots(window, app, out, prefix, exercises, gan_epochs)
    finally:
        window.runner.cancel_all()
        window.close()
        app.processEvents()
    return paths


def _click_step(panel, exercise: str, step: int) -> None:
    """Press a step's set-up button and wait until the step is set up (or says why not)."""
    landed: list[bool] = []

    def land(*_args) -> None:
        landed.append(True)

    panel.step_ready.connect(land)
    panel.step_failed.connect(land)
    try:
        panel.press(exercise, step)
        _wait_until(lambda: bool(landed))
    finally:
        panel.step_ready.disconnect(land)
        panel.step_failed.disconnect(land)


def _lab_screenshots(window, app, out: Path, prefix: str, exercises, gan_epochs) -> list[str]:
    """Each exercise walked through the Lab's buttons, pictured at its final step."""
    panel = window.lab
    panel.show()
    for tab in window.tab_list():
        tab.set_training_epochs(gan_epochs)
    paths = []
    for number, exercise in enumerate(panel.exercise_list, start=1):
        if exercises is not None and exercise.key not in exercises:
            continue
        for step in range(len(exercise.steps)):
            _click_step(panel, exercise.key, step)
            _wait_until_idle(window, app)
        path = out / f"{prefix}-lab{number}-{exercise.key}.png"
        window.picture().save(str(path))
        paths.append(str(path))
    return paths
