"""Translations of the English texts that ``neurolab.core`` hands to the window.

The core stays English and Qt-free (the command line and its JSON speak
English). What it shows in the window comes from fixed sets: layer types,
description templates (:class:`neurolab.core.phrases.Phrase`), learnable
names, model notices, job stages and error sentences. They are listed here with
``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` puts them in the .ts files, and
translated where they are shown. Class names and layer names are never
translated: they are the model's own.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from neurolab.core.formatting import format_dims
from neurolab.core.phrases import Phrase

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

#: Every template (and fixed wording) a ``Phrase`` of core.inspection.analysis or core.models.catalog can hold.
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

#: Error sentences the core writes (core.images, core.models' modules, core.kiosk, the GAN's
#: modules, core.adversarial, core.style, core.inspection.activations, core.cpu), shown in the
#: error bar. Matched like the templates above: the frame is translated, the
#: values (file names in their quotes, sizes) are kept — except a value that is itself one of
#: ERROR_PARTS / ERROR_PART_TEMPLATES (the reason in the brackets or after "was refused:"),
#: which is translated too. A more specific template comes before a more general one.
ERROR_TEXTS = (
    QT_TRANSLATE_NOOP("CoreErrors", "The bundled model is missing from this installation; reinstall neurolab."),
    QT_TRANSLATE_NOOP("CoreErrors", "The GAN has no pictures to learn from yet."),
    QT_TRANSLATE_NOOP("CoreErrors", "The VGG19 ImageNet weights are not cached; fetch them with 'neurolab "
                                    "models fetch vgg19'."),
)

ERROR_TEMPLATES = (
    # core.gan.config (the values in the settings' sentences are the user's)
    QT_TRANSLATE_NOOP("CoreErrors", "The picture size must be {0} or {1} px, not {2}."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} must be a whole number between {1} and {2}, not {3}."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} must be a whole number at least {1}, not {2}."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} must be a positive number up to 1, not {1}."),
    QT_TRANSLATE_NOOP("CoreErrors", "beta_1 must be at least 0 and below 1, not {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} must be true or false, not {1}."),
    QT_TRANSLATE_NOOP("CoreErrors", "The label smoothing must be at least 0 and below 0.5, not {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "The discriminator's dropout must be at least 0 and below 1, not {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "An interpolation needs at least 2 steps, not {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "The batch size ({0}) must be a multiple of the number of devices training "
                                    "together ({1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "The pictures are {0} px but this GAN draws {1} px pictures."),
    QT_TRANSLATE_NOOP("CoreErrors", "The checkpoint {0} is damaged or from another program ({1})."),
    # core.gan.checkpoint (the {0} of a checkpoint is its folder's name in quotes)
    QT_TRANSLATE_NOOP("CoreErrors", "Cannot create the checkpoint folder {0} ({1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is not a folder, so no checkpoint can be written there."),
    QT_TRANSLATE_NOOP("CoreErrors", "Cannot write a checkpoint into {0} ({1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "The checkpoint folder {0} was not found."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is not a GAN checkpoint folder (it is a file)."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is not a GAN checkpoint folder (no checkpoint found in it)."),
    QT_TRANSLATE_NOOP("CoreErrors", "No usable checkpoint in {0}: the only one is damaged or incomplete. The "
                                    "newest: {1}"),
    QT_TRANSLATE_NOOP("CoreErrors", "No usable checkpoint in {0}: all {1} are damaged or incomplete. The "
                                    "newest: {2}"),
    # core.gan.data
    QT_TRANSLATE_NOOP("CoreErrors", "The GAN works on {0} or {1} px pictures, not {2} px."),
    QT_TRANSLATE_NOOP("CoreErrors", "The built-in set needs at least one picture, not {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is not a folder."),
    QT_TRANSLATE_NOOP("CoreErrors", "The folder {0} was not found."),
    QT_TRANSLATE_NOOP("CoreErrors", "No readable images in {0} ({1} files skipped)."),
    QT_TRANSLATE_NOOP("CoreErrors", "No readable images in {0} ({1} file skipped)."),
    # core.adversarial and core.models.labels (class numbers and names are the model's)
    QT_TRANSLATE_NOOP("CoreErrors", "An image must be height × width × 3, not {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "An image must hold 8-bit pixels (uint8), not {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "The target class {0} does not exist: the model has {1} classes (0–{2})."),
    QT_TRANSLATE_NOOP("CoreErrors", "The true class {0} does not exist: the model has {1} classes (0–{2})."),
    QT_TRANSLATE_NOOP("CoreErrors", "Class {0} does not exist: the model has {1} classes (0–{2})."),
    # the longer sentences first: a template matches the first that fits
    QT_TRANSLATE_NOOP("CoreErrors", "No class called {0}. Did you mean {1}? The model knows these {2} "
                                    "classes: {3}."),
    QT_TRANSLATE_NOOP("CoreErrors", "No class called {0}. The model knows these {1} classes: {2}."),
    QT_TRANSLATE_NOOP("CoreErrors", "No class called {0}. Did you mean {1}?"),
    QT_TRANSLATE_NOOP("CoreErrors", "No class called {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "Cannot compare images of different sizes ({0} and {1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "Unknown attack method {0}: use fgsm or pgd."),
    QT_TRANSLATE_NOOP("CoreErrors", "Epsilon must be between {0} and {1} pixel levels (of 0–255), not {2}."),
    QT_TRANSLATE_NOOP("CoreErrors", "A fooling image needs a positive size, not {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "Unknown start {0}: use noise or grey."),
    QT_TRANSLATE_NOOP("CoreErrors", "Unknown blend mode {0}: use add or mix."),
    # core.models.weights, core.inspection.activations, core.cpu
    QT_TRANSLATE_NOOP("CoreErrors", "Cannot write to the weights folder '{0}': {1}."),
    QT_TRANSLATE_NOOP("CoreErrors", "The downloaded weights for {0} are damaged (their checksum does not "
                                    "match); please try again."),
    QT_TRANSLATE_NOOP("CoreErrors", "Could not download the ImageNet weights for {0} ({1}). Without a network "
                                    "connection, copy '{2}' from a PC that has it into '{3}'."),
    QT_TRANSLATE_NOOP("CoreErrors", "The model has no layer called {0}."),
    QT_TRANSLATE_NOOP("CoreErrors", "This computer's processor lacks {0}, which TensorFlow needs, so neurolab "
                                    "cannot compute anything on it; use a PC made after about 2012."),
    # core.images (the {0} of an image is its name in quotes)
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is empty (0 bytes)."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is a folder, not an image file."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} was not found."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} cannot be opened ({1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is not an image neurolab can read (supported: {1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is a TIFF in a form neurolab cannot decode (an unusual "
                                    "compression); save it as PNG or JPEG."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is a vector drawing (SVG), not a picture of pixels; export it as PNG."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is a HEIC photo, which neurolab cannot read; save it as JPEG."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} has no pixels ({1}×{2})."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is too large: {1}×{2} pixels is more than the {3} megapixel limit."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is too large: {1} megapixels is more than the {2} megapixel limit."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is too large: {1} megapixels is more than the limit."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is too large: the image is more than the {1} megapixel limit."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is too large: the image is more than the limit."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is too large to fit in memory."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is damaged or incomplete."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is damaged or incomplete (the file ends too early)."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} uses the colour mode {1}, which neurolab cannot show."),
    QT_TRANSLATE_NOOP("CoreErrors", "Cannot save {0}: the name must end in .png, .jpg or .jpeg."),
    QT_TRANSLATE_NOOP("CoreErrors", "Cannot save {0}: the folder '{1}' does not exist."),
    QT_TRANSLATE_NOOP("CoreErrors", "Cannot save {0}: permission denied."),
    QT_TRANSLATE_NOOP("CoreErrors", "Cannot save {0} ({1})."),
    # core.models.files and core.models.catalog (the {0} of a model is its name in quotes)
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is a folder, not a model file."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is not a model file neurolab can open (.keras or .h5)."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} cannot be read ({1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} holds weights only, not a whole model."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} holds weights only or is incomplete, not a whole Keras model."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} contains a Lambda layer, which can run arbitrary code; neurolab "
                                    "opens models in Keras's safe mode and will not load it."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} uses a custom layer neurolab does not know, so it cannot be "
                                    "rebuilt here."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} has {1} inputs; neurolab needs a model with one image input."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} does not take images: its input has shape {1}, not height × "
                                    "width × 1 or 3 channels."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is neither a model name ({1}) nor a model file (.keras, .h5)."),
    QT_TRANSLATE_NOOP("CoreErrors", "The cached ImageNet weights for {0} ('{1}') cannot be read; delete "
                                    "the file and fetch them again."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is damaged or not a Keras model ({1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} could not be loaded as a Keras model ({1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} was refused: {1}."),
    # core.kiosk
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is outside the class folder; on this classroom PC only files "
                                    "from that folder can be opened."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} cannot be saved there; on this classroom PC results are saved "
                                    "only in the class output folder."),
    QT_TRANSLATE_NOOP("CoreErrors", "The kiosk output folder '{0}' cannot be created ({1}); ask the "
                                    "administrator to fix {2}."),
)

#: The reasons inside those sentences: "(…)" and after "was refused:".
ERROR_PARTS = (
    QT_TRANSLATE_NOOP("CoreErrors", "permission denied"),
    QT_TRANSLATE_NOOP("CoreErrors", "Permission denied"),
    QT_TRANSLATE_NOOP("CoreErrors", "No such file or directory"),
    QT_TRANSLATE_NOOP("CoreErrors", "File exists"),
    QT_TRANSLATE_NOOP("CoreErrors", "Not a directory"),
    QT_TRANSLATE_NOOP("CoreErrors", "timed out"),
    QT_TRANSLATE_NOOP("CoreErrors", "system error"),
    QT_TRANSLATE_NOOP("CoreErrors", "write failed"),
    QT_TRANSLATE_NOOP("CoreErrors", "a .keras file must be a zip archive"),
    QT_TRANSLATE_NOOP("CoreErrors", "an .h5 file must be HDF5"),
    QT_TRANSLATE_NOOP("CoreErrors", "it is an empty zip archive"),
    QT_TRANSLATE_NOOP("CoreErrors", "its zip archive cannot be read"),
    QT_TRANSLATE_NOOP("CoreErrors", "its HDF5 structure cannot be read"),
    QT_TRANSLATE_NOOP("CoreErrors", "its weights are not HDF5"),
    QT_TRANSLATE_NOOP("CoreErrors", "its weights cannot be read"),
    QT_TRANSLATE_NOOP("CoreErrors", "the archive has no model configuration"),
    QT_TRANSLATE_NOOP("CoreErrors", "the archive has no metadata.json"),
    QT_TRANSLATE_NOOP("CoreErrors", "its model configuration is not text"),
    QT_TRANSLATE_NOOP("CoreErrors", "its model configuration is not valid JSON"),
    QT_TRANSLATE_NOOP("CoreErrors", "its model configuration describes no model"),
    QT_TRANSLATE_NOOP("CoreErrors", "its model configuration has an unnamed part"),
    QT_TRANSLATE_NOOP("CoreErrors", "its model configuration has a part with no module"),
    QT_TRANSLATE_NOOP("CoreErrors", "its model configuration is nested too deeply"),
    QT_TRANSLATE_NOOP("CoreErrors", "it is not a regular file (a device, pipe or socket), so neurolab "
                                    "will not read it"),
    QT_TRANSLATE_NOOP("CoreErrors", "its archive holds two files with the same name"),
    QT_TRANSLATE_NOOP("CoreErrors", "it holds a virtual dataset, which reads data from other files"),
    QT_TRANSLATE_NOOP("CoreErrors", "it holds a dataset stored in another file, which neurolab never reads"),
    QT_TRANSLATE_NOOP("CoreErrors", "a Lambda layer (Python code)"),
    QT_TRANSLATE_NOOP("CoreErrors", "a Python function (Lambda code)"),
    QT_TRANSLATE_NOOP("CoreErrors", "a TFSMLayer (a TensorFlow SavedModel loaded from elsewhere)"),
    QT_TRANSLATE_NOOP("CoreErrors", "a TorchModuleWrapper (PyTorch code)"),
    QT_TRANSLATE_NOOP("CoreErrors", "a JaxLayer (JAX code)"),
    QT_TRANSLATE_NOOP("CoreErrors", "a FlaxLayer (Flax code)"),
    # core.gan.config: the settings in its sentences, the reasons a checkpoint cannot be used
    QT_TRANSLATE_NOOP("CoreErrors", "The picture size"),
    QT_TRANSLATE_NOOP("CoreErrors", "The latent size"),
    QT_TRANSLATE_NOOP("CoreErrors", "The batch size"),
    QT_TRANSLATE_NOOP("CoreErrors", "The number of epochs"),
    QT_TRANSLATE_NOOP("CoreErrors", "The seed"),
    QT_TRANSLATE_NOOP("CoreErrors", "The number of preview samples"),
    QT_TRANSLATE_NOOP("CoreErrors", "The preview interval (steps)"),
    QT_TRANSLATE_NOOP("CoreErrors", "The network width"),
    QT_TRANSLATE_NOOP("CoreErrors", "The history interval (steps)"),
    QT_TRANSLATE_NOOP("CoreErrors", "The generator's learning rate"),
    QT_TRANSLATE_NOOP("CoreErrors", "The discriminator's learning rate"),
    QT_TRANSLATE_NOOP("CoreErrors", "its settings cannot be used"),
)

#: The same with values in them.
ERROR_PART_TEMPLATES = (
    QT_TRANSLATE_NOOP("CoreErrors", "it is larger than {0}"),
    QT_TRANSLATE_NOOP("CoreErrors", "its archive holds {0} files, more than a Keras model ever has"),
    QT_TRANSLATE_NOOP("CoreErrors", "its archive holds a file named '{0}', which points outside the archive"),
    QT_TRANSLATE_NOOP("CoreErrors", "its archive holds '{0}', which a Keras model file never has"),
    QT_TRANSLATE_NOOP("CoreErrors", "it would unpack to {0}, more than neurolab allows ({1})"),
    QT_TRANSLATE_NOOP("CoreErrors", "it is a zip bomb ({0} that would unpack to {1})"),
    QT_TRANSLATE_NOOP("CoreErrors", "its model configuration is larger than neurolab allows ({0})"),
    QT_TRANSLATE_NOOP("CoreErrors", "its {0} is {1}, more than neurolab allows ({2})"),
    QT_TRANSLATE_NOOP("CoreErrors", "its {0} is larger than neurolab allows ({1})"),
    QT_TRANSLATE_NOOP("CoreErrors", "it holds more than {0} HDF5 objects"),
    QT_TRANSLATE_NOOP("CoreErrors", "it links to another file ('{0}'), which neurolab never follows"),
    QT_TRANSLATE_NOOP("CoreErrors", "it holds a link ('{0}'), which Keras never writes"),
    QT_TRANSLATE_NOOP("CoreErrors", "its weights would need {0}, more than neurolab allows ({1})"),
    QT_TRANSLATE_NOOP("CoreErrors", "it contains {0}, which neurolab never runs (models open in Keras's "
                                    "safe mode)"),
    QT_TRANSLATE_NOOP("CoreErrors", "it contains a {0} layer, which can read other files on this computer; "
                                    "neurolab opens image models only"),
    QT_TRANSLATE_NOOP("CoreErrors", "it uses '{0}' from '{1}', code outside Keras that neurolab never runs"),
    QT_TRANSLATE_NOOP("CoreErrors", "it uses a custom part ('{0}') from the package '{1}', which is not "
                                    "Keras; neurolab only rebuilds Keras's own layers"),
    QT_TRANSLATE_NOOP("CoreErrors", "it calls the function '{0}', which is not a Keras activation; "
                                    "neurolab never runs other functions"),
    QT_TRANSLATE_NOOP("CoreErrors", "it uses '{0}' from Python's builtins, which neurolab never runs"),
    QT_TRANSLATE_NOOP("CoreErrors", "it uses '{0}', which is not one of the Keras layers neurolab rebuilds "
                                    "(a custom layer or a Keras function)"),
    QT_TRANSLATE_NOOP("CoreErrors", "its '{0}' is registered as '{1}', which is not Keras's own"),
    # core.gan.trainer and .checkpoint: why a checkpoint cannot be used (the last one's {0} is its folder)
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is missing"),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} variable {1} has shape {2}, expected {3}"),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} has more variables than this GAN"),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} has no manifest (it was not written completely)."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is not a neurolab GAN checkpoint."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} was written by a newer neurolab."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} lacks its file {1}."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} is damaged ({1} does not match its checksum)."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} has a damaged manifest ({1})."),
    QT_TRANSLATE_NOOP("CoreErrors", "{0} cannot be read ({1})."),
    # core.models.weights: why a download failed (the system's words; the common ones)
    QT_TRANSLATE_NOOP("CoreErrors", "[Errno {0}] Connection refused"),
    QT_TRANSLATE_NOOP("CoreErrors", "[Errno {0}] Temporary failure in name resolution"),
    QT_TRANSLATE_NOOP("CoreErrors", "[Errno {0}] Network is unreachable"),
)


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def count_text(number: int) -> str:
    """99402 → '99,402' in English, '99 402' in Czech: the window's language's digit grouping."""
    from neurolab.gui.locale_format import integer

    return integer(number)


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


def _known(context: str, fixed: tuple[str, ...], templates: tuple[str, ...], text: str,
           value: Callable[[str], str] = str) -> str:
    """``text`` translated when it is one of ``fixed`` or made from one of ``templates``
    (whose values go through ``value``)."""
    if not text:
        return text
    if text in fixed:
        return _translate(context, text)
    for pattern, template in _patterns(templates):
        match = pattern.fullmatch(text)
        if match:
            return _translate(context, template).format(*map(value, match.groups()))
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


def _error_part(text: str) -> str:
    """A reason inside an error sentence, translated when it is a known one (with its own parts)."""
    return _known("CoreErrors", ERROR_PARTS, ERROR_PART_TEMPLATES, text, _error_part)


def error_text(message: str) -> str:
    """An error sentence of the core in the window's language: the sentence's frame and its known
    reasons are translated, file names and sizes stay. Anything else (an error already
    translated, an unexpected exception's text) is shown as it is."""
    return _known("CoreErrors", ERROR_TEXTS, ERROR_TEMPLATES, message, _error_part)
