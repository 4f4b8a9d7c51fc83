"""Line charts on pyqtgraph: real axes with ticks, a title, a legend beside the curves,
hover values, vertical markers for events on the x axis, and a right-click menu of its own
(View all, Save chart as PNG…, Save data as CSV…) in the window's language: pyqtgraph's menus are
English only and full of knobs (transforms, down-sampling, mouse modes) a class never needs.

pyqtgraph takes about a second to import, so a chart builds its pyqtgraph widget only
when it is first shown: the window's first paint (the Activations tab, no chart) does
not wait for it. Until then the series, markers and words are kept here and drawn when
the chart appears. :func:`preload` imports it on a thread of its own once the window is
ready, so that showing the first chart does not import it on the GUI thread either.
"""

from __future__ import annotations

import bisect
import gc
import math
import sys
import threading
import time

import numpy as np
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFontMetrics
from PySide6.QtWidgets import QGraphicsItem, QLabel, QMessageBox, QSizePolicy, QToolTip, QVBoxLayout, QWidget

# Okabe–Ito colours: told apart by colour-blind readers too.
SERIES_COLOURS = ((0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167), (230, 159, 0))
MARKER_COLOUR = (214, 39, 40)  # the single red marker of set_series(marker=...)
EVENT_COLOUR = (110, 110, 110)  # add_marker's event lines
CURSOR_COLOUR = (120, 120, 120)
LOG_FLOOR = 1e-12  # log scales show values at or below zero here
# Live curves (GAN, style transfer) get new points up to 20 times a second, and each paint of
# a chart took 5-20 ms of the GUI thread before its axes were cached (bench_ui.py (d)): new
# points of the same curves are drawn at most this often (the last ones always land);
# anything else redraws at once.
DATA_REDRAW_INTERVAL_S = 0.25
# Charts getting new points (or shown for the first time) at the same moment draw them this
# far apart: one paint each.
DATA_REDRAW_SPACING_S = 0.04
_next_free_slot = 0.0  # monotonic time before which no other chart draws new points
_built_this_turn = False  # a chart was built in this turn of the event loop
_shown_this_turn = False  # a built chart was shown again in this turn
# Axis ends are rounded outwards to these multiples of a power of ten, so that new points
# of a live curve move them (and make pyqtgraph lay out and redraw the axes) only now and
# then instead of at every redraw; at most a quarter of the width is left ahead of the curve.
NICE_ENDS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
_preloading: threading.Thread | None = None


def preload() -> None:
    """Import pyqtgraph on a background thread (once): imported by the GUI thread it froze the
    window for 0.4-1.5 s; from here, the GUI thread waits at most a few tens of milliseconds
    at a time (the import is mostly Python code, which hands the GIL over every 5 ms). A chart
    shown before it is done waits for it (Python's import lock) instead of importing it again."""
    global _preloading
    if "pyqtgraph" in sys.modules or _preloading is not None:
        return
    _preloading = threading.Thread(target=_import_pyqtgraph, name="import pyqtgraph", daemon=True)
    _preloading.start()


def _next_turn() -> None:
    global _built_this_turn, _shown_this_turn
    _built_this_turn = _shown_this_turn = False


