"""Training a GAN as a job that can pause, resume exactly, and checkpoint itself.

:class:`GanTrainer` holds everything training needs — both models, both Adam
optimisers, the step and epoch counters, the fixed latent vectors of the
preview, the metrics history — and :meth:`GanTrainer.train_job` is a job
(:mod:`neurolab.core.jobs`) yielding a :class:`~neurolab.core.jobs.Progress`
after every step. Closing the job pauses: the trainer keeps its exact state,
and a new ``train_job`` on it continues as if never paused.

Determinism (resume == never stopped): nothing comes from global random
state. Epoch ``e``'s batch order is a permutation drawn from
``default_rng([seed, 2, e])``, step ``s``'s noise is
``tf.random.stateless_normal(seed=[seed, s])``, Dropout's seed generators are
layer variables saved with the weights — so the counters are the RNG state.

One training step is one ``tf.function`` with a fixed input signature
(batch indices, step number), traced once: the whole data set lives on the
device as one uint8 tensor and the step gathers its batch from it, so a step
costs one small host→device copy. The step runs under
``tf.distribute.get_strategy()``, or a ``MirroredStrategy`` when more than one
GPU is visible (each replica takes its slice of the global batch; losses are
averaged over the global batch). No Qt here.
"""

from __future__ import annotations

import csv
import io
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence, Union

import numpy as np

from neurolab.core.atomic import atomic_write
from neurolab.core.errors import BadInputError, system_reason
from neurolab.core.gan.config import GanConfig, check_whole
from neurolab.core.gan.data import GanDataset, image_grid, open_dataset_job
from neurolab.core.gan.networks import build_discriminator, build_generator, diff_augment
from neurolab.core.gan.sampling import GanGenerator, latent_vectors
from neurolab.core.jobs import Job, Progress
from neurolab.core.phrases import Phrase
from neurolab.core.results import result_json

METRIC_NAMES = ("g_loss", "d_loss", "d_real", "d_fake")
HISTORY_FIELDS = ("step", "epoch", "g_loss", "d_loss", "d_real", "d_fake", "time")
_STATE_FORMAT = 1


def choose_strategy():
    """The strategy in scope; else ``MirroredStrategy`` when several GPUs are visible; else the default."""
    import tensorflow as tf

    if tf.distribute.has_strategy():
        return tf.distribute.get_strategy()
    if len(tf.config.list_logical_devices("GPU")) > 1:
        return tf.distribute.MirroredStrategy()
    return tf.distribute.get_strategy()


