"""ImageNet weights of the Keras Applications and SqueezeNet: where they are cached, and fetching them.

The file names, addresses and hashes are the ones Keras's own constructors
ask for (a test checks them against Keras), so a file fetched here is the file
Keras would have downloaded, in the folder Keras looks in. neurolab finds the
file itself and calls ``load_weights``, rather than going through
``keras.utils.get_file``: that function silently moves to ``/tmp/.keras`` when
the cache folder is read-only, which is exactly the case of a classroom's
shared folder.

SqueezeNet's weights come from torchvision (``squeezenet1_1-b8a52dc0.pth``,
BSD-3-Clause): the download is checked against its full sha256 (torchvision
names the file by the first 8 digits of it), then converted once, without
running its pickle (:mod:`.squeezenet_weights`), into the Keras weights file
the cache keeps; the ``.pth`` is removed once converted.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from neurolab.core.atomic import atomic_write
from neurolab.core.errors import NeurolabError, WeightsUnavailableError
from neurolab.core.jobs import Job, Progress
from neurolab.core.phrases import Outside, Phrase

TORCHVISION = "https://download.pytorch.org/models/"
SQUEEZENET_PTH = "squeezenet1_1-b8a52dc0.pth"
BASE = "https://storage.googleapis.com/tensorflow/keras-applications/"
CHUNK = 1 << 20
CACHE_ENV = "NEUROLAB_WEIGHTS_CACHE"


@dataclass(frozen=True)
class WeightsFile:
    """One Keras Applications weights file (include_top=True, ImageNet)."""

    fname: str
    origin: str
    file_hash: Optional[str]  # md5 (32 hex digits) or sha256 (64), as Keras uses them
    size_mb: int
    source_fname: Optional[str] = None  # downloaded under this name and converted into ``fname``


WEIGHTS: dict[str, WeightsFile] = {
    "vgg16": WeightsFile("vgg16_weights_tf_dim_ordering_tf_kernels.h5",
                         BASE + "vgg16/vgg16_weights_tf_dim_ordering_tf_kernels.h5",
                         "64373286793e3c8b2b4e3219cbf3544b", 528),
    "vgg19": WeightsFile("vgg19_weights_tf_dim_ordering_tf_kernels.h5",
                         BASE + "vgg19/vgg19_weights_tf_dim_ordering_tf_kernels.h5",
                         "cbe5617147190e668d6c5d5026f83318", 549),
    "resnet50": WeightsFile("resnet50_weights_tf_dim_ordering_tf_kernels.h5",
                            BASE + "resnet/resnet50_weights_tf_dim_ordering_tf_kernels.h5",
                            "2cb95161c43110f7111970584f804107", 98),
    "mobilenet_v2": WeightsFile("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5",
                                BASE + "mobilenet_v2/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5",
                                None, 14),
    "efficientnet_b0": WeightsFile("efficientnetb0.h5",
                                   "https://storage.googleapis.com/keras-applications/efficientnetb0.h5",
                                   "902e53a9f72be733fc0bcb005b3ebbac", 21),
    "densenet121": WeightsFile("densenet121_weights_tf_dim_ordering_tf_kernels.h5",
                               BASE + "densenet/densenet121_weights_tf_dim_ordering_tf_kernels.h5",
                               "9d60b8095a5708f2dcce2bca79d332c7", 33),
    "inception_v3": WeightsFile("inception_v3_weights_tf_dim_ordering_tf_kernels.h5",
                                BASE + "inception_v3/inception_v3_weights_tf_dim_ordering_tf_kernels.h5",
                                "9a0d58056eeedaa3f26cb7ebd46da564", 92),
    # torchvision's SqueezeNet1_1_Weights.IMAGENET1K_V1 (4,958,839 bytes), converted for Keras
    "squeezenet": WeightsFile("squeezenet_v1.1_imagenet.weights.h5", TORCHVISION + SQUEEZENET_PTH,
                              "b8a52dc049b60e4b6ab68ad0df457362afab8b6304b2febdc1650a5dab4d7e7b", 5,
                              source_fname=SQUEEZENET_PTH),
}


def cache_dir() -> Path:
    """Where fetched weights go: ``$NEUROLAB_WEIGHTS_CACHE``, else Keras's ``$KERAS_HOME/models``."""
    shared = os.environ.get(CACHE_ENV)
    if shared:
        return Path(shared)
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return Path(home) / "models"


def search_dirs() -> list[Path]:
    """Folders searched for weights, the configured cache first."""
    dirs = [cache_dir(), Path(os.path.expanduser("~")) / ".keras" / "models"]
    return list(dict.fromkeys(dirs))


