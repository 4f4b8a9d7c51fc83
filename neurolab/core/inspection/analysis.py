"""The layer table of a Keras model, as MATLAB's ``analyzeNetwork`` shows it.

The lab sheets print MATLAB's table (name, type, description, activations,
learnables), so types and descriptions use MATLAB's wording and learnables
MATLAB's shapes ("Bias 1x1x64", not Keras's ``(64,)``). Rows follow the graph
depth-first from the inputs, the order in which a network is usually written
down and the order MATLAB lists SqueezeNet's fire modules in. A nested model is
one row followed by its own rows. Nothing here raises on an unfamiliar layer:
it gets its class name as type and an empty description.

Descriptions are English text (the command line, JSON); each row also keeps
its :class:`~neurolab.core.phrases.Phrase` (template and values), so the window
can translate the wording without parsing it. Types come from a fixed set of English names.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from neurolab.core.phrases import Phrase, phrase_template

EMPTY = Phrase("")


def _as_phrase(text) -> Phrase:
    return text if isinstance(text, Phrase) else Phrase("{0}", (text,))


@dataclass
class LayerInfo:
    """One row of the table."""

    index: int
    name: str
    type: str
    class_name: str
    description: str
    activations: list | None
    learnables: dict[str, list[int]]
    params: int
    inputs: list[str]
    parent: str | None = None
    native_only: bool = False
    description_phrase: Phrase = EMPTY  # ``description`` as template and values

    @property
    def key(self) -> str:
        """How the rest of neurolab addresses the layer (``parent/name`` when nested)."""
        return f"{self.parent}/{self.name}" if self.parent else self.name

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "name": self.name, "type": self.type,
                "class": self.class_name, "description": self.description,
                "activations": self.activations, "learnables": self.learnables,
                "params": self.params, "inputs": self.inputs, "parent": self.parent,
                "native_only": self.native_only}


@dataclass
class ModelAnalysis:
    """The whole table plus what a student should be warned about."""

    name: str
    input_shape: list
    total_params: int
    layers: list[LayerInfo]
    warnings: list[str] = field(default_factory=list)
    #: The phrases of the warnings written here (callers may add plain strings to ``warnings``).
    warning_phrases: list[Phrase] = field(default_factory=list)

    def to_json(self, **context: Any) -> dict[str, Any]:
        """The JSON of ``neurolab analyze --json`` (:mod:`neurolab.core.results`)."""
        from neurolab.core.results import result_json

        return result_json({"name": self.name, "input_shape": self.input_shape,
                            "total_params": self.total_params,
                            "layers": [row.to_json() for row in self.layers],
                            "warnings": self.warnings}, context)


def analyze_model(model, *, input_description: str | Phrase | None = None,
                  native_only: Collection[str] = (), image_input=None) -> ModelAnalysis:
    """The ``analyzeNetwork`` table of ``model``.

    ``input_description`` completes the input row ("227x227x3 images with ...");
    ``native_only`` holds layer keys that only work at the model's input size;
    ``image_input`` (``core.models.interface.ImageInput``) without a channel axis makes an
    ``(H, W)`` input row read "28x28 greyscale images", not a sequence.
    """
    rows: list[LayerInfo] = []
    _add_rows(model, None, rows, input_description)
    if image_input is not None and not image_input.channel_axis:
        _greyscale_input_rows(rows, input_description)
    flagged = [row.key for row in rows if row.key in native_only or row.name in native_only]
    for row in rows:
        row.native_only = row.key in flagged
    input_shape = _model_input_shape(model)
    phrases = _native_warning(flagged, input_shape)
    return ModelAnalysis(name=model.name, input_shape=input_shape,
                         total_params=_count_params(model), layers=rows,
                         warnings=[str(p) for p in phrases], warning_phrases=phrases)


def _greyscale_input_rows(rows: list[LayerInfo], input_description) -> None:
    """The top-level ``(H, W)`` input rows as the greyscale images they are."""
    for row in rows:
        if row.parent is None and row.class_name == "InputLayer" and row.type == "Sequence Input":
            phrase = Phrase("{0} greyscale images", (_x(["?" if d is None else d for d in row.activations]),))
            if input_description:
                phrase = Phrase("{0} with {1}", (phrase, _as_phrase(input_description)))
            row.type, row.description_phrase, row.description = "Image Input", phrase, str(phrase)


def _native_warning(keys: list[str], input_shape: list) -> list[Phrase]:
    if not keys:
        return []
    size = "x".join(str(d) for d in input_shape[:2])
    return [Phrase("{0} layer needs the model's native input size ({1}): {2}" if len(keys) == 1
                   else "{0} layers need the model's native input size ({1}): {2}",
                   (len(keys), size, ", ".join(keys)))]


def _model_input_shape(model) -> list:
    try:
        from keras import tree

        return list(tree.flatten(model.inputs)[0].shape[1:])
    except Exception:  # noqa: BLE001 — a subclassed or unbuilt model has no symbolic input
        return []


# --- walking the graph -------------------------------------------------------

@dataclass
class _Site:
    """Where a layer sits: the shapes it reads and writes (batch axis included)."""

    input_shapes: list[tuple]
    output_shape: tuple | None
    inputs: list[str]


def _graph(model):
    """Sequential models keep their graph in ``_functional`` once built."""
    return getattr(model, "_functional", None) or model


def _add_rows(model, parent: str | None, rows: list[LayerInfo],
              input_description: str | Phrase | None) -> None:
    graph = _graph(model)
    if hasattr(graph, "_nodes_by_depth"):
        sites = _graph_sites(graph)
    else:
        sites = _plain_sites(model)
    for layer, site in sites:
        row = _row(layer, site, len(rows) + 1, parent, input_description)
        rows.append(row)
        if _is_model(layer):
            first_child = len(rows)
            _add_rows(layer, row.key, rows, None)
            children = sum(1 for r in rows[first_child:] if r.parent == row.key)
            row.description_phrase = Phrase("nested network with {0} layer" if children == 1
                                            else "nested network with {0} layers", (children,))
            row.description = str(row.description_phrase)


def _is_model(layer) -> bool:
    import keras

    return isinstance(layer, keras.Model)


def _graph_sites(graph) -> list[tuple[Any, _Site]]:
    """Each layer once, in depth-first order, merged over all its calls in ``graph``."""
    calls: dict[int, list] = {}
    layers = []
    for node in _ordered_nodes(graph):
        if id(node.operation) not in calls:
            layers.append(node.operation)
        calls.setdefault(id(node.operation), []).append(node)
    return [(layer, _site(calls[id(layer)])) for layer in layers]


def _site(nodes: list) -> _Site:
    first = nodes[0]
    outputs = list(first.outputs)
    names: list[str] = []
    for node in nodes:
        for tensor in node.input_tensors:
            name = tensor._keras_history.operation.name
            if name not in names:
                names.append(name)
    return _Site(input_shapes=[tuple(t.shape) for t in first.input_tensors],
                 output_shape=tuple(outputs[0].shape) if outputs else None, inputs=names)


def _ordered_nodes(graph) -> list:
    """Depth-first post-order from the outputs: parents before children, branches whole."""
    from keras import tree

    graph_inputs = {id(t) for t in tree.flatten(graph.inputs)}
    order, seen = [], set()
    stack = [(_node_of(t), False) for t in reversed(tree.flatten(graph.outputs))]
    while stack:
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        for tensor in reversed(list(node.input_tensors)):
            parent = _node_of(tensor)
            if id(tensor) in graph_inputs and not parent.is_input:
                continue  # the graph starts at an intermediate tensor of another model
            if id(parent) not in seen:
                stack.append((parent, False))
    unused_inputs = [_node_of(t) for t in tree.flatten(graph.inputs)
                     if id(_node_of(t)) not in seen and _node_of(t).is_input]
    return unused_inputs + order


def _node_of(tensor):
    history = tensor._keras_history
    return history.operation._inbound_nodes[history.node_index]


def _plain_sites(model) -> list[tuple[Any, _Site]]:
    """Without a graph (subclassed or unbuilt models) list the layers as they are."""
    sites, previous = [], []
    for layer in model.layers:
        sites.append((layer, _Site(_shapes(layer, "input"), _first(_shapes(layer, "output")),
                                   previous)))
        previous = [layer.name]
    return sites


def _shapes(layer, attribute: str) -> list[tuple]:
    from keras import tree

    try:
        return [tuple(t.shape) for t in tree.flatten(getattr(layer, attribute))]
    except Exception:  # noqa: BLE001 — unbuilt, or called more than once
        return []


def _first(items: list):
    return items[0] if items else None


# --- one row -----------------------------------------------------------------

def _row(layer, site: _Site, index: int, parent: str | None,
         input_description: str | Phrase | None) -> LayerInfo:
    class_name = type(layer).__name__
    kind, phrase = _describe(layer, site, class_name)
    if kind == "Image Input" and input_description:
        phrase = Phrase("{0} with {1}", (phrase, _as_phrase(input_description)))
    return LayerInfo(index=index, name=layer.name, type=kind, class_name=class_name,
                     description=str(phrase), description_phrase=phrase,
                     activations=list(site.output_shape[1:]) if site.output_shape else None,
                     learnables=_learnables(layer, site), params=_count_params(layer),
                     inputs=site.inputs, parent=parent)


def _count_params(layer) -> int:
    try:
        return int(layer.count_params())
    except Exception:  # noqa: BLE001 — an unbuilt layer has no weights yet
        return 0


def _lookup(layer, table: dict[str, Callable]):
    """The entry for the layer's class or its nearest Keras base class."""
    for cls in type(layer).__mro__:
        if cls.__module__.startswith("keras") and cls.__name__ in table:
            return table[cls.__name__]
    return None


