"""neurolab's activation extractor against the best raw Keras/TensorFlow paths.

    python benchmarks/bench_activations.py [--repeats N] [--skip-memory]

(a) one layer (VGG16 block3_conv3), 224×224 and 1024×768: ``extractor.compute``
    vs a raw sub-model in a ``tf.function`` with an input signature, same
    preprocessing and ``.numpy()``. Target ratio ≤ 1.1.
(b) every layer of an image: ``extractor.compute(image)`` vs one raw
    multi-output pass; time ratio ≤ 1.1 (224×224, in this process) and peak
    memory ratio ≤ 1.1 vs a no-copy raw pass (1024×768, one fresh subprocess
    per variant, RSS high-water mark from ``getrusage``; times from there too).
(c) one ``tf.function`` per layer (run for every layer) vs one multi-output
    pass, VGG16 and MobileNetV2 at 224×224: how many times cheaper one pass is.
(d) retracing: MobileNetV2, every layer, 5 image sizes through neurolab
    (tracing count, expect 1) vs a plain ``tf.function`` without signature.
(e) small images (< the model's input size): per-call overhead of the extractor.

Models are built with ``weights=None`` (nothing is downloaded); random uint8 images.
Times are medians of interleaved repeats after warm-up, on this machine, this run.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import time

import _common as C  # noqa: N812 - sets the environment before TensorFlow loads
import numpy as np

LAYER = "block3_conv3"
SIZES = {"224×224": (224, 224), "1024×768": (768, 1024)}  # (height, width)
RETRACE_SIZES = [(256, 256), (240, 320), (300, 400), (384, 512), (480, 640)]
SMALL = (160, 200)


def image(shape, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (*shape, 3), dtype=np.uint8)


def load(name: str):
    """``load_application`` with ``weights=None``; never downloads (offline)."""
    import inspect

    from neurolab.core.models.catalog import load_application

    if "allow_download" in inspect.signature(load_application).parameters:
        return load_application(name, allow_download=False)
    return load_application(name)


# --- raw Keras paths -----------------------------------------------------------

def raw_function(submodel, preprocess, spatial=(None, None)):
    """The best plain path: preprocessing + model in one traced function with a signature."""
    import tensorflow as tf

    @tf.function(input_signature=[tf.TensorSpec([1, *spatial, 3], tf.float32)])
    def forward(pixels):
        return submodel(preprocess(pixels), training=False)

    return forward


def vgg_flexible(model, upto: str | None = None, *, all_outputs: bool = False):
    """VGG16's conv trunk re-applied layer by layer to a (None, None, 3) input."""
    import keras

    inp = keras.Input((None, None, 3))
    x, outputs = inp, [inp]
    for layer in model.layers[1:]:
        if type(layer).__name__ == "Flatten":
            break
        x = layer(x)
        outputs.append(x)
        if layer.name == upto:
            break
    return keras.Model(inp, outputs if all_outputs else x)


def flexible_clone(model):
    """A functional model rebuilt from its config with a (None, None, C) input, same weights."""
    import keras

    config = model.get_config()
    layer0 = config["layers"][0]["config"]
    layer0["batch_shape"] = [None, None, None, layer0["batch_shape"][-1]]
    clone = keras.Model.from_config(config)
    clone.set_weights(model.get_weights())
    return clone


def as_batch(img: np.ndarray) -> np.ndarray:
    return img.astype(np.float32)[None]


def to_numpy(outputs) -> list[np.ndarray]:
    """What a plain Keras user writes: ``.numpy()`` on every output (this copies)."""
    if not isinstance(outputs, (list, tuple)):
        outputs = [outputs]
    return [o.numpy()[0] for o in outputs]


def no_copy(outputs) -> list[np.ndarray]:
    """Views on TensorFlow's buffers (``np.asarray`` does not copy; ``.numpy()`` does)."""
    if not isinstance(outputs, (list, tuple)):
        outputs = [outputs]
    return [np.asarray(o)[0] for o in outputs]


