"""Where the shipped resources live, installed or in a source checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def resources_dir() -> Path:
    """The ``resources/`` folder (``neurolab.resources`` inside the wheel)."""
    try:
        from importlib.resources import files

        path = Path(str(files("neurolab.resources")))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
FIRST_SAMPLE = "flower"


def sample_images() -> list[Path]:
    """Sample photos shipped in ``resources/images``, sorted by name."""
    folder = resource_path("images")
    if not folder.is_dir():
        return []
    # The lab starts from the flower, so it comes first; the rest by name.
    return sorted((p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES),
                  key=lambda p: (p.stem != FIRST_SAMPLE, p.name))


def style_images() -> list[Path]:
    """Style images shipped in ``resources/styles`` (drawn by its ``generate.py``), by name."""
    folder = resource_path("styles")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
