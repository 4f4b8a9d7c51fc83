"""The losses of style transfer: plain TensorFlow functions, traced inside the step function."""

from __future__ import annotations

from typing import Any, Sequence


def gram_matrix(features):
    """``[b, h, w, c]`` feature maps -> ``[b, c, c]`` Gram matrices, divided by ``h * w``."""
    import tensorflow as tf

    features = tf.convert_to_tensor(features, tf.float32)
    gram = tf.linalg.einsum("bijc,bijd->bcd", features, features)
    shape = tf.shape(features)
    positions = tf.cast(shape[1] * shape[2], tf.float32)
    return gram / positions


def style_loss(style_outputs: Sequence[Any], style_targets: Sequence[Any], *,
               normalize: bool = False):
    """Mean over layers of the mean squared difference of Gram matrices.

    ``style_outputs`` are feature maps; ``style_targets`` are the style image's
    Gram matrices (from :func:`gram_matrix`). With ``normalize`` each layer's
    term is divided by the mean square of its target Gram matrix (a relative
    error), so every layer counts alike however large its activations are.
    """
    import tensorflow as tf

    terms = []
    for output, target in zip(style_outputs, style_targets):
        target = tf.cast(target, tf.float32)
        term = tf.reduce_mean(tf.square(gram_matrix(output) - target))
        if normalize:
            term = term / (tf.reduce_mean(tf.square(target)) + 1e-12)
        terms.append(term)
    return tf.add_n(terms) / float(len(terms))


def content_loss(content_outputs: Sequence[Any], content_targets: Sequence[Any]):
    """Mean over layers of the mean squared difference of feature maps."""
    import tensorflow as tf

    terms = [tf.reduce_mean(tf.square(tf.cast(output, tf.float32) - tf.cast(target, tf.float32)))
             for output, target in zip(content_outputs, content_targets)]
    return tf.add_n(terms) / float(len(terms))


def total_variation_loss(image):
    """Sum of absolute differences of neighbouring pixels, per pixel.

    ``tf.image.total_variation(image) / (b * h * w)``, so its size does not
    depend on the image's size (the coarse scales and the final one weigh it
    alike). At 256 × 256 px, ``tv_weight`` here is TensorFlow's tutorial
    weight times 65 536.
    """
    import tensorflow as tf

    image = tf.convert_to_tensor(image, tf.float32)
    shape = tf.shape(image)
    pixels = tf.cast(shape[0] * shape[1] * shape[2], tf.float32)
    return tf.reduce_sum(tf.image.total_variation(image)) / pixels
