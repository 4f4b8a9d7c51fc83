"""Model files are checked before Keras parses them.

Keras's safe mode has had bypasses (CVE-2025-1550, -8747, -9905, -9906,
-12058, CVE-2026-1669): a config naming any importable module, Keras
functions that are not layers (``keras.utils.get_file``,
``keras.config.enable_unsafe_deserialization``), Lambda layers in legacy
``.h5`` files, lookup layers reading vocabulary files from anywhere, HDF5
external storage reading other files. So :func:`inspect_model_file` looks at
the bytes first, with no Keras and no TensorFlow:

* only regular files whose magic bytes match the suffix (``.keras`` = zip,
  ``.h5``/``.hdf5`` = HDF5 signature at offset 0 — the HDF5 spec also allows
  512, 1024, 2048…, but Keras always writes it at 0, so only 0 is accepted);
* ``.keras``: a bounded number of zip members with expected names, declared
  sizes and compression ratios capped before anything is unpacked;
  ``config.json`` read with a size cap and parsed with :mod:`json`;
* HDF5 (the ``.h5`` file, or the weights inside a ``.keras``): no external or
  soft links, no virtual datasets, no external storage, dataset sizes capped;
* a config written by Keras 2 (tf.keras, tf-keras, Teachable Machine) is first
  rewritten in Keras 3's words by :mod:`~neurolab.core.models.legacy` (an
  explicit table of Keras 2 paths of Keras's own classes, nothing by prefix);
* every serialized object in the (translated) model config (``{"module",
  "class_name", "registered_name"}``) is checked against an allow list of
  Keras's own layers, initializers, regularizers, constraints and dtype policies.

The translated config is written into the private copy (:func:`write_model_config`),
and Keras loads that with ``safe_mode=True, compile=False`` as a second line of
defence: the config Keras reads is the one the allow list judged.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import struct
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from neurolab.core.errors import ModelError, typed_path
from neurolab.core.models.legacy import Untranslatable, translate_config
from neurolab.core.phrases import Outside, Phrase

ZIP_SIGNATURE = b"PK\x03\x04"
EMPTY_ZIP_SIGNATURE = b"PK\x05\x06"
HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"

MAX_MEMBERS = 64
MAX_TOTAL_BYTES = 2 * 1024**3          # everything a .keras file unpacks to
MAX_CONFIG_BYTES = 16 * 1024**2        # config.json, or an .h5 model_config
MAX_METADATA_BYTES = 1024**2
MAX_RATIO = 100                        # unpacked / packed size ...
RATIO_FLOOR_BYTES = 16 * 1024**2       # ... for members bigger than this
MAX_FILE_BYTES = 3 * 1024**3          # a model file on disk (copied before it is checked)
MAX_DATASET_BYTES = 2 * 1024**3        # one HDF5 dataset, and all of them together
MAX_HDF5_OBJECTS = 100_000
MAX_CONFIG_DEPTH = 200

KERAS_MEMBERS = {"config.json", "metadata.json", "model.weights.h5"}

# Keras's own classes that an image model may use. Anything else -- Keras
# functions that are not layers (get_file, enable_unsafe_deserialization),
# text lookup layers that read files, wrappers of foreign code -- is refused.
LAYERS = frozenset("""
    InputLayer Input Dense EinsumDense Activation Embedding Identity Masking
    Conv1D Conv2D Conv3D Conv1DTranspose Conv2DTranspose Conv3DTranspose
    DepthwiseConv1D DepthwiseConv2D SeparableConv1D SeparableConv2D
    MaxPooling1D MaxPooling2D MaxPooling3D AveragePooling1D AveragePooling2D AveragePooling3D
    GlobalMaxPooling1D GlobalMaxPooling2D GlobalMaxPooling3D
    GlobalAveragePooling1D GlobalAveragePooling2D GlobalAveragePooling3D
    MaxPool1D MaxPool2D MaxPool3D AvgPool1D AvgPool2D AvgPool3D
    GlobalMaxPool1D GlobalMaxPool2D GlobalMaxPool3D GlobalAvgPool1D GlobalAvgPool2D GlobalAvgPool3D
    BatchNormalization LayerNormalization GroupNormalization UnitNormalization RMSNormalization
    SpectralNormalization
    ReLU LeakyReLU PReLU ELU Softmax
    Add Subtract Multiply Average Maximum Minimum Concatenate Dot
    Flatten Reshape Permute RepeatVector Cropping1D Cropping2D Cropping3D
    UpSampling1D UpSampling2D UpSampling3D ZeroPadding1D ZeroPadding2D ZeroPadding3D
    Dropout SpatialDropout1D SpatialDropout2D SpatialDropout3D GaussianDropout GaussianNoise
    AlphaDropout ActivityRegularization
    Rescaling Normalization Resizing CenterCrop
    RandomFlip RandomRotation RandomZoom RandomTranslation RandomContrast RandomBrightness RandomCrop
