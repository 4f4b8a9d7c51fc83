"""What a dropped folder looks like, from its listing alone (no picture is decoded), so the
window can hand it to the tab a person expects: class folders to the Train tab, a folder of
pictures (or a checkpoint) to the GAN tab."""

from __future__ import annotations

import os

from neurolab.gui.file_dialogs import image_suffixes


def _visible(entries) -> list:
    return [entry for entry in entries if not entry.name.startswith(".")]


def looks_like_class_folders(path: str) -> bool:
    """At least two visible subfolders and no pictures beside them: a folder of class folders
    (``pets/cat``, ``pets/dog``) as ``core.training.data.scan_folder`` reads it."""
    try:
        with os.scandir(path) as listing:
            entries = _visible(listing)
        folders = [entry for entry in entries if entry.is_dir(follow_symlinks=False)]
        suffixes = image_suffixes()
        pictures = [entry for entry in entries if entry.is_file()
                    and os.path.splitext(entry.name)[1].lower() in suffixes]
    except OSError:
        return False
    return len(folders) >= 2 and not pictures
