"""Neural style transfer (Gatys et al.) as a job: paint one image in another's style.

The image is optimised directly (Adam on its pixels, in [0, 1]) so that the
Gram matrices of a convolutional backbone's feature maps match the style
image's, its deeper features match the content image's, and its total
variation stays small. Work goes coarse to fine: a few cheap steps at a
quarter of the size find the layout, each result is upsampled as the start of
the next scale.

Backbones (:func:`choose_backbone`):

- ``"vgg19"`` — VGG19's convolutional layers with ImageNet weights, used only
  when the weights file is already cached (never downloaded here); content
  layer ``block5_conv2``, style layers ``block1_conv1`` … ``block5_conv1``.
- ``"random"`` — offline: a fixed multi-scale network of random filters
  (one convolution + ReLU at each of four scales, average pooling between).
  Random multi-scale filters carry texture (Ustyuzhaninov et al. 2017;
  He, Wang & Hopcroft 2016), so style transfer works without any download.

Everything that runs per step is one ``tf.function`` whose image signature is
``[1, None, None, 3]``, so every scale and output size share a single trace.
No Qt here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Optional, Sequence

import numpy as np

from neurolab.core.jobs import Job, Progress

VGG19_CONTENT_LAYERS = ("block5_conv2",)
VGG19_STYLE_LAYERS = ("block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1",
                      "block5_conv1")
VGG19_NOTOP_FILE = "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5"
IMAGENET_MEAN_BGR = (103.939, 116.779, 123.68)

#: Channels of the random backbone's convolution at each scale (full, 1/2, 1/4, 1/8).
RANDOM_CHANNELS = (48, 96, 192, 256)
RANDOM_KERNEL = 3
MIN_SIDE = 16  # smallest side any scale is optimised at (VGG19 pools four times)

ADAM_BETA_1 = 0.99
ADAM_BETA_2 = 0.999
ADAM_EPSILON = 1e-1  # the TensorFlow tutorial's, for VGG19's large losses

# The random backbone's weights were chosen on the sample photos with a striped
# colour style: the style clearly carries over and the content stays readable
# after 100 steps at 192 px. VGG19's are TensorFlow's tutorial's (its TV weight
# rescaled, see total_variation_loss).
RANDOM_STYLE_WEIGHT = 1e3
RANDOM_CONTENT_WEIGHT = 1.0
RANDOM_TV_WEIGHT = 1e-3
RANDOM_LEARNING_RATE = 0.05
#: Default loss weights and learning rate of each backbone.
BACKBONE_DEFAULTS = {
    "vgg19": dict(style_weight=1e-2, content_weight=1e4, tv_weight=2e6, learning_rate=0.02),
    "random": dict(style_weight=RANDOM_STYLE_WEIGHT, content_weight=RANDOM_CONTENT_WEIGHT,
                   tv_weight=RANDOM_TV_WEIGHT, learning_rate=RANDOM_LEARNING_RATE),
}


# ---------------------------------------------------------------------------
# losses (plain TensorFlow functions, traced inside the step function)
# ---------------------------------------------------------------------------
def gram_matrix(features):
    """``[b, h, w, c]`` feature maps -> ``[b, c, c]`` Gram matrices, divided by ``h * w``."""
    import tensorflow as tf

    features = tf.convert_to_tensor(features, tf.float32)
    gram = tf.linalg.einsum("bijc,bijd->bcd", features, features)
    shape = tf.shape(features)
    positions = tf.cast(shape[1] * shape[2], tf.float32)
    return gram / positions


def style_loss(style_outputs: Sequence[Any], style_targets: Sequence[Any]):
    """Mean over layers of the mean squared difference of Gram matrices.

    ``style_outputs`` are feature maps; ``style_targets`` are the style image's
    Gram matrices (from :func:`gram_matrix`).
    """
    import tensorflow as tf

    terms = [tf.reduce_mean(tf.square(gram_matrix(output) - tf.cast(target, tf.float32)))
             for output, target in zip(style_outputs, style_targets)]
    return tf.add_n(terms) / float(len(terms))


def content_loss(content_outputs: Sequence[Any], content_targets: Sequence[Any]):
    """Mean over layers of the mean squared difference of feature maps."""
    import tensorflow as tf

    terms = [tf.reduce_mean(tf.square(tf.cast(output, tf.float32) - tf.cast(target, tf.float32)))
             for output, target in zip(content_outputs, content_targets)]
    return tf.add_n(terms) / float(len(terms))


def total_variation_loss(image):
    """Sum of absolute differences of neighbouring pixels, per pixel.

    ``tf.image.total_variation(image) / (b * h * w)``, so its size does not
    depend on the image's size (the coarse scales and the final one weigh it
    alike). At 256 × 256 px, ``tv_weight`` here is TensorFlow's tutorial
    weight times 65 536.
    """
    import tensorflow as tf

    image = tf.convert_to_tensor(image, tf.float32)
    shape = tf.shape(image)
    pixels = tf.cast(shape[0] * shape[1] * shape[2], tf.float32)
    return tf.reduce_sum(tf.image.total_variation(image)) / pixels


# ---------------------------------------------------------------------------
# backbones
# ---------------------------------------------------------------------------
@dataclass
class Backbone:
    """A feature network: image in [0, 1] -> (style feature maps, content feature maps)."""

    name: str  # "vgg19" or "random"
    description: str
    model: Any  # keras.Model, input [None, None, 3] in model units, outputs style + content
    style_layers: tuple[str, ...]
    content_layers: tuple[str, ...]
    preprocess: Callable[[Any], Any]  # [0, 1] RGB tensor -> model input
    style_weight: float
    content_weight: float
    tv_weight: float
    learning_rate: float
    adam_epsilon: float = ADAM_EPSILON
    features: Any = None  # tf.function [1, None, None, 3] -> (style list, content list)
    _step: Any = None

    def __post_init__(self) -> None:
        import tensorflow as tf

        image = tf.TensorSpec([1, None, None, 3], tf.float32)
        self.features = tf.function(self._features_graph, input_signature=[image])

    def _features_graph(self, image):
        outputs = self.model(self.preprocess(image))
        if not isinstance(outputs, (list, tuple)):
            outputs = [outputs]
        n = len(self.style_layers)
        return list(outputs[:n]), list(outputs[n:])

    def style_targets(self, image):
        """The Gram matrices of a [1, h, w, 3] image in [0, 1]."""
        style, _ = self.features(image)
        return [gram_matrix(s) for s in style]

    @property
    def step_function(self):
        """One Adam step on the image, traced once for every size (built on first use)."""
        if self._step is None:
            self._step = _build_step(self)
        return self._step


def _build_step(backbone: Backbone):
    import tensorflow as tf

    image = tf.TensorSpec([1, None, None, 3], tf.float32)
    scalar = tf.TensorSpec([], tf.float32)
    style_specs = [tf.TensorSpec([1, int(out.shape[-1]), int(out.shape[-1])], tf.float32)
                   for out in backbone.model.outputs[:len(backbone.style_layers)]]
    content_specs = [tf.TensorSpec([1, None, None, int(out.shape[-1])], tf.float32)
                     for out in backbone.model.outputs[len(backbone.style_layers):]]

    def step(x, m, v, t, style_targets, content_targets, weights):
        style_weight, content_weight, tv_weight, lr, epsilon = tf.unstack(weights)
        with tf.GradientTape() as tape:
            tape.watch(x)
            style_out, content_out = backbone._features_graph(x)
            s = style_loss(style_out, style_targets)
            c = content_loss(content_out, content_targets)
            tv = total_variation_loss(x)
            loss = style_weight * s + content_weight * c + tv_weight * tv
        g = tape.gradient(loss, x)
        m = ADAM_BETA_1 * m + (1.0 - ADAM_BETA_1) * g
        v = ADAM_BETA_2 * v + (1.0 - ADAM_BETA_2) * tf.square(g)
        m_hat = m / (1.0 - tf.pow(ADAM_BETA_1, t))
        v_hat = v / (1.0 - tf.pow(ADAM_BETA_2, t))
        x = tf.clip_by_value(x - lr * m_hat / (tf.sqrt(v_hat) + epsilon), 0.0, 1.0)
        return x, m, v, tf.stack([loss, s, c, tv])

    function = tf.function(step, input_signature=[
        image, image, image, scalar, style_specs, content_specs, tf.TensorSpec([5], tf.float32)])
    return function


_BACKBONES: dict[tuple, Backbone] = {}


def vgg19_weights_path():
    """The cached VGG19 ImageNet weights (no-top file preferred), or ``None``."""
    from neurolab.core.weights import find_weights, search_dirs

    for folder in search_dirs():
        path = folder / VGG19_NOTOP_FILE
        if path.is_file() and path.stat().st_size > 0:
            return path
    return find_weights("vgg19")


def vgg19_backbone() -> Backbone:
    """VGG19's convolutional layers with cached ImageNet weights.

    Raises :class:`neurolab.core.errors.WeightsUnavailableError` when the
    weights are not cached (they are never downloaded here).
    """
    from neurolab.core.errors import WeightsUnavailableError

    path = vgg19_weights_path()
    if path is None:
        raise WeightsUnavailableError("The VGG19 ImageNet weights are not cached; fetch them "
                                      "with 'neurolab models fetch vgg19'.")
    key = ("vgg19", str(path))
    if key in _BACKBONES:
        return _BACKBONES[key]
    import keras

    convs = keras.applications.VGG19(include_top=False, weights=None, input_shape=(None, None, 3))
    if path.name == VGG19_NOTOP_FILE:
        convs.load_weights(str(path))
    else:  # the full classifier's file: load it whole, copy the convolutions by name
        full = keras.applications.VGG19(include_top=True, weights=None)
        full.load_weights(str(path))
        for layer in convs.layers:
            if layer.weights:
                layer.set_weights(full.get_layer(layer.name).get_weights())
        del full
    convs.trainable = False
    names = VGG19_STYLE_LAYERS + VGG19_CONTENT_LAYERS
    model = keras.Model(convs.input, [convs.get_layer(n).output for n in names], name="vgg19_style")
    mean = np.array(IMAGENET_MEAN_BGR, dtype=np.float32)

    def preprocess(image):  # 'caffe': RGB -> BGR, 0-255, ImageNet mean subtracted
        return image[..., ::-1] * 255.0 - mean

    backbone = Backbone(
        name="vgg19", description="VGG19 (ImageNet weights)", model=model,
        style_layers=VGG19_STYLE_LAYERS, content_layers=VGG19_CONTENT_LAYERS,
        preprocess=preprocess, **BACKBONE_DEFAULTS["vgg19"])
    _BACKBONES[key] = backbone
    return backbone


def random_backbone(seed: int = 0) -> Backbone:
    """A fixed multi-scale network of random filters (offline, no weights needed).

    At each of four scales (full, 1/2, 1/4, 1/8 — average pooling between) a
    3×3 convolution with He-normal random filters (zero-mean per filter, so
    they respond to structure rather than brightness) and ReLU. Style: all four
    convolutions; content: the 1/4-scale one. Same seed, same network.
    """
    key = ("random", int(seed))
    if key in _BACKBONES:
        return _BACKBONES[key]
    import keras

    rng = np.random.default_rng(seed)
    inputs = keras.Input((None, None, 3))
    x = inputs
    outputs, names = [], []
    channels_in = 3
    for scale, channels in enumerate(RANDOM_CHANNELS):
        if scale:
            x = keras.layers.AveragePooling2D(2, name=f"pool{scale}")(x)
        conv = keras.layers.Conv2D(channels, RANDOM_KERNEL, padding="same", activation="relu",
                                   name=f"scale{scale}_conv")
        x = conv(x)
        fan_in = RANDOM_KERNEL * RANDOM_KERNEL * channels_in
        kernel = rng.normal(0.0, np.sqrt(2.0 / fan_in),
                            (RANDOM_KERNEL, RANDOM_KERNEL, channels_in, channels))
        kernel -= kernel.mean(axis=(0, 1, 2), keepdims=True)
        bias = rng.normal(0.0, 0.05, channels)
        conv.set_weights([kernel.astype(np.float32), bias.astype(np.float32)])
        outputs.append(x)
        names.append(conv.name)
        channels_in = channels
    model = keras.Model(inputs, outputs + [outputs[2]], name=f"random_style_{seed}")
    model.trainable = False

    def preprocess(image):  # [0, 1] -> roughly zero mean, unit spread
        return (image - 0.45) * 4.0

    backbone = Backbone(
        name="random", description=f"random multi-scale filters (seed {seed}, offline)",
        model=model, style_layers=tuple(names), content_layers=(names[2],),
        preprocess=preprocess, **BACKBONE_DEFAULTS["random"])
    _BACKBONES[key] = backbone
    return backbone


def backbone_name(prefer: Optional[str] = None) -> str:
    """Which backbone :func:`choose_backbone` would pick, without building it (cheap)."""
    if prefer == "random":
        return "random"
    if prefer == "vgg19" or vgg19_weights_path() is not None:
        return "vgg19"
    return "random"


def choose_backbone(prefer: Optional[str] = None, *, seed: int = 0) -> Backbone:
    """VGG19 when its ImageNet weights are cached, else the random backbone.

    ``prefer="random"`` forces the random one; ``prefer="vgg19"`` insists on
    VGG19 (raising when its weights are not cached). ``backbone.name`` says
    which was chosen.
    """
    if backbone_name(prefer) == "vgg19":
        return vgg19_backbone()
    return random_backbone(seed)


# ---------------------------------------------------------------------------
# the job
# ---------------------------------------------------------------------------
@dataclass
class StyleConfig:
    """Settings of a transfer. ``None`` weights mean the backbone's defaults."""

    steps: int = 200
    size: int = 256  # long side of the output, px
    style_weight: Optional[float] = None  # VGG19: 1e-2, random: RANDOM_STYLE_WEIGHT
    content_weight: Optional[float] = None  # VGG19: 1e4, random: RANDOM_CONTENT_WEIGHT
    tv_weight: Optional[float] = None  # VGG19: 2e6, random: RANDOM_TV_WEIGHT
    start: str = "content"  # "content" or "noise"
    scales: tuple[float, ...] = (0.25, 0.5, 1.0)  # coarse to fine, fractions of size
    preview_every: int = 10
    seed: int = 0
    learning_rate: Optional[float] = None  # default: the backbone's (VGG19 0.02, random 0.05)
    backbone: Optional[str] = None  # None: choose_backbone(); "vgg19" or "random"

    def resolved(self, backbone: Backbone) -> "StyleConfig":
        """A copy with the backbone's defaults filled in."""
        return replace(
            self,
            style_weight=backbone.style_weight if self.style_weight is None else self.style_weight,
            content_weight=(backbone.content_weight if self.content_weight is None
                            else self.content_weight),
            tv_weight=backbone.tv_weight if self.tv_weight is None else self.tv_weight,
            learning_rate=(backbone.learning_rate if self.learning_rate is None
                           else self.learning_rate),
            backbone=backbone.name)


