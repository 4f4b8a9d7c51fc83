"""Keras 2 files (tf.keras / tf-keras 2.x, Teachable Machine) load, computing what Keras 2 did;
their Keras 2 words never open a way past the allow list (issue 15)."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from neurolab.core.errors import ModelError
from tests.fixtures.wild_models import TM_LABELS, reference

# Every wild file opens as an image model (the MLP's (28, 28) input as a greyscale one).
IMAGE_MODELS = ["quickstart_mlp", "teachable_machine", "two_outputs", "edge_map", "keras2_zip",
                "legacy_no_module", "legacy_module"]
KERAS_MODELS = IMAGE_MODELS


def _outputs(model, batch) -> list[np.ndarray]:
    result = model(batch, training=False)
    return [np.asarray(o) for o in (result if isinstance(result, (list, tuple)) else [result])]


def _assert_same_outputs(model, path) -> None:
    batch, expected = reference(path)
    got = _outputs(model, batch)
    assert len(got) == len(expected)
    for mine, theirs in zip(got, expected):
        assert mine.shape == theirs.shape
        np.testing.assert_allclose(mine, theirs, rtol=1e-4, atol=1e-5)


def _keras_load_as_neurolab_does(path):
    """The checker's translation written into a private copy, loaded by Keras in safe mode."""
    import keras

    from neurolab.core.models.files import inspect_model_file, private_copy, write_model_config

    with private_copy(path) as copy:
        translated = inspect_model_file(copy, label=str(path))
        assert translated is not None, "a Keras 2 file is translated"
        write_model_config(copy, translated)
        return keras.saving.load_model(str(copy), compile=False, safe_mode=True), translated


@pytest.mark.parametrize("name", KERAS_MODELS)
def test_keras2_file_passes_the_checks_and_keras_computes_what_keras2_did(wild_models, name):
    model, translated = _keras_load_as_neurolab_does(wild_models[name])
    _assert_same_outputs(model, wild_models[name])
    text = json.dumps(translated)
    assert "tf_keras" not in text and "batch_input_shape" not in text


@pytest.mark.parametrize("name", IMAGE_MODELS)
def test_keras2_file_loads_through_the_catalog(wild_models, name):
    from neurolab.core.models.catalog import load_model

    loaded = load_model(str(wild_models[name]))
    assert loaded.source == "file" and loaded.path == str(wild_models[name])
    _assert_same_outputs(loaded.model, wild_models[name])


# What each kind of wild model is, once loaded: what the window and every verb build on.
KINDS = {  # name: (image input H×W×C, channel axis, preprocessing key, kinds of outputs, classifying output)
    "quickstart_mlp": ((28, 28, 1), False, "unit", ["vector"], 0),
    "teachable_machine": ((224, 224, 3), True, "signed", ["vector"], 0),
    "two_outputs": ((24, 24, 3), True, "unit", ["vector", "vector"], 0),
    "edge_map": ((64, 64, 3), True, "unit", ["map"], None),
}


@pytest.mark.parametrize("name", KINDS)
def test_each_wild_model_is_read_as_its_kind(wild_models, name):
    from neurolab.core.models.catalog import load_model

    shape, channel_axis, preprocessing, kinds, classifying = KINDS[name]
    loaded = load_model(str(wild_models[name]))
    assert loaded.image_input.shape == shape and loaded.image_input.channel_axis is channel_axis
    assert loaded.preprocessing_key == preprocessing
    assert [o.kind for o in loaded.outputs] == kinds and loaded.output_index == classifying
    if name == "teachable_machine":  # Teachable Machine feeds its model [-1, 1]: said, not assumed
        assert "Teachable Machine" in loaded.preprocessing and "assumed" not in loaded.preprocessing
    if name == "edge_map":
        assert "not a classifier" in str(loaded.not_classifier_reason)


