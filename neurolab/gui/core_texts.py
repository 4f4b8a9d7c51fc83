"""Translations of the English texts that ``neurolab.core`` hands to the window.

The core stays English and Qt-free (the command line and its JSON speak
English). What it shows in the window comes from fixed sets: layer types,
description templates (:class:`neurolab.core.analysis.Phrase`), learnable
names, model notices and job stages. They are listed here with
``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` puts them in the .ts files, and
translated where they are shown. Class names and layer names are never
translated: they are the model's own.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from neurolab.core.analysis import Phrase
from neurolab.core.formatting import format_dims

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

#: Every template (and fixed wording) a ``Phrase`` of core.analysis or core.models can hold.
DESCRIPTION_TEMPLATES = (
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} images"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} features"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Sequence input with {0} dimensions"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} with {1}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} normalization"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "'zerocenter'"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "pixels scaled to [-1, 1]"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "BGR, ImageNet mean subtracted ('caffe')"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "pixels 0-255; the model normalises inside"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "scaled to [0, 1], ImageNet mean/std ('torch')"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "raw 0-255 pixels (the model rescales inside)"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "pixels scaled to [0, 1] (assumed)"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} {1} convolutions with stride {2}{3} and padding {4}{5}"),
    QT_TRANSLATE_NOOP("LayerDescriptions",
                      "{0} groups of {1} {2} convolutions with stride {3}{4} and padding {5}{6}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} groups of {1} {2} convolutions, then {3} {4} "
                                           "convolutions, with stride {5}{6} and padding {7}{8}"),
    QT_TRANSLATE_NOOP("LayerDescriptions",
                      "{0} {1} transposed convolutions with stride {2} and cropping {3}{4}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", ", dilation {0}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", ", {0}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} fully connected layer{1}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "ReLU"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Leaky ReLU"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Clipped ReLU"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "ELU"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "GELU"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "PReLU"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Swish"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Softmax"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Sigmoid"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Tanh"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Leaky ReLU with scale {0}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Leaky ReLU with scale {0} and ceiling {1}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Clipped ReLU with ceiling {0}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "ELU with alpha {0}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "softmax"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "sigmoid"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "swish"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Hyperbolic tangent"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "identity"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} max pooling with stride {1} and padding {2}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} average pooling with stride {1} and padding {2}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Global max pooling"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Global average pooling"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Batch normalization with {0} channels"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Layer normalization with {0} channels"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Group normalization with {0} groups of {1} channels"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Mean and variance normalization"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0}% dropout"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Flatten"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Reshape to {0}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Depth concatenation of {0} inputs"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Concatenation of {0} inputs along dimension {1}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Element-wise addition of {0} inputs"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Element-wise subtraction of {0} inputs"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Element-wise multiplication of {0} inputs"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Element-wise average of {0} inputs"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Element-wise maximum of {0} inputs"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Element-wise minimum of {0} inputs"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "padding {0}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "cropping {0}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "scale {0}, offset {1}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "Resize to {0}x{1} ({2})"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} upsampling ({1})"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "nested network"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "nested network with {0} layers"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} layer needs the model's native input size ({1}): {2}"),
    QT_TRANSLATE_NOOP("LayerDescriptions", "{0} layers need the model's native input size ({1}): {2}"),
)

#: The learnables' names, MATLAB's words (core.analysis).
LEARNABLES = (
    QT_TRANSLATE_NOOP("Learnables", "Weights"),
    QT_TRANSLATE_NOOP("Learnables", "Bias"),
    QT_TRANSLATE_NOOP("Learnables", "DepthwiseWeights"),
    QT_TRANSLATE_NOOP("Learnables", "PointwiseWeights"),
    QT_TRANSLATE_NOOP("Learnables", "Offset"),
    QT_TRANSLATE_NOOP("Learnables", "Scale"),
    QT_TRANSLATE_NOOP("Learnables", "Alpha"),
)

#: Names and notices the core writes itself: models, GAN data, style backbones, activations.
CORE_TEXTS = (
    QT_TRANSLATE_NOOP("CoreTexts", "neurolab shapes (bundled)"),
    QT_TRANSLATE_NOOP("CoreTexts", "untrained — ImageNet weights not downloaded"),
    QT_TRANSLATE_NOOP("CoreTexts", "VGG19 (ImageNet weights)"),
    QT_TRANSLATE_NOOP("CoreTexts", "the bundled shapes model's convolutional layers (offline)"),
)

#: The same with values in them (matched against the English text, then translated).
CORE_TEXT_TEMPLATES = (
    QT_TRANSLATE_NOOP("CoreTexts", "built-in shapes ({0})"),
    QT_TRANSLATE_NOOP("CoreTexts", "random multi-scale filters (seed {0}, offline)"),
    QT_TRANSLATE_NOOP("CoreTexts", "{0}'s convolutional layers"),
    QT_TRANSLATE_NOOP("CoreTexts", "The image was scaled down to {0} ({1}×{2} → {3}×{4}) to keep its "
                                   "activations within the {5} MiB memory budget."),
    QT_TRANSLATE_NOOP("CoreTexts", "The image ({0}×{1}) is too small to pass through every layer at its "
                                   "own size, so the model's input size was used."),
)

#: Progress stages of the core's jobs, shown in the status bar and the tabs' status lines.
JOB_STAGES = (
    QT_TRANSLATE_NOOP("JobStages", "loading TensorFlow"),
    QT_TRANSLATE_NOOP("JobStages", "tracing layers"),
    QT_TRANSLATE_NOOP("JobStages", "analysing layers"),
    QT_TRANSLATE_NOOP("JobStages", "model ready"),
    QT_TRANSLATE_NOOP("JobStages", "computing activations"),
    QT_TRANSLATE_NOOP("JobStages", "tiling channels"),
    QT_TRANSLATE_NOOP("JobStages", "activations ready"),
    QT_TRANSLATE_NOOP("JobStages", "attacking"),
    QT_TRANSLATE_NOOP("JobStages", "rounding to 8 bits"),
    QT_TRANSLATE_NOOP("JobStages", "growing"),
    QT_TRANSLATE_NOOP("JobStages", "blending"),
    QT_TRANSLATE_NOOP("JobStages", "drawing the built-in shapes"),
    QT_TRANSLATE_NOOP("JobStages", "preparing the backbone"),
)

#: Stages with a value in them; matched against the English text, then translated.
JOB_STAGE_TEMPLATES = (
    QT_TRANSLATE_NOOP("JobStages", "loading {0}"),
    QT_TRANSLATE_NOOP("JobStages", "reading {0}"),
    QT_TRANSLATE_NOOP("JobStages", "epoch {0}/{1}"),
    QT_TRANSLATE_NOOP("JobStages", "styling at {0}×{1} px"),
    QT_TRANSLATE_NOOP("JobStages", "{0}: already in the cache"),
    QT_TRANSLATE_NOOP("JobStages", "connecting for {0}"),
    QT_TRANSLATE_NOOP("JobStages", "downloading {0} ({1}/{2} MB)"),
    QT_TRANSLATE_NOOP("JobStages", "verifying {0}"),
    QT_TRANSLATE_NOOP("JobStages", "looking for pictures in {0}"),
    QT_TRANSLATE_NOOP("JobStages", "reading pictures in {0}"),
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


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def count_text(number: int) -> str:
    """99402 → '99,402' in English, '99 402' in Czech: the window's language's digit grouping."""
    from neurolab.gui.app import current_language

    return QLocale(current_language()).toString(int(number))


def layer_type(kind: str) -> str:
    """A layer type in the window's language (a Keras class name stays as it is)."""
    return _translate("LayerTypes", kind)


