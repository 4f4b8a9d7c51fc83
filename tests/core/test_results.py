"""One result boundary: every core result has to_json(**context), plain strict JSON."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from pathlib import Path

import numpy as np

import neurolab.core
from neurolab.core.results import json_safe, result_json, save_json_beside


def strict(payload: dict) -> dict:
    """The payload through strict JSON (no NaN, no infinity, no NumPy types)."""
    return json.loads(json.dumps(payload, allow_nan=False))


def test_json_safe_turns_numpy_and_infinity_into_plain_json():
    value = {"psnr": float("inf"), "n": np.int64(3), "x": np.float32(0.5), "ok": np.bool_(True),
             "shape": (2, 3), "a": np.arange(3), "nan": float("nan")}
    assert strict(json_safe(value)) == {"psnr": None, "n": 3, "x": 0.5, "ok": True,
                                        "shape": [2, 3], "a": [0, 1, 2], "nan": None}


def test_context_is_added_but_never_overrides_the_results_own_facts():
    assert result_json({"method": "pgd"}, {"model": "m", "method": "lie"}) == {"model": "m",
                                                                               "method": "pgd"}


def test_save_json_beside_names_the_json_after_the_image(tmp_path):
    path = save_json_beside({"psnr": float("inf")}, tmp_path / "x_adversarial.png")
    assert Path(path) == tmp_path / "x_adversarial.json"
    assert json.loads(Path(path).read_text()) == {"psnr": None}


def test_every_result_class_in_core_has_to_json_taking_context():
    found = []
    for info in pkgutil.walk_packages(neurolab.core.__path__, "neurolab.core."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, cls in vars(module).items():
            if inspect.isclass(cls) and cls.__module__ == module.__name__ and name.endswith("Result"):
                found.append(name)
                assert "context" in inspect.signature(cls.to_json).parameters, name
    assert {"AttackResult", "FoolResult", "BlendResult", "StyleResult", "GanResult",
            "ActivationResult"} <= set(found)


def test_results_without_a_cli_test_give_strict_json():
    from neurolab.core.gan.config import GanConfig
    from neurolab.core.gan.coverage import ModeCoverage
    from neurolab.core.gan.trainer import GanResult
    from neurolab.core.inspection.mosaic import tile_channels
    from neurolab.core.style.transfer import StyleConfig, StyleResult

    style = StyleResult(image=np.zeros((4, 6, 3), np.uint8), losses=[2.0, 1.0], backbone="random",
                        config=StyleConfig(steps=2))
    assert strict(style.to_json(output="o.png")) == style.to_json(output="o.png")
    assert style.to_json()["size"] == [6, 4] and style.to_json()["loss_final"] == 1.0
    history = [{"step": 10, "g_loss": 1.0, "d_loss": 2.0, "d_real": 0.6, "d_fake": 0.4}]
    gan = GanResult(grid=np.zeros((8, 8, 3), np.uint8), history=history, steps=10, epochs=1,
                    config=GanConfig())
    payload = strict(gan.to_json(out="run"))
    assert payload["final"]["g_loss"] == 1.0 and payload["out"] == "run"
    assert payload["config"]["size"] == GanConfig().size
    coverage = ModeCoverage(counts={"sun": 3, "moon": 0}, other=1)
    assert strict(coverage.to_json())["missing"] == ["moon"]
    mosaic = tile_channels(np.random.default_rng(0).random((5, 5, 4)).astype(np.float32))
    assert strict(mosaic.to_json())["channels"] == 4
