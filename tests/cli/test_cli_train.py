"""`neurolab train`: a folder of class folders in, MODEL.keras + labels out; bad folders exit 2."""

from __future__ import annotations

import json

import pytest

from neurolab.cli import main
from tests.training_helpers import shape_folder


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("make, words", [
    (lambda p: p, "no class folders"),
    (lambda p: shape_folder(p, classes=("sun",), per_class=3), "only one class"),
    (lambda p: (p / "a").mkdir() or (p / "b").mkdir() or p, "no pictures"),
])
def test_bad_folders_exit_2_with_a_sentence(capsys, tmp_path, make, words):
    folder = make(_made(tmp_path / "data"))
    code, out, err = run(capsys, "train", str(folder), "--out", str(tmp_path / "m.keras"))
    assert code == 2 and out == ""
    assert err.startswith("neurolab: ") and words in err and len(err.strip().splitlines()) == 1


def _made(path):
    path.mkdir()
    return path


@pytest.mark.slow
def test_train_then_classify_answers_with_the_folder_names(capsys, tmp_path):
    folder = shape_folder(tmp_path / "pets", classes=("sun", "fish"), per_class=10)
    (folder / "sun" / "readme.txt").write_text("not a picture")
    out_path = tmp_path / "pets.keras"
    code, out, err = run(capsys, "train", str(folder), "--epochs", "4", "--seed", "3", "--out", str(out_path),
                         "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["classes"] == ["fish", "sun"] and data["epochs"] == 4
    assert len(data["confusion_matrix"]) == 2 and sum(map(sum, data["confusion_matrix"])) == 4
    assert 0 <= data["val_accuracy"] <= 1 and data["seconds"] > 0
    assert "readme.txt" in err and any(p.endswith("readme.txt") for p in data["unreadable"])
    assert (tmp_path / "pets.labels.txt").is_file() and (tmp_path / "pets.metrics.csv").is_file()

    code, out, err = run(capsys, "classify", str(out_path), str(next((folder / "sun").glob("*.png"))), "--json")
    assert code == 0, err
    assert {entry["class"] for entry in json.loads(out)["top"]} == {"fish", "sun"}


@pytest.mark.slow
def test_small_greyscale_digits_train_from_scratch_at_their_own_size(capsys, tmp_path):
    """The automatic choice (no --backbone): 8×8 grey pictures train the small CNN from scratch at
    8 px without mirroring, and the saved model classifies at that size."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(0)
    root = tmp_path / "digits"
    for digit in ("0", "1"):
        (root / digit).mkdir(parents=True)
        for n in range(10):
            pixels = rng.integers(0, 80, (8, 8), dtype=np.uint8)
            pixels[:, 3:5] += 170 if digit == "1" else 0  # a stroke down the middle
            Image.fromarray(pixels, "L").save(root / digit / f"{n}.png")
    out_path = tmp_path / "digits.keras"
    code, out, err = run(capsys, "train", str(root), "--epochs", "2", "--out", str(out_path), "--json")
    assert code == 0, err
    config = json.loads(out)["config"]
    assert (config["backbone"], config["image_size"], config["flip"], config["epochs"]) == ("scratch", 8, False, 2)
    code, out, err = run(capsys, "classify", str(out_path), str(root / "1" / "0.png"), "--json")
    assert code == 0, err
    assert {entry["class"] for entry in json.loads(out)["top"]} == {"0", "1"}