@dataclass
class GanResult:
    """What a finished :meth:`GanTrainer.train_job` returns."""

    grid: np.ndarray  # the fixed latent vectors' samples, uint8
    history: list[dict[str, float]] = field(default_factory=list)
    steps: int = 0
    epochs: int = 0
    config: Optional[GanConfig] = None
    checkpoint: Optional[str] = None  # the last checkpoint folder written, if any

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab gan train --json`` and the GAN tab's *Save grid*
        (:mod:`neurolab.core.results`: ``context`` names the data, the output files).
        ``final``: the losses and scores of the last history entry."""
        last = self.history[-1] if self.history else {}
        return result_json({
            "method": "gan", "steps": self.steps, "epochs": self.epochs,
            "size": self.config.size if self.config is not None else None,
            "config": self.config.to_dict() if self.config is not None else None,
            "checkpoint": self.checkpoint,
            "final": {k: last.get(k) for k in ("g_loss", "d_loss", "d_real", "d_fake")}}, context)


class GanTrainer:
    """Both models, both optimisers, the counters and the history of one GAN; trains as a job.

    ``dataset`` may be given later (:meth:`set_dataset`); a trainer restored
    from a checkpoint opens its data again from the checkpoint's source when
    its ``train_job`` starts.
    """

    def __init__(self, config: Optional[GanConfig] = None, dataset: Optional[GanDataset] = None, *,
                 strategy=None, precision: Optional[str] = None):
        import keras

        from neurolab.core.precision import building_in, compute_precision, needs_loss_scaling, note_used

        #: What the networks compute in (core.precision; default: the setting). Their weights and
        #: Adam's stay float32 (Keras's mixed policies), so checkpoints do not depend on it.
        self.precision = note_used(precision or compute_precision())
        self.config = (config or GanConfig()).validated()
        self.strategy = strategy or choose_strategy()
        replicas = int(self.strategy.num_replicas_in_sync)
        if self.config.batch_size % replicas:
            raise BadInputError(Phrase("The batch size ({0}) must be a multiple of the number of devices "
                                       "training together ({1}).", (self.config.batch_size, replicas)))
        cfg = self.config
        with self.strategy.scope():
            with building_in(self.precision, training=True):
                self.generator = build_generator(cfg)
                self.discriminator = build_discriminator(cfg)
            self.g_optimizer = keras.optimizers.Adam(cfg.g_learning_rate, beta_1=cfg.beta_1, name="g_adam")
            self.d_optimizer = keras.optimizers.Adam(cfg.d_learning_rate, beta_1=cfg.beta_1, name="d_adam")
            self.g_optimizer.build(self.generator.trainable_variables)
            self.d_optimizer.build(self.discriminator.trainable_variables)
            # float16's small gradients underflow: Keras's dynamic loss scaling around the same Adams
            # (their variables are what checkpoints keep; the scale starts afresh after a resume).
            self._g_apply, self._d_apply = self.g_optimizer, self.d_optimizer
            if needs_loss_scaling(self.precision):
                self._g_apply = keras.optimizers.LossScaleOptimizer(self.g_optimizer, name="g_scaled")
                self._d_apply = keras.optimizers.LossScaleOptimizer(self.d_optimizer, name="d_scaled")
                self._g_apply.build(self.generator.trainable_variables)
                self._d_apply.build(self.discriminator.trainable_variables)
        self.step = 0  # training steps done
        self.epoch = 0  # whole epochs done
        self.step_in_epoch = 0  # steps done of the current epoch
        self.train_seconds = 0.0  # time spent in training steps, all runs together
        self.fixed_latents = latent_vectors(cfg.samples, cfg.latent_dim, cfg.seed * 7 + 1)
        self.history: list[dict[str, float]] = []
        self.last_metrics: dict[str, float] = {}
        self.last_checkpoint: Optional[str] = None
        self.dataset: Optional[GanDataset] = None
        self.dataset_source: str = ""
        self._pending = np.zeros(len(METRIC_NAMES), np.float64)  # sums since the last history entry
        self._pending_count = 0
        self._pixels = None  # the data set as one uint8 tensor on the device
        self._train_step = None
        self._order: tuple[int, Optional[np.ndarray]] = (-1, None)
        self._sampler: Optional[GanGenerator] = None
        if dataset is not None:
            self.set_dataset(dataset)

    # --- data ---------------------------------------------------------------------
    def set_dataset(self, dataset: GanDataset) -> None:
        """Train on ``dataset`` from now on (its pictures must have the config's size)."""
        import tensorflow as tf

        if dataset.size != self.config.size:
            raise BadInputError(Phrase("The pictures are {0} px but this GAN draws {1} px pictures.",
                                       (dataset.size, self.config.size)))
        self.dataset = dataset
        self.dataset_source = dataset.source
        self._pixels = tf.identity(tf.constant(dataset.images))  # identity: onto the default device
        self._train_step = None  # it captures the pixels: trace again for new data
        self._order = (-1, None)

    @property
    def steps_per_epoch(self) -> int:
        if self.dataset is None:
            raise BadInputError(Phrase("The GAN has no pictures to learn from yet."))
        return max(1, len(self.dataset) // self.config.batch_size)

    def epoch_order(self, epoch: int) -> np.ndarray:
        """Indices of every picture used in ``epoch``, batch after batch (int32, steps × batch).

        A permutation drawn from ``default_rng([seed, 2, epoch])``; a data set
        smaller than one batch is repeated (each picture at most once more than the others).
        """
        if self._order[0] == epoch and self._order[1] is not None:
            return self._order[1]
        n, batch = len(self.dataset), self.config.batch_size
        need = self.steps_per_epoch * batch
        rng = np.random.default_rng([int(self.config.seed), 2, int(epoch)])
        order = np.concatenate([rng.permutation(n) for _ in range(math.ceil(need / n))])[:need]
        order = order.astype(np.int32)
        self._order = (epoch, order)
        return order

    # --- the step -----------------------------------------------------------------
    @property
    def train_step(self):
        """The traced step: (int32 [batch] indices, int64 step) -> float32 [4] metrics."""
        if self._train_step is None:
            self._train_step = self._build_train_step()
        return self._train_step

    @property
    def step_traces(self) -> int:
        """How often the step function was traced (expect 1 per data set)."""
        return 0 if self._train_step is None else int(self._train_step.experimental_get_tracing_count())

    def _build_train_step(self):
        import tensorflow as tf

        if self._pixels is None:
            raise BadInputError(Phrase("The GAN has no pictures to learn from yet."))
        strategy, cfg = self.strategy, self.config
        generator, discriminator = self.generator, self.discriminator
        g_optimizer, d_optimizer = self._g_apply, self._d_apply
        scaled = g_optimizer is not self.g_optimizer  # float16: losses scaled, gradients unscaled
        pixels = self._pixels
        batch, latent_dim, seed = int(cfg.batch_size), int(cfg.latent_dim), int(cfg.seed)
        real_target = 1.0 - float(cfg.label_smoothing)
        augment = diff_augment if cfg.augment else (lambda pictures, _seed: pictures)

        def replica_step(indices, noise, step):
            context = tf.distribute.get_replica_context()
            per_replica = batch // context.num_replicas_in_sync
            start = context.replica_id_in_sync_group * per_replica
            indices = indices[start:start + per_replica]
            noise = noise[start:start + per_replica]
            real = tf.cast(tf.gather(pixels, indices), tf.float32) / 127.5 - 1.0
            replica = tf.cast(context.replica_id_in_sync_group, tf.int64)
            with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
                # At bfloat16/float16 the layers compute in it; pictures and logits are float32 here.
                fake = tf.cast(generator(noise, training=True), tf.float32)
                real_logits = tf.cast(discriminator(augment(real, tf.stack([step, replica * 2 + 1])),
                                                    training=True), tf.float32)
                fake_logits = tf.cast(discriminator(augment(fake, tf.stack([step, replica * 2 + 2])),
                                                    training=True), tf.float32)
                g_per_picture = tf.nn.sigmoid_cross_entropy_with_logits(
                    tf.ones_like(fake_logits), fake_logits)[:, 0]
                d_per_picture = (tf.nn.sigmoid_cross_entropy_with_logits(
                    tf.fill(tf.shape(real_logits), real_target), real_logits)
                    + tf.nn.sigmoid_cross_entropy_with_logits(
                        tf.zeros_like(fake_logits), fake_logits))[:, 0]
                g_loss = tf.nn.compute_average_loss(g_per_picture, global_batch_size=batch)
                d_loss = tf.nn.compute_average_loss(d_per_picture, global_batch_size=batch)
                g_scaled = g_optimizer.scale_loss(g_loss) if scaled else g_loss
                d_scaled = d_optimizer.scale_loss(d_loss) if scaled else d_loss
            g_grads = g_tape.gradient(g_scaled, generator.trainable_variables)
            d_grads = d_tape.gradient(d_scaled, discriminator.trainable_variables)
            g_optimizer.apply(g_grads, generator.trainable_variables)
            d_optimizer.apply(d_grads, discriminator.trainable_variables)
            d_real = tf.reduce_sum(tf.sigmoid(real_logits)) / batch
            d_fake = tf.reduce_sum(tf.sigmoid(fake_logits)) / batch
            return tf.stack([g_loss, d_loss, d_real, d_fake])

        @tf.function(input_signature=[tf.TensorSpec([batch], tf.int32), tf.TensorSpec([], tf.int64)],
                     )
        def train_step(indices, step):
            noise = tf.random.stateless_normal([batch, latent_dim],
                                               seed=tf.stack([tf.constant(seed, tf.int64), step]))
            per_replica = strategy.run(replica_step, args=(indices, noise, step))
            return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica, axis=None)

        return train_step

    # --- sampling -----------------------------------------------------------------
    @property
    def sampler(self) -> GanGenerator:
        """A :class:`GanGenerator` over this trainer's generator (shared, always current)."""
        if self._sampler is None:
            self._sampler = GanGenerator(self.generator, self.config, self.fixed_latents)
        self._sampler.step, self._sampler.epoch = self.step, self.epoch
        return self._sampler

    def preview(self) -> np.ndarray:
        """The fixed latent vectors' samples as one grid (what the job's previews show)."""
        return image_grid(self.sampler.images(self.fixed_latents))

    # --- training -----------------------------------------------------------------
    def _log(self, values: np.ndarray, force: bool) -> None:
        self._pending += values
        self._pending_count += 1
        if self._pending_count >= self.config.log_every or force:
            means = self._pending / self._pending_count
            entry = {"step": self.step, "epoch": self.epoch + self.step_in_epoch / self.steps_per_epoch}
            entry.update(zip(METRIC_NAMES, (float(v) for v in means)))
            entry["time"] = self.train_seconds
            self.history.append(entry)
            self._pending[:] = 0.0
            self._pending_count = 0

    def train_job(self, epochs: Optional[int] = None, *,
                  checkpoint_dir: Optional[Union[str, os.PathLike]] = None) -> Job:
        """Train until ``epochs`` epochs are done (counted from the start; default ``config.epochs``).

        Yields a :class:`Progress` after every step: ``step``/``total`` in
        steps, ``stage`` "epoch 3/20", ``preview`` the latest grid of the
        fixed latent vectors (renewed every ``preview_every`` steps and at each
        epoch's end; ``metrics["preview_step"]`` says when), ``metrics``
        ``g_loss``, ``d_loss``, ``d_real``, ``d_fake`` (this step's),
        ``epoch`` (fractional), ``steps_per_second``, ``eta_seconds``, and
        ``history``: copies of the history entries logged since the previous
        event (the first event: the whole history so far). The first
        event comes before any step (the losses absent, rate and ETA 0).
        With ``checkpoint_dir`` a checkpoint is written at every epoch's end.
        Returns a :class:`GanResult`.

        Closing the job between two events pauses: the trainer keeps its
        exact state; a new ``train_job`` continues as if never paused.
        """
        target = self.config.epochs if epochs is None else epochs
        check_whole(target, Phrase("The number of epochs"), 1, 1_000_000)
        target = int(target)
        from neurolab.core.precision import note_used

        note_used(self.precision)  # the run's JSON says what its networks compute in
        if self.dataset is None:
            if not self.dataset_source:
                raise BadInputError(Phrase("The GAN has no pictures to learn from yet."))
            dataset = yield from open_dataset_job(self.dataset_source, self.config.size)
            self.set_dataset(dataset)
        per_epoch = self.steps_per_epoch
        total = max(target * per_epoch, self.step)
        train_step = self.train_step
        batch = self.config.batch_size
        preview, preview_step = self.preview(), self.step
        run_steps, run_seconds, first_seconds = 0, 0.0, 0.0
        stage_epoch = min(self.epoch + 1, target)
        sent = 0  # history entries sent so far: the first event carries the whole history
        metrics, sent = self._metrics(preview_step, 0.0, 0.0, sent)  # no rate measured yet
        yield Progress(self.step, total, Phrase("epoch {0}/{1}", (stage_epoch, target)), preview=preview,
                       metrics=metrics)
        while self.epoch < target:
            order = self.epoch_order(self.epoch)
            stage = Phrase("epoch {0}/{1}", (self.epoch + 1, target))
            while self.step_in_epoch < per_epoch:
                at = self.step_in_epoch * batch
                started = time.perf_counter()
                values = train_step(order[at:at + batch], np.int64(self.step)).numpy()
                seconds = time.perf_counter() - started
                self.train_seconds += seconds
                self.step += 1
                self.step_in_epoch += 1
                epoch_done = self.step_in_epoch == per_epoch
                self._log(values.astype(np.float64), force=epoch_done)
                self.last_metrics = dict(zip(METRIC_NAMES, (float(v) for v in values)))
                if epoch_done:
                    self.epoch += 1
                    self.step_in_epoch = 0
                if epoch_done or self.step % self.config.preview_every == 0:
                    preview, preview_step = self.preview(), self.step
                if epoch_done and checkpoint_dir is not None:
                    self.save_checkpoint(checkpoint_dir)
                run_steps += 1
                if run_steps == 1:
                    first_seconds = seconds  # includes tracing: kept out of the rate when possible
                else:
                    run_seconds += seconds
                rate = ((run_steps - 1) / run_seconds if run_steps > 1 and run_seconds > 0
                        else 1.0 / max(first_seconds, 1e-9))
                eta = (total - self.step) / rate
                metrics, sent = self._metrics(preview_step, rate, eta, sent)
                yield Progress(self.step, total, stage, preview=preview, metrics=metrics)
                if epoch_done:
                    break
        return GanResult(grid=self.preview(), history=list(self.history), steps=self.step,
                         epochs=self.epoch, config=self.config, checkpoint=self.last_checkpoint)

    def _metrics(self, preview_step: int, rate: float, eta: float,
                 sent: int) -> tuple[dict[str, Any], int]:
        """An event's metrics, and how many history entries have now been sent.

        ``history``: copies of the entries logged since the last event (a tuple), so a
        watcher charts them without reading :attr:`history`, which this job keeps appending to.
        """
        # the losses of the latest step (absent before the first); never NaN for the GUI's sake
        metrics: dict[str, Any] = {name: self.last_metrics[name] for name in METRIC_NAMES
                                   if name in self.last_metrics}
        per_epoch = self.steps_per_epoch
        metrics.update(epoch=self.epoch + self.step_in_epoch / per_epoch, step=float(self.step),
                       steps_per_second=rate, eta_seconds=eta, preview_step=float(preview_step),
                       history=tuple(dict(entry) for entry in self.history[sent:]))
        return metrics, len(self.history)

    # --- checkpoints ----------------------------------------------------------------
    def _variable_groups(self) -> dict[str, list]:
        return {"generator": list(self.generator.variables),
                "discriminator": list(self.discriminator.variables),
                "g_optimizer": list(self.g_optimizer.variables),
                "d_optimizer": list(self.d_optimizer.variables)}

    def state(self) -> dict[str, Any]:
        """Everything but the arrays, JSON-ready (what ``state.json`` holds)."""
        from neurolab import __version__

        groups = self._variable_groups()
        return {
            "format": _STATE_FORMAT, "neurolab": __version__, "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "config": self.config.to_dict(),
            "step": self.step, "epoch": self.epoch, "step_in_epoch": self.step_in_epoch,
            "train_seconds": self.train_seconds,
            "rng": {"batch_order": "default_rng([seed, 2, epoch]).permutation",
                    "noise": "stateless_normal(seed=[seed, step])",
                    "dropout": "seed generator variables, saved with the discriminator"},
            "pending": {"sums": [float(v) for v in self._pending], "count": self._pending_count},
            "last_metrics": self.last_metrics,
            "history": self.history,
            "dataset": {"source": self.dataset_source,
                        "name": self.dataset.name if self.dataset is not None else "",
                        "count": len(self.dataset) if self.dataset is not None else 0},
            "variables": {group: [[v.path, list(v.shape), str(v.dtype)] for v in variables]
                          for group, variables in groups.items()},
        }

    def save_checkpoint(self, directory: Union[str, os.PathLike], keep: int = 3) -> str:
        """Write this trainer's whole state as a checkpoint into ``directory``; return its folder.

        Atomic and checksummed (:mod:`neurolab.core.gan.checkpoint`): weights,
        both optimisers' variables, counters, fixed latent vectors, Dropout's
        seed state, config, history. The newest ``keep`` are kept.
        """
        from neurolab.core.gan.checkpoint import write_checkpoint

        arrays = {"fixed_latents": self.fixed_latents}
        for group, variables in self._variable_groups().items():
            for i, variable in enumerate(variables):
                arrays[f"{group}/{i}"] = np.asarray(variable.numpy())
        folder = write_checkpoint(directory, arrays, self.state(), step=self.step, keep=keep)
        self.last_checkpoint = str(folder)
        return str(folder)

    @classmethod
    def from_checkpoint(cls, directory: Union[str, os.PathLike], dataset: Optional[GanDataset] = None, *,
                        strategy=None) -> "GanTrainer":
        """A trainer exactly as it was saved (the newest good checkpoint in ``directory``).

        Without ``dataset`` the checkpoint's data source (the built-in set or
        the folder) is opened again when :meth:`train_job` starts.
        """
        from neurolab.core.gan.checkpoint import read_checkpoint

        arrays, state, folder = read_checkpoint(directory)
        config = _config_from_state(state, folder)
        trainer = cls(config, strategy=strategy)
        trainer._restore(arrays, state, folder)
        if dataset is not None:
            trainer.set_dataset(dataset)
        else:
            trainer.dataset_source = str(state.get("dataset", {}).get("source", ""))
        trainer.last_checkpoint = str(folder)
        return trainer

    def _restore(self, arrays: dict[str, np.ndarray], state: dict[str, Any], folder: Path) -> None:
        for group, variables in self._variable_groups().items():
            _assign(variables, arrays, group, folder)
        self.fixed_latents = _array(arrays, "fixed_latents", folder).astype(np.float32)
        self.step = int(state["step"])
        self.epoch = int(state["epoch"])
        self.step_in_epoch = int(state["step_in_epoch"])
        self.train_seconds = float(state.get("train_seconds", 0.0))
        self.history = [dict(entry) for entry in state.get("history", [])]
        self.last_metrics = dict(state.get("last_metrics", {}))
        pending = state.get("pending", {})
        self._pending = np.asarray(pending.get("sums", [0.0] * len(METRIC_NAMES)), np.float64)
        self._pending_count = int(pending.get("count", 0))
        self._sampler = None


def _damaged(folder: Path, what: Phrase) -> BadInputError:
    return BadInputError(Phrase("The checkpoint {0} is damaged or from another program ({1}).",
                                (f"'{folder.name}'", what)))


def _config_from_state(state: dict[str, Any], folder: Path) -> GanConfig:
    try:
        return GanConfig.from_dict(state["config"]).validated()
    except (KeyError, TypeError, BadInputError) as exc:
        raise _damaged(folder, Phrase("its settings cannot be used")) from exc


def _array(arrays: dict[str, np.ndarray], name: str, folder: Path) -> np.ndarray:
    if name not in arrays:
        raise _damaged(folder, Phrase("{0} is missing", (name,)))
    return arrays[name]


def _assign(variables: Sequence, arrays: dict[str, np.ndarray], group: str, folder: Path) -> None:
    for i, variable in enumerate(variables):
        value = _array(arrays, f"{group}/{i}", folder)
        if tuple(value.shape) != tuple(variable.shape):
            raise _damaged(folder, Phrase("{0} variable {1} has shape {2}, expected {3}",
                                          (group, i, tuple(value.shape), tuple(variable.shape))))
        variable.assign(value.astype(variable.dtype))
    if f"{group}/{len(variables)}" in arrays:
        raise _damaged(folder, Phrase("{0} has more variables than this GAN", (group,)))


def load_generator(directory: Union[str, os.PathLike]) -> GanGenerator:
    """The generator alone from a checkpoint folder (its newest good checkpoint), for sampling.

    Raises :class:`BadInputError` with a sentence when ``directory`` is not a
    checkpoint folder or every checkpoint in it is damaged.
    """
    from neurolab.core.gan.checkpoint import read_checkpoint

    arrays, state, folder = read_checkpoint(directory)
    config = _config_from_state(state, folder)
    model = build_generator(config)
    _assign(list(model.variables), arrays, "generator", folder)
    return GanGenerator(model, config, _array(arrays, "fixed_latents", folder),
                        step=int(state.get("step", 0)), epoch=int(state.get("epoch", 0)),
                        checkpoint=str(folder))


def save_metrics_csv(history: Sequence[dict[str, float]], path: Union[str, os.PathLike]) -> None:
    """Write the history as CSV (step, epoch, g_loss, d_loss, d_real, d_fake, time), atomically."""
    path = os.fspath(path)
    label = f"'{os.path.basename(path) or path}'"
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise BadInputError(Phrase("Cannot save {0}: the folder '{1}' does not exist.",
                                   (label, os.path.basename(folder) or folder)))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(HISTORY_FIELDS), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for entry in history:
        writer.writerow({k: entry.get(k, "") for k in HISTORY_FIELDS})
    try:
        with atomic_write(path) as fp:
            fp.write(buffer.getvalue().encode("utf-8"))
    except PermissionError:
        raise BadInputError(Phrase("Cannot save {0}: permission denied.", (label,))) from None
    except OSError as exc:
        reason = system_reason(exc, Phrase("write failed"))
        raise BadInputError(Phrase("Cannot save {0} ({1}).", (label, reason))) from None
