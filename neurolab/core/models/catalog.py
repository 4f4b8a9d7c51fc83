"""Model sources: Keras Applications, SqueezeNet built in code, and model files.

Every source gives the same thing, a :class:`LoadedModel`: the Keras model,
how pixels become its input, its class names and a display name. Importing
this module is cheap (Keras is imported inside the functions), so the window
can list models before TensorFlow has loaded.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Optional

from neurolab.assets import resource_path
from neurolab.core.errors import ModelError, WeightsUnavailableError, typed_path
from neurolab.core.formatting import first_words
from neurolab.core.jobs import Job, Progress, run_job
from neurolab.core.models.files import inspect_model_file, private_copy, write_model_config
from neurolab.core.models.interface import (
    ImageInput,
    ModelOutput,
    classifier_output,
    image_input,
    model_outputs,
    not_a_classifier,
)
from neurolab.core.models.preprocessing import (
    CHOICES,
    IMAGENET_MEAN_RGB,  # noqa: F401 - where SqueezeNet's 'zerocenter' mean was always looked up
    SET_BY_USER,
    Preprocessing,
    check_channels,
    described,
    infer_preprocessing,
)
from neurolab.core.models.weights import WEIGHTS, download_job, find_weights
from neurolab.core.phrases import Outside, Phrase

UNTRAINED_NOTICE = Phrase("untrained — ImageNet weights not downloaded")
MODEL_FILE_SUFFIXES = (".keras", ".h5", ".hdf5")


@dataclass(frozen=True)
class ApplicationSpec:
    """A Keras Applications network: constructor, module, size, preprocessing (a key of
    ``preprocessing.CHOICES``: what the module's ``preprocess_input`` does)."""

    name: str
    display_name: str
    constructor: str
    family: str
    input_size: int
    preprocessing: str


APPLICATIONS: dict[str, ApplicationSpec] = {
    spec.name: spec
    for spec in [
        ApplicationSpec("mobilenet_v2", "MobileNetV2", "MobileNetV2", "mobilenet_v2", 224, "signed"),
        ApplicationSpec("vgg16", "VGG16", "VGG16", "vgg16", 224, "caffe"),
        ApplicationSpec("vgg19", "VGG19", "VGG19", "vgg19", 224, "caffe"),
        ApplicationSpec("resnet50", "ResNet50", "ResNet50", "resnet", 224, "caffe"),
        ApplicationSpec("efficientnet_b0", "EfficientNetB0", "EfficientNetB0", "efficientnet", 224, "raw"),
        ApplicationSpec("densenet121", "DenseNet121", "DenseNet121", "densenet", 224, "torch"),
        ApplicationSpec("inception_v3", "InceptionV3", "InceptionV3", "inception_v3", 299, "signed"),
    ]
}

BUNDLED = "shapes"
BUNDLED_FILE = "neurolab_shapes.keras"
BUNDLED_DISPLAY = Phrase("neurolab shapes (bundled)")
BUNDLED_INPUT = [64, 64, 3]
SQUEEZENET = "squeezenet"
# MATLAB's 'zerocenter' mean lives in core.models.preprocessing (IMAGENET_MEAN_RGB).
SQUEEZENET_WEIGHTS_FILE = WEIGHTS[SQUEEZENET].fname  # converted from torchvision's .pth (weights.py)


@dataclass
class ModelEntry:
    """One line of ``neurolab models list``; cheap, no Keras needed."""

    name: str
    display_name: str
    source: str
    input_shape: list[int]
    classes: int
    bundled: bool = False
    ready_offline: bool = False
    download_mb: int = 0

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class LoadedModel:
    """A Keras model with everything needed to feed it and read its answers.

    Its ends (:mod:`neurolab.core.models.interface`): ``image_input`` is the one
    image it takes, or None with ``no_image_reason`` saying why (a vector, a
    sequence, several inputs: the table still works, the image tabs say why they
    are idle); ``outputs`` are its outputs, and ``output_index`` the one that
    classifies (None: not a classifier, ``not_classifier_reason`` says why).
    """

    model: Any
    name: str
    display_name: str
    source: str
    #: height × width × channels of the image it takes; without one, its (first) input's shape
    input_shape: tuple
    preprocess: Callable[[Any], Any]  # a float32 batch of 0-255 pixels -> the model's input
    preprocessing: str  # a Phrase when neurolab knows it, else the model's own words
    labels: list[str]
    pretrained: bool = True
    notice: str = ""  # a Phrase when there is one
    path: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    #: The key of ``preprocess`` in ``core.models.preprocessing`` (``custom:…`` for a custom one).
    preprocessing_key: str = ""
    #: What the model's source or file says (or neurolab assumes), before any user's choice.
    preprocessing_default: str = ""
    #: Where that default came from ("assumed", "from the file: …"); "" for the registry's own.
    preprocessing_origin: str = ""
    image_input: Optional[ImageInput] = None  # made from ``input_shape`` unless no_image_reason
    no_image_reason: str = ""  # a Phrase: why the model has no image input
    outputs: list[ModelOutput] = field(default_factory=list)  # read from the model when empty
    output_index: Optional[int] = field(default=None, init=False)
    _output_models: dict = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.image_input is None and not self.no_image_reason and len(self.input_shape) == 3:
            self.image_input = ImageInput(*(int(d) for d in self.input_shape))
        if not self.outputs and self.model is not None:
            self.outputs = model_outputs(self.model)
        self.output_index = classifier_output(self.outputs) if self.outputs else 0

    @property
    def is_classifier(self) -> bool:
        return self.output_index is not None

    @property
    def not_classifier_reason(self) -> Phrase | str:
        return "" if self.is_classifier else not_a_classifier(self.outputs)

    @property
    def classifier_name(self) -> str:
        """The name of the output that classifies ("" for a model with one output or none)."""
        if self.output_index is None or len(self.outputs) < 2:
            return ""
        return self.outputs[self.output_index].name

    def choose_output(self, index: int) -> None:
        """Classify with output ``index`` (a vector output: see ``interface.find_output``).

        Class names made up for the previous output (``class 0``…) are made up again for
        this one's size; names from a labels file stay.
        """
        previous = self.outputs[self.output_index].classes if self.output_index is not None else 0
        self.output_index = int(index)
        if self.labels == _numbered_labels(previous):
            self.labels = _numbered_labels(self.outputs[self.output_index].classes)

    def classifier_model(self):
        """A Keras model giving only the output that classifies (the model itself when it has one)."""
        self.require_classifier()
        if len(self.outputs) < 2:
            return self.model
        index = self.output_index
        if index not in self._output_models:
            import keras

            inputs = self.model.inputs
            self._output_models[index] = keras.Model(inputs[0] if len(inputs) == 1 else inputs,
                                                     self.model.outputs[index],
                                                     name=f"{self.model.name}_{self.outputs[index].name}")
        return self._output_models[index]

    def require_image(self) -> ImageInput:
        """The image input; a sentence (BadInputError) for a model without one."""
        from neurolab.core.errors import BadInputError

        if self.image_input is None:
            raise BadInputError(Phrase("{0} cannot look at an image: {1}", (self.display_name,
                                                                               self.no_image_reason)))
        return self.image_input

    def require_classifier(self) -> int:
        """The index of the output that classifies; a sentence (BadInputError) if none does."""
        from neurolab.core.errors import BadInputError

        if self.output_index is None:
            raise BadInputError(self.not_classifier_reason)
        return self.output_index

    @property
    def spec(self) -> str:
        """What reopens this model: its registry name, or its file's path."""
        return self.path if self.source == "file" and self.path else self.name

    @property
    def channels(self) -> int:
        return self.require_image().channels

    @property
    def input_description(self) -> Phrase | str:
        """How inputs are normalised ("'zerocenter' normalization"), as a phrase; "" if unknown."""
        if not self.preprocessing:
            return ""
        return Phrase("{0} normalization", (self.preprocessing,))

    def label(self, index: int) -> str:
        return self.labels[index] if 0 <= index < len(self.labels) else f"class {index}"

    def with_preprocessing(self, choice: Optional[Preprocessing]) -> "LoadedModel":
        """The same Keras model fed through ``choice`` (None: back to its default); no reload.

        A new object with a new callable, so caches keyed on ``preprocess`` (the traced
        functions of activations and gradients) are rebuilt rather than reused.
        """
        if choice is None and not self.preprocessing_default:  # built by hand: nothing to go back to
            return self._copy()
        if choice is None or choice.key == self.preprocessing_default:
            choice, origin = CHOICES[self.preprocessing_default], self.preprocessing_origin
        else:
            check_channels(choice, self.channels)
            origin = SET_BY_USER
        return self._copy(preprocess=choice, preprocessing=described(choice, origin), preprocessing_key=choice.key)

    def _copy(self, **changes) -> "LoadedModel":
        """A copy with ``changes`` that keeps the output the user chose to classify with."""
        copy = replace(self, warnings=list(self.warnings), labels=list(self.labels), **changes)
        copy.output_index = self.output_index
        return copy


def imagenet_labels() -> list[str]:
    """The 1000 ImageNet class names, shipped as a resource (offline)."""
    text = resource_path("labels", "imagenet1k.txt").read_text(encoding="utf-8")
    return text.splitlines()


def bundled_model_path() -> Path:
    return resource_path("models", BUNDLED_FILE)


def bundled_labels() -> list[str]:
    path = bundled_model_path().with_suffix(".labels.txt")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def list_models() -> list[ModelEntry]:
    """The registry: the bundled model first (works offline), SqueezeNet, Keras Applications."""
    entries = []
    if bundled_model_path().is_file():
        entries.append(ModelEntry(BUNDLED, BUNDLED_DISPLAY, "bundled", BUNDLED_INPUT,
                                  len(bundled_labels()), bundled=True, ready_offline=True))
    entries += [ModelEntry(SQUEEZENET, "SqueezeNet v1.1", "built-in", [227, 227, 3], 1000,
                           ready_offline=find_weights(SQUEEZENET) is not None,
                           download_mb=WEIGHTS[SQUEEZENET].size_mb)]
    for spec in APPLICATIONS.values():
        entries.append(ModelEntry(spec.name, spec.display_name, "keras-applications",
                                  [spec.input_size, spec.input_size, 3], 1000,
                                  ready_offline=find_weights(spec.name) is not None,
                                  download_mb=WEIGHTS[spec.name].size_mb))
    return entries


def is_model_file(path: str | os.PathLike) -> bool:
    return str(path).lower().endswith(MODEL_FILE_SUFFIXES)


def load_model(spec: str, *, allow_download: bool = True,
               preprocessing: Optional[Preprocessing] = None) -> LoadedModel:
    """Load a registry name or a model file path; raise :class:`ModelError` in words.

    ``preprocessing`` replaces the model's own (``--preprocess``); None keeps it.
    """
    loaded = run_job(load_model_job(spec, allow_download=allow_download))
    return loaded.with_preprocessing(preprocessing) if preprocessing is not None else loaded


def load_model_job(spec: str, *, allow_download: bool = True) -> Job:
    """:func:`load_model` as a job: a missing ImageNet download shows as progress.

    A failed download is not an error: the model opens untrained and says why.
    """
    key = spec.strip().lower()
    if key == BUNDLED:
        return load_bundled()
    if key in APPLICATIONS or key == SQUEEZENET:
        problem = ""
        if find_weights(key) is None and allow_download and not os.environ.get("NEUROLAB_OFFLINE"):
            try:
                yield from download_job(key)
            except WeightsUnavailableError as exc:
                problem = exc.phrase
        loaded = load_squeezenet() if key == SQUEEZENET else load_application(key)
        if problem:
            loaded.warnings.append(problem)
        return loaded
    yield Progress(0, 1, Phrase("reading {0}", (os.path.basename(spec),)))
    if is_model_file(spec) or os.path.exists(spec):
        return load_model_file(spec)
    names = ", ".join([BUNDLED, SQUEEZENET, *APPLICATIONS])
    raise ModelError(Phrase("{0} is neither a model name ({1}) nor a model file (.keras, .h5).",
                            (f"'{spec}'", names)))


def load_bundled() -> LoadedModel:
    """The small classifier trained by ``python -m neurolab.core.models.bundled.train``, shipped in resources."""
    path = bundled_model_path()
    if not path.is_file():
        raise ModelError(Phrase("The bundled model is missing from this installation; reinstall neurolab."))
    loaded = load_model_file(path)
    loaded.name, loaded.display_name, loaded.source = BUNDLED, BUNDLED_DISPLAY, "bundled"
    return loaded


def load_squeezenet() -> LoadedModel:
    """SqueezeNet v1.1 with MATLAB's layer names; torchvision's ImageNet weights if cached.

    Those weights were trained on torchvision's preprocessing (RGB in [0, 1], ImageNet
    mean/std), so SqueezeNet is fed that way, with or without them.
    """
    from neurolab.core.models.squeezenet import build_squeezenet

    model = build_squeezenet()
    weights = find_weights(SQUEEZENET)
    if weights is not None:
        try:
            model.load_weights(str(weights))
        except Exception as exc:  # a damaged or foreign file in the cache
            raise ModelError(Phrase("The cached ImageNet weights for {0} ('{1}') cannot be read; delete "
                                    "the file and fetch them again.", ("SqueezeNet v1.1", weights))) from exc
    return LoadedModel(
        model=model, name=SQUEEZENET, display_name="SqueezeNet v1.1", source="built-in",
        input_shape=(227, 227, 3), labels=imagenet_labels(), pretrained=weights is not None,
        notice="" if weights is not None else UNTRAINED_NOTICE, **_preprocessing_fields("torch"),
    )


def _preprocessing_fields(key: str, origin: str = "") -> dict[str, Any]:
    """The LoadedModel fields of a source's own preprocessing ``key``."""
    choice = CHOICES[key]
    return dict(preprocess=choice, preprocessing=described(choice, origin), preprocessing_key=key,
                preprocessing_default=key, preprocessing_origin=origin)


def load_application(name: str) -> LoadedModel:
    """A Keras Application with its cached ImageNet weights, or untrained without them."""
    import keras

    spec = APPLICATIONS[name]
    constructor = getattr(keras.applications, spec.constructor)
    model = constructor(weights=None)
    weights = find_weights(name)
    if weights is not None:
        try:
            model.load_weights(str(weights))
        except Exception as exc:  # a damaged or foreign file in the cache
            raise ModelError(Phrase("The cached ImageNet weights for {0} ('{1}') cannot be read; delete "
                                    "the file and fetch them again.", (spec.display_name, weights))) from exc
    return LoadedModel(
        model=model, name=spec.name, display_name=spec.display_name, source="keras-applications",
        input_shape=(spec.input_size, spec.input_size, 3), labels=imagenet_labels(),
        pretrained=weights is not None, notice="" if weights is not None else UNTRAINED_NOTICE,
        **_preprocessing_fields(spec.preprocessing),
    )


def _exception_chain(exc: BaseException | None):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def load_model_file(path: str | os.PathLike) -> LoadedModel:
    """A ``.keras``/``.h5`` file, checked first, then loaded in Keras's safe mode, uncompiled.

    :func:`~neurolab.core.models.files.inspect_model_file` reads the bytes before
    Keras does (magic bytes, zip and HDF5 sizes, links, the config's classes
    against an allow list); safe mode is a second line of defence, never off.
    A Keras 2 file's config, translated to Keras 3's words and checked, replaces
    the original in the private copy, so Keras loads what was checked.
    """
    file = Path(path)
    name = typed_path(path)  # sentences name the file as the user typed it
    with private_copy(path) as copy:  # the checked bytes are the loaded bytes
        translated = inspect_model_file(copy, label=name)
        if translated is not None:
            write_model_config(copy, translated)

        import keras

        try:
            model = keras.saving.load_model(str(copy), compile=False, safe_mode=True)
        except Exception as exc:
            raise ModelError(_explain_load_failure(name, exc)) from exc
    if not isinstance(model, keras.Model):
        raise ModelError(Phrase("{0} holds weights only, not a whole model.", (f"'{name}'",)))
    image, no_image_reason = image_input(model)
    outputs = model_outputs(model)
    labels, warnings = _labels_for_file(file, outputs)
    return LoadedModel(
        model=model, name=file.stem, display_name=file.name, source="file",
        input_shape=image.shape if image else _first_input_shape(model),
        **_preprocessing_fields(*infer_preprocessing(model, file)),
        labels=labels, pretrained=True, path=str(file), warnings=warnings,
        image_input=image, no_image_reason=no_image_reason, outputs=outputs,
    )


# Keras 3 puts terminal bold codes into some messages ("\x1b[1mLayer ... \x1b[0m").
_ANSI_CODES = re.compile(r"\x1b\[[0-9;]*m")


def _explain_load_failure(name: str, exc: BaseException) -> Phrase:
    """Keras's messages mislead ("File not found" for a non-zip); say what is wrong."""
    text = " ".join(f"{type(e).__name__}: {e}" for e in _exception_chain(exc))
    lowered = text.lower()
    quoted = f"'{name}'"
    if "lambda" in lowered and ("safe" in lowered or "deserializ" in lowered):
        return Phrase("{0} contains a Lambda layer, which can run arbitrary code; neurolab opens models in "
                      "Keras's safe mode and will not load it.", (quoted,))
    if "unknown layer" in lowered or "could not locate class" in lowered or "custom" in lowered:
        return Phrase("{0} uses a custom layer neurolab does not know, so it cannot be rebuilt here.", (quoted,))
    if "not a zip file" in lowered or "file is not a zip" in lowered or "badzipfile" in lowered:
        return Phrase("{0} is damaged or not a Keras model ({1}).",
                      (quoted, Phrase("a .keras file must be a zip archive")))
    if "signature" in lowered or "superblock" in lowered or "hdf5" in lowered or "h5" in lowered:
        return Phrase("{0} is damaged or not a Keras model ({1}).", (quoted, Phrase("an .h5 file must be HDF5")))
    if "no model config" in lowered or "config.json" in lowered or "weights" in lowered:
        return Phrase("{0} holds weights only or is incomplete, not a whole Keras model.", (quoted,))
    words = first_words(_ANSI_CODES.sub("", str(exc))) or type(exc).__name__
    return Phrase("{0} could not be loaded as a Keras model ({1}).", (quoted, Outside(words)))


def _first_input_shape(model) -> tuple:
    """The shape of a model's first input without the batch axis (None for a free size)."""
    inputs = list(getattr(model, "inputs", None) or [])
    return tuple(None if d is None else int(d) for d in inputs[0].shape[1:]) if inputs else ()


def _labels_for_file(file: Path, outputs: list[ModelOutput]) -> tuple[list[str], list[Phrase]]:
    """Class names from ``<model>.labels.txt`` or ``labels.txt`` beside the file, and warnings;
    else ``class 0``… for the output that classifies (none for a model that does not classify).

    Teachable Machine writes ``0 Cats``, ``1 Dogs``: when every line starts with its own
    index, the index is dropped. A file naming a different number of classes than the
    classifying output has belongs to another model: it is not used, and a warning says so.
    """
    index = classifier_output(outputs)
    units = outputs[index].classes if index is not None else 0
    numbered = _numbered_labels(units)
    for candidate in (file.with_suffix(".labels.txt"), file.parent / "labels.txt"):
        if candidate.is_file() and units:
            names = _strip_indices([line.strip() for line in candidate.read_text(encoding="utf-8",
                                                                               errors="replace").splitlines()
                                    if line.strip()])
            if len(names) == units:
                return names, []
            return numbered, [Phrase("{0} names {1} classes but the model has {2} outputs, so its names "
                                     "are not used.", (f"'{candidate.name}'", len(names), units))]
    return numbered, []


def _numbered_labels(count: int) -> list[str]:
    """``class 0`` … for a model without a labels file."""
    return [f"class {i}" for i in range(count)]


def _strip_indices(lines: list[str]) -> list[str]:
    """``["0 Cats", "1 Dogs"]`` → ``["Cats", "Dogs"]``; lines not all numbered 0, 1, 2… stay."""
    names = []
    for index, line in enumerate(lines):
        number, _, name = line.partition(" ")
        if number != str(index) or not name.strip():
            return lines
        names.append(name.strip())
    return names
