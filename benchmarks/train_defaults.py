"""The Train tab's and ``neurolab train``'s default settings against a hand-tuned Keras script, on
real pictures neurolab did not draw, and on the built-in shapes (photo-like colour pictures).

    python benchmarks/train_defaults.py [--part digits shapes] [--repeats 1]

(digits) scikit-learn's ``load_digits`` (1,797 real handwritten digits, 8×8 grey, 10 classes),
    written as PNG class folders: ``neurolab train FOLDER`` with no options (the automatic
    choice: what it picked is printed) vs a hand-tuned plain Keras CNN (native 8×8 grey, three
    convolutions, global pooling, dropout, Adam 2e-3, ≤ 60 epochs, early stopping 10) on the same
    stratified split (validation 0.2, seed 0): validation accuracy and wall time of each.
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
import tempfile
import time
from pathlib import Path

import _common  # noqa: F401  (quiet TensorFlow, offline, the checkout on sys.path)
import numpy as np
from train_head import write_digits


def neurolab_defaults(root: Path, out: Path) -> dict:
    """``neurolab train ROOT --out OUT --json`` (nothing else): its JSON and wall time."""
    from neurolab.cli import main

    buffer = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(buffer):
        code = main(["train", str(root), "--out", str(out), "--json"])
    data = json.loads(buffer.getvalue())
    data["wall"], data["exit"] = time.perf_counter() - start, code
    return data


def hand_tuned_digits(root: Path, epochs: int = 60) -> tuple[float, float]:
    """The hand-tuned Keras CNN on the same split as neurolab's defaults: (accuracy, seconds)."""
    import keras
    from keras import layers

    from neurolab.core.training.data import scan_folder, stratified_split

    folder = scan_folder(root)
    x = np.stack([folder.picture(i, 8)[..., :1] for i in range(len(folder))]).astype("float32") / 255
    y = folder.targets
    train, val = stratified_split(y, 0.2, 0)
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
    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    start = time.perf_counter()
    model.fit(x[train], y[train], batch_size=32, epochs=epochs, verbose=0, validation_data=(x[val], y[val]),
              callbacks=[keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True)])
    wall = time.perf_counter() - start
    return float(np.mean(model.predict(x[val], verbose=0).argmax(axis=1) == y[val])), wall


def part_digits(repeats: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "digits"
        write_digits(root)
        for _ in range(repeats):
            ours = neurolab_defaults(root, Path(tmp) / "digits.keras")
            config = ours["config"]
            print(f"(digits) neurolab train (defaults → backbone {config['backbone']}, {config['image_size']} px, "
                  f"flip {config['flip']}, ≤ {config['epochs']} epochs, patience {config['patience']}): "
                  f"val accuracy {ours['val_accuracy'] * 100:.1f} %, {ours['epochs']} epochs (best "
                  f"{ours['best_epoch']}), {ours['wall']:.0f} s wall (training job {ours['seconds']:.0f} s)")
            accuracy, wall = hand_tuned_digits(root)
            print(f"         hand-tuned Keras CNN on the same split: val accuracy {accuracy * 100:.1f} %, "
                  f"{wall:.0f} s (fit only)")


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
    parser.add_argument("--part", nargs="+", default=["digits", "shapes"], choices=("digits", "shapes"))
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    print(_common.machine())
    if "digits" in args.part:
        part_digits(args.repeats)
    if "shapes" in args.part:
        part_shapes()
    print(f"load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
