"""The Style transfer tab: paint the content image in the style image's manner, live.

The optimisation runs in core.style as a background job (layer clicks still
answer while it runs); this widget holds the two inputs, the settings, the
live preview, the loss curve and the result, and saves it.
"""

from __future__ import annotations

import math
import os
import time

import numpy as np
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from neurolab.assets import sample_images, style_images
from neurolab.core.formatting import format_duration
from neurolab.core.images import load_image, save_image
from neurolab.core.jobs import call_job
from neurolab.gui import file_dialogs
from neurolab.gui.core_texts import core_text, error_text, job_stage, sample_name
from neurolab.gui.paths import same_file
from neurolab.gui.tabs.base import Tab
from neurolab.gui.widgets.curve_plot import CurvePlot, significant
from neurolab.gui.widgets.image_view import ImageView
from neurolab.gui.worker import LatestJob

PREVIEW_EVERY = 5  # steps between live previews (~0.3-0.7 s at 256 px on a classroom CPU)
WEIGHT_SLIDER_RANGE = 20  # a slider step is 10^(1/10): ±20 spans ×0.01 … ×100


def _nice_name(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0].replace("_", " ").capitalize()



class WeightSlider(QWidget):
    """A loss weight as a factor of the backbone's default, on a log scale (×0.01 … ×100)."""

    def __init__(self, tooltip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(-WEIGHT_SLIDER_RANGE, WEIGHT_SLIDER_RANGE)
        self.slider.setValue(0)
        self.slider.setToolTip(tooltip)
        self.slider.setMinimumWidth(120)
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(52)
        self.slider.valueChanged.connect(self._show)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.slider, 1)
        row.addWidget(self.value_label)
        self._show()

    @property
    def factor(self) -> float:
        return 10 ** (self.slider.value() / 10)

    def set_factor(self, factor: float) -> None:
        self.slider.setValue(round(10 * math.log10(factor)))

    def _show(self) -> None:
        self.value_label.setText(f"×{significant(self.factor)}")


