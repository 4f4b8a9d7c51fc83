"""A PyTorch ``.pth`` state_dict read into NumPy arrays without running its pickle, nor importing torch.

``torch.load`` unpickles the file, and a pickle may call any function it names
(``os.system`` included). Here a restricted unpickler resolves only the few
names a state_dict of plain tensors needs — ``collections.OrderedDict``,
``torch._utils._rebuild_tensor_v2`` / ``_rebuild_tensor`` and the ``torch.*Storage``
types — each mapped to a local NumPy builder; any other name refuses the file
with a sentence before anything runs. Storages are read as raw little-endian
bytes, never unpickled.

Two layouts exist (pytorch/pytorch#31877):

- zip (``torch.save`` since 1.6): ``<name>/data.pkl`` (persistent ids
  ``('storage', type, key, location, numel)``) and ``<name>/data/<key>``, the raw bytes;
- the legacy stream (0.1.10 to 1.5; torchvision's 2017 files such as
  ``squeezenet1_1-b8a52dc0.pth``): pickles back to back — a magic number, the
  protocol (1001), system info, the object (persistent ids
  ``('storage', type, key, location, numel, view)``), the list of storage keys —
  then each storage as an int64 element count followed by its bytes.

Sizes are bounded (the file, the pickle, the number of tensors, every tensor's
extent inside its storage), so a damaged or hostile file gets a sentence, not a
memory error.
"""

from __future__ import annotations

import io
import os
import pickle
import struct
import zipfile
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, BinaryIO

import numpy as np

from neurolab.core.errors import ModelError, quoted_path
from neurolab.core.phrases import Phrase

MAX_FILE_BYTES = 1 << 30
MAX_PICKLE_BYTES = 32 << 20
MAX_ENTRIES = 100_000
MAX_DIMENSIONS = 8
LEGACY_MAGIC = 0x1950A86A20F9469CFC6C
LEGACY_PROTOCOL = 1001

#: the storage types a state_dict of plain tensors uses, as little-endian NumPy dtypes
STORAGE_DTYPES = {
    "FloatStorage": "<f4", "DoubleStorage": "<f8", "HalfStorage": "<f2",
    "LongStorage": "<i8", "IntStorage": "<i4", "ShortStorage": "<i2", "CharStorage": "i1",
    "ByteStorage": "u1", "BoolStorage": "?",
}


@dataclass(frozen=True)
class _StorageType:
    """What ``torch.FloatStorage`` and its kin stand for here: a dtype."""

    name: str
    dtype: np.dtype


class _Storage:
    """One storage: its declared element count, its bytes once read."""

    def __init__(self, dtype: np.dtype, numel: int):
        self.dtype, self.numel = dtype, numel
        self.array: np.ndarray | None = None


@dataclass
class _TensorRef:
    """A tensor as the pickle describes it; its values are cut from the storage afterwards."""

    storage: _Storage
    offset: int
    size: tuple
    stride: tuple


def _rebuild_tensor(storage, storage_offset, size, stride, *_rest):
    """``torch._utils._rebuild_tensor`` and ``_rebuild_tensor_v2``: arguments kept as data."""
    if not isinstance(storage, _Storage):
        raise pickle.UnpicklingError("a tensor without a storage")
    return _TensorRef(storage, storage_offset, tuple(size), tuple(stride))


def _allowed_globals() -> dict[tuple[str, str], Any]:
    allowed: dict[tuple[str, str], Any] = {
        ("collections", "OrderedDict"): OrderedDict,
        ("torch._utils", "_rebuild_tensor"): _rebuild_tensor,
        ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor,
    }
    for name, dtype in STORAGE_DTYPES.items():
        allowed[("torch", name)] = _StorageType(name, np.dtype(dtype))
    return allowed


ALLOWED_GLOBALS = _allowed_globals()
PYTHON2_MODULES = {"__builtin__": "builtins", "copy_reg": "copyreg"}


class _Refused(Exception):
    """The pickle asked for a name outside :data:`ALLOWED_GLOBALS` (nothing of it ran)."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


class _RestrictedUnpickler(pickle.Unpickler):
    """An unpickler that knows a handful of names and reads storages through ``storage_for``."""

    def __init__(self, file: BinaryIO, storage_for):
        super().__init__(file, encoding="latin1")  # Python 2 era pickles: str keys as bytes
        self._storage_for = storage_for

    def find_class(self, module: str, name: str):
        module = PYTHON2_MODULES.get(module, module)  # protocol 2 writes Python 2's names
        try:
            return ALLOWED_GLOBALS[(module, name)]
        except KeyError:
            raise _Refused(f"{module}.{name}") from None

    def persistent_load(self, pid):
        if self._storage_for is None:
            raise pickle.UnpicklingError("a storage where none may be")
        return self._storage_for(pid)


def read_state_dict(path: str | os.PathLike) -> dict[str, np.ndarray]:
    """``path``'s tensors by name (float32 stays float32), or :class:`ModelError` in words."""
    name = quoted_path(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ModelError(Phrase("{0} is too large for a weights file ({1} MB).", (name, size >> 20)))
        with open(path, "rb") as handle:
            head = handle.read(4)
            handle.seek(0)
            if head.startswith(b"PK\x03\x04"):
                state = _read_zip(handle, name)
            elif head[:1] == b"\x80":
                state = _read_legacy(handle, name)
            else:
                raise ModelError(Phrase("{0} is not a PyTorch weights file.", (name,)))
    except _Refused as refused:
        raise ModelError(Phrase("{0} is not a plain PyTorch weights file: it asks to run {1}, so neurolab "
                                "does not read it.", (name, refused.name))) from None
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, IndexError,
            AttributeError, struct.error, zipfile.BadZipFile, MemoryError, RecursionError) as exc:
        raise ModelError(Phrase("{0} is damaged or not a PyTorch weights file.", (name,))) from exc
    return _tensors(state, name)


