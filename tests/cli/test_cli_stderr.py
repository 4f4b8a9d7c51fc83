"""stderr of the command line holds only its own words, in real processes.

TensorFlow writes its start-up lines from C++ straight to descriptor 2, so only
a fresh process shows whether they leak: each test here runs ``python -m
neurolab``. Output goes to a pipe, so no progress bar is drawn and a successful
verb's stderr must be empty; a failed one holds exactly its sentence.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import photo
from tests.training_helpers import shape_folder

ROOT = Path(__file__).resolve().parents[2]


def neurolab(*argv: str, script: str | None = None, timeout: float = 300,
             env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m neurolab ARGV`` (or ``python -c SCRIPT ARGV``) from this checkout."""
    environment = dict(os.environ if env is None else env)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [environment.get("PYTHONPATH")])])
    command = [sys.executable, "-c", script, *argv] if script else [sys.executable, "-m", "neurolab",
                                                                     *argv]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env=environment)


def one_sentence(err: str) -> str:
    """The one line of a failed verb, checked to be a sentence from neurolab."""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("neurolab: ") and err.rstrip().endswith((".", ")")), err
    assert "Traceback" not in err and "absl" not in err and "Warning" not in err, err
    return err[len("neurolab: "):].strip()


@pytest.fixture(scope="module")
def garbage(tmp_path_factory) -> dict[str, str]:
    """Model files no loader could read: each refused by its bytes, before TensorFlow."""
    folder = tmp_path_factory.mktemp("bad_models")
    (folder / "garbage.keras").write_bytes(b"this is not a zip archive at all")
    (folder / "empty.h5").write_bytes(b"")
    (folder / "text.h5").write_text("a text file named .h5")
    (folder / "folder.keras").mkdir()
    return {path.name: str(path) for path in folder.iterdir()}


