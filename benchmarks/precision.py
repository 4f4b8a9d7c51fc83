"""bfloat16 vs float32 (issue #20): activations, a style step, a GAN step; and the machinery's cost.

- activations: every layer of VGG16 (weights=None: the architecture is what is timed) at 1024×768,
  neurolab's ActivationExtractor in float32 and in bfloat16 (the model's copy); error = max over
  layers of max |bf16 - fp32| / max |fp32| of that layer.
- style: one traced Adam step of style transfer on a VGG19-architecture backbone at 512 px
  (core.style.backbones.vgg19_backbone_from on an untrained VGG19), fp32 vs bf16; error = the
  relative difference of the step's loss.
- GAN: one training step of GanTrainer, 64 px, batch 64, fp32 vs bf16 (mixed policy);
  error = the relative difference of the losses after one step from the same weights.
- overhead: the float32 extractor against raw Keras (a keras.Model of every layer's output,
  called in a tf.function) on the same VGG16: should be ≤ 1.02×.

Every part times its variants interleaved (A B A B …, ``_common.compare``: load from other
processes hits both alike) after a warm-up run each (the trace), and reports medians of wall and
of process CPU time (CPU time hardly grows when other processes take the cores, so its ratio is
the steadier one on a shared machine). Emulated bfloat16 (a CPU without avx512_bf16) is several
times slower than float32, so the style and GAN parts default to few rounds.

Run: ``python benchmarks/precision.py [--part all|activations|overhead|style|gan] [--rounds N]``
(``--rounds``: timed rounds per variant; default per part: activations 2, overhead 8, style 1,
GAN 2; overhead alternates the order, A B then B A). Prints the load average before and after
each part. Target: bf16 ≥ 1.8× faster on a CPU with avx512_bf16/amx_bf16 (or float16 on a
tensor-core GPU); elsewhere bf16 only converts.
"""

from __future__ import annotations

import argparse
import os
import time

import _common  # noqa: F401  - quiet TensorFlow, the path
import numpy as np

ROUNDS = {"activations": 2, "overhead": 8, "style": 1, "gan": 2}


def medians(times) -> dict[str, tuple[float, float]]:
    """name -> (median wall seconds, median CPU seconds) of ``_common.compare``'s timings."""
    return {name: (_common.median(times[name]), _common.median(times.cpu[name])) for name in times}


def _vgg16_extractor():
    import keras

    from neurolab.core.inspection.activations import ActivationExtractor
    from tests.helpers import loaded_model

    model = keras.applications.VGG16(weights=None)
    loaded = loaded_model(model)
    extractor = ActivationExtractor(loaded)
    extractor.memory_budget = 8 << 30
    keys = [k for k in extractor.layer_keys if k in extractor.flexible.outputs]
    image = np.random.default_rng(0).integers(0, 256, (768, 1024, 3), dtype=np.uint8)
    return loaded, extractor, keys, image


def activations(rounds: int):
    """(fp32 and bf16 (wall, CPU) medians, the largest relative error of a layer)."""
    from neurolab.core import precision

    _, extractor, keys, image = _vgg16_extractor()
    outputs = {}

    def run(name):
        def compute():
            precision.set_precision(name)
            outputs[name] = extractor.compute(image, keys)
        return compute

    times = medians(_common.compare({"float32": run("float32"), "bfloat16": run("bfloat16")},
                                    repeats=rounds, warmup=1))
    error = max(float(np.abs(outputs["bfloat16"][k] - outputs["float32"][k]).max())
                / max(float(np.abs(outputs["float32"][k]).max()), 1e-12) for k in keys)
    precision.set_precision("float32")
    return times["float32"], times["bfloat16"], error


def overhead(rounds: int):
    """(neurolab's float32 extractor, raw Keras) (wall, CPU) medians, and each round's ratio."""
    import keras
    import tensorflow as tf

    from neurolab.core import precision

    loaded, extractor, keys, image = _vgg16_extractor()
    precision.set_precision("float32")
    sub = keras.Model(extractor.flexible.input, [extractor.flexible.outputs[k] for k in keys])
    raw = tf.function(lambda x: sub(loaded.preprocess(x), training=False),
                      input_signature=[tf.TensorSpec([1, None, None, 3], tf.float32)])
    variants = {"neurolab": lambda: extractor.compute(image, keys),
                "raw": lambda: [np.asarray(v) for v in raw(image.astype(np.float32)[None])]}
    times = _abba(variants, rounds)
    ratios = [a / b for a, b in zip(times["neurolab"], times["raw"])]
    cpu_ratios = [a / b for a, b in zip(times.cpu["neurolab"], times.cpu["raw"])]
    found = medians(times)
    return found["neurolab"], found["raw"], ratios, cpu_ratios


def _abba(variants: dict, rounds: int):
    """``_common.compare`` with the order turned every round (A B, B A, A B …): whatever the
    first call of a round pays (memory the other one freed, a busier moment) falls on both."""
    for fn in variants.values():
        fn()  # warm-up: the trace
    times = _common.Timings(variants)
    names = list(variants)
    for round_ in range(rounds):
        for name in names if round_ % 2 == 0 else names[::-1]:
            cpu, wall = time.process_time(), time.perf_counter()
            variants[name]()
            times[name].append(time.perf_counter() - wall)
            times.cpu[name].append(time.process_time() - cpu)
    return times


