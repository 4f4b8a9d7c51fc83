"""The DCGAN's two networks, sized to the picture (32 or 64 px) and narrow enough for a classroom CPU.

The generator maps a latent vector through Dense → 4×4 → stride-2
``Conv2DTranspose`` stages (BatchNorm, LeakyReLU) to a tanh picture; the
discriminator is stride-2 ``Conv2D`` stages (LeakyReLU; BatchNorm, Dropout and
a minibatch standard deviation feature as :class:`~neurolab.core.gan.config.GanConfig`
says) and one logit. Weights start N(0, 0.02) as in the DCGAN paper; the same
config gives the same initial weights.
"""

from __future__ import annotations

from neurolab.core.gan.config import GanConfig, stages

GENERATOR_KERNEL = 4  # stride-2 transposed convolutions with 4×4 kernels: no checkerboard overlap
DISCRIMINATOR_KERNEL = 3  # 3×3 is about twice as fast as 4×4 or 5×5 on CPUs (oneDNN)
LEAK = 0.2
BATCHNORM_MOMENTUM = 0.9  # moving statistics follow fast: samples look right early on
INIT_STDDEV = 0.02


def _init(seed: int, index: int):
    import keras

    return keras.initializers.RandomNormal(0.0, INIT_STDDEV, seed=(seed * 1009 + index) % (2**31 - 1))


def build_generator(config: GanConfig):
    """latent vector -> size×size×3 picture in [-1, 1] (tanh). Same config, same initial weights."""
    import keras

    config = config.validated()
    n, seed = stages(config.size), int(config.seed)
    channels = [config.width * 2 ** (n - 1 - i) for i in range(n)]  # 32 px, width 32: 128, 64, 32
    inputs = keras.Input((config.latent_dim,), name="latent")
    x = keras.layers.Dense(4 * 4 * channels[0], use_bias=False, kernel_initializer=_init(seed, 1),
                           name="project")(inputs)
    x = keras.layers.BatchNormalization(momentum=BATCHNORM_MOMENTUM, name="project_bn")(x)
    x = keras.layers.LeakyReLU(LEAK, name="project_lrelu")(x)
    x = keras.layers.Reshape((4, 4, channels[0]), name="to_4x4")(x)
    side = 4
    for i, width in enumerate(channels[1:], start=1):
        side *= 2
        x = keras.layers.Conv2DTranspose(width, GENERATOR_KERNEL, strides=2, padding="same",
                                         use_bias=False, kernel_initializer=_init(seed, 1 + i),
                                         name=f"up{side}")(x)
        x = keras.layers.BatchNormalization(momentum=BATCHNORM_MOMENTUM, name=f"up{side}_bn")(x)
        x = keras.layers.LeakyReLU(LEAK, name=f"up{side}_lrelu")(x)
    outputs = keras.layers.Conv2DTranspose(3, GENERATOR_KERNEL, strides=2, padding="same",
                                           activation="tanh", kernel_initializer=_init(seed, 20),
                                           name=f"up{side * 2}_rgb")(x)
    return keras.Model(inputs, outputs, name="generator")


_MINIBATCH_STD = None


def minibatch_std_layer():
    """The ``MinibatchStdDev`` layer class (defined on first use: Keras loads lazily)."""
    global _MINIBATCH_STD
    if _MINIBATCH_STD is None:
        import keras
        from keras import ops

        class MinibatchStdDev(keras.layers.Layer):
            """Appends one feature map: the features' standard deviation across the batch, averaged.

            Karras et al. 2018 (ProGAN): a generator that draws nearly the same
            picture for every latent vector (mode collapse) shows a small
            spread, which the discriminator can then see and punish.
            """

            def call(self, x):
                spread = ops.mean(ops.sqrt(ops.var(x, axis=0) + 1e-8))
                return ops.concatenate([x, ops.ones_like(x[..., :1]) * spread], axis=-1)

            def compute_output_shape(self, input_shape):
                return (*input_shape[:-1], input_shape[-1] + 1)

        _MINIBATCH_STD = MinibatchStdDev
    return _MINIBATCH_STD


