"""The Train tab driven as a user does: data (built-in shapes, a dropped folder with a broken
file and a small class), Start / Pause / Resume / Stop through the one worker, the confusion
matrix (counts, row shares, a cell's pictures), Save → the model opens in the window with its
class names, a dropped picture's top classes, Czech at 1366×768 without clipped texts.

The trainer is ``tests/gui/train_fakes.FakeTrainer`` (core.training's API, simulated epochs):
these tests are about the window, core's own tests train for real."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint

from neurolab.gui import file_dialogs
from neurolab.gui.tabs.train import RunState, TrainTab
from tests.gui.train_fakes import FakeTrainer
from tests.helpers import photo


@pytest.fixture
def fake_training(monkeypatch):
    from neurolab.core.training import data, trainer

    real_builtin = data.builtin_folder
    monkeypatch.setattr(trainer, "ClassifierTrainer", FakeTrainer)
    monkeypatch.setattr(data, "builtin_folder", lambda *a, **k: real_builtin(size=32, per_class=12))


@pytest.fixture
def class_folder(tmp_path):
    """cats (12 pictures), dogs (3: too few), a broken file and a text file."""
    root = tmp_path / "pets"
    for name, count in (("cats", 12), ("dogs", 3)):
        (root / name / "deeper").mkdir(parents=True)
        for i in range(count):
            where = root / name / ("deeper" if i % 2 else "") / f"{name}{i}.png"
            Image.fromarray(photo(40, 48, seed=i + (100 if name == "dogs" else 0))).save(where)
    (root / "cats" / "broken.jpg").write_bytes(b"not a picture at all")
    return root


@pytest.fixture
def train_tab(qtbot, fake_training):
    from neurolab.gui.worker import JobRunner

    runner = JobRunner()
    tab = TrainTab(runner)
    qtbot.addWidget(tab)
    tab.resize(1100, 650)
    tab.show()
    yield tab
    assert runner.shutdown()


def test_builtin_data_then_start_pause_resume_stop(qtbot, train_tab, tmp_path, monkeypatch):
    tab = train_tab
    with qtbot.waitSignal(tab.data_shown, timeout=60_000):
        tab.data_choice.activated.emit(0)  # Built-in shapes
    classes = tab.folder.classes
    assert len(tab.strip_views) == len(classes) >= 2
    assert all(view.image() is not None for view in tab.strip_views)
    assert str(12 * len(classes)) in tab.data_info.text()

    tab.epochs.setValue(400)
    with qtbot.waitSignal(tab.state_changed, timeout=30_000,
                          check_params_cb=lambda s: s is RunState.TRAINING):
        tab.start_button.click()
    assert not tab.start_button.isEnabled() and not tab.backbone.isEnabled()
    qtbot.waitUntil(lambda: len(tab.history) >= 3, timeout=30_000)
    with qtbot.waitSignal(tab.state_changed, timeout=30_000) as paused:
        tab.pause_button.click()
    assert paused.args == [RunState.PAUSED] and tab.pause_button.text() == "Resume"
    trainer, epochs = tab.trainer, tab.history[-1]["epoch"]
    assert "Paused after epoch" in tab.status.text()
    assert tab.loss_plot.series[0][1][-1] >= 3 and len(tab.accuracy_plot.series) == 2

    with qtbot.waitSignal(tab.state_changed, timeout=30_000):
        tab.pause_button.click()  # Resume: the same trainer goes on
    assert tab.state is RunState.TRAINING and tab.trainer is trainer
    qtbot.waitUntil(lambda: tab.history[-1]["epoch"] > epochs + 2, timeout=30_000)
    with qtbot.waitSignal(tab.evaluation_shown, timeout=30_000):
        tab.stop_button.click()
    assert tab.state is RunState.FINISHED and trainer.jobs == 2 and trainer.epoch < 400
    assert tab.pages.currentIndex() == 2 and tab.save_button.isEnabled()
    epochs = [h["epoch"] for h in tab.history]
    assert epochs == list(range(1, len(epochs) + 1))  # nothing charted twice after Resume

    counts_text = tab.matrix.cell_text(1, 0)
    assert counts_text.isdigit() and int(counts_text) >= 1  # the fake takes 1 for 0
    tab.normalise.click()
    shares = tab.matrix.cell_text(1, 1)  # whole percentages (the heading says %)
    assert shares.isdigit() and 0 < int(shares) < 100 and "%" in tab.normalise.text()
    with qtbot.waitSignal(tab.pictures_shown, timeout=30_000):
        tab.matrix.click_cell(1, 0)
    assert tab.cell == (1, 0) and tab.gallery.image() is not None
    assert f"taken for {classes[0]}" in tab.gallery_caption.text()
    assert tab.per_class.rowCount() == len(classes)

    csv = tmp_path / "metrics.csv"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_args: str(csv))  # the user's choice
    tab.metrics_button.click()
    assert csv.read_text().startswith("epoch,loss")


def test_charts_are_ready_before_start_and_keep_their_size_while_it_trains(qtbot, train_tab):
    """Start used to build both charts and then lay them out again when the progress line
    appeared under them: ~100 ms of the GUI thread (benchmarks/bench_ui.py (e)). Now the
    charts are built in idle turns once the tab is seen, and the progress line has its room."""
    import pyqtgraph  # noqa: F401  (the window imports it on a thread once it is ready)

    tab = train_tab
    tab.hide()
    tab.show()  # seen (again) with pyqtgraph imported: the hidden Training page's charts build
    qtbot.waitUntil(lambda: tab.loss_plot.plot_widget is not None
                    and tab.accuracy_plot.plot_widget is not None, timeout=5_000)
    assert tab.pages.currentIndex() == 0  # built while the Data page is shown
    with qtbot.waitSignal(tab.data_shown, timeout=60_000):
        tab.data_choice.activated.emit(0)
    tab.epochs.setValue(400)
    tab.start_button.click()
    # the axes are laid out once for the planned epochs, the loss from 0: new epochs move no axis
    assert tab.loss_plot.x_span == tab.accuracy_plot.x_span == (1.0, 400.0)
    assert 400 <= tab.loss_plot.view_ranges()[0][1] < 413 and tab.loss_plot.y_from_zero
    qtbot.waitUntil(lambda: tab.epoch_label.text() != "" and tab.loss_plot.isVisible(), timeout=30_000)
    qtbot.wait(50)
    sizes = [plot.size() for plot in (tab.loss_plot, tab.accuracy_plot)]
    qtbot.waitUntil(lambda: len(tab.history) >= 3, timeout=30_000)
    tab.epoch_label.setText("a long progress line " * 8)  # two lines at this width
    qtbot.wait(50)
    assert [plot.size() for plot in (tab.loss_plot, tab.accuracy_plot)] == sizes
    with qtbot.waitSignal(tab.state_changed, timeout=30_000):
        tab.pause_button.click()


def test_open_folder_and_save_model_buttons_land_where_the_user_chose(qtbot, train_tab, class_folder,
                                                                      tmp_path, monkeypatch):
    tab = train_tab
    monkeypatch.setattr(file_dialogs, "existing_folder", lambda *_args: str(class_folder))
    with qtbot.waitSignal(tab.data_shown, timeout=60_000):
        tab.folder_button.click()
    assert tab.folder.root == str(class_folder) and tab.folder.classes == ["cats", "dogs"]
    tab.set_training_epochs(2)
    with qtbot.waitSignal(tab.evaluation_shown, timeout=60_000):
        tab.start_button.click()
    saved = tmp_path / "pets.keras"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_args: str(saved))
    with qtbot.waitSignal(tab.open_model_requested, timeout=60_000) as opened:
        tab.save_button.click()
    assert opened.args == [str(saved)] and saved.is_file()
    assert (tmp_path / "pets.labels.txt").read_text().split() == ["cats", "dogs"]


def test_bad_folder_says_a_sentence(qtbot, train_tab, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with qtbot.waitSignal(train_tab.error, timeout=30_000) as said:
        train_tab.drop(str(empty), QPoint(5, 5))
    assert said.args[0].endswith(".") and "Traceback" not in said.args[0]
    assert "cannot be used" in train_tab.data_info.text()


def test_a_test_folder_is_judged_and_the_evaluation_says_so(qtbot, train_tab, class_folder,
                                                            tmp_path, monkeypatch):
    from neurolab.gui import file_dialogs

    tab = train_tab
    assert not tab.test_button.isEnabled()  # the built-in shapes have no test folder
    test = tmp_path / "pets-test"
    for name, seeds in (("cats", range(200, 205)), ("dogs", range(300, 304))):
        (test / name).mkdir(parents=True)
        for seed in seeds:
            Image.fromarray(photo(36, 36, seed=seed)).save(test / name / f"t{seed}.png")
    with qtbot.waitSignal(tab.data_shown, timeout=60_000):
        tab.set_data_source(str(class_folder))
    assert tab.test_button.isEnabled() and "No test folder" in tab.test_info.text()
    monkeypatch.setattr(file_dialogs, "existing_folder", lambda *_a: str(test))
    with qtbot.waitSignal(tab.data_shown, timeout=60_000):
        tab.test_button.click()
    assert len(tab.folder.test) == 9 and "9 pictures" in tab.test_info.text()
    assert "pets-test" in tab.test_info.text() and tab.test_clear.isVisible()

    tab.epochs.setValue(3)
    with qtbot.waitSignal(tab.evaluation_shown, timeout=30_000):
        tab.start_button.click()
    assert tab.result.evaluation.on_test and np.asarray(tab.result.evaluation.confusion).sum() == 9
    assert "test folder" in tab.status.text() and "test folder" in tab.matrix_caption.text()
    with qtbot.waitSignal(tab.pictures_shown, timeout=30_000):
        tab.matrix.click_cell(1, 0)  # dogs taken for cats: the test folder's dog pictures
    shown = [tab.judged_folder().files[i] for i in tab.gallery_indices]
    assert shown and all("pets-test" in path and "dogs" in path for path in shown)

    with qtbot.waitSignal(tab.data_shown, timeout=60_000):
        tab.test_clear.click()
    assert tab.folder.test is None and "No test folder" in tab.test_info.text()
    with qtbot.waitSignal(tab.data_shown, timeout=60_000):
        tab.set_data_source("builtin")  # another data source forgets the test folder
    assert tab.test_source is None and not tab.test_button.isEnabled()


def test_a_dropped_picture_is_classified_in_memory_and_writes_no_file(qtbot, train_tab, tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    tab = train_tab
    tab.set_training_epochs(2)
    with qtbot.waitSignal(tab.evaluation_shown, timeout=60_000):
        tab.run_default_job()
    picture = tmp_path / "new.png"
    Image.fromarray(photo(30, 30, seed=1)).save(picture)
    with qtbot.waitSignal(tab.top_shown, timeout=60_000):
        tab.drop(str(picture), QPoint(5, 5))
    assert tab.top.labels() and list(scratch.iterdir()) == []


@pytest.mark.slow
def test_drop_a_folder_train_save_and_explore_in_the_window(qtbot, fake_training, class_folder,
                                                           tmp_path, monkeypatch):
    from neurolab.gui.tabs.activations import ActivationsTab
    from tests.gui.qt_helpers import classroom_window, clipped_texts, drop

    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    window = classroom_window(qtbot, monkeypatch)
    tab = window.tab(TrainTab)
    window.show_tab(tab)
    with qtbot.waitSignal(tab.data_shown, timeout=60_000):
        drop(window, str(class_folder))  # dropped on the Train tab: its data
    assert tab.folder.classes == ["cats", "dogs"]
    assert "15 pictures in 2 classes" in tab.data_info.text()
    assert "dogs" in tab.data_warnings.text() and tab.data_warnings.isVisible()
    assert "broken.jpg" in tab.unreadable.text()

    tab.epochs.setValue(300)
    with qtbot.waitSignal(tab.state_changed, timeout=30_000,
                          check_params_cb=lambda s: s is RunState.TRAINING):
        tab.start_button.click()
    activations = window.tab(ActivationsTab)  # another tab answers while training runs
    window.show_tab(activations)
    key = next(k for k in ("conv2", "conv1") if activations.layer != k)
    with qtbot.waitSignal(activations.mosaic_shown, timeout=30_000):
        window.show_layer(key)
    assert tab.state is RunState.TRAINING  # still training: the mosaic came between epochs
    window.show_tab(tab)
    with qtbot.waitSignal(tab.evaluation_shown, timeout=60_000):
        tab.stop_button.click()
    qtbot.wait(50)  # one layout pass
    assert clipped_texts(window) == []

    saved = tmp_path / "pets_model.keras"
    with qtbot.waitSignal(window.workspace_ready, timeout=60_000) as opened:
        tab.save_model(str(saved))
    assert saved.exists() and (tmp_path / "pets_model.labels.txt").exists()
    loaded = opened.args[0].loaded
    assert loaded.path == str(saved) and loaded.labels == ["cats", "dogs"]

    picture = tmp_path / "new_cat.png"
    Image.fromarray(photo(30, 30, seed=5)).save(picture)
    window.show_tab(tab)
    with qtbot.waitSignal(tab.top_shown, timeout=60_000):
        drop(window, str(picture))
    assert set(tab.top.labels()) <= {"cats", "dogs"} and tab.top.labels()
    window.close()


@pytest.mark.slow
def test_czech_at_1366x768_nothing_clipped(qtbot, fake_training, czech, tmp_path, monkeypatch):
    from tests.gui.qt_helpers import classroom_window, clipped_texts

    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    window = classroom_window(qtbot, monkeypatch)
    tab = window.tab(TrainTab)
    window.show_tab(tab)
    assert tab.tab_title() == "Trénink"
    for page in range(tab.pages.count()):
        tab.pages.setCurrentIndex(page)
        qtbot.wait(50)
        assert clipped_texts(window) == [], page
    tab.set_training_epochs(5)
    with qtbot.waitSignal(tab.evaluation_shown, timeout=60_000):
        tab.run_default_job()
    tab.normalise.click()
    qtbot.wait(50)
    assert clipped_texts(window) == []
    assert "," in tab.status.text() or "%" in tab.status.text()
    assert np.asarray(tab.result.evaluation.confusion).sum() > 0
    window.close()


@pytest.mark.slow
def test_lab_exercise_7_trains_finds_the_pair_and_opens_a_mistake(qtbot, fake_training, tmp_path,
                                                                 monkeypatch):
    from neurolab.gui.tabs.activations import ActivationsTab
    from tests.gui.qt_helpers import click_step, started_window

    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    window = started_window(qtbot)
    tab = window.tab(TrainTab)
    tab.set_training_epochs(4)
    click_step(qtbot, window, "train", 0)  # trains on the built-in shapes
    assert window.current_tab() is tab and tab.has_result()
    click_step(qtbot, window, "train", 1)
    assert tab.cell == (1, 0) and tab.gallery.image() is not None  # the fake confuses 1 with 0
    click_step(qtbot, window, "train", 2)
    activations = window.tab(ActivationsTab)
    assert window.current_tab() is activations
    assert window.workspace.loaded.path == tab.saved_path
    assert window.workspace.loaded.labels == tab.result.classes
    classes = tab.result.classes
    assert f"{classes[1]}-" in activations.image_name and f"taken-for-{classes[0]}" in activations.image_name
    click_step(qtbot, window, "train", 2)  # again: nothing saved twice, the same model stays
    assert window.workspace.loaded.path == tab.saved_path
    window.close()


@pytest.mark.slow
def test_real_training_on_the_builtin_shapes_then_save(qtbot, tmp_path, monkeypatch):
    """core.training's own trainer behind the buttons: a few epochs, the matrix, a saved file."""
    from neurolab.core.models.catalog import load_model
    from neurolab.core.training import data
    from neurolab.gui.worker import JobRunner

    real_builtin = data.builtin_folder
    monkeypatch.setattr(data, "builtin_folder", lambda *a, **k: real_builtin(per_class=20))
    runner = JobRunner()
    tab = TrainTab(runner)
    qtbot.addWidget(tab)
    tab.resize(1100, 650)
    tab.show()
    tab.set_training_epochs(3)
    with qtbot.waitSignal(tab.evaluation_shown, timeout=300_000):
        tab.start_button.click()
    assert tab.state is RunState.FINISHED and 1 <= len(tab.history) <= 3
    confusion = np.asarray(tab.result.evaluation.confusion)
    assert confusion.shape == (len(tab.folder.classes),) * 2 and confusion.sum() > 0
    assert tab.loss_plot.series[1][2] and tab.accuracy_plot.series[1][2]  # validation curves
    with qtbot.waitSignal(tab.model_saved, timeout=120_000):
        tab.save_model(str(tmp_path / "shapes_again.keras"))
    assert load_model(tab.saved_path).labels == tab.folder.classes
    assert runner.shutdown()


