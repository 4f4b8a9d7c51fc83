"""The window's words for what ``neurolab.core`` hands it.

Core's sentences — errors, notices, job stages, layer descriptions — are
:class:`~neurolab.core.phrases.Phrase` objects: a template and its values. The
window translates by template lookup: the template in the ``CorePhrases``
context (listed for pyside6-lupdate in the generated ``gui/core_phrases.py``),
then the values filled in — nested phrases translated the same way, names,
paths and numbers kept. No English is parsed. The rest of this module: layer
types and learnable names (fixed keys of the layer table; class and layer names
are the model's own and never translated), the bundled samples' names, and the
one fallback for text neither core nor the window wrote (:func:`outside_text`).
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from neurolab.core.errors import NeurolabError, describe_exception
from neurolab.core.formatting import format_dims
from neurolab.core.phrases import Outside, Phrase
from neurolab.gui.core_phrases import CONTEXT

LAYER_TYPES = (
    QT_TRANSLATE_NOOP("LayerTypes", "Image Input"),
    QT_TRANSLATE_NOOP("LayerTypes", "3-D Image Input"),
    QT_TRANSLATE_NOOP("LayerTypes", "Feature Input"),
    QT_TRANSLATE_NOOP("LayerTypes", "Sequence Input"),
    QT_TRANSLATE_NOOP("LayerTypes", "Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "1-D Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "3-D Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "Grouped Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "1-D Grouped Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "3-D Grouped Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "Separable Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "1-D Separable Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "Transposed Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "1-D Transposed Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "3-D Transposed Convolution"),
    QT_TRANSLATE_NOOP("LayerTypes", "Fully Connected"),
    QT_TRANSLATE_NOOP("LayerTypes", "ReLU"),
    QT_TRANSLATE_NOOP("LayerTypes", "Leaky ReLU"),
    QT_TRANSLATE_NOOP("LayerTypes", "Clipped ReLU"),
    QT_TRANSLATE_NOOP("LayerTypes", "ELU"),
    QT_TRANSLATE_NOOP("LayerTypes", "PReLU"),
    QT_TRANSLATE_NOOP("LayerTypes", "GELU"),
    QT_TRANSLATE_NOOP("LayerTypes", "Swish"),
    QT_TRANSLATE_NOOP("LayerTypes", "Softmax"),
    QT_TRANSLATE_NOOP("LayerTypes", "Sigmoid"),
    QT_TRANSLATE_NOOP("LayerTypes", "Tanh"),
    QT_TRANSLATE_NOOP("LayerTypes", "Linear"),
    QT_TRANSLATE_NOOP("LayerTypes", "Max Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "1-D Max Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "3-D Max Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "Average Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "1-D Average Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "3-D Average Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "Global Max Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "1-D Global Max Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "3-D Global Max Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "Global Average Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "1-D Global Average Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "3-D Global Average Pooling"),
    QT_TRANSLATE_NOOP("LayerTypes", "Batch Normalization"),
    QT_TRANSLATE_NOOP("LayerTypes", "Layer Normalization"),
    QT_TRANSLATE_NOOP("LayerTypes", "Group Normalization"),
    QT_TRANSLATE_NOOP("LayerTypes", "Normalization"),
    QT_TRANSLATE_NOOP("LayerTypes", "Dropout"),
    QT_TRANSLATE_NOOP("LayerTypes", "Flatten"),
    QT_TRANSLATE_NOOP("LayerTypes", "Reshape"),
    QT_TRANSLATE_NOOP("LayerTypes", "Depth concatenation"),
    QT_TRANSLATE_NOOP("LayerTypes", "Concatenation"),
    QT_TRANSLATE_NOOP("LayerTypes", "Addition"),
    QT_TRANSLATE_NOOP("LayerTypes", "Subtraction"),
    QT_TRANSLATE_NOOP("LayerTypes", "Multiplication"),
    QT_TRANSLATE_NOOP("LayerTypes", "Average"),
    QT_TRANSLATE_NOOP("LayerTypes", "Maximum"),
    QT_TRANSLATE_NOOP("LayerTypes", "Minimum"),
    QT_TRANSLATE_NOOP("LayerTypes", "Zero Padding"),
    QT_TRANSLATE_NOOP("LayerTypes", "Cropping"),
    QT_TRANSLATE_NOOP("LayerTypes", "Rescaling"),
    QT_TRANSLATE_NOOP("LayerTypes", "Resize"),
    QT_TRANSLATE_NOOP("LayerTypes", "Network"),
)

#: The learnables' names, MATLAB's words (core.inspection.analysis).
LEARNABLES = (
    QT_TRANSLATE_NOOP("Learnables", "Weights"),
    QT_TRANSLATE_NOOP("Learnables", "Bias"),
    QT_TRANSLATE_NOOP("Learnables", "DepthwiseWeights"),
    QT_TRANSLATE_NOOP("Learnables", "PointwiseWeights"),
    QT_TRANSLATE_NOOP("Learnables", "Offset"),
    QT_TRANSLATE_NOOP("Learnables", "Scale"),
    QT_TRANSLATE_NOOP("Learnables", "Alpha"),
)

#: The bundled sample photos and styles (resources/images, resources/styles), named after their files.
SAMPLE_NAMES = (
    QT_TRANSLATE_NOOP("Samples", "Cat"),
    QT_TRANSLATE_NOOP("Samples", "Coffee"),
    QT_TRANSLATE_NOOP("Samples", "Flower"),
    QT_TRANSLATE_NOOP("Samples", "Rocket"),
    QT_TRANSLATE_NOOP("Samples", "Temple"),
    QT_TRANSLATE_NOOP("Samples", "Brush strokes"),
    QT_TRANSLATE_NOOP("Samples", "Stained glass"),
    QT_TRANSLATE_NOOP("Samples", "Woodcut waves"),
)

#: Text core passes on from the system (``OSError.strerror``, a socket's "timed out"): the
#: common ones, so a Czech window says why a file or a download failed in Czech.
OUTSIDE_TEXTS = (
    QT_TRANSLATE_NOOP("OutsideTexts", "Permission denied"),
    QT_TRANSLATE_NOOP("OutsideTexts", "No such file or directory"),
    QT_TRANSLATE_NOOP("OutsideTexts", "File exists"),
    QT_TRANSLATE_NOOP("OutsideTexts", "Not a directory"),
    QT_TRANSLATE_NOOP("OutsideTexts", "timed out"),
    QT_TRANSLATE_NOOP("OutsideTexts", "Connection refused"),
    QT_TRANSLATE_NOOP("OutsideTexts", "Temporary failure in name resolution"),
    QT_TRANSLATE_NOOP("OutsideTexts", "Network is unreachable"),
)
_KNOWN_OUTSIDE = frozenset(OUTSIDE_TEXTS)
#: "[Errno 111] Connection refused": how Python prefixes a system message with its number.
_ERRNO = re.compile(r"(\[Errno -?\d+\] )(.*)", re.S)


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def count_text(number: int) -> str:
    """99402 → '99,402' in English, '99 402' in Czech: the window's language's digit grouping."""
    from neurolab.gui.locale_format import integer

    return integer(number)


def layer_type(kind: str) -> str:
    """A layer type in the window's language (a Keras class name stays as it is)."""
    return _translate("LayerTypes", kind)


