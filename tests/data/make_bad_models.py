"""Bad model files, made on demand (no binaries committed): ``python -m tests.data.make_bad_models DIR``.

Each builder writes one file into ``folder`` and returns its path. The
bypass shapes carry a payload that would create ``canary`` if Keras (or
anything else) ever ran it: the tests check the file never appears.
:data:`CASES` maps a case name to its builder and a fragment of the sentence
:func:`neurolab.core.models.files.inspect_model_file` must say.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import zipfile
from pathlib import Path
from typing import Callable

METADATA = json.dumps({"keras_version": "3.15.1", "date_saved": "2026-01-01@00:00:00"})


def small_model():
    import keras

    inputs = keras.Input((8, 8, 3), name="image")
    x = keras.layers.Conv2D(2, 3, name="conv")(inputs)
    x = keras.layers.GlobalAveragePooling2D(name="gap")(x)
    return keras.Model(inputs, keras.layers.Dense(2, name="fc")(x), name="small")


def base_keras(folder: Path) -> Path:
    """A good .keras file the crafted cases start from (made once per folder)."""
    path = Path(folder) / "_base.keras"
    if not path.exists():
        small_model().save(path)
    return path


def _rewrite_keras(folder: Path, filename: str, *, config=None, weights: bytes | None = None,
                   extra: dict[str, bytes] | None = None) -> Path:
    """A copy of the base .keras with its config.json and/or weights replaced."""
    with zipfile.ZipFile(base_keras(folder)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    if config is not None:
        members["config.json"] = json.dumps(config).encode()
    if weights is not None:
        members["model.weights.h5"] = weights
    members.update(extra or {})
    path = Path(folder) / filename
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _with_layer(folder: Path, filename: str, layer: dict) -> Path:
    """The base model's config with its Conv2D replaced by ``layer``."""
    with zipfile.ZipFile(base_keras(folder)) as archive:
        config = json.loads(archive.read("config.json"))
    layers = config["config"]["layers"]
    index = next(i for i, entry in enumerate(layers) if entry["class_name"] == "Conv2D")
    layer = {**layer, "name": "conv", "inbound_nodes": layers[index].get("inbound_nodes", [])}
    layers[index] = layer
    return _rewrite_keras(folder, filename, config=config)


# --- files that are not what their name says -------------------------------------------------------

def not_a_zip(folder: Path, canary: Path) -> Path:
    path = Path(folder) / "notazip.keras"
    path.write_text("print('this is a Python script renamed .keras')\n")
    return path


def empty_zip(folder: Path, canary: Path) -> Path:
    path = Path(folder) / "empty.keras"
    path.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    return path


def zip_without_members(folder: Path, canary: Path) -> Path:
    """A zip whose first bytes look right but whose directory lists nothing."""
    path = Path(folder) / "nomembers.keras"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("x", b"")
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 8:end + 16] = struct.pack("<HHI", 0, 0, 0)   # 0 entries, a 0-byte directory
    path.write_bytes(bytes(data))
    return path


