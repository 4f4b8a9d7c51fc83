"""Mode coverage: the bundled classifier counts which built-in shapes a set of pictures holds."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.gan.coverage import ModeCoverage, drawn_shapes, mode_coverage
from neurolab.core.gan.data import BUILTIN_CLASSES, builtin_dataset


def test_the_judge_names_every_builtin_shape_by_its_own_class():
    from neurolab.core.gan.coverage import shape_judge

    labels = shape_judge().labels
    assert set(BUILTIN_CLASSES) <= set(labels)


def test_drawn_data_covers_all_five_shapes_in_fair_shares():
    coverage = mode_coverage(builtin_dataset(n=250, seed=5).images)
    assert coverage.total == 250 and coverage.missing() == []
    for shape in BUILTIN_CLASSES:  # 50 of each were drawn; the judge finds most of them
        assert 30 <= coverage.counts[shape] <= 60, coverage.line()


@pytest.mark.parametrize("shape", ["star", "moon"])
def test_one_shape_data_covers_that_shape_only(shape):
    coverage = mode_coverage(drawn_shapes(shape, n=60, seed=2))
    assert coverage.covered() == [shape], coverage.line()
    assert coverage.counts[shape] >= 36  # the rest: "other" (the judge is less sure of blue stars)
    assert set(coverage.missing()) == set(BUILTIN_CLASSES) - {shape}


def test_noise_is_other_not_a_shape():
    noise = np.random.default_rng(0).integers(0, 256, (40, 32, 32, 3), dtype=np.uint8)
    coverage = mode_coverage(noise)
    assert coverage.total == 40 and coverage.other >= 0.6 * coverage.total, coverage.line()


def test_shares_and_the_report_line():
    coverage = ModeCoverage({"sun": 3, "moon": 1}, other=0)
    assert coverage.share("sun") == 0.75 and coverage.covered(0.6) == ["sun"]
    assert coverage.missing(0.6) == ["moon"] and coverage.line() == "sun 75%, moon 25%, other 0%"


def test_colour_coverage_finds_each_shape_by_its_colour():
    from neurolab.core.gan.coverage import colour_coverage

    coverage = colour_coverage(builtin_dataset(n=250, seed=5).images)
    assert coverage.missing() == [], coverage.line()
    for shape in BUILTIN_CLASSES:
        assert 30 <= coverage.counts[shape] <= 55, coverage.line()  # moons: 40 (thin, pale)
    moons = colour_coverage(drawn_shapes("moon", n=40, seed=2))
    assert moons.covered() == ["moon"] and moons.counts["moon"] >= 24, moons.line()
    grey = colour_coverage(np.full((10, 32, 32, 3), 128, np.uint8))
    assert grey.other == 10
