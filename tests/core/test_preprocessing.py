"""Preprocessing as data: each choice's numbers, the guess for a file, the user's choice, gradients."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.errors import BadInputError
from neurolab.core.models.preprocessing import CHOICES, preprocessing_choice
from tests.helpers import small_cnn
from tests.preprocess_helpers import scale_sensitive_model, teachable_machine_like

PIXEL = np.array([[[[255.0, 128.0, 0.0]]]], dtype="float32")  # one orange pixel, R G B
# Each choice's documented formula on that pixel, written out by hand.
EXPECTED = {
    "raw": [255.0, 128.0, 0.0],
    "unit": [1.0, 128 / 255, 0.0],
    "signed": [1.0, 128 / 127.5 - 1, -1.0],
    "caffe": [0.0 - 103.939, 128 - 116.779, 255 - 123.68],  # B G R, minus the BGR mean
    "torch": [(1.0 - 0.485) / 0.229, (128 / 255 - 0.456) / 0.224, (0.0 - 0.406) / 0.225],
    "zerocenter": [255 - 123.68, 128 - 116.779, 0 - 103.939],
    "mtcnn": [127.5 / 128, 0.5 / 128, -127.5 / 128],
}


@pytest.mark.parametrize("key", list(CHOICES))
def test_each_choice_gives_its_numbers_on_a_known_pixel(key):
    assert set(EXPECTED) == set(CHOICES)
    out = np.asarray(CHOICES[key](PIXEL.copy()))
    np.testing.assert_allclose(out.reshape(-1), EXPECTED[key], rtol=1e-5, atol=1e-5)


def test_custom_mean_and_std_per_channel_or_one_value():
    one = preprocessing_choice("custom:127.5/127.5")
    assert one.key == "custom:127.5/127.5" and one.channels is None
    np.testing.assert_allclose(np.asarray(one(PIXEL)).reshape(-1), EXPECTED["signed"], atol=1e-6)
    three = preprocessing_choice("custom: 100,110,120 / 50,60,70")
    assert three.key == "custom:100,110,120/50,60,70" and three.channels == 3
    np.testing.assert_allclose(np.asarray(three(PIXEL)).reshape(-1),
                               [(255 - 100) / 50, (128 - 110) / 60, (0 - 120) / 70], rtol=1e-6)
    assert preprocessing_choice(three.key) == three  # the key reads back as the same choice


@pytest.mark.parametrize("text, words", [
    ("sigmoid", "'sigmoid' is not a preprocessing; choose one of: raw, unit, signed, caffe, torch, "
                "zerocenter, mtcnn, custom:MEAN/STD."),
    ("custom:1,2/3", "The mean must be one number or three (R, G, B)"),
    ("custom:127.5", "is not a custom preprocessing: write custom:MEAN/STD"),
    ("custom:a/b", "is not a custom preprocessing"),
    ("custom:0/0", "The standard deviation must be greater than 0."),
])
def test_a_bad_choice_is_one_sentence(text, words):
    with pytest.raises(BadInputError) as caught:
        preprocessing_choice(text)
    message = str(caught.value)
    assert words in message and message.endswith(".") and "\n" not in message


@pytest.mark.parametrize("name", ["mobilenet_v2", "vgg16", "vgg19", "resnet50", "efficientnet_b0",
                                  "densenet121", "inception_v3"])
def test_applications_keep_their_own_preprocess_input_bit_for_bit(name, offline_keras, monkeypatch):
    import keras
    import tensorflow as tf

    from neurolab.core.models.catalog import APPLICATIONS, load_application

    spec = APPLICATIONS[name]
    tiny = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.GlobalAveragePooling2D()])
    monkeypatch.setattr(keras.applications, spec.constructor, lambda weights=None: tiny)
    loaded = load_application(name)
    own = getattr(keras.applications, spec.family).preprocess_input
    pixels = np.random.default_rng(1).uniform(0, 255, (2, 8, 8, 3)).astype("float32")
    assert loaded.preprocessing_key == loaded.preprocessing_default == spec.preprocessing
    np.testing.assert_array_equal(np.asarray(loaded.preprocess(pixels.copy())), own(pixels.copy()))
    np.testing.assert_array_equal(np.asarray(loaded.preprocess(tf.constant(pixels))),
                                  np.asarray(own(tf.constant(pixels))))


def test_squeezenet_and_the_bundled_model_map_to_their_keys():
    from neurolab.core.models.catalog import load_model

    squeezenet = load_model("squeezenet")  # torchvision's weights: fed as torchvision trained them
    assert squeezenet.preprocessing_key == "torch"
    out = squeezenet.preprocess(np.full((1, 2, 2, 3), 255 * 0.485, dtype="float32"))
    np.testing.assert_allclose(np.asarray(out)[0, 0, 0, 0], 0.0, atol=1e-4)
    bundled = load_model("shapes")  # Rescaling(1/255) inside: raw pixels, as the file says
    assert bundled.preprocessing_key == "raw"
    assert bundled.preprocessing == "raw 0-255 pixels (from the file: it rescales inside)"


def test_a_file_that_rescales_inside_takes_raw_pixels(tmp_path):
    import keras

    from neurolab.core.models.catalog import load_model

    inputs = keras.Input((16, 16, 3))
    x = keras.layers.Rescaling(1 / 255.0)(inputs)
    x = keras.layers.GlobalAveragePooling2D()(keras.layers.Conv2D(2, 3)(x))
    path = tmp_path / "scaled.keras"
    keras.Model(inputs, keras.layers.Dense(2)(x)).save(path)
    loaded = load_model(str(path))
    assert (loaded.preprocessing_key, loaded.preprocessing_origin) == ("raw", "from the file: it rescales inside")


def test_a_plain_cnn_is_assumed_to_take_zero_to_one(tmp_path):
    from neurolab.core.models.catalog import load_model

    path = tmp_path / "plain.h5"
    small_cnn().save(path)
    loaded = load_model(str(path))
    assert loaded.preprocessing_key == "unit"
    assert loaded.preprocessing == "pixels scaled to [0, 1] (assumed)"


@pytest.mark.parametrize("name, labels", [("keras_model.h5", True), ("cats.h5", True),
                                          ("keras_model.h5", False)])
def test_a_teachable_machine_export_takes_minus_one_to_one(tmp_path, name, labels):
    """Any two of its clues tell it: TM's file name, labels.txt lines '0 Cats', its nested shape."""
    from neurolab.core.models.catalog import load_model

    loaded = load_model(str(teachable_machine_like(tmp_path, name=name, labels=labels)))
    assert loaded.preprocessing_key == "signed"
    assert loaded.preprocessing == "pixels scaled to [-1, 1] (from the file: a Teachable Machine export)"


