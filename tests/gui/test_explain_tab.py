"""The Explain tab through the real worker, driven as a student does: View ▸ Explain (Ctrl+6),
the Explain button, a second class typed forgivingly, Cancel, Save, "Explain the changed image"
from the Adversarial tab, and the Czech window at 1366×768 with no clipped text."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from neurolab.gui.tabs.explain import ExplainTab


def _explain_tab(window):
    return window.tab(ExplainTab)


@pytest.fixture
def tab(qtbot, adversarial_tab):
    """The window of ``adversarial_tab`` (bundled model, the flower), its Explain tab shown by Ctrl+6."""
    window = adversarial_tab.window()
    QTest.keyClick(window, Qt.Key_6, Qt.ControlModifier)
    explain = _explain_tab(window)
    assert window.tabs.currentWidget() is explain, "Ctrl+6 shows the Explain tab"
    return explain


def _explain(qtbot, tab):
    with qtbot.waitSignal(tab.explained, timeout=120_000):
        tab.explain_button.click()


def test_gradcam_of_the_answer_over_the_photo_at_its_own_size(qtbot, tab):
    assert tab.image is not None, "the photo opened in the window is offered to the tab"
    _explain(qtbot, tab)
    assert tab.shown_labels() == ["flower"]
    (result,) = tab.results
    assert result.method == "gradcam" and result.layer
    assert result.map.shape == tab.image.shape[:2]
    assert tab.views[0].source_size() == (tab.image.shape[1], tab.image.shape[0])
    assert "flower" in tab.captions[0].text() and tab.legends[0].isVisible()
    low, high = tab.legends[0].range_texts()
    assert low and high
    shown = tab.views[0].image()
    tab.opacity_slider.setValue(10)
    assert tab.views[0].image() is not shown, "the opacity slider redraws the overlay"


def test_a_second_class_side_by_side_typed_forgivingly(qtbot, tab):
    tab.set_method("occlusion")
    tab.second_box.setCurrentText("Boa")
    _explain(qtbot, tab)
    assert tab.shown_labels() == ["flower", "boat"]
    assert tab.views[1].isVisible() and not tab.views[2].isVisible()


def test_cancel_stops_a_long_occlusion_within_a_second(qtbot, tab):
    tab.set_method("occlusion")
    tab.patch_spin.setValue(2)
    tab.stride_spin.setValue(1)
    progressed = []
    tab.runner.submitted.connect(lambda handle: handle.progressed.connect(progressed.append))
    tab.explain_button.click()
    qtbot.waitUntil(lambda: any(event.step > 0 for event in progressed), timeout=120_000)
    started = time.monotonic()
    tab.window().cancel_button.click()
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=10_000)
    assert time.monotonic() - started < 1.5
    assert tab.explain_button.isEnabled() and not tab.results


def test_save_writes_overlay_map_and_the_clis_json(qtbot, tab, tmp_path):
    _explain(qtbot, tab)
    written = tab.save(str(tmp_path / "flower_gradcam.png"))
    assert [p.rsplit(".", 1)[1] for p in written] == ["png", "npy", "json"]
    saved = json.loads((tmp_path / "flower_gradcam.json").read_text())
    values = np.load(tmp_path / "flower_gradcam.npy")
    assert values.shape == tab.image.shape[:2]
    assert saved["class"] == "flower" and saved["method"] == "gradcam" and saved["layer"] == tab.results[0].layer
    assert saved["max"] == pytest.approx(float(values.max()))


def test_explain_the_changed_image_from_the_adversarial_tab(qtbot, adversarial_tab):
    adversarial_tab.target.setCurrentText("boat")
    with qtbot.waitSignal(adversarial_tab.result_shown, timeout=120_000):
        adversarial_tab.attack_button.click()
    assert adversarial_tab.explain_button.isEnabled()
    explain = _explain_tab(adversarial_tab.window())
    with qtbot.waitSignal(explain.explained, timeout=120_000):
        adversarial_tab.explain_button.click()
    assert adversarial_tab.window().tabs.currentWidget() is explain
    assert explain.shown_labels() == ["flower", "boat", "flower", "boat"]
    assert all(view.isVisible() for view in explain.views)
    assert explain.captions[2].text().startswith("<b>Changed image</b>")


@pytest.mark.slow
@pytest.mark.parametrize("language", ["cs", "en"])
def test_classroom_window_shows_the_tab_without_clipped_text(qtbot, monkeypatch, qapp, language, flower_file):
    from neurolab.gui.language import install_translator, remove_translators
    from tests.gui.qt_helpers import classroom_window, clipped_texts

    remove_translators(qapp)
    if language == "cs":
        assert install_translator(qapp, "cs") is not None
    try:
        window = classroom_window(qtbot, monkeypatch)
        window.open_image(flower_file)
        explain = _explain_tab(window)
        window.tab_actions[5].trigger()
        assert window.tabs.currentWidget() is explain
        for method in ("gradcam", "smoothgrad", "occlusion", "rise"):
            explain.set_method(method)
            qtbot.wait(10)
            assert clipped_texts(explain) == [], (language, method)
        explain.second_box.setCurrentIndex(3)
        _explain(qtbot, explain)
        qtbot.wait(10)
        assert clipped_texts(explain) == []
        window.close()
    finally:
        remove_translators(qapp)


def test_a_language_switch_renames_methods_and_class_boxes(qtbot, tab):
    window = tab.window()
    try:
        window.set_language("cs")
        assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Vysvětlení"
        assert tab.method_box.itemText(tab.method_box.findData("occlusion")) == "Zakrývání"
        assert tab.class_box.itemText(0) == "(odpověď sítě)" and tab.second_box.itemText(0) == "(žádná)"
    finally:
        window.set_language("en")
    assert tab.class_box.itemText(0) == "(the network's answer)"
