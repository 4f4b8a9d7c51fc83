"""Looking inside a network: its layer table, its activations, and activations as pictures.

- :mod:`.analysis` — the layer table, as MATLAB's ``analyzeNetwork`` shows it.
- :mod:`.activations` — any layer's activations for an image of any size, one
  pass for many layers, within a memory budget.
- :mod:`.mosaic` — a layer's channels tiled into one image; colour maps.

Import the module you need; this package re-exports nothing.
"""
