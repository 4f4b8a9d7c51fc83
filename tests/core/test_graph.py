"""The model graph (issue #19): its DAG from the layer table, the layered layout's invariants,
nested models collapsing, the SVG and table exports, thumbnails from computed activations."""

import csv
import io
import random
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import keras
import numpy as np
import pytest
from keras import layers

from neurolab.core.graph import layout as layout_module
from neurolab.core.graph.layout import layered_layout, layout_graph
from neurolab.core.graph.model_graph import ModelGraph
from neurolab.core.graph.svg import graph_svg
from neurolab.core.graph.thumbnails import SIZE, layer_thumbnails, thumbnail
from neurolab.core.inspection.analysis import analyze_model
from neurolab.core.inspection.table_export import COLUMNS, analysis_rows, markdown_text, write_table
from neurolab.core.models.squeezenet import build_squeezenet
from tests.helpers import module_chain


def _graph(model) -> ModelGraph:
    return ModelGraph.from_analysis(analyze_model(model))


def _inception_like():
    """Four branches (1x1; 1x1→3x3; 1x1→5x5; pool→1x1) joined by a concatenation, twice."""
    inputs = keras.Input((32, 32, 3), name="image")
    x = layers.Conv2D(8, 3, name="stem")(inputs)
    for block in ("mixed0", "mixed1"):
        a = layers.Conv2D(4, 1, name=f"{block}_a")(x)
        b = layers.Conv2D(4, 3, padding="same", name=f"{block}_b2")(layers.Conv2D(4, 1, name=f"{block}_b1")(x))
        c = layers.Conv2D(4, 5, padding="same", name=f"{block}_c2")(layers.Conv2D(4, 1, name=f"{block}_c1")(x))
        d = layers.Conv2D(4, 1, name=f"{block}_d2")(
            layers.AveragePooling2D(3, 1, padding="same", name=f"{block}_d1")(x))
        x = layers.Concatenate(name=block)([a, b, c, d])
    return keras.Model(inputs, layers.GlobalAveragePooling2D(name="pool")(x), name="inception_like")


def _nested():
    """A trunk model used as one layer of the outer model (transfer learning's shape)."""
    trunk_in = keras.Input((16, 16, 3), name="trunk_in")
    y = layers.Conv2D(4, 3, name="t_conv")(trunk_in)
    left = layers.ReLU(name="t_left")(y)
    right = layers.Conv2D(4, 1, name="t_right")(y)
    trunk = keras.Model(trunk_in, layers.Add(name="t_add")([left, right]), name="trunk")
    inputs = keras.Input((16, 16, 3), name="image")
    x = layers.Rescaling(1 / 255, name="scale")(inputs)
    x = trunk(x)
    x = layers.GlobalAveragePooling2D(name="pool")(x)
    return keras.Model(inputs, layers.Dense(3, name="classes")(x), name="outer")


@pytest.fixture(scope="module")
def squeezenet_graph():
    return _graph(build_squeezenet())


@pytest.fixture(scope="module")
def resnet_graph():
    return _graph(keras.applications.ResNet50(weights=None))


def _overlap(a, b) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def _assert_invariants(layout) -> None:
    for edge in layout.edges:
        source, target = layout.nodes[edge.source], layout.nodes[edge.target]
        assert target.top > source.bottom, f"{edge.source} → {edge.target} does not point down"
        ys = [y for _, y in edge.points]
        assert ys == sorted(ys), f"{edge.source} → {edge.target} turns back"
    boxes = sorted(layout.nodes.values(), key=lambda b: b.left)
    for i, a in enumerate(boxes):  # no two boxes overlap (sweep by left edge)
        for b in boxes[i + 1:]:
            if b.left >= a.right:
                break
            assert not _overlap(a, b), f"{a.key} overlaps {b.key}"


def test_squeezenet_edges_point_down_and_fire_branches_sit_side_by_side(squeezenet_graph):
    layout = layout_graph(squeezenet_graph)
    _assert_invariants(layout)
    assert len(layout.nodes) == 67 and len(layout.edges) == 66 + 8  # a chain plus one per fire
    for fire in ("fire2", "fire5", "fire9"):
        left, right = layout.nodes[f"{fire}-expand1x1"], layout.nodes[f"{fire}-expand3x3"]
        squeeze, concat = layout.nodes[f"{fire}-relu_squeeze1x1"], layout.nodes[f"{fire}-concat"]
        assert left.rank == right.rank and not _overlap(left, right)
        assert squeeze.bottom < min(left.top, right.top) and concat.top > max(left.bottom, right.bottom)
        # the two branches lie on either side of the squeeze and the concatenation
        assert min(left.x, right.x) < squeeze.x < max(left.x, right.x)
        assert min(left.x, right.x) < concat.x < max(left.x, right.x)
    assert layout.crossings == 0


