"""A widget that shows a NumPy image scaled to fit and reports clicks in image pixels."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from neurolab.core.images import resize_image

#: The longest side kept for display. No screen needs more, and a 24-megapixel
#: photo would otherwise hold 72 MB in every view that shows it.
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
