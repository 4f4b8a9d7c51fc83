"""The pictures a classifier learns from: a folder of class folders, or the built-in shapes.

A class is a folder: ``pets/cat/…``, ``pets/dog/…`` (any depth below it). Every file is
checked from its header with :func:`neurolab.core.images.image_info` (the same allow list and
pixel cap as everywhere), so the scan is quick even for thousands of photos; what cannot be
read is skipped and listed, never fatal. Pictures are decoded only when the trainer needs them,
squashed to the network's square input as ``neurolab classify`` does, so training and
classifying see a picture the same way. No TensorFlow, no Qt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from neurolab.core.errors import BadInputError, ImageError, quoted_path, system_reason, typed_path
from neurolab.core.images import image_info, load_image, resize_image
from neurolab.core.phrases import Phrase

#: Fewer pictures than this in a class earns a warning: a validation set of one or two says little.
FEW_PICTURES = 10
#: The largest class more than this many times the smallest earns a warning.
IMBALANCE = 5.0
THUMBNAIL = 96  # px, the longer side of a sample
BUILTIN_PREFIX = "builtin"


@dataclass
class ImageFolder:
    """Labelled pictures: ``files[i]`` belongs to ``classes[targets[i]]``.

    ``images`` holds the pictures in memory when there are no files (the built-in shapes,
    whose ``files`` are synthetic names); ``test`` is an optional separate folder with the
    same class names, judged after training instead of the validation split.
    """

    root: str
    classes: list[str]
    files: list[str]
    targets: np.ndarray
    unreadable: list[str] = field(default_factory=list)
    warnings: list[Phrase] = field(default_factory=list)
    images: Optional[np.ndarray] = None  # uint8 N×S×S×3 when in memory
    test: Optional["ImageFolder"] = None
    sides: list[int] = field(default_factory=list)  # each file's shorter side, from its header
    grey: int = 0  # files whose header says greyscale (L, LA, 1, I, F)

    def __post_init__(self) -> None:
        self.targets = np.asarray(self.targets, dtype=np.int64)

    def typical_side(self) -> int:
        """The median shorter side of the pictures in pixels (what the automatic choice of
        network and picture size looks at)."""
        if self.images is not None:
            return int(min(self.images.shape[1:3]))
        return int(np.median(self.sides)) if self.sides else 0

    def greyscale(self) -> bool:
        """Most pictures are greyscale (digits, letters, scans)."""
        if self.images is not None:
            return False
        return bool(self.files) and self.grey * 2 > len(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def counts(self) -> dict[str, int]:
        """Pictures per class, in class order."""
        found = np.bincount(self.targets, minlength=len(self.classes)) if len(self.targets) else \
            np.zeros(len(self.classes), dtype=np.int64)
        return {name: int(found[i]) for i, name in enumerate(self.classes)}

    def picture(self, index: int, size: Optional[int] = None) -> np.ndarray:
        """Picture ``index`` as RGB uint8, squashed to size×size when ``size`` is given.
        :class:`ImageError` when the file cannot be decoded after all."""
        image = self.images[index] if self.images is not None else load_image(self.files[index])
        if size is not None and image.shape[:2] != (size, size):
            image = resize_image(image, (size, size))
        return image

    def samples(self, class_index: int, n: int = 6) -> list[np.ndarray]:
        """Up to ``n`` pictures of a class as thumbnails (RGB uint8, the longer side ≤ 96 px),
        skipping any that fail to decode."""
        found: list[np.ndarray] = []
        for index in np.flatnonzero(self.targets == int(class_index)):
            if len(found) >= n:
                break
            try:
                image = self.picture(int(index))
            except ImageError:
                continue
            found.append(_thumbnail(image))
        return found


def _thumbnail(image: np.ndarray) -> np.ndarray:
    height, width = image.shape[:2]
    scale = THUMBNAIL / max(height, width)
    if scale >= 1:
        return np.ascontiguousarray(image)
    return resize_image(image, (max(1, round(width * scale)), max(1, round(height * scale))))


def _files_under(folder: str) -> list[str]:
    """Every file below ``folder``, sorted (the same order on every machine), hidden ones left out."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(files) if not name.startswith("."))
    return found


GREY_MODES = ("1", "L", "LA", "I", "I;16", "F")


def _header(path: str) -> Optional[dict]:
    """The file's header facts (:func:`image_info`), or None when it is not a readable picture."""
    try:
        return image_info(path)
    except ImageError:
        return None


def scan_folder(path: str | os.PathLike, test_folder: str | os.PathLike | None = None) -> ImageFolder:
    """A folder of class folders as an :class:`ImageFolder`; :class:`BadInputError` with a
    sentence when it cannot train a classifier (missing, empty, one class, no pictures)."""
    folder = _scan(path)
    if len(folder.classes) < 2:
        raise BadInputError(Phrase(
            "{0} has pictures of only one class ({1}); a classifier needs at least two class folders.",
            (quoted_path(path), folder.classes[0])))
    folder.warnings = _warnings(folder) + folder.warnings
    if test_folder is not None:
        folder.test = _test_folder(test_folder, folder.classes)
    return folder


