"""Activations of any layer for an image of any size.

Convolution filters do not care about image size, so the model's own layer
objects (same weights, nothing copied) are re-applied to a new input of shape
``(None, None, channels)``. Layers that only work at the model's input size
(Flatten, Reshape and everything after them) are found while re-applying and
are computed at native size instead, said out loud in the result's notices.
A few Keras ops build fine symbolically but cannot run inside the any-size
``tf.function`` (bilinear ``UpSampling2D`` tests a size as a Python bool): the
first failure finds them by tracing layer by layer, and from then on they (and
what depends on them) are computed eagerly at the image's own size, also said
out loud; a layer that fails everywhere gets its own sentence, never the others.
One forward pass computes every requested layer; a memory budget bounds how
large an image may be before it is scaled down, also said out loud.
"""

from __future__ import annotations

import copy
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

import numpy as np

from neurolab.core.errors import BadInputError
from neurolab.core.images import model_pixels, resize_image
from neurolab.core.jobs import Job, Progress
from neurolab.core.models.catalog import LoadedModel
from neurolab.core.phrases import Outside, Phrase
from neurolab.core.results import result_json

DEFAULT_MEMORY_BUDGET = 1 << 30  # bytes of activations kept for one image
BYTES_PER_VALUE = 4
MOSAIC_BUDGET = 64 << 20  # bytes of mosaics kept per image (≤ 1.5 MB each: ≥ 40 layers)
FITS_CACHE_SIZES = 64  # small image sizes whose fit is remembered (one trace each)
FUNCTIONS_KEPT = 8  # traced functions kept per extractor (the window uses 2–3)
# Layers whose output shape is baked into their configuration.
_SIZE_BOUND_CLASSES = ("Flatten", "Reshape")


def layer_key(name: str, parent: Optional[str] = None) -> str:
    """How a layer is addressed: its name, or ``parent/name`` inside a nested model."""
    return f"{parent}/{name}" if parent else name


@dataclass
class TracedGraph:
    """The model's layers re-applied to one symbolic input."""

    input: Any
    outputs: dict[str, Any]  # layer key -> symbolic tensor, in graph order
    native_only: list[str]  # layer keys that could not follow the new input


def trace_layers(model, input_tensor) -> TracedGraph:
    """Re-apply ``model``'s layers (recursing into nested models) to ``input_tensor``."""
    outputs: dict[str, Any] = {}
    native_only: list[str] = []
    _walk(_as_functional(model), [input_tensor], None, outputs, native_only)
    return TracedGraph(input_tensor, outputs, native_only)


def _as_functional(model):
    """Sequential models keep their graph in ``_functional`` once built."""
    return getattr(model, "_functional", None) or model


def _is_graph_model(op) -> bool:
    import keras

    return isinstance(op, keras.Model) and hasattr(_as_functional(op), "_nodes_by_depth")


def _walk(graph, inputs: list, parent: Optional[str], outputs: dict, native_only: list,
          errors: Optional[dict] = None, known: Optional[dict] = None, wanted: Optional[set] = None):
    """Keras's own graph walk (``Function._run_through_graph``), tolerant of failures.

    ``errors`` collects the exception of each layer that raised (not of those left
    without inputs by it); ``known`` gives values already computed, by layer key, which
    are used instead of calling the layer; the walk stops once every ``wanted`` key is out.
    """
    from keras import tree

    known = known or {}

    tensors = {id(x): y for x, y in zip(graph.inputs, inputs)}
    for ref, new in zip(graph.inputs, inputs):
        history = getattr(ref, "_keras_history", None)
        if history is not None:
            outputs[layer_key(history.operation.name, parent)] = new
    for depth in sorted(graph._nodes_by_depth, reverse=True):
        for node in graph._nodes_by_depth[depth]:
            op = node.operation
            if op is None or node.is_input:
                continue
            key = layer_key(op.name, parent)
            if any(id(x) not in tensors for x in node.input_tensors):
                _mark(native_only, key)
                continue
            args, kwargs = node.arguments.fill_in(tensors)
            try:
                if key in known and not _is_graph_model(op):
                    result = known[key]
                else:
                    result = _apply(op, args, kwargs, key, outputs, native_only, errors)
            except Exception as exc:
                _mark(native_only, key)
                if errors is not None:
                    errors[key] = exc
                continue
            if result is None:
                _mark(native_only, key)
                continue
            flat = tree.flatten(result)
            for ref, new in zip(node.outputs, flat):
                tensors[id(ref)] = new
            outputs[key] = flat[0] if len(flat) == 1 else result
            if wanted is not None and wanted.issubset(outputs):
                return None  # what was asked for is computed: the rest is not needed
    return [tensors.get(id(x)) for x in graph.outputs]


