"""The Train tab: teach a classifier a class's own pictures, watch it learn, see where it is
confused, save it and open it in the window at once.

The math is ``core.training`` (scan a folder of class folders, a trainer whose ``train_job``
pauses when closed and goes on when asked again, an evaluation); this widget shows its data
(counts, a strip of pictures per class, warnings, unreadable files), its settings, live loss and
accuracy charts, the confusion matrix (a click shows the cell's pictures), per-class precision
and recall, the most confident mistakes, and the top classes of any picture dropped on it.
Training runs as a background job on the window's one job thread, as the GAN tab's does:
Pause closes the job and keeps the trainer, Stop ends it with the best epoch's weights.
"""

from __future__ import annotations

import os
import time

import numpy as np
from PySide6.QtCore import QPoint, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from neurolab.core.formatting import format_duration
from neurolab.core.jobs import Progress, call_job
from neurolab.gui import file_dialogs
from neurolab.gui.core_texts import core_text, error_text, job_stage
from neurolab.gui.locale_format import integer, percent
from neurolab.gui.tabs.base import Tab
from neurolab.gui.widgets.confusion_matrix import ConfusionMatrix
from neurolab.gui.widgets.curve_plot import CurvePlot, prepare_in_turns
from neurolab.gui.widgets.image_view import ImageView
from neurolab.gui.widgets.probability_bars import ProbabilityBars
from neurolab.gui.widgets.run_controls import ALIVE, RunControls, RunState, RunTexts
from neurolab.gui.worker import LatestJob

BUILTIN = "builtin"  # the data source of the shapes neurolab draws (else a folder's path)
STRIP_PICTURES = 6  # pictures per class in the data page's strips
THUMB = 56  # px of a strip's or a gallery's square thumbnails
GALLERY = 12  # pictures in the mistakes gallery and in a cell's gallery
MATRIX_MAX_MIN_HEIGHT = 300  # px the matrix asks for at most (more classes scroll)
GALLERY_COLUMNS = 4  # its grid: 3 rows of 4 fill a narrow column better than 2 of 6
CHART_MIN_SIZE = (260, 150)
# The per-class table and the mistakes come this long after the matrix and the Evaluation page: a
# 0 ms timer can run in the same turn as the page's first paint (~15-30 ms of the GUI thread
# together, benchmarks/bench_ui.py (e)). The page itself follows the result at once (0 ms): 30 ms
# later, the charts, still on screen, first drew the run's last points (~50 ms).
TURN_SPACING_MS = 30


def thumbnails(images, size: int = THUMB, columns: int = 6) -> np.ndarray | None:
    """Pictures of any sizes as one row-major grid of ``size``-px squares (None for none)."""
    from neurolab.core.gan.data import image_grid, square_resize

    squares = [square_resize(np.asarray(image), size) for image in images]
    return image_grid(np.stack(squares), columns=min(len(squares), columns)) if squares else None


def default_model_path(name: str = "model") -> str:
    """A new file name for a model the Lab saves, under the user's data folder."""
    base = os.environ.get("NEUROLAB_DATA_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.AppDataLocation) or os.path.expanduser("~/.neurolab")
    folder = os.path.join(base, "train")
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, time.strftime(f"{name}-%Y%m%d-%H%M%S.keras"))


def build_trainer(folder, config):
    """core's trainer, imported on the job thread: its module brings Keras and TensorFlow's
    sampling ops, ~170 ms of the GUI thread when imported on Start (benchmarks/bench_ui.py (e))."""
    from neurolab.core.training import trainer

    return trainer.ClassifierTrainer(folder, config)


#: Settings written before version 2 saved the backbone "bundled" (then the default) even when
#: nobody chose it; from version 2 the default is "auto" (chosen by the pictures).
BACKBONE_SETTINGS_VERSION = 2


def backbone_choices() -> list[tuple[str, bool]]:
    """(name, usable offline now) for every backbone core offers."""
    from neurolab.core.training import config as training_config

    return [(key, choice.available()) for key, choice in training_config.BACKBONES.items()]


