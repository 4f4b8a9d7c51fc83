"""The charts (pyqtgraph): axes with ticks, a title, a legend that leaves the curves free,
hover values, markers, export, Czech numbers, and no pyqtgraph before the first paint."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.fixture
def plot(qtbot):
    from neurolab.gui.widgets.curve_plot import CurvePlot

    plot = CurvePlot(x_label="step", y_label="loss", y_range=None, title="Losses",
                     placeholder="Nothing yet")
    qtbot.addWidget(plot)
    plot.resize(360, 200)  # a GAN chart's size at 1366×768
    plot.show()
    qtbot.waitExposed(plot)
    _wait_built(qtbot, plot)
    return plot


def _wait_built(qtbot, plot):
    """A shown chart is built at once, or a moment later when another was just built."""
    qtbot.waitUntil(lambda: plot.plot_item is not None, timeout=2_000)


def _two_curves(plot):
    steps = list(range(0, 200, 10))
    plot.set_series([("generator", steps, [1.0 + 0.01 * s for s in steps]),
                     ("discriminator", steps, [2.0 - 0.005 * s for s in steps])])


def test_chart_has_a_title_axis_labels_and_ticks(plot, english):
    _two_curves(plot)
    item = plot.plot_item
    assert item.titleLabel.text == "Losses"
    assert item.getAxis("bottom").labelText == "step" and item.getAxis("left").labelText == "loss"
    left = item.getAxis("left")
    low, high = item.vb.viewRange()[1]
    labelled = [v for _, values in left.tickValues(low, high, left.height()) for v in values]
    assert len(labelled) >= 2 and low <= min(labelled) and max(labelled) <= high


def test_legend_sits_outside_the_plot_area(plot, qtbot):
    """The old chart drew its legend over the curves, hiding them in a 180×85 px chart."""
    _two_curves(plot)
    qtbot.wait(20)
    legend = plot.legend.sceneBoundingRect()
    view = plot.plot_item.vb.sceneBoundingRect()
    assert plot.legend.isVisible() and len(plot.legend.items) == 2
    assert not legend.intersects(view)
    assert plot.plot_widget.rect().contains(plot.plot_widget.mapFromScene(legend).boundingRect())


def test_placeholder_until_there_is_a_curve(plot):
    assert plot._placeholder_label.isVisible() and plot._placeholder_label.text() == "Nothing yet"
    _two_curves(plot)
    assert not plot._placeholder_label.isVisible()
    plot.clear()
    assert plot._placeholder_label.isVisible() and plot.series == [] and plot.markers == []


def test_markers_are_labelled_vertical_lines(plot):
    import pyqtgraph as pg

    _two_curves(plot)
    plot.add_marker(109.5, "256×171 px")  # out of order: kept in x order
    plot.add_marker(45.5, "128×85 px")
    lines = [i for i in plot.plot_item.items if isinstance(i, pg.InfiniteLine)]
    assert sorted(line.value() for line in lines) == [45.5, 109.5]
    assert sorted(line.label.format for line in lines) == ["128×85 px", "256×171 px"]
    assert [what for what, _, _ in plot.text_slots()][-2:] == ["marker 0", "marker 1"]
    assert [x for x, _ in plot.markers] == [45.5, 109.5]


def test_hovering_shows_the_values_under_the_mouse(plot, qtbot, english):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QToolTip

    _two_curves(plot)
    qtbot.wait(20)
    view = plot.plot_item.vb
    scene_point = view.mapViewToScene(QPointF(100.0, 1.5))
    target = plot.plot_widget.mapFromScene(scene_point)
    QTest.mouseMove(plot.plot_widget.viewport(), QPoint(target.x() - 3, target.y()))
    QTest.mouseMove(plot.plot_widget.viewport(), target)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert QToolTip.text() == "step 100\ngenerator: 2\ndiscriminator: 1.5"


def test_czech_ticks_and_hover_values_use_a_decimal_comma(plot, czech):
    _two_curves(plot)
    left = plot.plot_item.getAxis("left")
    assert left.tickStrings([0.5, 1.5], 1.0, 0.5) == ["0,5", "1,5"]
    assert "discriminator: 1,5" in plot.value_text(100)
    assert plot.value_text(30).splitlines()[1] == "generator: 1,3"


def test_export_to_png_and_csv_works_offscreen(plot, tmp_path):
    from pyqtgraph.exporters import CSVExporter, ImageExporter

    _two_curves(plot)
    ImageExporter(plot.plot_item).export(str(tmp_path / "chart.png"))
    CSVExporter(plot.plot_item).export(str(tmp_path / "chart.csv"))
    assert (tmp_path / "chart.png").stat().st_size > 1000
    rows = (tmp_path / "chart.csv").read_text().splitlines()
    assert len(rows) == 21 and "generator" in rows[0]



def _right_click_menu(plot):
    """Right-click the chart as a user does: the menu that pops up."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    viewport = plot.plot_widget.viewport()
    centre = viewport.rect().center()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Mouse, centre,
                                                       viewport.mapToGlobal(centre)))
    menu = plot.context_menu
    assert menu is not None and menu.isVisible()
    assert isinstance(centre, QPoint)
    return menu


