"""Data sets for the GAN: built-in drawn shapes, or every readable image in a folder.

A :class:`GanDataset` is plain NumPy: ``images`` (uint8 N×S×S×3, square),
a display ``name``, the files that were ``skipped`` (with the reason) and its
``source`` (``"builtin:…"`` or the folder), from which a checkpoint can open
the same data again.

- :func:`builtin_dataset` draws suns, flowers, stars, hearts and moons on
  plain backgrounds (:mod:`neurolab.core.models.bundled.shapes_data`): no download, simple
  enough for a small DCGAN to draw recognisable shapes after a few minutes on
  a classroom CPU. Kept in memory per (size, n, seed).
- :func:`folder_dataset_job` walks a folder recursively and tries every file
  with :func:`neurolab.core.images.load_image`; what cannot be read is skipped
  and reported, never fatal. Each picture is centre-cropped square and resized.

:func:`image_grid` is the one helper that tiles images for every grid the GAN
shows (data previews, samples, interpolation strips). No TensorFlow, no Qt.
"""

from __future__ import annotations

import math
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence

import numpy as np

from neurolab.core.errors import BadInputError, exception_reason, quoted_path
from neurolab.core.jobs import Job, Progress, run_job
from neurolab.core.phrases import Phrase

#: The demo_data classes the built-in set draws: compact shapes a small GAN can learn.
BUILTIN_CLASSES: tuple[str, ...] = ("sun", "flower", "star", "heart", "moon")
#: Each built-in shape in its own colour: a small GAN first learns colours, so every shape it
#: leaves out is a colour missing from the samples (and the modes it does draw stay apart —
#: with the demo set's colours, gold stars and yellow suns merged into yellow blobs).
BUILTIN_COLOURS: dict[str, tuple[int, int, int]] = {
    "sun": (255, 190, 20), "flower": (225, 70, 200), "star": (50, 110, 250),
    "heart": (215, 25, 45), "moon": (240, 240, 235)}
BUILTIN_SIZE = 32
BUILTIN_COUNT = 2000
SIZES: tuple[int, ...] = (32, 64)
PAD_VALUE = 24  # the dark grey between the tiles of a grid
BUILTIN_PREFIX = "builtin"

_BUILTIN_CACHE: dict[tuple[int, int, int], "GanDataset"] = {}
_PARALLEL_FROM = 800  # fewer pictures are drawn in this process (a pool costs ~1 s)


@dataclass
class GanDataset:
    """Square RGB pictures to train on (uint8 N×S×S×3) and where they came from."""

    images: np.ndarray
    name: str  # a Phrase for the built-in set, the folder's name otherwise
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    source: str = ""  # "builtin:size=32,n=2000,seed=0" or a folder's absolute path

    def __post_init__(self) -> None:
        images = np.asarray(self.images)
        if images.dtype != np.uint8 or images.ndim != 4 or images.shape[3] != 3 \
                or images.shape[1] != images.shape[2]:
            raise ValueError(f"GanDataset needs uint8 N×S×S×3 images, got {images.dtype} "
                             f"{images.shape}")
        self.images = np.ascontiguousarray(images)

    def __len__(self) -> int:
        return int(self.images.shape[0])

    @property
    def size(self) -> int:
        """The side of every picture, px."""
        return int(self.images.shape[1])

    def preview_grid(self, n: int = 64, columns: Optional[int] = None) -> np.ndarray:
        """The first ``n`` pictures as one uint8 grid (:func:`image_grid`)."""
        return image_grid(self.images[: max(1, int(n))], columns=columns)

    def describe(self) -> str:
        """One line for a status bar: '2000 pictures, 32×32 px (3 files skipped)'."""
        text = f"{len(self)} pictures, {self.size}×{self.size} px"
        if self.skipped:
            text += f" ({len(self.skipped)} file{'s' if len(self.skipped) != 1 else ''} skipped)"
        return text


# --- grids ----------------------------------------------------------------------

