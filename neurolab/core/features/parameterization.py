"""How the optimised numbers become pixels, and the random transforms applied each step.

Gradient ascent straight on pixels finds high-frequency noise a filter answers (an
adversarial pattern, not a picture). Two regularisations, after lucid (Olah et al. 2017,
"Feature Visualization"), make the pictures readable; both were compared on the bundled
model's conv1/conv3 and an untrained InceptionV3 (``docs/features/``):

- **A decorrelated colour + Fourier parameterisation.** Each image is a spectrum
  (``N×3×H×(W//2+1)`` complex, stored as real and imaginary halves of one float tensor),
  scaled by 1/frequency so every frequency learns at the same pace; the inverse FFT gives
  three decorrelated colour planes, mixed into RGB by the square root of ImageNet's colour
  correlation, then a sigmoid into 0–255. ``pixels`` keeps the colour step but makes every
  pixel its own number.
- **Transformation robustness.** Before each step every image is shifted (jitter), zoomed
  and turned by a random amount, with reflected edges, so only patterns that survive being
  moved grow. The random amounts are drawn on the host per step and image from the seed, so
  a result does not depend on how the channels were batched.

Everything takes the size as a tensor, so one trace serves every image size.
"""

from __future__ import annotations

import math

import numpy as np

#: lucid's square root of ImageNet's colour correlation (its ``color_correlation_svd_sqrt``),
#: scaled so its largest column has norm one.
_COLOUR_SQRT = np.asarray([[0.26, 0.09, 0.02], [0.27, 0.00, -0.05], [0.27, -0.09, 0.03]], np.float32)
COLOUR_MIX = _COLOUR_SQRT / np.max(np.linalg.norm(_COLOUR_SQRT, axis=0))
#: The starting noise's standard deviation (lucid's 0.01).
INITIAL_SCALE = 0.01


def parameter_shape(kind: str, count: int, height: int, width: int) -> tuple[int, int, int, int]:
    """The float tensor optimised for ``count`` images of ``height`` × ``width``."""
    return (count, 3, height, 2 * (width // 2 + 1)) if kind == "fourier" else (count, 3, height, width)


def initial_parameters(kind: str, count: int, height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    """Seeded starting noise (each image drawn from its own row of the generator)."""
    return (rng.standard_normal(parameter_shape(kind, count, height, width)) * INITIAL_SCALE).astype(np.float32)


def render(kind: str, parameters, size):
    """Parameters (``N×3×H×X``) -> images ``N×H×W×3`` in 0–255, differentiably (graph code).

    ``size`` is an int32 tensor (height, width)."""
    import tensorflow as tf

    planes = _fourier_planes(parameters, size) if kind == "fourier" else parameters
    pixels = tf.transpose(planes, [0, 2, 3, 1])  # N×H×W×3, decorrelated colour
    mixed = tf.einsum("nhwc,dc->nhwd", pixels, tf.constant(COLOUR_MIX))
    return tf.sigmoid(mixed) * 255.0


def _fourier_planes(parameters, size):
    import tensorflow as tf

    height, width = size[0], size[1]
    half = tf.shape(parameters)[-1] // 2
    rows = tf.range(height)
    fy = tf.cast(tf.where(rows < (height + 1) // 2, rows, rows - height), tf.float32) / tf.cast(height, tf.float32)
    fx = tf.cast(tf.range(half), tf.float32) / tf.cast(width, tf.float32)
    frequency = tf.sqrt(fy[:, None] ** 2 + fx[None, :] ** 2)
    longest = tf.cast(tf.maximum(height, width), tf.float32)
    scale = 1.0 / tf.maximum(frequency, 1.0 / longest) * tf.sqrt(tf.cast(height * width, tf.float32))
    # The real scale (and the planes' /4, the transform being linear) on both halves at once:
    # one real product instead of a complex one and a division over the planes.
    scaled = parameters * tf.tile(scale / 4.0, [1, 2])
    real, imaginary = tf.split(scaled, 2, axis=-1)  # (slices' gradients cost a quarter of a step)
    return tf.signal.irfft2d(tf.complex(real, imaginary), fft_length=tf.stack([height, width]))


def random_transforms(count: int, height: int, width: int, jitter: int, scale: float, rotation: float,
                      rng: np.random.Generator) -> np.ndarray:
    """``count`` projective transforms (TensorFlow's 8-number form, output → input
    coordinates): a turn of up to ±``rotation`` degrees and a zoom of up to ±``scale`` about
    the centre, then a shift of up to ±``jitter`` pixels."""
    angles = np.radians(rng.uniform(-rotation, rotation, count)) if rotation else np.zeros(count)
    zooms = rng.uniform(1.0 - scale, 1.0 + scale, count) if scale else np.ones(count)
    shifts = rng.integers(-jitter, jitter + 1, (count, 2)) if jitter else np.zeros((count, 2))
    cy, cx = (height - 1) / 2.0, (width - 1) / 2.0
    cos, sin = np.cos(angles) / zooms, np.sin(angles) / zooms
    # x_in = cos·(x − cx) + sin·(y − cy) + cx + dx ; y_in = −sin·(x − cx) + cos·(y − cy) + cy + dy
    transforms = np.zeros((count, 8), np.float32)
    transforms[:, 0], transforms[:, 1] = cos, sin
    transforms[:, 2] = cx - cos * cx - sin * cy + shifts[:, 1]
    transforms[:, 3], transforms[:, 4] = -sin, cos
    transforms[:, 5] = cy + sin * cx - cos * cy + shifts[:, 0]
    return transforms


#: The transform that moves nothing (jitter, scale and rotation all off).
IDENTITY = np.asarray([1, 0, 0, 0, 1, 0, 0, 0], np.float32)


def transformed(images, transforms):
    """``images`` (N×H×W×3) moved by ``transforms`` (N×8), edges reflected (graph code).

    Where every transform is the identity the images pass unchanged: the resampling and its
    gradient are a third of a step's time on a CPU."""
    import tensorflow as tf

    def moved():
        return tf.raw_ops.ImageProjectiveTransformV3(
            images=images, transforms=transforms, output_shape=tf.shape(images)[1:3], fill_value=0.0,
            interpolation="BILINEAR", fill_mode="REFLECT")

    unmoved = tf.reduce_all(tf.equal(transforms, tf.constant(IDENTITY)))
    return tf.cond(unmoved, lambda: tf.identity(images), moved)


def grid_side(count: int) -> tuple[int, int]:
    """(rows, columns) of a near-square grid of ``count`` tiles, wider than tall."""
    columns = max(1, math.ceil(math.sqrt(count)))
    return math.ceil(count / columns), columns
