"""`neurolab activations` on an edge net whose bilinear up-sampling cannot run in the
any-size traced pass: the layer's values and the whole sentence saying what neurolab did;
a layer that fails everywhere is one sentence and exit 1. Also: `analyze` and `activations`
refuse a file that is no model before importing TensorFlow."""

from __future__ import annotations

import json
import time
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from neurolab import cli
from tests.cli.test_cli_stderr import IN_PROCESS, neurolab, one_sentence
from tests.edge_net import hed_like
from tests.helpers import loaded_model, photo


@pytest.fixture(scope="module")
def edge_net_file(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("edge") / "hed.keras"
    hed_like().save(path)
    return str(path)


@pytest.fixture(scope="module")
def picture(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("picture") / "photo.png"
    Image.fromarray(photo(72, 96)).save(path)
    return str(path)


def test_the_layer_after_a_bilinear_upsampling_and_the_whole_sentence(capsys, edge_net_file, picture,
                                                                      tmp_path):
    npy = str(tmp_path / "up2.npy")
    code = cli.main(["activations", edge_net_file, picture, "--layer", "up2", "--npy", npy])
    out, err = capsys.readouterr()
    assert code == 0 and err == "", err
    assert out.splitlines() == [
        "up2: 72×96×1",
        "up2, up3 cannot run in TensorFlow's traced pass for images of any size (OperatorNotAllowedInGraphError: "
        "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed.), so neurolab computed up2 one layer "
        "at a time at the image's own size, 96×72."]
    assert np.load(npy).shape == (72, 96, 1)


def test_json_marks_the_layer_computed_eagerly(capsys, edge_net_file, picture):
    code = cli.main(["activations", edge_net_file, picture, "--layer", "edges", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["shape"] == [72, 96, 1] and data["eager"] is True and data["native_size"] is False
    assert data["failures"] == {} and data["notices"][0].startswith("up2, up3 cannot run")


def test_a_layer_that_fails_everywhere_is_one_sentence_and_exit_1(capsys, monkeypatch, picture):
    from neurolab.core.inspection.activations import ActivationExtractor

    extractor = ActivationExtractor(loaded_model(hed_like(broken=True)))
    workspace = SimpleNamespace(extractor=extractor, loaded=extractor.loaded)
    monkeypatch.setattr(cli, "_workspace", lambda spec, preprocessing=None: workspace)
    code = cli.main(["activations", "hed_broken.keras", picture, "--layer", "broken"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert one_sentence(err) == "broken could not be computed: ValueError: This layer is broken on purpose."
    assert cli.main(["activations", "hed_broken.keras", picture, "--layer", "fuse"]) == 0


# --- a file that is no model: refused before TensorFlow's import ------------------------------

@pytest.fixture(scope="module")
def not_models(tmp_path_factory, picture) -> dict[str, str]:
    import h5py

    folder = tmp_path_factory.mktemp("not_models")
    (folder / "notes.txt").write_text("my notes")
    (folder / "labels.txt").write_text("0 Cats\n1 Dogs\n")
    with h5py.File(folder / "data.h5", "w") as data:  # HDF5, but a data set, not a model
        data["x"] = np.arange(10)
    (folder / "README").write_text("no suffix at all")
    return {"photo.png": picture, **{path.name: str(path) for path in folder.iterdir()}}


def test_analyze_and_activations_refuse_a_file_that_is_no_model_without_tensorflow(not_models, picture):
    commands = [[verb, path, *([picture, "--layer", "conv1"] if verb == "activations" else [])]
                for path in not_models.values() for verb in ("analyze", "activations")]
    start = time.monotonic()
    result = neurolab(*("\t".join(c) for c in commands), script=IN_PROCESS, timeout=120)
    elapsed = time.monotonic() - start
    report = json.loads(result.stdout)
    assert report == {"codes": [2] * len(commands), "tensorflow": False, "keras": False}, result.stderr
    lines = result.stderr.splitlines(keepends=True)
    assert len(lines) == len(commands), result.stderr
    for command, line in zip(commands, lines):
        assert one_sentence(line).startswith(f"'{command[1]}' "), line
    # TensorFlow's import alone takes 5-10 s here; Python, argparse and the checks about 1-2 s.
    assert elapsed < 20, elapsed
