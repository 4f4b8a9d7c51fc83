"""The shape judge: a small classifier that names the built-in GAN set's shapes by their outline.

Mode coverage (:mod:`neurolab.core.gan.coverage`) asks "which shape is this
sample?". The bundled 64-px ``shapes`` model is the wrong judge for that: it
learned photos-like pictures (textured backgrounds, blur, second objects) and
calls a small GAN's soft red hearts "sun". This judge is trained on the GAN's
own domain — one shape on a plain background at 32 px, as
:func:`~neurolab.core.gan.data.draw_builtin` draws it — but **in random
colours**, so it names a shape by its outline, never by the colour the
built-in set gives each shape (a yellow blob is not a sun because it is
yellow). Blur, noise and brightness changes during training make it judge soft
GAN samples as a person would. Shipped as ``resources/models/gan_shapes_judge.keras``;
``python -m neurolab.core.gan.judge`` draws the data and retrains it
(deterministic; about two minutes on two cores). No Qt here.
"""

from __future__ import annotations

import colorsys
import sys
import time
from pathlib import Path
from typing import Optional

import numpy as np

from neurolab.assets import resource_path
from neurolab.core.jobs import Job, Progress, run_job
from neurolab.core.phrases import Phrase

JUDGE_FILE = "gan_shapes_judge.keras"
JUDGE_SIZE = 32
#: The classes, in output order: the built-in set's five shapes, then "nothing" (empty backgrounds,
#: noise, smudges: without it a flat picture had to be one of the five).
SHAPES: tuple[str, ...] = ("sun", "flower", "star", "heart", "moon")
NOTHING = "nothing"
JUDGE_CLASSES: tuple[str, ...] = SHAPES + (NOTHING,)
TRAIN_PER_CLASS = 800
TEST_PER_CLASS = 200
EPOCHS = 16
SEED = 11
_OWN_COLOUR_SHARE = 0.2  # a fifth of the pictures in the built-in set's own colours: in-domain too


def judge_path() -> Path:
    """Where the shipped judge lives (its labels beside it, ``.labels.txt``)."""
    return resource_path("models", JUDGE_FILE)


