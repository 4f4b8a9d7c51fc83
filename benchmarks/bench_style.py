"""Style transfer: neurolab's step vs TensorFlow's tutorial step; coarse to fine vs one scale.

    python benchmarks/bench_style.py [--repeats N] [--skip-vgg19] [--c2f-sizes 256,512]
                                     [--c2f-steps N] [--skip-step] [--skip-c2f]

(a) One optimisation step, same backbone model, same losses, same image size:

- neurolab: ``backbone.step_function`` (one ``tf.function`` with an input
  signature of ``[1, None, None, 3]``, traced once for every size; Adam written
  out on tensors; returns the new image, Adam's moments and the four losses),
  called as ``style_transfer_job`` calls it, losses fetched with ``.numpy()``;
- plain: TensorFlow's style-transfer tutorial's way: the image a
  ``tf.Variable``, ``tf.keras.optimizers.Adam`` (same learning rate, beta_1,
  epsilon), ``@tf.function train_step`` (no signature: traced for this size)
  with a ``GradientTape``, ``opt.apply_gradients``, ``image.assign(clip)``; the
  losses written out as the tutorial writes them (Gram ``einsum / positions``,
  mean squared differences averaged over layers, each style term divided by
  its target's mean square where the backbone does that, TV per pixel).

Backbones: ``random`` (the offline default, seed 0) and VGG19's architecture
with random weights (``keras.applications.VGG19(include_top=False,
weights=None)``; weights do not change the work) through the same code as the
cached-weights VGG19. Square images 256 and 512 px (the flower and the brush
strokes resized). Also: a whole ``style_transfer_job`` at one scale (10 steps,
a preview every 5th) per step, and the step function's tracing count after
every size ran through it. Target: neurolab / plain ≤ 1.05.

(b) Time to the same loss, random backbone, default settings (start from
content, 200 steps): a single-scale run (``scales=(1.0,)``) gives the loss L
its last step reports; a coarse-to-fine run (scales 1/4, 1/2, 1, the default)
is timed from the job's start until a full-size step reports a loss ≤ L. It
takes the default 200-step run's coarse steps (45 at 1/4, 64 at 1/2), then
up to 200 full-size steps (``scale_steps``), so that it may go on past the
default run's 91 full-size steps when it needs to; the loss where the
default run would have ended is shown too. The
full-size scale's style and content targets are exactly the single-scale
run's (same sizes), so the losses are the same function of the image and no
extra evaluation is needed; both runs yield a progress event every step (same
overhead) and both times include computing each scale's targets. Target:
coarse-to-fine time / single-scale time ≤ 0.5. Three content/style pairs.

Times are medians of interleaved repeats after warm-up (a), or one run each
(b), on this machine, this run; process CPU time (all threads) alongside.
In (b) one run's wall time swings with other processes' load, so a
"step-median ratio" is shown too: each run's step counts times the median
step time at each size (full size: both runs' full-size steps pooled).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from _common import compare, machine, median, table, verdict  # noqa: E402

STEP_TARGET = 1.05
C2F_TARGET = 0.5
PAIRS = (("flower", "brush_strokes"), ("cat", "stained_glass"), ("temple", "woodcut_waves"))


def load(path: Path) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGB"))


def square(image: np.ndarray, side: int):
    from neurolab.core.style.transfer import _resize, _to_float_batch

    return _resize(_to_float_batch(image), (side, side))


def plain_train_step(backbone, config, style_targets, content_targets, image_variable):
    """TensorFlow's tutorial's train_step on ``backbone``'s model and losses."""
    import tensorflow as tf

    extractor, preprocess = backbone.model, backbone.preprocess
    n_model_style = len(backbone.style_layers) - int(backbone.colour_layer)
    normalize = backbone.normalize_style
    opt = tf.keras.optimizers.Adam(learning_rate=config.learning_rate, beta_1=backbone.adam_beta_1,
                                   epsilon=backbone.adam_epsilon)

    def gram_matrix(input_tensor):
        result = tf.linalg.einsum("bijc,bijd->bcd", input_tensor, input_tensor)
        input_shape = tf.shape(input_tensor)
        num_locations = tf.cast(input_shape[1] * input_shape[2], tf.float32)
        return result / num_locations

    def style_content_loss(image, outputs):
        style_outputs = list(outputs[:n_model_style])
        if backbone.colour_layer:
            style_outputs = [image - 0.5] + style_outputs
        content_outputs = outputs[n_model_style:]
        style_terms = []
        for output, target in zip(style_outputs, style_targets):
            term = tf.reduce_mean((gram_matrix(output) - target) ** 2)
            if normalize:
                term = term / (tf.reduce_mean(target ** 2) + 1e-12)
            style_terms.append(term)
        style = tf.add_n(style_terms) * config.style_weight / len(style_terms)
        content = tf.add_n([tf.reduce_mean((o - t) ** 2)
                            for o, t in zip(content_outputs, content_targets)])
        return style + content * config.content_weight / len(content_outputs)

    @tf.function()
    def train_step(image):
        with tf.GradientTape() as tape:
            outputs = extractor(preprocess(image), training=False)
            loss = style_content_loss(image, outputs)
            pixels = tf.cast(tf.reduce_prod(tf.shape(image)[:3]), tf.float32)
            loss += config.tv_weight * tf.reduce_sum(tf.image.total_variation(image)) / pixels
        grad = tape.gradient(loss, image)
        opt.apply_gradients([(grad, image)])
        image.assign(tf.clip_by_value(image, clip_value_min=0.0, clip_value_max=1.0))

    return lambda: train_step(image_variable)