def test_teachable_machine_export_names_its_classes_from_labels_txt(wild_models):
    from neurolab.core.models.catalog import load_model

    loaded = load_model(str(wild_models["teachable_machine"]))
    assert loaded.labels == list(TM_LABELS) and loaded.warnings == []
    assert loaded.model.outputs[0].shape[-1] == 3
    # The nested models stay nested, named as Teachable Machine names them.
    assert [layer.name for layer in loaded.model.layers] == ["sequential_1", "sequential_3"]
    head = loaded.model.get_layer("sequential_3")
    assert [layer.name for layer in head.layers] == ["dense_Dense1", "dense_Dense2"]


def test_what_translation_changes_in_the_teachable_machine_config(wild_models):
    from neurolab.core.models.files import inspect_model_file

    translated = inspect_model_file(wild_models["teachable_machine"])
    assert "groups" not in _depthwise(translated, "conv_dw_1")["config"]
    assert '"module": "keras.src.models.functional", "class_name": "Functional"' in json.dumps(translated)


def test_keras3_files_are_judged_as_they_are_and_never_rewritten(tmp_path):
    from neurolab.core.models.catalog import bundled_model_path
    from neurolab.core.models.files import inspect_model_file
    from tests.helpers import small_cnn

    assert inspect_model_file(bundled_model_path()) is None
    for suffix in (".keras", ".h5"):
        path = tmp_path / f"small{suffix}"
        small_cnn().save(path)
        assert inspect_model_file(path) is None


def test_a_keras2_zip_rewritten_in_the_copy_keeps_its_other_members(wild_models, tmp_path):
    import zipfile

    from neurolab.core.models.files import inspect_model_file, write_model_config

    copy = tmp_path / "copy.keras"
    shutil.copy(wild_models["keras2_zip"], copy)
    translated = inspect_model_file(copy)
    write_model_config(copy, translated)
    with zipfile.ZipFile(wild_models["keras2_zip"]) as before, zipfile.ZipFile(copy) as after:
        assert before.namelist() == after.namelist()
        for member in before.namelist():
            if member != "config.json":
                assert before.read(member) == after.read(member)
        assert json.loads(after.read("config.json")) == translated
    assert inspect_model_file(copy) is None  # nothing left to translate


# --- the translation never opens a way past the allow list -----------------------------------

def _h5_with_config(source, target, edit):
    """A copy of the Keras 2 ``.h5`` file ``source`` with its model_config edited by ``edit``."""
    import h5py

    shutil.copy(source, target)
    with h5py.File(target, "r+") as h5:
        config = json.loads(h5.attrs["model_config"])
        edit(config)
        h5.attrs["model_config"] = json.dumps(config)
    return target


def _nested_model(config: dict) -> dict:
    return next(layer for layer in config["config"]["layers"] if layer["class_name"] == "Functional")


def _depthwise(config: dict, name: str) -> dict:
    stack = [config]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("class_name") == "DepthwiseConv2D" and node["config"]["name"] == name:
                return node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    raise AssertionError("no DepthwiseConv2D")


@pytest.mark.parametrize("module,class_name,fragment", [
    ("tf_keras.src.engine.functional", "Popen", "code outside Keras"),
    ("tf_keras.src.engine.training", "get_file", "code outside Keras"),
    ("tf_keras.src.layers.core.tf_op_layer", "TFOpLambda", "code outside Keras"),
    ("keras.src.engine.functional", "Sequential", "not one of the Keras layers"),
    ("keras.engine.functional", "Functional\u200b", "not one of the Keras layers"),
    ("keras.layers.core.dense", "Lambda", "Lambda layer"),
    ("keras.src.layers.core.dense", "StringLookup", "can read other files"),
    ("keras.mixed_precision", "enable_unsafe_deserialization", "not one of the Keras layers"),
])
def test_a_keras2_path_to_anything_but_its_own_keras_class_is_still_refused(
        wild_models, tmp_path, module, class_name, fragment):
    from neurolab.core.models.catalog import load_model
    from neurolab.core.models.files import inspect_model_file

    def edit(config):
        _nested_model(config).update(module=module, class_name=class_name)

    path = _h5_with_config(wild_models["legacy_module"], tmp_path / "evil.h5", edit)
    with pytest.raises(ModelError, match=fragment) as error:
        inspect_model_file(path)
    assert "\n" not in str(error.value) and f"'{path}'" in str(error.value)
    with pytest.raises(ModelError, match=fragment):
        load_model(str(path))