def learnables_text(learnables: dict) -> str:
    """{'Weights': [3, 3, 3, 64]} → 'Weights 3×3×3×64' with the names translated."""
    return ", ".join(f"{_translate('Learnables', name)} {format_dims(shape)}"
                     for name, shape in learnables.items()) or "–"


def sample_name(path) -> str:
    """'flower.jpg' → 'Flower' in the window's language (other files by their own name)."""
    stem = os.path.splitext(os.path.basename(str(path)))[0]
    return _translate("Samples", stem.replace("_", " ").capitalize())


# --- core's phrases ---------------------------------------------------------------------------

#: Texts on screen that were rendered from a phrase → that phrase, so a language switch
#: renders the phrase again (gui/retranslate.py) instead of reading the text back.
_RENDERED: "OrderedDict[str, Phrase]" = OrderedDict()
_RENDERED_MAX = 4096
_RENDERED_LOCK = threading.Lock()  # errors are rendered on the job thread


def phrase_text(value) -> str:
    """A core phrase in the window's language; outside text via :func:`outside_text`; any
    other value (a name, a path, a number, text the window wrote) as it is."""
    if isinstance(value, Phrase):
        text = _render(value)
        if text:
            with _RENDERED_LOCK:
                _RENDERED[text] = value
                _RENDERED.move_to_end(text)
                if len(_RENDERED) > _RENDERED_MAX:
                    _RENDERED.popitem(last=False)
        return text
    if isinstance(value, Outside):
        return outside_text(value)
    return "" if value is None else str(value)


def _render(phrase: Phrase) -> str:
    if not phrase.template:
        return ""
    template = _translate(CONTEXT, phrase.template)
    values = [_render(v) if isinstance(v, Phrase) else phrase_text(v) for v in phrase.values]
    try:
        return template.format(*values)
    except (IndexError, KeyError, ValueError):  # a broken translation: English rather than nothing
        return str(phrase)


def rendered_phrase(text: str) -> Phrase | None:
    """The phrase ``text`` was rendered from by :func:`phrase_text`, if it was."""
    with _RENDERED_LOCK:
        return _RENDERED.get(text)


#: What the call sites use: each name says what its caller shows; all of them are phrase_text.
core_text = model_text = job_stage = phrase_text


def error_text(error) -> str:
    """An error for the error bar, in the window's language.

    A neurolab error by its phrase; an exception from outside core (a Keras or Python
    bug, an OSError core did not expect) as :func:`describe_exception` writes it — its
    type and first line, untranslated; a phrase or text as :func:`phrase_text` shows it.
    """
    if isinstance(error, NeurolabError):
        return phrase_text(error.phrase)
    if isinstance(error, BaseException):
        return describe_exception(error)
    return phrase_text(error)


def outside_text(text: str) -> str:
    """Text neither core nor the window wrote, translated when it is one of
    :data:`OUTSIDE_TEXTS` (also after Python's "[Errno N] " prefix); else as it is.

    The one place that reads outside text: its wording is the system's, so there is no
    template to look up — only the few common messages are known, word for word.
    """
    text = str(text)
    if text in _KNOWN_OUTSIDE:
        return _translate("OutsideTexts", text)
    errno = _ERRNO.fullmatch(text)
    if errno and errno.group(2) in _KNOWN_OUTSIDE:
        return errno.group(1) + _translate("OutsideTexts", errno.group(2))
    return text
