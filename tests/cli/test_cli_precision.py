"""``--precision`` on the verbs that compute: chosen, used, said in ``--json``; a bad one in one line."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from neurolab.cli import PRECISION_VERBS, build_parser, main
from neurolab.core import precision
from tests.helpers import photo, small_cnn


@pytest.fixture(autouse=True)
def precision_restored(monkeypatch):
    monkeypatch.setattr(precision, "_setting", list(precision._setting))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("precision")
    small_cnn().save(folder / "small.keras")
    Image.fromarray(photo(70, 90)).save(folder / "photo.png")
    return str(folder / "small.keras"), str(folder / "photo.png")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _options(parser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings}


def test_every_computing_verb_takes_it():
    import argparse

    parser = build_parser()
    verbs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    for verb in PRECISION_VERBS:
        assert "--precision" in _options(verbs[verb]), verb
    gan = next(a for a in verbs["gan"]._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert "--precision" in _options(gan["train"]) and "--precision" in _options(gan["sample"])
    assert parser.parse_args(["gan", "train", "--out", "x", "--precision", "float16"]).precision == "float16"


def test_activations_in_bfloat16_say_so_and_agree(capsys, files):
    model, image = files
    code, out, err = run(capsys, "activations", model, image, "--layer", "conv2", "--json",
                         "--precision", "bfloat16")
    assert code == 0 and err == ""
    low = json.loads(out)
    assert low["precision"] == "bfloat16" and precision.current_choice() == "bfloat16"
    code, out, _ = run(capsys, "activations", model, image, "--layer", "conv2", "--json", "--precision", "float32")
    exact = json.loads(out)
    assert exact["precision"] == "float32"
    assert low["max"] == pytest.approx(exact["max"], rel=0.02)


def test_classify_is_a_verdict_so_float32(capsys, files):
    model, image = files
    code, out, _ = run(capsys, "classify", model, image, "--json", "--precision", "bfloat16")
    assert code == 0 and json.loads(out)["precision"] == "float32"


def test_a_bad_precision_is_one_line(capsys, files):
    model, image = files
    try:
        code = main(["classify", model, image, "--precision", "half"])
    except SystemExit as exit_:
        code = exit_.code
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--precision" in err


@pytest.mark.slow
def test_train_in_bfloat16_says_so_and_saves_float32(capsys, tmp_path):
    import keras

    from tests.training_helpers import shape_folder

    folder = shape_folder(tmp_path / "shapes", classes=("sun", "fish"), per_class=10)
    out_path = tmp_path / "shapes.keras"
    code, out, err = run(capsys, "train", str(folder), "--backbone", "bundled", "--image-size", "32",
                         "--epochs", "2", "--out", str(out_path), "--json", "--precision", "bfloat16")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["precision"] == "bfloat16" and len(data["class_precision"]) == 2
    assert json.loads((tmp_path / "shapes.metrics.json").read_text())["precision"] == "bfloat16"
    reopened = keras.models.load_model(out_path)
    assert {layer.dtype_policy.name for layer in reopened.layers} == {"float32"}
