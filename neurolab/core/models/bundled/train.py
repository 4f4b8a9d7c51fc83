"""Train the bundled demo model: a small RGB CNN on procedurally drawn pictures.

    python -m neurolab.core.models.bundled.train [--out resources/models] [--epochs N] [--seed S]

Draws training, validation and held-out pictures with
:mod:`neurolab.core.models.bundled.shapes_data` (no download), trains a small Keras CNN
deterministically on the CPU, and writes into ``--out``:

- ``neurolab_shapes.keras``  the model (takes raw 0–255 RGB; rescales inside),
- ``neurolab_shapes.labels.txt``  one class name per line, in output order,
- ``MODEL_CARD.md``  classes, input, preprocessing, data, held-out accuracy,
  what it says on the sample photos, and the command that reproduces it.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

MODEL_NAME = "neurolab_shapes"
INPUT_SIZE = 64
DEFAULT_SEED = 7
DEFAULT_EPOCHS = 16
TRAIN_PER_CLASS = 1000
VAL_PER_CLASS = 100
HELDOUT_PER_CLASS = 300
BATCH_SIZE = 64
#: Offsets added to --seed for the three sets, so that they never share a picture.
VAL_SEED_OFFSET = 1_000
HELDOUT_SEED_OFFSET = 2_000

DEFAULT_OUT = Path(__file__).resolve().parents[4] / "resources" / "models"  # the checkout's resources/models


def build_model(classes: int, size: int = INPUT_SIZE):
    """conv–relu–pool, conv–bn–relu–pool ×2, conv–bn–relu, global average pooling, fc, softmax."""
    import keras
    from keras import layers

    inputs = keras.Input((size, size, 3), name="data")
    x = layers.Rescaling(1 / 255, name="rescale")(inputs)
    for i, filters in enumerate((16, 32, 64, 128), start=1):
        # conv1 keeps its bias and has no batch normalisation: its activations are plain
        # filter responses (colours, edges), and normalising 64×64 maps would double the time.
        x = layers.Conv2D(filters, 3, padding="same", use_bias=i == 1, name=f"conv{i}")(x)
        if i > 1:
            x = layers.BatchNormalization(name=f"bn{i}")(x)
        x = layers.ReLU(name=f"relu{i}")(x)
        if i < 4:
            x = layers.MaxPooling2D(2, name=f"pool{i}")(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    x = layers.Dropout(0.2, name="drop")(x)
    x = layers.Dense(classes, name="fc")(x)
    outputs = layers.Softmax(name="prob")(x)
    return keras.Model(inputs, outputs, name=MODEL_NAME)


def _photo_predictions(model, classes: list[str], size: int) -> dict[str, list[tuple[str, float]]]:
    """Top-3 answers on the sample photos, resized (squashed) to the input as `classify` does."""
    from neurolab.assets import sample_images
    from neurolab.core.images import load_image, resize_image

    out = {}
    for path in sample_images():
        image = resize_image(load_image(path), (size, size)).astype(np.float32)
        probs = np.asarray(model(image[None], training=False))[0]
        order = np.argsort(-probs)[:3]
        out[path.name] = [(classes[i], float(probs[i])) for i in order]
    return out


_DISC_COLOURS = {"yellow": (250, 215, 40), "red": (230, 40, 40), "white": (250, 250, 250)}
_DISC_BACKGROUNDS = {"grass green": (60, 130, 40), "sky blue": (90, 160, 235)}


def _disc_predictions(model, classes: list[str], size: int) -> dict[str, tuple[str, float]]:
    """What the model says for plain discs: a probe of what it has not been taught."""
    from PIL import Image, ImageDraw

    out = {}
    for bg_name, background in _DISC_BACKGROUNDS.items():
        for name, colour in _DISC_COLOURS.items():
            image = Image.new("RGB", (size, size), background)
            ImageDraw.Draw(image).ellipse([size / 4, size / 4, size * 3 / 4, size * 3 / 4], fill=colour)
            probs = np.asarray(model(np.asarray(image, dtype=np.float32)[None], training=False))[0]
            out[f"{name} on {bg_name}"] = (classes[int(probs.argmax())], float(probs.max()))
    return out


def _yellow_flower_channels(model) -> list[int]:
    """conv1 channels that light up most of a drawn yellow flower over its background."""
    import keras
    from PIL import Image, ImageFilter

    from neurolab.core.models.bundled.shapes_data import draw

    def morph(mask, filt):
        return np.asarray(Image.fromarray(mask.astype(np.uint8) * 255).filter(filt)) > 127

    conv1 = keras.Model(model.inputs, model.get_layer("conv1").output)
    lit = None
    for background in ("foliage", "dark", "grass"):
        for seed in range(3):
            image, mask = draw("flower", seed=(99, seed), size=INPUT_SIZE, colour=(250, 215, 40),
                               background=background, scale=0.38, centre=(0.5, 0.5))
            act = np.asarray(conv1(image[None].astype(np.float32), training=False))[0]
            inside = act[morph(mask, ImageFilter.MinFilter(5))]
            outside = act[~morph(mask, ImageFilter.MaxFilter(5))]
            high = np.percentile(outside, 95, axis=0)
            spread = act.reshape(-1, act.shape[-1]).std(axis=0) + 1e-6
            ok = ((inside > high).mean(axis=0) >= 0.8) & ((np.median(inside, axis=0) - high) / spread > 1.0)
            lit = ok if lit is None else lit & ok
    return [int(c) for c in np.flatnonzero(lit)]


def _confusion(labels: np.ndarray, predicted: np.ndarray, n: int) -> np.ndarray:
    matrix = np.zeros((n, n), dtype=np.int64)
    np.add.at(matrix, (labels, predicted), 1)
    return matrix


def _layer_table(model) -> list[str]:
    rows = ["| layer | type | output | parameters |", "|---|---|---|---|"]
    for layer in model.layers:
        shape = "×".join(str(d) for d in layer.output.shape[1:])
        rows.append(f"| `{layer.name}` | {type(layer).__name__} | {shape} | {layer.count_params():,} |")
    return rows


def _model_card(*, classes, size, seed, epochs, train_per_class, heldout_acc, val_acc, confusion, photos, train_s,
                cpu_s, discs, yellow, file_bytes, params, table, command) -> str:
    per_class = confusion.diagonal() / np.maximum(confusion.sum(axis=1), 1)
    lines = [
        f"# Model card: `{MODEL_NAME}`",
        "",
        "The bundled demo model of neurolab: a small RGB convolutional classifier that opens offline on",
        "first start, so the lab's exercises (what layer 1 sees of a yellow flower, \"make the network",
        "stop saying flower\") work without downloading anything. It was trained by a script in this",
        "repository on pictures the script draws itself.",
        "",
        "## Summary",
        "",
        f"- **Classes ({len(classes)}):** " + ", ".join(classes) + ".",
        f"  Output order; also in `{MODEL_NAME}.labels.txt`, one per line.",
        f"- **Input:** {size}×{size}×3 RGB. The network ends in global average pooling, so its",
        "  convolutional layers also take any other size (for activations); the classifier is trained",
        f"  for {size}×{size}.",
        "- **Preprocessing:** none outside the model — feed raw 0–255 pixel values (float). The first",
        "  layer, `rescale` (`Rescaling(1/255)`), maps them to 0–1.",
        f"- **Held-out accuracy: {heldout_acc * 100:.1f} %** on {HELDOUT_PER_CLASS * len(classes):,} "
        f"freshly drawn pictures ({HELDOUT_PER_CLASS} per class,",
        f"  seed {seed + HELDOUT_SEED_OFFSET}, never seen in training); "
        f"validation accuracy {val_acc * 100:.1f} %.",
        f"- **Size:** {params:,} parameters, {file_bytes / 1024:.0f} KiB file (`{MODEL_NAME}.keras`,",
        "  loads with `keras.saving.load_model(path, compile=False, safe_mode=True)`).",
        f"- **Training:** seed {seed}, {epochs} epochs, {train_s / 60:.1f} min wall-clock including drawing "
        f"the data ({cpu_s / 60:.1f} min",
        f"  CPU time of the training process) on {os.cpu_count()} CPU cores ({platform.machine()});",
        "  deterministic (`keras.utils.set_random_seed`,"
        " `tf.config.experimental.enable_op_determinism()`).",
        "",
        "## Reproduce",
        "",
        "```sh",
        command,
        "```",
        "",
        "## Training data",
        "",
        "Drawn by `neurolab/core/models/bundled/shapes_data.py` (NumPy + Pillow, nothing downloaded). "
        "Each picture holds",
        "one object at a random position, size (radius 24–44 % of the picture), rotation (any angle",
        "for flower, sun, star and moon; a tilt for the others), mirror image and stretch (up to 3:2",
        "either way, as `classify` squashes a 3:2 photo), on a background drawn from the same set for",
        "every class: sky gradients (day, dusk, night; with clouds or a strip of ground), grass,",
        "out-of-focus foliage, dark bokeh, water with ripples, smooth random colour textures and plain",
        "colours. A fifth of the pictures hold a second, smaller object of the same class (often cut",
        "off by the border); a third hold small shapeless distractors. Pictures are drawn at twice the",
        "size and reduced; half are then blurred slightly, and all get contrast, brightness,",
        "colour-cast and pixel-noise jitter.",
        "",
        "- **flower:** daisies (5–14 petals around a yellow/orange/brown centre, sometimes with a stem",
        "  and leaf), pom-pom dahlias (rings of cupped petals shrinking to a small centre), and round",
        "  four-to-six-petal flowers; petals yellow, white, pink, magenta, red, orange, peach or violet.",
        "- **sun:** a disc with triangular or line rays, or a halo; yellow to orange.",
        "- **house:** walls, a pitched or flared roof, door, windows, sometimes a chimney.",
        "- **tree:** a trunk with a cloud of round leaf masses (green, or autumn colours) or a conifer.",
        "- **fish:** an oval body with tail, fin and eye, sometimes stripes; any colour.",
        "- **car:** side view, body, cabin with windows, two wheels, headlight; any colour.",
        "- **star:** five- or six-pointed; mostly gold, sometimes any colour.",
        "- **heart:** mostly red/pink, sometimes any colour, sometimes a highlight.",
        "- **moon:** a crescent with a few craters; pale yellow, white or grey.",
        "- **boat:** a hull with a mast and one or two sails.",
        "",
        f"Training set: {train_per_class} pictures per class (seed {seed}); validation: {VAL_PER_CLASS} "
        f"per class (seed {seed + VAL_SEED_OFFSET});",
        f"held-out: {HELDOUT_PER_CLASS} per class (seed {seed + HELDOUT_SEED_OFFSET}). "
        "`tests/core/test_bundled_model.py` re-measures the",
        "accuracy on yet another freshly drawn set.",
        "",
        "## Held-out accuracy per class",
        "",
        "| class | accuracy | most often mistaken for |",
        "|---|---|---|",
    ]
    for i, name in enumerate(classes):
        row = confusion[i].copy()
        row[i] = 0
        worst = f"{classes[int(row.argmax())]} ({int(row.max())})" if row.max() else "–"
        lines.append(f"| {name} | {per_class[i] * 100:.1f} % | {worst} |")
    lines += [
        "",
        "## On the sample photos",
        "",
        f"Real photos are not what it was trained on. Resized (squashed) to {size}×{size} as",
        "`neurolab classify` does, the top three answers are:",
        "",
    ]
    for name, top in photos.items():
        answers = ", ".join(f"{label} {p * 100:.0f} %" for label, p in top)
        lines.append(f"- `resources/images/{name}`: {answers}")
    if yellow:
        which = (f"Channel {yellow[0]}" if len(yellow) == 1 else
                 "Channels " + ", ".join(str(c) for c in yellow[:-1]) + f" and {yellow[-1]}")
        verb = "is" if len(yellow) == 1 else "are"
        layer1 = [
            "As the lab sheet says of a yellow flower: in `conv1` it lights up as a whole.",
            f"{which} (counting from 0, in Keras's order) {verb} high over most of every drawn yellow",
            "flower (daisy, dahlia, round; on foliage, dark bokeh and grass) and low around it.",
        ]
    else:
        layer1 = ["No single `conv1` channel lights up every drawn yellow flower as a whole."]
    lines += [
        "",
        "## What layer 1 sees",
        "",
        *layer1,
        "The other channels mostly respond to edges of one orientation and polarity. (A colour",
        "channel like this is no proof of training: a randomly initialised first layer often has",
        "one too.)",
        "",
        "## Architecture",
        "",
        *table,
        "",
        "Every convolution is 3×3 with 'same' padding; conv2–conv4 have no bias (batch normalisation",
        "follows them), conv1 has a bias and no normalisation. Every pooling is 2×2 max pooling.",
        "Trained with Adam (learning rate warmed up over one epoch to 3e-3, then cosine-decayed),",
        f"batch {BATCH_SIZE}, cross-entropy with label smoothing 0.05, dropout 0.2 before `fc`.",
        "",
        "## Limits",
        "",
        "- It knows only these classes and cartoon-like drawings of them; any photo gets one of these",
        "  answers. It is a teaching model, not a recogniser of real-world objects.",
        "- It has never seen anything outside its classes: a plain disc (half the picture wide) on a plain",
        "  background gets these answers:",
        *[f"  - {what}: {label} {p * 100:.0f} %" for what, (label, p) in discs.items()],
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m neurolab.core.models.bundled.train",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default resources/models)")
    parser.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS, help=f"epochs (default {DEFAULT_EPOCHS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"seed (default {DEFAULT_SEED})")
    parser.add_argument("--train-per-class", type=int, default=TRAIN_PER_CLASS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    from neurolab.core.models.bundled.shapes_data import CLASSES, make_dataset

    start, cpu_start = time.perf_counter(), time.process_time()
    # Drawn before TensorFlow starts its threads; one process per core, same pictures as one.
    workers = max(1, os.cpu_count() or 1)
    print(f"Drawing {args.train_per_class} + {VAL_PER_CLASS} + {HELDOUT_PER_CLASS} pictures per class "
          f"for {len(CLASSES)} classes…", flush=True)
    x_train, y_train = make_dataset(args.train_per_class, size=INPUT_SIZE, seed=args.seed, workers=workers)
    x_val, y_val = make_dataset(VAL_PER_CLASS, size=INPUT_SIZE, seed=args.seed + VAL_SEED_OFFSET,
                                workers=workers)
    x_held, y_held = make_dataset(HELDOUT_PER_CLASS, size=INPUT_SIZE, seed=args.seed + HELDOUT_SEED_OFFSET,
                                  workers=workers)
    print(f"  {time.perf_counter() - start:.0f} s", flush=True)

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(args.seed)
    tf.config.experimental.enable_op_determinism()

    classes = list(CLASSES)
    model = build_model(len(classes))
    steps = args.epochs * int(np.ceil(len(x_train) / BATCH_SIZE))
    # One epoch of warm-up keeps first-layer filters from dying in the first large steps.
    warmup = int(np.ceil(len(x_train) / BATCH_SIZE))
    schedule = keras.optimizers.schedules.CosineDecay(1e-4, decay_steps=max(steps - warmup, 1), alpha=0.02,
                                                      warmup_target=3e-3, warmup_steps=warmup)
    model.compile(optimizer=keras.optimizers.Adam(schedule),
                  loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.05),
                  metrics=["accuracy"])
    onehot = lambda y: keras.utils.to_categorical(y, len(classes))  # noqa: E731
    model.fit(x_train.astype(np.float32), onehot(y_train), batch_size=BATCH_SIZE, epochs=args.epochs,
              validation_data=(x_val.astype(np.float32), onehot(y_val)), shuffle=True, verbose=2)
    train_s = time.perf_counter() - start
    cpu_s = time.process_time() - cpu_start

    # A fresh, uncompiled copy: the file carries no optimizer state.
    final = build_model(len(classes))
    final.set_weights(model.get_weights())
    predict = lambda x: np.argmax(final.predict(x.astype(np.float32), batch_size=256, verbose=0), axis=1)  # noqa: E731
    val_acc = float(np.mean(predict(x_val) == y_val))
    held_pred = predict(x_held)
    heldout_acc = float(np.mean(held_pred == y_held))
    confusion = _confusion(y_held, held_pred, len(classes))

    args.out.mkdir(parents=True, exist_ok=True)
    model_path = args.out / f"{MODEL_NAME}.keras"
    final.save(model_path)
    (args.out / f"{MODEL_NAME}.labels.txt").write_text("\n".join(classes) + "\n", encoding="utf-8")
    photos = _photo_predictions(final, classes, INPUT_SIZE)
    discs = _disc_predictions(final, classes, INPUT_SIZE)

    command = "python -m neurolab.core.models.bundled.train"
    if args.epochs != DEFAULT_EPOCHS:
        command += f" --epochs {args.epochs}"
    if args.seed != DEFAULT_SEED:
        command += f" --seed {args.seed}"
    if args.train_per_class != TRAIN_PER_CLASS:
        command += f" --train-per-class {args.train_per_class}"
    card = _model_card(classes=classes, size=INPUT_SIZE, seed=args.seed, epochs=args.epochs,
                       train_per_class=args.train_per_class,
                       heldout_acc=heldout_acc, val_acc=val_acc, confusion=confusion, photos=photos,
                       train_s=train_s, cpu_s=cpu_s, discs=discs, yellow=_yellow_flower_channels(final),
                       file_bytes=model_path.stat().st_size, params=final.count_params(),
                       table=_layer_table(final), command=command)
    (args.out / "MODEL_CARD.md").write_text(card, encoding="utf-8")

    print(f"held-out accuracy {heldout_acc * 100:.1f} % (validation {val_acc * 100:.1f} %), "
          f"{train_s / 60:.1f} min, {model_path} {model_path.stat().st_size / 1024:.0f} KiB")
    for name, top in photos.items():
        print(f"  {name}: " + ", ".join(f"{label} {p * 100:.0f} %" for label, p in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
