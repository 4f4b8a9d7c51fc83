"""The precision neurolab computes in: float32, or bfloat16/float16 where the hardware is built for it.

A CPU with ``avx512_bf16`` or ``amx_bf16`` runs bfloat16 convolutions about twice as fast
as float32 (issue #20: VGG16's convolutions at 1024×768, 2.1×, at 1.3 % error); a GPU with
tensor cores (compute capability ≥ 7.0) does the same with float16. Anywhere else a lower
precision only converts back and forth, so ``auto`` (the default) picks float32 there. The
device is described once (:func:`describe_device`, cached) and :func:`resolve` decides from
that description, so tests decide on fake CPU flags and GPUs.

The setting is process-wide (:func:`set_precision`: the window's menu, ``--precision``):
every job reads :func:`compute_precision` when it prepares its model, so a changed setting
applies from the next job on. Models are prepared in a few places only (the activation
extractor, ``GradientModel`` — which attacks, explanations, class images use —, the style
backbones, the GAN's and the Train tab's networks); each asks :func:`compute_copy` for the
model at the precision (the same model in float32) or builds its networks under
:func:`dtype_policy`. Verdicts (class probabilities, "the network now says", SSIM/PSNR, an
attack's success on the saved PNG) stay on the float32 model.

:func:`note_used` records what a computation really ran in (a model Keras cannot copy runs in
float32), so a result's JSON says it (:func:`used`; the window's job thread gives each job its own
record, :func:`recording`). A network trained under a mixed policy is saved and judged as
:func:`float32_model`: plain float32 layers holding its float32 variables.
"""

from __future__ import annotations

import threading
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from neurolab.core.errors import BadInputError
from neurolab.core.phrases import Phrase

FLOAT32, BFLOAT16, FLOAT16 = "float32", "bfloat16", "float16"
AUTO = "auto"
#: The setting's choices, in the menu's order (the CLI's ``--precision`` and the settings key).
CHOICES = (AUTO, FLOAT32, BFLOAT16, FLOAT16)
#: CPU flags of hardware bfloat16 arithmetic (Intel Cooper Lake / Sapphire Rapids, AMD Zen 4).
BF16_CPU_FLAGS = ("avx512_bf16", "amx_bf16")
#: Tensor cores: NVIDIA Volta (7.0) and later.
TENSOR_CORE_CAPABILITY = (7, 0)


@dataclass(frozen=True)
class Device:
    """What ``auto`` decides by: the CPU's flags and each GPU's compute capability."""

    cpu_flags: frozenset = frozenset()
    gpu_capabilities: tuple = ()  # ((major, minor), ...), one per GPU; () without a GPU


def auto_precision(device: Device) -> str:
    """float16 on tensor-core GPUs, bfloat16 on CPUs with bf16 instructions, else float32."""
    if device.gpu_capabilities:  # TensorFlow computes on the GPU when there is one
        usable = all(tuple(c) >= TENSOR_CORE_CAPABILITY for c in device.gpu_capabilities)
        return FLOAT16 if usable else FLOAT32
    if any(flag in device.cpu_flags for flag in BF16_CPU_FLAGS):
        return BFLOAT16
    return FLOAT32


def check_choice(choice: str) -> str:
    """``choice`` in lower case when it is one of :data:`CHOICES`, else a sentence."""
    text = str(choice).strip().lower()
    if text not in CHOICES:
        raise BadInputError(Phrase("Unknown precision {0}; choose one of {1}.",
                                   (f"'{choice}'", ", ".join(CHOICES))))
    return text


def resolve(choice: str, device: Optional[Device] = None) -> str:
    """The precision ``choice`` means on ``device`` (default: this computer's, described once)."""
    choice = check_choice(choice)
    if choice != AUTO:
        return choice
    return auto_precision(device if device is not None else describe_device())


@lru_cache(maxsize=1)
def describe_device() -> Device:
    """This computer's CPU flags and GPUs' compute capabilities (asked once: imports TensorFlow)."""
    from neurolab.core.cpu import this_cpu_flags

    return Device(this_cpu_flags(), _gpu_capabilities())