def image_grid(images: np.ndarray | Sequence[np.ndarray], columns: Optional[int] = None,
               pad: int = 2, pad_value: int = PAD_VALUE) -> np.ndarray:
    """Tile uint8 N×h×w×3 (or N×h×w) images into one uint8 picture, row by row.

    ``columns`` defaults to a near-square layout (ceil(sqrt(N))); ``pad``
    pixels of ``pad_value`` separate the tiles and frame the grid. Unused
    cells of the last row stay ``pad_value``.
    """
    array = np.asarray(images)
    if array.ndim == 3:
        array = array[..., None]
    if array.ndim != 4 or array.shape[0] == 0:
        raise ValueError(f"image_grid needs N×h×w×c images with N ≥ 1, got shape {array.shape}")
    if array.dtype != np.uint8:
        raise ValueError(f"image_grid needs uint8 images, got {array.dtype}")
    if array.shape[3] == 1:
        array = np.repeat(array, 3, axis=3)
    n, h, w, c = array.shape
    pad = max(0, int(pad))
    columns = int(columns) if columns else math.ceil(math.sqrt(n))
    columns = max(1, min(columns, n))
    rows = math.ceil(n / columns)
    grid = np.full((rows * (h + pad) + pad, columns * (w + pad) + pad, c), pad_value, np.uint8)
    for i in range(n):
        r, col = divmod(i, columns)
        top, left = pad + r * (h + pad), pad + col * (w + pad)
        grid[top:top + h, left:left + w] = array[i]
    return grid


# --- the built-in set -------------------------------------------------------------

def builtin_source(size: int, n: int, seed: int) -> str:
    return f"{BUILTIN_PREFIX}:size={int(size)},n={int(n)},seed={int(seed)}"


def parse_builtin_source(source: str) -> Optional[dict[str, int]]:
    """``"builtin:size=32,n=2000,seed=0"`` -> its arguments; ``None`` for any other source."""
    if source != BUILTIN_PREFIX and not source.startswith(BUILTIN_PREFIX + ":"):
        return None
    values = {"size": BUILTIN_SIZE, "n": BUILTIN_COUNT, "seed": 0}
    for part in source.partition(":")[2].split(","):
        key, _, value = part.partition("=")
        if key.strip() in values and value.strip().lstrip("-").isdigit():
            values[key.strip()] = int(value)
    return values


def builtin_dataset_job(size: int = BUILTIN_SIZE, n: int = BUILTIN_COUNT, seed: int = 0, *,
                        workers: Optional[int] = None) -> Job:
    """Draw the built-in set as a job (progress per chunk); cached in memory per (size, n, seed).

    ``n`` pictures, the classes of :data:`BUILTIN_CLASSES` in turn, one shape a
    picture on a plain background, large and near the centre, at a random size,
    upright (turned and stretched only a little: a 32-px GAN draws stars at any
    angle as round blobs), each shape in its colour (:data:`BUILTIN_COLOURS`),
    drawn clean (no blur or noise): a small GAN learns
    such pictures far sooner than objects anywhere. Same arguments, same pictures. ``workers``
    (default: 2 when this machine has two cores and ``n`` is large) draws in
    that many processes, with the same result.
    """
    size, n, seed = int(size), int(n), int(seed)
    if size not in SIZES:
        raise BadInputError(Phrase("The GAN works on {0} or {1} px pictures, not {2} px.", (*SIZES, size)))
    if n < 1:
        raise BadInputError(Phrase("The built-in set needs at least one picture, not {0}.", (n,)))
    key = (size, n, seed)
    if key in _BUILTIN_CACHE:
        return _BUILTIN_CACHE[key]
    yield Progress(0, n, Phrase("drawing the built-in shapes"))
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if n >= _PARALLEL_FROM else 1
    chunk = max(50, math.ceil(n / max(1, workers) / 4))
    jobs = [(start, min(n, start + chunk), size, seed) for start in range(0, n, chunk)]
    parts: list[np.ndarray] = []
    done = 0
    for part in _draw_chunks(jobs, workers):
        parts.append(part)
        done += len(part)
        yield Progress(done, n, Phrase("drawing the built-in shapes"))
    images = np.concatenate(parts)
    dataset = GanDataset(images, name=Phrase("built-in shapes ({0})", (", ".join(BUILTIN_CLASSES),)),
                         source=builtin_source(size, n, seed))
    _BUILTIN_CACHE[key] = dataset
    return dataset


def builtin_dataset(size: int = BUILTIN_SIZE, n: int = BUILTIN_COUNT, seed: int = 0, *,
                    workers: Optional[int] = None) -> GanDataset:
    """:func:`builtin_dataset_job` run to its end (a few seconds the first time, then cached)."""
    return run_job(builtin_dataset_job(size, n, seed, workers=workers))


