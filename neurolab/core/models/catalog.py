"""Model sources: Keras Applications, SqueezeNet built in code, and model files.

Every source gives the same thing, a :class:`LoadedModel`: the Keras model,
how pixels become its input, its class names and a display name. Importing
this module is cheap (Keras is imported inside the functions), so the window
can list models before TensorFlow has loaded.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np

from neurolab.assets import resource_path
from neurolab.core.errors import ModelError, WeightsUnavailableError, typed_path
from neurolab.core.formatting import first_words
from neurolab.core.jobs import Job, Progress, run_job
from neurolab.core.models.files import inspect_model_file, private_copy, write_model_config
from neurolab.core.models.weights import WEIGHTS, cache_dir, download_job, find_weights
from neurolab.core.phrases import Outside, Phrase

UNTRAINED_NOTICE = Phrase("untrained — ImageNet weights not downloaded")
MODEL_FILE_SUFFIXES = (".keras", ".h5", ".hdf5")


@dataclass(frozen=True)
class ApplicationSpec:
    """A Keras Applications network: constructor, preprocessing family, size."""

    name: str
    display_name: str
    constructor: str
    family: str
    input_size: int
    preprocessing: Phrase


APPLICATIONS: dict[str, ApplicationSpec] = {
    spec.name: spec
    for spec in [
        ApplicationSpec("mobilenet_v2", "MobileNetV2", "MobileNetV2", "mobilenet_v2", 224,
                        Phrase("pixels scaled to [-1, 1]")),
        ApplicationSpec("vgg16", "VGG16", "VGG16", "vgg16", 224,
                        Phrase("BGR, ImageNet mean subtracted ('caffe')")),
        ApplicationSpec("vgg19", "VGG19", "VGG19", "vgg19", 224,
                        Phrase("BGR, ImageNet mean subtracted ('caffe')")),
        ApplicationSpec("resnet50", "ResNet50", "ResNet50", "resnet", 224,
                        Phrase("BGR, ImageNet mean subtracted ('caffe')")),
        ApplicationSpec("efficientnet_b0", "EfficientNetB0", "EfficientNetB0", "efficientnet", 224,
                        Phrase("pixels 0-255; the model normalises inside")),
        ApplicationSpec("densenet121", "DenseNet121", "DenseNet121", "densenet", 224,
                        Phrase("scaled to [0, 1], ImageNet mean/std ('torch')")),
        ApplicationSpec("inception_v3", "InceptionV3", "InceptionV3", "inception_v3", 299,
                        Phrase("pixels scaled to [-1, 1]")),
    ]
}

BUNDLED = "shapes"
BUNDLED_FILE = "neurolab_shapes.keras"
BUNDLED_DISPLAY = Phrase("neurolab shapes (bundled)")
BUNDLED_INPUT = [64, 64, 3]
SQUEEZENET = "squeezenet"
# MATLAB's 'zerocenter' normalisation: the ImageNet mean colour is subtracted.
IMAGENET_MEAN_RGB = (123.68, 116.779, 103.939)
SQUEEZENET_WEIGHTS_FILE = "squeezenet_v1.1_imagenet.weights.h5"


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
    """A Keras model with everything needed to feed it and read its answers."""

    model: Any
    name: str
    display_name: str
    source: str
    input_shape: tuple[int, int, int]
    preprocess: Callable[[Any], Any]
    preprocessing: str  # a Phrase when neurolab knows it, else the model's own words
    labels: list[str]
    pretrained: bool = True
    notice: str = ""  # a Phrase when there is one
    path: Optional[str] = None
    warnings: list[str] = field(default_factory=list)

    @property
    def spec(self) -> str:
        """What reopens this model: its registry name, or its file's path."""
        return self.path if self.source == "file" and self.path else self.name

    @property
    def channels(self) -> int:
        return self.input_shape[2]

    @property
    def input_description(self) -> Phrase | str:
        """How inputs are normalised ("'zerocenter' normalization"), as a phrase; "" if unknown."""
        if not self.preprocessing:
            return ""
        return Phrase("{0} normalization", (self.preprocessing,))

    def label(self, index: int) -> str:
        return self.labels[index] if 0 <= index < len(self.labels) else f"class {index}"


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
                          ready_offline=(cache_dir() / SQUEEZENET_WEIGHTS_FILE).is_file())]
    for spec in APPLICATIONS.values():
        entries.append(ModelEntry(spec.name, spec.display_name, "keras-applications",
                                  [spec.input_size, spec.input_size, 3], 1000,
                                  ready_offline=find_weights(spec.name) is not None,
                                  download_mb=WEIGHTS[spec.name].size_mb))
    return entries


def is_model_file(path: str | os.PathLike) -> bool:
    return str(path).lower().endswith(MODEL_FILE_SUFFIXES)


def load_model(spec: str, *, allow_download: bool = True) -> LoadedModel:
    """Load a registry name or a model file path; raise :class:`ModelError` in words."""
    return run_job(load_model_job(spec, allow_download=allow_download))


