"""The long fuzz run of the image and model loaders (issue #7); tests/core/test_loader_fuzz.py is the short one.

    python benchmarks/fuzz_loaders.py --seconds 600 [--target images|models|both]
                                      [--seed 0] [--crashes /tmp/neurolab-fuzz-crashes]

A plain, seeded random mutation loop (no hypothesis). Valid seed files are
mutated (bit flips, overwrites with random or boundary values, inserts,
deletes, truncation, block copies, splices with another seed; PNG chunk CRCs
recomputed half the time; for .keras files also one member mutated and
zipped again, and the model configuration edited as JSON) and handed to

* ``load_image(bytes)``: must return a C-contiguous uint8 H×W×3 array or raise
  :class:`ImageError` with a one-line message;
* ``load_model_file(path)``: must return a model or raise a
  :class:`NeurolabError` with a one-line message naming the file.

Anything else -- another exception, a message on two lines, a bad array, an
input running longer than ``--hang`` seconds -- is a crash: the input is saved
to ``--crashes`` with a note of what happened, and the exit status is 1.
Inputs that load are added to the pool of seeds (at most 200), so mutations
pile up. ``--seconds`` is the whole run, split evenly between the targets.
While an input runs it is also in ``<crashes>/last-input.*``: if the process
dies (a crash in native code), that file is the culprit.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from collections import Counter
from pathlib import Path

import _common as C  # noqa: N812 - sets the environment before TensorFlow loads
import numpy as np

from tests.data.mutate import fix_png_crcs  # _common puts the repository on sys.path

INTERESTING = [b"\x00", b"\xff", b"\x7f", b"\x80", b"\x00\x00", b"\xff\xff", b"\x7f\xff",
               b"\x80\x00", b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"\x7f\xff\xff\xff",
               b"\x00\x00\x00\x80", b"\x01\x00\x00\x00", b"\x00\x00\x01\x00"]
MAX_POOL = 200


class Hang(Exception):
    pass


def _on_alarm(signum, frame):
    raise Hang()


# --- seeds ----------------------------------------------------------------------------------------

def image_seeds() -> dict[str, bytes]:
    from PIL import Image

    from tests.helpers import photo

    rgb = Image.fromarray(photo(24, 32, seed=1))

    def save(image, fmt, **options) -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, fmt, **options)
        return buffer.getvalue()

    exif = Image.Exif()
    exif[0x0112] = 6
    deep = Image.frombytes("I;16", (32, 24), (np.arange(768, dtype="<u2") * 85).tobytes())
    rgba = rgb.convert("RGBA")
    rgba.putalpha(128)
    frames = [rgb.convert("P"), Image.fromarray(photo(24, 32, seed=2)).convert("P")]
    gif = io.BytesIO()
    frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:], duration=50, loop=0)
    return {
        "rgb.png": save(rgb, "PNG"),
        "grey16.png": save(deep, "PNG"),
        "palette.png": save(rgb.convert("P"), "PNG", transparency=0),
        "rgba.png": save(rgba, "PNG"),
        "baseline.jpg": save(rgb, "JPEG"),
        "progressive.jpg": save(rgb, "JPEG", progressive=True),
        "cmyk.jpg": save(rgb.convert("CMYK"), "JPEG"),
        "rotated.jpg": save(rgb, "JPEG", exif=exif.tobytes()),
        "animated.gif": gif.getvalue(),
        "raw.tif": save(rgb, "TIFF"),
        "deflate.tif": save(rgb, "TIFF", compression="tiff_deflate"),
        "lzw.tif": save(rgb, "TIFF", compression="tiff_lzw"),
        "packbits.tif": save(rgb, "TIFF", compression="packbits"),
        "float.tif": save(Image.fromarray(np.linspace(-1, 2, 768, dtype=np.float32).reshape(24, 32)),
                          "TIFF"),
        "rgb.bmp": save(rgb, "BMP"),
        "palette.bmp": save(rgb.convert("P"), "BMP"),
        "lossy.webp": save(rgb, "WEBP"),
        "lossless.webp": save(rgba, "WEBP", lossless=True),
    }


def model_seeds(folder: Path) -> dict[str, bytes]:
    from tests.helpers import small_cnn

    seeds = {}
    for flatten in (False, True):
        model = small_cnn(input_shape=(16, 16, 3), classes=3, flatten=flatten)
        for suffix in (".keras", ".h5"):
            path = folder / f"{'flat' if flatten else 'gap'}{suffix}"
            model.save(path)
            seeds[path.name] = path.read_bytes()
    return seeds


# --- mutations --------------------------------------------------------------------------------------

def mutate_bytes(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 4, 8))):
        size = len(out)
        # half the edits in the first 64 bytes: the headers, where sizes and counts live
        pos = rng.randrange(min(size, 64)) if size and rng.random() < 0.5 else rng.randrange(max(size, 1))
        op = rng.randrange(7)
        if op == 0 and out:
            out[pos] ^= 1 << rng.randrange(8)
        elif op == 1:
            value = rng.choice(INTERESTING)
            if rng.random() < 0.5:
                value = value[::-1]
            out[pos:pos + len(value)] = value
        elif op == 2:
            out[pos:pos + 1] = bytes([rng.randrange(256)])
        elif op == 3:
            out[pos:pos] = rng.randbytes(rng.randint(1, 16))
        elif op == 4:
            del out[pos:pos + rng.randint(1, 64)]
        elif op == 5:
            del out[max(pos, 1):]
        elif op == 6 and size:
            start = rng.randrange(size)
            out[pos:pos] = out[start:start + rng.randint(1, 256)]
    if pool and rng.random() < 0.05:  # splice: this file's head, another's tail
        other = rng.choice(pool)
        out = out[:rng.randrange(len(out) + 1)] + other[rng.randrange(len(other) + 1):]
    return bytes(out)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _unzip(data: bytes) -> dict[str, bytes] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist()}
    except Exception:  # noqa: BLE001 - a pool entry that is no longer a zip
        return None


def mutate_json(rng: random.Random, config) -> None:
    """Edit one value somewhere in a Keras config, in place."""
    nodes = []
    stack = [config]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            nodes.extend((node, key) for key in node)
            stack.extend(node.values())
        elif isinstance(node, list):
            nodes.extend((node, index) for index in range(len(node)))
            stack.extend(node)
    if not nodes:
        return
    parent, key = rng.choice(nodes)
    value = parent[key]
    choice = rng.randrange(6)
    if choice == 0 and isinstance(parent, dict):
        del parent[key]
    elif choice == 1:
        parent[key] = rng.choice([0, -1, 1, 2**31, 2**63, 1e308, -1e-308, float("nan"), None,
                                  True, "", [], {}, [None], "relu", "float16", "channels_first"])
    elif choice == 2 and isinstance(value, (int, float)) and not isinstance(value, bool):
        parent[key] = rng.choice([value * 1000, -value, value + 1, 0])
    elif choice == 3 and isinstance(value, str):
        from neurolab.core.models.files import LAYERS

        parent[key] = rng.choice(sorted(LAYERS) + [value[::-1], value * 2, value[:-1]])
    elif choice == 4 and isinstance(value, list):
        if value and rng.random() < 0.5:
            value.pop(rng.randrange(len(value)))
        elif value:
            value.insert(rng.randrange(len(value) + 1), rng.choice(value))
    else:
        parent[key] = rng.choice([value, [value], {"class_name": "Dense", "config": value}])


def mutate_model(rng: random.Random, name: str, data: bytes, pool: list[bytes]) -> bytes:
    if name.endswith(".keras"):
        members = _unzip(data)
        kind = rng.randrange(3)
        if members and kind == 1:  # one member mutated as bytes, zipped again (CRCs good)
            target = rng.choice(sorted(members))
            members[target] = mutate_bytes(rng, members[target], [])
            return _zip(members)
        if members and kind == 2 and "config.json" in members:  # the config edited as JSON
            try:
                config = json.loads(members["config.json"])
            except ValueError:
                config = None
            if config is not None:
                for _ in range(rng.choice((1, 1, 2, 3))):
                    mutate_json(rng, config)
                members["config.json"] = json.dumps(config).encode()
                return _zip(members)
    return mutate_bytes(rng, data, pool)


# --- checking ---------------------------------------------------------------------------------

def check_image(data: bytes) -> str:
    """'ok', or 'sentence: …'; raises AssertionError (or anything) for a crash."""
    from neurolab.core.errors import ImageError
    from neurolab.core.images import load_image

    try:
        array = load_image(data)
    except ImageError as exc:
        message = str(exc)
        assert "\n" not in message, f"message on two lines: {message!r}"
        assert message.startswith("The image data "), f"message without its label: {message!r}"
        return "sentence: " + _gist(message.removeprefix("The image data "))
    assert isinstance(array, np.ndarray) and array.dtype == np.uint8, f"bad array {type(array)}"
    assert array.ndim == 3 and array.shape[2] == 3 and min(array.shape[:2]) >= 1, array.shape
    assert array.flags["C_CONTIGUOUS"], "array not C-contiguous"
    return "ok"


def check_model(path: Path) -> str:
    from neurolab.core.errors import NeurolabError
    from neurolab.core.models.catalog import load_model_file

    try:
        loaded = load_model_file(path)
    except NeurolabError as exc:
        message = str(exc)
        assert "\n" not in message, f"message on two lines: {message!r}"
        assert f"'{path.name}'" in message, f"message without the file's name: {message!r}"
        assert str(path.parent) not in message, f"message with the full path: {message!r}"
        return "sentence: " + _gist(message.split("' ", 1)[-1])
    assert loaded.input_shape[2] in (1, 3), loaded.input_shape
    return "ok"


def _gist(message: str) -> str:
    return message.split(" (")[0].split(":")[0].rstrip(".")[:60]


# --- the loop ----------------------------------------------------------------------------------

def fuzz(target: str, seconds: float, rng: random.Random, crashes: Path, hang_s: float) -> Counter:
    scratch = Path(tempfile.mkdtemp(prefix="neurolab-fuzz-"))
    try:
        seeds = image_seeds() if target == "images" else model_seeds(scratch)
        pools = {name: [data] for name, data in seeds.items()}
        everything = list(seeds.values())
        counts: Counter = Counter()
        sentences: Counter = Counter()
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            name = rng.choice(sorted(pools))
            parent = rng.choice(pools[name])
            if target == "images":
                data = mutate_bytes(rng, parent, everything)
                if name.endswith(".png") and rng.random() < 0.5:
                    data = fix_png_crcs(data)
            else:
                data = mutate_model(rng, name, parent, everything)
            suffix = Path(name).suffix
            last = crashes / f"last-input{suffix}"
            last.write_bytes(data)
            signal.setitimer(signal.ITIMER_REAL, hang_s)
            try:
                if target == "images":
                    outcome = check_image(data)
                else:
                    path = scratch / f"mutated{suffix}"
                    path.write_bytes(data)
                    outcome = check_model(path)
            except BaseException as exc:  # noqa: BLE001 - every escape is what we look for
                signal.setitimer(signal.ITIMER_REAL, 0)
                if isinstance(exc, KeyboardInterrupt):
                    raise
                counts["crash"] += 1
                _save_crash(crashes, name, data, exc)
                continue
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if outcome == "ok":
                counts["ok"] += 1
                if len(pools[name]) < MAX_POOL:
                    pools[name].append(data)
            else:
                counts["sentence"] += 1
                sentences[outcome] += 1
            if target == "models" and sum(counts.values()) % 100 == 0:
                import keras

                keras.backend.clear_session()  # models built by the loads would pile up
        for name in seeds:  # no native crash: the last input is nothing to keep
            (crashes / f"last-input{Path(name).suffix}").unlink(missing_ok=True)
        counts["runs"] = sum(counts[k] for k in ("ok", "sentence", "crash"))
        counts["seconds"] = round(time.monotonic() - started)
        _report(target, counts, sentences)
        return counts
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _save_crash(crashes: Path, name: str, data: bytes, exc: BaseException) -> None:
    digest = hashlib.sha1(data).hexdigest()[:12]
    path = crashes / f"crash-{digest}{Path(name).suffix}"
    path.write_bytes(data)
    what = "ran too long (hang)" if isinstance(exc, Hang) else f"{type(exc).__name__}: {exc}"
    note = f"seed: {name}\n{what}\n\n{''.join(traceback.format_exception(exc))}"
    path.with_name(path.name + ".txt").write_text(note, encoding="utf-8")
    print(f"CRASH ({name}): {what.splitlines()[0][:160]} -> {path}", flush=True)


def _report(target: str, counts: Counter, sentences: Counter) -> None:
    C.table(f"{target}: {counts['runs']} inputs in {counts['seconds']} s",
            ["outcome", "count"], [[k, counts[k]] for k in ("ok", "sentence", "crash")])
    C.table(f"{target}: sentences", ["sentence (gist)", "count"],
            [[k, v] for k, v in sentences.most_common()])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600, help="the whole run (default 600)")
    parser.add_argument("--target", choices=("images", "models", "both"), default="both")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--crashes", default="/tmp/neurolab-fuzz-crashes",
                        help="folder for crashing inputs (default /tmp/neurolab-fuzz-crashes)")
    parser.add_argument("--hang", type=float, default=60, help="seconds after which one input "
                        "counts as a hang (default 60)")
    args = parser.parse_args()
    crashes = Path(args.crashes)
    crashes.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("NEUROLAB_CONFIG_DIR", tempfile.mkdtemp(prefix="neurolab-fuzz-config-"))
    signal.signal(signal.SIGALRM, _on_alarm)
    warnings.simplefilter("ignore", UserWarning)  # Pillow's notes on broken TIFF tags, by the thousand
    print(f"fuzz_loaders: {C.machine()}; seed {args.seed}; crashes to {crashes}", flush=True)
    targets = ["images", "models"] if args.target == "both" else [args.target]
    rng = random.Random(args.seed)
    total = Counter()
    for target in targets:
        total.update(fuzz(target, args.seconds / len(targets), rng, crashes, args.hang))
    print(f"\ntotal: {total['runs']} inputs, ok {total['ok']}, sentence {total['sentence']}, "
          f"crash {total['crash']}")
    return 1 if total["crash"] else 0


if __name__ == "__main__":
    sys.exit(main())