def find_weights(name: str) -> Optional[Path]:
    """The cached weights file of ``name``, or ``None``."""
    spec = WEIGHTS.get(name)
    if spec is None:
        return None
    for folder in search_dirs():
        path = folder / spec.fname
        if path.is_file() and path.stat().st_size > 0:
            return path
    return None


def file_digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(path: Path, expected: Optional[str]) -> bool:
    """Keras's convention: a 64-digit hash is sha256, otherwise md5."""
    if not expected:
        return path.stat().st_size > 0
    algorithm = "sha256" if len(expected) == 64 else "md5"
    return file_digest(path, algorithm) == expected


def download_job(name: str, *, folder: Optional[Path] = None, timeout_s: float = 30.0) -> Job:
    """Fetch ``name``'s weights into ``folder`` (default :func:`cache_dir`), verified, atomically.

    Yields progress in bytes; cancelling between two chunks leaves nothing behind.
    Weights from another framework (``source_fname``) are downloaded under their
    own name, verified, converted into ``fname`` and the download removed.
    """
    spec = WEIGHTS[name]
    target_dir = Path(folder) if folder is not None else cache_dir()
    target = target_dir / spec.fname
    if target.is_file() and (spec.source_fname and target.stat().st_size > 0
                             or not spec.source_fname and verify(target, spec.file_hash)):
        yield Progress(1, 1, Phrase("{0}: already in the cache", (name,)))
        return target
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WeightsUnavailableError(Phrase("Cannot write to the weights folder '{0}': {1}.",
                                             (target_dir, Outside(exc.strerror)))) from exc
    if not spec.source_fname:
        yield from _download(name, spec, target, timeout_s)
        return target
    source = target_dir / spec.source_fname
    if not (source.is_file() and verify(source, spec.file_hash)):  # a fetch cancelled while converting
        yield from _download(name, spec, source, timeout_s)
    yield Progress(1, 1, Phrase("converting {0}", (name,)))
    yield from _convert(name, source, target)
    source.unlink(missing_ok=True)
    return target


def _download(name: str, spec: WeightsFile, target: Path, timeout_s: float) -> Job:
    """``spec.origin`` into ``target``, checked against ``spec.file_hash`` before it counts."""
    import urllib.error
    import urllib.request

    yield Progress(0, spec.size_mb << 20, Phrase("connecting for {0}", (name,)))
    with atomic_write(target, prefix=f".{target.name}.", suffix=".part") as out:
        try:
            response = urllib.request.urlopen(spec.origin, timeout=timeout_s)  # noqa: S310 - fixed https URLs
        except (urllib.error.URLError, OSError) as exc:
            raise WeightsUnavailableError(_offline_sentence(name, spec, target.parent, exc)) from exc
        with response:
            total = int(response.headers.get("Content-Length") or (spec.size_mb << 20))
            done = 0
            while True:
                try:
                    block = response.read(CHUNK)
                except OSError as exc:
                    raise WeightsUnavailableError(
                        _offline_sentence(name, spec, target.parent, exc)) from exc
                if not block:
                    break
                out.write(block)
                done += len(block)
                yield Progress(done, total,
                               Phrase("downloading {0} ({1}/{2} MB)", (name, done >> 20, total >> 20)))
        out.flush()
        yield Progress(1, 1, Phrase("verifying {0}", (name,)))
        if not verify(Path(out.name), spec.file_hash):
            raise WeightsUnavailableError(Phrase("The downloaded weights for {0} are damaged (their checksum does "
                                                 "not match); please try again.", (name,)))


def _convert(name: str, source: Path, target: Path) -> Job:
    """The verified download as the Keras weights file; a file the reader refuses, in words."""
    from neurolab.core.models.squeezenet_weights import convert_squeezenet_weights

    try:
        convert_squeezenet_weights(source, target)
    except NeurolabError as exc:
        source.unlink(missing_ok=True)
        raise WeightsUnavailableError(Phrase("The downloaded weights for {0} cannot be used: {1}",
                                             (name, exc.phrase))) from exc
    except OSError as exc:
        raise WeightsUnavailableError(Phrase("Cannot write to the weights folder '{0}': {1}.",
                                             (target.parent, Outside(exc.strerror or str(exc))))) from exc
    yield Progress(1, 1, Phrase("{0}: converted", (name,)))


def _offline_sentence(name: str, spec: WeightsFile, folder: Path, exc: BaseException) -> Phrase:
    reason = Outside(getattr(exc, "reason", None) or exc)  # the system's words ("[Errno 111] Connection refused")
    return Phrase("Could not download the ImageNet weights for {0} ({1}). Without a network connection, copy "
                  "'{2}' from a PC that has it into '{3}'.", (name, reason, spec.fname, folder))