def draw_judge_pictures(n_per_class: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n_per_class`` pictures of each class: shapes as the built-in set draws them, mostly in random colours.

    Returns (uint8 N×32×32×3, int64 labels in :data:`JUDGE_CLASSES` order),
    the classes in turn. Shapes are :func:`~neurolab.core.gan.data.draw_builtin`'s
    (placement, size, outline) at any angle; "nothing" pictures are :func:`_nothing`.
    """
    from neurolab.core.gan.data import BUILTIN_COLOURS, draw_builtin

    images = np.empty((n_per_class * len(JUDGE_CLASSES), JUDGE_SIZE, JUDGE_SIZE, 3), np.uint8)
    labels = np.empty(len(images), np.int64)
    for i in range(len(images)):
        k = i % len(JUDGE_CLASSES)
        name = JUDGE_CLASSES[k]
        rng = np.random.default_rng([seed, 31, i])
        if name == NOTHING:
            images[i], labels[i] = _nothing(rng), k
            continue
        if rng.random() < _OWN_COLOUR_SHARE:
            colour = BUILTIN_COLOURS[name]
        else:
            rgb = colorsys.hsv_to_rgb(rng.random(), rng.uniform(0.3, 1.0), rng.uniform(0.45, 1.0))
            colour = tuple(int(round(255 * c)) for c in rgb)
        images[i] = draw_builtin(i, JUDGE_SIZE, seed, name, colour, upright=False)
        labels[i] = k
    return images, labels


def _nothing(rng) -> np.ndarray:
    """A picture with no shape: a plain colour with a soft gradient, pixel noise, or soft colour clouds."""
    from PIL import Image

    kind = rng.integers(3)
    y, x = np.mgrid[0:JUDGE_SIZE, 0:JUDGE_SIZE] / (JUDGE_SIZE - 1)
    if kind == 0:
        colour = rng.uniform(0, 255, 3)
        tilt = rng.uniform(-40, 40, 3) * (rng.random() < 0.5)  # half of them perfectly flat
        picture = colour + tilt * (x * rng.uniform(-1, 1) + y * rng.uniform(-1, 1))[..., None]
    elif kind == 1:
        picture = rng.uniform(0, 255, (JUDGE_SIZE, JUDGE_SIZE, 3)) * rng.uniform(0.3, 1.0) + rng.uniform(0, 80)
    else:
        cells = rng.integers(0, 256, (4, 4, 3), dtype=np.uint8)
        picture = np.asarray(Image.fromarray(cells).resize((JUDGE_SIZE, JUDGE_SIZE), Image.Resampling.BILINEAR))
    return np.clip(picture, 0, 255).astype(np.uint8)


def build_judge(seed: int = SEED):
    """Raw 0–255 RGB 32×32 → softmax over :data:`JUDGE_CLASSES` (rescaling inside, like the bundled model)."""
    import keras

    keras.utils.set_random_seed(seed)
    inputs = keras.Input((JUDGE_SIZE, JUDGE_SIZE, 3), name="picture")
    x = keras.layers.Rescaling(1 / 255, name="rescale")(inputs)
    for width in (24, 48, 96):
        for part in ("a", "b"):
            x = keras.layers.Conv2D(width, 3, padding="same", activation="relu", name=f"conv{width}{part}")(x)
        x = keras.layers.MaxPooling2D(name=f"pool{width}")(x)
    x = keras.layers.GlobalAveragePooling2D(name="gap")(x)
    outputs = keras.layers.Dense(len(JUDGE_CLASSES), activation="softmax", name="shape")(x)
    return keras.Model(inputs, outputs, name="gan_shapes_judge")


def _augment(pictures, seed):
    """Brightness/contrast, a Gaussian blur of random width and pixel noise (0–255 scale, stateless)."""
    import tensorflow as tf

    batch = tf.shape(pictures)[0]
    seeds = [tf.stack([seed[0], seed[1] * 4 + k]) for k in range(4)]
    x = tf.cast(pictures, tf.float32)
    x = (x - 128.0) * tf.random.stateless_uniform([batch, 1, 1, 1], seeds[0], 0.7, 1.3) + 128.0 \
        + tf.random.stateless_uniform([batch, 1, 1, 1], seeds[1], -35.0, 35.0)
    sigma = tf.random.stateless_uniform([], seeds[2], 0.0, 1.3)
    taps = tf.exp(-tf.square(tf.range(-2.0, 3.0)) / (2.0 * tf.square(sigma) + 1e-3))
    taps = taps / tf.reduce_sum(taps)
    kernel = tf.tile((taps[:, None] * taps[None, :])[:, :, None, None], [1, 1, 3, 1])
    x = tf.nn.depthwise_conv2d(x, kernel, [1, 1, 1, 1], "SAME")
    noise = tf.random.stateless_uniform([], seeds[3], 0.0, 20.0)
    x = x + noise * tf.random.stateless_normal(tf.shape(x), tf.stack([seeds[3][0], seeds[3][1] + 1]))
    return tf.clip_by_value(x, 0.0, 255.0)


def train_judge_job(epochs: int = EPOCHS, seed: int = SEED, per_class: int = TRAIN_PER_CLASS,
                    test_per_class: int = TEST_PER_CLASS) -> Job:
    """Draw the data and train the judge; returns (model, held-out accuracy on clean drawn shapes)."""
    import tensorflow as tf

    yield Progress(0, epochs, Phrase("drawing the shapes"))
    pictures, labels = draw_judge_pictures(per_class, seed)
    test_pictures, test_labels = draw_judge_pictures(test_per_class, seed + 1000)
    import keras

    model = build_judge(seed)
    optimizer = keras.optimizers.Adam(1e-3)
    data = tf.constant(pictures)
    targets = tf.constant(labels, tf.int32)

    @tf.function(input_signature=[tf.TensorSpec([None], tf.int32), tf.TensorSpec([], tf.int64)],
                 autograph=False)
    def step(indices, number):
        with tf.GradientTape() as tape:
            x = _augment(tf.gather(data, indices), tf.stack([tf.constant(seed, tf.int64), number]))
            p = model(x, training=True)
            loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(tf.gather(targets, indices), p))
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
        return loss

    order_rng = np.random.default_rng([seed, 5])
    number = 0
    accuracy = 0.0
    for epoch in range(epochs):
        order = order_rng.permutation(len(pictures)).astype(np.int32)
        for start in range(0, len(order), 64):
            step(tf.constant(order[start:start + 64]), tf.constant(number, tf.int64))
            number += 1
        predicted = np.asarray(model.predict(test_pictures.astype(np.float32), verbose=0)).argmax(axis=1)
        accuracy = float((predicted == test_labels).mean())
        yield Progress(epoch + 1, epochs, Phrase("training the shape judge"), metrics={"accuracy": accuracy})
    return model, accuracy


def main(argv: Optional[list[str]] = None) -> int:
    """Retrain the judge and write it (and its labels) into ``resources/models``."""
    started = time.perf_counter()
    model, accuracy = run_job(train_judge_job())
    path = judge_path()
    model.save(str(path))
    path.with_suffix(".labels.txt").write_text("\n".join(JUDGE_CLASSES) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB): held-out accuracy {accuracy:.1%} "
          f"on {TEST_PER_CLASS * len(JUDGE_CLASSES)} drawn shapes, {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
