"""How the window feels: start-up, event-loop stalls while jobs run, layer switching.

    python benchmarks/bench_ui.py [--repeats N]

(a) start-up, each in a fresh process, timed from the process's start (the
    parent's clock at spawn): ``import tensorflow`` alone vs the main window
    shown (QApplication, ``create_window(model="squeezenet")``, ``show``,
    ``processEvents``). Target: window / TensorFlow ≤ 0.2.
(b) event-loop stalls: a 5 ms ``QTimer`` (precise) records the gaps between its
    ticks; a gap minus 5 ms is how long the GUI thread could not react.
    Measured while the window computes the activations of a 1024×768 image
    (``activations.set_image`` … ``mosaic_shown``; targets max ≤ 50 ms,
    p99 ≤ 25 ms) and, reported only, during start-up while TensorFlow is
    imported and the model opened on the worker thread. A watchdog thread
    samples what the GUI thread is running whenever a tick is > 20 ms late.
(c) switching layers on the same (1024×768) image: ``layers.select_layer(key)``
    → ``mosaic_shown`` for every layer (target ≤ 50 ms), and → painted.
(d) event-loop stalls (the same 5 ms recorder; targets max ≤ 50 ms, p99 ≤ 25 ms) on the
    bundled model: the GAN tab's first show (its two pyqtgraph charts built, after the
    window's background import of pyqtgraph), then ``--background-seconds`` while the GAN
    trains on the built-in shapes with its charts on screen, and while a style transfer
    paints; and how soon a photo opened during GAN training shows its mosaic.
(e) event-loop stalls (the same recorder and targets) at the Train tab's first show (its charts
    built in idle turns) and while it trains a classifier on the built-in shapes with the
    default settings (data read, model built, the features computed once, then the head's
    epochs with the loss and accuracy charts on screen), through the
    evaluation (the confusion matrix, the per-class table and the mistakes gallery drawn), at
    most ``--background-seconds`` of the head's epochs (after the features) before Stop.
    ``--train-only`` runs only (e).

Runs offscreen (QT_QPA_PLATFORM=offscreen) with a throw-away settings folder.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

import _common as C  # noqa: N812 - sets the environment first
import numpy as np

if "NEUROLAB_CONFIG_DIR" not in os.environ:  # throw-away settings, shared with the children
    os.environ["NEUROLAB_CONFIG_DIR"] = tempfile.mkdtemp(prefix="neurolab-bench-")
    atexit.register(shutil.rmtree, os.environ["NEUROLAB_CONFIG_DIR"], ignore_errors=True)

TICK_MS = 5
LATE_S = 0.020  # the watchdog counts what the GUI thread runs when a tick is this late
SAMPLE_S = 0.010  # and keeps timed samples from this late on (the slowest gaps' report)
IMAGE_SHAPE = (768, 1024, 3)
WATCHDOG = True


# --- (a) start-up, in fresh processes ----------------------------------------------

def child_tensorflow() -> dict:
    start = time.time()
    import tensorflow  # noqa: F401

    return {"import_s": time.time() - start, "end": time.time()}


def child_window() -> dict:
    start = time.time()
    from neurolab.gui.app import application, create_window

    app = application()
    window = create_window(model="squeezenet")
    window.show()
    app.processEvents()
    end = time.time()
    report = {"in_process_s": end - start, "end": end,
              "tensorflow_imported": "tensorflow" in sys.modules, "keras_imported": "keras" in sys.modules}
    window.close()
    return report


def spawn(kind: str) -> dict:
    command = [sys.executable, __file__, "--child", kind]
    spawned = time.time()
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"child {kind} failed ({done.returncode}): {done.stderr[-2000:]}")
    report = json.loads(lines[-1])
    report["from_spawn_s"] = report["end"] - spawned
    return report


def bench_startup(repeats: int) -> None:
    runs = {"tensorflow": [], "window": []}
    spawn("python")  # warm the file cache once
    spawn("window")
    for _ in range(repeats):
        for kind in runs:
            runs[kind].append(spawn(kind))
    base = C.median([r["from_spawn_s"] for r in runs["tensorflow"]])
    rows = []
    for kind, label in (("tensorflow", "import tensorflow"),
                        ("window", "main window shown (squeezenet)")):
        from_spawn = [r["from_spawn_s"] for r in runs[kind]]
        inside = [r.get("import_s", r.get("in_process_s")) for r in runs[kind]]
        ratio = C.median(from_spawn) / base
        rows.append([label, C.median(from_spawn), min(from_spawn), C.median(inside), len(from_spawn),
                     f"{ratio:.2f}" + (f"  {C.verdict(ratio, 0.2)}" if kind == "window" else "")])
    python_only = spawn("python")["from_spawn_s"]
    C.table("(a) start-up from process start, fresh process each (target window/TensorFlow ≤ 0.2)",
            ["what", "median s", "min s", "in-process s", "n", "ratio to TF import"], rows)
    imported = runs["window"][-1]
    print(f"    bare interpreter start ≈ {python_only:.3f} s; TensorFlow imported by the window "
          f"before it showed: {imported['tensorflow_imported']}, Keras: {imported['keras_imported']}")


# --- (b), (c) in this process ---------------------------------------------------------

class GapRecorder:
    """A precise 5 ms QTimer; every tick's time, and a watchdog that sees late ticks."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.stamps: list[float] = []
        self.cpu: list[float] = []  # the GUI thread's CPU time at each tick
        self.marks: list[tuple[float, str]] = []
        self.culprits: Counter = Counter()
        # (time, GUI thread's CPU s, its stack, the other threads' innermost frames) while late
        self.samples: list[tuple[float, float, str, tuple[str, ...]]] = []
        self._main = threading.main_thread().ident
        self._main_clock = time.pthread_getcpuclockid(self._main)
        self._watching = False
        self._last = 0.0

    def _tick(self) -> None:
        self._last = time.perf_counter()
        self.stamps.append(self._last)
        self.cpu.append(time.thread_time())

    def mark(self, label: str) -> None:
        self.marks.append((time.perf_counter(), label))

    def start(self) -> None:
        self.stamps, self.marks, self.culprits = [time.perf_counter()], [], Counter()
        self.samples = []
        self.cpu = [time.thread_time()]
        self._last = self.stamps[0]
        self.timer.start()
        self._watching = True
        self._watchdog = threading.Thread(target=self._watch, daemon=True)
        self._watchdog.start()

    def stop(self) -> np.ndarray:
        self.timer.stop()
        self._watching = False
        self._watchdog.join()
        return self.gaps()

    def gaps(self, since: float = 0.0, until: float = float("inf")) -> np.ndarray:
        """n × 2: each gap between ticks minus the interval, and the GUI thread's CPU time in
        it (a long gap with little CPU: the thread was starved of CPU or of the GIL)."""
        stamps = np.array(self.stamps)
        gaps = np.diff(stamps) - TICK_MS / 1000
        cpu = np.diff(np.array(self.cpu))
        ends = stamps[1:]
        chosen = (ends > since) & (ends <= until)
        return np.stack([gaps[chosen], cpu[chosen]], axis=1)

    def _watch(self) -> None:
        """Which GUI-thread code runs while a tick is late (one sample per 5 ms)."""
        me = threading.get_ident()
        while self._watching:
            time.sleep(0.005)
            waited = time.perf_counter() - self._last
            if not WATCHDOG or waited <= SAMPLE_S:
                continue
            now, gui_cpu = time.perf_counter(), time.clock_gettime(self._main_clock)
            frames = sys._current_frames()
            gui, others = "?", []
            for ident, frame in frames.items():
                if ident == self._main:
                    gui = _describe(frame)
                    if waited > LATE_S:
                        self.culprits["GUI: " + gui] += 1
                elif ident != me:
                    where = _describe(frame, innermost=True)
                    if not where.startswith("threading.py"):  # idle Python threads
                        if waited > LATE_S:
                            self.culprits["other thread: " + where] += 1
                        others.append(where)
            del frames, frame  # never keep the GUI thread's frames (and their QPainter) alive
            self.samples.append((now, gui_cpu, gui, tuple(others)))

    def slowest(self, count: int = 8, since: float = 0.0, until: float = float("inf")) -> list:
        """The ``count`` longest gaps: (start, end, late s, GUI CPU s, watchdog samples in it)."""
        stamps, cpu = np.array(self.stamps), np.array(self.cpu)
        late = np.diff(stamps) - TICK_MS / 1000
        chosen = [i for i in np.argsort(-late) if since < stamps[i + 1] <= until][:count]
        return [(stamps[i], stamps[i + 1], late[i], cpu[i + 1] - cpu[i],
                 [s for s in self.samples if stamps[i] < s[0] <= stamps[i + 1]]) for i in chosen]

    def stall_table_rows(self, label: str, since=0.0, until=float("inf"),
                         targets: tuple | None = None) -> list:
        return stall_rows(label, self.gaps(since, until), targets)


