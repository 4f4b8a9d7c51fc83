"""Class lookup by name, with ImageNet's shipped class names (offline)."""

from __future__ import annotations

import pytest

from neurolab.core.errors import BadInputError
from neurolab.core.labels import find_class
from neurolab.core.models import imagenet_labels

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
