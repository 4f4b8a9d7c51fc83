"""The graph pane builds a model's graph without holding the GUI thread (issue #19): the layout
on a thread of its own, the boxes and edges added over several idle turns; the graph it ends
with is the one drawn all at once; a newer graph replaces an unfinished build."""

from __future__ import annotations

import threading

import pytest

from neurolab.core.graph.model_graph import ModelGraph
from neurolab.core.inspection.analysis import analyze_model
from neurolab.core.models.squeezenet import build_squeezenet
from neurolab.gui import graph_pane, graph_scene
from neurolab.gui.graph_pane import GraphPane
from neurolab.gui.graph_scene import EdgeItem, GraphScene

TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def squeezenet():
    return ModelGraph.from_analysis(analyze_model(build_squeezenet()))


@pytest.fixture(scope="module")
def small():
    import keras
    from keras import layers

    inputs = keras.Input((16, 16, 3), name="image")
    x = layers.Conv2D(4, 3, name="conv")(inputs)
    x = layers.GlobalAveragePooling2D(name="pool")(x)
    return ModelGraph.from_analysis(analyze_model(keras.Model(inputs, layers.Dense(2, name="fc")(x))))


@pytest.fixture
def pane(qtbot, monkeypatch):
    monkeypatch.setattr(graph_pane, "STEP_BUDGET_S", 0.0)  # one chunk per idle turn
    monkeypatch.setattr(graph_scene, "ITEMS_CHUNK", 20)
    pane = GraphPane()
    qtbot.addWidget(pane)
    pane.resize(460, 460)
    pane.show()
    return pane


def _drawn(scene: GraphScene):
    boxes = {key: item.rect.getRect() for key, item in scene.items_by_key.items()}
    edges = sorted((item.path.elementAt(0).x, item.path.elementAt(0).y, item.end.x(), item.end.y())
                   for item in scene.items() if isinstance(item, EdgeItem))
    return boxes, edges


def test_the_graph_is_laid_out_off_the_gui_thread_and_added_over_idle_turns(qtbot, pane, squeezenet,
                                                                            monkeypatch):
    threads, real = [], graph_pane.layout_graph
    monkeypatch.setattr(graph_pane, "layout_graph",
                        lambda *args: threads.append(threading.current_thread()) or real(*args))
    counts, step = [], pane._step

    def counted_step(*args):
        step(*args)
        counts.append(len(pane.scene.items()))

    pane._step = counted_step
    with qtbot.waitSignal(pane.graph_built, timeout=TIMEOUT_MS):
        pane.show_graph(squeezenet)
        assert pane.building() and not pane.scene.items_by_key  # nothing drawn yet: the call returned
    assert threads and threads[0] is not threading.main_thread()
    assert len(set(counts)) > 5  # the scene grew in several idle turns
    reference = GraphScene()
    reference.show_graph(squeezenet)
    assert _drawn(pane.scene) == _drawn(reference)
    assert set(pane.scene.items_by_key) == {node.key for node in squeezenet.visible()[0]}


def test_a_newer_graph_replaces_an_unfinished_build(qtbot, pane, squeezenet, small):
    built = []
    pane.graph_built.connect(lambda: built.append(set(pane.scene.items_by_key)))
    pane.show_graph(squeezenet)
    qtbot.waitUntil(lambda: len(pane.scene.items()) > 0, timeout=TIMEOUT_MS)  # midway
    assert pane.building()
    with qtbot.waitSignal(pane.graph_built, timeout=TIMEOUT_MS):
        pane.show_graph(small)
    graph_pane._layout_executor().submit(lambda: None).result()  # any older layout has finished
    for _ in range(5):
        qtbot.wait(1)
    assert built == [{"image", "conv", "pool", "fc"}] and not pane.building()
    assert set(pane.scene.items_by_key) == {"image", "conv", "pool", "fc"} and pane.graph is small


def test_export_finishes_an_unfinished_build(qtbot, pane, squeezenet, tmp_path):
    pane.show_graph(squeezenet)
    pane.export(str(tmp_path / "g.svg"))
    assert not pane.building() and len(pane.scene.items_by_key) == len(squeezenet.visible()[0])
    assert (tmp_path / "g.svg").read_text(encoding="utf-8").count("data-name=") == len(squeezenet.visible()[0])
