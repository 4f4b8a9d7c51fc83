"""SqueezeNet's ImageNet weights from torchvision: read without running the pickle, converted, fetched.

Every ``.pth`` here is written by tests/data/torch_writer.py in the layouts torch
writes (zip and the legacy stream), with random weights of squeezenet1_1's
shapes; the converted Keras network is checked against a NumPy forward pass of
the same weights with torch's rules (OIHW kernels, ``ceil_mode`` pooling).
"""

from __future__ import annotations

import builtins
import hashlib
import json
import os
from collections import OrderedDict

import numpy as np
import pytest

from neurolab.core.errors import ModelError, WeightsUnavailableError
from neurolab.core.jobs import run_job
from neurolab.core.models.torch_file import read_state_dict
from neurolab.core.models.weights import SQUEEZENET_PTH, WEIGHTS, WeightsFile, download_job, find_weights
from tests.core.test_weights import local_server  # noqa: F401 - the fixture
from tests.data.torch_writer import random_squeezenet1_1, squeezenet1_1_shapes, write_legacy, write_zip


@pytest.fixture(scope="module")
def tensors():
    return random_squeezenet1_1(seed=3)


# --- the reader ----------------------------------------------------------------------------------
@pytest.mark.parametrize("layout", ["zip", "legacy", "legacy_v2"])
def test_both_torch_layouts_read_back_exactly(layout, tensors, tmp_path):
    path = tmp_path / "w.pth"
    if layout == "zip":
        write_zip(path, tensors)
    else:
        write_legacy(path, tensors, rebuild_name="_rebuild_tensor_v2" if layout == "legacy_v2"
                     else "_rebuild_tensor")
    read = read_state_dict(path)
    assert list(read) == list(squeezenet1_1_shapes())
    for key, array in tensors.items():
        assert read[key].dtype == np.float32
        np.testing.assert_array_equal(read[key], array)


class _Runs:
    """An object whose unpickling calls ``function(*args)``: what a hostile .pth does."""

    def __init__(self, function, *args):
        self.function, self.args = function, args

    def __reduce__(self):
        return self.function, self.args


@pytest.mark.parametrize("layout", ["zip", "legacy"])
@pytest.mark.parametrize("function", [os.system, builtins.eval, builtins.exec])
def test_a_pickle_naming_any_other_global_is_refused_without_running_it(layout, function, tmp_path):
    marker = tmp_path / "ran"
    code = f"touch {marker}" if function is os.system else f"open({str(marker)!r}, 'w')"
    path = tmp_path / "evil.pth"
    tiny = {"features.0.bias": np.zeros(3, "float32")}
    (write_zip if layout == "zip" else write_legacy)(path, tiny, extra={"x": _Runs(function, code)})
    with pytest.raises(ModelError) as error:
        read_state_dict(path)
    module = getattr(function, "__module__", None) or "builtins"
    assert str(error.value) == (f"'{path}' is not a plain PyTorch weights file: it asks to run "
                                f"{module}.{function.__name__}, so neurolab does not read it.")
    assert not marker.exists()


def test_damaged_files_get_a_sentence(tensors, tmp_path):
    good = write_legacy(tmp_path / "good.pth", {"a": np.ones((2, 3), "float32")})
    cut = tmp_path / "cut.pth"
    cut.write_bytes(good.read_bytes()[:-5])
    text = tmp_path / "text.pth"
    text.write_text("hello")
    empty_dict = tmp_path / "plain.pth"
    write_zip(empty_dict, {})
    for path, words in ((cut, "is damaged or not a PyTorch weights file."),
                        (text, "is not a PyTorch weights file."),
                        (empty_dict, "holds no weights (not a PyTorch state_dict).")):
        with pytest.raises(ModelError) as error:
            read_state_dict(path)
        assert str(error.value) == f"'{path}' {words}"


def test_a_tensor_reaching_past_its_storage_is_damage_not_a_read_outside(tmp_path, monkeypatch):
    from tests.data import torch_writer

    monkeypatch.setattr(torch_writer._Tensor, "__reduce__", lambda self: (
        self._rebuild, (self.storage, 5, self.shape, (100, 1), False, OrderedDict())))
    path = write_zip(tmp_path / "w.pth", {"a": np.ones((4, 4), "float32")})
    with pytest.raises(ModelError, match="is damaged"):
        read_state_dict(path)


# --- the conversion, checked against torch's arithmetic in NumPy ------------------------------------
def _conv(x, weight, bias, stride=1, pad=0):
    """torch's Conv2d on an HWC image: ``weight`` OIHW."""
    if pad:
        x = np.pad(x, ((pad, pad), (pad, pad), (0, 0)))
    kh, kw = weight.shape[2:]
    windows = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(0, 1))[::stride, ::stride]
    return np.einsum("hwcij,ocij->hwo", windows, weight, optimize=True) + bias


