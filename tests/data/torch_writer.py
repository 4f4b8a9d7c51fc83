"""PyTorch ``.pth`` files written without torch, in both layouts torch itself writes.

The pickle is protocol 2 with the globals and persistent ids ``torch.save`` uses:
``collections.OrderedDict``, ``torch._utils._rebuild_tensor_v2`` (or the older
``_rebuild_tensor``) and ``torch.FloatStorage``, storages as persistent ids. So
that pickle can name them, fake ``torch`` / ``torch._utils`` modules are put in
``sys.modules`` only while a file is written (and the real ones put back).

- :func:`write_zip`: torch ≥ 1.6 (``archive/data.pkl``, ``archive/data/<key>``,
  ``archive/version``, ``archive/byteorder``);
- :func:`write_legacy`: torch 0.1.10–1.5 (magic, protocol, sys info, the object,
  the storage keys, then each storage as an int64 count and its bytes).

``extra`` puts any other object into the state_dict (a hostile global, say), to
check the reader refuses it.
"""

from __future__ import annotations

import io
import pickle
import struct
import sys
import types
import zipfile
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path

import numpy as np

LEGACY_MAGIC = 0x1950A86A20F9469CFC6C


class _Storage:
    def __init__(self, key: str, array: np.ndarray):
        self.key, self.array = key, np.ascontiguousarray(array, dtype="<f4").ravel()


class _Tensor:
    def __init__(self, storage: _Storage, shape: tuple, rebuild):
        self.storage, self.shape, self._rebuild = storage, shape, rebuild

    def __reduce__(self):
        stride = tuple(int(np.prod(self.shape[i + 1:])) for i in range(len(self.shape)))
        if self._rebuild.__name__ == "_rebuild_tensor_v2":
            return self._rebuild, (self.storage, 0, self.shape, stride, False, OrderedDict())
        return self._rebuild, (self.storage, 0, self.shape, stride)


@contextmanager
def fake_torch():
    """Modules named ``torch`` and ``torch._utils`` holding what the pickle names, for this block only."""
    saved = {name: sys.modules.get(name) for name in ("torch", "torch._utils")}
    torch = types.ModuleType("torch")
    utils = types.ModuleType("torch._utils")

    class FloatStorage:  # noqa: D401 - only its name matters
        pass

    FloatStorage.__module__, FloatStorage.__qualname__ = "torch", "FloatStorage"
    torch.FloatStorage = FloatStorage

    def _rebuild_tensor_v2(*args):
        raise AssertionError("never called while writing")

    def _rebuild_tensor(*args):
        raise AssertionError("never called while writing")

    for function in (_rebuild_tensor_v2, _rebuild_tensor):
        function.__module__ = "torch._utils"
        function.__qualname__ = function.__name__
        setattr(utils, function.__name__, function)
    torch._utils = utils
    sys.modules["torch"], sys.modules["torch._utils"] = torch, utils
    try:
        yield torch, utils
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def _state(tensors: dict[str, np.ndarray], rebuild) -> tuple[OrderedDict, list[_Storage]]:
    state, storages = OrderedDict(), []
    for index, (key, array) in enumerate(tensors.items()):
        storage = _Storage(str(index), array)
        storages.append(storage)
        state[key] = _Tensor(storage, tuple(int(n) for n in array.shape), rebuild)
    return state, storages


class _Pickler(pickle.Pickler):
    def __init__(self, file, torch, legacy: bool):
        super().__init__(file, protocol=2)
        self._torch, self._legacy = torch, legacy

    def persistent_id(self, obj):
        if not isinstance(obj, _Storage):
            return None
        if self._legacy:
            return ("storage", self._torch.FloatStorage, obj.key, "cpu", obj.array.size, None)
        return ("storage", self._torch.FloatStorage, obj.key, "cpu", obj.array.size)


def write_zip(path: Path, tensors: dict[str, np.ndarray], *, extra: dict | None = None,
              archive: str = "archive") -> Path:
    with fake_torch() as (torch, utils):
        state, storages = _state(tensors, utils._rebuild_tensor_v2)
        state.update(extra or {})
        data = io.BytesIO()
        _Pickler(data, torch, legacy=False).dump(state)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        out.writestr(f"{archive}/data.pkl", data.getvalue())
        out.writestr(f"{archive}/byteorder", "little")
        for storage in storages:
            out.writestr(f"{archive}/data/{storage.key}", storage.array.tobytes())
        out.writestr(f"{archive}/version", "3\n")
    return path


def write_legacy(path: Path, tensors: dict[str, np.ndarray], *, extra: dict | None = None,
                 rebuild_name: str = "_rebuild_tensor") -> Path:
    with fake_torch() as (torch, utils):
        state, storages = _state(tensors, getattr(utils, rebuild_name))
        state.update(extra or {})
        out = io.BytesIO()
        for header in (LEGACY_MAGIC, 1001, {"protocol_version": 1001, "little_endian": True,
                                            "type_sizes": {"short": 2, "int": 4, "long": 8}}):
            pickle.dump(header, out, protocol=2)
        _Pickler(out, torch, legacy=True).dump(state)
        pickle.dump([s.key for s in storages], out, protocol=2)
    for storage in storages:
        out.write(struct.pack("<q", storage.array.size))
        out.write(storage.array.tobytes())
    Path(path).write_bytes(out.getvalue())
    return path


def squeezenet1_1_shapes() -> dict[str, tuple[int, ...]]:
    """torchvision's squeezenet1_1 state_dict: names and shapes (OIHW kernels)."""
    shapes = {"features.0.weight": (64, 3, 3, 3), "features.0.bias": (64,)}
    fires = ((3, 64, 16, 64), (4, 128, 16, 64), (6, 128, 32, 128), (7, 256, 32, 128),
             (9, 256, 48, 192), (10, 384, 48, 192), (11, 384, 64, 256), (12, 512, 64, 256))
    for index, inplanes, squeeze, expand in fires:
        shapes[f"features.{index}.squeeze.weight"] = (squeeze, inplanes, 1, 1)
        shapes[f"features.{index}.squeeze.bias"] = (squeeze,)
        shapes[f"features.{index}.expand1x1.weight"] = (expand, squeeze, 1, 1)
        shapes[f"features.{index}.expand1x1.bias"] = (expand,)
        shapes[f"features.{index}.expand3x3.weight"] = (expand, squeeze, 3, 3)
        shapes[f"features.{index}.expand3x3.bias"] = (expand,)
    shapes["classifier.1.weight"] = (1000, 512, 1, 1)
    shapes["classifier.1.bias"] = (1000,)
    return shapes


def random_squeezenet1_1(seed: int = 0) -> dict[str, np.ndarray]:
    """Random weights of squeezenet1_1's shapes, scaled so activations neither vanish nor explode."""
    rng = np.random.default_rng(seed)
    tensors = {}
    for key, shape in squeezenet1_1_shapes().items():
        fan_in = int(np.prod(shape[1:])) if len(shape) == 4 else 1
        scale = np.sqrt(2.0 / fan_in) if len(shape) == 4 else 0.05
        tensors[key] = (rng.standard_normal(shape) * scale).astype("float32")
    return tensors