def bench_step(label: str, backbone, sizes, repeats: int, content: np.ndarray,
               style: np.ndarray) -> list[list[object]]:
    import tensorflow as tf

    from neurolab.core.jobs import run_job
    from neurolab.core.style.transfer import StyleConfig, style_transfer_job

    config = StyleConfig(backbone=backbone.name).resolved(backbone)
    weights = backbone.step_weights(config)
    rows = []
    for side in sizes:
        x0 = square(content, side)
        style_targets = backbone.style_targets(square(style, side))
        _, content_targets = backbone.features(x0)
        state = {"x": x0, "m": tf.zeros_like(x0), "v": tf.zeros_like(x0), "t": 0}

        def ours(state=state, style_targets=style_targets, content_targets=content_targets):
            state["t"] += 1
            x, m, v, parts = backbone.step_function(
                state["x"], state["m"], state["v"], tf.constant(state["t"], tf.float32),
                style_targets, content_targets, weights)
            state.update(x=x, m=m, v=v)
            return [float(p) for p in parts.numpy()]

        variable = tf.Variable(x0)
        plain = plain_train_step(backbone, config, style_targets, content_targets, variable)
        times = compare({"neurolab": ours, "plain": plain}, repeats=repeats, warmup=2)
        ours_ms, plain_ms = median(times["neurolab"]) * 1e3, median(times["plain"]) * 1e3
        ratio = ours_ms / plain_ms
        cpu_ratio = median(times.cpu["neurolab"]) / median(times.cpu["plain"])

        job_steps = 10
        job_config = StyleConfig(steps=job_steps, size=side, scales=(1.0,), preview_every=5,
                                 backbone=backbone.name)
        started = time.perf_counter()
        if backbone.name == "vgg19":  # the job would look for cached weights: drive it by hand
            job_ms = float("nan")
        else:
            run_job(style_transfer_job(np.asarray(tf.cast(x0[0] * 255, tf.uint8)), style, job_config))
            job_ms = (time.perf_counter() - started) * 1e3 / job_steps
        rows.append([label, f"{side}×{side}", ours_ms, plain_ms, f"{ratio:.3f}",
                     verdict(ratio, STEP_TARGET), f"{cpu_ratio:.3f}", len(times["plain"]),
                     "n/a" if job_ms != job_ms else f"{job_ms:.1f}"])
    rows.append([label, "traces", backbone.step_function.experimental_get_tracing_count(),
                 "", "", "", "", "", ""])
    return rows


def timed_run(content, style, config):
    """Run a job with a progress event every step: (wall s, CPU s, loss, scale size) per step."""
    from neurolab.core.style.transfer import style_transfer_job

    job = style_transfer_job(content, style, config)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    rows = []
    try:
        while True:
            event = next(job)
            if event.metrics:
                rows.append((time.perf_counter() - wall0, time.process_time() - cpu0,
                             event.metrics["loss"], event.preview.shape[:2]))
    except StopIteration as stop:
        return rows, stop.value


def step_medians(run) -> dict:
    """Median wall time of one step at each image size of a :func:`timed_run`."""
    times: dict = {}
    for (w0, _, _, _), (w1, _, _, shape) in zip(run, run[1:]):
        times.setdefault(shape, []).append(w1 - w0)
    return {shape: median(t) for shape, t in times.items()}


def modelled_ratio(single, c2f) -> float:
    """The time ratio from step counts × median step times (one median per size, both runs
    pooled at full size): steadier than one run's wall time while others load the machine."""
    medians = step_medians(c2f)
    full = single[-1][3]
    medians[full] = median([b[0] - a[0] for a, b in zip(single, single[1:])]
                           + [b[0] - a[0] for a, b in zip(c2f, c2f[1:])
                              if a[3] == full and b[3] == full])
    c2f_time = sum(medians[shape] for _, _, _, shape in c2f)
    return c2f_time / (len(single) * medians[full])


