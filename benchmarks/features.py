"""Feature visualisation and deep dream against the keras.io examples' own loops.

    python benchmarks/features.py [--size PX] [--steps N] [--repeats N] [--skip-inception] [--only a|b]
                                  [--model bundled|vgg16] [--layer NAME] [--channels N]

(a) All 64 channels of the bundled model's ``conv3``, ``--steps`` steps (default 30, keras.io's
    iterations) at ``--size`` px: ``features_job`` (one batched ``tf.function`` for every channel)
    vs the keras.io "Visualizing what convnets learn" loop, written out below: one filter at a
    time, ``gradient_ascent_step`` (l2-normalised gradient, learning rate 10) on one image.
    That example passes ``filter_index`` as a Python int, so its ``tf.function`` traces once per
    filter; the loop is timed as written and with the index as a tensor (one trace). Ours is
    timed with its defaults (decorrelated Fourier parameterisation, jitter, scale, rotation,
    Adam) and bare (pixels, no transforms: the example's work per step). Target ≤ 0.25×.
    Wall and process CPU time, interleaved; the CPU ratio is the steadier one on a busy machine.
    Then the traces of ``features_job`` at three more sizes and channel counts (target 0).
    ``--model vgg16`` runs (a) on an untrained VGG16 (no top, any size; ``--layer``, default
    ``block3_conv1``) and its first ``--channels``.
    Ours computes only each image's own channel of the layer (core/features/channel_slice.py);
    the loop computes the whole layer, as the example does.
(b) One deep-dream step (``FeatureNetwork.dream_step``: preprocessing, the layers' mean square
    with the border left out, gradient scaled to a mean magnitude of one, clip) vs the
    keras.io "Deep Dream" example's ``gradient_ascent_step`` on the same model and layers, fed
    the preprocessed image as that example does: the bundled model at 64×64 (its fixed input)
    and InceptionV3 (weights=None: untrained, nothing downloaded; the example's layers
    mixed4–mixed7) on a 400×300 photo. Target ≤ 1.1×.

Times are medians of interleaved repeats after warm-up (the loop as written has none: its first
repeat traces once per filter, which a median of 3 leaves out).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics

import _common  # noqa: E402  (environment before TensorFlow, oneDNN on as neurolab runs it)
import numpy as np
from _common import compare, timed


def keras_io_filter_loop(loaded, layer: str, filters: int, size: int, steps: int, tensor_index: bool):
    """keras.io "Visualizing what convnets learn" (fchollet), its functions as written there,
    with the model's own preprocessing in front (the example feeds an already scaled image)."""
    import keras
    import tensorflow as tf

    feature_extractor = keras.Model(inputs=loaded.model.inputs, outputs=loaded.model.get_layer(layer).output)
    preprocess = loaded.preprocess

    def compute_loss(input_image, filter_index):
        activation = feature_extractor(preprocess(input_image))
        # We avoid border artifacts by only involving non-border pixels in the loss.
        filter_activation = activation[:, 2:-2, 2:-2, filter_index]
        return tf.reduce_mean(filter_activation)

    @tf.function
    def gradient_ascent_step(img, filter_index, learning_rate):
        with tf.GradientTape() as tape:
            tape.watch(img)
            loss = compute_loss(img, filter_index)
        grads = tape.gradient(loss, img)
        grads = tf.math.l2_normalize(grads)
        img += learning_rate * grads
        return loss, img

    def initialize_image():
        img = tf.random.uniform((1, size, size, 3))
        return (img - 0.5) * 0.25 * 255 + 127.5  # the example's start, on 0–255 pixels

    def visualize_filter(filter_index):
        img = initialize_image()
        for _ in range(steps):
            loss, img = gradient_ascent_step(img, filter_index, 10.0)
        return img[0].numpy()

    def run():
        return [visualize_filter(tf.constant(f) if tensor_index else f) for f in range(filters)]

    return run


def keras_io_dream_step(model, layers: list[str]):
    """keras.io "Deep Dream" (fchollet): the feature extractor and its step, as written there."""
    import keras
    import tensorflow as tf

    layer_settings = {name: 1.0 for name in layers}
    outputs_dict = {layer.name: layer.output for layer in [model.get_layer(name) for name in layer_settings]}
    feature_extractor = keras.Model(inputs=model.inputs, outputs=outputs_dict)

    def compute_loss(input_image):
        features = feature_extractor(input_image)
        loss = tf.zeros(shape=())
        for name in features.keys():
            coeff = layer_settings[name]
            activation = features[name]
            loss += coeff * tf.reduce_mean(tf.square(activation[:, 2:-2, 2:-2, :]))
        return loss

    @tf.function
    def gradient_ascent_step(img, learning_rate):
        with tf.GradientTape() as tape:
            tape.watch(img)
            loss = compute_loss(img)
        grads = tape.gradient(loss, img)
        grads /= tf.maximum(tf.reduce_mean(tf.abs(grads)), 1e-6)
        img += learning_rate * grads
        return loss, img

    return gradient_ascent_step


def _part_a_model(args):
    """The model, layer and channel count of part (a): the bundled model's conv3 (64 channels),
    or with ``--model vgg16`` an untrained VGG16 (no top, any size) and ``--layer``."""
    from neurolab.assets import resource_path
    from neurolab.core.models.catalog import load_application, load_model_file

    if args.model == "bundled":
        return load_model_file(resource_path("models", "neurolab_shapes.keras")), args.layer or "conv3"
    import keras

    app = load_application("vgg16")  # offline: untrained, nothing downloaded
    headless = keras.applications.VGG16(weights=None, include_top=False)
    return dataclasses.replace(app, model=headless), args.layer or "block3_conv1"


