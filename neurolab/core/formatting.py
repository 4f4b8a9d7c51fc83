"""Text for shapes, learnables and durations, shared by the widgets and the command line."""

from __future__ import annotations

import math


def format_dims(dims) -> str:
    """[113, 113, 64] → '113×113×64' (unknown sizes as '?', nothing as '–')."""
    if dims is None or len(dims) == 0:
        return "–"
    return "×".join("?" if d is None else str(d) for d in dims)


def format_learnables(learnables: dict) -> str:
    """{'Weights': [3, 3, 3, 64], 'Bias': [1, 1, 64]} → 'Weights 3×3×3×64, Bias 1×1×64'."""
    return ", ".join(f"{name} {format_dims(shape)}" for name, shape in learnables.items()) or "–"


def format_duration(seconds) -> str:
    """12.4 → '12 s', 75 → '1 min 15 s', 3725 → '1 h 02 min'; unknown (None, NaN) → '–'."""
    if seconds is None or not math.isfinite(seconds):
        return "–"
    seconds = max(0, int(round(seconds)))
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def fit_text(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, its end shown as '…' when cut (a table's column)."""
    text = str(text)
    return text if len(text) <= width else text[:max(0, width - 1)] + "…"


def text_table(rows: list[list[str]], caps: list[int]) -> list[str]:
    """Rows of cells as aligned lines: each column as wide as its widest cell, at most its cap
    (longer cells end in '…'); the last column is left whole (it ends the line)."""
    widths = [min(cap, max((len(str(row[i])) for row in rows), default=0)) for i, cap in enumerate(caps)]
    lines = []
    for row in rows:
        cells = [fit_text(cell, width).ljust(width) for cell, width in zip(row, widths)]
        lines.append("  ".join(cells + [str(c) for c in row[len(widths):]]).rstrip())
    return lines


def first_words(text: str, limit: int = 200) -> str:
    """Someone else's message, short and never cut mid-word: its first line when that fits in
    ``limit`` characters, else its first sentence when that fits, else the words that fit + "…"."""
    lines = str(text).strip().splitlines()
    line = lines[0].strip() if lines else ""
    if len(line) <= limit:
        return line
    sentence = line.split(". ", 1)[0]
    if len(sentence) < len(line) and len(sentence) <= limit:
        return sentence
    space = line.rfind(" ", 0, limit + 1)
    if space <= 0:  # one word longer than the limit (a path): up to its end, if that is near
        space = line.find(" ", limit)
        space = space if 0 < space <= 2 * limit else limit
    return line[:space].rstrip(" ,;:([{") + "…"