def _import_pyqtgraph() -> None:
    """The import with the garbage collector held off: the objects it makes start a full
    collection, which walks every object of the process (~370,000 with a model open: 200-400
    ms) holding the GIL, so the GUI thread stood still for as long."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        import pyqtgraph  # noqa: F401
    finally:
        if collecting:
            gc.enable()


def _decimal_point() -> str:
    from neurolab.gui.locale_format import number

    return number(0.5, 1)[1]


def significant(value: float, digits: int = 3) -> str:
    """``value`` to ``digits`` significant digits in the window's language, like ``{:.3g}``
    without its exponent: 0,0123; 52,3; 1,5; 1 520."""
    from neurolab.gui.locale_format import number

    if not math.isfinite(value):
        return "–"
    if value == 0:
        return number(0.0, 0)
    decimals = digits - 1 - math.floor(math.log10(abs(value)))
    rounded = round(value, decimals)
    while decimals > 0 and round(rounded, decimals - 1) == rounded:  # no trailing zeros
        decimals -= 1
    return number(rounded, max(0, min(decimals, 10)))


def nice_ceiling(value: float) -> float:
    """The smallest m × 10ⁿ ≥ ``value`` with m from :data:`NICE_ENDS` (0 and below: ``value``)."""
    if value <= 0 or not math.isfinite(value):
        return value
    power = 10.0 ** math.floor(math.log10(value))
    for multiple in NICE_ENDS:
        end = multiple * power
        if end >= value * (1 - 1e-12):
            return end
    return 10.0 * power


def nice_range(low: float, high: float, *, steps: int = 10) -> tuple[float, float]:
    """``low``…``high`` padded a little and rounded outwards to a 1, 2 or 5 × 10ⁿ unit of
    about a ``steps``-th of the span: ranges of growing data change in steps, not each time."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return 0.0, 1.0
    span = high - low
    if span <= 0:
        span = abs(high) or 1.0
    power = 10.0 ** math.floor(math.log10(span / steps))
    unit = next(m * power for m in (1.0, 2.0, 5.0, 10.0) if m * power >= span / steps)
    pad = span * 0.02
    return math.floor((low - pad) / unit) * unit, math.ceil((high + pad) / unit) * unit


_AXIS_CLASS = None


def _axis_class():
    """An AxisItem whose tick labels use the window's decimal mark (0,5 in Czech); made once."""
    global _AXIS_CLASS
    if _AXIS_CLASS is None:
        _AXIS_CLASS = _make_axis_class()
    return _AXIS_CLASS


def _make_axis_class():
    import pyqtgraph as pg

    class LocaleAxis(pg.AxisItem):
        _label_html = None

        def _updateLabel(self):  # noqa: N802 - pyqtgraph's name
            """Set the label's text only when it changes: pyqtgraph sets it again at every range
            and style change (40 times while a chart is built), and each ``setHtml`` lays out a
            text document: 10 of a chart's ~30 ms build (``benchmarks/bench_ui.py`` (e))."""
            html = self.labelString()
            if html != self._label_html:
                self._label_html = html
                self.label.setHtml(html)
            self._adjustSize()
            self.picture = None
            self.update()

        def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802,N803
            """Labelled ticks at 1, 2 and 5 × 10ⁿ where a decade fills the axis, else only at
            the decades; the rest of 2…9 × 10ⁿ unlabelled (pyqtgraph labels all of them, and
            in a small chart they overlap)."""
            low, high = math.floor(minVal), math.ceil(maxVal)
            every = [d + math.log10(k) for d in range(low, high) for k in range(1, 10)]
            inside = [v for v in every if minVal <= v <= maxVal]
            major = [v for v in inside if abs(v - round(v)) < 1e-9]
            if len(major) < 3:
                major = [v for v in inside
                         if round(10 ** (v - math.floor(v + 1e-9))) in (1, 2, 5)]
            return [(None, major), (None, [v for v in inside if v not in major])]

        def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
            mark = _decimal_point()
            strings = super().tickStrings(values, scale, spacing)
            return strings if mark == "." else [s.replace(".", mark) for s in strings]

        def fit_text_space(self, low: float, high: float, length: float) -> None:
            """Reserve room for exactly the tick labels of ``low``…``high`` before they are drawn.
            pyqtgraph learns the labels' size while painting them and then resizes the axis,
            so each new range was laid out and drawn twice (~10 ms a chart at the Train tab's
            Start, ``benchmarks/bench_ui.py`` (e)). Needs ``autoExpandTextSpace=False``."""
            texts = []
            scale = self.autoSIPrefixScale * self.scale
            for level, (spacing, values) in enumerate(self.tickValues(low, high, max(length, 1.0))):
                if level > self.style["maxTextLevel"]:
                    break
                texts += (self.logTickStrings if self.logMode else self.tickStrings)(values, scale, spacing)
            metrics = QFontMetrics(self.style["tickFont"])
            if self.orientation in ("left", "right"):
                width = max((metrics.horizontalAdvance(text) for text in texts), default=0) + 4
                if width != self.style["tickTextWidth"]:
                    self.setStyle(tickTextWidth=width)

    return LocaleAxis


