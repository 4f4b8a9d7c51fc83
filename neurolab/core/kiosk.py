"""Kiosk mode for shared classroom PCs: what a student may open, and where the app may write.

An administrator fixes the policy in an INI file the students cannot edit
(``/etc/neurolab/kiosk.ini``, or the file named by ``NEUROLAB_KIOSK_CONFIG``)::

    [kiosk]
    enabled = true                 ; kiosk even without --kiosk
    folder = /srv/lab/material     ; images and models students may open
    output_folder = /srv/lab/out   ; the only folder neurolab writes into

``neurolab --kiosk`` without such a file opens the bundled images folder and
writes into a fresh temporary folder. Paths are compared after resolving
symbolic links, so a link inside the folder cannot lead out of it.
Qt-free: the window asks this module, the tests ask it headless.
"""

from __future__ import annotations

import configparser
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from neurolab.core.errors import BadInputError
from neurolab.core.phrases import Outside, Phrase

SYSTEM_CONFIG = Path("/etc/neurolab/kiosk.ini")
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class KioskPolicy:
    """``enabled`` False means no restrictions at all (the normal desktop app)."""

    enabled: bool = False
    folder: Optional[Path] = None
    output_folder: Optional[Path] = None

    def may_read(self, path: str | os.PathLike) -> bool:
        return not self.enabled or (self.folder is not None and _inside(path, self.folder)) or (
            self.output_folder is not None and _inside(path, self.output_folder))

    def may_write(self, path: str | os.PathLike) -> bool:
        return not self.enabled or (self.output_folder is not None
                                    and _inside(path, self.output_folder))

    def check_read(self, path: str | os.PathLike) -> None:
        if not self.may_read(path):
            raise BadInputError(Phrase("{0} is outside the class folder; on this classroom PC only files from "
                                       "that folder can be opened.", (f"'{Path(path).name}'",)))

    def check_write(self, path: str | os.PathLike) -> None:
        if not self.may_write(path):
            raise BadInputError(Phrase("{0} cannot be saved there; on this classroom PC results are saved only "
                                       "in the class output folder.", (f"'{Path(path).name}'",)))

    def clear_output(self) -> int:
        """Remove everything a student left in the output folder; how many entries went."""
        if not self.enabled or self.output_folder is None or not self.output_folder.is_dir():
            return 0
        removed = 0
        for entry in self.output_folder.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed += 1
        return removed


def _inside(path: str | os.PathLike, folder: Path) -> bool:
    try:
        resolved = Path(os.path.realpath(path))
        root = Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return False
    return resolved == root or root in resolved.parents


def config_path() -> Path:
    return Path(os.environ.get("NEUROLAB_KIOSK_CONFIG") or SYSTEM_CONFIG)


def load_policy(requested: bool, *, default_folder: Path) -> KioskPolicy:
    """The policy for this run: the administrator's file wins over the command line.

    ``requested`` is ``--kiosk``. A file with ``enabled = true`` turns kiosk
    mode on even without it; a damaged file keeps kiosk mode on with the
    defaults rather than dropping the restrictions.
    """
    file = config_path()
    parser = configparser.ConfigParser()
    try:
        parser.read(file, encoding="utf-8")
        damaged = False
    except (configparser.Error, UnicodeDecodeError, OSError):
        damaged = True
    section = parser["kiosk"] if not damaged and parser.has_section("kiosk") else {}
    enabled = requested or damaged or str(section.get("enabled", "")).strip().lower() in _TRUE
    if not enabled:
        return KioskPolicy()
    folder = Path(section["folder"]).expanduser() if section.get("folder") else default_folder
    if section.get("output_folder"):
        output = Path(section["output_folder"]).expanduser()
    else:
        output = Path(tempfile.mkdtemp(prefix="neurolab-kiosk-"))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInputError(Phrase("The kiosk output folder '{0}' cannot be created ({1}); ask the administrator "
                                   "to fix {2}.", (output, Outside(exc.strerror or exc), file))) from None
    return KioskPolicy(enabled=True, folder=folder, output_folder=output)


def confine_writes(policy: KioskPolicy) -> dict[str, str]:
    """Point every library's write location into the output folder; the variables set.

    Keras writes ``~/.keras``, temporary copies go to ``TMPDIR``, GAN runs to
    ``NEUROLAB_DATA_DIR``: in kiosk mode all of them live in the output folder.
    Call before TensorFlow or Keras is imported.
    """
    if not policy.enabled or policy.output_folder is None:
        return {}
    out = policy.output_folder
    folders = {"KERAS_HOME": out / ".keras", "TMPDIR": out / ".tmp", "NEUROLAB_DATA_DIR": out,
               "NEUROLAB_CONFIG_DIR": out / ".settings"}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    values = {name: str(folder) for name, folder in folders.items()}
    values["NEUROLAB_OFFLINE"] = "1"  # no downloads on a kiosk
    os.environ.update(values)
    tempfile.tempdir = values["TMPDIR"]
    return values
