"""Neural style transfer (Gatys et al.) as a job: paint one image in another's style.

The image is optimised directly (Adam on its pixels, in [0, 1]) so that the
Gram matrices of a convolutional backbone's feature maps match the style
image's, its deeper features match the content image's, and its total
variation stays small. Work goes coarse to fine: cheap steps at a quarter and
half of the size find the layout, each result is upsampled as the start of
the next scale, and most steps go to the full size, where the texture's fine
detail is made (:func:`steps_per_scale`).

Backbones (:func:`choose_backbone`):

- ``"vgg19"`` — VGG19's convolutional layers with ImageNet weights, used only
  when the weights file is already cached (never downloaded here); content
  layer ``block5_conv2``, style layers ``block1_conv1`` … ``block5_conv1``;
  TensorFlow's tutorial's weights and Adam settings.
- ``"random"`` — offline, the default without VGG19: a fixed multi-scale
  network of random filters (a 5×5 convolution + ReLU at full size, 3×3 ones at
  1/2, 1/4 and 1/8, average pooling between). Random multi-scale filters carry
  texture (Ustyuzhaninov et al. 2017; He, Wang & Hopcroft 2016), so style
  transfer works without any download.
- ``"shapes"`` — offline: the convolutional layers of the bundled ``neurolab
  shapes`` classifier (``relu1`` … ``relu4``), re-applied to any size, plus the
  image's own colours as a style layer (the shapes model barely sees colour).
  :func:`model_backbone` does the same for any loaded RGB model.

The offline backbones weigh every style layer alike (each Gram term divided by
its target's mean square, see :func:`style_loss`) and use Adam with
``beta_1 = 0.9``: without the first, the deepest layer's large Gram values
drown the fine scales and the result stays blurry; with VGG19's
``beta_1 = 0.99`` the loss overshoots and oscillates for the first steps.

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

#: Channels and kernel size of the random backbone's convolution at each scale
#: (full, 1/2, 1/4, 1/8). 5×5 at full size sees strokes and lead lines that 3×3
#: misses; wider or deeper variants looked no better on the samples and cost
#: up to twice the time per step.
RANDOM_CHANNELS = (48, 96, 192, 256)
RANDOM_KERNELS = (5, 3, 3, 3)
RANDOM_CONTENT_SCALE = 2  # content from the 1/4-size convolution
MIN_SIDE = 16  # smallest side any scale is optimised at (VGG19 pools four times)
COLOUR_LAYER = "colour"  # the style layer of the image's own (centred) pixels

ADAM_BETA_1 = 0.99  # TensorFlow's tutorial's, for VGG19
ADAM_BETA_2 = 0.999
ADAM_EPSILON = 1e-1  # the TensorFlow tutorial's, for VGG19's large losses
OFFLINE_BETA_1 = 0.9  # the offline backbones': no early overshoot
OFFLINE_EPSILON = 1e-8  # their losses are O(1): 0.1 would scale every step down ~1000×

#: Which backbone runs when VGG19's weights are not cached. Chosen by eye on the
#: samples (docs/style/): the random filters carry the styles' colours and
#: textures (strokes, lead lines, waves); the shapes model's filters, trained on
#: flat drawn shapes, give noisier texture and weak colour.
DEFAULT_OFFLINE_BACKBONE = "random"
BACKBONE_NAMES = ("vgg19", "random", "shapes")

# The offline weights were chosen by eye at 256 px, 200 steps, on the flower,
# cat and temple with the three shipped styles: the style's colours and texture
# cover the picture while the subject stays readable. VGG19's are TensorFlow's
# tutorial's (its TV weight rescaled, see total_variation_loss).
RANDOM_STYLE_WEIGHT = 1.0
RANDOM_CONTENT_WEIGHT = 0.3
RANDOM_TV_WEIGHT = 1e-2
RANDOM_LEARNING_RATE = 0.02
#: Default loss weights and learning rate of each backbone.
BACKBONE_DEFAULTS = {
    "vgg19": dict(style_weight=1e-2, content_weight=1e4, tv_weight=2e6, learning_rate=0.02),
    "random": dict(style_weight=RANDOM_STYLE_WEIGHT, content_weight=RANDOM_CONTENT_WEIGHT,
                   tv_weight=RANDOM_TV_WEIGHT, learning_rate=RANDOM_LEARNING_RATE),
    # smoother than the random one's: its filters hardly see pixel-level colour noise
    "shapes": dict(style_weight=1.0, content_weight=0.3, tv_weight=5e-2, learning_rate=0.02),
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


def style_loss(style_outputs: Sequence[Any], style_targets: Sequence[Any], *,
               normalize: bool = False):
    """Mean over layers of the mean squared difference of Gram matrices.

    ``style_outputs`` are feature maps; ``style_targets`` are the style image's
    Gram matrices (from :func:`gram_matrix`). With ``normalize`` each layer's
    term is divided by the mean square of its target Gram matrix (a relative
    error), so every layer counts alike however large its activations are.
    """
    import tensorflow as tf

    terms = []
    for output, target in zip(style_outputs, style_targets):
        target = tf.cast(target, tf.float32)
        term = tf.reduce_mean(tf.square(gram_matrix(output) - target))
        if normalize:
            term = term / (tf.reduce_mean(tf.square(target)) + 1e-12)
        terms.append(term)
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
    """A feature network: image in [0, 1] -> (style feature maps, content feature maps).

    ``model``'s outputs are its style layers' maps, then its content layers';
    with ``colour_layer`` the image's own centred pixels come first among the
    style maps (``style_layers[0] == "colour"``, not a model output).
    """

    name: str  # "vgg19", "random" or "shapes"
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
    adam_beta_1: float = ADAM_BETA_1
    normalize_style: bool = False  # each style term relative to its target (see style_loss)
    colour_layer: bool = False  # the image's centred RGB as an extra style layer
    features: Any = None  # tf.function [1, None, None, 3] -> (style list, content list)
    _step: Any = None

    def __post_init__(self) -> None:
        import tensorflow as tf

        image = tf.TensorSpec([1, None, None, 3], tf.float32)
        self.features = tf.function(self._features_graph, input_signature=[image])

    @property
    def style_channels(self) -> list[int]:
        """Channels of each style layer, in order (the sizes of the Gram matrices)."""
        model_style = len(self.style_layers) - int(self.colour_layer)
        channels = [int(out.shape[-1]) for out in self.model.outputs[:model_style]]
        return [3] * int(self.colour_layer) + channels

    def _features_graph(self, image):
        outputs = self.model(self.preprocess(image), training=False)
        if not isinstance(outputs, (list, tuple)):
            outputs = [outputs]
        n = len(self.style_layers) - int(self.colour_layer)
        style = list(outputs[:n])
        if self.colour_layer:
            style = [image - 0.5] + style
        return style, list(outputs[n:])

    def style_targets(self, image):
        """The Gram matrices of a [1, h, w, 3] image in [0, 1]."""
        style, _ = self.features(image)
        return [gram_matrix(s) for s in style]

    def loss_parts(self, x, style_targets, content_targets):
        """``(style, content, tv)`` losses of image ``x`` (unweighted; traced, not eager)."""
        style_out, content_out = self._features_graph(x)
        return (style_loss(style_out, style_targets, normalize=self.normalize_style),
                content_loss(content_out, content_targets), total_variation_loss(x))

    @property
    def step_function(self):
        """One Adam step on the image, traced once for every size (built on first use).

        ``step(x, m, v, t, style_targets, content_targets, weights)`` with
        ``weights = [style, content, tv, learning rate, Adam epsilon, Adam beta_1]``
        -> ``(x, m, v, [loss, style, content, tv])``; the losses are those of
        the image before the step.
        """
        if self._step is None:
            self._step = _build_step(self)
        return self._step

    def step_weights(self, config: "StyleConfig"):
        """The ``weights`` tensor of :attr:`step_function` for a resolved config."""
        import tensorflow as tf

        return tf.constant([config.style_weight, config.content_weight, config.tv_weight,
                            config.learning_rate, self.adam_epsilon, self.adam_beta_1], tf.float32)


def _build_step(backbone: Backbone):
    import tensorflow as tf

    image = tf.TensorSpec([1, None, None, 3], tf.float32)
    scalar = tf.TensorSpec([], tf.float32)
    style_specs = [tf.TensorSpec([1, c, c], tf.float32) for c in backbone.style_channels]
    content_specs = [tf.TensorSpec([1, None, None, int(out.shape[-1])], tf.float32)
                     for out in backbone.model.outputs[len(backbone.style_channels)
                                                       - int(backbone.colour_layer):]]

    def step(x, m, v, t, style_targets, content_targets, weights):
        style_weight, content_weight, tv_weight, lr, epsilon, beta_1 = tf.unstack(weights)
        with tf.GradientTape() as tape:
            tape.watch(x)
            s, c, tv = backbone.loss_parts(x, style_targets, content_targets)
            loss = style_weight * s + content_weight * c + tv_weight * tv
        g = tape.gradient(loss, x)
        m = beta_1 * m + (1.0 - beta_1) * g
        v = ADAM_BETA_2 * v + (1.0 - ADAM_BETA_2) * tf.square(g)
        m_hat = m / (1.0 - tf.pow(beta_1, t))
        v_hat = v / (1.0 - tf.pow(ADAM_BETA_2, t))
        x = tf.clip_by_value(x - lr * m_hat / (tf.sqrt(v_hat) + epsilon), 0.0, 1.0)
        return x, m, v, tf.stack([loss, s, c, tv])

    function = tf.function(step, input_signature=[
        image, image, image, scalar, style_specs, content_specs, tf.TensorSpec([6], tf.float32)])
    return function


_BACKBONES: dict[tuple, Backbone] = {}


def vgg19_weights_path():
    """The cached VGG19 ImageNet weights (no-top file preferred), or ``None``."""
    from neurolab.core.models.weights import find_weights, search_dirs

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
    backbone = vgg19_backbone_from(convs)
    _BACKBONES[key] = backbone
    return backbone


def vgg19_backbone_from(convs, description: str = "VGG19 (ImageNet weights)") -> Backbone:
    """The VGG19 backbone around a built ``VGG19(include_top=False)`` (whatever its weights).

    The benchmark uses it with ``weights=None``: the same work per step.
    """
    import keras

    convs.trainable = False
    names = VGG19_STYLE_LAYERS + VGG19_CONTENT_LAYERS
    model = keras.Model(convs.input, [convs.get_layer(n).output for n in names], name="vgg19_style")
    mean = np.array(IMAGENET_MEAN_BGR, dtype=np.float32)

    def preprocess(image):  # 'caffe': RGB -> BGR, 0-255, ImageNet mean subtracted
        return image[..., ::-1] * 255.0 - mean

    return Backbone(
        name="vgg19", description=description, model=model,
        style_layers=VGG19_STYLE_LAYERS, content_layers=VGG19_CONTENT_LAYERS,
        preprocess=preprocess, **BACKBONE_DEFAULTS["vgg19"])


def random_backbone(seed: int = 0) -> Backbone:
    """A fixed multi-scale network of random filters (offline, no weights needed).

    At each of four scales (full, 1/2, 1/4, 1/8 — average pooling between) one
    convolution (:data:`RANDOM_KERNELS`, :data:`RANDOM_CHANNELS`) with
    He-normal random filters (zero-mean per filter, so they respond to
    structure and colour rather than brightness) and ReLU. Style: all four
    convolutions, each weighing alike; content: the 1/4-scale one. Same seed,
    same network.
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
    for scale, (channels, size) in enumerate(zip(RANDOM_CHANNELS, RANDOM_KERNELS)):
        if scale:
            x = keras.layers.AveragePooling2D(2, name=f"pool{scale}")(x)
        conv = keras.layers.Conv2D(channels, size, padding="same", activation="relu",
                                   name=f"scale{scale}_conv")
        x = conv(x)
        fan_in = size * size * channels_in
        kernel = rng.normal(0.0, np.sqrt(2.0 / fan_in), (size, size, channels_in, channels))
        kernel -= kernel.mean(axis=(0, 1, 2), keepdims=True)
        bias = rng.normal(0.0, 0.05, channels)
        conv.set_weights([kernel.astype(np.float32), bias.astype(np.float32)])
        outputs.append(x)
        names.append(conv.name)
        channels_in = channels
    content = RANDOM_CONTENT_SCALE
    model = keras.Model(inputs, outputs + [outputs[content]], name=f"random_style_{seed}")
    model.trainable = False

    def preprocess(image):  # [0, 1] -> roughly zero mean, unit spread
        return (image - 0.45) * 4.0

    backbone = Backbone(
        name="random", description=f"random multi-scale filters (seed {seed}, offline)",
        model=model, style_layers=tuple(names), content_layers=(names[content],),
        preprocess=preprocess, adam_epsilon=OFFLINE_EPSILON, adam_beta_1=OFFLINE_BETA_1,
        normalize_style=True, **BACKBONE_DEFAULTS["random"])
    _BACKBONES[key] = backbone
    return backbone