@pytest.fixture(scope="module")
def picture(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("picture") / "photo.png"
    Image.fromarray(photo(40, 48)).save(path)
    return str(path)


# --- the pre-TensorFlow refusal -----------------------------------------------------------

REFUSALS = {
    "garbage.keras": "is damaged or not a Keras model (a .keras file must be a zip archive).",
    "empty.h5": "is empty (0 bytes).",
    "text.h5": "is damaged or not a Keras model (an .h5 file must be HDF5).",
    "folder.keras": "is a folder, not a model file.",
}

IN_PROCESS = """
import json, sys
from neurolab.cli import main
codes = [main(arguments.split("\\t")) for arguments in sys.argv[1:]]
print(json.dumps({"codes": codes, "tensorflow": "tensorflow" in sys.modules,
                  "keras": "keras" in sys.modules}))
"""


def test_a_bad_model_file_is_one_sentence_without_importing_tensorflow(garbage, picture, tmp_path):
    missing = str(tmp_path / "missing.keras")
    commands = [["analyze", garbage[name]] for name in REFUSALS]
    commands += [["analyze", missing], ["analyze", "no_such_model"],
                 ["classify", garbage["garbage.keras"], picture],
                 ["activations", garbage["text.h5"], picture, "--layer", "conv1"],
                 ["attack", garbage["empty.h5"], picture], ["blend", missing, picture, picture],
                 ["fool", garbage["folder.keras"], "--target", "1"],
                 ["models", "info", garbage["garbage.keras"]]]
    result = neurolab(*("\t".join(c) for c in commands), script=IN_PROCESS, timeout=120)
    report = json.loads(result.stdout)
    assert report == {"codes": [2] * len(commands), "tensorflow": False, "keras": False}, result.stderr
    lines = result.stderr.splitlines(keepends=True)
    assert len(lines) == len(commands), result.stderr
    for (name, expected), line in zip(REFUSALS.items(), lines):
        assert one_sentence(line) == f"'{garbage[name]}' {expected}"
    assert one_sentence(lines[len(REFUSALS)]) == f"'{missing}' was not found."
    assert one_sentence(lines[len(REFUSALS) + 1]).startswith("'no_such_model' is neither a model name")


def test_analyze_of_a_garbage_file_is_exactly_one_line_and_quick(garbage):
    start = time.monotonic()
    result = neurolab("analyze", garbage["garbage.keras"], timeout=120)
    elapsed = time.monotonic() - start
    assert result.returncode == 2 and result.stdout == ""
    assert one_sentence(result.stderr) == f"'{garbage['garbage.keras']}' {REFUSALS['garbage.keras']}"
    # TensorFlow's import alone takes 5-10 s here; Python, argparse and the check about 1 s.
    assert elapsed < 20, elapsed


# --- successful verbs: nothing on stderr ----------------------------------------------------

@pytest.mark.slow
def test_analyze_shapes_prints_nothing_on_stderr():
    result = neurolab("analyze", "shapes")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "parameters" in result.stdout.splitlines()[0]


@pytest.mark.slow
@pytest.mark.parametrize("where", ["before the verb", "after the verb"])
def test_verbose_shows_tensorflows_own_messages(where):
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    argv = ["--verbose", "analyze", "shapes"] if where == "before the verb" else [
        "analyze", "shapes", "--verbose"]
    result = neurolab(*argv, env=env)
    assert result.returncode == 0, result.stderr
    assert "parameters" in result.stdout.splitlines()[0]
    # TensorFlow 2.21's lines: absl's "before absl::InitializeLog()", oneDNN, CPU features, CUDA.
    assert any(word in result.stderr for word in ("absl", "oneDNN", "cpu_feature_guard", "cuda")), \
        result.stderr


def _verb_arguments(name: str, picture: str, tmp: Path) -> list[str]:
    noise = tmp / "noise.png"
    Image.fromarray(photo(64, 64, seed=3)).save(noise)
    if name == "train" and not (tmp / "classes").exists():
        shape_folder(tmp / "classes", per_class=10)  # 10: no warning for a small class
    return {
        "activations": ["activations", "shapes", picture, "--layer", "relu1", "-o", str(tmp / "m.png")],
        "classify": ["classify", "shapes", picture],
        "graph": ["graph", "shapes", "-o", str(tmp / "graph.png")],  # Qt offscreen: its words too
        "attack": ["attack", "shapes", picture, "--steps", "2", "-o", str(tmp / "a.png")],
        "fool": ["fool", "shapes", "--target", "star", "--steps", "2", "-o", str(tmp / "f.png")],
        "blend": ["blend", "shapes", picture, str(noise), "--json"],
        "style": ["style", picture, picture, "-o", str(tmp / "s.png"), "--steps", "2", "--size", "32",
                  "--backbone", "random"],
        "explain": ["explain", "shapes", picture, "-o", str(tmp / "e.png"), "--json"],
        "features": ["features", "shapes", "--layer", "conv1", "--channels", "0,1", "--steps", "2",
                     "--size", "32", "-o", str(tmp / "g.png")],
        "dream": ["dream", "shapes", picture, "--layer", "conv3", "--octaves", "1", "--steps", "2",
                  "-o", str(tmp / "d.png")],
        "train": ["train", str(tmp / "classes"), "--epochs", "1", "--out", str(tmp / "mine.keras"), "--json"],
        "models list": ["models", "list"],
        "models info": ["models", "info", "shapes", "--json"],
    }[name]


#: Verbs that start TensorFlow (about 10 s each): run two at a time, each in its own fresh process.
TENSORFLOW_VERBS = ("activations", "classify", "attack", "fool", "blend", "style", "explain", "features",
                    "dream", "train", "models info", "graph")


@pytest.fixture(scope="module")
def verb_runs(picture, tmp_path_factory) -> dict:
    """Each TensorFlow verb's finished process, started two at a time (the suite runs on 2 cores)."""
    from concurrent.futures import ThreadPoolExecutor

    folders = {name: tmp_path_factory.mktemp(name.replace(" ", "_")) for name in TENSORFLOW_VERBS}
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(lambda n=name: neurolab(*_verb_arguments(n, picture, folders[n])))
                   for name in TENSORFLOW_VERBS}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("name", [
    *(pytest.param(name, marks=pytest.mark.slow) for name in TENSORFLOW_VERBS),
    "models list",  # no TensorFlow: under a second
])
def test_every_verb_prints_nothing_on_stderr(name, picture, tmp_path, request):
    if name in TENSORFLOW_VERBS:
        result = request.getfixturevalue("verb_runs")[name]
    else:
        result = neurolab(*_verb_arguments(name, picture, tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and result.stderr == ""


@pytest.mark.slow
def test_gan_train_and_sample_print_only_the_skipped_file(tmp_path):
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    for i in range(8):
        Image.fromarray(photo(36, 36, seed=i)).save(pictures / f"p{i}.png")
    (pictures / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    out = tmp_path / "run"
    result = neurolab("gan", "train", "--data", str(pictures), "--epochs", "1", "--batch-size", "8",
                      "--latent", "8", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) == 1                    # its own words: what it skipped
    assert result.stderr.startswith(f"neurolab: skipped {pictures / 'broken.png'}: ")
    result = neurolab("gan", "sample", str(out), "-o", str(tmp_path / "grid.png"), "--n", "4")
    assert result.returncode == 0 and result.stderr == ""


def test_a_failed_download_is_its_sentence_only(offline_keras):
    result = neurolab("models", "fetch", "mobilenet_v2")
    assert result.returncode == 1
    assert one_sentence(result.stderr).startswith("Could not download the ImageNet weights for "
                                                  "mobilenet_v2")


# --- the mechanism, without TensorFlow --------------------------------------------------------

MECHANISM = """
import logging, os, sys, warnings
from neurolab.quiet import own_words_only
with own_words_only():
    os.write(2, b"C++ noise on descriptor 2\\n")
    warnings.warn("a Keras UserWarning", UserWarning)
    logging.getLogger("tensorflow").warning("a TensorFlow log record")
    print("neurolab: own words", file=sys.stderr)
    print("terminal" if sys.stderr.isatty() else "pipe", file=sys.stderr)
os.write(2, b"descriptor 2 is back\\n")
with own_words_only(enabled=False):
    warnings.warn("shown with --verbose", UserWarning)
"""


def test_own_words_only_drops_descriptor_2_warnings_and_logs():
    result = neurolab(script=MECHANISM, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[:3] == ["neurolab: own words", "pipe", "descriptor 2 is back"]
    assert len(lines) == 4 and lines[3].endswith("UserWarning: shown with --verbose")