# --- (a) one layer --------------------------------------------------------------

def bench_one_layer(vgg, extractor, repeats: int) -> None:
    import keras

    flex = raw_function(vgg_flexible(vgg.model, LAYER), vgg.preprocess)
    native = raw_function(keras.Model(vgg.model.input, vgg.model.get_layer(LAYER).output),
                          vgg.preprocess, (224, 224))
    rows = []
    for label, shape in SIZES.items():
        img = image(shape)
        variants = {
            "neurolab": lambda img=img: extractor.compute(img, [LAYER]),
            "raw flexible": lambda img=img: to_numpy(flex(as_batch(img))),
        }
        if shape == (224, 224):
            variants["raw fixed-224"] = lambda img=img: to_numpy(native(as_batch(img)))
        times = C.compare(variants, repeats=repeats)
        rows += ratio_rows(label, times, "neurolab")
    C.table(f"(a) one layer ({LAYER}), VGG16 weights=None — neurolab / best raw path "
            "(target ≤ 1.1 on the wall-clock median)",
            ["image", "path", "median ms", "min ms", "CPU ms", "n", "ratio", "CPU ratio"], rows)


def ratio_rows(label: str, times, ours: str, target: float = 1.1) -> list:
    """Rows of (label, path, median, min, CPU median, n, ratio to the best ``raw …`` path)."""
    raw = [k for k in times if k.startswith("raw")]
    best = min(raw, key=lambda k: C.median(times[k]))
    best_cpu = min(C.median(times.cpu[k]) for k in raw)
    rows = []
    for name, values in times.items():
        ratio = C.median(values) / C.median(times[best])
        cpu_ratio = C.median(times.cpu[name]) / best_cpu
        text = f"{ratio:.2f}" + (f"  {C.verdict(ratio, target)}" if name == ours else "")
        rows.append([label, name, C.ms(C.median(values)), C.ms(min(values)),
                     C.ms(C.median(times.cpu[name])), len(values), text, f"{cpu_ratio:.2f}"])
    return rows


# --- (b) every layer ------------------------------------------------------------

def bench_all_layers_224(vgg, extractor, repeats: int) -> None:
    import keras

    img = image((224, 224))
    model = vgg.model
    one_pass = raw_function(keras.Model(model.input, [layer.output for layer in model.layers]),
                            vgg.preprocess, (224, 224))
    native_all = extractor.function(tuple(extractor.layer_keys), True)
    times = C.compare({
        "neurolab compute(image)": lambda: extractor.compute(img),
        "what-if: neurolab's native fn, all keys, 1 pass":
            lambda: no_copy(native_all(as_batch(img))),
        "raw one pass, .numpy()": lambda: to_numpy(one_pass(as_batch(img))),
        "raw one pass, no copy": lambda: no_copy(one_pass(as_batch(img))),
    }, repeats=repeats)
    result = extractor.compute(img)
    C.table(f"(b) every layer ({len(extractor.layer_keys)} outputs), VGG16, 224×224 — neurolab / "
            "best raw (target ≤ 1.1)",
            ["image", "path", "median ms", "min ms", "CPU ms", "n", "ratio", "CPU ratio"],
            ratio_rows("224×224", times, "neurolab compute(image)"))
    print(f"    neurolab ran the conv trunk for {len(result.activations) - len(result.native_keys)} "
          f"flexible layers and again (native pass) for {result.native_keys}")


