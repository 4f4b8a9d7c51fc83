"""Where a network comes from, and what it says about an image.

- :mod:`.catalog` — the model sources (bundled, SqueezeNet, Keras Applications,
  model files), each giving a ``LoadedModel``; ``list_models`` / ``load_model``.
- :mod:`.files` — a model file checked byte by byte before Keras parses it.
- :mod:`.weights` — ImageNet weights: the cache, fetching them (cleanly offline).
- :mod:`.squeezenet` — SqueezeNet v1.1 built layer for layer as MATLAB shows it.
- :mod:`.labels` — finding a class by the name a person types.
- :mod:`.classify` — top-K classes of an image, as every tab and verb judges it.
- :mod:`.bundled` — how the bundled *neurolab shapes* model is made.

Import the module you need (``from neurolab.core.models.catalog import load_model``);
this package re-exports nothing.
"""
