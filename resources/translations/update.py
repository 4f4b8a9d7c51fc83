"""Refresh neurolab's translations: ``python resources/translations/update.py``.

What it does, in order:

0. Core's sentences are :class:`neurolab.core.phrases.Phrase` templates in
   ``neurolab/core``, which lupdate does not read: every literal first argument of
   ``Phrase(...)`` and ``phrase_template(...)`` there is found (by parsing the
   source) and written to ``neurolab/gui/core_phrases.py`` as
   ``QT_TRANSLATE_NOOP("CorePhrases", ...)`` entries, where lupdate finds them.
1. ``pyside6-lupdate`` reads every ``self.tr(...)``, ``QCoreApplication.translate(...)``
   and ``QT_TRANSLATE_NOOP(...)`` in ``neurolab/gui`` and updates ``neurolab_cs.ts``
   and ``neurolab_en.ts``: new texts come in as unfinished, texts no longer in the
   code are dropped (``-no-obsolete``), and no line numbers are written
   (``-locations none``), so the files change only when the texts do.
2. The English file's new entries are finished with their source text (English
   is the source language; the file lets the Language menu pick English on a
   Czech desktop, and the window reads the list of texts from it).
3. ``pyside6-lrelease`` compiles both into the ``.qm`` files the window loads
   (they are committed and shipped in the wheel).

After adding or changing a visible string: run this script, translate the new
Czech entries (Qt Linguist: ``pyside6-linguist neurolab_cs.ts``, or by hand:
write the ``<translation>`` and remove ``type="unfinished"``), run it again to
compile, and commit the .ts and .qm files. ``tests/gui/test_translations.py``
fails while a text is missing from a translation or a .qm is out of date.

``--check`` changes nothing: it reports a stale ``core_phrases.py``, texts missing
from or no longer in the .ts files and .qm files that differ from a fresh compile;
exit status 1 if any.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ROOT / "neurolab" / "gui"
LANGUAGES = ("cs", "en")
CORE = ROOT / "neurolab" / "core"
CORE_PHRASES = SOURCES / "core_phrases.py"
CONTEXT = "CorePhrases"
#: The calls whose first argument is a template.
TEMPLATE_CALLS = ("Phrase", "phrase_template")


def ts_path(lang: str, folder: Path = HERE) -> Path:
    return folder / f"neurolab_{lang}.ts"


def _tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"update.py: {name} not found (pip install PySide6-Essentials)")
    return found


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _literals(node: ast.expr) -> list[str] | None:
    """The strings a template argument can be: a literal, or either branch of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def template_calls(root: Path = CORE) -> list[tuple[str, int, str, list[str] | None, ast.expr]]:
    """Every ``Phrase(...)``/``phrase_template(...)`` call under ``root``: (file, line, call's name,
    its literal templates or None when the argument is not literal, the argument)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        name = os.path.relpath(path, ROOT)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), name)):
            if isinstance(node, ast.Call) and _called(node) in TEMPLATE_CALLS and node.args:
                found.append((name, node.lineno, _called(node), _literals(node.args[0]), node.args[0]))
    return sorted(found, key=lambda call: call[:2])


def core_templates(root: Path = CORE) -> dict[str, list[str]]:
    """Every template core uses → the files that use it, in file order. Templates with no
    words (``""``, ``"{0}"``, ``", {0}"``) read the same in every language and are left out."""
    templates: dict[str, list[str]] = {}
    for name, _line, _call, literals, _arg in template_calls(root):
        for template in literals or []:
            if re.search(r"[^\W\d_]", re.sub(r"\{\d+\}", "", template)):
                files = templates.setdefault(template, [])
                if name not in files:
                    files.append(name)
    return templates


def core_phrases_source(root: Path = CORE) -> str:
    """The text of ``neurolab/gui/core_phrases.py``."""
    lines = ['"""Every template of a core Phrase, for pyside6-lupdate: generated, do not edit.',
             "",
             "resources/translations/update.py writes this file from the Phrase(...) and",
             "phrase_template(...) calls in neurolab/core (its --check fails when the file is out of",
             "date); gui/core_texts.py translates a phrase by its template in CONTEXT.",
             '"""',
             "# ruff: noqa: E501",
             "",
             "from PySide6.QtCore import QT_TRANSLATE_NOOP",
             "",
             f'CONTEXT = "{CONTEXT}"',
             "",
             "TEMPLATES = ("]
    last = None
    for template, files in core_templates(root).items():
        if files[0] != last:
            lines.append(f"    # {files[0]}")
            last = files[0]
        literal = template.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'    QT_TRANSLATE_NOOP("{CONTEXT}", "{literal}"),')
    return "\n".join(lines + [")", ""])


