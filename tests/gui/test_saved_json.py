"""One result boundary: each tab's Save writes, beside the image, the JSON the command line prints.

Every test saves as a user does (the Save button or File menu action, the file dialog
patched to answer a path), loads the JSON and compares it with the result's ``to_json``
and with what ``neurolab <verb> --json`` prints for the same inputs.
"""

from __future__ import annotations

import json

import pytest
from PIL import Image

from neurolab.cli import main
from neurolab.gui import file_dialogs
from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.adversarial import AdversarialTab
from neurolab.gui.tabs.gan import RunState
from neurolab.gui.tabs.style import StyleTab
from tests.helpers import photo

#: Keys the caller names (the window names the model by its display name, the CLI as typed).
CONTEXT = {"model", "image", "output", "human_label", "preprocessing", "content", "style", "noise", "npy", "data",
           "out", "images", "skipped", "resumed", "samples", "metrics"}


def cli_json(capsys, *argv) -> dict:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def answer_save_dialog(monkeypatch, path) -> None:
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: str(path))


def saved_json(image_path) -> dict:
    assert image_path.is_file()
    return json.loads(image_path.with_suffix(".json").read_text(encoding="utf-8"))


def as_saved(payload: dict) -> dict:
    """A result's ``to_json`` as a tab's Save writes it: JSON, with the precision its job computed
    in (``Tab.with_precision``; this computer's ``auto`` in these tests), as ``--json`` says it."""
    from neurolab.core.precision import compute_precision

    return json.loads(json.dumps({"precision": compute_precision(), **payload}))


def own_facts(payload: dict) -> dict:
    return {k: v for k, v in payload.items() if k not in CONTEXT}


@pytest.fixture
def adversarial(adversarial_tab):
    return adversarial_tab


def test_adversarial_save_writes_the_attack_json_the_cli_prints(qtbot, adversarial, flower_file,
                                                                 tmp_path, monkeypatch, capsys):
    tab = adversarial
    tab.target.setCurrentText("boat")
    with qtbot.waitSignal(tab.result_shown, timeout=120_000):
        tab.attack_button.click()
    out = tmp_path / "flower_adversarial.png"
    answer_save_dialog(monkeypatch, out)
    tab.save_button.click()
    saved = saved_json(out)
    assert saved["method"] == "pgd" and saved["epsilon"] == 8.0 and saved["success"] is True
    assert saved["after"]["top"][0]["class"] == "boat" and saved["output"] == str(out)
    assert saved["human_label"] == "flower" and saved["image"] == flower_file
    assert saved == as_saved(tab.result.to_json(
        model=saved["model"], image=flower_file, human_label="flower", output=str(out),
        preprocessing="raw"))

    cli = cli_json(capsys, "attack", "shapes", flower_file, "--target", "boat", "--epsilon", "8",
                   "--json")
    assert set(saved) - {"human_label"} == set(cli)
    for key in ("method", "epsilon", "success", "target", "target_index", "true_class", "steps",
                "step_size", "linf", "image_size"):
        assert saved[key] == cli[key], key
    assert [p["class"] for p in saved["after"]["top"]] == [p["class"] for p in cli["after"]["top"]]


def test_adversarial_save_of_a_fooling_image_and_of_a_blend(qtbot, adversarial, tmp_path, monkeypatch):
    tab = adversarial
    tab.modes.setCurrentIndex(1)
    tab.fool_target.setCurrentText("star")
    with qtbot.waitSignal(tab.result_shown, timeout=120_000):
        tab.fool_button.click()
    fooled = tmp_path / "fooled.png"
    answer_save_dialog(monkeypatch, fooled)
    tab.save_button.click()
    saved = saved_json(fooled)
    assert saved["method"] == "fool" and saved["target"] == "star" and saved["success"] is True
    assert saved == as_saved(tab.result.to_json(
        model=saved["model"], image=saved["image"], human_label=saved["human_label"],
        output=str(fooled), preprocessing="raw"))

    tab.modes.setCurrentIndex(2)
    with qtbot.waitSignal(tab.result_shown, timeout=120_000):
        tab.blend_button.click()  # blends with the fooling image just grown
    tab.blend_slider.setValue(20)
    blended = tmp_path / "blended.png"
    answer_save_dialog(monkeypatch, blended)
    tab.save_button.click()
    saved = saved_json(blended)
    curve = tab.curve
    assert saved["method"] == "blend" and saved["alpha"] == 1.0 and saved["mode"] == "mix"
    assert saved["after"]["top"][0]["class"] == curve.top[20].label
    assert saved["success"] is (curve.top[20].index != curve.true_class)
    blend_keys = {"method", "mode", "alpha", "target", "true_class", "true_index", "before", "after",
                  "success", "linf", "l2", "psnr", "ssim", "image_size"}
    assert blend_keys <= set(saved)  # what `neurolab blend --json` writes (tests/cli)


