"""The Adversarial tab: classify, attack, fool and blend — human and network side by side.

The lab's third exercise: an image that a person still calls a daisy while the
network says flamingo. All gradient work runs in core.adversarial through the
job runner; this widget shows images, labels and measures, and saves them.
"""

from __future__ import annotations

import json
import os
import re
from enum import Enum

import numpy as np
from PySide6.QtCore import QLocale, QSettings, Qt, Signal
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

from neurolab.core.adversarial.attacks import AttackConfig
from neurolab.core.errors import NeurolabError
from neurolab.core.images import save_image
from neurolab.core.jobs import call_job
from neurolab.gui import file_dialogs
from neurolab.gui.core_texts import core_text, error_text, model_text
from neurolab.gui.language import current_language
from neurolab.gui.locale_format import number, percent
from neurolab.gui.tabs.base import Tab
from neurolab.gui.widgets.curve_plot import CurvePlot
from neurolab.gui.widgets.image_view import ImageView
from neurolab.gui.widgets.probability_bars import ProbabilityBars, probability_text
from neurolab.gui.worker import LatestJob

BLEND_STEPS = 20  # the blend slider moves in 5 % steps; the curve has one point per step


class Mode(Enum):
    """The tab's three ways to change an image (its sub-tabs, in this order)."""

    ATTACK = 0
    FOOL = 1
    BLEND = 2

# Spoken Czech numbers that take "ze" rather than "z" (ze dvou, ze tří, ze čtyř, ze šesti, ze sedmi…).
_CS_ZE_UNITS = {2, 3, 4, 6, 7, 12, 13, 14, 16, 17}
_CS_ZE_TENS = {2, 3, 4, 6, 7}


def czech_from(number_text: str) -> str:
    """'ze' or 'z', the Czech "out of" before a number as it is read aloud: ze 77 %, z 50 %, ze 100 %.

    Why: the verdict says how much of the image a person sees unchanged, and a Czech
    teacher says "ze sedmdesáti sedmi procent", not "z 77 %". English ignores it.
    """
    match = re.match(r"\d+", number_text.replace("\u00a0", "").replace(" ", ""))
    if not match:
        return "z"
    value = int(match.group())
    if value >= 100:  # a percentage: ze sta
        return "ze"
    if value >= 20:
        return "ze" if value // 10 in _CS_ZE_TENS else "z"
    return "ze" if value in _CS_ZE_UNITS else "z"


def _transfer_answer(spec: str, image: np.ndarray):
    """(display name, notice, top-1) of another model for ``image``; runs on the job thread."""
    from neurolab.core.models.catalog import load_model
    from neurolab.core.models.classify import classify

    loaded = load_model(spec, allow_download=False)
    return loaded.display_name, loaded.notice, classify(loaded, image, top=1)[0]


