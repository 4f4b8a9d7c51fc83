"""The model graph as a QGraphicsScene: the window's graph pane and ``neurolab graph -o x.png``.

One scene for both, so the picture a class exports is the one it sees. Boxes show
name, type (in the window's language) and output shape, a native-only layer grey
and dashed as its table row, a collapsed nested model with a double border; an
open nested model is a frame around its layers. Edges are S-curves labelled with
the shape that flows along them. Live thumbnails (each layer's strongest channel
for the current photo) sit at a box's left. Painting stays cheap for
hundreds of boxes: below a zoom where text would be unreadable only boxes and
lines are drawn (level of detail), and each box's painting is cached as a
pixmap on the device, so panning repaints pixmaps.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

from neurolab.core.graph import svg as colours
from neurolab.core.graph.layout import GraphLayout, layout_graph
from neurolab.core.graph.model_graph import GraphNode, ModelGraph
from neurolab.gui.core_texts import layer_type
from neurolab.gui.widgets.image_view import array_to_qimage

THUMB = 40  # px: a thumbnail's slot (core.graph.thumbnails.SIZE)
PAD = 6.0
SELECTED = QColor(224, 120, 0)
MATCH_FILL = QColor(255, 236, 140)
FRAME = QColor(230, 160, 60)
LABEL_BACKING = QColor(255, 255, 255, 210)  # behind an edge's shape label
TEXT_LOD = 0.45  # below this zoom, boxes without words
SIZES_CHUNK = 80  # boxes measured per build step (DenseNet121: ~25 ms for all 429)
ITEMS_CHUNK = 60  # items added per build step (~70 µs each)


def _node_font() -> QFont:
    font = QFont()
    font.setPixelSize(11)
    return font


def has_map(node: GraphNode) -> bool:
    """A layer whose output is a picture (H×W×C with H, W > 1) gets a thumbnail slot."""
    shape = node.shape
    return shape is not None and len(shape) == 3 and all(d is None or d > 1 for d in shape[:2])


class NodeItem(QGraphicsItem):
    """One box: three lines of text, a thumbnail slot for layers with a map."""

    def __init__(self, node: GraphNode, lines: tuple[str, str, str], rect: QRectF, font: QFont,
                 slot: bool = True):
        super().__init__()
        self.node, self.lines, self.rect, self.font = node, lines, rect, font
        self.slot = slot and has_map(node)
        self.thumbnail: QImage | None = None
        self.selected = self.matched = False
        self.setAcceptHoverEvents(False)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.setZValue(2)
        tip = f"{node.key} ({node.type}) {node.shape_text}"
        if node.collapsed:
            tip += "\n" + QCoreApplication.translate("GraphScene", "Double-click to show its layers")
        if node.native_only:
            tip += "\n" + QCoreApplication.translate("GraphScene", "Needs the model's native input size: "
                                            "activations use the image resized to it.")
        self.setToolTip(tip)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.rect.adjusted(-3, -3, 3, 3)

    def set_state(self, *, selected: bool | None = None, matched: bool | None = None,
                  thumbnail: QImage | None | bool = False) -> None:
        if selected is not None:
            self.selected = selected
        if matched is not None:
            self.matched = matched
        if thumbnail is not False:
            self.thumbnail = thumbnail
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        node = self.node
        fill, border = ((colours.NATIVE_FILL, colours.NATIVE_BORDER) if node.native_only
                        else (colours.NESTED_FILL, colours.BORDER) if node.collapsed
                        else (colours.FILL, colours.BORDER))
        pen = QPen(SELECTED if self.selected else QColor(border), 3 if self.selected else 1.2)
        if node.native_only and not self.selected:
            pen.setStyle(Qt.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(MATCH_FILL if self.matched else QColor(fill)))
        painter.drawRoundedRect(self.rect, 5, 5)
        if node.collapsed:
            painter.setBrush(Qt.NoBrush)
            painter.setPen(QPen(QColor(border), 1))
            painter.drawRoundedRect(self.rect.adjusted(3, 3, -3, -3), 3, 3)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < TEXT_LOD:
            return
        left = self.rect.left() + PAD
        if self.slot:
            slot = QRectF(left, self.rect.center().y() - THUMB / 2, THUMB, THUMB)
            if self.thumbnail is not None:
                image = self.thumbnail
                scale = THUMB / max(image.width(), image.height())
                w, h = image.width() * scale, image.height() * scale
                target = QRectF(slot.center().x() - w / 2, slot.center().y() - h / 2, w, h)
                painter.drawImage(target, image)
            else:
                painter.fillRect(slot, QColor(232, 236, 242))
            left += THUMB + PAD
        painter.setFont(self.font)
        line = QFontMetricsF(self.font).height()
        top = self.rect.center().y() - 1.5 * line
        for number, text in enumerate(self.lines):
            painter.setPen(QColor(colours.TEXT if number == 0 else colours.SOFT_TEXT))
            font = QFont(self.font)
            font.setBold(number == 0)
            painter.setFont(font)
            painter.drawText(QRectF(left, top + number * line, self.rect.right() - left - PAD, line),
                             Qt.AlignLeft | Qt.AlignVCenter, text)


class EdgeItem(QGraphicsItem):
    """One edge: an S-curve per layer it crosses, an arrow head, the shape beside its start."""

    def __init__(self, points: list[tuple[float, float]], label: str, font: QFont, metrics: QFontMetricsF):
        super().__init__()
        self.path = QPainterPath(QPointF(*points[0]))
        x0, y0 = points[0]
        for x1, y1 in points[1:]:
            middle = (y0 + y1) / 2
            self.path.cubicTo(QPointF(x0, middle), QPointF(x1, middle), QPointF(x1, y1))
            x0, y0 = x1, y1
        self.end = QPointF(*points[-1])
        self.label, self.font = label, font
        self.label_at = QPointF(points[0][0] + 4, points[0][1] + 11)
        width = metrics.horizontalAdvance(label) + 4 if label else 0
        self.label_rect = QRectF(self.label_at.x() - 1, self.label_at.y() - metrics.ascent(), width,
                                 metrics.height())
        self.bounds = self.path.boundingRect().united(QRectF(self.label_at.x(), self.label_at.y() - 10,
                                                             width, 14)).adjusted(-5, -5, 5, 5)
        self.setZValue(1.5 if label else 1)  # its label above the source's other edges

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        colour = QColor(colours.EDGE)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self.path)
        head = QPainterPath(self.end)
        head.lineTo(self.end + QPointF(-4, -7))
        head.lineTo(self.end + QPointF(4, -7))
        head.closeSubpath()
        painter.fillPath(head, colour)
        if self.label and option.levelOfDetailFromTransform(painter.worldTransform()) >= TEXT_LOD:
            painter.fillRect(self.label_rect, LABEL_BACKING)  # legible where the edges fan out
            painter.setFont(self.font)
            painter.setPen(QColor(colours.SOFT_TEXT))
            painter.drawText(self.label_at, self.label)


class FrameItem(QGraphicsItem):
    """An open nested model: a frame around its layers, its name at the top."""

    def __init__(self, key: str, title: str, rect: QRectF, font: QFont):
        super().__init__()
        self.key, self.title, self.rect, self.font = key, title, rect, font
        self.setZValue(0)
        self.setToolTip(QCoreApplication.translate("GraphScene", "Double-click to fold its layers into one box"))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.rect.adjusted(-2, -2, 2, 2)

    def shape(self) -> QPainterPath:  # only the frame's title strip takes clicks
        path = QPainterPath()
        path.addRect(QRectF(self.rect.left(), self.rect.top(), self.rect.width(), 18))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setPen(QPen(FRAME, 1.5, Qt.DashLine))
        painter.setBrush(QColor(253, 243, 225, 90))
        painter.drawRoundedRect(self.rect, 8, 8)
        painter.setFont(self.font)
        painter.setPen(QColor(150, 95, 20))
        painter.drawText(self.rect.topLeft() + QPointF(8, 13), self.title)


class GraphScene(QGraphicsScene):
    """The laid-out graph of one model; tells which box was clicked or double-clicked."""

    node_clicked = Signal(str)
    node_double_clicked = Signal(str)  # a nested model's box or frame: fold or unfold it

    def __init__(self, parent=None, *, thumbnail_slots: bool = True):
        super().__init__(parent)
        self.thumbnail_slots = thumbnail_slots  # room for live thumbnails (the window's scene)
        self.folds_itself = True  # a double-click folds here (the pane folds it in idle turns)
        self.graph: ModelGraph | None = None
        self.layout: GraphLayout | None = None
        self.collapsed: set[str] = set()
        self.items_by_key: dict[str, NodeItem] = {}
        self.thumbnails: dict[str, QImage] = {}
        self.pictures: dict[str, np.ndarray] = {}  # the same as uint8 arrays (SVG export)
        self.selected: str | None = None
        self.matches: set[str] = set()
        self.font = _node_font()
        self.small_font = QFont(self.font)
        self.small_font.setPixelSize(9)
        self.setBackgroundBrush(QColor("white"))

    # --- building ---------------------------------------------------------
    def lines(self, node: GraphNode) -> tuple[str, str, str]:
        return node.name, layer_type(node.type), node.shape_text

    def sizes(self, nodes: list[GraphNode]) -> dict[str, tuple[float, float]]:
        """Each box as wide as its longest line (in this scene's font), a thumbnail's room."""
        metrics = QFontMetricsF(self.font)
        bold = QFont(self.font)
        bold.setBold(True)
        bold_metrics = QFontMetricsF(bold)
        height = max(3 * metrics.height(), THUMB if self.thumbnail_slots else 0) + 2 * PAD
        sizes = {}
        for node in nodes:
            name, kind, shape = self.lines(node)
            text = max(bold_metrics.horizontalAdvance(name), metrics.horizontalAdvance(kind),
                       metrics.horizontalAdvance(shape))
            slot = THUMB + PAD if self.thumbnail_slots and has_map(node) else 0
            sizes[node.key] = (round(max(90.0, text + slot + 2 * PAD + 2)), round(height))
        return sizes

    def show_graph(self, graph: ModelGraph | None, collapsed=None) -> GraphLayout | None:
        """Lay out ``graph`` (None: empty) with ``collapsed`` nested models folded (default:
        those folded before that still exist), all at once (the CLI, a fold or unfold)."""
        for _ in self.build(graph, collapsed):
            pass
        return self.layout

    def build(self, graph: ModelGraph | None, collapsed=None, lay_out=None):
        """:meth:`show_graph` in steps of a few milliseconds each (a generator), so the pane
        builds a large graph over several idle turns of the GUI thread. ``lay_out(graph,
        collapsed, sizes)``, when given, returns a ``concurrent.futures.Future`` of the layout
        (made on another thread): the step that needs it yields that future, and the driver
        resumes the build once it is done."""
        self.clear()
        self.items_by_key = {}
        self.graph, self.layout = graph, None
        if graph is None:
            return
        if collapsed is not None:
            self.collapsed = set(collapsed)
        self.collapsed &= set(graph.nested)
        collapsed = frozenset(self.collapsed)
        nodes, _ = graph.visible(collapsed)
        sizes = {}
        for start in range(0, len(nodes), SIZES_CHUNK):
            sizes.update(self.sizes(nodes[start:start + SIZES_CHUNK]))
            yield None
        if lay_out is None:
            layout = layout_graph(graph, collapsed, sizes)
        else:
            future = lay_out(graph, collapsed, sizes)
            yield future
            layout = future.result()
        self.layout = layout
        self.setSceneRect(QRectF(0, 0, layout.width, layout.height).adjusted(-20, -20, 20, 20))
        by_key = {node.key: node for node in nodes}
        metrics = QFontMetricsF(self.small_font)
        for number, route in enumerate(layout.edges, 1):
            self.addItem(EdgeItem(route.points, route.label, self.small_font, metrics))
            if number % ITEMS_CHUNK == 0:
                yield None
        for number, (key, box) in enumerate(layout.nodes.items(), 1):
            node = by_key[key]
            item = NodeItem(node, self.lines(node),
                            QRectF(box.left, box.top, box.width, box.height), self.font,
                            self.thumbnail_slots)
            item.set_state(selected=key == self.selected, matched=key in self.matches,
                           thumbnail=self.thumbnails.get(key))
            self.addItem(item)
            self.items_by_key[key] = item
            if number % ITEMS_CHUNK == 0:
                yield None
        self._add_frames(graph, layout)

    def _add_frames(self, graph: ModelGraph, layout: GraphLayout) -> None:
        for key in graph.nested:
            if key in self.collapsed:
                continue
            inner = [layout.nodes[k] for k in layout.nodes if k.startswith(key + "/")]
            if not inner:
                continue
            rect = QRectF(min(b.left for b in inner) - 10, min(b.top for b in inner) - 22,
                          0, 0)
            rect.setRight(max(b.right for b in inner) + 10)
            rect.setBottom(max(b.bottom for b in inner) + 10)
            node = graph.rows[key]
            self.addItem(FrameItem(key, f"{node.name} ({layer_type(node.type)})", rect, self.small_font))

    # --- state ------------------------------------------------------------
    def toggle(self, key: str) -> None:
        """Fold an open nested model into one box, or open a folded one."""
        if self.graph is None or key not in self.graph.nested:
            return
        self.collapsed ^= {key}
        self.show_graph(self.graph)

    def item_key(self, key: str) -> str | None:
        """The box that shows layer ``key``: its own, or the folded model it is inside."""
        if key in self.items_by_key:
            return key
        parts = key.split("/")
        for end in range(len(parts) - 1, 0, -1):
            outer = "/".join(parts[:end])
            if outer in self.items_by_key:
                return outer
        return None

    def set_selected(self, key: str | None) -> None:
        """Highlight ``key``'s box (a folded model's box for a layer inside it)."""
        for item_key, selected in ((self.selected, False), (key, True)):  # the old one off first
            shown = self.item_key(item_key) if item_key else None
            if shown:
                self.items_by_key[shown].set_state(selected=selected)
        self.selected = key

    def set_matches(self, keys) -> None:
        self.matches = set(keys)
        for key, item in self.items_by_key.items():
            item.set_state(matched=key in self.matches)

    def set_thumbnails(self, pictures: dict[str, np.ndarray]) -> None:
        """Each layer's picture (uint8 grey arrays by key); an empty dict clears them."""
        self.pictures = dict(pictures)
        self.thumbnails = {key: array_to_qimage(picture) for key, picture in pictures.items()}
        for key, item in self.items_by_key.items():
            item.set_state(thumbnail=self.thumbnails.get(key))

    # --- mouse --------------------------------------------------------------
    def _key_at(self, position: QPointF) -> tuple[str | None, bool]:
        for item in self.items(position):
            if isinstance(item, NodeItem):
                return item.node.key, item.node.collapsed
            if isinstance(item, FrameItem):
                return item.key, True
        return None, False

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        key, _ = self._key_at(event.scenePos())
        if key is not None and event.button() == Qt.LeftButton:
            self.node_clicked.emit(key)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        key, nested = self._key_at(event.scenePos())
        if key is not None and nested:
            self.node_double_clicked.emit(key)
            if self.folds_itself:
                self.toggle(key)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # --- pictures -----------------------------------------------------------
    def render_image(self, scale: float = 1.0) -> QImage:
        """The whole graph as an image, ``scale`` pixels per scene unit (PNG export)."""
        rect = self.sceneRect()
        width, height = max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale))
        image = QImage(width, height, QImage.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.TextAntialiasing)
        self.render(painter, QRectF(0, 0, width, height), rect)
        painter.end()
        return image


