"""A model's layers as a directed acyclic graph, built from the layer table.

The table (:func:`neurolab.core.inspection.analysis.analyze_model`) already walks
Keras 3's inbound nodes, nested models included, and keeps each layer's inputs by
name and its output shape: so the graph is read from its rows, with no second walk
of Keras's internals and no TensorFlow here (the CLI and tests build graphs from
plain rows too). A nested model is one node while collapsed; expanded, its own
layers take its place: edges into it go to its input layers, edges out of it leave
from its output layers (those no other inner layer reads).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from neurolab.core.formatting import format_dims


@dataclass(frozen=True)
class GraphNode:
    """One layer (or a collapsed nested model) as the graph shows it."""

    key: str  # the layer table's key: ``parent/name`` inside a nested model
    name: str
    type: str  # MATLAB's word, as the table's Type column
    shape: tuple | None  # the output's shape without the batch axis
    parent: str | None = None
    native_only: bool = False
    nested: bool = False  # a nested model (collapsible)
    collapsed: bool = False  # a nested model shown as one node

    @property
    def shape_text(self) -> str:
        return format_dims(self.shape)


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    shape: tuple | None  # what flows along it: the source's output shape

    @property
    def label(self) -> str:
        return format_dims(self.shape)


@dataclass
class ModelGraph:
    """Every layer of a model and which layers read which, nested models included."""

    name: str
    rows: dict[str, GraphNode]  # by key, in the table's order (a topological order)
    inputs: dict[str, list[str]]  # key -> keys it reads (within its own graph)
    children: dict[str, list[str]] = field(default_factory=dict)  # nested model -> inner keys

    @classmethod
    def from_analysis(cls, analysis) -> "ModelGraph":
        """The graph of a ``ModelAnalysis`` (or anything with ``name`` and ``layers`` rows having
        ``key``, ``name``, ``type``, ``parent``, ``inputs``, ``activations``, ``native_only``)."""
        rows: dict[str, GraphNode] = {}
        inputs: dict[str, list[str]] = {}
        children: dict[str, list[str]] = {}
        for row in analysis.layers:
            rows[row.key] = GraphNode(row.key, row.name, row.type,
                                      tuple(row.activations) if row.activations is not None else None,
                                      row.parent, bool(row.native_only), row.type == "Network")
            prefix = f"{row.parent}/" if row.parent else ""
            inputs[row.key] = [prefix + name for name in row.inputs]
            if row.parent:
                children.setdefault(row.parent, []).append(row.key)
        for key, node in rows.items():  # a nested model without rows of its own is a plain node
            if node.nested and key not in children:
                rows[key] = GraphNode(node.key, node.name, node.type, node.shape, node.parent,
                                      node.native_only, False)
        return cls(analysis.name, rows, inputs, children)

    @property
    def nested(self) -> list[str]:
        """The nested models' keys, outer ones first."""
        return [key for key, node in self.rows.items() if node.nested]

    def structure(self, collapsed: Iterable[str] = (), shown=None) -> tuple:
        """What the layout depends on: the visible nodes and edges (a cache key); ``shown``: what
        :meth:`visible` gave for ``collapsed``, when the caller has it."""
        nodes, edges = shown if shown is not None else self.visible(collapsed)
        return (tuple((n.key, n.type, n.shape_text) for n in nodes),
                tuple((e.source, e.target) for e in edges))

    def visible(self, collapsed: Iterable[str] = ()) -> tuple[list[GraphNode], list[GraphEdge]]:
        """The nodes and edges shown with the nested models in ``collapsed`` as one node each
        (and the others open: their own layers in their place)."""
        collapsed = set(collapsed)

        def hidden_by(key: str) -> str | None:
            """The outermost collapsed nested model ``key`` is inside, if any."""
            found, parent = None, self.rows[key].parent
            while parent is not None:
                if parent in collapsed:
                    found = parent
                parent = self.rows[parent].parent if parent in self.rows else None
            return found

        nodes: list[GraphNode] = []
        shown: set[str] = set()
        for key, node in self.rows.items():
            if hidden_by(key) is not None:
                continue
            if node.nested and key in collapsed:
                node = GraphNode(node.key, node.name, node.type, node.shape, node.parent,
                                 node.native_only, True, True)
            elif node.nested:
                continue  # open: its layers stand in its place
            nodes.append(node)
            shown.add(key)

        def ends(key: str, first: bool) -> list[str]:
            """The shown nodes an edge to (``first``) or from ``key`` really meets."""
            if key in shown:
                return [key]
            if key not in self.rows:
                return []
            inner = self.children.get(key, [])
            if first:  # into a nested model: its input layers
                picked = [k for k in inner if not self.inputs[k]]
            else:  # out of it: the layers no other inner layer reads
                read = {source for k in inner for source in self.inputs[k]}
                picked = [k for k in inner if k not in read]
            return [end for k in picked for end in ends(k, first)]

        edges: list[GraphEdge] = []
        seen: set[tuple[str, str]] = set()
        for key in self.rows:
            if hidden_by(key) is not None:
                continue  # inside a collapsed model: its edges are the model's
            targets = ends(key, True)
            for source_key in self.inputs[key]:
                for source in ends(source_key, False):
                    for target in targets:
                        if source != target and (source, target) not in seen:
                            seen.add((source, target))
                            edges.append(GraphEdge(source, target, self.rows[source].shape))
        return nodes, edges

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "layers": len(self.rows), "nested": self.nested}
