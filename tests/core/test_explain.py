"""Explanations (core/explain): every method finds what a network was built to look at.

The networks are hand-set (tests/explain_models.py): a red detector whose answer is known
by construction, flat and with its trunk nested. Grad-CAM is also checked against the
keras.io example's own computation, written out here.
"""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.errors import BadInputError
from tests.explain_models import PATCH_COLUMNS, PATCH_ROWS, loaded, red_detector, red_photo

METHODS = ("gradcam", "gradcam++", "saliency", "smoothgrad", "occlusion", "rise")
SETTINGS = {"smoothgrad": {"samples": 8}, "occlusion": {"patch": 6, "stride": 3},
            "rise": {"masks": 1000, "cells": 4}}


@pytest.fixture(scope="module")
def flat():
    return loaded(red_detector())


@pytest.fixture(scope="module")
def nested():
    return loaded(red_detector(nested=True))


def _explain(model, method, image=None, **options):
    from neurolab.core.explain.config import ExplainConfig
    from neurolab.core.explain.methods import explain

    config = ExplainConfig(method=method, **{**SETTINGS.get(method, {}), **options.pop("config", {})})
    return explain(model, red_photo() if image is None else image, config, **options)


def _peak(values: np.ndarray) -> tuple[int, int]:
    return tuple(int(v) for v in np.unravel_index(np.argmax(values), values.shape))


def _inside_patch(point) -> bool:
    row, column = point
    return PATCH_ROWS[0] <= row < PATCH_ROWS[1] and PATCH_COLUMNS[0] <= column < PATCH_COLUMNS[1]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("which", ["flat", "nested"])
def test_every_method_peaks_inside_the_red_patch_at_the_photos_own_size(method, which, request):
    model = request.getfixturevalue(which)
    result = _explain(model, method)
    assert result.label == "red"
    assert result.map.shape == (48, 64), "the map is at the photo's own height × width"
    assert result.input_map.shape == (32, 32), "and at the network's input size"
    assert _inside_patch(_peak(result.map)), f"{method} peaks at {_peak(result.map)}"
    assert [p.label for p in result.top] == ["red", "other", "green"], "the photo's own classes"
    assert sum(p.probability for p in result.top) == pytest.approx(1.0)
    # Inside the patch the map is well above the grey background's average.
    inside = result.map[slice(*PATCH_ROWS), slice(*PATCH_COLUMNS)].mean()
    outside = np.ma.masked_array(result.map, mask=np.zeros_like(result.map, bool))
    outside.mask[slice(*PATCH_ROWS), slice(*PATCH_COLUMNS)] = True
    assert inside > outside.mean() + 0.25 * (result.high - result.low)


def test_grad_cam_chooses_the_last_map_layer_also_inside_a_nested_trunk(flat, nested):
    assert _explain(flat, "gradcam").layer == "features"
    assert _explain(nested, "gradcam").layer == "trunk/features"
    assert _explain(nested, "gradcam", config={"layer": "trunk/redness"}).layer == "trunk/redness"


def make_gradcam_heatmap(img_array, model, last_conv_layer_name, pred_index=None):
    """The keras.io Grad-CAM example's function (fchollet, "Grad-CAM class activation
    visualization"), as published; the model's last layer has no softmax (the example sets
    ``model.layers[-1].activation = None``)."""
    import keras
    import tensorflow as tf

    grad_model = keras.models.Model(
        model.inputs, [model.get_layer(last_conv_layer_name).output, model.output]
    )
    with tf.GradientTape() as tape:
        last_conv_layer_output, preds = grad_model(img_array)
        if pred_index is None:
            pred_index = tf.argmax(preds[0])
        class_channel = preds[:, pred_index]
    grads = tape.gradient(class_channel, last_conv_layer_output)
    pooled_grads = tf.reduce_mean(grads, axis=(0, 1, 2))
    last_conv_layer_output = last_conv_layer_output[0]
    heatmap = last_conv_layer_output @ pooled_grads[..., tf.newaxis]
    heatmap = tf.squeeze(heatmap)
    heatmap = tf.maximum(heatmap, 0) / tf.math.reduce_max(heatmap)
    return heatmap.numpy()


@pytest.mark.parametrize("layer", ["conv2", "relu1"])
def test_grad_cam_equals_the_keras_io_example(layer):
    import keras

    from neurolab.core.models.classify import model_input
    from tests.helpers import loaded_model, photo, small_cnn

    model = small_cnn((32, 32, 3), classes=4, seed=3)
    ours = loaded_model(model)
    image = photo(40, 56, seed=5)
    # The example's model: the same weights, the last layer linear (here: the logits layer).
    linear = keras.Model(model.inputs, model.get_layer("fc").output)
    compared = 0
    for cls in range(4):
        reference = make_gradcam_heatmap(ours.preprocess(model_input(ours, image)), linear, layer, cls)
        if not np.isfinite(reference).all() or reference.max() <= 0:
            continue  # every weighted channel negative: the example divides by zero (or by < 0)
        compared += 1
        result = _explain(ours, "gradcam", image=image, config={"layer": layer}, class_index=cls)
        mine = result.layer_map / result.layer_map.max()
        error = np.abs(mine - reference).max() / np.abs(reference).max()
        assert error <= 1e-4, f"class {cls}: max rel. error {error:.2e}"
    assert compared >= 2


