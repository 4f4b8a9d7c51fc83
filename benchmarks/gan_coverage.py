"""Mode coverage of the default GAN run on the built-in shapes, as training goes.

    python benchmarks/gan_coverage.py [--epochs 80] [--at 10,20,40,80] [--samples 500]
                                      [--set name=value ...]

Trains ``GanConfig()`` (the GUI's and ``gan train``'s default) on the built-in
set and, at each epoch of ``--at``, draws ``--samples`` pictures from fixed
latent vectors and lets the shape judge (:mod:`neurolab.core.gan.judge`: a
32-px classifier of the five outlines, trained in random colours) say which
shape each one is (:mod:`neurolab.core.gan.coverage`). Prints per checkpoint the share
of each of the five shapes, ``other`` (the judge is unsure, or sees none of
the five) and the shapes missing (below a quarter of a fair share); then the
same by the object's colour (each built-in shape has its own), a lenient
measure of which modes the generator draws at all.
The data itself is measured first: the ceiling the judge allows.
``--set d_learning_rate=0.0004`` changes one setting (repeatable) to compare
variants one at a time. Exit status 1 when a shape is missing at the end.
"""

from __future__ import annotations

import argparse
import ast
import sys
import time
from pathlib import Path

import _common  # noqa: F401  (sets the environment before TensorFlow loads)
from _common import machine


def parse_sets(items: list[str]) -> dict:
    """``["epochs=20", "minibatch_std=False"]`` -> ``{"epochs": 20, "minibatch_std": False}``."""
    values = {}
    for item in items:
        key, _, text = item.partition("=")
        try:
            values[key.strip()] = ast.literal_eval(text.strip())
        except (ValueError, SyntaxError):
            values[key.strip()] = text.strip()
    return values


def scores(trainer) -> str:
    """The discriminator's mean scores over the last epoch: who is winning."""
    recent = trainer.history[-max(1, trainer.steps_per_epoch // trainer.config.log_every):]
    mean = {k: sum(h[k] for h in recent) / len(recent) for k in ("d_real", "d_fake", "g_loss")}
    return f"D(real) {mean['d_real']:.2f} D(fake) {mean['d_fake']:.2f} g_loss {mean['g_loss']:.2f}"


def save_samples(trainer, path: Path) -> None:
    """64 samples (the measured ones' first) as one PNG, to look at what the numbers say."""
    from neurolab.core.gan.data import image_grid
    from neurolab.core.gan.sampling import generate
    from neurolab.core.images import save_image

    path.parent.mkdir(parents=True, exist_ok=True)
    save_image(image_grid(generate(trainer, 64, 12345), columns=8), str(path))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=None, help="train this many epochs "
                        "(default: the config's)")
    parser.add_argument("--at", default="", help="epochs to measure at, comma-separated "
                        "(default: a quarter, a half and the end)")
    parser.add_argument("--samples", type=int, default=500, help="pictures judged each time")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a GanConfig setting to change (repeatable)")
    parser.add_argument("--save", default="", metavar="FOLDER",
                        help="save a grid of 64 samples at each measured epoch (PNG) here")
    args = parser.parse_args(argv)

    from neurolab.core.gan.config import GanConfig
    from neurolab.core.gan.coverage import colour_coverage, mode_coverage
    from neurolab.core.gan.data import builtin_dataset
    from neurolab.core.gan.sampling import generate
    from neurolab.core.gan.trainer import GanTrainer
    from neurolab.core.jobs import run_job

    config = GanConfig(**parse_sets(args.set)).validated()
    epochs = args.epochs or config.epochs
    at = sorted({int(e) for e in args.at.split(",") if e.strip()} | {epochs}) if args.at else \
        sorted({max(1, epochs // 4), max(1, epochs // 2), epochs})
    print(machine())
    print(f"config: {config.to_dict()}")
    dataset = builtin_dataset(config.size, seed=config.seed, workers=1)
    print(f"data ({len(dataset)} pictures): judge: {mode_coverage(dataset.images).line()}; "
          f"colours: {colour_coverage(dataset.images).line()}")
    trainer = GanTrainer(config, dataset)
    started = time.perf_counter()
    coverage = None
    for epoch in at:
        run_job(trainer.train_job(epochs=epoch))
        samples = generate(trainer, args.samples, 12345)
        coverage = mode_coverage(samples)
        missing = ", ".join(coverage.missing()) or "none"
        colours = colour_coverage(samples)
        print(f"epoch {epoch:4d}  step {trainer.step:5d}  {time.perf_counter() - started:6.0f} s  "
              f"judge: {coverage.line()}  missing: {missing}  {scores(trainer)}\n"
              f"{'':36}colours: {colours.line()}  missing: "
              f"{', '.join(colours.missing()) or 'none'}", flush=True)
        if args.save:
            save_samples(trainer, Path(args.save) / f"epoch{epoch:04d}.png")
    return 1 if coverage is not None and coverage.missing() else 0


if __name__ == "__main__":
    sys.exit(main())
