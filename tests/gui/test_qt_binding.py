"""The Qt binding itself: a long classroom session must not wear out Python's None.

PySide6 6.12.0 drops one reference to ``None`` on every call of a static
function returning void (``processEvents``, ``QTest.qWait``,
``sendPostedEvents``); on Python 3.11, where ``None`` is an ordinary object,
the process aborts with "deallocating None" after a few thousand calls.
pyproject excludes that release; this test catches any binding that does it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest


def test_static_qt_calls_keep_none_alive(qapp):
    calls = {"processEvents": qapp.processEvents,
             "sendPostedEvents": QCoreApplication.sendPostedEvents,
             "qWait": lambda: QTest.qWait(0)}
    for name, call in calls.items():
        before = sys.getrefcount(None)
        for _ in range(200):
            call()
        lost = before - sys.getrefcount(None)
        assert lost < 50, f"{name} loses a reference to None per call (lost {lost} in 200 calls)"