def test_a_translated_keras2_class_with_a_foreign_registered_name_is_refused(wild_models, tmp_path):
    from neurolab.core.models.files import inspect_model_file

    def edit(config):
        _nested_model(config).update(module="tf_keras.src.engine.functional", class_name="Functional",
                                     registered_name="evil>Functional")

    path = _h5_with_config(wild_models["legacy_module"], tmp_path / "registered.h5", edit)
    with pytest.raises(ModelError, match="custom part"):
        inspect_model_file(path)


def test_a_file_saying_keras3_wrote_it_gets_no_translation(wild_models, tmp_path):
    """Keras 2 words in a file that claims Keras 3 are judged as they stand: refused."""
    import h5py

    from neurolab.core.models.files import inspect_model_file

    path = tmp_path / "claims3.h5"
    shutil.copy(wild_models["teachable_machine"], path)
    with h5py.File(path, "r+") as h5:
        h5.attrs["keras_version"] = "3.15.1"
    with pytest.raises(ModelError, match="'Functional' from 'tf_keras'"):
        inspect_model_file(path)


def test_depthwise_groups_other_than_one_are_refused_in_a_sentence(wild_models, tmp_path):
    from neurolab.core.models.files import inspect_model_file

    def edit(config):
        _depthwise(config, "conv_dw_1")["config"]["groups"] = 2

    path = _h5_with_config(wild_models["teachable_machine"], tmp_path / "groups.h5", edit)
    with pytest.raises(ModelError) as error:
        inspect_model_file(path)
    message = str(error.value)
    assert message.startswith(f"'{path}' was refused: its DepthwiseConv2D 'conv_dw_1' has groups=2")
    assert message.endswith("which Keras 3 cannot build.") and "\n" not in message


def test_translation_rules_on_plain_configs():
    from neurolab.core.models.legacy import Untranslatable, translate_config

    sequential = {"class_name": "Sequential", "config": {"name": "s", "layers": [
        {"class_name": "Flatten", "config": {"name": "flatten", "dtype": "float32",
                                             "batch_input_shape": [None, 28, 28]}},
        {"class_name": "LeakyReLU", "config": {"name": "leaky", "alpha": 0.1}},
        {"class_name": "BatchNormalization", "config": {"name": "bn", "axis": [1]}},
        {"class_name": "Embedding", "config": {"name": "e", "input_dim": 10, "output_dim": 2}},
        {"class_name": "Dense", "config": {"name": "d", "units": 2,
                                           "dtype": {"class_name": "Policy",
                                                     "config": {"name": "mixed_float16"}}}}]}}
    assert translate_config(sequential) is True
    layers = sequential["config"]["layers"]
    assert layers[0] == {"class_name": "InputLayer",
                         "config": {"batch_shape": [None, 28, 28], "name": "flatten_input",
                                    "dtype": "float32"}}
    assert "batch_input_shape" not in layers[1]["config"]
    assert layers[2]["config"] == {"name": "leaky", "negative_slope": 0.1}
    assert layers[3]["config"]["axis"] == 1
    assert layers[4]["config"]["input_dim"] == 10  # an Embedding's vocabulary, not a shape
    assert layers[5]["config"]["dtype"] == {"class_name": "DTypePolicy", "module": "keras",
                                            "config": {"name": "mixed_float16"}}
    assert translate_config(sequential) is False  # Keras 3's words stay as they are

    nested = {"class_name": "Functional", "config": {
        "layers": [{"class_name": "InputLayer", "name": "in", "config": {}, "inbound_nodes": []},
                   {"class_name": "Functional", "name": "inner", "inbound_nodes": [[["in", 0, 0, {}]]],
                    "config": {"layers": [{"class_name": "InputLayer", "config": {}}],
                               "input_layers": [["i", 0, 0]], "output_layers": [["o", 0, 0]]}},
                   {"class_name": "Dense", "name": "d", "config": {},
                    "inbound_nodes": [[["inner", 1, 0, {}]], [["inner", 2, 0, {}]]]}],
        "input_layers": [["in", 0, 0]], "output_layers": [["d", 0, 0], ["d", 1, 0]]}}
    translate_config(nested)
    assert nested["config"]["layers"][2]["inbound_nodes"] == [[["inner", 0, 0, {}]], [["inner", 1, 0, {}]]]
    assert nested["config"]["layers"][1]["inbound_nodes"] == [[["in", 0, 0, {}]]]
    inner = nested["config"]["layers"][1]["config"]
    assert inner["input_layers"] == ["i", 0, 0] and inner["output_layers"] == ["o", 0, 0]
    assert nested["config"]["output_layers"] == [["d", 0, 0], ["d", 1, 0]]  # two outputs stay two

    with pytest.raises(Untranslatable, match="several axes"):
        translate_config({"class_name": "BatchNormalization", "config": {"name": "b", "axis": [1, 2]}})