def test_bad_class_and_bad_layer_are_sentences(flat):
    with pytest.raises(BadInputError, match="Class 7 does not exist: the model has 3 classes"):
        _explain(flat, "gradcam", class_index=7)
    with pytest.raises(BadInputError, match="No layer called 'nope' in red_detector"):
        _explain(flat, "gradcam", config={"layer": "nope"})
    with pytest.raises(BadInputError, match="gap gives 2 values"):
        _explain(flat, "gradcam", config={"layer": "gap"})
    with pytest.raises(BadInputError, match="Unknown method 'lime'"):
        _explain(flat, "lime")
    with pytest.raises(BadInputError, match="samples must be between 1 and 500"):
        _explain(flat, "smoothgrad", config={"samples": 0})


def test_a_chosen_class_is_explained_and_results_are_cached(flat):
    green = _explain(flat, "occlusion", class_index=1)
    assert green.label == "green" and green.class_index == 1
    assert _explain(flat, "occlusion", class_index=1) is green, "the same request is answered from the cache"
    assert _explain(flat, "occlusion", class_index=1, config={"stride": 2}) is not green
    answer = _explain(flat, "saliency")
    assert _explain(flat, "saliency") is answer, "the network's answer too"
    assert _explain(flat, "saliency", class_index=answer.class_index) is answer, "and by its number"


def test_batched_methods_report_progress_and_stop_between_batches(flat):
    from neurolab.core.explain.config import ExplainConfig
    from neurolab.core.explain.methods import clear_cache, explain_job

    clear_cache()
    job = explain_job(flat, red_photo(), ExplainConfig(method="rise", masks=400, seed=9))
    events = [next(job) for _ in range(3)]
    assert events[-1].step > 0 and events[-1].total == 400
    job.close()  # what the window's Cancel does between two yields
    clear_cache()
    job = explain_job(flat, red_photo(), ExplainConfig(method="smoothgrad", samples=20))
    steps = []
    while True:
        try:
            steps.append(next(job).step)
        except StopIteration:
            break
    assert steps[-1] == 20 and len(steps) > 2


def test_json_names_class_layer_method_and_the_maps_range(flat):
    result = _explain(flat, "gradcam")
    payload = result.to_json(model="red_detector", image="red.png")
    assert payload["method"] == "gradcam" and payload["class"] == "red" and payload["layer"] == "features"
    assert payload["min"] == pytest.approx(float(result.map.min()))
    assert payload["max"] == pytest.approx(float(result.map.max()))
    assert payload["image_size"] == [64, 48] and payload["map_size"] == [32, 32]
    assert payload["model"] == "red_detector"
    picture = result.overlay(red_photo(), opacity=0.8, colour_map="cividis")
    assert picture.shape == (48, 64, 3) and picture.dtype == np.uint8


def test_occlusion_squares_cover_every_pixel():
    from neurolab.core.explain.methods import occlusion_positions

    assert occlusion_positions(32, 8, 4) == [0, 4, 8, 12, 16, 20, 24]
    assert occlusion_positions(30, 8, 4)[-1] == 22
    assert occlusion_positions(5, 8, 4) == [0]


@pytest.mark.slow
def test_teachable_machine_export_is_explained(wild_models):
    from neurolab.core.explain.config import ExplainConfig
    from neurolab.core.explain.methods import explain
    from neurolab.core.models.catalog import load_model_file

    model = load_model_file(wild_models["teachable_machine"])
    image = red_photo(120, 160)
    for method in ("gradcam", "gradcam++"):
        result = explain(model, image, ExplainConfig(method=method))
        assert result.layer.startswith("sequential_1/model1/"), result.layer
        assert result.map.shape == (120, 160) and np.isfinite(result.map).all()
    result = explain(model, image, ExplainConfig(method="saliency"))
    assert result.high > 0


def test_smoothgrad_does_not_depend_on_how_its_copies_were_batched(flat, monkeypatch):
    from neurolab.core.explain import methods

    first = _explain(flat, "smoothgrad", config={"samples": 12, "seed": 4})
    methods.clear_cache()
    monkeypatch.setattr(methods, "FIRST_BATCH", 8)
    monkeypatch.setattr(methods, "BATCH_SECONDS", 1e-9)  # then batches of 4
    second = _explain(flat, "smoothgrad", config={"samples": 12, "seed": 4})
    assert second is not first
    np.testing.assert_allclose(second.map, first.map, rtol=1e-5, atol=1e-7)


def test_the_cache_keeps_a_bounded_number_of_bytes(flat, monkeypatch):
    from neurolab.core.explain import methods

    methods.clear_cache()
    monkeypatch.setattr(methods, "CACHE_BYTES", 20_000)  # one result: 48×64 + 32×32 float32 maps
    for cls in range(3):
        _explain(flat, "saliency", class_index=cls)
    assert len({id(r) for r in methods._CACHE.values()}) == 1, "only the newest fits"