def _max_pool_ceil(x):
    """torch's MaxPool2d(3, 2, ceil_mode=True): the last window may hang over the edge."""
    h, w = x.shape[:2]
    out_h, out_w = -(-(h - 3) // 2) + 1, -(-(w - 3) // 2) + 1
    padded = np.pad(x, ((0, (out_h - 1) * 2 + 3 - h), (0, (out_w - 1) * 2 + 3 - w), (0, 0)),
                    constant_values=-np.inf)
    windows = np.lib.stride_tricks.sliding_window_view(padded, (3, 3), axis=(0, 1))[::2, ::2]
    return windows.max(axis=(-1, -2))


def torch_squeezenet1_1(t, image):
    """torchvision's squeezenet1_1 forward pass in NumPy (one HWC image, already normalised)."""
    relu = lambda v: np.maximum(v, 0)  # noqa: E731
    x = _max_pool_ceil(relu(_conv(image, t["features.0.weight"], t["features.0.bias"], stride=2)))
    for index in (3, 4, 6, 7, 9, 10, 11, 12):
        p = f"features.{index}."
        s = relu(_conv(x, t[p + "squeeze.weight"], t[p + "squeeze.bias"]))
        x = np.concatenate([relu(_conv(s, t[p + "expand1x1.weight"], t[p + "expand1x1.bias"])),
                            relu(_conv(s, t[p + "expand3x3.weight"], t[p + "expand3x3.bias"], pad=1))], -1)
        if index in (4, 7):
            x = _max_pool_ceil(x)
    logits = relu(_conv(x, t["classifier.1.weight"], t["classifier.1.bias"])).mean(axis=(0, 1))
    return logits


def test_converted_keras_network_computes_what_torch_would(tensors, tmp_path):
    import keras

    from neurolab.core.models.squeezenet import build_squeezenet
    from neurolab.core.models.squeezenet_weights import convert_squeezenet_weights

    target = tmp_path / "cache" / WEIGHTS["squeezenet"].fname
    target.parent.mkdir()
    convert_squeezenet_weights(write_legacy(tmp_path / "w.pth", tensors), target)
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temporary left
    model = build_squeezenet()
    model.load_weights(str(target))
    image = np.random.default_rng(1).standard_normal((227, 227, 3)).astype("float32")
    expected = torch_squeezenet1_1({k: v.astype("float64") for k, v in tensors.items()},
                                   image.astype("float64"))
    logits = keras.Model(model.input, model.get_layer("pool10").output)(image[None]).numpy()[0]
    np.testing.assert_allclose(logits, expected, rtol=1e-4, atol=1e-4 * np.abs(expected).max())
    assert logits.std() > 0  # the check compares something
    # the pooled sizes are torch's (ceil) at the 227 input
    assert model.get_layer("pool3").output.shape[1:3] == (28, 28)
    assert model.get_layer("pool5").output.shape[1:3] == (14, 14)


def test_a_state_dict_of_another_network_is_refused_in_words(tmp_path):
    from neurolab.core.models.squeezenet_weights import convert_squeezenet_weights

    other = {"features.0.weight": np.zeros((96, 3, 7, 7), "float32"), "features.0.bias": np.zeros(96, "float32")}
    source = write_zip(tmp_path / "squeezenet1_0.pth", other)
    with pytest.raises(ModelError) as error:
        convert_squeezenet_weights(source, tmp_path / "out.weights.h5")
    assert str(error.value) == (f"'{source}' is not torchvision's SqueezeNet 1.1: conv1 has weights of "
                                "shape [96, 3, 7, 7], not [3, 3, 3, 64].")
    assert not (tmp_path / "out.weights.h5").exists()


# --- the source, fetching it, and the loader ---------------------------------------------------------
def test_the_source_is_torchvisions_file_and_its_full_sha256():
    spec = WEIGHTS["squeezenet"]
    assert spec.origin == "https://download.pytorch.org/models/squeezenet1_1-b8a52dc0.pth"
    assert spec.source_fname == SQUEEZENET_PTH
    # torchvision names its files by the first 8 hex digits of their sha256
    assert len(spec.file_hash) == 64 and spec.file_hash.startswith(SQUEEZENET_PTH.split("-")[1][:8])


def test_torchvision_class_order_is_the_labels_file():
    from neurolab.core.models.catalog import imagenet_labels

    labels = imagenet_labels()  # torchvision's _IMAGENET_CATEGORIES: the standard WordNet-id order
    assert len(labels) == 1000
    assert (labels[0], labels[1], labels[2], labels[130], labels[985]) == (
        "tench", "goldfish", "great white shark", "flamingo", "daisy")


def serve_pth(monkeypatch, root, url, payload: bytes, file_hash: str):
    (root / SQUEEZENET_PTH).write_bytes(payload)
    monkeypatch.setitem(WEIGHTS, "squeezenet", WeightsFile(
        WEIGHTS["squeezenet"].fname, url + SQUEEZENET_PTH, file_hash, 5, source_fname=SQUEEZENET_PTH))


def test_fetch_downloads_verifies_converts_once_and_loads(local_server, monkeypatch, tmp_path,  # noqa: F811
                                                         tensors):
    from neurolab.core.models.catalog import list_models, load_model

    root, url = local_server
    payload = write_zip(tmp_path / "src.pth", tensors).read_bytes()
    serve_pth(monkeypatch, root, url, payload, hashlib.sha256(payload).hexdigest())
    monkeypatch.setenv("NEUROLAB_WEIGHTS_CACHE", str(tmp_path / "cache"))
    events = []
    path = run_job(download_job("squeezenet"), events.append)
    stages = [str(e.stage) for e in events]
    assert "verifying squeezenet" in stages and "converting squeezenet" in stages
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [WEIGHTS["squeezenet"].fname]
    assert find_weights("squeezenet") == path
    entry = next(e for e in list_models() if e.name == "squeezenet")
    assert entry.ready_offline and entry.download_mb == 5
    again = list(download_job("squeezenet"))
    assert "already in the cache" in again[-1].stage
    loaded = load_model("squeezenet")
    assert loaded.pretrained and loaded.notice == ""
    np.testing.assert_array_equal(loaded.model.get_layer("fire9-expand3x3").get_weights()[0],
                                  tensors["features.12.expand3x3.weight"].transpose(2, 3, 1, 0))
    assert loaded.preprocessing == "scaled to [0, 1], ImageNet mean/std ('torch')"
    pixel = np.array([[[[255 * 0.485, 255 * 0.456 + 255 * 0.224, 0.0]]]], "float32")
    np.testing.assert_allclose(np.asarray(loaded.preprocess(pixel))[0, 0, 0], [0, 1, -0.406 / 0.225],
                               atol=1e-5)


def test_a_download_with_the_wrong_checksum_is_refused_and_nothing_kept(local_server, monkeypatch,  # noqa: F811
                                                                        tmp_path, tensors):
    root, url = local_server
    payload = write_zip(tmp_path / "src.pth", tensors).read_bytes()
    serve_pth(monkeypatch, root, url, payload, "0" * 64)
    with pytest.raises(WeightsUnavailableError, match="damaged"):
        run_job(download_job("squeezenet", folder=tmp_path / "cache"))
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_verified_download_that_is_not_plain_weights_is_refused_and_removed(local_server, monkeypatch,  # noqa: F811
                                                                              tmp_path):
    root, url = local_server
    marker = tmp_path / "ran"
    payload = write_zip(tmp_path / "src.pth", {"a": np.zeros(2, "float32")},
                        extra={"x": _Runs(os.system, f"touch {marker}")}).read_bytes()
    serve_pth(monkeypatch, root, url, payload, hashlib.sha256(payload).hexdigest())
    with pytest.raises(WeightsUnavailableError) as error:
        run_job(download_job("squeezenet", folder=tmp_path / "cache"))
    assert str(error.value).startswith("The downloaded weights for squeezenet cannot be used: ")
    assert "it asks to run posix.system" in str(error.value) or "it asks to run nt.system" in str(error.value)
    assert list((tmp_path / "cache").iterdir()) == [] and not marker.exists()


def test_offline_fetch_is_one_sentence_and_leaves_nothing(offline_keras, tmp_path):
    with pytest.raises(WeightsUnavailableError) as error:
        run_job(download_job("squeezenet", folder=tmp_path / "cache"))
    message = str(error.value)
    assert message.startswith("Could not download the ImageNet weights for squeezenet (")
    assert message.endswith(f"copy 'squeezenet_v1.1_imagenet.weights.h5' from a PC that has it into "
                            f"'{tmp_path / 'cache'}'.")
    assert list((tmp_path / "cache").iterdir()) == []


def test_offline_squeezenet_opens_untrained_and_says_why(offline_keras):
    from neurolab.core.models.catalog import load_model

    loaded = load_model("squeezenet")
    assert not loaded.pretrained and loaded.notice == "untrained — ImageNet weights not downloaded"
    assert loaded.warnings and loaded.warnings[0].startswith("Could not download the ImageNet weights")


def test_cli_fetch_and_list_name_squeezenet(offline_keras, tmp_path, capsys):
    from neurolab.cli import main

    assert main(["models", "list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("squeezenet "))
    assert line.endswith("needs download (5 MB)")
    code = main(["models", "fetch", "squeezenet", "--cache", str(tmp_path / "room"), "--json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("neurolab: Could not download the ImageNet weights for squeezenet")
    assert json.loads(out)["models"][0] == {"name": "squeezenet", "ready_offline": False,
                                            "error": err.strip()[len("neurolab: "):]}
