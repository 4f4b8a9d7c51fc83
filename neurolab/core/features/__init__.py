"""What does each filter want to see? Feature visualisation, class images and deep dream
(the Features tab, ``neurolab features``, ``neurolab dream``).

The mirror of the activation mosaic: instead of showing what a photo does to each filter,
an image is grown, by gradient ascent, that a filter (or an output neuron) answers as
strongly as it can.

- :mod:`.config` — ``FeatureConfig`` and ``DreamConfig``: the settings, their ranges once,
  checked with sentences.
- :mod:`.parameterization` — how the optimised numbers become pixels (a decorrelated colour +
  Fourier basis, or plain pixels) and the random jitter, scale and rotation applied each step.
- :mod:`.network` — ``FeatureNetwork``: one layer (nested models too) at any image size, and
  the traced ascent steps: every channel of a layer in one batch, class logits, a dream step.
- :mod:`.channel_slice` — image *i* computes only its own channel of a convolution or dense
  layer (and of per-channel layers after it), not the whole layer.
- :mod:`.jobs` — ``features_job``, ``class_images_job``, ``dream_job``: generator jobs with
  live previews; seeded.
- :mod:`.result` — ``FeatureImages`` and ``DreamResult``: pixels, grid, JSON.

Import the module you need; this package re-exports nothing. Nothing here imports Qt;
TensorFlow is imported when a model is first used.
"""
