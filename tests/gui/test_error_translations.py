"""The core's error sentences in the Czech window: the frame translated, file names kept.

The core (and the command line) stay English; ``core_texts.error_text`` translates what the
window shows, in ``MainWindow.show_error``. With no translator the sentences come back as
they were, word for word.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import numpy as np
import pytest

from neurolab.core.errors import ModelError, NeurolabError
from neurolab.core.images import load_image
from tests.data.make_bad_images import build_corpus
from tests.data.make_bad_models import make_all

#: English words that a translated sentence must not hold any more (quoted names removed).
ENGLISH = re.compile(r"\b(is|was|not|the|an|it|its|which|cannot|can|could|file|image|folder|"
                     r"damaged|large|refused|holds|contains|uses|empty|found|never|only|layer)\b")
QUOTED = re.compile(r"'[^']*'")


@pytest.fixture
def czech(qapp):
    from neurolab.gui.app import install_translator, remove_translators

    assert install_translator(qapp, "cs") is not None
    yield
    remove_translators(qapp)


@pytest.fixture
def english(qapp):
    from neurolab.gui.app import remove_translators

    remove_translators(qapp)
    yield


@pytest.fixture(scope="module")
def image_errors(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """Case name → (file name, the core's English sentence) for every bad image of the corpus."""
    errors = {}
    for name, case in build_corpus(tmp_path_factory.mktemp("images")).items():
        if case.ok:
            continue
        with pytest.raises(NeurolabError) as error:
            load_image(case.path)
        errors[name] = (case.path.name, str(error.value))
    return errors


@pytest.fixture(scope="module")
def model_errors(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """The same for every bad model file, plus the sentences core.models writes after Keras."""
    from neurolab.core.model_files import inspect_model_file
    from neurolab.core.models import _explain_load_failure, _image_input_shape

    folder = tmp_path_factory.mktemp("models")
    errors = {}
    for name, path in make_all(folder / "bad", folder / "CANARY").items():
        with pytest.raises(ModelError) as error:
            inspect_model_file(path)
        errors[name] = (path.name, str(error.value))
    for case, text in {"Keras: Lambda": "ValueError: Requested the deserialization of a Lambda layer; "
                                        "safe_mode is on",
                       "Keras: unknown layer": "TypeError: Could not locate class 'Fancy'",
                       "Keras: not a zip": "ValueError: File is not a zip file",
                       "Keras: not HDF5": "OSError: file signature not found",
                       "Keras: weights": "ValueError: No model config found in the weights file",
                       "Keras: other": "RuntimeError: something odd"}.items():
        errors[case] = ("odd.keras", _explain_load_failure("odd.keras", ValueError(text)))
    for case, inputs in {"two inputs": [SimpleNamespace(shape=(None, 8, 8, 3))] * 2,
                         "not images": [SimpleNamespace(shape=(None, 20))]}.items():
        with pytest.raises(ModelError) as error:
            _image_input_shape("two.keras", SimpleNamespace(inputs=inputs))
        errors[case] = ("two.keras", str(error.value))
    return errors


def _check_translated(errors: dict[str, tuple[str, str]]) -> None:
    from neurolab.gui.core_texts import error_text

    problems = []
    for case, (file_name, english) in errors.items():
        czech = error_text(english)
        leftover = ENGLISH.findall(QUOTED.sub("", czech))
        if czech == english or f"'{file_name}'" not in czech or leftover:
            problems.append(f"{case}: {english!r} -> {czech!r} {leftover}")
    assert not problems, "\n".join(problems)


def test_every_bad_image_sentence_is_czech_with_its_file_name(czech, image_errors):
    assert len(image_errors) >= 10
    _check_translated(image_errors)


def test_every_bad_model_sentence_is_czech_with_its_file_name(czech, model_errors):
    assert len(model_errors) >= 40
    _check_translated(model_errors)


def test_the_other_image_and_model_sentences_are_czech(czech, tmp_path):
    """Sentences the corpora do not make: missing files, unknown names, saving, kiosk."""
    from neurolab.core.images import save_image
    from neurolab.core.kiosk import KioskPolicy
    from neurolab.core.models import load_model
    from neurolab.gui.core_texts import error_text

    sentences = []
    with pytest.raises(NeurolabError) as error:
        load_image(tmp_path / "gone.png")
    sentences.append(("gone.png", str(error.value)))
    with pytest.raises(NeurolabError) as error:
        load_model("nosuchnet")
    sentences.append(("nosuchnet", str(error.value)))
    pixels = np.zeros((2, 2, 3), np.uint8)
    with pytest.raises(NeurolabError) as error:
        save_image(pixels, tmp_path / "out.gif")
    sentences.append(("out.gif", str(error.value)))
    with pytest.raises(NeurolabError) as error:
        save_image(pixels, tmp_path / "no" / "out.png")
    sentences.append(("out.png", str(error.value)))
    kiosk = KioskPolicy(enabled=True, folder=tmp_path / "class", output_folder=tmp_path / "out")
    for check in (kiosk.check_read, kiosk.check_write):
        with pytest.raises(NeurolabError) as error:
            check(tmp_path / "elsewhere.png")
        sentences.append(("elsewhere.png", str(error.value)))
    _check_translated({english: (name, english) for name, english in sentences})
    assert error_text("The bundled model is missing from this installation; reinstall neurolab.") == (
        "Přibalený model v této instalaci chybí; přeinstalujte neurolab.")


def test_english_window_shows_the_core_sentences_word_for_word(english, image_errors, model_errors):
    from neurolab.gui.core_texts import error_text

    for _file_name, sentence in [*image_errors.values(), *model_errors.values()]:
        assert error_text(sentence) == sentence


def test_unknown_errors_and_czech_sentences_pass_unchanged(czech):
    from neurolab.gui.core_texts import error_text

    for text in ("TypeError: unsupported operand", "", "Soubor 'a.png' je prázdný (0 bajtů)."):
        assert error_text(text) == text


def test_attack_and_blend_buttons_are_verbs_in_czech(czech):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("AdversarialTab", "Attack", "button") == "Zaútočit"
    assert QCoreApplication.translate("AdversarialTab", "Blend", "button") == "Prolnout"
    assert QCoreApplication.translate("AdversarialTab", "Attack") == "Útok"
    assert QCoreApplication.translate("AdversarialTab", "Blend") == "Prolnutí"


def test_czech_window_shows_a_dropped_broken_image_in_czech(qtbot, czech, tmp_path):
    from neurolab.gui.app import create_window
    from tests.gui.qt_helpers import drop

    broken = tmp_path / "rozbity.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    window = create_window()  # not started: no model needed for an image that cannot be read
    qtbot.addWidget(window)
    window.show()
    assert window.adversarial.attack_button.text() == "Zaútočit"
    drop(window, str(broken))
    qtbot.waitUntil(window.error_bar.isVisible, timeout=30_000)
    text = window.error_bar.text()
    assert "'rozbity.png'" in text and text.startswith("Soubor "), text
    assert not ENGLISH.findall(QUOTED.sub("", text)), text
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    window.close()