def stall_rows(label: str, gaps: np.ndarray, targets: tuple | None = None) -> list:
    """One table row: how late the ticks were (gap minus the 5 ms interval), and the GUI
    thread's own CPU time during the longest gap."""
    if gaps.size == 0:
        return [[label, 0, "-", "-", "-", "-", "-", "-", ""]]
    late, cpu = gaps[:, 0], gaps[:, 1]
    worst, p99 = C.ms(float(late.max())), C.ms(float(np.percentile(late, 99)))
    verdict = ""
    if targets:
        verdict = f"max {C.verdict(worst, targets[0])}, p99 {C.verdict(p99, targets[1])}"
    return [[label, len(late), C.ms(float(np.median(late))), p99, worst,
             C.ms(float(cpu[int(np.argmax(late))])), C.ms(float(cpu.max())), int((late > 0.050).sum()),
             verdict]]


# "most GUI CPU in a gap": the GUI thread's own work in its busiest gap, which a loaded machine
# does not lengthen (the gaps do: the thread waits for a CPU or the GIL).
STALL_COLUMNS = ["ticks", "median gap−5 ms", "p99 ms", "max ms", "GUI CPU in max gap ms",
                 "most GUI CPU in a gap ms", "> 50 ms"]


def _describe(frame, *, innermost: bool = False) -> str:
    """The innermost neurolab frame (and the one under it), or the innermost frame."""
    if frame is None:
        return "?"
    stack = []
    while frame is not None:
        code = frame.f_code
        stack.append((code.co_filename, code.co_name, frame.f_lineno))
        frame = frame.f_back
    ours = [s for s in stack if f"{os.sep}neurolab{os.sep}" in s[0]]
    if innermost:
        inner = f"{os.path.basename(stack[0][0])}:{stack[0][1]}"
        return inner + (f" < {os.path.basename(ours[0][0])}:{ours[0][1]}" if ours and ours[0] != stack[0]
                        else "")
    if not ours:
        inner = stack[0]
        if inner[1] in ("wait_for", "spin"):
            return "idle in the event loop (GIL/CPU held elsewhere)"
        return f"{os.path.basename(inner[0])}:{inner[1]}"
    chain = [f"{os.path.basename(f)}:{name}:{line}" for f, name, line in ours[:2]]
    return " < ".join(chain)


