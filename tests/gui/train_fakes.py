"""A stand-in for core.training's trainer with the same API (train_job pauses when closed,
stop + finish_job keep the best epoch), so the Train tab's window tests run in seconds and
know which pair the "model" confuses: class 1 is taken for class 0 half the time."""

from __future__ import annotations

import threading

import numpy as np

from neurolab.core.jobs import Progress
from neurolab.core.phrases import Phrase
from neurolab.core.training.data import stratified_split
from neurolab.core.training.evaluation import Evaluation
from neurolab.core.training.trainer import TrainResult

EPOCH_S = 0.01  # a simulated epoch on the job thread


class FakeResult(TrainResult):
    def save(self, path) -> str:
        from tests.helpers import small_cnn

        path = str(path)
        small_cnn((32, 32, 3), classes=len(self.classes)).save(path)
        with open(path[:-len(".keras")] + ".labels.txt", "w", encoding="utf-8") as out:
            out.write("\n".join(self.classes) + "\n")
        return path

    def loaded(self):
        """The stand-in model in memory, as core's TrainResult.loaded gives the trained one."""
        from neurolab.core.models.catalog import LoadedModel
        from neurolab.core.models.preprocessing import CHOICES
        from tests.helpers import small_cnn

        return LoadedModel(model=small_cnn((32, 32, 3), classes=len(self.classes)), name="trained",
                           display_name="trained classifier", source="trained", input_shape=(32, 32, 3),
                           preprocess=CHOICES["raw"], preprocessing="raw", labels=list(self.classes),
                           preprocessing_key="raw", preprocessing_default="raw")

    def save_metrics(self, path):
        path = str(path)
        with open(path, "w", encoding="utf-8") as out:
            out.write("epoch,loss\n" + "".join(f"{h['epoch']},{h['loss']}\n" for h in self.history))
        return (path,)


class FakeTrainer:
    def __init__(self, folder, config=None):
        self.folder, self.config = folder, config.validated()
        self.history: list[dict] = []
        self.epoch = 0
        self._stop = False
        self.jobs = 0

    def train_job(self):
        self.jobs += 1
        total = self.config.epochs
        while self.epoch < total and not self._stop:
            threading.Event().wait(EPOCH_S)
            self.epoch += 1
            entry = {"epoch": self.epoch, "loss": 1.0 / self.epoch, "accuracy": 1 - 0.5 / self.epoch,
                     "val_loss": 1.2 / self.epoch, "val_accuracy": 1 - 0.6 / self.epoch}
            self.history.append(entry)
            yield Progress(self.epoch, total, Phrase("training the classifier"),
                           metrics={"epoch": self.epoch, "epochs": total, "history": (dict(entry),),
                                    "eta_s": (total - self.epoch) * EPOCH_S, "phase": "training"})
        return (yield from self.finish_job())

    def stop(self) -> None:
        self._stop = True

    def finish_job(self):
        yield Progress(0, 1, Phrase("evaluating"), metrics={"phase": "evaluating"})
        folder = self.folder
        on_test = folder.test is not None  # judged on the test folder, as core's trainer does
        _, val = stratified_split(folder.targets, 0.2, 0)
        if on_test:
            val = np.arange(len(folder.test))
        true = (folder.test if on_test else folder).targets[val]
        n = len(folder.classes)
        probabilities = np.full((len(val), n), 0.05 / max(1, n - 1), dtype=np.float32)
        probabilities[np.arange(len(val)), true] = 0.95
        ones = np.flatnonzero(true == 1)
        for k, row in enumerate(ones[: max(1, len(ones) // 2)]):  # 1 taken for 0
            probabilities[row] = 0.01
            probabilities[row, 0] = 0.9 - 0.01 * k
        evaluation = Evaluation.from_predictions(folder.classes, val, true, probabilities,
                                                 on_test=on_test)
        best = max(1, self.epoch)
        return FakeResult(model=None, classes=list(folder.classes), history=list(self.history),
                          best_epoch=best, evaluation=evaluation, seconds=1.5, config=self.config)
