"""Any-size activations: shapes follow convolution arithmetic, values match Keras."""

from __future__ import annotations

import numpy as np
import pytest

from tests.helpers import loaded_model, photo, small_cnn


@pytest.fixture(scope="module")
def gap_model():
    return loaded_model(small_cnn())


@pytest.fixture(scope="module")
def extractor(gap_model):
    from neurolab.core.inspection.activations import ActivationExtractor

    return ActivationExtractor(gap_model)


def keras_reference(loaded, key, image):
    """A plain Keras sub-model at the model's own input size."""
    import keras

    sub = keras.Model(loaded.model.inputs, loaded.model.get_layer(key).output)
    return np.asarray(sub(loaded.preprocess(image.astype("float32")[None]), training=False))[0]


def test_native_size_equals_plain_keras_submodel(gap_model, extractor):
    image = photo(32, 32)
    for key in ("conv1", "pool1", "bn2", "relu2", "gap", "prob"):
        ours = extractor.compute(image, [key], native_size=True)[key]
        np.testing.assert_allclose(ours, keras_reference(gap_model, key, image), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("height,width", [(96, 128), (33, 47), (200, 64)])
def test_any_size_shapes_follow_convolution_arithmetic(extractor, height, width):
    result = extractor.compute(photo(height, width))
    assert result["conv1"].shape == (height, width, 8)  # 'same' padding, stride 1
    pooled = (height // 2, width // 2)
    assert result["pool1"].shape == (*pooled, 8)
    conv2 = ((pooled[0] - 3) // 2 + 1, (pooled[1] - 3) // 2 + 1)  # valid, stride 2
    assert result["conv2"].shape == (*conv2, 16)
    assert result["gap"].shape == (16,)
    assert result["prob"].shape == (4,)
    assert result.scale == 1.0 and not result.notices


def test_larger_image_is_the_same_filters_applied_everywhere(gap_model, extractor):
    """conv1 of a big image, cropped, equals conv1 of the crop (away from borders)."""
    big = photo(80, 80, seed=3)
    crop = big[20:52, 20:52]
    whole = extractor.compute(big, ["conv1"])["conv1"]
    part = extractor.compute(crop, ["conv1"])["conv1"]
    np.testing.assert_allclose(whole[21:51, 21:51], part[1:31, 1:31], rtol=1e-4, atol=1e-4)


def test_flatten_models_mark_native_only_layers_and_resize_for_them():
    from neurolab.core.inspection.activations import ActivationExtractor

    loaded = loaded_model(small_cnn(flatten=True))
    extractor = ActivationExtractor(loaded)
    assert extractor.native_only == ["flat", "fc", "prob"]
    result = extractor.compute(photo(64, 90), ["conv1", "fc"])
    assert result["conv1"].shape == (64, 90, 8)
    assert result["fc"].shape == (4,)
    np.testing.assert_allclose(result["fc"], keras_reference(loaded, "fc", result.native_image),
                               rtol=1e-5, atol=1e-5)
    assert any("32×32" in notice for notice in result.notices)


def test_one_pass_computes_every_layer_in_graph_order(extractor):
    result = extractor.compute(photo(40, 40))
    assert list(result.activations) == extractor.layer_keys
    assert extractor.layer_keys[0] == "data"


def test_memory_budget_scales_big_images_down_and_says_so(gap_model):
    from neurolab.core.inspection.activations import ActivationExtractor

    small_budget = ActivationExtractor(gap_model, memory_budget=2_000_000)
    result = small_budget.compute(photo(400, 600))
    assert result.scale < 1.0
    assert result.input_image.shape[0] < 400
    assert any("scaled down" in notice and "600×400" in notice for notice in result.notices)
    total = sum(a.nbytes for a in result.activations.values())
    assert total <= 2_000_000


def test_new_image_sizes_do_not_retrace(extractor):
    forward = extractor.function(("conv2",), False)
    for height, width in [(50, 60), (70, 30), (128, 128), (31, 99)]:
        extractor.compute(photo(height, width), ["conv2"])
    assert forward.experimental_get_tracing_count() == 1


def test_tiny_image_falls_back_to_native_size(extractor):
    result = extractor.compute(photo(3, 3), ["conv2"])
    assert result["conv2"].shape == (7, 7, 16)
    assert result.notices


def test_nested_model_layers_are_reachable():
    import keras

    from neurolab.core.inspection.activations import ActivationExtractor

    backbone = small_cnn(classes=4)
    inner = keras.Model(backbone.inputs, backbone.get_layer("relu2").output, name="backbone")
    outer = keras.Sequential([keras.Input((32, 32, 3)), inner, keras.layers.GlobalAveragePooling2D(name="gap"),
                              keras.layers.Dense(3, name="head")], name="outer")
    extractor = ActivationExtractor(loaded_model(outer))
    assert "backbone/conv1" in extractor.layer_keys
    result = extractor.compute(photo(48, 64), ["backbone/conv1", "head"])
    assert result["backbone/conv1"].shape == (48, 64, 8)
    assert result["head"].shape == (3,)
    native = extractor.compute(photo(32, 32), ["backbone/conv2"], native_size=True)["backbone/conv2"]
    sub = keras.Model(inner.inputs, inner.get_layer("conv2").output)
    expected = np.asarray(sub(photo(32, 32).astype("float32")[None] / 255.0))[0]
    np.testing.assert_allclose(native, expected, rtol=1e-5, atol=1e-5)


def test_unknown_layer_is_a_bad_input(extractor):
    from neurolab.core.errors import BadInputError

    with pytest.raises(BadInputError, match="no layer called 'nope'"):
        extractor.compute(photo(), ["nope"])


def test_grey_models_get_luminance():
    from neurolab.core.inspection.activations import ActivationExtractor

    extractor = ActivationExtractor(loaded_model(small_cnn((28, 28, 1))))
    result = extractor.compute(photo(28, 28), ["conv1"])
    assert result["conv1"].shape == (28, 28, 8)


def test_an_image_at_the_model_size_takes_one_pass_for_every_layer():
    from neurolab.core.inspection.activations import ActivationExtractor

    extractor = ActivationExtractor(loaded_model(small_cnn(flatten=True)))
    result = extractor.compute(photo(32, 32))
    assert list(extractor._functions) == [(tuple(extractor.layer_keys), True)]
    assert not result.notices and result["fc"].shape == (4,)


def test_small_image_sizes_are_traced_once_each():
    from neurolab.core.inspection.activations import ActivationExtractor

    extractor = ActivationExtractor(loaded_model(small_cnn()))
    extractor.compute(photo(20, 24), ["conv2"])
    extractor.compute(photo(20, 24, seed=5), ["conv2"])
    assert list(extractor._fits_cache) == [(20, 24)]
