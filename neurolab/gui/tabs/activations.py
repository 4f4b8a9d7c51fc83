"""The Activations tab: an image through any layer, channels tiled as a mosaic.

One job computes every layer of the image (core.activations); switching
layers afterwards only re-tiles cached arrays. Clicking a tile shows that
channel large beside the input, optionally overlaid on it.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from neurolab.core.mosaic import (
    DEFAULT_COLOUR_MAP,
    Mosaic,
    apply_colour_map,
    channel_image,
    overlay,
    strongest_channel,
)
from neurolab.gui import file_dialogs
from neurolab.gui.core_texts import core_text
from neurolab.gui.widgets.image_view import ImageView
from neurolab.gui.worker import LatestJob


class ActivationsTab(QWidget):
    """Shows one layer's activations for the current image."""

    error = Signal(str)
    message = Signal(str)
    mosaic_shown = Signal(str)  # layer key, once a mosaic is on screen

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.workspace = None
        self.image: np.ndarray | None = None
        self.image_name = ""
        self.layer: str | None = None
        self.result = None
        self.mosaic: Mosaic | None = None
        self.channel: int | None = None
        self._job = LatestJob(runner, "activations", self)
        self._job.failed.connect(self.error)

        self.open_button = QPushButton(self.tr("Open image…"))
        self.open_button.setToolTip(self.tr("Open a photo of any size (or drop one on the window)"))
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
        self.colour_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.colour_box.setMinimumContentsLength(8)  # the list itself shows the whole names
        self.colour_box.currentIndexChanged.connect(self._on_colour_map)
        self.colour_label = QLabel(self.tr("&Colours:"))
        self.colour_label.setBuddy(self.colour_box)
        self.save_button = QPushButton(self.tr("Save mosaic…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_mosaic_dialog)
        self.title = QLabel(self.tr("No layer selected"))
        self.title.setObjectName("activationTitle")
        self.notice = QLabel()
        self.notice.setObjectName("activationNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b36b00;")

        self.mosaic_view = ImageView(placeholder=self.tr("Drop an image here, then pick a layer "
                                                         "in the tree on the left."))
        self.mosaic_view.setObjectName("mosaicView")
        self.mosaic_view.setToolTip(self.tr("Each tile is one channel; white = strong. "
                                            "Click a tile to see it large."))
        self.mosaic_view.clicked.connect(self._on_mosaic_clicked)
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

        bar = QHBoxLayout()
        for widget in (self.open_button, self.native_box, self.overlay_box, self.colour_label,
                       self.colour_box):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
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
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.mosaic_view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notice)
        for first, second in zip(self.focus_order(), self.focus_order()[1:]):
            QWidget.setTabOrder(first, second)

    def focus_order(self) -> list[QWidget]:
        """The tab's controls in reading order (what Tab walks through)."""
        return [self.open_button, self.native_box, self.overlay_box, self.colour_box,
                self.save_button, self.channel_spin]

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
            self.mosaic_view.set_array(self.displayed_mosaic())
        self._show_channel()

    def displayed_mosaic(self) -> np.ndarray | None:
        """The mosaic as shown (and saved): in the chosen colour map."""
        return None if self.mosaic is None else apply_colour_map(self.mosaic.image, self.colour_map())

    # --- inputs -------------------------------------------------------------
    def set_workspace(self, workspace) -> None:
        self.workspace = workspace
        self.result = None
        if self.layer not in getattr(workspace.extractor, "layer_keys", []):
            self.layer = None
        self._recompute()

    def set_image(self, image: np.ndarray, name: str) -> None:
        self.image, self.image_name = image, name
        self.input_view.set_array(image)
        height, width = image.shape[:2]
        self.input_label.setText(self.tr("Input: {0} ({1}×{2})").format(os.path.basename(name),
                                                                        width, height))
        self.result = None
        self._recompute()

    def set_layer(self, key: str) -> None:
        self.layer = key
        self.channel = None
        self._show_layer()


    # --- computing ----------------------------------------------------------
    def _recompute(self) -> None:
        if self.workspace is None or self.image is None:
            return
        extractor, image, native = self.workspace.extractor, self.image, self.native_box.isChecked()
        layer = self.layer
        self.result = None
        self._job.start(lambda: extractor.compute_job(image, native_size=native, show=layer),
                        self._on_result)
        self.mosaic_view.set_placeholder(self.tr("Computing activations…"))

    def _on_result(self, result) -> None:
        self.result = result
        self._show_layer()

    def busy(self) -> bool:
        return self._job.busy()

    # --- showing ------------------------------------------------------------
    def _show_layer(self) -> None:
        if self.layer is None:
            self.title.setText(self.tr("Pick a layer in the tree on the left"))
            return
        if self.result is None or self.layer not in self.result.activations:
            self.title.setText(self.tr("{0}: waiting for activations…").format(self.layer))
            return
        activation = self.result.activations[self.layer]
        self.notice.setText(" ".join(self._notices_for(self.layer)))
        self.mosaic = self.result.mosaic(self.layer)
        self.mosaic_view.set_array(self.displayed_mosaic())
        self.save_button.setEnabled(True)
        if self.channel is None or self.channel >= self.mosaic.channels:
            self.channel = strongest_channel(activation)
        self.title.setText(self.tr("{0}: {1} — {2} channels").format(
            self.layer, format_dims(activation.shape), self.mosaic.channels))
        self._show_channel()
        self.mosaic_shown.emit(self.layer)

    def retranslate_ui(self) -> None:
        """After a language switch: the notices line (sentences joined)."""
        if self.result is not None and self.layer in getattr(self.result, "activations", {}):
            self.notice.setText(" ".join(self._notices_for(self.layer)))

    def _notices_for(self, key: str) -> list[str]:
        """Notices about the whole image, plus the native-size one if it concerns this layer."""
        notices = [core_text(n) for n in self.result.notices if n != self.result.native_notice]
        if key in self.result.native_keys and key in self.workspace.extractor.native_only:
            width, height = self.workspace.extractor.native_size
            notices.append(self.tr("This layer needs the model's input size, so the image was "
                                   "resized to {0}×{1} for it.").format(width, height))
        return notices

    def _on_mosaic_clicked(self, x: float, y: float) -> None:
        if self.mosaic is None:
            return
        channel = self.mosaic.channel_at(x, y)
        if channel is not None:
            self.select_channel(channel)

    def select_channel(self, channel: int) -> None:
        self.channel = channel
        self._show_channel()

    def _show_channel(self) -> None:
        if self.result is None or self.layer not in self.result.activations or self.channel is None:
            self.channel_view.set_array(None)
            self.channel_label.setText(self.tr("Channel"))
            return
        activation = self.result.activations[self.layer]
        grey = channel_image(activation, self.channel)
        if self.overlay_box.isChecked():
            base = self._image_fed_to(self.layer)
            self.channel_view.set_array(overlay(base, grey, colour_map=self.colour_map()))
        else:
            self.channel_view.set_array(apply_colour_map(grey, self.colour_map()))
        self.channel_label.setText(self.tr("Channel {0} of {1}").format(
            self.channel + 1, self.mosaic.channels if self.mosaic else "?"))
        self.channel_spin.blockSignals(True)
        self.channel_spin.setRange(1, self.mosaic.channels if self.mosaic else self.channel + 1)
        self.channel_spin.setValue(self.channel + 1)
        self.channel_spin.blockSignals(False)
        self.channel_spin.setEnabled(True)

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

    def save_mosaic(self, path: str) -> None:
        try:
            save_image(self.displayed_mosaic(), path)
        except NeurolabError as exc:
            self.error.emit(str(exc))
            return
        self.message.emit(self.tr("Saved {0}").format(path))
