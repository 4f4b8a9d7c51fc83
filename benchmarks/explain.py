"""The Explain methods' speed against the plain TensorFlow they are made of.

    python benchmarks/explain.py [--repeats N] [--skip-mobilenet]

(a) Grad-CAM: a whole ``explain`` (photo fed as the tabs feed it, the layer's activations and
    gradient in one traced call, the map at the photo's size, the top-5) vs ONE raw
    ``tf.function`` forward + gradient of the same model, layer and class (the keras.io
    ``grad_model`` and a GradientTape) on the same photo fed the same way
    (``classify.model_input``: Pillow's resize to the input size), ``.numpy()`` of both
    tensors. Target ≤ 1.2×.
(b) Occlusion: the batched job (every square in batches of about 0.25 s, the first sized
    from the photo's own timed model call) vs the same squares
    sent one per model call through the same traced function. Target ≤ 0.3×.
(c) SmoothGrad: N noisy copies batched vs a loop of N single-image gradient calls. Target ≤ 0.5×.

Models: the bundled ``neurolab_shapes`` (64×64) and Keras MobileNetV2 (weights=None, 224×224;
nothing is downloaded). The photo is 640×480 random pixels. The explanation cache is cleared
before every timed call. Each pair (ours, its baseline) is timed interleaved (``_common.compare``);
medians of wall and of process CPU time are printed, with the ratio of each (on a busy machine
the CPU-time ratio is the steadier one).

Measured 2026-12-06 on 2 shared CPU cores (load average 3–4.7 from other sessions; no GPU),
three runs of this code (before it, two runs the same day): (a) bundled 1.08–1.13× wall,
1.11–1.14× CPU (before: 1.52–1.62× wall, 1.51–1.54× CPU); MobileNetV2 1.00–1.08× (met before
too). (b) bundled 0.54–0.71× wall, 0.51–0.61× CPU (before: 0.47–0.54×, 0.46–0.55×: no change
beyond the noise); MobileNetV2 0.96–1.00× wall, 0.89–0.96× CPU. (c) bundled 0.63–0.67× wall,
0.59–0.64× CPU (before: 0.59–0.70×); MobileNetV2 0.73–0.84× wall. On a quieter moment the
bundled model's (b) was 0.39× and (c) 0.49× (the brief's quiet machine: 0.37×, 0.45×).

What (a) lost: the photo's SHA-1 (0.6 ms; the cache now hashes the 48 kB network input), a
uint8→float→uint8 copy of the photo (0.2 ms), and Pillow's stretch of the 8×8 map to 640×480
(0.7–1.8 ms → 0.2–0.3 ms: banded BLAS products, each on one thread — woken OpenBLAS threads
had slowed the next model call 2×). (b) and (c)
are bound by the models' arithmetic on 2 cores: per image, the bundled model's forward is
2.1–3.6 ms one per call and 1.05–1.15 ms batched (32–64), its gradient 4.8–5.0 ms vs 2.3–2.7 ms;
MobileNetV2's forward 28–50 ms vs 27–33 ms (batches of 4–8; slower at 16–32), its gradient
73 ms one per call vs 80–88 ms batched — batching saves only per-call overhead, no arithmetic.
The targets (b) 0.3× and (c) 0.5× are a GPU's (or a many-core CPU's); no GPU was lent to this
session to measure them.
Tried and not kept: XLA (``jit_compile``) for the batched functions (forward 0.95 vs 0.92 ms per
image at 64, gradient 10 vs 2.3 ms: slower on this CPU), ``watch_accessed_variables=False``
(no change: the weight gradients are pruned from the graph anyway), bigger first batches (16
vs 64: within 5 %). Not done: the first convolution's linearity (an occluded image's first
layer = the photo's + the square's local change): its fused conv+BN+ReLU is 43 % of the bundled
model's per-image forward (0.37 of 0.86 ms), 4 % of MobileNetV2's (1.6 of 38 ms).
"""

from __future__ import annotations

import argparse
import statistics

import _common  # noqa: F401  (environment before TensorFlow)
import numpy as np
from _common import compare


def ratio_line(times, ours: str, base: str) -> str:
    """Medians of both variants, and their ratio by wall clock and by process CPU time."""
    wall = [statistics.median(times[name]) for name in (ours, base)]
    cpu = [statistics.median(times.cpu[name]) for name in (ours, base)]
    return (f"{base} {wall[1] * 1e3:.1f} ms (CPU {cpu[1] * 1e3:.1f}), {ours} {wall[0] * 1e3:.1f} ms "
            f"(CPU {cpu[0] * 1e3:.1f}): {wall[0] / wall[1]:.2f}× wall, {cpu[0] / cpu[1]:.2f}× CPU")


