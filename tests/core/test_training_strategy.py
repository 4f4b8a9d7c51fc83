"""The classifier trainer on several devices: the MirroredStrategy path, on two logical CPUs.

A lab with a GPU server trains under ``choose_strategy()`` (a MirroredStrategy
when several GPUs are visible). No GPU here, so the same path runs on one CPU
split into two logical devices, in a child process (devices are fixed when
TensorFlow starts): the frozen head and fine-tuning both train, and the saved
model reopens and answers with the folder names.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MIRRORED = r"""
import os, sys
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import numpy as np, tensorflow as tf
cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from neurolab.core.jobs import run_job
from neurolab.core.models.catalog import load_model
from neurolab.core.training.config import TrainConfig
from neurolab.core.training.data import scan_folder
from neurolab.core.training.trainer import ClassifierTrainer
from tests.training_helpers import shape_folder

out = Path(sys.argv[2])
folder = scan_folder(shape_folder(out / "data", per_class=10))
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
for fine_tune in (False, True):
    trainer = ClassifierTrainer(folder, TrainConfig(epochs=3, fine_tune=fine_tune, batch_size=8, seed=1),
                                strategy=strategy)
    assert trainer.strategy is strategy
    # the weights are mirrored: one copy on each device, kept equal by the strategy
    assert "Mirrored" in type(trainer.model.trainable_weights[-1].value).__name__
    result = run_job(trainer.train_job())
    assert result.history and np.isfinite([h["loss"] for h in result.history]).all(), result.history
    path = result.save(out / f"mirrored{int(fine_tune)}.keras")
    assert load_model(path).labels == ["fish", "house", "sun"]
    print("trained", "fine-tuned" if fine_tune else "frozen", len(result.history), "epochs")
print("replicas", strategy.num_replicas_in_sync)
"""


@pytest.mark.slow
def test_classifier_trains_under_a_mirrored_strategy_on_two_logical_cpus(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": "", "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", MIRRORED, str(root), str(tmp_path)],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "replicas 2" in done.stdout
    assert "trained frozen" in done.stdout and "trained fine-tuned" in done.stdout
