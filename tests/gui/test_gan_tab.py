"""The GAN tab through the real worker: start, pause, resume, stop, checkpoints, folders."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PIL import Image

from neurolab.gui.tabs.gan import GanTab, RunState
from tests.helpers import photo


@pytest.fixture
def tab(gan_tab):
    return gan_tab


@pytest.mark.slow
def test_start_pause_resume_stop_continue_one_run(qtbot, tab):
    tab.epochs.setValue(50)
    with qtbot.waitSignal(tab.samples_shown, timeout=120_000):
        tab.start_button.click()
    assert tab.state is RunState.TRAINING and not tab.start_button.isEnabled()
    qtbot.waitUntil(lambda: tab.trainer.step > 0, timeout=60_000)
    with qtbot.waitSignal(tab.state_changed, timeout=60_000) as paused:
        tab.pause_button.click()
    assert paused.args == [RunState.PAUSED] and tab.pause_button.text() == "Resume"
    step = tab.trainer.step
    assert step > 0 and "Paused at step" in tab.status.text()
    assert not tab.image_size.isEnabled()  # settings stay fixed while the run is alive

    trainer = tab.trainer
    with qtbot.waitSignal(tab.samples_shown, timeout=60_000):
        tab.pause_button.click()  # Resume
    assert tab.state is RunState.TRAINING and tab.trainer is trainer
    qtbot.waitUntil(lambda: trainer.step > max(step, 11), timeout=60_000)  # history: every 10
    with qtbot.waitSignal(tab.state_changed, timeout=30_000) as stopped:
        tab.stop_button.click()
    assert stopped.args == [RunState.STOPPED], stopped.args
    assert trainer.step > step  # the same run went on, it did not start again
    assert os.listdir(tab.run_folder) and "checkpoint written" in tab.status.text()
    assert len(trainer.history) >= 1 and tab.loss_plot.series and tab.score_plot.series
    assert tab.generate_button.isEnabled() and tab.save_metrics_button.isEnabled()


@pytest.mark.slow
def test_a_run_to_its_end_then_samples_interpolation_and_saves(qtbot, tab, tmp_path):
    tab.epochs.setValue(2)
    with qtbot.waitSignal(tab.state_changed, timeout=120_000,
                          check_params_cb=lambda state: state is RunState.FINISHED):
        tab.start_button.click()
    assert tab.trainer.step == 8 and tab.trainer.epoch == 2
    assert tab.grid.shape[2] == 3 and tab.grid.dtype == np.uint8
    with qtbot.waitSignal(tab.samples_shown, timeout=30_000):
        tab.generate_button.click()
    tab.interpolate_button.click()
    qtbot.waitUntil(lambda: tab.strip_view.image() is not None, timeout=30_000)
    grid_path, csv_path = tmp_path / "grid.png", tmp_path / "metrics.csv"
    tab.save_grid(str(grid_path))
    tab.save_metrics(str(csv_path))
    assert Image.open(grid_path).size[0] > 32
    assert csv_path.read_text().splitlines()[0].startswith("step")

    folder = tab.run_folder
    tab.trainer = None
    with qtbot.waitSignal(tab.samples_shown, timeout=60_000):
        tab.open_checkpoint(folder)
    assert tab.trainer.step == 8 and tab.state is RunState.STOPPED and tab.pause_button.isEnabled()


def test_a_folder_with_broken_files_trains_on_the_good_ones(qtbot, tab, tmp_path):
    folder = tmp_path / "pictures"
    (folder / "nested").mkdir(parents=True)
    for i in range(3):
        Image.fromarray(photo(40, 50, seed=i)).save(folder / f"good{i}.png")
    Image.fromarray(photo(30, 30, seed=9)).save(folder / "nested" / "deep.jpg")
    (folder / "notes.txt").write_text("not a picture")
    (folder / "fake.jpg").write_bytes(b"this is text")
    (folder / "cut.png").write_bytes((folder / "good0.png").read_bytes()[:60])
    with qtbot.waitSignal(tab.dataset_shown, timeout=60_000):
        tab.open_folder(str(folder))
    assert len(tab.dataset.images) == 4
    assert "4 images" in tab.data_info.text() and "3 files skipped" in tab.data_info.text()
    assert tab.grid_view.image() is not None  # the preview grid is shown before training


def test_closing_mid_training_stops_the_job_thread_within_two_seconds(qtbot, tab):
    import time

    tab.epochs.setValue(500)
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.trainer is not None and tab.trainer.step > 2, timeout=120_000)
    started = time.perf_counter()
    assert tab.runner.shutdown(timeout_ms=2000)
    assert time.perf_counter() - started < 2.0


def test_empty_tab_offers_nothing_to_save(qtbot):
    from neurolab.gui.worker import JobRunner

    runner = JobRunner()
    tab = GanTab(runner)
    qtbot.addWidget(tab)
    try:
        assert not tab.save_grid_button.isEnabled() and not tab.save_metrics_button.isEnabled()
        assert tab.loss_plot.placeholder and tab.score_plot.placeholder
    finally:
        assert runner.shutdown()


@pytest.mark.slow
def test_closing_the_window_mid_epoch_writes_a_checkpoint_of_the_last_step(qtbot, tmp_path,
                                                                           monkeypatch):
    """Closing keeps every trained step (not just the last epoch's) and still exits within 2 s."""
    import time

    from neurolab.core.gan.data import builtin_dataset
    from neurolab.core.gan.trainer import GanTrainer
    from neurolab.gui.app import create_window

    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    window = create_window()
    qtbot.addWidget(window)
    window.show()
    tab = window.tab(GanTab)
    tab.batch.setValue(16)
    tab.latent.setValue(16)
    tab._on_dataset(builtin_dataset(n=1600))  # 100 steps an epoch: the close lands mid-epoch
    tab.epochs.setValue(50)
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.trainer is not None and tab.trainer.step > 3, timeout=120_000)
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 2.0
    assert not window.runner.is_running()
    step = tab.trainer.step
    assert 0 < step < 100
    reopened = GanTrainer.from_checkpoint(tab.run_folder)
    assert reopened.step == step


