"""``--preprocess`` on the verbs that feed an image to a model; ``--json`` says which was used."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from neurolab.cli import PREPROCESS_VERBS, build_parser, main
from tests.preprocess_helpers import scale_sensitive_model


@pytest.fixture(scope="module")
def sensitive_file(tmp_path_factory):
    """A model whose answer on a dark image flips between [0, 1] and [-1, 1] inputs."""
    path = tmp_path_factory.mktemp("models") / "sensitive.keras"
    scale_sensitive_model().save(path)
    return str(path)


@pytest.fixture
def dark_image(tmp_path):
    path = tmp_path / "dark.png"
    Image.fromarray(np.full((8, 8, 3), 64, dtype=np.uint8)).save(path)
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_preprocess_changes_what_classify_says(capsys, sensitive_file, dark_image):
    code, out, err = run(capsys, "classify", sensitive_file, dark_image, "--json")
    assumed = json.loads(out)
    assert code == 0, err
    assert assumed["preprocessing"] == "unit" and assumed["top"][0]["index"] == 0
    code, out, err = run(capsys, "classify", sensitive_file, dark_image, "--json", "--preprocess", "signed")
    chosen = json.loads(out)
    assert code == 0, err
    assert chosen["preprocessing"] == "signed" and chosen["top"][0]["index"] == 1
    code, out, err = run(capsys, "classify", sensitive_file, dark_image, "--json",
                         "--preprocess", "custom:127.5/127.5")
    custom = json.loads(out)
    assert custom["preprocessing"] == "custom:127.5/127.5"
    np.testing.assert_allclose(custom["top"][0]["probability"], chosen["top"][0]["probability"], rtol=1e-5)


def test_a_bad_preprocess_is_one_sentence_and_exit_2(capsys, sensitive_file, dark_image):
    code, out, err = run(capsys, "classify", sensitive_file, dark_image, "--preprocess", "imagenet")
    assert code == 2 and out == ""
    assert err == ("neurolab: 'imagenet' is not a preprocessing; choose one of: raw, unit, signed, caffe, "
                   "torch, zerocenter, mtcnn, custom:MEAN/STD.\n")
    code, _, err = run(capsys, "attack", sensitive_file, dark_image, "--preprocess", "custom:1/0")
    assert code == 2 and err == "neurolab: The standard deviation must be greater than 0.\n"


def test_analyze_and_activations_show_the_preprocessing(capsys, sensitive_file, dark_image):
    code, out, err = run(capsys, "analyze", sensitive_file, "--preprocess", "mtcnn")
    assert code == 0, err
    assert "preprocessing: mtcnn, (x − 127.5) / 128, as MTCNN (set by you)" in out
    code, out, err = run(capsys, "analyze", sensitive_file, "--json")
    assert json.loads(out)["preprocessing"] == "unit"
    code, out, err = run(capsys, "activations", sensitive_file, dark_image, "--layer", "conv", "--json",
                         "--preprocess", "raw")
    data = json.loads(out)
    assert code == 0, err
    assert data["preprocessing"] == "raw"


@pytest.mark.parametrize("verb", ["attack", "fool", "blend"])
def test_the_adversarial_verbs_use_and_report_it(capsys, sensitive_file, dark_image, verb):
    extra = {"attack": [dark_image, "--steps", "1"], "fool": ["--target", "1", "--steps", "1"],
             "blend": [dark_image, dark_image]}[verb]
    code, out, err = run(capsys, verb, sensitive_file, *extra, "--json", "--preprocess", "signed")
    assert code == 0, err
    assert json.loads(out)["preprocessing"] == "signed"


def test_every_verb_that_feeds_a_model_an_image_takes_it():
    parser = build_parser()
    verbs = parser._subparsers._group_actions[0].choices
    for name, sub in verbs.items():
        has = any("--preprocess" in action.option_strings for action in sub._actions)
        assert has == (name in PREPROCESS_VERBS), name
    assert set(PREPROCESS_VERBS) == {"analyze", "activations", "classify", "attack", "fool", "blend", "explain",
                                     "features", "dream"}


def test_a_colour_preprocess_on_a_greyscale_model_is_refused(capsys, tmp_path, dark_image):
    from tests.helpers import small_cnn

    path = tmp_path / "grey.keras"
    small_cnn((16, 16, 1)).save(path)
    code, _, err = run(capsys, "analyze", str(path), "--preprocess", "caffe")
    assert code == 2
    assert "works on the three colour channels; this model takes 1-channel images." in err
