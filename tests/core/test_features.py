"""Feature visualisation, class images and deep dream on filters whose preferred input is
known by construction (tests/explain_models.py's colour detector, an edge detector here)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from neurolab.core.errors import BadInputError
from neurolab.core.features.config import DreamConfig, FeatureConfig
from neurolab.core.features.jobs import (
    class_images_job,
    dream,
    features,
    features_job,
    octave_sizes,
    parse_channels,
)
from neurolab.core.jobs import run_job
from tests.explain_models import loaded as explain_loaded
from tests.explain_models import red_detector
from tests.features_models import edge_loaded as _edge_loaded

QUICK = FeatureConfig(size=32, steps=48, learning_rate=0.3)


def _stripes(images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How much each image changes going down and going right (mean |difference| of grey)."""
    grey = images.astype(np.float64).mean(axis=-1)
    return np.abs(np.diff(grey, axis=1)).mean(axis=(1, 2)), np.abs(np.diff(grey, axis=2)).mean(axis=(1, 2))


def _mean_colour(image: np.ndarray) -> np.ndarray:
    return image.reshape(-1, 3).astype(np.float64).mean(axis=0)


@pytest.mark.parametrize("nested", [False, True])
def test_a_colour_filter_wants_its_colour(nested):
    loaded = explain_loaded(red_detector(nested=nested))
    layer = "trunk/redness" if nested else "redness"
    result = features(loaded, layer, config=QUICK)
    assert result.images.shape == (2, 32, 32, 3) and result.channels == [0, 1]
    red, green = _mean_colour(result.images[0]), _mean_colour(result.images[1])
    assert red[0] > 140 and red[0] > red[1] + 100 and red[0] > red[2] + 100, red
    assert green[1] > 100 and green[1] > green[0] + 60 and green[1] > green[2] + 60, green
    assert result.values[0] > 0.2 and result.values[1] > 0.1


def test_an_edge_filter_wants_stripes_of_its_orientation():
    loaded = _edge_loaded()
    result = features(loaded, "edge_relu", config=QUICK)
    across_rows, across_columns = _stripes(result.images)
    assert across_rows[0] > 1.8 * across_columns[0], (across_rows, across_columns)  # horizontal stripes
    assert across_columns[1] > 1.8 * across_rows[1], (across_rows, across_columns)  # vertical stripes


def test_class_images_raise_their_logit():
    result = run_job(class_images_job(_edge_loaded(), [1, 0], QUICK))
    assert result.layer is None and result.labels == ["vertical", "horizontal"]
    assert result.images.shape[1:3] == (32, 32)
    across_rows, across_columns = _stripes(result.images)
    assert across_columns[0] > 1.8 * across_rows[0] and across_rows[1] > 1.8 * across_columns[1]
    assert result.to_json()["kind"] == "classes"


def test_seeded_and_the_same_alone_or_with_its_layer():
    loaded = _edge_loaded()
    config = FeatureConfig(size=24, steps=6, seed=3)
    both = features(loaded, "edge_relu", config=config)
    again = features(loaded, "edge_relu", config=config)
    alone = features(loaded, "edge_relu", [1], config=config)
    np.testing.assert_array_equal(both.images, again.images)
    assert np.abs(alone.images[0].astype(int) - both.images[1].astype(int)).max() <= 2
    other = features(loaded, "edge_relu", config=FeatureConfig(size=24, steps=6, seed=4))
    assert not np.array_equal(other.images, both.images)


def test_the_same_request_again_comes_from_the_cache():
    from neurolab.core.features.jobs import clear_cache

    loaded = _edge_loaded()
    config = FeatureConfig(size=20, steps=3, seed=11)
    clear_cache()
    first = features(loaded, "edge_relu", [1], config=config)
    events = []
    again = run_job(features_job(loaded, "edge_relu", [1], config), events.append)
    assert again is first and len(events) == 1, "only the 'preparing' event: nothing grown again"
    assert features(loaded, "edge_relu", [1], config=FeatureConfig(size=20, steps=3, seed=12)) is not first


def test_one_trace_serves_every_size_and_channel_count():
    from neurolab.core.features.network import feature_network

    loaded = _edge_loaded()
    features(loaded, "edge_relu", config=FeatureConfig(size=16, steps=2))
    net = feature_network(loaded)
    traced = net.traces
    for size, channels in ((24, [0]), (40, [1, 0]), (17, None)):
        result = features(loaded, "edge_relu", channels, config=FeatureConfig(size=size, steps=2))
        assert result.images.shape[1:3] == (size, size)
    assert net.traces == traced


