"""The settings of a classifier's training, checked with sentences, and the backbones to build on.

Why the defaults: the network is chosen by the pictures (``backbone="auto"``,
:meth:`TrainConfig.for_pictures`). Small pictures (a shorter side up to ``SMALL_PICTURES``:
digits, letters, icons, CIFAR-like thumbnails) get the small CNN trained from scratch at about
their own size: features learnt on other pictures, blown up from 8 px to 64, fit them badly
(scikit-learn's digits: 81.6 % through the bundled shapes trunk, 99.4 % from scratch at 8 px, as a
hand-tuned Keras CNN gets, ``benchmarks/train_defaults.py``). Larger pictures get a frozen pretrained backbone
(its features computed once, only a small head trained on them: Teachable Machine's trick),
which learns a few hundred pictures per class in seconds on a classroom CPU and rarely
over-fits: an ImageNet network when its weights are cached, else the bundled shapes trunk.
Mirroring is left out of the augmentation for greyscale or small pictures (``flip=None``):
a mirrored digit, letter or arrow is another symbol. A network from scratch chosen
automatically leaves augmentation out when every class has ``AUGMENT_BELOW`` training pictures
or more (Fashion-MNIST: 81.3 → 83.2 %, 33 → 21 epochs). 30 epochs with early stopping after 5
without a better validation loss is enough for a head to settle (a network from scratch gets
``SCRATCH_EPOCHS`` and ``SCRATCH_PATIENCE`` unless they are set), and the best epoch's weights
are kept. Augmentation (small rotations, zoom and contrast) helps most when a class has few
pictures; fine-tuning the last block costs a pass through the backbone every step.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Optional

from neurolab.core.errors import BadInputError
from neurolab.core.gan.config import check_whole
from neurolab.core.phrases import Phrase

AUTO = "auto"  # chosen by the pictures: TrainConfig.for_pictures
BUNDLED = "bundled"
SCRATCH = "scratch"
SQUEEZENET = "squeezenet"  # catalog.SQUEEZENET (not imported here: config stays light)
#: Pictures whose shorter side is at most this many pixels train a small CNN from scratch (auto).
SMALL_PICTURES = 40
#: The picture sides a network from scratch takes (the automatic size is the pictures' own,
#: rounded up to a multiple of 8, within these).
SCRATCH_SIDES = (8, 64)
#: A network from scratch learns slower than a head on features: its epochs and patience when
#: they are left at the defaults (picked by the automatic choice or chosen).
SCRATCH_EPOCHS, SCRATCH_PATIENCE = 60, 10
#: A network from scratch chosen automatically trains without augmentation when its smallest class
#: has at least this many training pictures: on Fashion-MNIST (3,000 pictures, 240 a class for
#: training) augmentation cost 2-3 points of accuracy and half again the epochs (81.3 % in 33
#: epochs vs 83.2 % in 21), on scikit-learn's digits (139 and more a class) none was needed
#: (99.7 % with it, 100 % without; ``benchmarks/train_defaults.py``): aligned, centred pictures
#: (scans, product photos, digits) in such numbers gain nothing from turned and zoomed copies.
AUGMENT_BELOW = 100
#: The ImageNet backbones the automatic choice takes when their weights are cached, fastest first.
AUTO_PRETRAINED = ("mobilenet_v2", "efficientnet_b0", "resnet50", "densenet121", "squeezenet", "vgg16",
                   "vgg19", "inception_v3")


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

    backbone: str = AUTO  # a key of BACKBONES, or AUTO: chosen by the pictures (for_pictures)
    epochs: int = 30
    image_size: Optional[int] = None  # None: the backbone's own (scratch, auto: about the pictures')
    validation: float = 0.2  # the share of each class held out to validate
    fine_tune: bool = False  # unfreeze the backbone's last block and train through it
    augment: bool = True  # flips, small rotations, zoom and contrast
    flip: Optional[bool] = None  # mirror pictures when augmenting; None: not for greyscale or small ones
    batch_size: int = 32
    learning_rate: float = 1e-3
    patience: int = 5  # epochs without a better validation loss before stopping early; 0: never
    seed: int = 0

    def validated(self) -> "TrainConfig":
        """This config when every value is usable, else :class:`BadInputError` with a sentence."""
        if self.backbone != AUTO and self.backbone not in BACKBONES:
            raise BadInputError(Phrase("{0} is not a backbone neurolab knows ({1}).",
                                       (f"'{self.backbone}'", ", ".join([AUTO, *BACKBONES]))))
        choice = BACKBONES.get(self.backbone)
        if choice is not None and not choice.available():
            raise BadInputError(Phrase("The ImageNet weights of {0} are not downloaded; fetch them with "
                                       "'neurolab models fetch {1}' or pick another backbone.",
                                       (choice.display_name, choice.key)))
        check_whole(self.epochs, Phrase("The number of epochs"), 1, 10_000)
        if self.image_size is not None:
            smallest = 32 if choice is not None and choice.pretrained else SCRATCH_SIDES[0]
            check_whole(self.image_size, Phrase("The picture size"), smallest, 1024)
        if not _is_number(self.validation) or not 0.0 < float(self.validation) < 1.0:
            raise BadInputError(Phrase("The validation share must be above 0 and below 1 (0.2 holds out a "
                                       "fifth), not {0}.", (repr(self.validation),)))
        for name in ("fine_tune", "augment", "flip"):
            if not isinstance(getattr(self, name), bool) and not (name == "flip" and self.flip is None):
                raise BadInputError(Phrase("{0} must be true or false, not {1}.",
                                           (name, repr(getattr(self, name)))))
        if self.fine_tune and choice is not None and not choice.pretrained:
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
        """The picture side the network takes: ``image_size`` or the backbone's own (a config
        chosen by :meth:`for_pictures` has both)."""
        if self.image_size is not None:
            return int(self.image_size)
        return BACKBONES[BUNDLED if self.backbone == AUTO else self.backbone].image_size

    def for_pictures(self, folder) -> "TrainConfig":
        """This config with what is left to the pictures decided (``folder``: an
        :class:`~neurolab.core.training.data.ImageFolder`): the backbone when ``auto``, the
        picture size of a network from scratch, and ``flip``. Settings given stay as given.

        Small pictures (shorter side ≤ ``SMALL_PICTURES``) → ``scratch``; larger ones → the first
        cached ImageNet backbone of ``AUTO_PRETRAINED``, else ``bundled``. A network from scratch
        (chosen or picked) takes the pictures' own side rounded up to a multiple of 8
        (``SCRATCH_SIDES``) and ``SCRATCH_EPOCHS`` and ``SCRATCH_PATIENCE`` when epochs and
        patience are the defaults. No mirroring for greyscale or small pictures. A network from
        scratch chosen here leaves augmentation out when the smallest class has at least
        ``AUGMENT_BELOW`` training pictures (pick ``scratch`` to keep it)."""
        side = folder.typical_side()
        small = 0 < side <= SMALL_PICTURES
        chosen = {}
        backbone = self.backbone
        if backbone == AUTO:
            cached = [key for key in AUTO_PRETRAINED if key in BACKBONES and BACKBONES[key].available()]
            backbone = SCRATCH if small else (cached[0] if cached else BUNDLED)
            chosen["backbone"] = backbone
            if backbone == SCRATCH and self.fine_tune:
                chosen["fine_tune"] = False  # every layer of a network from scratch trains anyway
        defaults = TrainConfig()
        if backbone == SCRATCH and self.epochs == defaults.epochs and self.patience == defaults.patience:
            chosen["epochs"], chosen["patience"] = SCRATCH_EPOCHS, SCRATCH_PATIENCE
        if backbone == SCRATCH and self.image_size is None:
            low, high = SCRATCH_SIDES
            rounded = -(-side // 8) * 8 if side else BACKBONES[SCRATCH].image_size
            chosen["image_size"] = int(min(high, max(low, rounded)))
        if self.flip is None:
            chosen["flip"] = not (small or folder.greyscale())
        training = min(folder.counts().values(), default=0) * (1 - float(self.validation))
        if self.backbone == AUTO and backbone == SCRATCH and self.augment == defaults.augment \
                and training >= AUGMENT_BELOW:
            chosen["augment"] = False
        return replace(self, **chosen)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "TrainConfig":
        """A config from :meth:`to_dict`'s output; unknown keys (a newer neurolab's) are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)

