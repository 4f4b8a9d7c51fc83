"""Training a classifier (issue #16): what the cached-features trick buys, what fine-tuning costs,
and the default settings on a real data set neurolab did not draw.

    python benchmarks/train_head.py [--part a b c d] [--per-class 60] [--epochs 10]
    python benchmarks/train_head.py --part c [--backbone scratch] [--train-args='--epochs 60']

(a) head on cached features (``ClassifierTrainer``, frozen bundled trunk, features computed once)
    vs ``model.fit`` of the same trunk + head through the frozen trunk, same pictures, epochs,
    batch and seed: wall time (features included) and validation accuracy of both.
(b) one fine-tuning step (``train_on_batch`` of the trainer's model, last block unfrozen, as the
    trainer calls it) vs one ``model.fit`` step of the same model on the same batches (per-step
    time of a 20-step epoch, after a warm-up epoch; median of 3).
(c) ``neurolab train`` with default settings on scikit-learn's ``load_digits`` (1,797 real
    handwritten digits, 8×8 grey, written as PNG class folders): validation accuracy, wall time.
(d) a hand-tuned plain Keras CNN on the same split as (c), for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import _common  # noqa: F401  (quiet TensorFlow, offline, the checkout on sys.path)
import numpy as np
from train_defaults import hand_tuned_digits, write_digits  # the digits and the one hand-tuned network


def part_a(per_class: int, epochs: int) -> None:
    import keras

    from neurolab.core.jobs import run_job
    from neurolab.core.training.config import TrainConfig
    from neurolab.core.training.data import builtin_folder
    from neurolab.core.training.trainer import ClassifierTrainer

    folder = builtin_folder(size=64, per_class=per_class, seed=5)
    config = TrainConfig(epochs=epochs, augment=False, patience=0, seed=0)
    trainer = ClassifierTrainer(folder, config)
    start = time.perf_counter()
    result = run_job(trainer.train_job())
    cached_s = time.perf_counter() - start
    cached_acc = result.evaluation.accuracy

    baseline = ClassifierTrainer(folder, config)  # the same trunk and a fresh head, same seed
    model = baseline.model
    baseline.trunk.model.trainable = False
    model.compile(optimizer=keras.optimizers.Adam(config.learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
    x = np.stack([folder.picture(i) for i in range(len(folder))]).astype("float32")
    y = folder.targets
    train, val = baseline.train_idx, baseline.val_idx
    start = time.perf_counter()
    model.fit(x[train], y[train], batch_size=config.batch_size, epochs=epochs,
              validation_data=(x[val], y[val]), verbose=0, shuffle=True)
    fit_s = time.perf_counter() - start
    fit_acc = float(np.mean(model.predict(x[val], verbose=0).argmax(axis=1) == y[val]))
    print(f"(a) {len(folder)} pictures (10 built-in classes, 64 px), {len(train)} train / {len(val)} val, "
          f"{epochs} epochs, batch {config.batch_size}, frozen bundled trunk")
    print(f"    cached features + head: {cached_s:.2f} s, val accuracy {cached_acc * 100:.1f} %")
    print(f"    model.fit through trunk: {fit_s:.2f} s, val accuracy {fit_acc * 100:.1f} %")
    print(f"    speed-up {fit_s / cached_s:.1f}×")


def part_b(steps: int = 20, repeats: int = 3) -> None:
    from neurolab.core.training.config import TrainConfig
    from neurolab.core.training.data import builtin_folder
    from neurolab.core.training.trainer import ClassifierTrainer

    folder = builtin_folder(size=64, per_class=steps * 32 // 10 + 1, seed=6)
    trainer = ClassifierTrainer(folder, TrainConfig(fine_tune=True, augment=True, seed=0))
    model = trainer.full_model  # the network with the last block unfrozen (after the head stage)
    x = np.stack([folder.picture(i) for i in range(steps * 32)]).astype("float32")
    y = folder.targets[: steps * 32]
    model.fit(x, y, batch_size=32, epochs=1, verbose=0, shuffle=False)  # traced, warm
    for i in range(2):
        model.train_on_batch(x[i * 32:(i + 1) * 32], y[i * 32:(i + 1) * 32])
    ours, fits = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        for i in range(steps):
            model.train_on_batch(x[i * 32:(i + 1) * 32], y[i * 32:(i + 1) * 32])
        ours.append((time.perf_counter() - start) / steps)
        start = time.perf_counter()
        model.fit(x, y, batch_size=32, epochs=1, verbose=0, shuffle=False)
        fits.append((time.perf_counter() - start) / steps)
    a, b = statistics.median(ours), statistics.median(fits)
    print(f"(b) fine-tuning step (bundled trunk, conv4 + head trainable, augmentation, batch 32, 64 px): "
          f"{a * 1000:.1f} ms; model.fit step of the same model and batches {b * 1000:.1f} ms; "
          f"ratio {a / b:.2f}×")


def part_c(backbone: str, extra: list[str]) -> None:
    import contextlib
    import io
    import json

    from neurolab.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "digits"
        write_digits(root)
        out = Path(tmp) / "digits.keras"
        argv = ["train", str(root), "--out", str(out), "--json"] + (["--backbone", backbone] if backbone else [])
        argv += extra
        start = time.perf_counter()
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            code = main(argv)
        wall = time.perf_counter() - start
        data = json.loads(buffer.getvalue())
    shown = " ".join(a for a in argv[4:] if a != "--json") or "(defaults)"
    print(f"(c) neurolab train load_digits (1797 pictures, 8×8 grey, 10 classes) {shown}: exit {code}, "
          f"val accuracy {data['val_accuracy'] * 100:.1f} %, {data['epochs']} epochs (best {data['best_epoch']}), "
          f"{wall:.0f} s wall (training job {data['seconds']:.0f} s)")


def part_d(epochs: int = 60) -> None:
    """A hand-tuned plain Keras CNN on the same split as (c) (``scan_folder`` + ``stratified_split``,
    validation 0.2, seed 0), fed the native 8×8 pictures: what the defaults are measured against."""

    from neurolab.core.training.data import scan_folder, stratified_split

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "digits"
        write_digits(root)
        accuracy, wall = hand_tuned_digits(root, epochs)[:2]
        train, val = stratified_split(scan_folder(root).targets, 0.2, 0)
    print(f"(d) hand-tuned Keras CNN (8×8 grey, 3 conv, GAP, dropout, Adam 2e-3, ≤ {epochs} epochs, early "
          f"stopping 10) on the same split ({len(train)} / {len(val)}): val accuracy {accuracy * 100:.1f} %, "
          f"{wall:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", nargs="+", default=["a", "b", "c", "d"], choices=("a", "b", "c", "d"))
    parser.add_argument("--per-class", type=int, default=60)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--backbone", default="", help="(c) a backbone other than the default")
    parser.add_argument("--train-args", default="", help="(c) more 'neurolab train' options, e.g. '--epochs 60'")
    args = parser.parse_args()
    print(_common.machine())
    if "a" in args.part:
        part_a(args.per_class, args.epochs)
    if "b" in args.part:
        part_b()
    if "c" in args.part:
        part_c(args.backbone, args.train_args.split())
    if "d" in args.part:
        part_d()


if __name__ == "__main__":
    main()