class StyleTab(Tab):
    """Content, style and result side by side; settings and loss curve below."""

    key = "style-transfer"
    takes_images = True

    preview_shown = Signal()
    finished = Signal()  # a transfer ended: done, cancelled (latest image kept) or failed

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.content: np.ndarray | None = None
        self.content_name = ""
        self.style: np.ndarray | None = None
        self.style_name = ""
        self.result: np.ndarray | None = None  # the finished (or latest, after Cancel) image
        self.result_info = ""
        self.latest_preview: np.ndarray | None = None
        self.losses: list[float] = []  # the loss at each step shown (every preview)
        self.loss_steps: list[int] = []  # … and the step it belongs to
        self.last_step = 0  # the step of the latest preview, the image Cancel keeps
        self._marked_steps: set[int] = set()
        self.content_history: list[tuple[np.ndarray, str]] = []  # for "Previous content"
        self._started_at = 0.0
        self._job = LatestJob(runner, "style", self)
        self._job.failed.connect(self._on_failed)
        self._load_job = LatestJob(runner, "style-image", self)
        self._load_job.failed.connect(self.error)
        self._build()
        self._update_buttons()

    def tab_title(self) -> str:
        return self.tr("Style transfer")

    # --- layout -------------------------------------------------------------
    def _build(self) -> None:
        self.content_view = ImageView(placeholder=self.tr("Drop a content photo here"))
        self.content_view.setObjectName("styleContent")
        self.style_view = ImageView(placeholder=self.tr("Drop a style image here"))
        self.style_view.setObjectName("styleStyle")
        self.result_view = ImageView(placeholder=self.tr("Press Start: the result appears here "
                                                         "as it is painted"))
        self.result_view.setObjectName("styleResult")
        self.open_content_button = QPushButton(self.tr("Open content…"))
        self.open_content_button.clicked.connect(lambda: self.open_dialog("content"))
        self.open_style_button = QPushButton(self.tr("Open style…"))
        self.open_style_button.clicked.connect(lambda: self.open_dialog("style"))
        self.content_samples = self._sample_combo(sample_images(), "content")
        self.style_samples = self._sample_combo(style_images(), "style")
        self.result_caption = QLabel(self.tr("<b>Result</b>"))

        grid = QGridLayout()
        for column, (title, view, button, combo) in enumerate((
                (self.tr("<b>Content</b>"), self.content_view, self.open_content_button,
                 self.content_samples),
                (self.tr("<b>Style</b>"), self.style_view, self.open_style_button,
                 self.style_samples))):
            grid.addWidget(QLabel(title), 0, column)
            grid.addWidget(view, 1, column)
            grid.addWidget(button, 2, column)  # one above the other: the Czech names need the width
            grid.addWidget(combo, 3, column)
        grid.addWidget(self.result_caption, 0, 2)
        grid.addWidget(self.result_view, 1, 2)
        result_row = QHBoxLayout()
        self.use_as_content_button = QPushButton(self.tr("Use result as content"))
        self.use_as_content_button.setToolTip(self.tr("Style the result again, e.g. with "
                                                      "another style"))
        self.use_as_content_button.clicked.connect(self.use_result_as_content)
        self.previous_content_button = QPushButton(self.tr("Previous content"))
        self.previous_content_button.setToolTip(self.tr("Go back to the content image before "
                                                        "'Use result as content'"))
        self.previous_content_button.clicked.connect(self.previous_content)
        self.save_button = QPushButton(self.tr("Save PNG…"))
        self.save_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_button.clicked.connect(self.save_dialog)
        result_row.addWidget(self.use_as_content_button)
        result_row.addWidget(self.previous_content_button)
        result_row.addStretch(1)
        result_row.addWidget(self.save_button)
        grid.addLayout(result_row, 2, 2)
        for column, stretch in enumerate((2, 2, 3)):
            grid.setColumnStretch(column, stretch)

        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._settings(), 3)
        self.loss_plot = CurvePlot(x_label=self.tr("step"), y_label=self.tr("loss"),
                                   y_range=None, log_y=True, title=self.tr("Loss"),
                                   placeholder=self.tr("The loss, once a transfer runs"))
        self.loss_plot.setToolTip(self.tr("The loss falls within each scale; at each dashed "
                                          "line the picture is enlarged and the loss, measured "
                                          "at the new size, jumps up"))
        self.loss_plot.setObjectName("styleLoss")
        bottom.addWidget(self.loss_plot, 2)
        layout.addLayout(bottom)
        self.status = QLabel(self.tr("Backbone: {0}").format(self._backbone_text()))
        self.status.setObjectName("styleStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.status)

    def _sample_combo(self, paths, slot: str) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # also after a language switch
        combo.addItem(self.tr("Samples…") if slot == "content" else self.tr("Bundled styles…"), "")
        for path in paths:
            combo.addItem(sample_name(path), str(path))
        combo.activated.connect(lambda index: self._on_sample(combo, slot))
        return combo

    def _settings(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.style_weight = WeightSlider(self.tr("How strongly the Gram matrices (textures) "
                                                 "of the style image are matched"))
        self.content_weight = WeightSlider(self.tr("How strongly the photo's deeper features "
                                                   "(its layout) are kept"))
        self.tv_weight = WeightSlider(self.tr("Smoothness: penalises pixel-to-pixel noise"))
        form.addRow(self.tr("Style weight"), self.style_weight)
        form.addRow(self.tr("Content weight"), self.content_weight)
        form.addRow(self.tr("Smoothness (TV) weight"), self.tv_weight)
        self.size = QSpinBox()
        self.size.setObjectName("styleSize")
        self.size.setRange(64, 1024)
        self.size.setSingleStep(64)
        self.size.setValue(256)
        self.size.setSuffix(self.tr(" px"))
        self.size.setToolTip(self.tr("Long side of the result; twice the size takes about four "
                                     "times as long"))
        self.steps = QSpinBox()
        self.steps.setObjectName("styleSteps")
        self.steps.setRange(1, 5000)
        self.steps.setValue(200)
        self.steps.setToolTip(self.tr("Optimisation steps over all scales (coarse to fine)"))
        self.start_from = QComboBox()
        self.start_from.addItem(self.tr("the content image"), "content")
        self.start_from.addItem(self.tr("noise"), "noise")
        self.backbone = QComboBox()
        self.backbone.setObjectName("styleBackbone")
        self.backbone.addItem(self.tr("automatic"), None)
        self.backbone.addItem(self.tr("VGG19 (ImageNet weights)"), "vgg19")
        self.backbone.addItem(self.tr("random filters (offline)"), "random")
        self.backbone.addItem(self.tr("the bundled shapes model (offline)"), "shapes")
        self.backbone.setToolTip(self.tr("VGG19 needs its ImageNet weights "
                                         "(neurolab models fetch vgg19); random multi-scale "
                                         "filters and the bundled model's filters work offline"))
        self.backbone.currentIndexChanged.connect(self._on_backbone_changed)
        self.backbone.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # every item whole, in
        # either language (Czech names run longer than English ones)
        numbers = QHBoxLayout()
        for label, widget in ((self.tr("Size"), self.size), (self.tr("Steps"), self.steps),
                              (self.tr("Start from"), self.start_from)):
            numbers.addWidget(QLabel(label))
            numbers.addWidget(widget)
        numbers.addStretch(1)
        form.addRow(numbers)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("styleStart")
        self.start_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.start_button.setToolTip(self.tr("Start the transfer (Ctrl+Enter)"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("styleCancel")
        self.cancel_button.setToolTip(self.tr("Stop and keep the latest image"))
        self.cancel_button.clicked.connect(self.cancel)
        self.reset_button = QPushButton(self.tr("Default weights"))
        self.reset_button.clicked.connect(self.reset_weights)
        form.addRow(self.tr("Backbone"), self.backbone)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        return box

    # --- inputs -------------------------------------------------------------
    def set_content(self, image: np.ndarray, name: str, *, remember: bool = False) -> None:
        if remember and self.content is not None:
            self.content_history.append((self.content, self.content_name))
        self.content, self.content_name = image, name
        self.content_view.set_array(image)
        self._update_buttons()

    def set_style(self, image: np.ndarray, name: str) -> None:
        self.style, self.style_name = image, name
        self.style_view.set_array(image)
        self._update_buttons()

    def set_image(self, image: np.ndarray, name: str, slot: str = "content") -> None:
        """An image opened or dropped while this tab is shown."""
        if slot == "style":
            self.set_style(image, name)
        else:
            self.set_content(image, name, remember=True)

    def offer_image(self, image: np.ndarray, name: str) -> None:
        """The tab starts with the photo opened elsewhere as its content, until it has one."""
        if self.content is None:
            self.set_content(image, name)

    def wants_drop(self, point: QPoint) -> bool:
        """A file dropped on the style image is the new style (anywhere else: the content)."""
        return self.style_view.rect().contains(self.style_view.mapFrom(self, point))

    def drop(self, path: str, point: QPoint) -> None:
        self.open_path(path, "style")

    def open_path(self, path: str, slot: str) -> None:
        """Read an image file on the job thread (large photos take a moment)."""
        stage = self.tr("reading {0}").format(os.path.basename(path))
        self._load_job.start(lambda: call_job(stage, load_image, path),
                             lambda image: self.set_image(image, path, slot))

    def open_dialog(self, slot: str) -> None:
        title = self.tr("Open content image") if slot == "content" else self.tr("Open style image")
        path = file_dialogs.open_file(self, title, file_dialogs.image_filter())
        if path:
            self.open_path(path, slot)

    def _on_sample(self, combo: QComboBox, slot: str) -> None:
        path = combo.currentData()
        combo.setCurrentIndex(0)
        if path:
            self.open_path(path, slot)

    def ensure_inputs(self) -> None:
        """Fill empty slots with the first sample photo and the first bundled style."""
        if self.content is None and sample_images():
            path = str(sample_images()[0])
            self.set_content(load_image(path), path)
        if self.style is None and style_images():
            path = str(style_images()[0])
            self.set_style(load_image(path), path)

    def use_result_as_content(self) -> None:
        if self.result is not None:
            self.set_content(self.result, self.tr("styled {0}").format(
                _nice_name(self.content_name)), remember=True)
            self.message.emit(self.tr("The result is now the content image."))

    def previous_content(self) -> None:
        if self.content_history:
            image, name = self.content_history.pop()
            self.content, self.content_name = image, name
            self.content_view.set_array(image)
            self._update_buttons()

    # --- settings -----------------------------------------------------------
    def backbone_choice(self) -> str | None:
        return self.backbone.currentData()

    def _backbone_text(self) -> str:
        from neurolab.core.style.backbones import backbone_name

        chosen = backbone_name(self.backbone_choice())
        if chosen == "vgg19":
            return self.tr("VGG19 with ImageNet weights")
        text = (self.tr("the bundled shapes model's filters (offline)") if chosen == "shapes"
                else self.tr("random multi-scale filters (offline)"))
        if self.backbone_choice() is None:
            text = self.tr("{0} — VGG19's ImageNet weights are not cached").format(text)
        return text

    def _on_backbone_changed(self) -> None:
        if not self.busy():
            self.status.setText(self.tr("Backbone: {0}").format(self._backbone_text()))

    def reset_weights(self) -> None:
        for slider in (self.style_weight, self.content_weight, self.tv_weight):
            slider.set_factor(1.0)

    def config(self):
        """The StyleConfig the controls describe (weights: factors × the backbone's defaults)."""
        from neurolab.core.style.backbones import BACKBONE_DEFAULTS, backbone_name
        from neurolab.core.style.transfer import StyleConfig

        defaults = BACKBONE_DEFAULTS[backbone_name(self.backbone_choice())]
        return StyleConfig(
            steps=self.steps.value(), size=self.size.value(),
            style_weight=defaults["style_weight"] * self.style_weight.factor,
            content_weight=defaults["content_weight"] * self.content_weight.factor,
            tv_weight=defaults["tv_weight"] * self.tv_weight.factor,
            start=self.start_from.currentData(), preview_every=PREVIEW_EVERY,
            backbone=backbone_name(self.backbone_choice()))

    # --- running ------------------------------------------------------------
    def busy(self) -> bool:
        return self._job.busy()

    def start(self) -> None:
        from neurolab.core.style.transfer import style_transfer_job

        self.ensure_inputs()
        if self.content is None or self.style is None:
            self.error.emit(self.tr("Open a content image and a style image first."))
            return
        content, style, config = self.content, self.style, self.config()
        self.losses, self.loss_steps, self.last_step = [], [], 0
        self._marked_steps = set()
        self.latest_preview = None
        self.loss_plot.clear()
        self._started_at = time.perf_counter()
        self.status.setText(self.tr("Preparing the backbone…"))
        self._job.start(lambda: style_transfer_job(content, style, config), self._on_done,
                        self._on_progress, background=True, on_cancelled=self._on_cancelled)
        self._update_buttons()

    def run_default_job(self) -> None:
        """For screenshots: a transfer with the current settings."""
        self.start()

    def paint(self, content: str, style: str | None) -> None:
        """The Lab's verb: paint the photo file ``content`` in the manner of the image file
        ``style`` (None: the style shown); a file already open is not read again."""
        if self.content is None or not same_file(self.content_name, content):
            self.set_content(load_image(content), content, remember=True)
        if style is not None and (self.style is None or not same_file(self.style_name, style)):
            self.set_style(load_image(style), style)
        self.start()

    def cancel(self) -> None:
        if self._job.handle is not None and not self._job.handle.done:
            self._job.handle.cancel()

    def _on_progress(self, event) -> None:
        if event.preview is None:
            self.status.setText(job_stage(event.stage))
            return
        self.latest_preview = event.preview
        self.last_step = event.step
        self.result_view.set_array(event.preview)
        self.losses.append(event.metrics["loss"])
        self.loss_steps.append(event.step)
        metrics = event.metrics
        if "scale_start" in metrics:
            self._mark_scale(int(metrics["scale_start"]), int(metrics["width"]),
                             int(metrics["height"]))
        self.loss_plot.set_curve(self.loss_steps, self.losses)
        text = self.tr("Step {0}/{1} — {2} — loss {3}").format(
            event.step, event.total, job_stage(event.stage), significant(metrics["loss"]))
        if metrics.get("eta_seconds") is not None:
            text = self.tr("{0} — about {1} left").format(
                text, format_duration(metrics["eta_seconds"]))
        self.status.setText(text)
        self.preview_shown.emit()

    def _mark_scale(self, step: int, width: int, height: int) -> None:
        """A dashed line on the loss curve where the picture is enlarged (not at step 1)."""
        if step > 1 and step not in self._marked_steps:
            self._marked_steps.add(step)
            self.loss_plot.add_marker(step - 0.5, self.tr("{0}×{1} px").format(width, height))

    def _on_done(self, result) -> None:
        self.result = result.image
        self.style_result = result  # its to_json is what Save writes beside the image
        self.result_view.set_array(result.image)
        self.losses = list(result.losses)
        self.loss_steps = list(range(1, len(self.losses) + 1))
        self.last_step = len(self.losses)
        for step, width, height in result.scale_starts:
            self._mark_scale(step, width, height)
        self.loss_plot.set_curve(self.loss_steps, self.losses)
        height, width = result.image.shape[:2]
        seconds = time.perf_counter() - self._started_at
        self.result_info = self.tr("{0}×{1} px, {2} steps in {3}, backbone: {4}").format(
            width, height, len(result.losses), format_duration(seconds),
            core_text(result.backbone_description))
        self.status.setText(self.tr("Done: {0}. Final loss {1}.").format(
            self.result_info, significant(result.losses[-1])))
        self._finish()

    def _on_cancelled(self) -> None:
        if self.latest_preview is not None:
            self.result = self.latest_preview
            self.status.setText(self.tr("Cancelled at step {0}; the image of that step is kept.")
                                .format(self.last_step))
        else:
            self.status.setText(self.tr("Cancelled."))
        self._finish()

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("Stopped: {0}").format(error_text(message)))
        self.error.emit(message)
        self._finish()

    def _finish(self) -> None:
        self._update_buttons()
        self.finished.emit()

    def _update_buttons(self) -> None:
        running = self.busy()
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.save_button.setEnabled(self.result is not None and not running)
        self.use_as_content_button.setEnabled(self.result is not None and not running)
        self.previous_content_button.setEnabled(bool(self.content_history) and not running)

    # --- saving -------------------------------------------------------------
    def save_dialog(self) -> None:
        if self.result is None:
            return
        stem = _nice_name(self.content_name or "result").lower().replace(" ", "_")
        path = file_dialogs.save_file(self, self.tr("Save result"), f"{stem}_styled.png",
                                      self.tr("PNG images (*.png)"))
        if path:
            self.save(path)

    style_result = None  # the finished transfer's StyleResult (None before one)

    def result_json(self, output: str) -> dict:
        """The JSON saved beside the image: ``neurolab style --json``'s for a finished transfer;
        for a cancelled one's kept step, the steps it had run and ``finished`` false."""
        from neurolab.core.results import result_json

        context = {"content": self.content_name, "style": self.style_name, "output": output}
        if self.style_result is not None and self.result is self.style_result.image:
            return self.style_result.to_json(**context)
        return result_json({"method": "style transfer", "steps": self.last_step,
                            "size": [int(self.result.shape[1]), int(self.result.shape[0])],
                            "finished": False}, context)

    def save(self, path: str) -> None:
        """The image, and beside it its JSON (:meth:`result_json`)."""
        try:
            save_image(self.result, path)
            self.save_json_beside(self.result_json(path), path)
        except Exception as exc:  # noqa: BLE001 - a sentence, not a traceback
            self.error.emit(error_text(exc))
            return
        self.message.emit(self.tr("Saved {0}").format(path))
