"""Start-up: the window is shown before TensorFlow has loaded; screenshots render."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.gan import GanTab, RunState
from neurolab.gui.tabs.train import TrainTab
from tests.helpers import photo, small_cnn


@pytest.mark.slow
def test_exit_when_ready_reports_window_before_tensorflow(tmp_path):
    model = tmp_path / "small.keras"
    small_cnn().save(model)
    image = tmp_path / "photo.png"
    Image.fromarray(photo(50, 70)).save(image)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROLAB_CONFIG_DIR=str(tmp_path / "cfg"))
    result = subprocess.run([sys.executable, "-m", "neurolab", "gui", str(image), "--model", str(model),
                             "--exit-when-ready"], capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    timings = json.loads(result.stdout.strip().splitlines()[-1])["timings"]
    assert timings["window_shown_s"] < timings["tensorflow_loaded_s"] <= timings["model_ready_s"]
    assert timings["first_mosaic_s"] >= timings["model_ready_s"]


@pytest.mark.slow
def test_exit_when_ready_with_a_broken_model_exits_1_with_a_sentence(tmp_path):
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"nope")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROLAB_CONFIG_DIR=str(tmp_path / "cfg"))
    result = subprocess.run([sys.executable, "-m", "neurolab", "gui", "--model", str(bad),
                             "--exit-when-ready"], capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 1
    assert "bad.keras" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow(seconds=130)
def test_screenshot_renders_what_a_class_sees_in_both_languages(qtbot, tmp_path, monkeypatch):
    """1366×768, English and Czech, every tab after its jobs ended, the GAN after a short real
    training, and the Lab at an exercise's final step (a reduced run: one exercise, one epoch)."""
    from neurolab.gui import screenshot
    from neurolab.gui.main_window import MainWindow

    grabbed = []
    real_picture = MainWindow.picture

    def picture(window):
        grabbed.append({"busy": window.runner.busy, "progress": window.progress.isVisible(),
                        "gan_tab": window.tabs.currentWidget() is window.tab(GanTab),
                        "dock": window.layers_dock.width(),
                        "gan_trained": window.tab(GanTab).trainer is not None
                        and window.tab(GanTab).state is RunState.FINISHED,
                        "table_popped": window.layers_dock.isFloating(),
                        "train_tab": window.tabs.currentWidget() is window.tab(TrainTab),
                        "trained": window.tab(TrainTab).has_result()})
        return real_picture(window)

    monkeypatch.setattr(MainWindow, "picture", picture)
    model = tmp_path / "small.keras"
    small_cnn().save(model)
    image = tmp_path / "photo.png"
    Image.fromarray(photo(50, 70)).save(image)
    paths = screenshot.render_screenshots(str(tmp_path / "shots"), model=str(model),
                                          image=str(image), langs=["en", "cs"], lab=True,
                                          exercises=["explore"], gan_epochs=1)
    names = [os.path.basename(p) for p in paths]
    expected = ["tab1-activations", "tab2-adversarial", "tab3-style-transfer", "tab4-gan", "tab5-train",
                "tab6-explain", "tab7-features", "lab1-explore"]
    assert names == [f"{lang}-1366x768-{name}.png" for lang in ("en", "cs") for name in expected]
    for path in paths:
        assert Image.open(path).size == (1366, 768)
    first = Image.open(paths[0])
    assert len(np.unique(np.asarray(first.convert("L")))) > 50  # a rendered mosaic, not a blank window
    assert not any(shot["busy"] or shot["progress"] for shot in grabbed)  # no "klasifikace…"
    assert all(shot["dock"] < 515 for shot in grabbed if not shot["table_popped"])
    per_language = len(expected)
    gan_shots = grabbed[expected.index("tab4-gan")::per_language]
    assert all(shot["gan_tab"] and shot["gan_trained"] for shot in gan_shots)  # trained samples
    train_shots = grabbed[expected.index("tab5-train")::per_language]
    assert all(shot["train_tab"] and shot["trained"] for shot in train_shots)  # a finished training
    exercise = [shot["table_popped"] for shot in grabbed][expected.index("lab1-explore")::per_language]
    assert exercise == [True, True]  # exercise 1's table


def test_first_start_opens_the_bundled_model_on_a_sample_photo(qtbot, offline_keras):
    from neurolab.assets import sample_images
    from neurolab.gui.app import create_window

    window = create_window()  # fresh settings: nothing remembered
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.start()
    assert window.workspace.loaded.name == "shapes" and window.workspace.loaded.pretrained
    assert window.layers.picker.currentText() == "neurolab shapes (bundled)"
    assert window.tab(ActivationsTab).image_name == str(sample_images()[0])
    assert window.tab(ActivationsTab).mosaic is not None and window.tab(ActivationsTab).layer == "conv1"
    window.close()