def models(skip_mobilenet: bool):
    import keras

    from neurolab.assets import resource_path
    from neurolab.core.models.catalog import LoadedModel, load_model_file

    yield load_model_file(resource_path("models", "neurolab_shapes.keras"))
    if not skip_mobilenet:
        model = keras.applications.MobileNetV2(weights=None, input_shape=(224, 224, 3))
        yield LoadedModel(model=model, name="mobilenetv2", display_name="MobileNetV2", source="bench",
                          input_shape=(224, 224, 3), preprocess=lambda x: x / 127.5 - 1.0,
                          preprocessing="signed", labels=[f"c{i}" for i in range(1000)])


def raw_gradcam(loaded, layer_key: str):
    """The keras.io grad_model pattern, for a top-level layer, as one tf.function."""
    import keras
    import tensorflow as tf

    model = loaded.model
    grad_model = keras.Model(model.inputs, [model.get_layer(layer_key).output, model.output])
    preprocess = loaded.preprocess

    @tf.function(input_signature=[tf.TensorSpec([1, *loaded.input_shape], tf.float32), tf.TensorSpec([], tf.int32)])
    def step(batch, cls):
        with tf.GradientTape() as tape:
            features, predictions = grad_model(preprocess(batch), training=False)
            score = predictions[:, cls]
        return features, tape.gradient(score, features)

    return step


def main() -> None:
    from neurolab.core.explain.config import ExplainConfig
    from neurolab.core.explain.methods import clear_cache, explain
    from neurolab.core.explain.network import explain_model
    from neurolab.core.models.classify import model_input

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--skip-mobilenet", action="store_true")
    parser.add_argument("--occlusion-patch", type=int, default=None)
    args = parser.parse_args()
    print(_common.machine())
    rng = np.random.default_rng(0)
    photo = rng.integers(0, 256, (480, 640, 3), dtype=np.uint8)
    for loaded in models(args.skip_mobilenet):  # noqa: B023 - closures called in their own iteration
        side = loaded.input_shape[0]
        print(f"\n== {loaded.display_name} ({side}×{side}) ==")
        net = explain_model(loaded)
        layer = net.last_map_layer()
        batch = model_input(loaded, photo)
        cls = int(np.argmax(net.probabilities(batch)[0]))

        # (a) Grad-CAM
        raw = raw_gradcam(loaded, layer)

        def ours():
            clear_cache()
            explain(loaded, photo, ExplainConfig(method="gradcam"))

        def plain():  # from the same photo: fed as every tab feeds it, then the one traced call
            features, gradients = raw(model_input(loaded, photo), np.int32(cls))
            features.numpy(), gradients.numpy()

        times = compare({"explain": ours, "raw": plain}, repeats=20 * args.repeats, warmup=3)
        print(f"(a) Grad-CAM at {layer}: {ratio_line(times, 'explain', 'raw')} (target ≤ 1.2)")

        # (b) occlusion: batched vs one square per call
        patch = args.occlusion_patch or max(4, side // 8)
        config = ExplainConfig(method="occlusion", patch=patch, stride=patch)
        from neurolab.core.explain.methods import occlusion_positions

        places = [(t, left) for t in occlusion_positions(side, patch, patch)
                  for left in occlusion_positions(side, patch, patch)]
        fill = batch[0].mean(axis=(0, 1))

        def one_per_call():
            for top, left in places:
                covered = batch.copy()
                covered[0, top:top + patch, left:left + patch] = fill
                net.probabilities(covered)

        def batched():
            clear_cache()
            explain(loaded, photo, config)

        times = compare({"batched": batched, "one per call": one_per_call}, repeats=args.repeats)
        print(f"(b) occlusion, {len(places)} squares of {patch} px: {ratio_line(times, 'batched', 'one per call')}"
              " (target ≤ 0.3)")

        # (c) SmoothGrad
        samples = 32
        config = ExplainConfig(method="smoothgrad", samples=samples)
        noise = rng.standard_normal((samples,) + batch.shape[1:]).astype(np.float32) * 0.15 * 255

        def loop():
            for k in range(samples):
                net.input_gradients(batch + noise[k:k + 1], cls)

        def smooth():
            clear_cache()
            explain(loaded, photo, config, class_index=cls)

        times = compare({"batched": smooth, "loop": loop}, repeats=args.repeats)
        print(f"(c) SmoothGrad, {samples} samples: {ratio_line(times, 'batched', 'loop')} (target ≤ 0.5)")


if __name__ == "__main__":
    main()
