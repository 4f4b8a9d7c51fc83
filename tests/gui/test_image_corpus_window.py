"""The bad-image corpus of issue #7 dropped on one window: a sentence and the old image kept,
or the new image's mosaic.

One window for the whole corpus (a window per case would cost a model load each).
"""

from __future__ import annotations

import pytest
from PIL import Image

from neurolab.gui.tabs.activations import ActivationsTab
from tests.data.make_bad_images import CASES, build_corpus
from tests.gui.qt_helpers import drop
from tests.helpers import photo

TIMEOUT_MS = 60_000
FOLDER = "folder named like an image"


@pytest.mark.slow
def test_every_corpus_file_dropped_on_one_window(qtbot, window, tmp_path):
    corpus = build_corpus(tmp_path / "corpus")
    tab = window.tab(ActivationsTab)
    good = tmp_path / "photo.png"
    Image.fromarray(photo(60, 80)).save(good)
    with qtbot.waitSignal(tab.mosaic_shown, timeout=TIMEOUT_MS):
        drop(window, str(good))

    for name, case in corpus.items():
        if case.ok:
            continue
        window.hide_error()
        before = tab.image
        if name == FOLDER:
            # A dropped folder goes to the GAN tab as training data: it has no images, so
            # that tab says so; then the image loader's own answer is checked too.
            drop(window, str(case.path))
            qtbot.waitUntil(window.error_bar.isVisible, timeout=TIMEOUT_MS)
            text = window.error_bar.text()
            assert text == f"No readable images in '{case.path}' (0 files skipped).", text
            assert tab.image is before
            qtbot.waitUntil(lambda: not window.runner.busy, timeout=TIMEOUT_MS)
            window.hide_error()
            window.open_image(str(case.path))
        else:
            drop(window, str(case.path))
        qtbot.waitUntil(window.error_bar.isVisible, timeout=TIMEOUT_MS)
        text = window.error_bar.text()
        assert f"'{case.path}'" in text and case.error in text, (name, text)
        assert "Traceback" not in text and "\n" not in text, (name, text)
        assert tab.image is before, name                   # the previous image stays
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=TIMEOUT_MS)

    # The 24-megapixel photo is included: it is scaled to the memory budget before the
    # model, and takes a few seconds here.
    window.hide_error()
    for name, case in corpus.items():
        if not case.ok:
            continue
        with qtbot.waitSignal(tab.mosaic_shown, timeout=TIMEOUT_MS):
            drop(window, str(case.path))
        assert tab.image.shape == (*case.shape, 3), name
        assert tab.image_name == str(case.path), name
        assert tab.mosaic.channels == 8, name
        assert not window.error_bar.isVisible(), (name, window.error_bar.text())
    assert set(CASES) == set(corpus)
