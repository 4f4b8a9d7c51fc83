"""Translations: complete, up to date with the code, compiled, and on screen in Czech.

A visible string added without a translation fails here: ``neurolab_cs.ts`` would
lack it (or hold it unfinished), and the Czech window would show it in English.
``resources/translations/update.py`` refreshes the files.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET

import keras
import pytest
from keras import layers
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMenu

from neurolab.assets import resource_path
from neurolab.gui.tabs.activations import ActivationsTab

TRANSLATIONS = resource_path("translations")
PLACEHOLDER = re.compile(r"\{(\d+)(?::[^{}]*)?\}")
TAG = re.compile(r"</?[a-z]+>")


def _messages(lang: str) -> list[tuple[str, str, str | None, ET.Element]]:
    root = ET.parse(TRANSLATIONS / f"neurolab_{lang}.ts").getroot()
    return [(context.findtext("name"), message.findtext("source"), message.findtext("comment"),
             message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def _czech() -> dict[tuple[str, str, str | None], str]:
    return {(c, s, d): t.text or "" for c, s, d, t in _messages("cs")}


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _update_script():
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the files ------------------------------------------------------------------

def test_every_czech_message_is_translated_with_the_same_placeholders():
    messages = _messages("cs")
    assert len(messages) > 400
    problems = []
    for context, source, _comment, translation in messages:
        texts = _forms(translation)
        where = f"[{context}] {source!r}"
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or \
                not all(text.strip() for text in texts):
            problems.append(f"{where}: not translated")
            continue
        for text in texts:
            problems.extend(_differences(where, source, text))
    assert not problems, "\n".join(problems)


def _forms(translation: ET.Element) -> list[str]:
    """A translation's text, or each of its plural forms (Qt's numerus messages: tr(text, "", n))."""
    forms = [form.text or "" for form in translation.findall("numerusform")]
    return forms or [translation.text or ""]


def _differences(where: str, source: str, text: str) -> list[str]:
    problems = []
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
        problems.append(f"{where}: placeholders differ in {text!r}")
    if ("%n" in source) != ("%n" in text):
        problems.append(f"{where}: the count %n is missing or extra in {text!r}")
    if bool(_mnemonic(source)) != bool(_mnemonic(text)):
        problems.append(f"{where}: the & accelerator is missing or extra in {text!r}")
    if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
        problems.append(f"{where}: HTML tags differ in {text!r}")
    return problems


def test_english_entries_are_finished_and_say_their_source():
    """Each says its source; a plural message's forms (singular, plural) keep its placeholders."""
    for context, source, _comment, translation in _messages("en"):
        assert translation.get("type") is None, (context, source)
        forms = translation.findall("numerusform")
        if forms:
            assert len(forms) == 2 and not _differences("", source, forms[1].text or ""), (context, source)
        else:
            assert translation.text == source, (context, source)


def test_translations_are_up_to_date_with_the_code_and_compiled():
    """lupdate over neurolab/gui finds no new and no vanished texts; the .qm are fresh."""
    problems = _update_script().check()
    assert not problems, ("run resources/translations/update.py and translate:\n"
                          + "\n".join(problems))


def test_compiled_czech_translation_loads_and_translates():
    translator = QTranslator()
    assert translator.load("neurolab_cs", str(TRANSLATIONS))
    assert translator.translate("StyleTab", "Style transfer") == "Přenos stylu"
    assert translator.translate("LayerTypes", "Convolution") == "Konvoluce"
    assert translator.translate("StyleTab", "Start from") == "Výchozí obraz"
    assert translator.translate("StyleTab", "Start") == "Spustit"


# --- the window in Czech ----------------------------------------------------------

def _open_window(qtbot):
    from neurolab.gui.app import create_window

    window = create_window()  # the bundled model on the first sample photo
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.start()
    return window


def _english_left(window) -> list[str]:
    """Texts on screen that are English sources with a different Czech translation."""
    from neurolab.gui.retranslate import text_slots

    english = {source for (_c, source, _d), text in _czech().items() if text != source}
    return [f"{type(slot.owner).__name__} {slot.owner.objectName()!r} {slot.what}: {slot.get()!r}"
            for slot in text_slots([window]) if slot.get() in english]


def test_czech_window_shows_no_english_text(qtbot, czech):
    from neurolab.gui.core_texts import layer_type, phrase_text

    window = _open_window(qtbot)
    try:
        assert window.tabs.tabText(0) == "Aktivace"
        assert not _english_left(window)
        tree = window.layers.tree
        header = tree.headerItem()
        assert [header.text(i) for i in range(1, 7)] == [
            "Název", "Typ", "Aktivace", "Učitelné parametry", "Parametry", "Popis"]
        rows = {row.key: row for row in window.workspace.analysis.layers}
        for index in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(index)
            row = rows[item.text(1)]  # layer names stay as the model gives them
            assert item.text(2) == layer_type(row.type)
            assert item.text(6) == phrase_text(row.description_phrase)
        conv = tree.topLevelItem([tree.topLevelItem(i).text(1)
                                  for i in range(tree.topLevelItemCount())].index("conv1"))
        assert conv.text(2) == "Konvoluce"
        assert "konvoluce" in conv.text(6) and "s krokem" in conv.text(6)
        assert conv.text(4).startswith("Váhy ")
        assert window.layers.summary.text().startswith("Parametrů celkem: ")
    finally:
        window.close()