""".split())
MODELS = frozenset({"Functional", "Sequential", "Model"})
INITIALIZERS = frozenset("""
    Constant Zeros Ones Identity GlorotUniform GlorotNormal HeUniform HeNormal LecunUniform LecunNormal
    RandomUniform RandomNormal TruncatedNormal VarianceScaling Orthogonal OrthogonalInitializer
""".split())
REGULARIZERS = frozenset({"L1", "L2", "L1L2", "OrthogonalRegularizer"})
CONSTRAINTS = frozenset({"MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm"})
DTYPE_POLICIES = frozenset({"DTypePolicy", "FloatDTypePolicy"})
ALLOWED_CLASSES = LAYERS | MODELS | INITIALIZERS | REGULARIZERS | CONSTRAINTS | DTYPE_POLICIES
# Keras's functions that a config may name: activations only.
ACTIVATIONS = frozenset("""
    relu relu6 leaky_relu elu selu gelu celu glu silu swish hard_silu hard_swish sigmoid hard_sigmoid
    log_sigmoid softmax log_softmax softplus softsign tanh hard_tanh tanh_shrink soft_shrink
    hard_shrink squareplus sparse_plus sparsemax threshold mish exponential linear
""".split())
# Objects Keras writes for tensors and constants; no code.
PLAIN_VALUES = frozenset({"__keras_tensor__", "__tensor__", "__numpy__", "__bytes__",
                          "__ellipsis__", "__slice__"})
ALLOWED_MODULES = frozenset({"keras", "keras.layers", "keras.models", "keras.initializers",
                             "keras.regularizers", "keras.constraints", "keras.activations",
                             "keras.dtype_policies"})
ALLOWED_SRC_PREFIXES = ("keras.src.layers.", "keras.src.models.", "keras.src.initializers.",
                        "keras.src.regularizers.", "keras.src.constraints.",
                        "keras.src.activations.", "keras.src.dtype_policies.")
CODE_LAYERS = {
    "Lambda": Phrase("a Lambda layer (Python code)"),
    "__lambda__": Phrase("a Python function (Lambda code)"),
    "TFSMLayer": Phrase("a TFSMLayer (a TensorFlow SavedModel loaded from elsewhere)"),
    "TorchModuleWrapper": Phrase("a TorchModuleWrapper (PyTorch code)"),
    "JaxLayer": Phrase("a JaxLayer (JAX code)"),
    "FlaxLayer": Phrase("a FlaxLayer (Flax code)"),
}
FILE_READING_LAYERS = {"StringLookup", "IntegerLookup", "IndexLookup", "TextVectorization"}


@contextmanager
def private_copy(path: str | os.PathLike) -> Iterator[Path]:
    """A copy of the model file in a folder only this user can write, same name.

    Checking a file and then letting Keras reopen it leaves a gap in which the
    file can be swapped. Checking and loading the private copy closes it: the
    bytes Keras parses are the bytes :func:`inspect_model_file` read.
    """
    file = Path(path)
    name = typed_path(path)
    _check_stat(name, _stat(file, name), file)
    with tempfile.TemporaryDirectory(prefix="neurolab-model-") as folder:  # mode 0700
        copy = Path(folder) / file.name
        try:
            with open(file, "rb") as source, open(copy, "xb") as target:
                _check_stat(name, os.fstat(source.fileno()), file)  # what was opened, not the name
                _copy_bounded(name, source, target)
        except OSError as exc:
            raise _unreadable(name, exc) from exc
        yield copy


def _copy_bounded(name: str, source, target) -> None:
    copied = 0
    while chunk := source.read(1 << 20):
        copied += len(chunk)
        if copied > MAX_FILE_BYTES:
            raise _refused(name, Phrase("it is larger than {0}", (_size(MAX_FILE_BYTES),)))
        target.write(chunk)


def _stat(file: Path, name: str) -> os.stat_result:
    try:
        return os.stat(file)
    except FileNotFoundError:
        raise ModelError(Phrase("{0} was not found.", (_quoted(name),))) from None
    except OSError as exc:
        raise _unreadable(name, exc) from exc


def _quoted(name: str) -> str:
    return f"'{name}'"


def _unreadable(name: str, exc: OSError) -> ModelError:
    return ModelError(Phrase("{0} cannot be read ({1}).", (_quoted(name), Outside(exc.strerror or exc))))


def _refused(name: str, reason: Phrase) -> ModelError:
    """The file is refused unread: ``reason`` says what in it neurolab will not open."""
    return ModelError(Phrase("{0} was refused: {1}.", (_quoted(name), reason)))


def _damaged(name: str, reason: Phrase) -> ModelError:
    return ModelError(Phrase("{0} is damaged or not a Keras model ({1}).", (_quoted(name), reason)))


def _weights_only(name: str) -> ModelError:
    return ModelError(Phrase("{0} holds weights only, not a whole model.", (_quoted(name),)))


def _check_stat(name: str, info: os.stat_result, file: Path) -> None:
    """A regular, non-empty file with a model suffix; nothing else is opened."""
    if stat.S_ISDIR(info.st_mode):
        raise ModelError(Phrase("{0} is a folder, not a model file.", (_quoted(name),)))
    if not stat.S_ISREG(info.st_mode):
        raise _refused(name, Phrase("it is not a regular file (a device, pipe or socket), so neurolab "
                                    "will not read it"))
    if file.suffix.lower() not in (".keras", ".h5", ".hdf5"):
        raise ModelError(Phrase("{0} is not a model file neurolab can open (.keras or .h5).", (_quoted(name),)))
    if info.st_size == 0:
        raise ModelError(Phrase("{0} is empty (0 bytes).", (_quoted(name),)))
    if info.st_size > MAX_FILE_BYTES:
        raise _refused(name, Phrase("it is larger than {0}", (_size(MAX_FILE_BYTES),)))


def inspect_model_file(path: str | os.PathLike, label: str | None = None) -> dict | None:
    """Raise :class:`ModelError` (one sentence naming the file) unless ``path`` looks safe.

    The sentence names the file by ``label`` (the path the user typed, when ``path`` is
    a private copy of it), else by ``path`` itself. Returns the model config rewritten in
    Keras 3's words when the file is in Keras 2's (the config the checks judged; the loader
    writes it into its private copy with :func:`write_model_config`), else None.
    """
    file = Path(path)
    name = label if label is not None else typed_path(path)
    _check_stat(name, _stat(file, name), file)
    suffix = file.suffix.lower()
    with open(file, "rb") as handle:
        head = handle.read(8)
    if suffix == ".keras":
        if head.startswith(EMPTY_ZIP_SIGNATURE):
            raise _damaged(name, Phrase("it is an empty zip archive"))
        if not head.startswith(ZIP_SIGNATURE):
            raise _damaged(name, Phrase("a .keras file must be a zip archive"))
        return _inspect_keras_zip(file, name)
    if head != HDF5_SIGNATURE:
        raise _damaged(name, Phrase("an .h5 file must be HDF5"))
    return _inspect_h5_model(file, name)


# --- .keras: a zip archive ---------------------------------------------------------------------

def _inspect_keras_zip(file: Path, name: str) -> dict | None:
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            _check_members(name, members)
            config = _read_member(name, archive, "config.json", MAX_CONFIG_BYTES)
            metadata = _read_member(name, archive, "metadata.json", MAX_METADATA_BYTES)
            weights = next((m for m in members if m.filename == "model.weights.h5"), None)
            if weights is not None:
                _inspect_zipped_h5(file, name, archive, weights)
    except zipfile.BadZipFile as exc:
        raise _damaged(name, Phrase("its zip archive cannot be read")) from exc
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise _damaged(name, Phrase("its zip archive cannot be read")) from exc
    return _checked_config(name, _parse_json(name, config), _zip_keras_version(metadata))


def _zip_keras_version(metadata: bytes) -> str:
    """The Keras version metadata.json names ("" when it names none)."""
    try:
        version = json.loads(metadata.decode("utf-8")).get("keras_version", "")
    except (ValueError, AttributeError, RecursionError):
        return ""
    return version if isinstance(version, str) else ""


def _check_members(name: str, members: list[zipfile.ZipInfo]) -> None:
    if not members:
        raise _damaged(name, Phrase("it is an empty zip archive"))
    if len(members) > MAX_MEMBERS:
        raise _refused(name, Phrase("its archive holds {0} files, more than a Keras model ever has",
                                    (len(members),)))
    names = [m.filename for m in members]
    if len(set(names)) != len(names):
        raise _refused(name, Phrase("its archive holds two files with the same name"))
    for member in members:
        member_name = member.filename
        parts = member_name.replace("\\", "/").split("/")
        if (member_name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]
                or "\0" in member_name):
            raise _refused(name, Phrase("its archive holds a file named '{0}', which points outside "
                                        "the archive", (member_name[:80],)))
        if member_name not in KERAS_MEMBERS and not member_name.startswith("assets/"):
            raise _refused(name, Phrase("its archive holds '{0}', which a Keras model file never has",
                                        (member_name[:80],)))
    total = sum(m.file_size for m in members)
    if total > MAX_TOTAL_BYTES:
        raise _refused(name, Phrase("it would unpack to {0}, more than neurolab allows ({1})",
                                    (_size(total), _size(MAX_TOTAL_BYTES))))
    for member in members:
        if (member.file_size > RATIO_FLOOR_BYTES
                and member.file_size > MAX_RATIO * max(member.compress_size, 1)):
            raise _refused(name, Phrase("it is a zip bomb ({0} that would unpack to {1})",
                                        (_size(member.compress_size), _size(member.file_size))))
    if "config.json" not in names:
        if "model.weights.h5" in names:
            raise _weights_only(name)
        raise _damaged(name, Phrase("the archive has no model configuration"))
    if "metadata.json" not in names:
        raise _damaged(name, Phrase("the archive has no metadata.json"))


def _read_member(name: str, archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    info = archive.getinfo(member)
    if info.file_size > limit:
        raise _refused(name, Phrase("its {0} is {1}, more than neurolab allows ({2})",
                                    (member, _size(info.file_size), _size(limit))))
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise _refused(name, Phrase("its {0} is larger than neurolab allows ({1})", (member, _size(limit))))
    return data


class _Slice(io.RawIOBase):
    """A read-only, seekable window on a file: a zip member stored uncompressed."""

    def __init__(self, handle, start: int, length: int):
        self._handle, self._start, self._length, self._pos = handle, start, length, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: self._length}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer) -> int:
        count = max(0, min(len(buffer), self._length - self._pos))
        self._handle.seek(self._start + self._pos)
        data = self._handle.read(count)
        buffer[:len(data)] = data
        self._pos += len(data)
        return len(data)


def _inspect_zipped_h5(file: Path, name: str, archive: zipfile.ZipFile,
                       member: zipfile.ZipInfo) -> None:
    """The weights inside a .keras file get the same HDF5 checks as an .h5 file."""
    with open(file, "rb") as raw:
        if member.compress_type == zipfile.ZIP_STORED:
            raw.seek(member.header_offset)
            header = raw.read(30)
            if len(header) < 30 or not header.startswith(ZIP_SIGNATURE):
                raise _damaged(name, Phrase("its zip archive cannot be read"))
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            stream = _Slice(raw, member.header_offset + 30 + name_length + extra_length,
                            member.file_size)
        else:
            stream = archive.open(member)
        with stream:
            if stream.read(8) != HDF5_SIGNATURE:
                raise _damaged(name, Phrase("its weights are not HDF5"))
            stream.seek(0)
            problem = Phrase("its weights cannot be read")
            with _open_hdf5(name, stream, problem) as h5, _hdf5_damage(name, problem):
                _check_hdf5(name, h5)


# --- .h5: HDF5 ----------------------------------------------------------------------------------

def _open_hdf5(name: str, source, problem: Phrase):
    """``h5py.File(source)`` read-only, or a ModelError saying ``problem``."""
    import h5py

    try:
        return h5py.File(source, "r")
    except OSError as exc:
        raise _damaged(name, problem) from exc


# How h5py reports damage found after the file opened (a broken B-tree, heap or object
# header while listing groups or reading attributes): the HDF5 error stack, mapped.
_HDF5_ERRORS = (OSError, RuntimeError, KeyError, ValueError, TypeError, NotImplementedError)


@contextmanager
def _hdf5_damage(name: str, problem: Phrase) -> Iterator[None]:
    try:
        yield
    except _HDF5_ERRORS as exc:
        raise _damaged(name, problem) from exc


def _inspect_h5_model(file: Path, name: str) -> dict | None:
    problem = Phrase("its HDF5 structure cannot be read")
    with _open_hdf5(name, file, problem) as h5, _hdf5_damage(name, problem):
        _check_hdf5(name, h5)
        if "model_config" not in h5.attrs:
            raise _weights_only(name)
        attribute = h5.attrs.get_id("model_config")
        if attribute.get_storage_size() > MAX_CONFIG_BYTES:
            raise _refused(name, Phrase("its model configuration is larger than neurolab allows ({0})",
                                        (_size(MAX_CONFIG_BYTES),)))
        raw = h5.attrs["model_config"]
        version = h5.attrs.get("keras_version", "")
    if hasattr(raw, "tobytes") and not isinstance(raw, (bytes, str)):
        raw = raw.tobytes()
    if isinstance(version, bytes):
        version = version.decode("utf-8", "replace")
    return _checked_config(name, _parse_json(name, raw), version if isinstance(version, str) else "")


def _check_hdf5(name: str, h5) -> None:
    """No links, virtual datasets or external storage; dataset sizes capped."""
    import h5py

    total = 0
    count = 0
    pending = [h5]
    while pending:
        group = pending.pop()
        for key in group:
            count += 1
            if count > MAX_HDF5_OBJECTS:
                raise _refused(name, Phrase("it holds more than {0} HDF5 objects", (MAX_HDF5_OBJECTS,)))
            link = group.get(key, getlink=True)
            where = f"{group.name.rstrip('/')}/{key}"
            if isinstance(link, h5py.ExternalLink):
                raise _refused(name, Phrase("it links to another file ('{0}'), which neurolab never follows",
                                            (link.filename,)))
            if not isinstance(link, h5py.HardLink):
                raise _refused(name, Phrase("it holds a link ('{0}'), which Keras never writes", (where,)))
            item = group.get(key)
            if isinstance(item, h5py.Group):
                pending.append(item)
            elif isinstance(item, h5py.Dataset):
                if item.is_virtual:
                    raise _refused(name, Phrase("it holds a virtual dataset, which reads data from other "
                                                "files"))
                if item.external:
                    raise _refused(name, Phrase("it holds a dataset stored in another file, which neurolab "
                                                "never reads"))
                size = int(item.size or 0) * int(item.dtype.itemsize)
                total += size
                if size > MAX_DATASET_BYTES or total > MAX_DATASET_BYTES:
                    raise _refused(name, Phrase("its weights would need {0}, more than neurolab allows ({1})",
                                                (_size(max(size, total)), _size(MAX_DATASET_BYTES))))


# --- the model configuration --------------------------------------------------------------------

def _parse_json(name: str, raw: Any) -> Any:
    """The model configuration, parsed."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _damaged(name, Phrase("its model configuration is not text")) from exc
    if not isinstance(raw, str):
        raise _damaged(name, Phrase("its model configuration is not text"))
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise _damaged(name, Phrase("its model configuration is not valid JSON")) from exc


