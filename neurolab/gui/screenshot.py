"""Render the window, one PNG per tab, after its default job has run (offscreen)."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer

from neurolab.core.errors import BadInputError, NeurolabError

READY_TIMEOUT_MS = 300_000


def _wait_for(signal, timeout_ms: int) -> bool:
    """Run the event loop until ``signal`` fires; False on timeout."""
    loop = QEventLoop()
    fired = []
    signal.connect(lambda *_: (fired.append(True), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    if not fired:
        loop.exec()
    return bool(fired)


def _wait_for_job(tab) -> None:
    done = tab.run_default_job()
    if done is not None:
        _wait_for(done, READY_TIMEOUT_MS)


def _wait_until_idle(window, app) -> None:
    """Let finished jobs' last signals arrive so the status bar shows no stale progress."""
    if window.runner.busy:
        _wait_for(window.runner.busy_changed, READY_TIMEOUT_MS)
    for _ in range(3):
        app.processEvents()


def _lab_screenshot(window, app, path: Path, width: int = 1640) -> str:
    """The Lab panel open at exercise 2, its first step set up (the flower's first convolution).

    A little wider than the tab pictures: three panes side by side want a full-HD-like screen.
    """
    window.resize(max(width, window.width()), window.height())
    window.lab.show()
    window.resizeDocks([window.layers_dock, window.lab], [480, 300], Qt.Horizontal)
    landed: list[bool] = []
    window.lab.step_ready.connect(lambda *_: landed.append(True))
    window.lab.run_step("filters", 0)
    if not landed:
        _wait_for(window.lab.step_ready, READY_TIMEOUT_MS)
    _wait_until_idle(window, app)
    window.grab().save(str(path))
    return str(path)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _tab_slug(window, index: int) -> str:
    """The file name of a tab: the same in every language ("3-style-transfer.png")."""
    known = {id(window.activations): "activations", id(window.adversarial): "adversarial",
             id(window.style_tab): "style-transfer", id(window.gan_tab): "gan"}
    return known.get(id(window.tabs.widget(index))) or _slug(window.tabs.tabText(index))


def render_screenshots(folder: str, *, model: str | None = None, image: str | None = None,
                       size: tuple[int, int] = (1400, 860), lang: str | None = None) -> list[str]:
    """Open a fresh window (own settings), wait until it is ready, save each tab.

    ``lang`` ("cs", "en") renders the window in that language; English by default,
    whatever the desktop's language, so the pictures do not depend on the machine.
    """
    from neurolab.gui.app import application, create_window, install_translator, remove_translators

    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInputError(f"Cannot create the folder '{folder}': {exc.strerror}.") from exc
    app = application()
    if lang:
        install_translator(app, lang)
    try:
        return _render(app, out, create_window, model, image, size)
    finally:
        if lang:
            remove_translators(app)


def _render(app, out: Path, create_window, model, image, size) -> list[str]:
    with tempfile.TemporaryDirectory() as config:
        previous = os.environ.get("NEUROLAB_CONFIG_DIR")
        os.environ["NEUROLAB_CONFIG_DIR"] = config  # a screenshot never changes the user's settings
        try:
            window = create_window(model=model, image=image)
        finally:
            if previous is None:
                os.environ.pop("NEUROLAB_CONFIG_DIR", None)
            else:
                os.environ["NEUROLAB_CONFIG_DIR"] = previous
        errors: list[str] = []
        window.activations.error.connect(errors.append)
        window.resize(*size)
        window.show()
        QTimer.singleShot(0, window.start)
        if not _wait_for(window.ready, READY_TIMEOUT_MS) and errors:
            window.close()
            raise NeurolabError(errors[0])
        app.processEvents()
        paths = []
        window.lab.hide()  # the tabs alone; the Lab panel has a picture of its own (last)
        window.resizeDocks([window.layers_dock], [520], Qt.Horizontal)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            tab = window.tabs.widget(index)
            if hasattr(tab, "run_default_job"):  # e.g. the Adversarial tab attacks its image
                _wait_for_job(tab)
            _wait_until_idle(window, app)
            path = out / f"{index + 1}-{_tab_slug(window, index)}.png"
            window.grab().save(str(path))
            paths.append(str(path))
        paths.append(_lab_screenshot(window, app, out / f"{window.tabs.count() + 1}-lab.png"))
        window.close()
        app.processEvents()
    return paths
