"""The window's chrome as a class meets it: View actions and Ctrl+N, actions during start-up,
the first window on a 1366×768 screen, zoom for projecting, exercise 1's table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from neurolab.gui.lab_panel import SQUEEZENET
from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.gan import GanTab

STEP_TIMEOUT_MS = 120_000
SMALL_SCREEN = QRect(0, 0, 1366, 738)  # a 1366×768 screen less a 30-px panel
LARGE_SCREEN = QRect(0, 0, 1920, 1050)


def activate(qtbot, window) -> None:
    """Window shortcuts need the window active, as it is under a person's mouse."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def view_action(window, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and
                a.menu().title() == window.tr("&View"))
    return next(a for a in menu.actions() if a.text() == text)


def test_view_actions_and_ctrl_numbers_show_each_tab(qtbot, window):
    activate(qtbot, window)
    tabs = window.tabs
    for index in reversed(range(tabs.count())):
        view_action(window, tabs.tabText(index)).trigger()
        assert tabs.currentIndex() == index, tabs.tabText(index)
    for index in reversed(range(tabs.count())):
        QTest.keyClick(window, Qt.Key(Qt.Key_1 + index), Qt.ControlModifier)
        assert tabs.currentIndex() == index, f"Ctrl+{index + 1}"
    listed = {(row[0], row[1]) for row in window.show_shortcuts().rows}
    window.shortcuts_dialog.close()
    for index in range(tabs.count()):
        assert (f"Ctrl+{index + 1}", tabs.tabText(index)) in listed


def column_fully_visible(tree, column: int) -> bool:
    header = tree.header()
    left = header.sectionViewportPosition(column)
    return (not tree.isColumnHidden(column) and left >= 0
            and left + header.sectionSize(column) <= tree.viewport().width())


@pytest.fixture
def small_screen(monkeypatch):
    """The window believes it is on a 1366×768 screen (offscreen Qt has an 800×800 one)."""
    monkeypatch.setattr("neurolab.gui.main_window.available_geometry", lambda _w: QRect(SMALL_SCREEN),
                        raising=False)  # the old window had no such hook


def fresh_window(qtbot, size=(1366, 768)):
    from neurolab.gui.app import create_window

    window = create_window()
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowNoState)  # not maximised on offscreen Qt's 800×800 screen:
    window.resize(*size)  # the classroom's size instead
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_lab_button_and_actions_during_start_up_end_in_their_promised_state(qtbot):
    """Open SqueezeNet (exercise 1) and View ▸ GAN clicked before the first model is open."""
    window = fresh_window(qtbot)
    window.start()
    assert window.workspace is None  # still starting
    view_action(window, window.tabs.tabText(3)).trigger()
    with qtbot.waitSignal(window.lab.step_ready, timeout=STEP_TIMEOUT_MS):
        window.lab.buttons[("explore", 0)].click()
    tab = window.tab(ActivationsTab)
    qtbot.waitUntil(lambda: tab.mosaic is not None and not window.runner.busy,
                    timeout=STEP_TIMEOUT_MS)
    assert window.workspace.loaded.spec == SQUEEZENET.spec
    assert tab.image is not None and tab.image_name  # the start-up photo arrived
    assert tab.layer in tab.result.activations and tab.mosaic_view.image() is not None
    assert window.tabs.currentWidget() is window.tab(GanTab)
    window.lab.buttons[("explore", 0)].click()  # again: nothing left waiting
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=STEP_TIMEOUT_MS)
    window.close()


def test_exercise_one_shows_the_name_and_the_column_each_step_is_about(qtbot, small_screen):
    window = fresh_window(qtbot)
    with qtbot.waitSignal(window.ready, timeout=STEP_TIMEOUT_MS):
        window.start()
    tree = window.layers.tree
    for step, column in ((0, 2), (1, 3), (2, 4)):  # Type, Activations, Learnables
        with qtbot.waitSignal(window.lab.step_ready, timeout=STEP_TIMEOUT_MS):
            window.lab.buttons[("explore", step)].click()
        QApplication.processEvents()
        assert tree.isVisible() and window.lab.isVisible()
        assert column_fully_visible(tree, 1), f"step {step + 1}: Name"
        assert column_fully_visible(tree, column), f"step {step + 1}: column {column}"
        assert tree.currentItem().text(1) == "conv1" or step == 0
        dock = window.layers_dock.frameGeometry()
        assert window.frameGeometry().contains(dock.topLeft()), dock
    with qtbot.waitSignal(window.lab.step_ready, timeout=STEP_TIMEOUT_MS):
        window.lab.buttons[("filters", 0)].click()  # another exercise: the table goes back
    assert not window.layers_dock.isFloating()
    window.runner.cancel_all()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=STEP_TIMEOUT_MS)
    window.close()