def _checked_config(name: str, config: Any, keras_version: str) -> dict | None:
    """Check the config, translated first unless Keras 3 wrote it; the translation if any.

    A file that says Keras 3 wrote it is judged as it is (and never rewritten); anything
    else may be in Keras 2's words (tf.keras ≤ 2.12 wrote no version into some files).
    """
    translated = False
    if isinstance(config, dict) and not keras_version.startswith("3."):
        try:
            translated = translate_config(config)
        except Untranslatable as exc:
            raise _refused(name, exc.reason) from None
    check_model_config(name, config)
    return config if translated else None


def write_model_config(path: str | os.PathLike, config: dict) -> None:
    """Put ``config`` (checked, in Keras 3's words) into the private copy ``path`` in place of
    the file's own: the ``model_config`` attribute of an ``.h5``, ``config.json`` of a ``.keras``."""
    file = Path(path)
    text = json.dumps(config)
    if file.suffix.lower() != ".keras":
        import h5py

        with h5py.File(file, "r+") as h5:
            h5.attrs["model_config"] = text
        return
    rebuilt = file.with_name(file.name + ".translated")
    with zipfile.ZipFile(file) as source, zipfile.ZipFile(rebuilt, "x") as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, member.date_time)
            info.compress_type = member.compress_type
            if member.filename == "config.json":
                target.writestr(info, text.encode("utf-8"))
                continue
            with (source.open(member) as reader,
                  target.open(info, "w", force_zip64=member.file_size >= zipfile.ZIP64_LIMIT) as writer):
                shutil.copyfileobj(reader, writer, 1 << 20)
    os.replace(rebuilt, file)