def test_settings_of_the_old_default_backbone_move_to_automatic(qtbot, train_tab, tmp_path):
    """Before "Automatic" existed, every closed window saved "bundled" (the default then) whether a
    user chose it or not: such settings open on Automatic; a choice saved since stays as chosen."""
    from PySide6.QtCore import QSettings

    old = QSettings(str(tmp_path / "old.ini"), QSettings.IniFormat)
    old.setValue("train_backbone", "bundled")
    train_tab.backbone.setCurrentIndex(train_tab.backbone.findData("scratch"))
    train_tab.restore_state(old)
    assert train_tab.backbone.currentData() == "auto"

    train_tab.backbone.setCurrentIndex(train_tab.backbone.findData("bundled"))  # chosen now
    new = QSettings(str(tmp_path / "new.ini"), QSettings.IniFormat)
    train_tab.save_state(new)
    train_tab.backbone.setCurrentIndex(train_tab.backbone.findData("auto"))
    train_tab.restore_state(new)
    assert train_tab.backbone.currentData() == "bundled"


def test_a_result_goes_on_screen_in_spaced_turns(qtbot, train_tab, monkeypatch):
    """The finished run's matrix and Evaluation page in the next turn, then the per-class table
    and the mistakes ``TURN_SPACING_MS`` later: with a 0 ms timer they could land in the turn
    of the page's first paint (benchmarks/bench_ui.py (e), evaluation shown)."""
    from PySide6.QtCore import QTimer

    from neurolab.gui.tabs import train

    tab = train_tab
    tab.epochs.setValue(2)
    with qtbot.waitSignal(tab.evaluation_shown, timeout=60_000):
        tab.start_button.click()
    result = tab.result
    tab.pages.setCurrentIndex(1)
    tab._clear_evaluation()
    delays = []

    class Recorder:
        @staticmethod
        def singleShot(msec, *args):  # noqa: N802 - Qt's name
            delays.append(msec)
            QTimer.singleShot(msec, *args)

    monkeypatch.setattr(train, "QTimer", Recorder)
    tab._on_result(result)  # the same result arriving again
    with qtbot.waitSignal(tab.evaluation_shown, timeout=5_000):
        pass
    assert tab.pages.currentIndex() == 2 and tab.per_class.rowCount() == len(result.classes)
    assert delays == [0, train.TURN_SPACING_MS] and train.TURN_SPACING_MS >= 20


def test_the_status_says_when_the_automatic_choice_leaves_augmentation_out(train_tab, monkeypatch):
    """Automatic + the augmentation box ticked, and core chose a network from scratch without
    augmentation (large classes, core.training.config.AUGMENT_BELOW): the status says so, as it
    says which network and size were chosen."""
    from dataclasses import replace
    from types import SimpleNamespace

    from neurolab.core.training.config import TrainConfig

    tab = train_tab
    monkeypatch.setattr(tab, "resume", lambda: None)
    assert tab.backbone.currentData() == "auto" and tab.augment.isChecked()
    chosen = TrainConfig(backbone="scratch", image_size=32, augment=False)
    tab._on_trainer(SimpleNamespace(config=chosen))
    assert "32×32" in tab.status.text() and "No augmentation" in tab.status.text()
    tab._on_trainer(SimpleNamespace(config=replace(chosen, augment=True)))
    assert "32×32" in tab.status.text() and "No augmentation" not in tab.status.text()
