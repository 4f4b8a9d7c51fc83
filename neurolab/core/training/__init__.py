"""Training a classifier on your own pictures (the Train tab, ``neurolab train``).

- :mod:`.data` — ``ImageFolder``: a folder of class folders (or the built-in shapes), counts,
  warnings, samples; ``stratified_split``.
- :mod:`.config` — ``TrainConfig``: every setting, checked with sentences; ``BACKBONES``.
- :mod:`.backbones` — the networks a classifier is built on: the bundled model's trunk, a small
  CNN from scratch, Keras Applications and SqueezeNet with cached ImageNet weights.
- :mod:`.trainer` — ``ClassifierTrainer`` and its pausable ``train_job``; ``TrainResult``
  (save as ``.keras`` + ``.labels.txt``, metrics as CSV/JSON).
- :mod:`.evaluation` — ``Evaluation``: confusion matrix, precision/recall, the most confident mistakes.

Import the module you need; this package re-exports nothing. No Qt here.
"""