@dataclass
class StyleResult:
    image: np.ndarray  # H×W×3 uint8, the content's aspect, long side = config.size
    losses: list[float] = field(default_factory=list)  # total loss after each step
    backbone: str = ""  # "vgg19" or "random"
    backbone_description: str = ""
    config: Optional[StyleConfig] = None


def output_size(shape: Sequence[int], long_side: int) -> tuple[int, int]:
    """(height, width) with the aspect of ``shape`` and ``long_side`` as its longer side."""
    height, width = int(shape[0]), int(shape[1])
    scale = long_side / max(height, width)
    return max(1, round(height * scale)), max(1, round(width * scale))


def steps_per_scale(steps: int, scales: Sequence[float]) -> list[int]:
    """Split ``steps`` over the scales, more where they are cheap (weight 1/sqrt(scale))."""
    weights = np.array([1.0 / np.sqrt(s) for s in scales])
    raw = steps * weights / weights.sum()
    counts = np.floor(raw).astype(int)
    for i in np.argsort(-(raw - counts))[: steps - counts.sum()]:
        counts[i] += 1
    if steps >= len(scales):  # every scale gets at least one step
        for i in range(len(counts)):
            while counts[i] == 0:
                counts[int(np.argmax(counts))] -= 1
                counts[i] += 1
    return [int(c) for c in counts]


