"""The bad-image corpus of issue #7 through the core loader: an array or one plain sentence.

The corpus (tests/data/make_bad_images.py) is the issue's list end to end;
tests/core/test_images.py holds the finer unit tests of each mode and error.
"""

from __future__ import annotations

import numpy as np
import pytest

from neurolab.core.errors import ImageError
from neurolab.core.images import image_info, load_image
from tests.data.make_bad_images import CASES, build_corpus

GOOD = [name for name, (_, expected) in CASES.items() if not isinstance(expected, str)]
BAD = [name for name, (_, expected) in CASES.items() if isinstance(expected, str)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("corpus"))


def assert_one_plain_sentence(message: str, case) -> None:
    assert "\n" not in message and "\r" not in message, message
    assert message.endswith("."), message
    assert f"'{case.path}'" in message, message            # the path as given, quoted
    assert case.error in message, message
    assert "Traceback" not in message and "PIL" not in message, message


def test_the_corpus_covers_the_issue_list(corpus):
    assert len(BAD) >= 13 and len(GOOD) >= 15
    names = {case.path.name for case in corpus.values()}
    assert {"květina_čšž.png", "写真.jpg"} <= names
    assert corpus["folder named like an image"].path.is_dir()
    assert corpus["decompression bomb (1-bit 20000x20000 PNG)"].path.stat().st_size < 100_000


@pytest.mark.parametrize("name", GOOD)
def test_odd_but_good_files_load_as_rgb(corpus, name):
    case = corpus[name]
    array = load_image(case.path)
    assert array.dtype == np.uint8
    assert array.shape == (*case.shape, 3)
    assert array.flags["C_CONTIGUOUS"]


@pytest.mark.parametrize("name", BAD)
def test_bad_files_give_one_sentence_naming_the_file(corpus, name):
    case = corpus[name]
    with pytest.raises(ImageError) as caught:
        load_image(case.path)
    assert_one_plain_sentence(str(caught.value), case)


@pytest.mark.parametrize("name", list(CASES))
def test_image_info_describes_or_refuses_every_file(corpus, name):
    case = corpus[name]
    try:
        info = image_info(case.path)
    except ImageError as exc:
        assert not case.ok, f"{name}: image_info refused a good file: {exc}"
        assert_one_plain_sentence(str(exc), case)
        return
    assert set(info) == {"width", "height", "mode", "format"}
    if case.ok:  # as load_image will return it (EXIF rotation included)
        assert (info["height"], info["width"]) == case.shape


@pytest.mark.parametrize("name", GOOD)
def test_bytes_of_good_files_load_the_same(corpus, name):
    case = corpus[name]
    np.testing.assert_array_equal(load_image(case.path.read_bytes()), load_image(case.path))


def test_what_the_odd_files_show(corpus):
    """A few pictures whose content is easy to state: the right frame, colours, orientation."""
    gif = load_image(corpus["animated GIF"].path)
    assert (gif == [255, 0, 0]).all()                             # the first frame (red)
    logo = load_image(corpus["RGBA PNG with transparency"].path)
    assert logo[0, 0].tolist() == [255, 255, 255]                 # see-through -> white
    assert logo[16, 24].tolist() == [255, 0, 0]
    grey = load_image(corpus["16-bit grey PNG"].path)
    assert grey.max() > 200 and (grey[..., 0] == grey[..., 2]).all()  # scaled, not clipped
    wide = load_image(corpus["12000x10 (wide)"].path)
    assert (wide == [40, 50, 60]).all()
