"""The window with its precision in the status bar and Model ▸ Precision open (issue #20), en and cs.

Run from the repository root: ``QT_QPA_PLATFORM=offscreen python docs/precision/render_shots.py
[OUT_FOLDER]`` (default docs/precision). The window is rendered at 1366×768 on the bundled model
with the precision set to bfloat16 from the menu, as a user would; an open menu is a window of its
own, so the Model menu and its Precision submenu are grabbed and painted where they open.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def render(out: Path) -> list[str]:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QMenu

    from neurolab.gui.app import application
    from neurolab.gui.language import install_translator, remove_translators
    from neurolab.gui.screenshot import _open_window, _private_folders, _wait_until_idle

    app = application()
    written = []
    for code in ("en", "cs"):
        install_translator(app, code)
        try:
            with _private_folders():
                window = _open_window(app, None, None, (1366, 768))
                window.precision_menu.actions_by_choice["bfloat16"].trigger()
                _wait_until_idle(window, app)
                model_menu = window.findChild(QMenu, "modelMenu")
                bar = window.menuBar()
                corner = bar.mapTo(window, bar.actionGeometry(model_menu.menuAction()).bottomLeft())
                model_menu.popup(window.mapToGlobal(corner))
                model_menu.setActiveAction(window.precision_menu.menuAction())
                item = model_menu.actionGeometry(window.precision_menu.menuAction())
                sub_corner = corner + QPoint(model_menu.width() - 4, item.top())
                window.precision_menu.popup(window.mapToGlobal(sub_corner))
                for _ in range(5):
                    QApplication.processEvents()
                picture = window.grab()
                painter = QPainter(picture)
                painter.drawPixmap(corner, model_menu.grab())
                painter.drawPixmap(sub_corner, window.precision_menu.grab())
                painter.end()
                path = out / f"{code}-1366x768-precision-menu.png"
                picture.save(str(path))
                written.append(str(path))
                window.precision_menu.hide()
                model_menu.hide()
                window.close()
        finally:
            remove_translators(app)
    return written


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "precision"
    folder.mkdir(parents=True, exist_ok=True)
    print("\n".join(render(folder)))