def _describe(layer, site: _Site, class_name: str) -> tuple[str, Phrase]:
    describer = _lookup(layer, _DESCRIBERS)
    if describer is None:
        return class_name, EMPTY
    try:
        return describer(layer, site)
    except Exception:  # noqa: BLE001 — an odd configuration must not break the table
        return class_name, EMPTY


def _learnables(layer, site: _Site) -> dict[str, list[int]]:
    shaper = _lookup(layer, _LEARNABLES)
    try:
        if shaper is not None:
            return {name: [int(d) for d in shape] for name, shape in shaper(layer, site).items()}
        return {w.name: [int(d) for d in w.shape] for w in layer.trainable_weights}
    except Exception:  # noqa: BLE001 — learnables are shown, never required
        return {}


# --- wording -----------------------------------------------------------------

def _x(values) -> str:
    return "x".join(str(v) for v in values)


def _vector(values) -> str:
    return "[" + " ".join(str(v) for v in values) + "]"


def _number(value) -> str:
    if isinstance(value, (list, tuple)):
        return _vector(_number(v) for v in value)
    return f"{float(value):.5g}"


def _rank_prefix(spatial_dims: int) -> str:
    """MATLAB names 1-D and 3-D layers "1-D Convolution"; 2-D ones have no prefix."""
    return "" if spatial_dims == 2 else f"{spatial_dims}-D "