def test_right_click_offers_view_all_and_saving_in_the_window_language(czech, plot, tmp_path, monkeypatch):
    from neurolab.gui import file_dialogs

    _two_curves(plot)
    menu = _right_click_menu(plot)
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Zobrazit vše", "Uložit graf jako PNG…", "Uložit data jako CSV…"], texts
    menu.close()

    saved = []
    monkeypatch.setattr(file_dialogs, "save_file",
                        lambda parent, title, suggested, filters: saved.append(suggested)
                        or str(tmp_path / suggested.replace(".png", "").replace(".csv", "")))
    plot.save_image_action.trigger()
    plot.save_data_action.trigger()
    assert saved == ["Losses.png", "Losses.csv"]
    assert (tmp_path / "Losses.png").stat().st_size > 1000
    rows = (tmp_path / "Losses.csv").read_text().splitlines()
    assert len(rows) == 21 and "generator" in rows[0]


def test_view_all_brings_back_the_whole_curve_after_zooming(plot):
    _two_curves(plot)
    whole = plot.plot_item.vb.viewRange()
    plot.plot_item.vb.setRange(xRange=(50, 60), yRange=(1.4, 1.5), padding=0)  # a wheel zoom
    assert plot.plot_item.vb.viewRange()[0] == [50, 60]
    _right_click_menu(plot).actions()[0].trigger()
    assert plot.plot_item.vb.viewRange() == whole


def test_language_switch_renames_the_menu(plot, qapp):
    from neurolab.gui.language import install_translator, remove_translators

    remove_translators(qapp)
    assert plot.view_all_action.text() == "View all"
    install_translator(qapp, "cs")
    try:
        plot.retranslate_ui()  # what the window's language switch calls on every widget
        assert plot.view_all_action.text() == "Zobrazit vše"
    finally:
        remove_translators(qapp)


def test_log_axis_labels_do_not_crowd(qtbot):
    from neurolab.gui.widgets.curve_plot import CurvePlot

    plot = CurvePlot(x_label="step", y_label="loss", y_range=None, log_y=True)
    qtbot.addWidget(plot)
    plot.resize(360, 160)
    plot.show()
    _wait_built(qtbot, plot)
    plot.set_curve(range(1, 101), [0.9 * 0.97 ** i + 0.03 for i in range(1, 101)])
    qtbot.wait(20)
    left = plot.plot_item.getAxis("left")
    low, high = plot.plot_item.vb.viewRange()[1]
    labelled = left.tickValues(low, high, left.height())[0][1]  # the labelled level
    assert 2 <= len(labelled) <= 5  # pyqtgraph's default labels ~10 here, on top of each other


