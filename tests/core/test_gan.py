"""The GAN: config sentences, models, that training learns, pause/resume and checkpoints exact."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from neurolab.core.errors import BadInputError
from neurolab.core.gan.data import GanDataset
from neurolab.core.jobs import Progress, run_job

TINY = dict(batch_size=16, latent_dim=16, width=8, samples=4, preview_every=3, log_every=2)


def tiny_config(**kw):
    from neurolab.core.gan.config import GanConfig

    return GanConfig(**{**TINY, **kw})


def blob_dataset(n=64, size=32, seed=0) -> GanDataset:
    """Orange pictures with a dark blue blob somewhere: far from what an untrained generator draws."""
    rng = np.random.default_rng(seed)
    images = np.empty((n, size, size, 3), np.uint8)
    y, x = np.mgrid[0:size, 0:size]
    for i in range(n):
        picture = np.full((size, size, 3), (235, 140, 40), np.float64)
        cx, cy, r = rng.uniform(8, size - 8), rng.uniform(8, size - 8), rng.uniform(4, 7)
        picture[(x - cx) ** 2 + (y - cy) ** 2 < r * r] = (20, 30, 120)
        picture += rng.normal(0, 4, picture.shape)
        images[i] = np.clip(picture, 0, 255).astype(np.uint8)
    return GanDataset(images, name="blobs", source="test:blobs")


@pytest.fixture(scope="module")
def blobs():
    return blob_dataset()


def all_variables(trainer):
    return [np.asarray(v.numpy()) for group in trainer._variable_groups().values() for v in group]


def assert_same_state(a, b):
    assert (a.step, a.epoch, a.step_in_epoch) == (b.step, b.epoch, b.step_in_epoch)
    va, vb = all_variables(a), all_variables(b)
    assert len(va) == len(vb)
    for x, y in zip(va, vb):
        np.testing.assert_allclose(x, y, rtol=0, atol=1e-6)


def run_steps(job, steps):
    """Drive a job until the trainer has done ``steps`` steps (events' step), then close it (pause)."""
    for event in job:
        if event.step >= steps:
            break
    job.close()


# --- config ---------------------------------------------------------------------------

@pytest.mark.parametrize("change, sentence", [
    (dict(size=48), "The picture size must be 32 or 64 px, not 48."),
    (dict(latent_dim=0), "The latent size must be a whole number between 2 and 1024, not 0."),
    (dict(batch_size=1), "The batch size must be a whole number between 2 and 4096, not 1."),
    (dict(epochs=0), "The number of epochs must be a whole number between 1 and 1000000, not 0."),
    (dict(epochs=2.5), "The number of epochs must be a whole number between 1 and 1000000, not 2.5."),
    (dict(g_learning_rate=0.0), "The generator's learning rate must be a positive number up to 1, not 0.0."),
    (dict(d_learning_rate="fast"), "The discriminator's learning rate must be a positive number up to 1, "
                                   "not 'fast'."),
    (dict(beta_1=1.0), "beta_1 must be at least 0 and below 1, not 1.0."),
    (dict(seed=-1), "The seed must be a whole number between 0 and 2147483647, not -1."),
    (dict(samples=0), "The number of preview samples must be a whole number between 1 and 256, not 0."),
    (dict(preview_every=0), "The preview interval (steps) must be a whole number at least 1, not 0."),
    (dict(width=True), "The network width must be a whole number between 4 and 1024, not True."),
    (dict(d_dropout=1.0), "The discriminator's dropout must be at least 0 and below 1, not 1.0."),
    (dict(d_batchnorm="yes"), "d_batchnorm must be true or false, not 'yes'."),
    (dict(minibatch_std=1), "minibatch_std must be true or false, not 1."),
    (dict(label_smoothing=0.5), "The label smoothing must be at least 0 and below 0.5, not 0.5."),
])
def test_config_validation_sentences(change, sentence):
    from neurolab.core.gan.config import GanConfig

    with pytest.raises(BadInputError) as caught:
        GanConfig(**change).validated()
    assert str(caught.value) == sentence


def test_config_defaults_valid_and_round_trip():
    from neurolab.core.gan.config import GanConfig

    config = GanConfig().validated()
    assert (config.size, config.batch_size, config.d_learning_rate, config.beta_1, config.samples) == \
        (32, 64, 2e-4, 0.5, 16)
    again = GanConfig.from_dict({**config.to_dict(), "from_the_future": 1})
    assert again == config


# --- models ------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [32, 64])
def test_models_fit_the_picture_size(size):
    from neurolab.core.gan.networks import build_discriminator, build_generator

    config = tiny_config(size=size)
    generator, discriminator = build_generator(config), build_discriminator(config)
    assert tuple(generator.output_shape) == (None, size, size, 3)
    assert tuple(discriminator.output_shape) == (None, 1)
    z = np.random.default_rng(0).standard_normal((2, 16)).astype(np.float32)
    pictures = np.asarray(generator(z, training=False))
    assert pictures.min() >= -1 and pictures.max() <= 1
    kinds = {type(layer).__name__ for layer in generator.layers}
    assert {"Dense", "BatchNormalization", "LeakyReLU", "Conv2DTranspose", "Reshape"} <= kinds
    kinds = {type(layer).__name__ for layer in discriminator.layers}
    assert {"Conv2D", "LeakyReLU", "BatchNormalization", "Dense"} <= kinds and "Dropout" not in kinds
    assert "MinibatchStdDev" in kinds
    tutorial = build_discriminator(tiny_config(size=size, d_batchnorm=False, d_dropout=0.3,
                                               minibatch_std=False))
    kinds = {type(layer).__name__ for layer in tutorial.layers}
    assert "Dropout" in kinds and "BatchNormalization" not in kinds and "MinibatchStdDev" not in kinds
    # same config, same weights (no global random state)
    again = build_generator(config)
    for a, b in zip(generator.get_weights(), again.get_weights()):
        np.testing.assert_array_equal(a, b)


# --- training -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def trained(blobs):
    """A tiny GAN trained 120 steps on the blobs, with its events and colour distances."""
    from neurolab.core.gan.sampling import generate
    from neurolab.core.gan.trainer import GanTrainer

    config = tiny_config(epochs=30, width=16, g_learning_rate=1e-3, d_learning_rate=1e-3)
    trainer = GanTrainer(config, blobs)
    data_mean = blobs.images.reshape(-1, 3).mean(0)

    def colour_distance():
        samples = generate(trainer, 64, seed=9).reshape(-1, 3).mean(0)
        return float(np.linalg.norm(samples - data_mean))

    before = colour_distance()
    events = []
    result = run_job(trainer.train_job(), events.append)
    return trainer, result, events, before, colour_distance()


@pytest.mark.slow
def test_training_moves_samples_toward_the_data(trained):
    trainer, result, events, before, after = trained
    assert before > 60  # untrained: greyish
    assert after < 0.5 * before, (before, after)  # 0.25-0.34 for seeds 0-3
    assert result.steps == 30 * 4 == trainer.step and result.epochs == 30
    assert trainer.step_traces == 1  # one trace for all the steps

    # the events
    assert isinstance(events[0], Progress) and events[0].step == 0
    assert "g_loss" not in events[0].metrics  # before the first step: no losses, and nothing NaN
    assert all(np.isfinite(v) for event in events for k, v in event.metrics.items() if k != "history")
    # the history arrives in the events as copies: together, exactly the trainer's history
    sent = [entry for event in events for entry in event.metrics["history"]]
    assert sent == trainer.history and all(isinstance(e.metrics["history"], tuple) for e in events)
    assert not any(a is b for a, b in zip(sent, trainer.history))
    steps = [e.step for e in events[1:]]
    assert steps == list(range(1, 121))
    assert all(e.total == 120 for e in events)
    assert events[5].stage == "epoch 2/30" and events[-1].stage == "epoch 30/30"
    for key in ("g_loss", "d_loss", "d_real", "d_fake", "epoch", "steps_per_second", "eta_seconds"):
        assert np.isfinite(events[-1].metrics[key]), key
    assert 0 <= events[-1].metrics["d_real"] <= 1 and 0 <= events[-1].metrics["d_fake"] <= 1
    assert events[-1].metrics["eta_seconds"] == 0 and events[-1].metrics["epoch"] == 30
    preview = events[-1].preview
    assert preview.dtype == np.uint8 and preview.shape == (2 * 34 + 2, 2 * 34 + 2, 3)
    assert events[3].metrics["preview_step"] == 3 and events[4].metrics["preview_step"] == 4  # epoch end
    assert events[5].metrics["preview_step"] == 4
    np.testing.assert_array_equal(result.grid, trainer.preview())
    # the history: every log_every steps and at each epoch's end
    assert [h["step"] for h in result.history[:3]] == [2, 4, 6]
    assert set(result.history[0]) == {"step", "epoch", "g_loss", "d_loss", "d_real", "d_fake", "time"}


# BatchNorm (moving statistics), the spread feature, Dropout (its seed generators' state) and
# DiffAugment (stateless, from the step)
EVERYTHING = dict(epochs=3, d_batchnorm=True, minibatch_std=True, d_dropout=0.3, augment=True)


def test_diff_augment_is_the_same_for_the_same_seed_and_keeps_the_pictures_shape(blobs):
    import tensorflow as tf

    from neurolab.core.gan.networks import diff_augment

    pictures = tf.constant(blobs.images[:8], tf.float32) / 127.5 - 1.0
    seed = tf.constant([5, 1], tf.int64)
    first, again = diff_augment(pictures, seed).numpy(), diff_augment(pictures, seed).numpy()
    other = diff_augment(pictures, tf.constant([6, 1], tf.int64)).numpy()
    assert first.shape == pictures.shape and np.isfinite(first).all()
    np.testing.assert_array_equal(first, again)
    assert not np.allclose(first, other) and not np.allclose(first, pictures.numpy())


@pytest.fixture(scope="module")
def straight(blobs):
    """Three epochs never interrupted: what pausing and resuming must reproduce."""
    from neurolab.core.gan.trainer import GanTrainer

    trainer = GanTrainer(tiny_config(**EVERYTHING), blobs)
    run_job(trainer.train_job())
    return trainer


@pytest.mark.slow
def test_pause_and_resume_equal_an_uninterrupted_run(blobs, straight):
    from neurolab.core.gan.trainer import GanTrainer

    paused = GanTrainer(tiny_config(**EVERYTHING), blobs)
    run_steps(paused.train_job(), 2)  # mid-epoch
    assert (paused.step, paused.epoch, paused.step_in_epoch) == (2, 0, 2)
    run_steps(paused.train_job(), 5)  # across an epoch's end
    assert paused.step == 5
    job = paused.train_job()
    first = next(job)
    assert first.step == 5 and first.stage == "epoch 2/3"
    result = run_job(job)
    assert result.steps == 12 and paused.step_traces == 1
    assert_same_state(paused, straight)
    assert paused.history == straight.history or \
        [h["step"] for h in paused.history] == [h["step"] for h in straight.history]
    # already done: a new job ends at once
    assert run_job(paused.train_job()).steps == 12
    # more epochs continue from there
    assert run_job(paused.train_job(epochs=4)).steps == 16


@pytest.mark.slow
def test_checkpoint_resumed_equals_never_stopped(tmp_path, blobs, straight):
    from neurolab.core.gan.trainer import GanTrainer

    first = GanTrainer(tiny_config(**EVERYTHING), blobs)
    run_steps(first.train_job(), 6)  # 1.5 epochs, then Stop
    folder = first.save_checkpoint(tmp_path / "ckpt")
    assert Path(folder).name == "step-00000006"
    del first

    resumed = GanTrainer.from_checkpoint(tmp_path / "ckpt", blobs)
    assert (resumed.step, resumed.epoch, resumed.step_in_epoch) == (6, 1, 2)
    result = run_job(resumed.train_job())
    assert result.steps == 12
    assert_same_state(resumed, straight)
    np.testing.assert_array_equal(resumed.fixed_latents, straight.fixed_latents)
    assert [h["step"] for h in resumed.history] == [h["step"] for h in straight.history]
    np.testing.assert_allclose([h["g_loss"] for h in resumed.history],
                               [h["g_loss"] for h in straight.history], atol=1e-6)


@pytest.mark.slow
def test_checkpoints_every_epoch_and_damaged_ones_are_passed_over(tmp_path, blobs):
    from neurolab.core.gan.checkpoint import list_checkpoints
    from neurolab.core.gan.sampling import sample_grid
    from neurolab.core.gan.trainer import GanTrainer, load_generator

    directory = tmp_path / "run"
    trainer = GanTrainer(tiny_config(epochs=4), blobs)
    result = run_job(trainer.train_job(checkpoint_dir=directory))
    infos = list_checkpoints(directory)
    assert [i.step for i in infos] == [16, 12, 8]  # one an epoch, the newest 3 kept
    assert all(i.valid for i in infos) and result.checkpoint == str(infos[0].path)
    assert not [p for p in directory.iterdir() if p.name.startswith(".")]  # no temporary left

    # an interrupted write leaves a temporary folder: ignored
    (directory / ".writing-step-00000020-xyz").mkdir()
    (directory / ".writing-step-00000020-xyz" / "arrays.npz").write_bytes(b"half")
    assert GanTrainer.from_checkpoint(directory, blobs).step == 16

    # the newest is cut short: the one before is used
    arrays = infos[0].path / "arrays.npz"
    arrays.write_bytes(arrays.read_bytes()[: arrays.stat().st_size // 2])
    restored = GanTrainer.from_checkpoint(directory, blobs)
    assert restored.step == 12 and restored.last_checkpoint == str(infos[1].path)
    generator = load_generator(directory)
    assert generator.step == 12

    # a step folder without its manifest (the rename came first? never: but a copy may lose it)
    (infos[1].path / "manifest.json").unlink()
    assert GanTrainer.from_checkpoint(directory, blobs).step == 8

    # a damaged state file
    state = infos[2].path / "state.json"
    state.write_text(state.read_text().replace('"step": 8', '"step": 9'))
    with pytest.raises(BadInputError, match=r"^No usable checkpoint in '[^']*run': all 3 are damaged") as caught:
        GanTrainer.from_checkpoint(directory)
    assert "checksum" in str(caught.value) or "manifest" in str(caught.value)
    with pytest.raises(BadInputError, match="No usable checkpoint"):
        load_generator(directory)

    # training on writes a good one on top
    run_job(trainer.train_job(epochs=5, checkpoint_dir=directory))
    good = load_generator(directory)
    assert good.step == 20
    np.testing.assert_array_equal(sample_grid(good, 4), sample_grid(trainer, 4))


def test_load_generator_refuses_folders_that_are_not_checkpoints(tmp_path, monkeypatch):
    from neurolab.core.gan.trainer import load_generator

    monkeypatch.chdir(tmp_path)  # folders named as typed
    with pytest.raises(BadInputError, match=r"^The checkpoint folder 'nowhere' was not found\.$"):
        load_generator("nowhere")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.png").write_bytes(b"x")
    with pytest.raises(BadInputError, match=r"^'photos' is not a GAN checkpoint folder"):
        load_generator("photos")
    (tmp_path / "file").write_text("x")
    with pytest.raises(BadInputError, match="is not a GAN checkpoint folder"):
        load_generator(tmp_path / "file")


@pytest.mark.slow
def test_resume_opens_the_builtin_data_again(tmp_path):
    from neurolab.core.gan.data import builtin_dataset
    from neurolab.core.gan.trainer import GanTrainer

    data = builtin_dataset(size=32, n=32, seed=1)
    GanTrainer(tiny_config(epochs=1), data).save_checkpoint(tmp_path)
    restored = GanTrainer.from_checkpoint(tmp_path)
    assert restored.dataset is None and restored.dataset_source == data.source
    result = run_job(restored.train_job(epochs=1))
    assert restored.dataset is data and result.steps == 2


@pytest.mark.slow
def test_sampling_interpolation_and_generator_from_checkpoint(tmp_path, trained):
    from neurolab.core.gan.sampling import generate, interpolation_strip, sample_grid, slerp
    from neurolab.core.gan.trainer import load_generator

    trainer = trained[0]
    pictures = generate(trainer, 5, seed=2)
    assert pictures.shape == (5, 32, 32, 3) and pictures.dtype == np.uint8
    np.testing.assert_array_equal(pictures, generate(trainer, 5, seed=2))
    assert not np.array_equal(pictures, generate(trainer, 5, seed=3))
    np.testing.assert_array_equal(sample_grid(trainer), trainer.preview())  # the fixed vectors
    assert sample_grid(trainer, n=9, seed=1).shape == (3 * 34 + 2, 3 * 34 + 2, 3)
    assert sample_grid(trainer, n=6).shape == (2 * 34 + 2, 3 * 34 + 2, 3)  # fixed 4 + 2 more
    strip = interpolation_strip(trainer, steps=8, seed=4)
    assert strip.shape == (34 + 2, 8 * 34 + 2, 3)
    assert interpolation_strip(trainer, steps=5, rows=3, spherical=False).shape == (3 * 34 + 2, 5 * 34 + 2, 3)
    with pytest.raises(BadInputError):
        interpolation_strip(trainer, steps=1)
    a, b = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    np.testing.assert_allclose(slerp(a, b, 0.5), [np.sqrt(0.5)] * 2, atol=1e-6)
    np.testing.assert_allclose(slerp(a, a, 0.3), a)

    trainer.save_checkpoint(tmp_path)
    generator = load_generator(tmp_path)
    assert generator.step == 120 and generator.size == 32
    np.testing.assert_array_equal(sample_grid(generator), sample_grid(trainer))
    np.testing.assert_array_equal(generate(generator, 3, seed=7), generate(trainer, 3, seed=7))


@pytest.mark.slow
def test_metrics_csv(tmp_path, trained):
    from neurolab.core.gan.trainer import save_metrics_csv

    trainer = trained[0]
    path = tmp_path / "metrics.csv"
    save_metrics_csv(trainer.history, path)
    rows = list(csv.DictReader(path.open()))
    assert [int(r["step"]) for r in rows][:3] == [2, 4, 6] and len(rows) == 60
    assert list(rows[0]) == ["step", "epoch", "g_loss", "d_loss", "d_real", "d_fake", "time"]
    assert float(rows[1]["g_loss"]) == pytest.approx(trainer.history[1]["g_loss"])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    with pytest.raises(BadInputError, match="does not exist"):
        save_metrics_csv(trainer.history, tmp_path / "missing" / "m.csv")


def test_data_of_the_wrong_size_and_no_data():
    from neurolab.core.gan.trainer import GanTrainer

    with pytest.raises(BadInputError, match="are 32 px but this GAN draws 64 px"):
        GanTrainer(tiny_config(size=64), blob_dataset(n=4))
    trainer = GanTrainer(tiny_config())
    with pytest.raises(BadInputError, match="no pictures"):
        run_job(trainer.train_job())


MIRRORED = textwrap.dedent("""
    import os, sys
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    import numpy as np, tensorflow as tf
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    sys.path.insert(0, sys.argv[1])
    from neurolab.core.gan.config import GanConfig
    from neurolab.core.gan.sampling import sample_grid
    from neurolab.core.gan.trainer import GanTrainer
    from neurolab.core.gan.data import GanDataset
    from neurolab.core.jobs import run_job
    images = np.random.default_rng(0).integers(0, 256, (32, 32, 32, 3), dtype=np.uint8)
    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    config = GanConfig(batch_size=16, latent_dim=16, width=8, samples=4, epochs=2)
    trainer = GanTrainer(config, GanDataset(images, "noise"), strategy=strategy)
    result = run_job(trainer.train_job(checkpoint_dir=sys.argv[2]))
    assert result.steps == 4 and trainer.step_traces == 1, (result.steps, trainer.step_traces)
    assert np.isfinite([result.history[-1][k] for k in ("g_loss", "d_loss", "d_real", "d_fake")]).all()
    again = GanTrainer.from_checkpoint(sys.argv[2], GanDataset(images, "noise"), strategy=strategy)
    assert np.array_equal(sample_grid(again), sample_grid(trainer))
    print("replicas", strategy.num_replicas_in_sync)
""")


@pytest.mark.slow
def test_mirrored_strategy_path_on_two_logical_cpus(tmp_path):
    """The multi-GPU code path (strategy.run per replica slice, reduce), on two logical CPUs."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": ""}
    done = subprocess.run([sys.executable, "-c", MIRRORED, str(root), str(tmp_path / "ckpt")],
                          capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "replicas 2" in done.stdout
