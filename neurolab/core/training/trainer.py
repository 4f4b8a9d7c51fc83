"""Training a classifier as a job that can pause, resume exactly, stop early and keep its best epoch.

(Skeleton: the API T2 codes against; the body follows.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Optional

from neurolab.core.jobs import Job
from neurolab.core.training.config import TrainConfig
from neurolab.core.training.data import ImageFolder
from neurolab.core.training.evaluation import Evaluation

HISTORY_FIELDS = ("epoch", "loss", "accuracy", "val_loss", "val_accuracy")


@dataclass
class TrainResult:
    """A trained classifier: ``model`` takes H×W×3 0–255 pictures (Rescaling inside)."""

    model: Any
    classes: list[str]
    history: list[dict[str, float]] = field(default_factory=list)
    best_epoch: int = 0
    evaluation: Optional[Evaluation] = None
    seconds: float = 0.0
    config: Optional[TrainConfig] = None

    def to_json(self, **context: Any) -> dict[str, Any]:
        raise NotImplementedError

    def save(self, path: str | os.PathLike) -> str:
        """Write MODEL.keras and MODEL.labels.txt; the .keras path."""
        raise NotImplementedError

    def save_metrics(self, path: str | os.PathLike) -> tuple[str, str]:
        """Write the history as CSV and everything as JSON beside ``path``; both paths."""
        raise NotImplementedError


class ClassifierTrainer:
    """A classifier on a backbone, its optimiser, counters and history; trains as a job."""

    def __init__(self, folder: ImageFolder, config: Optional[TrainConfig] = None, *, strategy=None):
        self.folder = folder
        self.config = (config or TrainConfig()).validated()
        self.history: list[dict[str, float]] = []
        self.epoch = 0
        self.best_epoch = 0

    def train_job(self) -> Job:
        """Progress events (metrics: epoch, epochs, history, eta_s, phase); returns a TrainResult.
        Closing it between events pauses; a new train_job continues."""
        raise NotImplementedError
        yield

    def stop(self) -> None:
        """Ask for the end: the next train_job (or finish_job) restores the best weights and evaluates."""
        raise NotImplementedError

    def finish_job(self) -> Job:
        """Restore the best epoch's weights, evaluate; returns a TrainResult."""
        raise NotImplementedError
        yield