def build_discriminator(config: GanConfig):
    """size×size×3 picture in [-1, 1] -> one logit (real > 0 > fake).

    Stride-2 ``Conv2D`` stages with LeakyReLU; BatchNorm after every stage
    but the first when ``config.d_batchnorm`` (the DCGAN paper's
    discriminator), Dropout when ``config.d_dropout`` > 0 (the TensorFlow
    tutorial's: no BatchNorm, Dropout 0.3), a minibatch standard deviation
    feature before the last stage when ``config.minibatch_std``.
    """
    import keras

    config = config.validated()
    n, seed = stages(config.size), int(config.seed)
    inputs = keras.Input((config.size, config.size, 3), name="picture")
    x = inputs
    side = config.size
    for i in range(n):
        side //= 2
        if config.minibatch_std and i == n - 1:
            x = minibatch_std_layer()(name="minibatch_std")(x)
        x = keras.layers.Conv2D(config.width * 2 ** i, DISCRIMINATOR_KERNEL, strides=2, padding="same",
                                # no bias: BatchNorm brings one, and with Conv2D+BiasAdd+LeakyReLU
                                # Grappler's remapper fails on the gradient graph (an error logged)
                                use_bias=False,
                                kernel_initializer=_init(seed, 100 + i), name=f"down{side}")(x)
        if config.d_batchnorm and i > 0:
            x = keras.layers.BatchNormalization(momentum=BATCHNORM_MOMENTUM, name=f"down{side}_bn")(x)
        x = keras.layers.LeakyReLU(LEAK, name=f"down{side}_lrelu")(x)
        if config.d_dropout > 0:
            x = keras.layers.Dropout(float(config.d_dropout), seed=(seed * 1009 + 200 + i) % (2**31 - 1),
                                     name=f"down{side}_dropout")(x)
    x = keras.layers.Flatten(name="flatten")(x)
    outputs = keras.layers.Dense(1, kernel_initializer=_init(seed, 120), name="logit")(x)
    return keras.Model(inputs, outputs, name="discriminator")


def diff_augment(pictures, seed):
    """DiffAugment (Zhao et al. 2020) for the discriminator: colour, translation and cutout.

    The same kind of random change is applied to real and drawn pictures, and
    gradients pass through it to the generator. On a small data set (the
    built-in 2000 pictures, seen 80 times) the discriminator otherwise learns
    the pictures by heart and the generator settles on the few shapes that fool
    it. Stateless randomness from ``seed`` (two int64): resume stays exact.
    """
    import tensorflow as tf

    batch, size = tf.shape(pictures)[0], pictures.shape[1]
    seeds = [tf.stack([seed[0], seed[1] * 8 + k]) for k in range(6)]
    uniform = lambda k, shape: tf.random.stateless_uniform(shape, seeds[k])  # noqa: E731
    x = pictures + (uniform(0, [batch, 1, 1, 1]) - 0.5) * 2.0  # brightness (the [-1, 1] scale)
    mean = tf.reduce_mean(x, axis=3, keepdims=True)
    x = (x - mean) * (uniform(1, [batch, 1, 1, 1]) * 2.0) + mean  # saturation
    mean = tf.reduce_mean(x, axis=[1, 2, 3], keepdims=True)
    x = (x - mean) * (uniform(2, [batch, 1, 1, 1]) + 0.5) + mean  # contrast
    pad = size // 8  # translation by up to 1/8 of the picture, edges repeated
    padded = tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]], mode="SYMMETRIC")
    shifts = tf.random.stateless_uniform([batch, 2], seeds[3], 0, 2 * pad + 1, tf.int32)
    rows = shifts[:, :1] + tf.range(size)[None]
    cols = shifts[:, 1:] + tf.range(size)[None]
    x = tf.gather(tf.gather(padded, rows, axis=1, batch_dims=1), cols, axis=2, batch_dims=1)
    half = size // 2  # cutout: a square of half the side, anywhere, set to 0 (mid grey)
    corner = tf.random.stateless_uniform([batch, 2], seeds[4], 0, size + 1 - half % 2, tf.int32)
    grid = tf.range(size)
    inside_rows = tf.abs(grid[None] - corner[:, :1]) < half // 2 + 1
    inside_cols = tf.abs(grid[None] - corner[:, 1:]) < half // 2 + 1
    keep = 1.0 - tf.cast(inside_rows[:, :, None] & inside_cols[:, None, :], x.dtype)
    return x * keep[..., None]
