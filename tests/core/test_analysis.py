"""The analyzeNetwork table: the lab sheet's SqueezeNet rows, and Keras's own numbers."""

import json

import keras
import pytest
from keras import layers

from neurolab.core.inspection.analysis import analyze_model
from neurolab.core.models.squeezenet import build_squeezenet

# The lab sheet's table (seed/lab-en.md), rows 1-7 as MATLAB prints them.
LAB_SHEET_ROWS = [
    (1, "data", "Image Input", "227x227x3 images with 'zerocenter' normalization",
     [227, 227, 3], {}),
    (2, "conv1", "Convolution", "64 3x3x3 convolutions with stride [2 2] and padding [0 0 0 0]",
     [113, 113, 64], {"Weights": [3, 3, 3, 64], "Bias": [1, 1, 64]}),
    (3, "relu_conv1", "ReLU", "ReLU", [113, 113, 64], {}),
    (4, "pool1", "Max Pooling", "3x3 max pooling with stride [2 2] and padding [0 0 0 0]",
     [56, 56, 64], {}),
    (5, "fire2-squeeze1x1", "Convolution",
     "16 1x1x64 convolutions with stride [1 1] and padding [0 0 0 0]",
     [56, 56, 16], {"Weights": [1, 1, 64, 16], "Bias": [1, 1, 16]}),
    (6, "fire2-relu_squeeze1x1", "ReLU", "ReLU", [56, 56, 16], {}),
    (7, "fire2-expand1x1", "Convolution",
     "64 1x1x16 convolutions with stride [1 1] and padding [0 0 0 0]",
     [56, 56, 64], {"Weights": [1, 1, 16, 64], "Bias": [1, 1, 64]}),
]

LAYER_KEYS = {"index", "name", "type", "class", "description", "activations", "learnables",
              "params", "inputs", "parent", "native_only"}


@pytest.fixture(scope="module")
def squeezenet():
    model = build_squeezenet()
    return model, analyze_model(model, input_description="'zerocenter' normalization")


def _rows(analysis):
    return {row.key: row for row in analysis.layers}


def test_squeezenet_first_rows_match_the_lab_sheet(squeezenet):
    _, analysis = squeezenet
    got = [(r.index, r.name, r.type, r.description, r.activations, r.learnables)
           for r in analysis.layers[:7]]
    assert got == LAB_SHEET_ROWS


def test_squeezenet_matches_matlab_counts_and_shapes(squeezenet):
    model, analysis = squeezenet
    rows = _rows(analysis)
    assert analysis.total_params == model.count_params() == 1235496
    assert len(analysis.layers) == 67  # MATLAB's 68 less its classification output layer
    assert rows["pool3"].activations == [28, 28, 128]
    assert rows["pool3"].description == "3x3 max pooling with stride [2 2] and padding [0 1 0 1]"
    assert rows["pool5"].activations == [14, 14, 256]
    assert rows["fire2-expand3x3"].description.endswith("padding [1 1 1 1]")
    assert rows["conv10"].activations == [14, 14, 1000]
    assert rows["pool10"].activations == [1000]
    assert (rows["prob"].type, rows["prob"].activations) == ("Softmax", [1000])
    assert rows["fire2-concat"].inputs == ["fire2-relu_expand1x1", "fire2-relu_expand3x3"]


def test_rows_follow_matlab_branch_order(squeezenet):
    _, analysis = squeezenet
    names = [r.name for r in analysis.layers[6:11]]
    assert names == ["fire2-expand1x1", "fire2-relu_expand1x1", "fire2-expand3x3",
                     "fire2-relu_expand3x3", "fire2-concat"]


APPLICATIONS = ["MobileNetV2", "VGG16", pytest.param("ResNet50", marks=pytest.mark.slow),
                pytest.param("EfficientNetB0", marks=pytest.mark.slow)]  # 4-8 s to build each


@pytest.fixture(scope="module", params=APPLICATIONS)
def application(request):
    model = getattr(keras.applications, request.param)(weights=None, input_shape=(96, 96, 3))
    return model, analyze_model(model)


