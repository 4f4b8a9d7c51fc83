"""The tab contract: a tab is a new file plus one line in ``gui.tabs.TABS``, and nothing outside a
tab reaches into it.

A throw-away tab, written as a new tab would be (``gui/tabs/base.Tab``), is added to the list
and must come out everywhere the list is used: a tab with its View action and the next
Ctrl+N, its title said again after a language switch, its settings saved and read back (and
not taken for a damaged settings file), its sentences on the error and status bars, and its
picture from the screenshot verb after its default job ended.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QSpinBox, QVBoxLayout, QWidget

from neurolab.core.jobs import Progress
from neurolab.gui import tabs as tab_list
from neurolab.gui.language import current_language
from neurolab.gui.tabs.activations import ActivationsTab
from neurolab.gui.tabs.base import Tab

GUI = Path(__file__).resolve().parents[2] / "neurolab" / "gui"
#: The modules that use tabs from outside: they may call a tab's verbs, never its innards.
OUTSIDE_TABS = ("main_window.py", "lab_panel.py", "screenshot.py")


def _count_job(steps: int):
    for step in range(steps):
        yield Progress(step + 1, steps, "counting")
    return steps


class ThrowawayTab(Tab):
    """What a new tab writes: a title, its widgets, its settings, its default job."""

    key = "throwaway"
    settings_keys = frozenset({"throwaway_count"})
    jobs_done: list[int] = []  # every instance's finished default jobs (the screenshot's window)

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.count = QSpinBox()
        self.count.setRange(0, 99)
        self.note = QLabel()
        self.retranslated = 0
        column = QVBoxLayout(self)
        column.addWidget(self.count)
        column.addWidget(self.note)

    def tab_title(self) -> str:  # a real tab says self.tr("..."); this one has no .ts entry
        return "Pokus" if current_language() == "cs" else "Throwaway"

    def retranslate_ui(self) -> None:
        self.retranslated += 1

    def save_state(self, settings) -> None:
        settings.setValue("throwaway_count", self.count.value())

    def restore_state(self, settings) -> None:
        self.count.setValue(settings.value("throwaway_count", 0, int))

    def run_default_job(self) -> None:
        handle = self.runner.submit("throwaway", lambda: _count_job(3))
        handle.succeeded.connect(self._on_counted)

    def _on_counted(self, steps: int) -> None:
        self.note.setText(f"{steps} steps")
        ThrowawayTab.jobs_done.append(steps)


def _view_actions(window) -> dict[str, object]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and
                a.menu().title() == window.tr("&View"))
    return {action.shortcut().toString(): action for action in menu.actions()
            if not action.shortcut().isEmpty()}


@pytest.fixture
def with_throwaway(monkeypatch):
    """The throw-away tab is the list's last line."""
    monkeypatch.setattr(tab_list, "TABS", (*tab_list.TABS, ThrowawayTab))
    return len(tab_list.TABS)


def test_a_new_tab_is_one_line_in_the_list(qtbot, with_throwaway, english):
    from neurolab.gui.app import open_settings
    from tests.gui.qt_helpers import started_window

    number = with_throwaway
    window = started_window(qtbot)
    tab = window.tab(ThrowawayTab)
    assert window.tab_list()[-1] is tab and window.tabs.count() == number
    assert window.tabs.tabText(number - 1) == "Throwaway"

    action = _view_actions(window)[f"Ctrl+{number}"]  # the next Ctrl+N, in the View menu
    assert action.text() == "Throwaway"
    action.trigger()
    assert window.tabs.currentWidget() is tab
    window.show_tab(window.home_tab())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    QTest.keyClick(window, Qt.Key(Qt.Key_0 + number), Qt.ControlModifier)
    assert window.tabs.currentWidget() is tab

    tab.error.emit("The throw-away tab says no.")  # its sentences reach the window's bars
    assert window.error_bar.text() == "The throw-away tab says no." and window.error_bar.isVisible()
    tab.message.emit("Counted.")
    assert window.statusBar().currentMessage() == "Counted."

    languages = {a.data(): a for a in window.language_actions.actions()}
    languages["cs"].trigger()  # View ▸ Language ▸ Čeština: the title is asked again
    assert window.tabs.tabText(number - 1) == "Pokus" and action.text() == "Pokus"
    assert tab.retranslated >= 1
    languages["en"].trigger()
    assert window.tabs.tabText(number - 1) == "Throwaway"

    tab.count.setValue(7)
    window.close()  # the tab writes its own settings
    settings, notice = open_settings()
    assert notice == "" and settings.value("throwaway_count", 0, int) == 7  # not "damaged"
    again = started_window(qtbot)
    assert again.tab(ThrowawayTab).count.value() == 7
    again.close()