def test_czech_menus_have_unique_accelerators(qtbot, czech):
    from neurolab.gui.app import create_window

    window = create_window()
    qtbot.addWidget(window)
    menus = [window.menuBar()] + window.menuBar().findChildren(QMenu)
    for menu in menus:
        keys = [_mnemonic(action.text()) for action in menu.actions() if action.isVisible()]
        keys = [k for k in keys if k]
        assert len(keys) == len(set(keys)), (menu.title(), [a.text() for a in menu.actions()])
    window.close()


@pytest.mark.slow
def test_switching_language_retranslates_the_running_window(qtbot, english):
    """Language ▸ Čeština: texts change at once; the model, image and mosaic stay; and back."""
    from neurolab.gui.retranslate import text_slots

    window = _open_window(qtbot)
    try:
        tab = window.tab(ActivationsTab)
        workspace, image, mosaic = window.workspace, tab.image, tab.mosaic
        before = [(slot.what, slot.get()) for slot in text_slots([window])]
        submitted = []
        window.runner.submitted.connect(lambda handle: submitted.append(handle.name))
        actions = {action.data(): action for action in window.language_actions.actions()}

        actions["cs"].trigger()
        assert [window.tabs.tabText(i) for i in range(4)] == [
            "Aktivace", "Adversariální příklady", "Přenos stylu", "GAN"]
        assert window.menuBar().actions()[0].text() == "&Soubor"
        assert window.layers.tree.topLevelItem(2).text(2) == "Konvoluce"
        assert window.windowTitle() == "neurolab — co vidí neuronová síť?"
        assert not _english_left(window)
        assert window.settings.value("language") == "cs" and actions["cs"].isChecked()
        assert window.workspace is workspace and "model" not in submitted  # no reload
        assert window.tab(ActivationsTab).image is image and window.tab(ActivationsTab).mosaic is mosaic
        assert window.tab(ActivationsTab).layer == "conv1" and window.layers.current_layer() == "conv1"

        actions["en"].trigger()
        after = [(slot.what, slot.get()) for slot in text_slots([window])]
        assert after == before
        assert window.layers.tree.topLevelItem(2).text(2) == "Convolution"
        assert window.settings.value("language") == "en"
        assert not submitted
    finally:
        window.close()


def test_stored_language_is_used_by_the_next_window(qtbot, english, monkeypatch, tmp_path):
    from neurolab.gui.app import create_window, open_settings
    from neurolab.gui.language import current_language

    monkeypatch.setenv("NEUROLAB_CONFIG_DIR", str(tmp_path))
    settings, _ = open_settings()
    settings.setValue("language", "cs")
    settings.sync()
    window = create_window()
    qtbot.addWidget(window)
    assert current_language() == "cs" and window.tabs.tabText(2) == "Přenos stylu"
    window.close()


# --- every wording the core can write -------------------------------------------