def _buttons(tab) -> tuple:
    """(Start, Pause/Resume, Stop) as a person sees them: enabled, and the middle one's text."""
    return (tab.start_button.isEnabled(), tab.pause_button.isEnabled(), tab.pause_button.text(),
            tab.stop_button.isEnabled())


@pytest.mark.slow
def test_buttons_follow_every_run_state_through_clicks(qtbot, tab):
    """idle → training → paused → stopped → training → finished, each with only what it allows."""
    assert tab.state is RunState.IDLE and _buttons(tab) == (True, False, "Pause", False)
    tab.epochs.setValue(50)
    with qtbot.waitSignal(tab.state_changed, timeout=120_000,
                          check_params_cb=lambda state: state is RunState.TRAINING):
        tab.start_button.click()
    assert _buttons(tab) == (False, True, "Pause", True)
    with qtbot.waitSignal(tab.state_changed, timeout=60_000,
                          check_params_cb=lambda state: state is RunState.PAUSED):
        tab.pause_button.click()
    assert _buttons(tab) == (False, True, "Resume", True)  # Start would throw the run away
    trainer = tab.trainer
    tab.start_button.click()  # disabled: nothing happens
    assert tab.state is RunState.PAUSED and tab.trainer is trainer
    with qtbot.waitSignal(tab.state_changed, timeout=60_000,
                          check_params_cb=lambda state: state is RunState.STOPPED):
        tab.stop_button.click()
    assert _buttons(tab) == (True, True, "Resume", False)
    tab.epochs.setValue(trainer.epoch + 1)
    with qtbot.waitSignal(tab.state_changed, timeout=60_000,
                          check_params_cb=lambda state: state is RunState.TRAINING):
        tab.pause_button.click()  # Resume
    assert _buttons(tab) == (False, True, "Pause", True) and tab.trainer is trainer
    with qtbot.waitSignal(tab.state_changed, timeout=120_000,
                          check_params_cb=lambda state: state is RunState.FINISHED):
        pass
    assert _buttons(tab) == (True, True, "Resume", False)


@pytest.mark.slow
def test_the_interpolation_strip_follows_training(qtbot, tab):
    """A strip drawn while paused is redrawn as training goes on, and says at which step."""
    tab.epochs.setValue(50)
    with qtbot.waitSignal(tab.samples_shown, timeout=120_000):
        tab.start_button.click()
    qtbot.waitUntil(lambda: tab.trainer.step > 0, timeout=60_000)
    with qtbot.waitSignal(tab.state_changed, timeout=60_000):
        tab.pause_button.click()
    tab.interpolate_button.click()
    qtbot.waitUntil(lambda: tab.strip_view.image() is not None, timeout=30_000)
    paused_at = tab.trainer.step
    first = tab.strip_view.image().copy()
    assert tab._strip_step == paused_at and f"step {paused_at}" in tab.strip_caption.text()
    tab.pause_button.click()  # Resume
    qtbot.waitUntil(lambda: (tab._strip_step or 0) >= paused_at + tab.trainer.config.preview_every,
                    timeout=120_000)
    step = tab._strip_step
    assert f"step {step}" in tab.strip_caption.text()
    assert not np.array_equal(tab.strip_view.image(), first)  # the newer generator drew it
    assert tab.interpolate_button.isEnabled()  # a new walk can be asked for while training
    with qtbot.waitSignal(tab.state_changed, timeout=60_000):
        tab.pause_button.click()


