"""The Adversarial tab: classify, attack, fool and blend — human and network side by side.

The lab's third exercise: an image that a person still calls a daisy while the
network says flamingo. All gradient work runs in core.adversarial through the
job runner; this widget shows images, labels and measures, and saves them.
"""

from __future__ import annotations

import json
import os

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from neurolab.core.errors import NeurolabError
from neurolab.core.images import save_image
from neurolab.core.jobs import call_job
from neurolab.gui import file_dialogs
from neurolab.gui.core_texts import model_text
from neurolab.gui.widgets.curve_plot import CurvePlot
from neurolab.gui.widgets.image_view import ImageView
from neurolab.gui.widgets.probability_bars import ProbabilityBars
from neurolab.gui.worker import LatestJob

BLEND_STEPS = 20  # the blend slider moves in 5 % steps; the curve has one point per step


def _transfer_answer(spec: str, image: np.ndarray):
    """(display name, notice, top-1) of another model for ``image``; runs on the job thread."""
    from neurolab.core.classify import classify
    from neurolab.core.models import load_model

    loaded = load_model(spec, allow_download=False)
    return loaded.display_name, loaded.notice, classify(loaded, image, top=1)[0]


class AdversarialTab(QWidget):
    """Original and changed image with the person's label and the network's label."""

    error = Signal(str)
    message = Signal(str)
    result_shown = Signal()  # an attack, fooling image or blend result is on screen
    classified = Signal()  # the clean image's classification is on screen

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.workspace = None
        self.image: np.ndarray | None = None
        self.image_name = ""
        self.clean_top: list = []
        self.result = None  # AttackResult or FoolResult or a blend, see _show_*
        self.result_image: np.ndarray | None = None
        self.perturbation_view_array: np.ndarray | None = None
        self.noise: np.ndarray | None = None
        self.curve = None
        self._job = LatestJob(runner, "adversarial", self)  # attack, fool or blend
        self._job.failed.connect(self.error)
        self._classify_job = LatestJob(runner, "classify", self)
        self._classify_job.failed.connect(self.error)
        self._measure_job = LatestJob(runner, "measure", self)  # SSIM takes ~0.2 s: off the UI thread
        self._measure_job.failed.connect(self.error)
        self._build()

    # --- layout -------------------------------------------------------------
    def _build(self) -> None:
        self.open_button = QPushButton(self.tr("Open image…"))
        self.human_label = QComboBox()
        self.human_label.setObjectName("humanLabel")
        self.human_label.setEditable(True)
        self.human_label.setInsertPolicy(QComboBox.NoInsert)
        self.human_label.setToolTip(self.tr("What a person says the image shows"))
        self.original_view = ImageView(placeholder=self.tr("Drop an image here"))
        self.result_view = ImageView(placeholder=self.tr("Run an attack, grow a fooling image "
                                                         "or blend with noise"))
        self.result_view.setObjectName("adversarialResult")
        self.perturbation_view = ImageView(placeholder=self.tr("Perturbation (amplified)"))
        self.clean_bars = ProbabilityBars(self.tr("Network says: –"))
        self.result_bars = ProbabilityBars(self.tr("Network says: –"))
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextSelectableByMouse)

        person = QHBoxLayout()
        person.addWidget(QLabel(self.tr("A person says:")))
        person.addWidget(self.human_label, 1)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Original</b>")))
        left.addWidget(self.original_view, 1)
        left.addLayout(person)
        left.addWidget(self.clean_bars)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>Changed</b>")))
        right.addWidget(self.result_view, 1)
        right.addWidget(self.result_bars)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("<b>Perturbation ×</b> (grey = unchanged)")))
        side.addWidget(self.perturbation_view, 1)
        images = QGridLayout()
        images.addLayout(left, 0, 0)
        images.addLayout(right, 0, 1)
        images.addLayout(side, 0, 2)
        images.setColumnStretch(0, 3)
        images.setColumnStretch(1, 3)
        images.setColumnStretch(2, 2)

        self.modes = QTabWidget()
        self.modes.setObjectName("adversarialModes")
        self.modes.addTab(self._attack_controls(), self.tr("Attack"))
        self.modes.addTab(self._fool_controls(), self.tr("Fool from noise"))
        self.modes.addTab(self._blend_controls(), self.tr("Blend"))
        self.modes.setMaximumHeight(200)

        self.save_button = QPushButton(self.tr("Save result…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_dialog)
        self.transfer_model = QComboBox()
        self.transfer_model.setToolTip(self.tr("Another model to classify the changed image with"))
        self.transfer_button = QPushButton(self.tr("Check with"))
        self.transfer_button.setEnabled(False)
        self.transfer_button.clicked.connect(self.check_transfer)
        self.transfer_result = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.transfer_button)
        bottom.addWidget(self.transfer_model)
        bottom.addWidget(self.transfer_result, 1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addLayout(images, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.modes)
        layout.addLayout(bottom)

    def _class_combo(self, *, untargeted: str | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.NoInsert)
        combo.completer().setCompletionMode(QCompleter.PopupCompletion)
        combo.completer().setFilterMode(Qt.MatchContains)
        combo.setProperty("untargeted", untargeted)
        return combo

    def _attack_controls(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.method = QComboBox()
        self.method.addItem(self.tr("PGD (iterative)"), "pgd")
        self.method.addItem(self.tr("FGSM (one step)"), "fgsm")
        self.epsilon = QDoubleSpinBox()
        self.epsilon.setRange(0.5, 64)
        self.epsilon.setValue(8)
        self.epsilon.setSuffix(self.tr(" / 255"))
        self.epsilon.setToolTip(self.tr("Largest change of any pixel, in levels of 0–255"))
        self.steps = QSpinBox()
        self.steps.setRange(1, 1000)
        self.steps.setValue(20)
        self.step_size = QDoubleSpinBox()
        self.step_size.setRange(0.0, 64)
        self.step_size.setValue(0.0)
        self.step_size.setSpecialValueText(self.tr("auto"))
        self.step_size.setToolTip(self.tr("PGD step in pixel levels; auto = ε/4 (FGSM takes one step of ε)"))
        self.random_start = QCheckBox(self.tr("Random start"))
        self.random_start.setChecked(True)
        self.target = self._class_combo(untargeted=self.tr("(any other class — untargeted)"))
        self.target.setObjectName("attackTarget")
        self.attack_button = QPushButton(self.tr("Attack", "button"))
        self.attack_button.setObjectName("attackButton")
        self.attack_button.clicked.connect(self.run_attack)
        row = QHBoxLayout()
        row.addWidget(self.method)
        row.addWidget(QLabel(self.tr("ε")))
        row.addWidget(self.epsilon)
        row.addWidget(QLabel(self.tr("steps")))
        row.addWidget(self.steps)
        row.addWidget(QLabel(self.tr("step size")))
        row.addWidget(self.step_size)
        row.addWidget(self.random_start)
        row.addStretch(1)
        form.addRow(self.tr("Method:"), row)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.attack_button)
        form.addRow(self.tr("Make the network say:"), target_row)
        return box

    def _fool_controls(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.fool_target = self._class_combo()
        self.fool_target.setObjectName("foolTarget")
        self.fool_start = QComboBox()
        self.fool_start.addItem(self.tr("random noise"), "noise")
        self.fool_start.addItem(self.tr("plain grey"), "grey")
        self.fool_steps = QSpinBox()
        self.fool_steps.setRange(1, 5000)
        self.fool_steps.setValue(200)
        self.fool_button = QPushButton(self.tr("Grow fooling image"))
        self.fool_button.setObjectName("foolButton")
        self.fool_button.clicked.connect(self.run_fool)
        row = QHBoxLayout()
        row.addWidget(self.fool_target, 1)
        row.addWidget(QLabel(self.tr("from")))
        row.addWidget(self.fool_start)
        row.addWidget(QLabel(self.tr("steps")))
        row.addWidget(self.fool_steps)
        row.addWidget(self.fool_button)
        form.addRow(self.tr("Class:"), row)
        form.addRow(QLabel(self.tr("Does the result resemble its class in any way?")))
        return box

    def _blend_controls(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        controls = QFormLayout()
        self.noise_source = QComboBox()
        self.noise_source.addItem(self.tr("the last perturbation or fooling image"), "result")
        self.noise_source.addItem(self.tr("an image file…"), "file")
        self.blend_slider = QSlider(Qt.Horizontal)
        self.blend_slider.setObjectName("blendSlider")
        self.blend_slider.setRange(0, BLEND_STEPS)
        self.blend_slider.setPageStep(1)
        self.blend_slider.valueChanged.connect(self._on_blend_slider)
        self.blend_label = QLabel(self.tr("weight 0 %"))
        self.blend_button = QPushButton(self.tr("Blend", "button"))
        self.blend_button.setObjectName("blendButton")
        self.blend_button.clicked.connect(self.run_blend)
        controls.addRow(self.tr("Noise:"), self.noise_source)
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.blend_slider, 1)
        slider_row.addWidget(self.blend_label)
        slider_row.addWidget(self.blend_button)
        controls.addRow(self.tr("Weight:"), slider_row)
        self.blend_plot = CurvePlot(x_label=self.tr("noise weight"), y_label=self.tr("probability"),
                                    title=self.tr("The person's class as noise is mixed in"),
                                    y_range=(0.0, 1.0))
        self.blend_plot.setToolTip(self.tr("Probability of the person's class against the noise "
                                           "weight; the red line is where the network changes its mind"))
        layout.addLayout(controls, 1)
        layout.addWidget(self.blend_plot, 1)
        return box

    # --- inputs -------------------------------------------------------------
    def set_workspace(self, workspace) -> None:
        self.workspace = workspace
        labels = workspace.loaded.labels
        for combo in (self.human_label, self.target, self.fool_target):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            offset = 1 if combo.property("untargeted") else 0
            if offset:
                combo.addItem(combo.property("untargeted"), None)
            combo.addItems(labels)  # one call: 1000 ImageNet names in a few ms
            for index in range(len(labels)):
                combo.setItemData(index + offset, index)
            found = combo.findText(current)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)
        self._clear_result()
        if self.image is not None:
            self.classify_clean()

    def set_models(self, entries: list[tuple[str, str]]) -> None:
        self.transfer_model.clear()
        for name, text in entries:
            self.transfer_model.addItem(text, name)

    def set_image(self, image: np.ndarray, name: str) -> None:
        self.image, self.image_name = image, name
        self.original_view.set_array(image)
        self._clear_result()
        if self.workspace is not None:
            self.classify_clean()

    def _clear_result(self) -> None:
        self.result = None
        self.result_image = None
        self.curve = None
        self.result_view.set_array(None)
        self.perturbation_view.set_array(None)
        self.result_bars.set_predictions([])
        self.result_bars.set_heading(self.tr("Network says: –"))
        self.verdict.clear()
        self._verdict_render = None
        self.save_button.setEnabled(False)
        self.transfer_button.setEnabled(False)
        self.transfer_result.clear()

    def human_class(self) -> int | None:
        index = self.human_label.findText(self.human_label.currentText())
        return self.human_label.itemData(index) if index >= 0 else None

    def _submit(self, factory, on_success) -> None:
        self._job.start(factory, on_success, self._on_progress)

    def busy(self) -> bool:
        return self._job.busy() or self._classify_job.busy() or self._measure_job.busy()

    def classifying(self) -> bool:
        """The original image's classification is still on its way."""
        return self._classify_job.busy()

    # --- classify -----------------------------------------------------------
    def classify_clean(self) -> None:
        from neurolab.core.classify import classify

        loaded, image, stage = self.workspace.loaded, self.image, self.tr("classifying")
        self._classify_job.start(lambda: call_job(stage, classify, loaded, image, top=5),
                                 self._on_classified)

    def _on_classified(self, predictions) -> None:
        self.clean_top = predictions
        self.clean_bars.set_predictions(predictions)
        top = predictions[0]
        self.clean_bars.set_heading(self.tr("Network says: {0} ({1:.0%})").format(top.label, top.probability))
        self.human_label.setCurrentIndex(self.human_label.findData(top.index))
        self.classified.emit()

    def run_default_job(self):
        """For screenshots: an untargeted PGD attack on the current image; the signal to wait on."""
        if self.image is None or self.workspace is None:
            return None
        self.target.setCurrentIndex(0)
        self.run_attack()
        return self.result_shown

    # --- attack, fool, blend ------------------------------------------------
    def run_attack(self) -> None:
        from neurolab.core.adversarial import AttackConfig, attack_job

        if self.image is None or self.workspace is None:
            return
        target = self.target.itemData(self.target.findText(self.target.currentText()))
        config = AttackConfig(method=self.method.currentData(), epsilon=self.epsilon.value(),
                              steps=self.steps.value(), random_start=self.random_start.isChecked(),
                              step_size=self.step_size.value() or None,
                              target=target, true_class=self.human_class())
        loaded, image = self.workspace.loaded, self.image
        self._submit(lambda: attack_job(loaded, image, config), self._on_attack_done)

    def _on_progress(self, event) -> None:
        if event.preview is None:
            return
        self.result_image = event.preview  # the last good result survives a cancel
        self.result_view.set_array(event.preview)
        if self.image is not None and event.preview.shape == self.image.shape:
            from neurolab.core.adversarial import amplify

            perturbation = event.preview.astype(np.int16) - self.image.astype(np.int16)
            self.perturbation_view.set_array(amplify(perturbation, self.epsilon.value()))
        self.save_button.setEnabled(True)

    def _on_attack_done(self, result) -> None:
        from neurolab.core.adversarial import amplify

        self.result = result
        self.result_image = result.adversarial
        self.result_view.set_array(result.adversarial)
        self.perturbation_view_array = amplify(result.perturbation, result.epsilon)
        self.perturbation_view.set_array(self.perturbation_view_array)
        self.noise = self.perturbation_view_array
        self._show_network_answer(result.after)
        top, metrics = result.after[0], result.metrics
        self._set_verdict(lambda: self.verdict_text(top, metrics))
        self._result_ready()

    def run_fool(self) -> None:
        from neurolab.core.adversarial import fool_job

        if self.workspace is None:
            return
        target = self.fool_target.itemData(self.fool_target.findText(self.fool_target.currentText()))
        if target is None:
            self.error.emit(self.tr("Choose a class from the list."))
            return
        loaded, start, steps = self.workspace.loaded, self.fool_start.currentData(), self.fool_steps.value()
        self._submit(lambda: fool_job(loaded, int(target), start=start, steps=steps),
                     self._on_fool_done)

    def _on_fool_done(self, result) -> None:
        self.result = result
        self.result_image = result.image
        self.noise = result.image
        self.result_view.set_array(result.image)
        self.perturbation_view.set_array(None)
        self._show_network_answer(result.top)
        probability, label = result.probability, result.label
        self._set_verdict(lambda: self.tr("The network is {0:.0%} sure this is a {1}. Does it look "
                                          "like one to you?").format(probability, label))
        self._result_ready()

    def run_blend(self) -> None:
        """Compute the whole probability-vs-weight curve once; the slider then reads it."""
        if self.image is None or self.workspace is None:
            return
        if self.noise_source.currentData() == "file" or self.noise is None:
            path = file_dialogs.open_file(self, self.tr("Open noise image"),
                                          self.tr("Images (*.png *.jpg *.jpeg *.bmp)"))
            if not path:
                return
            self.set_noise_file(path)
        self._start_blend()

    def set_noise_file(self, path: str) -> None:
        from neurolab.core.images import load_image

        try:
            self.noise = load_image(path)
        except NeurolabError as exc:
            self.error.emit(str(exc))

    def _start_blend(self) -> None:
        from neurolab.core.adversarial import blend_job

        loaded, image, noise, true_class = self.workspace.loaded, self.image, self.noise, self.human_class()
        alphas = [i / BLEND_STEPS for i in range(BLEND_STEPS + 1)]
        self._submit(lambda: blend_job(loaded, image, noise, alphas, true_class), self._on_blend_curve)

    def _on_blend_curve(self, curve) -> None:
        self.curve = curve
        self.blend_plot.set_curve(curve.alphas, curve.true_probability, marker=curve.flip_alpha)
        self._on_blend_slider(self.blend_slider.value())
        self._result_ready()

    def _on_blend_slider(self, value: int) -> None:
        """Label and chart at once (read from the curve); the measures follow from a job."""
        from neurolab.core.adversarial import blend, image_metrics

        alpha = value / BLEND_STEPS
        self.blend_label.setText(self.tr("weight {0:.0%}").format(alpha))
        self.blend_plot.set_cursor(alpha)
        if self.curve is None or self.image is None or self.noise is None:
            return
        image, mixed = self.image, blend(self.image, self.noise, alpha)
        self.result_image = mixed
        self.result_view.set_array(mixed)
        top = self.curve.top[value]
        self._show_network_answer([top])
        stage = self.tr("measuring")
        self._measure_job.start(lambda: call_job(stage, image_metrics, image, mixed),
                                lambda metrics: self._set_verdict(lambda: self.verdict_text(top, metrics)))

    # --- presenting -----------------------------------------------------------
    def _show_network_answer(self, predictions) -> None:
        self.result_bars.set_predictions(predictions)
        top = predictions[0]
        self.result_bars.set_heading(self.tr("Network says: {0} ({1:.0%})").format(top.label, top.probability))

    def _set_verdict(self, render) -> None:
        """Show ``render()``; kept, so a language switch can say it again in the new language."""
        self._verdict_render = render
        self.verdict.setText(render())

    _verdict_render = None

    def retranslate_ui(self) -> None:
        """After a language switch: the untargeted choice and the verdict (two sentences)."""
        untargeted = self.tr("(any other class — untargeted)")
        self.target.setProperty("untargeted", untargeted)
        if self.target.count() and self.target.itemData(0) is None:
            self.target.setItemText(0, untargeted)
        if self._verdict_render is not None and self.verdict.text():
            self.verdict.setText(self._verdict_render())

    def verdict_text(self, top, metrics: dict) -> str:
        """The lab's point in one sentence: the network changed its mind, a person would not."""
        human = self.human_label.currentText()
        same = metrics["ssim"]
        said = (self.tr("The network now says {0} ({1:.0%}).") if top.label != human
                else self.tr("The network still says {0} ({1:.0%})."))
        return (said.format(top.label, top.probability) + " " + self.tr(
            "To a person the image is {0:.0%} the same: SSIM {1:.2f}, largest pixel change "
            "{2}/255, PSNR {3} dB.").format(max(same, 0.0), same, int(metrics["linf"]),
                                             "∞" if metrics["psnr"] == float("inf") else f"{metrics['psnr']:.1f}"))

    def _result_ready(self) -> None:
        self.save_button.setEnabled(True)
        self.transfer_button.setEnabled(True)
        self.result_shown.emit()

    # --- transfer and saving ------------------------------------------------
    def check_transfer(self) -> None:
        """Classify the changed image with another model: does the attack transfer?"""
        if self.result_image is None:
            return
        spec, image = self.transfer_model.currentData(), self.result_image
        self.transfer_result.setText(self.tr("Loading {0}…").format(spec))
        stage = self.tr("checking transfer")
        handle = self.runner.submit("transfer", lambda: call_job(stage, _transfer_answer, spec, image))
        handle.succeeded.connect(self._on_transfer)
        handle.failed.connect(self.error)

    def _on_transfer(self, answer) -> None:
        name, notice, top = answer
        text = self.tr("{0} says: {1} ({2:.0%})").format(model_text(name), top.label, top.probability)
        self.transfer_result.setText(text + (f" — {model_text(notice)}" if notice else ""))

    def save_dialog(self) -> None:
        if self.result_image is None:
            return
        stem = os.path.splitext(os.path.basename(self.image_name or "image"))[0]
        path = file_dialogs.save_file(self, self.tr("Save result"), f"{stem}_adversarial.png",
                                      self.tr("PNG image (*.png)"))
        if path:
            self.save(path)

    def save(self, path: str) -> list[str]:
        """The changed image, the amplified perturbation and a JSON of labels and measures."""
        from neurolab.core.adversarial import image_metrics

        stem = os.path.splitext(path)[0]
        written = [path]
        try:
            save_image(self.result_image, path)
            if self.perturbation_view_array is not None and self.result is not None \
                    and hasattr(self.result, "perturbation"):
                save_image(self.perturbation_view_array, stem + "_perturbation.png")
                written.append(stem + "_perturbation.png")
            record = {"model": self.workspace.loaded.name if self.workspace else None,
                      "image": self.image_name, "human_label": self.human_label.currentText(),
                      "network_label": self.result_bars.labels()[:1],
                      "output": path}
            if self.image is not None and self.result_image.shape == self.image.shape:
                metrics = image_metrics(self.image, self.result_image)
                record.update({k: (None if v == float("inf") else v) for k, v in metrics.items()})
            with open(stem + ".json", "w", encoding="utf-8") as handle:
                json.dump(record, handle, indent=2)
            written.append(stem + ".json")
        except (NeurolabError, OSError) as exc:
            self.error.emit(str(exc))
            return []
        self.message.emit(self.tr("Saved {0}").format(", ".join(written)))
        return written
