"""Core's sentences reach a Czech window by their template, never by reading English back.

Every template core writes is found in its source (``update.py``'s extractor, the same one
that writes ``gui/core_phrases.py`` for lupdate) and must have a Czech translation with the
same placeholders; core never hands the window a sentence without its template; and a core
sentence — reworded, or new and untranslated — goes through a real window as a person sees
it: Czech when its template is translated, the English sentence otherwise, and the coverage
check names the template that lacks its translation.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from neurolab.assets import resource_path
from neurolab.core import errors
from neurolab.core.phrases import Phrase

TRANSLATIONS = resource_path("translations")
PLACEHOLDER = re.compile(r"\{(\d+)\}")


def _update_script():
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _czech_core_phrases() -> dict[str, ET.Element]:
    """Source → <translation> of the Czech file's core phrases."""
    context = _update_script().CONTEXT
    root = ET.parse(TRANSLATIONS / "neurolab_cs.ts").getroot()
    return {message.findtext("source"): message.find("translation")
            for ctx in root.iter("context") if ctx.findtext("name") == context
            for message in ctx.iter("message")}


def untranslated(templates: dict[str, list[str]]) -> list[str]:
    """Each template (→ the files using it) without a finished Czech translation that has its
    placeholders, as a line naming the template, the files and what is wrong."""
    czech = _czech_core_phrases()
    problems = []
    for template, files in templates.items():
        translation = czech.get(template)
        where = f"{template!r} ({', '.join(files)})"
        if translation is None:
            problems.append(f"{where}: not in neurolab_cs.ts (run resources/translations/update.py)")
        elif translation.get("type") is not None or not (translation.text or "").strip():
            problems.append(f"{where}: not translated ({translation.get('type') or 'empty'})")
        elif set(PLACEHOLDER.findall(template)) != set(PLACEHOLDER.findall(translation.text)):
            problems.append(f"{where}: the translation {translation.text!r} has other placeholders")
    return problems


# --- the templates in core's source ----------------------------------------------------------

def test_every_template_core_uses_has_a_czech_translation():
    templates = _update_script().core_templates()
    assert len(templates) > 200  # errors, notices, stages, layer descriptions
    assert "{0} was not found." in templates and "attacking" in templates
    problems = untranslated(templates)
    assert not problems, "core sentences the Czech window would show in English:\n" + "\n".join(problems)


def test_the_generated_list_for_lupdate_is_current():
    script = _update_script()
    assert script.CORE_PHRASES.read_text(encoding="utf-8") == script.core_phrases_source(), (
        "run resources/translations/update.py: neurolab/gui/core_phrases.py is out of date")


def test_templates_are_literal_so_the_extractor_finds_them():
    """A template built at run time (f-string, +, format) would never reach the .ts file. A
    name or a table lookup is allowed: the table's literals are marked with phrase_template."""
    built = [f"{name}:{line}: {ast.unparse(arg)}" for name, line, _call, literals, arg
             in _update_script().template_calls()
             if literals is None and not isinstance(arg, (ast.Name, ast.Subscript, ast.Attribute))]
    assert not built, "templates built at run time:\n" + "\n".join(built)


def _error_names() -> set[str]:
    found, pending = set(), [errors.NeurolabError]
    while pending:
        cls = pending.pop()
        found.add(cls.__name__)
        pending += cls.__subclasses__()
    return found


def test_core_errors_and_stages_carry_their_phrase():
    """Every error core makes, and every stage it yields, is given a Phrase (or a value that
    holds one), never a str literal or text put together from pieces."""
    script = _update_script()
    names = _error_names()
    problems = []
    for path in sorted(script.CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id in names and node.args:
                argument = node.args[0]
            elif node.func.id == "Progress":
                stage = [k.value for k in node.keywords if k.arg == "stage"]
                argument = node.args[2] if len(node.args) > 2 else (stage[0] if stage else None)
            else:
                continue
            if isinstance(argument, (ast.Constant, ast.JoinedStr, ast.BinOp)) or (
                    isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute)
                    and argument.func.attr == "format"):
                problems.append(f"{path.relative_to(script.ROOT)}:{node.lineno}: {ast.unparse(node)[:100]}")
    assert not problems, "sentences without their template:\n" + "\n".join(problems)


# --- through a real window -------------------------------------------------------------------

@pytest.fixture
def photo(tmp_path):
    from neurolab.core.images import save_image

    path = tmp_path / "kočka.png"
    save_image(np.full((8, 8, 3), 200, np.uint8), path)
    return path


def _error_bar_after_opening(qtbot, monkeypatch, path) -> tuple[object, str]:
    """File ▸ Open image… picks ``path`` (the file dialog answers it): the window and the
    sentence its error bar shows."""
    from neurolab.gui.app import create_window

    window = create_window()  # not started: opening an image needs no model
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), "")))
    menu_text = QCoreApplication.translate("MainWindow", "Open &image…")
    action = next(a for a in window.findChildren(QAction) if a.text() == menu_text)
    action.trigger()
    qtbot.waitUntil(window.error_bar.isVisible, timeout=30_000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    return window, window.error_bar.text()


def _refuse_every_image(monkeypatch, template: str, *values) -> None:
    """Core's image check refuses any picture with ``template`` ({0}: the file, then ``values``)."""
    from neurolab.core import images

    def refuse(size, label, max_pixels):
        raise errors.ImageError(Phrase(template, (label, *values)))

    monkeypatch.setattr(images, "_check_size", refuse)


def test_a_reworded_core_sentence_with_a_translated_template_is_czech(qtbot, czech, monkeypatch, photo):
    """Core says another of its sentences here (a reason nested in it): the Czech window shows
    it by template, the path kept; switching to English shows the command line's sentence,
    rendered again from the phrase, and back."""
    _refuse_every_image(monkeypatch, "{0} cannot be opened ({1}).", Phrase("permission denied"))
    window, text = _error_bar_after_opening(qtbot, monkeypatch, photo)
    try:
        assert text == f"Soubor '{photo}' nelze otevřít (přístup odepřen)."
        actions = {action.data(): action for action in window.language_actions.actions()}
        actions["en"].trigger()
        assert window.error_bar.text() == f"'{photo}' cannot be opened (permission denied)."
        actions["cs"].trigger()
        assert window.error_bar.text() == text
    finally:
        window.close()


def test_an_untranslated_core_sentence_shows_in_english_and_the_coverage_check_names_it(
        qtbot, czech, monkeypatch, photo, tmp_path):
    new = "{0} is a picture neurolab has never seen."
    _refuse_every_image(monkeypatch, new)
    window, text = _error_bar_after_opening(qtbot, monkeypatch, photo)
    window.close()
    assert text == f"'{photo}' is a picture neurolab has never seen."  # the English sentence, no crash

    core = tmp_path / "core"
    core.mkdir()
    (core / "reworded.py").write_text("from neurolab.core.phrases import Phrase\n\n"
                                      f"def refuse(label):\n    return Phrase({new!r}, (label,))\n")
    templates = _update_script().core_templates(core)
    assert list(templates) == [new]
    problems = untranslated(templates)
    assert len(problems) == 1 and new in problems[0] and "reworded.py" in problems[0], problems
