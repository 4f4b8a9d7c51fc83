"""How a trained classifier does on pictures it did not learn from: where it gets confused.

Plain NumPy from the true classes and the predicted probabilities, so the window and the
CLI show the same numbers: a confusion matrix (rows: the true class, columns: what the
network said), per-class precision and recall, and the most confident mistakes first —
the pictures worth looking at in the Activations tab. No TensorFlow, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from neurolab.core.results import json_safe


@dataclass(frozen=True)
class Mistake:
    """A picture the network got wrong: ``index`` into the judged folder's ``files``."""

    index: int
    true: int
    predicted: int
    confidence: float  # the probability of the wrong answer

    def to_json(self) -> dict[str, Any]:
        return json_safe({"index": self.index, "true": self.true, "predicted": self.predicted,
                          "confidence": self.confidence})


@dataclass
class Evaluation:
    """The confusion matrix and what follows from it, for pictures ``indices`` of a folder."""

    classes: list[str]
    confusion: np.ndarray  # true × predicted counts
    indices: np.ndarray  # the judged pictures (indices into the folder's files)
    true: np.ndarray
    predicted: np.ndarray
    probabilities: np.ndarray  # N × classes
    mistakes: list[Mistake] = field(default_factory=list)
    on_test: bool = False  # judged on a separate test folder (its files), not the validation split

    @classmethod
    def from_predictions(cls, classes: list[str], indices, true, probabilities, *,
                         on_test: bool = False) -> "Evaluation":
        indices = np.asarray(indices, dtype=np.int64)
        true = np.asarray(true, dtype=np.int64)
        probabilities = np.asarray(probabilities, dtype=np.float32).reshape(len(true), len(classes))
        predicted = probabilities.argmax(axis=1) if len(true) else np.zeros(0, dtype=np.int64)
        confusion = np.zeros((len(classes), len(classes)), dtype=np.int64)
        np.add.at(confusion, (true, predicted), 1)
        wrong = np.flatnonzero(predicted != true)
        confidence = probabilities[wrong, predicted[wrong]] if len(wrong) else np.zeros(0)
        order = wrong[np.argsort(-confidence, kind="stable")]
        mistakes = [Mistake(int(indices[i]), int(true[i]), int(predicted[i]), float(probabilities[i, predicted[i]]))
                    for i in order]
        return cls(list(classes), confusion, indices, true, predicted, probabilities, mistakes, on_test)

    @property
    def accuracy(self) -> float:
        total = int(self.confusion.sum())
        return float(np.trace(self.confusion) / total) if total else 0.0

    @property
    def precision(self) -> np.ndarray:
        """Per class: of the pictures called this class, the share that are (0 when none were)."""
        said = self.confusion.sum(axis=0)
        return np.divide(np.diag(self.confusion), said, out=np.zeros(len(self.classes)), where=said > 0)

    @property
    def recall(self) -> np.ndarray:
        """Per class: of the pictures of this class, the share the network recognised."""
        held = self.confusion.sum(axis=1)
        return np.divide(np.diag(self.confusion), held, out=np.zeros(len(self.classes)), where=held > 0)

    def normalised(self) -> np.ndarray:
        """The confusion matrix with each row divided by its total (a row of zeros stays zero)."""
        held = self.confusion.sum(axis=1, keepdims=True).astype(np.float64)
        return np.divide(self.confusion, held, out=np.zeros(self.confusion.shape), where=held > 0)

    def cell(self, true: int, predicted: int) -> list[int]:
        """The pictures (indices into the folder's files) of class ``true`` called ``predicted``."""
        hits = (self.true == int(true)) & (self.predicted == int(predicted))
        return [int(i) for i in self.indices[hits]]

    def most_confused(self) -> tuple[int, int] | None:
        """The (true, predicted) pair of different classes with the most pictures, or None."""
        off = self.confusion.copy()
        np.fill_diagonal(off, 0)
        if off.max(initial=0) == 0:
            return None
        true, predicted = np.unravel_index(int(off.argmax()), off.shape)
        return int(true), int(predicted)

    def to_json(self) -> dict[str, Any]:
        return json_safe({
            "classes": self.classes, "accuracy": self.accuracy, "confusion_matrix": self.confusion,
            "precision": self.precision, "recall": self.recall, "pictures": int(self.confusion.sum()),
            "judged_on": "test" if self.on_test else "validation",
            "mistakes": [m.to_json() for m in self.mistakes]})
