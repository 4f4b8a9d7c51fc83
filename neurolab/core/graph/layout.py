"""A layered ("Sugiyama") layout of a model's graph: data flows down, branches side by side.

Why our own and not grandalf (the pure-Python Sugiyama layout on PyPI) or Graphviz:
Graphviz is a C program with no wheel, so ``pip install neurolab`` (the README's one
command) cannot bring it on Windows and macOS. grandalf 0.8 lays out ResNet50 in 0.04 s
and DenseNet121 in 0.12-0.16 s, but building its graph is quadratic (its poset's
``__ne__`` and ``list.index`` per edge): a 5,000-node chain with branches took 8.7 s in
``init_all`` plus 0.5 s in ``draw`` (2 shared CPU cores), against the issue's 5 s. The
layout below is the textbook pipeline in linear-ish passes and lays out that graph in
about a second (``benchmarks/graph.py``):

1. **Layers**: longest path from the inputs along a topological order (Keras graphs are
   acyclic; the table's order already is one), a source pulled down next to its first
   reader; an edge spanning several layers gets a dummy node in each, so it is routed
   around nodes, never through them.
2. **Order in a layer**: the table's depth-first order first (it keeps a module's
   branches together), then barycentre sweeps down and up; the order with the fewest
   crossings (counted by inversions, O(E log V)) is kept.
3. **x**: each node is pulled towards the weighted mean of its neighbours' x (long edges'
   dummies pulled harder, so skip connections run straight), and the layer is placed
   with the order kept and no overlap, closest to those wishes (isotonic regression by
   pool-adjacent-violators): a few sweeps down and up. Then each chain (one reader
   after another, a long edge's lanes included: a branch of a module) is put on one x
   where its neighbours leave room, so a branch reads as a straight column, not a zigzag.

Every edge therefore points down (forward along the main axis), and two nodes of one
layer never overlap. Layouts are kept per structure (:func:`layout_graph`'s cache).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

GAP_X = 28.0  # pixels between two boxes of a layer
GAP_Y = 44.0  # pixels between layers: room for an edge's shape label
DUMMY_WIDTH = 14.0  # a long edge's lane
SWEEPS = 4  # barycentre sweeps (down + up each)
X_PASSES = 6  # coordinate passes
CACHE_SIZE = 16  # layouts kept (a model and a few collapse states)
CHAR_WIDTH, LINE_HEIGHT, PADDING = 6.6, 14.0, 10.0  # the default box sizes (the CLI's, SVG's)


@dataclass
class NodeBox:
    """Where a node is drawn: its centre, size and layer."""

    key: str
    x: float
    y: float
    width: float
    height: float
    rank: int

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2


@dataclass
class EdgeRoute:
    """An edge's way: from the source's bottom through its lanes to the target's top."""

    source: str
    target: str
    points: list[tuple[float, float]]
    label: str = ""  # what flows along it (the source's output shape)


@dataclass
class GraphLayout:
    """A laid-out graph: boxes by key, routes, the whole size, and the time it took."""

    nodes: dict[str, NodeBox]
    edges: list[EdgeRoute]
    width: float
    height: float
    layout_s: float
    crossings: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"nodes": [{"name": box.key, "x": round(box.x, 1), "y": round(box.y, 1),
                           "width": round(box.width, 1), "height": round(box.height, 1)}
                          for box in self.nodes.values()],
                "edges": [[edge.source, edge.target] for edge in self.edges],
                "width": round(self.width, 1), "height": round(self.height, 1),
                "layout_s": self.layout_s, "crossings": self.crossings}


def default_size(*texts: str) -> tuple[float, float]:
    """A box for lines of text in a ~11 px sans font (what the SVG and the CLI's JSON use)."""
    longest = max((len(t) for t in texts), default=0)
    return max(72.0, longest * CHAR_WIDTH + 2 * PADDING), len(texts) * LINE_HEIGHT + PADDING


