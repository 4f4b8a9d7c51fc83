"""Model files are checked before Keras parses them: one sentence per bad file, no payload ever runs."""

from __future__ import annotations

import pytest

from neurolab.core.errors import BadInputError, ModelError
from tests.data.make_bad_models import CASES, make_all
from tests.helpers import small_cnn


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad_models")
    canary = tmp_path_factory.mktemp("canary") / "CANARY"
    files = make_all(folder, canary)
    assert not canary.exists()
    return files, canary


def _one_sentence(text: str) -> bool:
    return "\n" not in text and text.endswith(".") and ". " not in text


@pytest.mark.parametrize("case", list(CASES))
def test_bad_model_file_gets_one_sentence_and_its_payload_never_runs(bad_files, case):
    from neurolab.core.models.catalog import load_model
    from neurolab.core.models.files import inspect_model_file

    files, canary = bad_files
    path, fragment = files[case], CASES[case][1]
    with pytest.raises(ModelError) as error:
        inspect_model_file(path)
    message = str(error.value)
    assert isinstance(error.value, BadInputError)
    assert fragment in message and f"'{path}'" in message, message
    assert _one_sentence(message), message
    with pytest.raises(ModelError) as loaded:
        load_model(str(path))
    assert str(loaded.value) == message
    assert not canary.exists(), f"{case}: the payload ran"


@pytest.fixture(scope="module")
def good_files(tmp_path_factory):
    """Real models saved by Keras 3, in both formats where it matters."""
    import keras

    folder = tmp_path_factory.mktemp("good_models")
    keras.utils.set_random_seed(0)
    models = {"small": small_cnn()}
    models["layers"] = keras.Sequential([
        keras.Input((16, 16, 3)), keras.layers.Rescaling(1 / 255.0),
        keras.layers.Normalization(mean=0.5, variance=0.25),
        keras.layers.Conv2D(4, 3, kernel_regularizer=keras.regularizers.L2(1e-3),
                            kernel_constraint=keras.constraints.MaxNorm(2),
                            kernel_initializer=keras.initializers.HeNormal()),
        keras.layers.BatchNormalization(), keras.layers.Dropout(0.2),
        keras.layers.Conv2DTranspose(4, 3), keras.layers.DepthwiseConv2D(3),
        keras.layers.SeparableConv2D(4, 3, activation=keras.activations.swish),
        keras.layers.LeakyReLU(), keras.layers.GlobalMaxPooling2D(),
        keras.layers.Dense(3, activation="softmax")])
    inner = small_cnn((16, 16, 3))
    image = keras.Input((16, 16, 3))
    models["nested"] = keras.Model(image, keras.layers.Dense(2)(inner(image)))
    grey = keras.Input((28, 28, 1))
    models["grey"] = keras.Model(grey, keras.layers.Dense(3)(keras.layers.Flatten()(grey)))
    models["mobilenet_v2"] = keras.applications.MobileNetV2(weights=None, input_shape=(32, 32, 3),
                                                            alpha=0.35, classes=3)
    paths = {}
    for name, model in models.items():
        for suffix in (".keras", ".h5") if name in ("small", "layers") else (".keras",):
            paths[name + suffix] = folder / f"{name}{suffix}"
            model.save(paths[name + suffix])
    return paths


@pytest.mark.parametrize("name,shape", [("small.keras", (32, 32, 3)), ("small.h5", (32, 32, 3)),
                                        ("layers.keras", (16, 16, 3)), ("layers.h5", (16, 16, 3)),
                                        ("nested.keras", (16, 16, 3)), ("grey.keras", (28, 28, 1)),
                                        ("mobilenet_v2.keras", (32, 32, 3))])
def test_real_keras_models_pass_the_checks_and_load(good_files, name, shape):
    from neurolab.core.models.catalog import load_model
    from neurolab.core.models.files import inspect_model_file

    inspect_model_file(good_files[name])
    loaded = load_model(str(good_files[name]))
    assert loaded.input_shape == shape and loaded.source == "file"


def test_bundled_model_passes_the_checks():
    from neurolab.core.models.catalog import bundled_model_path
    from neurolab.core.models.files import inspect_model_file

    inspect_model_file(bundled_model_path())


def test_keras_loads_in_safe_mode_uncompiled_after_the_checks(good_files, monkeypatch):
    import keras

    from neurolab.core.models import catalog as models

    calls = []
    real = keras.saving.load_model

    def spy(path, **kwargs):
        calls.append(kwargs)
        return real(path, **kwargs)

    monkeypatch.setattr(keras.saving, "load_model", spy)
    models.load_model_file(good_files["small.keras"])
    assert calls == [{"compile": False, "safe_mode": True}]


def test_model_config_allow_list_in_words():
    from neurolab.core.models.files import check_model_config

    good = {"module": "keras.src.models.functional", "class_name": "Functional",
            "registered_name": "Functional",
            "config": {"layers": [{"module": "keras.layers", "class_name": "Activation",
                                   "config": {"activation": {"module": "keras.activations",
                                                             "class_name": "function",
                                                             "config": "relu",
                                                             "registered_name": "relu"}}}]},
            "compile_config": {"loss": {"module": "mylosses", "class_name": "Custom"}}}
    check_model_config("ok.keras", good)  # compile_config is never read (compile=False)
    bad = {"class_name": "Sequential", "config": {"layers": [
        {"module": "keras.layers", "class_name": "Activation",
         "config": {"activation": {"module": "keras.src.utils.file_utils",
                                   "class_name": "function", "config": "get_file"}}}]}}
    with pytest.raises(ModelError, match="the function 'get_file'"):
        check_model_config("bad.keras", bad)


def test_a_file_swapped_after_the_check_is_not_what_keras_loads(good_files, bad_files, tmp_path,
                                                               monkeypatch):
    """Time of check vs time of use: the checked private copy is loaded, not the path again."""
    import shutil

    import keras

    from neurolab.core.models import catalog as models

    files, canary = bad_files
    target = tmp_path / "swapped.keras"
    shutil.copy(good_files["small.keras"], target)
    real_inspect, loaded_paths = models.inspect_model_file, []
    real_load = keras.saving.load_model

    def inspect_then_swap(path, label=None):
        real_inspect(path, label)
        shutil.copy(files["Lambda (.keras)"], target)  # an attacker swaps the file now

    def spy(path, **kwargs):
        loaded_paths.append(path)
        return real_load(path, **kwargs)

    monkeypatch.setattr(models, "inspect_model_file", inspect_then_swap)
    monkeypatch.setattr(keras.saving, "load_model", spy)
    loaded = models.load_model_file(target)
    assert loaded.input_shape == (32, 32, 3) and loaded.display_name == "swapped.keras"
    assert loaded_paths and loaded_paths[0] != str(target)
    assert not canary.exists() and not __import__("os").path.exists(loaded_paths[0])


def test_the_private_copy_is_readable_only_by_this_user(good_files):
    import os
    import stat

    from neurolab.core.models.files import private_copy

    with private_copy(good_files["small.keras"]) as copy:
        assert copy.name == "small.keras" and copy.read_bytes() == good_files["small.keras"].read_bytes()
        assert stat.S_IMODE(os.stat(copy.parent).st_mode) == 0o700
    assert not copy.exists()
