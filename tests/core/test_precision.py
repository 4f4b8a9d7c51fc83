"""The precision setting: ``auto`` decided from the device's description, checked choices, and
the lower-precision copy of a model (made once, dropped with the model, float32 weights kept)."""

import gc

import numpy as np
import pytest

from neurolab.core import precision
from neurolab.core.cpu import cpu_flags
from neurolab.core.errors import BadInputError
from neurolab.core.precision import Device, auto_precision, resolve

SAPPHIRE_RAPIDS = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 avx512f avx512_bf16 amx_bf16 amx_tile\n"
COOPER_LAKE = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 avx512f avx512_bf16\n"
ZEN3 = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma\n"


@pytest.mark.parametrize("cpuinfo, expected", [(SAPPHIRE_RAPIDS, "bfloat16"), (COOPER_LAKE, "bfloat16"),
                                               (ZEN3, "float32"), ("", "float32")])
def test_auto_on_cpus_by_their_flags(cpuinfo, expected):
    assert resolve("auto", Device(cpu_flags(cpuinfo) or frozenset())) == expected


@pytest.mark.parametrize("capabilities, expected", [
    (((8, 0),), "float16"),  # A100
    (((7, 0),), "float16"),  # V100: the first tensor cores
    (((9, 0), (8, 6)), "float16"),
    (((6, 1),), "float32"),  # GTX 1080: no tensor cores
    (((8, 0), (6, 1)), "float32"),  # one GPU without them would hold the others back
])
def test_auto_on_gpus_by_compute_capability(capabilities, expected):
    # The GPU decides even on a CPU with bf16: TensorFlow computes on the GPU.
    assert auto_precision(Device(cpu_flags(SAPPHIRE_RAPIDS), capabilities)) == expected


def test_explicit_choices_stay_and_unknown_ones_are_a_sentence():
    for choice in ("float32", "bfloat16", "float16"):
        assert resolve(choice, Device()) == choice
    assert resolve(" BFloat16 ", Device()) == "bfloat16"
    with pytest.raises(BadInputError, match="Unknown precision 'half'; choose one of auto, float32"):
        resolve("half", Device())


def test_this_computer_is_described_once(monkeypatch):
    calls = []
    precision.describe_device.cache_clear()
    monkeypatch.setattr(precision, "_gpu_capabilities", lambda: calls.append(1) or ())
    try:
        first = precision.describe_device()
        assert precision.describe_device() is first and calls == [1]
    finally:
        precision.describe_device.cache_clear()


def test_the_setting_and_what_was_used(monkeypatch):
    monkeypatch.setattr(precision, "_setting", ["auto"])
    monkeypatch.setattr(precision, "describe_device", lambda: Device(cpu_flags(COOPER_LAKE)))
    assert precision.compute_precision() == "bfloat16"
    precision.set_precision("float32")
    assert precision.current_choice() == "float32" and precision.compute_precision() == "float32"
    precision.reset_used()
    assert precision.used() == "float32"
    precision.note_used("float32")
    precision.note_used("bfloat16")
    assert precision.used() == "bfloat16"
    precision.reset_used()


def _small_model():
    import keras

    trunk = keras.Sequential([keras.layers.Conv2D(4, 3, activation="relu", name="conv"),
                              keras.layers.BatchNormalization(name="bn")], name="trunk")
    image = keras.Input((16, 16, 3), name="pixels")
    scores = keras.layers.Dense(3, activation="softmax", name="scores")(
        keras.layers.GlobalAveragePooling2D(name="pool")(trunk(image)))
    return keras.Model(image, scores)


def test_the_copy_is_made_once_keeps_names_and_float32_weights_and_goes_with_the_model():
    model = _small_model()
    weights = [w.copy() for w in model.get_weights()]
    copy, used = precision.compute_copy(model, "bfloat16")
    assert used == "bfloat16" and copy is not model
    assert precision.compute_copy(model, "bfloat16")[0] is copy, "made once per model and precision"
    assert precision.compute_copy(model, "float32") == (model, "float32")
    assert [layer.name for layer in copy.layers] == [layer.name for layer in model.layers]
    assert copy.get_layer("trunk").get_layer("conv").dtype_policy.name == "bfloat16"
    assert all(w.dtype == np.float32 for w in model.get_weights())
    assert all(np.array_equal(a, b) for a, b in zip(weights, model.get_weights()))
    x = np.random.default_rng(0).uniform(0, 1, (2, 16, 16, 3)).astype("float32")
    exact, low = np.asarray(model(x)), np.asarray(copy(x)).astype(np.float32)
    assert np.abs(exact - low).max() < 0.02
    del model, copy
    gc.collect()
    assert not [key for key, entry in precision._COPIES.items() if entry[0]() is None], "dropped with the model"


def test_a_model_keras_cannot_copy_computes_in_float32():
    import keras

    class Custom(keras.Model):
        def call(self, x):
            return x * 2.0

    model = Custom()
    model(np.zeros((1, 4), "float32"))
    assert precision.compute_copy(model, "bfloat16") == (model, "float32")
