"""The Activations tab: an image through any layer, channels tiled as a mosaic.

One job computes every layer of the image (core.inspection.activations); switching
layers afterwards only re-tiles cached arrays. Clicking a tile frames it and shows
that channel large beside the input, optionally as a heat map over it. Legends under
both say which colour stands for which value; the mosaic's scale (per tile or shared)
and gamma make the near-black tiles of ReLU layers readable.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from neurolab.core.errors import NeurolabError
from neurolab.core.formatting import format_dims
from neurolab.core.images import save_image
from neurolab.core.inspection.mosaic import (
    DEFAULT_COLOUR_MAP,
    DEFAULT_GAMMA,
    DEFAULT_SCALE,
    Mosaic,
    apply_colour_map,
    channel_values,
    colour_map_table,
    overlay,
    overlay_colours,
    render_mosaic,
)
from neurolab.gui import file_dialogs, locale_format
from neurolab.gui.core_texts import core_text, error_text
from neurolab.gui.language import current_language
from neurolab.gui.tabs.base import Tab
from neurolab.gui.widgets.image_view import ColourLegend, ImageView, MosaicView
from neurolab.gui.worker import LatestJob


class ActivationsTab(Tab):
    """Shows one layer's activations for the current image."""

    key = "activations"
    settings_keys = frozenset({"activations_splitter", "native_size", "colour_map",
                               "mosaic_scale", "mosaic_gamma"})
    takes_images = True

    mosaic_shown = Signal(str)  # layer key, once a mosaic is on screen

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.workspace = None
        self.image: np.ndarray | None = None
        self.image_name = ""
        self.layer: str | None = None
        self.result = None
        self.mosaic: Mosaic | None = None
        self.channel: int | None = None
        self._job = LatestJob(runner, "activations", self)
        self._job.failed.connect(self.error)
        self.mosaic_shown.connect(lambda _key: self.view_ready.emit())

        self.open_button = QPushButton(self.tr("Open image…"))
        self.open_button.setToolTip(self.tr("Open a photo of any size (or drop one on the window)"))
        self.open_button.clicked.connect(self.open_image_requested)
        self.native_box = QCheckBox(self.tr("Native size"))
        self.native_box.setToolTip(self.tr("Resize the image to the model's input size instead of "
                                           "running the filters over it at its own size"))
        self.native_box.toggled.connect(self._recompute)
        self.overlay_box = QCheckBox(self.tr("Overlay on image"))
        self.overlay_box.setToolTip(self.tr("Show the chosen channel as a heat map over the image"))
        self.overlay_box.toggled.connect(self._show_channel)
        self.colour_box = QComboBox()
        self.colour_box.setObjectName("colourMap")
        self.colour_box.addItem(self.tr("Grey"), "grey")
        self.colour_box.addItem(self.tr("Cividis (colour-blind safe)"), "cividis")
        self.colour_box.setToolTip(self.tr("How activations are coloured: grey runs from black "
                                           "(weak) to white (strong); cividis from dark blue to "
                                           "yellow, readable with any colour vision"))
        self.colour_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # every name whole
        self.colour_box.currentIndexChanged.connect(self._on_colour_map)
        self.colour_label = QLabel(self.tr("&Colours:"))
        self.colour_label.setBuddy(self.colour_box)
        self.scale_box = QComboBox()
        self.scale_box.setObjectName("mosaicScale")
        self.scale_box.addItem(self.tr("Each tile its own"), "tile")
        self.scale_box.addItem(self.tr("Shared by all tiles"), "shared")
        self.scale_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.scale_box.setToolTip(self.tr("Each tile its own: every channel is stretched from its "
                                          "lowest to its highest value, so weak filters show too. "
                                          "Shared: one scale for the whole layer, so you can see "
                                          "which filters respond strongly."))
        self.scale_box.currentIndexChanged.connect(self._on_mosaic_options)
        self.scale_label = QLabel(self.tr("&Scale:"))
        self.scale_label.setBuddy(self.scale_box)
        self.gamma_spin = QDoubleSpinBox()
        self.gamma_spin.setObjectName("mosaicGamma")
        self.gamma_spin.setRange(0.2, 3.0)
        self.gamma_spin.setSingleStep(0.1)
        self.gamma_spin.setDecimals(1)
        self.gamma_spin.setValue(DEFAULT_GAMMA)
        self.gamma_spin.setToolTip(self.tr("Gamma below 1 brightens the weak values of dark "
                                           "mosaics (ReLU layers are mostly black); 1 shows "
                                           "values as they are"))
        self.gamma_spin.valueChanged.connect(self._on_mosaic_options)
        self.gamma_label = QLabel(self.tr("&Gamma:"))
        self.gamma_label.setBuddy(self.gamma_spin)
        self.save_button = QPushButton(self.tr("Save mosaic…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_mosaic_dialog)
        self.save_action = QAction(self.tr("&Save mosaic…"), self)  # File menu, Ctrl+S
        self.save_action.setShortcut(QKeySequence.Save)
        self.save_action.triggered.connect(self.save_mosaic_dialog)
        self.title = QLabel(self.tr("No layer selected"))
        self.title.setObjectName("activationTitle")
        self.notice = QLabel()
        self.notice.setObjectName("activationNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b36b00;")
        self.size_note = QLabel()
        self.size_note.setObjectName("activationSizeNote")
        self.size_note.setWordWrap(True)

        self.mosaic_view = MosaicView(placeholder=self.tr("Drop an image here, then pick a layer "
                                                          "in the tree on the left."))
        self.mosaic_view.setObjectName("mosaicView")
        self.mosaic_view.setToolTip(self.tr("Each tile is one channel; white = strong. "
                                            "Click a tile to see it large."))
        self.mosaic_view.clicked.connect(self._on_mosaic_clicked)
        # "What does this filter want?": the tile's filter visualised in the Features tab.
        self.wants_action = QAction(self.tr("What does this filter want?"), self)
        self.wants_action.setObjectName("filterWantsAction")
        self.wants_action.setEnabled(False)
        self.wants_action.triggered.connect(self.ask_what_filter_wants)
        self.mosaic_view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.mosaic_view.customContextMenuRequested.connect(self._on_mosaic_menu)
        self.wants_button = QPushButton(self.tr("What does this filter want?"))
        self.wants_button.setObjectName("filterWantsButton")
        self.wants_button.setToolTip(self.tr("Grow a picture this filter answers as strongly as it can "
                                             "(the Features tab), the mirror of its activation here"))
        self.wants_button.setEnabled(False)
        self.wants_button.clicked.connect(self.ask_what_filter_wants)
        self.input_view = ImageView(placeholder=self.tr("No image"))
        self.input_view.setObjectName("inputView")
        self.channel_view = ImageView(placeholder=self.tr("Click a tile of the mosaic"))
        self.channel_view.setObjectName("channelView")
        self.input_label = QLabel(self.tr("Input"))
        self.channel_label = QLabel(self.tr("Channel"))
        self.channel_spin = QSpinBox()
        self.channel_spin.setObjectName("channelSpin")
        self.channel_spin.setRange(1, 1)
        self.channel_spin.setEnabled(False)
        self.channel_spin.setToolTip(self.tr("The channel shown large: the keyboard's way of "
                                             "clicking a tile"))
        self.channel_spin.valueChanged.connect(self._on_channel_spin)
        self.mosaic_legend = ColourLegend()
        self.mosaic_legend.setObjectName("mosaicLegend")
        self.channel_legend = ColourLegend()
        self.channel_legend.setObjectName("channelLegend")

        bar = QHBoxLayout()
        for widget in (self.open_button, self.native_box, self.overlay_box):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        looks = QHBoxLayout()
        for widget in (self.colour_label, self.colour_box, self.scale_label, self.scale_box,
                       self.gamma_label, self.gamma_spin):
            looks.addWidget(widget)
        looks.addStretch(1)
        mosaic_side = QWidget()
        mosaic_layout = QVBoxLayout(mosaic_side)
        mosaic_layout.setContentsMargins(0, 0, 0, 0)
        mosaic_layout.addWidget(self.mosaic_view, 1)
        mosaic_layout.addWidget(self.mosaic_legend)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        channel_row = QHBoxLayout()
        channel_row.addWidget(self.channel_label, 1)
        channel_row.addWidget(self.channel_spin)
        side_layout.addWidget(self.input_label)
        side_layout.addWidget(self.input_view, 1)
        side_layout.addLayout(channel_row)
        side_layout.addWidget(self.channel_view, 1)
        side_layout.addWidget(self.channel_legend)
        side_layout.addWidget(self.wants_button)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(mosaic_side)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(looks)
        layout.addWidget(self.title)
        layout.addWidget(self.size_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notice)
        for first, second in zip(self.focus_order(), self.focus_order()[1:]):
            QWidget.setTabOrder(first, second)

    def tab_title(self) -> str:
        return self.tr("Activations")

    def file_actions(self) -> list[QAction]:
        """File ▸ Save mosaic… (Ctrl+S), whatever tab is shown."""
        return [self.save_action]

    # --- settings -----------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("activations_splitter", self.splitter.saveState())
        settings.setValue("native_size", self.native_box.isChecked())
        settings.setValue("colour_map", self.colour_map())
        options = self.mosaic_options()
        settings.setValue("mosaic_scale", options["scale"])
        settings.setValue("mosaic_gamma", options["gamma"])

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value("activations_splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.native_box.setChecked(settings.value("native_size", False, bool))
        self.set_colour_map(settings.value("colour_map", DEFAULT_COLOUR_MAP, str))
        self.set_mosaic_options(settings.value("mosaic_scale", DEFAULT_SCALE, str),
                                settings.value("mosaic_gamma", DEFAULT_GAMMA, float))

    def focus_order(self) -> list[QWidget]:
        """The tab's controls in reading order (what Tab walks through)."""
        return [self.open_button, self.native_box, self.overlay_box, self.save_button,
                self.colour_box, self.scale_box, self.gamma_spin, self.channel_spin]

    # --- colour map ---------------------------------------------------------
    def colour_map(self) -> str:
        return self.colour_box.currentData() or DEFAULT_COLOUR_MAP

    def set_colour_map(self, name: str) -> None:
        index = self.colour_box.findData(name)
        self.colour_box.setCurrentIndex(index if index >= 0 else 0)

    def _on_colour_map(self) -> None:
        strong = (self.tr("white = strong") if self.colour_map() == "grey"
                  else self.tr("yellow = strong, dark blue = weak"))
        self.mosaic_view.setToolTip(self.tr("Each tile is one channel; {0}. Click a tile to see "
                                            "it large.").format(strong))
        if self.mosaic is not None:
            self.mosaic_view.set_mosaic(self.mosaic, colour_map_table(self.colour_map()))
        self._show_channel()

    def displayed_mosaic(self) -> np.ndarray | None:
        """The mosaic as saved (and shown: MosaicView draws the same pixels with Qt): in the
        chosen colour map, empty slots hatched."""
        return None if self.mosaic is None else render_mosaic(self.mosaic, self.colour_map())

    # --- contrast of the mosaic -----------------------------------------------
    def mosaic_options(self) -> dict:
        """How tiles are scaled: each on its own or shared, and the gamma."""
        return {"scale": self.scale_box.currentData() or DEFAULT_SCALE,
                "gamma": round(self.gamma_spin.value(), 2)}

    def set_mosaic_options(self, scale: str, gamma: float) -> None:
        """Restore saved choices (unknown values fall back to the defaults)."""
        index = self.scale_box.findData(scale)
        self.scale_box.setCurrentIndex(index if index >= 0 else 0)
        self.gamma_spin.setValue(gamma if self.gamma_spin.minimum() <= gamma <= self.gamma_spin.maximum()
                                 else DEFAULT_GAMMA)

    def _on_mosaic_options(self) -> None:
        if self.result is not None and self.layer in self.result.activations:
            self._show_layer()

    # --- inputs -------------------------------------------------------------
    def set_workspace(self, workspace) -> None:
        self.workspace = workspace
        self.result = None
        if self.layer not in getattr(workspace.extractor, "layer_keys", []):
            self.layer = None
        if self._show_idle():
            return
        self._recompute()

    def idle_reason(self) -> str:
        """Why the tab shows nothing for this model (it takes no image), in the window's
        language; "" when it can show activations."""
        if self.workspace is None or self.workspace.extractor is not None:
            return ""
        return self.tr("Activations need a model that takes one image. {0} Its layers are in the "
                       "table on the left.").format(core_text(self.workspace.loaded.no_image_reason))

    def _show_idle(self) -> bool:
        """Say why the tab is idle (a model without an image input); True when it is."""
        reason = self.idle_reason()
        if not reason:
            return False
        self.mosaic = None
        self.mosaic_view.set_mosaic(None)
        self.mosaic_view.set_placeholder(reason)
        self.channel_view.set_array(None)
        self.title.setText(self.tr("No activations for this model"))
        self.notice.clear()
        self.size_note.setVisible(False)
        self.save_button.setEnabled(False)
        self.channel_spin.setEnabled(False)
        self.view_ready.emit()  # the sentence is what this tab shows for the model
        return True

    def set_image(self, image: np.ndarray, name: str) -> None:
        self.image, self.image_name = image, name
        self._show_input(image)
        self.result = None
        self._recompute()

    def _show_input(self, pixels: np.ndarray) -> None:
        """The Input pane: the pixels the network got (the resized image under Native size)."""
        self.input_view.set_array(pixels)
        height, width = pixels.shape[:2]
        name = os.path.basename(self.image_name)
        if self.image is not None and pixels.shape[:2] != self.image.shape[:2]:
            self.input_label.setText(self.tr("Input: {0} resized to {1}×{2}").format(
                name, locale_format.integer(width), locale_format.integer(height)))
        else:
            self.input_label.setText(self.tr("Input: {0} ({1}×{2})").format(
                name, locale_format.integer(width), locale_format.integer(height)))

    def set_layer(self, key: str) -> None:
        if key == self.layer:  # told again (the Lab, the table): the mosaic and channel stay
            return
        self.layer = key
        self.channel = None
        self._show_layer()

    def wants_layer(self) -> bool:
        return self.layer is None

    def set_native_size(self, native: bool) -> None:
        """Run the filters over the image resized to the model's input size (``True``) or over
        the image at its own size; recomputes when that changes."""
        self.native_box.setChecked(native)

    def shows_layer(self, key: str) -> bool:
        """``key``'s mosaic for the current image and settings is on screen."""
        return (self.layer == key and self.result is not None and key in self.result.activations
                and self.mosaic is not None)


    # --- computing ----------------------------------------------------------
    def _recompute(self) -> None:
        if self.workspace is None or self.image is None or self._show_idle():
            return
        extractor, image, native = self.workspace.extractor, self.image, self.native_box.isChecked()
        layer, options = self.layer, self.mosaic_options()
        self.result = None
        self._job.start(lambda: extractor.compute_job(image, native_size=native, show=layer,
                                                      mosaic_options=options),
                        self._on_result)
        self.mosaic_view.set_placeholder(self.tr("Computing activations…"))

    def _on_result(self, result) -> None:
        self.result = result
        self.activations_computed.emit(result)
        if self.native_box.isChecked() and result.native_image is not None:
            self._show_input(result.native_image)
        elif self.image is not None:
            self._show_input(result.input_image)
        self._show_layer()

    def busy(self) -> bool:
        return self._job.busy()

    # --- showing ------------------------------------------------------------
    def _show_layer(self) -> None:
        if self._show_idle():
            return
        if self.layer is None:
            self.title.setText(self.tr("Pick a layer in the tree on the left"))
            return
        if self.result is not None and self.layer in self.result.failures:
            self._show_failure()
            return
        if self.result is None or self.layer not in self.result.activations:
            self.title.setText(self.tr("{0}: waiting for activations…").format(self.layer))
            return
        self.mosaic = self.result.mosaic(self.layer, **self.mosaic_options())
        if self.channel is None or self.channel >= self.mosaic.channels:
            self.channel = self.mosaic.strongest_channel()
        self.mosaic_view.set_selected(self.channel)
        self.mosaic_view.set_mosaic(self.mosaic, colour_map_table(self.colour_map()))
        self.save_button.setEnabled(True)
        self._show_texts()
        self._show_channel()
        self.mosaic_shown.emit(self.layer)

    def _show_failure(self) -> None:
        """A layer that could not be computed at any size: its own sentence where its mosaic
        would be (the other layers keep theirs)."""
        self.mosaic = None
        self.mosaic_view.set_mosaic(None)
        sentence = core_text(self.result.failures[self.layer])
        self.mosaic_view.set_placeholder(sentence)
        self.title.setText(self.tr("{0}: no activations").format(self.layer))
        self.notice.setText(sentence)
        self.size_note.setVisible(False)
        self.save_button.setEnabled(False)
        self._show_channel()
        self.view_ready.emit()

    def _show_texts(self) -> None:
        """The layer's title, notices and size note, in the window's language."""
        activation = self.result.activations[self.layer]
        self.notice.setText(" ".join(self._notices_for(self.layer)))
        if self.mosaic.is_neuron_grid:  # a vector: one cell per unit
            self.title.setText(self.tr("{0}: %n units, one cell each (brightness = value)", "",
                                       self.mosaic.channels).format(self.layer))
        else:
            self.title.setText(self.tr("{0}: {1} — %n channels", "", self.mosaic.channels).format(
                self.layer, format_dims(activation.shape)))
        self.size_note.setText(self._size_note())
        self.size_note.setVisible(bool(self.size_note.text()))
        self.gamma_spin.setLocale(QLocale(current_language()))  # a decimal comma in Czech

    def _size_note(self) -> str:
        """Why the mosaic's size differs from the table's, when it does: the table is at the
        network's input size, the mosaic at the photo's."""
        if self.layer in self.result.native_keys or self.workspace is None:
            return ""
        width, height = self.workspace.extractor.native_size
        photo_height, photo_width = self.result.input_image.shape[:2]
        if (photo_width, photo_height) == (width, height):
            return ""
        return self.tr("The table on the left gives sizes for the network's {0}×{1} input; this "
                       "mosaic is for the photo at its own size, {2}×{3} (height×width). Native "
                       "size resizes the photo to the input size first.").format(
            locale_format.integer(height), locale_format.integer(width),
            locale_format.integer(photo_height), locale_format.integer(photo_width))

    def retranslate_ui(self) -> None:
        """After a language switch: the texts made from numbers and sentences."""
        self.save_action.setText(self.tr("&Save mosaic…"))
        self.gamma_spin.setLocale(QLocale(current_language()))
        if self.result is not None and self.layer in getattr(self.result, "failures", {}):
            self._show_failure()
        elif self.result is not None and self.layer in getattr(self.result, "activations", {}) \
                and self.mosaic is not None:
            self._show_texts()
            self._show_channel()

    def _notices_for(self, key: str) -> list[str]:
        """Notices about the whole image, plus the native-size one if it concerns this layer."""
        notices = [core_text(n) for n in self.result.notices if n != self.result.native_notice
                   and (n != self.result.eager_notice or key in self.result.eager_keys)]
        if key not in self.result.native_keys:
            return notices
        if key in self.workspace.extractor.native_only:  # a Flatten/Dense: always the input size
            width, height = self.workspace.extractor.native_size
            if self.image is None or tuple(self.image.shape[:2]) != (height, width):  # else nothing resized
                notices.append(self.tr("This layer needs the model's input size, so the image was "
                                       "resized to {0}×{1} for it.").format(width, height))
        elif self.result.native_notice:  # found at this image's size (sides that do not line up)
            notices.append(core_text(self.result.native_notice))
        return notices

    def _on_mosaic_clicked(self, x: float, y: float) -> None:
        if self.mosaic is None:
            return
        channel = self.mosaic.channel_at(x, y)
        if channel is not None:
            self.select_channel(channel)

    def select_channel(self, channel: int) -> None:
        self.channel = channel
        self.mosaic_view.set_selected(channel)
        self._show_channel()

    def _show_channel(self) -> None:
        if self.result is None or self.layer not in self.result.activations or self.channel is None:
            self.channel_view.set_array(None)
            self.channel_label.setText(self.tr("Channel"))
            self.wants_action.setEnabled(False)
            self.wants_button.setEnabled(False)
            return
        activation = self.result.activations[self.layer]
        grey, low, high = channel_values(activation, self.channel)
        if self.overlay_box.isChecked():
            base = self._image_fed_to(self.layer)
            self.channel_view.set_array(overlay(base, grey, colour_map=self.colour_map()))
            self.channel_legend.set_scale(self.tr("Heat map:"), overlay_colours(
                np.arange(256, dtype=np.uint8), self.colour_map()), low, high)
        else:
            self.channel_view.set_array(apply_colour_map(grey, self.colour_map()))
            self.channel_legend.set_scale(self.tr("Values:"), colour_map_table(self.colour_map()),
                                          low, high)
        self._show_mosaic_legend()
        template = (self.tr("Unit {0} of {1}") if self.mosaic is not None and self.mosaic.is_neuron_grid
                    else self.tr("Channel {0} of {1}"))
        self.channel_label.setText(template.format(
            locale_format.integer(self.channel + 1),
            locale_format.integer(self.mosaic.channels) if self.mosaic else "?"))
        self.channel_spin.blockSignals(True)
        self.channel_spin.setRange(1, self.mosaic.channels if self.mosaic else self.channel + 1)
        self.channel_spin.setValue(self.channel + 1)
        self.channel_spin.blockSignals(False)
        self.channel_spin.setEnabled(True)
        self.wants_action.setEnabled(True)
        self.wants_button.setEnabled(True)

    def _show_mosaic_legend(self) -> None:
        """The mosaic's colours and the values they stand for: the layer's range when tiles
        share it, else the selected tile's (every tile has its own)."""
        if self.mosaic is None:
            return
        channel = min(self.channel or 0, self.mosaic.channels - 1)
        low, high = self.mosaic.value_range(channel)
        caption = (self.tr("All units:") if self.mosaic.is_neuron_grid
                   else self.tr("All tiles:") if self.mosaic.scale == "shared"
                   else self.tr("Tile {0}:").format(locale_format.integer(channel + 1)))
        self.mosaic_legend.set_scale(caption, colour_map_table(self.colour_map()), low, high,
                                     self.mosaic.gamma)

    def _on_mosaic_menu(self, point) -> None:
        """Right-click on a tile: select it, then offer "What does this filter want?"."""
        from PySide6.QtCore import QPointF
        from PySide6.QtWidgets import QMenu

        if self.mosaic is None:
            return
        image_point = self.mosaic_view.widget_to_image(QPointF(point))
        channel = None if image_point is None else self.mosaic.channel_at(image_point.x(), image_point.y())
        if channel is not None:
            self.select_channel(channel)
        menu = QMenu(self)
        menu.addAction(self.wants_action)
        menu.popup(self.mosaic_view.mapToGlobal(point))

    def ask_what_filter_wants(self) -> None:
        """The selected tile's filter, visualised in the Features tab (which offers a way back)."""
        from neurolab.gui.tabs.features import FeatureRequest

        if self.layer is not None and self.channel is not None and self.mosaic is not None:
            self.features_requested.emit(FeatureRequest(self.layer, self.channel, back_to=self.key))

    def _on_channel_spin(self, value: int) -> None:
        if self.mosaic is not None:
            self.select_channel(value - 1)

    def _image_fed_to(self, key: str) -> np.ndarray:
        native_only = key in self.workspace.extractor.native_only or self.native_box.isChecked()
        if native_only and self.result.native_image is not None:
            return self.result.native_image
        return self.result.input_image

    # --- saving -------------------------------------------------------------
    def save_mosaic_dialog(self) -> None:
        if self.mosaic is None:
            return
        suggested = f"{self.layer.replace('/', '_')}_mosaic.png"
        path = file_dialogs.save_file(self, self.tr("Save mosaic"), suggested,
                                      self.tr("PNG image (*.png)"))
        if path:
            self.save_mosaic(path)

    def mosaic_json(self, output: str) -> dict:
        """The JSON saved beside the mosaic: the activations' ``to_json`` as ``neurolab
        activations --json`` writes it for this layer, and the mosaic's tiling."""
        context = {"model": self.workspace.loaded.name if self.workspace else None,
                   "image": self.image_name, "layer": self.layer, "output": output,
                   "preprocessing": self.workspace.loaded.preprocessing_key if self.workspace else None}
        payload = self.result.to_json(**context) if self.result is not None else dict(context)
        if self.mosaic is not None:
            payload["mosaic"] = self.mosaic.to_json()
        return payload

    def save_mosaic(self, path: str) -> None:
        """The mosaic as shown, and beside it its JSON (:meth:`mosaic_json`)."""
        try:
            save_image(self.displayed_mosaic(), path)
            self.save_json_beside(self.mosaic_json(path), path)
        except OSError as exc:
            from neurolab.core.errors import describe_exception

            self.error.emit(describe_exception(exc))
            return
        except NeurolabError as exc:
            self.error.emit(error_text(exc))
            return
        self.message.emit(self.tr("Saved {0}").format(path))