def _draw_chunks(jobs: list[tuple[int, int, int, int]], workers: int):
    """Yield each chunk's pictures in order; in a process pool when ``workers`` > 1.

    Where processes cannot start (a frozen app, a sandbox), the chunks not yet
    drawn are drawn in this process instead. However the drawing ends (all
    drawn, Cancel, an error), no drawing process outlives it.
    """
    done = 0
    if workers > 1 and len(jobs) > 1:
        try:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("spawn")  # safe beside TensorFlow's threads
            pool = ProcessPoolExecutor(workers, mp_context=context)
            with _POOLS_LOCK:
                _LIVE_POOLS.add(pool)
            try:
                for part in pool.map(_draw_chunk, jobs):
                    done += 1
                    yield part
            finally:
                if done == len(jobs):
                    pool.shutdown(wait=True)  # the workers are idle: they end at once
                    with _POOLS_LOCK:
                        _LIVE_POOLS.discard(pool)
                else:  # Cancel, an error: chunks not drawn are dropped, their workers killed
                    _stop_pool(pool)
            return
        except (OSError, RuntimeError, ImportError, EOFError):  # RuntimeError: BrokenProcessPool
            pass
    for job in jobs[done:]:
        yield _draw_chunk(job)


#: Process pools drawing now, so that leaving the program can end their processes.
_LIVE_POOLS: set = set()
_POOLS_LOCK = threading.Lock()


