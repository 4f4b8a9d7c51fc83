"""Durations as a student reads them in a status line."""

from __future__ import annotations

import math

from neurolab.core.formatting import format_duration


def test_format_duration():
    assert format_duration(12.4) == "12 s"
    assert format_duration(75) == "1 min 15 s"
    assert format_duration(3725) == "1 h 02 min"
    assert format_duration(-3) == "0 s"
    assert format_duration(None) == "–" and format_duration(math.nan) == "–"
