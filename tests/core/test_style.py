"""Neural style transfer: losses against NumPy, the job's behaviour, the offline backbone."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.jobs import run_job
from tests.helpers import photo


def stripes(height: int = 64, width: int = 64) -> np.ndarray:
    y, x = np.mgrid[0:height, 0:width]
    image = np.stack([128 + 127 * np.sin(x / 3.0), 128 + 127 * np.sin(y / 4.0),
                      128 + 127 * np.cos((x + y) / 5.0)], axis=-1)
    return image.astype(np.uint8)


def np_gram(features: np.ndarray) -> np.ndarray:
    b, h, w, c = features.shape
    flat = features.reshape(b, h * w, c)
    return np.einsum("bpc,bpd->bcd", flat, flat) / (h * w)


def small(**kw):
    from neurolab.core.style.transfer import StyleConfig

    base = dict(steps=12, size=72, preview_every=4, backbone="random")
    base.update(kw)
    return StyleConfig(**base)


def test_gram_and_losses_match_numpy():
    from neurolab.core.style.losses import content_loss, gram_matrix, style_loss, total_variation_loss

    rng = np.random.default_rng(0)
    a = rng.normal(size=(1, 5, 7, 4)).astype(np.float32)
    b = rng.normal(size=(1, 5, 7, 4)).astype(np.float32)
    c = rng.normal(size=(1, 3, 2, 6)).astype(np.float32)
    d = rng.normal(size=(1, 3, 2, 6)).astype(np.float32)
    np.testing.assert_allclose(gram_matrix(a).numpy(), np_gram(a), rtol=1e-5, atol=1e-6)
    expected_style = (np.mean((np_gram(a) - np_gram(b)) ** 2)
                      + np.mean((np_gram(c) - np_gram(d)) ** 2)) / 2
    got = style_loss([a, c], [np_gram(b), np_gram(d)]).numpy()
    np.testing.assert_allclose(got, expected_style, rtol=1e-5)
    expected_relative = (np.mean((np_gram(a) - np_gram(b)) ** 2) / np.mean(np_gram(b) ** 2)
                         + np.mean((np_gram(c) - np_gram(d)) ** 2) / np.mean(np_gram(d) ** 2)) / 2
    got = style_loss([a, c], [np_gram(b), np_gram(d)], normalize=True).numpy()
    np.testing.assert_allclose(got, expected_relative, rtol=1e-5)
    # normalized: a layer's size does not matter, so scaling one layer's features leaves it alike
    got = style_loss([10 * a, c], [100 * np_gram(b), np_gram(d)], normalize=True).numpy()
    np.testing.assert_allclose(got, expected_relative, rtol=1e-4)
    expected_content = (np.mean((a - b) ** 2) + np.mean((c - d) ** 2)) / 2
    np.testing.assert_allclose(content_loss([a, c], [b, d]).numpy(), expected_content, rtol=1e-5)
    image = rng.uniform(size=(1, 6, 9, 3)).astype(np.float32)
    tv = (np.abs(np.diff(image, axis=1)).sum() + np.abs(np.diff(image, axis=2)).sum()) / (6 * 9)
    np.testing.assert_allclose(total_variation_loss(image).numpy(), tv, rtol=1e-5)


def test_loss_falls_smoothly_and_result_keeps_aspect_and_differs():
    from neurolab.core.style.transfer import StyleResult, style_transfer_job

    content = photo(60, 90)
    events = []
    result = run_job(style_transfer_job(content, stripes(), small(steps=20, scales=(1.0,))),
                     events.append)
    assert isinstance(result, StyleResult)
    assert len(result.losses) == 20
    assert result.losses[-1] < 0.5 * result.losses[0]
    # no early overshoot (Adam beta_1 = 0.99 made this loss climb back 1.3 % of its start)
    assert np.diff(result.losses).max() < 0.006 * result.losses[0]
    assert result.image.dtype == np.uint8 and result.image.shape == (48, 72, 3)
    styled = [e for e in events if e.preview is not None]
    assert styled and {"loss", "style", "content", "tv", "eta_seconds"} <= set(styled[-1].metrics)
    assert styled[-1].metrics["eta_seconds"] == 0.0
    assert styled[-1].step == 20 and styled[-1].total == 20

    from neurolab.core.images import resize_image
    assert np.abs(result.image.astype(float) - resize_image(content, (72, 48))).mean() > 3.0


def test_coarse_to_fine_and_portrait_size_rule():
    from neurolab.core.style.transfer import steps_per_scale, style_transfer_job

    counts = steps_per_scale(12, (0.25, 0.5, 1.0))
    assert sum(counts) == 12 and 0 < counts[0] < counts[1] < counts[2]  # most at full size
    assert steps_per_scale(200, (0.25, 0.5, 1.0)) == [45, 64, 91]
    assert steps_per_scale(2, (0.25, 0.5, 1.0)) == [0, 1, 1]
    events = []
    result = run_job(style_transfer_job(photo(90, 40), stripes(), small(steps=9, start="noise")),
                     events.append)
    assert result.image.shape == (72, 32, 3)
    sizes = [e.preview.shape[:2] for e in events if e.preview is not None]
    assert sizes[0][0] < sizes[-1][0]  # previews grow coarse to fine
    assert sizes[-1] == (72, 32)
    explicit = run_job(style_transfer_job(photo(90, 40), stripes(),
                                          small(steps=99, scale_steps=(0, 2, 3))))
    assert len(explicit.losses) == 5 and explicit.config.steps == 5
    with pytest.raises(ValueError, match="scale_steps"):
        run_job(style_transfer_job(photo(90, 40), stripes(), small(scale_steps=(2, 3))))


def test_cancel_leaves_latest_preview():
    from neurolab.core.style.transfer import style_transfer_job

    job = style_transfer_job(photo(64, 64), stripes(), small(steps=40, preview_every=2))
    last = None
    for event in job:
        if event.preview is not None:
            last = event
            if event.step >= 6:
                break
    job.close()
    assert last is not None and last.step == 6
    assert last.preview.dtype == np.uint8 and last.preview.ndim == 3
    assert last.preview.shape[2] == 3 and last.preview.max() > 0


def test_same_seed_same_result():
    from neurolab.core.style.transfer import style_transfer_job

    config = small(steps=6, start="noise", seed=3)
    one = run_job(style_transfer_job(photo(50, 70), stripes(), config))
    two = run_job(style_transfer_job(photo(50, 70), stripes(), config))
    np.testing.assert_array_equal(one.image, two.image)
    assert one.losses == two.losses


def test_features_trace_once_for_two_sizes():
    import tensorflow as tf

    from neurolab.core.style.backbones import random_backbone

    backbone = random_backbone(seed=11)
    style, content = backbone.features(tf.zeros([1, 40, 56, 3]))
    backbone.features(tf.zeros([1, 64, 48, 3]))
    assert backbone.features.experimental_get_tracing_count() == 1
    assert len(style) == 4 and len(content) == 1
    assert content[0].shape[1:3] == (10, 14)


def test_offline_picks_random_backbone_and_says_so(offline_keras, tmp_path, monkeypatch):
    from neurolab.core.style import backbones, transfer

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NEUROLAB_WEIGHTS_CACHE", raising=False)
    assert backbones.vgg19_weights_path() is None
    backbone = backbones.choose_backbone()
    assert backbone.name == "random" and "random" in backbone.description
    result = run_job(transfer.style_transfer_job(photo(40, 40), stripes(), small(steps=3, backbone=None)))
    assert result.backbone == "random" and result.config.backbone == "random"
    assert result.config.style_weight == backbones.RANDOM_STYLE_WEIGHT
    from neurolab.core.errors import WeightsUnavailableError
    with pytest.raises(WeightsUnavailableError):
        backbones.vgg19_backbone()


@pytest.mark.slow
def test_cached_vgg19_weights_are_chosen_and_loaded(offline_keras, tmp_path, monkeypatch):
    """A no-top VGG19 weights file in the cache makes VGG19 the backbone, with those weights."""
    import h5py
    import keras
    from keras.src.legacy.saving import legacy_h5_format

    from neurolab.core.style import backbones, transfer

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("NEUROLAB_WEIGHTS_CACHE", str(cache))
    keras.utils.set_random_seed(5)
    reference = keras.applications.VGG19(include_top=False, weights=None)
    with h5py.File(cache / backbones.VGG19_NOTOP_FILE, "w") as handle:
        legacy_h5_format.save_weights_to_hdf5_group(handle, reference)
    backbone = backbones.choose_backbone()
    assert backbone.name == "vgg19"
    np.testing.assert_array_equal(backbone.model.get_layer("block3_conv1").get_weights()[0],
                                  reference.get_layer("block3_conv1").get_weights()[0])
    result = run_job(transfer.style_transfer_job(photo(40, 60), stripes(),
                                                 transfer.StyleConfig(steps=2, size=48, scales=(1.0,))))
    assert result.backbone == "vgg19" and result.image.shape == (32, 48, 3)
    assert result.config.style_weight == 1e-2 and result.config.content_weight == 1e4


def test_one_step_is_adam_on_the_losses_gradient():
    """The step's update is Adam (the backbone's beta_1 and epsilon) on the weighted loss."""
    import tensorflow as tf

    from neurolab.core.style.backbones import random_backbone
    from neurolab.core.style.transfer import _to_float_batch

    backbone = random_backbone(seed=0)
    x = _to_float_batch(photo(24, 32))
    style_targets = backbone.style_targets(_to_float_batch(stripes(24, 24)))
    _, content_targets = backbone.features(_to_float_batch(photo(24, 32, seed=1)))
    weights = [1.0, 0.3, 0.01, 0.02, backbone.adam_epsilon, backbone.adam_beta_1]
    rng = np.random.default_rng(0)
    m = rng.normal(0, 1e-3, x.shape).astype(np.float32)
    v = rng.uniform(0, 1e-6, x.shape).astype(np.float32)
    new_x, new_m, new_v, parts = backbone.step_function(
        x, tf.constant(m), tf.constant(v), tf.constant(3.0), style_targets, content_targets,
        tf.constant(weights))
    with tf.GradientTape() as tape:
        tape.watch(x)
        s, c, tv = backbone.loss_parts(x, style_targets, content_targets)
        loss = s + 0.3 * c + 0.01 * tv
    g = tape.gradient(loss, x).numpy()
    beta_1, beta_2 = backbone.adam_beta_1, 0.999
    m_ref = beta_1 * m + (1 - beta_1) * g
    v_ref = beta_2 * v + (1 - beta_2) * g * g
    step = 0.02 * (m_ref / (1 - beta_1 ** 3)) / (np.sqrt(v_ref / (1 - beta_2 ** 3))
                                                 + backbone.adam_epsilon)
    np.testing.assert_allclose(parts.numpy(), [loss.numpy(), s.numpy(), c.numpy(), tv.numpy()],
                               rtol=1e-5)
    np.testing.assert_allclose(new_m.numpy(), m_ref, rtol=1e-4, atol=1e-9)
    np.testing.assert_allclose(new_v.numpy(), v_ref, rtol=1e-4, atol=1e-12)
    np.testing.assert_allclose(new_x.numpy(), np.clip(x.numpy() - step, 0, 1), atol=1e-5)
    assert backbone.adam_beta_1 == 0.9 and backbone.normalize_style


def test_shapes_backbone_works_and_traces_once():
    """The bundled shapes model's conv layers as a backbone: any size, one trace, loss falls."""
    import tensorflow as tf

    from neurolab.core.style import backbones, transfer

    backbone = backbones.choose_backbone("shapes")
    assert backbone.name == "shapes" and "shapes" in backbone.description
    assert backbone.style_layers == ("colour", "relu1", "relu2", "relu3", "relu4")
    assert backbone.content_layers == ("relu3",)
    assert backbone.style_channels == [3, 16, 32, 64, 128]
    assert backbones.backbone_name("shapes") == "shapes"
    assert set(backbones.BACKBONE_DEFAULTS["shapes"]) == {"style_weight", "content_weight",
                                                      "tv_weight", "learning_rate"}
    s1, c1 = backbone.features(tf.zeros([1, 40, 56, 3]))
    backbone.features(tf.zeros([1, 64, 48, 3]))
    assert backbone.features.experimental_get_tracing_count() == 1
    assert [t.shape[1:3] for t in s1] == [(40, 56), (40, 56), (20, 28), (10, 14), (5, 7)]
    assert c1[0].shape[1:] == (10, 14, 64)
    result = run_job(transfer.style_transfer_job(photo(60, 90), stripes(),
                                                 small(steps=12, backbone="shapes")))
    assert result.backbone == "shapes" and result.image.shape == (48, 72, 3)
    assert result.config.tv_weight == backbones.BACKBONE_DEFAULTS["shapes"]["tv_weight"]
    last = len(result.losses) - transfer.steps_per_scale(12, (0.25, 0.5, 1.0))[-1]
    assert result.losses[-1] < result.losses[last]  # the full-size scale's loss falls
    run_job(transfer.style_transfer_job(photo(50, 30), stripes(), small(steps=3, backbone="shapes")))
    assert backbone.step_function.experimental_get_tracing_count() == 1