def test_deep_dream_keeps_the_photo_size():
    loaded = _edge_loaded()
    photo = np.random.default_rng(0).integers(0, 256, (37, 53, 3), dtype=np.uint8)
    result = dream(loaded, photo, DreamConfig(octaves=3, steps=3, layers=("edge_relu", "edges")))
    assert result.image.shape == photo.shape and result.image.dtype == np.uint8
    assert [tuple(s) for s in result.octave_sizes][-1] == (53, 37)
    assert not np.array_equal(result.image, photo)
    assert result.to_json(image="x.png")["image_size"] == [53, 37]
    assert octave_sizes(100, 200, 3, 2.0) == [(25, 50), (50, 100), (100, 200)]


def test_cancel_answers_within_a_second():
    loaded = _edge_loaded()
    job = features_job(loaded, "edge_relu", config=FeatureConfig(size=64, steps=500))
    next(job)
    next(job)  # the first step traces
    clock = time.perf_counter()
    for _ in range(3):
        event = next(job)
        assert time.perf_counter() - clock < 1.0
        clock = time.perf_counter()
    job.close()  # what Cancel does
    assert event.step < 500


def test_a_slow_moment_splits_the_batch_and_a_free_one_joins_it_again(monkeypatch):
    """A call slower than STEP_SECONDS splits the next steps into smaller batches (Cancel stays
    quick); once calls are fast again the whole layer is one batch again."""
    from neurolab.core.features import jobs

    job = features_job(_edge_loaded(), "edge_relu", config=FeatureConfig(size=16, steps=12))
    steps = [next(job).step for _ in range(4)]  # preparing, step 0, steps 1 and 2 (2 channels each)
    assert steps == [0, 0, 1, 2]
    monkeypatch.setattr(jobs, "STEP_SECONDS", 1e-9)  # every call is "slow": one image a call
    slow = [next(job).step for _ in range(5)]
    assert slow == [3, 4, 4, 5, 5], slow  # step 3 still whole (the pace is read after a call), then split
    monkeypatch.setattr(jobs, "STEP_SECONDS", 60.0)  # free again
    fast = [next(job).step for _ in range(4)]
    assert fast == [6, 6, 7, 8], fast  # step 6's first image sets the pace: then one call a step
    job.close()


@pytest.mark.parametrize("layer, words", [("nope", "No layer called 'nope'"),
                                          ("image", "no filters or units to visualise")])
def test_a_bad_layer_is_a_sentence(layer, words):
    loaded = _edge_loaded()
    with pytest.raises(BadInputError, match=words):
        features(loaded, layer, config=QUICK)


def test_bad_settings_are_sentences():
    with pytest.raises(BadInputError, match="steps must be between"):
        FeatureConfig(steps=0).check()
    with pytest.raises(BadInputError, match="Channel 5 does not exist"):
        parse_channels("0,5", 3)
    with pytest.raises(BadInputError, match="Channels must be numbers"):
        parse_channels("red", 3)
    assert parse_channels("all", 3) == [0, 1, 2] and parse_channels("2,0-1", 3) == [2, 0, 1]
    with pytest.raises(BadInputError, match="at least one layer"):
        DreamConfig().check()


def test_a_layer_after_a_flatten_is_visualised_at_the_input_size():
    import keras

    from tests.helpers import loaded_model

    image = keras.Input((12, 10, 3))
    flat = keras.layers.Flatten(name="flat")(keras.layers.Conv2D(2, 3, name="conv")(image))
    loaded = loaded_model(keras.Model(image, keras.layers.Dense(3, name="dense")(flat)))
    result = features(loaded, "dense", [2, 0], config=FeatureConfig(size=20, steps=2))
    assert result.images.shape == (2, 12, 10, 3) and "input size" in result.notices[0]
    assert features(loaded, "conv", config=FeatureConfig(size=20, steps=2)).images.shape == (2, 20, 20, 3)


def test_a_large_photo_dreams_a_tile_at_a_time(monkeypatch):
    from neurolab.core.features import jobs

    monkeypatch.setattr(jobs, "DREAM_TILE", 16)
    loaded = _edge_loaded()
    photo = np.random.default_rng(1).integers(0, 256, (40, 50, 3), dtype=np.uint8)
    job = jobs.dream_job(loaded, photo, DreamConfig(octaves=1, steps=2, layers=("edge_relu",)))
    events = []
    result = run_job(job, events.append)
    assert result.image.shape == photo.shape and not np.array_equal(result.image, photo)
    assert len(events) >= 2 * 12, "an event after each of the 3×4 tiles of each step"