def test_inception_like_branches_do_not_overlap():
    graph = _graph(_inception_like())
    layout = layout_graph(graph)
    _assert_invariants(layout)
    for block in ("mixed0", "mixed1"):
        branches = [[f"{block}_a"], [f"{block}_b1", f"{block}_b2"], [f"{block}_c1", f"{block}_c2"],
                    [f"{block}_d1", f"{block}_d2"]]
        spans = [(min(layout.nodes[k].left for k in keys), max(layout.nodes[k].right for k in keys))
                 for keys in branches]
        spans.sort()
        for (_, right), (left, _) in zip(spans, spans[1:]):
            assert right <= left, f"{block}'s branches overlap sideways: {spans}"
        assert {e.source for e in layout.edges if e.target == block} == {
            f"{block}_a", f"{block}_b2", f"{block}_c2", f"{block}_d2"}


def test_resnet50_skip_edges_are_there_and_routed_around(resnet_graph):
    layout = layout_graph(resnet_graph)
    _assert_invariants(layout)
    adds = [key for key, node in resnet_graph.rows.items() if node.type == "Addition"]
    assert len(adds) == 16
    for add in adds:
        incoming = [e for e in layout.edges if e.target == add]
        assert len(incoming) == 2
        ranks = sorted(layout.nodes[add].rank - layout.nodes[e.source].rank for e in incoming)
        assert ranks[0] == 1 and ranks[1] > 1  # the residual branch and the skip over it
        skip = max(incoming, key=lambda e: layout.nodes[add].rank - layout.nodes[e.source].rank)
        assert len(skip.points) == ranks[1] + 1  # one lane point per layer it passes
    first = layout.edges[0]
    assert first.label == "×".join(str(d) for d in resnet_graph.rows[first.source].shape)


def test_a_nested_model_collapses_to_one_node_and_expands():
    graph = _graph(_nested())
    assert graph.nested == ["trunk"]
    nodes, edges = graph.visible(collapsed=["trunk"])
    keys = [n.key for n in nodes]
    assert keys == ["image", "scale", "trunk", "pool", "classes"]
    assert [(e.source, e.target) for e in edges] == [
        ("image", "scale"), ("scale", "trunk"), ("trunk", "pool"), ("pool", "classes")]
    assert next(n for n in nodes if n.key == "trunk").collapsed
    nodes, edges = graph.visible()
    keys = [n.key for n in nodes]
    assert "trunk" not in keys and {"trunk/trunk_in", "trunk/t_conv", "trunk/t_add"} <= set(keys)
    pairs = {(e.source, e.target) for e in edges}
    assert ("scale", "trunk/trunk_in") in pairs and ("trunk/t_add", "pool") in pairs
    assert {("trunk/t_conv", "trunk/t_left"), ("trunk/t_conv", "trunk/t_right")} <= pairs
    _assert_invariants(layout_graph(graph))
    collapsed = layout_graph(graph, collapsed=["trunk"])
    _assert_invariants(collapsed)
    assert len(collapsed.nodes) == 5




@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_modules_keep_the_invariants(seed):
    keys, edges = module_chain(300, seed)
    shuffled = keys[:]
    random.Random(seed).shuffle(shuffled)  # any order in: the layout finds a topological one
    layout = layered_layout(shuffled, edges)
    assert len(layout.nodes) == len(keys) and len(layout.edges) == len(set(edges))
    _assert_invariants(layout)


def test_the_layout_is_kept_per_structure(squeezenet_graph, monkeypatch):
    layout_module._CACHE.clear()
    first = layout_graph(squeezenet_graph)
    calls = []
    monkeypatch.setattr(layout_module, "layered_layout",
                        lambda *a, **k: calls.append(1) or first)
    again = layout_graph(ModelGraph.from_analysis(SimpleNamespace(
        name="squeezenet", layers=[SimpleNamespace(**{**vars(r)}) for r in _rows_of(squeezenet_graph)])))
    assert again is first and again.extra["cached"] and not calls
    layout_graph(squeezenet_graph, collapsed=["nothing-nested"])  # same structure: kept too
    assert not calls


def _rows_of(graph):
    """Plain rows that give the same graph (as another analysis of the same model would)."""
    for key, node in graph.rows.items():
        prefix = f"{node.parent}/" if node.parent else ""
        yield SimpleNamespace(key=key, name=node.name, type=node.type, parent=node.parent,
                              inputs=[k[len(prefix):] for k in graph.inputs[key]],
                              activations=list(node.shape) if node.shape else None,
                              native_only=node.native_only)


