"""A widget that shows a NumPy image scaled to fit and reports clicks in image pixels."""

from __future__ import annotations

import functools
import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, qRgb
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolTip, QWidget

from neurolab.core.images import resize_image
from neurolab.core.inspection.mosaic import (
    SEPARATOR,
    SEPARATOR_RGB,
    empty_slot_pixels,
    empty_slots,
    separator_lines,
)
from neurolab.gui import locale_format

# The longest side kept for display. No screen needs more, and a 24-megapixel
# photo would otherwise hold 72 MB in every view that shows it.
MAX_DISPLAY_SIDE = 4096


def array_to_qimage(array: np.ndarray) -> QImage:
    """uint8 grey (H×W) or RGB (H×W×3) → a QImage that owns its pixels.

    A QImage built over a NumPy buffer shares it; ``copy()`` detaches it so
    the array may be freed or changed afterwards.
    """
    array = np.ascontiguousarray(array)
    if array.dtype != np.uint8:
        raise ValueError("array_to_qimage expects uint8 pixels")
    height, width = array.shape[:2]
    if array.ndim == 2:
        image = QImage(array.data, width, height, array.strides[0], QImage.Format_Grayscale8)
    elif array.ndim == 3 and array.shape[2] == 3:
        image = QImage(array.data, width, height, array.strides[0], QImage.Format_RGB888)
    else:
        raise ValueError(f"cannot show an array of shape {array.shape}")
    return image.copy()


def mosaic_to_qimage(mosaic, table: np.ndarray) -> QImage:
    """A mosaic as :func:`core.mosaic.render_mosaic` draws it, made by Qt: the grey tiles
    looked up in ``table`` (256 × 3) as an 8-bit indexed image, then the grey separators and
    the hatched empty slots painted over it. No RGB copy of the (up to 1.5 MP) mosaic is
    made in NumPy: a layer switch spent ~7 ms on that (benchmarks/bench_ui.py (c))."""
    grey = np.ascontiguousarray(mosaic.image)
    height, width = grey.shape
    indexed = QImage(grey.data, width, height, grey.strides[0], QImage.Format_Indexed8)
    indexed.setColorTable(_qt_colours(np.asarray(table, dtype=np.uint8).tobytes()))
    image = indexed.convertToFormat(QImage.Format_RGB32)  # owns its pixels; ``grey`` may go
    painter = QPainter(image)
    separator = QColor(*SEPARATOR_RGB)
    columns, rows = separator_lines(mosaic)
    for x in columns:
        painter.fillRect(x, 0, SEPARATOR, height, separator)
    for y in rows:
        painter.fillRect(0, y, width, SEPARATOR, separator)
    slots = empty_slots(mosaic)
    if slots:
        hatched = array_to_qimage(empty_slot_pixels(mosaic))
        for x, y in slots:
            painter.drawImage(x, y, hatched)
    painter.end()
    return image


@functools.lru_cache(maxsize=8)
def _qt_colours(table: bytes) -> list[int]:
    """A 256 × 3 colour table (its bytes) as Qt's list of RGB values, made once per table."""
    rgb = np.frombuffer(table, dtype=np.uint8).reshape(-1, 3)
    return [qRgb(int(r), int(g), int(b)) for r, g, b in rgb]