def layered_layout(keys: Sequence[str], edges: Iterable[tuple[str, str]],
                   sizes: dict[str, tuple[float, float]] | None = None) -> GraphLayout:
    """Lay out nodes ``keys`` (a topological order preferred) joined by ``edges`` (source,
    target); ``sizes`` gives each box's (width, height) (default: 100×40)."""
    started = time.perf_counter()
    n = len(keys)
    index = {key: i for i, key in enumerate(keys)}
    succ: list[list[int]] = [[] for _ in range(n)]
    pred: list[list[int]] = [[] for _ in range(n)]
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for source, target in edges:
        a, b = index.get(source), index.get(target)
        if a is None or b is None or a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        pairs.append((a, b))
    order = _topological(n, pairs)
    position_in_order = [0] * n
    for place, node in enumerate(order):
        position_in_order[node] = place
    for a, b in pairs:
        if position_in_order[a] < position_in_order[b]:  # a cycle's back edge is not laid out
            succ[a].append(b)
            pred[b].append(a)
    rank = _ranks(order, succ, pred)
    widths = [0.0] * n
    heights = [0.0] * n
    for i, key in enumerate(keys):
        widths[i], heights[i] = (sizes or {}).get(key, (100.0, 40.0))

    # Dummy nodes: one per layer crossed by a long edge.
    chains: dict[tuple[int, int], list[int]] = {}
    total = n
    node_rank = list(rank)
    lanes_succ: list[list[int]] = [list(s) for s in succ]
    lanes_pred: list[list[int]] = [list(p) for p in pred]
    origin: list[float] = [float(p) for p in position_in_order]
    for a in range(n):
        for b in succ[a]:
            span = rank[b] - rank[a]
            if span <= 1:
                continue
            lanes_succ[a].remove(b)
            lanes_pred[b].remove(a)
            chain, previous = [], a
            for step in range(1, span):
                dummy = total
                total += 1
                node_rank.append(rank[a] + step)
                widths.append(DUMMY_WIDTH)
                heights.append(0.0)
                origin.append(position_in_order[a] + step / span * 0.5 + 0.25)
                lanes_succ.append([])
                lanes_pred.append([previous])
                lanes_succ[previous].append(dummy)
                chain.append(dummy)
                previous = dummy
            lanes_succ[previous].append(b)
            lanes_pred[b].append(previous)
            chains[(a, b)] = chain
    is_dummy = [i >= n for i in range(total)]

    layers = _layers(total, node_rank, origin)
    crossings = _order(layers, lanes_succ, lanes_pred)
    xs = _coordinates(layers, widths, lanes_succ, lanes_pred, is_dummy)
    _straighten(layers, xs, widths, lanes_succ, lanes_pred)
    ys, height = _rows(layers, heights)

    left = min((xs[i] - widths[i] / 2 for i in range(total)), default=0.0)
    right = max((xs[i] + widths[i] / 2 for i in range(total)), default=0.0)
    shift = PADDING - left
    boxes = {keys[i]: NodeBox(keys[i], xs[i] + shift, ys[i], widths[i], heights[i], node_rank[i])
             for i in range(n)}
    routes = []
    for a, b in pairs:
        if position_in_order[a] >= position_in_order[b]:
            continue
        points = [(xs[a] + shift, ys[a] + heights[a] / 2)]
        points += [(xs[d] + shift, ys[d]) for d in chains.get((a, b), [])]
        points.append((xs[b] + shift, ys[b] - heights[b] / 2))
        routes.append(EdgeRoute(keys[a], keys[b], points))
    return GraphLayout(boxes, routes, right - left + 2 * PADDING, height,
                       time.perf_counter() - started, crossings,
                       {"dummies": total - n, "layers": len(layers)})