class AdversarialTab(Tab):
    """Original and changed image with the person's label and the network's label."""

    key = "adversarial"
    takes_images = True
    # The output that classifies, per model with several (JSON: model spec → output name).
    settings_keys = frozenset({"classifier_outputs"})

    result_shown = Signal()  # an attack, fooling image or blend result is on screen
    classified = Signal()  # the clean image's classification is on screen

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.workspace = None
        self.image: np.ndarray | None = None
        self.image_name = ""
        self.clean_top: list = []
        self.result = None  # AttackResult or FoolResult or a blend, see _show_*
        self.result_image: np.ndarray | None = None
        self.perturbation_view_array: np.ndarray | None = None
        self._perturbation_stats: tuple[float, float] | None = None  # (amplification, unchanged share)
        self.noise: np.ndarray | None = None
        self.curve = None
        self._blended: np.ndarray | None = None  # the blend on screen (the slider's weight)
        self._guess_person = True  # pre-fill "A person says" with the network's answer (photos only)
        self._start_kind: str | None = None  # the left pane shows a fooling image's start, not the photo
        self._job = LatestJob(runner, "adversarial", self)  # attack, fool or blend
        self._job.failed.connect(self.error)
        self._classify_job = LatestJob(runner, "classify", self)
        self._classify_job.failed.connect(self.error)
        self._measure_job = LatestJob(runner, "measure", self)  # SSIM takes ~0.2 s: off the UI thread
        self._measure_job.failed.connect(self.error)
        self._chosen_outputs: dict[str, str] = {}  # model spec → the output that classifies
        self._build()

    # --- layout -------------------------------------------------------------
    def tab_title(self) -> str:
        return self.tr("Adversarial")

    def _build(self) -> None:
        self.open_button = QPushButton(self.tr("Open image…"))
        self.open_button.clicked.connect(self.open_image_requested)
        self.human_label = QComboBox()
        self.human_label.setObjectName("humanLabel")
        self.human_label.setEditable(True)
        self.human_label.setInsertPolicy(QComboBox.NoInsert)
        self.human_label.setToolTip(self.tr("What a person says the image shows"))
        self.human_label.lineEdit().setPlaceholderText(self.tr("type what you see"))
        self.original_view = ImageView(placeholder=self.tr("Drop an image here"))
        self.result_view = ImageView(placeholder=self.tr("Run an attack, grow a fooling image "
                                                         "or blend with noise"))
        self.result_view.setObjectName("adversarialResult")
        self.perturbation_view = ImageView(placeholder=self.tr("Perturbation (amplified)"))
        self.clean_bars = ProbabilityBars()
        self.clean_bars.setObjectName("cleanBars")
        self.result_bars = ProbabilityBars()
        self.result_bars.setObjectName("resultBars")
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.person_row = QWidget()
        person = QHBoxLayout(self.person_row)
        person.setContentsMargins(0, 0, 0, 0)
        person.addWidget(QLabel(self.tr("A person says:")))
        person.addWidget(self.human_label, 1)
        self.original_caption = QLabel()
        self.original_caption.setObjectName("originalCaption")
        left = QVBoxLayout()
        left.addWidget(self.original_caption)
        left.addWidget(self.original_view, 1)
        left.addWidget(self.person_row)
        left.addWidget(self.clean_bars)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>Changed</b>")))
        right.addWidget(self.result_view, 1)
        right.addWidget(self.result_bars)
        self.perturbation_caption = QLabel()
        self.perturbation_caption.setObjectName("perturbationCaption")
        self.perturbation_note = QLabel()
        self.perturbation_note.setObjectName("perturbationNote")
        self.perturbation_note.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.perturbation_caption)
        side.addWidget(self.perturbation_view, 1)
        side.addWidget(self.perturbation_note)
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
        self.transfer_model.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # also after a language switch
        self.transfer_model.setToolTip(self.tr("Another model to classify the changed image with"))
        self.transfer_button = QPushButton(self.tr("Check with"))
        self.transfer_button.setEnabled(False)
        self.transfer_button.clicked.connect(self.check_transfer)
        self.transfer_result = QLabel()
        self.explain_button = QPushButton(self.tr("Explain the changed image"))
        self.explain_button.setObjectName("explainChanged")
        self.explain_button.setToolTip(self.tr("Where does the network look, in the photo and in the changed "
                                               "image, for the old and the new label? (the Explain tab)"))
        self.explain_button.setEnabled(False)
        self.explain_button.clicked.connect(self.explain_changed)
        bottom = QHBoxLayout()
        bottom.addWidget(self.transfer_button)
        bottom.addWidget(self.transfer_model)
        bottom.addWidget(self.transfer_result, 1)
        bottom.addWidget(self.save_button)
        # Under the changed image's classes (the bottom row is full at 1366 px in Czech).
        right.addWidget(self.explain_button, 0, Qt.AlignLeft)

        self.output_box = QComboBox()
        self.output_box.setObjectName("classifierOutput")
        self.output_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.output_box.setToolTip(self.tr("The model has several outputs: the one whose scores "
                                           "name the classes"))
        self.output_box.currentIndexChanged.connect(self._on_output_chosen)
        self.output_label = QLabel(self.tr("Classes from &output:"))
        self.output_label.setBuddy(self.output_box)
        self.idle_note = QLabel()
        self.idle_note.setObjectName("adversarialIdle")
        self.idle_note.setWordWrap(True)
        self.idle_note.setStyleSheet("color: #b36b00;")
        self.idle_note.setVisible(False)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addStretch(1)
        top.addWidget(self.output_label)
        top.addWidget(self.output_box)
        self._show_output_choice(False)
        layout.addLayout(top)
        layout.addWidget(self.idle_note)
        layout.addLayout(images, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.modes)
        layout.addLayout(bottom)
        self._render_captions()
        self._apply_locale()
        self._on_method()

    def _apply_locale(self) -> None:
        """Spin boxes write numbers in the window's language (8,0 / 255 in Czech)."""
        locale = QLocale(current_language())
        for spin in (self.epsilon, self.step_size, self.steps, self.fool_steps):
            spin.setLocale(locale)  # a LocaleChange event: the spin box writes its text again

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
        self.method.setObjectName("attackMethod")
        self.method.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.method.addItem(self.tr("PGD (iterative)"), "pgd")
        self.method.addItem(self.tr("FGSM (one step)"), "fgsm")
        self.method.currentIndexChanged.connect(self._on_method)
        self.epsilon = QDoubleSpinBox()
        self.epsilon.setDecimals(1)
        self.epsilon.setRange(*AttackConfig.EPSILON_RANGE)
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
        self.steps_label = QLabel(self.tr("steps"))
        self.step_size_label = QLabel(self.tr("step size"))
        row = QHBoxLayout()
        row.addWidget(self.method)
        row.addWidget(QLabel(self.tr("ε")))
        row.addWidget(self.epsilon)
        row.addStretch(1)
        form.addRow(self.tr("Method:"), row)
        pgd_row = QHBoxLayout()  # a row of its own: the tab stays narrow enough beside the Lab panel
        pgd_row.addWidget(self.steps_label)
        pgd_row.addWidget(self.steps)
        pgd_row.addWidget(self.step_size_label)
        pgd_row.addWidget(self.step_size)
        pgd_row.addWidget(self.random_start)
        pgd_row.addStretch(1)
        form.addRow("", pgd_row)
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
        self.fool_start.setSizeAdjustPolicy(QComboBox.AdjustToContents)
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
        self.noise_source.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.noise_source.addItem(self.tr("the last perturbation or fooling image"), "result")
        self.noise_source.addItem(self.tr("an image file…"), "file")
        self.blend_slider = QSlider(Qt.Horizontal)
        self.blend_slider.setObjectName("blendSlider")
        self.blend_slider.setRange(0, BLEND_STEPS)
        self.blend_slider.setPageStep(1)
        self.blend_slider.valueChanged.connect(self._on_blend_slider)
        self.blend_label = QLabel()
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

    # --- which output classifies ------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("classifier_outputs", json.dumps(self._chosen_outputs))

    def restore_state(self, settings: QSettings) -> None:
        try:
            chosen = json.loads(settings.value("classifier_outputs", "{}", str) or "{}")
        except ValueError:
            chosen = {}
        self._chosen_outputs = {str(k): str(v) for k, v in chosen.items()} if isinstance(chosen, dict) else {}

    def _show_output_choice(self, shown: bool) -> None:
        self.output_label.setVisible(shown)
        self.output_box.setVisible(shown)

    def _fill_outputs(self, loaded) -> None:
        """The picker of the output that classifies: shown for a model with several outputs of
        which at least one gives scores; the choice remembered for this model is applied."""
        vectors = [o for o in loaded.outputs if o.kind == "vector"]
        remembered = self._chosen_outputs.get(loaded.spec)
        for output in vectors:
            if output.name == remembered and loaded.is_classifier:
                loaded.choose_output(output.index)
        self.output_box.blockSignals(True)
        self.output_box.clear()
        for output in vectors:
            self.output_box.addItem(output.describe(), output.index)
        self.output_box.setCurrentIndex(max(0, self.output_box.findData(loaded.output_index)))
        self.output_box.blockSignals(False)
        self._show_output_choice(len(loaded.outputs) > 1 and bool(vectors))

    def choose_output(self, name: str) -> None:
        """Classify with the output called ``name`` (as a person picks it in the combo box)."""
        index = self.output_box.findText(name, Qt.MatchStartsWith)
        if index >= 0:
            self.output_box.setCurrentIndex(index)

    def _on_output_chosen(self, _row: int) -> None:
        if self.workspace is None or self.output_box.currentData() is None:
            return
        loaded = self.workspace.loaded
        loaded.choose_output(int(self.output_box.currentData()))
        self._chosen_outputs[loaded.spec] = loaded.outputs[loaded.output_index].name
        self.set_workspace(self.workspace)  # class names, the original's classes, no old result

    def idle_reason(self) -> str:
        """Why the tab cannot attack this model (no image input, or no output that classifies),
        in the window's language; "" when it can."""
        if self.workspace is None:
            return ""
        loaded = self.workspace.loaded
        if loaded.image_input is None:
            return self.tr("Adversarial images need a model that takes one image. {0}").format(
                core_text(loaded.no_image_reason))
        if not loaded.is_classifier:
            return self.tr("Adversarial images need a classifier. {0} Its activations are in the "
                           "Activations tab.").format(core_text(loaded.not_classifier_reason))
        return ""

    def _usable(self) -> bool:
        return self.workspace is not None and not self.idle_reason()

    # --- inputs -------------------------------------------------------------
    def set_workspace(self, workspace) -> None:
        self.workspace = workspace
        self._fill_outputs(workspace.loaded)
        reason = self.idle_reason()
        self.idle_note.setText(reason)
        self.idle_note.setVisible(bool(reason))
        self.modes.setEnabled(not reason)
        labels = workspace.loaded.labels if not reason else []
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
            if combo is self.human_label and not current:
                found = -1  # left empty for the student (a fooling image): stays empty
            elif found < 0:
                found = 0
            combo.setCurrentIndex(found)
            combo.blockSignals(False)
        self.clean_top = []
        self._show_original()  # a fooling image's start belongs to the previous model
        self._clear_result()
        if self.image is not None and not reason:
            self.classify_clean()

    def set_models(self, entries: list[tuple[str, str]]) -> None:
        """The models to check a transfer with; the chosen one stays chosen (a language switch
        renames them all)."""
        chosen = self.transfer_model.currentData()
        self.transfer_model.clear()
        for name, text in entries:
            self.transfer_model.addItem(text, name)
        index = self.transfer_model.findData(chosen)
        if index >= 0:
            self.transfer_model.setCurrentIndex(index)

    def set_image(self, image: np.ndarray, name: str, *, guess_person: bool = True) -> None:
        """Show ``image`` as the original and classify it.

        ``guess_person=False`` for an image no person would name (a fooling image is
        noise): "A person says" stays empty for the student to fill in, instead of
        being pre-filled with the network's answer.
        """
        self.image, self.image_name = image, name
        self._guess_person = guess_person
        self.clean_top = []
        self._start_kind = None
        self._show_original()
        if not guess_person:
            self.human_label.setCurrentIndex(-1)
            self.human_label.setEditText("")
        self._clear_result()
        if self._usable():
            self.classify_clean()

    def offer_image(self, image: np.ndarray, name: str) -> None:
        """The tab starts with the photo opened elsewhere, until it has one of its own."""
        if self.image is None:
            self.set_image(image, name)

    def _show_original(self) -> None:
        """The left pane back on the photo (after it showed a fooling image's start)."""
        self._start_kind = None
        self.original_view.set_array(self.image)
        self.person_row.setVisible(True)
        self.clean_bars.set_predictions(self.clean_top)
        self._render_captions()

    def _show_start(self, start: np.ndarray, kind: str) -> None:
        """The left pane on the noise (or grey) a fooling image grows from: the photo plays no part."""
        self._start_kind = kind
        self.original_view.set_array(start)
        self.person_row.setVisible(False)
        self.clean_bars.set_predictions([])
        self._render_captions()

    def _clear_result(self) -> None:
        self.result = None
        self.result_image = None
        self.curve = None
        self.result_view.set_array(None)
        self._show_perturbation(None)
        self.result_bars.set_predictions([])
        self.verdict.clear()
        self._verdict_render = None
        self.save_button.setEnabled(False)
        self.transfer_button.setEnabled(False)
        self.explain_button.setEnabled(False)
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
        from neurolab.core.models.classify import classify

        loaded, image, stage = self.workspace.loaded, self.image, self.tr("classifying")
        self._classify_job.start(lambda: call_job(stage, classify, loaded, image, top=5),
                                 self._on_classified)

    def _on_classified(self, predictions) -> None:
        self.clean_top = predictions
        if self._start_kind is None:
            self.clean_bars.set_predictions(predictions)
        if self._guess_person:
            self.human_label.setCurrentIndex(self.human_label.findData(predictions[0].index))
        self.classified.emit()

    def run_default_job(self) -> None:
        """For screenshots: an untargeted PGD attack on the current image."""
        if self.image is None or not self._usable():
            return
        self.target.setCurrentIndex(0)
        self.run_attack()

    # --- the Lab's verbs --------------------------------------------------------
    def show_mode(self, mode: Mode) -> None:
        """Attack, Fool from noise or Blend in front."""
        self.modes.setCurrentIndex(mode.value)

    @staticmethod
    def _choose(combo: QComboBox, label: str) -> None:
        index = combo.findText(label)
        if index >= 0:
            combo.setCurrentIndex(index)

    def grow_fooling(self, label: str) -> None:
        """Grow a fooling image of the class ``label`` (at the open photo's size)."""
        self.show_mode(Mode.FOOL)
        self._choose(self.fool_target, label)
        self.run_fool()

    def fooling_image(self) -> np.ndarray | None:
        """The fooling image on screen (None when the result is something else)."""
        from neurolab.core.adversarial.fooling import FoolResult

        return self.result.image if isinstance(self.result, FoolResult) else None

    def blend_with(self, noise: np.ndarray, *, person_says: str) -> None:
        """Blend the photo with ``noise`` from 0 to 100 %, a person naming the photo
        ``person_says``; the slider starts at 0."""
        self._choose(self.human_label, person_says)
        self.show_mode(Mode.BLEND)
        self.noise_source.setCurrentIndex(self.noise_source.findData("result"))
        self.noise = noise
        self.blend_slider.setValue(0)
        self._start_blend()

    def show_blend_weight(self, alpha: float, *, focus: bool = False) -> None:
        """Move the blend slider to the share of noise ``alpha`` (0…1); ``focus`` hands it the
        keyboard."""
        self.blend_slider.setValue(round(alpha * BLEND_STEPS))
        if focus:
            self.blend_slider.setFocus()

    # --- attack, fool, blend ------------------------------------------------
    def attack_towards(self, label: str | None = None) -> None:
        """The Lab's verb: attack the photo (towards class ``label``; None: any other class), as a
        person picks the target and presses Attack."""
        self.show_mode(Mode.ATTACK)
        index = self.target.findText(label) if label else 0
        self.target.setCurrentIndex(max(0, index))
        self.run_attack()

    def run_attack(self) -> None:
        from neurolab.core.adversarial.attacks import AttackConfig, attack_job

        if self.image is None or not self._usable():
            return
        self._show_original()
        target = self.target.itemData(self.target.findText(self.target.currentText()))
        iterative = self.method.currentData() == "pgd"
        config = AttackConfig(method=self.method.currentData(), epsilon=self.epsilon.value(),
                              steps=self.steps.value(), random_start=self.random_start.isChecked(),
                              step_size=(self.step_size.value() or None) if iterative else None,
                              target=target, true_class=self.human_class())
        loaded, image = self.workspace.loaded, self.image
        self._job.start(lambda: attack_job(loaded, image, config), self._on_attack_done,
                        self._on_attack_progress)

    def _on_method(self, _index: int | None = None) -> None:
        """FGSM takes one step of ε from the image itself: steps, step size and random start
        mean nothing for it, so they are greyed out."""
        iterative = self.method.currentData() == "pgd"
        for widget in (self.steps_label, self.steps, self.step_size_label, self.step_size,
                       self.random_start):
            widget.setEnabled(iterative)

    def _on_progress(self, event) -> None:
        """A preview of the result so far (the last good result survives a cancel)."""
        if event.preview is None:
            return
        self.result_image = event.preview
        self.result_view.set_array(event.preview)
        self.save_button.setEnabled(True)

    def _on_attack_progress(self, event) -> None:
        """An attack's preview, with its perturbation (it has the photo's size)."""
        self._on_progress(event)
        if event.preview is not None and self.image is not None and event.preview.shape == self.image.shape:
            self._show_perturbation(event.preview.astype(np.int16) - self.image.astype(np.int16))

    def _show_perturbation(self, perturbation: np.ndarray | None) -> None:
        """The perturbation made visible, with the factor it was amplified by and how much is grey."""
        from neurolab.core.adversarial.measures import amplification, amplify, unchanged_share

        if perturbation is None:
            self.perturbation_view_array, self._perturbation_stats = None, None
        else:
            self.perturbation_view_array = amplify(perturbation)
            self._perturbation_stats = (amplification(perturbation), unchanged_share(perturbation))
        self.perturbation_view.set_array(self.perturbation_view_array)
        self._render_captions()

    def _render_captions(self) -> None:
        """The panes' captions in the window's language (again after a language switch)."""
        if self._start_kind is None:
            self.original_caption.setText(self.tr("<b>Original</b>"))
        else:
            start = self.tr("random noise") if self._start_kind == "noise" else self.tr("plain grey")
            self.original_caption.setText(self.tr("<b>Start:</b> {0}").format(start))
        if self._perturbation_stats is None:
            self.perturbation_caption.setText(self.tr("<b>Perturbation</b> (amplified)"))
            self.perturbation_note.clear()
        else:
            factor, unchanged = self._perturbation_stats
            self.perturbation_caption.setText(self.tr("<b>Perturbation × {0}</b>").format(number(factor, 1)))
            self.perturbation_note.setText(self.tr(
                "Grey: unchanged ({0} of the pixel values); lighter: raised; darker: lowered.")
                .format(percent(unchanged, 1)))
        self.blend_label.setText(self.tr("weight {0}").format(percent(self.blend_slider.value() / BLEND_STEPS)))

    def _on_attack_done(self, result) -> None:
        self.result = result
        self.result_image = result.adversarial
        self.result_view.set_array(result.adversarial)
        self._show_perturbation(result.perturbation)
        self.noise = self.perturbation_view_array
        self._show_network_answer(result.after)
        top, metrics = result.after[0], result.metrics
        self._set_verdict(lambda: self.verdict_text(top, metrics))
        self._result_ready()

    def fool_size(self) -> tuple[int, int] | None:
        """(width, height) to grow a fooling image at: the open photo's, else the network's input.

        Why: blended into the photo, a fooling image grown at the network's 64 px and
        resized to the photo's 640 px is blurred by the resize and stops working; grown
        at the photo's own size (through the same resize the network sees), it works.
        """
        return None if self.image is None else (int(self.image.shape[1]), int(self.image.shape[0]))

    def run_fool(self) -> None:
        from neurolab.core.adversarial.fooling import fool_job, fool_start_image

        if not self._usable():
            return
        target = self.fool_target.itemData(self.fool_target.findText(self.fool_target.currentText()))
        if target is None:
            self.error.emit(self.tr("Choose a class from the list."))
            return
        loaded, start, steps = self.workspace.loaded, self.fool_start.currentData(), self.fool_steps.value()
        size = self.fool_size()
        self._clear_result()
        self._show_start(fool_start_image(loaded, start=start, size=size), start)
        self._job.start(lambda: fool_job(loaded, int(target), start=start, steps=steps, size=size),
                        self._on_fool_done, self._on_progress)

    def _on_fool_done(self, result) -> None:
        self.result = result
        self.result_image = result.image
        self.noise = result.image
        self.result_view.set_array(result.image)
        self._show_perturbation(None)
        self.clean_bars.set_predictions(result.start_top)  # what the network said of the start
        self._show_network_answer(result.top)
        probability, label = result.probability, result.label
        self._set_verdict(lambda: self.tr("The network is {0} sure this is a {1}. Does it look "
                                          "like one to you?").format(probability_text(probability), label))
        self._result_ready()

    def run_blend(self) -> None:
        """Compute the whole probability-vs-weight curve once; the slider then reads it."""
        if self.image is None or not self._usable():
            return
        if self.noise_source.currentData() == "file" or self.noise is None:
            path = file_dialogs.open_file(self, self.tr("Open noise image"),
                                          file_dialogs.image_filter())
            if not path:
                return
            self.set_noise_file(path)
        self._start_blend()

    def set_noise_file(self, path: str) -> None:
        from neurolab.core.images import load_image

        try:
            self.noise = load_image(path)
        except NeurolabError as exc:
            self.error.emit(error_text(exc))

    def _start_blend(self) -> None:
        from neurolab.core.adversarial.fooling import blend_job

        self._show_original()
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
        from neurolab.core.adversarial.fooling import blend
        from neurolab.core.adversarial.measures import image_metrics

        alpha = value / BLEND_STEPS
        self.blend_label.setText(self.tr("weight {0}").format(percent(alpha)))
        self.blend_plot.set_cursor(alpha)
        if self.curve is None or self.image is None or self.noise is None:
            return
        image, mixed = self.image, blend(self.image, self.noise, alpha)
        self.result_image = self._blended = mixed
        self.result_view.set_array(mixed)
        top = self.curve.top[value]
        self._show_network_answer(self.curve.ranked[value] if self.curve.ranked else [top])
        stage = self.tr("measuring")
        self._measure_job.start(lambda: call_job(stage, image_metrics, image, mixed),
                                lambda metrics: self._set_verdict(lambda: self.verdict_text(top, metrics)))

    # --- presenting -----------------------------------------------------------
    def _show_network_answer(self, predictions) -> None:
        self.result_bars.set_predictions(predictions)

    def _set_verdict(self, render) -> None:
        """Show ``render()``; kept, so a language switch can say it again in the new language."""
        self._verdict_render = render
        self.verdict.setText(render())

    _verdict_render = None

    def retranslate_ui(self) -> None:
        """After a language switch: texts the lookup cannot reverse (the same English source with
        two translations, numbers in the language's format), the untargeted choice, the verdict."""
        self.attack_button.setText(self.tr("Attack", "button"))
        self.blend_button.setText(self.tr("Blend", "button"))
        for index, title in enumerate((self.tr("Attack"), self.tr("Fool from noise"), self.tr("Blend"))):
            self.modes.setTabText(index, title)
        self.human_label.lineEdit().setPlaceholderText(self.tr("type what you see"))
        self.idle_note.setText(self.idle_reason())
        self._render_captions()
        self._apply_locale()
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
        said = (self.tr("The network now says {0} ({1}).") if top.label != human
                else self.tr("The network still says {0} ({1})."))
        share = percent(max(same, 0.0))
        psnr = "∞" if metrics["psnr"] == float("inf") else number(metrics["psnr"], 1)
        # {z}: the Czech preposition for this number (ze 77 %, z 50 %); English has no use for it.
        return (said.format(top.label, probability_text(top.probability)) + " " + self.tr(
            "To a person the image is {0} the same: SSIM {1}, largest pixel change "
            "{2}/255, PSNR {3} dB.").format(share, number(same, 2), int(metrics["linf"]), psnr,
                                             z=czech_from(share)))

    def _result_ready(self) -> None:
        self.save_button.setEnabled(True)
        self.transfer_button.setEnabled(True)
        self.explain_button.setEnabled(self._explainable() is not None)
        self.result_shown.emit()

    def _explainable(self):
        """(old class, new class) when the changed image is the photo changed (an attack, a
        blend), so both can be explained side by side; else None (a fooling image has no photo)."""
        result = self.shown_result()
        after = getattr(result, "after", None)
        if (self._start_kind is not None or self.image is None or not self.clean_top or not after
                or self.result_image is None or self.result_image.shape != self.image.shape):
            return None
        return self.clean_top[0].index, after[0].index

    def explain_changed(self) -> None:
        """The Explain tab shows the photo's and the changed image's maps for both labels."""
        from neurolab.gui.tabs.explain import ExplainRequest

        classes = self._explainable()
        if classes is not None:
            self.explain_requested.emit(ExplainRequest(self.image, self.result_image, self.image_name,
                                                       *classes))

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
        text = self.tr("{0} says: {1} ({2})").format(model_text(name), top.label,
                                                     probability_text(top.probability))
        self.transfer_result.setText(text + (f" — {model_text(notice)}" if notice else ""))

    def shown_result(self):
        """The result on screen: an attack's or a fooling image's, or the blend at the slider's
        weight (as ``neurolab blend`` would give it); None for a cancelled job's preview."""
        from neurolab.core.adversarial.measures import image_metrics

        if self.result is not None and self.result_image is getattr(
                self.result, "adversarial", getattr(self.result, "image", None)):
            return self.result
        if self.curve is None or self.image is None or self._blended is None \
                or self.result_image is not self._blended:
            return None
        return self.curve.result_at(self.blend_slider.value(), self.image, self.result_image,
                                    self.clean_top, image_metrics(self.image, self.result_image))

    def result_json(self, output: str) -> dict:
        """The JSON saved beside the image: the result's ``to_json`` with the model, image and
        output named, and what a person said the image is."""
        from neurolab.core.adversarial.measures import image_metrics
        from neurolab.core.results import result_json

        context = {"model": self.workspace.loaded.name if self.workspace else None,
                   "image": self.image_name, "human_label": self.human_label.currentText(),
                   "output": output,
                   "preprocessing": self.workspace.loaded.preprocessing_key if self.workspace else None}
        if self.workspace is not None and self.workspace.loaded.classifier_name:  # as the CLI's --json
            context["model_output"] = self.workspace.loaded.classifier_name
        result = self.shown_result()
        if result is not None:
            return result.to_json(**context)
        own = {"network_label": self.result_bars.labels()[:1]}  # a cancelled job's preview
        if self.image is not None and self.result_image.shape == self.image.shape:
            own.update(image_metrics(self.image, self.result_image))
        return result_json(own, context)

    def save_dialog(self) -> None:
        if self.result_image is None:
            return
        stem = os.path.splitext(os.path.basename(self.image_name or "image"))[0]
        path = file_dialogs.save_file(self, self.tr("Save result"), f"{stem}_adversarial.png",
                                      self.tr("PNG image (*.png)"))
        if path:
            self.save(path)

    def save(self, path: str) -> list[str]:
        """The changed image, the amplified perturbation, and beside them the result's JSON:
        what ``neurolab attack|fool|blend --json`` writes (:mod:`neurolab.core.results`),
        plus what a person said the image is."""
        stem = os.path.splitext(path)[0]
        written = [path]
        try:
            save_image(self.result_image, path)
            if self.perturbation_view_array is not None and self.result is not None \
                    and hasattr(self.result, "perturbation"):
                save_image(self.perturbation_view_array, stem + "_perturbation.png")
                written.append(stem + "_perturbation.png")
            written.append(self.save_json_beside(self.result_json(path), path))
        except (NeurolabError, OSError) as exc:
            self.error.emit(error_text(exc))
            return []
        self.message.emit(self.tr("Saved {0}").format(", ".join(written)))
        return written
