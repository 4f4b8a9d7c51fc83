"""One PGD step through neurolab against a plain ``tf.function`` GradientTape step.

    python benchmarks/bench_adversarial.py [--repeats N] [--skip-mobilenet]

Both variants do the same work on the same model and image: bilinear antialiased
resize from the image's own size to the model's input inside the tape, the
model's preprocessing, the model, a loss of the target class, the gradient with
respect to the image, a signed step, projection to the ε-ball and [0, 255].
neurolab's step is ``GradientModel.step`` (the concrete function of a
``tf.function`` with an input signature of ``[None, None, 3]``, traced once for
every image size; log-odds loss taken before the final softmax), as
``attack_job`` calls it; the plain one is a ``tf.function`` without
signature, traced for this image's shape, with cross-entropy on the model's
output. Target: neurolab / plain ≤ 1.1.

Also shown: a whole default ``attack_job`` (20 steps) per step: the PGD step
plus judging the rounded 8-bit image every 4th step and in the last quarter
(a forward pass as ``classify`` does it), and the final PSNR/SSIM, all divided
by 20; and the tracing count of neurolab's step after every image size ran
through it (expect 1).

Models: the bundled ``neurolab_shapes`` (when ``resources/models`` has it)
and Keras MobileNetV2 with ``weights=None`` at 224×224 (nothing is downloaded).
Times are medians of interleaved repeats after warm-up, on this machine, this run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("NEUROLAB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

TARGET_RATIO = 1.1
EPSILON = 8.0
STEP = 2.0


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.machine()}, {os.cpu_count()} CPU cores, Python {platform.python_version()}, "
            f"load average {load:.2f} at start")


def photo(height: int, width: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (height, width, 3), dtype=np.uint8)


def plain_step(loaded):
    """The textbook step: GradientTape in a tf.function, same resize and preprocessing."""
    import keras
    import tensorflow as tf

    height, width, channels = loaded.input_shape
    model, preprocess = loaded.model, loaded.preprocess

    @tf.function
    def step(x, x0, target):
        with tf.GradientTape() as tape:
            tape.watch(x)
            batch = tf.image.resize(x[None], (height, width), method="bilinear", antialias=True)
            if channels == 1:
                batch = tf.reduce_sum(batch * tf.constant([0.299, 0.587, 0.114]), -1, keepdims=True)
            probabilities = model(preprocess(batch), training=False)
            loss = keras.losses.sparse_categorical_crossentropy(target[None], probabilities)
        gradient = tape.gradient(loss, x)
        moved = tf.clip_by_value(x - STEP * tf.sign(gradient), x0 - EPSILON, x0 + EPSILON)
        return tf.clip_by_value(moved, 0.0, 255.0), probabilities[0]

    return step


def interleaved(variants: dict, repeats: int, warmup: int = 2) -> dict[str, list[float]]:
    for fn in variants.values():
        for _ in range(warmup):
            fn()
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repeats):
        for name, fn in variants.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return times


def bench_model(name: str, loaded, sizes: list[tuple[int, int]], repeats: int) -> list[list[str]]:
    import tensorflow as tf

    from neurolab.core.adversarial.attacks import AttackConfig, attack_job
    from neurolab.core.adversarial.gradients import gradient_model

    gm = gradient_model(loaded)
    plain = plain_step(loaded)
    target = 1
    rows = []
    for height, width in sizes:
        image = photo(height, width)
        x0 = tf.constant(image.astype(np.float32))
        x = tf.constant(np.clip(image.astype(np.float32) + 3.0, 0, 255))
        args = (tf.constant(np.int32(target)), tf.constant(1.0), tf.constant(STEP), tf.constant(EPSILON))
        t_int = tf.constant(np.int32(target))

        def ours(x=x, x0=x0, args=args):
            out, _ = gm.step(x, x0, *args)
            return out.numpy()

        def raw(x=x, x0=x0, t_int=t_int):
            out, _ = plain(x, x0, t_int)
            return out.numpy()

        times = interleaved({"neurolab": ours, "plain": raw}, repeats)
        ours_ms = statistics.median(times["neurolab"]) * 1e3
        raw_ms = statistics.median(times["plain"]) * 1e3

        steps = 20  # the default attack
        job = attack_job(loaded, image, AttackConfig(method="pgd", epsilon=EPSILON, steps=steps,
                                                     target=target))
        start = time.perf_counter()
        next(job)  # judges the clean image, then the first step
        count = 0
        try:
            while True:
                next(job)
                count += 1
        except StopIteration:
            pass
        job_ms = (time.perf_counter() - start) * 1e3 / max(count + 1, 1)
        ratio = ours_ms / raw_ms
        rows.append([name, f"{height}×{width}", f"{ours_ms:.2f}", f"{raw_ms:.2f}", f"{ratio:.3f}",
                     "ok" if ratio <= TARGET_RATIO else "MISSED", f"{job_ms:.2f}"])
    rows.append([name, "traces", str(gm.step_function.experimental_get_tracing_count()), "", "", "", ""])
    return rows


def print_table(rows: list[list[str]]) -> None:
    header = ["model", "image (h×w)", "neurolab ms", "plain ms", "ratio", f"≤ {TARGET_RATIO}",
              "attack_job ms/step (all in)"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    sys.stdout.flush()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--skip-mobilenet", action="store_true")
    args = parser.parse_args(argv)
    print(f"One PGD step (ε = {EPSILON:g}, step {STEP:g}): neurolab vs plain tf.function GradientTape")
    print(machine())
    rows: list[list[str]] = []
    bundled = ROOT / "resources" / "models" / "neurolab_shapes.keras"
    if bundled.is_file():
        from neurolab.core.models.catalog import load_model_file

        loaded = load_model_file(bundled)
        side = loaded.input_shape[0]
        # a step takes a few ms here: more repeats to see past other processes' noise
        rows += bench_model("neurolab_shapes", loaded, [(side, side), (375, 500), (768, 1024)],
                            args.repeats * 5)
    else:
        print("(no bundled model in resources/models: skipped)")
    if not args.skip_mobilenet:
        import keras

        from neurolab.core.models.catalog import LoadedModel, imagenet_labels

        model = keras.applications.MobileNetV2(weights=None)
        loaded = LoadedModel(model=model, name="mobilenet_v2", display_name="MobileNetV2",
                             source="keras-applications", input_shape=(224, 224, 3),
                             preprocess=keras.applications.mobilenet_v2.preprocess_input,
                             preprocessing="[-1, 1]", labels=imagenet_labels(), pretrained=False)
        rows += bench_model("MobileNetV2 (weights=None)", loaded, [(224, 224), (375, 500)],
                            max(10, args.repeats // 2))
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