class ImageView(QWidget):
    """Draws one image, aspect kept, centred; nearest-neighbour when enlarging
    (so activation pixels stay visible) and smooth when shrinking."""

    clicked = Signal(float, float)  # image pixel coordinates

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = ""):
        super().__init__(parent)
        self._image: QImage | None = None
        self._source_size: tuple[int, int] | None = None
        self._placeholder = placeholder
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(120, 90)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.Window, QColor(32, 32, 32))
        self.setPalette(palette)

    def set_array(self, array: np.ndarray | None) -> None:
        """Show a copy of ``array`` (the view never shares the caller's buffer).

        Larger than :data:`MAX_DISPLAY_SIDE` it is shrunk for display; clicks
        are still reported in the array's own pixels.
        """
        if array is None:
            self._image, self._source_size = None, None
        else:
            height, width = array.shape[:2]
            self._source_size = (width, height)
            longest = max(width, height)
            if longest > MAX_DISPLAY_SIDE:
                scale = MAX_DISPLAY_SIDE / longest
                array = resize_image(array, (max(1, round(width * scale)),
                                             max(1, round(height * scale))))
            self._image = array_to_qimage(array)
        self.update()

    def set_image(self, image: QImage | None) -> None:
        """Show ``image`` as it is (the view keeps it; a caller must not paint on it later)."""
        if image is not None and max(image.width(), image.height()) > MAX_DISPLAY_SIDE:
            source = (image.width(), image.height())
            image = image.scaled(MAX_DISPLAY_SIDE, MAX_DISPLAY_SIDE, Qt.KeepAspectRatio,
                                 Qt.SmoothTransformation)
        else:
            source = None if image is None else (image.width(), image.height())
        self._image, self._source_size = image, source
        self.update()

    def source_size(self) -> tuple[int, int] | None:
        """(width, height) of the array last given, before any display shrinking."""
        return self._source_size

    def placeholder(self) -> str:
        """The text shown while there is no image."""
        return self._placeholder

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def target_rect(self) -> QRectF:
        """Where the image is drawn inside the widget."""
        if self._image is None or self._image.isNull():
            return QRectF()
        scale = min(self.width() / self._image.width(), self.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def smooth_scaling(self, device_pixel_ratio: float | None = None) -> bool:
        """Smooth when the image is shrunk on the screen, nearest-neighbour when enlarged.

        Judged in device pixels: on a 200 % display an image drawn 1:1 in physical pixels
        is not shrunk, so it is drawn exactly (sharp) rather than filtered.
        """
        if self._image is None or self._image.isNull():
            return False
        ratio = self.devicePixelRatioF() if device_pixel_ratio is None else device_pixel_ratio
        return self.target_rect().width() * ratio < self._image.width()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        if self._image is None:
            painter.setPen(QColor(200, 200, 200))
            painter.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self._placeholder)
            return
        target = self.target_rect()
        painter.setRenderHint(QPainter.SmoothPixmapTransform,
                              self.smooth_scaling(painter.device().devicePixelRatioF()))
        painter.drawImage(target, self._image)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        point = self.widget_to_image(event.position())
        if point is not None:
            self.clicked.emit(point.x(), point.y())
        super().mousePressEvent(event)

    def widget_to_image(self, point: QPointF) -> QPointF | None:
        target = self.target_rect()
        if target.isEmpty() or not target.contains(point):
            return None
        width, height = self._source_size
        return QPointF((point.x() - target.x()) * width / target.width(),
                       (point.y() - target.y()) * height / target.height())

    def image_to_widget(self, x: float, y: float) -> QPointF:
        target = self.target_rect()
        width, height = self._source_size
        return QPointF(target.x() + x * target.width() / width,
                       target.y() + y * target.height() / height)


# The frame around the selected tile: magenta, a colour neither colour map has.
HIGHLIGHT = QColor(255, 0, 200)
# Tiles drawn at least this wide (widget pixels) carry their channel number.
NUMBER_MIN_TILE = 34  # px on screen; smaller tiles (e.g. 256 channels) give their number on hover


