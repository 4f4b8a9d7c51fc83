"""A confusion matrix as a table: true classes down, predicted classes across, the diagonal
green, mistakes shaded by how often they happen; a click on a cell asks for its pictures.

Counts or row-normalised shares (what fraction of each true class went where) come from the
caller, so this widget only shows numbers it is given (no model, no math beyond shading).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from neurolab.gui.locale_format import integer, percent

RIGHT = QColor(0, 158, 115)  # Okabe–Ito green: the diagonal
WRONG = QColor(213, 94, 0)  # Okabe–Ito vermillion: mistakes


def _shade(colour: QColor, strength: float) -> QColor:
    """``colour`` mixed into white by ``strength`` (0 = white, 1 = the colour)."""
    strength = float(min(1.0, max(0.0, strength)))
    return QColor(round(255 + (colour.red() - 255) * strength),
                  round(255 + (colour.green() - 255) * strength),
                  round(255 + (colour.blue() - 255) * strength))


class ConfusionMatrix(QTableWidget):
    """Rows: the true class; columns: what the model said. ``cell_chosen(true, predicted)``."""

    cell_chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.classes: list[str] = []
        self.counts: np.ndarray | None = None
        self.normalised = False
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.horizontalHeader().setMinimumSectionSize(24)
        self.setProperty("allowHorizontalScroll", True)  # many classes: the matrix scrolls
        self.cellClicked.connect(self.cell_chosen)
        self.cellActivated.connect(self.cell_chosen)  # Enter on a cell, for the keyboard

    def set_matrix(self, classes: list[str], counts: np.ndarray | None, *,
                   normalised: bool = False) -> None:
        """Show ``counts`` (true × predicted), as counts or each row's shares."""
        self.classes, self.counts, self.normalised = list(classes), counts, normalised
        self.clear()
        if counts is None:
            self.setRowCount(0)
            self.setColumnCount(0)
            return
        counts = np.asarray(counts, dtype=float)
        n = len(self.classes)
        self.setRowCount(n)
        self.setColumnCount(n)
        # Columns are numbered (the names would not fit above narrow columns), rows say both.
        for index, name in enumerate(self.classes):
            column = QTableWidgetItem(str(index + 1))
            column.setToolTip(name)
            self.setHorizontalHeaderItem(index, column)
            self.setVerticalHeaderItem(index, QTableWidgetItem(f"{index + 1} {name}"))
        totals = counts.sum(axis=1, keepdims=True)
        shares = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
        for true in range(n):
            for predicted in range(n):
                value = shares[true, predicted]
                # Shares as whole percentages without the sign (the caller's heading says
                # "%"): "100 %" did not fit ten columns at 1366×768 and was elided to "10…".
                text = integer(round(100 * value)) if normalised else integer(int(counts[true, predicted]))
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignCenter)
                colour = RIGHT if true == predicted else WRONG
                item.setBackground(QBrush(_shade(colour, 0.15 + 0.85 * value if value > 0 else 0)))
                item.setForeground(QBrush(QColor(255, 255, 255) if value > 0.55 else QColor(0, 0, 0)))
                item.setToolTip(self.tr("True class {0}, predicted {1}: {2} pictures ({3} of "
                                        "the row)").format(self.classes[true], self.classes[predicted],
                                                           integer(int(counts[true, predicted])),
                                                           percent(value)))
                self.setItem(true, predicted, item)

    def cell_text(self, true: int, predicted: int) -> str:
        item = self.item(true, predicted)
        return item.text() if item is not None else ""

    def click_cell(self, true: int, predicted: int) -> None:
        """Select a cell as a click does (the Lab's "find the confused pair")."""
        self.setCurrentCell(true, predicted)
        self.cell_chosen.emit(true, predicted)
