"""Small picture folders the training tests write: drawn shapes, one folder per class."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from neurolab.core.models.bundled.shapes_data import CLASSES, make_dataset


def shape_folder(root: Path, classes=("sun", "house", "fish"), per_class: int = 12, size: int = 64,
                 seed: int = 0, suffix: str = ".png") -> Path:
    """``root/<class>/<n>.png`` for each class: the bundled drawer's pictures, nested one level for one class."""
    images, targets = make_dataset(per_class, size=size, seed=seed, classes=list(classes))
    seen: dict[int, int] = {}
    for image, target in zip(images, targets):
        name = CLASSES[int(target)]
        n = seen[int(target)] = seen.get(int(target), 0) + 1  # make_dataset labels in CLASSES order
        folder = root / name / ("deeper" if n % 3 == 0 else "")  # any depth below a class folder
        folder.mkdir(parents=True, exist_ok=True)
        Image.fromarray(image).save(folder / f"{n:03d}{suffix}")
    return root
