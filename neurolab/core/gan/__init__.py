"""A small DCGAN that learns to draw, trained as a pausable, resumable, checkpointed job.

- :mod:`.config` — ``GanConfig``: every setting, checked with sentences; why the defaults.
- :mod:`.networks` — the generator and discriminator (DCGAN, sized to 32 or 64 px), DiffAugment.
- :mod:`.trainer` — ``GanTrainer`` (both models and optimisers, counters, history) and
  its ``train_job``; ``load_generator`` for sampling from a checkpoint; the metrics CSV.
- :mod:`.sampling` — pictures from a trained generator: grids, interpolation strips.
- :mod:`.data` — the data sets: built-in drawn shapes, or a folder of images.
- :mod:`.checkpoint` — atomic, self-checking checkpoint folders.
- :mod:`.coverage` — which shapes a GAN draws, judged by the shape judge (and by colour).
- :mod:`.judge` — the shape judge: a small classifier of the five outlines, trained in random colours.

Import the module you need; this package re-exports nothing. No Qt here.
"""
