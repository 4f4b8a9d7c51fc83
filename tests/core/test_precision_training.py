"""Training in the chosen precision (issue #20): the networks under Keras's mixed policy, the
evaluation and the saved file plain float32."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core import precision
from neurolab.core.jobs import run_job
from neurolab.core.training.config import TrainConfig
from neurolab.core.training.data import builtin_folder


@pytest.fixture(autouse=True)
def precision_restored(monkeypatch):
    monkeypatch.setattr(precision, "_setting", list(precision._setting))
    monkeypatch.setattr(precision, "_used", [])


def _train(choice: str, **settings):
    from neurolab.core.training.trainer import ClassifierTrainer

    precision.set_precision(choice)
    folder = builtin_folder(size=32, per_class=30, seed=0)
    trainer = ClassifierTrainer(folder, TrainConfig(image_size=32, seed=1, patience=0, **settings))
    return trainer, run_job(trainer.train_job())


def _policies(model) -> set[str]:
    return {layer.dtype_policy.name for layer in precision.layers_within(model)}


@pytest.mark.slow
def test_bfloat16_training_learns_as_float32_does_and_saves_a_float32_file(tmp_path):
    import keras

    exact_trainer, exact = _train("float32", backbone="bundled", epochs=15)
    trainer, low = _train("bfloat16", backbone="bundled", epochs=15)
    assert _policies(exact_trainer.head_model) == {"float32"}
    # the head trained under mixed_bfloat16 (float32 variables), its logits and softmax float32
    assert "mixed_bfloat16" in _policies(trainer.head_model)
    assert trainer.head_model.get_layer("probabilities").dtype_policy.name == "float32"
    assert all(v.dtype == "float32" for v in trainer.head_model.trainable_variables)
    assert low.precision == "bfloat16" and low.to_json()["precision"] == "bfloat16"
    assert precision.used() == "bfloat16"
    assert exact.val_accuracy >= 0.6, exact.history
    assert abs(low.val_accuracy - exact.val_accuracy) <= 0.05, (low.val_accuracy, exact.val_accuracy)
    assert "class_precision" in low.to_json() and len(low.to_json()["class_recall"]) == 10

    # what is kept and saved is plain float32; reopened, it classifies as the trained network does
    assert _policies(low.model) == {"float32"} and low.model is not trainer.model
    path = low.save(tmp_path / "low.keras")
    reopened = keras.models.load_model(path)
    assert _policies(reopened) == {"float32"}
    pictures = np.stack([builtin_folder(size=32, per_class=30, seed=0).picture(i, 32) for i in range(0, 300, 10)])
    saved = np.asarray(reopened(pictures.astype("float32")))
    trained = np.asarray(trainer.model(pictures.astype("float32")))  # the mixed network itself
    assert np.abs(saved - trained).max() <= 0.05
    assert np.mean(saved.argmax(1) == trained.argmax(1)) >= 0.95
    # the evaluation's probabilities are the float32 network's
    x, _, _ = trainer._data["val"]
    judged = np.asarray(precision.float32_model(trainer.head_model)(x[:8]))
    np.testing.assert_allclose(low.evaluation.probabilities[:8], judged, atol=1e-6)


@pytest.mark.slow
@pytest.mark.parametrize("choice, backbone, optimizer", [("bfloat16", "scratch", "Adam"),
                                                         ("float16", "bundled", "LossScaleOptimizer")])
def test_whole_network_training_runs_in_the_precision(tmp_path, choice, backbone, optimizer):
    import keras

    settings = {"fine_tune": True} if backbone == "bundled" else {}
    trainer, result = _train(choice, backbone=backbone, epochs=1, **settings)
    assert f"mixed_{choice}" in _policies(trainer.full_model)
    assert type(trainer.full_model.optimizer).__name__ == optimizer
    assert result.precision == choice and _policies(result.model) == {"float32"}
    assert np.isfinite([h["loss"] for h in result.history]).all()
    reopened = keras.models.load_model(result.save(tmp_path / "net.keras"))
    assert _policies(reopened) == {"float32"}
