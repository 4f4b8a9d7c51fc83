"""Keras 2 model configs rewritten in Keras 3's words, for the same Keras classes.

Files written by tf.keras / tf-keras 2.x — legacy ``.h5``, Keras 2.13–2.15 ``.keras`` zips,
Teachable Machine exports — describe Keras's own layers, but in Keras 2's words that Keras 3
(and neurolab's checker) reject: a nested model's module is ``tf_keras.src.engine.functional``,
DepthwiseConv2D carries ``groups: 1`` (keras-team/keras#19151), layers carry
``batch_input_shape``, BatchNormalization's axis is a list, a nested model's first call is node 1.

:func:`translate_config` rewrites those words on plain JSON data (no Keras, no TensorFlow):
Keras 2 module paths become Keras 3's through an explicit table of ``(module, class)`` pairs
of Keras's own classes — never a wider prefix, so a Keras-2-looking path to anything else
stays what it was and the checker (``files.check_model_config``) refuses it. The translated
config is what the checker judges and what Keras loads (written into the private copy).
"""

from __future__ import annotations

from typing import Any

from neurolab.core.phrases import Phrase

# Where Keras 2 kept its model classes: tf.keras ≤ 2.12 (keras.engine), Keras 2.13–2.15
# (keras.src.engine) and tf-keras (tf_keras.src.engine). Their public names were keras.Model
# and keras.Sequential; Functional was never public, so its source module was written.
_KERAS2_ENGINES = ("keras.engine", "keras.src.engine", "tf_keras.src.engine")
_KERAS3_MODEL_CLASSES = {
    ("functional", "Functional"): ("keras.src.models.functional", "Functional"),
    ("sequential", "Sequential"): ("keras", "Sequential"),
    ("training", "Model"): ("keras", "Model"),
    ("input_layer", "InputLayer"): ("keras.layers", "InputLayer"),
}
# Keras 2's source file of each of its own layers that neurolab rebuilds (tf-keras 2.21's
# tree; keras 2.12 had the same files under keras.layers, 2.13–2.15 under keras.src.layers).
# Keras 2 wrote the public path ``keras.layers`` for these; the source path appears only in
# hand-edited or converted files, and maps to the same class.
_KERAS2_LAYER_FILES = """
    activation.elu:ELU activation.leaky_relu:LeakyReLU activation.prelu:PReLU activation.relu:ReLU
    activation.softmax:Softmax
    convolutional.conv1d:Conv1D convolutional.conv1d_transpose:Conv1DTranspose convolutional.conv2d:Conv2D
    convolutional.conv2d_transpose:Conv2DTranspose convolutional.conv3d:Conv3D
    convolutional.conv3d_transpose:Conv3DTranspose convolutional.depthwise_conv1d:DepthwiseConv1D
    convolutional.depthwise_conv2d:DepthwiseConv2D convolutional.separable_conv1d:SeparableConv1D
    convolutional.separable_conv2d:SeparableConv2D
    core.activation:Activation core.dense:Dense core.einsum_dense:EinsumDense core.embedding:Embedding
    core.identity:Identity core.masking:Masking
    merging.add:Add merging.average:Average merging.concatenate:Concatenate merging.dot:Dot
    merging.maximum:Maximum merging.minimum:Minimum merging.multiply:Multiply merging.subtract:Subtract
    normalization.batch_normalization:BatchNormalization normalization.group_normalization:GroupNormalization
    normalization.layer_normalization:LayerNormalization
    normalization.spectral_normalization:SpectralNormalization
    normalization.unit_normalization:UnitNormalization
    pooling.average_pooling1d:AveragePooling1D pooling.average_pooling2d:AveragePooling2D
    pooling.average_pooling3d:AveragePooling3D pooling.global_average_pooling1d:GlobalAveragePooling1D
    pooling.global_average_pooling2d:GlobalAveragePooling2D
    pooling.global_average_pooling3d:GlobalAveragePooling3D pooling.global_max_pooling1d:GlobalMaxPooling1D
    pooling.global_max_pooling2d:GlobalMaxPooling2D pooling.global_max_pooling3d:GlobalMaxPooling3D
    pooling.max_pooling1d:MaxPooling1D pooling.max_pooling2d:MaxPooling2D pooling.max_pooling3d:MaxPooling3D
    preprocessing.image_preprocessing:CenterCrop preprocessing.image_preprocessing:RandomBrightness
    preprocessing.image_preprocessing:RandomContrast preprocessing.image_preprocessing:RandomCrop
    preprocessing.image_preprocessing:RandomFlip preprocessing.image_preprocessing:RandomRotation
    preprocessing.image_preprocessing:RandomTranslation preprocessing.image_preprocessing:RandomZoom
    preprocessing.image_preprocessing:Rescaling preprocessing.image_preprocessing:Resizing
    preprocessing.normalization:Normalization
    regularization.activity_regularization:ActivityRegularization regularization.alpha_dropout:AlphaDropout
    regularization.dropout:Dropout regularization.gaussian_dropout:GaussianDropout
    regularization.gaussian_noise:GaussianNoise regularization.spatial_dropout1d:SpatialDropout1D
    regularization.spatial_dropout2d:SpatialDropout2D regularization.spatial_dropout3d:SpatialDropout3D
    reshaping.cropping1d:Cropping1D reshaping.cropping2d:Cropping2D reshaping.cropping3d:Cropping3D
    reshaping.flatten:Flatten reshaping.permute:Permute reshaping.repeat_vector:RepeatVector
    reshaping.reshape:Reshape reshaping.up_sampling1d:UpSampling1D reshaping.up_sampling2d:UpSampling2D
    reshaping.up_sampling3d:UpSampling3D reshaping.zero_padding1d:ZeroPadding1D
    reshaping.zero_padding2d:ZeroPadding2D reshaping.zero_padding3d:ZeroPadding3D
""".split()
_KERAS2_LAYER_ROOTS = ("keras.layers", "keras.src.layers", "tf_keras.src.layers")
# Keras 2's mixed-precision policy is Keras 3's DTypePolicy (same config: its name).
_KERAS2_POLICY_MODULES = ("keras.mixed_precision", "keras.mixed_precision.policy",
                          "keras.src.mixed_precision.policy", "tf_keras.src.mixed_precision.policy")


