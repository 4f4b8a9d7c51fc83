"""Bounded fuzzing of the image and model loaders (issue #7): mutated valid files give a
result or one sentence, never another exception.

Seeds are small valid files; hypothesis flips, overwrites, inserts, deletes and
truncates bytes at offsets it chooses (biased to the headers, where sizes and
counts live). Derandomized and without a database, so every run tries the same
inputs and writes nothing into the repository. The long run is
``python benchmarks/fuzz_loaders.py --seconds 600``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from neurolab.core.errors import ImageError, NeurolabError
from neurolab.core.images import load_image
from tests.data.mutate import fix_png_crcs
from tests.helpers import photo, small_cnn

IMAGE_EXAMPLES = 250     # per format; each load takes about a millisecond
MODEL_EXAMPLES = 30      # per model format; each load builds a Keras model

# Pillow notes broken TIFF tags as UserWarnings, by the hundred: expected here.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin")

OPS = ("flip", "overwrite", "insert", "delete", "truncate")


def seed_image(fmt: str) -> bytes:
    """A small valid file in ``fmt`` (16×12 photo; GIF animated, so frame code runs too)."""
    image = Image.fromarray(photo(12, 16, seed=3))
    buffer = io.BytesIO()
    if fmt == "GIF":
        frames = [image.convert("P"), Image.fromarray(photo(12, 16, seed=4)).convert("P")]
        frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=50)
    elif fmt == "TIFF":
        image.save(buffer, "TIFF", compression="tiff_deflate")
    else:
        image.save(buffer, fmt)
    return buffer.getvalue()


IMAGE_SEEDS = {fmt: seed_image(fmt) for fmt in ("PNG", "JPEG", "GIF", "TIFF", "BMP", "WEBP")}


def mutate(data: bytes, mutations) -> bytes:
    """Apply (operation, offset, bytes) edits in turn; offsets wrap around the current length."""
    out = bytearray(data)
    for op, offset, chunk in mutations:
        pos = offset % max(len(out), 1)
        if op == "flip" and out:
            out[pos] ^= 1 << (chunk[0] % 8)
        elif op == "overwrite":
            out[pos:pos + len(chunk)] = chunk
        elif op == "insert":
            out[pos:pos] = chunk
        elif op == "delete":
            del out[pos:pos + len(chunk)]
        elif op == "truncate":
            del out[max(pos, 1):]     # an empty file is a corpus case of its own
    return bytes(out)


def mutate_keras_member(data: bytes, member: int, mutations) -> bytes:
    """Mutate one member of a .keras archive and zip it again with good CRCs, so that the
    mutated config or weights reach the checks and Keras instead of a checksum error."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        members = {info.filename: archive.read(info) for info in infos}
    target = infos[member % len(infos)].filename
    members[target] = mutate(members[target], mutations)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# Offsets: half in the first 64 bytes (headers: sizes, counts, offsets), half anywhere.
offsets = st.one_of(st.integers(0, 63), st.integers(0, 2**24))
mutation_lists = st.lists(st.tuples(st.sampled_from(OPS), offsets, st.binary(min_size=1, max_size=8)),
                          min_size=1, max_size=4)


def outcome(message: str) -> str:
    """The sentence without the file's name and any details in brackets (for the statistics)."""
    words = message.split(" ", 3 if message.startswith("The image data") else 1)[-1]
    return "sentence: " + words.split(" (")[0].split(":")[0]


def check_image(data: bytes) -> None:
    try:
        array = load_image(data)
    except ImageError as exc:
        message = str(exc)
        assert message.startswith("The image data ") and "\n" not in message, message
        event(outcome(message))
        return
    event("loaded")
    assert array.dtype == np.uint8 and array.ndim == 3 and array.shape[2] == 3
    assert array.shape[0] >= 1 and array.shape[1] >= 1
    assert array.flags["C_CONTIGUOUS"]


def test_seeds_are_valid():
    for fmt, data in IMAGE_SEEDS.items():
        assert load_image(data).shape == (12, 16, 3), fmt


@pytest.mark.parametrize("fmt", list(IMAGE_SEEDS))
@settings(max_examples=IMAGE_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutations=mutation_lists)
def test_mutated_images_give_an_array_or_a_sentence(fmt, mutations):
    check_image(mutate(IMAGE_SEEDS[fmt], mutations))


