"""The graph pane under the layer table: the model as a graph, search, zoom, live thumbnails.

A click on a box selects its layer (the table's row, so every tab follows); a row
selected in the table is highlighted here and centred. Ctrl+F (the window's View
action) focuses the search field; Enter and F3 step through the matches (by name
or type), Shift+Enter and Shift+F3 back. The mouse wheel zooms, dragging pans;
while the view has the focus, Ctrl++ / Ctrl+- zoom it and Ctrl+0 fits the graph
(the window's own font zoom keeps those keys everywhere else: the view takes them
with a ShortcutOverride only while it has the focus). Thumbnails are made by a job
on the worker (``core.graph.thumbnails``) from the activations the Activations tab
has already computed, never on the GUI thread.

Opening a model never holds the GUI thread for long: the layout (pure Python,
``core.graph.layout``) runs on a thread of its own, and the boxes and edges are
measured and added over several idle turns, a few milliseconds each
(``GraphScene.build``). A newer graph replaces an unfinished build; a hidden pane
(the window closed, the graph toggled off) drops it and builds again when shown.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from neurolab.core.graph.layout import layout_graph
from neurolab.core.graph.model_graph import ModelGraph
from neurolab.gui.core_texts import layer_type
from neurolab.gui.graph_scene import GraphScene, png_bytes, png_scale

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.02, 4.0
READABLE_ZOOM = 0.85  # a first look zooms out no further (11 px names stay ~9 px)
STEP_BUDGET_S = 0.008  # one idle turn of a build does at most about this much (then yields)

_layout_thread: ThreadPoolExecutor | None = None


def _layout_executor() -> ThreadPoolExecutor:
    """One thread for every pane's layouts: one at a time, each short (DenseNet121 ~0.05 s)."""
    global _layout_thread
    if _layout_thread is None:
        _layout_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="graph-layout")
    return _layout_thread


class _Courier(QObject):
    """Carries "layout ``n`` is done" from the layout thread to the pane (a queued signal)."""

    laid_out = Signal(int)


class GraphView(QGraphicsView):
    """Zoom with the wheel (about the pointer) and keys, pan by dragging, fit on demand."""

    def __init__(self, scene: GraphScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.setObjectName("graphView")
        self.setProperty("allowHorizontalScroll", True)  # a canvas: a wide graph pans, nothing is cut
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.DontSavePainterState, True)
        self.setFocusPolicy(Qt.StrongFocus)

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        factor = max(MIN_ZOOM / self.zoom(), min(MAX_ZOOM / self.zoom(), factor))
        self.scale(factor, factor)

    def fit(self) -> None:
        """The whole graph in view (a deep network: its boxes without words, see TEXT_LOD)."""
        if not self.sceneRect().isEmpty():
            self.resetTransform()
            self.fitInView(self.sceneRect(), Qt.KeepAspectRatio)

    def first_look(self) -> None:
        """A model's first view: the whole graph when its words stay readable, else its top at
        a readable size (a network hundreds of layers deep is read by scrolling)."""
        scene_rect = self.sceneRect()
        if scene_rect.isEmpty():
            return
        self.fit()
        if self.zoom() < READABLE_ZOOM:
            self.resetTransform()
            self.scale(READABLE_ZOOM, READABLE_ZOOM)
            self.centerOn(scene_rect.center().x(), scene_rect.top())

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def event(self, event) -> bool:  # noqa: D401 - Qt override
        if event.type() == QEvent.ShortcutOverride and self._zoom_key(event) is not None:
            event.accept()  # these keys zoom the graph while it has the focus
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        action = self._zoom_key(event)
        if action == "in":
            self.zoom_by(ZOOM_STEP)
        elif action == "out":
            self.zoom_by(1 / ZOOM_STEP)
        elif action == "fit":
            self.fit()
        else:
            super().keyPressEvent(event)

    @staticmethod
    def _zoom_key(event) -> str | None:
        if not event.modifiers() & Qt.ControlModifier:
            return None
        return {Qt.Key_Plus: "in", Qt.Key_Equal: "in", Qt.Key_Minus: "out",
                Qt.Key_0: "fit"}.get(event.key())