def part_a(args) -> None:
    from neurolab.core.features.config import FeatureConfig
    from neurolab.core.features.jobs import clear_cache, features
    from neurolab.core.features.network import feature_network

    loaded, layer = _part_a_model(args)
    channels = args.channels
    ours = FeatureConfig(size=args.size, steps=args.steps)
    bare = FeatureConfig(size=args.size, steps=args.steps, parameterization="pixels", jitter=0, scale=0.0,
                         rotation=0.0)

    def uncached(config):
        def run():
            clear_cache()  # a repeated request would come from the cache
            return features(loaded, layer, list(range(channels)), config=config)
        return run

    variants = {
        "ours (Fourier, jitter, scale, rotation)": uncached(ours),
        "ours bare (pixels, no transforms)": uncached(bare),
        "keras.io loop as written (int index)": keras_io_filter_loop(loaded, layer, channels, args.size,
                                                                    args.steps, tensor_index=False),
        "keras.io loop, tensor index": keras_io_filter_loop(loaded, layer, channels, args.size, args.steps,
                                                            tensor_index=True),
    }
    for config in (ours, bare):  # traces ours once per parameterisation
        features(loaded, layer, list(range(channels)), config=dataclasses.replace(config, steps=2))
    variants["keras.io loop, tensor index"]()  # its one trace
    times = compare(variants, repeats=args.repeats, warmup=0)
    wall = {name: statistics.median(values) for name, values in times.items()}
    cpu = {name: statistics.median(values) for name, values in times.cpu.items()}
    loop, written = "keras.io loop, tensor index", "keras.io loop as written (int index)"
    print(f"(a) {channels} channels of {loaded.display_name} {layer}, {args.steps} steps at {args.size} px "
          f"(medians of {args.repeats}, interleaved; × = wall ratio to the one-trace loop, then CPU-time "
          "ratio, then wall to as written):")
    for name in variants:
        print(f"    {name:<42} {wall[name]:6.2f} s wall {cpu[name]:6.2f} s CPU  {wall[name] / wall[loop]:5.2f}× "
              f"wall {cpu[name] / cpu[loop]:5.2f}× CPU  {wall[name] / wall[written]:5.2f}× as written")
    net = feature_network(loaded)
    before = net.traces
    for size, picked in ((48, [0, 5]), (80, list(range(channels))), (33, list(range(17)))):
        features(loaded, layer, picked, config=FeatureConfig(size=size, steps=2))
    print(f"    traces for sizes 48, 80, 33 and 2, {channels}, 17 channels after the first: {net.traces - before} "
          "(target 0)")


def part_b(args) -> None:
    import keras

    from neurolab.assets import resource_path
    from neurolab.core.features.network import feature_network
    from neurolab.core.models.catalog import LoadedModel, load_model_file

    rng = np.random.default_rng(0)
    cases = [(load_model_file(resource_path("models", "neurolab_shapes.keras")), ["conv3", "conv4"], (64, 64))]
    if not args.skip_inception:
        model = keras.applications.InceptionV3(weights=None, include_top=False)
        cases.append((LoadedModel(model=model, name="inception_v3", display_name="InceptionV3", source="bench",
                                  input_shape=(299, 299, 3), preprocess=lambda x: x / 127.5 - 1.0,
                                  preprocessing="signed", labels=[]),
                       ["mixed4", "mixed5", "mixed6", "mixed7"], (300, 400)))
    for loaded, layers, (height, width) in cases:
        photo = rng.uniform(0, 255, (height, width, 3)).astype(np.float32)
        ours = feature_network(loaded).dream_step(tuple(layers))
        theirs = keras_io_dream_step(loaded.model, layers)
        preprocessed = np.asarray(loaded.preprocess(photo[None]), np.float32)
        strength = np.float32(2.5)

        def run_ours():
            image, loss = ours(photo, strength)  # noqa: B023 - called in their own iteration
            return np.asarray(image)

        def run_theirs():
            loss, image = theirs(preprocessed, 0.01)  # noqa: B023 - called in their own iteration
            return image.numpy()

        for _ in range(2):
            run_ours(), run_theirs()
        t_ours, t_theirs = [], []
        for _ in range(args.repeats):
            t_ours.append(timed(run_ours, 3))
            t_theirs.append(timed(run_theirs, 3))
        a, b = statistics.median(t_ours), statistics.median(t_theirs)
        print(f"(b) deep-dream step, {loaded.display_name} {', '.join(layers)} at {width}×{height}: keras.io "
              f"{b * 1e3:.1f} ms, ours {a * 1e3:.1f} ms: {a / b:.2f}× (target ≤ 1.1)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-inception", action="store_true")
    parser.add_argument("--only", choices=("a", "b"))
    parser.add_argument("--model", choices=("bundled", "vgg16"), default="bundled",
                        help="part (a)'s model: the bundled one, or an untrained VGG16")
    parser.add_argument("--layer", help="part (a)'s layer (default conv3, VGG16 block3_conv1)")
    parser.add_argument("--channels", type=int, default=64, help="part (a)'s channel count (the first N)")
    args = parser.parse_args()
    print(_common.machine())
    if args.only != "b":
        part_a(args)
    if args.only != "a":
        part_b(args)


if __name__ == "__main__":
    main()
