"""The explanation methods as jobs: Grad-CAM, Grad-CAM++, saliency, SmoothGrad, occlusion, RISE.

:func:`explain_job` feeds the photo as every tab does (stretched to the network's input,
:func:`~neurolab.core.models.classify.model_input`), computes the method's map at the input
size and stretches it back to the photo's own pixels. Methods that call the model many
times (SmoothGrad, occlusion, RISE) send batches sized to take about
:data:`BATCH_SECONDS` each and yield a :class:`~neurolab.core.jobs.Progress` after every
batch, so Cancel is answered well within a second. Results are cached per (model, photo,
class, method, layer, settings).

**Why RISE** (Petsiuk, Das & Saenko 2018) as the perturbation method, rather than LIME:
it needs only the class probabilities (no gradients, so it also answers where gradients
are flat or saturated); its random masks are one batched model call after another with
no per-image model to fit; and it needs no superpixel segmentation (LIME's quality rests
on a segmenter neurolab does not have). Its map is the expected probability of the class
given that a place is visible: ``sum_i p_c(I ⊙ M_i) M_i / (N · keep)``.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from typing import Iterator, Optional

import numpy as np

from neurolab.core.adversarial.gradients import top_predictions
from neurolab.core.adversarial.measures import as_uint8_rgb
from neurolab.core.errors import BadInputError
from neurolab.core.explain.config import ExplainConfig
from neurolab.core.explain.network import NOISE_CHUNK
from neurolab.core.explain.resize import resize_map
from neurolab.core.explain.result import Explanation
from neurolab.core.jobs import Job, Progress, run_job
from neurolab.core.phrases import Phrase

#: A batch of model calls should take about this long, so Cancel is answered quickly.
BATCH_SECONDS = 0.25
#: The first batch when nothing says how long an image takes; with the photo's own model call
#: timed, the first batch is sized from it, up to FIRST_BATCH_MOST (then a batch's own time
#: sizes the next: one image's time, overheads and all, says little about a batch's).
FIRST_BATCH = 4
FIRST_BATCH_MOST = 16
MAX_BATCH = 64
#: A gradient (forward and backward) costs about this many forward passes.
GRADIENT_PASSES = 3
#: Explanations kept (the window flips between methods and classes of the same photo), and the
#: most bytes of maps they may hold (a 12-megapixel photo's map is 48 MB).
CACHE_SIZE = 24
CACHE_BYTES = 256 << 20

_CACHE: "OrderedDict[tuple, Explanation]" = OrderedDict()
_CACHE_OWNER: list = []  # the ExplainModel the cache's entries belong to


def explain_job(loaded, image: np.ndarray, config: Optional[ExplainConfig] = None,
                class_index: Optional[int] = None) -> Job:
    """Explain class ``class_index`` (None: the top-1) of ``image`` (uint8 H×W×3, any size)."""
    from neurolab.core.explain.network import explain_model
    from neurolab.core.models.classify import model_input

    config = config or ExplainConfig()
    config.check()
    photo = as_uint8_rgb(image)
    yield Progress(0, 1, Phrase("preparing {0}", (config.method,)))
    started = time.perf_counter()
    net = explain_model(loaded)
    if not _CACHE_OWNER or _CACHE_OWNER[0] is not net:
        _CACHE.clear()
        _CACHE_OWNER[:] = [net]
    batch = model_input(loaded, photo)
    wanted = None if class_index is None else check_class(net.classes, class_index)
    layer = (config.layer or net.last_map_layer()) if config.method in ("gradcam", "gradcam++") else None
    key = (_digest(photo.shape, batch), wanted, config.method, layer, tuple(sorted(config.settings().items())))
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    method = _METHODS[config.method]
    input_map, layer_map, cls, probabilities = yield from method(
        net, batch, -1 if wanted is None else wanted, config, layer)
    if net.gradients.precision != "float32":  # the answer a person reads: computed in float32
        probabilities = net.verdict(batch)[0]
    height, width = photo.shape[:2]
    source = layer_map if layer_map is not None else input_map
    result = Explanation(
        method=config.method, class_index=cls, label=loaded.label(cls),
        probability=float(probabilities[cls]), map=resize_map(source, (width, height)),
        input_map=resize_map(source, (batch.shape[2], batch.shape[1])) if layer_map is not None else input_map,
        layer=layer, layer_map=layer_map, settings=config.settings(),
        top=top_predictions(loaded, probabilities), seconds=time.perf_counter() - started)
    # The top-1 asked for as "the network's answer" and by its number is the same request.
    _CACHE[key[:1] + (cls,) + key[2:]] = _CACHE[key] = result
    while len(_CACHE) > 1 and (len(_CACHE) > CACHE_SIZE or _cache_bytes() > CACHE_BYTES):
        _CACHE.popitem(last=False)
    return result


def explain(loaded, image: np.ndarray, config: Optional[ExplainConfig] = None,
            class_index: Optional[int] = None) -> Explanation:
    """:func:`explain_job` run to its end on this thread."""
    return run_job(explain_job(loaded, image, config, class_index))


def explain_many_job(loaded, requests: list[tuple[np.ndarray, Optional[int]]],
                     config: Optional[ExplainConfig] = None) -> Job:
    """Several (image, class) explanations with one method, in order (two classes side by side,
    the original and the adversarial image): a list of :class:`Explanation`."""
    results = []
    for number, (image, class_index) in enumerate(requests):
        job = explain_job(loaded, image, config, class_index)
        while True:
            try:
                event = next(job)
            except StopIteration as stop:
                results.append(stop.value)
                break
            yield Progress(number * 100 + int(event.fraction * 100), 100 * len(requests), event.stage)
    return results


def check_class(classes: int, index: int) -> int:
    index = int(index)
    if not 0 <= index < classes:
        raise BadInputError(Phrase("Class {0} does not exist: the model has {1} classes (0–{2}).",
                                   (index, classes, classes - 1)))
    return index


def _cache_bytes() -> int:
    kept = {id(result): result for result in _CACHE.values()}  # a top-1 is kept under two keys
    return sum(result.map.nbytes + result.input_map.nbytes for result in kept.values())


def clear_cache() -> None:
    _CACHE.clear()


def _digest(shape: tuple, batch: np.ndarray) -> tuple:
    """What an explanation depends on: the photo's size (the map is stretched to it) and the
    network's input made from it (every map is computed from that) — a hash of the fed batch,
    usually smaller than the photo (48 kB for 64×64, not 0.9 MB for a 640×480 photo)."""
    return tuple(shape), hashlib.sha1(np.ascontiguousarray(batch)).hexdigest()


# --- the methods: (net, batch 1×h×w×C, class or -1 for the top-1, config, layer)
#     -> (input map, layer map, class, the photo's probabilities) ---

def _class_of(net, batch, cls):
    """The photo's probabilities, the class (-1: its top-1) and the seconds the model call took
    (what the first batch is sized from)."""
    started = time.perf_counter()
    probabilities = net.probabilities(batch)[0]
    seconds = time.perf_counter() - started
    return probabilities, int(np.argmax(probabilities)) if cls < 0 else cls, seconds


def _grad_cam(net, batch, cls, config, layer):
    """Selvaraju et al. 2017: the layer's channels weighted by their mean gradient, ReLU."""
    yield Progress(0, 1, Phrase("Grad-CAM of {0}", (layer,)))
    activations, gradients, probabilities, cls = net.layer_gradients(layer, batch, cls)
    weights = gradients[0].mean(axis=(0, 1))
    cam = np.maximum(activations[0] @ weights, 0.0)
    return None, cam.astype(np.float32), cls, probabilities[0]


