"""`neurolab features` and `neurolab dream`: the grid PNG, the .npy (channels×H×W×3 in the order
asked), the photo dreamt at its own size, --json; bad input in one sentence."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from neurolab.cli import main
from tests.features_models import edge_detector


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("features")
    model = folder / "edges.keras"
    edge_detector().save(model)
    (folder / "edges.labels.txt").write_text("horizontal\nvertical\n")
    photo = folder / "photo.png"
    Image.fromarray(np.random.default_rng(0).integers(0, 256, (45, 61, 3), dtype=np.uint8)).save(photo)
    return str(model), str(photo)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_features_writes_grid_npy_in_the_order_asked(capsys, files, tmp_path):
    model, _ = files
    png, npy = tmp_path / "grid.png", tmp_path / "images.npy"
    code, out, err = run(capsys, "features", model, "--layer", "edge_relu", "--channels", "1,0", "--steps", "24",
                         "--size", "24", "-o", str(png), "--npy", str(npy), "--json")
    assert code == 0, err
    data = json.loads(out)
    images = np.load(npy)
    assert images.shape == (2, 24, 24, 3) and images.dtype == np.uint8
    assert data["channels"] == [1, 0] and data["layer"] == "edge_relu" and data["image_size"] == [24, 24]
    assert data["output"] == str(png) and data["npy"] == str(npy)
    assert Image.open(png).size == (2 * 24 + 1, 24)  # two tiles, one separator
    grey = images.astype(float).mean(axis=-1)
    down, right = np.abs(np.diff(grey, axis=1)).mean(axis=(1, 2)), np.abs(np.diff(grey, axis=2)).mean(axis=(1, 2))
    assert right[0] > down[0] and down[1] > right[1], "channel 1 (vertical edges) first, as asked"


def test_class_images(capsys, files):
    model, _ = files
    code, out, err = run(capsys, "features", model, "--classes", "--steps", "2")
    assert code == 0, err
    assert out.startswith("2 images of 32×32 for classes")


def test_dream_keeps_the_photo_size(capsys, files, tmp_path):
    model, photo = files
    out_png = tmp_path / "dream.png"
    code, out, err = run(capsys, "dream", model, photo, "--layer", "edge_relu", "--octaves", "2", "--steps", "3",
                         "-o", str(out_png), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert Image.open(out_png).size == (61, 45) and data["image_size"] == [61, 45]
    assert data["layers"] == ["edge_relu"] and data["settings"]["octaves"] == 2


@pytest.mark.parametrize("argv,fragment", [
    (["features", "{model}", "--layer", "nope"], "No layer called 'nope'"),
    (["features", "{model}"], "--layer NAME"),
    (["features", "{model}", "--layer", "edges", "--channels", "7"], "Channel 7 does not exist"),
    (["features", "{model}", "--layer", "edges", "--steps", "0"], "steps must be between"),
    (["features", "{model}", "--layer", "edges", "-o", "/no/such/folder/x.png"], "does not exist"),
    (["dream", "{model}", "{photo}", "--layer", "nope", "-o", "{tmp}/x.png"], "No layer called 'nope'"),
    (["dream", "{model}", "{photo}", "--layer", "edges", "--octaves", "0", "-o", "{tmp}/x.png"],
     "octaves must be between"),
])
def test_bad_input_is_one_sentence_and_exit_2(capsys, files, tmp_path, argv, fragment):
    model, photo = files
    code = main([a.format(model=model, photo=photo, tmp=tmp_path) for a in argv])
    err = capsys.readouterr().err
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1, err
