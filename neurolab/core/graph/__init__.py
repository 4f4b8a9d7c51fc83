"""The model as a graph: the picture beside the layer table (issue #19).

- :mod:`.model_graph` — the model's DAG, read from the layer table's rows
  (``core.inspection.analysis``): nodes, edges labelled with shapes, nested
  models that collapse to one node.
- :mod:`.layout` — the layered (Sugiyama-style) layout, cached per structure;
  why it is our own and not grandalf's is in its docstring.
- :mod:`.svg` — the laid-out graph as SVG text (no Qt: the CLI writes it).
- :mod:`.thumbnails` — each layer's strongest channel as a small picture,
  from activations already computed.

Import the module you need; this package re-exports nothing.
"""
