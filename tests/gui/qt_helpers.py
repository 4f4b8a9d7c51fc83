"""What several window tests do: open a started window, drop a file, read the layer tree."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent


def started_window(qtbot, model: str | None = None):
    """A shown window on ``model`` (the bundled one by default), its first mosaic on screen."""
    from neurolab.gui.app import create_window

    window = create_window(model=model)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.start()  # opens the model and the first sample image
    return window


def drop(window, path: str) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path)])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)


def tree_names(window) -> list[str]:
    tree = window.layers.tree
    return [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