def load_model_job(spec: str, *, allow_download: bool = True) -> Job:
    """:func:`load_model` as a job: a missing ImageNet download shows as progress.

    A failed download is not an error: the model opens untrained and says why.
    """
    key = spec.strip().lower()
    if key == BUNDLED:
        return load_bundled()
    if key == SQUEEZENET:
        return load_squeezenet()
    if key in APPLICATIONS:
        problem = ""
        if find_weights(key) is None and allow_download and not os.environ.get("NEUROLAB_OFFLINE"):
            try:
                yield from download_job(key)
            except WeightsUnavailableError as exc:
                problem = exc.phrase
        loaded = load_application(key)
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
    """SqueezeNet v1.1 with MATLAB's layer names; ImageNet weights if cached."""
    from neurolab.core.models.squeezenet import build_squeezenet

    model = build_squeezenet()
    weights = cache_dir() / SQUEEZENET_WEIGHTS_FILE
    pretrained = weights.is_file()
    if pretrained:
        model.load_weights(str(weights))
    return LoadedModel(
        model=model, name=SQUEEZENET, display_name="SqueezeNet v1.1", source="built-in",
        input_shape=(227, 227, 3), preprocess=_zerocenter, preprocessing=Phrase("'zerocenter'"),
        labels=imagenet_labels(), pretrained=pretrained,
        notice="" if pretrained else UNTRAINED_NOTICE,
    )


def _zerocenter(batch):
    import keras

    return batch - keras.ops.convert_to_tensor(np.array(IMAGENET_MEAN_RGB, dtype="float32"))


def load_application(name: str) -> LoadedModel:
    """A Keras Application with its cached ImageNet weights, or untrained without them."""
    import keras

    spec = APPLICATIONS[name]
    constructor = getattr(keras.applications, spec.constructor)
    module = getattr(keras.applications, spec.family)
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
        input_shape=(spec.input_size, spec.input_size, 3), preprocess=module.preprocess_input,
        preprocessing=spec.preprocessing, labels=imagenet_labels(), pretrained=weights is not None,
        notice="" if weights is not None else UNTRAINED_NOTICE,
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
    input_shape = _image_input_shape(name, model)
    preprocess, preprocessing = _infer_preprocessing(model)
    labels, warnings = _labels_for_file(file, model)
    return LoadedModel(
        model=model, name=file.stem, display_name=file.name, source="file",
        input_shape=input_shape, preprocess=preprocess, preprocessing=preprocessing,
        labels=labels, pretrained=True, path=str(file), warnings=warnings,
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


def _image_input_shape(name: str, model) -> tuple[int, int, int]:
    if len(model.inputs) != 1:
        raise ModelError(Phrase("{0} has {1} inputs; neurolab needs a model with one image input.",
                                (f"'{name}'", len(model.inputs))))
    shape = tuple(model.inputs[0].shape[1:])
    if len(shape) != 3 or shape[2] not in (1, 3):
        raise ModelError(Phrase("{0} does not take images: its input has shape {1}, not height × width × 1 "
                                "or 3 channels.", (f"'{name}'", list(shape))))
    height, width, channels = (int(d) if d is not None else 224 for d in shape)
    return height, width, channels


def _infer_preprocessing(model) -> tuple[Callable[[Any], Any], Phrase]:
    """Models that rescale inside take raw 0–255 pixels; others get 0–1."""
    import keras

    early = [layer for layer in model.layers[:4]]
    if any(isinstance(layer, (keras.layers.Rescaling, keras.layers.Normalization)) for layer in early):
        return _identity, Phrase("raw 0-255 pixels (the model rescales inside)")
    return _unit_scale, Phrase("pixels scaled to [0, 1] (assumed)")


def _identity(batch):
    return batch


def _unit_scale(batch):
    return batch / 255.0


def _labels_for_file(file: Path, model) -> tuple[list[str], list[Phrase]]:
    """Class names from ``<model>.labels.txt`` or ``labels.txt`` beside the file, and warnings.

    Teachable Machine writes ``0 Cats``, ``1 Dogs``: when every line starts with its own
    index, the index is dropped. A file naming a different number of classes than the model
    has outputs belongs to another model: it is not used, and a warning says so.
    """
    units = int(model.outputs[0].shape[-1] or 0)
    numbered = [f"class {i}" for i in range(units)]
    for candidate in (file.with_suffix(".labels.txt"), file.parent / "labels.txt"):
        if candidate.is_file():
            names = _strip_indices([line.strip() for line in candidate.read_text(encoding="utf-8",
                                                                               errors="replace").splitlines()
                                    if line.strip()])
            if len(names) == units:
                return names, []
            return numbered, [Phrase("{0} names {1} classes but the model has {2} outputs, so its names "
                                     "are not used.", (f"'{candidate.name}'", len(names), units))]
    return numbered, []


def _strip_indices(lines: list[str]) -> list[str]:
    """``["0 Cats", "1 Dogs"]`` → ``["Cats", "Dogs"]``; lines not all numbered 0, 1, 2… stay."""
    names = []
    for index, line in enumerate(lines):
        number, _, name = line.partition(" ")
        if number != str(index) or not name.strip():
            return lines
        names.append(name.strip())
    return names
