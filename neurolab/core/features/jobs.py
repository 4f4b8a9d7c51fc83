"""Feature visualisation, class images and deep dream as generator jobs.

Each job yields a :class:`~neurolab.core.jobs.Progress` after every traced step (a step of
a whole layer is one batched call, split into smaller batches only when one call would
keep Cancel waiting longer than :data:`STEP_SECONDS`), with a preview (the grid, or the
dreamt photo) every :data:`PREVIEW_SECONDS`. Everything random comes from the seed, per
channel, so a channel's picture is the same whether it was grown alone or with its layer.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Optional, Sequence

import numpy as np

from neurolab.core.errors import BadInputError
from neurolab.core.features import parameterization
from neurolab.core.features.config import DreamConfig, FeatureConfig
from neurolab.core.features.network import as_uint8, feature_network
from neurolab.core.features.result import DreamResult, FeatureImages
from neurolab.core.jobs import Job, Progress, run_job
from neurolab.core.phrases import Phrase

#: A batched call should take at most about this long, so Cancel is answered quickly.
STEP_SECONDS = 0.4
#: A live preview at most this often (rendering one costs a call and a copy).
PREVIEW_SECONDS = 0.5
#: The largest photo deep dream works on (pixels); a larger one is refused in a sentence.
DREAM_MAX_PIXELS = 16_000_000
#: A dream step of a larger photo is computed a tile of at most this side at a time, so Cancel
#: is answered within a tile (a 900×1200 step took 2.7 s on 2 busy cores; a 512² tile ~0.6 s).
DREAM_TILE = 512
#: Results kept per model (the same request again comes back at once, as the Explain tab's do).
CACHE_SIZE = 8

_CACHE: "OrderedDict[tuple, FeatureImages]" = OrderedDict()
_CACHE_OWNER: list = []  # the FeatureNetwork the cache's entries belong to


def parse_channels(text: str, units: int, first: int = 0) -> list[int]:
    """``"all"`` or ``"0,1,5"`` (``"3-7"`` ranges too) as channel indices, checked; the numbers
    typed count from ``first`` (the command line's from 0, the window's from 1, as its tiles)."""
    text = (text or "all").strip().lower()
    if text == "all":
        return list(range(units))
    channels: list[int] = []
    try:
        for part in text.split(","):
            if "-" in part.strip()[1:]:
                low, high = part.split("-", 1)
                channels.extend(range(int(low), int(high) + 1))
            else:
                channels.append(int(part))
    except ValueError:
        example = f"{first},{first + 1},{first + 2} / {first}-{first + 7}"
        raise BadInputError(Phrase("Channels must be numbers such as {0}, or all; not {1}.",
                                   (example, f"'{text}'"))) from None
    return check_channels([c - first for c in channels], units, first)


def check_channels(channels: Sequence[int], units: int, first: int = 0) -> list[int]:
    """The channel indices, each checked (a sentence counts from ``first``, as the user does)."""
    channels = [int(c) for c in channels]
    if not channels:
        raise BadInputError(Phrase("Choose at least one channel."))
    for channel in channels:
        if not 0 <= channel < units:
            raise BadInputError(Phrase("Channel {0} does not exist: the layer has {1} channels ({2}–{3}).",
                                       (channel + first, units, first, units - 1 + first)))
    return channels


def features_job(loaded, layer: str, channels: Optional[Sequence[int]] = None,
                 config: Optional[FeatureConfig] = None, extractor=None) -> Job:
    """One image per channel of ``layer`` (None: all of them), grown together."""
    config = config or FeatureConfig()
    config.check()
    yield Progress(0, config.steps, Phrase("preparing {0}", (layer,)))
    net = feature_network(loaded, extractor)
    units = net.layer_units(layer)
    channels = list(range(units)) if channels is None else check_channels(channels, units)
    notices = []
    if net.needs_native_size(layer):
        height, width = net.native_size
        if (height, width) != (config.size, config.size):
            notices.append(Phrase("{0} works only at the network's input size, so its images are {1}×{2} "
                                  "pixels.", (layer, width, height)))
    else:
        height = width = config.size
    return (yield from _grow(net, layer, channels, config, (height, width), notices, []))


def class_images_job(loaded, classes: Optional[Sequence[int]] = None,
                     config: Optional[FeatureConfig] = None, extractor=None) -> Job:
    """One image per class (the logit before the softmax), at the network's input size."""
    config = config or FeatureConfig()
    config.check()
    yield Progress(0, config.steps, Phrase("preparing class images"))
    loaded.require_classifier()
    net = feature_network(loaded, extractor)
    from neurolab.core.adversarial.gradients import gradient_model

    count = gradient_model(loaded).classes
    classes = list(range(count)) if classes is None else check_channels(classes, count)
    labels = [loaded.label(c) for c in classes]
    return (yield from _grow(net, None, classes, config, net.native_size, [], labels))


