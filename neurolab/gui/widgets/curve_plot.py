"""A small line chart drawn with QPainter: probability against blend weight, losses."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget


class CurvePlot(QWidget):
    """One y(x) curve with an optional vertical marker (e.g. where the network flips)."""

    def __init__(self, parent: QWidget | None = None, *, x_label: str = "", y_label: str = "",
                 y_range: tuple[float, float] | None = (0.0, 1.0)):
        super().__init__(parent)
        self.xs: list[float] = []
        self.ys: list[float] = []
        self.marker: float | None = None
        self.cursor: float | None = None
        self.x_label, self.y_label, self.y_range = x_label, y_label, y_range
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(320, 140)

    def set_curve(self, xs, ys, *, marker: float | None = None) -> None:
        self.xs, self.ys, self.marker = list(map(float, xs)), list(map(float, ys)), marker
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
        painter.drawText(QRectF(0, frame.top(), 34, 16), Qt.AlignRight, self._fmt(self._ylim()[1]))
        painter.drawText(QRectF(0, frame.bottom() - 16, 34, 16), Qt.AlignRight, self._fmt(self._ylim()[0]))
        if len(self.xs) < 2:
            return
        to_point = self._mapper(frame)
        painter.setPen(QPen(QColor(31, 119, 180), 2))
        painter.drawPolyline(QPolygonF([to_point(x, y) for x, y in zip(self.xs, self.ys)]))
        for value, colour in ((self.marker, QColor(214, 39, 40)), (self.cursor, QColor(120, 120, 120))):
            if value is not None:
                painter.setPen(QPen(colour, 1, Qt.DashLine))
                top, bottom = to_point(value, self._ylim()[1]), to_point(value, self._ylim()[0])
                painter.drawLine(top, bottom)

    def _ylim(self) -> tuple[float, float]:
        if self.y_range is not None or not self.ys:
            return self.y_range or (0.0, 1.0)
        low, high = min(self.ys), max(self.ys)
        return (low, high if high > low else low + 1.0)

    def _mapper(self, frame: QRectF):
        x0, x1 = min(self.xs), max(self.xs)
        y0, y1 = self._ylim()
        span_x = (x1 - x0) or 1.0

        def to_point(x: float, y: float) -> QPointF:
            return QPointF(frame.left() + (x - x0) / span_x * frame.width(),
                           frame.bottom() - (min(max(y, y0), y1) - y0) / (y1 - y0) * frame.height())

        return to_point

    @staticmethod
    def _fmt(value: float) -> str:
        return f"{value:.2g}"
