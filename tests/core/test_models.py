"""Model sources: offline Keras Applications, preprocessing, SqueezeNet, safe file loading."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from neurolab.core.errors import ModelError
from tests.helpers import small_cnn


def test_offline_application_opens_untrained_and_says_so(offline_keras):
    from neurolab.core.models.catalog import UNTRAINED_NOTICE, load_model

    loaded = load_model("mobilenet_v2")
    assert not loaded.pretrained
    assert loaded.notice == UNTRAINED_NOTICE == "untrained — ImageNet weights not downloaded"
    assert loaded.input_shape == (224, 224, 3)
    assert len(loaded.labels) == 1000 and loaded.labels[985] == "daisy"


# What each preprocessing description shown to the student means, in numbers (Keras's
# documented formulas, written out here rather than taken from Keras or from the registry).
CAFFE_MEAN_BGR = np.array([103.939, 116.779, 123.68])
TORCH_MEAN, TORCH_STD = np.array([0.485, 0.456, 0.406]), np.array([0.229, 0.224, 0.225])
MEANING = {
    "pixels scaled to [-1, 1]": lambda rgb: rgb / 127.5 - 1.0,
    "BGR, ImageNet mean subtracted ('caffe')": lambda rgb: rgb[..., ::-1] - CAFFE_MEAN_BGR,
    "raw 0-255 pixels": lambda rgb: rgb,
    "scaled to [0, 1], ImageNet mean/std ('torch')": lambda rgb: (rgb / 255.0 - TORCH_MEAN) / TORCH_STD,
}


@pytest.mark.parametrize("name", ["mobilenet_v2", "vgg16", "vgg19", "resnet50", "efficientnet_b0",
                                  "densenet121", "inception_v3"])
def test_each_application_preprocesses_as_its_description_says(name, offline_keras, monkeypatch):
    """The preprocessing a loaded application applies is the one its description names."""
    import keras

    from neurolab.core.models.catalog import APPLICATIONS, load_application

    spec = APPLICATIONS[name]
    tiny = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.GlobalAveragePooling2D()])
    monkeypatch.setattr(keras.applications, spec.constructor, lambda weights=None: tiny)
    loaded = load_application(name)  # the registry's network, without building it
    pixels = np.random.default_rng(0).uniform(0, 255, (1, 8, 8, 3)).astype("float32")
    expected = MEANING[loaded.preprocessing](pixels.astype("float64"))
    np.testing.assert_allclose(np.asarray(loaded.preprocess(pixels.copy())), expected, rtol=1e-5,
                               atol=1e-4)


def test_squeezenet_from_the_registry_has_the_lab_sheet_shape():
    from neurolab.core.models.catalog import load_model

    loaded = load_model("SqueezeNet")
    assert loaded.model.get_layer("conv1").output.shape[1:] == (113, 113, 64)
    assert loaded.model.count_params() == 1235496
    # torchvision's weights were trained on torch's normalisation, so SqueezeNet is fed that way
    assert loaded.preprocessing_key == "torch"
    assert loaded.preprocessing == "scaled to [0, 1], ImageNet mean/std ('torch')"
    out = loaded.preprocess(np.full((1, 2, 2, 3), 255 * 0.485, dtype="float32"))
    np.testing.assert_allclose(np.asarray(out)[0, 0, 0, 0], 0.0, atol=1e-4)


def test_model_file_loads_with_inferred_preprocessing_and_sidecar_labels(tmp_path):
    import keras

    from neurolab.core.models.catalog import load_model

    inputs = keras.Input((16, 16, 3))
    x = keras.layers.Rescaling(1 / 255.0)(inputs)
    x = keras.layers.Conv2D(2, 3)(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    path = tmp_path / "scaled.keras"
    keras.Model(inputs, keras.layers.Dense(2)(x)).save(path)
    (tmp_path / "scaled.labels.txt").write_text("cat\ndog\n", encoding="utf-8")
    loaded = load_model(str(path))
    assert loaded.source == "file" and loaded.labels == ["cat", "dog"]
    assert "raw 0-255" in loaded.preprocessing


def test_file_without_labels_gets_numbered_classes(tmp_path):
    from neurolab.core.models.catalog import load_model

    path = tmp_path / "m.h5"
    small_cnn().save(path)
    loaded = load_model(str(path))
    assert loaded.labels == ["class 0", "class 1", "class 2", "class 3"]
    assert "[0, 1]" in loaded.preprocessing


def lambda_model_file(tmp_path, canary):
    """A .keras file whose Lambda layer would write ``canary`` if it were ever run."""
    import keras

    inputs = keras.Input((8, 8, 3))
    outputs = keras.layers.Lambda(lambda x: x * 2)(inputs)
    path = tmp_path / "lambda.keras"
    keras.Model(inputs, outputs).save(path)
    return path


def test_lambda_layers_are_refused_by_safe_mode(tmp_path):
    from neurolab.core.models.catalog import load_model

    path = lambda_model_file(tmp_path, tmp_path / "canary")
    with pytest.raises(ModelError, match="Lambda layer.*safe mode"):
        load_model(str(path))


@pytest.mark.parametrize("content,fragment", [
    (b"", "is empty"),
    (b"hello, not a zip", "damaged or not a Keras model"),
    (b"PK\x05\x06" + b"\0" * 18, "damaged or not a Keras model"),
])
def test_broken_keras_files_get_a_sentence(tmp_path, content, fragment):
    from neurolab.core.models.catalog import load_model

    path = tmp_path / "broken.keras"
    path.write_bytes(content)
    with pytest.raises(ModelError) as error:
        load_model(str(path))
    assert fragment in str(error.value) and "broken.keras" in str(error.value)


def test_broken_h5_file_gets_a_sentence(tmp_path):
    from neurolab.core.models.catalog import load_model

    path = tmp_path / "broken.h5"
    path.write_bytes(b"\x89HDF\r\n\x1a\n" + b"garbage" * 10)
    with pytest.raises(ModelError, match="broken.h5"):
        load_model(str(path))


def test_models_without_one_image_input_open_and_say_why_they_take_no_image(tmp_path):
    import keras

    from neurolab.core.models.catalog import load_model

    a, b = keras.Input((4,)), keras.Input((4,))
    two = tmp_path / "two.keras"
    keras.Model([a, b], keras.layers.Add()([a, b])).save(two)
    loaded = load_model(str(two))
    assert loaded.image_input is None and loaded.no_image_reason == "The model takes 2 inputs, not one image."
    vector = tmp_path / "vector.keras"
    keras.Model(a, keras.layers.Dense(2)(a)).save(vector)
    loaded = load_model(str(vector))
    assert loaded.image_input is None and loaded.input_shape == (4,)
    assert loaded.no_image_reason == "The model takes vectors of 4 numbers, not images."


def test_unknown_names_and_missing_files_are_bad_input(tmp_path):
    from neurolab.core.models.catalog import load_model

    with pytest.raises(ModelError, match="neither a model name"):
        load_model("alexnet-ish")
    with pytest.raises(ModelError, match="was not found"):
        load_model(str(tmp_path / "missing.keras"))


def test_weights_only_file_is_explained(tmp_path):
    from neurolab.core.models.catalog import load_model

    path = tmp_path / "only.weights.h5"
    small_cnn().save_weights(path)
    with pytest.raises(ModelError, match="only.weights.h5"):
        load_model(str(path))


def test_registry_lists_the_bundled_model_first_and_the_required_applications():
    from neurolab.core.models.catalog import list_models

    entries = list_models()
    assert entries[0].name == "shapes" and entries[0].bundled and entries[0].ready_offline
    assert entries[0].input_shape == [64, 64, 3] and entries[0].classes >= 8
    assert entries[1].name == "squeezenet"
    assert {"mobilenet_v2", "vgg16", "vgg19", "resnet50", "efficientnet_b0"} <= {e.name for e in entries}
    json.dumps([e.to_json() for e in entries])


def test_keras_zip_config_is_what_keras_reads(tmp_path):
    """Guard for the file tests above: a saved .keras really is a zip with a config."""
    path = tmp_path / "m.keras"
    small_cnn().save(path)
    with zipfile.ZipFile(path) as archive:
        assert "config.json" in archive.namelist()


def test_bundled_model_loads_offline_by_name(offline_keras):
    from neurolab.core.models.catalog import load_model

    loaded = load_model("shapes")
    assert loaded.source == "bundled" and loaded.spec == "shapes" and loaded.pretrained
    assert "flower" in loaded.labels and loaded.input_shape == (64, 64, 3)
    assert "raw 0-255" in loaded.preprocessing
