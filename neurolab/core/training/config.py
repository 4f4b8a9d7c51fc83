"""The settings of a classifier's training, checked with sentences, and the backbones to build on.

Why the defaults: a frozen backbone (its features computed once, only a small head trained
on them: Teachable Machine's trick) learns a few hundred pictures per class in seconds on a
classroom CPU and rarely over-fits; 30 epochs with early stopping after 5 without a better
validation loss is enough for the head to settle, and the best epoch's weights are kept.
Augmentation (flips, small rotations, zoom and contrast) helps most when a class has few
pictures; fine-tuning the last block costs a pass through the backbone every step.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any, Optional

from neurolab.core.errors import BadInputError
from neurolab.core.gan.config import check_whole
from neurolab.core.phrases import Phrase

BUNDLED = "bundled"
SCRATCH = "scratch"
SQUEEZENET = "squeezenet"  # catalog.SQUEEZENET (not imported here: config stays light)


@dataclass(frozen=True)
class BackboneChoice:
    """One network a classifier can be built on: its key (``--backbone``), its name to show,
    its own input size, and whether it can be used offline now."""

    key: str
    display_name: str
    image_size: int
    pretrained: bool = True  # False: trained from scratch (no features to cache)

    def available(self) -> bool:
        """True when it can be built now without downloading anything."""
        if self.key in (BUNDLED, SCRATCH):
            return True
        from neurolab.core.models.weights import find_weights

        return find_weights(self.key) is not None


def _choices() -> dict[str, BackboneChoice]:
    from neurolab.core.models.catalog import APPLICATIONS, SQUEEZENET

    found = [BackboneChoice(BUNDLED, "neurolab shapes (bundled)", 64),
             BackboneChoice(SCRATCH, "small CNN from scratch", 64, pretrained=False)]
    found += [BackboneChoice(spec.name, spec.display_name, spec.input_size) for spec in APPLICATIONS.values()]
    found.append(BackboneChoice(SQUEEZENET, "SqueezeNet v1.1", 227))
    return {choice.key: choice for choice in found}


#: Every backbone by key, in the order a picker lists them (the bundled trunk first).
BACKBONES: dict[str, BackboneChoice] = _choices()


def available() -> list[str]:
    """The keys of the backbones usable offline now (bundled and scratch always; the others
    when their ImageNet weights are cached)."""
    return [key for key, choice in BACKBONES.items() if choice.available()]


@dataclass
class TrainConfig:
    """Settings of one classifier's training. :meth:`validated` checks them with sentences."""

    backbone: str = BUNDLED  # a key of BACKBONES
    epochs: int = 30
    image_size: Optional[int] = None  # None: the backbone's own
    validation: float = 0.2  # the share of each class held out to validate
    fine_tune: bool = False  # unfreeze the backbone's last block and train through it
    augment: bool = True  # flips, small rotations, zoom and contrast
    flip: bool = True  # mirror pictures left to right when augmenting (off for digits, letters, arrows)
    batch_size: int = 32
    learning_rate: float = 1e-3
    patience: int = 5  # epochs without a better validation loss before stopping early; 0: never
    seed: int = 0

    def validated(self) -> "TrainConfig":
        """This config when every value is usable, else :class:`BadInputError` with a sentence."""
        if self.backbone not in BACKBONES:
            raise BadInputError(Phrase("{0} is not a backbone neurolab knows ({1}).",
                                       (f"'{self.backbone}'", ", ".join(BACKBONES))))
        choice = BACKBONES[self.backbone]
        if not choice.available():
            raise BadInputError(Phrase("The ImageNet weights of {0} are not downloaded; fetch them with "
                                       "'neurolab models fetch {1}' or pick another backbone.",
                                       (choice.display_name, choice.key)))
        check_whole(self.epochs, Phrase("The number of epochs"), 1, 10_000)
        if self.image_size is not None:
            check_whole(self.image_size, Phrase("The picture size"), 32, 1024)
        if not _is_number(self.validation) or not 0.0 < float(self.validation) < 1.0:
            raise BadInputError(Phrase("The validation share must be above 0 and below 1 (0.2 holds out a "
                                       "fifth), not {0}.", (repr(self.validation),)))
        for name in ("fine_tune", "augment", "flip"):
            if not isinstance(getattr(self, name), bool):
                raise BadInputError(Phrase("{0} must be true or false, not {1}.",
                                           (name, repr(getattr(self, name)))))
        if self.fine_tune and not choice.pretrained:
            raise BadInputError(Phrase("A network from scratch trains all its layers already; fine-tuning "
                                       "needs a pretrained backbone."))
        check_whole(self.batch_size, Phrase("The batch size"), 1, 4096)
        if not _is_number(self.learning_rate) or not 0.0 < float(self.learning_rate) <= 1.0 \
                or math.isnan(float(self.learning_rate)):
            raise BadInputError(Phrase("{0} must be a positive number up to 1, not {1}.",
                                       (Phrase("The learning rate"), repr(self.learning_rate))))
        check_whole(self.patience, Phrase("The patience (epochs)"), 0, 10_000)
        check_whole(self.seed, Phrase("The seed"), 0, 2**31 - 1)
        return self

    @property
    def size(self) -> int:
        """The picture side the network takes: ``image_size`` or the backbone's own."""
        return int(self.image_size) if self.image_size is not None else BACKBONES[self.backbone].image_size

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "TrainConfig":
        """A config from :meth:`to_dict`'s output; unknown keys (a newer neurolab's) are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)

