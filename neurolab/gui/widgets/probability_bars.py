"""Top-K classes as labelled bars: what a network says about an image."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from neurolab.gui.locale_format import percent

# Decimals of every probability the window shows: one rounding for headline, bars and sentences,
# so a bar at 99.5 % never sits under a headline saying 100 %.
PROBABILITY_DECIMALS = 1


def probability_text(probability: float) -> str:
    """0.995 → '99.5%' (English), '99,5 %' (Czech): how the window writes a class probability."""
    return percent(probability, PROBABILITY_DECIMALS)


class ProbabilityBars(QWidget):
    """A heading ("Network says: daisy (93.0 %)") over one bar per class, both from the same numbers."""

    def __init__(self, rows: int = 5, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("probabilityHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self._names: list[QLabel] = []
        self._bars: list[QProgressBar] = []
        self._predictions: list = []
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

    def set_predictions(self, predictions) -> None:
        """``predictions``: ``label`` and ``probability`` objects (core.models.classify.Prediction), best first."""
        self._predictions = list(predictions)
        self._render()

    def predictions(self) -> list:
        return list(self._predictions)

    def _render(self) -> None:
        predictions = self._predictions
        if predictions:
            top = predictions[0]
            self.heading.setText(self.tr("Network says: {0} ({1})").format(
                top.label, probability_text(top.probability)))
        else:
            self.heading.setText(self.tr("Network says: –"))
        for row, (name, bar) in enumerate(zip(self._names, self._bars)):
            if row < len(predictions):
                prediction = predictions[row]
                name.setText(prediction.label)
                bar.setValue(int(round(prediction.probability * 1000)))
                bar.setFormat(probability_text(prediction.probability))
                name.setVisible(True)
                bar.setVisible(True)
            else:
                name.setVisible(False)
                bar.setVisible(False)

    def retranslate_ui(self) -> None:
        """After a language switch: the heading and the numbers in the new language's format."""
        self._render()

    def labels(self) -> list[str]:
        """The classes shown, best first (also while the widget is hidden)."""
        return [p.label for p in self._predictions[:len(self._names)]]
