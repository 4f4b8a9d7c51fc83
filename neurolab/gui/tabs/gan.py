"""The GAN tab: train a small DCGAN on a classroom PC and watch the generator learn to draw.

Training runs in core.gan as a background job on the window's one job thread
(other tabs' jobs run between its steps). Pause closes the job and keeps the
trainer in memory, so Resume continues exactly; Stop also writes a
checkpoint. This widget shows the fixed-latent sample grid, the loss and
score charts, and saves grids (PNG) and metrics (CSV).
"""

from __future__ import annotations

import logging
import os
import time

import numpy as np
from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from neurolab.core.formatting import format_duration
from neurolab.core.images import save_image
from neurolab.core.jobs import Progress, call_job
from neurolab.gui import file_dialogs
from neurolab.gui.core_texts import core_text, error_text, job_stage
from neurolab.gui.locale_format import integer, number
from neurolab.gui.tabs.base import Tab
from neurolab.gui.widgets.curve_plot import CurvePlot
from neurolab.gui.widgets.image_view import ImageView
from neurolab.gui.widgets.run_controls import RunControls, RunState, RunTexts
from neurolab.gui.worker import LatestJob

log = logging.getLogger(__name__)

BUILTIN = "builtin"  # the data source of the shapes neurolab draws (else a folder's path)
MAX_CHART_POINTS = 600
CHART_MIN_SIZE = (260, 160)  # room for the axes and the legend row at 1366×768, Lab panel open
SAMPLES_MIN_SIZE = (160, 160)  # 4×4 samples at 40 px each: never squeezed away by the charts


def trainer_state(trainer) -> tuple[list[dict], tuple[int, int], object]:
    """Copies of a trainer's history, (step, epoch) and its config, for the tab to keep."""
    return [dict(entry) for entry in trainer.history], (trainer.step, trainer.epoch), trainer.config


