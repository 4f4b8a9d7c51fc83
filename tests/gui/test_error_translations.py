"""The core's error sentences in the Czech window: the frame translated, file names kept.

The core (and the command line) stay English; an error carries its phrase (template and
values) and ``core_texts.error_text`` translates the template and fills in the values for the
window. With no translator the sentences come back as the command line prints them.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import numpy as np
import pytest

from neurolab.core.errors import ModelError, NeurolabError
from neurolab.core.images import load_image
from neurolab.core.phrases import Outside, Phrase
from neurolab.gui.tabs.adversarial import AdversarialTab
from tests.data.make_bad_images import build_corpus
from tests.data.make_bad_models import make_all

#: English words that a translated sentence must not hold any more (quoted names removed).
ENGLISH = re.compile(r"\b(is|was|not|the|an|it|its|which|cannot|can|could|file|image|folder|"
                     r"damaged|large|refused|holds|contains|uses|empty|found|never|only|layer)\b")
QUOTED = re.compile(r"'[^']*'")


@pytest.fixture(scope="module")
def image_errors(tmp_path_factory) -> dict[str, tuple[str, NeurolabError]]:
    """Case name → (the path as given, the core's error) for every bad image."""
    errors = {}
    for name, case in build_corpus(tmp_path_factory.mktemp("images")).items():
        if case.ok:
            continue
        with pytest.raises(NeurolabError) as error:
            load_image(case.path)
        errors[name] = (str(case.path), error.value)
    return errors


@pytest.fixture(scope="module")
def model_errors(tmp_path_factory) -> dict[str, tuple[str, NeurolabError]]:
    """The same for every bad model file, plus the sentences core.models.catalog writes after Keras."""
    from neurolab.core.models.catalog import LoadedModel, _explain_load_failure
    from neurolab.core.models.files import inspect_model_file
    from neurolab.core.models.interface import image_input

    folder = tmp_path_factory.mktemp("models")
    errors = {}
    for name, path in make_all(folder / "bad", folder / "CANARY").items():
        with pytest.raises(ModelError) as error:
            inspect_model_file(path)
        errors[name] = (str(path), error.value)
    for case, text in {"Keras: Lambda": "ValueError: Requested the deserialization of a Lambda layer; "
                                        "safe_mode is on",
                       "Keras: unknown layer": "TypeError: Could not locate class 'Fancy'",
                       "Keras: not a zip": "ValueError: File is not a zip file",
                       "Keras: not HDF5": "OSError: file signature not found",
                       "Keras: weights": "ValueError: No model config found in the weights file",
                       "Keras: other": "RuntimeError: something odd"}.items():
        errors[case] = ("odd.keras", ModelError(_explain_load_failure("odd.keras", ValueError(text))))
    # A model without one image input opens with its table; the tabs and verbs that need an
    # image say why (LoadedModel.require_image), naming the file as the window shows it.
    for case, inputs in {"two inputs": [SimpleNamespace(shape=(None, 8, 8, 3))] * 2,
                         "vectors": [SimpleNamespace(shape=(None, 20))],
                         "other shape": [SimpleNamespace(shape=(None, 4, 4, 4, 2))]}.items():
        _, reason = image_input(SimpleNamespace(inputs=inputs))
        loaded = LoadedModel(model=None, name="two", display_name="'two.keras'", source="file",
                             input_shape=(), preprocess=None, preprocessing="", labels=[],
                             no_image_reason=reason)
        with pytest.raises(NeurolabError) as error:
            loaded.require_image()
        errors[case] = ("two.keras", error.value)
    return errors


def _check_translated(errors: dict[str, tuple[str, NeurolabError]]) -> None:
    from neurolab.gui.core_texts import error_text

    problems = []
    for case, (file_name, error) in errors.items():
        english, czech = str(error), error_text(error)
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
    from neurolab.core.models.catalog import load_model
    from neurolab.gui.core_texts import error_text

    sentences = []
    with pytest.raises(NeurolabError) as error:
        load_image(tmp_path / "gone.png")
    sentences.append((str(tmp_path / "gone.png"), error.value))
    with pytest.raises(NeurolabError) as error:
        load_model("nosuchnet")
    sentences.append(("nosuchnet", error.value))
    pixels = np.zeros((2, 2, 3), np.uint8)
    with pytest.raises(NeurolabError) as error:
        save_image(pixels, tmp_path / "out.gif")
    sentences.append((str(tmp_path / "out.gif"), error.value))
    with pytest.raises(NeurolabError) as error:
        save_image(pixels, tmp_path / "no" / "out.png")
    sentences.append((str(tmp_path / "no" / "out.png"), error.value))
    kiosk = KioskPolicy(enabled=True, folder=tmp_path / "class", output_folder=tmp_path / "out")
    for check in (kiosk.check_read, kiosk.check_write):
        with pytest.raises(NeurolabError) as error:
            check(tmp_path / "elsewhere.png")
        sentences.append(("elsewhere.png", error.value))
    _check_translated({str(error): (name, error) for name, error in sentences})
    bundled = Phrase("The bundled model is missing from this installation; reinstall neurolab.")
    assert error_text(ModelError(bundled)) == "Přibalený model v této instalaci chybí; přeinstalujte neurolab."


def test_english_window_shows_the_core_sentences_word_for_word(english, image_errors, model_errors):
    from neurolab.gui.core_texts import error_text

    for _file_name, error in [*image_errors.values(), *model_errors.values()]:
        assert error_text(error) == str(error)


def test_outside_errors_and_plain_text_pass_unchanged(czech):
    """An exception from outside core keeps its type and words; text the window wrote, or a
    NeurolabError raised with plain text, is shown as it is: nothing is parsed."""
    from neurolab.gui.core_texts import error_text

    assert error_text(TypeError("unsupported operand")) == "TypeError: unsupported operand"
    assert error_text(NeurolabError("'a.png' is empty (0 bytes).")) == "'a.png' is empty (0 bytes)."
    for text in ("", "Soubor 'a.png' je prázdný (0 bajtů).", "'a.png' is empty (0 bytes)."):
        assert error_text(text) == text


def test_outside_text_inside_a_sentence_is_translated_only_when_known(czech):
    """The system's words in a core sentence ("Permission denied") are the one outside text
    translated — word for word, also after Python's "[Errno N] " prefix; others stay."""
    from neurolab.gui.core_texts import error_text

    def sentence(reason: str) -> str:
        return error_text(ModelError(Phrase("{0} cannot be read ({1}).", ("'m.keras'", Outside(reason)))))

    assert sentence("Permission denied") == "Soubor 'm.keras' nelze přečíst (přístup odepřen)."
    assert sentence("[Errno 111] Connection refused") == (
        "Soubor 'm.keras' nelze přečíst ([Errno 111] spojení odmítnuto).")
    assert sentence("Input/output error") == "Soubor 'm.keras' nelze přečíst (Input/output error)."
    # a plain value is never translated, even when it reads like a known reason
    assert error_text(ModelError(Phrase("{0} cannot be read ({1}).", ("'m.keras'", "Permission denied")))) == (
        "Soubor 'm.keras' nelze přečíst (Permission denied).")


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
    assert window.tab(AdversarialTab).attack_button.text() == "Zaútočit"
    drop(window, str(broken))
    qtbot.waitUntil(window.error_bar.isVisible, timeout=30_000)
    text = window.error_bar.text()
    assert f"'{broken}'" in text and text.startswith("Soubor "), text
    assert not ENGLISH.findall(QUOTED.sub("", text)), text
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    window.close()


# --- the GAN, the attacks, labels, weights, style, activations, CPU ---------------------------------

#: More English words for the sentences below (their values removed: quoted names, numbers).
MORE_ENGLISH = re.compile(r"\b(must|number|between|and|or|below|picture|pictures|images|checkpoint|"
                          r"weights|class|classes|called|needs|missing|has|have|use|from|into|with|"
                          r"yet|skipped|readable|written|newer|incomplete|newest|variables?|shape|"
                          r"expected|settings|download|please|again|processor|computer|size|exists|"
                          r"directory|lacks|manifest|unknown|steps|GAN draws)\b", re.I)
ALLOWED = re.compile(r"\b(GAN|fgsm|pgd|noise|grey|add|mix|true|false|beta_1|uint8|manifest|"
                     r"ImageNet|VGG19|TensorFlow|neurolab|Errno)\b")


def _error(call, *args, **kwargs) -> NeurolabError:
    """The NeurolabError that ``call`` raises (a job is run to its end)."""
    from neurolab.core.jobs import run_job

    with pytest.raises(NeurolabError) as error:
        result = call(*args, **kwargs)
        if hasattr(result, "__next__"):
            run_job(result)
    return error.value


def _check_czech(sentences: list[tuple[NeurolabError | Phrase, tuple[str, ...]]]) -> None:
    """Each error (or phrase) comes back Czech, with its values (quoted names, numbers) kept."""
    from neurolab.gui.core_texts import error_text

    problems = []
    for error, kept in sentences:
        english, czech = str(error), error_text(error)
        rest = ALLOWED.sub("", QUOTED.sub("", czech))
        leftover = ENGLISH.findall(rest) + MORE_ENGLISH.findall(rest)
        missing = [value for value in kept if value not in czech]
        if czech == english or leftover or missing:
            problems.append(f"{english!r} -> {czech!r} {leftover} {missing}")
    assert not problems, "\n".join(problems)


def test_gan_settings_and_training_sentences_are_czech(czech, tmp_path):
    from neurolab.core.gan import sampling, trainer
    from neurolab.core.gan.config import GanConfig

    config = GanConfig
    sentences = [(_error(config(size=48).validated), ("48",)),
                 (_error(config(latent_dim=1).validated), ("1024",)),
                 (_error(config(preview_every=0).validated), ()),
                 (_error(config(g_learning_rate=2.0).validated), ("2.0",)),
                 (_error(config(d_learning_rate=0).validated), ()),
                 (_error(config(epochs=2.5).validated), ("2.5",)),
                 (_error(config(seed=-1).validated), ("-1",)),
                 (_error(config(samples=0).validated), ()),
                 (_error(config(width=2).validated), ()),
                 (_error(config(log_every=0).validated), ()),
                 (_error(config(batch_size=1).validated), ()),
                 (_error(config(beta_1=1.5).validated), ("1.5",)),
                 (_error(config(d_batchnorm="yes").validated), ("'yes'",)),
                 (_error(config(label_smoothing=0.7).validated), ("0.7",)),
                 (_error(config(d_dropout=1.0).validated), ()),
                 (_error(sampling.interpolation_strip, None, steps=1), ()),
                 (_error(lambda: trainer.GanTrainer.steps_per_epoch.fget(SimpleNamespace(dataset=None))), ()),
                 (_error(trainer.save_metrics_csv, [], tmp_path / "no" / "history.csv"), ("'history.csv'",))]
    folder = tmp_path / "step-00000010"
    variable = SimpleNamespace(shape=(2,))
    for call in (lambda: trainer._config_from_state({}, folder),
                 lambda: trainer._array({}, "fixed_latents", folder),
                 lambda: trainer._assign([variable], {"generator/0": np.zeros(3)}, "generator", folder),
                 lambda: trainer._assign([], {"generator/0": np.zeros(3)}, "generator", folder)):
        with pytest.raises(NeurolabError) as error:
            call()
        sentences.append((error.value, ("'step-00000010'",)))
    # these need a built GAN (or several devices): their phrases with sample values
    sentences += [(Phrase("The batch size ({0}) must be a multiple of the number of devices training together "
                          "({1}).", (30, 4)), ("30", "(4)")),
                  (Phrase("The pictures are {0} px but this GAN draws {1} px pictures.", (64, 32)), ("64", "32"))]
    _check_czech(sentences)


def test_gan_checkpoint_sentences_are_czech(czech, tmp_path):
    import json

    from neurolab.core.gan import checkpoint as cp

    def step(root, number: int, manifest=None):
        folder = root / cp.step_folder_name(number)
        folder.mkdir(parents=True)
        if manifest is not None:
            (folder / cp.MANIFEST_FILE).write_text(manifest if isinstance(manifest, str)
                                                   else json.dumps(manifest))
        return root

    a_file = tmp_path / "a file"
    a_file.write_text("x")
    (tmp_path / "empty").mkdir()
    wrong = {"files": {name: {"bytes": 1, "sha256": "0"} for name in (cp.ARRAYS_FILE, cp.STATE_FILE)},
             "format": cp.FORMAT, "version": cp.VERSION}
    damaged = step(tmp_path / "damaged", 3, wrong)
    for name in (cp.ARRAYS_FILE, cp.STATE_FILE):
        (damaged / cp.step_folder_name(3) / name).write_bytes(b"xx")
    roots = {"gone": tmp_path / "gone", "a file": a_file, "empty": tmp_path / "empty",
             "half": step(tmp_path / "half", 1),
             "two": step(step(tmp_path / "two", 1), 2, "{not json"),
             "other": step(tmp_path / "other", 1, {"format": "other", "files": {}}),
             "newer": step(tmp_path / "newer", 1, {"format": cp.FORMAT, "version": 99, "files": {}}),
             "lacking": step(tmp_path / "lacking", 1, {"format": cp.FORMAT, "version": 1, "files": {}}),
             "damaged": damaged}
    sentences = [(_error(cp.read_checkpoint, root), (f"'{root}'",)) for root in roots.values()]
    sentences += [(_error(cp.write_checkpoint, a_file, {}, {}, step=1), (f"'{a_file}'",)),
                  (_error(cp.write_checkpoint, a_file / "sub", {}, {}, step=1),
                   (f"'{a_file / 'sub'}'",)),
                  (Phrase("{0} is not a folder, so no checkpoint can be written there.", ("'runs'",)),
                   ("'runs'",)),
                  (cp._cannot_write("runs", PermissionError(13, "Permission denied")), ("'runs'",)),
                  (Phrase("No usable checkpoint in {0}: the only one is damaged or incomplete. The newest: {1}",
                          ("'runs'", Phrase("{0} cannot be read ({1}).", ("'step-00000001'", "ValueError")))),
                   ("'runs'", "'step-00000001'"))]
    assert len({str(error) for error, _kept in sentences}) == len(sentences)
    _check_czech(sentences)


def test_gan_data_sentences_are_czech(czech, tmp_path):
    from neurolab.core.gan.data import builtin_dataset_job, folder_dataset_job

    empty, one, two = (tmp_path / name for name in ("empty", "one bad", "two bad"))
    for folder, count in ((empty, 0), (one, 1), (two, 2)):
        folder.mkdir()
        for i in range(count):
            (folder / f"bad{i}.png").write_bytes(b"not a picture")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    sentences = [(_error(folder_dataset_job, empty), (f"'{empty}'", "0")),
                 (_error(folder_dataset_job, one), (f"'{one}'", "1")),
                 (_error(folder_dataset_job, two), (f"'{two}'", "2")),
                 (_error(folder_dataset_job, a_file), (f"'{a_file}'",)),
                 (_error(folder_dataset_job, tmp_path / "gone"), (f"'{tmp_path / 'gone'}'",)),
                 (_error(folder_dataset_job, empty, size=48), ("48",)),
                 (_error(builtin_dataset_job, n=0), ("0",))]
    assert f"No readable images in '{two}' (2 files skipped)." in [str(s) for s, _kept in sentences]
    _check_czech(sentences)


def test_adversarial_and_label_sentences_are_czech(czech):
    from neurolab.core.adversarial import attacks, fooling, gradients, measures
    from neurolab.core.models.labels import find_class

    grey = np.full((4, 4, 3), 128, np.uint8)
    labels = ["tabby cat", "tiger cat", "goldfish"]
    sentences = [(_error(measures.as_float_rgb, np.zeros((4, 4, 4))), ("[4, 4, 4]",)),
                 (_error(measures.as_uint8_rgb, np.zeros((4, 4, 3), np.float32)), ("float32",)),
                 (_error(gradients.check_class, None, 7, "target", 5), ("7", "5", "0–4")),
                 (_error(gradients.check_class, None, 9, "true", 5), ("9", "0–4")),
                 (_error(measures.image_metrics, grey, grey[:2]), ("[4, 4, 3]", "[2, 4, 3]")),
                 (_error(attacks.attack_job, None, grey, attacks.AttackConfig(method="cw")), ("'cw'",)),
                 (_error(attacks.attack_job, None, grey, attacks.AttackConfig(epsilon=-1)), ("-1",)),
                 (_error(fooling._fool_size, None, 0), ("0",)),
                 (_error(fooling.fool_job, None, 1, start="dark"), ("'dark'",)),
                 (_error(fooling._blend_float, grey, grey, 0.5, "screen"), ("'screen'",)),
                 (_error(find_class, labels, "7"), ("7", "0–2")),
                 (_error(find_class, labels, "zebra"), ("'zebra'",)),
                 (_error(find_class, labels, "cat"), ("'cat'", "'tabby cat', 'tiger cat'"))]
    _check_czech(sentences)


def test_weights_style_activations_and_cpu_sentences_are_czech(czech, offline_keras, tmp_path, monkeypatch):
    from neurolab.core import cpu
    from neurolab.core.models.weights import download_job
    from neurolab.core.style import backbones

    blocked = tmp_path / "a file"
    blocked.write_text("x")
    monkeypatch.setattr(backbones, "vgg19_weights_path", lambda: None)
    monkeypatch.setattr(cpu, "_cpuinfo_text", lambda: "processor : 0\nflags : fpu sse2\n")
    monkeypatch.setattr(cpu.platform, "machine", lambda: "x86_64")
    cpu.tensorflow_cpu_problem.cache_clear()
    try:
        cpu_sentence = _error(cpu.require_tensorflow_cpu)
    finally:
        cpu.tensorflow_cpu_problem.cache_clear()
    offline = _error(download_job, "vgg19", folder=tmp_path / "cache", timeout_s=5)
    sentences = [(offline, ("vgg19", "'vgg19_weights_tf_dim_ordering_tf_kernels.h5'")),
                 (_error(download_job, "vgg19", folder=blocked / "cache"), ("/a file/cache'",)),
                 (Phrase("The downloaded weights for {0} are damaged (their checksum does not match); please "
                         "try again.", ("vgg19",)), ("vgg19",)),
                 (_error(backbones.vgg19_backbone), ("'neurolab models fetch vgg19'",)),
                 (Phrase("The model has no layer called {0}.", ("'conv9'",)), ("'conv9'",)),
                 (cpu_sentence, ("AVX",))]
    _check_czech(sentences[1:])
    from neurolab.gui.core_texts import error_text

    # the reason in the offline sentence's brackets is the system's: the common ones are translated
    czech_offline = error_text(offline)
    assert czech_offline.startswith("Váhy ImageNet pro vgg19"), czech_offline
    rest = ALLOWED.sub("", QUOTED.sub("", re.sub(r"\([^)]*\)", "", czech_offline)))
    assert not MORE_ENGLISH.findall(rest) and not ENGLISH.findall(rest), czech_offline
    assert all(value in czech_offline for value in sentences[0][1])
    phrase = offline.phrase
    for reason, czech_reason in {"[Errno 111] Connection refused": "[Errno 111] spojení odmítnuto",
                                 "timed out": "vypršel časový limit"}.items():
        other = Phrase(phrase.template, (phrase.values[0], Outside(reason), *phrase.values[2:]))
        assert f"({czech_reason})" in error_text(other)