def test_applications_agree_with_keras(application):
    model, analysis = application
    assert [r.name for r in analysis.layers] and analysis.total_params == model.count_params()
    assert sorted(r.name for r in analysis.layers) == sorted(lay.name for lay in model.layers)
    for row in analysis.layers:
        layer = model.get_layer(row.name)
        assert row.activations == list(layer.output.shape[1:]), row.name
        assert row.params == layer.count_params(), row.name
        assert row.type and row.description, row.name  # every Keras layer in them is known
    assert [r.index for r in analysis.layers] == list(range(1, len(analysis.layers) + 1))


def test_applications_list_inputs_before_their_users(application):
    _, analysis = application
    seen = set()
    for row in analysis.layers:
        assert set(row.inputs) <= seen, row.name
        seen.add(row.name)
    assert analysis.layers[0].type == "Image Input" and analysis.layers[0].inputs == []


@pytest.mark.parametrize("name, builder", [
    ("Clipped ReLU", lambda: layers.ReLU(6.0)),
    ("Leaky ReLU", lambda: layers.ReLU(negative_slope=0.1)),
    ("Leaky ReLU", lambda: layers.LeakyReLU(0.1)),
    ("Swish", lambda: layers.Activation("swish")),
    ("Sigmoid", lambda: layers.Activation("sigmoid")),
    ("Batch Normalization", lambda: layers.BatchNormalization(center=False)),
    ("Average Pooling", lambda: layers.AveragePooling2D(2)),
    ("Global Max Pooling", lambda: layers.GlobalMaxPooling2D()),
    ("Transposed Convolution", lambda: layers.Conv2DTranspose(4, 3, strides=2, padding="same")),
    ("Grouped Convolution", lambda: layers.Conv2D(8, 3, groups=2, dilation_rate=2)),
    ("Separable Convolution", lambda: layers.SeparableConv2D(8, 3)),
    ("Rescaling", lambda: layers.Rescaling(1 / 255)),
])
def test_layer_wording(name, builder):
    inputs = keras.Input((16, 16, 4))
    model = keras.Model(inputs, builder()(inputs))
    row = analyze_model(model).layers[1]
    assert row.type == name and row.description and row.params == model.layers[1].count_params()


def test_layer_details_use_matlab_shapes():
    inputs = keras.Input((16, 16, 4))
    x = layers.Conv2D(8, 3, groups=2, dilation_rate=2, name="grouped")(inputs)
    x = layers.BatchNormalization(center=False, name="bn")(x)
    x = layers.ReLU(negative_slope=0.1, name="leaky")(x)
    x = layers.ReLU(6.0, name="clipped")(x)
    x = layers.Rescaling(1 / 255, name="scale")(x)
    rows = _rows(analyze_model(keras.Model(inputs, x)))
    assert rows["grouped"].description == ("2 groups of 4 3x3x2 convolutions with stride [1 1], "
                                           "dilation [2 2] and padding [0 0 0 0]")
    assert rows["grouped"].learnables == {"Weights": [3, 3, 2, 4, 2], "Bias": [1, 1, 4, 2]}
    assert rows["bn"].learnables == {"Scale": [1, 1, 8]}
    assert rows["leaky"].description == "Leaky ReLU with scale 0.1"
    assert rows["clipped"].description == "Clipped ReLU with ceiling 6"
    assert rows["scale"].description == "scale 0.0039216, offset 0"


def _nested_model():
    inputs = keras.Input((32, 32, 3), name="image")
    x = layers.Conv2D(8, 3, strides=2, name="conv")(inputs)
    x = layers.ReLU(name="relu")(x)
    backbone = keras.Model(inputs, x, name="backbone")
    return keras.Sequential([keras.Input((32, 32, 3)), backbone,
                             layers.GlobalAveragePooling2D(name="gap"),
                             layers.Dense(10, name="head")], name="classifier")