def style(rounds: int):
    import keras
    import tensorflow as tf

    from neurolab.core.style.backbones import vgg19_backbone_from

    convs = keras.applications.VGG19(weights=None, include_top=False)
    backbone = vgg19_backbone_from(convs)
    rng = np.random.default_rng(0)
    x = tf.constant(rng.uniform(0, 1, (1, 384, 512, 3)).astype(np.float32))
    steps, losses = {}, {}
    for name in ("float32", "bfloat16"):
        b = backbone.at_precision(name)
        style_targets = b.style_targets(x)
        _, content_targets = b.features(x)
        weights = tf.constant([1e-2, 1e4, 30.0, 0.02, 1e-1, 0.99], tf.float32)
        t = tf.constant(1.0)

        def step(b=b, style_targets=style_targets, content_targets=content_targets, weights=weights, t=t,
                 name=name):
            losses[name] = b.step_function(x, tf.zeros_like(x), tf.zeros_like(x), t, style_targets,
                                           content_targets, weights)[3].numpy()[0]

        steps[name] = step
    times = medians(_common.compare(steps, repeats=rounds, warmup=1))
    error = abs(losses["bfloat16"] - losses["float32"]) / abs(losses["float32"])
    return times["float32"], times["bfloat16"], error


def gan(rounds: int):
    import tensorflow as tf

    from neurolab.core.gan.config import GanConfig
    from neurolab.core.gan.data import builtin_dataset
    from neurolab.core.gan.trainer import GanTrainer

    config = GanConfig(size=64, batch_size=64)
    data = builtin_dataset(64, 256, 0)
    steps, first = {}, {}
    indices = tf.constant(np.arange(64, dtype=np.int32))
    for name in ("float32", "bfloat16"):
        step = GanTrainer(config, data, precision=name).train_step
        first[name] = np.asarray(step(indices, tf.constant(0, tf.int64)))  # the same weights: the first step
        steps[name] = lambda step=step: np.asarray(step(indices, tf.constant(1, tf.int64)))
    times = medians(_common.compare(steps, repeats=rounds, warmup=0))  # the first step was the warm-up
    error = float(np.abs(first["bfloat16"][:2] - first["float32"][:2]).max() / np.abs(first["float32"][:2]).max())
    return times["float32"], times["bfloat16"], error


def _ms(pair) -> str:
    return f"{pair[0] * 1e3:.0f} ms (CPU {pair[1] * 1e3:.0f} ms)"


def _speed(fp32, bf16) -> str:
    return f"bf16/fp32 speed-up {fp32[0] / bf16[0]:.2f}x (CPU time {fp32[1] / bf16[1]:.2f}x)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", choices=("all", *ROUNDS), default="all")
    parser.add_argument("--rounds", type=int, help="timed rounds per variant (default: per part, see above)")
    args = parser.parse_args()
    from neurolab.core.precision import auto_precision, describe_device

    device = describe_device()
    print(_common.machine())
    print(f"bf16 CPU flags: {sorted(f for f in device.cpu_flags if 'bf16' in f) or 'none'}; "
          f"auto -> {auto_precision(device)}")
    for part in ROUNDS if args.part == "all" else (args.part,):
        rounds = args.rounds or ROUNDS[part]
        before = os.getloadavg()[0]
        if part == "activations":
            fp32, bf16, error = activations(rounds)
            line = (f"activations VGG16 1024x768 every layer: fp32 {_ms(fp32)}, bf16 {_ms(bf16)}, "
                    f"{_speed(fp32, bf16)}, max rel. error {error:.2%} ({error:.2e})")
        elif part == "overhead":
            ours, raw, ratios, cpu_ratios = overhead(rounds)
            line = (f"machinery overhead, float32, VGG16 1024x768 every layer: neurolab {_ms(ours)}, raw Keras "
                    f"{_ms(raw)}: {ours[0] / raw[0]:.3f}x (CPU time {ours[1] / raw[1]:.3f}x); per round wall "
                    + ", ".join(f"{r:.3f}" for r in ratios) + f" (median {_common.median(ratios):.3f}x), CPU "
                    + ", ".join(f"{r:.3f}" for r in cpu_ratios) + f" (median {_common.median(cpu_ratios):.3f}x)")
        elif part == "style":
            fp32, bf16, error = style(rounds)
            line = (f"style step VGG19 512x384: fp32 {_ms(fp32)}, bf16 {_ms(bf16)}, {_speed(fp32, bf16)}, "
                    f"loss rel. difference {error:.2%} ({error:.2e})")
        else:
            fp32, bf16, error = gan(rounds)
            line = (f"GAN step 64 px batch 64: fp32 {_ms(fp32)}, bf16 {_ms(bf16)}, {_speed(fp32, bf16)}, "
                    f"loss rel. difference {error:.2%} ({error:.2e})")
        print(f"{line}  [{rounds} rounds, load average {before:.2f} -> {os.getloadavg()[0]:.2f}]", flush=True)


if __name__ == "__main__":
    main()