def _topological(n: int, pairs: list[tuple[int, int]]) -> list[int]:
    """Kahn's order, ties by the given order (the table's); nodes left in a cycle go last."""
    import heapq

    indegree = [0] * n
    out: list[list[int]] = [[] for _ in range(n)]
    for a, b in pairs:
        out[a].append(b)
        indegree[b] += 1
    ready = [i for i in range(n) if indegree[i] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        node = heapq.heappop(ready)
        order.append(node)
        for b in out[node]:
            indegree[b] -= 1
            if indegree[b] == 0:
                heapq.heappush(ready, b)
    if len(order) < n:
        placed = set(order)
        order += [i for i in range(n) if i not in placed]
    return order


def _ranks(order: list[int], succ: list[list[int]], pred: list[list[int]]) -> list[int]:
    """Longest path from the sources; a source then moves down next to its first reader."""
    rank = [0] * len(order)
    for node in order:
        if pred[node]:
            rank[node] = max(rank[p] for p in pred[node]) + 1
    for node in order:
        if not pred[node] and succ[node]:
            rank[node] = max(0, min(rank[s] for s in succ[node]) - 1)
    return rank


def _layers(total: int, node_rank: list[int], origin: list[float]) -> list[list[int]]:
    count = max(node_rank, default=-1) + 1
    layers: list[list[int]] = [[] for _ in range(count)]
    for node in sorted(range(total), key=lambda i: origin[i]):
        layers[node_rank[node]].append(node)
    return layers


def _order(layers: list[list[int]], succ: list[list[int]], pred: list[list[int]]) -> int:
    """Barycentre sweeps; ``layers`` left in the order with the fewest crossings found."""
    position: dict[int, int] = {}

    def number(layer: list[int]) -> None:
        for place, node in enumerate(layer):
            position[node] = place

    for layer in layers:
        number(layer)
    best = [list(layer) for layer in layers]
    best_crossings = _crossings(layers, succ, position)
    for _ in range(SWEEPS):
        if best_crossings == 0:
            break
        for down in (True, False):
            sequence = range(1, len(layers)) if down else range(len(layers) - 2, -1, -1)
            for r in sequence:
                neighbours = pred if down else succ
                layer = layers[r]
                keys = {}
                for node in layer:
                    around = neighbours[node]
                    keys[node] = (sum(position[u] for u in around) / len(around) if around
                                  else position[node])
                layer.sort(key=lambda v: keys[v])
                number(layer)
            crossings = _crossings(layers, succ, position)
            if crossings < best_crossings:
                best_crossings = crossings
                best = [list(layer) for layer in layers]
    for r, layer in enumerate(best):
        layers[r] = layer
    return best_crossings


def _crossings(layers: list[list[int]], succ: list[list[int]], position: dict[int, int]) -> int:
    """Edge crossings between neighbouring layers: inversions of the targets' positions."""
    total = 0
    for layer in layers[:-1]:
        targets = [position[b] for a in layer for b in sorted(succ[a], key=position.__getitem__)]
        total += _inversions(targets)
    return total


def _inversions(values: list[int]) -> int:
    """Pairs i < j with values[i] > values[j] (a Fenwick tree over the values)."""
    if len(values) < 2:
        return 0
    size = max(values) + 2
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(values):
        i, smaller_or_equal = value + 1, 0
        while i > 0:
            smaller_or_equal += tree[i]
            i -= i & -i
        count += seen - smaller_or_equal
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


def _coordinates(layers: list[list[int]], widths: list[float], succ: list[list[int]],
                 pred: list[list[int]], is_dummy: list[bool]) -> list[float]:
    xs = [0.0] * len(widths)
    for layer in layers:  # packed, centred on 0
        left = -(sum(widths[v] for v in layer) + GAP_X * (len(layer) - 1)) / 2
        for v in layer:
            xs[v] = left + widths[v] / 2
            left += widths[v] + GAP_X

    def pull(v: int, around: list[int]) -> tuple[float, float] | None:
        if not around:
            return None
        total = weight_sum = 0.0
        for u in around:
            weight = 8.0 if is_dummy[u] and is_dummy[v] else 2.0 if is_dummy[u] or is_dummy[v] else 1.0
            total += weight * xs[u]
            weight_sum += weight
        return total / weight_sum, weight_sum

    for step in range(X_PASSES):
        down = step % 2 == 0
        last = step == X_PASSES - 1
        sequence = range(len(layers)) if down else range(len(layers) - 1, -1, -1)
        for r in sequence:
            layer = layers[r]
            wishes, weights = [], []
            for v in layer:
                around = (pred[v] + succ[v]) if last else (pred[v] if down else succ[v])
                wish = pull(v, around)
                wishes.append(xs[v] if wish is None else wish[0])
                weights.append(0.5 if wish is None else wish[1])
            for v, x in zip(layer, _place(wishes, weights, [widths[v] for v in layer])):
                xs[v] = x
    return xs


def _straighten(layers: list[list[int]], xs: list[float], widths: list[float],
                succ: list[list[int]], pred: list[list[int]]) -> None:
    """Each chain (``u``'s only reader is ``v`` and ``v`` reads only ``u``) on one x: the mean
    of its nodes' x, moved into the room every node of it has between its layer neighbours
    (order kept, ``GAP_X`` apart); where they have no room in common, each node as near that
    x as its own room allows."""
    where: dict[int, tuple[int, int]] = {}
    for r, layer in enumerate(layers):
        for i, v in enumerate(layer):
            where[v] = (r, i)

    def linked(u: int, v: int) -> bool:
        return len(succ[u]) == 1 and succ[u][0] == v and len(pred[v]) == 1

    for layer in layers:
        for head in layer:
            if pred[head] and linked(pred[head][0], head):
                continue  # not a chain's first node
            chain = [head]
            while len(succ[chain[-1]]) == 1 and linked(chain[-1], succ[chain[-1]][0]):
                chain.append(succ[chain[-1]][0])
            if len(chain) < 2:
                continue
            x = sum(xs[v] for v in chain) / len(chain)
            room = []
            for v in chain:
                r, i = where[v]
                row = layers[r]
                low = xs[row[i - 1]] + (widths[row[i - 1]] + widths[v]) / 2 + GAP_X if i > 0 else float("-inf")
                high = (xs[row[i + 1]] - (widths[row[i + 1]] + widths[v]) / 2 - GAP_X if i + 1 < len(row)
                        else float("inf"))
                room.append((low, high))
            low, high = max(r[0] for r in room), min(r[1] for r in room)
            if low <= high:  # one x for all
                x = min(max(x, low), high)
            for v, (low, high) in zip(chain, room):  # else each as near it as its room allows
                xs[v] = min(max(x, low), high) if low <= high else xs[v]


def _place(wishes: list[float], weights: list[float], widths: list[float]) -> list[float]:
    """Positions in the given order, at least ``GAP_X`` apart, closest (weighted least squares)
    to ``wishes``: pool adjacent violators on the wishes less each box's minimal offset."""
    offsets = [0.0]
    for i in range(1, len(widths)):
        offsets.append(offsets[-1] + (widths[i - 1] + widths[i]) / 2 + GAP_X)
    blocks: list[list[float]] = []  # [weighted mean, weight, count]
    for wish, weight, offset in zip(wishes, weights, offsets):
        blocks.append([wish - offset, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean2, weight2, count2 = blocks.pop()
            mean1, weight1, count1 = blocks[-1]
            merged = weight1 + weight2
            blocks[-1] = [(mean1 * weight1 + mean2 * weight2) / merged, merged, count1 + count2]
    placed = []
    for mean, _weight, count in blocks:
        placed += [mean] * count
    return [y + offset for y, offset in zip(placed, offsets)]


def _rows(layers: list[list[int]], heights: list[float]) -> tuple[list[float], float]:
    ys = [0.0] * len(heights)
    top = PADDING
    for layer in layers:
        tallest = max((heights[v] for v in layer), default=0.0)
        for v in layer:
            ys[v] = top + tallest / 2
        top += tallest + GAP_Y
    return ys, top - GAP_Y + PADDING


# --- a model's graph, cached ------------------------------------------------------

_CACHE: "OrderedDict[tuple, GraphLayout]" = OrderedDict()
_CACHE_LOCK = threading.Lock()  # the pane lays out on a thread of its own, the CLI and folds on theirs


def node_texts(node) -> tuple[str, str, str]:
    """The three lines a box shows: name, type, output shape."""
    return node.name, node.type, node.shape_text


def layout_graph(graph, collapsed: Iterable[str] = (),
                 sizes: dict[str, tuple[float, float]] | None = None) -> GraphLayout:
    """The layout of a :class:`~neurolab.core.graph.model_graph.ModelGraph` with the nested
    models in ``collapsed`` as one node; ``sizes`` (by key) from the caller's fonts, else
    :func:`default_size`. Kept per structure and sizes: asked again, it is not laid out again
    (``layout_s`` stays the time it took once; ``extra["cached"]`` says so)."""
    nodes, edges = graph.visible(collapsed)
    if sizes is None:
        sizes = {node.key: default_size(*node_texts(node)) for node in nodes}
    key = (graph.structure(collapsed, (nodes, edges)), tuple(sorted(sizes.items())))
    with _CACHE_LOCK:
        kept = _CACHE.get(key)
        if kept is not None:
            _CACHE.move_to_end(key)
            kept.extra["cached"] = True
            return kept
    layout = layered_layout([node.key for node in nodes], [(e.source, e.target) for e in edges], sizes)
    shapes = {node.key: node.shape_text for node in nodes}
    labelled: set[str] = set()
    for route in layout.edges:  # one label per source: its edges carry the same shape (its output)
        if route.source not in labelled:
            labelled.add(route.source)
            route.label = shapes.get(route.source, "")
    layout.extra["cached"] = False
    with _CACHE_LOCK:
        _CACHE[key] = layout
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return layout
