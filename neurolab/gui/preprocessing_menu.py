"""Model ▸ Preprocessing: how the open model's pixels are scaled, chosen by the user, remembered.

A model file rarely says how its training images were scaled; the user who knows
picks it here (a menu in the menu bar and beside the layer table's header), and the
choice is remembered per model file (its absolute path; a registry model by its
name) in the setting ``preprocessing``, a JSON object, so the settings file keeps its
fixed set of keys. The choices and their wording are core's
(``core.models.preprocessing``); nothing here imports TensorFlow.
"""

from __future__ import annotations

import json
import os

from PySide6.QtCore import QLocale, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from neurolab.core.errors import BadInputError
from neurolab.core.models.catalog import is_model_file
from neurolab.core.models.preprocessing import CHOICES, CUSTOM_PREFIX, custom, preprocessing_choice
from neurolab.gui.core_texts import error_text, phrase_text
from neurolab.gui.language import current_language

SETTINGS_KEY = "preprocessing"


# --- remembered per model ------------------------------------------------------------------
def model_key(spec: str) -> str:
    """What a model's choice is remembered under: a file's absolute path, a registry name."""
    if is_model_file(spec) or os.path.exists(spec):
        return os.path.abspath(spec)
    return spec.strip().lower()


def _remembered_all(settings: QSettings) -> dict[str, str]:
    try:
        stored = json.loads(settings.value(SETTINGS_KEY, "{}", str) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def remembered(settings: QSettings, spec: str):
    """The choice remembered for ``spec`` (a ``Preprocessing``), or None: the model's own."""
    key = _remembered_all(settings).get(model_key(spec))
    try:
        return preprocessing_choice(key) if key else None
    except BadInputError:  # written by another version: the model's own
        return None


def remember(settings: QSettings, spec: str, key: str | None) -> None:
    """Remember ``key`` for ``spec``; None (the model's default) forgets it."""
    stored = _remembered_all(settings)
    if key:
        stored[model_key(spec)] = key
    else:
        stored.pop(model_key(spec), None)
    settings.setValue(SETTINGS_KEY, json.dumps(stored, sort_keys=True))


# --- the menu ------------------------------------------------------------------------------
class PreprocessingMenu(QMenu):
    """The choices as checkable actions, a custom mean/std dialog, and back to the default.

    ``chosen`` carries a choice's key (``custom:…`` for a custom one) or "" for the
    model's default; the window applies it and calls :meth:`show_model` once it is applied.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preprocessingMenu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.default_action = QAction(self)
        self.default_action.setObjectName("preprocessingDefault")
        self.default_action.triggered.connect(lambda: self.chosen.emit(""))
        self.addAction(self.default_action)
        self.addSeparator()
        self.choice_actions: dict[str, QAction] = {}
        for key in CHOICES:
            action = QAction(self)
            action.setObjectName(f"preprocessing_{key}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, k=key: self.chosen.emit(k))
            self.group.addAction(action)
            self.addAction(action)
            self.choice_actions[key] = action
        self.custom_action = QAction(self)
        self.custom_action.setObjectName("preprocessingCustom")
        self.custom_action.setCheckable(True)
        self.custom_action.triggered.connect(self.ask_custom)
        self.group.addAction(self.custom_action)
        self.addAction(self.custom_action)
        self.loaded = None
        self.dialog: CustomPreprocessingDialog | None = None
        self.retranslate_ui()
        self.setEnabled(False)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("&Preprocessing"))
        for key, action in self.choice_actions.items():
            action.setText(phrase_text(CHOICES[key].phrase))
        self.custom_action.setText(self.tr("Custom mean/std…"))
        if self.loaded is not None and self.loaded.preprocessing_key.startswith(CUSTOM_PREFIX):
            self.custom_action.setText(self.tr("Custom: {0}").format(phrase_text(self.loaded.preprocess.phrase)))
        default = CHOICES.get(getattr(self.loaded, "preprocessing_default", ""), None)
        self.default_action.setText(
            self.tr("&Model's default: {0}").format(phrase_text(default.phrase)) if default is not None
            else self.tr("&Model's default"))

    def show_model(self, loaded) -> None:
        """Check the open model's choice; enabled once a model is open."""
        self.loaded = loaded
        self.setEnabled(loaded is not None and bool(loaded.preprocessing_key))
        key = getattr(loaded, "preprocessing_key", "")
        for action in self.group.actions():
            action.setChecked(False)
        if key.startswith(CUSTOM_PREFIX):
            self.custom_action.setChecked(True)
        elif key in self.choice_actions:
            self.choice_actions[key].setChecked(True)
        self.retranslate_ui()

    def ask_custom(self) -> None:
        """The custom mean/std dialog; its accepted choice is emitted as ``custom:…``."""
        self.show_model(self.loaded)  # the check mark stays on the choice in effect until then
        current = self.loaded.preprocess if self.loaded is not None else None
        self.dialog = CustomPreprocessingDialog(self.parentWidget(), current=current)
        self.dialog.accepted.connect(lambda: self.chosen.emit(self.dialog.choice.key))
        self.dialog.open()


class CustomPreprocessingDialog(QDialog):
    """``(x − mean) / std`` in 0–255 pixel units: one value for all channels or one per channel.

    Numbers are typed in the window's language (a decimal comma in Czech); a choice
    core refuses (a standard deviation of 0) is said in a sentence and the dialog stays.
    """

    def __init__(self, parent: QWidget | None = None, *, current=None):
        super().__init__(parent)
        self.setObjectName("customPreprocessingDialog")
        self.setWindowTitle(self.tr("Custom preprocessing"))
        self.choice = None
        explanation = QLabel(self.tr("Each pixel value x (0–255) is fed to the network as (x − mean) / std. "
                                     "For example, mean 127.5 and std 127.5 give values in [-1, 1]."))
        explanation.setWordWrap(True)
        explanation.setMinimumWidth(380)  # a wrapped label gives a dialog no width of its own
        self.same = QCheckBox(self.tr("One value for all three channels"))
        self.same.setObjectName("sameForAllChannels")
        mean, std = _current_values(current)
        self.mean = [self._spin(value, -1000.0, "mean") for value in mean]
        self.std = [self._spin(value, 0.0, "std") for value in std]
        form = QFormLayout()
        form.addRow(self.tr("Mean (R, G, B):"), self._row(self.mean))
        form.addRow(self.tr("Std (R, G, B):"), self._row(self.std))
        self.problem = QLabel()
        self.problem.setObjectName("customPreprocessingProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8a1c12;")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.same)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.same.toggled.connect(self._show_channels)
        self.same.setChecked(len(set(mean)) == 1 and len(set(std)) == 1)
        self._show_channels(self.same.isChecked())

    def _spin(self, value: float, low: float, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(f"{name}Value")
        spin.setRange(low, 1000.0)
        spin.setDecimals(4)
        spin.setLocale(QLocale(current_language()))  # a decimal comma in Czech
        spin.setValue(value)
        return spin

    @staticmethod
    def _row(spins: list[QDoubleSpinBox]) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for spin in spins:
            row.addWidget(spin)
        return holder

    def _show_channels(self, same: bool) -> None:
        for spins in (self.mean, self.std):
            for spin in spins[1:]:
                spin.setVisible(not same)

    def values(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        count = 1 if self.same.isChecked() else 3
        return (tuple(s.value() for s in self.mean[:count]), tuple(s.value() for s in self.std[:count]))

    def accept(self) -> None:
        """Checked by core: a sentence under the fields when it refuses, else the choice is made."""
        try:
            self.choice = custom(*self.values())
        except BadInputError as exc:
            self.problem.setText(error_text(exc))
            self.problem.show()
            self.adjustSize()  # room for the sentence
            return
        super().accept()


def _current_values(current) -> tuple[list[float], list[float]]:
    """The fields' first values: the custom choice in effect, else [-1, 1] (127.5, 127.5)."""
    key = getattr(current, "key", "")
    if key.startswith(CUSTOM_PREFIX):
        mean_text, std_text = key[len(CUSTOM_PREFIX):].split("/")
        mean = [float(v) for v in mean_text.split(",")]
        std = [float(v) for v in std_text.split(",")]
        return (mean * 3)[:3] if len(mean) == 1 else mean, (std * 3)[:3] if len(std) == 1 else std
    return [127.5] * 3, [127.5] * 3
