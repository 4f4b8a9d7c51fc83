"""The graph pane under the layer table (issue #19), driven as a person drives it: a click on a
box, a row picked in the table, Ctrl+F and Enter/F3, zoom keys, double-clicks on a nested
network, File ▸ Export, View ▸ Layer graph; at 1366×768 in English and Czech."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from neurolab.gui.tabs.activations import ActivationsTab
from tests.gui.qt_helpers import clipped_texts, started_window
from tests.helpers import nested_trunk_model

TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def nested_file(tmp_path_factory):
    """A model whose trunk is a nested network (transfer learning's shape)."""
    model = nested_trunk_model(32)
    path = tmp_path_factory.mktemp("graph") / "nested.keras"
    model.save(path)
    return str(path)


def _pane(window, qtbot):
    """The window's graph pane, its graph built (it is built over idle turns)."""
    pane = window.layers.graph
    qtbot.waitUntil(lambda: not pane.building(), timeout=TIMEOUT_MS)
    return pane


def _click(qtbot, pane, key: str, double: bool = False) -> None:
    point = pane.node_position(key)
    click = QTest.mouseDClick if double else QTest.mouseClick
    click(pane.view.viewport(), Qt.LeftButton, Qt.NoModifier, point)


def test_a_click_on_a_box_selects_its_row_and_the_tabs_follow(qtbot, window):
    pane = _pane(window, qtbot)
    assert pane.isVisible() and set(pane.scene.items_by_key) == set(window.layers.layer_keys())
    pane.centre_on("pool1")
    _click(qtbot, pane, "pool1")
    assert window.layers.current_layer() == "pool1"
    assert window.tab(ActivationsTab).layer == "pool1"
    assert pane.is_highlighted("pool1") and not pane.is_highlighted("conv1")


def test_a_row_picked_in_the_table_is_highlighted_and_centred(qtbot, window):
    pane = _pane(window, qtbot)
    pane.view.resetTransform()
    window.layers.select_layer("fc")
    assert pane.is_highlighted("fc")
    centre = pane.view.viewport().rect().center()
    assert (pane.node_position("fc") - centre).manhattanLength() < 40


def test_ctrl_f_finds_layers_and_enter_and_f3_step_through_them(qtbot, window):
    pane = _pane(window, qtbot)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert pane.search.hasFocus()
    QTest.keyClicks(pane.search, "conv")
    assert pane.matches == ["conv1", "conv2"] and pane.found.text() == "2 matches"
    assert all(pane.scene.items_by_key[k].matched for k in pane.matches)
    QTest.keyClick(pane.search, Qt.Key_Return)
    assert window.layers.current_layer() == "conv1" and pane.found.text() == "1 of 2"
    QTest.keyClick(pane.search, Qt.Key_F3)
    assert window.layers.current_layer() == "conv2"
    QTest.keyClick(pane.search, Qt.Key_Return, Qt.ShiftModifier)
    assert window.layers.current_layer() == "conv1"
    pane.search.clear()
    QTest.keyClicks(pane.search, "Max Pooling")  # by type too
    assert pane.matches == ["pool1"]
    pane.search.clear()
    QTest.keyClicks(pane.search, "xyz")
    assert pane.matches == [] and pane.found.text() == "no match"


def test_zoom_keys_zoom_the_graph_only_while_it_has_the_focus(qtbot, window):
    pane = _pane(window, qtbot)
    pane.view.setFocus()
    before = pane.view.zoom()
    QTest.keyClick(pane.view, Qt.Key_Plus, Qt.ControlModifier)
    assert pane.view.zoom() == pytest.approx(before * 1.25) and window.zoom == 100
    QTest.keyClick(pane.view, Qt.Key_Minus, Qt.ControlModifier)
    QTest.keyClick(pane.view, Qt.Key_Minus, Qt.ControlModifier)
    assert pane.view.zoom() == pytest.approx(before / 1.25)
    QTest.keyClick(pane.view, Qt.Key_0, Qt.ControlModifier)  # fit: the whole graph in view
    visible = pane.view.mapToScene(pane.view.viewport().rect()).boundingRect()
    assert visible.adjusted(-1, -1, 1, 1).contains(pane.scene.sceneRect()) and window.zoom == 100
    pane.fit_button.click()
    assert pane.view.mapToScene(pane.view.viewport().rect()).boundingRect().adjusted(
        -1, -1, 1, 1).contains(pane.scene.sceneRect())


def test_thumbnails_come_from_the_activations_already_computed(qtbot, window):
    pane = _pane(window, qtbot)
    qtbot.waitUntil(lambda: bool(pane.scene.thumbnails) and not pane.thumbnails_busy(), timeout=TIMEOUT_MS)
    result = window.tab(ActivationsTab).result
    maps = {k for k, v in result.activations.items() if v.ndim == 3 and min(v.shape[:2]) > 1}
    assert set(pane.scene.thumbnails) == maps
    assert all(pane.scene.items_by_key[k].thumbnail is not None for k in maps)


def test_file_menu_exports_the_graph_and_the_table(qtbot, window, tmp_path, monkeypatch):
    answers = iter([str(tmp_path / "g.svg"), str(tmp_path / "g.png"), str(tmp_path / "t.csv"),
                    str(tmp_path / "t.md")])
    monkeypatch.setattr("neurolab.gui.file_dialogs.save_file", lambda *a, **k: next(answers))
    pane = _pane(window, qtbot)
    qtbot.waitUntil(lambda: bool(pane.scene.thumbnails) and not pane.thumbnails_busy(), timeout=TIMEOUT_MS)
    window.export_graph_action.trigger()
    window.export_graph_action.trigger()
    window.export_table_action.trigger()
    window.export_table_action.trigger()
    root = ET.parse(tmp_path / "g.svg").getroot()
    names = {g.get("data-name") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("data-name")}
    assert names == set(window.layers.layer_keys())
    with_pictures = {g.get("data-name") for g in root.iter("{http://www.w3.org/2000/svg}g")
                     if g.find("{http://www.w3.org/2000/svg}image") is not None}
    assert with_pictures == set(pane.scene.thumbnails) and with_pictures  # each box's thumbnail
    image = QImage(str(tmp_path / "g.png"))
    rect = _pane(window, qtbot).scene.sceneRect()
    assert (image.width(), image.height()) == (round(rect.width()), round(rect.height()))
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as fp:
        rows = list(csv.reader(fp))
    assert rows[0] == window.layers.column_titles() and rows[1:] == window.layers.table_rows()
    assert len((tmp_path / "t.md").read_text(encoding="utf-8").splitlines()) == 4 + len(rows) - 1


def test_a_nested_network_folds_and_unfolds_by_double_click(qtbot, nested_file):
    window = started_window(qtbot, nested_file)
    try:
        pane = _pane(window, qtbot)
        assert "trunk" not in pane.scene.items_by_key and "trunk/t_conv" in pane.scene.items_by_key
        frame = next(i for i in pane.scene.items() if type(i).__name__ == "FrameItem")
        pane.view.ensureVisible(frame.rect.left(), frame.rect.top(), 60, 20)
        top = pane.view.mapFromScene(frame.rect.left() + 30, frame.rect.top() + 8)
        QTest.mouseDClick(pane.view.viewport(), Qt.LeftButton, Qt.NoModifier, top)
        pane = _pane(window, qtbot)
        assert "trunk" in pane.scene.items_by_key and "trunk/t_conv" not in pane.scene.items_by_key
        window.layers.select_layer("trunk/t_left")  # a layer inside: its folded box lights up
        assert pane.is_highlighted("trunk/t_left") and pane.scene.items_by_key["trunk"].selected
        pane.centre_on("trunk")
        _click(qtbot, pane, "trunk", double=True)
        pane = _pane(window, qtbot)
        assert "trunk/t_left" in pane.scene.items_by_key and pane.is_highlighted("trunk/t_left")
    finally:
        window.close()


def test_the_graph_pane_is_toggled_and_remembered(qtbot, window, model_file):
    assert _pane(window, qtbot).isVisible()
    window.graph_action.trigger()
    assert not _pane(window, qtbot).isVisible() and window.settings.value("layer_graph", True, bool) is False
    window.find_action.trigger()  # Ctrl+F brings it back
    assert _pane(window, qtbot).isVisible() and _pane(window, qtbot).search.hasFocus()
    QTest.keyClick(window, Qt.Key_G, Qt.ControlModifier)  # the View menu's shortcut hides it
    assert not _pane(window, qtbot).isVisible() and not window.graph_action.isChecked()
    window.close()
    again = started_window(qtbot, model_file)
    try:
        assert not _pane(again, qtbot).isVisible() and not again.graph_action.isChecked()
        again.graph_action.trigger()
    finally:
        again.close()


@pytest.mark.parametrize("language", ["en", "cs"])
def test_the_pane_fits_at_1366x768(qtbot, monkeypatch, request, language):
    request.getfixturevalue("czech" if language == "cs" else "english")
    from neurolab.gui.app import create_window

    monkeypatch.setattr("neurolab.gui.main_window.available_geometry",
                        lambda _w: QRect(0, 0, 1366, 738), raising=False)
    window = create_window()
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowNoState)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=TIMEOUT_MS):
        window.start()
    try:
        pane = _pane(window, qtbot)
        QTest.keyClicks(pane.search, "conv")
        qtbot.wait(50)
        assert clipped_texts(pane) == []
        assert pane.view.height() > 150 and window.layers.tree.height() > 150
        assert pane.fit_button.text() == ("Fit" if language == "en" else "Vše")
    finally:
        window.close()