def test_the_translation_table_names_only_keras_classes():
    """Every entry is an exact (Keras 2 module, class) pair onto a class the allow list knows."""
    from neurolab.core.models.files import ALLOWED_CLASSES, _is_keras_module
    from neurolab.core.models.legacy import KERAS2_CLASSES

    for (module, class_name), (new_module, new_class) in KERAS2_CLASSES.items():
        assert new_class in ALLOWED_CLASSES and _is_keras_module(new_module), (module, class_name)
        assert module is None or module.split(".")[0] in ("keras", "tf_keras"), module


# --- Keras's words and the labels file -----------------------------------------------------------

def test_keras_message_is_never_cut_mid_word():
    from neurolab.core.models.catalog import _explain_load_failure

    words = " ".join(f"word{i}" for i in range(80))
    message = str(_explain_load_failure("odd.keras", ValueError(f"\x1b[1m{words}\x1b[0m and more")))
    shown = message.split("(", 1)[1].rsplit(")", 1)[0]
    assert shown.endswith("…") and shown[:-1] in words and words.startswith(shown[:-1])
    assert shown[:-1].split()[-1] in words.split() and "\x1b" not in message
    sentence = "Layer 'conv' was never built and thus it doesn't have any variables. " + words
    shown = str(_explain_load_failure("odd.keras", ValueError(sentence))).split("(", 1)[1].rsplit(")", 1)[0]
    assert shown == "Layer 'conv' was never built and thus it doesn't have any variables"


def test_first_words():
    from neurolab.core.formatting import first_words

    assert first_words("short.\nsecond line") == "short."
    assert first_words("a" * 150 + " " + "b" * 100, limit=200) == "a" * 150 + "…"
    assert first_words("/" + "x" * 250 + " tail", limit=200) == "/" + "x" * 250 + "…"


