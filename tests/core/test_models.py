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


@pytest.mark.parametrize("name,family", [("mobilenet_v2", "mobilenet_v2"), ("vgg16", "vgg16"),
                                         ("vgg19", "vgg19"), ("resnet50", "resnet"),
                                         ("efficientnet_b0", "efficientnet"),
                                         ("densenet121", "densenet"), ("inception_v3", "inception_v3")])
def test_each_family_preprocesses_like_keras(name, family):
    import keras

    from neurolab.core.models.catalog import APPLICATIONS

    spec = APPLICATIONS[name]
    pixels = np.random.default_rng(0).uniform(0, 255, (1, 8, 8, 3)).astype("float32")
    ours = getattr(keras.applications, spec.family).preprocess_input(pixels.copy())
    expected = getattr(keras.applications, family).preprocess_input(pixels.copy())
    np.testing.assert_allclose(np.asarray(ours), np.asarray(expected))


def test_squeezenet_from_the_registry_has_the_lab_sheet_shape():
    from neurolab.core.models.catalog import load_model

    loaded = load_model("SqueezeNet")
    assert loaded.model.get_layer("conv1").output.shape[1:] == (113, 113, 64)
    assert loaded.model.count_params() == 1235496
    assert loaded.preprocessing == "'zerocenter'"
    out = loaded.preprocess(np.full((1, 2, 2, 3), 123.68, dtype="float32"))
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


def test_models_without_one_image_input_are_refused(tmp_path):
    import keras

    from neurolab.core.models.catalog import load_model

    a, b = keras.Input((4,)), keras.Input((4,))
    two = tmp_path / "two.keras"
    keras.Model([a, b], keras.layers.Add()([a, b])).save(two)
    with pytest.raises(ModelError, match="2 inputs"):
        load_model(str(two))
    vector = tmp_path / "vector.keras"
    keras.Model(a, keras.layers.Dense(2)(a)).save(vector)
    with pytest.raises(ModelError, match="does not take images"):
        load_model(str(vector))


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