def _apply(op, args, kwargs, key, outputs, native_only, errors=None):
    """Call one operation on the new tensors; ``None`` when it needs the native size."""
    if _is_graph_model(op):
        inner = _as_functional(op)
        flat_args = [a for a in args if a is not None]
        results = _walk(inner, flat_args[: len(inner.inputs)], key, outputs, native_only, errors)
        if any(r is None for r in results):
            return None
        return results[0] if len(results) == 1 else results
    first = args[0] if args else None
    if type(op).__name__ in _SIZE_BOUND_CLASSES and _has_unknown_dims(first):
        return None
    result = op(*args, **kwargs)
    if _has_unknown_dims(result) and len(getattr(result, "shape", ())) == 2:
        return None  # a flattened vector of unknown length feeds nothing sensible
    return result


def _has_unknown_dims(tensor) -> bool:
    shape = getattr(tensor, "shape", None)
    return shape is not None and any(d is None for d in tuple(shape)[1:])


def _mark(native_only: list, key: str) -> None:
    if key not in native_only:
        native_only.append(key)


@dataclass
class ActivationResult:
    """Activations of one image: arrays without the batch axis, plus what was done."""

    activations: dict[str, np.ndarray]
    input_image: np.ndarray  # the pixels actually fed to the flexible layers
    native_image: Optional[np.ndarray]  # the pixels fed at native size, if any layer needed it
    scale: float = 1.0
    notices: list[str] = field(default_factory=list)  # Phrases: what was done to the image, and why
    mosaics: dict[str, Any] = field(default_factory=dict)  # layer key -> mosaic.Mosaic, filled lazily
    native_keys: list[str] = field(default_factory=list)  # layers computed at native size
    native_notice: str = ""  # the sentence explaining ``native_keys``
    eager_keys: list[str] = field(default_factory=list)  # layers computed eagerly at the image's size
    eager_notice: str = ""  # the sentence explaining ``eager_keys``
    failures: dict[str, str] = field(default_factory=dict)  # layer key -> Phrase: why it has no values
    precision: str = "float32"  # what the traced pass computed in (core.precision); values are float32

    def __getitem__(self, key: str) -> np.ndarray:
        return self.activations[key]

    def layer_json(self, key: str) -> dict[str, Any]:
        """One layer's activations in numbers: shape, range, mean, computed at native size?"""
        values = self.activations[key]
        return {"shape": list(values.shape), "min": float(values.min()), "max": float(values.max()),
                "mean": float(values.mean()), "native_size": key in self.native_keys,
                "eager": key in self.eager_keys}

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab activations --json`` and the Activations tab's *Save mosaic*
        (:mod:`neurolab.core.results`). With ``layer=`` in ``context`` that layer's numbers
        are at the top level (the verb's shape); ``layers`` has every computed layer's."""
        own: dict[str, Any] = {
            "input_size": [int(self.input_image.shape[1]), int(self.input_image.shape[0])],
            "scale": self.scale, "notices": list(self.notices),
            "layers": {key: self.layer_json(key) for key in self.activations},
            "failures": dict(self.failures), "precision": self.precision}
        if context.get("layer") in self.activations:
            own.update(self.layer_json(context["layer"]))
        return result_json(own, context)

    def mosaic(self, key: str, **options):
        """The channel mosaic of ``key``, tiled once and kept (switching back is free).

        ``options`` (scale, gamma) go to :func:`core.inspection.mosaic.tile_channels`; a kept
        mosaic tiled with other options is tiled again.

        At most :data:`MOSAIC_BUDGET` bytes of mosaics are kept: beyond it the
        least recently shown go (a model with hundreds of layers, all visited).
        """
        from neurolab.core.inspection.mosaic import tile_channels

        mosaic = self.mosaics.pop(key, None)
        if mosaic is None or any(getattr(mosaic, name) != value for name, value in options.items()):
            mosaic = tile_channels(self.activations[key], **options)
        self.mosaics[key] = mosaic  # the most recently shown last
        kept = sum(m.image.nbytes for m in self.mosaics.values())
        while kept > MOSAIC_BUDGET and len(self.mosaics) > 1:
            kept -= self.mosaics.pop(next(iter(self.mosaics))).image.nbytes
        return mosaic


class ActivationExtractor:
    """Computes layer activations of one model, at any image size, one pass per image."""

    def __init__(self, loaded: LoadedModel, *, memory_budget: int = DEFAULT_MEMORY_BUDGET):
        import keras

        self.loaded = loaded
        self.memory_budget = memory_budget
        self.image_input = loaded.require_image()  # an (H, W) model is traced without the channel axis
        height, width, channels = self.image_input.shape
        self.native_size = (width, height)
        self.flexible = trace_layers(loaded.model, keras.Input(self.image_input.model_shape(None, None)))
        self.native = trace_layers(loaded.model, keras.Input(self.image_input.model_shape(height, width)))
        self.layer_keys = list(self.native.outputs)
        self.native_only = [k for k in self.layer_keys if k not in self.flexible.outputs]
        self._bytes_per_pixel = self._native_bytes_per_pixel()
        self._functions: dict[tuple, Any] = {}
        self._fits_cache: dict[tuple[int, int], set[str]] = {}
        # Layers the any-size tf.function cannot run (found at its first failure), and what
        # depends on them; ``untraceable_causes`` holds the ones that raised, with why.
        self.untraceable: list[str] = []
        self.untraceable_causes: dict[str, str] = {}
        self._probed = False
        # precision -> (flexible, native) graphs of the model's lower-precision copy, and the
        # precision they compute in (float32 where Keras could not copy the model).
        self._low_graphs: dict[str, tuple[TracedGraph, TracedGraph, str]] = {}

    def for_model(self, loaded: LoadedModel) -> "ActivationExtractor":
        """This extractor for ``loaded``, the same Keras model fed another way (its preprocessing).

        The traced layers and the sizes known to fit are shared (they depend on shapes
        only); the traced functions are not, as each closed over the old ``preprocess``.
        """
        if loaded.model is not self.loaded.model:
            raise ValueError("for_model needs the same Keras model")
        other = copy.copy(self)
        other.loaded = loaded
        other._functions = {}
        return other

    def _native_bytes_per_pixel(self) -> dict[str, float]:
        width, height = self.native_size
        return {key: BYTES_PER_VALUE * _count(t.shape[1:]) / (width * height)
                for key, t in self.native.outputs.items()}

    def output_shape(self, key: str) -> list[Optional[int]]:
        """Activation size at the native input size."""
        return list(self.native.outputs[key].shape[1:])

    def graph(self, native: bool, precision: str = "float32") -> tuple[TracedGraph, str]:
        """The traced layers (any size, or ``native``) computing in ``precision``, and the
        precision they really compute in: the model's lower-precision copy
        (:func:`core.precision.compute_copy`, made once) traced like the model itself,
        float32 where Keras could not copy the model or the copy's layers differ."""
        if precision != "float32" and precision not in self._low_graphs:
            import keras

            from neurolab.core.precision import compute_copy

            copy, used = compute_copy(self.loaded.model, precision)
            height, width, _ = self.image_input.shape
            flexible, native_graph = self.flexible, self.native
            if used != "float32":
                flexible = trace_layers(copy, keras.Input(self.image_input.model_shape(None, None)))
                native_graph = trace_layers(copy, keras.Input(self.image_input.model_shape(height, width)))
                if set(flexible.outputs) != set(self.flexible.outputs) or \
                        set(native_graph.outputs) != set(self.native.outputs):
                    flexible, native_graph, used = self.flexible, self.native, "float32"
            self._low_graphs[precision] = (flexible, native_graph, used)
        if precision == "float32":
            return (self.native if native else self.flexible), "float32"
        flexible, native_graph, used = self._low_graphs[precision]
        return (native_graph if native else flexible), used

    def function(self, keys: tuple[str, ...], native: bool, precision: str = "float32"):
        """A ``tf.function`` giving ``keys``' activations (float32) computed in ``precision``
        (the one it really uses is its ``precision`` attribute); traced once for any image size."""
        cache_key = (keys, native) if precision == "float32" else (keys, native, precision)
        if cache_key not in self._functions:
            _remember(self._functions, cache_key, self._build_function(keys, native, precision), FUNCTIONS_KEPT)
        return self._functions[cache_key]

    def _build_function(self, keys: tuple[str, ...], native: bool, precision: str = "float32"):
        import keras
        import tensorflow as tf

        graph, used = self.graph(native, precision)
        submodel = keras.Model(graph.input, [graph.outputs[k] for k in keys])
        preprocess, image_input = self.loaded.preprocess, self.image_input
        shape = [1, *graph.input.shape[1:3], image_input.channels]  # the pixels fed: 1×H×W×C

        @tf.function(input_signature=[tf.TensorSpec(shape, tf.float32)], reduce_retracing=True)
        def forward(pixels):
            values = submodel(image_input.to_model(preprocess(pixels)), training=False)
            if used == "float32":
                return values
            return tf.nest.map_structure(lambda v: tf.cast(v, tf.float32), values)

        forward.precision = used

        forward.submodel = submodel
        return forward

    def plan_scale(self, image_shape: tuple[int, ...], keys: Iterable[str]) -> float:
        """Scale (≤ 1) that keeps the activations of ``keys`` within the memory budget."""
        height, width = image_shape[:2]
        per_pixel = sum(self._bytes_per_pixel[k] for k in keys)
        # Transients: the layer being computed, and with oneDNN (on wherever neurolab runs:
        # cli._tensorflow_environment) its blocked-format copy: two of the largest layer.
        per_pixel += 2 * max(self._bytes_per_pixel.values(), default=0.0)
        needed = per_pixel * width * height
        if needed <= self.memory_budget:
            return 1.0
        return math.sqrt(self.memory_budget / needed)

    def compute(self, image: np.ndarray, keys: Optional[Iterable[str]] = None, *,
                native_size: bool = False) -> ActivationResult:
        """Activations of ``keys`` (default: every layer) for an RGB uint8 image.

        A layer that cannot be computed at all is left out of ``activations`` and named in
        ``failures`` with a sentence; every other layer still gets its values.
        """
        keys = list(self.layer_keys if keys is None else keys)
        unknown = [k for k in keys if k not in self.native.outputs]
        if unknown:
            raise BadInputError(Phrase("The model has no layer called {0}.", (f"'{unknown[0]}'",)))
        notices: list[str] = []  # Phrases
        width, height = self.native_size
        if native_size or image.shape[:2] == (height, width):
            # At the model's own size one native pass serves every layer, the
            # size-bound ones included; a second pass would redo the convolutions.
            flexible_keys, native_keys = [], keys
        else:
            flexible_keys = [k for k in keys if k in self.flexible.outputs]
            native_keys = [k for k in keys if k not in self.flexible.outputs]
        from neurolab.core.precision import compute_precision

        result = ActivationResult({}, image, None, 1.0, notices)
        self._precision, self._used = compute_precision(), "float32"
        reasons: dict[str, str] = {}  # layer key -> why its last try failed
        if flexible_keys:
            self._compute_flexible(image, flexible_keys, result, reasons)
            native_keys += [k for k in flexible_keys if k not in result.activations]
        if native_keys:
            native_image = resize_image(image, (width, height)) if image.shape[:2] != (height, width) else image
            result.activations.update(self._run_native(native_image, native_keys, reasons))
            result.native_image = native_image
            result.native_keys = [k for k in native_keys if k in result.activations]
            size_bound = [k for k in result.native_keys if k not in self.flexible.outputs or k in reasons]
            if size_bound and not native_size and native_image is not image:
                result.native_notice = Phrase("{0}: needs the model's input size, so the image was resized "
                                              "to {1}×{2} for it.", (_names(size_bound), width, height))
                notices.append(result.native_notice)
        result.failures = {k: Phrase("{0} could not be computed: {1}", (k, Outside(reasons.get(k, "?"))))
                           for k in keys if k not in result.activations}
        result.activations = {k: result.activations[k] for k in keys if k in result.activations}
        result.precision = self._used
        return result

    def _compute_flexible(self, image: np.ndarray, keys: list[str], result: ActivationResult,
                          reasons: dict[str, str]):
        scale = self.plan_scale(image.shape, keys)
        if scale < 1.0:
            height, width = image.shape[:2]
            new_size = (max(1, int(width * scale)), max(1, int(height * scale)))
            image = resize_image(image, new_size)
            budget_mib = self.memory_budget / (1 << 20)
            result.notices.append(Phrase(
                "The image was scaled down to {0} ({1}×{2} → {3}×{4}) to keep its activations within the "
                "{5} MiB memory budget.", (f"{scale:.0%}", width, height, *new_size, f"{budget_mib:.0f}")))
        result.input_image, result.scale = image, scale
        if not self.fits(image.shape[:2], keys):
            height, width = image.shape[:2]
            result.notices.append(Phrase("The image ({0}×{1}) is too small to pass through every layer at "
                                         "its own size, so the model's input size was used.", (width, height)))
            return
        self._compute_free_size(image, keys, result, reasons)

    def _compute_free_size(self, image: np.ndarray, keys: list[str], result: ActivationResult,
                           reasons: dict[str, str]) -> None:
        """The traced any-size pass for what it can run; the rest eagerly, layer by layer."""
        traced = [k for k in keys if k not in self.untraceable]
        values: dict[str, np.ndarray] = {}
        cause = ""
        if traced:
            try:
                values = self._run(image, tuple(traced), native=False)
            except Exception as exc:  # noqa: BLE001 - each layer gets its values or a sentence
                if not self._probed and self._find_untraceable():
                    return self._compute_free_size(image, keys, result, reasons)
                cause = tensorflow_reason(exc)  # not a tracing problem: every layer eagerly
        result.activations.update(values)
        rest = [k for k in keys if k not in values]
        if not rest:
            return
        eager, eager_reasons = self._run_eager(image, rest, known=values)
        result.activations.update(eager)
        reasons.update(eager_reasons)
        result.eager_keys = [k for k in rest if k in eager]
        if result.eager_keys:
            # The layers that raised, though only what depends on them may have been asked for.
            failing = list(self.untraceable_causes) if not cause else result.eager_keys
            cause = cause or next(iter(self.untraceable_causes.values()), "")
            height, width = image.shape[:2]
            result.eager_notice = Phrase(
                "{0} cannot run in TensorFlow's traced pass for images of any size ({1}), so neurolab computed "
                "{2} one layer at a time at the image's own size, {3}×{4}.",
                (_names(failing), Outside(cause), _names(result.eager_keys), width, height))
            result.notices.append(result.eager_notice)

    def _find_untraceable(self) -> bool:
        """Trace the model layer by layer at a free size: which layers raise, and which
        depend on them (once per extractor). ``True`` when some did."""
        import tensorflow as tf

        self._probed = True
        missing: list[str] = []
        errors: dict[str, BaseException] = {}
        model, preprocess = self.loaded.model, self.loaded.preprocess

        def probe(pixels):
            _walk(_as_functional(model), [preprocess(pixels)], None, {}, missing, errors)
            return tf.constant(0)

        spec = tf.TensorSpec([1, None, None, self.loaded.channels], tf.float32)
        tf.function(probe).get_concrete_function(spec)
        self.untraceable = [k for k in missing if k in self.flexible.outputs]
        self.untraceable_causes = {k: tensorflow_reason(e) for k, e in errors.items() if k in self.untraceable}
        return bool(self.untraceable)

    def _run_eager(self, image: np.ndarray, keys: list[str], known: Optional[dict] = None
                   ) -> tuple[dict[str, np.ndarray], dict[str, str]]:
        """``keys`` computed eagerly, one layer at a time, at the image's own size.

        ``known`` (layer key -> values without the batch axis) are not computed again.
        Returns the values and, for each layer that got none, why.
        """
        import tensorflow as tf

        pixels = tf.constant(model_pixels(image, self.loaded.channels)[None])
        outputs: dict[str, Any] = {}
        missing: list[str] = []
        errors: dict[str, BaseException] = {}
        seeds = {k: v[None] for k, v in (known or {}).items()}
        _walk(_as_functional(self.loaded.model), [self.loaded.preprocess(pixels)], None, outputs, missing,
              errors, seeds, set(keys))
        values = {k: np.asarray(_first(outputs[k]))[0] for k in keys if outputs.get(k) is not None}
        first_error = tensorflow_reason(next(iter(errors.values()))) if errors else ""
        reasons = {k: tensorflow_reason(errors[k]) if k in errors else first_error
                   for k in keys if k not in values}
        return values, reasons

    def _run_native(self, image: np.ndarray, keys: list[str], reasons: dict[str, str]) -> dict[str, np.ndarray]:
        """``keys`` at the model's input size: the traced pass, else layer by layer."""
        try:
            return self._run(image, tuple(keys), native=True)
        except Exception as exc:  # noqa: BLE001 - each layer gets its values or a sentence
            values, eager_reasons = self._run_eager(image, keys)
            reasons.update({k: eager_reasons.get(k) or tensorflow_reason(exc) for k in keys if k not in values})
            return values

    def fits(self, size: tuple[int, int], keys: Iterable[str]) -> bool:
        """Whether an image of ``size`` (height, width) gets through ``keys`` at its own size.

        Anything at least as large as the native input does; a smaller one is
        traced symbolically at that size (TensorFlow does not always raise for
        a window larger than its input, it may return nonsense).
        """
        native_height, native_width = self.native_size[1], self.native_size[0]
        if size[0] >= native_height and size[1] >= native_width:
            return True
        passing = self._fits_cache.get(tuple(size))
        if passing is None:  # tracing costs as much as a pass: once per size
            import keras

            with _nodes_discarded(self.loaded.model):  # else every size leaves a Node per layer
                traced = trace_layers(self.loaded.model, keras.Input(self.image_input.model_shape(*size)))
            passing = {key for key, tensor in traced.outputs.items()
                       if all(d is None or d > 0 for d in tensor.shape[1:])}
            _remember(self._fits_cache, tuple(size), passing, FITS_CACHE_SIZES)
        return all(key in passing for key in keys)

    def _run(self, image: np.ndarray, keys: tuple[str, ...], *, native: bool) -> dict[str, np.ndarray]:
        from neurolab.core.precision import note_used

        batch = model_pixels(image, self.loaded.channels)[None]
        function = self.function(keys, native, getattr(self, "_precision", "float32"))
        values = function(batch)
        if function.precision != "float32":
            self._used = note_used(function.precision)
        if not isinstance(values, (list, tuple)):
            values = [values]
        return {k: np.asarray(v)[0] for k, v in zip(keys, values)}

    def compute_job(self, image: np.ndarray, keys: Optional[Iterable[str]] = None, *,
                    native_size: bool = False, show: Optional[str] = None,
                    mosaic_options: Optional[dict] = None) -> Job:
        """:meth:`compute` as a job, for the window's worker.

        ``show`` names the layer about to be displayed: its mosaic is tiled here,
        off the GUI thread (with ``mosaic_options``), so the window only has to paint it.
        """
        yield Progress(0, 2, Phrase("computing activations"))
        result = self.compute(image, keys, native_size=native_size)
        if show in result.activations:
            yield Progress(1, 2, Phrase("tiling channels"))
            result.mosaic(show, **(mosaic_options or {}))
        yield Progress(2, 2, Phrase("activations ready"))
        return result


def _remember(cache: dict, key, value, kept: int) -> None:
    """``cache[key] = value``, dropping the oldest entries beyond ``kept``."""
    while len(cache) >= kept:
        del cache[next(iter(cache))]
    cache[key] = value


def _graph_operations(model) -> list:
    """Every operation of ``model``'s graph, nested graph models' included."""
    operations, seen = [], set()

    def visit(graph) -> None:
        for nodes in getattr(graph, "_nodes_by_depth", {}).values():
            for node in nodes:
                op = node.operation
                if op is None or id(op) in seen:
                    continue
                seen.add(id(op))
                operations.append(op)
                if _is_graph_model(op):
                    visit(_as_functional(op))

    visit(_as_functional(model))
    return operations


@contextmanager
def _nodes_discarded(model):
    """Undo the bookkeeping of a throw-away symbolic trace of ``model``.

    Keras appends a ``Node`` to an operation's ``_inbound_nodes`` (and to its
    inputs' ``_outbound_nodes``) each time it is called on a symbolic tensor,
    and keeps it for as long as the layer lives: without this, every image
    size :meth:`ActivationExtractor.fits` traces would stay in the model
    (~30 kB for a 20-layer model; more for deep ones).
    """
    marks = [(op, len(op._inbound_nodes), len(op._outbound_nodes))
             for op in _graph_operations(model)]
    try:
        yield
    finally:
        for op, inbound, outbound in marks:
            del op._inbound_nodes[inbound:]
            del op._outbound_nodes[outbound:]


def tensorflow_reason(exc: BaseException) -> str:
    """One line for an exception from TensorFlow or Keras: its type and the line that says
    what went wrong, not the first ("in user code:"), without terminal colour codes."""
    text = re.sub(r"\x1b\[[0-9;]*m|\{\{function_node [^}]*\}\}\s*", "", str(exc))
    skip = ("in user code", "File ", "Exception encountered when calling", "Arguments received",
            "•", "raise ", "return ")
    name = type(exc).__name__
    lines = [line.strip().removeprefix(name + ":").strip() for line in text.splitlines()]
    said = [line for line in lines if line and not line.startswith(skip)]
    if not said:
        return name
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", said[0], maxsplit=1)[0]
    return f"{name}: {sentence}"


def _first(value):
    """A layer's first output (a multi-output layer gives a list)."""
    return value[0] if isinstance(value, (list, tuple)) else value


def _names(keys: list[str]) -> str:
    return ", ".join(keys[:3]) + (" …" if len(keys) > 3 else "")


def _count(shape) -> int:
    return int(np.prod([d for d in shape if d is not None], dtype=np.int64))