def style_layer_picks(loaded) -> list[str]:
    """The last layer at each spatial size among ``loaded``'s any-size layers.

    The model is traced at its input size to see where the resolution drops;
    only 4-D outputs that also follow a ``(None, None, 3)`` input count (for
    the bundled shapes model: ``relu1``, ``relu2``, ``relu3``, ``relu4``).
    """
    import keras

    from neurolab.core.inspection.activations import trace_layers

    height, width, channels = loaded.input_shape
    native = trace_layers(loaded.model, keras.Input((height, width, channels)))
    flexible = trace_layers(loaded.model, keras.Input((None, None, channels)))
    picks: dict[tuple, str] = {}
    for key, tensor in native.outputs.items():
        shape = tuple(getattr(tensor, "shape", ()))
        if len(shape) != 4 or key not in flexible.outputs or shape[-1] == channels:
            continue  # not a feature map, only at the native size, or the input itself
        picks[shape[1:3]] = key  # graph order: the last one at a size wins
    return list(picks.values())


def model_backbone(loaded, *, name: str = "model", description: str = "",
                   defaults: Optional[dict] = None) -> Backbone:
    """The convolutional layers of a loaded RGB classifier as a backbone, at any size.

    The model's own layer objects are re-applied to a ``(None, None, 3)``
    input (as :mod:`neurolab.core.inspection.activations` does). Style: the image's
    centred colours, then the last layer at each spatial resolution
    (:func:`style_layer_picks`); content: the second deepest of those. Loss
    weights: ``defaults``, else ``BACKBONE_DEFAULTS[name]``, else the shapes model's.
    """
    import keras

    from neurolab.core.inspection.activations import trace_layers

    if loaded.channels != 3:
        raise ValueError(f"{loaded.display_name} takes {loaded.channels}-channel images; style "
                         "transfer needs an RGB model")
    names = style_layer_picks(loaded)
    if len(names) < 2:
        raise ValueError(f"{loaded.display_name} has too few convolutional stages for style "
                         "transfer")
    graph = trace_layers(loaded.model, keras.Input((None, None, 3)))
    content = names[-2]
    model = keras.Model(graph.input, [graph.outputs[n] for n in names] + [graph.outputs[content]],
                        name=f"{name}_style")
    model.trainable = False
    model_preprocess = loaded.preprocess

    def preprocess(image):  # [0, 1] -> the model's 0-255 pixels -> its own preprocessing
        return model_preprocess(image * 255.0)

    if defaults is None:
        defaults = BACKBONE_DEFAULTS.get(name, BACKBONE_DEFAULTS["shapes"])
    return Backbone(
        name=name, description=description or f"{loaded.display_name}'s convolutional layers",
        model=model, style_layers=(COLOUR_LAYER, *names), content_layers=(content,),
        preprocess=preprocess, adam_epsilon=OFFLINE_EPSILON, adam_beta_1=OFFLINE_BETA_1,
        normalize_style=True, colour_layer=True, **defaults)


