"""The feature networks of style transfer, their loss weights, and the traced Adam step.

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
its target's mean square, see :func:`~neurolab.core.style.losses.style_loss`) and
use Adam with ``beta_1 = 0.9``: without the first, the deepest layer's large
Gram values drown the fine scales and the result stays blurry; with VGG19's
``beta_1 = 0.99`` the loss overshoots and oscillates for the first steps.

Everything that runs per step is one ``tf.function`` whose image signature is
``[1, None, None, 3]`` (:attr:`Backbone.step_function`), so every scale and
output size share a single trace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

import numpy as np

from neurolab.core.phrases import Phrase
from neurolab.core.style.losses import content_loss, gram_matrix, style_loss, total_variation_loss

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


@dataclass
class Backbone:
    """A feature network: image in [0, 1] -> (style feature maps, content feature maps).

    ``model``'s outputs are its style layers' maps, then its content layers';
    with ``colour_layer`` the image's own centred pixels come first among the
    style maps (``style_layers[0] == "colour"``, not a model output).
    """

    name: str  # "vgg19", "random" or "shapes"
    description: str  # a Phrase
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
    precision: str = "float32"  # what ``model`` computes in (core.precision); its maps come out float32
    _at: Any = None  # precision -> this backbone computing in it (at_precision)

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

    def at_precision(self, precision: str) -> "Backbone":
        """This backbone computing in ``precision``: the network's lower-precision copy
        (:func:`core.precision.compute_copy`, made once), its own traced functions; the feature
        maps come out as float32, so Gram matrices and losses stay float32. Kept per precision."""
        from dataclasses import replace

        from neurolab.core.precision import compute_copy, note_used

        if self._at is None:
            self._at = {"float32": self}
        if precision not in self._at:
            model, used = compute_copy(self.model, precision)
            self._at[precision] = self if used == "float32" else replace(
                self, model=model, precision=used, features=None, _step=None, _at=self._at)
        note_used(self._at[precision].precision)
        return self._at[precision]

    def _features_graph(self, image):
        import tensorflow as tf

        outputs = self.model(self.preprocess(image), training=False)
        if not isinstance(outputs, (list, tuple)):
            outputs = [outputs]
        if self.precision != "float32":
            outputs = [tf.cast(out, tf.float32) for out in outputs]
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

    def step_weights(self, config):
        """The ``weights`` tensor of :attr:`step_function` for a resolved config.

        ``config``: a :class:`~neurolab.core.style.transfer.StyleConfig` after its
        ``resolved(backbone)`` (no weight left None); named only in words, since
        the transfer module builds on this one.
        """
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
        raise WeightsUnavailableError(Phrase("The VGG19 ImageNet weights are not cached; fetch them with "
                                             "'neurolab models fetch vgg19'."))
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


def vgg19_backbone_from(convs, description: str = Phrase("VGG19 (ImageNet weights)")) -> Backbone:
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
        name="random", description=Phrase("random multi-scale filters (seed {0}, offline)", (seed,)),
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
        name=name, description=description or Phrase("{0}'s convolutional layers", (loaded.display_name,)),
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
        description=Phrase("the bundled shapes model's convolutional layers (offline)"))
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