def test_epsilon_range_is_one_definition_for_spin_box_cli_and_core(qtbot, monkeypatch, capsys):
    from neurolab.core.adversarial.attacks import AttackConfig
    from neurolab.core.errors import BadInputError
    from neurolab.gui.worker import JobRunner

    monkeypatch.setattr(AttackConfig, "EPSILON_RANGE", (2.0, 40.0))
    runner = JobRunner()
    tab = AdversarialTab(runner)
    qtbot.addWidget(tab)
    assert (tab.epsilon.minimum(), tab.epsilon.maximum()) == (2.0, 40.0)
    assert main(["attack", "shapes", "no-such.png", "--epsilon", "41"]) == 2
    assert "--epsilon must be between 2 and 40" in capsys.readouterr().err
    with pytest.raises(BadInputError, match="between 2 and 40"):
        AttackConfig(epsilon=1.5).check()
    AttackConfig(epsilon=40.0).check()  # both ends allowed
    assert runner.shutdown()


def test_style_save_writes_the_json_the_cli_prints(qtbot, tmp_path, monkeypatch, capsys):
    from neurolab.gui.worker import JobRunner

    runner = JobRunner()
    tab = StyleTab(runner)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_content(photo(60, 90), "photo.png")
    tab.backbone.setCurrentIndex(tab.backbone.findData("random"))
    tab.size.setValue(64)
    tab.steps.setValue(6)
    with qtbot.waitSignal(tab.finished, timeout=120_000):
        tab.start_button.click()
    out = tmp_path / "photo_styled.png"
    answer_save_dialog(monkeypatch, out)
    tab.save_button.click()
    saved = saved_json(out)
    assert saved == as_saved(tab.style_result.to_json(
        content="photo.png", style=tab.style_name, output=str(out)))
    assert saved["steps"] == 6 and saved["backbone"] == "random" and saved["size"] == [64, 43]

    content, style = tmp_path / "c.png", tmp_path / "s.png"
    Image.fromarray(photo(60, 90)).save(content)
    Image.fromarray(photo(40, 40, seed=3)).save(style)
    cli = cli_json(capsys, "style", str(content), str(style), "-o", str(tmp_path / "cli.png"),
                   "--steps", "2", "--size", "32", "--backbone", "random", "--json")
    assert set(saved) == set(cli)
    assert runner.shutdown()


def test_activations_save_mosaic_writes_the_json_the_cli_prints(qtbot, window, model_file, tmp_path,
                                                                monkeypatch, capsys):
    image = tmp_path / "photo.png"
    Image.fromarray(photo(60, 80)).save(image)
    tab = window.tab(ActivationsTab)
    with qtbot.waitSignal(tab.mosaic_shown, timeout=60_000):
        window.open_image(str(image))
    out = tmp_path / "mosaic.png"
    answer_save_dialog(monkeypatch, out)
    tab.file_actions()[0].trigger()  # File ▸ Save mosaic…
    saved = saved_json(out)
    cli = cli_json(capsys, "activations", model_file, str(image), "--layer", tab.layer, "--json")
    assert saved["layer"] == cli["layer"] == tab.layer and saved["output"] == str(out)
    for key in ("shape", "native_size", "input_size", "scale", "notices"):
        assert saved[key] == cli[key], key
    for key in ("min", "max", "mean"):
        assert saved[key] == pytest.approx(cli[key], rel=1e-5), key
    assert set(cli) - {"npy"} <= set(saved)
    assert saved["mosaic"]["channels"] == saved["shape"][-1]


@pytest.fixture
def gan(gan_tab):
    return gan_tab


class WatchedHistory(list):
    """A trainer's history that notes every read made on the GUI thread while training runs."""

    tab = None
    reads: list = []

    def _note(self):
        import threading

        if threading.current_thread() is threading.main_thread() and self.tab is not None \
                and self.tab._train_job.busy():
            WatchedHistory.reads.append(threading.current_thread().name)

    def __iter__(self):
        self._note()
        return super().__iter__()

    def __len__(self):
        self._note()
        return super().__len__()

    def __getitem__(self, index):
        self._note()
        return super().__getitem__(index)