class GraphPane(QWidget):
    """Toolbar (search, matches, zoom, fit) above the graph view."""

    layer_clicked = Signal(str)
    graph_built = Signal()  # a build has finished: every box and edge is in the scene

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphPane")
        self.scene = GraphScene(self)
        self.view = GraphView(self.scene)
        self.scene.node_clicked.connect(self.layer_clicked)
        self.scene.folds_itself = False
        self.scene.node_double_clicked.connect(self.toggle)
        self.search = QLineEdit()
        self.search.setObjectName("graphSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text)
        self.search.returnPressed.connect(lambda: self.find_next(1))
        self.search.installEventFilter(self)
        self.found = QLabel()
        self.found.setObjectName("graphMatches")
        self.zoom_out_button = self._button("−", lambda: self.view.zoom_by(1 / 1.25))
        self.zoom_in_button = self._button("+", lambda: self.view.zoom_by(1.25))
        self.fit_button = self._button("", self.view.fit)
        self.fit_button.setObjectName("graphFit")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.found)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.graph: ModelGraph | None = None
        self.matches: list[str] = []
        self.match_index = -1
        self._thumbnail_job = None
        self._pending: ModelGraph | None = None  # laid out when the hidden pane is shown
        self._fitted = False
        self._build = None  # the scene's unfinished build (a generator), stepped in idle turns
        self._build_number = 0  # a newer build makes older layouts' results stale
        self._waiting: Future | None = None  # the layout the build waits for
        self._keep_centre = None  # where the view was, for a rebuild that keeps the view
        self._courier = _Courier()
        self._courier.laid_out.connect(self._on_laid_out)
        self.retranslate_ui()

    def _button(self, text: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Find a layer (Ctrl+F)"))
        self.search.setToolTip(self.tr("Enter or F3: next match; Shift+Enter or Shift+F3: previous"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+- while the graph has the focus, "
                                                "or the mouse wheel)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++ while the graph has the focus, "
                                               "or the mouse wheel)"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole graph (Ctrl+0 while the graph has the focus)"))
        self.view.setToolTip(self.tr("Click a layer to select it; double-click a nested network to fold "
                                     "or unfold it; drag to move, wheel to zoom"))
        if self.graph is not None and self._pending is None:  # layer types in the new language
            self.show_graph(self.graph, keep_view=True)
        self._show_found()

    # --- the model ----------------------------------------------------------
    def set_analysis(self, analysis) -> None:
        """A model's table is shown: its graph, laid out (nested models open, as in the table).
        A hidden pane lays it out when it is shown (DenseNet121: ~0.1 s of the GUI thread)."""
        self.scene.set_thumbnails({})
        graph = ModelGraph.from_analysis(analysis) if analysis is not None else None
        if self.isVisibleTo(self.parentWidget()) if self.parentWidget() else self.isVisible():
            self._pending = None
            self.show_graph(graph)
        else:
            self._pending = graph
            self.graph = graph

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending is not None:
            graph, self._pending = self._pending, None
            self.show_graph(graph)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Hidden (the window closed, the graph toggled off): an unfinished build stops here
        and starts again when the pane is shown."""
        super().hideEvent(event)
        if self._build is not None:
            self._stop_build()
            self._pending = self.graph

    def show_graph(self, graph: ModelGraph | None, keep_view: bool = False) -> None:
        """Lay out and draw ``graph`` over the next idle turns (``graph_built`` when done)."""
        self._stop_build()
        self._keep_centre = self.view.mapToScene(self.view.viewport().rect().center()) if keep_view else None
        self.graph = graph
        self._fitted = keep_view
        self._build = self.scene.build(graph, lay_out=self._lay_out)
        self._step()

    def building(self) -> bool:
        """A graph is still being laid out or drawn."""
        return self._build is not None

    def finish_build(self) -> None:
        """The unfinished build completed now (export needs the whole graph)."""
        while self._build is not None:
            if self._waiting is not None:
                self._waiting.result()
            self._step(budget=float("inf"))

    def _lay_out(self, graph: ModelGraph, collapsed, sizes) -> Future:
        number = self._build_number
        courier = self._courier  # held by the callback: the pane may be gone when it runs
        future = _layout_executor().submit(layout_graph, graph, collapsed, sizes)
        future.add_done_callback(lambda _future: courier.laid_out.emit(number))
        return future

    def _on_laid_out(self, number: int) -> None:
        if number == self._build_number and self._build is not None:
            QTimer.singleShot(0, self, self._step)

    def _stop_build(self) -> None:
        self._build_number += 1
        if self._build is not None:
            self._build.close()
        self._build = self._waiting = None

    def _step(self, budget: float | None = None) -> None:
        """One idle turn of the build: steps until ``budget`` seconds (``STEP_BUDGET_S``) are
        spent, the layout is awaited (its signal resumes) or the build is done."""
        deadline = time.perf_counter() + (STEP_BUDGET_S if budget is None else budget)
        while self._build is not None:
            if self._waiting is not None:
                if not self._waiting.done():
                    return
                self._waiting = None
            try:
                self._waiting = next(self._build)
            except StopIteration:
                self._build = None
                self._built()
                return
            if self._waiting is None and time.perf_counter() > deadline:
                QTimer.singleShot(0, self, self._step)
                return

    def _built(self) -> None:
        self._on_search_text(self.search.text())
        if self.scene.selected:  # a layer inside a model just folded: its folded box lit
            self.scene.set_selected(self.scene.selected)
        if self._keep_centre is not None:
            self.view.centerOn(self._keep_centre)
            self._keep_centre = None
        else:
            self._fitted = False
            self._fit_once()
        self.graph_built.emit()

    def _fit_once(self) -> None:
        if not self._fitted and self._build is None and self.view.viewport().width() > 10:
            self._fitted = True
            self.view.first_look()
            if self.scene.selected:
                self.centre_on(self.scene.selected)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self._fitted:
            QTimer.singleShot(0, self, self._fit_once)

    def toggle(self, key: str) -> None:
        """Fold an open nested model into one box, or open a folded one (built in idle turns)."""
        if self.graph is None or key not in self.graph.nested:
            return
        self.finish_build()
        self.scene.collapsed ^= {key}
        self.show_graph(self.graph, keep_view=True)

    def clear(self) -> None:
        self._stop_build()
        self.graph = self._pending = None
        self.scene.set_thumbnails({})
        self.scene.show_graph(None)

    # --- selection ------------------------------------------------------------
    def select_layer(self, key: str | None) -> None:
        """The table's current layer: highlighted and centred."""
        self.scene.set_selected(key)
        if key:
            self.centre_on(key)

    def centre_on(self, key: str) -> None:
        shown = self.scene.item_key(key)
        if shown is not None:
            self.view.centerOn(self.scene.items_by_key[shown])

    def node_position(self, key: str):
        """Where layer ``key``'s box is in the view's viewport (the window tests click there)."""
        item = self.scene.items_by_key[key]
        return self.view.mapFromScene(item.sceneBoundingRect().center())

    def is_highlighted(self, key: str) -> bool:
        shown = self.scene.item_key(key)
        return shown is not None and self.scene.items_by_key[shown].selected

    # --- search ---------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search_text(self, text: str) -> None:
        text = text.strip().lower()
        self.matches = []
        if text and self.graph is not None:
            for key in self.scene.items_by_key:
                node = self.graph.rows[key]
                if text in key.lower() or text in node.type.lower() or text in layer_type(node.type).lower():
                    self.matches.append(key)
        self.match_index = -1
        self.scene.set_matches(self.matches)
        self._show_found()

    def find_next(self, step: int = 1) -> str | None:
        """Select the next (``step`` 1) or previous (-1) match; its layer becomes the current one."""
        if not self.matches:
            return None
        self.match_index = (self.match_index + step) % len(self.matches)
        key = self.matches[self.match_index]
        self._show_found()
        self.layer_clicked.emit(key)
        self.centre_on(key)
        return key

    def _show_found(self) -> None:
        if not self.search.text().strip():
            self.found.setText("")
        elif not self.matches:
            self.found.setText(self.tr("no match"))
        else:
            self.found.setText(self.tr("{0} of {1}").format(max(self.match_index, 0) + 1, len(self.matches))
                               if self.match_index >= 0 else self.tr("%n matches", "", len(self.matches)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.search and event.type() == QEvent.KeyPress:
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ShiftModifier:
                self.find_next(-1)
                return True
            if event.key() == Qt.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return False

    # --- thumbnails ---------------------------------------------------------------
    def show_activations(self, result, runner) -> None:
        """The current photo's activations are computed: make every box's thumbnail in a job."""
        from neurolab.core.graph.thumbnails import thumbnails_job
        from neurolab.gui.worker import LatestJob

        if self._thumbnail_job is None:
            self._thumbnail_job = LatestJob(runner, "thumbnails", self)
        keys = set(self.graph.rows) if self.graph is not None else None
        self._thumbnail_job.start(lambda: thumbnails_job(result, keys), self.scene.set_thumbnails)

    def thumbnails_busy(self) -> bool:
        return self._thumbnail_job is not None and self._thumbnail_job.busy()

    # --- export ---------------------------------------------------------------------
    def export(self, path: str) -> None:
        """The graph as SVG (core's writer) or PNG (this scene), thumbnails included."""
        from neurolab.core.atomic import atomic_write

        self.finish_build()
        if self.graph is None or self.scene.layout is None:
            return
        if path.lower().endswith(".svg"):
            from neurolab.core.graph.svg import graph_svg

            nodes = {n.key: n for n in self.graph.visible(self.scene.collapsed)[0]}
            pictures = {key: self.scene.pictures[key] for key, item in self.scene.items_by_key.items()
                        if item.slot and key in self.scene.pictures}
            data = graph_svg(self.scene.layout, nodes, title=self.graph.name,
                             thumbnails=pictures).encode("utf-8")
        else:
            data = png_bytes(self.scene.render_image(png_scale(self.scene)))
        with atomic_write(path) as fp:
            fp.write(data)
