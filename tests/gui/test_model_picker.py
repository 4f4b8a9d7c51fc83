"""The model picker: Keras Applications marked ready / needs download; download offline."""

from __future__ import annotations


def test_untrained_application_offers_download_and_offline_says_so(qtbot, offline_keras):
    from neurolab.gui.app import create_window

    window = create_window(model="mobilenet_v2")
    qtbot.addWidget(window)
    picker = window.layers.picker
    texts = [picker.itemText(i) for i in range(picker.count())]
    assert texts[0] == "neurolab shapes (bundled)" and texts[1].startswith("SqueezeNet")
    assert any(t.startswith("VGG16") and "needs download (528 MB)" in t for t in texts)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.start()
    assert window.workspace.loaded.notice == "untrained — ImageNet weights not downloaded"
    assert "untrained" in window.layers.status.text()
    assert window.layers.download_button.isVisible()
    workspace = window.workspace
    window.layers.download_button.click()
    qtbot.waitUntil(window.error_bar.isVisible, timeout=60_000)
    assert "Could not download the ImageNet weights for mobilenet_v2" in window.error_bar.text()
    assert window.workspace is workspace and window.layers.download_button.isEnabled()
    window.close()


def test_a_model_file_given_at_start_shows_its_name_with_its_path_on_hover(qtbot, tmp_path):
    """`neurolab path/to/model.keras`: the picker named it by its whole path, cut off in a
    360-px dock; now by its name, the path in its tooltip."""
    from PySide6.QtCore import Qt

    from neurolab.gui.app import create_window

    path = str(tmp_path / "a" / "long" / "folder" / "of" / "models" / "my_model.keras")
    window = create_window(model=path)
    qtbot.addWidget(window)
    picker = window.layers.picker
    assert picker.currentText() == "my_model.keras"
    assert picker.itemData(picker.currentIndex(), Qt.ToolTipRole) == path
    assert picker.currentData() == path
    window.close()
