"""Class lookup by name, with ImageNet's shipped class names (offline)."""

from __future__ import annotations

import pytest

from neurolab.core.errors import BadInputError
from neurolab.core.models.catalog import imagenet_labels
from neurolab.core.models.labels import find_class

LABELS = imagenet_labels()


@pytest.mark.parametrize("query,index", [("daisy", 985), ("Flamingo", 130), ("great white shark", 2),
                                         ("Great_White_Shark", 2), ("  GOLDFISH ", 1), ("985", 985),
                                         ("flamingoo", 130), (130, 130)])
def test_forgiving_lookup(query, index):
    assert find_class(LABELS, query) == index


def test_imagenet_names_ship_offline():
    assert len(LABELS) == 1000 and LABELS[0] == "tench"


@pytest.mark.parametrize("query,fragment", [("1000", "does not exist"), ("zzzqqq", "No class called"),
                                            ("shark", "Did you mean")])
def test_unknown_or_ambiguous_names_get_a_sentence(query, fragment):
    with pytest.raises(BadInputError, match=fragment):
        find_class(LABELS, query)


SHAPES = ["flower", "sun", "house", "tree", "fish", "car", "star", "heart", "moon", "boat"]


def test_a_class_a_small_model_never_learnt_gets_its_classes_listed():
    with pytest.raises(BadInputError) as caught:
        find_class(SHAPES, "flamingo")
    assert str(caught.value) == ("No class called 'flamingo'. The model knows these 10 classes: "
                                 "flower, sun, house, tree, fish, car, star, heart, moon, boat.")
    with pytest.raises(BadInputError, match=r"Did you mean 'sun', 'star'\? The model knows these 10 classes"):
        find_class(SHAPES, "s")


def test_imagenet_is_too_large_to_list():
    with pytest.raises(BadInputError) as caught:
        find_class(LABELS, "zzzqqq")
    assert "classes:" not in str(caught.value)