def prepare_in_turns(charts, owner: QWidget, delay_s: float = DATA_REDRAW_INTERVAL_S) -> None:
    """Build ``charts`` (hidden ones too) one per idle turn of the event loop, the first
    ``delay_s`` from now (not with what asks: a tab's first show lays itself out and paints
    first) and each next :data:`DATA_REDRAW_SPACING_S` later, once pyqtgraph is imported
    (``preload``); charts shown before then build themselves when shown, as ever. ``owner``
    ends the timers with it."""
    waiting = [chart for chart in charts if chart.plot_widget is None]
    if waiting and (pyqtgraph_ready() or _importing()):  # else the charts build when shown
        QTimer.singleShot(int(delay_s * 1000), owner, lambda: _prepare_next(waiting, owner))


def _prepare_next(charts, owner: QWidget) -> None:
    waiting = [chart for chart in charts if chart.plot_widget is None]
    if waiting and waiting[0].prepare():
        waiting = waiting[1:]
    if waiting:
        prepare_in_turns(waiting, owner, DATA_REDRAW_SPACING_S)


def pyqtgraph_ready() -> bool:
    """pyqtgraph is imported and no thread is still importing it (using it then would wait
    for the import on the GUI thread)."""
    return "pyqtgraph" in sys.modules and not _importing()


def _importing() -> bool:
    return _preloading is not None and _preloading.is_alive()


# Chart views let paint (their first paint after a show) that have not painted yet, with when;
# one that has not painted within FIRST_PAINT_WAIT_S (hidden, no room) holds no other back.
_unpainted: list = []
FIRST_PAINT_WAIT_S = 0.5


def _let_paint(view) -> None:
    """Let ``view`` paint, unless another view let before it has not painted yet (then a
    spacing later); the view's viewport reports its paint (:class:`_PaintWatch`)."""
    now = time.monotonic()
    _unpainted[:] = [(other, since) for other, since in _unpainted
                     if other is not view and now - since < FIRST_PAINT_WAIT_S and _alive(other)]
    if _unpainted:
        QTimer.singleShot(int(DATA_REDRAW_SPACING_S * 1000), view, lambda: _let_paint(view))
        return
    _unpainted.append((view, now))
    view.setUpdatesEnabled(True)


def _alive(view) -> bool:
    try:
        return view.isVisible() and view.updatesEnabled()
    except RuntimeError:  # deleted
        return False