def _grad_cam_plus_plus(net, batch, cls, config, layer):
    """Chattopadhay et al. 2018: each place's gradient weighted on its own (the exponential
    of the score makes the higher derivatives powers of the first)."""
    yield Progress(0, 1, Phrase("Grad-CAM++ of {0}", (layer,)))
    activations, gradients, probabilities, cls = net.layer_gradients(layer, batch, cls)
    a, g = activations[0].astype(np.float64), gradients[0].astype(np.float64)
    g2, g3 = g ** 2, g ** 3
    denominator = 2.0 * g2 + a.sum(axis=(0, 1), keepdims=True) * g3
    alphas = g2 / np.where(denominator != 0.0, denominator, 1.0)
    weights = (alphas * np.maximum(g, 0.0)).sum(axis=(0, 1))
    cam = np.maximum(a @ weights, 0.0)
    return None, cam.astype(np.float32), cls, probabilities[0]


def _saliency(net, batch, cls, config, layer):
    """Simonyan et al. 2014: the largest |gradient| of the class logit over each pixel's channels."""
    yield Progress(0, 1, Phrase("gradient saliency"))
    gradients, probabilities, cls = net.input_gradients(batch, cls)
    return np.abs(gradients[0]).max(axis=-1).astype(np.float32), None, cls, probabilities[0]


def _smooth_grad(net, batch, cls, config, layer):
    """Smilkov et al. 2017: the gradient averaged over noisy copies (σ = noise × 255), then
    its largest |value| over each pixel's channels. The noise is drawn inside the traced call
    (stateless, seeded by ``config.seed`` and the batch's first copy), so only sums cross back."""
    probabilities, cls, seconds = _class_of(net, batch, cls)
    sigma = float(config.noise) * 255.0
    total = np.zeros(batch.shape[1:], np.float64)
    for start, stop in (sizes := _Batches(config.samples, NOISE_CHUNK,
                                                 GRADIENT_PASSES * seconds)):
        total += net.noisy_gradients(batch, cls, sigma, (config.seed, start), stop - start)
        sizes.done(stop)
        yield Progress(stop, config.samples, Phrase("SmoothGrad: {0} of {1} noisy copies",
                                                    (stop, config.samples)))
    return np.abs(total / config.samples).max(axis=-1).astype(np.float32), None, cls, probabilities


def occlusion_positions(size: int, patch: int, stride: int) -> list[int]:
    """Where a patch starts along one side: every ``stride``, the last flush with the edge."""
    patch = min(patch, size)
    starts = list(range(0, size - patch + 1, stride))
    if starts[-1] != size - patch:
        starts.append(size - patch)
    return starts


