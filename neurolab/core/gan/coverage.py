"""Mode coverage: which of the built-in shapes a GAN draws, judged by a shape classifier.

A GAN that draws only hearts and suns can still have low losses; counting
what its samples *are* shows it. The judge is :mod:`neurolab.core.gan.judge`:
a small classifier trained on the built-in set's own kind of picture (one
shape on a plain background, 32 px) in random colours, so it names a sample by
its outline, not by the colour each shape has in the set. (The bundled 64-px
``shapes`` model was the judge before: it calls soft 32-px red hearts "sun",
so it counted drawn shapes as missing.) Samples of another size are resized
to 32 px first. A sample whose top probability is below ``min_confidence``
counts as ``other`` (a smudge the judge cannot name). No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np

from neurolab.core.gan.data import BUILTIN_CLASSES
from neurolab.core.results import result_json

OTHER = "other"
#: Below this top probability a picture counts as ``other`` (measured in tests/core/test_gan_coverage.py).
MIN_CONFIDENCE = 0.7
#: A shape counts as covered when it has at least this share of a fair split (n / 5).
COVERED_SHARE = 0.25
_BATCH = 256
_JUDGE: list[Any] = []


@dataclass
class ModeCoverage:
    """How many pictures the judge took for each shape (``counts``), and for none (``other``)."""

    counts: dict[str, int] = field(default_factory=dict)
    other: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + self.other

    def share(self, shape: str) -> float:
        """The fraction of all pictures judged to be ``shape``."""
        return self.counts.get(shape, 0) / self.total if self.total else 0.0

    def covered(self, share: float = COVERED_SHARE) -> list[str]:
        """Shapes with at least ``share`` of a fair split: drawn often enough to count."""
        fair = self.total / max(1, len(self.counts))
        return [name for name, count in self.counts.items() if count > 0 and count >= share * fair]

    def missing(self, share: float = COVERED_SHARE) -> list[str]:
        """Shapes drawn rarely or never (the modes the generator dropped)."""
        covered = set(self.covered(share))
        return [name for name in self.counts if name not in covered]

    def to_json(self, **context: Any) -> dict[str, Any]:
        """Counts, shares and the covered and missing shapes (:mod:`neurolab.core.results`)."""
        return result_json({"counts": dict(self.counts), "other": self.other, "total": self.total,
                            "shares": {name: self.share(name) for name in self.counts},
                            "covered": self.covered(), "missing": self.missing()}, context)

    def line(self) -> str:
        """'sun 21%, flower 18%, star 20%, heart 22%, moon 15%, other 4%' (reports, benchmarks)."""
        parts = [f"{name} {self.share(name):.0%}" for name in self.counts]
        parts.append(f"{OTHER} {self.other / self.total if self.total else 0.0:.0%}")
        return ", ".join(parts)


def shape_judge():
    """The shape judge (:mod:`neurolab.core.gan.judge`), loaded once per process (small, read-only)."""
    if not _JUDGE:
        from neurolab.core.gan.judge import judge_path
        from neurolab.core.models.catalog import load_model_file

        _JUDGE.append(load_model_file(judge_path()))
    return _JUDGE[0]


def judge_pictures(images: np.ndarray, judge=None) -> tuple[np.ndarray, np.ndarray]:
    """The judge's top class index and its probability for each uint8 N×S×S×3 picture."""
    import tensorflow as tf

    from neurolab.core.models.classify import as_probabilities

    judge = judge or shape_judge()
    height, width = judge.input_shape[:2]
    images = np.asarray(images)
    tops, sures = [], []
    for start in range(0, len(images), _BATCH):
        batch = tf.cast(images[start:start + _BATCH], tf.float32)
        if tuple(batch.shape[1:3]) != (height, width):
            batch = tf.image.resize(batch, (height, width), method="bilinear", antialias=True)
        scores = np.asarray(judge.model(judge.preprocess(batch), training=False))
        probabilities = np.stack([as_probabilities(row) for row in scores])
        tops.append(probabilities.argmax(axis=1))
        sures.append(probabilities.max(axis=1))
    if not tops:
        return np.empty(0, np.int64), np.empty(0, np.float64)
    return np.concatenate(tops), np.concatenate(sures)


def mode_coverage(images: np.ndarray, judge=None, *, shapes: Sequence[str] = BUILTIN_CLASSES,
                  min_confidence: float = MIN_CONFIDENCE) -> ModeCoverage:
    """Count the pictures the judge takes for each of ``shapes`` (the built-in set's by default)."""
    judge = judge or shape_judge()
    tops, sures = judge_pictures(images, judge)
    counts = {name: 0 for name in shapes}
    other = 0
    for index, sure in zip(tops, sures):
        label = judge.label(int(index))
        if label in counts and sure >= min_confidence:
            counts[label] += 1
        else:
            other += 1
    return ModeCoverage(counts, other)


def colour_coverage(images: np.ndarray, colours: Optional[dict] = None,
                    max_distance: float = 100.0) -> ModeCoverage:
    """Count the pictures whose object has the colour of each built-in shape (nearest colour).

    A second, lenient measure beside the judge's: the built-in set draws each
    shape in its own colour (:data:`~neurolab.core.gan.data.BUILTIN_COLOURS`),
    and a small GAN learns colours long before outlines, so this shows which
    modes it draws at all while the judge still calls its blobs "other". The
    object's colour is the median of the picture's centre (the middle half)
    pixels farthest from the border's median colour (the background).
    """
    from neurolab.core.gan.data import BUILTIN_COLOURS

    colours = colours or BUILTIN_COLOURS
    names = list(colours)
    table = np.array([colours[name] for name in names], np.float64)
    counts = {name: 0 for name in names}
    other = 0
    for picture in np.asarray(images, np.float64):
        size = picture.shape[0]
        border = np.concatenate([picture[0], picture[-1], picture[:, 0], picture[:, -1]])
        centre = picture[size // 4: size - size // 4, size // 4: size - size // 4].reshape(-1, 3)
        away = np.linalg.norm(centre - np.median(border, axis=0), axis=1)
        colour = np.median(centre[away >= np.quantile(away, 0.5)], axis=0)
        distances = np.linalg.norm(table - colour, axis=1)
        if distances.min() <= max_distance:
            counts[names[int(distances.argmin())]] += 1
        else:
            other += 1
    return ModeCoverage(counts, other)


def drawn_shapes(shape: Optional[str] = None, n: int = 100, size: int = 32, seed: int = 0) -> np.ndarray:
    """``n`` pictures as the built-in set draws them: every shape in turn, or only ``shape``."""
    from neurolab.core.gan.data import draw_builtin

    return np.stack([draw_builtin(i, size, seed, shape) for i in range(int(n))])