def _grow(net, layer, targets, config: FeatureConfig, size, notices, labels) -> Job:
    key = (layer, tuple(targets), config, tuple(size))
    if not _CACHE_OWNER or _CACHE_OWNER[0] is not net:
        _CACHE.clear()
        _CACHE_OWNER[:] = [net]
    if key in _CACHE:  # asked again (back from the activation mosaic, the Lab): at once
        _CACHE.move_to_end(key)
        return _CACHE[key]
    result = yield from _grow_new(net, layer, targets, config, size, notices, labels)
    _CACHE[key] = result
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def clear_cache() -> None:
    _CACHE.clear()


def _grow_new(net, layer, targets, config: FeatureConfig, size, notices, labels) -> Job:
    import tensorflow as tf

    started = time.perf_counter()
    height, width = size
    kind = config.parameterization
    generators = [np.random.default_rng([config.seed, target]) for target in targets]
    parameters = np.concatenate([parameterization.initial_parameters(kind, 1, height, width, g)
                                 for g in generators])
    # Parameters and Adam's moments stay tensors between steps (numpy round trips cost ~10 %).
    state = [tf.constant(parameters), tf.zeros_like(parameters), tf.zeros_like(parameters)]
    step_function = net.ascent(kind, layer)  # traced here, once per model, layer and basis
    yield Progress(0, config.steps, Phrase("step {0} of {1}", (0, config.steps)))  # Cancel after the trace
    render = net.renderer(kind)
    size_tensor = tf.constant([height, width], tf.int32)
    targets_array = tf.constant(targets, tf.int32)
    rate = tf.constant(config.learning_rate, tf.float32)
    count = len(targets)
    batch = count
    values = np.zeros(count, np.float32)
    last_preview = time.perf_counter()
    for step in range(1, config.steps + 1):
        transforms = tf.constant(np.concatenate([parameterization.random_transforms(
            1, height, width, config.jitter, config.scale, config.rotation, g) for g in generators]))
        start = 0
        while start < count:
            stop = min(count, start + batch)
            clock = time.perf_counter()
            whole = start == 0 and stop == count
            piece = (lambda t: t) if whole else (lambda t, a=start, b=stop: t[a:b])
            *new, piece_values = step_function(*(piece(t) for t in state), tf.constant(step, tf.float32),
                                               size_tensor, piece(transforms), piece(targets_array), rate)
            state = new if whole else [tf.concat([t[:start], n, t[stop:]], 0) for t, n in zip(state, new)]
            values[start:stop] = piece_values.numpy()
            elapsed = time.perf_counter() - clock
            if step > 1 and (elapsed > STEP_SECONDS or stop - start == batch):  # not the first call
                # As many images as this pace fits in STEP_SECONDS: fewer after a slow call, and
                # back up to the whole layer once the machine is free again (a busy moment does
                # not split the rest of the job).
                pace = max(elapsed, 1e-6) / (stop - start)
                batch = max(1, min(count, int(STEP_SECONDS / pace)))
            start = stop
            preview = None
            if time.perf_counter() - last_preview > PREVIEW_SECONDS or (step == config.steps and stop == count):
                shown = as_uint8(render(state[0], size_tensor))  # the last one: the result's
                preview = feature_grid_pixels(shown)
                last_preview = time.perf_counter()
            yield Progress(step, config.steps, Phrase("step {0} of {1}", (step, config.steps)),
                           preview=preview, metrics={"objective": float(values.mean())})
    return FeatureImages(images=shown, channels=list(targets), layer=layer, values=values.tolist(),
                         settings=config.settings(), labels=labels, notices=notices,
                         seconds=time.perf_counter() - started)


def feature_grid_pixels(images: np.ndarray) -> np.ndarray:
    from neurolab.core.features.result import feature_grid

    return feature_grid(images).image


def features(loaded, layer: str, channels=None, config: Optional[FeatureConfig] = None,
             extractor=None) -> FeatureImages:
    """:func:`features_job` run to its end on this thread."""
    return run_job(features_job(loaded, layer, channels, config, extractor))


# --- deep dream ------------------------------------------------------------------------

def octave_sizes(height: int, width: int, octaves: int, octave_scale: float) -> list[tuple[int, int]]:
    """(height, width) of each octave, smallest first, the last the photo's own (keras.io's)."""
    sizes = [(max(1, int(height / octave_scale ** i)), max(1, int(width / octave_scale ** i)))
             for i in range(octaves)]
    return sizes[::-1]