def print_culprits(recorder: GapRecorder, title: str) -> None:
    if not recorder.culprits:
        print(f"    {title}: no tick was more than {LATE_S * 1000:.0f} ms late")
        return
    print(f"    {title}: GUI thread while a tick was > {LATE_S * 1000:.0f} ms late "
          "(watchdog samples, ~5 ms each):")
    for where, count in recorder.culprits.most_common(10):
        print(f"      {count:4d} × {where}")


def print_slowest(recorder: GapRecorder, bounds: list[tuple[float, str]], begin: float,
                  count: int = 8) -> None:
    """The longest gaps, each with its phase, the GUI thread's own CPU time in it, and what the
    watchdog saw running (the GUI thread; other threads) while it lasted: which event stalls."""
    print(f"    the {count} slowest gaps (from Start; GUI CPU: the GUI thread's own work in the gap):")
    for start, end, late, cpu, samples in recorder.slowest(count, since=begin):
        phase = next((label for t, label in reversed(bounds) if t <= end), "before Start")
        print(f"      +{start - begin:7.3f} s  late {C.ms(late):5.1f} ms  GUI CPU {C.ms(cpu):5.1f} ms  "
              f"[{phase}]")
        seen = Counter((gui, others[0] if others else "-") for _, _, gui, others in samples)
        for (gui, other), times in seen.most_common(4):
            print(f"          {times} × GUI: {gui} | other: {other}")