def _class_table() -> dict[tuple[str | None, str], tuple[str, str]]:
    table: dict[tuple[str | None, str], tuple[str, str]] = {}
    for engine in _KERAS2_ENGINES:
        for (file, class_name), target in _KERAS3_MODEL_CLASSES.items():
            table[(f"{engine}.{file}", class_name)] = target
    for root in _KERAS2_LAYER_ROOTS:
        for entry in _KERAS2_LAYER_FILES:
            file, class_name = entry.split(":")
            table[(f"{root}.{file}", class_name)] = ("keras.layers", class_name)
    for module in (*_KERAS2_POLICY_MODULES, None):
        table[(module, "Policy")] = ("keras", "DTypePolicy")
    return table


# (Keras 2 module, class) → (Keras 3 module, class): every pair spelled out, nothing by prefix.
KERAS2_CLASSES: dict[tuple[str | None, str], tuple[str, str]] = _class_table()
MODEL_CLASSES = frozenset({"Functional", "Sequential", "Model"})
DEPTHWISE = frozenset({"DepthwiseConv1D", "DepthwiseConv2D"})
# Layer arguments Keras 2 accepted on any layer and Keras 3 takes only on InputLayer.
SHAPE_ARGUMENTS = ("batch_input_shape", "input_shape", "batch_size", "input_dim")


class Untranslatable(ValueError):
    """A Keras 2 config Keras 3 cannot express; ``reason`` says what (a Phrase)."""

    def __init__(self, reason: Phrase):
        super().__init__(str(reason))
        self.reason = reason


def translate_config(config: Any) -> bool:
    """Rewrite a parsed model config in Keras 3's words, in place; say whether anything changed.

    In place and without recursion: the config was just parsed (nobody else holds it) and may
    be nested deeper than Python's stack before the checker bounds its depth. Raises
    :class:`Untranslatable` for what has no Keras 3 equivalent (DepthwiseConv2D with
    ``groups`` other than 1, BatchNormalization over several axes).
    """
    changed = False
    stack = [config]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("class_name"), str):
                changed |= _translate_object(node)
            stack.extend(value for key, value in node.items() if key != "compile_config")
        elif isinstance(node, list):
            stack.extend(node)
    return changed