def phrase_text(phrase) -> str:
    """A core ``Phrase`` in the window's language; any other value as text."""
    if not isinstance(phrase, Phrase):
        return str(phrase)
    template = _translate("LayerDescriptions", phrase.template) if phrase.template else ""
    try:
        return template.format(*(phrase_text(v) for v in phrase.values))
    except (IndexError, KeyError, ValueError):  # a broken translation: English rather than nothing
        return str(phrase)


def learnables_text(learnables: dict) -> str:
    """{'Weights': [3, 3, 3, 64]} → 'Weights 3×3×3×64' with the names translated."""
    return ", ".join(f"{_translate('Learnables', name)} {format_dims(shape)}"
                     for name, shape in learnables.items()) or "–"


@lru_cache(maxsize=None)
def _patterns(templates: tuple[str, ...]) -> tuple[tuple[re.Pattern, str], ...]:
    patterns = []
    for template in templates:
        parts = re.split(r"\{\d\}", template)
        patterns.append((re.compile("(.+?)".join(map(re.escape, parts)), re.S), template))
    return tuple(patterns)


def _known(context: str, fixed: tuple[str, ...], templates: tuple[str, ...], text: str) -> str:
    """``text`` translated when it is one of ``fixed`` or made from one of ``templates``."""
    if not text:
        return text
    if text in fixed:
        return _translate(context, text)
    for pattern, template in _patterns(templates):
        match = pattern.fullmatch(text)
        if match:
            return _translate(context, template).format(*match.groups())
    return text


def core_text(text: str) -> str:
    """A name or notice written by the core (model, data, backbone, activations) in the
    window's language; anything else (a file's name, an error) stays as it is."""
    return _known("CoreTexts", CORE_TEXTS, CORE_TEXT_TEMPLATES, text)


model_text = core_text


def job_stage(stage: str) -> str:
    """A core job's progress stage in the window's language."""
    return _known("JobStages", JOB_STAGES, JOB_STAGE_TEMPLATES, stage)


def sample_name(path) -> str:
    """'flower.jpg' → 'Flower' in the window's language (other files by their own name)."""
    stem = os.path.splitext(os.path.basename(str(path)))[0]
    return _translate("Samples", stem.replace("_", " ").capitalize())
