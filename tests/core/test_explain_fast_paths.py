"""The Explain tab's faster paths give what the plain ones gave (issue 17's speed numbers).

- maps are stretched to the photo by two matrix products holding Pillow's coefficients;
- the cache is keyed by the photo's size and the network input made from it, not the photo;
- an RGB uint8 photo is copied as it is, not through floats.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.explain_models import loaded, red_detector


def _pillow(values: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.fromarray(values.astype(np.float32), mode="F").resize(size, Image.Resampling.BILINEAR))


@pytest.mark.parametrize("shape, size", [((8, 8), (640, 480)), ((7, 7), (224, 224)), ((5, 9), (33, 17)),
                                          ((64, 64), (30, 20)), ((14, 3), (1, 700)), ((1, 1), (5, 4)),
                                          ((32, 32), (32, 100))])
def test_a_small_map_is_stretched_as_pillow_stretches_it(shape, size, monkeypatch):
    from neurolab.core.explain import resize

    values = np.random.default_rng(sum(shape)).random(shape).astype(np.float32) * 50.0 - 10.0
    with monkeypatch.context() as patched:
        patched.setattr(resize, "_pillow_resize", None)  # the matrix path is the one tested
        ours = resize.resize_map(values, size)
    assert ours.shape == (size[1], size[0]) and ours.dtype == np.float32
    np.testing.assert_allclose(ours, _pillow(values, size), rtol=0, atol=1e-6 * np.abs(values).max())


def test_a_large_map_still_goes_through_pillow_and_the_same_size_is_a_copy():
    from neurolab.core.explain.resize import resize_map

    values = np.random.default_rng(0).random((65, 70)).astype(np.float32)
    np.testing.assert_array_equal(resize_map(values, (90, 80)), _pillow(values, (90, 80)))
    corner = np.ascontiguousarray(values[:14, :14])  # a 12-megapixel photo's map: too wide for one thread
    np.testing.assert_array_equal(resize_map(corner, (4000, 3000)), _pillow(corner, (4000, 3000)))
    same = resize_map(values, (70, 65))
    assert same is not values and np.array_equal(same, values)


def test_the_product_is_cut_into_bands_small_enough_for_one_blas_thread(monkeypatch):
    from neurolab.core.explain import resize

    sizes = []
    real = np.matmul

    def counting(a, b, out=None):
        sizes.append(a.shape[0] * a.shape[1] * b.shape[1])
        return real(a, b, out=out)

    monkeypatch.setattr(resize.np, "matmul", counting)
    values = np.ones((8, 8), np.float32)
    assert np.allclose(resize.resize_map(values, (640, 480)), 1.0), "the weights of a row add up to one"
    assert len(sizes) > 1 and max(sizes) <= resize.ONE_THREAD_PRODUCT


def test_the_cache_key_is_the_fed_network_input_and_the_photos_size():
    from neurolab.core.explain.config import ExplainConfig
    from neurolab.core.explain.methods import clear_cache, explain

    model = loaded(red_detector())
    clear_cache()
    config = ExplainConfig(method="saliency")
    # Grey photos of any size are fed as the same grey network input; each keeps its own size.
    small = explain(model, np.full((40, 40, 3), 128, np.uint8), config)
    large = explain(model, np.full((50, 60, 3), 128, np.uint8), config)
    assert large is not small and large.map.shape == (50, 60) and small.map.shape == (40, 40)
    np.testing.assert_array_equal(large.input_map, small.input_map)
    assert explain(model, np.full((50, 60, 3), 128, np.uint8), config) is large, "answered from the cache"
    photo = np.full((50, 60, 3), 128, np.uint8)
    photo[10:20, 10:30] = (255, 0, 0)
    assert explain(model, photo, config) is not large, "another photo of the same size is explained anew"


def test_an_rgb_uint8_photo_is_copied_as_it_is():
    from neurolab.core.adversarial.measures import as_uint8_rgb

    photo = np.random.default_rng(0).integers(0, 256, (6, 5, 3), dtype=np.uint8)
    view = photo[:, ::-1]  # not contiguous
    for image in (photo, view):
        copied = as_uint8_rgb(image)
        assert copied.flags.c_contiguous and copied.base is None and np.array_equal(copied, image)
    grey = as_uint8_rgb(photo[:, :, 0])
    assert grey.shape == (6, 5, 3) and np.array_equal(grey[:, :, 2], photo[:, :, 0])


def test_batched_occlusion_equals_one_square_per_model_call():
    from neurolab.core.explain.config import ExplainConfig
    from neurolab.core.explain.methods import clear_cache, explain, occlusion_positions
    from neurolab.core.explain.network import explain_model
    from neurolab.core.models.classify import model_input
    from tests.explain_models import red_photo

    model = loaded(red_detector())
    clear_cache()
    result = explain(model, red_photo(), ExplainConfig(method="occlusion", patch=6, stride=5))
    net = explain_model(model)
    batch = model_input(model, red_photo())
    side = batch.shape[1]
    base = net.probabilities(batch)[0, result.class_index]
    fill = batch[0].mean(axis=(0, 1))
    drops, counts = np.zeros((side, side)), np.zeros((side, side))
    for top in occlusion_positions(side, 6, 5):
        for left in occlusion_positions(side, 6, 5):
            covered = batch.copy()
            covered[0, top:top + 6, left:left + 6] = fill
            drops[top:top + 6, left:left + 6] += base - net.probabilities(covered)[0, result.class_index]
            counts[top:top + 6, left:left + 6] += 1
    np.testing.assert_allclose(result.input_map, drops / counts, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("seconds, first", [(1e-9, 1), (1e9, 16)])
def test_the_first_batch_is_sized_from_the_photos_own_model_call(seconds, first, monkeypatch):
    from neurolab.core.explain import methods
    from neurolab.core.explain.config import ExplainConfig
    from tests.explain_models import red_photo

    model = loaded(red_detector())
    methods.clear_cache()
    monkeypatch.setattr(methods, "BATCH_SECONDS", seconds)  # a photo's call of any length: far too long or short
    job = methods.explain_job(model, red_photo(), ExplainConfig(method="occlusion", patch=4, stride=4))
    next(job)  # preparing
    assert next(job).step == first
    job.close()