def test_one_teachable_machine_clue_is_not_enough(tmp_path):
    from neurolab.core.models.catalog import load_model

    loaded = load_model(str(teachable_machine_like(tmp_path, name="cats.h5", labels=False)))
    assert loaded.preprocessing_key == "unit"  # the nested shape alone: any MobileNet transfer model
    path = tmp_path / "keras_model.h5"
    small_cnn().save(path)  # TM's name on a plain CNN, no labels.txt
    assert load_model(str(path)).preprocessing_key == "unit"


def test_the_users_choice_replaces_the_callable_and_says_so(tmp_path):
    from neurolab.core.models.catalog import load_model

    path = tmp_path / "plain.h5"
    small_cnn().save(path)
    loaded = load_model(str(path), preprocessing=CHOICES["signed"])
    assert loaded.preprocessing_key == "signed" and loaded.preprocessing_default == "unit"
    assert loaded.preprocessing == "pixels scaled to [-1, 1] (set by you)"
    assert loaded.input_description == "pixels scaled to [-1, 1] (set by you) normalization"
    back = loaded.with_preprocessing(None)
    assert back.preprocessing == "pixels scaled to [0, 1] (assumed)" and back.model is loaded.model
    assert loaded.with_preprocessing(CHOICES["unit"]).preprocessing == back.preprocessing