def bench_window(repeats: int) -> None:
    from PySide6.QtCore import QTimer

    from neurolab.gui.app import application, create_window
    from neurolab.gui.tabs.activations import ActivationsTab

    app = application()
    recorder = GapRecorder()
    window = create_window(model="squeezenet")
    activations = window.tab(ActivationsTab)
    window.runner.submitted.connect(
        lambda handle: handle.progressed.connect(lambda p: recorder.mark(p.stage)))
    window.workspace_ready.connect(lambda _w: recorder.mark("workspace ready"))
    activations.mosaic_shown.connect(lambda key: recorder.mark(f"mosaic {key}"))
    window.show()
    app.processEvents()

    # Start-up: TensorFlow imported and the model opened on the worker thread,
    # then the first sample image's activations and mosaic.
    recorder.start()
    started = time.perf_counter()
    QTimer.singleShot(0, window.start)
    if not C.wait_for(window.ready, 300):
        raise RuntimeError("the window never became ready")
    ready_at = time.perf_counter()
    C.spin(0.1)
    recorder.stop()
    marks = recorder.marks
    tf_done = next((t for t, label in marks if label.startswith("loading squeezenet")), None)
    ws_done = next((t for t, label in marks if label == "workspace ready"), ready_at)
    rows = []
    if tf_done is not None:
        rows += recorder.stall_table_rows("importing TensorFlow (worker thread)", started, tf_done)
        rows += recorder.stall_table_rows("building model, tracing, analysis", tf_done, ws_done)
    rows += recorder.stall_table_rows("first sample image → first mosaic", ws_done, ready_at)
    rows += recorder.stall_table_rows("whole start-up (start() → ready)", started, ready_at)
    C.table(f"(b) start-up stalls (reported only); start() → ready {ready_at - started:.1f} s; "
            f"window timings {json.dumps({k: round(v, 2) for k, v in window.timings.items()})}",
            ["phase", *STALL_COLUMNS, ""], rows)
    print_culprits(recorder, "start-up")

    # Control: the same timer with no job running (the noise floor of this machine).
    recorder.start()
    C.spin(2.0)
    rows = stall_rows("control: no job, 2 s", recorder.stop())

    # Activations of a 1024×768 image through the window.
    workspace = window.workspace
    latencies, culprits = [], Counter()
    all_gaps = []
    for index in range(repeats):
        img = np.random.default_rng(index).integers(0, 256, IMAGE_SHAPE, dtype=np.uint8)
        recorder.start()
        C.spin(0.05)
        begin = time.perf_counter()
        QTimer.singleShot(0, lambda img=img: activations.set_image(img, "random-1024x768.png"))
        if not C.wait_for(activations.mosaic_shown, 120):
            raise RuntimeError("no mosaic for the 1024×768 image")
        latencies.append(time.perf_counter() - begin)
        C.spin(0.1)  # the mosaic's paint
        gaps = recorder.stop()
        all_gaps.append(gaps)
        culprits.update(recorder.culprits)
        rows += recorder.stall_table_rows(f"run {index + 1}: {latencies[-1]:.2f} s to mosaic",
                                          targets=(50, 25))
    rows += stall_rows("all runs", np.concatenate(all_gaps), targets=(50, 25))
    C.table(f"(b) stalls while the window computes every layer of a 1024×768 image "
            f"(squeezenet, layer {activations.layer}; targets max ≤ 50 ms, p99 ≤ 25 ms)",
            ["run", *STALL_COLUMNS, "verdict"], rows)
    recorder.culprits = culprits
    print_culprits(recorder, "1024×768 activations")

    # (c) Switching layers on that image.
    keys = [k for k in window.layers.layer_keys() if k in activations.result.activations]
    shown_at: list[float] = []
    activations.mosaic_shown.connect(lambda _k: shown_at.append(time.perf_counter()))
    timings = []
    for key in keys * 2:  # twice: the first pass warms caches
        if key == activations.layer:
            continue
        shown_at.clear()
        begin, cpu = time.perf_counter(), time.thread_time()
        window.layers.select_layer(key)
        if not shown_at:
            C.wait_for(activations.mosaic_shown, 10)
        shown = shown_at[0] - begin if shown_at else float("nan")
        app.processEvents()  # paint
        painted = time.perf_counter() - begin
        cpu = time.thread_time() - cpu  # the GUI thread's own work (the wall time adds waiting)
        activation = activations.result.activations[key]
        timings.append((key, shown, painted, activation.shape, cpu))
    timings = timings[len(timings) // 2:]
    shown = [t[1] for t in timings]
    painted = [t[2] for t in timings]
    cpu = [t[4] for t in timings]
    rows = [["select → mosaic_shown", len(shown), C.ms(C.median(shown)), C.ms(max(shown)),
             C.verdict(C.ms(max(shown)), 50)],
            ["select → painted", len(painted), C.ms(C.median(painted)), C.ms(max(painted)),
             C.verdict(C.ms(max(painted)), 50)],
            ["  its GUI-thread CPU time", len(cpu), C.ms(C.median(cpu)), C.ms(max(cpu)), ""]]
    C.table(f"(c) switching layers, squeezenet, 1024×768 image ({len(keys)} layers; target ≤ 50 ms)",
            ["what", "layers", "median ms", "max ms", "verdict"], rows)
    from neurolab.core.inspection.mosaic import channel_image, tile_channels

    worst = sorted(timings, key=lambda t: -t[2])[:5]
    rows = []
    for key, to_shown, to_painted, shape, _ in worst:
        activation = activations.result.activations[key]
        tile = C.median([C.time_once(lambda a=activation: tile_channels(a)) for _ in range(3)])
        channel = C.median([C.time_once(lambda a=activation: channel_image(a, 0)) for _ in range(3)])
        rows.append([key, "×".join(map(str, shape)), C.ms(to_shown), C.ms(to_painted),
                     C.ms(tile), C.ms(channel)])
    C.table("    slowest layers, and the two GUI-thread NumPy steps of a switch timed alone",
            ["layer", "shape", "to shown ms", "to painted ms", "tile_channels ms",
             "channel_image ms"], rows)
    window.close()
    print(f"    device: {workspace.device}; model: {workspace.loaded.display_name} "
          f"({'pretrained' if workspace.loaded.pretrained else 'untrained'})")


def bench_background_jobs(seconds: float) -> None:
    """(d) The event loop while a GAN trains and while a style transfer paints (target ≤ 50 ms),
    and how soon a layer click is answered while the GAN trains (its job yields between steps)."""
    from neurolab.gui.app import application, create_window
    from neurolab.gui.tabs.activations import ActivationsTab
    from neurolab.gui.tabs.gan import GanTab
    from neurolab.gui.tabs.style import StyleTab

    app = application()
    window = create_window(model="shapes")
    window.show()
    app.processEvents()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, window.start)
    if not C.wait_for(window.ready, 300):
        raise RuntimeError("the window never became ready")
    recorder, rows = GapRecorder(), []

    # The GAN tab shown for the first time builds its two charts. The window imports pyqtgraph
    # on a thread of its own once it is ready and no job runs (curve_plot.preload); a person
    # takes longer than that to reach the tab, so it is waited for here (at most 30 s; code
    # without the preload is not waited for).
    from neurolab.gui.widgets import curve_plot

    waited = time.perf_counter()
    while hasattr(curve_plot, "preload") and time.perf_counter() - waited < 30:
        preloading = curve_plot._preloading
        if preloading is not None and not preloading.is_alive():
            break
        C.spin(0.05)
    imported = "pyqtgraph" in sys.modules
    gan = window.tab(GanTab)
    recorder.start()
    C.spin(0.05)
    window.show_tab(gan)
    C.spin(0.5)
    rows += stall_rows("first look at the GAN tab (charts built)", recorder.stop(), (50, 25))
    print(f"    pyqtgraph imported before the GAN tab was first shown: {imported}")
    print_culprits(recorder, "GAN tab first shown")
    gan.epochs.setValue(1000)
    gan.start()
    if not C.wait_for(gan.samples_shown, 300):
        raise RuntimeError("the GAN never showed samples")
    while gan.trainer.step < 5:  # past the one-off trace of the training step (it holds the GIL)
        C.spin(0.1)
    step0, started = gan.trainer.step, time.perf_counter()
    recorder.start()
    C.spin(seconds)
    gaps = recorder.stop()
    steps = gan.trainer.step - step0
    rate = steps / (time.perf_counter() - started)
    rows += stall_rows(f"GAN training, {seconds:.0f} s ({rate:.1f} steps/s)", gaps, (50, 25))
    print_culprits(recorder, "GAN training")

    # A new photo while the GAN trains: its activations job runs between two training steps.
    window.show_tab(window.tab(ActivationsTab))
    from neurolab.assets import sample_images

    answers = []
    for path in sample_images()[1:4]:
        opened = time.perf_counter()
        window.open_image(str(path))
        if C.wait_for(window.tab(ActivationsTab).mosaic_shown, 60):
            answers.append(time.perf_counter() - opened)
    gan.pause()
    C.wait_for(gan.state_changed, 60)

    style = window.tab(StyleTab)
    window.show_tab(style)
    style.steps.setValue(5000)
    style.start()
    C.wait_for(style.preview_shown, 120)
    recorder.start()
    C.spin(seconds)
    rows += stall_rows(f"style transfer at 256 px, {seconds:.0f} s", recorder.stop(), (50, 25))
    style.cancel()
    C.wait_for(style.finished, 60)
    C.table("(d) event-loop stalls: the GAN tab's first show, and while background jobs run "
            "(target max ≤ 50 ms, p99 ≤ 25 ms)",
            ["job", *STALL_COLUMNS, ""], rows)
    if answers:
        print(f"    a new photo opened while the GAN trains: first mosaic after median "
              f"{C.ms(C.median(answers))} ms, max {C.ms(max(answers))} ms ({len(answers)} photos; "
              f"the photo's jobs run between two training steps)")
    print_culprits(recorder, "style transfer")
    bench_train(window, seconds)
    window.close()


