"""The one-way arrows: core never imports Qt; importing the package stays cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_core_imports_no_qt_in_a_fresh_process():
    code = ("import sys, neurolab.core.inspection.activations, neurolab.core.models.catalog, "
            "neurolab.core.inspection.analysis, neurolab.core.inspection.mosaic, neurolab.core.images, "
            "neurolab.core.workspace, neurolab.cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.slow
def test_window_modules_do_not_import_tensorflow():
    code = ("import sys, neurolab.gui.app, neurolab.gui.main_window; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('tensorflow', 'keras')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