def _every_layer_model() -> keras.Model:
    """One of each layer neurolab describes, in 1-D, 2-D and 3-D where Keras has them."""
    image, seq = keras.Input((8, 8, 4), name="image"), keras.Input((8, 4), name="seq")
    volume, vector = keras.Input((4, 4, 4, 2), name="volume"), keras.Input((6,), name="vector")
    x = layers.Conv2D(4, 3, padding="same", dilation_rate=2, activation="relu")(image)
    x = layers.Conv2D(4, 3, padding="same", groups=2, activation="relu6")(x)
    x = layers.DepthwiseConv2D(3, padding="same", activation="softmax")(x)
    x = layers.SeparableConv2D(4, 3, padding="same", activation="sigmoid")(x)
    x = layers.Conv2DTranspose(4, 3, padding="same", activation="tanh")(x)
    x = layers.ReLU()(x)
    x = layers.ReLU(negative_slope=0.1)(x)
    x = layers.ReLU(max_value=6.0)(x)
    x = layers.ReLU(negative_slope=0.1, max_value=6.0)(x)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.ELU()(x)
    x = layers.PReLU()(x)
    for name in ("relu", "relu6", "softmax", "sigmoid", "tanh", "silu", "gelu", "elu", "leaky_relu",
                 "linear"):
        x = layers.Activation(name)(x)
    x = layers.Softmax()(x)
    x = layers.BatchNormalization()(x)
    x = layers.LayerNormalization()(x)
    x = layers.GroupNormalization(groups=2)(x)
    x = layers.Dropout(0.5)(x)
    x = layers.Rescaling(1 / 255)(x)
    x = layers.Normalization(mean=0.0, variance=1.0)(x)
    x = layers.ZeroPadding2D(1)(x)
    x = layers.Cropping2D(1)(x)
    x = layers.Resizing(8, 8)(x)
    x = layers.MaxPooling2D()(x)
    x = layers.UpSampling2D()(x)
    x = layers.AveragePooling2D(2)(x)
    merged = [layers.Concatenate()([x, x]), layers.Concatenate(axis=1)([x, x])]
    x = merged[0]
    y = layers.Reshape((4, 4, 8))(merged[1])
    for merge in (layers.Add, layers.Subtract, layers.Multiply, layers.Average, layers.Maximum,
                  layers.Minimum):
        x = merge()([x, y])
    inner = keras.Input((4, 4, 8))
    x = keras.Model(inner, layers.Conv2D(2, 1)(inner), name="inner")(x)
    outputs = [layers.GlobalMaxPooling2D()(x), layers.GlobalAveragePooling2D()(merged[1]),
               layers.Flatten()(x)]
    s = layers.Conv1D(4, 3, padding="causal")(seq)
    for layer in (layers.DepthwiseConv1D(3), layers.SeparableConv1D(4, 1), layers.Conv1DTranspose(4, 3),
                  layers.ZeroPadding1D(1), layers.Cropping1D(1), layers.MaxPooling1D(),
                  layers.AveragePooling1D(2, padding="same")):
        s = layer(s)
    outputs += [layers.GlobalMaxPooling1D()(s), layers.GlobalAveragePooling1D()(s)]
    v = layers.Conv3D(2, 1)(volume)
    for layer in (layers.Conv3DTranspose(2, 1), layers.ZeroPadding3D(1), layers.Cropping3D(1),
                  layers.MaxPooling3D(1), layers.AveragePooling3D(1)):
        v = layer(v)
    outputs += [layers.GlobalMaxPooling3D()(v), layers.GlobalAveragePooling3D()(v),
                layers.Dense(3, activation="swish", name="head")(vector)]
    return keras.Model([image, seq, volume, vector], outputs)


def _templates(phrase) -> list[str]:
    from neurolab.core.phrases import Phrase

    if not isinstance(phrase, Phrase):
        return []
    wordless = not re.search(r"[^\W\d_]", PLACEHOLDER.sub("", phrase.template))  # "", "{0}", ", {0}"
    found = [] if wordless else [phrase.template]
    return found + [t for value in phrase.values for t in _templates(value)]


def test_every_layer_type_and_description_the_core_writes_has_a_czech_translation(czech):
    """The phrases analysis really builds (one of each layer) use templates the extractor
    found (gui/core_phrases.py) and the Czech file translates."""
    from neurolab.core.inspection.analysis import analyze_model
    from neurolab.core.models.catalog import APPLICATIONS, LoadedModel
    from neurolab.core.models.preprocessing import (
        ASSUMED,
        CHOICES,
        FROM_RESCALING,
        FROM_TEACHABLE_MACHINE,
        SET_BY_USER,
        custom,
        described,
    )
    from neurolab.core.phrases import Phrase
    from neurolab.gui.core_phrases import CONTEXT, TEMPLATES
    from neurolab.gui.core_texts import LAYER_TYPES

    analysis = analyze_model(_every_layer_model(), native_only=["head"],
                             input_description=Phrase("{0} normalization", (CHOICES["zerocenter"].phrase,)))
    assert len(analysis.layers) > 70
    czech = _czech()

    def untranslated(phrase) -> list[str]:
        return [t for t in _templates(phrase) if t not in TEMPLATES or (CONTEXT, t, None) not in czech]

    problems = []
    for row in analysis.layers:
        assert row.description, row  # a layer neurolab knows (unknown ones have none)
        assert str(row.description_phrase) == row.description
        if row.type not in LAYER_TYPES or ("LayerTypes", row.type, None) not in czech:
            problems.append(f"type {row.type!r} ({row.class_name})")
        problems += [f"description {t!r} ({row.class_name})" for t in untranslated(row.description_phrase)]
    for phrase in analysis.warning_phrases:
        problems += [f"warning {t!r}" for t in untranslated(phrase)]
    origins = (None, ASSUMED, FROM_RESCALING, FROM_TEACHABLE_MACHINE, SET_BY_USER)
    choices = [*CHOICES.values(), custom(127.5, 127.5)]
    assert {spec.preprocessing for spec in APPLICATIONS.values()} <= set(CHOICES)
    for choice in choices:  # how each preprocessing is said, with where it came from
        for origin in origins:
            loaded = LoadedModel(None, "m", "m", "file", (8, 8, 3), None, described(choice, origin), [])
            problems += [f"input normalisation {t!r}" for t in untranslated(loaded.input_description)]
    assert not problems, problems
    assert QCoreApplication.translate("LayerTypes", "Grouped Convolution") == "Skupinová konvoluce"
