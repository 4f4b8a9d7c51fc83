"""Atomic, self-checking checkpoints: named arrays plus a JSON state, in one folder per step.

Layout of a checkpoint folder ``DIR``::

    DIR/step-00000640/arrays.npz     every array (weights, optimiser slots, latent vectors)
    DIR/step-00000640/state.json     everything else (config, counters, history)
    DIR/step-00000640/manifest.json  written last: format, step, size and SHA-256 of both files

A checkpoint is written into a hidden temporary folder beside the others,
each file flushed and ``fsync``-ed, then renamed into place in one
``os.replace`` — a crash leaves either the old set or the new one, never half
a checkpoint under a real name. Reading takes the newest checkpoint whose
manifest matches its files; a damaged or half-written one (a copy cut short,
a disk that filled up) is passed over for the previous good one. Only the
newest ``keep`` checkpoints are kept. No TensorFlow, no Qt.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import numpy as np

from neurolab.core.atomic import sync_folder
from neurolab.core.errors import BadInputError, quoted_path, system_reason
from neurolab.core.phrases import Phrase

FORMAT = "neurolab-gan-checkpoint"
VERSION = 1
ARRAYS_FILE = "arrays.npz"
STATE_FILE = "state.json"
MANIFEST_FILE = "manifest.json"
KEEP = 3
_STEP_DIR = re.compile(r"^step-(\d{8,})$")
_TEMP_PREFIX = ".writing-"


@dataclass
class CheckpointInfo:
    """One checkpoint folder and whether its files match its manifest."""

    path: Path
    step: int
    valid: bool
    problem: str = ""  # why it is not valid, a sentence (a Phrase)

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The folder, its step and whether it checks out (:mod:`neurolab.core.results`)."""
        from neurolab.core.results import result_json

        return result_json({"checkpoint": str(self.path), "step": self.step, "valid": self.valid,
                            "problem": self.problem}, context)


def _label(path: os.PathLike | str) -> str:
    """A checkpoint inside the folder the user named: by its own name."""
    path = os.fspath(path)
    return f"'{os.path.basename(os.path.normpath(path)) or path}'"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fp:
        for block in iter(lambda: fp.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fp:
        fp.write(data)
        fp.flush()
        os.fsync(fp.fileno())


def step_folder_name(step: int) -> str:
    return f"step-{int(step):08d}"


def write_checkpoint(directory: os.PathLike | str, arrays: dict[str, np.ndarray], state: dict[str, Any],
                     *, step: int, keep: int = KEEP) -> Path:
    """Write one checkpoint for ``step`` into ``directory`` (created if missing); return its folder.

    ``arrays`` are saved uncompressed in one ``.npz``; ``state`` must be
    JSON-serialisable. A checkpoint of the same step is replaced. Older
    checkpoints beyond the newest ``keep`` are removed, and so are temporary
    folders that an interrupted write left behind.
    """
    root = Path(directory)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInputError(Phrase("Cannot create the checkpoint folder {0} ({1}).",
                                   (quoted_path(directory), system_reason(exc, Phrase("write failed"))))) from None
    if not root.is_dir():
        raise BadInputError(Phrase("{0} is not a folder, so no checkpoint can be written there.",
                                   (quoted_path(directory),)))
    final = root / step_folder_name(step)
    try:
        temp = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX + final.name + "-", dir=root))
    except OSError as exc:
        raise _cannot_write(directory, exc) from None
    try:
        os.chmod(temp, root.stat().st_mode & 0o777)  # as open as its parent, not mkdtemp's 0700
        buffer = io.BytesIO()
        np.savez(buffer, **{name: np.asarray(value) for name, value in arrays.items()})
        _write_file(temp / ARRAYS_FILE, buffer.getvalue())
        state_bytes = json.dumps(state, indent=1, allow_nan=True).encode("utf-8")
        _write_file(temp / STATE_FILE, state_bytes)
        manifest = {
            "format": FORMAT, "version": VERSION, "step": int(step),
            "files": {name: {"bytes": (temp / name).stat().st_size, "sha256": _sha256(temp / name)}
                      for name in (ARRAYS_FILE, STATE_FILE)},
        }
        _write_file(temp / MANIFEST_FILE, json.dumps(manifest, indent=1).encode("utf-8"))
        sync_folder(temp)
        old = None
        if final.exists():  # the same step again: move the old one aside first
            old = root / f"{_TEMP_PREFIX}old-{final.name}-{os.getpid()}"
            if old.exists():
                shutil.rmtree(old, ignore_errors=True)
            os.replace(final, old)
        os.replace(temp, final)
        sync_folder(root)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise _cannot_write(directory, exc) from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    _prune(root, keep, current=temp.name)
    return final


