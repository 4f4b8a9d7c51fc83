"""Model ▸ Precision: what the jobs compute in (core.precision), remembered in the settings.

``auto`` (the default) lets core pick bfloat16 on CPUs built for it, float16 on tensor-core
GPUs, float32 elsewhere; the status bar names what it picked beside the device. The choice
applies from the next job on; verdicts (class probabilities) stay float32 whatever it is.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from neurolab.core.errors import BadInputError
from neurolab.core.precision import AUTO, CHOICES, check_choice

SETTINGS_KEY = "precision"


def stored_precision(settings: QSettings) -> str:
    """The remembered choice; ``auto`` when none (or a damaged one) is stored."""
    try:
        return check_choice(settings.value(SETTINGS_KEY, AUTO, str) or AUTO)
    except BadInputError:
        return AUTO


class PrecisionMenu(QMenu):
    """The choices as checkable actions; ``chosen`` carries one (``auto``, ``float32``, …)."""

    chosen = Signal(str)

    def __init__(self, choice: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("precisionMenu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions_by_choice: dict[str, QAction] = {}
        for key in CHOICES:
            action = QAction(self)
            action.setObjectName(f"precision_{key}")
            action.setCheckable(True)
            action.setData(key)
            action.triggered.connect(lambda _checked=False, k=key: self.chosen.emit(k))
            self.group.addAction(action)
            self.addAction(action)
            self.actions_by_choice[key] = action
            if key == AUTO:
                self.addSeparator()
        self.show_choice(choice)
        self.retranslate_ui()

    def show_choice(self, choice: str) -> None:
        self.actions_by_choice[choice].setChecked(True)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Pr&ecision"))
        self.actions_by_choice[AUTO].setText(self.tr("&Automatic (the fastest this computer computes well)"))
        for key in CHOICES[1:]:  # the number formats' own names, in every language
            self.actions_by_choice[key].setText(key)