def shapes_backbone() -> Backbone:
    """:func:`model_backbone` of the bundled ``neurolab shapes`` model (offline, shipped)."""
    key = ("shapes",)
    if key in _BACKBONES:
        return _BACKBONES[key]
    from neurolab.core.models.catalog import load_model

    backbone = model_backbone(
        load_model("shapes", allow_download=False), name="shapes",
        description="the bundled shapes model's convolutional layers (offline)")
    _BACKBONES[key] = backbone
    return backbone


def backbone_name(prefer: Optional[str] = None) -> str:
    """Which backbone :func:`choose_backbone` would pick, without building it (cheap)."""
    if prefer is not None and prefer not in BACKBONE_NAMES:
        raise ValueError(f"unknown style backbone '{prefer}' (one of {', '.join(BACKBONE_NAMES)})")
    if prefer in ("random", "shapes"):
        return prefer
    if prefer == "vgg19" or vgg19_weights_path() is not None:
        return "vgg19"
    return DEFAULT_OFFLINE_BACKBONE


def choose_backbone(prefer: Optional[str] = None, *, seed: int = 0) -> Backbone:
    """VGG19 when its ImageNet weights are cached, else :data:`DEFAULT_OFFLINE_BACKBONE`.

    ``prefer="random"`` or ``"shapes"`` forces that offline backbone;
    ``prefer="vgg19"`` insists on VGG19 (raising when its weights are not
    cached). ``backbone.name`` says which was chosen; ``seed`` picks the random
    backbone's filters.
    """
    name = backbone_name(prefer)
    if name == "vgg19":
        return vgg19_backbone()
    if name == "shapes":
        return shapes_backbone()
    return random_backbone(seed)