@settings(max_examples=IMAGE_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutations=mutation_lists)
def test_mutated_png_chunks_with_good_crcs_give_an_array_or_a_sentence(mutations):
    check_image(fix_png_crcs(mutate(IMAGE_SEEDS["PNG"], mutations)))


@settings(max_examples=IMAGE_EXAMPLES, deadline=None, derandomize=True, database=None)
@given(data=st.binary(min_size=1, max_size=256))
def test_arbitrary_bytes_give_an_array_or_a_sentence(data):
    check_image(data)


# --- model files ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def model_seeds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("model_seeds")
    model = small_cnn(input_shape=(16, 16, 3), classes=3)
    seeds = {}
    for suffix in (".keras", ".h5"):
        path = folder / f"seed{suffix}"
        model.save(path)
        seeds[suffix] = path.read_bytes()
    return seeds


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mutated_models")


def check_model(path: Path) -> None:
    from neurolab.core.models.catalog import load_model_file

    try:
        loaded = load_model_file(path)
    except NeurolabError as exc:
        message = str(exc)
        assert f"'{path}'" in message and "\n" not in message, message
        event(outcome(message))
        return
    assert loaded.input_shape[2] in (1, 3)
    event("loaded")


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_model_seeds_are_valid(model_seeds, scratch, suffix):
    from neurolab.core.models.catalog import load_model_file

    path = scratch / f"seed{suffix}"
    path.write_bytes(model_seeds[suffix])
    assert load_model_file(path).input_shape == (16, 16, 3)


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
@settings(max_examples=MODEL_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutations=mutation_lists)
def test_mutated_model_files_load_or_give_a_sentence(model_seeds, scratch, suffix, mutations):
    path = scratch / f"mutated{suffix}"
    path.write_bytes(mutate(model_seeds[suffix], mutations))
    check_model(path)


@settings(max_examples=MODEL_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(member=st.integers(0, 2), mutations=mutation_lists)
def test_mutated_keras_members_load_or_give_a_sentence(model_seeds, scratch, member, mutations):
    path = scratch / "rezipped.keras"
    path.write_bytes(mutate_keras_member(model_seeds[".keras"], member, mutations))
    check_model(path)


# --- what the long run found ---------------------------------------------------------------------
# benchmarks/fuzz_loaders.py, 60 s on models: h5py reports damage inside an HDF5 file that still
# opens (a broken symbol-table node, B-tree or heap; an object address off the end) as
# RuntimeError or KeyError while the groups are listed, and those escaped the checks as an
# "internal error". Minimal reproducers of both, in an .h5 file and in a .keras file's weights.

def _bad_symbol_table_node(data: bytes) -> bytes:
    """'Unable to get group info (bad symbol table node signature)': RuntimeError."""
    at = data.find(b"SNOD")
    assert at > 0
    return data[:at] + b"XXXX" + data[at + 4:]


def _addresses_shifted(data: bytes) -> bytes:
    """16 bytes inserted after the superblock: 'address of object past end of allocation': KeyError."""
    return data[:54] + b"\0" * 16 + data[54:]


def _with_weights(keras_file: bytes, damage) -> bytes:
    with zipfile.ZipFile(io.BytesIO(keras_file)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["model.weights.h5"] = damage(members["model.weights.h5"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize("suffix, damage, problem", [
    (".h5", _bad_symbol_table_node, "its HDF5 structure cannot be read"),
    (".h5", _addresses_shifted, "its HDF5 structure cannot be read"),
    (".keras", _bad_symbol_table_node, "its weights cannot be read"),
])
def test_damaged_hdf5_inside_gives_a_sentence(model_seeds, tmp_path, suffix, damage, problem):
    from neurolab.core.errors import ModelError
    from neurolab.core.models.catalog import load_model_file

    seed = model_seeds[suffix]
    path = tmp_path / f"damaged{suffix}"
    path.write_bytes(damage(seed) if suffix == ".h5" else _with_weights(seed, damage))
    with pytest.raises(ModelError) as caught:
        load_model_file(path)
    assert str(caught.value) == f"'{path}' is damaged or not a Keras model ({problem})."