def truncated_keras(folder: Path, canary: Path) -> Path:
    data = base_keras(folder).read_bytes()
    path = Path(folder) / "truncated.keras"
    path.write_bytes(data[: len(data) // 2])
    return path


def hdf5_named_keras(folder: Path, canary: Path) -> Path:
    import h5py

    path = Path(folder) / "hdf5inside.keras"
    with h5py.File(path, "w") as h5:
        h5["x"] = [1, 2, 3]
    return path


def zip_named_h5(folder: Path, canary: Path) -> Path:
    path = Path(folder) / "zipinside.h5"
    path.write_bytes(base_keras(folder).read_bytes())
    return path


def garbage_h5(folder: Path, canary: Path) -> Path:
    path = Path(folder) / "garbage.h5"
    path.write_bytes(b"\x89HDF\r\n\x1a\n" + b"garbage" * 10)
    return path


def folder_named_keras(folder: Path, canary: Path) -> Path:
    path = Path(folder) / "folder.keras"
    path.mkdir(exist_ok=True)
    return path


def device_link(folder: Path, canary: Path) -> Path:
    """A symlink to /dev/zero: reading it would never end."""
    path = Path(folder) / "device.keras"
    if not path.is_symlink():
        path.symlink_to("/dev/zero")
    return path


def fifo(folder: Path, canary: Path) -> Path:
    """A named pipe: opening it would block forever."""
    path = Path(folder) / "pipe.h5"
    if not path.exists():
        os.mkfifo(path)
    return path


# --- zip archives: bombs and odd members --------------------------------------------------------------

def zip_bomb_ratio(folder: Path, canary: Path, megabytes: int = 64) -> Path:
    """A small file whose weights unpack to ``megabytes`` of zeros (deflated in chunks, never whole)."""
    with zipfile.ZipFile(base_keras(folder)) as archive:
        config, metadata = archive.read("config.json"), archive.read("metadata.json")
    path = Path(folder) / "bomb_ratio.keras"
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("metadata.json", metadata)
        archive.writestr("config.json", config)
        with archive.open("model.weights.h5", "w", force_zip64=True) as stream:
            for _ in range(megabytes):
                stream.write(chunk)
    return path


def zip_bomb_declared(folder: Path, canary: Path, members: int = 10) -> Path:
    """Members whose headers declare ~4 GB each (40 GB in all) over a few bytes of data."""
    path = Path(folder) / "bomb.keras"
    with zipfile.ZipFile(base_keras(folder)) as archive:
        config, metadata = archive.read("config.json"), archive.read("metadata.json")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("metadata.json", metadata)
        archive.writestr("config.json", config)
        for i in range(members):
            archive.writestr(f"assets/part{i}", b"\0" * 1024)
    data = bytearray(path.read_bytes())
    declared = struct.pack("<I", 0xF0000000)
    start = 0
    while (start := data.find(b"PK", start)) >= 0:
        signature = bytes(data[start:start + 4])
        if signature == b"PK\x03\x04":
            name_length = struct.unpack("<H", data[start + 26:start + 28])[0]
            if data[start + 30:start + 30 + name_length].startswith(b"assets/"):
                data[start + 22:start + 26] = declared
        elif signature == b"PK\x01\x02":
            name_length = struct.unpack("<H", data[start + 28:start + 30])[0]
            if data[start + 46:start + 46 + name_length].startswith(b"assets/"):
                data[start + 24:start + 28] = declared
        start += 4
    path.write_bytes(bytes(data))
    return path


def path_traversal(folder: Path, canary: Path) -> Path:
    """A member that an extracting loader would write to ``../../<canary>``."""
    relative = os.path.relpath(canary, Path(folder) / "a" / "b")
    return _rewrite_keras(folder, "traversal.keras",
                          extra={f"assets/../../{relative}": b"written outside the archive"})


def absolute_member(folder: Path, canary: Path) -> Path:
    path = _rewrite_keras(folder, "absolute.keras")
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo("assets/x")
        info.filename = str(canary)          # ZipInfo would strip the leading '/'
        archive.writestr(info, b"written outside the archive")
    return path


def unexpected_member(folder: Path, canary: Path) -> Path:
    return _rewrite_keras(folder, "extra.keras",
                          extra={"model.weights.npz": b"PK\x03\x04 pickled numpy arrays"})


def weights_only_keras(folder: Path, canary: Path) -> Path:
    with zipfile.ZipFile(base_keras(folder)) as archive:
        weights = archive.read("model.weights.h5")
    path = Path(folder) / "weightsonly.keras"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("model.weights.h5", weights)
    return path


def config_not_json(folder: Path, canary: Path) -> Path:
    path = _rewrite_keras(folder, "notjson.keras")
    members = {}
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["config.json"] = b"{'this': is not json"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


# --- configs that name code -------------------------------------------------------------------------

def _canary_lambda(canary: Path):
    """A function that creates ``canary`` whenever it runs; the path is a constant in its bytecode."""
    return eval(f"lambda x: (open({str(canary)!r}, 'w').write('ran'), x)[1]")  # noqa: S307


def lambda_model(canary: Path):
    """A real Keras model with a Lambda layer that would write ``canary``.

    Building it calls the function once: the caller removes the canary after saving.
    """
    import keras

    inputs = keras.Input((8, 8, 3))
    x = keras.layers.Lambda(_canary_lambda(canary), name="payload")(inputs)
    x = keras.layers.Conv2D(2, 3)(x)
    outputs = keras.layers.Dense(2)(keras.layers.GlobalAveragePooling2D()(x))
    return keras.Model(inputs, outputs)


def _save_and_clear(model, path: Path, canary: Path) -> Path:
    model.save(path)
    canary.unlink(missing_ok=True)
    return path


def lambda_keras(folder: Path, canary: Path) -> Path:
    return _save_and_clear(lambda_model(canary), Path(folder) / "lambda.keras", canary)


def lambda_h5(folder: Path, canary: Path) -> Path:
    """CVE-2025-9905: legacy .h5 loading ran Lambda code even in safe mode."""
    return _save_and_clear(lambda_model(canary), Path(folder) / "lambda.h5", canary)


def module_outside_keras(folder: Path, canary: Path) -> Path:
    """CVE-2025-1550 shape: a config naming any importable module and callable."""
    return _with_layer(folder, "os_system.keras", {
        "module": "os", "class_name": "system", "registered_name": None,
        "config": {"command": f"touch {canary}"}})


def subprocess_popen(folder: Path, canary: Path) -> Path:
    return _with_layer(folder, "popen.keras", {
        "module": "subprocess", "class_name": "Popen", "registered_name": None,
        "config": {"args": ["touch", str(canary)]}})


def builtins_exec(folder: Path, canary: Path) -> Path:
    """A 'function' object naming Python's exec as an activation."""
    return _with_layer(folder, "exec.keras", {
        "module": "keras.layers", "class_name": "Activation", "registered_name": None,
        "config": {"name": "conv", "activation": {
            "module": "builtins", "class_name": "function",
            "config": "exec", "registered_name": "exec"},
            "args": f"open({str(canary)!r}, 'w').write('ran')"}})


def registered_custom(folder: Path, canary: Path) -> Path:
    return _with_layer(folder, "evilpkg.keras", {
        "module": "evilpkg.layers", "class_name": "Evil", "registered_name": "evilpkg>Evil",
        "config": {"canary": str(canary)}})


def registered_name_only(folder: Path, canary: Path) -> Path:
    """A Keras module but a package-prefixed registered name (resolved through the registry)."""
    return _with_layer(folder, "registered.keras", {
        "module": "keras.layers", "class_name": "Dense", "registered_name": "evilpkg>Evil",
        "config": {"units": 2, "canary": str(canary)}})


def main_module(folder: Path, canary: Path) -> Path:
    return _with_layer(folder, "mainmodule.keras", {
        "module": "__main__", "class_name": "MyLayer", "registered_name": "MyLayer",
        "config": {"canary": str(canary)}})


def unknown_custom_layer(folder: Path, canary: Path) -> Path:
    return _with_layer(folder, "custom.keras", {
        "module": "keras.layers", "class_name": "MyFancyConv", "registered_name": None,
        "config": {"filters": 2}})


def keras_get_file(folder: Path, canary: Path) -> Path:
    """CVE-2025-8747 shape: a Keras function that is not a layer (downloads / copies a file)."""
    return _with_layer(folder, "getfile.keras", {
        "module": "keras.utils", "class_name": "get_file", "registered_name": None,
        "config": {"fname": str(canary), "origin": "file:///etc/hostname",
                   "cache_dir": str(Path(canary).parent)}})


def keras_src_get_file(folder: Path, canary: Path) -> Path:
    return _with_layer(folder, "getfile_src.keras", {
        "module": "keras.src.utils.file_utils", "class_name": "get_file", "registered_name": None,
        "config": {"fname": str(canary), "origin": "file:///etc/hostname"}})


def enable_unsafe(folder: Path, canary: Path) -> Path:
    """CVE-2025-9906 shape: the config turns safe mode off, then a Lambda would run."""
    with zipfile.ZipFile(base_keras(folder)) as archive:
        config = json.loads(archive.read("config.json"))
    config["config"]["layers"].insert(1, {
        "module": "keras.config", "class_name": "enable_unsafe_deserialization",
        "registered_name": None, "config": {}})
    return _rewrite_keras(folder, "unsafe.keras", config=config)


def string_lookup(folder: Path, canary: Path) -> Path:
    """CVE-2025-12058 shape: a lookup layer whose vocabulary is a file anywhere on disk."""
    return _with_layer(folder, "lookup.keras", {
        "module": "keras.layers", "class_name": "StringLookup", "registered_name": None,
        "config": {"vocabulary": "/etc/passwd"}})


def _code_layer(class_name: str, filename: str, config: dict) -> Callable[[Path, Path], Path]:
    def build(folder: Path, canary: Path) -> Path:
        return _with_layer(folder, filename, {"module": "keras.layers", "class_name": class_name,
                                              "registered_name": None, "config": config})
    build.__name__ = filename.split(".")[0]
    return build


tfsm_layer = _code_layer("TFSMLayer", "tfsm.keras", {"filepath": "/tmp/saved_model",
                                                     "call_endpoint": "serve"})
torch_wrapper = _code_layer("TorchModuleWrapper", "torch.keras", {"module": "gASV..."})
jax_layer = _code_layer("JaxLayer", "jax.keras", {"call_fn": "gASV..."})
flax_layer = _code_layer("FlaxLayer", "flax.keras", {"module": "gASV..."})


def raw_lambda_object(folder: Path, canary: Path) -> Path:
    """A serialized ``__lambda__`` object (marshalled bytecode) as an activation."""
    return _with_layer(folder, "rawlambda.keras", {
        "module": "keras.layers", "class_name": "Activation", "registered_name": None,
        "config": {"activation": {"class_name": "__lambda__",
                                  "config": {"value": "4wEAAAAAAAAA", "canary": str(canary)}}}})


# --- HDF5 ------------------------------------------------------------------------------------------

def _h5_model(folder: Path, filename: str) -> Path:
    path = Path(folder) / filename
    small_model().save(path)
    return path


def h5_external_link(folder: Path, canary: Path) -> Path:
    import h5py

    path = _h5_model(folder, "extlink.h5")
    with h5py.File(path, "a") as h5:
        h5["model_weights/evil"] = h5py.ExternalLink("/etc/passwd", "/data")
    return path


def h5_soft_link(folder: Path, canary: Path) -> Path:
    import h5py

    path = _h5_model(folder, "softlink.h5")
    with h5py.File(path, "a") as h5:
        h5["model_weights/evil"] = h5py.SoftLink("/nowhere/at/all")
    return path


def h5_virtual_dataset(folder: Path, canary: Path) -> Path:
    import h5py

    path = _h5_model(folder, "virtual.h5")
    layout = h5py.VirtualLayout(shape=(16,), dtype="uint8")
    layout[:] = h5py.VirtualSource("/etc/passwd", "data", shape=(16,))
    with h5py.File(path, "a") as h5:
        h5.create_virtual_dataset("model_weights/evil", layout)
    return path


def h5_external_storage(folder: Path, canary: Path) -> Path:
    """CVE-2026-1669 shape: a dataset whose bytes live in another file (/etc/passwd)."""
    import h5py

    path = _h5_model(folder, "external.h5")
    with h5py.File(path, "a") as h5:
        h5.create_dataset("model_weights/evil", shape=(16,), dtype="uint8",
                          external=[("/etc/passwd", 0, 16)])
    return path


def keras_external_storage(folder: Path, canary: Path) -> Path:
    """The same, hidden in the weights inside a .keras archive."""
    import h5py

    inner = Path(folder) / "_external_weights.h5"
    with zipfile.ZipFile(base_keras(folder)) as archive:
        inner.write_bytes(archive.read("model.weights.h5"))
    with h5py.File(inner, "a") as h5:
        h5.create_dataset("layers/conv/vars/evil", shape=(16,), dtype="uint8",
                          external=[("/etc/passwd", 0, 16)])
    return _rewrite_keras(folder, "external_weights.keras", weights=inner.read_bytes())


def h5_huge_dataset(folder: Path, canary: Path) -> Path:
    """A chunked, unallocated (10⁶ × 10⁶) float32 dataset: 4 TB declared, a few KB on disk."""
    import h5py

    path = _h5_model(folder, "huge.h5")
    with h5py.File(path, "a") as h5:
        h5.create_dataset("model_weights/huge", shape=(10**6, 10**6), dtype="float32",
                          chunks=(1000, 1000))
    return path


def h5_lambda_config(folder: Path, canary: Path) -> Path:
    """A hand-written legacy model_config with a Lambda (no 'module' keys, as .h5 files have)."""
    import h5py

    path = _h5_model(folder, "lambda_config.h5")
    with h5py.File(path, "a") as h5:
        config = json.loads(h5.attrs["model_config"])
        config["config"]["layers"][1]["class_name"] = "Lambda"
        config["config"]["layers"][1]["config"]["function"] = {
            "class_name": "__lambda__", "config": {"code": "", "canary": str(canary)}}
        h5.attrs["model_config"] = json.dumps(config)
    return path


def weights_only_h5(folder: Path, canary: Path) -> Path:
    path = Path(folder) / "only.weights.h5"
    small_model().save_weights(path)
    return path


# name: (builder, a fragment of the sentence)
# --- Keras 2 words (translated by core.models.legacy first) must not open a way past the checks -----

KERAS2_METADATA = json.dumps({"keras_version": "2.15.0", "date_saved": "2024-01-01@00:00:00"})


def _keras2_layer(folder: Path, filename: str, layer: dict) -> Path:
    """The base model with ``layer`` in place of its Conv2D, in a file that says Keras 2.15 wrote it."""
    path = _with_layer(folder, filename, layer)
    with zipfile.ZipFile(path) as archive:
        config = json.loads(archive.read("config.json"))
    return _rewrite_keras(folder, filename, config=config, extra={"metadata.json": KERAS2_METADATA.encode()})


def keras2_path_get_file(folder: Path, canary: Path) -> Path:
    """A tf-keras module path to a function that downloads or copies a file."""
    return _keras2_layer(folder, "k2_getfile.keras", {
        "module": "tf_keras.src.utils.data_utils", "class_name": "get_file", "registered_name": None,
        "config": {"fname": str(canary), "origin": "file:///etc/hostname"}})


def keras2_engine_unsafe(folder: Path, canary: Path) -> Path:
    """A Keras 2 engine path (translated for Functional/Sequential/Model only) to something else."""
    return _keras2_layer(folder, "k2_unsafe.keras", {
        "module": "keras.engine.functional", "class_name": "enable_unsafe_deserialization",
        "registered_name": None, "config": {}})


def keras2_depthwise_groups(folder: Path, canary: Path) -> Path:
    """Keras 2's DepthwiseConv2D with groups=2: no Keras 3 layer computes it."""
    return _keras2_layer(folder, "k2_groups.keras", {
        "module": "keras.layers", "class_name": "DepthwiseConv2D", "registered_name": None,
        "config": {"name": "conv", "kernel_size": [3, 3], "groups": 2}})


CASES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "not a zip": (not_a_zip, "must be a zip archive"),
    "empty zip": (empty_zip, "empty zip archive"),
    "zip listing nothing": (zip_without_members, "empty zip archive"),
    "truncated .keras": (truncated_keras, "damaged or not a Keras model"),
    "HDF5 named .keras": (hdf5_named_keras, "must be a zip archive"),
    "zip named .h5": (zip_named_h5, "must be HDF5"),
    "garbage HDF5": (garbage_h5, "damaged or not a Keras model"),
    "folder": (folder_named_keras, "is a folder"),
    "symlink to a device": (device_link, "not a regular file"),
    "named pipe": (fifo, "not a regular file"),
    "zip bomb (ratio)": (zip_bomb_ratio, "zip bomb"),
    "zip bomb (declared sizes)": (zip_bomb_declared, "would unpack to 40 GB"),
    "path traversal": (path_traversal, "points outside the archive"),
    "absolute member": (absolute_member, "points outside the archive"),
    "unexpected member": (unexpected_member, "never has"),
    "weights-only .keras": (weights_only_keras, "weights only"),
    "config not JSON": (config_not_json, "not valid JSON"),
    "Lambda (.keras)": (lambda_keras, "Lambda layer (Python code)"),
    "Lambda (.h5, CVE-2025-9905)": (lambda_h5, "Lambda layer (Python code)"),
    "Lambda in a legacy config": (h5_lambda_config, "Lambda layer (Python code)"),
    "raw __lambda__ object": (raw_lambda_object, "Lambda code"),
    "module os (CVE-2025-1550)": (module_outside_keras, "from 'os', code outside Keras"),
    "module subprocess": (subprocess_popen, "from 'subprocess', code outside Keras"),
    "builtins exec": (builtins_exec, "the function 'exec'"),
    "registered evilpkg>Evil": (registered_custom, "from 'evilpkg', code outside Keras"),
    "keras module, registered evilpkg>Evil": (registered_name_only, "package 'evilpkg'"),
    "__main__ custom layer": (main_module, "from '__main__', code outside Keras"),
    "unknown custom layer": (unknown_custom_layer, "a custom layer or a Keras function"),
    "keras.utils.get_file (CVE-2025-8747)": (keras_get_file, "'keras.utils.get_file'"),
    "keras.src get_file": (keras_src_get_file, "a custom layer or a Keras function"),
    "enable_unsafe_deserialization (CVE-2025-9906)": (enable_unsafe, "enable_unsafe_deserialization"),
    "StringLookup vocabulary file (CVE-2025-12058)": (string_lookup, "read other files"),
    "TFSMLayer": (tfsm_layer, "TFSMLayer"),
    "TorchModuleWrapper": (torch_wrapper, "TorchModuleWrapper (PyTorch code)"),
    "JaxLayer": (jax_layer, "JaxLayer (JAX code)"),
    "FlaxLayer": (flax_layer, "FlaxLayer (Flax code)"),
    "HDF5 external link": (h5_external_link, "links to another file"),
    "HDF5 soft link": (h5_soft_link, "holds a link"),
    "HDF5 virtual dataset": (h5_virtual_dataset, "virtual dataset"),
    "HDF5 external storage (CVE-2026-1669)": (h5_external_storage, "stored in another file"),
    "external storage inside .keras": (keras_external_storage, "stored in another file"),
    "HDF5 huge dataset": (h5_huge_dataset, "would need 4 TB"),
    "weights-only .weights.h5": (weights_only_h5, "weights only"),
    "Keras 2 path to get_file": (keras2_path_get_file, "from 'tf_keras', code outside Keras"),
    "Keras 2 engine path to enable_unsafe": (keras2_engine_unsafe, "enable_unsafe_deserialization"),
    "Keras 2 DepthwiseConv2D groups=2": (keras2_depthwise_groups, "groups=2, which Keras 3 cannot build"),
}


def make_all(folder: str | os.PathLike, canary: str | os.PathLike) -> dict[str, Path]:
    """Every case's file in ``folder``; ``canary`` is the file no payload may ever create."""
    folder, canary = Path(folder), Path(canary)
    folder.mkdir(parents=True, exist_ok=True)
    return {name: build(folder, canary) for name, (build, _) in CASES.items()}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad_models")
    for case, file in make_all(target, target / "CANARY").items():
        print(f"{case:48} {file}")
