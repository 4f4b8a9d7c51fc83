"""The Features tab: what does each filter want to see? The activation mosaic's mirror.

Three things, each a job of ``core.features`` (live previews, progress and Cancel in the
status bar and here, seeded): a layer's filters (one image per channel, all grown together,
tiled as the activation mosaic is, with the same click-to-enlarge), class images (one per
output neuron) and deep dream on the current photo at its own size. The activation mosaic's
*What does this filter want?* opens a tile's layer here with that channel enlarged, and
*Back to activations* returns.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional

import numpy as np
from PySide6.QtCore import QLocale, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from neurolab.core.errors import NeurolabError
from neurolab.core.features.config import DreamConfig, FeatureConfig
from neurolab.core.images import save_image
from neurolab.gui import file_dialogs, locale_format
from neurolab.gui.core_texts import core_text, error_text
from neurolab.gui.language import current_language
from neurolab.gui.tabs.base import Tab
from neurolab.gui.widgets.image_view import ImageView, MosaicView, array_to_qimage
from neurolab.gui.worker import LatestJob

MODES = ("filters", "classes", "dream")


@dataclass(frozen=True)
class FeatureRequest:
    """A tile of the activation mosaic asking what its filter wants: its layer and channel, and
    the key of the tab to go back to."""

    layer: str
    channel: int
    back_to: str = "activations"


class FeatureGridView(MosaicView):
    """The activation mosaic's view (numbers, frame, click) showing a grid of RGB pictures."""

    def set_grid(self, grid, numbers: Optional[list[int]] = None) -> None:
        """``grid``: a ``core.inspection.mosaic.Mosaic`` whose ``image`` is RGB (None: nothing);
        ``numbers``: the channel each tile shows (from 0; drawn from 1, as the activation mosaic's)."""
        self._mosaic = grid
        self._channel_numbers = list(numbers) if numbers is not None else None
        self._numbers_key = None
        self.set_image(None if grid is None else array_to_qimage(grid.image))

    def _number_texts(self) -> list[str]:
        numbers = getattr(self, "_channel_numbers", None)
        if numbers is None:
            return super()._number_texts()
        return [locale_format.integer(n + 1) for n in numbers]

    def tile_tooltip(self, point) -> str:
        from PySide6.QtCore import QPointF

        image_point = self.widget_to_image(QPointF(point))
        channel = None if image_point is None else self._mosaic.channel_at(image_point.x(), image_point.y())
        if channel is None:
            return ""
        numbers = getattr(self, "_channel_numbers", None) or list(range(self._mosaic.channels))
        return self.tr("Channel {0}. Click to see it large.").format(locale_format.integer(numbers[channel] + 1))


