"""Kiosk mode in the window: full screen, no Quit, confined files, and Reset.

Reset replaces the window with a fresh one (bundled model, sample image,
every tab empty, settings from defaults) after clearing the output folder,
so the next student finds nothing the last one left. TensorFlow stays
imported, so a reset takes about as long as opening the bundled model.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton

from neurolab.core.kiosk import KioskPolicy, confine_writes


class KioskSession(QObject):
    """Owns the kiosk window and swaps it for a fresh one on Reset."""

    window_replaced = Signal(object)  # the new MainWindow

    def __init__(self, policy: KioskPolicy, create_window: Callable[[], object]):
        super().__init__()
        self.policy = policy
        self._create = create_window
        self.window = self._new_window()

    def _new_window(self):
        window = self._create()
        lock_down(window, self.confirm_reset)
        window.installEventFilter(self)
        return window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """The kiosk window stays full screen. Qt drops the state, without a state-change event,
        whenever the window is resized (QWidget.resize clears it), e.g. when a longer text raises
        the layout's minimum size on a screen smaller than it; a window manager's keys can drop it
        too. Either way it is put back at once."""
        if (event.type() in (QEvent.WindowStateChange, QEvent.Resize) and watched is self.window
                and getattr(watched, "kiosk_locked", False) and not watched.isFullScreen()):
            QTimer.singleShot(0, watched, watched.showFullScreen)
        return False

    def confirm_reset(self) -> QMessageBox:
        """Ask before Reset empties the output folder (named); Cancel keeps everything."""
        window = self.window
        box = QMessageBox(QMessageBox.Question, QCoreApplication.translate("Kiosk", "Reset"),
                          QCoreApplication.translate(
                              "Kiosk", "Start again and delete everything in the folder '{0}'? "
                              "What was saved or trained there is removed.").format(
                                  self.policy.output_folder),
                          QMessageBox.Reset | QMessageBox.Cancel, window)
        box.setObjectName("kioskResetConfirm")
        box.setDefaultButton(QMessageBox.Cancel)
        box.setWindowModality(Qt.WindowModal)
        box.button(QMessageBox.Reset).clicked.connect(lambda _checked=False: self._reset_later())
        box.finished.connect(box.deleteLater)
        window.reset_confirmation = box
        box.open()
        return box

    def _reset_later(self) -> None:
        QTimer.singleShot(0, self, self.reset)  # after the dialog has closed

    def show(self) -> None:
        self.window.showFullScreen()
        # Again once shown: a window manager may place a replaced window before honouring it.
        QTimer.singleShot(0, self.window, self.window.showFullScreen)
        QTimer.singleShot(0, self.window.start)

    def reset(self) -> None:
        """Back to the start state; what the student saved or trained is removed."""
        old = self.window
        old.kiosk_locked = False  # the old window may close now
        old.runner.shutdown(timeout_ms=2000)
        self.policy.clear_output()
        confine_writes(self.policy)  # the cleared folders are made again
        self.window = self._new_window()
        self.show()
        old.close()
        old.deleteLater()
        self.window_replaced.emit(self.window)

    def close(self) -> None:
        """End the session (logging off, tests): the one way the kiosk window closes."""
        self.window.kiosk_locked = False
        self.window.close()


def lock_down(window, on_reset: Callable[[], None]) -> None:
    """No Quit action or shortcut, no closing (Alt+F4), no weight downloads, and a Reset
    button in the status bar."""
    window.kiosk_locked = True
    quit_action = getattr(window, "quit_action", None)
    if quit_action is not None:
        quit_action.setShortcut("")
        quit_action.setEnabled(False)
        quit_action.setVisible(False)
    window.layers.forbid_downloads(QCoreApplication.translate(
        "Kiosk", "Downloads are switched off on this classroom PC."))
    button = QPushButton(QCoreApplication.translate("Kiosk", "Reset"))
    button.setObjectName("kioskResetButton")
    button.setToolTip(QCoreApplication.translate(
        "Kiosk", "Start again: the bundled model, the sample photo, and nothing left from the "
        "previous student"))
    button.clicked.connect(lambda _checked=False: on_reset())
    window.statusBar().addPermanentWidget(button)
    window.kiosk_reset_button = button
