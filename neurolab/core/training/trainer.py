"""Training a classifier as a job that can pause, resume exactly, stop early and keep its best epoch.

:class:`ClassifierTrainer` holds the trunk (:mod:`.backbones`), a new head (dropout, one dense
layer, softmax), the optimiser, the counters and the history. Its :meth:`~ClassifierTrainer.train_job`
yields :class:`~neurolab.core.jobs.Progress` in three phases:

- ``features`` (a frozen backbone only): every picture is decoded, squashed to the trunk's
  size and passed through the trunk once; with augmentation, each training picture also twice
  more, flipped, turned, zoomed and recoloured (``AUGMENTED_COPIES``). The head then trains on
  these vectors: an epoch costs milliseconds instead of a pass through the backbone
  (``benchmarks/train_head.py``). Pictures that fail to decode now are left out and added
  to the folder's ``unreadable``.
- ``training``: mini-batches (``train_on_batch``, the same compiled step as ``model.fit``);
  with ``fine_tune`` or ``scratch`` through the whole network, augmentation layers in front.
  After each epoch the validation loss decides early stopping (``patience``) and the best
  epoch's weights are copied.
- ``evaluating``: the best weights restored, the validation pictures (or the test folder)
  judged (:class:`~neurolab.core.training.evaluation.Evaluation`).

Closing the job between events pauses; a new ``train_job`` continues exactly (nothing comes
from global random state: epoch ``e``'s batch order is ``default_rng([seed, 1, e])``, dropout
and augmentation draw from seeded generators kept in their layers). :meth:`stop` asks for the
end; the job then finishes as if early stopping had fired. Models are built under
``choose_strategy()`` (a ``MirroredStrategy`` with several GPUs), as the GAN's. No Qt here.

Precision (:mod:`neurolab.core.precision`): the networks are built under Keras's ``mixed_*``
policy of the chosen precision (float32 variables and Adam; float16 wraps Adam in Keras's
``LossScaleOptimizer``), the logits and softmax in float32; the frozen trunk's features come
from its lower-precision copy. What a person reads as a verdict — the evaluation (accuracy,
confusion matrix, mistakes), the result's ``classify`` — and the saved file are the plain
float32 network (:func:`~neurolab.core.precision.float32_model`).
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import time
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from neurolab.core.atomic import atomic_write
from neurolab.core.errors import BadInputError, ImageError, quoted_path, system_reason
from neurolab.core.gan.trainer import choose_strategy
from neurolab.core.jobs import Job, Progress
from neurolab.core.phrases import Phrase
from neurolab.core.results import result_json
from neurolab.core.training.backbones import build_trunk
from neurolab.core.training.config import TrainConfig
from neurolab.core.training.data import ImageFolder, stratified_split
from neurolab.core.training.evaluation import Evaluation

HISTORY_FIELDS = ("epoch", "loss", "accuracy", "val_loss", "val_accuracy")
HEAD_HIDDEN = 256  # a hidden ReLU layer in the head: load_digits 81 → 86 %, shapes 98.3 % both (0: none)
FINE_TUNE_RATE = 0.1  # fine-tuning's learning rate, a share of the head's: small steps keep the features
AUGMENTED_COPIES = 2  # extra, augmented feature vectors of each training picture (frozen backbone)
FEATURE_BATCH = 32
EVENT_SPACING_S = 0.25  # at most this often a progress event inside an epoch


@dataclass
class TrainResult:
    """A trained classifier: ``model`` takes H×W×3 0–255 pictures (its preprocessing inside)."""

    model: Any
    classes: list[str]
    history: list[dict[str, float]] = field(default_factory=list)
    best_epoch: int = 0
    evaluation: Optional[Evaluation] = None
    seconds: float = 0.0
    config: Optional[TrainConfig] = None
    stopped_early: bool = False
    fine_tune_from: Optional[int] = None  # the epochs of the head before fine-tuning began
    precision: str = "float32"  # what training computed in (core.precision); ``model`` is float32
    _loaded: Any = field(default=None, init=False, repr=False, compare=False)

    @property
    def val_accuracy(self) -> float:
        return self.evaluation.accuracy if self.evaluation is not None else float("nan")

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab train --json`` and of :meth:`save_metrics`."""
        evaluation = self.evaluation.to_json() if self.evaluation is not None else {}
        return result_json({
            "method": "train", "classes": self.classes, "val_accuracy": self.val_accuracy,
            "confusion_matrix": evaluation.get("confusion_matrix"),
            # per class; "precision" is what the training computed in, as in every --json
            "class_precision": evaluation.get("precision"), "class_recall": evaluation.get("recall"),
            "precision": self.precision,
            "judged_on": evaluation.get("judged_on"), "mistakes": evaluation.get("mistakes", [])[:20],
            "epochs": len(self.history), "best_epoch": self.best_epoch, "stopped_early": self.stopped_early,
            "fine_tune_from": self.fine_tune_from,
            "seconds": self.seconds, "config": self.config.to_dict() if self.config else None,
            "image_size": self.config.size if self.config else None, "history": self.history}, context)

    def loaded(self):
        """The trained model as neurolab's other tabs see a model (a
        :class:`~neurolab.core.models.catalog.LoadedModel`: the folder names, raw 0–255 pixels),
        without saving it first; made once."""
        if self._loaded is None:
            from neurolab.core.models.catalog import LoadedModel
            from neurolab.core.models.preprocessing import CHOICES, described

            size = self.config.size if self.config else int(self.model.input.shape[1])
            raw = CHOICES["raw"]
            self._loaded = LoadedModel(
                model=self.model, name="trained", display_name="trained classifier", source="trained",
                input_shape=(size, size, 3), preprocess=raw, preprocessing=described(raw, ""),
                labels=list(self.classes), preprocessing_key="raw", preprocessing_default="raw")
        return self._loaded

    def classify(self, image: np.ndarray, top: int = 5) -> list:
        """The ``top`` classes of one picture (any size, 0–255; a dropped file's pixels) as
        :class:`~neurolab.core.models.classify.Prediction` (folder names), as the saved file
        would answer."""
        from neurolab.core.models.classify import classify

        return classify(self.loaded(), image, top=top)

    def save(self, path: str | os.PathLike) -> str:
        """Write ``MODEL.keras`` and ``MODEL.labels.txt`` (the names neurolab's loader reads beside
        it); the .keras path. A sentence when the name or the folder will not do."""
        path = os.fspath(path)
        if not path.lower().endswith(".keras"):
            raise BadInputError(Phrase("{0}: a trained model is saved as a .keras file.", (quoted_path(path),)))
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise BadInputError(Phrase("Cannot save {0}: the folder {1} does not exist.",
                                       (quoted_path(path), quoted_path(os.path.dirname(path) or folder))))
        labels = path[: -len(".keras")] + ".labels.txt"
        temporary = os.path.join(folder, f".neurolab-{os.getpid()}-{os.path.basename(path)}")
        try:
            self.model.save(temporary)
            with atomic_write(labels) as fp:
                fp.write(("\n".join(self.classes) + "\n").encode("utf-8"))
            os.replace(temporary, path)
        except OSError as exc:
            raise BadInputError(Phrase("Cannot save {0} ({1}).",
                                       (quoted_path(path), system_reason(exc, Phrase("write failed"))))) from None
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)
        return path

    def save_metrics(self, path: str | os.PathLike) -> tuple[str, str]:
        """The history as CSV and everything (:meth:`to_json`) as JSON: ``path`` (its .csv or .json
        dropped) with .csv and with .json; both paths."""
        base = os.fspath(path)
        for suffix in (".csv", ".json"):
            base = base[: -len(suffix)] if base.lower().endswith(suffix) else base
        csv_path, json_path = base + ".csv", base + ".json"
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(HISTORY_FIELDS), extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        for entry in self.history:
            writer.writerow({k: entry.get(k, "") for k in HISTORY_FIELDS})
        try:
            with atomic_write(csv_path) as fp:
                fp.write(buffer.getvalue().encode("utf-8"))
            with atomic_write(json_path) as fp:
                fp.write(json.dumps(self.to_json(), indent=2).encode("utf-8"))
        except OSError as exc:
            reason = system_reason(exc, Phrase("write failed"))
            raise BadInputError(Phrase("Cannot save {0} ({1}).", (quoted_path(csv_path), reason))) from None
        return csv_path, json_path