class MosaicView(ImageView):
    """An :class:`ImageView` for a channel mosaic: the selected tile framed, channel
    numbers on tiles big enough to hold them, and each tile's number and values on hover."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = ""):
        super().__init__(parent, placeholder=placeholder)
        self._mosaic = None
        self._selected: int | None = None
        self._numbers_key = None
        self._numbers: list[str] = []

    def set_mosaic(self, mosaic, table: np.ndarray | None = None) -> None:
        """Show ``mosaic`` in colour table ``table`` (256 × 3; None: grey), with its
        geometry for numbers and frame; ``None`` shows nothing."""
        self._mosaic = mosaic
        if mosaic is None:
            self.set_image(None)
            return
        if table is None:
            table = np.repeat(np.arange(256, dtype=np.uint8)[:, None], 3, axis=1)
        self.set_image(mosaic_to_qimage(mosaic, table))

    def set_selected(self, channel: int | None) -> None:
        self._selected = channel
        self.update()

    def selected(self) -> int | None:
        return self._selected

    def tile_rect(self, channel: int) -> QRectF:
        """Where ``channel``'s tile is drawn, in widget pixels."""
        x, y = self._mosaic.tile_origin(channel)
        top_left = self.image_to_widget(x, y)
        bottom_right = self.image_to_widget(x + self._mosaic.tile_width, y + self._mosaic.tile_height)
        return QRectF(top_left, bottom_right)

    def numbers_shown(self) -> bool:
        """Whether tiles are drawn large enough to carry their channel numbers."""
        return self._mosaic is not None and self.tile_rect(0).width() >= NUMBER_MIN_TILE

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._mosaic is None or self.image() is None:
            return
        painter = QPainter(self)
        if self.numbers_shown():
            self._paint_numbers(painter)
        if self._selected is not None and self._selected < self._mosaic.channels:
            painter.setPen(QPen(HIGHLIGHT, 3))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(self.tile_rect(self._selected).adjusted(-1, -1, 1, 1))

    def _paint_numbers(self, painter: QPainter) -> None:
        """Each tile's channel number (from 1, as the spin box counts) in its top-left corner:
        one call for all the boxes, one short call per number (a layer switch paints 64 of
        them; rectangles computed per tile through Qt took ~6 ms)."""
        first = self.tile_rect(0)
        font = painter.font()
        font.setPixelSize(max(9, min(13, int(first.height() / 4))))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        second = self.tile_rect(1) if self._mosaic.channels > 1 else first
        pitch_x = second.x() - first.x() if self._mosaic.cols > 1 else 0.0
        pitch_y = (self.tile_rect(self._mosaic.cols).y() - first.y()
                   if self._mosaic.channels > self._mosaic.cols else 0.0)
        texts = self._number_texts()
        origins = [(first.x() + col * pitch_x, first.y() + row * pitch_y)
                   for row, col in (divmod(channel, self._mosaic.cols) for channel in range(len(texts)))]
        line = metrics.height()
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(0, 0, 0, 150))
        painter.drawRects([QRectF(x, y, metrics.horizontalAdvance(text) + 4, line)
                           for (x, y), text in zip(origins, texts)])
        painter.setPen(QColor(255, 255, 255))
        baseline = (line + metrics.ascent() - metrics.descent()) / 2
        for (x, y), text in zip(origins, texts):
            painter.drawText(QPointF(x + 2, y + baseline), text)

    def _number_texts(self) -> list[str]:
        """"1"…"N" in the window's language, made once per language (and grown for a layer with
        more channels) rather than on every paint of every layer."""
        from neurolab.gui.language import current_language

        language, count = current_language(), self._mosaic.channels
        if self._numbers_key != language or len(self._numbers) < count:
            self._numbers_key = language
            self._numbers = [locale_format.integer(c + 1) for c in range(count)]
        return self._numbers[:count]

    def event(self, event) -> bool:  # noqa: D401 - Qt override
        if event.type() == QEvent.ToolTip and self._mosaic is not None:
            text = self.tile_tooltip(event.position() if hasattr(event, "position") else event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
                return True
        return super().event(event)

    def tile_tooltip(self, point) -> str:
        """'Channel 12: values 0 to 3.5' for the tile under ``point`` (widget pixels), 'Unit 12:
        value 0.53' for a neuron grid's cell, else ''."""
        image_point = self.widget_to_image(QPointF(point))
        if image_point is None:
            return ""
        channel = self._mosaic.channel_at(image_point.x(), image_point.y())
        if channel is None:
            return ""
        if self._mosaic.is_neuron_grid:  # a vector's unit: its one value
            value = self._mosaic.unit_value(channel)
            return self.tr("Unit {0}: value {1}").format(
                locale_format.integer(channel + 1), value_texts(value, value)[0])
        low, high = self._mosaic.value_range(channel)
        first, last = value_texts(low, high)
        return self.tr("Channel {0}: values {1} to {2}. Click to see it large.").format(
            locale_format.integer(channel + 1), first, last)


def value_texts(low: float, high: float) -> tuple[str, str]:
    """Two ends of a value range in the window's language, with as many decimals as the
    larger one needs to show three significant digits (0.359, 5.03, 123)."""
    largest = max(abs(low), abs(high))
    decimals = 0 if largest == 0 else min(3, max(0, 2 - math.floor(math.log10(largest))))
    return locale_format.number(low, decimals), locale_format.number(high, decimals)


class ColourBar(QWidget):
    """A horizontal strip of a colour map's 256 colours, weak on the left."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image: QImage | None = None
        self.setMinimumSize(60, 12)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_colours(self, table: np.ndarray, gamma: float = 1.0) -> None:
        """``table``: 256 × 3 uint8; ``gamma`` bends it as the tiles were bent."""
        positions = np.linspace(0.0, 1.0, 256) ** float(gamma)
        row = np.asarray(table)[np.rint(positions * 255).astype(int)]
        self._image = array_to_qimage(np.ascontiguousarray(row[None, :, :]))
        self.update()

    def colours(self) -> QImage | None:
        return self._image

    def sizeHint(self) -> QSize:
        return QSize(140, 14)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._image is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
        painter.drawImage(QRectF(self.rect()), self._image)
        painter.setPen(QColor(120, 120, 120))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


class ColourLegend(QWidget):
    """'caption  low ▕colour bar▏ high': which colour means which activation value."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = QLabel()
        self.low_label = QLabel()
        self.high_label = QLabel()
        self.bar = ColourBar()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.low_label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.high_label)

    def set_scale(self, caption: str, table: np.ndarray, low: float, high: float,
                  gamma: float = 1.0) -> None:
        """Show ``table``'s colours running from value ``low`` to ``high``."""
        self.caption.setText(caption)
        first, last = value_texts(low, high)
        self.low_label.setText(first)
        self.high_label.setText(last)
        self.bar.set_colours(table, gamma)

    def range_texts(self) -> tuple[str, str]:
        """The two values written at the bar's ends, as the reader sees them."""
        return self.low_label.text(), self.high_label.text()