def _spatial(layer, shape: tuple) -> tuple:
    if getattr(layer, "data_format", "channels_last") == "channels_first":
        return tuple(shape[2:])
    return tuple(shape[1:-1])


def _padding(layer, site: _Site, kernel, strides, dilation=None) -> str:
    """MATLAB's [top bottom left right]; 'same' is worked out when the size is known."""
    dilation = dilation or (1,) * len(kernel)
    if layer.padding == "valid":
        return _vector([0] * 2 * len(kernel))
    if layer.padding == "causal":
        return _vector([(kernel[0] - 1) * dilation[0], 0])
    sizes = _spatial(layer, site.input_shapes[0]) if site.input_shapes else ()
    if len(sizes) != len(kernel) or None in sizes:
        return "'same'"
    pads = []
    for size, k, s, d in zip(sizes, kernel, strides, dilation):
        total = max((math.ceil(size / s) - 1) * s + (k - 1) * d + 1 - size, 0)
        pads += [total // 2, total - total // 2]
    return _vector(pads)


def _activation_suffix(layer) -> Phrase:
    """A fused activation (``Conv2D(activation='relu')``) named after the layer text."""
    name = getattr(getattr(layer, "activation", None), "__name__", "linear")
    if name == "linear":
        return EMPTY
    kind = _activation_wording(name)[0]
    return Phrase(", {0}", (Phrase(kind) if name in _ACTIVATIONS else _as_phrase(kind),))


_ACTIVATIONS = {
    "relu": (phrase_template("ReLU"), Phrase("ReLU")),
    "relu6": (phrase_template("Clipped ReLU"), Phrase("Clipped ReLU with ceiling {0}", ("6",))),
    "softmax": (phrase_template("Softmax"), Phrase("softmax")),
    "sigmoid": (phrase_template("Sigmoid"), Phrase("sigmoid")),
    "tanh": (phrase_template("Tanh"), Phrase("Hyperbolic tangent")),
    "silu": (phrase_template("Swish"), Phrase("swish")),
    "swish": (phrase_template("Swish"), Phrase("swish")),
    "gelu": (phrase_template("GELU"), Phrase("GELU")),
    "elu": (phrase_template("ELU"), Phrase("ELU")),
    "leaky_relu": (phrase_template("Leaky ReLU"), Phrase("Leaky ReLU")),
    "linear": ("Linear", Phrase("identity")),  # never a suffix (no activation)
}


def _activation_wording(name: str) -> tuple[str, Phrase]:
    if name in _ACTIVATIONS:
        return _ACTIVATIONS[name]
    return name.replace("_", " ").title().replace(" ", ""), _as_phrase(name)


def _input(layer, site: _Site) -> tuple[str, Phrase]:
    dims = ["?" if d is None else d for d in site.output_shape[1:]]
    if len(dims) == 1:
        return "Feature Input", Phrase("{0} feature" if dims[0] == 1 else "{0} features", (dims[0],))
    if len(dims) == 2:
        return "Sequence Input", Phrase("Sequence input with {0} dimension" if dims[-1] == 1
                                        else "Sequence input with {0} dimensions", (dims[-1],))
    return f"{_rank_prefix(len(dims) - 1)}Image Input", Phrase("{0} images", (_x(dims),))


def _convolution(layer, site: _Site) -> tuple[str, Phrase]:
    kernel, nd = layer.kernel_size, len(layer.kernel_size)
    channels, groups = layer.kernel.shape[-2], layer.groups
    stride, dilation = _vector(layer.strides), _dilation(layer.dilation_rate)
    padding = _padding(layer, site, kernel, layer.strides, layer.dilation_rate)
    if groups > 1:
        return f"{_rank_prefix(nd)}Grouped Convolution", Phrase(
            "{0} groups of {1} {2} convolutions with stride {3}{4} and padding {5}{6}",
            (groups, layer.filters // groups, _x([*kernel, channels]), stride, dilation, padding,
             _activation_suffix(layer)))
    return f"{_rank_prefix(nd)}Convolution", Phrase(
        "{0} {1} convolutions with stride {2}{3} and padding {4}{5}",
        (layer.filters, _x([*kernel, channels]), stride, dilation, padding, _activation_suffix(layer)))


def _dilation(rate) -> Phrase:
    return EMPTY if all(r == 1 for r in rate) else Phrase(", dilation {0}", (_vector(rate),))


def _depthwise(layer, site: _Site) -> tuple[str, Phrase]:
    kernel = layer.kernel_size
    channels = layer.kernel.shape[-2]
    return f"{_rank_prefix(len(kernel))}Grouped Convolution", Phrase(
        "{0} groups of {1} {2} convolutions with stride {3}{4} and padding {5}{6}",
        (channels, layer.depth_multiplier, _x([*kernel, 1]), _vector(layer.strides),
         _dilation(layer.dilation_rate),
         _padding(layer, site, kernel, layer.strides, layer.dilation_rate), _activation_suffix(layer)))


def _separable(layer, site: _Site) -> tuple[str, Phrase]:
    kernel = layer.kernel_size
    channels = layer.depthwise_kernel.shape[-2]
    return f"{_rank_prefix(len(kernel))}Separable Convolution", Phrase(
        "{0} groups of {1} {2} convolutions, then {3} {4} convolutions, with stride {5}{6} "
        "and padding {7}{8}",
        (channels, layer.depth_multiplier, _x([*kernel, 1]), layer.filters,
         _x([1] * len(kernel) + [channels * layer.depth_multiplier]), _vector(layer.strides),
         _dilation(layer.dilation_rate),
         _padding(layer, site, kernel, layer.strides, layer.dilation_rate), _activation_suffix(layer)))


def _transposed(layer, site: _Site) -> tuple[str, Phrase]:
    kernel = layer.kernel_size
    if layer.padding == "valid":
        cropping = _vector([0] * 2 * len(kernel))
    else:
        crops = []
        for k, s, d in zip(kernel, layer.strides, layer.dilation_rate):
            total = max((k - 1) * d + 1 - s, 0)
            crops += [total // 2, total - total // 2]
        cropping = _vector(crops)
    return f"{_rank_prefix(len(kernel))}Transposed Convolution", Phrase(
        "{0} {1} transposed convolutions with stride {2} and cropping {3}{4}",
        (layer.filters, _x([*kernel, layer.kernel.shape[-1]]), _vector(layer.strides), cropping,
         _activation_suffix(layer)))


def _dense(layer, site: _Site) -> tuple[str, Phrase]:
    return "Fully Connected", Phrase("{0} fully connected layer{1}",
                                     (layer.units, _activation_suffix(layer)))


def _relu(layer, site: _Site) -> tuple[str, Phrase]:
    slope, ceiling = float(layer.negative_slope), layer.max_value
    if slope:
        if ceiling is None:
            return "Leaky ReLU", Phrase("Leaky ReLU with scale {0}", (_number(slope),))
        return "Leaky ReLU", Phrase("Leaky ReLU with scale {0} and ceiling {1}",
                                    (_number(slope), _number(ceiling)))
    if ceiling is not None:
        return "Clipped ReLU", Phrase("Clipped ReLU with ceiling {0}", (_number(ceiling),))
    return "ReLU", Phrase("ReLU")


def _leaky_relu(layer, site: _Site) -> tuple[str, Phrase]:
    return "Leaky ReLU", Phrase("Leaky ReLU with scale {0}", (_number(layer.negative_slope),))


def _elu(layer, site: _Site) -> tuple[str, Phrase]:
    return "ELU", Phrase("ELU with alpha {0}", (_number(layer.alpha),))


def _activation(layer, site: _Site) -> tuple[str, Phrase]:
    return _activation_wording(getattr(layer.activation, "__name__", ""))


_POOLING = {"max": phrase_template("{0} max pooling with stride {1} and padding {2}"),
            "average": phrase_template("{0} average pooling with stride {1} and padding {2}")}
_GLOBAL_POOLING = {"max": phrase_template("Global max pooling"),
                   "average": phrase_template("Global average pooling")}


def _pooling(kind: str) -> Callable:
    def describe(layer, site: _Site) -> tuple[str, Phrase]:
        size, strides = layer.pool_size, layer.strides
        return f"{_rank_prefix(len(size))}{kind.title()} Pooling", Phrase(
            _POOLING[kind], (_x(size), _vector(strides), _padding(layer, site, size, strides)))
    return describe


def _global_pooling(kind: str, dims: int) -> Callable:
    def describe(layer, site: _Site) -> tuple[str, Phrase]:
        return f"{_rank_prefix(dims)}Global {kind.title()} Pooling", Phrase(_GLOBAL_POOLING[kind])
    return describe


def _batch_norm(layer, site: _Site) -> tuple[str, Phrase]:
    channels = layer.moving_mean.shape[0]
    return "Batch Normalization", Phrase("Batch normalization with {0} channel" if channels == 1
                                         else "Batch normalization with {0} channels", (channels,))


def _layer_norm(layer, site: _Site) -> tuple[str, Phrase]:
    channels = site.input_shapes[0][-1]
    return "Layer Normalization", Phrase("Layer normalization with {0} channel" if channels == 1
                                         else "Layer normalization with {0} channels", (channels,))


def _group_norm(layer, site: _Site) -> tuple[str, Phrase]:
    channels = site.input_shapes[0][-1]
    return "Group Normalization", Phrase("Group normalization with {0} groups of {1} channel"
                                         if channels == 1 else
                                         "Group normalization with {0} groups of {1} channels",
                                         (layer.groups, channels))


def _dropout(layer, site: _Site) -> tuple[str, Phrase]:
    return "Dropout", Phrase("{0}% dropout", (f"{float(layer.rate) * 100:g}",))


def _reshape(layer, site: _Site) -> tuple[str, Phrase]:
    return "Reshape", Phrase("Reshape to {0}", (_x(layer.target_shape),))


def _concatenate(layer, site: _Site) -> tuple[str, Phrase]:
    count, rank = len(site.input_shapes), len(site.input_shapes[0])
    if layer.axis in (-1, rank - 1):
        return "Depth concatenation", Phrase("Depth concatenation of {0} inputs", (count,))
    return "Concatenation", Phrase("Concatenation of {0} inputs along dimension {1}",
                                   (count, layer.axis))


def _merge(kind: str, template: str) -> Callable:
    def describe(layer, site: _Site) -> tuple[str, Phrase]:
        return kind, Phrase(template, (len(site.input_shapes),))
    return describe


def _zero_padding(layer, site: _Site) -> tuple[str, Phrase]:
    return "Zero Padding", Phrase("padding {0}", (_vector(_flat(layer.padding)),))


def _cropping(layer, site: _Site) -> tuple[str, Phrase]:
    return "Cropping", Phrase("cropping {0}", (_vector(_flat(layer.cropping)),))


def _flat(pairs) -> list[int]:
    return [int(v) for pair in pairs for v in (pair if isinstance(pair, (list, tuple)) else [pair])]


def _rescaling(layer, site: _Site) -> tuple[str, Phrase]:
    return "Rescaling", Phrase("scale {0}, offset {1}", (_number(layer.scale), _number(layer.offset)))


def _resizing(layer, site: _Site) -> tuple[str, Phrase]:
    return "Resize", Phrase("Resize to {0}x{1} ({2})", (layer.height, layer.width, layer.interpolation))


def _upsampling(layer, site: _Site) -> tuple[str, Phrase]:
    return "Resize", Phrase("{0} upsampling ({1})", (_x(layer.size), layer.interpolation))


def _permute(layer, site: _Site) -> tuple[str, Phrase]:
    return "Permute", Phrase("Permute dimensions to {0}", (_vector(layer.dims),))


def _fixed(kind: str, description: str) -> Callable:
    return lambda layer, site: (kind, Phrase(description))


def _network(layer, site: _Site) -> tuple[str, Phrase]:
    return "Network", Phrase("nested network")  # the row count is filled in after the children


_DESCRIBERS: dict[str, Callable[[Any, _Site], tuple[str, Phrase]]] = {
    "InputLayer": _input,
    "Conv1D": _convolution, "Conv2D": _convolution, "Conv3D": _convolution,
    "DepthwiseConv1D": _depthwise, "DepthwiseConv2D": _depthwise,
    "SeparableConv1D": _separable, "SeparableConv2D": _separable,
    "Conv1DTranspose": _transposed, "Conv2DTranspose": _transposed,
    "Conv3DTranspose": _transposed,
    "Dense": _dense,
    "ReLU": _relu, "LeakyReLU": _leaky_relu, "ELU": _elu,
    "PReLU": _fixed("PReLU", phrase_template("PReLU")),
    "Activation": _activation,
    "Softmax": _fixed("Softmax", phrase_template("softmax")),
    "MaxPooling1D": _pooling("max"), "MaxPooling2D": _pooling("max"),
    "MaxPooling3D": _pooling("max"),
    "AveragePooling1D": _pooling("average"), "AveragePooling2D": _pooling("average"),
    "AveragePooling3D": _pooling("average"),
    "GlobalAveragePooling1D": _global_pooling("average", 1),
    "GlobalAveragePooling2D": _global_pooling("average", 2),
    "GlobalAveragePooling3D": _global_pooling("average", 3),
    "GlobalMaxPooling1D": _global_pooling("max", 1),
    "GlobalMaxPooling2D": _global_pooling("max", 2),
    "GlobalMaxPooling3D": _global_pooling("max", 3),
    "BatchNormalization": _batch_norm,
    "LayerNormalization": _layer_norm,
    "GroupNormalization": _group_norm,
    "Dropout": _dropout,
    "Flatten": _fixed("Flatten", phrase_template("Flatten")),
    "Reshape": _reshape,
    "Permute": _permute,
    "Concatenate": _concatenate,
    "Add": _merge("Addition", phrase_template("Element-wise addition of {0} inputs")),
    "Subtract": _merge("Subtraction", phrase_template("Element-wise subtraction of {0} inputs")),
    "Multiply": _merge("Multiplication", phrase_template("Element-wise multiplication of {0} inputs")),
    "Average": _merge("Average", phrase_template("Element-wise average of {0} inputs")),
    "Maximum": _merge("Maximum", phrase_template("Element-wise maximum of {0} inputs")),
    "Minimum": _merge("Minimum", phrase_template("Element-wise minimum of {0} inputs")),
    "ZeroPadding1D": _zero_padding, "ZeroPadding2D": _zero_padding,
    "ZeroPadding3D": _zero_padding,
    "Cropping1D": _cropping, "Cropping2D": _cropping, "Cropping3D": _cropping,
    "Rescaling": _rescaling,
    "Normalization": _fixed("Normalization", phrase_template("Mean and variance normalization")),
    "Resizing": _resizing,
    "UpSampling2D": _upsampling,
    "Model": _network,
}


# --- learnables, MATLAB's shapes ---------------------------------------------

def _channel_shape(site: _Site, channels: int) -> list[int]:
    """Per-channel values: 1x1xC beside images, Cx1 beside feature vectors."""
    rank = len(site.output_shape) - 1 if site.output_shape else 3
    return [1] * (rank - 1) + [channels] if rank > 1 else [channels, 1]


def _conv_learnables(layer, site: _Site) -> dict[str, list[int]]:
    *kernel, per_group, filters = layer.kernel.shape
    ones = [1] * len(kernel)
    if layer.groups > 1:
        groups = layer.groups
        shapes = {"Weights": [*kernel, per_group, filters // groups, groups],
                  "Bias": [*ones, filters // groups, groups]}
    else:
        shapes = {"Weights": [*kernel, per_group, filters], "Bias": [*ones, filters]}
    return _existing(layer, shapes)


def _depthwise_learnables(layer, site: _Site) -> dict[str, list[int]]:
    *kernel, channels, multiplier = layer.kernel.shape
    return _existing(layer, {"Weights": [*kernel, 1, multiplier, channels],
                             "Bias": [1] * len(kernel) + [multiplier, channels]})


def _separable_learnables(layer, site: _Site) -> dict[str, list[int]]:
    *kernel, channels, multiplier = layer.depthwise_kernel.shape
    return _existing(layer, {"DepthwiseWeights": [*kernel, 1, multiplier, channels],
                             "PointwiseWeights": list(layer.pointwise_kernel.shape),
                             "Bias": [1] * len(kernel) + [layer.filters]})


def _transposed_learnables(layer, site: _Site) -> dict[str, list[int]]:
    shape = list(layer.kernel.shape)  # Keras and MATLAB agree: k..., filters, channels
    return _existing(layer, {"Weights": shape, "Bias": [1] * (len(shape) - 2) + [shape[-2]]})


def _dense_learnables(layer, site: _Site) -> dict[str, list[int]]:
    inputs, units = layer.kernel.shape
    return _existing(layer, {"Weights": [units, inputs], "Bias": [units, 1]})


def _norm_learnables(layer, site: _Site) -> dict[str, list[int]]:
    weights = {w.name: w for w in layer.trainable_weights}
    shapes = {}
    if "beta" in weights:
        shapes["Offset"] = _channel_shape(site, int(math.prod(weights["beta"].shape)))
    if "gamma" in weights:
        shapes["Scale"] = _channel_shape(site, int(math.prod(weights["gamma"].shape)))
    return shapes


def _prelu_learnables(layer, site: _Site) -> dict[str, list[int]]:
    return {"Alpha": list(layer.alpha.shape)}


def _existing(layer, shapes: dict[str, list[int]]) -> dict[str, list[int]]:
    """Drop the bias a layer was built without (``use_bias=False``)."""
    if not getattr(layer, "use_bias", True):
        shapes.pop("Bias", None)
    return shapes


def _no_learnables(layer, site: _Site) -> dict[str, list[int]]:
    return {}  # a nested model's learnables are shown on its own rows


_LEARNABLES: dict[str, Callable[[Any, _Site], dict[str, list[int]]]] = {
    "Conv1D": _conv_learnables, "Conv2D": _conv_learnables, "Conv3D": _conv_learnables,
    "DepthwiseConv1D": _depthwise_learnables, "DepthwiseConv2D": _depthwise_learnables,
    "SeparableConv1D": _separable_learnables, "SeparableConv2D": _separable_learnables,
    "Conv1DTranspose": _transposed_learnables, "Conv2DTranspose": _transposed_learnables,
    "Conv3DTranspose": _transposed_learnables,
    "Dense": _dense_learnables,
    "BatchNormalization": _norm_learnables, "LayerNormalization": _norm_learnables,
    "GroupNormalization": _norm_learnables,
    "PReLU": _prelu_learnables,
    "Model": _no_learnables,
}