def _gpu_capabilities() -> tuple:
    import tensorflow as tf

    capabilities = []
    for gpu in tf.config.list_physical_devices("GPU"):
        try:
            details = tf.config.experimental.get_device_details(gpu)
        except (ValueError, RuntimeError):
            details = {}
        capabilities.append(tuple(details.get("compute_capability") or (0, 0)))
    return tuple(capabilities)


# --- the process-wide setting ---------------------------------------------------------
_setting = [AUTO]


def set_precision(choice: str) -> str:
    """Make ``choice`` the setting (the window's menu, ``--precision``); returns it checked."""
    _setting[0] = check_choice(choice)
    return _setting[0]


def current_choice() -> str:
    """The setting as chosen (``auto`` included)."""
    return _setting[0]


def compute_precision() -> str:
    """The precision jobs compute in now: the setting, ``auto`` resolved for this computer."""
    return resolve(_setting[0])


def short_name(precision: str) -> str:
    """How the status bar and the CLI name it: fp32, bf16, fp16."""
    return {FLOAT32: "fp32", BFLOAT16: "bf16", FLOAT16: "fp16"}.get(precision, precision)


# --- what was used --------------------------------------------------------------------
_used: list[str] = []  # the record of a thread without its own (the CLI: one verb per process)
_records = threading.local()  # a job's own record while the window's job thread runs a step of it


def _record() -> list[str]:
    own = getattr(_records, "used", None)
    return own if own is not None else _used


def reset_used() -> None:
    """Forget what earlier computations ran in (a verb's start)."""
    _record().clear()


def note_used(precision: str) -> str:
    """Record that a computation ran in ``precision``; returns it."""
    record = _record()
    if precision not in record:
        record.append(precision)
    return precision


def lowest(precisions) -> str:
    """The lowest precision of ``precisions``, float32 when none is lower (verdicts are float32)."""
    lower = [p for p in precisions if p != FLOAT32]
    return lower[0] if lower else FLOAT32


def used() -> str:
    """What the computations since :func:`reset_used` ran in: the lowest precision used, or
    float32 when none used another (verdicts are float32 anyway)."""
    return lowest(_record())


@contextmanager
def recording(record: list):
    """Computations in the block (on this thread) are noted in ``record``: the window's job thread
    gives each job its own, so a tab's saved JSON says what its job ran in even when another
    job ran between two of its steps (:class:`neurolab.gui.worker.JobHandle`'s ``precision``)."""
    before = getattr(_records, "used", None)
    _records.used = record
    try:
        yield record
    finally:
        _records.used = before


# --- Keras ------------------------------------------------------------------------------
def dtype_policy(precision: str, *, training: bool = False) -> str:
    """The Keras dtype policy of a network built to compute in ``precision``.

    Training keeps float32 variables (``mixed_*``: the updates are too small for 8 bits of
    mantissa); an image optimised through a fixed network needs none, so its weights are
    stored in the lower precision too (half the memory, no cast of each weight per call).
    """
    if precision == FLOAT32:
        return FLOAT32
    return f"mixed_{precision}" if training else precision


@contextmanager
def building_in(precision: str, *, training: bool = True):
    """Networks built inside the block compute in ``precision`` (:func:`dtype_policy`): Keras's
    global dtype policy, which is per thread, set for the block and put back after it."""
    import keras

    before = keras.config.dtype_policy()
    keras.config.set_dtype_policy(dtype_policy(precision, training=training))
    try:
        yield
    finally:
        keras.config.set_dtype_policy(before)


def needs_loss_scaling(precision: str) -> bool:
    """float16's 5 exponent bits underflow small gradients; bfloat16 has float32's range."""
    return precision == FLOAT16


#: id(model) -> (weak reference to the model, {precision: copy}, the precisions Keras could
#: not copy to). An entry goes with its model (weakref.finalize), so a copy never outlives it.
_COPIES: dict[int, tuple[Any, dict, set]] = {}
_COPIES_LOCK = threading.Lock()


