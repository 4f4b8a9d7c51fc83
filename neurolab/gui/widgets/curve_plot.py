"""A small line chart drawn with QPainter: probability against blend weight, losses."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Okabe–Ito colours: told apart by colour-blind readers too.
SERIES_COLOURS = ((0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167), (230, 159, 0))


class CurvePlot(QWidget):
    """y(x) curves (one or a few, with a legend) and an optional vertical marker.

    ``log_y`` plots on a log scale (losses that fall by orders of magnitude).
    """

    def __init__(self, parent: QWidget | None = None, *, x_label: str = "", y_label: str = "",
                 y_range: tuple[float, float] | None = (0.0, 1.0), log_y: bool = False,
                 placeholder: str = ""):
        super().__init__(parent)
        self.placeholder = placeholder  # shown while there is nothing to draw
        self.series: list[tuple[str, list[float], list[float]]] = []
        self.marker: float | None = None
        self.cursor: float | None = None
        self.x_label, self.y_label, self.y_range, self.log_y = x_label, y_label, y_range, log_y
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(320, 140)

    @property
    def xs(self) -> list[float]:
        return self.series[0][1] if self.series else []

    @property
    def ys(self) -> list[float]:
        return self.series[0][2] if self.series else []

    def set_curve(self, xs, ys, *, marker: float | None = None) -> None:
        self.set_series([("", xs, ys)], marker=marker)

    def set_series(self, series, *, marker: float | None = None) -> None:
        """``series``: (name, xs, ys) triples; names with text get a legend entry."""
        self.series = [(name, list(map(float, xs)), list(map(float, ys))) for name, xs, ys in series]
        self.marker = marker
        self.update()

    def clear(self) -> None:
        self.set_series([])

    def text_slots(self):
        """(what, get, set) of the words drawn: axis labels, placeholder, legend names
        (the window translates them again when its language changes)."""
        def setter(attribute):
            return lambda text: (setattr(self, attribute, text), self.update())

        slots = [(name, lambda name=name: getattr(self, name), setter(name))
                 for name in ("x_label", "y_label", "placeholder")]
        for index in range(len(self.series)):
            slots.append((f"series {index}", lambda i=index: self.series[i][0],
                          lambda text, i=index: self._rename_series(i, text)))
        return slots

    def _rename_series(self, index: int, name: str) -> None:
        _, xs, ys = self.series[index]
        self.series[index] = (name, xs, ys)
        self.update()

    def set_cursor(self, x: float | None) -> None:
        self.cursor = x
        self.update()

    def _frame(self) -> QRectF:
        return QRectF(36, 8, max(10, self.width() - 46), max(10, self.height() - 34))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        frame = self._frame()
        painter.setPen(QPen(self.palette().text().color(), 1))
        painter.drawRect(frame)
        painter.drawText(QRectF(frame.left(), frame.bottom() + 4, frame.width(), 20),
                         Qt.AlignCenter, self.x_label)
        low, high = self._ylim()
        painter.drawText(QRectF(0, frame.top(), 34, 16), Qt.AlignRight, self._tick(high))
        painter.drawText(QRectF(0, frame.bottom() - 16, 34, 16), Qt.AlignRight, self._tick(low))
        if self.y_label:
            painter.drawText(QRectF(frame.left() + 4, frame.top() + 2, frame.width() / 2, 16),
                             Qt.AlignLeft, self.y_label)
        drawn = [s for s in self.series if len(s[1]) >= 2]
        if not drawn:
            if self.placeholder:
                painter.setPen(QPen(self.palette().placeholderText().color(), 1))
                painter.drawText(frame, Qt.AlignCenter | Qt.TextWordWrap, self.placeholder)
            return
        to_point = self._mapper(frame)
        for index, (name, xs, ys) in enumerate(self.series):
            colour = QColor(*SERIES_COLOURS[index % len(SERIES_COLOURS)])
            if len(xs) >= 2:
                painter.setPen(QPen(colour, 2))
                painter.drawPolyline(QPolygonF([to_point(x, self._y(y)) for x, y in zip(xs, ys)]))
            if name:  # on a translucent patch, so curves under it do not hide it
                row = QRectF(frame.right() - 150, frame.top() + 2 + 15 * index, 146, 15)
                text = f"— {name}"
                width = painter.fontMetrics().horizontalAdvance(text) + 6
                backdrop = QColor(self.palette().base().color())
                backdrop.setAlpha(210)
                painter.fillRect(QRectF(row.right() - width, row.top(), width, row.height()),
                                 backdrop)
                painter.setPen(QPen(colour, 2))
                painter.drawText(row, Qt.AlignRight, text)
        for value, colour in ((self.marker, QColor(214, 39, 40)), (self.cursor, QColor(120, 120, 120))):
            if value is not None:
                painter.setPen(QPen(colour, 1, Qt.DashLine))
                top, bottom = to_point(value, high), to_point(value, low)
                painter.drawLine(top, bottom)

    def _y(self, value: float) -> float:
        """The plotted coordinate of a value (log10 on a log scale)."""
        if self.log_y:
            return math.log10(max(value, 1e-12))
        return value

    def _ylim(self) -> tuple[float, float]:
        """Limits in plotted coordinates."""
        values = [self._y(y) for _, _, ys in self.series for y in ys if math.isfinite(y)]
        if self.y_range is not None or not values:
            low, high = self.y_range or (0.0, 1.0)
            return (self._y(low), self._y(high)) if self.y_range else (low, high)
        low, high = min(values), max(values)
        return (low, high if high > low else low + 1.0)

    def _tick(self, value: float) -> str:
        return self._fmt(10 ** value if self.log_y else value)

    def _mapper(self, frame: QRectF):
        xs = [x for _, series_xs, _ in self.series for x in series_xs]
        x0, x1 = min(xs), max(xs)
        y0, y1 = self._ylim()
        span_x = (x1 - x0) or 1.0

        def to_point(x: float, y: float) -> QPointF:
            return QPointF(frame.left() + (x - x0) / span_x * frame.width(),
                           frame.bottom() - (min(max(y, y0), y1) - y0) / (y1 - y0) * frame.height())

        return to_point

    @staticmethod
    def _fmt(value: float) -> str:
        return f"{value:.2g}"