def _resize(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    import tensorflow as tf

    return np.asarray(tf.image.resize(image, size, method="bilinear"), np.float32)


def dream_job(loaded, photo: np.ndarray, config: DreamConfig, extractor=None) -> Job:
    """Deep dream on ``photo`` (uint8 H×W×3) at its own size: octaves coarse to fine, the
    detail lost by shrinking put back after each (keras.io's loop); a uint8 photo of the
    same size."""
    config.check()
    photo = np.asarray(photo)
    if photo.ndim != 3 or photo.shape[2] != 3:
        raise BadInputError(Phrase("Deep dream needs a colour photo (height × width × 3)."))
    height, width = photo.shape[:2]
    if height * width > DREAM_MAX_PIXELS:
        raise BadInputError(Phrase("The photo has {0} pixels; deep dream takes at most {1}.",
                                   (height * width, DREAM_MAX_PIXELS)))
    total = config.octaves * config.steps
    yield Progress(0, total, Phrase("preparing deep dream"))
    started = time.perf_counter()
    net = feature_network(loaded, extractor)
    step_function = net.dream_step(tuple(config.layers))  # traced here
    yield Progress(0, total, Phrase("preparing deep dream"))  # Cancel after the trace
    original = photo.astype(np.float32)
    sizes = octave_sizes(height, width, config.octaves, config.octave_scale)
    shrunk = _resize(original, sizes[0])
    image = original
    losses = []
    last_preview = time.perf_counter()
    done = 0
    strength = np.float32(config.strength)
    rng = np.random.default_rng(0)
    for octave, size in enumerate(sizes):
        image = _resize(image, size)
        loss = 0.0
        for _ in range(config.steps):
            if size[0] * size[1] <= DREAM_TILE * DREAM_TILE:
                image, loss = step_function(image, strength)
            else:
                image, loss = yield from _tiled_step(net, config, image, strength, rng,
                                                     Progress(done, total, Phrase("octave {0} of {1}",
                                                                                  (octave + 1, config.octaves))))
            done += 1
            preview = None
            if time.perf_counter() - last_preview > PREVIEW_SECONDS:
                preview = as_uint8(image)
                last_preview = time.perf_counter()
            image = np.asarray(image)
            yield Progress(done, total, Phrase("octave {0} of {1}", (octave + 1, config.octaves)),
                           preview=preview, metrics={"loss": float(loss)})
        losses.append(float(loss))
        same_size = _resize(original, size)
        image = image + (same_size - _resize(shrunk, size))  # the detail lost by shrinking, put back
        shrunk = same_size
    result = as_uint8(image)
    return DreamResult(image=result, layers=list(config.layers), losses=losses,
                       octave_sizes=[(w, h) for h, w in sizes], settings=config.settings(),
                       seconds=time.perf_counter() - started)


def _tiled_step(net, config: DreamConfig, image: np.ndarray, strength, rng, event: Progress):
    """One dream step of a photo larger than :data:`DREAM_TILE`² pixels, a tile per call (with
    ``event`` yielded between tiles, so Cancel is answered within a tile): the image rolled by a
    random shift first (TensorFlow's DeepDream tutorial), so the tiles' seams move every step;
    the gradient then scaled to a mean magnitude of one over the whole image, as in one step."""
    gradient_of = net.dream_gradient(tuple(config.layers))
    height, width = image.shape[:2]
    dy, dx = int(rng.integers(0, height)), int(rng.integers(0, width))
    rolled = np.roll(np.asarray(image, np.float32), (dy, dx), axis=(0, 1))
    gradient = np.zeros_like(rolled)
    loss = 0.0
    for top in range(0, height, DREAM_TILE):
        for left in range(0, width, DREAM_TILE):
            tile = rolled[top:top + DREAM_TILE, left:left + DREAM_TILE]
            tile_gradient, tile_loss = gradient_of(tile)
            gradient[top:top + DREAM_TILE, left:left + DREAM_TILE] = np.asarray(tile_gradient)
            loss += float(tile_loss)
            yield event
    gradient = np.roll(gradient, (-dy, -dx), axis=(0, 1))
    gradient /= max(float(np.abs(gradient).mean()), 1e-6)
    return np.clip(np.asarray(image, np.float32) + float(strength) * gradient, 0.0, 255.0), loss


def dream(loaded, photo: np.ndarray, config: DreamConfig, extractor=None) -> DreamResult:
    """:func:`dream_job` run to its end on this thread."""
    return run_job(dream_job(loaded, photo, config, extractor))