def bench_train(window, seconds: float) -> None:
    """(e) The event loop while the Train tab trains on the built-in shapes (defaults), split by
    the trainer's phase (features, training, the evaluation shown), target max ≤ 50 ms, p99 ≤ 25 ms."""
    from neurolab.gui.tabs.train import RunState, TrainTab

    tab = window.tab(TrainTab)
    recorder, phases = GapRecorder(), []
    recorder.start()  # the tab's first show: its charts are built in idle turns then
    C.spin(0.05)
    window.show_tab(tab)
    C.spin(0.5)
    first_show = recorder.stop()
    tab.pages.currentChanged.connect(lambda i: recorder.mark(f"page {i}"))

    def progressed(event) -> None:
        phase = event.metrics.get("phase")
        if not phases or phases[-1][1] != phase:
            phases.append((time.perf_counter(), phase))

    window.runner.submitted.connect(lambda handle: handle.progressed.connect(progressed))
    tab.evaluation_shown.connect(lambda: recorder.mark("evaluation shown"))
    recorder.start()
    C.spin(0.05)
    begin = time.perf_counter()
    tab.start_button.click()  # reads the shapes first (a job), then builds the trainer, then trains
    deadline = begin + 600
    while tab.state is not RunState.TRAINING and time.perf_counter() < deadline:
        C.spin(0.05)
    while tab.state is RunState.TRAINING and time.perf_counter() < deadline \
            and not any(phase == "training" for _, phase in phases):  # the features first
        C.spin(0.05)
    training_from = time.perf_counter()  # then ``seconds`` of the head's epochs, at most
    while tab.state is RunState.TRAINING and time.perf_counter() - training_from < seconds:
        C.spin(0.05)
    if tab.state is RunState.TRAINING:
        tab.stop_button.click()
    shown = tab.state is RunState.FINISHED or C.wait_for(tab.evaluation_shown, 300)
    C.spin(0.3)  # the matrix's and the gallery's paint, the gallery's pictures
    end = time.perf_counter()
    recorder.stop()
    evaluated = next((t for t, label in recorder.marks if label == "evaluation shown"), end)
    bounds = [(begin, "start → trainer built (data read, model built)")]
    bounds += [(t, f"phase: {phase}") for t, phase in phases if phase]
    bounds.append((evaluated, "evaluation shown → 0.3 s later"))
    rows = stall_rows("the tab's first show (charts built), 0.5 s", first_show, (50, 25))
    for (since, label), (until, _) in zip(bounds, bounds[1:] + [(end, "")]):
        rows += recorder.stall_table_rows(label, since, until, (50, 25))
    rows += recorder.stall_table_rows("whole run", begin, end, (50, 25))
    epochs = tab.history[-1]["epoch"] if tab.history else 0
    accuracy = tab.result.evaluation.accuracy if tab.result is not None else float("nan")
    C.table(f"(e) event-loop stalls while the Train tab trains (built-in shapes, defaults: "
            f"{epochs} epochs, validation accuracy {accuracy:.3f}, {end - begin:.1f} s, "
            f"evaluation shown: {shown}; target max ≤ 50 ms, p99 ≤ 25 ms)",
            ["phase", *STALL_COLUMNS, ""], rows)
    print_culprits(recorder, "Train tab")
    print_slowest(recorder, bounds, begin)


