"""The bad-image corpus of issue #7 through `neurolab activations`: exit 2 and one line, or a result."""

from __future__ import annotations

import json

import pytest

from neurolab.cli import main
from tests.data.make_bad_images import CASES, build_corpus
from tests.helpers import small_cnn


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("models") / "small.keras"
    small_cnn().save(path)
    return str(path)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("corpus"))


def activations(capsys, model_file: str, image) -> tuple[int, str, str]:
    code = main(["activations", model_file, str(image), "--layer", "conv1", "--json"])
    out, err = capsys.readouterr()
    return code, out, err


# Every case, the 24-megapixel photo included: the CLI scales it down before the model
# (about 3 s on 2 cores), so no case needs leaving out.
@pytest.mark.parametrize("name", list(CASES))
def test_activations_on_every_corpus_file(capsys, model_file, corpus, name):
    case = corpus[name]
    code, out, err = activations(capsys, model_file, case.path)
    if case.ok:
        assert code == 0, err
        data = json.loads(out)
        assert data["layer"] == "conv1" and data["shape"][2] == 8
        width, height = data["input_size"]               # the image as the model saw it
        assert width / height == pytest.approx(case.shape[1] / case.shape[0], rel=0.05)
    else:
        assert code == 2, err
        assert out == ""
        assert err.endswith("\n") and err.count("\n") == 1, err   # exactly one line
        assert err.startswith("neurolab: ")
        assert f"'{case.path}'" in err and case.error in err   # the path as typed
        assert "Traceback" not in err