def _occlusion(net, batch, cls, config, layer):
    """Zeiler & Fergus 2014: the drop in the class probability when a square of the image's
    mean colour (MATLAB's ``occlusionSensitivity`` default) covers each place, averaged over
    the squares covering a pixel. Every square is one image of a batched call."""
    _, height, width, _ = batch.shape
    patch_h, patch_w = min(config.patch, height), min(config.patch, width)
    places = [(top, left) for top in occlusion_positions(height, config.patch, config.stride)
              for left in occlusion_positions(width, config.patch, config.stride)]
    fill = batch[0].mean(axis=(0, 1))
    probabilities, cls, seconds = _class_of(net, batch, cls)
    base = probabilities[cls]
    drops = np.zeros((height, width), np.float64)
    counts = np.zeros((height, width), np.float64)
    for start, stop in (sizes := _Batches(len(places), item_seconds=seconds)):
        covered_class = net.occluded(batch, cls, places[start:stop], (patch_h, patch_w), fill)
        for item, (top, left) in enumerate(places[start:stop]):
            drops[top:top + patch_h, left:left + patch_w] += base - covered_class[item]
            counts[top:top + patch_h, left:left + patch_w] += 1.0
        sizes.done(stop)
        yield Progress(stop, len(places), Phrase("occlusion: {0} of {1} squares", (stop, len(places))))
    return (drops / np.maximum(counts, 1.0)).astype(np.float32), None, cls, probabilities


def rise_masks(count: int, cells: int, keep: float, size: tuple[int, int], rng) -> Iterator[np.ndarray]:
    """RISE's masks, ``count`` of them as float32 ``size`` (height, width) arrays in [0, 1]: a
    ``cells``×``cells`` grid of cells kept with probability ``keep``, stretched bilinearly to
    one cell more than the image and shifted by a random fraction of a cell."""
    from PIL import Image

    height, width = size
    cell_h, cell_w = -(-height // cells), -(-width // cells)
    grids = rng.random((count, cells, cells)) < keep
    shifts = rng.integers(0, [cell_h, cell_w], size=(count, 2))
    for grid, (dy, dx) in zip(grids, shifts):
        big = Image.fromarray(grid.astype(np.float32), mode="F").resize(
            ((cells + 1) * cell_w, (cells + 1) * cell_h), Image.Resampling.BILINEAR)
        yield np.asarray(big, np.float32)[dy:dy + height, dx:dx + width]


def _rise(net, batch, cls, config, layer):
    """Petsiuk et al. 2018 (see the module's docstring for why this method)."""
    _, height, width, _ = batch.shape
    probabilities, cls, seconds = _class_of(net, batch, cls)
    masks = rise_masks(config.masks, config.cells, config.keep, (height, width),
                       np.random.default_rng(config.seed))
    total = np.zeros((height, width), np.float64)
    for start, stop in (sizes := _Batches(config.masks, item_seconds=seconds)):
        chunk = np.stack([next(masks) for _ in range(stop - start)])
        masked_class = net.probabilities(batch * chunk[..., None])[:, cls]
        total += np.tensordot(masked_class, chunk, axes=1)
        sizes.done(stop)
        yield Progress(stop, config.masks, Phrase("RISE: {0} of {1} masks", (stop, config.masks)))
    return (total / (config.masks * config.keep)).astype(np.float32), None, cls, probabilities


class _Batches:
    """(start, stop) of each batch of ``total`` items, each batch sized from the previous
    one's time so that it takes about :data:`BATCH_SECONDS` (Cancel waits for one batch); the
    first from ``item_seconds`` (one image's model call, timed) when given, else
    :data:`FIRST_BATCH`. Every start is a multiple of ``multiple``."""

    def __init__(self, total: int, multiple: int = 1, item_seconds: Optional[float] = None) -> None:
        self.total, self.start, self.multiple = int(total), 0, int(multiple)
        first = FIRST_BATCH
        if item_seconds is not None:  # a small model's first batch is not four inefficient images
            first = int(min(FIRST_BATCH_MOST, max(1, BATCH_SECONDS / max(item_seconds, 1e-6))))
        self.size = max(self.multiple, first - first % self.multiple)
        self._clock = time.perf_counter()

    def __iter__(self):
        while self.start < self.total:
            stop = min(self.total, self.start + self.size)
            self._clock = time.perf_counter()
            yield self.start, stop

    def done(self, stop: int) -> None:
        elapsed = max(time.perf_counter() - self._clock, 1e-4)
        per_item = elapsed / max(stop - self.start, 1)
        size = int(min(MAX_BATCH, max(1, BATCH_SECONDS / per_item)))
        self.size = max(self.multiple, size - size % self.multiple)  # every start a multiple
        self.start = stop


_METHODS = {"gradcam": _grad_cam, "gradcam++": _grad_cam_plus_plus, "saliency": _saliency,
            "smoothgrad": _smooth_grad, "occlusion": _occlusion, "rise": _rise}
