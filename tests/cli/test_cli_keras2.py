"""The command line on Keras 2 files (issue 15): analyze and classify them as any other model."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from neurolab.cli import main
from tests.fixtures.wild_models import TM_LABELS
from tests.helpers import photo


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def image_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("image") / "pet.png"
    Image.fromarray(photo(120, 160)).save(path)
    return str(path)


@pytest.mark.parametrize("name,layers", [("teachable_machine", 2), ("keras2_zip", 5), ("legacy_no_module", 5),
                                         ("legacy_module", 5)])
def test_analyze_a_keras2_file(capsys, wild_models, name, layers):
    code, out, err = run(capsys, "analyze", str(wild_models[name]), "--json")
    assert code == 0 and err == "", err
    data = json.loads(out)
    assert data["total_params"] > 0
    assert len([row for row in data["layers"] if not row["parent"]]) >= layers


def test_classify_a_teachable_machine_export_names_its_classes(capsys, wild_models, image_file):
    code, out, err = run(capsys, "classify", str(wild_models["teachable_machine"]), image_file,
                         "--top", "3", "--json")
    assert code == 0 and err == "", err
    data = json.loads(out)
    assert {row["class"] for row in data["top"]} == set(TM_LABELS) and data["warnings"] == []
    assert abs(sum(row["probability"] for row in data["top"]) - 1) < 1e-4
    code, out, err = run(capsys, "classify", str(wild_models["teachable_machine"]), image_file, "--top", "1")
    assert code == 0 and out.split()[1] in TM_LABELS


def test_classify_says_when_labels_txt_does_not_fit(capsys, wild_models, image_file, tmp_path):
    import shutil

    folder = tmp_path / "tm"
    shutil.copytree(wild_models["teachable_machine"].parent, folder)
    (folder / "labels.txt").write_text("0 Cats\n1 Dogs\n", encoding="utf-8")
    code, out, err = run(capsys, "classify", str(folder / "keras_model.h5"), image_file, "--top", "3")
    assert code == 0, err
    assert "warning: 'labels.txt' names 2 classes but the model has 3 outputs, so its names are not used." in out
    assert "class 0" in out and "Cats" not in out
