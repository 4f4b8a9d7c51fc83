"""The settings of a GAN and its training, checked with sentences, and why the defaults are what they are.

The networks (:mod:`neurolab.core.gan.networks`) follow TensorFlow's DCGAN
tutorial; unlike the tutorial (Dropout 0.3) the discriminator's stages have
BatchNorm, as in the DCGAN paper, its target for real pictures is 0.9
(one-sided label smoothing) and it sees the batch's spread (a minibatch
standard deviation feature, as in ProGAN). Measured on the built-in shapes:
the tutorial's discriminator stays at chance (loss 2 ln 2) and after 1500
steps the samples are coloured fog; with BatchNorm they have clean backgrounds
and centred objects but, by 2500 steps, most of them are the same picture;
label smoothing and the spread feature keep them varied. The tutorial's is
``GanConfig(d_batchnorm=False, d_dropout=0.3, label_smoothing=0, minibatch_std=False)``.

Mode coverage (``benchmarks/gan_coverage.py``: 500 samples judged by the
shape judge, :mod:`neurolab.core.gan.judge`, and by their object's colour).
With shapes at any angle the default run lost the stars: at epoch 80 it drew
them as blue blobs (judged star 1-5 % over seeds 0-2, their colour ~20 %),
and no setting fixed that for every seed (batch 32, learning rates, no
minibatch spread, DiffAugment, 5×5 kernels, wider networks, an EMA generator,
an R1 penalty of 1: star 3-7 %). The built-in set now draws its shapes
upright (turned at most ~10°, little stretch): one pose of a star is an
outline a 32-px DCGAN learns in minutes. Default run at epoch 80, seeds 0-3:
all five shapes each time, star 16 %, 12 %, 14 %, 10 %, the rarest shape 8-11 %.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any, Optional

import numpy as np

from neurolab.core.errors import BadInputError
from neurolab.core.gan.data import SIZES
from neurolab.core.phrases import Phrase


@dataclass
class GanConfig:
    """Settings of a GAN and its training. :meth:`validated` checks them with sentences.

    The defaults learn recognisable shapes from :func:`~neurolab.core.gan.data.builtin_dataset`
    in a few minutes on two CPU cores (10–13 steps a second at 32 px).
    ``d_batchnorm=False, d_dropout=0.3, label_smoothing=0, minibatch_std=False``
    is the TensorFlow tutorial's discriminator and loss.
    """

    size: int = 32  # picture side, px: 32 or 64
    latent_dim: int = 100  # length of the generator's input vector
    batch_size: int = 64
    epochs: int = 80  # the built-in set (2000 pictures) has 31 batches an epoch: 2480 steps
    g_learning_rate: float = 2e-4
    d_learning_rate: float = 2e-4
    beta_1: float = 0.5
    seed: int = 0
    samples: int = 16  # fixed latent vectors shown in every preview
    preview_every: int = 20  # steps
    width: int = 32  # channels of the discriminator's first stage (the generator's last)
    log_every: int = 10  # steps averaged into one history entry
    d_batchnorm: bool = True  # BatchNorm in the discriminator (DCGAN paper): learns shapes far sooner
    d_dropout: float = 0.0  # Dropout in the discriminator (the TensorFlow tutorial: 0.3, no BatchNorm)
    label_smoothing: float = 0.1  # one-sided: the discriminator's target for real pictures is 1 - this
    minibatch_std: bool = True  # the discriminator sees the batch's spread: keeps samples varied
    augment: bool = False  # DiffAugment: the discriminator sees real and drawn pictures shifted, recoloured

    def validated(self) -> "GanConfig":
        """This config when every value is usable, else :class:`BadInputError` with a sentence."""
        check_whole(self.size, Phrase("The picture size"), 1)
        if int(self.size) not in SIZES:
            raise BadInputError(Phrase("The picture size must be {0} or {1} px, not {2}.", (*SIZES, self.size)))
        check_whole(self.latent_dim, Phrase("The latent size"), 2, 1024)
        check_whole(self.batch_size, Phrase("The batch size"), 2, 4096)
        check_whole(self.epochs, Phrase("The number of epochs"), 1, 1_000_000)
        _rate(self.g_learning_rate, Phrase("The generator's learning rate"))
        _rate(self.d_learning_rate, Phrase("The discriminator's learning rate"))
        if not _is_number(self.beta_1) or not 0.0 <= float(self.beta_1) < 1.0:
            raise BadInputError(Phrase("beta_1 must be at least 0 and below 1, not {0}.", (self.beta_1,)))
        check_whole(self.seed, Phrase("The seed"), 0, 2**31 - 1)
        check_whole(self.samples, Phrase("The number of preview samples"), 1, 256)
        check_whole(self.preview_every, Phrase("The preview interval (steps)"), 1)
        check_whole(self.width, Phrase("The network width"), 4, 1024)
        check_whole(self.log_every, Phrase("The history interval (steps)"), 1)
        for name in ("d_batchnorm", "minibatch_std", "augment"):
            if not isinstance(getattr(self, name), (bool, np.bool_)):
                raise BadInputError(Phrase("{0} must be true or false, not {1}.",
                                           (name, repr(getattr(self, name)))))
        if not _is_number(self.label_smoothing) or not 0.0 <= float(self.label_smoothing) < 0.5:
            raise BadInputError(Phrase("The label smoothing must be at least 0 and below 0.5, not {0}.",
                                       (repr(self.label_smoothing),)))
        if not _is_number(self.d_dropout) or not 0.0 <= float(self.d_dropout) < 1.0:
            raise BadInputError(Phrase("The discriminator's dropout must be at least 0 and below 1, not {0}.",
                                       (repr(self.d_dropout),)))
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "GanConfig":
        """A config from :meth:`to_dict`'s output; unknown keys (a newer neurolab's) are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def check_whole(value: Any, what: Phrase, low: int, high: Optional[int] = None) -> None:
    ok = _is_number(value) and float(value) == int(value) and int(value) >= low \
        and (high is None or int(value) <= high)
    if not ok:
        raise BadInputError(
            Phrase("{0} must be a whole number between {1} and {2}, not {3}.", (what, low, high, repr(value)))
            if high is not None else
            Phrase("{0} must be a whole number at least {1}, not {2}.", (what, low, repr(value))))


def _rate(value: Any, what: Phrase) -> None:
    if not _is_number(value) or not 0.0 < float(value) <= 1.0 or math.isnan(float(value)):
        raise BadInputError(Phrase("{0} must be a positive number up to 1, not {1}.", (what, repr(value))))


def stages(size: int) -> int:
    """Stride-2 stages between 4×4 and ``size`` (3 for 32 px, 4 for 64 px)."""
    return int(round(math.log2(int(size)))) - 2
