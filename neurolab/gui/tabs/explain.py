"""The Explain tab: where does the network look? A class's heat map over the photo.

The question a student asks right after the Adversarial tab: *why* does the network now
say "house"? Every method runs in ``core.explain`` as a job (progress, Cancel, cached);
this widget chooses the method, its settings and the class (the Adversarial tab's
forgiving class box; optionally a second class side by side), and shows each map over
the photo at the photo's own size with an opacity slider, a colour map and its colour
scale. *Explain the changed image* (from the Adversarial tab) shows the original and the
changed image's maps for the old and the new label, two by two.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional

import numpy as np
from PySide6.QtCore import QLocale, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from neurolab.core.errors import NeurolabError
from neurolab.core.explain.config import METHODS, ExplainConfig
from neurolab.core.images import save_image
from neurolab.gui import file_dialogs
from neurolab.gui.core_texts import core_text, error_text
from neurolab.gui.language import current_language
from neurolab.gui.locale_format import percent
from neurolab.gui.tabs.base import Tab
from neurolab.gui.widgets.image_view import ColourLegend, ImageView
from neurolab.gui.worker import LatestJob

COLOUR_MAPS = ("cividis", "ice")
DEFAULT_OPACITY = 80  # percent


@dataclass
class ExplainRequest:
    """What the Adversarial tab hands over: the photo and its changed twin, and the classes
    the network gave each (old: the photo's, new: the changed image's)."""

    original: np.ndarray
    changed: np.ndarray
    name: str
    old_class: int
    new_class: int


class ExplainTab(Tab):
    """One or two class maps of the photo, or the four of a photo and its adversarial twin."""

    key = "explain"
    takes_images = True
    explains = True
    settings_keys = frozenset({"explain_method", "explain_colour_map", "explain_opacity"})

    explained = Signal()  # the maps asked for are on screen

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.workspace = None
        self.image: Optional[np.ndarray] = None
        self.image_name = ""
        self.pair: Optional[ExplainRequest] = None  # the photo and its adversarial twin
        self.results: list = []  # core.explain.result.Explanation, in the panes' order
        self._images: list[np.ndarray] = []  # the image under each pane's map
        self._table_layer: Optional[str] = None
        self._job = LatestJob(runner, "explain", self)
        self._job.failed.connect(self.error)
        self._job.failed.connect(lambda _message: self._set_running(False))
        self._build()

    def tab_title(self) -> str:
        return self.tr("Explain")

    # --- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.open_button = QPushButton(self.tr("Open image…"))
        self.open_button.clicked.connect(self.open_image_requested)
        self.method_box = QComboBox()
        self.method_box.setObjectName("explainMethod")
        self.method_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        for method in METHODS:
            self.method_box.addItem(self._method_name(method), method)
        self.method_box.currentIndexChanged.connect(self._on_method)
        self.class_box = self._class_combo()
        self.class_box.setObjectName("explainClass")
        self.second_box = self._class_combo()
        self.second_box.setObjectName("explainSecondClass")
        self.explain_button = QPushButton(self.tr("Explain", "button"))
        self.explain_button.setObjectName("explainButton")
        self.explain_button.clicked.connect(self.run_explain)

        self.settings_stack = QStackedWidget()
        self.settings_stack.setObjectName("explainSettings")
        for method in METHODS:
            self.settings_stack.addWidget(self._settings_for(method))
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        self.method_label = QLabel(self.tr("&Method:"))
        self.method_label.setBuddy(self.method_box)
        top.addWidget(self.method_label)
        top.addWidget(self.method_box)
        top.addWidget(self.settings_stack, 1)
        classes = QHBoxLayout()
        self.class_label = QLabel(self.tr("C&lass:"))
        self.class_label.setBuddy(self.class_box)
        classes.addWidget(self.class_label)
        classes.addWidget(self.class_box, 1)
        self.second_label = QLabel(self.tr("&beside it:"))
        self.second_label.setBuddy(self.second_box)
        classes.addWidget(self.second_label)
        classes.addWidget(self.second_box, 1)
        classes.addWidget(self.explain_button)

        self.idle_note = QLabel()
        self.idle_note.setObjectName("explainIdle")
        self.idle_note.setWordWrap(True)
        self.idle_note.setStyleSheet("color: #b36b00;")
        self.idle_note.setVisible(False)

        self.grid = QGridLayout()
        self.views: list[ImageView] = []
        self.captions: list[QLabel] = []
        self.legends: list[ColourLegend] = []
        for pane in range(4):
            view = ImageView(placeholder=self.tr("Open an image, then press Explain") if pane == 0 else "")
            view.setObjectName(f"explainView{pane}")
            caption = QLabel()
            caption.setObjectName(f"explainCaption{pane}")
            caption.setWordWrap(True)
            legend = ColourLegend()
            legend.setObjectName(f"explainLegend{pane}")
            box = QVBoxLayout()
            box.addWidget(caption)
            box.addWidget(view, 1)
            box.addWidget(legend)
            holder = QWidget()
            holder.setLayout(box)
            holder.setObjectName(f"explainPane{pane}")
            self.grid.addWidget(holder, pane // 2, pane % 2)
            self.views.append(view)
            self.captions.append(caption)
            self.legends.append(legend)
        self.meaning = QLabel()
        self.meaning.setObjectName("explainMeaning")
        self.meaning.setWordWrap(True)

        self.opacity_slider = QSlider(Qt.Horizontal)
        self.opacity_slider.setObjectName("explainOpacity")
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setValue(DEFAULT_OPACITY)
        self.opacity_slider.setToolTip(self.tr("How strongly the map covers the photo"))
        self.opacity_slider.valueChanged.connect(self._render)
        self.colour_box = QComboBox()
        self.colour_box.setObjectName("explainColourMap")
        self.colour_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.colour_box.addItem(self.tr("Cividis (colour-blind safe)"), "cividis")
        self.colour_box.addItem(self.tr("Ice (black, blue, white)"), "ice")
        self.colour_box.currentIndexChanged.connect(self._render)
        self.save_button = QPushButton(self.tr("Save result…"))
        self.save_button.setObjectName("explainSave")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_dialog)
        bottom = QHBoxLayout()
        self.opacity_label = QLabel(self.tr("&Opacity:"))
        self.opacity_label.setBuddy(self.opacity_slider)
        bottom.addWidget(self.opacity_label)
        bottom.addWidget(self.opacity_slider, 1)
        self.colour_label = QLabel(self.tr("&Colours:"))
        self.colour_label.setBuddy(self.colour_box)
        bottom.addWidget(self.colour_label)
        bottom.addWidget(self.colour_box)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(classes)
        layout.addWidget(self.idle_note)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.meaning)
        layout.addLayout(bottom)
        self._apply_locale()
        self._on_method()
        self._show_panes(1)

    def _class_combo(self) -> QComboBox:
        """The Adversarial tab's forgiving class box: type part of a name, pick from the list."""
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.NoInsert)
        combo.completer().setCompletionMode(QCompleter.PopupCompletion)
        combo.completer().setFilterMode(Qt.MatchContains)
        combo.setMinimumContentsLength(14)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _method_name(self, method: str) -> str:
        return {"gradcam": self.tr("Grad-CAM"), "gradcam++": self.tr("Grad-CAM++"),
                "saliency": self.tr("Gradient saliency"), "smoothgrad": self.tr("SmoothGrad"),
                "occlusion": self.tr("Occlusion"), "rise": self.tr("RISE (random masks)")}[method]

    def _settings_for(self, method: str) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        if method in ("gradcam", "gradcam++"):
            check = QCheckBox()
            check.setObjectName(f"tableLayer_{method}")
            check.setToolTip(self.tr("Off: the last layer with a spatial map (the last convolutional stage)"))
            check.toggled.connect(self._sync_layer_checks)
            row.addWidget(check)
            if method == "gradcam":
                self.layer_check = check
            else:
                self.layer_check_plus = check
        elif method == "smoothgrad":
            self.noise_spin = QDoubleSpinBox()
            self.noise_spin.setObjectName("explainNoise")
            self.noise_spin.setRange(*(100 * v for v in ExplainConfig.NOISE_RANGE))
            self.noise_spin.setDecimals(0)
            self.noise_spin.setSuffix(self.tr(" %"))
            self.noise_spin.setValue(100 * ExplainConfig.noise)
            self.samples_spin = QSpinBox()
            self.samples_spin.setObjectName("explainSamples")
            self.samples_spin.setRange(*ExplainConfig.SAMPLES_RANGE)
            self.samples_spin.setValue(ExplainConfig.samples)
            row.addWidget(QLabel(self.tr("Noise:")))
            row.addWidget(self.noise_spin)
            row.addWidget(QLabel(self.tr("Noisy copies:")))
            row.addWidget(self.samples_spin)
        elif method == "occlusion":
            self.patch_spin = QSpinBox()
            self.patch_spin.setObjectName("explainPatch")
            self.patch_spin.setRange(*ExplainConfig.PATCH_RANGE)
            self.patch_spin.setValue(ExplainConfig.patch)
            self.patch_spin.setSuffix(self.tr(" px"))
            self.stride_spin = QSpinBox()
            self.stride_spin.setObjectName("explainStride")
            self.stride_spin.setRange(*ExplainConfig.STRIDE_RANGE)
            self.stride_spin.setValue(ExplainConfig.stride)
            self.stride_spin.setSuffix(self.tr(" px"))
            row.addWidget(QLabel(self.tr("Grey square:")))
            row.addWidget(self.patch_spin)
            row.addWidget(QLabel(self.tr("step:")))
            row.addWidget(self.stride_spin)
        else:
            self.masks_spin = QSpinBox()
            self.masks_spin.setObjectName("explainMasks")
            self.masks_spin.setRange(*ExplainConfig.MASKS_RANGE)
            self.masks_spin.setValue(ExplainConfig.masks)
            row.addWidget(QLabel(self.tr("Random masks:")))
            row.addWidget(self.masks_spin)
        row.addStretch(1)
        return box

    def _apply_locale(self) -> None:
        locale = QLocale(current_language())
        for spin in (self.noise_spin, self.samples_spin, self.patch_spin, self.stride_spin, self.masks_spin):
            spin.setLocale(locale)

    # --- settings -----------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("explain_method", self.method())
        settings.setValue("explain_colour_map", self.colour_map())
        settings.setValue("explain_opacity", self.opacity_slider.value())

    def restore_state(self, settings: QSettings) -> None:
        self.set_method(settings.value("explain_method", "gradcam", str))
        index = self.colour_box.findData(settings.value("explain_colour_map", "cividis", str))
        self.colour_box.setCurrentIndex(max(0, index))
        try:
            opacity = int(settings.value("explain_opacity", DEFAULT_OPACITY))
        except (TypeError, ValueError):
            opacity = DEFAULT_OPACITY
        self.opacity_slider.setValue(opacity)

    def _first_items(self) -> tuple:
        """Each class box's first item: the network's answer, or no second class."""
        return ((self.class_box, self.tr("(the network's answer)")), (self.second_box, self.tr("(none)")))

    def retranslate_ui(self) -> None:
        for row, method in enumerate(METHODS):
            self.method_box.setItemText(row, self._method_name(method))
        for combo, first in self._first_items():
            if combo.count():
                combo.setItemText(0, first)
        self._apply_locale()
        self._update_layer_checks()
        self._render()

    # --- the contract -------------------------------------------------------------------
    def idle_reason(self) -> str:
        if self.workspace is None:
            return ""
        loaded = self.workspace.loaded
        if loaded.image_input is None:
            return self.tr("Explanations need a model that takes one image. {0}").format(
                core_text(loaded.no_image_reason))
        if not loaded.is_classifier:
            return self.tr("Explanations need a classifier. {0}").format(core_text(loaded.not_classifier_reason))
        return ""

    def set_workspace(self, workspace) -> None:
        self.workspace = workspace
        reason = self.idle_reason()
        self.idle_note.setText(reason)
        self.idle_note.setVisible(bool(reason))
        labels = workspace.loaded.labels if not reason else []
        for combo, first in self._first_items():
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            combo.addItems(labels)
            for index in range(len(labels)):
                combo.setItemData(index + 1, index)
            combo.setCurrentIndex(max(0, combo.findText(current)))
            combo.blockSignals(False)
        self._table_layer = None
        self._update_layer_checks()
        self.pair = None
        self._clear()
        self.explain_button.setEnabled(not reason)

    def set_layer(self, key: str) -> None:
        self._table_layer = key
        self._update_layer_checks()

    def set_image(self, image: np.ndarray, name: str) -> None:
        self.image, self.image_name = image, name
        self.pair = None
        self._clear()
        self.views[0].set_array(image)

    def offer_image(self, image: np.ndarray, name: str) -> None:
        if self.image is None:
            self.set_image(image, name)

    def busy(self) -> bool:
        return self._job.busy()

    def run_default_job(self) -> None:
        """For screenshots: Grad-CAM of the network's answer."""
        if self.image is not None and self._usable():
            self.run_explain()

    # --- the Lab's and the Adversarial tab's verbs --------------------------------------
    def set_method(self, method: str) -> None:
        self.method_box.setCurrentIndex(max(0, self.method_box.findData(method)))

    def choose_class(self, label: Optional[str], *, second: bool = False) -> None:
        """Pick a class by its name, as a person picks it in the class box (None: the first item,
        the network's answer or no second class)."""
        combo = self.second_box if second else self.class_box
        index = combo.findText(label, Qt.MatchFixedString) if label else 0
        combo.setCurrentIndex(max(0, index))

    def explain_pair(self, request: ExplainRequest) -> None:
        """The photo and its adversarial twin, each explained for the old and the new label."""
        self.image, self.image_name = request.original, request.name
        self.pair = request
        self._clear()
        if self._usable():
            self._start([(request.original, request.old_class), (request.original, request.new_class),
                         (request.changed, request.old_class), (request.changed, request.new_class)])

    def shown_labels(self) -> list[str]:
        """The class of each map on screen, in the panes' order."""
        return [result.label for result in self.results]

    # --- running ------------------------------------------------------------------------
    def _usable(self) -> bool:
        return self.workspace is not None and not self.idle_reason()

    def method(self) -> str:
        return self.method_box.currentData()

    def colour_map(self) -> str:
        return self.colour_box.currentData()

    def config(self) -> ExplainConfig:
        method = self.method()
        layer = self._table_layer if (method == "gradcam" and self.layer_check.isChecked()) or (
            method == "gradcam++" and self.layer_check_plus.isChecked()) else None
        return ExplainConfig(method=method, layer=layer, noise=self.noise_spin.value() / 100.0,
                             samples=self.samples_spin.value(), patch=self.patch_spin.value(),
                             stride=self.stride_spin.value(), masks=self.masks_spin.value())

    def _chosen(self, combo: QComboBox) -> tuple[bool, Optional[int]]:
        """(whether a class is chosen, its index; None: the network's answer), read forgivingly:
        a typed name is found as ``neurolab explain --class`` finds it."""
        from neurolab.core.models.labels import find_class

        text = combo.currentText().strip()
        index = combo.findText(text)
        if index >= 0:
            return index > 0, combo.itemData(index)
        if not text:
            return False, None
        return True, find_class(self.workspace.loaded.labels, text)

    def run_explain(self) -> None:
        if self.image is None or not self._usable():
            return
        try:
            _, first = self._chosen(self.class_box)
            has_second, second = self._chosen(self.second_box)
        except NeurolabError as exc:
            self.error.emit(error_text(exc))
            return
        self.pair = None
        requests = [(self.image, first)] + ([(self.image, second)] if has_second else [])
        self._start(requests)

    def _start(self, requests: list) -> None:
        from neurolab.core.explain.methods import explain_many_job

        loaded, config = self.workspace.loaded, self.config()
        self._images = [image for image, _ in requests]
        self._set_running(True)
        self._show_panes(len(requests))
        self._job.start(lambda: explain_many_job(loaded, requests, config), self._on_done,
                        on_cancelled=lambda: self._set_running(False))

    def _set_running(self, running: bool) -> None:
        self.explain_button.setEnabled(not running and self._usable())

    def _on_done(self, results: list) -> None:
        self.results = list(results)
        self._set_running(False)
        self.save_button.setEnabled(bool(self.results))
        self._render()
        self.explained.emit()

    # --- showing ------------------------------------------------------------------------
    def _show_panes(self, count: int) -> None:
        for pane in range(4):
            self.grid.itemAtPosition(pane // 2, pane % 2).widget().setVisible(pane < max(1, count))

    def _clear(self) -> None:
        self.results = []
        self._images = []
        for view, caption, legend in zip(self.views, self.captions, self.legends):
            view.set_array(None)
            caption.clear()
            legend.setVisible(False)
        self.meaning.clear()
        self.save_button.setEnabled(False)
        self._show_panes(1)
        if self.image is not None:
            self.views[0].set_array(self.image)

    def _caption(self, pane: int, result) -> str:
        where = ""
        if self.pair is not None:
            where = self.tr("Original photo") if pane < 2 else self.tr("Changed image")
            where = f"<b>{where}</b> · "
        layer = self.tr(" at layer {0}").format(result.layer) if result.layer else ""
        return self.tr("{0}{1} for <b>{2}</b> ({3}){4}").format(
            where, self._method_name(result.method), result.label, percent(result.probability), layer)

    def _render(self, *_args) -> None:
        from neurolab.core.inspection.mosaic import overlay_colours

        opacity = self.opacity_slider.value() / 100.0
        colours = overlay_colours(np.arange(256, dtype=np.uint8), self.colour_map())
        for pane, (view, caption, legend) in enumerate(zip(self.views, self.captions, self.legends)):
            if pane >= len(self.results):
                continue
            result = self.results[pane]
            view.set_array(result.overlay(self._images[pane], opacity=opacity, colour_map=self.colour_map()))
            caption.setText(self._caption(pane, result))
            legend.set_scale(self.tr("Map:"), colours, result.low, result.high)
            legend.setVisible(True)
        if self.results:
            self.meaning.setText(self._meaning(self.results[0].method))

    def _meaning(self, method: str) -> str:
        return {
            "gradcam": self.tr("Bright: where the layer's features raise the class's score."),
            "gradcam++": self.tr("Bright: where the layer's features raise the class's score, each place "
                                 "weighted on its own."),
            "saliency": self.tr("Bright: pixels whose change would change the class's score most."),
            "smoothgrad": self.tr("Bright: pixels whose change would change the class's score most, "
                                  "averaged over noisy copies of the photo."),
            "occlusion": self.tr("Bright: covering the place with a grey square lowers the class's "
                                 "probability most."),
            "rise": self.tr("Bright: the class is most probable when the place is visible (random masks)."),
        }[method]

    def _on_method(self, *_args) -> None:
        self.settings_stack.setCurrentIndex(max(0, self.method_box.currentIndex()))

    def _update_layer_checks(self) -> None:
        text = (self.tr("Use the layer chosen in the Network table ({0})").format(self._table_layer)
                if self._table_layer else self.tr("Use the layer chosen in the Network table (none chosen)"))
        for check in (self.layer_check, self.layer_check_plus):
            check.setText(text)
            check.setEnabled(self._table_layer is not None)
            if self._table_layer is None:
                check.setChecked(False)

    def _sync_layer_checks(self, checked: bool) -> None:
        for check in (self.layer_check, self.layer_check_plus):
            if check.isChecked() != checked:
                check.setChecked(checked)

    # --- saving -------------------------------------------------------------------------
    def save_dialog(self) -> None:
        if not self.results:
            return
        stem = os.path.splitext(os.path.basename(self.image_name or "image"))[0]
        path = file_dialogs.save_file(self, self.tr("Save result"), f"{stem}_{self.results[0].method}.png",
                                      self.tr("PNG image (*.png)"))
        if path:
            self.save(path)

    def save(self, path: str) -> list[str]:
        """Each map over its image (PNG), the map itself (.npy, the photo's height × width) and
        the JSON ``neurolab explain --json`` writes; a second map gets ``_2``… in its names."""
        stem, suffix = os.path.splitext(path)
        written: list[str] = []
        opacity = self.opacity_slider.value() / 100.0
        try:
            for pane, result in enumerate(self.results):
                png = path if pane == 0 else f"{stem}_{pane + 1}{suffix}"
                npy = os.path.splitext(png)[0] + ".npy"
                save_image(result.overlay(self._images[pane], opacity=opacity, colour_map=self.colour_map()),
                           png)
                np.save(npy, result.map)
                payload = result.to_json(model=self.workspace.loaded.name, image=self.image_name,
                                         output=png, npy=npy,
                                         preprocessing=self.workspace.loaded.preprocessing_key)
                written += [png, npy, self.save_json_beside(payload, png)]
        except (NeurolabError, OSError) as exc:
            self.error.emit(error_text(exc))
            return []
        self.message.emit(self.tr("Saved {0}").format(", ".join(written)))
        return written
