"""The Explain methods' speed against the plain TensorFlow they are made of.

    python benchmarks/explain.py [--repeats N] [--skip-mobilenet]

(a) Grad-CAM: a whole ``explain`` (photo fed as the tabs feed it, the layer's activations and
    gradient in one traced call, the map at the photo's size, the top-5) vs ONE raw
    ``tf.function`` forward + gradient of the same model, layer and class (the keras.io
    ``grad_model`` and a GradientTape) on the same photo fed the same way
    (``classify.model_input``: Pillow's resize to the input size), ``.numpy()`` of both
    tensors. Target ≤ 1.2×.
(b) Occlusion: the batched job (every square in batches of about 0.25 s) vs the same squares
    sent one per model call through the same traced function. Target ≤ 0.3×.
(c) SmoothGrad: N noisy copies batched vs a loop of N single-image gradient calls. Target ≤ 0.5×.

Models: the bundled ``neurolab_shapes`` (64×64) and Keras MobileNetV2 (weights=None, 224×224;
nothing is downloaded). The photo is 640×480 random pixels. The explanation cache is cleared
before every timed call. Times are medians of interleaved repeats after warm-up.
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
