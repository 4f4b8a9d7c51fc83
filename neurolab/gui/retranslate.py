"""Switching the language of a live window: every text shown is translated again.

Widgets built in code keep the strings they were given, so installing another
translator changes nothing on screen by itself (Designer forms have
``retranslateUi`` for that). Rebuilding the window instead would drop the
model, the images, the settings typed in and any training in progress. So the
texts are mapped back: each text on screen is looked up among the previous
language's translations of the sources in the .ts file (in the contexts of the
widget and its parents first), and replaced by the new translation. Texts that
are not neurolab's (file names, class names, layer names) match nothing and stay.
Widgets with texts no lookup can reverse (the layer tree, composed sentences)
implement ``retranslate_ui()``, called after.

Core's sentences (errors, stages, notices) are never read back: the text on
screen is looked up among those ``core_texts.phrase_text`` rendered, and its
phrase is rendered again. Only the window's own ``tr()`` templates ("Model: {0}")
are still matched as patterns, their values translated in turn: a widget keeps
no record of the values it filled in, so until each widget re-renders its own
texts (``retranslate_ui``) the pattern is the only way back to them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from neurolab.assets import resource_path
from neurolab.gui.core_phrases import CONTEXT as CORE_PHRASES
from neurolab.gui.core_texts import phrase_text, rendered_phrase

#: Contexts never looked up here: re-rendered by their widgets (retranslate_ui), or core's
#: phrases and the outside texts inside them (rendered again from their phrase).
RENDERED_CONTEXTS = {"LayerTypes", "Learnables", CORE_PHRASES, "OutsideTexts"}
_PLACEHOLDER = re.compile(r"\{(\d+)(?::[^{}]*)?\}")


@lru_cache(maxsize=None)
def source_messages() -> tuple[tuple[str, str, str | None], ...]:
    """Every (context, source text, disambiguation) of the translations, from ``neurolab_en.ts``."""
    path = resource_path("translations", "neurolab_en.ts")
    if not path.is_file():
        return ()
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            messages.append((name, message.findtext("source", ""), message.findtext("comment")))
    return tuple(messages)


@dataclass
class TextSlot:
    """One text on screen: where it is, how to read and replace it, whose tr() made it."""

    owner: object
    what: str
    get: Callable[[], str]
    set: Callable[[str], None]
    contexts: tuple[str, ...]


def _class_contexts(obj) -> list[str]:
    return [cls.__name__ for cls in type(obj).__mro__
            if not cls.__module__.startswith(("PySide6", "Shiboken", "shiboken6", "builtins"))]


def _contexts(widget) -> tuple[str, ...]:
    """The class names of the object and its parents: the tr() contexts its texts came from."""
    names: list[str] = []
    obj = widget
    while obj is not None:
        for name in _class_contexts(obj):
            if name not in names:
                names.append(name)
        obj = obj.parent()
    return tuple(names)


def text_slots(roots) -> Iterator[TextSlot]:
    """Every text of ``roots`` and their children: labels, buttons, titles, tabs, menus,
    actions, combo items, spin box affixes, placeholders, tooltips, accessible names."""
    seen: set[int] = set()
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if id(widget) in seen:
                continue
            seen.add(id(widget))
            yield from _widget_slots(widget)
        for action in root.findChildren(QAction):
            if id(action) not in seen and action.menu() is None:
                seen.add(id(action))
                yield from _action_slots(action)


def _widget_slots(w: QWidget) -> Iterator[TextSlot]:
    ctx = _contexts(w)

    def slot(what, get, set_):
        return TextSlot(w, what, get, set_, ctx)

    yield slot("toolTip", w.toolTip, w.setToolTip)
    yield slot("statusTip", w.statusTip, w.setStatusTip)
    yield slot("whatsThis", w.whatsThis, w.setWhatsThis)
    yield slot("accessibleName", w.accessibleName, w.setAccessibleName)
    yield slot("accessibleDescription", w.accessibleDescription, w.setAccessibleDescription)
    if w.isWindow() or type(w).__name__ == "QDockWidget":
        yield slot("windowTitle", w.windowTitle, w.setWindowTitle)
    if isinstance(w, QLabel):
        yield slot("text", w.text, w.setText)
    elif isinstance(w, QAbstractButton):
        yield slot("text", w.text, lambda text: _set_button_text(w, text))
    elif isinstance(w, QGroupBox):
        yield slot("title", w.title, w.setTitle)
    elif isinstance(w, QMenu):
        yield slot("title", w.title, w.setTitle)
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield slot(f"tab {i}", lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t))
            yield slot(f"tab tip {i}", lambda i=i: w.tabToolTip(i), lambda t, i=i: w.setTabToolTip(i, t))
    elif isinstance(w, QComboBox) and not w.isEditable():  # editable ones list the model's classes
        for i in range(w.count()):
            yield slot(f"item {i}", lambda i=i: w.itemText(i), lambda t, i=i: w.setItemText(i, t))
    elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
        yield slot("prefix", w.prefix, w.setPrefix)
        yield slot("suffix", w.suffix, w.setSuffix)
    if isinstance(w, QAbstractSpinBox):
        yield slot("specialValueText", w.specialValueText, w.setSpecialValueText)
    elif isinstance(w, QLineEdit) and not isinstance(w.parent(), QComboBox):
        yield slot("placeholderText", w.placeholderText, w.setPlaceholderText)
    if hasattr(w, "placeholder") and hasattr(w, "set_placeholder"):  # ImageView
        yield slot("placeholder", w.placeholder, w.set_placeholder)
    if hasattr(w, "text_slots"):  # widgets drawing their own words (CurvePlot)
        for what, get, set_ in w.text_slots():
            yield slot(what, get, set_)


def _set_button_text(button: QAbstractButton, text: str) -> None:
    """setText keeping a shortcut set with setShortcut (Ctrl+Enter on Start): Qt's setText
    replaces a button's shortcut with the new text's mnemonic, even when it has none."""
    from PySide6.QtGui import QKeySequence

    shortcut = button.shortcut()
    explicit = not shortcut.isEmpty() and shortcut != QKeySequence.mnemonic(button.text())
    button.setText(text)
    if explicit:
        button.setShortcut(shortcut)


def _action_slots(action) -> Iterator[TextSlot]:
    ctx = _contexts(action)
    yield TextSlot(action, "text", action.text, action.setText, ctx)
    yield TextSlot(action, "statusTip", action.statusTip, action.setStatusTip, ctx)


class _Lookup:
    """Old-language texts → their (context, source), exact and as patterns."""

    def __init__(self, old: QTranslator | None):
        self.exact: dict[str, list[tuple[str, str, str | None]]] = {}
        self.patterns: list[tuple[re.Pattern, int, tuple[str, str, str | None]]] = []
        for message in source_messages():
            context, source, _comment = message
            if context in RENDERED_CONTEXTS or not source.strip():
                continue
            shown = (old.translate(*message) if old is not None else "") or source
            self.exact.setdefault(shown, []).append(message)
            if _PLACEHOLDER.search(shown):
                literal = len(_PLACEHOLDER.sub("", shown))
                self.patterns.append((_pattern(shown), literal, message))
        self.patterns.sort(key=lambda p: -p[1])  # the most specific pattern first

    def translate(self, text: str, contexts: tuple[str, ...], depth: int = 0) -> str | None:
        """``text`` in the new language, or None when it is none of neurolab's texts."""
        if not text or depth > 3:
            return None
        phrase = rendered_phrase(text)
        if phrase is not None:
            return phrase_text(phrase)
        candidates = self.exact.get(text)
        if candidates:
            chosen = _prefer(candidates, contexts)
            if chosen is not None:
                return QCoreApplication.translate(*chosen)
        for pattern, _literal, message in self.patterns:
            if message[0] not in contexts and not _unique_everywhere(message[1], self.patterns):
                continue
            match = pattern.fullmatch(text)
            if match is None:
                continue
            values = {int(k[1:]): self.translate(v, contexts, depth + 1) or v
                      for k, v in match.groupdict().items()}
            new = QCoreApplication.translate(*message)
            try:
                return _PLACEHOLDER.sub(lambda m, values=values: values[int(m.group(1))], new)
            except KeyError:
                return None
        return None


