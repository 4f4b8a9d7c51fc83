"""Shipped resources: every sample photo loads and is credited; flower comes first."""

from __future__ import annotations

from neurolab.assets import resource_path, sample_images
from neurolab.core.images import load_image


def test_samples_load_are_credited_and_the_flower_is_first():
    samples = sample_images()
    credits = resource_path("images", "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert len(samples) >= 4 and samples[0].name == "flower.jpg"
    for path in samples:
        assert f"`{path.name}`" in credits
        image = load_image(path)
        assert image.ndim == 3 and min(image.shape[:2]) >= 256