class ClassifierTrainer:
    """A classifier on a backbone, its optimiser, counters and history; trains as a job.

    Building it builds the networks (seconds: Keras is imported, the backbone loaded).
    """

    def __init__(self, folder: ImageFolder, config: Optional[TrainConfig] = None, *, strategy=None):
        self.folder = folder
        self.config = (config or TrainConfig()).validated().for_pictures(folder).validated()
        cfg = self.config
        self.classes = list(folder.classes)
        self.size = cfg.size
        self.frozen = not cfg.fine_tune and cfg.backbone != "scratch"
        self.head_first = cfg.backbone != "scratch"  # a trained head before any fine-tuning
        self.stage = "head" if self.head_first else "network"
        self.fine_tune_from: Optional[int] = None  # epochs done when fine-tuning began
        self.train_idx, self.val_idx = stratified_split(folder.targets, cfg.validation, cfg.seed)
        self.strategy = strategy or choose_strategy()
        from neurolab.core.precision import building_in, compute_precision

        #: What training computes in (core.precision): the networks are built under its mixed
        #: policy (float32 variables), a frozen trunk's features come from its lower-precision
        #: copy; the evaluation and the saved file are float32 (:meth:`_finish`).
        self.precision = compute_precision()
        with self.strategy.scope(), building_in(self.precision, training=True):
            self._build()
        self.history: list[dict[str, float]] = []
        self.epoch = 0  # whole epochs done
        self.step_in_epoch = 0
        self.best_epoch = 0
        self.best_val_loss = math.inf
        self.best_weights: Optional[list[np.ndarray]] = None
        self.wait = 0  # epochs since the best
        self.train_seconds = 0.0  # working time of every run (features, steps, validation), pauses left out
        self.stop_requested = False
        self.stopped_early = False
        self.result: Optional[TrainResult] = None
        self._sums = np.zeros(3)  # loss·n, correct, n of the current epoch
        self._features: dict[str, np.ndarray] = {}  # "train", "val", "test" (frozen backbone)
        self._feature_done = 0
        self._feature_jobs: list[tuple[str, np.ndarray, int]] = []  # (part, folder indices, copy)
        self._bad: set[int] = set()  # pictures that failed to decode
        self._test_bad: set[int] = set()
        self._data: Optional[dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]] = None  # part: (x, y, indices)
        self._pictures: dict[str, list] = {}  # "train", "val", "test": decoded pictures (fine-tuning)
        self._images: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}  # the same, assembled

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        import keras
        from keras import layers

        cfg = self.config
        self.trunk = build_trunk(cfg.backbone, self.size, cfg.seed)
        trunk = self.trunk.model
        n = len(self.classes)
        he = keras.initializers.HeNormal(seed=cfg.seed + 1)
        hidden = [layers.Dropout(0.2, seed=cfg.seed, name="hidden_dropout"),
                  layers.Dense(HEAD_HIDDEN, activation="relu", name="hidden", kernel_initializer=he),
                  ] if HEAD_HIDDEN else []
        self.head_layers = hidden + [
            layers.Dropout(0.2, seed=cfg.seed, name="head_dropout"),
            # logits and softmax in float32 whatever the precision (Keras's mixed-precision advice)
            layers.Dense(n, name="classes", kernel_initializer=keras.initializers.GlorotUniform(seed=cfg.seed),
                         dtype="float32"),
            layers.Softmax(name="probabilities", dtype="float32")]

        def head(x):
            for layer in self.head_layers:
                x = layer(x)
            return x

        # What is saved: flat where the trunk is (bundled, scratch), no augmentation.
        self.model = keras.Model(trunk.input, head(trunk.output), name="classifier")
        self.augmentation = self._augmentation() if cfg.augment else None
        self.head_model = self.full_model = None
        if self.head_first:  # the head on cached features (all of a frozen run, a fine-tuning's start)
            trunk.trainable = False
            features = keras.Input((self.trunk.features,), name="features")
            self.head_model = keras.Model(features, head(features), name="head")
            self.head_model.compile(optimizer=self._optimizer(cfg.learning_rate),
                                    loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
        if not self.frozen:  # through the whole network: scratch, or fine-tuning's second stage
            rate = cfg.learning_rate
            if cfg.fine_tune:
                rate *= FINE_TUNE_RATE
                trunk.trainable = True
                keep = {id(layer) for layer in self.trunk.last_block}
                from neurolab.core.precision import layers_within

                for layer in layers_within(trunk):
                    if not isinstance(layer, keras.Model):
                        layer.trainable = id(layer) in keep
            images = keras.Input((self.size, self.size, 3), name="data")
            x = self.augmentation(images) if self.augmentation is not None else images
            self.full_model = keras.Model(images, head(trunk(x)), name="training")
            self.full_model.compile(optimizer=self._optimizer(rate),
                                    loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])

    def _optimizer(self, rate: float):
        """Adam; in float16 inside Keras's ``LossScaleOptimizer`` (small gradients underflow float16's
        5 exponent bits; bfloat16 has float32's range and needs none)."""
        import keras

        from neurolab.core.precision import needs_loss_scaling

        adam = keras.optimizers.Adam(rate)
        return keras.optimizers.LossScaleOptimizer(adam) if needs_loss_scaling(self.precision) else adam

    @property
    def train_model(self):
        """The model the current stage trains: the head on features, or the whole network."""
        return self.head_model if self.stage == "head" else self.full_model

    def _augmentation(self):
        import keras
        from keras import layers

        from neurolab.core.precision import FLOAT32, building_in

        seed = self.config.seed
        with building_in(FLOAT32):  # the pixels keep float32 whatever the networks compute in
            flip = [layers.RandomFlip("horizontal", seed=seed)] if self.config.flip else []
            return keras.Sequential(flip + [
                layers.RandomRotation(0.05, seed=seed + 1),
                layers.RandomZoom(0.1, seed=seed + 2), layers.RandomContrast(0.1, seed=seed + 3)],
                name="augmentation")

    # --- the job ------------------------------------------------------------------------------

    @property
    def epochs(self) -> int:
        """Epochs of the whole run: with fine-tuning, the head's (``epochs``, fewer when it stops
        early) and then ``epochs`` more through the last block."""
        if not self.config.fine_tune:
            return int(self.config.epochs)
        head = self.fine_tune_from if self.fine_tune_from is not None else int(self.config.epochs)
        return head + int(self.config.epochs)

    def stop(self) -> None:
        """Ask for the end: the running (or next) job restores the best weights and evaluates."""
        self.stop_requested = True

    def finish_job(self) -> Job:
        """Stop now: restore the best epoch's weights and evaluate; returns a :class:`TrainResult`."""
        self.stop()
        return (yield from self.train_job())

    def train_job(self) -> Job:
        """Progress events (metrics: ``epoch``, ``epochs``, ``history`` — the entries new since the
        previous event; the first event of a run has all of them —, ``eta_s``, ``phase``); returns a
        :class:`TrainResult`. Closing it between events pauses; a new ``train_job`` continues."""
        if self.result is not None:
            return self.result
        self._sent = 0
        if self._data is None:
            yield from self._prepare()
        yield from self._train()
        return (yield from self._finish())

    def _event(self, step: int, total: int, stage: Phrase, phase: str, eta: float) -> Progress:
        new = tuple(dict(entry) for entry in self.history[self._sent:])
        self._sent = len(self.history)
        return Progress(step, total, stage, metrics={
            "epoch": self.epoch, "epochs": self.epochs, "history": new, "eta_s": float(eta), "phase": phase})

    def _prepare(self) -> Job:
        """Decode every picture; with a frozen backbone, pass each through it once (the features)."""
        if not self._feature_jobs:
            parts = [("train", self.train_idx, 0), ("val", self.val_idx, 0)]
            if self.head_first and self.augmentation is not None:
                parts += [("train", self.train_idx, copy) for copy in range(1, AUGMENTED_COPIES + 1)]
            if self.folder.test is not None:
                parts.append(("test", np.arange(len(self.folder.test)), 0))
            self._feature_jobs = [(part, indices[i:i + FEATURE_BATCH], copy) for part, indices, copy in parts
                                  for i in range(0, len(indices), FEATURE_BATCH)]
        total = sum(len(batch) for _, batch, _ in self._feature_jobs)
        stage = Phrase("computing features") if self.head_first else Phrase("reading pictures")
        started, done_before = time.perf_counter(), self._feature_done
        from neurolab.core.precision import compute_copy, note_used

        trunk, used = compute_copy(self.trunk.model, self.precision) if self.head_first else (None, "float32")
        note_used(used)
        yield self._event(self._feature_done, total, stage, "features", math.nan)
        while self._feature_done < total:
            position = self._feature_position()
            part, batch, copy = self._feature_jobs[position]
            folder = self.folder.test if part == "test" else self.folder
            tick = time.perf_counter()
            images = np.stack([self._picture(folder, int(i), part == "test") for i in batch])
            if copy == 0 and self.config.fine_tune:
                self._pictures.setdefault(part, []).append(images)
            if self.head_first:
                x = images.astype("float32")
                if copy:
                    x = np.asarray(self.augmentation(x, training=True))
                values = np.asarray(trunk(x, training=False)).astype(np.float32)
                self._features.setdefault(f"{part}:{copy}", []).append(values)
            else:
                self._features.setdefault(f"{part}:{copy}", []).append(images)
            self._feature_done += len(batch)
            self.train_seconds += time.perf_counter() - tick
            rate = (self._feature_done - done_before) / max(time.perf_counter() - started, 1e-6)
            yield self._event(self._feature_done, total, stage, "features", (total - self._feature_done) / rate)
        self._drop_bad()

    def _feature_position(self) -> int:
        done = 0
        for position, (_, batch, _) in enumerate(self._feature_jobs):
            if done >= self._feature_done:
                return position
            done += len(batch)
        return len(self._feature_jobs)

    def _picture(self, folder: ImageFolder, index: int, test: bool) -> np.ndarray:
        try:
            return folder.picture(index, self.size)
        except ImageError:
            (self._test_bad if test else self._bad).add(index)
            if folder.files[index] not in folder.unreadable:
                folder.unreadable.append(folder.files[index])
            return np.zeros((self.size, self.size, 3), dtype=np.uint8)

    def _drop_bad(self) -> None:
        """Leave out the pictures that failed to decode (their rows were zeros)."""
        self._data = self._assemble({key: np.concatenate(parts) for key, parts in self._features.items()})
        pictures = {f"{part}:0": np.concatenate(parts) for part, parts in self._pictures.items()}
        self._images = self._assemble(pictures)
        self._features, self._pictures = {}, {}

    def _assemble(self, store: dict[str, np.ndarray]) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
        data = {}
        for part, indices, bad in (("train", self.train_idx, self._bad), ("val", self.val_idx, self._bad),
                                   ("test", np.arange(len(self.folder.test or [])), self._test_bad)):
            keep = np.array([int(i) not in bad for i in indices], dtype=bool)
            copies = sorted(key for key in store if key.startswith(part + ":"))
            if not copies:
                continue
            x = np.concatenate([store[key][keep] for key in copies])
            folder = self.folder.test if part == "test" else self.folder
            y = np.tile(folder.targets[indices[keep]], len(copies))
            data[part] = (x, y, indices[keep])
        return data

    def _stage_data(self) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Features for the head stage; pictures through the network (fine-tuning's own copies)."""
        return self._images if self.stage == "fine_tune" else self._data

    def _steps_per_epoch(self) -> int:
        return max(1, math.ceil(len(self._stage_data()["train"][1]) / self.config.batch_size))

    def _train(self) -> Job:
        while True:
            yield from self._train_stage()
            if self.stage != "head" or not self.config.fine_tune or self.stop_requested:
                return
            self._start_fine_tuning()

    def _start_fine_tuning(self) -> None:
        """The head has settled: restore its best epoch and train on through the last block,
        slower (``FINE_TUNE_RATE``), early stopping counted afresh against the head's best."""
        if self.best_weights is not None:
            self.model.set_weights(self.best_weights)
        self.stage = "fine_tune"
        self.fine_tune_from = self.epoch
        self.wait, self.stopped_early = 0, False

    def _train_stage(self) -> Job:
        from neurolab.core.precision import note_used

        note_used(self.precision)
        x, y, _ = self._stage_data()["train"]
        steps = self._steps_per_epoch()
        first = self.fine_tune_from or 0  # the stage's first epoch
        total = (self.epochs - first) * steps
        stage = Phrase("fine-tuning the last block") if self.stage == "fine_tune" else Phrase("training")
        last_event = started = time.perf_counter()
        done_before = (self.epoch - first) * steps + self.step_in_epoch
        yield self._event(done_before, total, stage, "training", math.nan)
        batch = self.config.batch_size
        end = self.epochs if self.stage != "head" or not self.config.fine_tune else int(self.config.epochs)
        while self.epoch < end and not self.stop_requested and not self.stopped_early:
            order = np.random.default_rng([self.config.seed, 1, self.epoch]).permutation(len(y))
            while self.step_in_epoch < steps and not self.stop_requested:
                pick = order[self.step_in_epoch * batch:(self.step_in_epoch + 1) * batch]
                tick = time.perf_counter()
                loss, accuracy = self.train_model.train_on_batch(x[pick], y[pick])[:2]
                self.train_seconds += time.perf_counter() - tick
                self._sums += (float(loss) * len(pick), float(accuracy) * len(pick), len(pick))
                self.step_in_epoch += 1
                if self.step_in_epoch < steps and time.perf_counter() - last_event >= EVENT_SPACING_S:
                    last_event = time.perf_counter()
                    yield self._event((self.epoch - first) * steps + self.step_in_epoch, total, stage, "training",
                                      self._eta(started, done_before, total, first))
            if self.step_in_epoch < steps:
                break  # stopped mid-epoch
            self._end_epoch()
            last_event = time.perf_counter()
            yield self._event((self.epoch - first) * steps, total, stage, "training",
                              self._eta(started, done_before, total, first))

    def _eta(self, started: float, done_before: int, total: int, first: int = 0) -> float:
        steps = self._steps_per_epoch()
        done = (self.epoch - first) * steps + self.step_in_epoch
        rate = (done - done_before) / max(time.perf_counter() - started, 1e-6)
        return (total - done) / rate if rate > 0 else math.nan

    def _end_epoch(self) -> None:
        loss_sum, correct, n = self._sums
        tick = time.perf_counter()
        val_loss, val_accuracy = self._validate()
        self.train_seconds += time.perf_counter() - tick
        self.epoch += 1
        self.step_in_epoch = 0
        self._sums = np.zeros(3)
        self.history.append({"epoch": self.epoch, "loss": loss_sum / n, "accuracy": correct / n,
                             "val_loss": val_loss, "val_accuracy": val_accuracy})
        if val_loss < self.best_val_loss:
            self.best_val_loss, self.best_epoch, self.wait = val_loss, self.epoch, 0
            self.best_weights = [np.array(w) for w in self.model.get_weights()]
        else:
            self.wait += 1
            if self.config.patience and self.wait >= self.config.patience:
                self.stopped_early = True

    def _probabilities(self, x: np.ndarray, model=None) -> np.ndarray:
        model = model or self.train_model
        outputs = [np.asarray(model(x[i:i + 256], training=False)) for i in range(0, len(x), 256)]
        return np.concatenate(outputs) if outputs else np.zeros((0, len(self.classes)), dtype="float32")

    def _validate(self) -> tuple[float, float]:
        x, y, _ = self._stage_data()["val"]
        probabilities = self._probabilities(x)
        return _loss(probabilities, y), float(np.mean(probabilities.argmax(axis=1) == y)) if len(y) else 0.0

    def _finish(self) -> Job:
        yield self._event(0, 1, Phrase("evaluating"), "evaluating", math.nan)
        tick = time.perf_counter()
        if self.best_weights is not None:
            self.model.set_weights(self.best_weights)
        data = self._stage_data()
        on_test = "test" in data
        x, y, indices = data["test" if on_test else "val"]
        from neurolab.core.precision import float32_model

        # verdicts in float32: the trained weights (float32 variables) in a plain float32 network
        judge = float32_model(self.train_model)
        evaluation = Evaluation.from_predictions(self.classes, indices, y, self._probabilities(x, judge),
                                                 on_test=on_test)
        self.train_seconds += time.perf_counter() - tick
        self.result = TrainResult(model=float32_model(self.model), classes=self.classes,
                                  history=[dict(h) for h in self.history],
                                  best_epoch=self.best_epoch, evaluation=evaluation, seconds=self.train_seconds,
                                  config=self.config, stopped_early=self.stopped_early,
                                  fine_tune_from=self.fine_tune_from, precision=self.precision)
        yield self._event(1, 1, Phrase("evaluating"), "evaluating", 0.0)
        return self.result


def _loss(probabilities: np.ndarray, targets: np.ndarray) -> float:
    """Mean cross-entropy, as Keras clips it."""
    if not len(targets):
        return 0.0
    picked = probabilities[np.arange(len(targets)), targets]
    return float(np.mean(-np.log(np.clip(picked, 1e-7, 1.0))))