# --- the zip layout -------------------------------------------------------------------------------
def _read_zip(handle: BinaryIO, name: str):
    with zipfile.ZipFile(handle) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_FILE_BYTES:
            raise ModelError(Phrase("{0} is damaged or not a PyTorch weights file.", (name,)))
        pickles = [i for i in infos if i.filename.endswith("/data.pkl") and i.filename.count("/") == 1]
        if len(pickles) != 1 or pickles[0].file_size > MAX_PICKLE_BYTES:
            raise ModelError(Phrase("{0} is not a PyTorch weights file.", (name,)))
        prefix = pickles[0].filename[: -len("data.pkl")]
        byteorder = prefix + "byteorder"
        if byteorder in archive.namelist() and archive.read(byteorder).strip() != b"little":
            raise ModelError(Phrase("{0} was saved on a big-endian computer; neurolab reads little-endian "
                                    "files only.", (name,)))
        storages: dict[str, _Storage] = {}

        def storage_for(pid) -> _Storage:
            kind, storage_type, key, _location, numel = pid
            if _text(kind) != "storage" or not isinstance(storage_type, _StorageType):
                raise pickle.UnpicklingError("an unknown persistent id")
            key = _text(key)
            if key not in storages:
                entry = archive.getinfo(f"{prefix}data/{key}")
                itemsize = storage_type.dtype.itemsize
                if entry.file_size != int(numel) * itemsize:
                    raise ValueError("storage size")
                storage = _Storage(storage_type.dtype, int(numel))
                storage.array = np.frombuffer(archive.read(entry), dtype=storage_type.dtype)
                storages[key] = storage
            return storages[key]

        data = archive.read(pickles[0])
        return _RestrictedUnpickler(io.BytesIO(data), storage_for).load()


# --- the legacy stream ----------------------------------------------------------------------------
def _read_legacy(handle: BinaryIO, name: str):
    def plain() -> Any:
        return _RestrictedUnpickler(handle, None).load()

    if plain() != LEGACY_MAGIC:
        raise ModelError(Phrase("{0} is not a PyTorch weights file.", (name,)))
    if plain() != LEGACY_PROTOCOL:
        raise ModelError(Phrase("{0} was saved by a PyTorch version neurolab cannot read.", (name,)))
    info = plain()
    if not isinstance(info, dict) or not info.get("little_endian", False):
        raise ModelError(Phrase("{0} was saved on a big-endian computer; neurolab reads little-endian "
                                "files only.", (name,)))
    storages: dict[str, _Storage] = {}

    def storage_for(pid) -> _Storage:
        kind, storage_type, key, _location, numel, view = pid
        if _text(kind) != "storage" or not isinstance(storage_type, _StorageType) or view is not None:
            raise pickle.UnpicklingError("an unknown persistent id")
        key = _text(key)
        if key not in storages:
            if len(storages) >= MAX_ENTRIES:
                raise ValueError("too many storages")
            storages[key] = _Storage(storage_type.dtype, int(numel))
        return storages[key]

    state = _RestrictedUnpickler(handle, storage_for).load()
    keys = plain()
    if not isinstance(keys, list):
        raise ValueError("storage keys")
    remaining = os.fstat(handle.fileno()).st_size - handle.tell()
    for key in keys:
        storage = storages[_text(key)]
        (count,) = struct.unpack("<q", handle.read(8))
        nbytes = count * storage.dtype.itemsize
        if count != storage.numel or nbytes > remaining:
            raise ValueError("storage size")
        raw = handle.read(nbytes)
        if len(raw) != nbytes:
            raise EOFError
        remaining -= 8 + nbytes
        storage.array = np.frombuffer(raw, dtype=storage.dtype)
    return state


# --- tensors ----------------------------------------------------------------------------------------
def _text(value) -> str:
    return value.decode("ascii") if isinstance(value, bytes) else str(value)


def _tensors(state, name: str) -> dict[str, np.ndarray]:
    """The state_dict's tensors as arrays; a file holding anything else is not a state_dict."""
    if isinstance(state, dict) and "state_dict" in state and isinstance(state["state_dict"], dict):
        state = state["state_dict"]  # a training checkpoint around the weights
    if not isinstance(state, dict) or not state:
        raise ModelError(Phrase("{0} holds no weights (not a PyTorch state_dict).", (name,)))
    tensors = {}
    for key, value in state.items():
        if not isinstance(value, _TensorRef):
            continue
        array = _cut(value)
        if array is None:
            raise ModelError(Phrase("{0} is damaged or not a PyTorch weights file.", (name,)))
        tensors[_text(key)] = array
    if not tensors:
        raise ModelError(Phrase("{0} holds no weights (not a PyTorch state_dict).", (name,)))
    return tensors


def _cut(ref: _TensorRef) -> np.ndarray | None:
    """The tensor's values from its storage (a copy), or ``None`` when they lie outside it."""
    storage = ref.storage.array
    size, stride, offset = ref.size, ref.stride, ref.offset
    if storage is None or len(size) != len(stride) or len(size) > MAX_DIMENSIONS:
        return None
    if not all(isinstance(v, int) and v >= 0 for v in (offset, *size, *stride)):
        return None
    if 0 in size:
        return np.zeros(size, dtype=storage.dtype)
    last = offset + sum((n - 1) * s for n, s in zip(size, stride))
    if last >= storage.size:
        return None
    item = storage.dtype.itemsize
    view = np.lib.stride_tricks.as_strided(storage[offset:], shape=size,
                                           strides=tuple(s * item for s in stride), writeable=False)
    return np.array(view)
