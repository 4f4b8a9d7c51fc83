"""Help ▸ Keyboard shortcuts: every shortcut of the window, read from the window itself.

The list is generated from the window's actions (menus, dock toggles), its
buttons with a shortcut (e.g. Ctrl+Enter starts a style transfer) and its
QShortcut objects, so it cannot fall behind the code. A few keys that Qt gives
every window (Tab, Space, arrows) come first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _plain(text: str) -> str:
    """A menu text without its mnemonic ampersand (a literal '&&' stays one '&')."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.NativeText)


def _place(window, widget: QWidget, default: str) -> str:
    """Where a widget lives: its tab's title, the dock's title, or the window."""
    tabs = window.tabs
    for index in range(tabs.count()):
        if tabs.widget(index).isAncestorOf(widget):
            return tabs.tabText(index)
    for dock in window.findChildren(QWidget):
        if dock.inherits("QDockWidget") and dock.isAncestorOf(widget):
            return _plain(dock.windowTitle())
    return default


def _menu_of(action: QAction, default: str) -> str:
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu):
            return _plain(owner.title())
    return default


def shortcut_rows(window, default_place: str = "Window") -> list[tuple[str, str, str]]:
    """(keys, what they do, where) for every shortcut in ``window``, in menu order.

    ``default_place`` names the window itself, for shortcuts that belong to no tab or menu.
    """
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(sequence: QKeySequence, text: str, where: str) -> None:
        keys = _keys(sequence)
        if keys and (keys, text) not in seen:
            seen.add((keys, text))
            rows.append((keys, text, where))

    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            for sequence in action.shortcuts():
                add(sequence, _plain(action.text()), _plain(menu.title()))
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            add(sequence, _plain(action.text()), _menu_of(action, default_place))
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty():
            add(button.shortcut(), _plain(button.text()) or button.toolTip(),
                _place(window, button, default_place))
    for shortcut in window.findChildren(QShortcut):
        text = shortcut.whatsThis() or shortcut.objectName()
        parent = shortcut.parent()
        where = (_place(window, parent, default_place) if isinstance(parent, QWidget)
                 else default_place)
        add(shortcut.key(), text, where)
    return rows


class ShortcutsDialog(QDialog):
    """A read-only table: keys, what they do, where."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = shortcut_rows(window, self.tr("Window")) + self.general_keys()
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does"), self.tr("Where")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        for row, values in enumerate(self.rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        note = QLabel(self.tr("Every control can also be reached with Tab; the underlined "
                              "letter of a menu opens it with Alt."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(620, 520)
        self.table.setFocus(Qt.OtherFocusReason)

    def general_keys(self) -> list[tuple[str, str, str]]:
        """Keys Qt gives every window (not shortcuts of ours, but students ask)."""
        everywhere = self.tr("Everywhere")
        return [
            (self.tr("Tab / Shift+Tab"), self.tr("Move to the next / previous control"), everywhere),
            (self.tr("Space"), self.tr("Press the focused button or tick the focused box"),
             everywhere),
            (self.tr("Arrow keys"), self.tr("Move a slider, choose in a list or in the layer "
                                            "table"), everywhere),
            (self.tr("Ctrl+Tab"), self.tr("Next tab, when a control in the tabs has the focus"),
             everywhere),
            (self.tr("Alt+letter"), self.tr("Open a menu by its underlined letter"), everywhere),
        ]

    def keys(self) -> list[str]:
        return [row[0] for row in self.rows]