@pytest.mark.slow
def test_gan_charts_come_from_progress_events_and_save_grid_writes_the_result_json(
        qtbot, gan, tmp_path, monkeypatch):
    from neurolab.core.gan.trainer import GanTrainer

    built = GanTrainer.__init__

    def watched_init(self, *args, **kwargs):
        built(self, *args, **kwargs)
        self.history = WatchedHistory(self.history)

    WatchedHistory.tab, WatchedHistory.reads = gan, []
    monkeypatch.setattr(GanTrainer, "__init__", watched_init)
    gan.epochs.setValue(6)  # 24 steps: history entries at 10, 20 and each epoch's end
    with qtbot.waitSignal(gan.state_changed, timeout=120_000,
                          check_params_cb=lambda state: state is RunState.FINISHED):
        gan.start_button.click()
    trainer = gan.trainer
    assert isinstance(trainer.history, WatchedHistory)
    assert WatchedHistory.reads == []  # the tab never read the live history while training ran
    assert gan.history == list(trainer.history) and gan.history is not trainer.history
    steps = [entry["step"] for entry in trainer.history]
    assert gan.loss_plot.xs == [float(step) for step in steps]  # every entry charted

    out = tmp_path / "gan_samples.png"
    answer_save_dialog(monkeypatch, out)
    gan.save_grid_button.click()
    saved = saved_json(out)
    assert saved["method"] == "gan" and saved["steps"] == 24 and saved["epochs"] == 6
    assert saved["final"]["g_loss"] == pytest.approx(trainer.history[-1]["g_loss"])
    assert saved == as_saved(gan._last_result.to_json(
        data=gan.data_source, out=gan.run_folder, output=str(out)))
    cli_keys = {"method", "steps", "epochs", "size", "config", "checkpoint", "final"}
    assert cli_keys <= set(saved)  # `neurolab gan train --json` has these and its own context


@pytest.mark.slow
def test_gan_pause_takes_the_history_once_behind_the_last_step(qtbot, gan, tmp_path):
    gan.epochs.setValue(50)
    with qtbot.waitSignal(gan.samples_shown, timeout=120_000):
        gan.start_button.click()
    qtbot.waitUntil(lambda: len(gan.history) >= 2, timeout=60_000)  # entries from the events
    with qtbot.waitSignal(gan.state_changed, timeout=60_000):
        gan.pause_button.click()
    qtbot.waitUntil(lambda: not gan.busy(), timeout=30_000)  # the snapshot job ran
    trainer = gan.trainer
    assert gan.history == trainer.history and gan.history is not trainer.history
    gan.save_metrics(str(tmp_path / "metrics.csv"))
    rows = (tmp_path / "metrics.csv").read_text().splitlines()
    assert len(rows) == len(trainer.history) + 1  # a header, then every entry


def test_explain_save_writes_the_json_the_cli_prints(qtbot, adversarial, flower_file, tmp_path, monkeypatch,
                                                     capsys):
    import numpy as np

    from neurolab.gui.tabs.explain import ExplainTab

    tab = adversarial.window().tab(ExplainTab)
    adversarial.window().show_tab(tab)
    tab.set_method("occlusion")
    with qtbot.waitSignal(tab.explained, timeout=120_000):
        tab.explain_button.click()
    out = tmp_path / "flower_occlusion.png"
    answer_save_dialog(monkeypatch, out)
    tab.save_button.click()
    saved = saved_json(out)
    assert saved["output"] == str(out) and saved["npy"] == str(out.with_suffix(".npy"))
    cli = cli_json(capsys, "explain", "shapes", flower_file, "--method", "occlusion", "--json")
    assert [p["class"] for p in saved["top"]] == [p.label for p in adversarial.clean_top], "the photo's top 5"
    assert set(saved) == set(cli)
    for key in ("method", "class", "index", "probability", "layer", "settings", "min", "max", "image_size",
                "map_size", "top", "meaning"):
        expected = pytest.approx(cli[key]) if isinstance(cli[key], float) else cli[key]
        assert saved[key] == expected, key
    assert np.load(out.with_suffix(".npy")).shape == (saved["image_size"][1], saved["image_size"][0])


def test_features_save_writes_the_json_the_cli_prints(qtbot, adversarial, tmp_path, monkeypatch, capsys):
    import numpy as np

    from neurolab.gui.tabs.features import FeaturesTab

    window = adversarial.window()
    tab = window.tab(FeaturesTab)
    window.show_tab(tab)
    window.show_layer("conv1")
    tab.size_spin.setValue(20)
    tab.steps_spin.setValue(3)
    tab.channels_edit.setText("2,1")  # the window counts from 1, the CLI from 0
    with qtbot.waitSignal(tab.grown, timeout=120_000):
        tab.start_button.click()
    out = tmp_path / "conv1_features.png"
    answer_save_dialog(monkeypatch, out)
    tab.save_button.click()
    saved = saved_json(out)
    cli = cli_json(capsys, "features", "shapes", "--layer", "conv1", "--channels", "1,0", "--size", "20",
                   "--steps", "3", "--json")
    assert set(saved) == set(cli)
    for key in ("kind", "layer", "channels", "image_size", "settings"):
        assert saved[key] == cli[key], key
    assert saved["values"] == pytest.approx(cli["values"], rel=1e-3, abs=1e-4), "the same seed, the same pictures"
    assert np.load(out.with_suffix(".npy")).shape == (2, 20, 20, 3)
