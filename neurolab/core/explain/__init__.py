"""Where does the network look? Class heat maps for one photo (the Explain tab, ``neurolab explain``).

Every method answers for one class of the classifier and gives a map computed at the
network's input size, mapped back to the photo's own pixels the way the photo was fed
(the photo is stretched to the input size, so the map is stretched back).

- :mod:`.config` — ``ExplainConfig``: the method and its settings, checked with sentences.
- :mod:`.network` — ``ExplainModel``: the traced functions (a chosen layer's activations
  and gradients, input gradients, batched scores), the last convolutional layer found.
- :mod:`.methods` — Grad-CAM, Grad-CAM++, saliency, SmoothGrad, occlusion and RISE as
  jobs (``explain_job``), with their cache.
- :mod:`.result` — ``Explanation``: the map at the photo's size, its JSON, its overlay.

Import the module you need; this package re-exports nothing. Nothing here imports Qt;
TensorFlow is imported when a model is first used.
"""