def _to_float_batch(image: np.ndarray):
    import tensorflow as tf

    array = np.asarray(image)
    if array.ndim == 2:
        array = np.stack([array] * 3, axis=-1)
    if array.ndim != 3 or array.shape[2] not in (3, 4):
        raise ValueError(f"expected an H×W×3 RGB image, got shape {array.shape}")
    array = array[..., :3].astype(np.float32)
    if np.asarray(image).dtype == np.uint8 or array.max() > 1.0:
        array = array / 255.0
    return tf.constant(array[None])


def _resize(batch, size: tuple[int, int]):
    import tensorflow as tf

    return tf.clip_by_value(
        tf.image.resize(batch, size, method="bilinear", antialias=True), 0.0, 1.0)


def _to_uint8(batch) -> np.ndarray:
    return np.clip(np.rint(np.asarray(batch)[0] * 255.0), 0, 255).astype(np.uint8)


def style_transfer_job(content_uint8: np.ndarray, style_uint8: np.ndarray,
                       config: Optional[StyleConfig] = None) -> Job:
    """Paint ``content`` in the style of ``style``; a generator job (see :mod:`neurolab.core.jobs`).

    Yields :class:`Progress` (``stage`` names the scale, ``preview`` is the
    current image as uint8 at that scale's size, ``metrics`` has ``loss``,
    ``style``, ``content``, ``tv``, ``eta_seconds``) every ``preview_every`` steps and at the
    end of each scale; returns a :class:`StyleResult`. Closing the generator
    cancels between two steps; the last preview is the latest image.
    """
    import tensorflow as tf

    config = config or StyleConfig()
    if config.steps < 1 or config.size < MIN_SIDE:
        raise ValueError("style transfer needs steps >= 1 and size >= 16 px")
    if config.start not in ("content", "noise"):
        raise ValueError("start must be 'content' or 'noise'")
    yield Progress(0, config.steps, "preparing the backbone")
    backbone = choose_backbone(config.backbone, seed=config.seed)
    config = config.resolved(backbone)
    step_function = backbone.step_function
    weights = tf.constant([config.style_weight, config.content_weight, config.tv_weight,
                           config.learning_rate, backbone.adam_epsilon], tf.float32)
    content = _to_float_batch(content_uint8)
    style = _to_float_batch(style_uint8)
    final_size = output_size(content.shape[1:3], config.size)
    scales = sorted(config.scales) or [1.0]
    if scales[-1] != 1.0:
        scales.append(1.0)
    counts = steps_per_scale(config.steps, scales)
    rng = np.random.default_rng(config.seed)
    # A step costs about its pixel count: the ETA weighs the remaining steps so.
    step_costs = [scale * scale for scale, count in zip(scales, counts) for _ in range(count)]
    remaining_cost = float(sum(step_costs))
    started, spent_cost = time.perf_counter(), 0.0

    image = None
    losses: list[float] = []
    done = 0
    for scale, count in zip(scales, counts):
        if count == 0:
            continue
        long_side = max(MIN_SIDE, round(config.size * scale))
        size = tuple(max(MIN_SIDE, s) for s in output_size(content.shape[1:3], long_side))
        stage = f"styling at {size[1]}×{size[0]} px"
        content_here = _resize(content, size)
        style_here = _resize(style, output_size(style.shape[1:3], long_side))
        style_targets = backbone.style_targets(style_here)
        _, content_targets = backbone.features(content_here)
        if image is None:
            if config.start == "noise":
                noise = rng.uniform(0.0, 1.0, (1, *size, 3)).astype(np.float32)
                image = tf.constant(noise)
            else:
                image = content_here
        else:
            image = _resize(image, size)
        m = tf.zeros_like(image)
        v = tf.zeros_like(image)
        metrics = {}
        for i in range(count):
            image, m, v, parts = step_function(image, m, v, tf.constant(i + 1, tf.float32),
                                               style_targets, content_targets, weights)
            loss, s, c, tv = (float(p) for p in parts.numpy())
            losses.append(loss)
            done += 1
            spent_cost += scale * scale
            elapsed = time.perf_counter() - started
            eta = elapsed / spent_cost * (remaining_cost - spent_cost)
            metrics = {"loss": loss, "style": s, "content": c, "tv": tv, "eta_seconds": eta}
            if done % config.preview_every == 0 or i == count - 1:
                yield Progress(done, config.steps, stage, preview=_to_uint8(image),
                               metrics=dict(metrics))

    if tuple(image.shape[1:3]) != final_size:
        image = _resize(image, final_size)
    return StyleResult(image=_to_uint8(image), losses=losses, backbone=backbone.name,
                       backbone_description=backbone.description, config=config)
