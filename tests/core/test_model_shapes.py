"""Any input shape and any outputs (issue #15): an (H, W) input is a greyscale image; a vector,
a sequence or several inputs open with their table; a vector output classifies, the one chosen
among several; a map output is said not to classify."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.errors import BadInputError
from tests.helpers import photo


def _workspace(path):
    from neurolab.core.jobs import run_job
    from neurolab.core.workspace import open_model_job

    return run_job(open_model_job(path))


def test_quickstart_mlp_takes_greyscale_digits_and_classifies_them(shape_files):
    from neurolab.core.models.classify import classify

    workspace = _workspace(shape_files["quickstart_mlp"])
    loaded = workspace.loaded
    assert loaded.image_input.shape == (28, 28, 1) and not loaded.image_input.channel_axis
    first = workspace.analysis.layers[0]
    assert first.type == "Image Input" and first.description.startswith("28x28 greyscale images")
    digit = np.zeros((28, 28, 3), np.uint8)
    digit[6:22, 12:16] = 255
    scores = np.asarray(loaded.model(digit[None, :, :, 0].astype("float32") / 255.0))[0]
    expected = np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()
    top = classify(loaded, digit, top=3)
    assert top[0].index == int(np.argmax(expected)) and top[0].probability == pytest.approx(
        float(expected.max()), rel=1e-5)
    result = workspace.extractor.compute(digit)
    assert {k: v.shape for k, v in result.activations.items()} == {
        "input_layer": (28, 28), "flatten": (784,), "dense": (128,), "dropout": (128,), "dense_1": (10,)}
    assert np.allclose(result["dense_1"], scores, atol=1e-5)


@pytest.mark.parametrize("name, fragment", [
    ("conv1d", "The model takes sequences (50 steps × 3 values), not images."),
    ("two_inputs", "The model takes 2 inputs, not one image.")])
def test_models_without_an_image_open_with_their_table_and_say_why_they_take_no_image(
        shape_files, name, fragment):
    from neurolab.core.models.classify import classify

    workspace = _workspace(shape_files[name])
    assert workspace.extractor is None and workspace.analysis.total_params > 0
    assert workspace.loaded.no_image_reason == fragment
    with pytest.raises(BadInputError, match="cannot look at an image"):
        classify(workspace.loaded, photo())


def test_a_vector_model_has_a_feature_input_row():
    import keras

    from neurolab.core.inspection.analysis import analyze_model
    from neurolab.core.models.interface import image_input

    inputs = keras.Input((1,))
    model = keras.Model(inputs, keras.layers.Permute((2, 1))(keras.layers.Reshape((1, 1))(inputs)))
    assert image_input(model)[0] is None
    rows = analyze_model(model).layers
    assert rows[0].description == "1 feature"
    assert rows[-1].type == "Permute" and rows[-1].description == "Permute dimensions to [2 1]"


def test_two_outputs_classify_with_the_first_softmax_or_the_one_chosen(shape_files):
    from neurolab.core.adversarial.gradients import gradient_model
    from neurolab.core.models.catalog import load_model
    from neurolab.core.models.classify import classify
    from neurolab.core.models.interface import find_output

    loaded = load_model(shape_files["two_outputs"])
    assert [(o.name, o.kind) for o in loaded.outputs] == [("prob", "vector"), ("bbox", "vector")]
    assert loaded.output_index == 0 and loaded.labels == ["class 0", "class 1"]
    image = photo(24, 24)
    batch = image[None].astype("float32") / 255.0
    prob, box = (np.asarray(o)[0] for o in loaded.model(batch))
    top = classify(loaded, image, top=2)
    assert [p.probability for p in top] == pytest.approx(sorted(prob, reverse=True), rel=1e-5)
    assert gradient_model(loaded).probabilities(image) == pytest.approx(prob, rel=1e-4)
    loaded.choose_output(find_output(loaded.outputs, "bbox"))
    assert loaded.classifier_name == "bbox" and len(loaded.labels) == 4
    box_probabilities = np.exp(box - box.max()) / np.exp(box - box.max()).sum()
    assert [p.index for p in classify(loaded, image, top=4)] == list(np.argsort(-box_probabilities))
    assert gradient_model(loaded).classes == 4  # a new GradientModel for the other output
    assert find_output(loaded.outputs, "0") == 0
    with pytest.raises(BadInputError, match="no output 'boxes'; its outputs are 0: prob"):
        find_output(loaded.outputs, "boxes")


def test_a_map_network_is_not_a_classifier_but_its_map_is_an_activation(shape_files):
    from neurolab.core.adversarial.attacks import attack_job
    from neurolab.core.jobs import run_job
    from neurolab.core.models.classify import classify

    workspace = _workspace(shape_files["edge_map"])
    loaded = workspace.loaded
    assert loaded.outputs[0].kind == "map" and not loaded.is_classifier and loaded.labels == []
    message = "The model is not a classifier: its output is a map (32×32×1), not a score per class."
    for attempt in (lambda: classify(loaded, photo()), lambda: run_job(attack_job(loaded, photo()))):
        with pytest.raises(BadInputError) as caught:
            attempt()
        assert str(caught.value) == message
    edges = workspace.extractor.compute(photo(48, 64), ["edges"])["edges"]
    assert edges.shape == (48, 64, 1) and 0.0 <= edges.min() and edges.max() <= 1.0


def test_output_kinds():
    from neurolab.core.models.interface import ModelOutput, classifier_output

    kinds = {shape: ModelOutput(0, "o", shape).kind for shape in
             [(10,), (1, 1, 10), (1,), (32, 32, 1), (None, None, 3), (20, 5)]}
    assert kinds == {(10,): "vector", (1, 1, 10): "vector", (1,): "scalar", (32, 32, 1): "map",
                     (None, None, 3): "map", (20, 5): "map"}
    outputs = [ModelOutput(0, "box", (4,)), ModelOutput(1, "prob", (2,), softmax=True)]
    assert classifier_output(outputs) == 1  # the softmax, though second
    assert classifier_output([ModelOutput(0, "box", (4,))]) == 0
    assert classifier_output([ModelOutput(0, "map", (8, 8, 1))]) is None
