"""neurolab: see what a convolutional network sees.

Importing the package must stay cheap: no TensorFlow, no Qt here, so the
window can appear before TensorFlow has loaded.
"""

__version__ = "0.1.0"
