"""The Activations tab on an edge net (HED-like) whose bilinear up-sampling cannot run in the
any-size traced pass: the layer after it shows with a notice saying what neurolab did, the
other layers still show; a layer that fails at every size shows its own sentence instead of
"waiting for activations…", and the others keep working."""

from __future__ import annotations

import pytest
from PIL import Image

from neurolab.gui.tabs.activations import ActivationsTab
from tests.edge_net import hed_like
from tests.gui.qt_helpers import clipped_texts, started_window
from tests.helpers import loaded_model, photo


@pytest.fixture(scope="module")
def edge_net_file(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("edge") / "hed.keras"
    hed_like().save(path)
    return str(path)


@pytest.fixture
def image_file(tmp_path) -> str:
    path = tmp_path / "street.png"
    Image.fromarray(photo(72, 96, seed=5)).save(path)
    return str(path)


def _open_image(qtbot, window, path: str) -> None:
    with qtbot.waitSignal(window.tab(ActivationsTab).mosaic_shown, timeout=60_000):
        window.open_image(path)


def _show(qtbot, window, key: str) -> None:
    """Pick ``key`` in the Network table, as a click there does; wait for its mosaic."""
    with qtbot.waitSignal(window.tab(ActivationsTab).mosaic_shown, timeout=60_000):
        window.layers.select_layer(key)


def _close(qtbot, window) -> None:
    window.runner.cancel_all()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    window.close()


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "cs"])
def test_the_layer_after_a_bilinear_upsampling_shows_with_its_notice(qtbot, request, language,
                                                                     edge_net_file, image_file):
    request.getfixturevalue("czech" if language == "cs" else "english")
    window = started_window(qtbot, edge_net_file)
    window.resize(1366, 768)
    tab = window.tab(ActivationsTab)
    window.tabs.setCurrentWidget(tab)
    _open_image(qtbot, window, image_file)
    _show(qtbot, window, "up2")
    assert tab.shows_layer("up2") and tab.result["up2"].shape == (72, 96, 1)
    assert tab.notice.isVisibleTo(tab)
    if language == "en":
        assert tab.notice.text() == (
            "up2, up3 cannot run in TensorFlow's traced pass for images of any size "
            "(OperatorNotAllowedInGraphError: Using a symbolic `tf.Tensor` as a Python `bool` is not "
            "allowed.), so neurolab computed up2, up3, concat … one layer at a time at the image's own "
            "size, 96×72.")
    else:
        assert tab.notice.text().startswith("up2, up3 ") and "cannot run" not in tab.notice.text()
        assert "OperatorNotAllowedInGraphError" in tab.notice.text()
    qtbot.wait(50)  # a layout pass
    assert clipped_texts(tab) == [] and not window.error_bar.isVisible()
    for key in ("edges", "conv3", "side1"):  # the fused map, and layers before the up-sampling
        _show(qtbot, window, key)
        assert tab.shows_layer(key)
    assert tab.notice.text() == ""  # side1 came from the traced pass: nothing to say
    _close(qtbot, window)


@pytest.mark.slow
def test_a_layer_that_fails_everywhere_shows_its_sentence_and_the_others_still_show(
        qtbot, english, monkeypatch, tmp_path, image_file):
    from neurolab.core.models import catalog

    broken = tmp_path / "hed_broken.keras"
    broken.write_bytes(b"opened by the stand-in loader below")
    monkeypatch.setattr(catalog, "load_model_file",
                        lambda path: loaded_model(hed_like(broken=True), name="hed_broken"))
    window = started_window(qtbot, str(broken))
    tab = window.tab(ActivationsTab)
    _open_image(qtbot, window, image_file)
    window.layers.select_layer("broken")
    sentence = "broken could not be computed: ValueError: This layer is broken on purpose."
    qtbot.waitUntil(lambda: tab.title.text() == "broken: no activations", timeout=60_000)
    assert tab.notice.text() == sentence and tab.mosaic_view.placeholder() == sentence
    assert tab.mosaic_view.image() is None and not tab.save_button.isEnabled()
    for key in ("up3", "conv1"):
        _show(qtbot, window, key)
        assert tab.shows_layer(key)
    assert not window.error_bar.isVisible()  # no job failed: the sentence is the layer's own
    _close(qtbot, window)
