"""Mode coverage: the shape judge counts which built-in shapes a set of pictures holds."""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.gan.coverage import ModeCoverage, drawn_shapes, mode_coverage
from neurolab.core.gan.data import BUILTIN_CLASSES, builtin_dataset


def test_the_shipped_judge_names_the_five_shapes_and_nothing():
    from neurolab.core.gan.coverage import shape_judge
    from neurolab.core.gan.judge import JUDGE_CLASSES, SHAPES

    judge = shape_judge()
    assert tuple(judge.labels) == JUDGE_CLASSES and set(SHAPES) == set(BUILTIN_CLASSES)
    assert judge.input_shape == (32, 32, 3)


def test_the_judge_names_shapes_by_outline_not_by_colour():
    """Fresh shapes in random colours (a yellow heart, a red moon): named by their outline."""
    from neurolab.core.gan.coverage import judge_pictures
    from neurolab.core.gan.judge import JUDGE_CLASSES, draw_judge_pictures

    pictures, labels = draw_judge_pictures(30, seed=424242)  # a seed no training used
    tops, _ = judge_pictures(pictures)
    assert (tops == labels).mean() >= 0.85
    for k, name in enumerate(JUDGE_CLASSES):
        assert (tops[labels == k] == k).mean() >= 0.7, name


def test_the_judge_still_names_soft_blurred_shapes():
    """GAN samples are soft: a blurred drawn shape is still that shape."""
    from PIL import Image, ImageFilter

    blurred = np.stack([np.asarray(Image.fromarray(p).filter(ImageFilter.GaussianBlur(0.8)))
                        for p in builtin_dataset(n=100, seed=9).images])
    coverage = mode_coverage(blurred)
    assert coverage.missing() == [] and coverage.other <= 25, coverage.line()


def test_training_the_judge_runs_and_reports_its_accuracy():
    from neurolab.core.gan.judge import JUDGE_CLASSES, train_judge_job
    from neurolab.core.jobs import Progress

    events, model, accuracy = [], None, None
    job = train_judge_job(epochs=1, per_class=8, test_per_class=4)
    try:
        while True:
            events.append(next(job))
    except StopIteration as end:
        model, accuracy = end.value
    assert all(isinstance(e, Progress) for e in events) and events[-1].metrics["accuracy"] == accuracy
    assert 0.0 <= accuracy <= 1.0 and model.output_shape == (None, len(JUDGE_CLASSES))


def test_drawn_data_covers_all_five_shapes_in_fair_shares():
    coverage = mode_coverage(builtin_dataset(n=250, seed=5).images)
    assert coverage.total == 250 and coverage.missing() == []
    for shape in BUILTIN_CLASSES:  # 50 of each were drawn; the judge finds nearly all of them
        assert 42 <= coverage.counts[shape] <= 58, coverage.line()


@pytest.mark.parametrize("shape", ["star", "moon"])
def test_one_shape_data_covers_that_shape_only(shape):
    coverage = mode_coverage(drawn_shapes(shape, n=60, seed=2))
    assert coverage.covered() == [shape], coverage.line()
    assert coverage.counts[shape] >= 50, coverage.line()
    assert set(coverage.missing()) == set(BUILTIN_CLASSES) - {shape}


def test_noise_and_flat_pictures_are_other_not_a_shape():
    noise = np.random.default_rng(0).integers(0, 256, (40, 32, 32, 3), dtype=np.uint8)
    coverage = mode_coverage(noise)
    assert coverage.total == 40 and coverage.other >= 0.9 * coverage.total, coverage.line()
    flat = np.stack([np.full((32, 32, 3), value, np.uint8) for value in range(0, 256, 16)])
    assert mode_coverage(flat).other == len(flat)


def test_64_pixel_samples_are_judged_at_the_judges_size():
    pictures = builtin_dataset(64, n=50, seed=3).images
    coverage = mode_coverage(pictures)
    assert coverage.total == 50 and coverage.missing() == [], coverage.line()


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
