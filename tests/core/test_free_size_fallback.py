"""Layers that cannot run in the any-size traced pass (bilinear up-sampling, as in HED edge
nets): computed eagerly at the image's own size with a notice; a layer that fails everywhere
gets its own sentence and the others their values."""

from __future__ import annotations

import numpy as np
import pytest

from tests.edge_net import AFTER_UPSAMPLING, UPSAMPLING, hed_like
from tests.helpers import loaded_model, photo


@pytest.fixture(scope="module")
def edge_net():
    return loaded_model(hed_like())


@pytest.fixture(scope="module")
def extractor(edge_net):
    from neurolab.core.inspection.activations import ActivationExtractor

    return ActivationExtractor(edge_net)


def keras_at_size(edge_net, key, image):
    """Raw Keras: the same layers and weights built for the image's size, a sub-model to ``key``."""
    import keras

    height, width = image.shape[:2]
    same = hed_like((height, width, 3))
    same.set_weights(edge_net.model.get_weights())
    sub = keras.Model(same.input, same.get_layer(key).output)
    return np.asarray(sub(edge_net.preprocess(image.astype("float32")[None])))[0]


def test_every_layer_of_an_edge_net_at_a_free_size_equals_keras(edge_net, extractor):
    image = photo(80, 100, seed=4)
    result = extractor.compute(image)
    assert list(result.activations) == extractor.layer_keys and not result.failures
    for key in extractor.layer_keys[1:]:
        np.testing.assert_allclose(result[key], keras_at_size(edge_net, key, image),
                                   rtol=1e-4, atol=1e-5, err_msg=key)
    assert result["edges"].shape == (80, 100, 1)
    assert result.native_keys == [] and result.native_image is None  # nothing resized


def test_the_layers_after_the_upsampling_are_named_in_a_whole_sentence(extractor):
    result = extractor.compute(photo(72, 56))
    assert extractor.untraceable == list(AFTER_UPSAMPLING)
    assert set(extractor.untraceable_causes) == set(UPSAMPLING)
    assert result.eager_keys == list(AFTER_UPSAMPLING)
    assert result.eager_notice in result.notices
    assert result.eager_notice.startswith("up2, up3 cannot run in TensorFlow's traced pass")
    assert "OperatorNotAllowedInGraphError: Using a symbolic `tf.Tensor` as a Python `bool` is not " \
           "allowed." in result.eager_notice
    assert result.eager_notice.endswith("at the image's own size, 56×72.")
    assert "\n" not in result.eager_notice and "\x1b" not in result.eager_notice
    assert result.to_json(layer="up2")["eager"] is True
    assert result.to_json(layer="conv3")["eager"] is False


def test_layers_before_the_upsampling_stay_in_the_traced_pass(extractor):
    result = extractor.compute(photo(40, 48), ["conv2", "side3"])
    assert not result.eager_keys and not result.notices
    assert result["side3"].shape == (10, 12, 1)


def test_one_upsampling_layer_alone_is_computed(edge_net, extractor):
    image = photo(48, 40, seed=7)
    result = extractor.compute(image, ["up3"])
    assert result.eager_keys == ["up3"]
    np.testing.assert_allclose(result["up3"], keras_at_size(edge_net, "up3", image), rtol=1e-4, atol=1e-5)


def test_sides_that_do_not_line_up_at_the_image_size_are_computed_at_native_size(extractor):
    """70×90 is not a multiple of 4: up3 gives 68×88, which Concatenate cannot join with 70×90."""
    result = extractor.compute(photo(70, 90))
    assert result.eager_keys == ["up2", "up3"] and result["up3"].shape == (68, 88, 1)
    assert result.native_keys == ["concat", "fuse", "edges"] and result["edges"].shape == (64, 64, 1)
    assert result.native_notice == "concat, fuse, edges: needs the model's input size, so the image was " \
                                   "resized to 64×64 for it."
    assert not result.failures


def test_at_native_size_every_layer_takes_the_traced_pass(extractor):
    result = extractor.compute(photo(90, 120), native_size=True)
    assert not result.eager_keys and not result.notices and not result.failures
    assert result["edges"].shape == (64, 64, 1)


def test_a_layer_that_fails_everywhere_gets_its_sentence_and_the_others_their_values():
    from neurolab.core.inspection.activations import ActivationExtractor

    extractor = ActivationExtractor(loaded_model(hed_like(broken=True)))
    for native_size in (False, True):
        result = extractor.compute(photo(80, 100), native_size=native_size)
        assert set(result.activations) == set(extractor.layer_keys) - {"broken"}
        assert result.failures == {"broken": "broken could not be computed: ValueError: This layer is "
                                             "broken on purpose."}
        assert result.to_json()["failures"] == result.failures
    assert "broken" not in result.eager_notice


def test_tensorflow_reason_is_the_line_that_says_what_went_wrong():
    from neurolab.core.inspection.activations import tensorflow_reason

    class OperatorNotAllowedInGraphError(Exception):
        pass

    message = ("in user code:\n\n    File \"x.py\", line 3, in forward  *\n        return f(x)\n\n"
               "    OperatorNotAllowedInGraphError: Exception encountered when calling UpSampling2D.call().\n"
               "    \n    \x1b[1mUsing a symbolic `tf.Tensor` as a Python `bool` is not allowed. You can "
               "attempt the following resolutions.\x1b[0m\n")
    assert tensorflow_reason(OperatorNotAllowedInGraphError(message)) == (
        "OperatorNotAllowedInGraphError: Using a symbolic `tf.Tensor` as a Python `bool` is not allowed.")
    assert tensorflow_reason(ValueError("")) == "ValueError"
    concat = ("{{function_node __wrapped__ConcatV2_N_3_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
              "ConcatOp : Dimension 1 in both shapes must be equal: shape[0] = [1,70,90,1] vs. shape[2] = "
              "[1,68,88,1] [Op:ConcatV2] name: concat")
    assert tensorflow_reason(ValueError(concat)) == "ValueError: " + concat[concat.index("ConcatOp"):]
