"""The graph view's numbers (issue #19).

    python benchmarks/graph.py [--repeats N] [--frames N] [--skip-grandalf]

(a) Layout time (``core.graph.layout.layout_graph``, cache cleared before each call, box sizes
    from the window's fonts as the pane asks): ResNet50 ≤ 0.2 s, DenseNet121 ≤ 0.5 s, and a
    synthetic 5,000-node chain of modules (1-4 branches of 1-3 layers each, merged, now and
    then a skip over the module) ≤ 5 s. With grandalf installed, its Sugiyama layout of the
    same graphs (graph build + ``init_all`` + ``draw``) for comparison.
(b) Pan and zoom, offscreen: DenseNet121's graph in the pane's view (460×460, about the Network
    dock at 1366×768, and 1200×700, a dock floated over the window), drawn N times with a
    changing transform (zoom 0.3-1.2, centre moving down the graph), ``viewport().grab()`` each
    time. Target ≥ 30 frames/s.
(c) Thumbnails: MobileNetV2 (weights=None, nothing downloaded) and the flower sample at its own
    size: one activation pass of every layer (what the Activations tab runs), then the
    thumbnails job on its result (``core.graph.thumbnails``) and the pane taking them
    (``GraphScene.set_thumbnails`` and one repaint of the view). Target ≤ 100 ms extra.
(d) Opening DenseNet121 (weights=None, saved to a .keras file first) in the window, 1366×768
    offscreen, N times after the bundled model: the graph pane's longest GUI-thread turn (each
    call of ``GraphPane.set_analysis``, ``show_graph`` and, where the pane builds in idle turns,
    each build step, timed), and the longest event-loop stall from ``open_model`` to the graph
    drawn (bench_ui's 5 ms recorder: the table, the tabs and the rest of the window in it too).
    Target: the graph's turns ≤ 30 ms.

Models are built with weights=None: the structure is all the graph needs. Times are medians.
"""

from __future__ import annotations

import argparse
import statistics
import time

import _common  # noqa: F401  (environment before TensorFlow and Qt)

from tests.helpers import module_chain


