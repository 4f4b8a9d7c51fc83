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

Run: ``python benchmarks/precision.py [--repeats 3]``. Best of ``repeats`` per variant (the
machine is shared); prints the load average. Target: bf16 ≥ 1.8× faster on a CPU with
avx512_bf16/amx_bf16 (or float16 on a tensor-core GPU); elsewhere bf16 only converts.
"""

from __future__ import annotations

import argparse
import os
import time

import _common  # noqa: F401  - quiet TensorFlow, the path
import numpy as np


def best(fn, repeats: int) -> float:
    fn()  # warm-up: the trace
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def activations(repeats: int):
    import keras
    import tensorflow as tf

    from neurolab.core import precision
    from neurolab.core.inspection.activations import ActivationExtractor
    from neurolab.core.models.catalog import LoadedModel  # noqa: F401
    from tests.helpers import loaded_model

    model = keras.applications.VGG16(weights=None)
    loaded = loaded_model(model)
    extractor = ActivationExtractor(loaded)
    keys = [k for k in extractor.layer_keys if k in extractor.flexible.outputs]
    image = np.random.default_rng(0).integers(0, 256, (768, 1024, 3), dtype=np.uint8)
    extractor.memory_budget = 8 << 30
    results = {}
    for name in ("float32", "bfloat16"):
        precision.set_precision(name)
        results[name] = (best(lambda: extractor.compute(image, keys), repeats), extractor.compute(image, keys))
    error = max(float(np.abs(results["bfloat16"][1][k] - results["float32"][1][k]).max())
                / max(float(np.abs(results["float32"][1][k]).max()), 1e-12) for k in keys)
    precision.set_precision("float32")
    sub = keras.Model(extractor.flexible.input, [extractor.flexible.outputs[k] for k in keys])
    raw = tf.function(lambda x: sub(loaded.preprocess(x), training=False),
                      input_signature=[tf.TensorSpec([1, None, None, 3], tf.float32)])
    pixels = image.astype(np.float32)[None]
    raw_s = best(lambda: [np.asarray(v) for v in raw(pixels)], repeats)
    return results["float32"][0], results["bfloat16"][0], error, raw_s


def style(repeats: int):
    import keras
    import tensorflow as tf

    from neurolab.core.style.backbones import vgg19_backbone_from

    convs = keras.applications.VGG19(weights=None, include_top=False)
    backbone = vgg19_backbone_from(convs)
    rng = np.random.default_rng(0)
    x = tf.constant(rng.uniform(0, 1, (1, 384, 512, 3)).astype(np.float32))
    out = {}
    for name in ("float32", "bfloat16"):
        b = backbone.at_precision(name)
        style_targets = b.style_targets(x)
        _, content_targets = b.features(x)
        weights = tf.constant([1e-2, 1e4, 30.0, 0.02, 1e-1, 0.99], tf.float32)
        t = tf.constant(1.0)

        def step(b=b, style_targets=style_targets, content_targets=content_targets, weights=weights):
            return b.step_function(x, tf.zeros_like(x), tf.zeros_like(x), t, style_targets,
                                   content_targets, weights)[3].numpy()

        out[name] = (best(step, repeats), step()[0])
    return out["float32"][0], out["bfloat16"][0], abs(out["bfloat16"][1] - out["float32"][1]) / abs(out["float32"][1])


def gan(repeats: int):
    import tensorflow as tf

    from neurolab.core.gan.config import GanConfig
    from neurolab.core.gan.data import builtin_dataset
    from neurolab.core.gan.trainer import GanTrainer

    config = GanConfig(size=64, batch_size=64)
    data = builtin_dataset(64, 256, 0)
    out = {}
    for name in ("float32", "bfloat16"):
        trainer = GanTrainer(config, data, precision=name)
        step = trainer.train_step
        indices = tf.constant(np.arange(64, dtype=np.int32))
        first = np.asarray(step(indices, tf.constant(0, tf.int64)))
        out[name] = (best(lambda: np.asarray(step(indices, tf.constant(1, tf.int64))), repeats), first)
    error = float(np.abs(out["bfloat16"][1][:2] - out["float32"][1][:2]).max() / np.abs(out["float32"][1][:2]).max())
    return out["float32"][0], out["bfloat16"][0], error


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--part", choices=("all", "activations", "style", "gan"), default="all")
    args = parser.parse_args()
    from neurolab.core.precision import auto_precision, describe_device

    device = describe_device()
    print(_common.machine())
    print(f"bf16 CPU flags: {sorted(f for f in device.cpu_flags if 'bf16' in f) or 'none'}; "
          f"auto -> {auto_precision(device)}")
    if args.part in ("all", "activations"):
        fp32, bf16, error, raw = activations(args.repeats)
        print(f"activations VGG16 1024x768 every layer: fp32 {fp32 * 1e3:.0f} ms, bf16 {bf16 * 1e3:.0f} ms, "
              f"speed-up {fp32 / bf16:.2f}x, max rel. error {error:.2%}")
        print(f"machinery overhead (fp32 extractor / raw Keras {raw * 1e3:.0f} ms): {fp32 / raw:.3f}x")
    if args.part in ("all", "style"):
        fp32, bf16, error = style(args.repeats)
        print(f"style step VGG19 512x384: fp32 {fp32 * 1e3:.0f} ms, bf16 {bf16 * 1e3:.0f} ms, "
              f"speed-up {fp32 / bf16:.2f}x, loss rel. difference {error:.2%}")
    if args.part in ("all", "gan"):
        fp32, bf16, error = gan(args.repeats)
        print(f"GAN step 64 px batch 64: fp32 {fp32 * 1e3:.0f} ms, bf16 {bf16 * 1e3:.0f} ms, "
              f"speed-up {fp32 / bf16:.2f}x, loss rel. difference {error:.2%}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