def bench_c2f(sizes, steps: int) -> list[list[object]]:
    from neurolab.assets import resource_path
    from neurolab.core.jobs import run_job
    from neurolab.core.style.transfer import StyleConfig, steps_per_scale, style_transfer_job

    default = StyleConfig()
    counts = steps_per_scale(steps, default.scales)
    # the default run's coarse steps, then up to `steps` full-size steps: the
    # time to L does not depend on how many steps would follow it
    scale_steps = (*counts[:-1], steps)
    rows = []
    for side in sizes:
        for content_name, style_name in PAIRS:
            content = load(resource_path("images", f"{content_name}.jpg"))
            style = load(resource_path("styles", f"{style_name}.png"))
            base = dict(steps=steps, size=side, preview_every=1, backbone="random")
            run_job(style_transfer_job(content, style, StyleConfig(**{**base, "steps": 3})))  # warm
            single, _ = timed_run(content, style, StyleConfig(**base, scales=(1.0,)))
            target_loss = single[-1][2]
            c2f, _ = timed_run(content, style, StyleConfig(**base, scale_steps=scale_steps))
            final = single[-1][3]
            full = [(w, c, loss) for w, c, loss, shape in c2f if shape == final]
            coarse = len(c2f) - len(full)
            default_final = full[counts[-1] - 1][2]  # where the default 200-step run ends
            reached = next(((i, w, c) for i, (w, c, loss) in enumerate(full) if loss <= target_loss),
                           None)
            single_wall, single_cpu = single[-1][0], single[-1][1]
            if reached is None:
                rows.append([side, f"{content_name} + {style_name}", f"{target_loss:.4g}",
                             single_wall, f"not in {steps} ({full[-1][2]:.4g})", "", "MISSED", "",
                             "", "", f"{default_final:.4g}"])
                continue
            i, wall, cpu = reached
            ratio = wall / single_wall
            modelled = modelled_ratio(single, c2f[:coarse + i + 1])
            rows.append([side, f"{content_name} + {style_name}", f"{target_loss:.4g}",
                         single_wall, wall, f"{ratio:.3f}", verdict(ratio, C2F_TARGET),
                         f"{cpu / single_cpu:.3f}", f"{modelled:.3f}", f"{coarse} + {i + 1}",
                         f"{default_final:.4g}"])
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--skip-vgg19", action="store_true")
    parser.add_argument("--skip-step", action="store_true")
    parser.add_argument("--skip-c2f", action="store_true")
    parser.add_argument("--step-sizes", default="256,512")
    parser.add_argument("--c2f-sizes", default="256")
    parser.add_argument("--c2f-steps", type=int, default=200)
    args = parser.parse_args(argv)

    import tensorflow as tf

    print("bench_style —", time.strftime("%Y-%m-%d %H:%M"), "—", machine())
    print(f"TensorFlow {tf.__version__}, devices: "
          f"{[d.device_type for d in tf.config.list_physical_devices()]}")
    sizes = [int(s) for s in args.step_sizes.split(",") if s]
    if not args.skip_step:
        from neurolab.assets import resource_path
        from neurolab.core.style.backbones import random_backbone, vgg19_backbone_from

        content = load(resource_path("images", "flower.jpg"))
        style = load(resource_path("styles", "brush_strokes.png"))
        rows = bench_step("random (seed 0)", random_backbone(0), sizes, args.repeats * 2,
                          content, style)
        if not args.skip_vgg19:
            import keras

            convs = keras.applications.VGG19(include_top=False, weights=None,
                                             input_shape=(None, None, 3))
            backbone = vgg19_backbone_from(convs, "VGG19 (weights=None)")
            rows += bench_step("VGG19 (weights=None)", backbone, sizes, max(3, args.repeats // 3),
                               content, style)
        table(f"(a) one step, neurolab / plain tutorial step (target ≤ {STEP_TARGET} on the "
              "wall-clock median)",
              ["backbone", "image", "neurolab ms", "plain ms", "ratio", "verdict", "CPU ratio",
               "n", "job ms/step (all in)"], rows)
    if not args.skip_c2f:
        rows = bench_c2f([int(s) for s in args.c2f_sizes.split(",") if s], args.c2f_steps)
        table(f"(b) time to the single-scale run's final loss L, random backbone, "
              f"{args.c2f_steps} steps: coarse to fine (1/4, 1/2, 1) / single scale "
              f"(target ≤ {C2F_TARGET})",
              ["px", "content + style", "L", "single s", "c2f s", "ratio", "verdict",
               "CPU ratio", "step-median ratio", "c2f steps to L (coarse + full)",
               f"c2f loss after the default {args.c2f_steps} steps"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