def test_a_hidden_pane_lays_out_the_next_model_when_shown(qtbot, window, nested_file):
    pane = _pane(window, qtbot)
    window.graph_action.trigger()  # hidden
    with qtbot.waitSignal(window.workspace_ready, timeout=TIMEOUT_MS):
        window.open_model(nested_file)
    assert pane.scene.layout is None or "trunk/t_conv" not in pane.scene.items_by_key
    window.layers.select_layer("trunk/t_left")
    window.graph_action.trigger()  # shown: laid out now, the table's layer lit
    pane = _pane(window, qtbot)
    assert "trunk/t_conv" in pane.scene.items_by_key and pane.is_highlighted("trunk/t_left")


@pytest.fixture
def held_layout(monkeypatch):
    """The pane's layout thread waits until the test lets it go (a build caught midway)."""
    import threading

    from neurolab.gui import graph_pane

    gate = threading.Event()
    real = graph_pane.layout_graph

    def held(*args):
        gate.wait(60)
        return real(*args)

    monkeypatch.setattr(graph_pane, "layout_graph", held)
    yield gate
    gate.set()


def test_a_layer_picked_while_the_graph_is_built_is_lit_when_it_is_done(qtbot, window, nested_file,
                                                                        held_layout):
    pane = _pane(window, qtbot)
    with qtbot.waitSignal(window.workspace_ready, timeout=TIMEOUT_MS):
        window.open_model(nested_file)
    assert pane.building() and "trunk/t_conv" not in pane.scene.items_by_key  # the GUI is not held
    window.layers.select_layer("trunk/t_left")
    with qtbot.waitSignal(pane.graph_built, timeout=TIMEOUT_MS):
        held_layout.set()
    assert set(pane.scene.items_by_key) == set(window.layers.layer_keys()) - {"trunk"}  # opened
    assert pane.is_highlighted("trunk/t_left")
    _click(qtbot, pane, "trunk/t_conv")  # and the other way
    assert window.layers.current_layer() == "trunk/t_conv"


def test_nothing_is_built_after_the_window_closes(qtbot, window, nested_file, held_layout):
    from neurolab.gui import graph_pane

    pane = _pane(window, qtbot)
    built = []
    pane.graph_built.connect(lambda: built.append(1))
    with qtbot.waitSignal(window.workspace_ready, timeout=TIMEOUT_MS):
        window.open_model(nested_file)
    assert pane.building()
    window.close()
    assert not pane.building()
    held_layout.set()
    graph_pane._layout_executor().submit(lambda: None).result()  # the held layout has finished
    for _ in range(5):
        qtbot.wait(1)  # its result's signal delivered
    assert built == [] and not pane.building() and "trunk/t_conv" not in pane.scene.items_by_key
