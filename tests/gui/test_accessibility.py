"""Accessibility: column tooltips, the shortcuts list, keyboard reach, colour maps, high DPI."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QPushButton,
    QRadioButton,
    QSlider,
    QWidget,
)

from neurolab.gui.tabs import TABS
from neurolab.gui.tabs.activations import ActivationsTab

CONTROLS = (QPushButton, QCheckBox, QRadioButton, QComboBox, QAbstractSpinBox, QSlider,
            QAbstractItemView)


@pytest.fixture
def window(qtbot):
    from neurolab.gui.app import create_window

    window = create_window()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    yield window
    window.runner.cancel_all()
    window.close()


def test_every_layer_tree_column_explains_itself_in_one_sentence(window):
    tree = window.layers.tree
    header = tree.headerItem()
    for column in range(tree.columnCount()):
        tip = header.toolTip(column)
        assert tip, header.text(column)
        assert tip.endswith(".") and tip.count(". ") == 0, tip  # one sentence
    titles = {header.text(c): header.toolTip(c) for c in range(tree.columnCount())}
    for title in ("Name", "Type", "Activations", "Learnables", "Description"):
        assert len(titles[title].split()) >= 5  # a sentence, not a label


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.NativeText)


def test_the_shortcuts_dialog_lists_every_shortcut_of_the_window(qtbot, window):
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    listed = dialog.keys()
    for action in window.findChildren(QAction):  # every action with a shortcut, menus and docks
        for sequence in action.shortcuts():
            assert _keys(sequence) in listed, action.text()
    for button in window.findChildren(QPushButton):  # and buttons with their own keys
        if not button.shortcut().isEmpty():
            assert _keys(button.shortcut()) in listed, button.text()
    rows = {(keys, where) for keys, _does, where in dialog.rows}
    assert (_keys(QKeySequence("Ctrl+Return")), "Style transfer") in rows  # a tab's own key
    assert _keys(QKeySequence("Ctrl+L")) in listed and _keys(QKeySequence("F1")) in listed
    assert dialog.table.rowCount() == len(dialog.rows) and dialog.isVisible()
    dialog.close()


def test_help_menu_opens_the_shortcuts_with_f1(qtbot, window):
    action = next(a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("F1"))
    action.trigger()
    assert window.shortcuts_dialog.isVisible()
    window.shortcuts_dialog.close()


def _controls_in(container: QWidget) -> list[QWidget]:
    found = []
    for widget in container.findChildren(QWidget):
        header = widget.objectName() == "qt_toolbox_toolboxbutton"  # the Lab's exercise titles
        if (isinstance(widget, CONTROLS) or header) and widget.isVisible() and widget.isEnabled():
            if isinstance(widget.parent(), QAbstractSpinBox | QComboBox) or \
                    isinstance(widget, QHeaderView):
                continue  # a spin box's or combo's own parts, a table's header
            found.append(widget)
    return found


def _tab_walk(qtbot, start: QWidget, presses: int = 250) -> list[QWidget]:
    start.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    visited = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        visited.append(focused)
        QTest.keyClick(focused, Qt.Key_Tab)
        if QApplication.focusWidget() is start and len(visited) > 1:
            break
    return visited


def _reached(visited: list[QWidget], control: QWidget) -> bool:
    return any(w is control or control.isAncestorOf(w) or w.focusProxy() is control
               for w in visited if w is not None)


@pytest.mark.parametrize("kind", TABS, ids=lambda kind: kind.key)
def test_tab_reaches_every_control_of_the_current_tab(qtbot, window, kind):
    tab = window.tab(kind)
    window.show_tab(tab)
    if kind is ActivationsTab:  # the channel box is enabled once a mosaic is shown
        with qtbot.waitSignal(window.ready, timeout=120_000):
            window.start()
    controls = _controls_in(tab) + _controls_in(window.layers) + _controls_in(window.lab)
    assert len(controls) > 5
    for control in controls:
        assert control.focusPolicy() & Qt.TabFocus, control
    visited = _tab_walk(qtbot, window.layers.picker)
    missing = [c for c in controls if not _reached(visited, c)]
    assert not missing, [(type(c).__name__, c.objectName(), getattr(c, "text", str)()) for c in missing]
    window.runner.cancel_all()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)


def test_the_activation_bar_is_walked_in_reading_order(qtbot, window):
    tab = window.tab(ActivationsTab)
    expected = [w for w in tab.focus_order() if w.isEnabled()]
    visited = _tab_walk(qtbot, tab.open_button, presses=len(expected))
    assert visited == expected
    assert [w.text() for w in expected[:3]] == ["Open image…", "Native size", "Overlay on image"]


def test_the_colour_blind_safe_map_colours_the_mosaic_and_is_remembered(qtbot, window):
    from neurolab.gui.app import create_window

    tab = window.tab(ActivationsTab)
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.start()
    assert tab.mosaic_view.image().isGrayscale()
    tab.colour_box.setCurrentIndex(tab.colour_box.findData("cividis"))
    shown = tab.mosaic_view.image()
    assert not shown.isGrayscale()
    assert "yellow" in tab.mosaic_view.toolTip()
    weak = tab.displayed_mosaic()[tab.mosaic.image == 0]
    assert len(weak) and (weak[:, 2] > weak[:, 0]).all()  # weak is blue, not black
    window.runner.cancel_all()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    window.close()
    again = create_window()
    qtbot.addWidget(again)
    assert again.tab(ActivationsTab).colour_map() == "cividis"
    again.close()


def test_images_are_judged_in_device_pixels_on_high_dpi_screens(qtbot):
    from neurolab.gui.widgets.image_view import ImageView

    view = ImageView()
    qtbot.addWidget(view)
    view.resize(200, 200)
    view.set_array(np.zeros((400, 400), dtype=np.uint8))
    assert view.smooth_scaling(1.0)  # shrunk on a 100 % screen: filtered
    assert not view.smooth_scaling(2.0)  # 1:1 in physical pixels on a 200 % screen: exact
    view.set_array(np.zeros((100, 100), dtype=np.uint8))
    assert not view.smooth_scaling(1.5)  # enlarged: nearest neighbour keeps pixels crisp


def test_the_application_scales_by_the_exact_screen_factor():
    code = ("from PySide6.QtGui import QGuiApplication; from PySide6.QtCore import Qt;"
            "from neurolab.gui.app import application; application();"
            "p = QGuiApplication.highDpiScaleFactorRoundingPolicy();"
            "print(p == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "True", out.stderr


def test_the_lab_works_from_the_keyboard(qtbot, window):
    """Tab to an exercise's title, Space opens it, Tab reaches its set-up buttons."""
    panel = window.lab
    calls = []
    panel.run_step = lambda key, step: calls.append((key, step))
    titles = [w for w in panel.toolbox.findChildren(QWidget)
              if w.objectName() == "qt_toolbox_toolboxbutton"]
    visited = _tab_walk(qtbot, window.layers.picker)
    assert _reached(visited, titles[3])
    titles[3].setFocus(Qt.TabFocusReason)
    QTest.keyClick(titles[3], Qt.Key_Space)
    assert panel.toolbox.currentIndex() == 3
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is panel.buttons[("blend", 0)]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Space)
    assert calls == [("blend", 0)]
