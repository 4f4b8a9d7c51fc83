"""Command line: each verb, --json parses, bad input is one line and exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from neurolab.cli import main
from tests.helpers import photo, small_cnn


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("models") / "small.keras"
    small_cnn(flatten=True).save(path)
    return str(path)


@pytest.fixture
def image_file(tmp_path):
    path = tmp_path / "photo.jpg"
    Image.fromarray(photo(70, 90)).save(path)
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_usage(capsys, argv):
    """(exit status, stderr) of a command that may fail in argparse (which raises SystemExit)."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
    return code, capsys.readouterr().err


def test_analyze_json_follows_the_contract(capsys, model_file):
    code, out, err = run(capsys, "analyze", model_file, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["input_shape"] == [32, 32, 3]
    assert data["total_params"] == small_cnn(flatten=True).count_params()
    conv = data["layers"][1]
    assert conv["name"] == "conv1" and conv["type"] == "Convolution" and conv["index"] == 2
    assert conv["learnables"] == {"Weights": [3, 3, 3, 8], "Bias": [1, 1, 8]}
    assert set(conv) >= {"index", "name", "type", "class", "description", "activations",
                         "learnables", "params", "inputs", "parent"}
    assert any("native input size" in w for w in data["warnings"])


def test_analyze_text_lists_every_layer(capsys, model_file):
    code, out, _ = run(capsys, "analyze", model_file)
    assert code == 0
    assert "conv1" in out and "Convolution" in out and "Flatten" in out


def test_activations_at_image_size_with_mosaic_and_npy(capsys, model_file, image_file, tmp_path):
    mosaic, npy = tmp_path / "m.png", tmp_path / "a.npy"
    code, out, err = run(capsys, "activations", model_file, image_file, "--layer", "conv1",
                         "-o", str(mosaic), "--npy", str(npy), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["shape"] == [70, 90, 8] and data["native_size"] is False
    assert np.load(npy).shape == (70, 90, 8)
    assert Image.open(mosaic).size[0] > 90


def test_activations_native_size(capsys, model_file, image_file):
    code, out, _ = run(capsys, "activations", model_file, image_file, "--layer", "conv2",
                       "--native-size", "--json")
    assert code == 0
    assert json.loads(out)["shape"] == [7, 7, 16]


def test_activations_of_a_native_only_layer_says_so(capsys, model_file, image_file):
    code, out, _ = run(capsys, "activations", model_file, image_file, "--layer", "fc", "--json")
    data = json.loads(out)
    assert code == 0 and data["shape"] == [4] and data["native_size"] is True
    assert data["notices"]


def test_classify_top_k(capsys, model_file, image_file):
    code, out, _ = run(capsys, "classify", model_file, image_file, "--top", "3", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["top"]) == 3
    probabilities = [entry["probability"] for entry in data["top"]]
    assert probabilities == sorted(probabilities, reverse=True)
    assert {"class", "index", "probability"} <= set(data["top"][0])


def test_models_list(capsys):
    code, out, _ = run(capsys, "models", "list", "--json")
    names = [m["name"] for m in json.loads(out)["models"]]
    assert code == 0
    assert {"squeezenet", "mobilenet_v2", "vgg16", "vgg19", "resnet50", "efficientnet_b0"} <= set(names)


@pytest.mark.parametrize("argv,fragment", [
    (["activations", "MODEL", "missing.png", "--layer", "conv1"], "missing.png"),
    (["activations", "MODEL", "IMAGE", "--layer", "nope"], "no layer called 'nope'"),
    (["classify", "no_such_model", "IMAGE"], "neither a model name"),
    (["analyze", "BROKEN"], "broken.keras"),
    (["classify", "MODEL", "IMAGE", "--top", "0"], "--top"),
    (["activations", "MODEL"], "required"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, model_file, image_file, tmp_path, argv, fragment):
    broken = tmp_path / "broken.keras"
    broken.write_bytes(b"PK\x03\x04 truncated")
    argv = [{"MODEL": model_file, "IMAGE": image_file, "BROKEN": str(broken)}.get(a, a) for a in argv]
    code, err = run_usage(capsys, argv)
    assert code == 2
    assert fragment in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_console_script_help_runs_without_tensorflow():
    result = subprocess.run([sys.executable, "-m", "neurolab", "--help"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    for verb in ("analyze", "activations", "classify", "models", "screenshot", "gui"):
        assert verb in result.stdout


@pytest.fixture(scope="module")
def flower_png(tmp_path_factory):
    from neurolab.core.models.bundled.shapes_data import CLASSES, make_dataset

    images, labels = make_dataset(3, size=80, seed=99)
    path = tmp_path_factory.mktemp("flower") / "flower.png"
    Image.fromarray(images[list(labels).index(CLASSES.index("flower"))]).save(path)
    return str(path)


def test_attack_json_is_judged_on_the_saved_png(capsys, flower_png, tmp_path):
    out_png = tmp_path / "adv.png"
    code, out, err = run(capsys, "attack", "shapes", flower_png, "--target", "Boat", "--epsilon", "8",
                         "-o", str(out_png), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["success"] is True and data["target"] == "boat" and data["linf"] <= 8
    assert data["before"]["top"][0]["class"] == "flower" and data["after"]["top"][0]["class"] == "boat"
    assert {"l2", "psnr", "ssim", "output"} <= set(data)
    from neurolab.core.images import load_image
    from neurolab.core.models.catalog import load_model
    from neurolab.core.models.classify import classify

    assert classify(load_model("shapes"), load_image(out_png))[0].label == "boat"


def test_fool_and_blend_verbs(capsys, flower_png, tmp_path):
    noise = tmp_path / "what_is_it.png"
    code, out, _ = run(capsys, "fool", "shapes", "--target", "star", "-o", str(noise), "--json")
    data = json.loads(out)
    assert code == 0 and data["probability"] >= 0.9 and noise.is_file()
    code, out, _ = run(capsys, "blend", "shapes", flower_png, str(noise), "--alpha", "0.0", "--json")
    data = json.loads(out)
    assert code == 0 and data["success"] is False and data["linf"] == 0 and data["psnr"] is None


@pytest.mark.parametrize("argv,fragment", [
    (["attack", "shapes", "FLOWER", "--target", "unicorn"], "No class called 'unicorn'"),
    (["attack", "shapes", "FLOWER", "--target", "flamingo"],
     "The model knows these 10 classes: flower, sun, house, tree, fish, car, star, heart, moon, boat."),
    (["attack", "shapes", "FLOWER", "--epsilon", "0"], "--epsilon"),
    (["blend", "shapes", "FLOWER", "FLOWER", "--alpha", "2"], "--alpha"),
    (["fool", "shapes", "--target", "99"], "does not exist"),
])
def test_adversarial_bad_input_exit_2(capsys, flower_png, argv, fragment):
    code = main([flower_png if a == "FLOWER" else a for a in argv])
    err = capsys.readouterr().err
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1


def test_style_verb_writes_the_result_and_its_json(capsys, image_file, tmp_path):
    from neurolab.assets import style_images
    from neurolab.core.images import load_image

    out_png = tmp_path / "styled.png"
    code, out, err = run(capsys, "style", image_file, str(style_images()[0]), "-o", str(out_png),
                         "--steps", "6", "--size", "45", "--style-weight", "500", "--backbone",
                         "random", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["output"] == str(out_png) and data["backbone"] == "random"
    assert data["size"] == [45, 35] and data["steps"] == 6 and len(data["losses"]) == 6
    assert data["style_weight"] == 500 and data["start"] == "content"
    assert load_image(out_png).shape == (35, 45, 3)


@pytest.mark.parametrize("argv,fragment", [
    (["style", "IMAGE", "missing.png", "-o", "OUT"], "missing.png"),
    (["style", "IMAGE", "IMAGE", "-o", "OUT", "--steps", "0"], "--steps"),
    (["style", "IMAGE", "IMAGE", "-o", "OUT", "--size", "8"], "--size"),
    (["style", "IMAGE", "IMAGE", "-o", "OUT", "--style-weight", "-1"], "--style-weight"),
    (["style", "IMAGE", "IMAGE", "-o", "/no/such/folder/out.png"],
     "the folder '/no/such/folder' does not exist"),
    (["style", "IMAGE", "IMAGE"], "required"),
])
def test_style_bad_input_exit_2(capsys, image_file, tmp_path, argv, fragment):
    argv = [{"IMAGE": image_file, "OUT": str(tmp_path / "o.png")}.get(a, a) for a in argv]
    code, err = run_usage(capsys, argv)
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_gan_train_resume_and_sample(capsys, tmp_path):
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    for i in range(16):
        Image.fromarray(photo(36, 36, seed=i)).save(pictures / f"p{i}.png")
    (pictures / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    out = tmp_path / "run"
    code, stdout, err = run(capsys, "gan", "train", "--data", str(pictures), "--epochs", "1",
                            "--batch-size", "8", "--latent", "8", "--out", str(out), "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["images"] == 16 and len(data["skipped"]) == 1 and data["resumed"] is False
    assert data["steps"] == 2 and data["epochs"] == 1 and "broken.png" in err
    assert (out / "samples.png").is_file() and (out / "metrics.csv").is_file()
    code, stdout, err = run(capsys, "gan", "train", "--data", str(pictures), "--epochs", "2",
                            "--out", str(out), "--json")
    data = json.loads(stdout)
    assert code == 0 and data["resumed"] is True and data["steps"] == 4 and data["epochs"] == 2

    grid = tmp_path / "grid.png"
    code, stdout, err = run(capsys, "gan", "sample", str(out), "-o", str(grid), "--n", "4",
                            "--json")
    data = json.loads(stdout)
    assert code == 0 and data["step"] == 4 and data["image_size"] == [32, 32]
    assert Image.open(grid).size[0] > 64


@pytest.mark.parametrize("argv,fragment", [
    (["gan", "sample", "NOWHERE"], "NOWHERE"),
    (["gan", "train", "--data", "NOWHERE", "--out", "OUT"], "NOWHERE"),
    (["gan", "train", "--out", "OUT", "--batch-size", "1"], "batch size"),
    (["gan", "train", "--size", "48", "--out", "OUT"], "invalid choice"),
    (["gan", "sample", "OUT", "--n", "0"], "--n"),
])
def test_gan_bad_input_exit_2(capsys, tmp_path, argv, fragment):
    nowhere = str(tmp_path / "nowhere")
    argv = [{"NOWHERE": nowhere, "OUT": str(tmp_path / "out")}.get(a, a) for a in argv]
    code, err = run_usage(capsys, argv)
    assert code == 2 and fragment.replace("NOWHERE", "nowhere") in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
