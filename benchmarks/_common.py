"""Shared helpers for the benchmark scripts (timing, tables, quiet TensorFlow).

Imported before TensorFlow so that the environment it sets takes effect.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# TensorFlow as neurolab runs it: neurolab/cli.py turns oneDNN on for the window and every verb
# (TensorFlow leaves it off on CPUs without AVX-512); without it convolutions ran 1.5–3× slower
# here, on both sides of every comparison, so a benchmark would time a setup users never run.
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NEUROLAB_OFFLINE", "1")  # a benchmark never downloads anything

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.machine()}, {os.cpu_count()} CPU cores, Python {platform.python_version()}, "
            f"load average {load:.2f} at start")


def max_rss_mib() -> float:
    """This process's resident-set high-water mark (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _status_mib(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def reset_peak_rss() -> float:
    """Reset the kernel's peak-RSS counter (Linux ≥ 4.0); return the current RSS in MiB."""
    import ctypes
    import gc

    gc.collect()
    try:  # hand memory freed earlier (model building) back to the OS, so that it
        # cannot be reused silently by the pass being measured
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        print("warning: cannot reset the peak RSS counter; peaks include earlier work",
              file=sys.stderr)
    return _status_mib("VmRSS")


def peak_rss_mib() -> float:
    """Peak RSS since the last :func:`reset_peak_rss` (VmHWM), in MiB."""
    return _status_mib("VmHWM")


def median(values) -> float:
    return statistics.median(values) if values else float("nan")


def time_once(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def timed(fn: Callable[[], object], repeats: int = 1) -> float:
    """The median wall-clock seconds of ``repeats`` calls of ``fn``."""
    return median([time_once(fn) for _ in range(repeats)])


class Timings(dict):
    """name -> wall-clock seconds per repeat; ``cpu[name]``: process CPU seconds (all threads)."""

    def __init__(self, names):
        super().__init__((name, []) for name in names)
        self.cpu: dict[str, list[float]] = {name: [] for name in names}


def compare(variants: dict[str, Callable[[], object]], *, repeats: int, warmup: int = 1) -> Timings:
    """Time each variant ``repeats`` times, interleaved (A B A B …) so that load from
    other processes on the machine hits every variant alike; warm-up runs first.

    Process CPU time is kept too: unlike wall time it hardly grows when other
    processes take the CPUs, so its ratio is the steadier one on a busy machine.
    """
    for fn in variants.values():
        for _ in range(warmup):
            fn()
    times = Timings(variants)
    for _ in range(repeats):
        for name, fn in variants.items():
            cpu, wall = time.process_time(), time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - wall)
            times.cpu[name].append(time.process_time() - cpu)
    return times


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """Print a plain-text table."""
    cells = [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(header)]
    print()
    print(title)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    sys.stdout.flush()


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:.1f}"
    return str(value)


def ms(seconds: float) -> float:
    return seconds * 1000.0


def verdict(value: float, target: float, *, lower_is_better: bool = True) -> str:
    ok = value <= target if lower_is_better else value >= target
    return "ok" if ok else "MISSED"


# --- the Qt event loop (imported lazily: not every benchmark opens a window) ----------

def wait_for(signal, timeout_s: float) -> bool:
    """Run the event loop until ``signal`` fires; False on timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired = []

    def done(*_args):
        fired.append(True)
        loop.quit()

    signal.connect(done)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout_s * 1000))
    if not fired:
        loop.exec()
    timer.stop()
    signal.disconnect(done)
    return bool(fired)


def spin(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