def test_model_backbone_refuses_what_it_cannot_use():
    from neurolab.core.style import backbones
    from tests.helpers import loaded_model, small_cnn

    backbone = backbones.model_backbone(loaded_model(small_cnn((32, 32, 3))), name="small")
    # the last layer at each resolution: 32 × 32, 16 × 16 (after pooling), 7 × 7 (strided conv)
    assert backbone.style_layers == ("colour", "relu1", "pool1", "relu2")
    assert backbone.content_layers == ("pool1",)
    assert backbone.style_weight == backbones.BACKBONE_DEFAULTS["shapes"]["style_weight"]
    with pytest.raises(ValueError, match="RGB"):
        backbones.model_backbone(loaded_model(small_cnn((32, 32, 1))))
    with pytest.raises(ValueError, match="unknown style backbone"):
        backbones.backbone_name("vgg16")


def test_eta_is_measured_per_step_and_close_to_the_time_really_left():
    """"about 38 s left" for a run of 22 s: the first step (tracing) no longer counts, and a
    scale not yet reached is timed, not guessed from its pixel count. Measured on a real run:
    after the first steps the ETA is at most twice the time that really remains."""
    import time

    from neurolab.core.style.transfer import style_transfer_job

    seen = []
    job = style_transfer_job(photo(80, 120), stripes(), small(steps=60, size=128, preview_every=5))
    for event in job:
        if event.preview is not None:
            seen.append((time.perf_counter(), event.step, event.metrics.get("eta_seconds")))
    ended = time.perf_counter()
    checked = [(eta, ended - at) for at, step, eta in seen if step >= 10 and ended - at > 0.3]
    assert checked
    for eta, actual in checked:
        assert eta is not None and eta <= 2 * actual + 0.3, (eta, actual)
        assert eta >= actual / 8 - 0.3, (eta, actual)  # loose: other processes may slow the rest


def test_scale_starts_are_reported_where_the_loss_jumps():
    from neurolab.core.style.transfer import steps_per_scale, style_transfer_job

    events = []
    result = run_job(style_transfer_job(photo(60, 90), stripes(), small(steps=12, preview_every=2)),
                     events.append)
    counts = steps_per_scale(12, (0.25, 0.5, 1.0))
    assert [start for start, _, _ in result.scale_starts] == [1, 1 + counts[0],
                                                             1 + counts[0] + counts[1]]
    assert result.scale_starts[-1][1:] == (72, 48)  # width, height of the full size
    shown = {int(e.metrics["scale_start"]) for e in events if e.preview is not None}
    assert shown == {start for start, _, _ in result.scale_starts}