def _translate_object(obj: dict) -> bool:
    changed = _rename_class(obj)
    config = obj.get("config")
    if not isinstance(config, dict):
        return changed
    class_name = obj["class_name"]
    if class_name in DEPTHWISE and "groups" in config:
        if config["groups"] not in (1, None):
            raise Untranslatable(Phrase("its {0} '{1}' has groups={2}, which Keras 3 cannot build",
                                        (class_name, str(config.get("name", "?"))[:60],
                                         str(config["groups"])[:20])))
        del config["groups"]
        changed = True
    if class_name == "BatchNormalization" and isinstance(config.get("axis"), list):
        if len(config["axis"]) != 1:
            raise Untranslatable(Phrase("its BatchNormalization '{0}' normalises over several axes, "
                                        "which Keras 3 cannot build",
                                        (str(config.get("name", "?"))[:60],)))
        config["axis"] = config["axis"][0]
        changed = True
    if class_name == "LeakyReLU" and "alpha" in config:
        config["negative_slope"] = config.pop("alpha")
        changed = True
    if class_name == "InputLayer" and "batch_input_shape" in config:
        config["batch_shape"] = config.pop("batch_input_shape")
        changed = True
    if class_name == "Sequential" and isinstance(config.get("layers"), list):
        changed |= _give_sequential_an_input(config["layers"])
    if class_name in MODEL_CLASSES and isinstance(config.get("layers"), list):
        changed |= _renumber_nested_model_calls(config["layers"])
        changed |= _unwrap_single_tensor(config, "input_layers")
        changed |= _unwrap_single_tensor(config, "output_layers")
    if class_name != "InputLayer":
        for key in SHAPE_ARGUMENTS:
            if key in config and not (key == "input_dim" and class_name == "Embedding"):
                del config[key]
                changed = True
    return changed


def _rename_class(obj: dict) -> bool:
    module = obj.get("module")
    if module is not None and not isinstance(module, str):
        return False  # the checker names what is wrong with it
    target = KERAS2_CLASSES.get((module, obj["class_name"]))
    if target is None:
        return False
    old_class = obj["class_name"]
    obj["module"], obj["class_name"] = target
    if obj.get("registered_name") == old_class and target[1] != old_class:
        obj["registered_name"] = None
    return True


def _shape_of(layer: Any) -> list | None:
    """The batch shape a Keras 2 layer config names for its input, or None."""
    config = layer.get("config") if isinstance(layer, dict) else None
    if not isinstance(config, dict):
        return None
    if isinstance(config.get("batch_input_shape"), list):
        return config["batch_input_shape"]
    if isinstance(config.get("input_shape"), list):
        return [config.get("batch_size"), *config["input_shape"]]
    if isinstance(config.get("input_dim"), int) and layer.get("class_name") != "Embedding":
        return [config.get("batch_size"), config["input_dim"]]
    return None


def _give_sequential_an_input(layers: list) -> bool:
    """Keras 2 let a Sequential's first layer carry its input shape; Keras 3 needs an InputLayer."""
    if not layers or not isinstance(layers[0], dict) or layers[0].get("class_name") == "InputLayer":
        return False
    shape = _shape_of(layers[0])
    if shape is None:
        return False
    config = layers[0]["config"]
    name = f"{config.get('name', 'sequential')}_input"
    input_config = {"batch_shape": shape, "name": name}
    if isinstance(config.get("dtype"), str):
        input_config["dtype"] = config["dtype"]
    layers.insert(0, {"class_name": "InputLayer", "config": input_config})
    return True


def _renumber_nested_model_calls(layers: list) -> bool:
    """Keras 2 counted a nested model's own building as its node 0, so its first call in the
    outer graph is node 1; Keras 3 counts calls only (node 0)."""
    nested = {layer.get("name") for layer in layers
              if isinstance(layer, dict) and layer.get("class_name") in MODEL_CLASSES
              and isinstance(layer.get("name"), str) and _skips_first_node(layer)}
    changed = False
    for layer in layers:
        nodes = layer.get("inbound_nodes") if isinstance(layer, dict) else None
        for node in nodes if isinstance(nodes, list) else ():
            for inbound in node if isinstance(node, list) else ():
                if (isinstance(inbound, list) and len(inbound) >= 3 and isinstance(inbound[0], str)
                        and inbound[0] in nested and type(inbound[1]) is int and inbound[1] > 0):
                    inbound[1] -= 1
                    changed = True
    return changed


def _unwrap_single_tensor(config: dict, key: str) -> bool:
    """Keras 2 wrote one input or output as a list of one (``[["conv", 0, 0]]``) and unwrapped
    it when loading; Keras 3 keeps the list, so a nested model would hand the next layer a list."""
    value = config.get(key)
    if (isinstance(value, list) and len(value) == 1 and isinstance(value[0], list)
            and len(value[0]) == 3 and isinstance(value[0][0], str)):
        config[key] = value[0]
        return True
    return False


def _skips_first_node(layer: dict) -> bool:
    """Keras 2's ``_should_skip_first_node``: a model whose first layer is an InputLayer."""
    config = layer.get("config")
    inner = config.get("layers") if isinstance(config, dict) else None
    if not isinstance(inner, list) or not inner:
        return layer.get("class_name") != "Sequential"
    return isinstance(inner[0], dict) and inner[0].get("class_name") == "InputLayer"