def test_the_first_window_fits_the_screen(qtbot, monkeypatch, tmp_path):
    from neurolab.gui.app import create_window

    monkeypatch.setattr("neurolab.gui.main_window.available_geometry", lambda _w: QRect(SMALL_SCREEN),
                        raising=False)  # the old window had no such hook
    small = create_window()
    qtbot.addWidget(small)
    assert small.windowState() & Qt.WindowMaximized  # status bar and the Lab's last line on screen
    small.close()

    monkeypatch.setenv("NEUROLAB_CONFIG_DIR", str(tmp_path / "another-pc"))  # a first start again
    monkeypatch.setattr("neurolab.gui.main_window.available_geometry", lambda _w: QRect(LARGE_SCREEN))
    large = create_window()
    qtbot.addWidget(large)
    assert not large.windowState() & Qt.WindowMaximized
    assert LARGE_SCREEN.contains(large.geometry()) and large.width() >= 1280
    large.show()
    qtbot.waitUntil(lambda: large.layers_dock.width() >= 0.25 * large.width())  # not ~215 px
    large.close()


def point_size(widget) -> float:
    return widget.font().pointSizeF()


def test_zoom_from_the_view_menu_and_keys_is_remembered(qtbot):
    from neurolab.gui.app import create_window

    window = fresh_window(qtbot)
    activate(qtbot, window)
    label = window.lab.status
    base = point_size(label)
    window.zoom_in_action.trigger()
    assert point_size(label) > base and point_size(window.layers.tree) > base
    bigger = point_size(label)
    QTest.keyClick(window, Qt.Key_Equal, Qt.ControlModifier)
    assert point_size(label) > bigger
    QTest.keyClick(window, Qt.Key_Minus, Qt.ControlModifier)
    assert point_size(label) == pytest.approx(bigger)
    QTest.keyClick(window, Qt.Key_0, Qt.ControlModifier)
    assert point_size(label) == pytest.approx(base)
    QTest.keyClick(window, Qt.Key_Plus, Qt.ControlModifier)
    QTest.keyClick(window, Qt.Key_Plus, Qt.ControlModifier)
    zoomed = point_size(label)
    assert zoomed > bigger
    window.close()

    again = create_window()  # a restart with the same settings
    qtbot.addWidget(again)
    assert point_size(again.lab.status) == pytest.approx(zoomed)
    assert again.zoom == window.zoom > 100
    again.close()


def test_the_names_stay_in_view_while_the_table_scrolls_sideways(qtbot, window):
    """A narrow Network dock scrolled to its last column still shows # and Name (frozen)."""
    from tests.gui.qt_helpers import clipped_texts

    tree, frozen = window.layers.tree, window.layers.frozen
    window.resizeDocks([window.layers_dock], [260], Qt.Horizontal)
    qtbot.waitUntil(lambda: tree.horizontalScrollBar().maximum() > 0)
    assert not frozen.isVisible()  # not scrolled: the table's own columns
    tree.horizontalScrollBar().setValue(tree.horizontalScrollBar().maximum())
    assert frozen.isVisible()
    assert not column_fully_visible(tree, 1)  # the table's own Name column has scrolled away
    assert column_fully_visible(frozen, 1) and frozen.geometry().right() < tree.width()
    row = tree.topLevelItem(3)
    rect = frozen.visualRect(tree.indexFromItem(row, 1))
    with qtbot.waitSignal(window.layers.layer_selected, timeout=10_000) as chosen:
        QTest.mouseClick(frozen.viewport(), Qt.LeftButton, pos=rect.center())
    assert chosen.args == [row.text(1)]
    assert not [text for text in clipped_texts(window.layers) if "frozen" in text]
