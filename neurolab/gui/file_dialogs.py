"""Every file dialog of the window, so kiosk mode can confine them in one place.

Outside kiosk mode these are Qt's usual dialogs. In kiosk mode the dialog is
Qt's own (not the desktop's, which could browse anywhere), starts in the
class folder, will not leave it, and a path outside it is refused with a
sentence. The filters for images and models list what core reads
(``core.images.SUPPORTED_FORMATS``, ``core.models.MODEL_FILE_SUFFIXES``), so a
format core learns appears in every dialog without a copy here.
"""

from __future__ import annotations

import os
from functools import lru_cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from neurolab.core.errors import BadInputError
from neurolab.core.kiosk import KioskPolicy
from neurolab.gui.core_texts import error_text

_policy = KioskPolicy()


def set_policy(policy: KioskPolicy) -> None:
    global _policy
    _policy = policy


def policy() -> KioskPolicy:
    return _policy


@lru_cache(maxsize=1)
def image_suffixes() -> tuple[str, ...]:
    """The file name endings of the image formats core reads ('.png', '.jpg', ...), in the
    order of ``core.images.SUPPORTED_FORMATS``."""
    from PIL import Image

    from neurolab.core.images import SUPPORTED_FORMATS

    registered = Image.registered_extensions()  # '.jpg' -> 'JPEG', for every plugin Pillow has
    return tuple(suffix for name in SUPPORTED_FORMATS
                 for suffix, fmt in registered.items() if fmt == name)


def _patterns(suffixes) -> str:
    return " ".join(f"*{suffix}" for suffix in suffixes)


def image_filter() -> str:
    """'Images (*.png *.jpg ...)' in the window's language: every format core reads."""
    return QCoreApplication.translate("FileDialogs", "Images ({0})").format(
        _patterns(image_suffixes()))


def model_filter() -> str:
    """'Keras models (*.keras *.h5 *.hdf5)' in the window's language."""
    from neurolab.core.models.catalog import MODEL_FILE_SUFFIXES

    return QCoreApplication.translate("FileDialogs", "Keras models ({0})").format(
        _patterns(MODEL_FILE_SUFFIXES))


def open_file(parent: QWidget, title: str, filters: str, start: str = "") -> str:
    """A file to read, or "" when cancelled or refused."""
    if not _policy.enabled:
        return QFileDialog.getOpenFileName(parent, title, start, filters)[0]
    dialog = confined_dialog(parent, title, filters, QFileDialog.AcceptOpen, str(_policy.folder))
    return _checked(parent, dialog, _policy.check_read)


def save_file(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    """A file to write, or "" when cancelled or refused."""
    if not _policy.enabled:
        return QFileDialog.getSaveFileName(parent, title, suggested, filters)[0]
    start = os.path.join(str(_policy.output_folder), os.path.basename(suggested))
    dialog = confined_dialog(parent, title, filters, QFileDialog.AcceptSave, start)
    return _checked(parent, dialog, _policy.check_write)


def existing_folder(parent: QWidget, title: str) -> str:
    """A folder to read from, or "" when cancelled or refused."""
    if not _policy.enabled:
        return QFileDialog.getExistingDirectory(parent, title)
    dialog = confined_dialog(parent, title, "", QFileDialog.AcceptOpen, str(_policy.folder))
    dialog.setFileMode(QFileDialog.Directory)
    dialog.setOption(QFileDialog.ShowDirsOnly, True)
    return _checked(parent, dialog, _policy.check_read)


def confined_dialog(parent: QWidget, title: str, filters: str, mode, start: str) -> QFileDialog:
    """Qt's dialog in ``start`` that steps back whenever it is led out of the allowed folders."""
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    home = os.path.dirname(start) if mode == QFileDialog.AcceptSave else start
    allowed = _policy.may_write if mode == QFileDialog.AcceptSave else _policy.may_read

    def stay_inside(folder: str) -> None:
        if not allowed(folder):
            dialog.setDirectory(home)

    dialog.directoryEntered.connect(stay_inside)
    dialog.setSidebarUrls([])  # no shortcuts to the rest of the disk
    return dialog


def _checked(parent: QWidget, dialog: QFileDialog, check) -> str:
    if not dialog.exec():
        return ""
    chosen = dialog.selectedFiles()
    path = chosen[0] if chosen else ""
    try:
        check(path)
    except BadInputError as exc:
        QMessageBox.warning(parent, dialog.windowTitle(), error_text(exc))
        return ""
    return path