def bench_train_only(seconds: float) -> None:
    from PySide6.QtCore import QTimer

    from neurolab.gui.app import application, create_window

    app = application()
    window = create_window(model="shapes")
    window.show()
    app.processEvents()
    QTimer.singleShot(0, window.start)
    if not C.wait_for(window.ready, 300):
        raise RuntimeError("the window never became ready")
    from neurolab.gui.widgets import curve_plot

    waited = time.perf_counter()  # as (d): the charts' library imported before the tab is seen
    while time.perf_counter() - waited < 30:
        preloading = curve_plot._preloading
        if preloading is not None and not preloading.is_alive():
            break
        C.spin(0.05)
    bench_train(window, seconds)
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--background-only", action="store_true",
                        help="only (d): stalls while a GAN trains and a style transfer paints")
    parser.add_argument("--background-seconds", type=float, default=20.0)
    parser.add_argument("--train-only", action="store_true",
                        help="only (e): stalls while the Train tab trains on the built-in shapes")
    parser.add_argument("--no-watchdog", action="store_true",
                        help="do not sample the threads' stacks while ticks are late")
    parser.add_argument("--switch-interval", type=float, default=None,
                        help="sys.setswitchinterval for the whole run (seconds; experiments)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        report = {"python": lambda: {"end": time.time()}, "tensorflow": child_tensorflow,
                  "window": child_window}[args.child]()
        print(json.dumps(report))
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown (TensorFlow's is slow and not measured)
    global WATCHDOG
    WATCHDOG = not args.no_watchdog
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    started = time.perf_counter()
    print(f"bench_ui — {time.strftime('%Y-%m-%d %H:%M')} — {C.machine()}, "
          f"Qt platform {os.environ['QT_QPA_PLATFORM']}")
    if args.train_only:
        bench_train_only(args.background_seconds)
    else:
        if not args.background_only:
            if not args.skip_startup:
                bench_startup(args.repeats)
            bench_window(args.repeats)
        bench_background_jobs(args.background_seconds)
    print(f"\ntotal {time.perf_counter() - started:.0f} s; load average now {os.getloadavg()[0]:.2f}")
    sys.stdout.flush()
    os._exit(0)  # TensorFlow's and Qt's teardown together can crash in the garbage collector


if __name__ == "__main__":
    main()
