"""The language the window speaks: the translations there are, and which one is installed.

Its own module because nearly every gui module asks it (numbers in the window's
language, spin boxes, the mosaic's tile numbers) while it asks none of them, so
asking it never pulls the window in.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from neurolab.assets import resource_path

#: The languages neurolab is translated into, each by its own name (the Language menu).
LANGUAGES = {"cs": "Čeština", "en": "English"}

_translators: list[QTranslator] = []  # installed now: neurolab's first, then Qt's own
_language = {"code": "en", "explicit": False}


def system_language() -> str:
    """The desktop's language code ("cs", "en", ...)."""
    return QLocale.system().name().split("_")[0]


def current_language() -> str:
    """The language the window speaks now ("en" when there is no translation)."""
    return _language["code"]


def neurolab_translator() -> QTranslator | None:
    """neurolab's installed translator (None while the window speaks the English sources)."""
    return next((t for t in _translators if t.objectName() == "neurolab"), None)


def remove_translators(app: QApplication) -> None:
    """Back to the English sources (and the system language for the next window)."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    _language.update(code="en", explicit=False)


def install_translator(app: QApplication, lang: str | None) -> QTranslator | None:
    """Load ``resources/translations/neurolab_<lang>.qm``; the system language by default.

    Replaces the translators installed before, and adds Qt's own ``qtbase_<lang>``
    (the buttons of file dialogs and message boxes). Returns neurolab's translator,
    or None when there is none for the language (the window is then English).
    An explicit ``lang`` (``--lang``, the Language menu) wins over the stored choice.
    """
    remove_translators(app)
    code = lang or system_language()
    translator = QTranslator(app)
    translator.setObjectName("neurolab")
    found = translator.load(f"neurolab_{code}", str(resource_path("translations")))
    if found:
        app.installTranslator(translator)
        _translators.append(translator)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt)
            _translators.append(qt)
    _language.update(code=code if found else "en", explicit=lang is not None)
    return translator if found else None


def apply_stored_language(app: QApplication, settings: QSettings) -> None:
    """The language chosen in the Language menu, unless ``--lang`` chose one for this run."""
    stored = settings.value("language", "", str)
    if stored and not _language["explicit"]:
        install_translator(app, stored)
