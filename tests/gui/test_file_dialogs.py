"""The open dialogs' filters list what core reads, in the window's language."""

from __future__ import annotations

from PIL import Image

from neurolab.core.images import SUPPORTED_FORMATS
from neurolab.core.models.catalog import MODEL_FILE_SUFFIXES
from neurolab.gui import file_dialogs
from neurolab.gui.tabs.style import StyleTab


def test_the_image_filter_lists_every_format_core_reads(english):
    suffixes = file_dialogs.image_suffixes()
    registered = Image.registered_extensions()
    assert {registered[suffix] for suffix in suffixes} == set(SUPPORTED_FORMATS)
    assert {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"} <= set(suffixes)
    text = file_dialogs.image_filter()
    assert text.startswith("Images (*.png ") and text.endswith(" *.tiff)")
    assert file_dialogs.model_filter() == "Keras models ({0})".format(
        " ".join(f"*{suffix}" for suffix in MODEL_FILE_SUFFIXES))


def test_the_filters_speak_czech(czech):
    assert file_dialogs.image_filter().startswith("Obrázky (*.png ")
    assert file_dialogs.model_filter().startswith("Modely Keras (*.keras")


def test_every_open_dialog_offers_them(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(file_dialogs, "open_file",
                        lambda _parent, _title, filters, _start="": asked.append(filters) or "")
    file_menu = window.menuBar().actions()[0].menu()
    actions = {action.text(): action for action in file_menu.actions()}
    actions["Open &image…"].trigger()
    actions["Open &model file…"].trigger()
    window.tab(StyleTab).open_style_button.click()
    assert asked == [file_dialogs.image_filter(), file_dialogs.model_filter(),
                     file_dialogs.image_filter()]
