"""The main window: layer panel left, tabs right, job progress in the status bar.

Built without TensorFlow: the first job (on the worker thread) imports it and
opens the model, so the window is on screen and painting while that happens.
"""

from __future__ import annotations

import os
import time
from typing import TypeVar

from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import neurolab
from neurolab.assets import sample_images
from neurolab.core.images import load_image
from neurolab.core.jobs import Progress
from neurolab.core.models.catalog import is_model_file, list_models
from neurolab.core.models.weights import WEIGHTS
from neurolab.gui import file_dialogs
from neurolab.gui.core_texts import error_text, job_stage, model_text, sample_name
from neurolab.gui.lab_panel import LabPanel
from neurolab.gui.language import LANGUAGES, install_translator, neurolab_translator
from neurolab.gui.layer_tree import LayerPanel
from neurolab.gui.locale_format import percent
from neurolab.gui.preprocessing_menu import PreprocessingMenu, remember, remembered
from neurolab.gui.tabs import tab_classes
from neurolab.gui.tabs.base import Tab
from neurolab.gui.widgets import curve_plot
from neurolab.gui.worker import JobRunner, LatestJob

DEFAULT_MODEL = "shapes"  # the bundled model: works offline on a fresh install
TabT = TypeVar("TabT", bound=Tab)

PREFERRED_SIZE = QSize(1280, 800)  # the window on a screen with room to spare
#: Below this available screen size the first window is maximised (a 1366×768 classroom PC).
MAXIMISE_BELOW = QSize(1440, 900)
ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200)  # per cent of the desktop's font size
LAYERS_SHARE = 0.3  # of the window's width, for the Network dock on a first start


