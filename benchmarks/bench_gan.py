"""One GAN training step through neurolab against TensorFlow's DCGAN tutorial step.

    python benchmarks/bench_gan.py [--size 32|64] [--batch 64] [--steps 10] [--repeats 7]

Same machine, same run, same architecture (both pairs of models come from
``build_generator``/``build_discriminator`` with the same config), same batch size:

- **tutorial step** — TensorFlow's DCGAN tutorial ``train_step`` verbatim in
  spirit: ``@tf.function`` without signature, ``tf.random.normal`` noise, two
  ``GradientTape``s, ``BinaryCrossentropy(from_logits=True)``, two Adam
  ``apply_gradients``; fed one ready float batch (the baseline, 1.00);
- **tutorial loop, tf.data** — the same step fed by the tutorial's pipeline
  (``from_tensor_slices(...).shuffle(...).batch(...)``, repeated);
- **neurolab train_step** — ``GanTrainer.train_step(indices, step)`` as the job
  calls it: the batch gathered from the data set on the device, stateless
  noise, ``strategy.run``/``strategy.reduce``, four metrics read back (``.numpy()``);
- **neurolab train_job** — the whole job per step: the above plus the
  counters, the history, a ``Progress`` per step and a preview grid every
  ``preview_every`` (20) steps.

Each timed call runs ``--steps`` steps and then reads one generator weight
back (so that asynchronous devices have finished); variants are interleaved
(A B C D A B C D …) after warm-up, medians of ``--repeats`` — short calls,
many of them, so that load from other processes hits every variant alike.
"min ratio" compares the fastest calls (the least disturbed).
Target: neurolab / tutorial ≤ 1.05 (median time per step).
"""

from __future__ import annotations

import argparse
import time

import _common  # noqa: F401  (sets the environment before TensorFlow loads)
from _common import compare, machine, median, table, verdict

TARGET_RATIO = 1.05


def tutorial_step(generator, discriminator, batch_size: int, latent_dim: int, learning_rate: float,
                  beta_1: float):
    """TensorFlow's DCGAN tutorial's train_step, around our models."""
    import keras
    import tensorflow as tf

    cross_entropy = keras.losses.BinaryCrossentropy(from_logits=True)
    generator_optimizer = keras.optimizers.Adam(learning_rate, beta_1=beta_1)
    discriminator_optimizer = keras.optimizers.Adam(learning_rate, beta_1=beta_1)

    def discriminator_loss(real_output, fake_output):
        real_loss = cross_entropy(tf.ones_like(real_output), real_output)
        fake_loss = cross_entropy(tf.zeros_like(fake_output), fake_output)
        return real_loss + fake_loss

    def generator_loss(fake_output):
        return cross_entropy(tf.ones_like(fake_output), fake_output)

    @tf.function
    def train_step(images):
        noise = tf.random.normal([batch_size, latent_dim])
        with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
            generated_images = generator(noise, training=True)
            real_output = discriminator(images, training=True)
            fake_output = discriminator(generated_images, training=True)
            gen_loss = generator_loss(fake_output)
            disc_loss = discriminator_loss(real_output, fake_output)
        gradients_of_generator = gen_tape.gradient(gen_loss, generator.trainable_variables)
        gradients_of_discriminator = disc_tape.gradient(disc_loss, discriminator.trainable_variables)
        generator_optimizer.apply_gradients(zip(gradients_of_generator, generator.trainable_variables))
        discriminator_optimizer.apply_gradients(
            zip(gradients_of_discriminator, discriminator.trainable_variables))

    return train_step


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=32, choices=(32, 64))
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=3, help="steps per timed call")
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--images", type=int, default=2048, help="pictures in the data set")
    args = parser.parse_args()
    started = time.perf_counter()

    import numpy as np
    import tensorflow as tf

    from neurolab.core.gan.config import GanConfig
    from neurolab.core.gan.data import GanDataset
    from neurolab.core.gan.networks import build_discriminator, build_generator
    from neurolab.core.gan.trainer import GanTrainer

    print(f"bench_gan — {time.strftime('%Y-%m-%d %H:%M')} — {machine()}")
    print(f"TensorFlow {tf.__version__}, devices: "
          f"{sorted({d.device_type for d in tf.config.list_logical_devices()})}")
    rng = np.random.default_rng(0)
    pictures = rng.integers(0, 256, (args.images, args.size, args.size, 3), dtype=np.uint8)
    config = GanConfig(size=args.size, batch_size=args.batch, epochs=1_000_000, preview_every=20).validated()
    dataset = GanDataset(pictures, name="random", source="benchmark")
    trainer = GanTrainer(config, dataset)

    generator, discriminator = build_generator(config), build_discriminator(config)
    plain = tutorial_step(generator, discriminator, config.batch_size, config.latent_dim,
                          config.g_learning_rate, config.beta_1)
    floats = pictures.astype(np.float32) / 127.5 - 1.0
    batch = tf.constant(floats[: config.batch_size])
    pipeline = iter(tf.data.Dataset.from_tensor_slices(floats).shuffle(args.images)
                    .batch(config.batch_size, drop_remainder=True).repeat())

    k = args.steps
    job = trainer.train_job()
    next(job)  # the job's first event comes before any step
    state = {"step": 0}

    def tutorial_batch():
        for _ in range(k):
            plain(batch)
        generator.variables[0].numpy()

    def tutorial_data():
        for _ in range(k):
            plain(next(pipeline))
        generator.variables[0].numpy()

    def neurolab_step():
        order = trainer.epoch_order(0)
        step_fn = trainer.train_step
        for _ in range(k):
            at = (state["step"] % trainer.steps_per_epoch) * config.batch_size
            step_fn(order[at:at + config.batch_size], np.int64(10_000_000 + state["step"])).numpy()
            state["step"] += 1
        trainer.generator.variables[0].numpy()

    def neurolab_job():
        for _ in range(k):
            next(job)
        trainer.generator.variables[0].numpy()

    variants = {"tutorial step (one batch)": tutorial_batch, "tutorial loop, tf.data": tutorial_data,
                "neurolab train_step": neurolab_step, "neurolab train_job": neurolab_job}
    times = compare(variants, repeats=args.repeats, warmup=1)
    base = median(times["tutorial step (one batch)"]) / k
    base_cpu = median(times.cpu["tutorial step (one batch)"]) / k
    rows = []
    for name in variants:
        per_step = median(times[name]) / k
        cpu = median(times.cpu[name]) / k
        ratio = per_step / base
        mark = verdict(ratio, TARGET_RATIO) if name.startswith("neurolab") else ""
        best = min(times[name]) / min(times["tutorial step (one batch)"])
        rows.append([name, per_step * 1000, min(times[name]) / k * 1000, cpu * 1000, 1.0 / per_step,
                     config.batch_size / per_step, f"{ratio:.3f}  {mark}".rstrip(), best, cpu / base_cpu])
    table(f"one training step, {args.size}×{args.size} px, batch {config.batch_size}, latent "
          f"{config.latent_dim}, width {config.width} (G {trainer.generator.count_params():,} / "
          f"D {trainer.discriminator.count_params():,} parameters); {k} steps a call, n={args.repeats} "
          f"— neurolab / tutorial step (target ≤ {TARGET_RATIO})",
          ["variant", "ms/step", "min ms", "CPU ms", "steps/s", "images/s", "ratio", "min ratio",
           "CPU ratio"], rows)
    job.close()
    print(f"    neurolab's step traced {trainer.step_traces} time(s) over "
          f"{trainer.step + state['step']} steps (expect 1)")
    print(f"\ntotal {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