# ---------------------------------------------------------------------------
# the job
# ---------------------------------------------------------------------------
@dataclass
class StyleConfig:
    """Settings of a transfer. ``None`` weights mean the backbone's defaults."""

    steps: int = 200
    size: int = 256  # long side of the output, px
    style_weight: Optional[float] = None  # see BACKBONE_DEFAULTS (VGG19: 1e-2, random: 1)
    content_weight: Optional[float] = None  # VGG19: 1e4, random: 0.3
    tv_weight: Optional[float] = None  # VGG19: 2e6, random: 1e-2
    start: str = "content"  # "content" or "noise"
    scales: tuple[float, ...] = (0.25, 0.5, 1.0)  # coarse to fine, fractions of size
    preview_every: int = 10
    seed: int = 0
    learning_rate: Optional[float] = None  # default: the backbone's (0.02 for all three)
    backbone: Optional[str] = None  # None: choose_backbone(); "vgg19", "random" or "shapes"
    #: Steps at each scale (coarse to fine, the full size last), instead of
    #: splitting ``steps`` by :func:`steps_per_scale`; then ``steps`` is their sum.
    scale_steps: Optional[tuple[int, ...]] = None

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
    backbone: str = ""  # "vgg19", "random" or "shapes"
    backbone_description: str = ""
    config: Optional[StyleConfig] = None
    #: (first step, width, height) of each scale: the loss jumps up at each of these steps,
    #: since the image is upsampled and the loss is measured at the new size
    scale_starts: list[tuple[int, int, int]] = field(default_factory=list)