def test_a_branch_of_a_module_stands_on_one_x():
    """ResNet50's residual branches: nine layers one after another, one column (no zigzag)."""
    graph = _graph(keras.applications.ResNet50(weights=None))
    layout = layout_graph(graph)
    for block in ("conv2_block1", "conv2_block2", "conv3_block2", "conv4_block5"):
        branch = [f"{block}_{i}_{kind}" for i in (1, 2, 3) for kind in ("conv", "bn", "relu")][:-1]
        assert len({round(layout.nodes[key].x, 3) for key in branch}) == 1, block
    assert layout.crossings == 0


def test_svg_parses_and_names_every_node(squeezenet_graph):
    layout = layout_graph(squeezenet_graph)
    text = graph_svg(layout, squeezenet_graph.rows, title="squeezenet")
    root = ET.fromstring(text.encode("utf-8"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    names = [g.get("data-name") for g in root.iterfind(".//s:g[@class='node']", ns)]
    assert names == list(layout.nodes)
    assert len(root.findall(".//s:path[@class='edge']", ns)) == len(layout.edges)
    shown = {t.text for t in root.iterfind(".//s:text", ns)}
    assert {"fire2-expand3x3", "Depth concatenation", "56×56×128"} <= shown
    assert float(root.get("width")) == pytest.approx(layout.width, abs=1)


def test_svg_carries_the_thumbnails_as_embedded_pngs(squeezenet_graph):
    import base64
    import io

    from PIL import Image

    layout = layout_graph(squeezenet_graph)
    rng = np.random.default_rng(0)
    keys = [k for k in layout.nodes if "expand" in k]
    pictures = {k: rng.integers(0, 256, (13, 9 + i % 3), dtype=np.uint8) for i, k in enumerate(keys)}
    root = ET.fromstring(graph_svg(layout, squeezenet_graph.rows, thumbnails=pictures).encode("utf-8"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    images = {g.get("data-name"): g.find("s:image", ns) for g in root.iterfind(".//s:g[@class='node']", ns)}
    assert {k for k, image in images.items() if image is not None} == set(pictures)
    for key, picture in pictures.items():
        href = images[key].get("href")
        assert href.startswith("data:image/png;base64,")
        back = np.asarray(Image.open(io.BytesIO(base64.b64decode(href.split(",", 1)[1]))))
        np.testing.assert_array_equal(back, picture)
        box = layout.nodes[key]
        assert box.left <= float(images[key].get("x")) and float(images[key].get("y")) >= box.top
    assert "<image" not in graph_svg(layout, squeezenet_graph.rows)  # none without thumbnails


def test_layer_table_exports_read_back(tmp_path):
    analysis = analyze_model(_nested())
    rows = analysis_rows(analysis)
    write_table(tmp_path / "t.csv", COLUMNS, rows)
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as fp:
        back = list(csv.reader(fp))
    assert back[0] == list(COLUMNS) and back[1:] == rows
    assert [r[1] for r in rows][:4] == ["image", "scale", "trunk", "trunk/trunk_in"]
    text = markdown_text(COLUMNS, [["1", "a|b", "T", "–", "–", "0", "x"]], title="m")
    assert text.splitlines()[2:4] == ["| # | Name | Type | Activations | Learnables | Parameters | Description |",
                                      "|---:|---|---|---|---|---:|---|"]
    assert "a\\|b" in text
    write_table(tmp_path / "t.md", COLUMNS, rows)
    lines = (tmp_path / "t.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 + len(rows) and lines[2].startswith("| 1 | image |")
    assert list(csv.reader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8"))))[1][1] == "image"


def test_thumbnail_is_the_strongest_channel_small_and_stretched():
    values = np.zeros((200, 120, 5), np.float32)
    values[:, :, 3] = np.linspace(0, 2, 120)[None, :]  # the strongest: a ramp left to right
    values[:, :, 1] = 0.5
    picture = thumbnail(values)
    assert picture.dtype == np.uint8 and max(picture.shape) <= SIZE
    assert picture[0, 0] == 0 and picture[0, -1] >= 250  # channel 3's ramp, stretched
    assert thumbnail(np.ones(10, np.float32)) is None  # a Dense layer's vector
    assert thumbnail(np.ones((1, 1, 8), np.float32)) is None
    result = SimpleNamespace(activations={"conv": values, "dense": np.ones(4, np.float32)})
    assert list(layer_thumbnails(result)) == ["conv"]
