"""Top-K classes as labelled bars: what a network says about an image."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget


class ProbabilityBars(QWidget):
    """A heading ("Network says: daisy (93 %)") over one bar per class."""

    def __init__(self, title: str, rows: int = 5, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel(title)
        self.heading.setObjectName("probabilityHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self._names: list[QLabel] = []
        self._bars: list[QProgressBar] = []
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row in range(rows):
            name = QLabel()
            name.setMinimumWidth(120)
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setTextVisible(True)
            bar.setAlignment(Qt.AlignCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            self._names.append(name)
            self._bars.append(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        self.set_predictions([])

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)

    def set_predictions(self, predictions) -> None:
        """``predictions``: objects with ``label`` and ``probability`` (core.classify.Prediction)."""
        for row, (name, bar) in enumerate(zip(self._names, self._bars)):
            if row < len(predictions):
                prediction = predictions[row]
                name.setText(prediction.label)
                bar.setValue(int(round(prediction.probability * 1000)))
                bar.setFormat(f"{prediction.probability:.1%}")
                name.setVisible(True)
                bar.setVisible(True)
            else:
                name.setVisible(False)
                bar.setVisible(False)

    def labels(self) -> list[str]:
        return [name.text() for name in self._names if name.isVisible()]
