"""Shapes and durations as a student reads them in the table and the status line."""

from __future__ import annotations

import math

from neurolab.core.formatting import format_dims, format_duration


def test_format_duration():
    assert format_duration(12.4) == "12 s"
    assert format_duration(75) == "1 min 15 s"
    assert format_duration(3725) == "1 h 02 min"
    assert format_duration(-3) == "0 s"
    assert format_duration(None) == "–" and format_duration(math.nan) == "–"


def test_format_dims():
    assert format_dims([113, 113, 64]) == "113×113×64"
    assert format_dims([None, None, 3]) == "?×?×3"
    assert format_dims([]) == "–" and format_dims(None) == "–"