def _prune(root: Path, keep: int, current: str) -> None:
    """Remove all but the newest ``keep`` valid checkpoints, and stale temporary folders."""
    infos = list_checkpoints(root)
    valid = [info for info in infos if info.valid]
    for info in valid[max(1, keep):]:
        shutil.rmtree(info.path, ignore_errors=True)
    newest_valid = valid[0].step if valid else -1
    for info in infos:  # damaged ones older than a good one are of no further use
        if not info.valid and info.step < newest_valid:
            shutil.rmtree(info.path, ignore_errors=True)
    for entry in root.iterdir():
        if entry.name.startswith(_TEMP_PREFIX) and entry.name != current and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


def _cannot_write(directory: os.PathLike | str, exc: OSError) -> BadInputError:
    return BadInputError(Phrase("Cannot write a checkpoint into {0} ({1}).",
                                (quoted_path(directory), system_reason(exc, Phrase("write failed")))))


def verify(folder: os.PathLike | str) -> Optional[Phrase]:
    """``None`` when the checkpoint folder's files match its manifest, else why not (a sentence)."""
    folder = Path(folder)
    manifest_path = folder / MANIFEST_FILE
    if not manifest_path.is_file():
        return Phrase("{0} has no manifest (it was not written completely).", (_label(folder),))
    try:
        manifest = json.loads(manifest_path.read_text("utf-8"))
        files = manifest["files"]
        if manifest.get("format") != FORMAT:
            return Phrase("{0} is not a neurolab GAN checkpoint.", (_label(folder),))
        if int(manifest.get("version", 0)) > VERSION:
            return Phrase("{0} was written by a newer neurolab.", (_label(folder),))
        for name in (ARRAYS_FILE, STATE_FILE):
            path = folder / name
            if not path.is_file():
                return Phrase("{0} lacks its file {1}.", (_label(folder), name))
            if path.stat().st_size != int(files[name]["bytes"]) or _sha256(path) != files[name]["sha256"]:
                return Phrase("{0} is damaged ({1} does not match its checksum).", (_label(folder), name))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return Phrase("{0} has a damaged manifest ({1}).", (_label(folder), type(exc).__name__))
    return None


def list_checkpoints(directory: os.PathLike | str) -> list[CheckpointInfo]:
    """The ``step-…`` folders in ``directory``, newest first, each verified."""
    root = Path(directory)
    if not root.is_dir():
        return []
    found = []
    for entry in root.iterdir():
        match = _STEP_DIR.match(entry.name)
        if match and entry.is_dir():
            problem = verify(entry)
            found.append(CheckpointInfo(entry, int(match.group(1)), problem is None, problem or ""))
    found.sort(key=lambda info: info.step, reverse=True)
    return found


def is_checkpoint_folder(path: os.PathLike | str) -> bool:
    """Whether ``path`` is one checkpoint (has a manifest) or holds ``step-…`` folders."""
    path = Path(path)
    return (path / MANIFEST_FILE).is_file() or any(True for _ in _step_dirs(path))


def _step_dirs(path: Path):
    if path.is_dir():
        for entry in path.iterdir():
            if _STEP_DIR.match(entry.name):
                yield entry


def read_checkpoint(directory: os.PathLike | str) -> tuple[dict[str, np.ndarray], dict[str, Any], Path]:
    """The newest good checkpoint in ``directory`` (or ``directory`` itself when it is one).

    Returns (arrays, state, folder). Damaged or half-written checkpoints are
    passed over; raises :class:`BadInputError` with a sentence when there is
    none, or none that is whole.
    """
    root = Path(directory)
    label = quoted_path(directory)  # as the user typed it
    if not root.exists():
        raise BadInputError(Phrase("The checkpoint folder {0} was not found.", (label,)))
    if not root.is_dir():
        raise BadInputError(Phrase("{0} is not a GAN checkpoint folder (it is a file).", (label,)))
    if (root / MANIFEST_FILE).is_file() or _STEP_DIR.match(root.name):
        candidates = [CheckpointInfo(root, 0, verify(root) is None, verify(root) or "")]
    else:
        candidates = list_checkpoints(root)
    if not candidates:
        raise BadInputError(Phrase("{0} is not a GAN checkpoint folder (no checkpoint found in it).", (label,)))
    problems = []
    for info in candidates:
        if not info.valid:
            problems.append(info.problem)
            continue
        try:
            return _load(info.path) + (info.path,)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            problems.append(Phrase("{0} cannot be read ({1}).", (_label(info.path), type(exc).__name__)))
    if len(candidates) == 1:
        raise BadInputError(Phrase("No usable checkpoint in {0}: the only one is damaged or incomplete. "
                                   "The newest: {1}", (label, problems[0])))
    raise BadInputError(Phrase("No usable checkpoint in {0}: all {1} are damaged or incomplete. The newest: {2}",
                               (label, len(candidates), problems[0])))


def _load(folder: Path) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    with np.load(folder / ARRAYS_FILE, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    state = json.loads((folder / STATE_FILE).read_text("utf-8"))
    return arrays, state
