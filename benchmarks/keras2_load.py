"""Loading a Keras 2 file through neurolab vs Keras 3 loading the same model re-saved by Keras 3.

    python benchmarks/keras2_load.py [--repeats N]

The Keras 2 files are written by tf-keras (``tests/fixtures/wild_models.py``, in a subprocess;
needs the ``tf-keras`` package): the Teachable Machine-style export (MobileNet α 0.25 trunk,
nested Sequentials, a 63 KB config; its DepthwiseConv2D ``groups: 1`` and tf_keras module
paths translated) and a small CNN with a nested model (``legacy_module.h5``).

neurolab: ``catalog.load_model_file(keras2.h5)`` — private copy, checks, translation of the
config, the translation written into the copy, ``keras.saving.load_model(copy, safe_mode=True)``,
then the input shape, preprocessing and labels. Keras: ``keras.saving.load_model`` of the same
model saved by Keras 3 — as ``.h5`` (the same format) and as ``.keras`` — with
``compile=False, safe_mode=True``. Target: neurolab / Keras (.h5) ≤ 1.2. Also shown: neurolab on
the Keras 3 ``.h5`` (the checks every file gets, nothing to translate), and the part of neurolab's
time that is the copy + checks + translation + rewrite (no Keras).

Medians of interleaved repeats after one warm-up each; process CPU time beside wall time (the
steadier ratio on a shared machine). Of neurolab's own part, the translation and the rewrite take
about 0.6 ms (small CNN) and 3 ms (Teachable Machine) of CPU; the rest is issue 7's checks (the
HDF5 walk: ~6 ms / ~41 ms), which every model file gets.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common as C  # noqa: N812 - sets the environment before TensorFlow loads

FIXTURES = C.ROOT / "tests" / "fixtures" / "wild_models.py"
MODELS = {"teachable_machine": "Teachable Machine export (MobileNet α 0.25)",
          "legacy_module": "small CNN with a nested model"}


def _timed(function) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def _prepare_only(path: Path) -> None:
    """neurolab's own work before Keras parses anything: copy, checks, translation, rewrite."""
    from neurolab.core.models.files import inspect_model_file, private_copy, write_model_config

    with private_copy(path) as copy:
        translated = inspect_model_file(copy, label=str(path))
        if translated is not None:
            write_model_config(copy, translated)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    print(C.machine())
    folder = Path(tempfile.mkdtemp(prefix="keras2-bench-"))
    made = subprocess.run([sys.executable, str(FIXTURES), str(folder)], capture_output=True, text=True)
    if made.returncode != 0:
        print(made.stderr[-2000:])
        return 1

    import keras

    from neurolab.core.models.catalog import load_model_file
    from tests.fixtures.wild_models import FILES

    print(f"keras {keras.__version__}; {args.repeats} interleaved repeats, medians (wall / CPU)")
    print(f"{'model':<44} {'variant':<44} {'wall ms':>8} {'cpu ms':>8} {'wall ×':>7} {'cpu ×':>6}")
    worst, worst_cpu = 0.0, 0.0
    for key, title in MODELS.items():
        keras2 = folder / FILES[key]
        model = load_model_file(keras2).model
        resaved_h5, resaved_keras = folder / f"{key}.keras3.h5", folder / f"{key}.keras3.keras"
        model.save(resaved_h5)
        model.save(resaved_keras)
        variants = {
            "neurolab, Keras 2 .h5": lambda p=keras2: load_model_file(p),
            "neurolab, Keras 3 .h5 (no translation)": lambda p=resaved_h5: load_model_file(p),
            "Keras, Keras 3 .h5": lambda p=resaved_h5: keras.saving.load_model(p, compile=False,
                                                                               safe_mode=True),
            "Keras, Keras 3 .keras": lambda p=resaved_keras: keras.saving.load_model(p, compile=False,
                                                                                     safe_mode=True),
            "neurolab before Keras (copy+check+translate)": lambda p=keras2: _prepare_only(p),
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        for function in variants.values():
            function()  # warm-up
        for _ in range(args.repeats):
            for name, function in variants.items():
                times[name].append(_timed(function))
        base = statistics.median(w for w, _ in times["Keras, Keras 3 .h5"])
        base_cpu = statistics.median(c for _, c in times["Keras, Keras 3 .h5"])
        for name, samples in times.items():
            wall = statistics.median(w for w, _ in samples)
            cpu = statistics.median(c for _, c in samples)
            print(f"{title:<44} {name:<44} {wall * 1e3:8.1f} {cpu * 1e3:8.1f} {wall / base:7.2f} "
                  f"{cpu / base_cpu:6.2f}")
        mine = times["neurolab, Keras 2 .h5"]
        worst = max(worst, statistics.median(w for w, _ in mine) / base)
        worst_cpu = max(worst_cpu, statistics.median(c for _, c in mine) / base_cpu)
        keras.backend.clear_session()
    verdict = "ok" if worst <= 1.2 else "over the 1.2× target"
    print(f"worst neurolab / Keras (.h5) ratio: wall {worst:.2f}× — {verdict}; CPU {worst_cpu:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
