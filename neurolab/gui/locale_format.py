"""Numbers in the window's language: '77%' and '0.52' in English, '77 %' and '0,52' in Czech.

Python's ``{:.0%}`` always writes English; every number a person reads in the
window goes through here instead, so a Czech window says "ze 77 %".
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from neurolab.gui.language import current_language


def _locale() -> QLocale:
    return QLocale(current_language())


def number(value: float, decimals: int = 0) -> str:
    """``value`` with ``decimals`` places and the language's decimal mark and digit grouping."""
    return _locale().toString(float(value), "f", decimals)


def integer(value: int) -> str:
    """99402 → '99,402' (English), '99 402' (Czech)."""
    return _locale().toString(int(value))


def percent(fraction: float, decimals: int = 0) -> str:
    """0.774 → '77%' (English), '77 %' (Czech: a no-break space before the sign)."""
    text = number(100.0 * float(fraction), decimals)
    return f"{text}\u00a0%" if current_language() == "cs" else f"{text}%"