def default_run_folder() -> str:
    """A new, empty folder for this run's checkpoints under the user's data folder.

    Created here, so two windows starting a run in the same second never share one.
    """
    base = os.environ.get("NEUROLAB_DATA_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.AppDataLocation) or os.path.expanduser("~/.neurolab")
    stem = os.path.join(base, "gan", time.strftime("run-%Y%m%d-%H%M%S"))
    os.makedirs(os.path.dirname(stem), exist_ok=True)
    for attempt in range(1, 1000):
        folder = stem if attempt == 1 else f"{stem}-{attempt}"
        try:
            os.mkdir(folder)
            return folder
        except FileExistsError:
            continue
    raise FileExistsError(stem)


class GanTab(Tab):
    """Data and settings left; the sample grid and training charts right."""

    key = "gan"
    takes_folders = True

    dataset_shown = Signal()
    samples_shown = Signal()  # a new grid of the fixed latent vectors is on screen
    state_changed = Signal(object)  # the new RunState

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.dataset = None  # core.gan.data.GanDataset
        self.data_source = BUILTIN
        self.trainer = None  # core.gan.trainer.GanTrainer, kept across Pause/Resume
        self.run_folder: str | None = None
        self.grid: np.ndarray | None = None  # what the big view shows (samples or data preview)
        self._preview_step = None
        self._strip_seed: int | None = None  # the strip's two latent vectors; None: no strip
        self._strip_step: int | None = None  # the training step of the generator that drew it
        self._charted = 0  # history entries already drawn in the charts
        #: The tab's own copy of the trainer's history, for the charts and Save metrics: new
        #: entries come in progress events; a snapshot is taken only when no job touches the trainer.
        self.history: list[dict] = []
        self._trained = (0, 0)  # (steps, epochs) of the newest progress or snapshot
        self._gan_config = None  # the run's GanConfig (taken with a snapshot)
        self._samples_shown = False  # the big view shows generated samples (not the data)
        self._last_result = None  # the finished run's GanResult
        self._data_job = LatestJob(runner, "gan-data", self)
        self._data_job.failed.connect(self._on_failed)
        self._train_job = LatestJob(runner, "gan-train", self)
        self._snapshot_job = LatestJob(runner, "gan-snapshot", self)  # the history after a pause
        self._snapshot_job.failed.connect(self.error)
        self._train_job.failed.connect(self._on_failed)
        self._tool_job = LatestJob(runner, "gan-tool", self)  # build, checkpoint, sample
        self._tool_job.failed.connect(self._on_failed)
        self._build()
        self._set_state(RunState.IDLE)

    def tab_title(self) -> str:
        return self.tr("GAN")

    # --- layout -------------------------------------------------------------
    def _build(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self._data_box())
        left.addWidget(self._model_box())
        left.addWidget(self._run_box())
        left.addStretch(1)

        self.grid_view = ImageView(placeholder=self.tr("Press Start: samples from 16 fixed latent "
                                                       "vectors appear here as the generator "
                                                       "learns"))
        self.grid_view.setObjectName("ganGrid")
        self.grid_view.setMinimumSize(*SAMPLES_MIN_SIZE)
        self.grid_caption = QLabel(self.tr("<b>Generated samples</b>"))
        self.grid_caption.setWordWrap(True)
        self.strip_caption = QLabel()
        self.strip_caption.setObjectName("ganStripCaption")
        self.strip_caption.setWordWrap(True)
        self.strip_view = ImageView(placeholder=self.tr("Latent interpolation"))
        self.strip_view.setObjectName("ganStrip")
        self.strip_view.setMinimumHeight(60)
        self.strip_view.setMaximumHeight(110)
        self.loss_plot = CurvePlot(x_label=self.tr("step"), y_label=self.tr("loss"), y_range=None,
                                   title=self.tr("Losses"),
                                   placeholder=self.tr("Generator and discriminator loss, "
                                                       "once training starts"))
        self.loss_plot.setObjectName("ganLoss")
        self.score_plot = CurvePlot(x_label=self.tr("step"), y_label=self.tr("score"),
                                    y_range=(0.0, 1.0), title=self.tr("Discriminator's scores"),
                                    placeholder=self.tr("D(real) and D(fake): how sure the "
                                                        "discriminator is"))
        self.score_plot.setObjectName("ganScores")
        for plot in (self.loss_plot, self.score_plot):
            plot.setMinimumSize(*CHART_MIN_SIZE)
        self._draw_charts([])
        self.status = QLabel()
        self.status.setObjectName("ganStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        pictures = QVBoxLayout()  # the samples with their interpolation strip below
        pictures.addWidget(self.grid_caption)
        pictures.addWidget(self.grid_view, 1)
        pictures.addWidget(self.strip_caption)
        pictures.addWidget(self.strip_view)
        charts = QVBoxLayout()  # one above the other: each gets the column's full width
        charts.addWidget(self.loss_plot, 1)
        charts.addWidget(self.score_plot, 1)
        columns = QHBoxLayout()
        columns.addLayout(pictures, 2)
        columns.addLayout(charts, 3)
        right = QVBoxLayout()
        right.addLayout(columns, 1)
        right.addWidget(self.status)

        layout = QHBoxLayout(self)
        holder = QWidget()
        holder.setLayout(left)
        holder.setMaximumWidth(340)
        layout.addWidget(holder)
        layout.addLayout(right, 1)

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Data"))
        column = QVBoxLayout(box)
        self.data_choice = QComboBox()
        self.data_choice.setObjectName("ganData")
        self.data_choice.addItem(self.tr("Built-in shapes"), BUILTIN)
        self.data_choice.setToolTip(self.tr("Pictures of simple shapes drawn by neurolab (nothing "
                                            "to download), or any folder of images"))
        self.data_choice.activated.connect(self._on_data_choice)
        self.folder_button = QPushButton(self.tr("Folder…"))
        self.folder_button.setToolTip(self.tr("Train on every image in a folder and its subfolders "
                                              "(centre-cropped and resized)"))
        self.folder_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.data_choice, 1)
        row.addWidget(self.folder_button)
        self.data_info = QLabel(self.tr("No data loaded yet."))
        self.data_info.setObjectName("ganDataInfo")
        self.data_info.setWordWrap(True)
        self.show_data_button = QPushButton(self.tr("Show data"))
        self.show_data_button.setToolTip(self.tr("Show a grid of training images"))
        self.show_data_button.clicked.connect(self.show_data)
        column.addLayout(row)
        column.addWidget(self.data_info)
        column.addWidget(self.show_data_button)
        return box

    def _model_box(self) -> QGroupBox:
        from neurolab.core.gan.config import GanConfig

        defaults = GanConfig()
        box = QGroupBox(self.tr("Networks and training"))
        form = QFormLayout(box)
        self.image_size = QComboBox()
        self.image_size.setObjectName("ganSize")
        for size in (32, 64):
            self.image_size.addItem(self.tr("{0}×{0} px").format(size), size)
        self.image_size.setCurrentIndex(self.image_size.findData(defaults.size))
        self.latent = self._spin(8, 512, defaults.latent_dim,
                                 self.tr("Length of the random vector the generator draws from"))
        self.batch = self._spin(8, 512, defaults.batch_size, self.tr("Images per training step"))
        self.epochs = self._spin(1, 10_000, defaults.epochs,
                                 self.tr("Passes over the data; a checkpoint is written after each"))
        self.epochs.setObjectName("ganEpochs")
        self.g_rate = self._rate(defaults.g_learning_rate, self.tr("Generator's Adam learning rate"))
        self.d_rate = self._rate(defaults.d_learning_rate,
                                 self.tr("Discriminator's Adam learning rate"))
        form.addRow(self.tr("Image size"), self.image_size)
        form.addRow(self.tr("Latent size"), self.latent)
        form.addRow(self.tr("Batch size"), self.batch)
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Generator learning rate"), self.g_rate)
        form.addRow(self.tr("Discriminator learning rate"), self.d_rate)
        self._settings_widgets = (self.image_size, self.latent, self.batch, self.g_rate,
                                  self.d_rate, self.data_choice, self.folder_button)
        return box

    def _run_texts(self) -> RunTexts:
        return RunTexts(self.tr("Start"), self.tr("Pause"), self.tr("Resume"), self.tr("Stop"),
                        self.tr("Train new networks from scratch"), self.tr("Stop and write a checkpoint"))

    @property
    def state(self) -> RunState:
        return self.run.state

    def _spin(self, low: int, high: int, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setToolTip(tip)
        return spin

    def _rate(self, value: float, tip: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(5)
        spin.setRange(0.00001, 0.01)
        spin.setSingleStep(0.0001)
        spin.setValue(value)
        spin.setToolTip(tip)
        return spin

    def _run_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Run"))
        column = QVBoxLayout(box)
        self.run = RunControls(
            "gan", self._run_texts, self._train_job, start=self.start, resume=self.resume,
            end=self._save_checkpoint, paused=self._show_paused,
            resumable=(RunState.PAUSED, RunState.STOPPED, RunState.FINISHED),  # a checkpoint goes on
            has_run=lambda: self.trainer is not None)
        self.run.settings_widgets = self._settings_widgets
        self.start_button, self.pause_button, self.stop_button = (
            self.run.start_button, self.run.pause_button, self.run.stop_button)
        column.addWidget(self.run)
        self.open_checkpoint_button = QPushButton(self.tr("Open checkpoint…"))
        self.open_checkpoint_button.setToolTip(self.tr("Continue a run or draw samples from it"))
        self.open_checkpoint_button.clicked.connect(self.open_checkpoint_dialog)
        self.generate_button = QPushButton(self.tr("New samples"))
        self.generate_button.setToolTip(self.tr("Draw 16 new random latent vectors"))
        # clicked(bool) would land in generate's ``fixed``: the button always draws new vectors.
        self.generate_button.clicked.connect(lambda _checked=False: self.generate())
        self.interpolate_button = QPushButton(self.tr("Interpolate"))
        self.interpolate_button.setToolTip(self.tr("Walk between two random latent vectors "
                                                   "(redrawn as training goes on)"))
        self.interpolate_button.clicked.connect(self.interpolate)
        tools = QHBoxLayout()
        tools.addWidget(self.generate_button)
        tools.addWidget(self.interpolate_button)
        column.addWidget(self.open_checkpoint_button)
        column.addLayout(tools)
        self.save_grid_button = QPushButton(self.tr("Save grid…"))
        self.save_grid_button.clicked.connect(self.save_grid_dialog)
        self.save_metrics_button = QPushButton(self.tr("Save metrics CSV…"))
        self.save_metrics_button.clicked.connect(self.save_metrics_dialog)
        saves = QHBoxLayout()
        saves.addWidget(self.save_grid_button)
        saves.addWidget(self.save_metrics_button)
        column.addLayout(saves)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("ganFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        column.addWidget(self.folder_label)
        return box

    # --- data ---------------------------------------------------------------
    def config(self):
        from neurolab.core.gan.config import GanConfig

        return GanConfig(size=self.image_size.currentData(), latent_dim=self.latent.value(),
                         batch_size=self.batch.value(), epochs=self.epochs.value(),
                         g_learning_rate=self.g_rate.value(), d_learning_rate=self.d_rate.value())

    def _on_data_choice(self) -> None:
        self.set_data_source(self.data_choice.currentData())

    def choose_folder(self) -> None:
        folder = file_dialogs.existing_folder(self, self.tr("Folder of training images"))
        if folder:
            self.set_data_source(folder)

    def set_data_source(self, source: str) -> None:
        """The built-in data or a folder; loads it (off the UI thread) and shows a preview."""
        if source != BUILTIN and self.data_choice.findData(source) < 0:
            self.data_choice.addItem(os.path.basename(source.rstrip("/\\")) or source, source)
        self.data_choice.setCurrentIndex(self.data_choice.findData(source))
        self.data_source = source
        self.dataset = None
        self.load_data()

    def _data_job_factory(self, size: int):
        from neurolab.core.gan.data import builtin_dataset_job, folder_dataset_job

        source = self.data_source
        if source == BUILTIN:
            return lambda: builtin_dataset_job(size=size)
        return lambda: folder_dataset_job(source, size=size)

    def load_data(self, then=None) -> None:
        size = self.image_size.currentData()
        self.data_info.setText(self.tr("Reading the data…"))

        def loaded(dataset) -> None:
            self._on_dataset(dataset)
            if then is not None:
                then()

        self._data_job.start(self._data_job_factory(size), loaded)

    def _on_dataset(self, dataset) -> None:
        self.dataset = dataset
        skipped = len(dataset.skipped)
        name, count, size = core_text(dataset.name), len(dataset.images), dataset.images.shape[1]
        if skipped:
            reasons = "; ".join(f"{os.path.basename(p)}: {error_text(r)}" for p, r in dataset.skipped[:3])
            text = self.tr("{0}: %n images of {1}×{1} px", "", count).format(name, size)
            text += self.tr(", %n files skipped ({0}{1}).", "", skipped).format(
                reasons, "; …" if skipped > 3 else "")
        else:
            text = self.tr("{0}: %n images of {1}×{1} px", "", count).format(name, size) + "."
        self.data_info.setText(text)
        if self.trainer is None:
            self.show_data()
        self.dataset_shown.emit()

    def show_data(self) -> None:
        if self.dataset is None:
            self.load_data()
            return
        self.grid = self.dataset.preview_grid(64)
        self._samples_shown = False
        self.grid_view.set_array(self.grid)
        self.save_grid_button.setEnabled(True)
        self.grid_caption.setText(self.tr("<b>Training data</b> (a sample)"))

    # --- training -----------------------------------------------------------
    def start(self) -> None:
        """New networks from scratch on the chosen data (not while a run is paused: Resume or Stop it)."""
        if self.busy() or self.state in (RunState.TRAINING, RunState.PAUSED):
            return
        if self.dataset is None or self.dataset.images.shape[1] != self.image_size.currentData():
            self.load_data(then=self.start)
            return
        from neurolab.core.gan.trainer import GanTrainer

        config, dataset = self.config(), self.dataset
        try:
            self.run_folder = default_run_folder()
        except OSError as exc:
            self.error.emit(self.tr("Cannot create a folder for the checkpoints: {0}.").format(
                exc.strerror or exc))
            return
        self.folder_label.setText(self.tr("Checkpoints: {0}").format(self.run_folder))
        self._draw_charts([])
        self._charted = 0
        self.history = []
        self._show_strip(None)
        self.start_button.setEnabled(False)  # until the networks are built and training starts
        self.status.setText(self.tr("Building the networks…"))
        stage = self.tr("building the networks")
        self._tool_job.start(lambda: call_job(stage, GanTrainer, config, dataset),
                             self._on_trainer)

    def _on_trainer(self, trainer) -> None:
        self.trainer = trainer
        self._snapshot()
        self.resume()

    def _snapshot(self) -> None:
        """Take the trainer's history, counters and config once, where no job touches it: just
        built or opened, or after a job on the job thread (a checkpoint) ran behind the last step."""
        if self.trainer is not None and not self._train_job.busy():
            self._take_snapshot(trainer_state(self.trainer))

    def _snapshot_after_pause(self) -> None:
        """A paused job may still be finishing its step on the job thread: copy there, behind it."""
        trainer, stage = self.trainer, self.tr("reading the history")
        if trainer is not None:
            self._snapshot_job.start(lambda: call_job(stage, trainer_state, trainer),
                                     self._take_snapshot)

    def _take_snapshot(self, state) -> None:
        if self._train_job.busy():
            return  # training went on meanwhile: its events carry the history
        self.history, self._trained, self._gan_config = state
        self._charted = -1  # redraw
        self._chart_history()

    def _take_history(self, entries) -> None:
        """New history entries from a progress event (copies); those already held are skipped
        (a resumed run's first event repeats the whole history)."""
        last = self.history[-1]["step"] if self.history else -1
        self.history.extend(dict(e) for e in entries if e["step"] > last)

    def resume(self) -> None:
        """Continue training the trainer in memory (exactly where it was)."""
        if self.trainer is None or self._train_job.busy():
            return
        if self.trainer.epoch >= self.epochs.value():  # a finished run goes on for 10 more
            self.epochs.setValue(self.trainer.epoch + 10)
        trainer, folder = self.trainer, self.run_folder
        epochs = self.epochs.value()
        self._train_job.start(
            lambda: trainer.train_job(epochs=epochs, checkpoint_dir=folder),
            self._on_finished, self._on_progress, background=True, on_cancelled=self.run.job_cancelled)
        self._set_state(RunState.TRAINING)

    def toggle_pause(self) -> None:
        self.run.toggle_pause()

    def pause(self) -> None:
        self.run.pause()  # the job closes between two steps; the trainer keeps its state

    def stop(self) -> None:
        """Pause and write a checkpoint."""
        self.run.stop()

    def _show_paused(self) -> None:
        self._snapshot_after_pause()
        self._set_state(RunState.PAUSED)
        self.status.setText(self.tr("Paused at step {0}. Resume continues exactly from "
                                    "here.").format(self.trainer.step))

    def _save_checkpoint(self) -> None:
        if self.trainer is None or self.run_folder is None:
            self._set_state(RunState.IDLE)
            return
        trainer, folder = self.trainer, self.run_folder
        stage = self.tr("writing the checkpoint")
        self._tool_job.start(lambda: call_job(stage, trainer.save_checkpoint,
                                              folder), self._on_checkpoint_saved)

    def save_on_close(self) -> str | None:
        """Write the steps trained since the last checkpoint; the folder, or None.

        Called by the window after the worker thread has stopped, so nothing
        else touches the trainer. Without it, closing mid-epoch would lose
        every step since the epoch's checkpoint.
        """
        from neurolab.core.gan.checkpoint import step_folder_name

        trainer, folder = self.trainer, self.run_folder
        if trainer is None or folder is None:
            return None
        last = trainer.last_checkpoint
        if last and os.path.basename(last) == step_folder_name(trainer.step):
            return None  # already saved at this step
        try:
            return trainer.save_checkpoint(folder)
        except Exception:  # noqa: BLE001 - closing must go on; the last good checkpoint remains
            log.exception("could not write the GAN checkpoint while closing")
            return None

    def _on_checkpoint_saved(self, _result) -> None:
        self._snapshot()
        self._set_state(RunState.STOPPED)
        self.status.setText(self.tr("Stopped at step {0}; checkpoint written to {1}.").format(
            self.trainer.step, self.run_folder))

    def _on_progress(self, event) -> None:
        metrics = event.metrics
        drawn_at = metrics.get("preview_step")  # every event carries the latest grid: show new ones
        if event.preview is not None and (drawn_at is None or drawn_at != self._preview_step):
            self._preview_step = drawn_at
            self._show_grid(event.preview)
            self._refresh_strip()
        self._take_history(metrics.get("history", ()))
        if "step" in metrics:
            self._trained = (event.step, int(metrics.get("epoch", 0)))
        self._chart_history()
        if metrics:
            self.status.setText(self.tr(
                "{0} — step {1}/{2} — {3} steps/s — about {4} left — generator loss {5}, "
                "discriminator loss {6}, D(real) {7}, D(fake) {8}").format(
                job_stage(event.stage), integer(event.step), integer(event.total),
                number(metrics.get("steps_per_second", 0.0), 1),
                format_duration(metrics.get("eta_seconds", 0.0)), number(metrics.get("g_loss", 0.0), 3),
                number(metrics.get("d_loss", 0.0), 3), number(metrics.get("d_real", 0.0), 2),
                number(metrics.get("d_fake", 0.0), 2)))

    def _chart_history(self) -> None:
        """Redraw the charts when the tab's history has grown (an entry every 10 steps):
        progress events come up to 20 times a second, so most of them leave the charts alone."""
        entries = len(self.history)
        if entries == self._charted:
            return
        self._charted = entries
        history = self.history
        if len(history) > MAX_CHART_POINTS:  # the chart is a few hundred pixels wide
            history = history[::len(history) // MAX_CHART_POINTS + 1] + history[-1:]
        self._draw_charts(history)

    def _draw_charts(self, history: list[dict]) -> None:
        """The loss and score curves of ``history``. With none, the named curves are set empty
        (before a run): the charts build their axes and legend once, when first shown, and a
        run's points only set data (rebuilding both charts at the first point held the GUI
        thread ~15 ms, benchmarks/bench_ui.py (d))."""
        steps = [h["step"] for h in history]
        self.loss_plot.set_series([(self.tr("generator"), steps, [h["g_loss"] for h in history]),
                                   (self.tr("discriminator"), steps,
                                    [h["d_loss"] for h in history])])
        self.score_plot.set_series([(self.tr("D(real)"), steps, [h["d_real"] for h in history]),
                                    (self.tr("D(fake)"), steps, [h["d_fake"] for h in history])])

    def _show_grid(self, grid: np.ndarray) -> None:
        self.grid = grid
        self._samples_shown = True
        self.grid_view.set_array(grid)
        self.save_grid_button.setEnabled(True)
        self.grid_caption.setText(self.tr("<b>Generated samples</b> (the same 16 latent vectors "
                                          "throughout)"))
        self.samples_shown.emit()

    def _on_finished(self, result) -> None:
        self._last_result = result
        self.history = [dict(entry) for entry in result.history]  # the result's own copy
        self._trained = (result.steps, result.epochs)
        self._chart_history()
        self._show_grid(result.grid)
        self._set_state(RunState.FINISHED)
        self.status.setText(self.tr("Finished: {0} steps, {1} epochs; checkpoint in {2}.").format(
            result.steps, result.epochs, self.run_folder))

    def _on_failed(self, message: str) -> None:
        self.error.emit(message)
        self.status.setText(self.tr("Stopped: {0}").format(error_text(message)))
        self.run.stopping = False
        if self.state is RunState.TRAINING:
            self._set_state(RunState.PAUSED if self.trainer is not None else RunState.IDLE)
        else:
            self._set_state(self.state)

    def busy(self) -> bool:
        return self._train_job.busy() or self._tool_job.busy() or self._snapshot_job.busy()

    def _set_state(self, state: RunState) -> None:
        """Enable what this run state allows.

        IDLE: Start. TRAINING: Pause, Stop. PAUSED: Resume, Stop (not Start:
        it would throw the paused run away). STOPPED, FINISHED: Start (a new
        run) or Resume (the same run goes on). (:meth:`RunControls.show_state`.)
        """
        self.run.show_state(state)
        training = state is RunState.TRAINING
        has_generator = self.trainer is not None
        for button in (self.generate_button, self.save_metrics_button):
            button.setEnabled(has_generator and not training)
        self.interpolate_button.setEnabled(has_generator)  # during training too: it follows along
        self.save_grid_button.setEnabled(self.grid is not None)  # nothing to save before
        self.state_changed.emit(state)

    # --- checkpoints and samples -------------------------------------------
    def open_folder(self, folder: str) -> None:
        """A dropped folder: a checkpoint opens, anything else becomes the training data."""
        from neurolab.core.gan.checkpoint import is_checkpoint_folder

        if self.state is RunState.TRAINING:
            self.error.emit(self.tr("Pause or stop the training before changing its data."))
        elif is_checkpoint_folder(folder):
            self.open_checkpoint(folder)
        else:
            self.set_data_source(folder)

    def open_checkpoint_dialog(self) -> None:
        folder = file_dialogs.existing_folder(self, self.tr("GAN checkpoint folder"))
        if folder:
            self.open_checkpoint(folder)

    def open_checkpoint(self, folder: str) -> None:
        """Load a run to continue it (Resume) or draw samples from it."""
        from neurolab.core.gan.trainer import GanTrainer

        self.status.setText(self.tr("Opening the checkpoint…"))
        stage = self.tr("reading the checkpoint")
        self._tool_job.start(lambda: call_job(stage, GanTrainer.from_checkpoint,
                                              folder),
                             lambda trainer: self._on_checkpoint_opened(trainer, folder))

    def _on_checkpoint_opened(self, trainer, folder: str) -> None:
        self.trainer = trainer
        self._charted = 0
        self._snapshot()
        self.run_folder = folder
        self.folder_label.setText(self.tr("Checkpoints: {0}").format(folder))
        self.epochs.setValue(max(self.epochs.value(), trainer.epoch + 1))
        self._show_strip(None)
        self._set_state(RunState.STOPPED)  # saved and not running: Resume goes on, Start begins anew
        self.status.setText(self.tr("Checkpoint at step {0} (epoch {1}). Resume continues "
                                    "training.").format(trainer.step, trainer.epoch))
        self._chart_history()
        self.generate(fixed=True)

    def generate(self, fixed: bool = False) -> None:
        from neurolab.core.gan.sampling import sample_grid

        trainer = self.trainer
        if trainer is None:
            return
        seed = None if fixed else int(time.time() * 1000) % (2**31)
        stage = self.tr("drawing samples")
        self._tool_job.start(lambda: call_job(stage, sample_grid, trainer, 16, seed),
                             self._show_grid)

    def interpolate(self) -> None:
        """A new walk between two random latent vectors; redrawn as training goes on."""
        if self.trainer is None:
            return
        self._strip_seed = int(time.time() * 1000) % (2**31)
        self._draw_strip()

    def _draw_strip(self) -> None:
        from neurolab.core.gan.sampling import interpolation_strip

        trainer, seed = self.trainer, self._strip_seed
        stage = self.tr("interpolating")

        def draw():
            yield Progress(0, 1, stage)
            # on the job thread, between two training steps: the strip and its step agree
            return interpolation_strip(trainer, 8, seed), trainer.step

        self._tool_job.start(draw, lambda result: self._show_strip(*result))

    def _refresh_strip(self) -> None:
        """Redraw the strip with the generator as it is now (its two ends stay), so it never
        shows an older generator than the samples above it."""
        if self._strip_seed is not None and self.trainer is not None and not self._tool_job.busy():
            self._draw_strip()

    def _show_strip(self, strip, step: int | None = None) -> None:
        self.strip_view.set_array(strip)
        if strip is None:
            self._strip_seed, self._strip_step = None, None
            self.strip_caption.setText("")
        else:
            self._strip_step = step
            self.strip_caption.setText(self.tr("Latent interpolation, generator at step {0}").format(
                integer(step)))

    def run_default_job(self) -> None:
        """For screenshots: a short real training (:meth:`set_training_epochs`), so the
        samples, not the data, are shown."""
        self.start()

    def set_training_epochs(self, epochs: int) -> None:
        self.epochs.setValue(epochs)

    # --- the Lab's verbs --------------------------------------------------------
    def is_training(self) -> bool:
        return self.state is RunState.TRAINING

    def has_data(self) -> bool:
        """The chosen training data is read (and its preview shown, unless samples are)."""
        return self.dataset is not None

    def show_builtin_data(self) -> None:
        """The built-in shapes as the training data, a preview of them on screen (read first
        if need be: :attr:`dataset_shown` follows)."""
        if self.data_source == BUILTIN and self.dataset is not None:
            self.show_data()
        else:
            self.set_data_source(BUILTIN)

    def ensure_training(self) -> None:
        """Training runs after this: a paused run resumes (Start would throw it away), one
        that runs goes on, otherwise a new run starts on the built-in shapes."""
        if self.state is RunState.PAUSED:
            self.resume()
        elif self.state is not RunState.TRAINING:
            if self.data_source != BUILTIN:
                self.set_data_source(BUILTIN)
            self.start()

    # --- saving -------------------------------------------------------------
    def save_grid_dialog(self) -> None:
        if self.grid is None:
            return
        path = file_dialogs.save_file(self, self.tr("Save grid"), "gan_samples.png",
                                      self.tr("PNG images (*.png)"))
        if path:
            self.save_grid(path)

    def grid_json(self, output: str) -> dict:
        """The JSON saved beside the grid: ``neurolab gan train --json``'s (the run's
        :class:`GanResult` as it stands), or for the training data's preview what it shows."""
        from neurolab.core.gan.trainer import GanResult
        from neurolab.core.results import result_json

        context = {"data": self.data_source, "out": self.run_folder, "output": output}
        if not self._samples_shown or self._gan_config is None:
            return result_json({"method": "gan", "training_data": True}, context)
        result = self._last_result
        if result is None or result.grid is not self.grid:
            steps, epochs = self._trained
            result = GanResult(grid=self.grid, history=self.history, steps=steps, epochs=epochs,
                               config=self._gan_config, checkpoint=None)
        return result.to_json(**context)

    def save_grid(self, path: str) -> None:
        from neurolab.core.results import save_json_beside

        payload = self.with_precision(self.grid_json(path))

        def write():
            save_image(self.grid, path)
            save_json_beside(payload, path)

        self._save(write, path)

    def save_metrics_dialog(self) -> None:
        if self.trainer is None:
            return
        path = file_dialogs.save_file(self, self.tr("Save metrics"), "gan_metrics.csv",
                                      self.tr("CSV files (*.csv)"))
        if path:
            self.save_metrics(path)

    def save_metrics(self, path: str) -> None:
        from neurolab.core.gan.trainer import save_metrics_csv

        history = list(self.history)
        self._save(lambda: save_metrics_csv(history, path), path)

    def _save(self, write, path: str) -> None:
        try:
            write()
        except Exception as exc:  # noqa: BLE001 - a sentence, not a traceback
            self.error.emit(error_text(exc))
            return
        self.message.emit(self.tr("Saved {0}").format(path))