def _stop_pool(pool) -> None:
    """Kill a pool's processes and wait for them (at most a second each).

    A worker waiting for its next chunk never ends by itself: it holds both
    ends of the pipe it reads, so even its parent's death does not wake it, and
    multiprocessing's exit handler would wait for it forever.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
    for process in processes:
        process.join(timeout=1.0)
    with _POOLS_LOCK:
        _LIVE_POOLS.discard(pool)


def stop_drawing() -> None:
    """End every drawing process now; for a program that is leaving (the window's ``leave``)."""
    with _POOLS_LOCK:
        pools = list(_LIVE_POOLS)
    for pool in pools:
        _stop_pool(pool)


def _draw_chunk(job: tuple[int, int, int, int]) -> np.ndarray:
    start, stop, size, seed = job
    images = np.empty((stop - start, size, size, 3), dtype=np.uint8)
    for i in range(start, stop):
        images[i - start] = draw_builtin(i, size, seed)
    return images


def draw_builtin(i: int, size: int = BUILTIN_SIZE, seed: int = 0, shape: Optional[str] = None,
                 colour: Optional[tuple[int, int, int]] = None, upright: bool = True) -> np.ndarray:
    """Picture ``i`` of the built-in set (its shape: the classes in turn), or the same draw of ``shape``.

    One function for the set, for tests that need one shape only and for the
    shape judge's training pictures (``colour`` instead of the shape's own;
    ``upright=False``: shapes at any angle, so the judge names any pose).
    """
    from neurolab.core.models.bundled.shapes_data import draw

    name = shape or BUILTIN_CLASSES[i % len(BUILTIN_CLASSES)]
    place = np.random.default_rng([seed, 7920, i])
    scale = place.uniform(0.3, 0.42)  # the object's radius, a fraction of the picture
    centre = tuple(0.5 + place.uniform(-0.06, 0.06, 2))
    return draw(name, seed=(seed, 7919, i), size=size, background="plain", scale=scale,
                centre=centre, clean=True, alone=True, bold=True, upright=upright,
                colour=colour or BUILTIN_COLOURS[name])[0]


# --- a folder of pictures ---------------------------------------------------------

def square_resize(image: np.ndarray, size: int) -> np.ndarray:
    """Centre-crop an RGB uint8 picture to a square and resize it to size×size (antialiased)."""
    from PIL import Image

    height, width = image.shape[:2]
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    square = np.ascontiguousarray(image[top:top + side, left:left + side, :3])
    if side == size:
        return square
    resized = Image.fromarray(square).resize((size, size), Image.Resampling.LANCZOS)
    return np.ascontiguousarray(np.asarray(resized, dtype=np.uint8))


def _files_under(folder: str) -> list[str]:
    """Every file below ``folder``, sorted (the same order on every machine), links not followed."""
    found = []
    for root, dirs, files in os.walk(folder, onerror=None, followlinks=False):
        dirs.sort()
        found.extend(os.path.join(root, name) for name in sorted(files))
    return found


def folder_dataset_job(path: str | os.PathLike, size: int = BUILTIN_SIZE,
                       limit: Optional[int] = None, *,
                       max_pixels: int = 50_000_000) -> Job:
    """Every readable picture below ``path`` (recursively) as a :class:`GanDataset`; a job.

    Each file is tried with :func:`neurolab.core.images.load_image`; one that
    cannot be read (not an image, damaged, too large, unreadable) is skipped
    and listed in ``skipped`` with its reason — never fatal. At most ``limit``
    pictures are kept (files in sorted order). Yields a :class:`Progress` per
    file (``metrics``: ``loaded``, ``skipped``). Raises
    :class:`BadInputError` when ``path`` is not a folder or nothing in it is readable.
    """
    from neurolab.core.images import load_image

    size = int(size)
    if size not in SIZES:
        raise BadInputError(Phrase("The GAN works on {0} or {1} px pictures, not {2} px.", (*SIZES, size)))
    folder = os.path.abspath(os.fspath(path))
    label = quoted_path(path)  # as the user typed it
    if not os.path.isdir(folder):
        raise BadInputError(Phrase("{0} is not a folder." if os.path.exists(folder)
                                   else "The folder {0} was not found.", (label,)))
    yield Progress(0, 0, Phrase("looking for pictures in {0}", (label,)))
    files = _files_under(os.fspath(path))  # named as typed in what is skipped
    total = len(files)
    images: list[np.ndarray] = []
    skipped: list[tuple[str, str]] = []  # (file, why: a Phrase)
    last_yield = 0.0
    for index, file in enumerate(files):
        if limit is not None and len(images) >= limit:
            break
        try:
            picture = load_image(file, max_pixels=max_pixels)
            images.append(square_resize(picture, size))
        except BadInputError as exc:
            skipped.append((file, exc.phrase))
        except MemoryError:
            skipped.append((file, Phrase("{0} is too large to fit in memory.", (f"'{os.path.basename(file)}'",))))
        except Exception as exc:  # noqa: BLE001 - one odd file must not end the walk
            skipped.append((file, Phrase("{0} cannot be read ({1}).",
                                         (f"'{os.path.basename(file)}'", exception_reason(exc)))))
        now = time.monotonic()
        if now - last_yield >= 0.02 or index == total - 1:
            last_yield = now
            yield Progress(index + 1, total, Phrase("reading pictures in {0}", (label,)),
                           metrics={"loaded": float(len(images)), "skipped": float(len(skipped))})
    if not images:
        raise BadInputError(Phrase("No readable images in {0} ({1} file skipped)." if len(skipped) == 1
                                   else "No readable images in {0} ({1} files skipped).", (label, len(skipped))))
    return GanDataset(np.stack(images), name=os.path.basename(os.path.normpath(folder)) or folder,
                      skipped=skipped, source=folder)


def folder_dataset(path: str | os.PathLike, size: int = BUILTIN_SIZE, limit: Optional[int] = None,
                   progress: Optional[Callable[[Progress], Any]] = None) -> GanDataset:
    """:func:`folder_dataset_job` run to its end; ``progress`` gets each :class:`Progress`."""
    return run_job(folder_dataset_job(path, size, limit), progress)


def open_dataset_job(data: str | os.PathLike = BUILTIN_PREFIX, size: int = BUILTIN_SIZE, *,
                     n: Optional[int] = None, seed: int = 0, limit: Optional[int] = None) -> Job:
    """``"builtin"`` (or a ``builtin:…`` source) or a folder -> a :class:`GanDataset`; a job.

    What ``gan train --data builtin|FOLDER`` and a checkpoint's ``source`` need.
    """
    text = os.fspath(data)
    builtin = parse_builtin_source(text)
    if builtin is not None:
        if text == BUILTIN_PREFIX:
            builtin.update(size=int(size), seed=int(seed))
        if n is not None:
            builtin["n"] = int(n)
        return (yield from builtin_dataset_job(builtin["size"], builtin["n"], builtin["seed"]))
    return (yield from folder_dataset_job(text, size, limit))