def output_size(shape: Sequence[int], long_side: int) -> tuple[int, int]:
    """(height, width) with the aspect of ``shape`` and ``long_side`` as its longer side."""
    height, width = int(shape[0]), int(shape[1])
    scale = long_side / max(height, width)
    return max(1, round(height * scale)), max(1, round(width * scale))


def steps_per_scale(steps: int, scales: Sequence[float]) -> list[int]:
    """Split ``steps`` over the scales, most at full size (weight sqrt(scale)).

    For the default (1/4, 1/2, 1): 200 steps -> 45, 64, 91. The coarse scales
    only lay out colours and large shapes, which a few dozen cheap steps do;
    the texture's fine detail (strokes, lead lines) is made at full size, and
    the upsampled coarse result is blurry until enough steps there sharpen it.
    """
    weights = np.sqrt(np.array(scales, dtype=float))
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


class StepClock:
    """Seconds left, from measured seconds per step at each scale.

    What is not counted: the first step of a run (it traces the step function, seconds on
    a CPU) and the first step at each size (TensorFlow sets up kernels for a new shape).
    A scale not yet reached is estimated from a line ``a + b × pixels`` through the scales
    measured so far and a probe step at the full size taken before the run (one step's
    extra work), so the estimate neither counts tracing nor assumes that a step's cost is
    its pixel count (small images cost mostly overhead).
    """

    def __init__(self, pixels: Sequence[int], counts: Sequence[int]):
        self.pixels = [float(p) for p in pixels]
        self.counts = list(counts)
        self.times: dict[int, list[float]] = {}

    def probe(self, index: int, step: Callable[[], float]) -> None:
        """Time ``step`` at scale ``index`` after one untimed (tracing) call."""
        step()
        self.times.setdefault(index, []).append(step())

    def record(self, index: int, seconds: float, *, first: bool = False) -> None:
        if not first:
            self.times.setdefault(index, []).append(seconds)

    def per_step(self, index: int) -> Optional[float]:
        """Seconds per step at scale ``index``: measured, else from the fitted line."""
        measured = self.times.get(index)
        if measured:
            recent = measured[-20:]  # the machine's load changes during a run
            return float(np.median(recent))
        points = [(self.pixels[i], float(np.median(t[-20:]))) for i, t in self.times.items() if t]
        if not points:
            return None
        if len({p for p, _ in points}) == 1:
            pixels, seconds = points[0]
            return seconds * min(1.0, self.pixels[index] / pixels) if pixels else seconds
        slope, intercept = np.polyfit([p for p, _ in points], [t for _, t in points], 1)
        slope = max(0.0, float(slope))
        intercept = max(0.0, float(intercept))
        return intercept + slope * self.pixels[index]

    def remaining(self, index: int, done_here: int) -> Optional[float]:
        """Seconds left after ``done_here`` steps of scale ``index``; None before any timing."""
        total = 0.0
        for i in range(index, len(self.counts)):
            left = self.counts[i] - (done_here if i == index else 0)
            if left <= 0:
                continue
            per_step = self.per_step(i)
            if per_step is None:
                return None
            total += left * per_step
        return total


