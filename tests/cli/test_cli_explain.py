"""`neurolab explain`: the map as PNG overlay and .npy at the photo's own size, the JSON naming
class, layer, method and the map's range; bad input in one sentence."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from neurolab.cli import main
from tests.explain_models import PATCH_COLUMNS, PATCH_ROWS, red_detector, red_photo


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("explain")
    model = folder / "red.keras"
    red_detector().save(model)
    (folder / "red.labels.txt").write_text("red\ngreen\nother\n")
    photo = folder / "red.png"
    Image.fromarray(red_photo()).save(photo)
    return str(model), str(photo), folder


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_gradcam_writes_overlay_npy_and_json(capsys, files, tmp_path):
    model, photo, _ = files
    png, npy = tmp_path / "overlay.png", tmp_path / "map.npy"
    code, out, err = run(capsys, "explain", model, photo, "--preprocess", "unit", "-o", str(png),
                         "--npy", str(npy), "--json")
    assert code == 0, err
    data = json.loads(out)
    values = np.load(npy)
    assert values.shape == (48, 64) and values.dtype == np.float32, "the photo's own height × width"
    assert data["method"] == "gradcam" and data["class"] == "red" and data["layer"] == "features"
    assert data["min"] == pytest.approx(float(values.min())) and data["max"] == pytest.approx(float(values.max()))
    assert data["output"] == str(png) and data["npy"] == str(npy) and data["image_size"] == [64, 48]
    assert Image.open(png).size == (64, 48)
    row, column = np.unravel_index(np.argmax(values), values.shape)
    assert PATCH_ROWS[0] <= row < PATCH_ROWS[1] and PATCH_COLUMNS[0] <= column < PATCH_COLUMNS[1]


def test_a_class_by_a_forgiving_name_and_another_method(capsys, files):
    model, photo, _ = files
    code, out, err = run(capsys, "explain", model, photo, "--preprocess", "unit", "--method", "occlusion",
                         "--class", "Gren", "--patch", "6", "--stride", "3")
    assert code == 0, err
    assert out.startswith("occlusion for green (") and "64×48 map" in out


@pytest.mark.parametrize("argv,fragment", [
    (["--class", "unicorn"], "No class called 'unicorn'"),
    (["--layer", "nope"], "No layer called 'nope'"),
    (["--method", "smoothgrad", "--samples", "0"], "samples must be between 1 and 500"),
    (["--opacity", "3"], "--opacity"),
    (["-o", "/no/such/folder/x.png"], "does not exist"),
])
def test_bad_input_is_one_sentence_and_exit_2(capsys, files, argv, fragment):
    model, photo, _ = files
    code = main(["explain", model, photo, *argv])
    err = capsys.readouterr().err
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1, err


def test_an_unknown_method_is_refused_by_the_parser(capsys, files):
    model, photo, _ = files
    with pytest.raises(SystemExit) as exit_:
        main(["explain", model, photo, "--method", "lime"])
    assert exit_.value.code == 2 and "gradcam++" in capsys.readouterr().err
