"""ImageNet backbones for training (issue #16), with no ImageNet download: the test writes an
untrained network's weights into the cache under Keras's (or neurolab's SqueezeNet) file name, as
tests/core/test_weights.py fakes a cached MobileNetV2, and checks that the backbone becomes
available, builds at a small picture size with those weights, trains, and that the saved file
reopens with the folder names and raw 0–255 preprocessing."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.errors import BadInputError
from neurolab.core.jobs import run_job
from neurolab.core.models.weights import WEIGHTS
from neurolab.core.training.config import TrainConfig, available
from neurolab.core.training.data import scan_folder
from tests.core.test_weights import write_legacy_weights
from tests.training_helpers import shape_folder


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    return shape_folder(tmp_path_factory.mktemp("shapes"), per_class=10)


def _cache(tmp_path):
    return tmp_path / "keras" / "models"  # offline_keras points KERAS_HOME at tmp_path / "keras"


def test_a_backbone_without_cached_weights_is_refused_in_words(offline_keras, shapes):
    from neurolab.core.training.backbones import build_trunk
    from neurolab.core.training.trainer import ClassifierTrainer

    assert "mobilenet_v2" not in available() and "squeezenet" not in available()
    with pytest.raises(BadInputError, match="ImageNet weights of MobileNetV2 are not downloaded"):
        ClassifierTrainer(scan_folder(shapes), TrainConfig("mobilenet_v2"))
    with pytest.raises(BadInputError, match="ImageNet weights of SqueezeNet v1.1 are not downloaded"):
        build_trunk("squeezenet", 64)


def test_preprocessing_becomes_layers_that_do_what_the_backbone_wants():
    """caffe (BGR, means) and torch (means, stds) need a 1×1 convolution; signed is one Rescaling."""
    import keras

    from neurolab.core.models.preprocessing import CHOICES
    from neurolab.core.training.backbones import _preprocessing_layers

    pixels = np.random.default_rng(0).uniform(0, 255, (2, 5, 5, 3)).astype("float32")
    for key, kinds in (("caffe", {"Rescaling", "Conv2D"}), ("torch", {"Rescaling", "Conv2D"}),
                       ("signed", {"Rescaling"}), ("raw", {"Rescaling"})):
        inputs = keras.Input((5, 5, 3))
        model = keras.Model(inputs, _preprocessing_layers(CHOICES[key], inputs))
        assert {type(layer).__name__ for layer in model.layers[1:]} == kinds, key
        np.testing.assert_allclose(np.asarray(model(pixels)), np.asarray(CHOICES[key](pixels.copy())),
                                   rtol=1e-4, atol=1e-3, err_msg=key)


def test_an_application_refuses_too_small_pictures_in_words(offline_keras, tmp_path):
    from neurolab.core.training.backbones import build_trunk

    path = _cache(tmp_path) / WEIGHTS["inception_v3"].fname
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not read: the size is refused first")
    with pytest.raises(BadInputError, match="InceptionV3 cannot take pictures of 64×64 pixels"):
        build_trunk("inception_v3", 64)


@pytest.mark.slow
def test_cached_mobilenet_trains_at_a_small_size_and_reopens(offline_keras, tmp_path, shapes):
    import keras

    from neurolab.core.images import load_image
    from neurolab.core.models.catalog import load_model
    from neurolab.core.models.classify import classify
    from neurolab.core.training.trainer import ClassifierTrainer

    keras.utils.set_random_seed(3)
    donor = keras.applications.MobileNetV2(weights=None)  # include_top, 224 px: the file Keras ships
    write_legacy_weights(donor, _cache(tmp_path) / WEIGHTS["mobilenet_v2"].fname)
    assert "mobilenet_v2" in available()

    folder = scan_folder(shapes)
    trainer = ClassifierTrainer(folder, TrainConfig("mobilenet_v2", image_size=64, epochs=3, seed=1))
    assert trainer.model.input.shape[1:] == (64, 64, 3)
    body = trainer.model.get_layer("mobilenet_v2")
    for name in ("Conv1", "block_16_project", "Conv_1"):  # the cached file's weights, taken by name
        np.testing.assert_array_equal(body.get_layer(name).get_weights()[0],
                                      donor.get_layer(name).get_weights()[0])
    result = run_job(trainer.train_job())
    assert len(result.history) == 3 and result.to_json()["image_size"] == 64

    path = result.save(tmp_path / "mine.keras")
    loaded = load_model(path)
    assert loaded.labels == ["fish", "house", "sun"] and loaded.preprocessing_key == "raw"
    assert tuple(loaded.input_shape) == (64, 64, 3)
    picture = load_image(folder.files[int(trainer.val_idx[0])])
    # the file says raw 0–255, so its answers match the trainer's ([-1, 1] inside, as MobileNetV2 wants)
    mine = result.classify(picture, top=3)
    saved = classify(loaded, picture, top=3)
    assert [p.label for p in mine] == [p.label for p in saved]
    assert [p.probability for p in mine] == pytest.approx([p.probability for p in saved], abs=1e-5)
    rescale = loaded.model.get_layer("rescale")
    assert (rescale.scale, rescale.offset) == pytest.approx((1 / 127.5, -1.0))


@pytest.mark.slow
def test_cached_squeezenet_trains_on_its_fire_modules_and_reopens(offline_keras, tmp_path, shapes):
    import keras

    from neurolab.core.models.catalog import load_model
    from neurolab.core.models.squeezenet import build_squeezenet
    from neurolab.core.training.trainer import ClassifierTrainer

    keras.utils.set_random_seed(4)
    donor = build_squeezenet()
    path = _cache(tmp_path) / WEIGHTS["squeezenet"].fname
    path.parent.mkdir(parents=True)
    donor.save_weights(str(path))
    assert "squeezenet" in available()

    trainer = ClassifierTrainer(scan_folder(shapes), TrainConfig("squeezenet", image_size=64, epochs=2,
                                                                 fine_tune=True, batch_size=8))
    body = trainer.model.get_layer("squeezenet")
    assert body.output.shape[-1] == 512  # fire9, not the ImageNet classifier conv10
    np.testing.assert_array_equal(body.get_layer("fire9-expand3x3").get_weights()[0],
                                  donor.get_layer("fire9-expand3x3").get_weights()[0])
    result = run_job(trainer.train_job())
    assert result.fine_tune_from is not None and len(result.history) > result.fine_tune_from
    loaded = load_model(result.save(tmp_path / "squeeze.keras"))
    assert loaded.labels == ["fish", "house", "sun"] and loaded.preprocessing_key == "raw"