class TrainTab(Tab):
    """Data and settings on the left; Data, Training and Evaluation pages on the right."""

    key = "train"
    takes_folders = True  # class folders dropped elsewhere come here (MainWindow.folder_tab)
    settings_keys = frozenset({"train_backbone", "train_backbone_saved_by", "train_epochs", "train_fine_tune",
                               "train_augment"})

    data_shown = Signal()  # the data's counts and strips are on screen
    state_changed = Signal(object)  # the new RunState
    evaluation_shown = Signal()  # a result's matrix, table and mistakes are on screen
    pictures_shown = Signal()  # the gallery shows a cell's pictures or the mistakes
    top_shown = Signal()  # a dropped picture's top classes are on screen
    model_saved = Signal(str)  # a saved model's path (the window opens it)

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.data_source = BUILTIN
        self.test_source: str | None = None  # an optional folder judged instead of the validation split
        self.folder = None  # core.training.data.ImageFolder
        self.trainer = None  # core.training.trainer.ClassifierTrainer, kept across Pause/Resume
        self.result = None  # core.training.trainer.TrainResult
        self.history: list[dict] = []  # the tab's copy, from progress events
        self.cell: tuple[int, int] | None = None  # the matrix cell whose pictures are shown
        self.gallery_indices: list[int] = []
        self.saved_path: str | None = None
        self._loaded = None  # the result as a core LoadedModel, for dropped pictures
        self._showing = None  # a result whose evaluation is being put on screen
        self._data_job = LatestJob(runner, "train-data", self)
        self._data_job.failed.connect(self._on_data_failed)
        self._train_job = LatestJob(runner, "train-run", self)
        self._train_job.failed.connect(self._on_failed)
        self._tool_job = LatestJob(runner, "train-tool", self)  # build, finish, save
        self._tool_job.failed.connect(self._on_failed)
        self._picture_job = LatestJob(runner, "train-pictures", self)
        self._picture_job.failed.connect(self.error)
        self._build()
        self._set_state(RunState.IDLE)

    def tab_title(self) -> str:
        return self.tr("Train")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The Training page's charts are built in idle turns once the tab is seen, not when
        Start shows them (21-26 ms of the GUI thread each, on top of their first paint)."""
        super().showEvent(event)
        prepare_in_turns((self.loss_plot, self.accuracy_plot), self)

    # --- layout -------------------------------------------------------------
    def _build(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self._data_box())
        left.addWidget(self._model_box())
        left.addWidget(self._run_box())
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setMaximumWidth(300)

        self.pages = QTabWidget()
        self.pages.setObjectName("trainPages")
        self.pages.addTab(self._data_page(), self.tr("Data"))
        self.pages.addTab(self._training_page(), self.tr("Training"))
        self.pages.addTab(self._evaluation_page(), self.tr("Evaluation"))
        self.status = QLabel(self.tr("Choose the data: the built-in shapes, or drop a folder "
                                     "with one folder of pictures per class on this tab."))
        self.status.setObjectName("trainStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        right = QVBoxLayout()
        right.addWidget(self.pages, 1)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.addWidget(holder)
        layout.addLayout(right, 1)

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Data"))
        column = QVBoxLayout(box)
        self.data_choice = QComboBox()
        self.data_choice.setObjectName("trainData")
        self.data_choice.addItem(self.tr("Built-in shapes"), BUILTIN)
        self.data_choice.setToolTip(self.tr("Shapes drawn by neurolab (nothing to download), "
                                            "or a folder of class folders"))
        self.data_choice.activated.connect(lambda _i: self.set_data_source(
            self.data_choice.currentData()))
        self.folder_button = QPushButton(self.tr("Open folder…"))
        self.folder_button.setObjectName("trainOpenFolder")
        self.folder_button.setToolTip(self.tr("A folder holding one folder of pictures per class "
                                              "(the folder names become the class names)"))
        self.folder_button.clicked.connect(self.choose_folder)
        column.addWidget(self.data_choice)
        column.addWidget(self.folder_button)
        return box

    def _model_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Model"))
        form = QFormLayout(box)
        self.backbone = QComboBox()
        self.backbone.setObjectName("trainBackbone")
        self.backbone.setToolTip(self.tr("The network whose features the new classifier learns "
                                         "from; Automatic: a small CNN from scratch for small "
                                         "pictures, else a pretrained one; greyed out: its ImageNet "
                                         "weights are not on this computer"))
        self.fine_tune = QCheckBox(self.tr("Fine-tune the last block"))
        self.fine_tune.setObjectName("trainFineTune")
        self.fine_tune.setToolTip(self.tr("Also train the backbone's last block: slower, "
                                          "sometimes more accurate"))
        self.augment = QCheckBox(self.tr("Augment the pictures"))
        self.augment.setObjectName("trainAugment")
        self.augment.setToolTip(self.tr("Flip, turn, zoom and change the contrast a little, so "
                                        "the model sees more variety"))
        self.epochs = QSpinBox()
        self.epochs.setObjectName("trainEpochs")
        self.epochs.setRange(1, 1000)
        self.epochs.setToolTip(self.tr("Passes over the training pictures; training stops early "
                                       "when the validation loss stops falling"))
        form.addRow(self.tr("Backbone"), self.backbone)
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.fine_tune)
        form.addRow(self.augment)
        self._fill_backbones()
        self._defaults()
        return box

    def _fill_backbones(self) -> None:
        """Every backbone core knows; those that cannot be used offline now are greyed out."""
        current = self.backbone.currentData()
        self.backbone.clear()
        try:
            choices = backbone_choices()
        except Exception:  # noqa: BLE001 - core without the list: the bundled trunk only
            choices = [("bundled", True)]
        choices = [("auto", True)] + choices  # core's TrainConfig.for_pictures decides
        model = self.backbone.model()
        for name, usable in choices:
            self.backbone.addItem(self._backbone_text(name), name)
            item = model.item(self.backbone.count() - 1)
            item.setEnabled(usable)
            if not usable:
                item.setToolTip(self.tr("Its ImageNet weights are not on this computer"))
        index = self.backbone.findData(current)
        if index >= 0 and model.item(index).isEnabled():
            self.backbone.setCurrentIndex(index)

    def _backbone_text(self, name: str) -> str:
        if name == "auto":
            return self.tr("Automatic")
        if name == "bundled":
            return self.tr("Bundled shapes model")
        if name == "scratch":
            return self.tr("Small CNN from scratch")
        from neurolab.core.training.config import BACKBONES

        choice = BACKBONES.get(name)
        return choice.display_name if choice is not None else name

    def _defaults(self) -> None:
        from neurolab.core.training.config import TrainConfig

        defaults = TrainConfig()
        self.backbone.setCurrentIndex(max(0, self.backbone.findData(defaults.backbone)))
        self.epochs.setValue(defaults.epochs)
        self.fine_tune.setChecked(defaults.fine_tune)
        self.augment.setChecked(defaults.augment)

    def _run_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Run"))
        column = QVBoxLayout(box)
        self.run = RunControls("train", self._run_texts, self._train_job, start=self.start,
                               resume=self.resume, end=self._finish, paused=self._show_paused)
        self.start_button, self.pause_button, self.stop_button = (
            self.run.start_button, self.run.pause_button, self.run.stop_button)
        column.addWidget(self.run)
        self.save_button = QPushButton(self.tr("Save model…"))
        self.save_button.setObjectName("trainSave")
        self.save_button.setToolTip(self.tr("Write the model (.keras) and its class names, then "
                                            "open it in the window"))
        self.save_button.clicked.connect(self.save_model_dialog)
        self.metrics_button = QPushButton(self.tr("Export metrics…"))
        self.metrics_button.setObjectName("trainMetrics")
        self.metrics_button.setToolTip(self.tr("The history as CSV and everything as JSON beside it"))
        self.metrics_button.clicked.connect(self.save_metrics_dialog)
        column.addWidget(self.save_button)
        column.addWidget(self.metrics_button)
        self.run.settings_widgets = (self.data_choice, self.folder_button, self.backbone, self.epochs,
                                     self.fine_tune, self.augment)  # the test row's buttons: _set_state
        return box

    def _run_texts(self) -> RunTexts:
        return RunTexts(self.tr("Start"), self.tr("Pause"), self.tr("Resume"), self.tr("Stop"),
                        self.tr("Train a new classifier on the chosen data"),
                        self.tr("End training now and keep the best epoch"))

    @property
    def state(self) -> RunState:
        return self.run.state

    def _data_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.data_info = QLabel(self.tr("No data read yet."))
        self.data_info.setObjectName("trainDataInfo")
        self.data_info.setWordWrap(True)
        self.data_warnings = QLabel()
        self.data_warnings.setObjectName("trainWarnings")
        self.data_warnings.setWordWrap(True)
        self.data_warnings.setStyleSheet("color: #b35900;")
        self.unreadable = QLabel()
        self.unreadable.setObjectName("trainUnreadable")
        self.unreadable.setWordWrap(True)
        self.unreadable.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.strips = QWidget()
        self.strips_layout = QGridLayout(self.strips)
        self.strips_layout.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(self.strips)
        column.addWidget(self.data_info)
        column.addWidget(self.data_warnings)
        column.addWidget(scroll, 1)
        column.addWidget(self.unreadable)
        column.addLayout(self._test_row())
        self.strip_views: list[ImageView] = []
        return page

    def _test_row(self) -> QHBoxLayout:
        """The optional test folder: pictures the model never trains on, judged after training
        instead of the validation split."""
        self.test_info = QLabel()
        self.test_info.setObjectName("trainTestInfo")
        self.test_info.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test folder…"))
        self.test_button.setObjectName("trainTestFolder")
        self.test_button.setToolTip(self.tr("Optional: a folder with the same class folders, "
                                            "judged after training instead of the validation "
                                            "pictures"))
        self.test_button.clicked.connect(self.choose_test_folder)
        self.test_clear = QPushButton(self.tr("No test folder"))
        self.test_clear.setObjectName("trainTestClear")
        self.test_clear.setToolTip(self.tr("Judge the model on the validation pictures again"))
        self.test_clear.clicked.connect(lambda: self.set_test_folder(None))
        row = QHBoxLayout()
        row.addWidget(self.test_info, 1)
        row.addWidget(self.test_button)
        row.addWidget(self.test_clear)
        self._show_test_info()
        return row

    def _show_test_info(self) -> None:
        test = self.folder.test if self.folder is not None else None
        if self.data_source == BUILTIN:
            text = self.tr("A separate test folder needs a folder of class folders as the data.")
        elif test is not None:
            text = self.tr("Test folder {0}: %n pictures, judged after training instead of the "
                           "validation pictures.", "", len(test)).format(
                               os.path.basename(self.test_source.rstrip("/\\")))
        elif self.test_source:
            text = self.tr("Test folder {0}.").format(os.path.basename(self.test_source.rstrip("/\\")))
        else:
            text = self.tr("No test folder: the model is judged on the validation pictures.")
        self.test_info.setText(text)
        self.test_clear.setVisible(self.test_source is not None)

    def _training_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.loss_plot = CurvePlot(x_label=self.tr("epoch"), y_label=self.tr("loss"), y_range=None,
                                   y_from_zero=True, title=self.tr("Loss"),
                                   placeholder=self.tr("Training and validation loss, once "
                                                       "training starts"))
        self.loss_plot.setObjectName("trainLoss")
        self.accuracy_plot = CurvePlot(x_label=self.tr("epoch"), y_label=self.tr("accuracy"),
                                       y_range=(0.0, 1.0), title=self.tr("Accuracy"),
                                       placeholder=self.tr("Training and validation accuracy, "
                                                           "once training starts"))
        self.accuracy_plot.setObjectName("trainAccuracy")
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setMinimumSize(*CHART_MIN_SIZE)
            column.addWidget(plot, 1)
        self.epoch_label = QLabel()
        self.epoch_label.setObjectName("trainEpoch")
        self.epoch_label.setWordWrap(True)
        # Room for two lines from the start: a label growing at the first progress event
        # shrank both charts, and redrawing their axes at the new size held the GUI thread
        # ~30 ms (benchmarks/bench_ui.py (e)).
        self.epoch_label.setMinimumHeight(2 * self.epoch_label.fontMetrics().lineSpacing() + 2)
        self.epoch_label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        column.addWidget(self.epoch_label)
        self._draw_charts()
        return page

    def _evaluation_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.normalise = QCheckBox(self.tr("Row shares (%)"))
        self.normalise.setObjectName("trainNormalise")
        self.normalise.setToolTip(self.tr("Each row as shares of its true class instead of counts"))
        self.normalise.toggled.connect(lambda _on: self._show_matrix())
        self.matrix_caption = QLabel(self._matrix_caption())
        self.matrix_caption.setObjectName("trainMatrixCaption")
        self.matrix_caption.setWordWrap(True)
        self.matrix = ConfusionMatrix()
        self.matrix.setObjectName("trainMatrix")
        self.matrix.cell_chosen.connect(self.show_cell)
        self.per_class = QTableWidget()
        self.per_class.setObjectName("trainPerClass")
        self.per_class.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.per_class.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.per_class.verticalHeader().setVisible(False)
        self.gallery_caption = QLabel()
        self.gallery_caption.setObjectName("trainGalleryCaption")
        self.gallery_caption.setWordWrap(True)
        self.gallery = ImageView(placeholder=self.tr("The most confident mistakes, after "
                                                     "training"))
        self.gallery.setObjectName("trainGallery")
        self.gallery.setMinimumSize(160, 110)
        self.top_caption = QLabel(self.tr("Drop any picture on this tab to see what the model "
                                          "says."))
        self.top_caption.setObjectName("trainTopCaption")
        self.top_caption.setWordWrap(True)
        self.top = ProbabilityBars(rows=3)
        self.top.setObjectName("trainTop")
        # The matrix across the page (ten classes' columns did not fit beside the gallery at
        # 1366×768 with the Network and Lab docks open); the pictures and the table below it.
        pictures_column = QVBoxLayout()
        pictures_column.addWidget(self.gallery_caption)
        pictures_column.addWidget(self.gallery, 1)
        pictures_column.addWidget(self.top_caption)
        pictures_column.addWidget(self.top)
        grid.addWidget(self.matrix_caption, 0, 0, 1, 2)
        grid.addWidget(self.normalise, 1, 0, 1, 2)
        grid.addWidget(self.matrix, 2, 0, 1, 2)
        grid.addLayout(pictures_column, 3, 0)
        grid.addWidget(self.per_class, 3, 1)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(3, 1)
        grid.setColumnStretch(0, 1)
        # the table and the gallery scroll or shrink; the matrix keeps room for its rows
        self.per_class.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Ignored)
        self.per_class.setMinimumHeight(90)
        self.matrix.setMinimumHeight(120)
        return page

    # --- data ---------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = file_dialogs.existing_folder(self, self.tr("Folder of class folders"))
        if folder:
            self.set_data_source(folder)

    def choose_test_folder(self) -> None:
        folder = file_dialogs.existing_folder(self, self.tr("Test folder of class folders"))
        if folder:
            self.set_test_folder(folder)

    def set_test_folder(self, folder: str | None) -> None:
        """A folder with (some of) the data's class folders, judged after training instead of
        the validation split; None: the validation split again. The data are read again."""
        if self.state in ALIVE:
            self.error.emit(self.tr("Stop the training before changing its data."))
            return
        if folder is not None and self.data_source == BUILTIN:
            self.error.emit(self.tr("Choose a folder of class folders as the data first; the "
                                    "test folder needs the same class names."))
            return
        self.test_source = folder
        self.folder = None
        self._show_test_info()
        self.load_data()

    def set_data_source(self, source: str) -> None:
        """The built-in shapes or a folder of class folders; read off the UI thread, then shown."""
        if self.state in ALIVE:
            self.error.emit(self.tr("Stop the training before changing its data."))
            return
        if source != BUILTIN and self.data_choice.findData(source) < 0:
            self.data_choice.addItem(os.path.basename(source.rstrip("/\\")) or source, source)
        self.data_choice.setCurrentIndex(max(0, self.data_choice.findData(source)))
        if source != self.data_source:
            self.test_source = None  # a test folder belongs to its training folder
        self.data_source = source
        self.folder = None
        self._show_test_info()
        self.load_data()

    def load_data(self, then=None) -> None:
        source, test, stage = self.data_source, self.test_source, self.tr("reading the pictures")
        self.data_info.setText(self.tr("Reading the pictures…"))
        self.pages.setCurrentIndex(0)

        def read():
            from neurolab.core.training.data import builtin_folder, scan_folder

            yield Progress(0, 2, stage)
            folder = builtin_folder() if source == BUILTIN else scan_folder(source, test_folder=test)
            yield Progress(1, 2, stage)
            strips = [thumbnails(folder.samples(i, n=STRIP_PICTURES))
                      for i in range(len(folder.classes))]
            return folder, strips

        def loaded(answer) -> None:
            self._on_data(*answer)
            if then is not None:  # in a turn of its own: with the data shown it held the GUI thread
                QTimer.singleShot(0, self, then)  # ~17 ms in one turn (benchmarks/bench_ui.py (e))

        self._data_job.start(read, loaded)

    def _on_data(self, folder, strips) -> None:
        self.folder = folder
        counts = folder.counts()
        total = sum(counts.values())
        from neurolab.core.training.config import TrainConfig

        self.data_info.setText(self.tr("%n pictures in {0} classes; {1} of each class is kept "
                                       "for validation.", "", total).format(
            len(folder.classes), percent(TrainConfig().validation)))
        self.data_warnings.setText("\n".join(core_text(w) for w in folder.warnings))
        self.data_warnings.setVisible(bool(folder.warnings))
        if folder.unreadable:
            names = ", ".join(os.path.basename(p) for p in folder.unreadable[:8])
            more = ", …" if len(folder.unreadable) > 8 else ""
            self.unreadable.setText(self.tr("Skipped %n files that are not readable pictures: "
                                            "{0}{1}", "", len(folder.unreadable)).format(names, more))
        else:
            self.unreadable.setText("")
        self.unreadable.setVisible(bool(folder.unreadable))
        while self.strips_layout.count():
            item = self.strips_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.strip_views = []
        for row, (name, strip) in enumerate(zip(folder.classes, strips)):
            label = QLabel(self.tr("<b>{0}</b><br>%n pictures", "", counts.get(name, 0)).format(name))
            label.setWordWrap(True)
            label.setMinimumWidth(110)
            view = ImageView()
            view.setMinimumSize(120, THUMB + 8)
            view.setMaximumHeight(THUMB + 8)
            view.set_array(strip)
            self.strip_views.append(view)
            self.strips_layout.addWidget(label, row, 0)
            self.strips_layout.addWidget(view, row, 1)
        self.strips_layout.setRowStretch(len(strips), 1)
        self._show_test_info()
        self._set_state(self.state)
        self.status.setText(self.tr("Press Start to train a classifier on these pictures."))
        self.data_shown.emit()

    def _on_data_failed(self, message: str) -> None:
        self.error.emit(message)
        self.data_info.setText(self.tr("The data cannot be used: {0}").format(error_text(message)))

    def wants_drop(self, point: QPoint) -> bool:
        return True  # a folder becomes the data; a picture is classified by the trained model

    def drop(self, path: str, point: QPoint) -> None:
        if os.path.isdir(path):
            self.set_data_source(path)
        else:
            self.classify_file(path)

    def open_folder(self, folder: str) -> None:
        self.set_data_source(folder)

    def claims_folder(self, folder: str) -> bool:
        from neurolab.gui.folder_kind import looks_like_class_folders

        return looks_like_class_folders(folder)

    # --- training -----------------------------------------------------------
    def config(self):
        from neurolab.core.training.config import TrainConfig

        return TrainConfig(backbone=self.backbone.currentData() or "auto",
                           epochs=self.epochs.value(), fine_tune=self.fine_tune.isChecked(),
                           augment=self.augment.isChecked())

    def start(self) -> None:
        """A new classifier on the chosen data (not while a run is alive: Resume or Stop it)."""
        if self.state in ALIVE \
                or self._tool_job.busy():
            return
        if self.folder is None:
            self.load_data(then=self.start)
            return
        try:
            config = self.config().validated()
        except Exception as exc:  # noqa: BLE001 - a sentence for the error bar
            self.error.emit(error_text(exc))
            return
        folder = self.folder
        self.result, self._loaded, self.trainer, self.history = None, None, None, []
        self._showing = None
        for plot in (self.loss_plot, self.accuracy_plot):  # axes laid out once for the run
            plot.set_x_span(1, config.epochs)
        self._draw_charts()
        self._clear_evaluation()
        self.start_button.setEnabled(False)
        self.status.setText(self.tr("Building the model…"))
        self.pages.setCurrentIndex(1)
        stage = self.tr("building the model")
        self._tool_job.start(lambda: call_job(stage, build_trainer, folder, config),
                             self._on_trainer)

    def _on_trainer(self, trainer) -> None:
        self.trainer = trainer
        chosen = getattr(trainer, "config", None)
        epochs = getattr(chosen, "epochs", None)
        if isinstance(epochs, int) and epochs > 0:  # the automatic choice may plan more (scratch)
            for plot in (self.loss_plot, self.accuracy_plot):
                plot.set_x_span(1, epochs)
        if self.backbone.currentData() == "auto" and getattr(chosen, "backbone", "auto") != "auto":
            text = self.tr("Chosen for these pictures: {0} at {1}×{1} px.").format(
                self._backbone_text(chosen.backbone), integer(chosen.size))
            if self.augment.isChecked() and getattr(chosen, "augment", True) is False:
                text += " " + self.tr("No augmentation: every class has enough pictures of its own.")
            self.status.setText(text)
        self.resume()

    def resume(self) -> None:
        """Train the trainer in memory on from where it stopped."""
        if self.trainer is None or self._train_job.busy():
            return
        trainer = self.trainer
        self._train_job.start(trainer.train_job, self._on_result, self._on_progress,
                              background=True, on_cancelled=self.run.job_cancelled)
        self._set_state(RunState.TRAINING)

    def toggle_pause(self) -> None:
        self.run.toggle_pause()

    def pause(self) -> None:
        self.run.pause()  # the job closes between two events; the trainer keeps its state

    def stop(self) -> None:
        """End the run: the best epoch's weights come back and are evaluated."""
        self.run.stop()

    def _show_paused(self) -> None:
        self._set_state(RunState.PAUSED)
        epoch = self.history[-1]["epoch"] if self.history else 0
        self.status.setText(self.tr("Paused after epoch {0}. Resume goes on from here; Stop keeps "
                                    "the best epoch.").format(integer(epoch)))

    def _finish(self) -> None:
        trainer = self.trainer
        if trainer is None:
            self._set_state(RunState.IDLE)
            return

        def finish():
            trainer.stop()
            return (yield from trainer.finish_job())

        self._set_state(RunState.FINISHING)
        self.status.setText(self.tr("Restoring the best epoch and evaluating…"))
        self._tool_job.start(finish, self._on_result, self._on_progress)

    def _on_progress(self, event) -> None:
        metrics = event.metrics
        known = self.history[-1]["epoch"] if self.history else -1
        fresh = [dict(e) for e in metrics.get("history", ()) if e.get("epoch", -1) > known]
        if fresh:
            self.history.extend(fresh)
            self._draw_charts()
        epoch, epochs = metrics.get("epoch"), metrics.get("epochs")
        eta = metrics.get("eta_s")
        parts = [job_stage(event.stage)]
        if epoch is not None and epochs:
            parts.append(self.tr("epoch {0} of {1}").format(integer(epoch), integer(epochs)))
        if eta is not None:
            parts.append(self.tr("about {0} left").format(format_duration(eta)))
        if self.history:
            last = self.history[-1]
            if last.get("val_accuracy") is not None:
                parts.append(self.tr("validation accuracy {0}").format(percent(last["val_accuracy"])))
        self.epoch_label.setText(" — ".join(parts))

    def _draw_charts(self) -> None:
        """The loss and accuracy curves of the tab's history (named, empty before a run)."""
        history = self.history
        epochs = [h["epoch"] for h in history]

        def values(key):
            return [h.get(key) if h.get(key) is not None else float("nan") for h in history]

        self.loss_plot.set_series([(self.tr("training"), epochs, values("loss")),
                                   (self.tr("validation"), epochs, values("val_loss"))])
        self.accuracy_plot.set_series([(self.tr("training"), epochs, values("accuracy")),
                                       (self.tr("validation"), epochs, values("val_accuracy"))])

    def _on_result(self, result) -> None:
        self.result = result
        self._loaded = None
        self.history = [dict(e) for e in result.history]
        self._draw_charts()
        self._set_state(RunState.FINISHED)
        evaluation = result.evaluation
        if self._on_test():
            text = self.tr("Finished: accuracy on the test folder {0} (best epoch {1}, {2}). "
                           "Save the model to explore it in Activations and Adversarial.")
        else:
            text = self.tr("Finished: validation accuracy {0} (best epoch {1}, {2}). "
                           "Save the model to explore it in Activations and Adversarial.")
        self.status.setText(text.format(percent(evaluation.accuracy), integer(result.best_epoch),
                                        format_duration(result.seconds)))
        self.epoch_label.setText(self.tr("Best epoch: {0}").format(integer(result.best_epoch)))
        # The matrix, then the table and the gallery, in later turns of the event loop: all
        # at once with the charts they held the GUI thread ~55 ms (benchmarks/bench_ui.py (e)).
        self._showing = result
        QTimer.singleShot(0, self, lambda: self.result is result and self._show_evaluation())

    def _on_failed(self, message: str) -> None:
        self.error.emit(message)
        self.status.setText(self.tr("Stopped: {0}").format(error_text(message)))
        self.run.stopping = False
        if self.state in (RunState.TRAINING, RunState.FINISHING):
            self._set_state(RunState.PAUSED if self.trainer is not None else RunState.IDLE)
        else:
            self._set_state(self.state)

    def busy(self) -> bool:
        return self._showing is not None or any(
            job.busy() for job in (self._data_job, self._train_job, self._tool_job,
                                   self._picture_job))

    def _set_state(self, state: RunState) -> None:
        """IDLE, FINISHED: Start. TRAINING: Pause, Stop. PAUSED: Resume, Stop. FINISHING:
        nothing until the result is here (:meth:`RunControls.show_state`). Save and Export need a
        result."""
        self.run.show_state(state)
        alive = state in ALIVE
        self.test_button.setEnabled(not alive and self.data_source != BUILTIN)
        self.test_clear.setEnabled(not alive)
        has_result = self.result is not None and not alive
        self.save_button.setEnabled(has_result)
        self.metrics_button.setEnabled(has_result)
        self.state_changed.emit(state)

    # --- evaluation ---------------------------------------------------------
    def _clear_evaluation(self) -> None:
        self.matrix.set_matrix([], None)
        self.per_class.setRowCount(0)
        self.gallery.set_array(None)
        self.gallery_caption.setText("")
        self.top.set_predictions([])
        self.cell = None

    def _show_matrix(self) -> None:
        if self.result is None:
            return
        evaluation = self.result.evaluation
        self.matrix.set_matrix(list(evaluation.classes), np.asarray(evaluation.confusion),
                               normalised=self.normalise.isChecked())
        rows = self.matrix.verticalHeader()
        whole = (self.matrix.horizontalHeader().sizeHint().height() + 2 * self.matrix.frameWidth()
                 + len(evaluation.classes) * rows.minimumSectionSize() + 4)
        self.matrix.setMinimumHeight(max(120, min(whole, MATRIX_MAX_MIN_HEIGHT)))

    def _on_test(self) -> bool:
        """The result was judged on the separate test folder, not the validation split."""
        return self.result is not None and bool(getattr(self.result.evaluation, "on_test", False))

    def judged_folder(self):
        """The folder whose files the evaluation's indices point into (the test folder or the data)."""
        if self._on_test() and self.folder is not None and self.folder.test is not None:
            return self.folder.test
        return self.folder

    def _matrix_caption(self) -> str:
        if self._on_test():
            return self.tr("Confusion matrix of the test folder's pictures: rows are the true "
                           "classes, columns what the model said. Click a cell.")
        return self.tr("Confusion matrix: rows are the true classes, columns what the model said. "
                       "Click a cell.")

    def _show_evaluation(self) -> None:
        """The Evaluation page: the matrix now, the table and the mistakes in the next turn
        (then :attr:`evaluation_shown`)."""
        result = self._showing = self.result
        self.matrix_caption.setText(self._matrix_caption())
        self._show_matrix()
        self.pages.setCurrentIndex(2)
        QTimer.singleShot(TURN_SPACING_MS, self, lambda: self.result is result and self._show_per_class())

    def _show_per_class(self) -> None:
        evaluation = self.result.evaluation
        headers = [self.tr("Class"), self.tr("Precision"), self.tr("Recall"), self.tr("Pictures")]
        self.per_class.setColumnCount(len(headers))
        self.per_class.setHorizontalHeaderLabels(headers)
        confusion = np.asarray(evaluation.confusion)
        self.per_class.setRowCount(len(evaluation.classes))
        for row, name in enumerate(evaluation.classes):
            cells = (name, percent(float(evaluation.precision[row])),
                     percent(float(evaluation.recall[row])), integer(int(confusion[row].sum())))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.per_class.setItem(row, column, item)
        self._fit_per_class()
        self.show_mistakes()  # its pictures' job starts before the tab stops being busy
        self._showing = None
        self.evaluation_shown.emit()

    def _fit_per_class(self) -> None:
        """The per-class table as wide as its columns (headers and numbers whole); the
        gallery beside it takes the rest of the page."""
        table = self.per_class
        table.resizeColumnsToContents()
        width = sum(table.columnWidth(c) for c in range(table.columnCount()))
        table.setMinimumWidth(width + 2 * table.frameWidth()
                              + table.verticalScrollBar().sizeHint().width() + 2)

    def show_mistakes(self) -> None:
        """The most confident mistakes in the gallery."""
        if self.result is None:
            return
        mistakes = list(self.result.evaluation.mistakes)[:GALLERY]
        self.cell = None
        classes = self.result.evaluation.classes
        if not mistakes:
            self._show_gallery([], self.tr("No mistakes on the test folder's pictures.")
                               if self._on_test() else
                               self.tr("No mistakes on the validation pictures."))
            return
        first = mistakes[0]
        caption = self.tr("The most confident mistakes (first: a {0} taken for a {1}, {2} sure).") \
            .format(classes[first.true], classes[first.predicted], percent(first.confidence))
        self._show_gallery([m.index for m in mistakes], caption)

    def show_cell(self, true: int, predicted: int) -> None:
        """The pictures of one matrix cell (true class ``true`` said to be ``predicted``)."""
        if self.result is None:
            return
        evaluation = self.result.evaluation
        self.cell = (true, predicted)
        indices = list(evaluation.cell(true, predicted))
        names = evaluation.classes
        if true == predicted:
            caption = self.tr("%n {0} pictures recognised", "", len(indices)).format(names[true])
        else:
            caption = self.tr("%n {0} pictures taken for {1}", "", len(indices)).format(
                names[true], names[predicted])
        self._show_gallery(indices[:GALLERY], caption)

    def _show_gallery(self, indices: list[int], caption: str) -> None:
        self.gallery_indices = list(indices)
        self.gallery_caption.setText(caption)
        if not indices:
            self.gallery.set_array(None)
            self.pictures_shown.emit()
            return
        folder, stage = self.judged_folder(), self.tr("reading the pictures")

        def read():
            yield Progress(0, 1, stage)
            return thumbnails([folder.picture(i) for i in indices], size=72,
                              columns=GALLERY_COLUMNS)

        def shown(grid) -> None:
            self.gallery.set_array(grid)
            self.pictures_shown.emit()

        self._picture_job.start(read, shown)

    def pictures_pending(self) -> bool:
        """The gallery's pictures (or a dropped picture's answer) are still being read."""
        return self._picture_job.busy()

    def confused_pair(self) -> tuple[int, int] | None:
        """The largest off-diagonal cell (true, predicted), or None without mistakes."""
        return None if self.result is None else self.result.evaluation.most_confused()

    # --- a dropped picture ------------------------------------------------------
    def classify_file(self, path: str) -> None:
        from neurolab.core.images import load_image

        if self.result is None:
            self.error.emit(self.tr("Train a model first; then drop a picture to see what it says."))
            return
        try:
            image = load_image(path)
        except Exception as exc:  # noqa: BLE001 - a sentence, not a traceback
            self.error.emit(error_text(exc))
            return
        self.classify(image, os.path.basename(path))

    def classify(self, image: np.ndarray, name: str) -> None:
        """The trained model's top classes for ``image``, from the model in memory (core's
        ``TrainResult.loaded``: the folder names, fed as the saved file will be)."""
        result, stage = self.result, self.tr("classifying")
        loaded = self._loaded
        top = min(3, len(result.classes))

        def run():
            from neurolab.core.models.classify import classify

            yield Progress(0, 1, stage)
            model = loaded if loaded is not None else result.loaded()
            return model, classify(model, image, top=top)

        def shown(answer) -> None:
            model, predictions = answer
            if result is self.result:  # not a result replaced while this job ran
                self._loaded = model
            self.top.set_predictions(predictions)
            self.top_caption.setText(self.tr("What the model says about {0}:").format(name))
            self.pages.setCurrentIndex(2)
            self.top_shown.emit()

        self._picture_job.start(run, shown)

    # --- saving -------------------------------------------------------------
    def save_model_dialog(self) -> None:
        if self.result is None:
            return
        path = file_dialogs.save_file(self, self.tr("Save model"), "my_classifier.keras",
                                      self.tr("Keras models (*.keras)"))
        if path:
            self.save_model(path)

    def save_model(self, path: str) -> None:
        """Write ``path`` and its labels off the UI thread; the window then opens it."""
        if self.result is None:
            return
        if not path.lower().endswith(".keras"):
            path += ".keras"
        result, stage = self.result, self.tr("saving the model")
        self._tool_job.start(lambda: call_job(stage, result.save, path), self._on_saved)

    _saved_result = None

    def _on_saved(self, path) -> None:
        self.saved_path = str(path)
        self._saved_result = self.result
        self.message.emit(self.tr("Saved {0} with its class names; it is now open in the "
                                  "window.").format(self.saved_path))
        self.model_saved.emit(self.saved_path)
        self.open_model_requested.emit(self.saved_path)

    def save_metrics_dialog(self) -> None:
        if self.result is None:
            return
        path = file_dialogs.save_file(self, self.tr("Export metrics"), "training_metrics.csv",
                                      self.tr("CSV files (*.csv)"))
        if path:
            self.save_metrics(path)

    def save_metrics(self, path: str) -> None:
        """The history as CSV at ``path`` and everything as JSON beside it."""
        try:
            written = self.result.save_metrics(path)
        except Exception as exc:  # noqa: BLE001 - a sentence, not a traceback
            self.error.emit(error_text(exc))
            return
        if isinstance(written, str):
            written = (written,)
        self.message.emit(self.tr("Saved {0}").format(", ".join(str(p) for p in written)))

    # --- the screenshot verb, settings ---------------------------------------------
    def run_default_job(self) -> None:
        """For screenshots: a short training on the built-in shapes, so its result shows."""
        if self.data_source != BUILTIN:
            self.set_data_source(BUILTIN)
        self.start()

    def set_training_epochs(self, epochs: int) -> None:
        self.epochs.setValue(epochs)

    def save_state(self, settings) -> None:
        settings.setValue("train_backbone", self.backbone.currentData() or "")
        settings.setValue("train_backbone_saved_by", BACKBONE_SETTINGS_VERSION)
        settings.setValue("train_epochs", self.epochs.value())
        settings.setValue("train_fine_tune", self.fine_tune.isChecked())
        settings.setValue("train_augment", self.augment.isChecked())

    def restore_state(self, settings) -> None:
        backbone = settings.value("train_backbone", "", str)
        if backbone == "bundled" and settings.value("train_backbone_saved_by", 1, int) < BACKBONE_SETTINGS_VERSION:
            backbone = "auto"  # the old default, saved whether chosen or not: the new default instead
        index = self.backbone.findData(backbone)
        if index >= 0 and self.backbone.model().item(index).isEnabled():
            self.backbone.setCurrentIndex(index)
        epochs = settings.value("train_epochs", self.epochs.value(), int)
        self.epochs.setValue(epochs if 1 <= epochs <= 1000 else self.epochs.value())
        self.fine_tune.setChecked(settings.value("train_fine_tune", self.fine_tune.isChecked(), bool))
        self.augment.setChecked(settings.value("train_augment", self.augment.isChecked(), bool))

    def retranslate_ui(self) -> None:
        for index, name in enumerate(self.backbone.itemData(i) for i in range(self.backbone.count())):
            self.backbone.setItemText(index, self._backbone_text(name))
        self._set_state(self.state)
        if self.result is not None:
            self._show_evaluation()

    # --- the Lab's verbs --------------------------------------------------------
    def has_result(self) -> bool:
        return self.result is not None and self.state is RunState.FINISHED \
            and self._showing is None

    def ensure_trained(self) -> None:
        """A result follows (:attr:`evaluation_shown`): a paused run is stopped and evaluated,
        one that runs goes on; otherwise a new run starts on the chosen data."""
        if self._showing is not None:
            return  # a result is being put on screen: evaluation_shown follows
        if self.state is RunState.PAUSED:
            self.stop()
        elif self.state in (RunState.IDLE, RunState.FINISHED) and not self.has_result():
            self.start()

    def show_confused_pair(self) -> bool:
        """Click the matrix's largest mistake cell; False when the model made none."""
        pair = self.confused_pair()
        if pair is None:
            self.show_mistakes()
            return False
        self.pages.setCurrentIndex(2)
        self.matrix.click_cell(*pair)
        return True

    def is_model_saved(self) -> bool:
        """The result is saved (:attr:`saved_path`) and nothing newer was trained since."""
        return self.saved_path is not None and self.result is not None \
            and self._saved_result is self.result

    def save_for_lab(self) -> None:
        """Save the result under the user's data folder (the window opens it); see
        :attr:`model_saved`."""
        try:
            path = default_model_path()
        except OSError as exc:
            self.error.emit(self.tr("Cannot create a folder for the model: {0}.").format(
                exc.strerror or exc))
            return
        self.save_model(path)

    def write_first_mistake(self) -> str | None:
        """The confused pair's most confident mistake (else the most confident one) written
        beside the saved model as a PNG for the window to open; its path, or None when the model
        made no mistake (one picture, on the UI thread)."""
        from neurolab.core.images import save_image

        if self.result is None or not self.result.evaluation.mistakes or self.saved_path is None:
            return None
        pair = self.confused_pair()
        mistakes = list(self.result.evaluation.mistakes)
        mistake = next((m for m in mistakes if pair and (m.true, m.predicted) == pair), mistakes[0])
        classes = self.result.evaluation.classes
        folder = self.judged_folder()
        stem = os.path.splitext(os.path.basename(str(folder.files[mistake.index])))[0]
        path = os.path.join(os.path.dirname(self.saved_path), "{0}-{1}-taken-for-{2}.png".format(
            classes[mistake.true], stem, classes[mistake.predicted]))
        try:
            save_image(folder.picture(mistake.index), path)
        except Exception as exc:  # noqa: BLE001 - a sentence, not a traceback
            self.error.emit(error_text(exc))
            return None
        return path