def _probe_step(step_function, image, style_targets, content_targets, weights) -> float:
    """Seconds of one step on a throw-away image (the ETA's full-size measurement)."""
    import tensorflow as tf

    zeros = tf.zeros_like(image)
    began = time.perf_counter()
    *_, parts = step_function(image, zeros, zeros, tf.constant(1.0), style_targets,
                              content_targets, weights)
    parts.numpy()
    return time.perf_counter() - began


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
    scales = sorted(config.scales) or [1.0]
    if scales[-1] != 1.0:
        scales.append(1.0)
    if config.scale_steps is None:
        counts = steps_per_scale(config.steps, scales)
    else:
        counts = [int(c) for c in config.scale_steps]
        if len(counts) != len(scales) or min(counts) < 0 or sum(counts) < 1:
            raise ValueError(f"scale_steps needs one count >= 0 for each of the {len(scales)} "
                             "scales (the full size last)")
        config = replace(config, steps=sum(counts))
    if config.steps < 1 or config.size < MIN_SIDE:
        raise ValueError("style transfer needs steps >= 1 and size >= 16 px")
    if config.start not in ("content", "noise"):
        raise ValueError("start must be 'content' or 'noise'")
    yield Progress(0, config.steps, "preparing the backbone")
    backbone = choose_backbone(config.backbone, seed=config.seed)
    config = config.resolved(backbone)
    step_function = backbone.step_function
    weights = backbone.step_weights(config)
    content = _to_float_batch(content_uint8)
    style = _to_float_batch(style_uint8)
    final_size = output_size(content.shape[1:3], config.size)
    rng = np.random.default_rng(config.seed)
    sizes = [tuple(max(MIN_SIDE, s) for s in output_size(
        content.shape[1:3], max(MIN_SIDE, round(config.size * scale)))) for scale in scales]
    targets: dict[tuple[int, int], tuple[Any, Any]] = {}

    def targets_at(size):
        """Style and content targets at one size (the probe's are reused by the last scale)."""
        if size not in targets:
            long_side = max(size)
            style_here = _resize(style, output_size(style.shape[1:3], long_side))
            _, content_targets = backbone.features(_resize(content, size))
            targets[size] = (backbone.style_targets(style_here), content_targets)
        return targets[size]

    clock = StepClock([h * w for h, w in sizes], counts)
    clock.probe(len(scales) - 1, lambda: _probe_step(step_function, _resize(content, sizes[-1]),
                                                     *targets_at(sizes[-1]), weights))

    image = None
    losses: list[float] = []
    scale_starts: list[tuple[int, int, int]] = []
    done = 0
    for index, (size, count) in enumerate(zip(sizes, counts)):
        if count == 0:
            continue
        stage = f"styling at {size[1]}×{size[0]} px"
        content_here = _resize(content, size)
        style_targets, content_targets = targets_at(size)
        if image is None:
            if config.start == "noise":
                noise = rng.uniform(0.0, 1.0, (1, *size, 3)).astype(np.float32)
                image = tf.constant(noise)
            else:
                image = content_here
        else:
            image = _resize(image, size)
        scale_starts.append((done + 1, size[1], size[0]))
        m = tf.zeros_like(image)  # Adam starts afresh at each scale (carrying its
        v = tf.zeros_like(image)  # moments over, upsampled, converged slower)
        metrics = {}
        for i in range(count):
            began = time.perf_counter()
            image, m, v, parts = step_function(image, m, v, tf.constant(i + 1, tf.float32),
                                               style_targets, content_targets, weights)
            loss, s, c, tv = (float(p) for p in parts.numpy())
            clock.record(index, time.perf_counter() - began, first=i == 0)
            losses.append(loss)
            done += 1
            metrics = {"loss": loss, "style": s, "content": c, "tv": tv,
                       "scale_start": float(scale_starts[-1][0]), "width": float(size[1]),
                       "height": float(size[0])}
            eta = clock.remaining(index, i + 1)
            if eta is not None:
                metrics["eta_seconds"] = eta
            if done % config.preview_every == 0 or i == count - 1:
                yield Progress(done, config.steps, stage, preview=_to_uint8(image),
                               metrics=dict(metrics))

    if tuple(image.shape[1:3]) != final_size:
        image = _resize(image, final_size)
    return StyleResult(image=_to_uint8(image), losses=losses, backbone=backbone.name,
                       backbone_description=backbone.description, config=config,
                       scale_starts=scale_starts)
