"""The verbs on models of any shape (issue #15): `--model-output` picks the output that
classifies and `--json` names it; a map network, a sequence model, a vector model get one
sentence where they cannot do a verb; `analyze` opens them all, its columns fitting."""

from __future__ import annotations

import json

import numpy as np
import pytest

from neurolab.cli import main
from tests.shape_models import MODEL_BUILDERS


@pytest.fixture(scope="module")
def shape_files(tmp_path_factory):
    from PIL import Image

    folder = tmp_path_factory.mktemp("cli_shapes")
    files = {}
    for name, build in MODEL_BUILDERS.items():
        files[name] = str(folder / f"{name}.keras")
        build().save(files[name])
    image = folder / "photo.png"
    Image.fromarray(np.full((30, 40, 3), 120, np.uint8)).save(image)
    files["image"] = str(image)
    return files


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_two_outputs_classify_with_the_output_named_and_json_says_which(capsys, shape_files):
    code, out, err = _run(capsys, "classify", shape_files["two_outputs"], shape_files["image"], "--json")
    assert code == 0 and err == "", err
    assert json.loads(out)["model_output"] == "prob" and len(json.loads(out)["top"]) == 2
    for chosen in ("bbox", "1"):
        code, out, err = _run(capsys, "classify", shape_files["two_outputs"], shape_files["image"],
                              "--model-output", chosen, "--json", "--top", "9")
        assert code == 0 and json.loads(out)["model_output"] == "bbox" and len(json.loads(out)["top"]) == 4
    code, out, err = _run(capsys, "attack", shape_files["two_outputs"], shape_files["image"],
                          "--model-output", "bbox", "--steps", "2", "--json")
    assert code == 0 and json.loads(out)["model_output"] == "bbox", err
    code, out, err = _run(capsys, "classify", shape_files["two_outputs"], shape_files["image"],
                          "--model-output", "boxes")
    assert code == 2 and out == "" and err.strip().splitlines() == [
        "neurolab: The model has no output 'boxes'; its outputs are 0: prob (2), 1: bbox (4)."]


@pytest.mark.parametrize("verb", ["classify", "attack", "blend"])
def test_a_map_network_is_no_classifier_in_one_sentence(capsys, shape_files, verb):
    extra = [shape_files["image"]] if verb == "blend" else []
    code, out, err = _run(capsys, verb, shape_files["edge_map"], shape_files["image"], *extra)
    assert code == 2 and out == "" and err.strip().splitlines() == [
        "neurolab: The model is not a classifier: its output is a map (32×32×1), not a score per class."]


def test_a_map_networks_output_is_an_activation(capsys, shape_files):
    code, out, err = _run(capsys, "activations", shape_files["edge_map"], shape_files["image"],
                          "--layer", "edges", "--json")
    assert code == 0 and json.loads(out)["shape"] == [30, 40, 1], err


def test_the_quickstart_mlp_classifies_a_digit(capsys, shape_files):
    code, out, err = _run(capsys, "classify", shape_files["quickstart_mlp"], shape_files["image"], "--json")
    assert code == 0 and len(json.loads(out)["top"]) == 5 and "model_output" not in json.loads(out), err


@pytest.mark.parametrize("name, reason", [
    ("conv1d", "The model takes sequences (50 steps × 3 values), not images."),
    ("two_inputs", "The model takes 2 inputs, not one image.")])
def test_models_without_an_image_analyze_but_say_why_they_cannot_classify(capsys, shape_files, name, reason):
    code, out, err = _run(capsys, "analyze", shape_files[name], "--json")
    assert code == 0 and json.loads(out)["total_params"] > 0, err
    for argv in (["classify", shape_files[name], shape_files["image"]],
                 ["activations", shape_files[name], shape_files["image"], "--layer", "prob"]):
        code, out, err = _run(capsys, *argv)
        assert code == 2 and err.strip().splitlines() == [
            f"neurolab: {name}.keras cannot look at an image: {reason}"], err


def test_analyze_table_columns_fit_long_layer_names(capsys, tmp_path):
    import keras

    long_name = "a_very_long_layer_name_that_a_converter_made_up_for_this_convolution"
    inputs = keras.Input((16, 16, 3))
    model = keras.Model(inputs, keras.layers.Conv2D(2, 3, name=long_name)(inputs))
    path = tmp_path / "long.keras"
    model.save(path)
    code, out, err = _run(capsys, "analyze", path)
    lines = out.splitlines()
    row = next(line for line in lines if "a_very_long" in line)
    assert code == 0 and long_name not in out and "…" in row
    starts = {line.index("Convolution") for line in lines if "Convolution" in line}
    input_row = next(line for line in lines if "Image Input" in line)
    assert starts == {input_row.index("Image Input")}  # the type column starts at one place