def test_nested_model_rows_follow_their_parent():
    model = _nested_model()
    analysis = analyze_model(model, native_only=["head"])
    summary = [(r.name, r.type, r.parent) for r in analysis.layers]
    assert summary[1:] == [
        ("backbone", "Network", None),
        ("image", "Image Input", "backbone"), ("conv", "Convolution", "backbone"),
        ("relu", "ReLU", "backbone"),
        ("gap", "Global Average Pooling", None), ("head", "Fully Connected", None),
    ]
    rows = _rows(analysis)
    assert rows["backbone"].description == "nested network with 3 layers"
    assert rows["backbone"].activations == [15, 15, 8]
    assert rows["backbone/conv"].learnables == {"Weights": [3, 3, 3, 8], "Bias": [1, 1, 8]}
    assert rows["gap"].inputs == ["backbone"]
    assert analysis.total_params == model.count_params()
    assert rows["head"].native_only and not rows["gap"].native_only
    assert analysis.warnings == ["1 layer needs the model's native input size (32x32): head"]


def test_shared_layer_is_one_row_with_all_its_inputs():
    left, right = keras.Input((4,), name="left"), keras.Input((4,), name="right")
    shared = layers.Dense(2, name="shared")
    out = layers.Add(name="sum")([shared(left), shared(right)])
    analysis = analyze_model(keras.Model([left, right], out))
    assert [r.name for r in analysis.layers] == ["left", "shared", "right", "sum"]
    rows = _rows(analysis)
    assert rows["shared"].inputs == ["left", "right"]
    assert rows["shared"].learnables == {"Weights": [2, 4], "Bias": [2, 1]}
    assert rows["left"].type == "Feature Input" and rows["left"].description == "4 features"


class Wobble(layers.Layer):
    """A layer neurolab has never heard of."""

    def build(self, input_shape):
        self.wobble = self.add_weight(shape=(input_shape[-1],), name="wobble")

    def call(self, x):
        return x * self.wobble


def test_unknown_layer_gets_its_class_name():
    inputs = keras.Input((8, 8, 3))
    analysis = analyze_model(keras.Model(inputs, Wobble(name="odd")(inputs)))
    row = analysis.layers[1]
    assert (row.type, row.class_name, row.description) == ("Wobble", "Wobble", "")
    assert row.learnables == {"wobble": [3]} and row.params == 3


def test_json_has_the_design_keys(squeezenet):
    _, analysis = squeezenet
    data = json.loads(json.dumps(analysis.to_json()))
    assert set(data) == {"name", "input_shape", "total_params", "layers", "warnings"}
    assert data["name"] == "squeezenet" and data["input_shape"] == [227, 227, 3]
    assert all(set(layer) == LAYER_KEYS for layer in data["layers"])
    conv1 = data["layers"][1]
    assert conv1 == {"index": 2, "name": "conv1", "type": "Convolution", "class": "Conv2D",
                     "description": LAB_SHEET_ROWS[1][3], "activations": [113, 113, 64],
                     "learnables": {"Weights": [3, 3, 3, 64], "Bias": [1, 1, 64]},
                     "params": 1792, "inputs": ["data"], "parent": None, "native_only": False}


def test_descriptions_and_warnings_keep_their_phrases(squeezenet):
    """The window translates the template and values; the text stays the English one."""
    _, analysis = squeezenet
    rows = _rows(analysis)
    assert rows["data"].description_phrase.template == "{0} with {1}"
    assert rows["conv1"].description_phrase.template == (
        "{0} {1} convolutions with stride {2}{3} and padding {4}{5}")
    assert rows["conv1"].description_phrase.values[:3] == (64, "3x3x3", "[2 2]")
    for row in analysis.layers:
        assert str(row.description_phrase) == row.description, row.name
    nested = analyze_model(_nested_model(), native_only=["head"])
    assert _rows(nested)["backbone"].description_phrase.template == "nested network with {0} layers"
    assert [str(p) for p in nested.warning_phrases] == nested.warnings
    assert "description_phrase" not in json.dumps(nested.to_json())