def test_the_window_paints_before_pyqtgraph_is_imported(tmp_path):
    """pyqtgraph takes ~1 s to import: the Activations tab (no chart) is shown without it."""
    script = (
        "import sys\n"
        "from neurolab.gui.app import application, create_window\n"
        "from neurolab.gui.tabs.gan import GanTab\n"
        "app = application()\n"
        "window = create_window(model='shapes')\n"
        "window.show(); app.processEvents()\n"
        "before = 'pyqtgraph' in sys.modules\n"
        "window.show_tab(window.tab(GanTab)); app.processEvents()\n"
        "print(before, 'pyqtgraph' in sys.modules)\n"
        "window.close()\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROLAB_CONFIG_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-2:] == ["False", "True"]


def test_live_points_are_drawn_a_few_times_a_second_and_the_last_ones_land(plot, qtbot, monkeypatch):
    """A GAN sends new points up to 20 times a second; redrawing the chart each time held the
    GUI thread for up to 120 ms a second (benchmarks/bench_ui.py (d))."""
    from neurolab.gui.widgets import curve_plot

    _two_curves(plot)  # new curves: drawn at once
    redraws = []
    original = curve_plot.CurvePlot._redraw
    monkeypatch.setattr(curve_plot.CurvePlot, "_redraw", lambda self: (redraws.append(1), original(self)))
    steps = list(range(0, 200, 10))
    for extra in range(1, 21):  # 20 updates in a burst: new points of the same two curves
        xs = steps + [200 + 10 * k for k in range(extra)]
        plot.set_series([("generator", xs, [1.0] * len(xs)), ("discriminator", xs, [2.0] * len(xs))])
    assert len(redraws) <= 2
    curve = plot._curves[0]
    qtbot.waitUntil(lambda: len(curve.getData()[0]) == len(steps) + 20, timeout=2_000)
    assert len(redraws) <= 3


def test_a_hidden_chart_draws_its_new_points_when_shown(plot, qtbot, monkeypatch):
    """A GAN training while the student looks at another tab: its charts wait, then catch up."""
    from neurolab.gui.widgets import curve_plot

    _two_curves(plot)
    plot.hide()
    redraws = []
    original = curve_plot.CurvePlot._redraw
    monkeypatch.setattr(curve_plot.CurvePlot, "_redraw", lambda self: (redraws.append(1), original(self)))
    xs = list(range(0, 400, 10))
    for _ in range(5):
        plot.set_series([("generator", xs, [1.0] * len(xs)), ("discriminator", xs, [2.0] * len(xs))])
    qtbot.wait(300)
    assert redraws == []
    plot.show()
    qtbot.waitUntil(lambda: len(plot._curves[0].getData()[0]) == len(xs), timeout=2_000)
    assert len(redraws) == 1


def test_axis_ends_are_rounded_outwards_so_that_they_move_in_steps():
    from neurolab.gui.widgets.curve_plot import nice_ceiling, nice_range

    assert [nice_ceiling(v) for v in (1, 101, 190, 3990, 4000, 0.013)] == [1, 120, 200, 4000, 4000, 0.015]
    low, high = nice_range(0.52, 1.98)
    assert low < 0.52 and high > 1.98 and high - low < 1.3 * (1.98 - 0.52)  # little room left
    assert nice_range(0.52, 1.90) == nice_range(0.52, 1.91)  # a new point inside: the same range


def test_new_points_inside_the_axes_leave_them_alone(plot, qtbot):
    """Each new point of a live curve used to move the auto-ranged axes, and pyqtgraph laid
    them out and drew their ticks and grid again: ~2 ms an axis, at every redraw."""
    _two_curves(plot)  # steps 0…190: the x axis ends at 200
    bottom = plot.plot_item.getAxis("bottom")
    qtbot.waitUntil(lambda: bottom.picture is not None, timeout=2_000)  # painted
    drawn, ranges = bottom.picture, plot.plot_item.vb.viewRange()

    (_, steps, generator), (_, _, discriminator) = plot.series

    def add(x):  # one more point of each curve, its values inside the y axis
        steps.append(x)
        generator.append(2.0)
        discriminator.append(1.5)
        plot.set_series([("generator", steps, generator), ("discriminator", steps, discriminator)])
        qtbot.waitUntil(lambda: len(plot._curves[0].getData()[0]) == len(steps), timeout=2_000)
        qtbot.wait(50)  # painted

    add(195)
    assert plot.plot_item.vb.viewRange() == ranges and bottom.picture is drawn
    add(260)  # past the end: the axis grows to the next round number
    (x_low, x_high), (y_low, y_high) = plot.plot_item.vb.viewRange()
    assert x_low < 0 and 260 < x_high < 320 and y_low < 1.0 and y_high > 2.9
    assert bottom.picture is not drawn


def test_two_charts_with_new_points_draw_them_in_separate_paints(qtbot, monkeypatch):
    """The GAN's loss and score charts get new points together; painted together they held
    the GUI thread twice as long (benchmarks/bench_ui.py (d))."""
    import time

    from neurolab.gui.widgets import curve_plot

    plots = []
    for _ in range(2):
        plot = curve_plot.CurvePlot(y_range=None)
        qtbot.addWidget(plot)
        plot.resize(360, 200)
        plot.show()
        qtbot.waitExposed(plot)
        _wait_built(qtbot, plot)
        _two_curves(plot)
        plots.append(plot)
    drawn = []
    original = curve_plot.CurvePlot._redraw
    monkeypatch.setattr(curve_plot.CurvePlot, "_redraw",
                        lambda self: (drawn.append((self, time.monotonic())), original(self)))
    xs = list(range(0, 300, 10))
    for plot in plots:
        plot.set_series([("generator", xs, [1.0] * len(xs)), ("discriminator", xs, [2.0] * len(xs))])
    qtbot.waitUntil(lambda: {p for p, _ in drawn} == set(plots), timeout=3_000)
    (_, first), (_, second) = drawn[:2]
    assert second - first >= 0.9 * curve_plot.DATA_REDRAW_SPACING_S


def test_the_window_imports_pyqtgraph_on_a_thread_once_it_is_ready(tmp_path):
    """Showing the first chart used to import pyqtgraph on the GUI thread (0.4-1.5 s frozen);
    the window imports it on a thread once it is ready and no job runs."""
    script = (
        "import sys, threading, time\n"
        "importers = []\n"
        "class Spy:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'pyqtgraph':\n"
        "            importers.append(threading.current_thread().name)\n"
        "sys.meta_path.insert(0, Spy())\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "from neurolab.gui.app import application, create_window\n"
        "from neurolab.gui.widgets import curve_plot\n"
        "app = application()\n"
        "window = create_window(model='shapes')\n"
        "window.show(); app.processEvents()\n"
        "loop = QEventLoop(); window.ready.connect(loop.quit)\n"
        "QTimer.singleShot(0, window.start); QTimer.singleShot(240_000, loop.quit)\n"
        "loop.exec()\n"
        "deadline = time.monotonic() + 120\n"
        "while curve_plot._preloading is None and time.monotonic() < deadline:\n"
        "    app.processEvents(); time.sleep(0.01)  # it starts once no job runs\n"
        "curve_plot._preloading.join(120)\n"
        "from neurolab.gui.tabs.gan import GanTab\n"
        "gan = window.tab(GanTab); window.show_tab(gan); app.processEvents()\n"
        "print(gan.loss_plot.plot_widget is not None, importers)\n"
        "window.runner.cancel_all(); window.close()\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROLAB_CONFIG_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines()[-1] == "True ['import pyqtgraph']"


def test_two_charts_shown_together_are_built_one_after_the_other(qtbot):
    """The GAN tab shows two charts at once; building both in one go held the GUI thread
    ~45 ms (benchmarks/bench_ui.py (d), the GAN tab's first show)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from neurolab.gui.widgets.curve_plot import CurvePlot

    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    plots = [CurvePlot(y_range=None, title=title) for title in ("Losses", "Scores")]
    for plot in plots:
        layout.addWidget(plot)
    qtbot.wait(100)  # no other chart is being built
    holder.show()
    assert [plot.plot_widget is not None for plot in plots] == [True, False]
    qtbot.waitUntil(lambda: plots[1].plot_widget is not None, timeout=2_000)
    assert plots[1].plot_item.titleLabel.text == "Scores"


def test_a_marker_that_arrives_late_still_stands_in_x_order(plot):
    """A style run's scale change can be marked only at its end (its progress event was dropped)."""
    plot.add_marker(7.5, "64×43 px")
    plot.add_marker(3.5, "32×21 px")
    assert plot.markers == [(3.5, "32×21 px"), (7.5, "64×43 px")]


def test_hidden_charts_are_prepared_one_per_turn_and_never_import_pyqtgraph(qtbot, monkeypatch):
    """The Train tab builds its Training page's charts in idle turns before Start shows them
    (built at Start they held the GUI thread 21-26 ms each, benchmarks/bench_ui.py (e)); a
    chart is never built while pyqtgraph is not imported (that would import it on the GUI
    thread)."""
    import time

    import pyqtgraph  # noqa: F401  (the window's preload has run)
    from PySide6.QtWidgets import QWidget

    from neurolab.gui.widgets import curve_plot

    owner = QWidget()
    qtbot.addWidget(owner)
    plots = [curve_plot.CurvePlot(owner, y_range=None, title=t) for t in ("Loss", "Accuracy")]
    qtbot.wait(100)  # no other chart is being built in this turn
    monkeypatch.setattr(curve_plot, "pyqtgraph_ready", lambda: False)
    curve_plot.prepare_in_turns(plots, owner)
    qtbot.wait(100)
    assert [plot.plot_widget for plot in plots] == [None, None]  # not imported: left to showEvent
    monkeypatch.undo()
    built = []
    original = curve_plot.CurvePlot._build
    monkeypatch.setattr(curve_plot.CurvePlot, "_build",
                        lambda self: (built.append(time.monotonic()), original(self)))
    asked = time.monotonic()
    curve_plot.prepare_in_turns(plots, owner)
    assert [plot.plot_widget for plot in plots] == [None, None]  # not in the turn that asks
    qtbot.waitUntil(lambda: plots[1].plot_widget is not None, timeout=2_000)
    assert owner.isHidden() and plots[1].plot_item.titleLabel.text == "Accuracy"
    assert len(built) == 2 and built[0] - asked >= 0.9 * curve_plot.DATA_REDRAW_INTERVAL_S
    assert built[1] - built[0] >= 0.9 * curve_plot.DATA_REDRAW_SPACING_S


def _two_built_charts(qtbot, *, settle_ms: int):
    """A hidden page with the Loss and Accuracy charts built in idle turns, as the Train tab's
    (pyqtgraph imported first, as the window's preload does: its import is not what is timed)."""
    import pyqtgraph  # noqa: F401
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from neurolab.gui.widgets import curve_plot

    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    plots = [curve_plot.CurvePlot(y_range=None, title=t) for t in ("Loss", "Accuracy")]
    for plot in plots:
        layout.addWidget(plot)
    qtbot.wait(100)
    curve_plot.prepare_in_turns(plots, holder)
    qtbot.waitUntil(lambda: all(p.plot_widget is not None for p in plots), timeout=2_000)
    qtbot.wait(settle_ms)
    return holder, plots


def test_two_built_charts_shown_together_paint_in_separate_turns(qtbot):
    """A page with two built charts shown at once (the Train tab's Start): the second waits a
    moment, so the two first paints (~10-20 ms each) do not land in one turn; ``flush`` (before
    a grab) lets it paint at once."""
    holder, plots = _two_built_charts(qtbot, settle_ms=100)
    holder.show()
    assert [plot.plot_widget.updatesEnabled() for plot in plots] == [True, False]
    qtbot.waitUntil(lambda: plots[1].plot_widget.updatesEnabled(), timeout=2_000)
    holder.hide()
    qtbot.wait(100)
    holder.show()
    assert not plots[1].plot_widget.updatesEnabled()
    plots[1].flush()
    assert plots[1].plot_widget.updatesEnabled()


def test_on_a_starved_cpu_two_shown_charts_still_paint_in_separate_turns(qtbot):
    """Both charts' timers expired while the GUI thread had no CPU (load average 10): the second
    waits until the first has painted, rather than both painting in one turn (55 ms of the GUI
    thread at the Train tab's Start, benchmarks/bench_ui.py (e))."""
    import time

    from PySide6.QtWidgets import QApplication

    holder, plots = _two_built_charts(qtbot, settle_ms=200)
    holder.show()
    time.sleep(0.3)  # starved: every timer is due at once
    QApplication.processEvents()
    assert [plot.plot_widget.updatesEnabled() for plot in plots] == [True, False]
    qtbot.waitUntil(lambda: plots[1].plot_widget.updatesEnabled(), timeout=2_000)


def test_a_chart_that_never_paints_holds_the_others_back_only_briefly(qtbot, monkeypatch):
    """A chart let paint that gets no paint (no room, covered) holds the next chart back at most
    FIRST_PAINT_WAIT_S, not forever."""
    import time

    from PySide6.QtWidgets import QWidget

    from neurolab.gui.widgets import curve_plot

    silent, waiting = QWidget(), QWidget()
    for widget in (silent, waiting):
        qtbot.addWidget(widget)
        widget.show()
    waiting.setUpdatesEnabled(False)
    monkeypatch.setattr(curve_plot, "_unpainted", [(silent, time.monotonic())])
    curve_plot._let_paint(waiting)
    assert not waiting.updatesEnabled()  # the one before has not painted yet
    curve_plot._unpainted[:] = [(silent, time.monotonic() - 2 * curve_plot.FIRST_PAINT_WAIT_S)]
    curve_plot._let_paint(waiting)
    assert waiting.updatesEnabled()


def _count_axis_drawings(monkeypatch):
    """How often pyqtgraph lays out and draws an axis's ticks (generateDrawSpecs)."""
    import pyqtgraph as pg

    drawn = []
    real = pg.AxisItem.generateDrawSpecs

    def counting(axis, painter):
        drawn.append(axis.orientation)
        return real(axis, painter)

    monkeypatch.setattr(pg.AxisItem, "generateDrawSpecs", counting)
    return drawn


def _painted(qtbot, plot):
    """Drawn as the event loop draws it: layout first, then the paint, then what the paint
    asked for (an axis that resized itself to its labels is laid out and drawn again)."""
    plot.flush()
    qtbot.wait(60)


def test_a_new_range_draws_each_axis_once_and_new_points_redraw_no_axis(plot, qtbot, monkeypatch):
    """pyqtgraph measured the tick labels while drawing them, then resized the axis and drew it
    again: every new range cost two drawings of each axis (~10 ms a chart at the Train tab's
    Start); and the frame's top and right axes, drawn with their own grid and never cached,
    replayed their pictures at every new point (3-6 ms each; benchmarks/bench_ui.py (e))."""
    drawn = _count_axis_drawings(monkeypatch)
    plot.y_from_zero = True  # as the Train tab's loss chart
    plot.set_x_span(1, 30)
    plot.set_series([("training", [1], [2.3]), ("validation", [1], [2.4])])
    _painted(qtbot, plot)
    assert drawn.count("left") == 1 and drawn.count("bottom") == 1
    drawn.clear()
    for epoch in range(2, 8):  # falling losses: neither range changes
        xs = list(range(1, epoch + 1))
        plot.set_series([("training", xs, [2.3 / x for x in xs]), ("validation", xs, [2.4 / x for x in xs])])
        _painted(qtbot, plot)
    assert drawn == []
    item = plot.plot_item
    assert all(item.getAxis(side).cacheMode() == item.getAxis(side).CacheMode.DeviceCoordinateCache
               for side in ("bottom", "left", "top", "right"))
    assert not item.getAxis("top").grid and not item.getAxis("right").grid


def test_x_span_and_a_loss_axis_from_zero(qtbot):
    from neurolab.gui.widgets.curve_plot import CurvePlot

    plot = CurvePlot(y_range=None, y_from_zero=True)
    qtbot.addWidget(plot)
    plot.set_x_span(1, 30)
    (x_low, x_high), _ = plot.view_ranges()  # laid out for the run before its first point
    assert x_low <= 1 and 30 <= x_high < 31
    plot.set_series([("", [1, 2, 3], [2.3, 1.1, 0.4])])
    (x_low, x_high), (y_low, y_high) = plot.view_ranges()
    assert x_high < 32 and -0.2 < y_low < 0 and 2.3 <= y_high <= 2.6
    plot.set_series([("", list(range(1, 41)), [1.0] * 40)])  # a run past its span still fits
    assert plot.view_ranges()[0][1] >= 40
