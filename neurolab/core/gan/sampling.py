"""Pictures from a generator: samples, grids of the fixed preview vectors, interpolation strips.

Everything here takes a :class:`GanGenerator` (what
:func:`~neurolab.core.gan.trainer.load_generator` returns) or a trainer, whose
``sampler`` is a :class:`GanGenerator` sharing its model. The same seed gives
the same latent vectors, so the same pictures.
"""

from __future__ import annotations

import math
from typing import Any, Optional, Protocol, Union

import numpy as np

from neurolab.core.errors import BadInputError
from neurolab.core.gan.config import GanConfig
from neurolab.core.gan.data import image_grid
from neurolab.core.phrases import Phrase

_GENERATE_CHUNK = 256


def to_uint8(pictures) -> Any:
    """[-1, 1] float pictures -> uint8 0–255 (a TensorFlow op; used inside traced functions)."""
    import tensorflow as tf

    pictures = tf.cast(pictures, tf.float32)  # a bfloat16/float16 generator's too: 8 bits need float32
    return tf.cast(tf.clip_by_value(tf.round((pictures + 1.0) * 127.5), 0.0, 255.0), tf.uint8)


def latent_vectors(n: int, latent_dim: int, seed: int = 0) -> np.ndarray:
    """``n`` standard-normal latent vectors (float32 n×latent_dim); same seed, same vectors."""
    return np.random.default_rng(int(seed)).standard_normal((int(n), int(latent_dim))).astype(np.float32)


class GanGenerator:
    """A generator model with what sampling needs: its config and fixed latent vectors.

    What :func:`~neurolab.core.gan.trainer.load_generator` returns, and what
    ``GanTrainer.sampler`` gives (sharing the trainer's model).
    """

    def __init__(self, model, config: GanConfig, fixed_latents: np.ndarray, *, step: int = 0,
                 epoch: int = 0, checkpoint: Optional[str] = None):
        import tensorflow as tf

        self.model = model
        self.config = config
        self.fixed_latents = np.asarray(fixed_latents, np.float32)
        self.step = int(step)
        self.epoch = int(epoch)
        self.checkpoint = checkpoint
        spec = tf.TensorSpec([None, int(config.latent_dim)], tf.float32)
        self._generate = tf.function(lambda z: to_uint8(self.model(z, training=False)),
                                     input_signature=[spec])

    @property
    def size(self) -> int:
        return int(self.config.size)

    @property
    def latent_dim(self) -> int:
        return int(self.config.latent_dim)

    def images(self, latents: np.ndarray) -> np.ndarray:
        """uint8 N×S×S×3 pictures for float N×latent_dim vectors (inference mode)."""
        latents = np.asarray(latents, np.float32).reshape(-1, self.latent_dim)
        parts = [self._generate(latents[i:i + _GENERATE_CHUNK]).numpy()
                 for i in range(0, len(latents), _GENERATE_CHUNK)]
        return np.concatenate(parts) if parts else np.empty((0, self.size, self.size, 3), np.uint8)


class HasSampler(Protocol):
    """What gives a :class:`GanGenerator`: a :class:`~neurolab.core.gan.trainer.GanTrainer`.

    Named by what it offers, not by its class, so that sampling needs nothing
    from the trainer's module (which builds on this one).
    """

    @property
    def sampler(self) -> GanGenerator: ...


Sampler = Union[HasSampler, GanGenerator]


def _sampler(source: Sampler) -> GanGenerator:
    if isinstance(source, GanGenerator):
        return source
    sampler = getattr(source, "sampler", None)
    if isinstance(sampler, GanGenerator):
        return sampler
    raise TypeError(f"expected a GanTrainer or GanGenerator, got {type(source).__name__}")


def generate(source: Sampler, n: int = 16, seed: int = 0) -> np.ndarray:
    """``n`` pictures (uint8 n×S×S×3) from the latent vectors of ``seed``."""
    sampler = _sampler(source)
    return sampler.images(latent_vectors(n, sampler.latent_dim, seed))


def sample_grid(source: Sampler, n: Optional[int] = None, seed: Optional[int] = None,
                columns: Optional[int] = None) -> np.ndarray:
    """``n`` samples as one grid (default: as many as ``config.samples``, 16).

    ``seed=None``: the fixed preview vectors (more drawn when ``n`` is larger),
    so the grid matches the training previews.
    """
    sampler = _sampler(source)
    n = len(sampler.fixed_latents) if n is None else int(n)
    if seed is None:
        latents = sampler.fixed_latents[:n]
        if len(latents) < n:
            extra = latent_vectors(n - len(latents), sampler.latent_dim,
                                   int(sampler.config.seed) * 7 + 3)
            latents = np.concatenate([latents, extra])
    else:
        latents = latent_vectors(n, sampler.latent_dim, seed)
    return image_grid(sampler.images(latents), columns=columns)


def slerp(a: np.ndarray, b: np.ndarray, t: float) -> np.ndarray:
    """Spherical interpolation between two latent vectors (linear when they are nearly parallel)."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    cos = np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-12)
    omega = math.acos(float(np.clip(cos, -1.0, 1.0)))
    if abs(math.sin(omega)) < 1e-6:
        return ((1.0 - t) * a + t * b).astype(np.float32)
    return ((math.sin((1.0 - t) * omega) * a + math.sin(t * omega) * b) / math.sin(omega)).astype(np.float32)


def interpolation_strip(source: Sampler, steps: int = 8, seed: int = 0, rows: int = 1,
                        spherical: bool = True) -> np.ndarray:
    """``rows`` walks through latent space, each from one random vector to another in ``steps`` pictures.

    One uint8 grid, ``steps`` columns. Spherical interpolation by default
    (Gaussian vectors live near a sphere; a straight line passes inside it,
    where pictures fade).
    """
    if int(steps) < 2:
        raise BadInputError(Phrase("An interpolation needs at least 2 steps, not {0}.", (steps,)))
    sampler = _sampler(source)
    ends = latent_vectors(2 * int(rows), sampler.latent_dim, seed)
    ts = np.linspace(0.0, 1.0, int(steps))
    latents = []
    for r in range(int(rows)):
        a, b = ends[2 * r], ends[2 * r + 1]
        latents.extend(slerp(a, b, t) if spherical else ((1 - t) * a + t * b).astype(np.float32)
                       for t in ts)
    return image_grid(sampler.images(np.stack(latents)), columns=int(steps))