class FeaturesTab(Tab):
    """A layer's filters, class images or deep dream, grown with live previews."""

    key = "features"
    takes_images = True
    shows_features = True
    settings_keys = frozenset({"features_mode", "features_size", "features_steps", "features_parameterization"})

    grown = Signal()  # a result is on screen

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.workspace = None
        self.image: Optional[np.ndarray] = None
        self.image_name = ""
        self.layer: Optional[str] = None
        self.result = None  # core.features.result.FeatureImages or DreamResult
        self.grid = None  # the result's grid (a Mosaic with an RGB image)
        self.channel: Optional[int] = None  # the picture shown large (its index in the result)
        self.back_to: Optional[str] = None  # the tab key "Back" returns to
        self._wanted_channel: Optional[int] = None  # the channel a mosaic tile asked about
        self._job = LatestJob(runner, "features", self)
        self._job.failed.connect(self.error)
        self._job.failed.connect(lambda _message: self._set_running(False))
        self._build()

    def tab_title(self) -> str:
        return self.tr("Features")

    # --- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.mode_box = QComboBox()
        self.mode_box.setObjectName("featuresMode")
        self.mode_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        for mode in MODES:
            self.mode_box.addItem(self._mode_name(mode), mode)
        self.mode_box.currentIndexChanged.connect(self._on_mode)
        self.mode_label = QLabel(self.tr("&Show:"))
        self.mode_label.setBuddy(self.mode_box)
        self.layer_note = QLabel()
        self.layer_note.setObjectName("featuresLayer")
        self.channels_edit = QLineEdit()  # empty: every channel, shown by the placeholder in the language
        self.channels_edit.setPlaceholderText(self.tr("all"))
        self.channels_edit.setObjectName("featuresChannels")
        self.channels_edit.setToolTip(self.tr("Which channels or classes: empty for all, or numbers such as 1,2,3 "
                                              "or 1-8 (counted from 1, as the tiles are)"))
        self.channels_edit.setMaximumWidth(110)
        self.channels_label = QLabel(self.tr("C&hannels:"))
        self.channels_label.setBuddy(self.channels_edit)

        self.size_spin = self._spin("featuresSize", FeatureConfig.SIZE_RANGE, FeatureConfig.size, self.tr(" px"))
        self.steps_spin = self._spin("featuresSteps", FeatureConfig.STEPS_RANGE, FeatureConfig.steps)
        self.rate_spin = QDoubleSpinBox()
        self.rate_spin.setObjectName("featuresRate")
        self.rate_spin.setDecimals(3)
        self.rate_spin.setRange(*FeatureConfig.LEARNING_RATE_RANGE)
        self.rate_spin.setSingleStep(0.01)
        self.rate_spin.setValue(FeatureConfig.learning_rate)
        self.param_box = QComboBox()
        self.param_box.setObjectName("featuresParameterization")
        self.param_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.param_box.addItem(self.tr("Fourier, decorrelated colour"), "fourier")
        self.param_box.addItem(self.tr("Pixels"), "pixels")
        self.param_box.setToolTip(self.tr("Fourier: smooth pictures in natural colours (lucid's choice); "
                                          "pixels: every pixel on its own, sharper and noisier"))
        self.jitter_spin = self._spin("featuresJitter", FeatureConfig.JITTER_RANGE, FeatureConfig.jitter,
                                      self.tr(" px"))
        self.scale_spin = self._spin("featuresScale", tuple(int(100 * v) for v in FeatureConfig.SCALE_RANGE),
                                     int(100 * FeatureConfig.scale), self.tr(" %"))
        self.rotation_spin = self._spin("featuresRotation", tuple(int(v) for v in FeatureConfig.ROTATION_RANGE),
                                        int(FeatureConfig.rotation), self.tr("°"))
        self.seed_spin = self._spin("featuresSeed", (0, 999_999), 0)

        self.octaves_spin = self._spin("dreamOctaves", DreamConfig.OCTAVES_RANGE, DreamConfig.octaves)
        self.dream_steps_spin = self._spin("dreamSteps", DreamConfig.STEPS_RANGE, DreamConfig.steps)
        self.strength_spin = QDoubleSpinBox()
        self.strength_spin.setObjectName("dreamStrength")
        self.strength_spin.setRange(*DreamConfig.STRENGTH_RANGE)
        self.strength_spin.setDecimals(2)
        self.strength_spin.setValue(DreamConfig.strength)
        self.strength_spin.setToolTip(self.tr("Each step's size in 0–255 levels"))

        grow = QWidget()
        grow.setObjectName("featuresGrowSettings")
        row = QGridLayout(grow)
        row.setContentsMargins(0, 0, 0, 0)
        pairs = [(self.tr("Size:"), self.size_spin), (self.tr("Steps:"), self.steps_spin),
                 (self.tr("Learning rate:"), self.rate_spin), (self.tr("Basis:"), self.param_box),
                 (self.tr("Jitter:"), self.jitter_spin), (self.tr("Scale:"), self.scale_spin),
                 (self.tr("Rotation:"), self.rotation_spin), (self.tr("Seed:"), self.seed_spin)]
        self._grow_labels = []
        for index, (text, widget) in enumerate(pairs):
            label = QLabel(text)
            self._grow_labels.append(label)
            row.addWidget(label, index // 4, 2 * (index % 4))
            row.addWidget(widget, index // 4, 2 * (index % 4) + 1)
        self.grow_settings = grow
        self.dream_layers_edit = QLineEdit()
        self.dream_layers_edit.setObjectName("dreamLayers")
        self.dream_layers_edit.setToolTip(self.tr("The layers whose activations the dream raises, commas "
                                                  "between; a layer picked in the tree is put here"))
        dream = QWidget()
        dream.setObjectName("featuresDreamSettings")
        drow = QHBoxLayout(dream)
        drow.setContentsMargins(0, 0, 0, 0)
        for text, widget in ((self.tr("Layers:"), self.dream_layers_edit),
                             (self.tr("Octaves:"), self.octaves_spin),
                             (self.tr("Steps per octave:"), self.dream_steps_spin),
                             (self.tr("Strength:"), self.strength_spin)):
            drow.addWidget(QLabel(text))
            drow.addWidget(widget)
        drow.addStretch(1)
        self.dream_settings = dream

        self.open_button = QPushButton(self.tr("Open image…"))
        self.open_button.clicked.connect(self.open_image_requested)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("featuresStart")
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("featuresCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setObjectName("featuresSave")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_dialog)
        self.back_button = QPushButton(self.tr("← Back to activations"))
        self.back_button.setObjectName("featuresBack")
        self.back_button.setVisible(False)
        self.back_button.clicked.connect(self.go_back)

        self.idle_note = QLabel()
        self.idle_note.setObjectName("featuresIdle")
        self.idle_note.setWordWrap(True)
        self.idle_note.setStyleSheet("color: #b36b00;")
        self.idle_note.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("featuresStatus")
        self.status.setWordWrap(True)

        self.grid_view = FeatureGridView(placeholder=self.tr("Pick a layer in the tree on the left, then "
                                                             "press Start."))
        self.grid_view.setObjectName("featuresGrid")
        self.grid_view.clicked.connect(self._on_grid_clicked)
        self.large_view = ImageView(placeholder=self.tr("Click a picture to see it large"))
        self.large_view.setObjectName("featuresLarge")
        self.large_caption = QLabel()
        self.large_caption.setObjectName("featuresLargeCaption")
        self.large_caption.setWordWrap(True)

        top = QHBoxLayout()
        for widget in (self.mode_label, self.mode_box, self.layer_note):
            top.addWidget(widget)
        top.addStretch(1)
        for widget in (self.channels_label, self.channels_edit, self.open_button, self.back_button):
            top.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for widget in (self.start_button, self.cancel_button, self.save_button):
            buttons.addWidget(widget)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.large_caption)
        right_box.addWidget(self.large_view, 1)
        splitter = QSplitter()
        splitter.addWidget(self.grid_view)
        splitter.addWidget(right)
        splitter.setSizes([600, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grow_settings)
        layout.addWidget(self.dream_settings)
        layout.addWidget(self.idle_note)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._apply_locale()
        self._on_mode()

    def _spin(self, name: str, limits, value, suffix: str = "") -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(int(limits[0]), int(limits[1]))
        spin.setValue(int(value))
        if suffix:
            spin.setSuffix(suffix)
        return spin

    def _mode_name(self, mode: str) -> str:
        return {"filters": self.tr("A layer's filters"), "classes": self.tr("Class images"),
                "dream": self.tr("Deep dream on the photo")}[mode]

    def _apply_locale(self) -> None:
        locale = QLocale(current_language())
        for spin in (self.size_spin, self.steps_spin, self.rate_spin, self.jitter_spin, self.scale_spin,
                     self.rotation_spin, self.seed_spin, self.octaves_spin, self.dream_steps_spin,
                     self.strength_spin):
            spin.setLocale(locale)

    # --- settings -----------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("features_mode", self.mode())
        settings.setValue("features_size", self.size_spin.value())
        settings.setValue("features_steps", self.steps_spin.value())
        settings.setValue("features_parameterization", self.param_box.currentData())

    def restore_state(self, settings: QSettings) -> None:
        self.set_mode(settings.value("features_mode", "filters", str))
        for spin, key, default in ((self.size_spin, "features_size", FeatureConfig.size),
                                   (self.steps_spin, "features_steps", FeatureConfig.steps)):
            try:
                spin.setValue(int(settings.value(key, default)))
            except (TypeError, ValueError):
                spin.setValue(default)
        index = self.param_box.findData(settings.value("features_parameterization", "fourier", str))
        self.param_box.setCurrentIndex(max(0, index))

    def retranslate_ui(self) -> None:
        for row, mode in enumerate(MODES):
            self.mode_box.setItemText(row, self._mode_name(mode))
        self._apply_locale()
        self._show_layer_note()
        self._show_large()

    # --- the contract -------------------------------------------------------------------
    def idle_reason(self) -> str:
        if self.workspace is None:
            return ""
        loaded = self.workspace.loaded
        if loaded.image_input is None:
            return self.tr("Feature visualisation needs a model that takes one image. {0}").format(
                core_text(loaded.no_image_reason))
        if self.mode() == "classes" and not loaded.is_classifier:
            return self.tr("Class images need a classifier. {0}").format(core_text(loaded.not_classifier_reason))
        return ""

    def set_workspace(self, workspace) -> None:
        self.cancel()
        self.workspace = workspace
        self.layer = None
        self._clear()
        self._show_idle()

    def set_layer(self, key: str) -> None:
        self.layer = key
        self.dream_layers_edit.setText(key)
        self._show_layer_note()

    def wants_layer(self) -> bool:
        return self.layer is None

    def set_image(self, image: np.ndarray, name: str) -> None:
        self.image, self.image_name = image, name
        if self.mode() == "dream":
            self._clear()

    def offer_image(self, image: np.ndarray, name: str) -> None:
        if self.image is None:
            self.set_image(image, name)

    def busy(self) -> bool:
        return self._job.busy()

    def run_default_job(self) -> None:
        """For screenshots: the filters of the layer picked (else the first convolution), few steps."""
        if not self._usable():
            return
        if self.layer is None:
            self.layer = self._first_map_layer()
            self._show_layer_note()
        self.start()

    def show_features(self, request: FeatureRequest) -> None:
        """A tile of the activation mosaic: its layer's filters, that channel shown large, and a
        way back (the window shows this tab first)."""
        self.back_to = request.back_to
        self.back_button.setVisible(True)
        self.set_mode("filters")
        self.layer = request.layer
        self._show_layer_note()
        self._wanted_channel = request.channel
        if self.result is not None and getattr(self.result, "layer", None) == request.layer \
                and request.channel in self.result.channels:
            self.select(self.result.channels.index(request.channel))
            self.grown.emit()
            return
        self.start()

    def go_back(self) -> None:
        if self.back_to:
            self.show_tab_requested.emit(self.back_to)

    # --- the Lab's verbs ----------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.mode_box.setCurrentIndex(max(0, self.mode_box.findData(mode)))

    def mode(self) -> str:
        return self.mode_box.currentData()

    def channels_text(self) -> str:
        """The channels typed, for core: the word for "all" in the window's language (what the
        placeholder shows) or in English means every channel, as an empty field does."""
        text = self.channels_edit.text().strip()
        return "all" if text.lower() in {self.tr("all").lower(), "all"} else text

    def grow_filters(self, layer: str, *, steps: Optional[int] = None) -> None:
        """Every filter of ``layer`` (all channels), at most ``steps`` steps: what Start does."""
        self.set_mode("filters")
        self.channels_edit.clear()
        self.set_layer(layer)
        if steps is not None:
            self.limit_steps(steps)
        self.start()

    def limit_steps(self, steps: int) -> None:
        """At most ``steps`` steps (the Lab's, on a classroom CPU)."""
        self.steps_spin.setValue(min(self.steps_spin.value(), steps))

    def shows_result_for(self, layer: Optional[str]) -> bool:
        """A finished grid of ``layer`` (None: class images) is on screen."""
        return (self.result is not None and not self.busy() and hasattr(self.result, "channels")
                and self.result.layer == layer)

    # --- running ------------------------------------------------------------------------
    def _usable(self) -> bool:
        return self.workspace is not None and not self.idle_reason()

    def _first_map_layer(self) -> Optional[str]:
        for row in self.workspace.analysis.layers:
            if row.type.startswith("Conv") or "Conv" in row.class_name:
                return row.key
        return None

    def config(self) -> FeatureConfig:
        return FeatureConfig(size=self.size_spin.value(), steps=self.steps_spin.value(),
                             learning_rate=self.rate_spin.value(), parameterization=self.param_box.currentData(),
                             jitter=self.jitter_spin.value(), scale=self.scale_spin.value() / 100.0,
                             rotation=float(self.rotation_spin.value()), seed=self.seed_spin.value())

    def dream_config(self) -> DreamConfig:
        layers = tuple(key.strip() for key in self.dream_layers_edit.text().split(",") if key.strip())
        return DreamConfig(octaves=self.octaves_spin.value(), steps=self.dream_steps_spin.value(),
                           strength=self.strength_spin.value(), layers=layers)

    def start(self) -> None:
        """Start what the mode says (the Start button)."""
        if not self._usable():
            return
        from neurolab.core.features import jobs

        loaded, extractor, mode = self.workspace.loaded, self.workspace.extractor, self.mode()
        try:
            if mode == "dream":
                if self.image is None:
                    self.error.emit(self.tr("Open a photo first: deep dream changes it."))
                    return
                config, image = self.dream_config(), self.image
                config.check()
                factory = lambda: jobs.dream_job(loaded, image, config, extractor)  # noqa: E731
            elif mode == "classes":
                config, text = self.config(), self.channels_text()
                factory = lambda: _class_job(loaded, text, config, extractor)  # noqa: E731
            else:
                if self.layer is None:
                    self.error.emit(self.tr("Pick a layer in the tree on the left first."))
                    return
                config, text, layer = self.config(), self.channels_text(), self.layer
                factory = lambda: _filters_job(loaded, layer, text, config, extractor)  # noqa: E731
        except NeurolabError as exc:
            self.error.emit(error_text(exc))
            return
        self._clear()
        self._set_running(True)
        self.status.setText(self.tr("Growing…"))
        self._job.start(factory, self._on_done, self._on_progress, on_cancelled=self._on_cancelled)

    def cancel(self) -> None:
        if self._job.handle is not None and not self._job.handle.done:
            self._job.handle.cancel()

    def _on_cancelled(self) -> None:
        self._set_running(False)
        self.status.setText(self.tr("Cancelled."))

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running and self._usable())
        self.cancel_button.setEnabled(running)

    def _on_progress(self, event) -> None:
        if event.preview is None:
            return
        if self.mode() == "dream":
            self.large_view.set_array(event.preview)
        else:
            self.grid_view.set_grid(None)
            self.grid_view.set_array(event.preview)
        self.status.setText(self.tr("Step {0} of {1} (live preview)").format(
            locale_format.integer(event.step), locale_format.integer(event.total)))

    def _on_done(self, result) -> None:
        self.result = result
        self._set_running(False)
        self.save_button.setEnabled(True)
        if hasattr(result, "channels"):
            self.grid = result.grid()
            self.grid_view.set_grid(self.grid, result.channels)
            wanted, self._wanted_channel = self._wanted_channel, None
            self.select(result.channels.index(wanted) if wanted in result.channels else 0)
            notes = " ".join(core_text(n) for n in result.notices)
            self.status.setText(self.tr("%n pictures in {0} s.", "", len(result.channels)).format(
                locale_format.number(result.seconds, 1)) + (" " + notes if notes else ""))
        else:
            self.grid = None
            self.grid_view.set_grid(None)
            self.grid_view.set_array(self.image)
            self.large_view.set_array(result.image)
            self.large_caption.setText(self.tr("Deep dream with {0}, {1}×{2} px").format(
                ", ".join(result.layers), locale_format.integer(result.image_size[0]),
                locale_format.integer(result.image_size[1])))
            self.status.setText(self.tr("Dreamt in {0} s.").format(locale_format.number(result.seconds, 1)))
        self.grown.emit()
        self.view_ready.emit()

    # --- showing ------------------------------------------------------------------------
    def _on_mode(self, *_args) -> None:
        dream = self.mode() == "dream"
        self.grow_settings.setVisible(not dream)
        self.dream_settings.setVisible(dream)
        self.channels_edit.setEnabled(not dream)
        self._show_idle()
        self._show_layer_note()

    def _show_idle(self) -> None:
        reason = self.idle_reason()
        self.idle_note.setText(reason)
        self.idle_note.setVisible(bool(reason))
        self._set_running(self.busy())

    def _show_layer_note(self) -> None:
        if self.mode() == "classes":
            self.layer_note.setText(self.tr("the output neurons (before the softmax)"))
        else:
            self.layer_note.setText(self.tr("layer: {0}").format(self.layer) if self.layer
                                    else self.tr("layer: pick one in the tree"))

    def _clear(self) -> None:
        self.result = None
        self.grid = None
        self.channel = None
        self.grid_view.set_grid(None)
        self.large_view.set_array(None)
        self.large_caption.clear()
        self.status.clear()
        self.save_button.setEnabled(False)

    def _on_grid_clicked(self, x: float, y: float) -> None:
        if self.grid is None:
            return
        index = self.grid.channel_at(x, y)
        if index is not None:
            self.select(index)

    def select(self, index: int) -> None:
        """Show picture ``index`` of the result large, framed in the grid (a click on its tile)."""
        self.channel = index
        self.grid_view.set_selected(index)
        self._show_large()

    def _show_large(self) -> None:
        result = self.result
        if result is None or not hasattr(result, "channels") or self.channel is None:
            return
        self.large_view.set_array(result.images[self.channel])
        number = result.channels[self.channel]
        value = locale_format.number(result.values[self.channel], 3)
        if result.layer is None:
            self.large_caption.setText(self.tr("Class {0} ({1}): logit {2}").format(
                result.labels[self.channel], locale_format.integer(number + 1), value))
        else:
            self.large_caption.setText(self.tr("{0}, channel {1}: mean activation {2}").format(
                result.layer, locale_format.integer(number + 1), value))

    # --- saving -------------------------------------------------------------------------
    def save_dialog(self) -> None:
        if self.result is None:
            return
        if hasattr(self.result, "channels"):
            suggested = f"{(self.result.layer or 'classes').replace('/', '_')}_features.png"
        else:
            suggested = f"{os.path.splitext(os.path.basename(self.image_name or 'photo'))[0]}_dream.png"
        path = file_dialogs.save_file(self, self.tr("Save pictures"), suggested, self.tr("PNG image (*.png)"))
        if path:
            self.save(path)

    def save(self, path: str) -> list[str]:
        """The grid (or the dreamt photo) as PNG, the pictures as .npy (channels×H×W×3, RGB 0–255;
        not for a dream) and the JSON the command line prints."""
        written: list[str] = []
        loaded = self.workspace.loaded
        try:
            if hasattr(self.result, "channels"):
                npy = os.path.splitext(path)[0] + ".npy"
                save_image(self.grid.image, path)
                np.save(npy, self.result.images)
                payload = self.result.to_json(model=loaded.name, output=path, npy=npy,
                                              preprocessing=loaded.preprocessing_key)
                written += [path, npy]
            else:
                save_image(self.result.image, path)
                payload = self.result.to_json(model=loaded.name, image=self.image_name, output=path,
                                              preprocessing=loaded.preprocessing_key)
                written.append(path)
            written.append(self.save_json_beside(payload, path))
        except (NeurolabError, OSError) as exc:
            self.error.emit(error_text(exc))
            return []
        self.message.emit(self.tr("Saved {0}").format(", ".join(written)))
        return written


def _filters_job(loaded, layer, text, config, extractor):
    """The channels typed, read on the job thread (the layer's size needs the network)."""
    from neurolab.core.features.jobs import features_job, parse_channels
    from neurolab.core.features.network import feature_network

    channels = parse_channels(text, feature_network(loaded, extractor).layer_units(layer), first=1)
    return (yield from features_job(loaded, layer, channels, config, extractor))


def _class_job(loaded, text, config, extractor):
    from neurolab.core.adversarial.gradients import gradient_model
    from neurolab.core.features.jobs import class_images_job, parse_channels

    classes = parse_channels(text, gradient_model(loaded).classes, first=1)
    return (yield from class_images_job(loaded, classes, config, extractor))