def _gan_window(qtbot, monkeypatch, tmp_path):
    """The window at 1366×768 with the Lab panel closed, on the GAN tab."""
    from neurolab.gui.app import create_window

    monkeypatch.setenv("NEUROLAB_DATA_DIR", str(tmp_path / "data"))
    window = create_window()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.lab.setVisible(False)
    window.tabs.setCurrentWidget(window.tab(GanTab))
    qtbot.waitUntil(lambda: window.tab(GanTab).loss_plot.isVisible(), timeout=10_000)
    return window


@pytest.mark.parametrize("language", ["english", "czech"])
def test_gan_tab_at_1366x768_has_readable_charts_and_no_clipped_text(qtbot, monkeypatch, tmp_path,
                                                                     language, request):
    from neurolab.core.gan.data import GanDataset
    from tests.gui.qt_helpers import clipped_texts

    request.getfixturevalue(language)
    window = _gan_window(qtbot, monkeypatch, tmp_path)
    tab = window.tab(GanTab)
    tab._on_dataset(GanDataset(np.zeros((2000, 32, 32, 3), np.uint8), name="built-in shapes "
                               "(sun, flower, star, heart, moon)"))
    qtbot.wait(50)  # one layout pass
    for plot in (tab.loss_plot, tab.score_plot):
        assert plot.width() >= 320 and plot.height() >= 160, (plot.objectName(), plot.size())
    assert clipped_texts(tab) == []
    window.lab.setVisible(True)  # as on a first start: the samples still get room beside the charts
    qtbot.wait(50)
    assert tab.grid_view.width() >= 160 and tab.grid_view.height() >= 160, tab.grid_view.size()
    for plot in (tab.loss_plot, tab.score_plot):
        assert plot.width() >= 260 and plot.height() >= 160, (plot.objectName(), plot.size())
        right_edge = plot.mapTo(tab, plot.rect().bottomRight()).x()
        assert right_edge < tab.width(), (plot.objectName(), right_edge, tab.width())  # not cut off
    window.close()


def test_czech_wording_counts_and_numbers(qtbot, monkeypatch, tmp_path, czech):
    from neurolab.core.gan.data import GanDataset

    window = _gan_window(qtbot, monkeypatch, tmp_path)
    tab = window.tab(GanTab)
    form = tab.g_rate.parentWidget().layout()
    assert form.labelForField(tab.g_rate).text() == "Rychlost učení generátoru"
    for count, words in ((2000, "2000 obrázků"), (3, "3 obrázky"), (1, "1 obrázek")):
        tab._on_dataset(GanDataset(np.zeros((count, 32, 32, 3), np.uint8), name="x"))
        assert words in tab.data_info.text(), tab.data_info.text()
    assert tab.data_choice.itemText(0) == "Vestavěné tvary"
    window.close()


def test_english_counts_without_a_translation(qtbot, monkeypatch, tmp_path, english):
    from neurolab.core.gan.data import GanDataset

    window = _gan_window(qtbot, monkeypatch, tmp_path)
    window.tab(GanTab)._on_dataset(GanDataset(np.zeros((2000, 32, 32, 3), np.uint8), name="x"))
    assert "2000 images of 32×32 px." in window.tab(GanTab).data_info.text()
    window.close()


def test_the_lab_start_step_resumes_a_paused_run_instead_of_starting_anew(qtbot, monkeypatch,
                                                                           tmp_path):
    from neurolab.core.gan.data import builtin_dataset
    from tests.gui.test_lab_panel import click_step

    window = _gan_window(qtbot, monkeypatch, tmp_path)
    window.lab.setVisible(True)
    tab = window.tab(GanTab)
    tab.batch.setValue(16)
    tab.latent.setValue(16)
    tab._on_dataset(builtin_dataset(n=64))
    tab.epochs.setValue(50)
    with qtbot.waitSignal(tab.state_changed, timeout=120_000,
                          check_params_cb=lambda state: state is RunState.TRAINING):
        tab.start_button.click()
    qtbot.waitUntil(lambda: tab.trainer.step > 0, timeout=60_000)
    with qtbot.waitSignal(tab.state_changed, timeout=60_000,
                          check_params_cb=lambda state: state is RunState.PAUSED):
        tab.pause_button.click()
    trainer, step = tab.trainer, tab.trainer.step
    click_step(qtbot, window, "gan", 1)
    assert tab.state is RunState.TRAINING and tab.trainer is trainer
    qtbot.waitUntil(lambda: trainer.step > step, timeout=60_000)
    window.runner.cancel_all()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    window.close()