@pytest.mark.parametrize("lines,expected", [
    (["0 Cats", "1 Dogs", "2 Birds"], ["Cats", "Dogs", "Birds"]),
    (["0 Cats", "2 Dogs", "1 Birds"], ["0 Cats", "2 Dogs", "1 Birds"]),  # not each its own index
    (["7 seas", "cats", "dogs"], ["7 seas", "cats", "dogs"]),
    (["0 tench, Tinca tinca", "1 goldfish", "2 great white shark"],
     ["tench, Tinca tinca", "goldfish", "great white shark"]),
])
def test_labels_drop_teachable_machine_indices_only_when_every_line_has_its_own(tmp_path, lines, expected):
    from neurolab.core.models.catalog import load_model
    from tests.helpers import small_cnn

    path = tmp_path / "m.keras"
    small_cnn(classes=3).save(path)
    (tmp_path / "labels.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_model(str(path))
    assert loaded.labels == expected and loaded.warnings == []


def test_a_labels_file_with_the_wrong_count_is_not_used_and_says_so(tmp_path):
    from neurolab.core.jobs import run_job
    from neurolab.core.models.catalog import load_model
    from neurolab.core.workspace import open_model_job
    from tests.helpers import small_cnn

    path = tmp_path / "m.keras"
    small_cnn(classes=3).save(path)
    (tmp_path / "m.labels.txt").write_text("0 Cats\n1 Dogs\n", encoding="utf-8")
    loaded = load_model(str(path))
    assert loaded.labels == ["class 0", "class 1", "class 2"]
    assert loaded.warnings == ["'m.labels.txt' names 2 classes but the model has 3 outputs, so its names "
                               "are not used."]
    assert loaded.warnings[0] in run_job(open_model_job(str(path))).analysis.warnings


# --- odd configs: the translation says Untranslatable or leaves the judging to the checker ---------

_KEYS = ["class_name", "config", "module", "registered_name", "name", "layers", "inbound_nodes", "groups",
         "axis", "batch_input_shape", "input_shape", "input_dim", "alpha", "input_layers", "output_layers",
         "dtype"]
_CLASSES = ["Functional", "Sequential", "Model", "InputLayer", "DepthwiseConv2D", "BatchNormalization",
            "LeakyReLU", "Policy", "Dense", "Embedding", "Lambda"]
_MODULES = [None, "tf_keras.src.engine.functional", "keras.engine.sequential", "keras.mixed_precision", "os"]


def _odd_configs():
    from hypothesis import strategies as st

    leaves = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True),
                       st.sampled_from(_CLASSES + ["inner", "in"]), st.sampled_from(_MODULES))
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.sampled_from(_KEYS), children, max_size=5),
            st.fixed_dictionaries({"class_name": st.sampled_from(_CLASSES), "config": children},
                                  optional={"module": st.one_of(st.sampled_from(_MODULES), children),
                                            "name": st.one_of(st.sampled_from(["inner", "in"]), children),
                                            "inbound_nodes": children})),
        max_leaves=40)


def test_odd_configs_are_translated_or_refused_in_a_sentence_never_crash():
    from hypothesis import HealthCheck, given, settings

    from neurolab.core.models.files import _checked_config

    @settings(max_examples=120, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(_odd_configs())
    def check(config):
        try:
            _checked_config("odd.h5", config, "2.15.0")
        except ModelError as error:
            assert "\n" not in str(error) and str(error).startswith("'odd.h5'")

    check()


def _strip_modules(config):
    stack = [config]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            node.pop("module", None)
            node.pop("registered_name", None)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _nested_class_model(config):
    """TF ≤ 2.3 named a nested functional model's class 'Model'."""
    _strip_modules(config)
    _nested_model(config)["class_name"] = "Model"


@pytest.mark.parametrize("source,edit", [("teachable_machine", _strip_modules),
                                         ("legacy_no_module", _nested_class_model)])
def test_older_keras2_spellings_load_too(wild_models, tmp_path, source, edit):
    """Teachable Machine exports from TF ≤ 2.12 carry no module keys; TF ≤ 2.3 wrote 'Model'."""
    from neurolab.core.models.catalog import load_model

    path = _h5_with_config(wild_models[source], tmp_path / wild_models[source].name, edit)
    for suffix in (".input.npy", ".output.npy"):
        shutil.copy(wild_models[source].with_suffix(suffix), path.with_suffix(suffix))
    if (wild_models[source].parent / "labels.txt").is_file():
        shutil.copy(wild_models[source].parent / "labels.txt", tmp_path / "labels.txt")
    loaded = load_model(str(path))
    _assert_same_outputs(loaded.model, path)
