"""The sliced channel objective (core/features/channel_slice.py) equals the whole layer's
channel, on every layer kind it slices, and falls back where it cannot."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.features import channel_slice, parameterization
from neurolab.core.features.network import FeatureNetwork, _before_activation
from tests.helpers import loaded_model


def _model():
    """Every sliced kind: strided and dilated convolutions, a conv without bias and a BN and a
    ReLU after it, a conv with its own ReLU, LeakyReLU, Activation layers, dense layers."""
    import keras

    rng = np.random.default_rng(1)
    image = keras.Input((20, 20, 3), name="image")
    x = keras.layers.Conv2D(6, 3, strides=2, padding="same", activation="relu", name="strided")(image)
    x = keras.layers.Conv2D(5, 3, dilation_rate=2, padding="valid", name="dilated")(x)
    x = keras.layers.LeakyReLU(negative_slope=0.2, name="leaky")(x)
    x = keras.layers.Conv2D(7, 3, padding="same", use_bias=False, name="plain")(x)
    x = keras.layers.BatchNormalization(name="bn")(x)
    x = keras.layers.ReLU(name="relu")(x)
    x = keras.layers.Activation("tanh", name="squash")(x)
    pooled = keras.layers.GlobalAveragePooling2D(name="gap")(x)
    hidden = keras.layers.Dense(4, activation="relu", name="hidden")(pooled)
    hidden = keras.layers.Activation("sigmoid", name="sig")(hidden)
    model = keras.Model(image, keras.layers.Dense(3, name="logits")(hidden))
    bn = model.get_layer("bn")
    bn.set_weights([rng.uniform(0.5, 2, 7), rng.normal(0, 1, 7), rng.normal(0, 1, 7), rng.uniform(0.5, 2, 7)])
    return loaded_model(model, name="kinds")


LAYERS = ["strided", "dilated", "leaky", "plain", "bn", "relu", "squash", "hidden", "sig", "logits"]


@pytest.fixture(scope="module")
def kinds():
    return _model()


@pytest.mark.parametrize("layer", LAYERS)
def test_the_sliced_channel_equals_the_whole_layers(kinds, layer):
    import tensorflow as tf

    sliced, whole = FeatureNetwork(kinds), FeatureNetwork(kinds)
    whole.slice_channels = False
    units = sliced.layer_units(layer)
    targets = np.arange(9, dtype=np.int32) % units
    rng = np.random.default_rng(0)
    images = tf.constant(rng.uniform(0, 255, (9, 20, 20, 3)).astype(np.float32))
    assert channel_slice.sliced_channel(sliced._sub_model((layer,)) and sliced._models[(layer,)][2], layer) \
        is not None
    with _before_activation(whole._computed_layer(layer)):
        expected = whole._layer_objective(layer)(images, targets).numpy()
    got = sliced._layer_objective(layer)(images, targets).numpy()
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)


def test_a_layer_it_cannot_slice_is_computed_whole(kinds):
    net = FeatureNetwork(kinds)
    net._sub_model(("gap",))
    assert channel_slice.sliced_channel(net._models[("gap",)][2], "gap") is None


def test_the_bundled_models_conv3_step_is_unchanged():
    """The batched ascent step (Fourier, transforms, Adam) gives the same images sliced or whole."""
    from neurolab.assets import resource_path
    from neurolab.core.models.catalog import load_model_file

    loaded = load_model_file(resource_path("models", "neurolab_shapes.keras"))
    rng = np.random.default_rng(2)
    count, size = 8, 24
    params = parameterization.initial_parameters("fourier", count, size, size, rng)
    transforms = parameterization.random_transforms(count, size, size, 4, 0.1, 10.0, rng)
    results = []
    for slice_channels in (True, False):
        net = FeatureNetwork(loaded)
        net.slice_channels = slice_channels
        step = net.ascent("fourier", "conv3")
        zeros = np.zeros_like(params)
        new = step(params, zeros, zeros, np.float32(1), np.asarray([size, size], np.int32), transforms,
                   np.arange(0, 64, 8, dtype=np.int32), np.float32(0.05))
        results.append([np.asarray(t) for t in new])
    for got, expected in zip(*results):
        np.testing.assert_allclose(got, expected, rtol=1e-3, atol=1e-4)


@pytest.mark.parametrize("which", ["edge", "red", "red nested"])
def test_hand_set_filters_grow_the_same_pictures_sliced_or_whole(which):
    """The done-when filters (an edge detector's ReLU layer, the red detector's conv with its
    own ReLU, flat and nested) go through the sliced path and grow the same pictures."""
    from neurolab.core.features.config import FeatureConfig
    from neurolab.core.features.jobs import clear_cache, features
    from neurolab.core.features.network import feature_network
    from tests.explain_models import loaded as explain_loaded
    from tests.explain_models import red_detector
    from tests.features_models import edge_loaded

    loaded, layer = {"edge": (edge_loaded, "edge_relu"),
                     "red": (lambda: explain_loaded(red_detector()), "redness"),
                     "red nested": (lambda: explain_loaded(red_detector(nested=True)), "trunk/redness")}[which]
    loaded = loaded()
    net = feature_network(loaded)
    net._sub_model((layer,))
    assert channel_slice.sliced_channel(net._models[(layer,)][2], layer) is not None
    config = FeatureConfig(size=24, steps=8, seed=5)
    pictures = []
    for slice_channels in (True, False):
        net.slice_channels = slice_channels
        clear_cache()
        pictures.append(features(loaded, layer, config=config).images.astype(int))
    net.slice_channels = True
    assert np.abs(pictures[0] - pictures[1]).max() <= 2


def test_unmoved_images_skip_the_resampling_and_equal_it():
    import tensorflow as tf

    rng = np.random.default_rng(4)
    images = tf.constant(rng.uniform(0, 255, (3, 16, 20, 3)).astype(np.float32))
    still = parameterization.random_transforms(3, 16, 20, 0, 0.0, 0.0, rng)
    resampled = tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=still, output_shape=[16, 20], fill_value=0.0, interpolation="BILINEAR",
        fill_mode="REFLECT")
    np.testing.assert_array_equal(parameterization.transformed(images, still).numpy(), resampled.numpy())
    np.testing.assert_array_equal(resampled.numpy(), images.numpy())
    moved = parameterization.random_transforms(3, 16, 20, 2, 0.1, 5.0, rng)
    assert not np.array_equal(parameterization.transformed(images, moved).numpy(), images.numpy())


@pytest.mark.parametrize("height, width", [(24, 24), (17, 30)])
def test_the_fourier_render_is_lucids_formula(height, width):
    """The folded render (scale and /4 on the real halves, one split) is the formula written out."""
    rng = np.random.default_rng(6)
    params = parameterization.initial_parameters("fourier", 2, height, width, rng) * 50
    half = params.shape[-1] // 2
    fy = np.fft.fftfreq(height)[:, None]
    fx = np.arange(half)[None, :] / width
    scale = 1.0 / np.maximum(np.sqrt(fy ** 2 + fx ** 2), 1.0 / max(height, width)) * np.sqrt(height * width)
    planes = np.fft.irfft2((params[..., :half] + 1j * params[..., half:]) * scale, s=(height, width)) / 4.0
    mixed = np.einsum("nchw,dc->nhwd", planes, parameterization.COLOUR_MIX)
    expected = 255.0 / (1.0 + np.exp(-mixed))
    got = parameterization.render("fourier", params, np.asarray([height, width], np.int32)).numpy()
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-3)
