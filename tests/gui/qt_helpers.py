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


def clipped_texts(root) -> list[str]:
    """Every visible text under ``root`` that does not fit its widget, as 'Class "text" (need/have px)'.

    What a student at 1366×768 sees as a cut-off word: labels without word wrap,
    buttons, check boxes, radio buttons, combo boxes (their longest item), group
    box and tool box titles, tab titles, progress bar texts, and scroll areas that
    need a horizontal scroll bar. Call it on a shown window after a layout pass.
    """
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractScrollArea,
        QComboBox,
        QGroupBox,
        QLabel,
        QProgressBar,
        QPushButton,
        QTabBar,
        QToolBox,
        QToolButton,
        QWidget,
    )

    found: list[str] = []

    def report(widget, text: str, need: int, have: int) -> None:
        found.append(f'{type(widget).__name__} {widget.objectName() or ""} "{text}" ({need}/{have} px)')

    def text_width(widget, text: str) -> int:
        return widget.fontMetrics().horizontalAdvance(text.replace("&&", "\0").replace("&", "")
                                                      .replace("\0", "&"))

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or widget.wordWrap() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            if "<" in text:  # rich text: the document's own width
                continue
            have = widget.contentsRect().width() - 2 * widget.margin() - widget.indent() * 0
            for line in text.split("\n"):
                need = text_width(widget, line)
                if need > have + 1:
                    report(widget, line, need, have)
        elif isinstance(widget, (QPushButton, QToolButton)) or (
                isinstance(widget, QAbstractButton) and not isinstance(widget, QPushButton)):
            if not widget.text():
                continue
            hint = widget.minimumSizeHint() if isinstance(widget, QPushButton) else widget.sizeHint()
            if hint.width() > widget.width() + 1:
                report(widget, widget.text(), hint.width(), widget.width())
        elif isinstance(widget, QComboBox):  # every item: the student may pick any of them
            for i in range(widget.count()):
                text = widget.itemText(i)
                # measured as Qt measures its own size hint (the ink's bounding box)
                need = _combo_width(widget, widget.fontMetrics().boundingRect(text).width())
                if text and need > widget.width():
                    report(widget, text, need, widget.width())
        elif isinstance(widget, QGroupBox) and widget.title():
            need = text_width(widget, widget.title()) + 16
            if need > widget.width() + 1:
                report(widget, widget.title(), need, widget.width())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.tabRect(i).width() < widget.tabSizeHint(i).width() - 1:
                    report(widget, widget.tabText(i), widget.tabSizeHint(i).width(), widget.tabRect(i).width())
        elif isinstance(widget, QToolBox):
            for i in range(widget.count()):
                need = text_width(widget, widget.itemText(i)) + 24
                if need > widget.width() + 1:
                    report(widget, widget.itemText(i), need, widget.width())
        elif isinstance(widget, QProgressBar) and widget.isTextVisible() and widget.text():
            need = text_width(widget, widget.text()) + 8
            if need > widget.width() + 1:
                report(widget, widget.text(), need, widget.width())
        if isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().isVisible() and \
                widget.property("allowHorizontalScroll") is not True:
            report(widget, "horizontal scroll bar", widget.horizontalScrollBar().maximum(), 0)
    return found


def _combo_width(combo, text_px: int) -> int:
    """The width ``combo`` needs to show a text ``text_px`` wide: the style's own frame and arrow."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = combo.isEditable()
    option.frame = combo.hasFrame()
    size = QSize(text_px, combo.fontMetrics().height())
    return combo.style().sizeFromContents(QStyle.CT_ComboBox, option, size, combo).width()


LAB_STEP_TIMEOUT_MS = 120_000


def click_step(qtbot, window, key: str, step: int) -> None:
    """Open exercise ``key`` in the Lab panel, click step ``step``'s button as a person does, and
    wait until the panel says the window is set up for it."""
    from PySide6.QtCore import Qt

    panel = window.lab
    panel.toolbox.setCurrentIndex([e.key for e in panel.exercise_list].index(key))
    button = panel.buttons[(key, step)]
    assert button.isVisible() and button.isEnabled()
    with qtbot.waitSignal(panel.step_ready, timeout=LAB_STEP_TIMEOUT_MS,
                          check_params_cb=lambda k, s: (k, s) == (key, step)):
        qtbot.mouseClick(button, Qt.LeftButton)


def classroom_window(qtbot, monkeypatch, model: str | None = None):
    """A started, idle window as a classroom's 1366×768 screen shows it (maximised there; offscreen
    Qt's screen is 800×800, so the size is set), on ``model`` (the bundled one by default)."""
    from PySide6.QtCore import QRect

    from neurolab.gui.app import create_window

    monkeypatch.setattr("neurolab.gui.main_window.available_geometry",
                        lambda _w: QRect(0, 0, 1366, 738), raising=False)
    window = create_window(model=model)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowNoState)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.start()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=120_000)
    return window