def memory_child(variant: str) -> dict:
    """Runs in a fresh process: VGG16, every layer of a 1024×768 image.

    Both paths are traced first on a 224×224 image (same functions), then the
    kernel's peak-RSS counter is reset (``/proc/self/clear_refs``), so that the
    peak of building the model (about 1.9 GB with weights=None) does not hide
    the peak of the pass itself.
    """
    import keras

    from neurolab.core.images import resize_image
    from neurolab.core.inspection.activations import ActivationExtractor

    vgg = load("vgg16")
    extractor = ActivationExtractor(vgg)
    img = image(SIZES["1024×768"])
    warm = image((224, 224))
    report: dict = {"variant": variant, "load_peak_mib": C.max_rss_mib()}
    if variant == "neurolab":
        extractor.compute(warm)
        report["base_mib"] = C.reset_peak_rss()
        start, cpu = time.perf_counter(), time.process_time()
        result = extractor.compute(img)
        report["time_s"] = time.perf_counter() - start
        report["cpu_s"] = time.process_time() - cpu
        report["peak_mib"] = C.peak_rss_mib()
        report["input"] = list(result.input_image.shape[:2])
        report["bytes"] = int(sum(a.nbytes for a in result.activations.values()))
        return report
    # Raw: the same work done with plain Keras. The flexible layers run on the image
    # scaled as neurolab scales it (its memory budget), the size-bound head (Flatten,
    # Dense) on the image resized to 224×224: one pass each, as nothing else can do it.
    model = vgg.model
    scale = extractor.plan_scale(img.shape, extractor.layer_keys)
    height, width = img.shape[:2]
    size = (max(1, int(width * scale)), max(1, int(height * scale))) if scale < 1 else (width, height)
    trunk = raw_function(vgg_flexible(model, all_outputs=True), vgg.preprocess)
    head_names = [layer.name for layer in model.layers][len(trunk_layers(model)):]
    head = raw_function(keras.Model(model.input, [model.get_layer(n).output for n in head_names]),
                        vgg.preprocess, (224, 224))

    def run(source, convert):
        scaled = resize_image(source, size) if source.shape[:2] == img.shape[:2] else source
        arrays = convert(trunk(as_batch(scaled)))
        arrays += convert(head(as_batch(resize_image(source, (224, 224)))))
        return arrays

    run(warm, no_copy)
    for label, convert in (("nocopy", no_copy), ("numpy", to_numpy)):
        report[f"base_{label}_mib"] = C.reset_peak_rss()
        start, cpu = time.perf_counter(), time.process_time()
        arrays = run(img, convert)
        report[f"time_{label}_s"] = time.perf_counter() - start
        report[f"cpu_{label}_s"] = time.process_time() - cpu
        report[f"peak_{label}_mib"] = C.peak_rss_mib()
        report["bytes"] = int(sum(a.nbytes for a in arrays))
        del arrays
    report["input"] = [size[1], size[0]]
    return report


def trunk_layers(model) -> list:
    """Layers of VGG16 that follow any image size (input … block5_pool)."""
    names = []
    for layer in model.layers:
        if type(layer).__name__ == "Flatten":
            break
        names.append(layer.name)
    return names


def bench_memory() -> None:
    reports = {}
    for variant in ("neurolab", "raw"):
        command = [sys.executable, __file__, "--memory-child", variant]
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            print(f"\n(b) memory child '{variant}' failed (exit {done.returncode}):\n"
                  + done.stderr[-3000:])
            return
        reports[variant] = json.loads(lines[-1])
    nl, raw = reports["neurolab"], reports["raw"]
    nl_extra = nl["peak_mib"] - nl["base_mib"]
    nocopy_extra = raw["peak_nocopy_mib"] - raw["base_nocopy_mib"]
    numpy_extra = raw["peak_numpy_mib"] - raw["base_numpy_mib"]
    rows = [
        ["neurolab compute(image)", nl["peak_mib"], nl_extra, nl["bytes"] / 2**20,
         C.ms(nl["time_s"]), C.ms(nl["cpu_s"]),
         f"{nl_extra / nocopy_extra:.2f}  {C.verdict(nl_extra / nocopy_extra, 1.1)}",
         f"{nl['peak_mib'] / raw['peak_nocopy_mib']:.2f}"],
        ["raw, no copy (np.asarray)", raw["peak_nocopy_mib"], nocopy_extra, raw["bytes"] / 2**20,
         C.ms(raw["time_nocopy_s"]), C.ms(raw["cpu_nocopy_s"]), "1.00", "1.00"],
        ["raw, .numpy() (copies)", raw["peak_numpy_mib"], numpy_extra, raw["bytes"] / 2**20,
         C.ms(raw["time_numpy_s"]), C.ms(raw["cpu_numpy_s"]), f"{numpy_extra / nocopy_extra:.2f}",
         f"{raw['peak_numpy_mib'] / raw['peak_nocopy_mib']:.2f}"],
    ]
    C.table("(b) every layer, VGG16, 1024×768 (neurolab scales it to "
            f"{nl['input'][1]}×{nl['input'][0]} for its 1 GiB budget; raw gets the same size); "
            "fresh process per path, traced first, peak RSS counter reset before the pass",
            ["path", "peak RSS MiB", "pass peak − before MiB", "result MiB", "pass ms (n=1)", "CPU ms",
             "pass-peak ratio (≤ 1.1)", "process-peak ratio"], rows)
    print(f"    building VGG16 (weights=None) alone peaks at {nl['load_peak_mib']:.0f} MiB RSS, and "
          "memory freed then is reused by the pass, so 'pass peak − before' is below the result "
          "size for every path; compare the paths with each other. Pass times are single runs "
          f"(noisy); CPU ratio neurolab / raw no-copy {nl['cpu_s'] / raw['cpu_nocopy_s']:.2f}")