def write_core_phrases() -> bool:
    """Rewrite ``core_phrases.py`` from core's source; True when it changed."""
    text = core_phrases_source()
    if CORE_PHRASES.is_file() and CORE_PHRASES.read_text(encoding="utf-8") == text:
        return False
    CORE_PHRASES.write_text(text, encoding="utf-8")
    return True


def lupdate(folder: Path = HERE) -> None:
    """Update ``neurolab_<lang>.ts`` in ``folder`` from the sources."""
    targets = [str(ts_path(lang, folder)) for lang in LANGUAGES]
    subprocess.run([_tool("pyside6-lupdate"), *source_files(), "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-ts", *targets],
                   cwd=ROOT, check=True, capture_output=True, text=True)
    finish_english(ts_path("en", folder))


_UNFINISHED_EN = re.compile(
    r"(<source>(?P<source>[^<]*)</source>(?:(?!</message>).)*?)<translation type=\"unfinished\">[^<]*</translation>",
    re.S)


def finish_english(path: Path) -> None:
    """English is the source language: every unfinished entry says its source text."""
    text = path.read_text(encoding="utf-8")
    filled = _UNFINISHED_EN.sub(lambda m: f"{m.group(1)}<translation>{m.group('source')}</translation>", text)
    if filled != text:
        path.write_text(filled, encoding="utf-8")


def lrelease(folder: Path = HERE, out: Path = HERE) -> list[Path]:
    """Compile ``folder``'s .ts files into ``out``'s .qm files."""
    written = []
    for lang in LANGUAGES:
        qm = out / f"neurolab_{lang}.qm"
        subprocess.run([_tool("pyside6-lrelease"), str(ts_path(lang, folder)), "-qm", str(qm)],
                       check=True, capture_output=True, text=True)
        written.append(qm)
    return written


def messages(path: Path) -> set[tuple[str, str]]:
    """The (context, source) pairs of a .ts file."""
    root = ET.parse(path).getroot()
    return {(context.findtext("name", ""), message.findtext("source", ""))
            for context in root.iter("context") for message in context.iter("message")}


def check() -> list[str]:
    """What is out of date, as sentences (nothing: all up to date)."""
    problems = []
    if not CORE_PHRASES.is_file() or CORE_PHRASES.read_text(encoding="utf-8") != core_phrases_source():
        problems.append(f"{CORE_PHRASES.relative_to(ROOT)} is out of date with neurolab/core's phrases "
                        "(run update.py)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for lang in LANGUAGES:
            shutil.copy(ts_path(lang), ts_path(lang, tmp_path))
        lupdate(tmp_path)
        for lang in LANGUAGES:
            old, new = messages(ts_path(lang)), messages(ts_path(lang, tmp_path))
            problems += [f"neurolab_{lang}.ts lacks [{c}] {s!r}" for c, s in sorted(new - old)]
            problems += [f"neurolab_{lang}.ts still has [{c}] {s!r}, gone from the code"
                         for c, s in sorted(old - new)]
        for qm in lrelease(HERE, tmp_path):
            committed = HERE / qm.name
            if not committed.is_file() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{qm.name} is not compiled from the current .ts (run update.py)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report what is out of date; change nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    if write_core_phrases():
        print(f"{CORE_PHRASES.relative_to(ROOT)}: rewritten from neurolab/core's phrases")
    lupdate()
    lrelease()
    for lang in LANGUAGES:
        root = ET.parse(ts_path(lang)).getroot()
        todo = sum(1 for t in root.iter("translation") if t.get("type") == "unfinished")
        total = sum(1 for _ in root.iter("message"))
        print(f"neurolab_{lang}.ts: {total} messages, {todo} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
