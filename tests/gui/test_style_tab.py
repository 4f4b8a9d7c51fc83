"""The Style transfer tab through the real worker: live previews, cancel, save, iterate, drops."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PIL import Image

from neurolab.gui.tabs.style import StyleTab
from tests.helpers import photo


@pytest.fixture
def tab(qtbot):
    from neurolab.gui.tabs.style import StyleTab
    from neurolab.gui.worker import JobRunner

    runner = JobRunner()
    tab = StyleTab(runner)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    tab.set_content(photo(60, 90), "photo.png")
    tab.backbone.setCurrentIndex(tab.backbone.findData("random"))
    tab.size.setValue(64)
    yield tab
    assert runner.shutdown()


def test_short_transfer_shows_previews_then_the_result(qtbot, tab, tmp_path):
    tab.steps.setValue(12)
    previews = []
    tab.preview_shown.connect(lambda: previews.append(tab.result_view.image()))
    with qtbot.waitSignal(tab.finished, timeout=120_000):
        tab.start_button.click()
        assert not tab.start_button.isEnabled() and tab.cancel_button.isEnabled()
    assert tab.style is not None  # the first bundled style was filled in
    assert previews and all(p is not None for p in previews)
    assert tab.result.shape == (43, 64, 3) and tab.result.dtype == np.uint8
    assert len(tab.losses) == 12 and len(tab.loss_plot.xs) == 12
    assert "Done: 64×43 px, 12 steps" in tab.status.text() and "random" in tab.status.text()
    assert tab.start_button.isEnabled() and tab.save_button.isEnabled()

    out = tmp_path / "styled.png"
    tab.save(str(out))
    assert np.asarray(Image.open(out)).shape == (43, 64, 3)

    original = tab.content
    tab.use_as_content_button.click()
    assert tab.content is tab.result and tab.previous_content_button.isEnabled()
    tab.previous_content_button.click()
    assert tab.content is original and not tab.previous_content_button.isEnabled()


def test_cancel_keeps_the_latest_image(qtbot, tab):
    tab.steps.setValue(2000)
    with qtbot.waitSignal(tab.preview_shown, timeout=120_000):
        tab.start_button.click()
    with qtbot.waitSignal(tab.finished, timeout=60_000):
        started = time.monotonic()
        tab.cancel_button.click()
    elapsed = time.monotonic() - started
    assert elapsed < 2.0, f"finished {elapsed:.2f} s after Cancel"  # one 64 px step at most
    assert tab.result is not None and tab.result is tab.latest_preview
    assert "Cancelled at step" in tab.status.text() and "image of that step is kept" in tab.status.text()
    assert tab.save_button.isEnabled() and tab.start_button.isEnabled()


def test_cancel_names_the_step_whose_image_it_keeps(qtbot, tab):
    """"Step 150/200", then "Cancelled after 32 steps": the message counted previews."""
    import re

    tab.steps.setValue(2000)
    shown = []
    tab.preview_shown.connect(lambda: shown.append(tab.status.text()))
    with qtbot.waitSignal(tab.preview_shown, timeout=120_000):
        tab.start_button.click()
    qtbot.waitUntil(lambda: len(shown) >= 3, timeout=60_000)
    with qtbot.waitSignal(tab.finished, timeout=60_000):
        tab.cancel_button.click()
    last_shown = int(re.match(r"Step (\d+)/2000", shown[-1]).group(1))
    assert last_shown >= 15  # three previews, five steps apart
    counted = [int(n) for n in re.findall(r"\d+", tab.status.text())]
    assert counted == [last_shown], tab.status.text()
    assert tab.result is tab.latest_preview


def test_scale_changes_are_marked_on_the_loss_curve(qtbot, tab):
    """The loss jumps up where the picture is enlarged: a labelled line marks each such step."""
    from neurolab.core.style.transfer import steps_per_scale

    tab.steps.setValue(12)
    with qtbot.waitSignal(tab.finished, timeout=120_000):
        tab.start_button.click()
    counts = steps_per_scale(12, (0.25, 0.5, 1.0))
    starts = [1 + counts[0], 1 + counts[0] + counts[1]]
    assert [x for x, _ in tab.loss_plot.markers] == [s - 0.5 for s in starts]
    assert [label for _, label in tab.loss_plot.markers] == ["32×21 px", "64×43 px"]
    assert tab.loss_plot.xs == list(range(1, 13))


def test_loss_curve_is_plotted_against_the_step_number(qtbot, tab):
    tab.steps.setValue(2000)
    with qtbot.waitSignal(tab.preview_shown, timeout=120_000):
        tab.start_button.click()
    qtbot.waitUntil(lambda: len(tab.losses) >= 2, timeout=60_000)
    with qtbot.waitSignal(tab.finished, timeout=60_000):
        tab.cancel_button.click()
    # Previews come every 5 steps; under load the worker may merge two progress events, but
    # every point sits at its own step number (not at the preview's count: 1, 2, 3...).
    xs = tab.loss_plot.xs
    assert xs[0] == 5.0 and all(x % 5 == 0 for x in xs) and xs == sorted(set(xs)), xs


def _start_small_transfer_with_ctrl_enter(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    tab = window.tab(StyleTab)
    window.tabs.setCurrentWidget(tab)
    tab.backbone.setCurrentIndex(tab.backbone.findData("random"))
    tab.size.setValue(64)
    tab.steps.setValue(3)
    with qtbot.waitSignal(tab.finished, timeout=120_000):
        QTest.keyClick(window, Qt.Key_Return, Qt.ControlModifier)
    assert tab.result is not None


def test_ctrl_enter_starts_style_transfer_in_a_window_started_in_czech(qtbot, czech, window):
    from PySide6.QtCore import QCoreApplication

    assert window.tab(StyleTab).start_button.text() == QCoreApplication.translate("StyleTab", "Start")
    _start_small_transfer_with_ctrl_enter(qtbot, window)


@pytest.mark.slow
def test_ctrl_enter_still_starts_style_transfer_after_switching_to_czech(qtbot, english, window):
    """Qt's setText gives a button its new text's mnemonic as its shortcut: a language switch
    wiped Ctrl+Enter (and Save's Ctrl+Shift+S), and the Start button read "Začít"."""
    from PySide6.QtGui import QKeySequence

    actions = {action.data(): action for action in window.language_actions.actions()}
    actions["cs"].trigger()
    tab = window.tab(StyleTab)
    assert tab.start_button.text() == "Spustit"
    assert tab.save_button.shortcut() == QKeySequence("Ctrl+Shift+S")
    _start_small_transfer_with_ctrl_enter(qtbot, window)
    actions["en"].trigger()
    assert tab.start_button.text() == "Start"


@pytest.mark.parametrize("language", ["english", "czech"])
def test_style_tab_shows_every_text_whole_at_1366x768(qtbot, request, language, model_file):
    from tests.gui.qt_helpers import clipped_texts, started_window

    request.getfixturevalue(language)
    window = started_window(qtbot, model_file)
    try:
        window.resize(1366, 768)
        window.tabs.setCurrentWidget(window.tab(StyleTab))
        qtbot.wait(50)
        assert clipped_texts(window.tab(StyleTab)) == []
    finally:
        window.close()


def test_weights_are_factors_of_the_backbones_defaults(tab):
    from neurolab.core.style.backbones import BACKBONE_DEFAULTS

    tab.style_weight.set_factor(10.0)
    tab.tv_weight.set_factor(0.1)
    config = tab.config()
    defaults = BACKBONE_DEFAULTS["random"]
    assert config.backbone == "random"
    assert config.style_weight == pytest.approx(defaults["style_weight"] * 10)
    assert config.tv_weight == pytest.approx(defaults["tv_weight"] * 0.1)
    assert config.content_weight == pytest.approx(defaults["content_weight"])
    tab.reset_button.click()
    assert tab.config().style_weight == pytest.approx(defaults["style_weight"])


def test_a_drop_on_the_style_pane_sets_the_style(qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from neurolab.gui.app import create_window

    style_file, content_file = tmp_path / "style.png", tmp_path / "content.png"
    Image.fromarray(photo(40, 40, seed=1)).save(style_file)
    Image.fromarray(photo(50, 70, seed=2)).save(content_file)
    window = create_window(model="shapes")
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.tab(StyleTab))
    tab = window.tab(StyleTab)

    def drop(path, widget):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        centre = widget.mapTo(window, widget.rect().center())
        event = QDropEvent(QPointF(centre), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
        window.dropEvent(event)

    drop(style_file, tab.style_view)
    qtbot.waitUntil(lambda: tab.style is not None and tab.style.shape == (40, 40, 3), timeout=30_000)
    drop(content_file, tab.content_view)
    qtbot.waitUntil(lambda: tab.content is not None and tab.content.shape == (50, 70, 3),
                    timeout=30_000)
    assert tab.style.shape == (40, 40, 3)
    window.close()


def test_closing_mid_transfer_stops_the_job_thread_within_two_seconds(qtbot, tab):
    import time

    tab.steps.setValue(5000)
    tab.size.setValue(512)
    with qtbot.waitSignal(tab.preview_shown, timeout=120_000):
        tab.start_button.click()
    started = time.perf_counter()
    assert tab.runner.shutdown(timeout_ms=2000)
    assert time.perf_counter() - started < 2.0


def test_numbers_in_the_czech_tab_use_a_decimal_comma(qtbot, czech):
    """'×0.1' and 'loss 0.0297' in a Czech window: numbers go through locale_format."""
    import re

    from neurolab.gui.tabs.style import StyleTab
    from neurolab.gui.worker import JobRunner

    runner = JobRunner()
    tab = StyleTab(runner)
    qtbot.addWidget(tab)
    tab.show()
    try:
        tab.tv_weight.set_factor(0.1)
        tab.style_weight.set_factor(10 ** 0.1)
        assert tab.tv_weight.value_label.text() == "×0,1"
        assert tab.style_weight.value_label.text() == "×1,26"
        tab.set_content(photo(60, 90), "photo.png")
        tab.backbone.setCurrentIndex(tab.backbone.findData("random"))
        tab.size.setValue(64)
        tab.steps.setValue(5)
        with qtbot.waitSignal(tab.finished, timeout=120_000):
            tab.start_button.click()
        loss = re.search(r"Konečná ztráta (\S+)\.$", tab.status.text()).group(1)
        assert "." not in loss and ("," in loss or loss.isdigit()), tab.status.text()
    finally:
        assert runner.shutdown()