# --- (c) one function per layer vs one pass --------------------------------------

def bench_per_layer(models: dict, repeats: int, stride: dict) -> None:
    import keras

    rows = []
    for name, loaded in models.items():
        model = loaded.model
        layers = model.layers[1:]  # every layer but the input
        sample = layers[stride[name] // 2::stride[name]] if stride[name] > 1 else layers
        x = as_batch(image((224, 224)))
        single = raw_function(keras.Model(model.input, [layer.output for layer in layers]),
                              loaded.preprocess, (224, 224))
        start = time.perf_counter()
        to_numpy(single(x))
        single_first = time.perf_counter() - start
        per_layer = [raw_function(keras.Model(model.input, layer.output), loaded.preprocess,
                                  (224, 224)) for layer in sample]
        start = time.perf_counter()
        for fn in per_layer:
            to_numpy(fn(x))
        per_first = time.perf_counter() - start
        factor = len(layers) / len(sample)

        def run_all(fns=per_layer, x=x):
            for fn in fns:
                to_numpy(fn(x))

        times = C.compare({"single": lambda single=single, x=x: to_numpy(single(x)), "per-layer": run_all},
                          repeats=repeats, warmup=0)
        one = C.median(times["single"])
        many = C.median(times["per-layer"]) * factor
        note = "" if factor == 1 else f" (every {stride[name]}th layer, ×{factor:.1f})"
        rows.append([name, len(layers), "one multi-output pass", C.ms(one), single_first, "1.0"])
        rows.append([name, len(layers), "one tf.function per layer" + note, C.ms(many),
                     per_first * factor, f"{many / one:.1f}"])
    C.table("(c) every layer at 224×224: one function per layer vs one multi-output pass "
            "(.numpy() included)",
            ["model", "layers", "path", "steady ms", "first use s (incl. tracing)",
             "× the single pass"], rows)


# --- (d) retracing; (e) small images ----------------------------------------------

def bench_retracing(mobilenet) -> None:
    import keras
    import tensorflow as tf

    from neurolab.core.inspection.activations import ActivationExtractor

    extractor = ActivationExtractor(mobilenet)  # fresh: nothing traced yet
    keys = tuple(extractor.layer_keys)
    clone = flexible_clone(mobilenet.model)
    multi = keras.Model(clone.input, [layer.output for layer in clone.layers])
    preprocess = mobilenet.preprocess

    @tf.function  # no input signature: what ``tf.function(model)`` gives
    def plain(pixels):
        return multi(preprocess(pixels), training=False)

    rows = []
    for index, shape in enumerate(RETRACE_SIZES):
        img = image(shape, seed=index)
        def ours(img=img):
            return extractor.compute(img)

        def theirs(img=img):
            return no_copy(plain(as_batch(img)))

        nl_first = C.time_once(ours)
        nl_again = C.median([C.time_once(ours) for _ in range(2)])
        raw_first = C.time_once(theirs)
        raw_again = C.median([C.time_once(theirs) for _ in range(2)])
        traces = extractor.function(keys, False).experimental_get_tracing_count()
        rows.append([f"{shape[1]}×{shape[0]}", C.ms(nl_first), C.ms(nl_again), traces,
                     C.ms(raw_first), C.ms(raw_again), plain.experimental_get_tracing_count(),
                     f"{raw_first / nl_first:.1f}"])
    C.table(f"(d) MobileNetV2, every layer ({len(keys)}), new image sizes: neurolab (signature "
            "[1, None, None, 3]) vs plain tf.function (no signature)",
            ["size", "neurolab 1st ms", "neurolab again ms", "neurolab traces",
             "plain 1st ms", "plain again ms", "plain traces", "plain/neurolab 1st"], rows)
    nl_traces = rows[-1][3]
    print(f"    neurolab traced {nl_traces} time(s) for {len(RETRACE_SIZES)} sizes "
          f"({'ok' if nl_traces == 1 else 'MISSED'}: expected 1; the first row includes it)")

    # (e) an image smaller than the input size: ``fits`` re-traces the model symbolically.
    small = image(SMALL, seed=9)
    fn = extractor.function(keys, False)
    memo = ActivationExtractor(mobilenet)  # what-if: fits() answered once per size
    memo._functions = extractor._functions  # share the traced function
    cached = functools.lru_cache(maxsize=64)(
        lambda size, keys: ActivationExtractor.fits(memo, size, keys))
    memo.fits = lambda size, keys: cached(tuple(size), tuple(keys))
    memo_compute = memo.compute
    times = C.compare({
        "neurolab compute(image)": lambda: extractor.compute(small),
        "what-if: fits() memoised per size": lambda: memo_compute(small),
        "same tf.function, no copy": lambda: no_copy(fn(as_batch(small))),
        "extractor.fits() alone": lambda: extractor.fits(SMALL, keys),
    }, repeats=5)
    base = C.median(times["same tf.function, no copy"])
    base_cpu = C.median(times.cpu["same tf.function, no copy"])
    C.table(f"(e) MobileNetV2, every layer, small image {SMALL[1]}×{SMALL[0]} (< 224): "
            "per-call overhead",
            ["path", "median ms", "CPU ms", "ratio to tf.function", "CPU ratio"],
            [[k, C.ms(C.median(v)), C.ms(C.median(times.cpu[k])), f"{C.median(v) / base:.2f}",
              f"{C.median(times.cpu[k]) / base_cpu:.2f}"] for k, v in times.items()])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        import tensorflow as tf

        tf.get_logger().setLevel("ERROR")
        print(json.dumps(memory_child(args.memory_child)))
        return

    started = time.perf_counter()
    print(f"bench_activations — {time.strftime('%Y-%m-%d %H:%M')} — {C.machine()}")
    import tensorflow as tf

    from neurolab.core.inspection.activations import ActivationExtractor

    # Creating many tf.functions on purpose (c, d) makes TensorFlow warn about retracing.
    tf.get_logger().setLevel("ERROR")
    print(f"TensorFlow {tf.__version__}, devices: "
          f"{[d.device_type for d in tf.config.list_physical_devices()]}")
    vgg = load("vgg16")
    extractor = ActivationExtractor(vgg)
    bench_one_layer(vgg, extractor, args.repeats)
    bench_all_layers_224(vgg, extractor, args.repeats)
    if not args.skip_memory:
        bench_memory()
    mobilenet = load("mobilenet_v2")
    bench_per_layer({"VGG16": vgg, "MobileNetV2": mobilenet}, max(2, args.repeats // 2),
                    stride={"VGG16": 1, "MobileNetV2": 16})
    bench_retracing(mobilenet)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