def test_the_screenshot_verb_renders_a_new_tab_after_its_default_job(qtbot, tmp_path, monkeypatch):
    """The Activations tab (it takes the start-up image) and the throw-away tab: the verb loops
    over the list, runs the tab's default job and pictures it once every job has ended."""
    from neurolab.gui import screenshot
    from neurolab.gui.main_window import MainWindow

    monkeypatch.setattr(tab_list, "TABS", (ActivationsTab, ThrowawayTab))
    ThrowawayTab.jobs_done.clear()
    pictured = []
    real_picture = MainWindow.picture

    def picture(window):
        tab = window.current_tab()
        pictured.append((tab.key, list(ThrowawayTab.jobs_done), window.runner.busy))
        return real_picture(window)

    monkeypatch.setattr(MainWindow, "picture", picture)
    paths = screenshot.render_screenshots(str(tmp_path / "shots"), langs=["en"])
    assert [Path(p).name for p in paths] == ["en-1366x768-tab1-activations.png",
                                             "en-1366x768-tab2-throwaway.png"]
    assert pictured == [("activations", [], False), ("throwaway", [3], False)]


def _foreign_private_uses(path: Path) -> list[str]:
    """``x._name`` where ``x`` is not ``self`` (dunders such as ``__name__`` are public)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                and not (node.attr.startswith("__") and node.attr.endswith("__")) \
                and not (isinstance(node.value, ast.Name) and node.value.id == "self"):
            found.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    return found


def test_the_ast_check_finds_a_foreign_private_member(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f(self, tab):\n    self._ok()\n    tab._start_blend()\n    type(tab).__name__\n")
    assert _foreign_private_uses(sample) == ["sample.py:3 tab._start_blend"]


@pytest.mark.parametrize("name", OUTSIDE_TABS)
def test_no_private_member_of_another_object_is_used(name):
    assert _foreign_private_uses(GUI / name) == []


#: Expressions that give a tab or the layer panel: window.tab(...), tab_list(), .layers, ...
TAB_GIVERS = {"tab", "tab_list", "home_tab", "current_tab", "layers", "_pages"}


def _gives_a_tab(node, names: set[str]) -> bool:
    """``window.tab(X)``, ``window.layers``, ``self._pages``, ``tab_list()[0]`` or a name bound
    to one of those (``tab = window.tab(X)``, ``for tab in window.tab_list()``)."""
    while isinstance(node, (ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    if isinstance(node, ast.Attribute):
        return node.attr in TAB_GIVERS
    return isinstance(node, ast.Name) and node.id in names


def _tab_names(tree) -> set[str]:
    names = {"tab"}  # parameters called tab (LabPanel._ensure_flower)
    for _ in range(3):  # names bound from names bound before
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and _gives_a_tab(node.value, names):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
            elif isinstance(node, (ast.For, ast.comprehension)) and _gives_a_tab(node.iter, names) \
                    and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return names


def _child_widgets_touched(source: str, children: set[str]) -> list[str]:
    tree = ast.parse(source)
    names = _tab_names(tree)
    return [f"{node.lineno} {ast.unparse(node)}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in children
            and _gives_a_tab(node.value, names)]


def test_the_child_widget_check_finds_one():
    source = ("def f(window):\n    tab = window.tab(X)\n    tab.modes.setCurrentIndex(1)\n"
              "    window.layers.tree.setFocus()\n    exercise.steps\n"
              "    for page in window.tab_list():\n        page.native_box.click()\n")
    assert _child_widgets_touched(source, {"modes", "tree", "steps", "native_box"}) == [
        "3 tab.modes", "4 window.layers.tree", "7 page.native_box"]


def test_no_child_widget_of_a_tab_or_the_layer_panel_is_touched_from_outside(qtbot, window):
    """The window, the Lab and the screenshot verb call verbs; the widgets inside a tab (its
    check boxes, sub-tabs, sliders, buttons) and the layer panel's table are the tab's own."""
    owners = [*window.tab_list(), window.layers]
    children = {name for owner in owners for name, value in vars(owner).items()
                if isinstance(value, QWidget) and value is not owner}
    assert {"native_box", "modes", "blend_slider", "epochs", "tree", "download_button"} <= children
    touched = [f"{name}:{where}" for name in OUTSIDE_TABS
               for where in _child_widgets_touched((GUI / name).read_text(encoding="utf-8"), children)]
    assert touched == [], touched


def test_a_tabs_news_stays_a_while_and_ends_when_another_model_opens(qtbot, window, model_file):
    """The Train tab's "Saved …; it is now open in the window" stayed in the status bar for good:
    the lab's Explain exercise, on another model, still showed it."""
    from neurolab.gui.tabs.train import TrainTab

    tab = window.tab(TrainTab)
    tab.message.emit(f"Saved {model_file} with its class names; it is now open in the window.")
    assert window.statusBar().currentMessage().startswith("Saved")
    with qtbot.waitSignal(window.workspace_ready, timeout=60_000):
        window.open_model(model_file)  # the model the news is about: it stays
    assert window.statusBar().currentMessage().startswith("Saved")
    with qtbot.waitSignal(window.workspace_ready, timeout=60_000):
        window.open_model("shapes")  # another one: the news ends
    assert window.statusBar().currentMessage() == ""
    window.MESSAGE_MS = 50  # any news leaves by itself (15 s in the window)
    tab.message.emit("Counted.")
    assert window.statusBar().currentMessage() == "Counted."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=2_000)