def check_model_config(name: str, config: Any) -> None:
    """Every serialized object in a Keras model config must be on the allow list.

    ``compile_config`` (optimizer, losses) is skipped: models load with
    ``compile=False``, so Keras never reads it.
    """
    if not isinstance(config, dict) or "class_name" not in config:
        raise _damaged(name, Phrase("its model configuration describes no model"))
    config = {key: value for key, value in config.items() if key != "compile_config"}
    for obj in _serialized_objects(name, config):
        _check_object(name, obj)


def _serialized_objects(name: str, config: Any) -> Iterator[dict]:
    stack = [(config, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_CONFIG_DEPTH:
            raise _refused(name, Phrase("its model configuration is nested too deeply"))
        if isinstance(node, dict):
            if "class_name" in node:
                yield node
            stack.extend((value, depth + 1) for value in node.values())
        elif isinstance(node, list):
            stack.extend((value, depth + 1) for value in node)


def _check_object(name: str, obj: dict) -> None:
    class_name = obj.get("class_name")
    module = obj.get("module")
    registered = obj.get("registered_name")
    if not isinstance(class_name, str):
        raise _damaged(name, Phrase("its model configuration has an unnamed part"))
    if module is not None and not isinstance(module, str):
        raise _damaged(name, Phrase("its model configuration has a part with no module"))
    short = class_name[:60]
    if class_name in CODE_LAYERS:
        raise _refused(name, Phrase("it contains {0}, which neurolab never runs (models open in Keras's "
                                    "safe mode)", (CODE_LAYERS[class_name],)))
    if class_name in FILE_READING_LAYERS:
        raise _refused(name, Phrase("it contains a {0} layer, which can read other files on this computer; "
                                    "neurolab opens image models only", (class_name,)))
    if module and module.split(".")[0] != "keras" and module != "builtins":
        package = module.split(".")[0][:40]
        raise _refused(name, Phrase("it uses '{0}' from '{1}', code outside Keras that neurolab never runs",
                                    (short, package)))
    if isinstance(registered, str) and ">" in registered:
        package = registered.split(">")[0][:40]
        raise _refused(name, Phrase("it uses a custom part ('{0}') from the package '{1}', which is not "
                                    "Keras; neurolab only rebuilds Keras's own layers",
                                    (registered[:60], package)))
    if class_name == "function":
        function = obj.get("config")
        if (isinstance(function, str) and function in ACTIVATIONS
                and (module in (None, "builtins") or module.startswith(("keras.activations",
                                                                        "keras.src.activations")))
                and registered in (None, function)):
            return
        label = function[:60] if isinstance(function, str) else "?"
        raise _refused(name, Phrase("it calls the function '{0}', which is not a Keras activation; "
                                    "neurolab never runs other functions", (label,)))
    if module == "builtins":
        raise _refused(name, Phrase("it uses '{0}' from Python's builtins, which neurolab never runs",
                                    (short,)))
    if class_name in PLAIN_VALUES and module is None:
        return
    if class_name not in ALLOWED_CLASSES or (module and not _is_keras_module(module)):
        where = f"{module}.{short}" if module else short
        raise _refused(name, Phrase("it uses '{0}', which is not one of the Keras layers neurolab rebuilds "
                                    "(a custom layer or a Keras function)", (where,)))
    if registered not in (None, class_name):
        raise _refused(name, Phrase("its '{0}' is registered as '{1}', which is not Keras's own",
                                    (short, str(registered)[:60])))


def _is_keras_module(module: str) -> bool:
    return module in ALLOWED_MODULES or module.startswith(ALLOWED_SRC_PREFIXES)


def _size(count: int) -> str:
    for unit, scale in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if count >= scale:
            return f"{count / scale:.0f} {unit}"
    return f"{count} bytes"
