"""ImageNet weights: the table matches Keras, offline fails in words, cached files are used."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from pathlib import Path

import numpy as np
import pytest

from neurolab.core.errors import WeightsUnavailableError
from neurolab.core.jobs import run_job
from neurolab.core.models.weights import WEIGHTS, WeightsFile, download_job, find_weights


class _Asked(Exception):
    pass


# DenseNet: 6 s to build; SqueezeNet's weights are not Keras's (tests/core/test_squeezenet_weights.py)
@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.slow) if name == "densenet121"
                                  else name for name in sorted(WEIGHTS) if name != "squeezenet"])
def test_table_is_what_keras_itself_asks_for(name, monkeypatch):
    import keras
    from keras.src.utils import file_utils

    from neurolab.core.models.catalog import APPLICATIONS

    asked = {}

    def fake_get_file(fname=None, origin=None, file_hash=None, **kwargs):
        asked.update(fname=fname, origin=origin, file_hash=file_hash, subdir=kwargs.get("cache_subdir"))
        raise _Asked()

    monkeypatch.setattr(file_utils, "get_file", fake_get_file)
    with pytest.raises(_Asked):
        getattr(keras.applications, APPLICATIONS[name].constructor)(weights="imagenet")
    spec = WEIGHTS[name]
    assert (asked["fname"], asked["origin"], asked["file_hash"]) == (spec.fname, spec.origin, spec.file_hash)
    assert asked["subdir"] == "models"


def test_offline_download_is_one_sentence_and_leaves_nothing(offline_keras, tmp_path):
    with pytest.raises(WeightsUnavailableError) as error:
        run_job(download_job("mobilenet_v2", folder=tmp_path / "cache"))
    message = str(error.value)
    assert message.startswith("Could not download the ImageNet weights for mobilenet_v2")
    assert "copy 'mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5'" in message
    assert list((tmp_path / "cache").iterdir()) == []


def write_legacy_weights(model, path: Path) -> None:
    """Weights in the legacy .h5 layout that Keras Applications files use."""
    import h5py
    from keras.src.legacy.saving import legacy_h5_format

    path.parent.mkdir(parents=True, exist_ok=True)
    with h5py.File(path, "w") as handle:
        legacy_h5_format.save_weights_to_hdf5_group(handle, model)


def test_weights_file_placed_in_the_cache_is_found_and_used(offline_keras, tmp_path):
    import keras

    from neurolab.core.models.catalog import list_models, load_model

    keras.utils.set_random_seed(7)
    donor = keras.applications.MobileNetV2(weights=None)
    write_legacy_weights(donor, tmp_path / "keras" / "models" / WEIGHTS["mobilenet_v2"].fname)
    assert find_weights("mobilenet_v2") is not None
    assert next(e for e in list_models() if e.name == "mobilenet_v2").ready_offline
    loaded = load_model("mobilenet_v2")
    assert loaded.pretrained and loaded.notice == ""
    np.testing.assert_array_equal(loaded.model.get_layer("Conv1").get_weights()[0],
                                  donor.get_layer("Conv1").get_weights()[0])


def test_shared_classroom_folder_wins(monkeypatch, tmp_path):
    from neurolab.core.models.weights import cache_dir

    monkeypatch.setenv("NEUROLAB_WEIGHTS_CACHE", str(tmp_path / "room"))
    assert cache_dir() == tmp_path / "room"


@pytest.fixture
def local_server(tmp_path, monkeypatch):
    """Serve files from a folder on 127.0.0.1, bypassing any proxy."""
    root = tmp_path / "served"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for var in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    yield root, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def serve_weights(monkeypatch, root: Path, url: str, payload: bytes, file_hash: str | None):
    (root / "w.h5").write_bytes(payload)
    monkeypatch.setitem(WEIGHTS, "mobilenet_v2", WeightsFile("w.h5", url + "w.h5", file_hash, 1))


def test_download_reports_progress_verifies_and_lands_atomically(local_server, monkeypatch, tmp_path):
    root, url = local_server
    payload = np.random.default_rng(0).bytes(3 * (1 << 20) + 123)
    serve_weights(monkeypatch, root, url, payload, hashlib.md5(payload).hexdigest())
    events = []
    path = run_job(download_job("mobilenet_v2", folder=tmp_path / "cache"), events.append)
    assert path.read_bytes() == payload
    assert len([e for e in events if e.stage.startswith("downloading")]) == 4
    assert events[-2].step == events[-2].total == len(payload)
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["w.h5"]
    again = list(download_job("mobilenet_v2", folder=tmp_path / "cache"))
    assert "already in the cache" in again[-1].stage


def test_damaged_download_is_refused(local_server, monkeypatch, tmp_path):
    root, url = local_server
    serve_weights(monkeypatch, root, url, b"corrupt", "0" * 32)
    with pytest.raises(WeightsUnavailableError, match="damaged"):
        run_job(download_job("mobilenet_v2", folder=tmp_path / "cache"))
    assert list((tmp_path / "cache").iterdir()) == []


def test_cancelled_download_leaves_no_partial_file(local_server, monkeypatch, tmp_path):
    root, url = local_server
    serve_weights(monkeypatch, root, url, bytes(5 << 20), None)
    job = download_job("mobilenet_v2", folder=tmp_path / "cache")
    for event in job:
        if event.stage.startswith("downloading"):
            job.close()  # what the runner does on Cancel
            break
    assert list((tmp_path / "cache").iterdir()) == []


def test_cli_fetch_offline_exits_1_with_the_sentence(offline_keras, tmp_path, capsys):
    from neurolab.cli import main

    code = main(["models", "fetch", "mobilenet_v2", "--cache", str(tmp_path / "room"), "--json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Could not download the ImageNet weights for mobilenet_v2" in err
    assert json.loads(out)["models"][0]["ready_offline"] is False


def test_cli_fetch_unknown_name_is_bad_input(capsys):
    from neurolab.cli import main

    assert main(["models", "fetch", "shapes"]) == 2
    assert "'shapes' has no ImageNet weights to fetch (" in capsys.readouterr().err


def test_a_cache_option_holds_for_its_command_only(monkeypatch, tmp_path, offline_keras):
    """`models --cache` set the variable for good: every later in-process call (and test) looked there."""
    import os

    from neurolab.cli import main

    monkeypatch.delenv("NEUROLAB_WEIGHTS_CACHE", raising=False)
    assert main(["models", "list", "--cache", str(tmp_path / "room"), "--json"]) == 0
    assert "NEUROLAB_WEIGHTS_CACHE" not in os.environ