def compute_copy(model, precision: Optional[str] = None):
    """``(model to compute with, the precision it computes in)``.

    float32: ``model`` itself. Otherwise a copy of ``model`` whose layers compute in
    ``precision`` (:func:`dtype_policy`, weights copied once), made once per model and
    precision and dropped with ``model``; ``model`` keeps its float32 weights. A model
    Keras cannot copy (a subclassed one) is used as it is, in float32. The copy's layers
    have the model's names, so a layer key (``parent/name``) finds the same layer in both.
    """
    precision = precision or compute_precision()
    if precision == FLOAT32:
        return model, FLOAT32
    with _COPIES_LOCK:
        entry = _COPIES.get(id(model))
        if entry is None or entry[0]() is not model:
            entry = (weakref.ref(model), {}, set())
            _COPIES[id(model)] = entry
            weakref.finalize(model, _forget, id(model), entry[0])
        copies, failed = entry[1], entry[2]
        if precision in failed:
            return model, FLOAT32
        if precision not in copies:
            try:
                copies[precision] = _copy_at(model, dtype_policy(precision))
            except Exception:  # noqa: BLE001 - any model Keras cannot clone computes in float32
                failed.add(precision)
                return model, FLOAT32
        return copies[precision], precision


def _forget(key: int, reference) -> None:
    entry = _COPIES.get(key)
    if entry is not None and entry[0] is reference:
        del _COPIES[key]


def copies_of(model) -> dict:
    """The lower-precision copies kept for ``model`` (precision -> copy), for tests."""
    entry = _COPIES.get(id(model))
    return dict(entry[1]) if entry and entry[0]() is model else {}


def float32_model(model):
    """``model`` itself when every layer computes in float32, else a clone of it (nested models
    too, the same layer names) whose layers are all plain float32, with its weights.

    A network trained under a ``mixed_*`` policy keeps float32 variables, so nothing is lost:
    this is what a trained classifier is saved as (a file any tool opens, no mixed policies in
    it) and what its verdicts are computed with (the evaluation, "classify")."""
    if all(_layer_policy(layer) == FLOAT32 for layer in layers_within(model)):
        return model
    return _copy_at(model, FLOAT32, keep_float32=False)


def layers_within(model) -> list:
    """Every layer of ``model``, those of nested models too (depth first, a nested model
    before its layers)."""
    found = []
    for layer in model.layers:
        found.append(layer)
        if hasattr(layer, "layers"):
            found.extend(layers_within(layer))
    return found


def _layer_policy(layer) -> str:
    policy = getattr(layer, "dtype_policy", None)
    return getattr(policy, "name", FLOAT32) if policy is not None else FLOAT32


def _copy_at(model, policy: str, *, keep_float32: bool = True):
    """A clone of ``model`` (nested models too) with every layer under ``policy``, its weights
    (``keep_float32``: a softmax and its logits layer stay float32, :func:`_float32_layers`)."""
    import keras

    exact = _float32_layers(model) if keep_float32 else set()

    def clone_layer(layer):
        config = layer.get_config()
        if "dtype" in config and id(layer) not in exact:
            config["dtype"] = policy
        return layer.__class__.from_config(config)

    inputs = None
    if not isinstance(model, keras.Sequential):  # the inputs keep their layers' names (layer keys)
        inputs = [keras.Input(batch_shape=x.shape, dtype=x.dtype, name=x._keras_history.operation.name)
                  for x in model.inputs]
        inputs = inputs[0] if len(inputs) == 1 and not isinstance(model.input, (list, tuple)) else inputs
    copy = keras.models.clone_model(model, input_tensors=inputs, clone_function=clone_layer, recursive=True)
    copy.set_weights(model.get_weights())
    return copy


def _float32_layers(model) -> set:
    """ids of the layers a copy keeps in float32: a softmax (its exponentials and sum), and the
    layer giving a separate softmax its logits, as Keras's mixed-precision guide advises for a
    model's last layer (logits rounded to 8 bits move probabilities by a few per cent)."""
    import keras

    kept: set = set()
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            kept |= _float32_layers(layer)
        elif _ends_in_softmax(layer):
            kept.add(id(layer))
            if not layer.weights:  # Softmax / Activation: the layer before it makes the logits
                try:
                    kept.add(id(layer.input._keras_history.operation))
                except (AttributeError, ValueError):
                    pass
    return kept


def _ends_in_softmax(layer) -> bool:
    """A Softmax layer, or a layer whose activation is softmax: its exponentials and sum need
    float32 (Keras's mixed-precision guide keeps a model's final softmax in float32)."""
    activation = getattr(layer, "activation", None)
    name = getattr(activation, "__name__", "") or getattr(activation, "name", "")
    return type(layer).__name__ == "Softmax" or str(name).lower() == "softmax"