def _prefer(candidates: list[tuple[str, str]], contexts: tuple[str, ...]):
    """The candidate from the nearest context; elsewhere only when all agree on one translation."""
    for context in contexts:
        for candidate in candidates:
            if candidate[0] == context:
                return candidate
    translations = {QCoreApplication.translate(*c) for c in candidates}
    return candidates[0] if len(translations) == 1 else None


def _unique_everywhere(source: str, patterns) -> bool:
    return sum(1 for p in patterns if p[2][1] == source) == 1


def _pattern(template: str) -> re.Pattern:
    parts, seen, last = [], set(), 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last:match.start()]))
        index = match.group(1)
        parts.append(f"(?P=g{index})" if index in seen else f"(?P<g{index}>.+?)")
        seen.add(index)
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.S)


def retranslate(roots, old: QTranslator | None) -> int:
    """Translate every text of ``roots`` from ``old``'s language to the installed one.

    ``old`` is the translator that was installed before (None: the English sources).
    Returns how many texts changed.
    """
    lookup = _Lookup(old)
    changed = 0
    for slot in list(text_slots(roots)):
        text = slot.get()
        new = lookup.translate(text, slot.contexts)
        if new is not None and new != text:
            slot.set(new)
            changed += 1
    hooked: set[int] = set()
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            hook = getattr(widget, "retranslate_ui", None)
            if callable(hook) and id(widget) not in hooked:
                hooked.add(id(widget))
                hook()
    return changed