def available_geometry(widget) -> QRect | None:
    """The screen area a window may use (without panels); None where no person sees a screen
    (offscreen: tests and screenshots choose their own size). The tests replace it."""
    if QGuiApplication.platformName() == "offscreen":
        return None
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def first_geometry(available: QRect | None) -> tuple[QRect, bool]:
    """Where a first window goes on ``available`` and whether it is maximised.

    Small screens (a 1366×768 classroom PC) get the whole screen, so the status bar and the
    Lab's last line are on it; larger ones the preferred size, centred.
    """
    if available is None:
        return QRect(0, 0, PREFERRED_SIZE.width(), PREFERRED_SIZE.height()), False
    if available.width() < MAXIMISE_BELOW.width() or available.height() < MAXIMISE_BELOW.height():
        return QRect(available), True
    size = PREFERRED_SIZE.expandedTo(QSize(int(available.width() * 0.8),
                                           int(available.height() * 0.85)))
    size = size.boundedTo(available.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect, False


def _load_image_job(path: str, stage: str):
    yield Progress(0, 1, stage)
    return path, load_image(path)


class _DismissibleBar(QLabel):
    """The red error line above the tabs; a click hides it."""

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.hide()


def _first_sample() -> str | None:
    samples = sample_images()
    return str(samples[0]) if samples else None


class MainWindow(QMainWindow):
    """Owns the job runner, the current workspace (model) and the current image."""

    workspace_ready = Signal(object)
    model_failed = Signal(str)
    ready = Signal()  # model loaded and, if there is an image, its first mosaic shown
    image_opened = Signal(str)  # an opened image has reached its tab (its path)
    start_image_failed = Signal(str)  # the start-up image cannot be read (the sentence)

    def __init__(self, settings: QSettings, *, model: str | None = None, image: str | None = None,
                 started_at: float | None = None):
        super().__init__()
        self.settings = settings
        self.started_at = started_at if started_at is not None else time.perf_counter()
        self.timings: dict[str, float] = {}
        self.workspace = None
        self.image_path: str | None = None
        self._initial_model = model or settings.value("model", DEFAULT_MODEL, str)
        self._initial_image = image or settings.value("image", "", str) or _first_sample()
        self._ready_emitted = False
        self.setWindowTitle(self.tr("neurolab — what does the network see?"))
        self.setAcceptDrops(True)
        self.kiosk_locked = False  # kiosk mode: the window refuses to close (Alt+F4)
        self._docks_fitted = False
        self._lab_popped_layers = False  # the Lab floated the Network dock over the tabs

        self.runner = JobRunner(self)
        self.runner.submitted.connect(self._watch_job)
        self._model_job = LatestJob(self.runner, "model", self)
        self._model_job.failed.connect(self._on_model_failed)
        self.layers = LayerPanel()
        self.layers.model_requested.connect(self.open_model)
        self.layers.open_model_file_requested.connect(self.open_model_dialog)
        self.layers.download_requested.connect(self.download_weights)
        dock = QDockWidget(self.tr("Network"), self)
        dock.setObjectName("layersDock")
        dock.setWidget(self.layers)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.LeftDockWidgetArea, dock)
        self.resizeDocks([dock], [520], Qt.Horizontal)
        self.layers_dock = dock

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self._pages: list[Tab] = []  # in the order of gui.tabs.TABS
        for kind in tab_classes():
            self._add_tab(kind(self.runner))
        self.home_tab().view_ready.connect(self._on_first_view)
        self.refresh_model_list(self._initial_model)

        self.error_bar = _DismissibleBar()
        self.error_bar.setObjectName("errorBar")
        self.error_bar.setWordWrap(True)
        self.error_bar.setStyleSheet("background: #fde2e1; color: #8a1c12; padding: 6px;")
        self.error_bar.setToolTip(self.tr("Click to dismiss"))
        self.error_bar.setCursor(Qt.PointingHandCursor)
        self.error_bar.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.error_bar)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.lab = LabPanel(self)  # the lab sheet's exercises; open on a first start
        self.addDockWidget(Qt.RightDockWidgetArea, self.lab)
        self.resizeDocks([self.layers_dock, self.lab], [460, 280], Qt.Horizontal)
        self._build_status_bar()
        self._build_menus()
        self._restore_layout()

    # --- tabs ---------------------------------------------------------------
    def _add_tab(self, tab: Tab) -> None:
        """Wire one tab of the list: its sentences, its Open image button, the layer table."""
        tab.error.connect(self.show_error)
        tab.message.connect(self.show_message)
        tab.open_image_requested.connect(self.open_image_dialog)
        tab.open_model_requested.connect(self.open_model)
        tab.explain_requested.connect(self._explain_pair)
        tab.features_requested.connect(self._show_features)
        tab.show_tab_requested.connect(self._show_tab_by_key)
        self.layers.layer_selected.connect(tab.set_layer)
        tab.activations_computed.connect(self._on_activations)
        self.tabs.addTab(tab, tab.tab_title())
        self._pages.append(tab)

    def _explain_pair(self, request) -> None:
        """A tab's "Explain the changed image": the tab that explains shows both images' maps."""
        for tab in self._pages:
            if tab.explains:
                self.show_tab(tab)
                tab.explain_pair(request)
                return

    def _show_features(self, request) -> None:
        """A mosaic tile's "What does this filter want?": the tab that shows features answers."""
        for tab in self._pages:
            if tab.shows_features:
                self.show_tab(tab)
                tab.show_features(request)
                return

    def _show_tab_by_key(self, key: str) -> None:
        """A tab's way back (the Features tab's *Back to activations*)."""
        for tab in self._pages:
            if tab.key == key:
                self.show_tab(tab)
                return

    def tab_list(self) -> list[Tab]:
        """The tabs, in the order shown."""
        return list(self._pages)

    def tab(self, kind: type[TabT]) -> TabT:
        """The window's tab of class ``kind``."""
        for tab in self._pages:
            if isinstance(tab, kind):
                return tab
        raise LookupError(f"the window has no {kind.__name__} (see gui.tabs.TABS)")

    def home_tab(self) -> Tab:
        """The first tab: it takes the start-up image, and images for tabs that take none."""
        return self._pages[0]

    def current_tab(self) -> Tab:
        return self.tabs.currentWidget()

    def show_tab(self, tab: Tab) -> None:
        self.tabs.setCurrentWidget(tab)

    # --- chrome -------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.model_label = QLabel(self.tr("Model: –"))
        self.model_label.setObjectName("modelLabel")
        self.device_label = QLabel(self.tr("Device: –"))
        self.progress = QProgressBar()
        self.progress.setObjectName("jobProgress")
        self.progress.setMinimumWidth(120)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.runner.cancel_all)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.model_label, self.device_label, self.progress, self.cancel_button):
            row.addWidget(widget)
        bar.addPermanentWidget(holder)
        self._set_busy(False)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("Open &image…"), QKeySequence.Open, self.open_image_dialog)
        self._action(file_menu, self.tr("Open &model file…"), "Ctrl+Shift+O", self.open_model_dialog)
        samples = file_menu.addMenu(self.tr("Open &sample"))
        samples.setObjectName("samplesMenu")
        for path in sample_images():
            self._action(samples, sample_name(path), None,
                         lambda _checked=False, p=str(path): self.open_image(p))
        for tab in self._pages:
            for action in tab.file_actions():
                file_menu.addAction(action)
        self._build_export_actions(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Cancel running job"), "Esc", self.runner.cancel_all)
        self.quit_action = self._action(file_menu, self.tr("&Quit"), QKeySequence.Quit, self.close)
        model_menu = self.menuBar().addMenu(self.tr("&Model"))
        model_menu.setObjectName("modelMenu")
        self.preprocessing_menu = PreprocessingMenu(self)
        self.preprocessing_menu.chosen.connect(self.set_preprocessing)
        model_menu.addMenu(self.preprocessing_menu)
        self.layers.set_preprocessing_menu(self.preprocessing_menu)
        self._build_precision_menu(model_menu)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.layers_dock.toggleViewAction())
        self.lab_action = self.lab.toggleViewAction()
        self.lab_action.setShortcut(QKeySequence("Ctrl+L"))
        view_menu.addAction(self.lab_action)
        self._build_graph_actions(view_menu)
        self.tab_actions = [  # Ctrl+1 … Ctrl+9 show the tabs in their order
            self._action(view_menu, tab.tab_title(), f"Ctrl+{number}" if number <= 9 else None,
                         lambda _checked=False, t=tab: self.show_tab(t))
            for number, tab in enumerate(self._pages, start=1)]
        self._build_zoom_actions(view_menu)
        self._build_language_menu(view_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts…"), "F1", self.show_shortcuts)
        self._action(help_menu, self.tr("&About neurolab"), None, self.show_about)

    # --- the graph pane (issue #19) -----------------------------------------------
    def _build_graph_actions(self, view_menu) -> None:
        """View ▸ Layer graph (shown or not, remembered), Find layer (Ctrl+F), Find next (F3)."""
        layers = self.layers
        self.graph_action = self._action(view_menu, self.tr("Layer &graph"), "Ctrl+G", self._show_graph)
        self.graph_action.setCheckable(True)
        self.graph_action.setChecked(self.settings.value("layer_graph", True, bool))
        layers.show_graph(self.graph_action.isChecked())
        self.find_action = self._action(view_menu, self.tr("&Find layer…"), QKeySequence.Find,
                                        self.find_layer)
        self.find_next_action = self._action(view_menu, self.tr("Find &next layer"), "F3",
                                             lambda _checked=False: layers.find_next(1))
        self.find_previous_action = self._action(view_menu, self.tr("Find &previous layer"), "Shift+F3",
                                                 lambda _checked=False: layers.find_next(-1))

    def _show_graph(self, shown: bool) -> None:
        self.layers.show_graph(shown)
        self.graph_action.setChecked(shown)
        self.settings.setValue("layer_graph", shown)

    def find_layer(self) -> None:
        """Ctrl+F: the graph pane shown (the Network dock too), its search field focused."""
        if not self.layers_dock.isVisible():
            self.layers_dock.show()
        if not self.layers.graph_shown():
            self._show_graph(True)
        self.layers.find_layer()

    def _build_export_actions(self, file_menu) -> None:
        file_menu.addSeparator()
        self.export_graph_action = self._action(file_menu, self.tr("Export &graph…"), None,
                                                self.export_graph_dialog)
        self.export_table_action = self._action(file_menu, self.tr("Export layer &table…"), None,
                                                self.export_table_dialog)

    def _model_stem(self) -> str:
        if self.workspace is None:
            return "model"
        return os.path.splitext(os.path.basename(self.workspace.loaded.name))[0] or "model"

    def export_graph_dialog(self) -> None:
        if self.workspace is None:
            return
        path = file_dialogs.save_file(self, self.tr("Export graph"), f"{self._model_stem()}_graph.svg",
                                      self.tr("SVG drawing (*.svg);;PNG image (*.png)"))
        if path:
            self.export_graph(path)

    def export_graph(self, path: str) -> None:
        """The graph as SVG or PNG (by the suffix; none: SVG)."""
        if not path.lower().endswith((".svg", ".png")):
            path += ".svg"
        try:
            self.layers.export_graph(path)
        except OSError as exc:
            self.show_error(self.tr("Cannot write {0}: {1}").format(path, exc.strerror or exc))
            return
        self.statusBar().showMessage(self.tr("Graph written to {0}").format(path), 5000)

    def export_table_dialog(self) -> None:
        if self.workspace is None:
            return
        path = file_dialogs.save_file(self, self.tr("Export layer table"), f"{self._model_stem()}_layers.csv",
                                      self.tr("CSV table (*.csv);;Markdown table (*.md)"))
        if path:
            self.export_table(path)

    def export_table(self, path: str) -> None:
        """The layer table as shown (the window's language) as CSV or Markdown (by the suffix)."""
        from neurolab.core.inspection.table_export import write_table

        if not path.lower().endswith((".csv", ".md", ".markdown")):
            path += ".csv"
        try:
            write_table(path, self.layers.column_titles(), self.layers.table_rows(),
                        title=self.workspace.analysis.name if self.workspace else "")
        except OSError as exc:
            self.show_error(self.tr("Cannot write {0}: {1}").format(path, exc.strerror or exc))
            return
        self.statusBar().showMessage(self.tr("Layer table written to {0}").format(path), 5000)

    def _on_activations(self, result) -> None:
        """The current photo's activations (the Activations tab computed them): the graph's
        thumbnails, made in a job from those arrays."""
        self.layers.show_activations(result, self.runner)

    def _build_precision_menu(self, model_menu) -> None:
        """Model ▸ Precision: the remembered choice applied before any job runs."""
        from neurolab.core.precision import set_precision
        from neurolab.gui.precision_menu import PrecisionMenu, stored_precision

        choice = set_precision(stored_precision(self.settings))
        self.precision_menu = PrecisionMenu(choice, self)
        self.precision_menu.chosen.connect(self.set_precision)
        model_menu.addMenu(self.precision_menu)

    def set_precision(self, choice: str) -> None:
        """Compute in ``choice`` (core.precision's) from the next job on; remembered, shown."""
        from neurolab.core.precision import set_precision

        self.settings.setValue("precision", set_precision(choice))
        self.precision_menu.show_choice(choice)
        self._show_device()

    def _show_device(self) -> None:
        """The status bar's device and the precision jobs compute in there (known once a model
        opened: the device is described on the job thread, with TensorFlow)."""
        if self.workspace is None:
            return
        from neurolab.core.precision import AUTO, compute_precision, current_choice

        precision = compute_precision()
        if current_choice() == AUTO:
            precision = self.tr("{0} (automatic)").format(precision)
        self.device_label.setText(self.tr("Device: {0}, {1}").format(self.workspace.device, precision))

    def _build_zoom_actions(self, view_menu) -> None:
        """View ▸ Zoom in / out / Actual size: every text of the window, for projecting."""
        view_menu.addSeparator()
        self.zoom_in_action = self._action(view_menu, self.tr("Zoom &in"), "Ctrl+=",
                                           lambda _checked=False: self.zoom_by(1))
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = self._action(view_menu, self.tr("Zoom &out"), "Ctrl+-",
                                            lambda _checked=False: self.zoom_by(-1))
        self.zoom_reset_action = self._action(view_menu, self.tr("&Actual size"), "Ctrl+0",
                                              lambda _checked=False: self.set_zoom(100))
        self.zoom = 100
        self.set_zoom(self.settings.value("zoom", 100, int), announce=False)

    def zoom_by(self, steps: int) -> None:
        """One step up or down the zoom scale (80 % … 200 %)."""
        position = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        position = max(0, min(len(ZOOM_STEPS) - 1, position + steps))
        self.set_zoom(ZOOM_STEPS[position])

    def set_zoom(self, zoom: int, *, announce: bool = True) -> None:
        """Show every text at ``zoom`` per cent of the desktop's size, and remember it."""
        zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], int(zoom)))
        self.zoom = zoom
        font = QFont(QApplication.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * zoom / 100)
        else:
            font.setPixelSize(max(6, round(font.pixelSize() * zoom / 100)))
        self.setFont(font)
        for menu in self.menuBar().findChildren(QWidget):  # menus are windows of their own
            if menu.isWindow():
                menu.setFont(font)
        self.settings.setValue("zoom", zoom)
        self.zoom_out_action.setEnabled(zoom > ZOOM_STEPS[0])
        self.zoom_in_action.setEnabled(zoom < ZOOM_STEPS[-1])
        if announce:
            self.statusBar().showMessage(self.tr("Zoom: {0}").format(percent(zoom / 100)), 3000)

    def _build_language_menu(self, parent_menu) -> None:
        """View ▸ Language: the system's, or one of the translations (each by its own name)."""
        parent_menu.addSeparator()
        menu = parent_menu.addMenu(self.tr("&Language"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        chosen = self.settings.value("language", "", str)
        for code, name in [("", self.tr("&System default")), *LANGUAGES.items()]:
            action = self._action(menu, name, None, lambda _checked=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            group.addAction(action)
        self.language_actions = group

    # --- language -----------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Speak ``code`` ("cs", "en"; "" for the system's) from now on, without a restart.

        The choice is stored; every window's texts are translated again in place, so the
        model, the images, the settings typed in and running jobs all stay.
        """
        from neurolab.gui.retranslate import retranslate

        self.settings.setValue("language", code)
        for action in self.language_actions.actions():
            action.setChecked(action.data() == code)
        app = QApplication.instance()
        old = neurolab_translator()
        install_translator(app, code or None)
        retranslate(QApplication.topLevelWidgets(), old)
        if old is not None:
            old.deleteLater()

    def retranslate_ui(self) -> None:
        """After a language switch: the tabs' titles (tab and View action) and what is composed
        of core texts (model names, notices)."""
        for index, (tab, action) in enumerate(zip(self._pages, self.tab_actions)):
            self.tabs.setTabText(index, tab.tab_title())
            action.setText(tab.tab_title())
        current = self.workspace.loaded.spec if self.workspace is not None else self._initial_model
        self.refresh_model_list(current)
        self.preprocessing_menu.retranslate_ui()
        self.precision_menu.retranslate_ui()
        self._show_device()
        if self.workspace is not None:
            self._show_model_status()

    def _action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def show_shortcuts(self):
        """Help ▸ Keyboard shortcuts: generated from the window's actions and buttons."""
        from neurolab.gui.shortcuts import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.open()
        return self.shortcuts_dialog

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About neurolab"), self.tr(
            "neurolab {0}\nSee what a convolutional neural network sees.").format(neurolab.__version__))

    # --- start --------------------------------------------------------------
    def start(self) -> None:
        """Open the initial model and image; called once the window is shown."""
        self.timings["window_shown_s"] = time.perf_counter() - self.started_at
        self.open_model(self._initial_model)
        if self._initial_image:
            self._open_start_image(self._initial_image)

    def _open_start_image(self, path: str, notice: str = "") -> None:
        """The start-up image; one that cannot be read is said, and the sample photo is shown
        instead, so the Activations pane never waits for an image that will not come.
        ``notice``: the sentence to keep showing once it is open (why it is the sample)."""
        stage = self.tr("reading {0}").format(os.path.basename(path))
        # A background job: opening a model (a Lab button during start-up) must not cancel it.
        handle = self.runner.submit("image", lambda: _load_image_job(path, stage), background=True)
        handle.succeeded.connect(lambda loaded: self._on_start_image(loaded, notice))
        handle.failed.connect(lambda message: self._on_start_image_failed(path, message))

    def _on_start_image(self, loaded, notice: str) -> None:
        self._on_image_loaded(loaded, False)
        if notice:  # opening an image clears the error bar
            self.show_error(notice)

    def _on_start_image_failed(self, path: str, message: str) -> None:
        self.show_error(message)
        self.start_image_failed.emit(message)
        if self.workspace is None:  # the model, once open, clears the error bar: say it again
            self.workspace_ready.connect(lambda _w: self.show_error(message),
                                         Qt.ConnectionType.SingleShotConnection)
        sample = _first_sample()
        if sample and os.path.abspath(sample) != os.path.abspath(path):
            self._initial_image = sample
            self._open_start_image(sample, notice=message)
            return
        self._initial_image = None  # nothing to wait for: ready once the model is
        if self.workspace is not None:
            self._emit_ready()

    # --- models -------------------------------------------------------------
    def refresh_model_list(self, current: str | None = None) -> None:
        """The picker: each model with weights to fetch (SqueezeNet, Keras Applications) marked ready
        offline or needing a download."""
        entries = []
        for entry in list_models():
            text = model_text(entry.display_name)
            if entry.download_mb > 0:
                text += (self.tr(" — ready") if entry.ready_offline
                         else self.tr(" — needs download ({0} MB)").format(entry.download_mb))
            entries.append((entry.name, text))
        self.layers.set_models(entries, current=current)
        for tab in self._pages:
            tab.set_models(entries)

    def open_model(self, spec: str) -> None:
        from neurolab.core.workspace import open_model_job

        self.layers.set_status(self.tr("Opening {0}…").format(spec))
        self.layers.offer_download(False)
        if spec not in self.statusBar().currentMessage():  # news of another model ("Saved …") ends
            self.statusBar().clearMessage()
        # The window never downloads unasked: a missing download opens the model untrained.
        # Nothing computed on the old model is wanted any more; style and GAN do not use it.
        self.runner.cancel_all(keep_background=True)
        choice = remembered(self.settings, spec)  # the user's preprocessing for this model, if any
        self._model_job.start(lambda: open_model_job(spec, allow_download=False, preprocessing=choice),
                              self._on_workspace)

    def set_preprocessing(self, key: str) -> None:
        """Model ▸ Preprocessing: feed the open model another way (``key``; "" its default), remembered
        for it. A job swaps the callable (no reload); every tab gets the new workspace and computes
        again what depends on it: activations, the classification, the adversarial gradient."""
        from neurolab.core.models.preprocessing import preprocessing_choice
        from neurolab.core.workspace import preprocessing_job

        workspace = self.workspace
        if workspace is None:
            return
        choice = preprocessing_choice(key) if key else None
        self.runner.cancel_all(keep_background=True)
        self._model_job.start(lambda: preprocessing_job(workspace, choice),
                              lambda changed: self._on_preprocessing(changed, key))

    def _on_preprocessing(self, workspace, key: str) -> None:
        loaded = workspace.loaded
        remember(self.settings, loaded.spec, key if key and key != loaded.preprocessing_default else None)
        layer = self.layers.current_layer()
        self._on_workspace(workspace)
        if layer and self.layers.current_layer() != layer:
            self.layers.select_layer(layer, announce=False)  # the tabs kept their layer

    def _on_workspace(self, workspace) -> None:
        self.workspace = workspace
        self.hide_error()
        loaded = workspace.loaded
        self.timings.setdefault("tensorflow_loaded_s", time.perf_counter() - self.started_at)
        self.timings["model_ready_s"] = time.perf_counter() - self.started_at
        spec = loaded.spec
        self.layers.select_model(spec, model_text(loaded.display_name))
        self.layers.set_analysis(workspace.analysis)
        self.layers.set_preprocessing(loaded.preprocessing)
        self.preprocessing_menu.show_model(loaded)
        self._show_model_status()
        self.settings.setValue("model", spec)
        self.layers.offer_download(loaded.source != "file" and loaded.name in WEIGHTS and not loaded.pretrained)
        for tab in self._pages:
            tab.set_workspace(workspace)
        if any(tab.wants_layer() for tab in self._pages):
            self.layers.select_layer(self._default_layer(workspace))
        self.workspace_ready.emit(workspace)
        if self.image_path is None and not self._initial_image:
            self._emit_ready()

    def _model_text(self) -> str:
        loaded = self.workspace.loaded
        name = model_text(loaded.display_name)
        return f"{name} — {model_text(loaded.notice)}" if loaded.notice else name

    def _show_model_status(self) -> None:
        status = self._model_text()
        self.layers.set_status(status)
        # The status bar names the model only; its notice is in the Network dock and the tooltip,
        # so the progress text beside it keeps its room.
        self.model_label.setText(self.tr("Model: {0}").format(
            model_text(self.workspace.loaded.display_name)))
        self.model_label.setToolTip(status)
        self._show_device()

    @staticmethod
    def _default_layer(workspace) -> str:
        """The first convolution, where the lab sheet starts."""
        for row in workspace.analysis.layers:
            if row.type == "Convolution":
                return f"{row.parent}/{row.name}" if row.parent else row.name
        if workspace.extractor is None:  # a model without an image input: its first row
            return workspace.analysis.layers[0].key
        return workspace.extractor.layer_keys[0]

    def _on_model_failed(self, message: str) -> None:
        self.show_error(message)
        self.model_failed.emit(message)
        if self.workspace is not None:  # keep the model the user had
            loaded = self.workspace.loaded
            self.preprocessing_menu.show_model(loaded)
            self.layers.select_model(loaded.spec, model_text(loaded.display_name))
            self.layers.set_status(model_text(loaded.display_name))
        else:
            self.layers.set_status(self.tr("No model loaded."))

    def download_weights(self) -> None:
        """Fetch the current model's ImageNet weights (SqueezeNet's converted from torchvision's),
        then reopen it."""
        from neurolab.core.models.weights import download_job

        if self.workspace is None:
            return
        name = self.workspace.loaded.name
        self.layers.set_downloading(True)
        self.layers.set_status(self.tr("Downloading the ImageNet weights for {0}…").format(name))
        handle = self.runner.submit("download", lambda: download_job(name))
        handle.succeeded.connect(lambda _path: self._on_weights_downloaded(name))
        handle.failed.connect(self._on_download_failed)
        handle.cancelled.connect(self._on_download_failed)

    def _on_weights_downloaded(self, name: str) -> None:
        self.layers.set_downloading(False)
        self.refresh_model_list(name)
        self.open_model(name)

    def _on_download_failed(self, message: str = "") -> None:
        self.layers.set_downloading(False)
        if self.workspace is not None:
            self.layers.set_status(self._model_text())
        if message:
            self.show_error(message)

    def open_model_dialog(self) -> None:
        path = file_dialogs.open_file(self, self.tr("Open model"), file_dialogs.model_filter())
        if path:
            self.open_model(path)

    # --- images -------------------------------------------------------------
    def open_image(self, path: str, *, switch_tab: bool = True) -> None:
        """Read an image for the current tab; ``switch_tab=False`` never changes the tab
        (the start-up image must not pull the user away from the tab they chose)."""
        stage = self.tr("reading {0}").format(os.path.basename(path))
        # A background job: opening a model (a Lab button during start-up) must not cancel it.
        handle = self.runner.submit("image", lambda: _load_image_job(path, stage), background=True)
        handle.succeeded.connect(lambda loaded: self._on_image_loaded(loaded, switch_tab))
        handle.failed.connect(self.show_error)

    def _on_image_loaded(self, loaded, switch_tab: bool = True) -> None:
        """A new image goes to the current tab (the first tab when that takes none); the other
        tabs may fill an empty slot with it."""
        path, image = loaded
        self.image_path = path
        self.settings.setValue("image", path)
        # The start-up image is the first tab's (and fills the others' empty slots).
        target = self.current_tab() if switch_tab else self.home_tab()
        if not target.takes_images:
            target = self.home_tab()
            if switch_tab:
                self.show_tab(target)
        target.set_image(image, path)
        for tab in self._pages:
            if tab is not target:
                tab.offer_image(image, path)
        self.hide_error()
        self.image_opened.emit(path)

    def open_image_dialog(self) -> None:
        path = file_dialogs.open_file(self, self.tr("Open image"), file_dialogs.image_filter())
        if path:
            self.open_image(path)

    def _on_first_view(self) -> None:
        """The first tab shows its first picture (the Activations tab its first mosaic)."""
        self.timings.setdefault("first_mosaic_s", time.perf_counter() - self.started_at)
        self._emit_ready()

    def _emit_ready(self) -> None:
        if not self._ready_emitted:
            self._ready_emitted = True
            self.ready.emit()
            # The charts' library, imported on a thread before a chart is shown, once no job
            # runs: beside a job's Python (the first classification) the two threads kept the
            # GUI thread from the GIL for ~200 ms (benchmarks/bench_ui.py (b), control row).
            self.runner.busy_changed.connect(lambda busy: busy or curve_plot.preload())
            if not self.runner.busy:
                curve_plot.preload()

    # --- drag and drop ----------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        tab = self.current_tab()
        point = tab.mapFrom(self, event.position().toPoint())
        if not is_model_file(paths[0]) and tab.wants_drop(point):  # e.g. the style slot
            if self._may_open(paths[0]):
                tab.drop(paths[0], point)
        else:
            self.open_path(paths[0])

    def _may_open(self, path: str) -> bool:
        """Kiosk mode opens only the class folder; a dropped file from elsewhere gets a sentence."""
        if file_dialogs.policy().may_read(path):
            return True
        self.show_error(self.tr("'{0}' is outside the class folder; on this classroom PC only "
                                "files from that folder can be opened.").format(
                                    os.path.basename(path)))
        return False

    def open_path(self, path: str) -> None:
        """A dropped or command-line file: models load, folders go to a tab that takes folders
        (see :meth:`folder_tab`), anything else is tried as an image."""
        if not self._may_open(path):
            return
        folder_tab = self.folder_tab(path) if os.path.isdir(path) else None
        if is_model_file(path):
            self.open_model(path)
        elif os.path.isdir(path) and folder_tab is not None:
            self.show_tab(folder_tab)
            folder_tab.open_folder(path)
        else:
            self.open_image(path)

    def folder_tab(self, folder: str):
        """Where a folder goes: the tab on screen when it takes folders (the GAN's data or
        checkpoint, the Train tab's class folders), else the first tab that claims its shape
        (class folders: Train), else the first tab that takes folders (a folder of pictures:
        the GAN)."""
        takers = [tab for tab in self._pages if tab.takes_folders]
        current = self.current_tab()
        if current in takers:
            return current
        return next((tab for tab in takers if tab.claims_folder(folder)),
                    takers[0] if takers else None)

    # --- jobs ---------------------------------------------------------------
    def _watch_job(self, handle) -> None:
        handle.progressed.connect(self._on_progress)
        handle.finished.connect(self._on_job_finished)
        self._set_busy(True)

    def _on_progress(self, event: Progress) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(event.fraction * 1000))
        self.progress.setFormat(job_stage(event.stage) or "%p%")
        self._fit_progress()

    def _fit_progress(self) -> None:
        """Wide enough for its stage text ("computing activations"), never cut off."""
        text = self.progress.text()
        need = self.progress.fontMetrics().horizontalAdvance(text) + 24
        self.progress.setMinimumWidth(max(120, need))

    def _on_job_finished(self) -> None:
        # With the window as context, the call is dropped if the window is deleted first
        # (kiosk Reset replaces it while its last job is finishing).
        QTimer.singleShot(0, self, lambda: self._set_busy(self.runner.busy))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    # --- messages -----------------------------------------------------------
    #: How long a tab's message ("Saved …") stays in the status bar: left there for good, it was
    #: still saying "it is now open in the window" after another model had been opened.
    MESSAGE_MS = 15000

    def show_message(self, message: str) -> None:
        """A tab's news for the status bar, for a while."""
        self.statusBar().showMessage(message, self.MESSAGE_MS)

    def show_error(self, message: str) -> None:
        """Every error the window shows comes here, as a sentence in the window's language (core's
        errors rendered from their phrase by core_texts.error_text, which also takes one here)."""
        message = error_text(message)
        self.error_bar.setText(message)
        self.error_bar.show()
        self.statusBar().showMessage(message, 10000)

    def hide_error(self) -> None:
        self.error_bar.hide()

    # --- layout and closing -------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            available = available_geometry(self)
            rect, maximised = first_geometry(available)
            if available is None:
                self.resize(rect.size())
            else:
                self.setGeometry(rect)
            if maximised:
                self.setWindowState(self.windowState() | Qt.WindowMaximized)
        state = self.settings.value("state")
        self._docks_fitted = state is not None and self.restoreState(state)
        self._auto_docks = not self._docks_fitted  # dock widths follow the window while it starts
        for tab in self._pages:
            tab.restore_state(self.settings)
        self.lab.setVisible(self.settings.value("lab_open", True, bool))  # open on a first start
        split = self.settings.value("layer_graph_split")
        self.layers.restore_split(split)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._docks_fitted:  # a first start: docks sized for the window it got
            self._docks_fitted = True
            self.fit_docks()
            QTimer.singleShot(0, self, self.fit_docks)  # once maximising has taken effect

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Maximising or a window manager's first placement: the docks follow until start-up ends.
        if self._auto_docks and self._docks_fitted and not self._ready_emitted:
            QTimer.singleShot(0, self, self.fit_docks)

    def _dock_room(self) -> int:
        """Width the Network dock may take beside the tabs (at their smallest) and the Lab."""
        room = self.width() - self.centralWidget().minimumSizeHint().width() - 12
        if self.lab.isVisible() and not self.lab.isFloating():
            room -= max(self.lab.width(), self.lab.minimumSizeHint().width())
        return room

    def fit_docks(self) -> None:
        """Network dock at about a third of the window, as far as the tabs leave room."""
        if self.layers_dock.isFloating():
            return
        width = max(self.layers.minimumSizeHint().width(),
                    min(self._dock_room(), int(self.width() * LAYERS_SHARE)))
        docks, widths = [self.layers_dock], [width]
        if self.lab.isVisible() and not self.lab.isFloating():
            docks.append(self.lab)
            widths.append(max(self.lab.width(), self.lab.minimumSizeHint().width()))
        self.resizeDocks(docks, widths, Qt.Horizontal)

    def reveal_layer_columns(self, last: int) -> None:
        """Show the layer table's columns up to ``last`` whole, from # and Name on.

        The dock widens where the tabs leave room; otherwise (1366×768 with the Lab open) the
        table pops out over the tabs, which the exploring exercise does not need, until a step
        of another exercise puts it back.
        """
        dock = self.layers_dock
        need = self.layers.width_for_columns(last)
        if not dock.isFloating() and need <= self._dock_room():
            self.resizeDocks([dock], [need], Qt.Horizontal)
        else:
            lab_width = self.lab.width() if self.lab.isVisible() and not self.lab.isFloating() else 0
            width = min(need, self.width() - lab_width - 8)
            top_left = self.mapToGlobal(self.centralWidget().geometry().topLeft())
            left = self.mapToGlobal(self.rect().topLeft()).x()
            height = self.centralWidget().height()
            dock.setFloating(True)
            dock.setGeometry(QRect(left, top_left.y(), width, height))
            self._lab_popped_layers = True
        dock.show()
        dock.raise_()
        self.layers.show_names()  # # and Name stay in view

    def show_layer(self, key: str) -> None:
        """Select ``key`` in the layer table, which the tabs follow (a layer the table does not
        list goes to the tabs directly)."""
        already = self.layers.current_layer() == key  # selecting it again says nothing
        if not self.layers.select_layer(key) or already:
            for tab in self._pages:
                tab.set_layer(key)

    def dock_layers_back(self) -> None:
        """Put the table the Lab popped out back into its dock."""
        if self._lab_popped_layers:
            self._lab_popped_layers = False
            self.layers_dock.setFloating(False)
            self.fit_docks()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.kiosk_locked:  # Alt+F4 on a classroom PC: the next student needs the window
            event.ignore()
            self.statusBar().showMessage(self.tr(
                "On this classroom PC neurolab stays open; press Reset to start again."), 10000)
            return
        self.dock_layers_back()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState())
        for tab in self._pages:
            tab.save_state(self.settings)
        self.settings.setValue("lab_open", self.lab.isVisibleTo(self))
        self.settings.setValue("layer_graph_split", self.layers.split_state())
        self.settings.sync()
        if self.runner.shutdown(timeout_ms=800):  # the thread has stopped: nothing else trains
            for tab in self._pages:
                tab.save_on_close()
        super().closeEvent(event)

    def picture(self) -> QPixmap:
        """The window as a person sees it, with a dock the Lab popped out drawn where it floats
        (the screenshot verb's picture)."""
        picture = self.grab()
        origin = self.mapToGlobal(QPoint(0, 0))
        painter = QPainter(picture)
        for dock in (self.layers_dock, self.lab):
            if dock.isFloating() and dock.isVisible():
                painter.drawPixmap(dock.mapToGlobal(QPoint(0, 0)) - origin, dock.grab())
        painter.end()
        return picture
