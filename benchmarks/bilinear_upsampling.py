"""Layers after a bilinear up-sampling (HED's side outputs): neurolab vs raw Keras.

    python benchmarks/bilinear_upsampling.py [--repeats N] [--size HxW]

Bilinear ``UpSampling2D`` cannot run in neurolab's any-size ``tf.function`` (Keras tests
a size as a Python bool); neurolab finds it at the first failure and computes it, and what
depends on it, eagerly at the photo's own size (``core/inspection/activations.py``). This
script measures, on a HED built on VGG16 (random weights: nothing is downloaded):

(a) relative error (max |ours − Keras| / max |Keras|) of the layers after the up-sampling,
    neurolab at the photo's size vs raw Keras, ``keras.Model(model.input, layer.output)(x)``
    on the same layers and weights built for that size;
(b) time, same run: neurolab (one layer; every layer; the first image, which finds the
    failing layers, and a later one) vs raw Keras eager, and vs the other fallback a fixed-size
    trace would be (a ``tf.function`` traced at the photo's size: its first call traces);
    ratios against raw Keras eager. Medians of interleaved repeats, this machine, this run.
"""

from __future__ import annotations

import argparse
import time

import _common as C  # noqa: N812 - sets the environment before TensorFlow loads
import numpy as np


def hed(input_shape, seed=0):
    """HED (Xie & Tu 2015) on VGG16: a 1×1 side conv after each block, sides 2–5 brought
    back with bilinear UpSampling2D (×2, ×4, ×8, ×16), concatenated, fused, sigmoid."""
    import keras

    keras.utils.set_random_seed(seed)
    layers = keras.layers
    inputs = keras.Input(input_shape, name="image")
    x, sides = inputs, []
    for block, (filters, convs) in enumerate([(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)], 1):
        for i in range(convs):
            x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"block{block}_conv{i + 1}")(x)
        side = layers.Conv2D(1, 1, name=f"side{block}")(x)
        if block > 1:
            side = layers.UpSampling2D(2 ** (block - 1), interpolation="bilinear", name=f"up{block}")(side)
        sides.append(side)
        if block < 5:
            x = layers.MaxPooling2D(2, name=f"block{block}_pool")(x)
    fused = layers.Conv2D(1, 1, name="fuse")(layers.Concatenate(name="concat")(sides))
    return keras.Model(inputs, layers.Activation("sigmoid", name="edges")(fused), name="hed_vgg16")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--size", default="320x480", help="the photo, height x width (multiples of 16)")
    args = parser.parse_args()
    height, width = map(int, args.size.lower().split("x"))

    import keras
    import tensorflow as tf

    from neurolab.core.inspection.activations import ActivationExtractor
    from neurolab.core.models.catalog import LoadedModel

    print(f"machine: {C.machine()}; TensorFlow {tf.__version__}, Keras {keras.__version__}")
    model = hed((224, 224, 3))
    loaded = LoadedModel(model=model, name="hed", display_name="HED", source="benchmark",
                         input_shape=(224, 224, 3), preprocess=lambda x: x / 255.0, preprocessing="unit",
                         labels=["edge"])
    same_size = hed((height, width, 3))
    same_size.set_weights(model.get_weights())
    rng = np.random.default_rng(0)
    photo = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    other = rng.integers(0, 256, (height + 16, width - 16, 3), dtype=np.uint8)
    x = photo.astype("float32")[None] / 255.0

    # (a) relative error, and the first image through a fresh extractor (finds the failing layers)
    extractor = ActivationExtractor(loaded)
    start = time.perf_counter()
    result = extractor.compute(photo)
    first_image = time.perf_counter() - start
    rows = []
    for key in ("up2", "up5", "concat", "fuse", "edges"):
        raw = np.asarray(keras.Model(same_size.input, same_size.get_layer(key).output)(x))[0]
        error = float(np.abs(result[key] - raw).max() / max(np.abs(raw).max(), 1e-12))
        rows.append([key, "×".join(map(str, result[key].shape)), key in result.eager_keys, f"{error:.2e}"])
    C.table(f"(a) neurolab vs raw Keras at the photo's size, {height}×{width} (H×W)",
            ["layer", "shape", "eager", "rel. error"], rows)
    print(f"\nnotice: {result.eager_notice}")

    # (b) times
    raw_edges = keras.Model(same_size.input, same_size.get_layer("edges").output)
    raw_all = keras.Model(same_size.input, [same_size.get_layer(k).output for k in extractor.layer_keys[1:]])

    def traced_at_this_size():  # the fixed-size fallback: a new tf.function (trace) per image size
        forward = tf.function(lambda pixels: raw_edges(pixels), input_signature=[tf.TensorSpec(x.shape)])
        return forward(x).numpy()

    traced_edges = tf.function(lambda pixels: raw_edges(pixels), input_signature=[tf.TensorSpec(x.shape)])
    variants = {
        "raw Keras eager, edges": lambda: raw_edges(x).numpy(),
        "raw Keras eager, every layer": lambda: [t.numpy() for t in raw_all(x)],
        "neurolab, edges": lambda: extractor.compute(photo, ["edges"]),
        "neurolab, every layer": lambda: extractor.compute(photo),
        "neurolab, every layer, another size": lambda: extractor.compute(other),
        "fixed-size trace, edges, first call (trace)": traced_at_this_size,
        "fixed-size trace, edges, later calls": lambda: traced_edges(x).numpy(),
    }
    times = C.compare(variants, repeats=args.repeats)
    base = {"edges": C.median(times["raw Keras eager, edges"]),
            "every": C.median(times["raw Keras eager, every layer"])}
    cpu = {"edges": C.median(times.cpu["raw Keras eager, edges"]),
           "every": C.median(times.cpu["raw Keras eager, every layer"])}
    rows = []
    for name, runs in times.items():
        which = "every" if "every layer" in name else "edges"
        rows.append([name, f"{C.ms(C.median(runs)):.0f}", f"{C.median(runs) / base[which]:.2f}",
                     f"{C.median(times.cpu[name]) / cpu[which]:.2f}"])
    rows.append(["neurolab, every layer, first image (finds the failing layers)", f"{C.ms(first_image):.0f}",
                 f"{first_image / base['every']:.2f}", "-"])
    C.table(f"(b) time at {height}×{width}, median of {args.repeats} (ratios: vs raw Keras eager, same "
            "layers; wall and process CPU time)", ["variant", "ms", "wall ratio", "CPU ratio"], rows)


if __name__ == "__main__":
    main()