def _scan(path: str | os.PathLike) -> ImageFolder:
    text = typed_path(path)
    if not os.path.exists(text):
        raise BadInputError(Phrase("{0} was not found.", (quoted_path(path),)))
    if not os.path.isdir(text):
        raise BadInputError(Phrase("{0} is a file, not a folder of class folders.", (quoted_path(path),)))
    try:
        subfolders = sorted(entry.name for entry in os.scandir(text)
                            if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."))
    except OSError as exc:
        raise BadInputError(Phrase("{0} cannot be read ({1}).",
                                   (quoted_path(path), system_reason(exc, Phrase("system error"))))) from None
    if not subfolders:
        raise BadInputError(Phrase("{0} has no class folders: put each class's pictures in a folder of its "
                                   "own inside it (for example pets/cat and pets/dog).", (quoted_path(path),)))
    classes, files, targets, unreadable, empty, sides = [], [], [], [], [], []
    grey = 0
    for name in subfolders:
        readable = []
        for file in _files_under(os.path.join(text, name)):
            info = _header(file)
            if info is None:
                unreadable.append(file)
                continue
            readable.append(file)
            sides.append(min(int(info["width"]), int(info["height"])))
            grey += info["mode"] in GREY_MODES
        if not readable:
            empty.append(name)
            continue
        files.extend(readable)
        targets.extend([len(classes)] * len(readable))
        classes.append(name)
    if not classes:
        raise BadInputError(Phrase("{0} has no pictures neurolab can read in its class folders.",
                                   (quoted_path(path),)))
    warnings = [Phrase("The folder {0} has no pictures and is left out.", (name,)) for name in empty]
    if unreadable:
        warnings.append(Phrase("Some files cannot be read as pictures and are left out ({0}).",
                               (len(unreadable),)))
    return ImageFolder(root=os.path.abspath(text), classes=classes, files=files, targets=np.asarray(targets),
                       unreadable=unreadable, warnings=warnings, sides=sides, grey=grey)


def _warnings(folder: ImageFolder) -> list[Phrase]:
    """Too few pictures in a class; strong imbalance between classes."""
    counts = folder.counts()
    found = [Phrase("The class {0} has only {1} pictures; at least {2} give a fairer result.",
                    (name, count, FEW_PICTURES)) for name, count in counts.items() if count < FEW_PICTURES]
    largest = max(counts, key=counts.get)
    smallest = min(counts, key=counts.get)
    if counts[largest] > IMBALANCE * counts[smallest]:
        found.append(Phrase("The classes are unbalanced: {0} has {1} pictures, {2} only {3}; the network may "
                            "learn to favour {0}.", (largest, counts[largest], smallest, counts[smallest])))
    return found


def _test_folder(path: str | os.PathLike, classes: list[str]) -> ImageFolder:
    """A test folder, its targets numbered as the training folder's classes."""
    test = _scan(path)
    foreign = [name for name in test.classes if name not in classes]
    if foreign:
        raise BadInputError(Phrase("The test folder {0} has a class the training folder has not: {1}.",
                                   (quoted_path(path), foreign[0])))
    index = [classes.index(name) for name in test.classes]
    test.targets = np.asarray([index[t] for t in test.targets], dtype=np.int64)
    test.classes = list(classes)
    return test


def builtin_folder(size: int = 64, per_class: int = 200, seed: int = 0) -> ImageFolder:
    """The bundled model's drawn shapes (flower, sun, house… 10 classes), in memory, no disk."""
    from neurolab.core.models.bundled.shapes_data import CLASSES, make_dataset

    classes = sorted(CLASSES)
    images, labels = make_dataset(int(per_class), size=int(size), seed=int(seed), classes=classes)
    targets = np.asarray([classes.index(CLASSES[int(label)]) for label in labels])  # its labels: CLASSES order
    order = np.argsort(targets, kind="stable")  # grouped by class, like a folder
    images, targets = images[order], targets[order]
    seen: dict[int, int] = {}
    files = []
    for t in targets:
        seen[int(t)] = seen.get(int(t), 0) + 1
        files.append(f"{BUILTIN_PREFIX}/{classes[int(t)]}/{seen[int(t)]:04d}.png")
    return ImageFolder(root=BUILTIN_PREFIX, classes=classes, files=files, targets=targets, images=images)


def stratified_split(targets, validation: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(train indices, validation indices), each class split in the same proportion, fixed by ``seed``.

    A class with at least two pictures keeps one on each side; ``validation=0`` gives no validation.
    """
    targets = np.asarray(targets, dtype=np.int64)
    train, val = [], []
    for label in np.unique(targets):
        members = np.flatnonzero(targets == label)
        members = members[np.random.default_rng([int(seed), int(label)]).permutation(len(members))]
        n_val = int(round(len(members) * float(validation)))
        if validation > 0 and len(members) >= 2:
            n_val = min(max(n_val, 1), len(members) - 1)
        val.append(members[:n_val])
        train.append(members[n_val:])
    return np.sort(np.concatenate(train)), np.sort(np.concatenate(val))