class _PaintWatch(QObject):
    """On a chart's viewport: its paint takes it off :data:`_unpainted`."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and _unpainted:
            _unpainted[:] = [entry for entry in _unpainted if entry[0] is not self.view]
        return False


class CurvePlot(QWidget):
    """y(x) curves (one or a few, with a legend), markers and a cursor line.

    ``log_y`` plots on a log scale (losses that fall by orders of magnitude);
    ``y_range=None`` fits the y axis to the data.
    """

    def __init__(self, parent: QWidget | None = None, *, x_label: str = "", y_label: str = "",
                 y_range: tuple[float, float] | None = (0.0, 1.0), log_y: bool = False,
                 placeholder: str = "", title: str = "", x_unit: str = "", y_unit: str = "",
                 y_from_zero: bool = False):
        super().__init__(parent)
        self.placeholder = placeholder  # shown while there is nothing to draw
        self.title = title
        self.series: list[tuple[str, list[float], list[float]]] = []
        self.marker: float | None = None  # the one highlighted x (e.g. where the class flips)
        self.markers: list[tuple[float, str]] = []  # events on the x axis (add_marker)
        self.cursor: float | None = None
        self.x_label, self.y_label, self.y_range, self.log_y = x_label, y_label, y_range, log_y
        self.x_unit, self.y_unit = x_unit, y_unit
        self.y_from_zero = y_from_zero  # a fitted y axis of values ≥ 0 starts at 0 (losses)
        self.x_span: tuple[float, float] | None = None  # the x range shown at least (set_x_span)
        self.plot_widget = None  # the pyqtgraph widget, built on first show
        self._plot_item_made = None  # its plot item, made ahead in an idle turn (prepare)
        self.context_menu = None  # the right-click menu last shown
        self._curves: list = []
        self._lines: list = []
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder_label = QLabel(self)
        self._placeholder_label.setAlignment(Qt.AlignCenter)
        self._placeholder_label.setWordWrap(True)
        self._placeholder_label.setAttribute(Qt.WA_TransparentForMouseEvents)
        self._placeholder_label.setStyleSheet("color: palette(placeholder-text);")
        self._chrome_key = None  # what the title, axes and legend were last drawn with
        self._view_range = None  # the (x, y) ranges last set
        self._lines_key = None  # the markers and cursor the lines were last drawn for
        self._last_redraw = 0.0
        self._stale = False  # new points arrived while the chart was hidden
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        # a coarse timer fires up to 5 % early: two charts' new points would share one paint
        self._redraw_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._redraw_timer.timeout.connect(self._redraw)
        self.view_all_action = QAction(self)
        self.view_all_action.triggered.connect(self._view_all)
        self.save_image_action = QAction(self)
        self.save_image_action.triggered.connect(self._save_image)
        self.save_data_action = QAction(self)
        self.save_data_action.triggered.connect(self._save_data)
        self.retranslate_ui()
        self._redraw()

    def retranslate_ui(self) -> None:
        self.view_all_action.setText(self.tr("View all"))
        self.save_image_action.setText(self.tr("Save chart as PNG…"))
        self.save_data_action.setText(self.tr("Save data as CSV…"))

    def context_actions(self) -> list[QAction]:
        """What right-clicking the chart offers."""
        return [self.view_all_action, self.save_image_action, self.save_data_action]

    def sizeHint(self) -> QSize:
        return QSize(360, 200)

    # --- the data -----------------------------------------------------------
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
        same_curves = [name for name, _, _ in series] == [name for name, _, _ in self.series]
        self.series = [(name, list(map(float, xs)), list(map(float, ys))) for name, xs, ys in series]
        unchanged_marker = marker == self.marker
        self.marker = marker
        if same_curves and unchanged_marker and self.plot_widget is not None and not self.isVisible():
            self._stale = True  # a chart on another tab: its new points wait until it is shown
            return
        if same_curves and unchanged_marker and self.plot_widget is not None:
            self._redraw_data_soon()
            return
        self._redraw()

    def _redraw_data_soon(self) -> None:
        """New points only: drawn now or a little later, never more often than
        :data:`DATA_REDRAW_INTERVAL_S`, and never in the same paint as another chart's new
        points (a GAN's two charts get theirs together: painted together they held the GUI
        thread twice as long)."""
        global _next_free_slot
        if self._redraw_timer.isActive():
            return  # already waiting: it draws the latest points
        now = time.monotonic()
        due = max(self._last_redraw + DATA_REDRAW_INTERVAL_S, _next_free_slot, now)
        _next_free_slot = due + DATA_REDRAW_SPACING_S
        if due <= now:
            self._redraw()
        else:
            self._redraw_timer.start(int((due - now) * 1000) + 1)

    def set_x_span(self, low: float, high: float) -> None:
        """Show at least ``low``…``high`` on the x axis (a run's planned epochs): the axes are laid
        out once for the whole run instead of each time the curves grow past a nice end, which
        redrew both axes' pictures (3-5 ms each, and more while training holds the CPU)."""
        self.x_span = (float(low), float(high))
        self._redraw()

    def flush(self) -> None:
        """Draw points still waiting for the next redraw, and a first paint still waiting for its
        turn (before grabbing or exporting)."""
        if self._redraw_timer.isActive():
            self._redraw_timer.stop()
            self._redraw()
        if self.plot_widget is not None and not self.plot_widget.updatesEnabled():
            self.plot_widget.setUpdatesEnabled(True)

    def clear(self) -> None:
        """No curves and no markers (a new run starts)."""
        self.markers = []
        self.set_series([])

    def add_marker(self, x: float, label: str = "") -> None:
        """A labelled vertical line at ``x``: an event on the x axis (e.g. a scale change).

        Markers are kept in x order, whatever order they come in (a style transfer's progress
        events can be merged, and its last scale change then arrives before the first)."""
        bisect.insort(self.markers, (float(x), label))
        self._redraw()

    def set_title(self, title: str) -> None:
        self.title = title
        self._redraw()

    def set_cursor(self, x: float | None) -> None:
        self.cursor = x
        self._redraw()

    def text_slots(self):
        """(what, get, set) of the words drawn: title, axis labels, placeholder, legend names and
        marker labels (the window translates them again when its language changes)."""
        def setter(attribute):
            return lambda text: (setattr(self, attribute, text), self._redraw())

        slots = [(name, lambda name=name: getattr(self, name), setter(name))
                 for name in ("title", "x_label", "y_label", "placeholder")]
        for index in range(len(self.series)):
            slots.append((f"series {index}", lambda i=index: self.series[i][0],
                          lambda text, i=index: self._rename_series(i, text)))
        for index in range(len(self.markers)):
            slots.append((f"marker {index}", lambda i=index: self.markers[i][1],
                          lambda text, i=index: self._rename_marker(i, text)))
        return slots

    def _rename_series(self, index: int, name: str) -> None:
        _, xs, ys = self.series[index]
        self.series[index] = (name, xs, ys)
        self._redraw()

    def _rename_marker(self, index: int, label: str) -> None:
        self.markers[index] = (self.markers[index][0], label)
        self._redraw()

    def value_text(self, x: float) -> str:
        """What hovering at ``x`` shows: the nearest point's x and each curve's y there."""
        if not self.xs:
            return ""
        nearest = min(range(len(self.xs)), key=lambda i: abs(self.xs[i] - x))
        at = self.xs[nearest]
        lines = [f"{self.x_label or 'x'} {significant(at)}"]
        for name, xs, ys in self.series:
            if xs:
                i = min(range(len(xs)), key=lambda j: abs(xs[j] - at))
                lines.append(f"{name or self.y_label or 'y'}: {significant(ys[i])}")
        return "\n".join(lines)

    # --- drawing ------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.plot_widget is None:
            self._build_if_shown()
        else:
            if self._stale:
                self._redraw()
            self._paint_in_own_turn()
        super().showEvent(event)

    def _paint_in_own_turn(self) -> None:
        """The first chart shown in a turn paints with the show; another shown with it (a page
        with two charts, the Train tab's Start) paints :data:`DATA_REDRAW_SPACING_S` later and
        only once the one before it has painted: the first paint of a chart draws its axes'
        cached pictures (~10-20 ms), two in one paint held the GUI thread twice as long, and on
        a starved CPU (load average 10) a timer alone expired before the first chart painted,
        so both painted in one 55 ms turn (``benchmarks/bench_ui.py`` (e)). Deferring the first
        chart too was measured and not kept: its paint then met the page's layout work later."""
        global _shown_this_turn
        view = self.plot_widget
        if not _shown_this_turn:
            _shown_this_turn = True
            QTimer.singleShot(0, _next_turn)
            _unpainted.append((view, time.monotonic()))  # paints now, with the show
            return
        view.setUpdatesEnabled(False)
        QTimer.singleShot(int(DATA_REDRAW_SPACING_S * 1000), view, lambda: _let_paint(view))

    def _build_if_shown(self) -> None:
        """Build the pyqtgraph chart, unless another chart was built in this turn of the event
        loop: building one and its first paint take ~20 ms of the GUI thread, so a second chart
        shown at the same moment (the GAN tab has two) is built a moment later."""
        global _built_this_turn
        if self.plot_widget is not None or not self.isVisible():
            return
        if _built_this_turn:
            QTimer.singleShot(int(DATA_REDRAW_SPACING_S * 1000), self, self._build_if_shown)
            return
        _built_this_turn = True
        QTimer.singleShot(0, _next_turn)
        self._build()

    def prepare(self) -> bool:
        """Build the pyqtgraph chart while hidden, one half per call (its plot item, then its view
        and everything on it), when pyqtgraph is already imported and no other chart was built in
        this turn of the event loop; True once it is built. A tab calls it in idle turns before the
        chart is needed (:func:`prepare_in_turns`): built at the moment it is first shown (the
        Train tab's Start), two charts held the GUI thread 21-26 ms each on top of their first
        paints, and built whole in an idle turn, a chart of the hidden Train page held it 30-45 ms
        (``benchmarks/bench_ui.py`` (e))."""
        global _built_this_turn
        if self.plot_widget is not None:
            return True
        if not pyqtgraph_ready() or _built_this_turn:
            return False  # never imported on the GUI thread; one build per turn
        _built_this_turn = True
        QTimer.singleShot(0, _next_turn)
        if self._plot_item_made is None:
            self._plot_item_made = self._make_plot_item()
            return False
        self._build()
        return True

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_placeholder()

    def _build(self) -> None:
        import pyqtgraph as pg

        palette = self.palette()
        text = palette.text().color()
        item, self._plot_item_made = self._plot_item_made or self._make_plot_item(), None
        self.plot_widget = pg.PlotWidget(self, background=palette.base().color(), plotItem=item)
        self.plot_widget.setObjectName("curvePlotView")
        self.plot_widget.viewport().installEventFilter(_PaintWatch(self.plot_widget))
        self.plot_widget.setMinimumSize(0, 0)
        self.plot_widget.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.plot_widget.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        item = self.plot_item
        item.showGrid(x=True, y=True, alpha=0.28)  # as dark as the two grids of 0.15 it was
        item.setMenuEnabled(False, False)  # pyqtgraph's own menus: see the module docstring
        self.plot_widget.scene().contextMenu = []  # its "Export..." entry
        self.plot_widget.setContextMenuPolicy(Qt.CustomContextMenu)
        self.plot_widget.customContextMenuRequested.connect(self._show_menu)
        item.hideButtons()  # the "A" auto-range button: the right-click menu has View all
        for name in ("bottom", "left", "top", "right"):
            ax = item.getAxis(name)
            # Each axis draws its ticks and its grid lines over the whole plot area: kept as a
            # pixmap, so that new points of a curve do not replay them (~2-6 ms an axis each
            # paint); redrawn when the axis range changes (rarely: see NICE_ENDS, set_x_span).
            ax.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
            ax.enableAutoSIPrefix(False)
            if name in ("bottom", "left"):
                ax.setPen(pg.mkPen(text))
                ax.setTextPen(pg.mkPen(text))
            else:  # the frame's other two sides: ticks without labels (MATLAB's box), no grid of
                ax.setGrid(False)  # their own (showGrid gives all four one; two doubled its ink):
                ax.setStyle(showValues=False)  # their labels repeated the others' (~5 ms a paint)
        # Labels on the main ticks only: a chart 150 px high has room for a few. The room for
        # the labels is reserved before they are drawn (fit_text_space), in the chart's font.
        font = self.font()
        for name in ("bottom", "left", "top", "right"):
            item.getAxis(name).setStyle(tickFont=font, autoExpandTextSpace=False)
        item.getAxis("left").setStyle(maxTextLevel=0)
        item.getAxis("bottom").setStyle(tickTextHeight=QFontMetrics(font).height())
        # The legend is a row of its own under the x axis: pyqtgraph's default floats it
        # over the curves, which hides them in a small chart.
        self.legend = pg.LegendItem(colCount=4, labelTextColor=text, labelTextSize="9pt",
                                    verSpacing=-4)
        item.layout.addItem(self.legend, 4, 1, alignment=Qt.AlignHCenter)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        item.vb.sigResized.connect(self._place_placeholder)
        self._layout.addWidget(self.plot_widget)
        self._placeholder_label.raise_()
        self._redraw()

    def _make_plot_item(self):
        """pyqtgraph's plot item with our axes, no pyqtgraph menus (see the module docstring)."""
        import pyqtgraph as pg

        axis = _axis_class()
        return pg.PlotItem(enableMenu=False,
                           axisItems={side: axis(side) for side in ("bottom", "left", "top", "right")})

    @property
    def plot_item(self):
        """pyqtgraph's PlotItem (axes, curves, its export menu); None before the chart is shown."""
        return self.plot_widget.getPlotItem() if self.plot_widget is not None else None

    def _show_menu(self, position) -> None:
        """The chart's own menu, as a popup (returns at once, like every menu of the window)."""
        from PySide6.QtWidgets import QMenu

        self.context_menu = QMenu(self)
        self.context_menu.addActions(self.context_actions())
        self.context_menu.popup(self.plot_widget.mapToGlobal(position))

    def _view_all(self) -> None:
        self._view_range = None
        if self.plot_widget is not None:
            self._set_view_range()

    def _save_image(self) -> None:
        from pyqtgraph.exporters import ImageExporter

        self._export(ImageExporter, self.tr("Save chart as PNG"), "png", self.tr("PNG images (*.png)"))

    def _save_data(self) -> None:
        from pyqtgraph.exporters import CSVExporter

        self._export(CSVExporter, self.tr("Save data as CSV"), "csv", self.tr("CSV files (*.csv)"))

    def _export(self, exporter, title: str, suffix: str, filters: str) -> None:
        from neurolab.gui.file_dialogs import save_file

        if self.plot_item is None:
            return
        name = (self.title or "chart").replace("/", "-")
        path = save_file(self, title, f"{name}.{suffix}", filters)
        if not path:
            return
        if not path.lower().endswith("." + suffix):
            path += "." + suffix
        try:
            exporter(self.plot_item).export(path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, title, self.tr("The chart could not be saved to {0}: {1}")
                                .format(path, getattr(exc, "strerror", None) or exc))

    def _redraw(self) -> None:
        self._placeholder_label.setText(self.placeholder)
        drawn = any(len(xs) >= 2 for _, xs, _ in self.series)
        self._placeholder_label.setVisible(bool(self.placeholder) and not drawn)
        self._place_placeholder()
        if self.plot_widget is None:
            return
        import pyqtgraph as pg

        self._redraw_timer.stop()
        self._stale = False
        self._last_redraw = time.monotonic()
        item = self.plot_item
        text_colour = self.palette().text().color().name()
        names = tuple(name for name, _, _ in self.series)
        if not names and self._chrome_key is not None:
            names = self._chrome_key[-1]  # cleared: the curves stay, empty, for the next run's points
        chrome = (self.title, text_colour, self.x_label, self.x_unit, self.y_label, self.y_unit,
                  self.log_y, names)
        # Titles, axes and legend only when they change: live curves (GAN, style transfer) get
        # new points up to 20 times a second, and re-laying out the axes each time held the GUI
        # thread for up to 120 ms (benchmarks/bench_ui.py (d)); new points only set the data.
        if chrome != self._chrome_key:
            self._chrome_key = chrome
            item.setTitle(self.title or None, color=text_colour, size="10pt")
            item.setLabel("bottom", self.x_label, units=self.x_unit or None)
            item.setLabel("left", self.y_label, units=self.y_unit or None)
            item.setLogMode(x=False, y=self.log_y)
            self._view_range = None
            for curve in self._curves:
                item.removeItem(curve)
            self.legend.clear()
            self._curves = []
            for index, name in enumerate(names):
                colour = QColor(*SERIES_COLOURS[index % len(SERIES_COLOURS)])
                curve = item.plot([], [], pen=pg.mkPen(colour, width=2), name=name or None)
                self._curves.append(curve)
                if name:
                    self.legend.addItem(curve, name)
            self.legend.setVisible(any(names))
            item.layout.setRowFixedHeight(4, 22 if self.legend.isVisible() else 0)
        for index, curve in enumerate(self._curves):  # new points: the data only
            _, xs, ys = self.series[index] if index < len(self.series) else ("", [], [])
            curve.setData(xs, [max(y, LOG_FLOOR) if self.log_y else y for y in ys])
        lines = (tuple(self.markers), self.marker, self.cursor)
        if lines != self._lines_key:  # the lines and their labels, only when they change
            self._lines_key = lines
            for line in self._lines:
                item.removeItem(line)
            self._lines = []
            for x, label in self.markers:
                self._add_line(x, EVENT_COLOUR, label)
            if self.marker is not None:
                self._add_line(self.marker, MARKER_COLOUR, "")
            if self.cursor is not None:
                self._add_line(self.cursor, CURSOR_COLOUR, "")
        self._set_view_range()

    def view_ranges(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """The x and y ranges the curves are shown in (y in log10 units on a log scale): all
        points inside, the ends rounded outwards (:func:`nice_ceiling`, :func:`nice_range`)."""
        xs = np.array([x for _, series_x, _ in self.series for x in series_x], dtype=float)
        xs = xs[np.isfinite(xs)]
        if not xs.size and self.x_span is not None:  # laid out for the run before its first point
            xs = np.array(self.x_span)
        if not xs.size:
            return None
        x_low, x_high = float(xs.min()), float(xs.max())
        if self.x_span is not None:
            x_low, x_high = min(x_low, self.x_span[0]), max(x_high, self.x_span[1])
        if x_high <= x_low:
            x_range = (x_low - 0.5, x_high + 0.5)
        else:
            if self.x_span is not None and (x_low, x_high) == self.x_span:
                pass  # the run's own length, as it is (12 epochs end at 12)
            elif x_low >= 0:
                x_high = x_low + nice_ceiling(x_high - x_low)
            else:
                x_low, x_high = nice_range(x_low, x_high)
            pad = (x_high - x_low) * 0.03  # the end ticks' labels fit
            x_range = (x_low - pad, x_high + pad)
        if self.y_range is not None:
            low, high = self.y_range
            if self.log_y:
                low, high = math.log10(max(low, LOG_FLOOR)), math.log10(max(high, LOG_FLOOR))
            pad = (high - low) * 0.04
            return x_range, (low - pad, high + pad)
        ys = np.array([y for _, _, series_y in self.series for y in series_y], dtype=float)
        ys = ys[np.isfinite(ys)]
        if not ys.size:
            return x_range, (0.0, 1.0)
        if self.log_y:
            ys = np.log10(np.maximum(ys, LOG_FLOOR))
        elif self.y_from_zero and ys.min() >= 0:  # set by the largest value only: changes rarely
            high = nice_ceiling(float(ys.max()) * 1.02) or 1.0
            return x_range, (-high * 0.06, high)  # room for the "0" label
        return x_range, nice_range(float(ys.min()), float(ys.max()))

    def _set_view_range(self) -> None:
        """Set the ranges when they change: an unchanged range leaves the axes' cached pictures
        alone (setting it, or pyqtgraph's auto range, relays them out and redraws them)."""
        ranges = self.view_ranges()
        if ranges is None or ranges == self._view_range:
            return
        self._view_range = ranges
        (x_low, x_high), (y_low, y_high) = ranges
        self.plot_item.getAxis("left").fit_text_space(y_low, y_high, self.plot_item.vb.height())
        self.plot_item.vb.setRange(xRange=(x_low, x_high), yRange=(y_low, y_high), padding=0)

    def _add_line(self, x: float, rgb: tuple[int, int, int], label: str) -> None:
        import pyqtgraph as pg

        pen = pg.mkPen(QColor(*rgb), width=1, style=Qt.DashLine)
        line = pg.InfiniteLine(pos=x, angle=90, movable=False, pen=pen, label=label or None,
                               labelOpts={"position": 0.92, "color": QColor(*rgb),
                                          "anchors": [(0, 0), (0, 0)]})
        self.plot_item.addItem(line, ignoreBounds=True)
        self._lines.append(line)

    def _place_placeholder(self) -> None:
        """The placeholder fills the plot area (inside the axes), or the whole chart before
        pyqtgraph is built."""
        rect = self.rect().adjusted(8, 8, -8, -8)
        if self.plot_widget is not None:
            view = self.plot_widget.mapFromScene(self.plot_item.vb.sceneBoundingRect()).boundingRect()
            if view.width() > 40 and view.height() > 20:
                rect = view.translated(self.plot_widget.pos()).adjusted(4, 2, -4, -2)
        self._placeholder_label.setGeometry(rect)

    def _on_mouse_moved(self, position) -> None:
        """Hover: the values under the mouse as a tooltip."""
        item = self.plot_item
        if not self.xs or not item.vb.sceneBoundingRect().contains(position):
            return
        x = item.vb.mapSceneToView(position).x()
        global_pos = self.plot_widget.mapToGlobal(self.plot_widget.mapFromScene(position))
        QToolTip.showText(global_pos, self.value_text(x), self.plot_widget)