def test_a_colour_choice_cannot_feed_a_greyscale_model(tmp_path):
    from neurolab.core.models.catalog import load_model

    path = tmp_path / "grey.keras"
    small_cnn((16, 16, 1)).save(path)
    loaded = load_model(str(path))
    for text in ("caffe", "torch", "zerocenter", "custom:1,2,3/4"):
        with pytest.raises(BadInputError, match="works on the three colour channels; this model takes "
                                                "1-channel images"):
            loaded.with_preprocessing(preprocessing_choice(text))
    assert loaded.with_preprocessing(CHOICES["mtcnn"]).preprocessing_key == "mtcnn"


@pytest.mark.parametrize("key", [*CHOICES, "custom:120,110,100/60,50,40"])
def test_gradients_flow_through_each_choice(key):
    import tensorflow as tf

    choice = preprocessing_choice(key)
    pixels = tf.constant(np.random.default_rng(2).uniform(0, 255, (1, 4, 4, 3)).astype("float32"))
    with tf.GradientTape() as tape:
        tape.watch(pixels)
        total = tf.reduce_sum(tf.square(choice(pixels)))
    gradient = tape.gradient(total, pixels)
    assert gradient is not None and np.all(np.isfinite(gradient)) and np.any(np.asarray(gradient) != 0)


def test_changing_the_preprocessing_rebuilds_what_closed_over_the_old_one():
    """Activations, classification and the adversarial gradient all follow the new choice."""
    from neurolab.core.adversarial.gradients import gradient_model
    from neurolab.core.inspection.activations import ActivationExtractor
    from neurolab.core.jobs import run_job
    from neurolab.core.models.classify import classify
    from neurolab.core.workspace import Workspace, preprocessing_job
    from tests.helpers import loaded_model

    loaded = loaded_model(scale_sensitive_model())
    loaded.preprocess, loaded.preprocessing_key = CHOICES["unit"], "unit"
    loaded.preprocessing_default, loaded.preprocessing_origin = "unit", "assumed"
    workspace = Workspace(loaded, None, ActivationExtractor(loaded), "CPU")
    dark = np.full((8, 8, 3), 64, dtype=np.uint8)
    before = workspace.extractor.compute(dark, ["conv"])["conv"]
    assert classify(loaded, dark)[0].index == 0
    old_gradient = gradient_model(loaded)

    changed = run_job(preprocessing_job(workspace, CHOICES["signed"]))
    assert changed.loaded.model is loaded.model and changed.loaded.preprocessing_key == "signed"
    after = changed.extractor.compute(dark, ["conv"])["conv"]
    np.testing.assert_allclose(before, 64 / 255, rtol=1e-5)
    np.testing.assert_allclose(after, 64 / 127.5 - 1, rtol=1e-5)
    assert classify(changed.loaded, dark)[0].index == 1
    new_gradient = gradient_model(changed.loaded)
    assert new_gradient is not old_gradient
    assert np.argmax(new_gradient.probabilities(dark.astype("float32"))) == 1
    # The old workspace is untouched (a job may still be using it).
    np.testing.assert_allclose(workspace.extractor.compute(dark, ["conv"])["conv"], before)
    assert "Image Input" in [row.type for row in changed.analysis.layers]
    assert any("[-1, 1] (set by you)" in row.description for row in changed.analysis.layers)


def test_a_remembered_choice_that_does_not_fit_opens_the_model_with_a_warning(tmp_path):
    from neurolab.core.jobs import run_job
    from neurolab.core.workspace import open_model_job

    path = tmp_path / "grey.keras"
    small_cnn((16, 16, 1)).save(path)
    workspace = run_job(open_model_job(str(path), preprocessing=CHOICES["caffe"]))
    assert workspace.loaded.preprocessing_key == "unit"
    assert any("three colour channels" in w for w in workspace.analysis.warnings)