def median_time(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def grandalf_time(keys, edges) -> float | None:
    try:
        from grandalf.graphs import Edge, Graph, Vertex
        from grandalf.layouts import SugiyamaLayout
    except ImportError:
        return None

    class Box:
        def __init__(self):
            self.w, self.h = 120, 52

    start = time.perf_counter()
    vertices = {k: Vertex(k) for k in keys}
    for vertex in vertices.values():
        vertex.view = Box()
    graph = Graph(list(vertices.values()), [Edge(vertices[a], vertices[b]) for a, b in edges])
    for component in graph.C:
        layout = SugiyamaLayout(component)
        layout.init_all()
        layout.draw(2)
    return time.perf_counter() - start


def keras_graph(builder):
    from neurolab.core.graph.model_graph import ModelGraph
    from neurolab.core.inspection.analysis import analyze_model

    return ModelGraph.from_analysis(analyze_model(builder(weights=None)))


def part_a(repeats: int, skip_grandalf: bool) -> dict:
    import keras

    from neurolab.core.graph import layout as layout_module
    from neurolab.core.graph.layout import layered_layout, layout_graph
    from neurolab.gui.graph_scene import GraphScene, ensure_application

    ensure_application()
    scene = GraphScene()
    graphs = {"ResNet50": keras_graph(keras.applications.ResNet50),
              "DenseNet121": keras_graph(keras.applications.DenseNet121)}
    numbers = {}
    print("(a) layout time (median of %d, cache cleared)" % repeats)
    for name, graph in graphs.items():
        nodes, edges = graph.visible()
        sizes = scene.sizes(nodes)

        def once(graph=graph, sizes=sizes):
            layout_module._CACHE.clear()
            return layout_graph(graph, (), sizes)

        seconds = median_time(once, repeats)
        layout = once()
        other = None if skip_grandalf else grandalf_time([n.key for n in nodes],
                                                         [(e.source, e.target) for e in edges])
        numbers[name] = seconds
        print(f"    {name:12s} {len(nodes):5d} nodes {len(edges):5d} edges  {seconds:7.3f} s"
              f"  ({layout.extra['layers']} layers, {layout.extra['dummies']} lanes, "
              f"{layout.crossings} crossings)" + (f"  grandalf {other:.3f} s" if other is not None else ""))
    keys, edges = module_chain(5000)
    seconds = median_time(lambda: layered_layout(keys, edges), max(1, repeats // 2))
    layout = layered_layout(keys, edges)
    numbers["synthetic 5000"] = seconds
    other = None if skip_grandalf else grandalf_time(keys, edges)
    print(f"    {'synthetic':12s} {len(keys):5d} nodes {len(set(edges)):5d} edges  {seconds:7.3f} s"
          f"  ({layout.extra['layers']} layers, {layout.extra['dummies']} lanes, {layout.crossings} crossings)"
          + (f"  grandalf {other:.3f} s" if other is not None else ""))
    return numbers


def part_b(frames: int) -> float:
    fps = [part_b_at(frames, size) for size in ((460, 460), (1200, 700))]
    return min(fps)


def part_b_at(frames: int, size: tuple[int, int]) -> float:
    import keras
    from PySide6.QtCore import QPointF

    from neurolab.gui.graph_pane import GraphPane
    from neurolab.gui.graph_scene import ensure_application

    app = ensure_application()
    pane = GraphPane()
    pane.resize(*size)
    pane.show()
    graph = keras_graph(keras.applications.DenseNet121)
    pane.show_graph(graph)
    app.processEvents()
    view = pane.view
    rect = pane.scene.sceneRect()
    view.viewport().grab()  # first paint: items' caches
    start = time.perf_counter()
    for frame in range(frames):
        zoom = 0.3 + 0.9 * (0.5 + 0.5 * ((frame % 40) - 20) / 20)
        view.resetTransform()
        view.scale(zoom, zoom)
        view.centerOn(QPointF(rect.center().x() + (frame % 7 - 3) * 20,
                              rect.top() + rect.height() * frame / frames))
        view.viewport().grab()
    seconds = time.perf_counter() - start
    fps = frames / seconds
    print(f"(b) DenseNet121 pan/zoom offscreen ({len(pane.scene.items_by_key)} boxes, view "
          f"{view.viewport().width()}×{view.viewport().height()}): {frames} frames in {seconds:.2f} s = "
          f"{fps:.0f} frames/s")
    pane.close()
    return fps


def part_c(repeats: int) -> float:
    import keras

    from neurolab.assets import sample_images
    from neurolab.core.graph.model_graph import ModelGraph
    from neurolab.core.graph.thumbnails import layer_thumbnails
    from neurolab.core.images import load_image
    from neurolab.core.inspection.activations import ActivationExtractor
    from neurolab.core.models.catalog import LoadedModel
    from neurolab.core.workspace import open_model_job  # noqa: F401  (the window's own imports)
    from neurolab.gui.graph_scene import ensure_application

    ensure_application()
    model = keras.applications.MobileNetV2(weights=None, input_shape=(224, 224, 3))
    loaded = LoadedModel(model=model, name="mobilenetv2", display_name="MobileNetV2", source="bench",
                         input_shape=(224, 224, 3), preprocess=lambda x: x / 127.5 - 1.0,
                         preprocessing="signed", labels=[f"c{i}" for i in range(1000)])
    extractor = ActivationExtractor(loaded)
    photo = load_image(str(sample_images()[0]))
    extractor.compute(photo)  # trace once
    passes = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = extractor.compute(photo)
        passes.append(time.perf_counter() - start)
    from neurolab.core.inspection.analysis import analyze_model
    from neurolab.gui.graph_pane import GraphPane

    pane = GraphPane()
    pane.resize(460, 460)
    pane.show()
    pane.show_graph(ModelGraph.from_analysis(analyze_model(model)))
    scene = pane.scene
    made = median_time(lambda: layer_thumbnails(result), repeats)
    pictures = layer_thumbnails(result)

    def show() -> None:  # the pictures set, and the pane painted with them
        scene.set_thumbnails(pictures)
        pane.view.viewport().grab()

    shown = median_time(show, repeats)
    print(f"(c) MobileNetV2, flower {photo.shape[1]}×{photo.shape[0]}: one activation pass of "
          f"{len(result.activations)} layers {statistics.median(passes) * 1000:.0f} ms; thumbnails for "
          f"{len(pictures)} boxes: made (job thread) {made * 1000:.1f} ms + shown (GUI thread) "
          f"{shown * 1000:.1f} ms (with a repaint) = {(made + shown) * 1000:.1f} ms extra")
    return made + shown


def part_d(repeats: int) -> float:
    import tempfile

    import bench_ui
    import keras
    from PySide6.QtCore import QTimer

    from neurolab.gui.app import application, create_window

    app = application()
    path = f"{tempfile.mkdtemp(prefix='neurolab-graph-')}/densenet121.keras"
    keras.applications.DenseNet121(weights=None).save(path)
    window = create_window()
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, window.start)
    if not _common.wait_for(window.ready, 300):
        raise RuntimeError("the window never became ready")
    pane = window.layers.graph
    turns: list[tuple[float, float, str]] = []  # wall, GUI-thread CPU, which call
    depth = [0]

    def timed(name):
        inner = getattr(pane, name)

        def wrapper(*args, **kwargs):
            start, cpu = time.perf_counter(), time.thread_time()
            depth[0] += 1
            try:
                return inner(*args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:  # the outermost call is the turn's
                    turns.append((time.perf_counter() - start, time.thread_time() - cpu, name))
        setattr(pane, name, wrapper)

    for name in ("set_analysis", "show_graph", "_step"):
        if hasattr(pane, name):
            timed(name)
    building = getattr(pane, "building", lambda: False)
    longest, cpus, stalls, boxes = [], [], [], 0
    recorder = bench_ui.GapRecorder()
    for _ in range(repeats):
        for target in (path, None):  # DenseNet121, then back to the bundled model
            turns.clear()
            recorder.start()
            window.open_model(path) if target else window.open_model("squeezenet")
            _common.wait_for(window.workspace_ready, 300)
            deadline = time.perf_counter() + 60
            while building() and time.perf_counter() < deadline:
                app.processEvents()
            _common.spin(0.1)
            gaps = recorder.stop()
            if target:
                boxes = len(pane.scene.items_by_key)
                worst = max(turns)
                longest.append(worst[0])
                cpus.append(max(cpu for _, cpu, _ in turns))
                stalls.append(float(gaps[:, 0].max()) if gaps.size else 0.0)
                print(f"    longest graph turn {worst[0] * 1000:.0f} ms wall, {worst[1] * 1000:.0f} ms "
                      f"GUI CPU ({worst[2]}); {len(turns)} turns")
    print(f"(d) DenseNet121 opened in the window ({boxes} boxes), median of {repeats}: the graph's "
          f"longest GUI turn {statistics.median(longest) * 1000:.0f} ms wall (max {max(longest) * 1000:.0f}), "
          f"most GUI-thread CPU in one turn {statistics.median(cpus) * 1000:.0f} ms; longest "
          f"event-loop stall from open to drawn {statistics.median(stalls) * 1000:.0f} ms (the table "
          f"and tabs too)")
    window.close()
    return statistics.median(longest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--skip-grandalf", action="store_true")
    parser.add_argument("--part", choices=("a", "b", "c", "d"), action="append")
    args = parser.parse_args()
    parts = args.part or ["a", "b", "c", "d"]
    print(_common.machine())
    if "a" in parts:
        part_a(args.repeats, args.skip_grandalf)
    if "b" in parts:
        part_b(args.frames)
    if "c" in parts:
        part_c(args.repeats)
    if "d" in parts:
        part_d(args.repeats)


if __name__ == "__main__":
    main()