#: Qt caps a QImage near 2^31 bytes and PNG viewers choke long before: the longer side at most this.
MAX_PNG_SIDE = 16000


def png_scale(scene: GraphScene, wanted: float = 1.0) -> float:
    """``wanted`` pixels per unit, less when the picture would be longer than ``MAX_PNG_SIDE``."""
    rect = scene.sceneRect()
    side = max(rect.width(), rect.height(), 1.0)
    return min(wanted, MAX_PNG_SIDE / side)


def ensure_application():
    """A QApplication for drawing without a window (the CLI): offscreen unless a platform is set."""
    import os

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app


def write_graph_png(graph: ModelGraph, path: str, collapsed=(), thumbnails=None,
                    scale: float = 1.0) -> GraphLayout:
    """``graph`` drawn as the window draws it, written to ``path`` as PNG (no window shown)."""
    from neurolab.core.atomic import atomic_write

    ensure_application()
    scene = GraphScene(thumbnail_slots=bool(thumbnails))
    if thumbnails:
        scene.thumbnails = {key: array_to_qimage(p) for key, p in thumbnails.items()}
    layout = scene.show_graph(graph, collapsed)
    image = scene.render_image(png_scale(scene, scale))
    with atomic_write(path) as fp:
        fp.write(png_bytes(image))
    return layout


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG by Qt (the bytes, so core's atomic write puts them in place)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
