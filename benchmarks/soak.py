"""Soak: resident memory through 500 image drops and layer switches, and an hour of GAN training.

    python benchmarks/soak.py [--part window|gan|both] [--images N] [--gan-steps N | --gan-seconds S]
                              [--gan-compress K] [--gan-width W] [--csv PATH] [--plot PATH]

Both parts drive the real main window offscreen (``create_window(model="shapes")``,
the bundled model, started as ``bench_ui.py`` does) and sample this process's
resident set (``VmRSS`` from ``/proc/self/status``) into one CSV.

Part A (window): 20 generated photos, 64 px to 1600 px on the long side, six
aspect ratios (so some are smaller than the model's 64×64 input), PNG and JPEG,
in a temporary folder. ``--images`` times (default 500) the next one is dropped
on the window (a real ``QDropEvent`` through ``MainWindow.dropEvent``, the path
a drag from the file manager takes), its mosaic awaited (``mosaic_shown``), then
three other layers are selected in the layer tree (each ``mosaic_shown``
awaited); every 5th drop a tile of the mosaic is clicked (``QTest.mouseClick``:
the channel view renders that channel) and every 10th the overlay box toggles.
RSS is sampled every 10 drops.

Part B (GAN, fast-forward): what an hour of training in the GAN tab leaves in
memory. An hour on two cores at the default settings (12 steps/s) is ~43 000
steps, producing ~4 300 history entries (one per ``log_every`` = 10 steps: the
tab re-draws both charts for each), ~2 160 preview grids (one per
``preview_every`` = 20 steps: the tab turns each into a QImage) and ~1 400
epochs (31 steps each, a checkpoint written at every epoch's end). The fast
forward divides the step count by ``--gan-compress`` K (default 10: 4 320 steps)
and the history and preview intervals by K as well (``log_every`` 1,
``preview_every`` 2), and uses a narrower network (``--gan-width`` 4 instead of
32; batch 64, the built-in 32 px data, 31 steps an epoch as in the app), so
the history, previews, chart updates and checkpoints of the hour all happen,
through the tab's own code, in a few minutes. The data are loaded by the tab,
the trainer built and trained on the window's job thread exactly as
``GanTab.start`` does (``train_job`` with the run folder, a background job);
the worker's 50 ms progress throttle is set to 0, so every step's event reaches
``GanTab._on_progress`` (the tab's per-event work executed for every step,
without the real-time waits). What is compressed is the TensorFlow work per
step and the wall clock, nothing that is kept. ``--gan-compress 1 --gan-width
32`` is the literal hour. RSS is sampled every ``--gan-sample-every`` steps.

Growth: warm-up is the first 10 % of each part (drops 1–50; steps 1–432);
growth = (final RSS − RSS at the end of warm-up) / RSS at the end of warm-up.
Target < 10 %; exit status 1 when a part misses it. A part whose RSS grows by
more than ``--max-growth-mib`` (default: 4 GiB or 30 % of the memory available
at start, whichever is less) stops there and fails, so that a leak cannot take
the machine's memory from everything else running on it.
"""

from __future__ import annotations

import argparse
import atexit
import csv
import gc
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import _common as C  # noqa: N812 - sets the environment first
import numpy as np

for _var, _prefix in (("NEUROLAB_CONFIG_DIR", "neurolab-soak-config-"),
                      ("NEUROLAB_DATA_DIR", "neurolab-soak-data-")):
    if _var not in os.environ:  # throw-away settings and GAN run folders
        os.environ[_var] = tempfile.mkdtemp(prefix=_prefix)
        atexit.register(shutil.rmtree, os.environ[_var], ignore_errors=True)

WARMUP_FRACTION = 0.10
TARGET_GROWTH = 0.10
PHOTOS = 20
ASPECTS = ((4, 3), (3, 4), (1, 1), (16, 9), (3, 2), (2, 3))
SWITCHES = 3
HOUR_STEPS = 3600 * 12  # an hour at the default settings' ~12 steps/s (two cores)


def rss_mib() -> float:
    return C._status_mib("VmRSS")


def default_max_growth_mib() -> float:
    available = float("inf")
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    available = int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return min(4096.0, 0.3 * available)


@dataclass
class Part:
    name: str
    unit: str  # "drop" or "step"
    rows: list[tuple[int, float, float, int]] = field(default_factory=list)  # (x, s, MiB, objects)
    started: float = field(default_factory=time.perf_counter)
    notes: list[str] = field(default_factory=list)
    stopped: str = ""  # why the part ended early (RSS grew past the limit)

    def sample(self, x: int) -> None:
        self.rows.append((x, time.perf_counter() - self.started, rss_mib(), len(gc.get_objects())))

    def summary(self) -> dict:
        xs = [r[0] for r in self.rows]
        final_x = xs[-1]
        warm = next(r for r in self.rows if r[0] >= WARMUP_FRACTION * final_x)
        final = self.rows[-1]
        growth = (final[2] - warm[2]) / warm[2]
        return {"warm_x": warm[0], "warm": warm[2], "final": final[2],
                "max": max(r[2] for r in self.rows), "growth": growth,
                "objects_warm": warm[3], "objects_final": final[3],
                "seconds": final[1], "final_x": final_x}


# --- part A: the window ------------------------------------------------------------------

def make_photos(folder: Path) -> list[Path]:
    """PHOTOS deterministic photos, long side 64 … 1600 px, various aspects, PNG and JPEG."""
    from PIL import Image

    paths = []
    for i, long_side in enumerate(np.geomspace(64, 1600, PHOTOS).round().astype(int)):
        a, b = ASPECTS[i % len(ASPECTS)]
        width, height = (long_side, max(1, long_side * b // a)) if a >= b \
            else (max(1, long_side * a // b), long_side)
        rng = np.random.default_rng(i)
        y = np.linspace(0, 1, height, dtype=np.float32)[:, None]
        x = np.linspace(0, 1, width, dtype=np.float32)[None, :]
        image = np.empty((height, width, 3), np.float32)
        image[..., 0] = 200 * x
        image[..., 1] = 200 * y
        image[..., 2] = 100 + 100 * np.sin(x * (9 + i) * np.pi) * np.cos(y * 5 * np.pi)
        disc = (x - rng.uniform(0.3, 0.7)) ** 2 + (y - rng.uniform(0.3, 0.7)) ** 2 < 0.04
        image[disc] = (250, 220, 30)
        image += rng.normal(0, 8, image.shape).astype(np.float32)
        pixels = np.clip(image, 0, 255).astype(np.uint8)
        path = folder / f"photo{i:02d}_{width}x{height}.{'png' if i % 2 else 'jpg'}"
        Image.fromarray(pixels).save(path, quality=90)
        paths.append(path)
    return paths


def drop(window, path: Path) -> None:
    """What a drag from the file manager delivers: a QDropEvent with the file's URL."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    centre = QPointF(window.width() / 2, window.height() / 2)
    event = QDropEvent(centre, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)


def click_tile(tab, channel: int) -> bool:
    """Click the centre of ``channel``'s tile in the mosaic view; True when it was selected."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    mosaic, view = tab.mosaic, tab.mosaic_view
    if mosaic is None or view.image() is None:
        return False
    channel %= mosaic.channels
    row, col = divmod(channel, mosaic.cols)
    x = col * (mosaic.tile_width + 1) + mosaic.tile_width / 2
    y = row * (mosaic.tile_height + 1) + mosaic.tile_height / 2
    point = view.image_to_widget(x, y).toPoint()
    QTest.mouseClick(view, Qt.LeftButton, Qt.NoModifier, point)
    return tab.channel == channel


def model_nodes(window) -> int:
    return sum(len(layer._inbound_nodes) for layer in window.workspace.loaded.model.layers)


def part_window(app, window, photos: list[Path], drops: int, max_growth: float) -> Part:
    from neurolab.gui.tabs.activations import ActivationsTab

    tab = window.tab(ActivationsTab)
    part = Part("window", "drop")
    keys = [k for k in window.layers.layer_keys() if k in tab.result.activations]
    shown: list[str] = []

    def on_shown(key: str) -> None:
        shown.append(key)

    tab.mosaic_shown.connect(on_shown)
    clicks = clicked = 0
    sizes = set()
    nodes_before = model_nodes(window)
    part.started = time.perf_counter()
    part.sample(0)
    rss_limit = part.rows[0][2] + max_growth
    for i in range(1, drops + 1):
        path = photos[(i - 1) % len(photos)]
        shown.clear()
        drop(window, path)
        if not C.wait_for(tab.mosaic_shown, 120):
            raise RuntimeError(f"drop {i}: no mosaic for {path.name}")
        sizes.add(tab.image.shape[:2])
        for j in range(SWITCHES):
            key = keys[(i * SWITCHES + j * 7) % len(keys)]
            if key == tab.layer:
                key = keys[(keys.index(key) + 1) % len(keys)]
            shown.clear()
            window.layers.select_layer(key)
            if not shown and not C.wait_for(tab.mosaic_shown, 30):
                raise RuntimeError(f"drop {i}: no mosaic for layer {key}")
        if i % 5 == 0:
            clicks += 1
            clicked += click_tile(tab, i)
        if i % 10 == 0:
            tab.overlay_box.setChecked(not tab.overlay_box.isChecked())
        app.processEvents()  # paint
        if i % 10 == 0:
            part.sample(i)
        if rss_mib() > rss_limit:
            part.sample(i)
            part.stopped = (f"stopped after drop {i} of {drops}: RSS grew by more than "
                            f"{max_growth:.0f} MiB")
            break
        if i % 50 == 0:
            print(f"    drop {i}/{drops}: RSS {part.rows[-1][2]:.0f} MiB, "
                  f"{part.rows[-1][1]:.0f} s", flush=True)
    tab.mosaic_shown.disconnect(on_shown)
    extractor = window.workspace.extractor
    part.notes.append(f"{len(sizes)} image sizes, {len(keys)} layers, {clicked}/{clicks} tile clicks "
                      f"selected their channel; extractor caches: {len(extractor._functions)} traced "
                      f"functions, {len(extractor._fits_cache)} small sizes; Keras nodes on the model "
                      f"{nodes_before} → {model_nodes(window)}; mosaics kept for the last image "
                      f"{len(tab.result.mosaics)}")
    return part


# --- part B: the GAN tab --------------------------------------------------------------

def part_gan(app, window, *, steps: int | None, seconds: float | None, compress: int,
             width: int, sample_every: int, max_growth: float) -> Part:
    import neurolab.gui.worker as worker
    from neurolab.core.gan.config import GanConfig
    from neurolab.core.gan.trainer import GanTrainer
    from neurolab.core.jobs import call_job
    from neurolab.gui.tabs import gan as gan_module
    from neurolab.gui.tabs.gan import GanTab, RunState

    tab = window.tab(GanTab)
    window.show_tab(tab)
    tab.load_data()
    if not C.wait_for(tab.dataset_shown, 600):
        raise RuntimeError("the GAN tab never showed its data")
    config = GanConfig(size=32, width=width, epochs=1_000_000, log_every=max(1, 10 // compress),
                       preview_every=max(1, 20 // compress))
    tab.run_folder = gan_module.default_run_folder()
    tab.epochs.setValue(tab.epochs.maximum())
    tab.loss_plot.clear()
    tab.score_plot.clear()
    tab._charted = 0
    dataset = tab.dataset
    throttle, worker.PROGRESS_INTERVAL_S = worker.PROGRESS_INTERVAL_S, 0.0  # every step's event
    events = [0]
    part = Part("gan", "step")
    try:
        tab._tool_job.start(lambda: call_job("building the networks", GanTrainer, config, dataset),
                            tab._on_trainer)  # what GanTab.start does, with this config
        if not C.wait_for(tab.samples_shown, 300):
            raise RuntimeError("the GAN never showed samples")
        handle = tab._train_job.handle
        handle.progressed.connect(lambda _event: events.__setitem__(0, events[0] + 1))
        trainer = tab.trainer
        part.started = time.perf_counter()
        part.sample(trainer.step)
        rss_limit = part.rows[0][2] + max_growth
        next_sample = trainer.step + sample_every
        last_print = part.started
        while True:
            C.spin(0.05)
            step = trainer.step
            elapsed = time.perf_counter() - part.started
            done = (steps is not None and step >= steps) or (seconds is not None and elapsed >= seconds)
            if rss_mib() > rss_limit:
                part.stopped = f"stopped at step {step}: RSS grew by more than {max_growth:.0f} MiB"
                done = True
            if step >= next_sample or done:
                part.sample(step)
                next_sample = step + sample_every
            if time.perf_counter() - last_print > 30:
                last_print = time.perf_counter()
                print(f"    step {step}: RSS {part.rows[-1][2]:.0f} MiB, {elapsed:.0f} s, "
                      f"{events[0]} events shown", flush=True)
            if done or tab.state is not RunState.TRAINING:
                break
        tab.pause()
        C.wait_for(tab.state_changed, 60)
    finally:
        worker.PROGRESS_INTERVAL_S = throttle
    checkpoints = sorted(p.name for p in Path(tab.run_folder).iterdir())
    points = sum(len(xs) for _name, xs, _ys in tab.loss_plot.series)
    part.notes.append(
        f"config width {width}, batch {config.batch_size}, log_every {config.log_every}, "
        f"preview_every {config.preview_every}; {trainer.step} steps ({trainer.epoch} epochs) in "
        f"{part.rows[-1][1]:.0f} s; {events[0]} progress events reached the tab; history "
        f"{len(trainer.history)} entries (an hour at the defaults: ~{HOUR_STEPS // 10}); loss "
        f"chart {points} points; checkpoints kept {len(checkpoints)} of {trainer.epoch} written")
    return part


# --- reporting ----------------------------------------------------------------------------

def write_csv(parts: list[Part], path: str) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fp:
        writer = csv.writer(fp)
        writer.writerow(["part", "iteration", "seconds", "rss_mib", "python_objects"])
        for part in parts:
            for x, seconds, mib, objects in part.rows:
                writer.writerow([part.name, x, f"{seconds:.2f}", f"{mib:.1f}", objects])


def plot(parts: list[Part], path: str) -> None:
    """RSS against drops / steps, one panel per part, warm-up and +10 % marked (Pillow only)."""
    from PIL import Image, ImageDraw, ImageFont

    panel_w, height = 720, 460
    image = Image.new("RGB", (panel_w * len(parts), height), "white")
    draw = ImageDraw.Draw(image)
    try:
        font, small = ImageFont.load_default(size=16), ImageFont.load_default(size=13)
    except TypeError:  # Pillow < 10.1: the bitmap font
        font = small = ImageFont.load_default()
    for index, part in enumerate(parts):
        s = part.summary()
        left, top = index * panel_w + 70, 50
        right, bottom = (index + 1) * panel_w - 25, height - 60
        xs = [r[0] for r in part.rows]
        ys = [r[2] for r in part.rows]
        y_low = min(min(ys), s["warm"]) * 0.97
        y_high = max(max(ys), s["warm"] * (1 + TARGET_GROWTH)) * 1.02
        x_high = max(xs[-1], 1)

        def at(x, y, left=left, right=right, top=top, bottom=bottom, y_low=y_low, y_high=y_high,
               x_high=x_high):
            return (left + (right - left) * x / x_high,
                    bottom - (bottom - top) * (y - y_low) / (y_high - y_low))

        title = (f"A: window, {x_high} image drops" if part.name == "window"
                 else f"B: GAN tab, {x_high} steps (an hour, fast-forward)")
        if part.stopped:
            title += " (stopped: RSS grew past the limit)"  # the font has no em dash
        draw.text((left, 8), title, fill="black", font=font)
        verdict = "PASS" if s["growth"] < TARGET_GROWTH and not part.stopped else "FAIL"
        draw.text((left, 28), f"growth after warm-up {s['growth']:+.1%} ({verdict}); "
                  f"max {s['max']:.0f} MiB", fill="#444444", font=small)
        draw.rectangle([left, top, right, bottom], outline="#999999")
        for k in range(6):  # y grid and labels
            value = y_low + (y_high - y_low) * k / 5
            _, y = at(0, value)
            draw.line([left, y, right, y], fill="#eeeeee")
            draw.text((left - 8, y), f"{value:.0f}", fill="black", font=small, anchor="rm")
        for k in range(6):  # x labels
            value = x_high * k / 5
            x, _ = at(value, y_low)
            draw.text((x, bottom + 6), f"{value:.0f}", fill="black", font=small, anchor="ma")
        draw.text(((left + right) / 2, bottom + 26), f"{part.unit}s", fill="black", font=small,
                  anchor="ma")
        draw.text((left - 60, top - 18), "RSS MiB", fill="black", font=small)
        wx, _ = at(s["warm_x"], y_low)
        for y0 in range(int(top), int(bottom), 10):  # warm-up end, dashed
            draw.line([wx, y0, wx, min(y0 + 5, bottom)], fill="#888888")
        draw.text((wx + 4, top + 4), "warm-up end", fill="#666666", font=small)
        for value, colour, label, below in ((s["warm"], "#2a9d8f", "warm-up RSS", True),
                                            (s["warm"] * (1 + TARGET_GROWTH), "#d62828",
                                             "+10 % limit", False)):
            _, y = at(0, value)
            draw.line([wx, y, right, y], fill=colour, width=1)
            draw.text((wx + 4, y + 3 if below else y - 3), label, fill=colour, font=small,
                      anchor="lt" if below else "lb")
        points = [at(x, y) for x, y in zip(xs, ys)]
        draw.line(points, fill="#0072b2", width=2)
        for x, y in points:
            draw.ellipse([x - 2, y - 2, x + 2, y + 2], fill="#0072b2")
    image.save(path)


def report(parts: list[Part]) -> bool:
    rows = []
    ok = True
    for part in parts:
        s = part.summary()
        passed = s["growth"] < TARGET_GROWTH and not part.stopped
        ok &= passed
        rows.append([part.name, f"{part.unit} {s['warm_x']}", s["warm"], s["final"], s["max"],
                     f"{s['growth']:+.1%}", f"{s['objects_warm']} → {s['objects_final']}",
                     s["seconds"], "PASS" if passed else "FAIL"])
    C.table("resident memory (VmRSS, MiB); growth = (final − warm-up) / warm-up, target < 10 %",
            ["part", "warm-up end", "RSS warm-up", "RSS final", "RSS max", "growth",
             "Python objects", "wall s", "verdict"], rows)
    for part in parts:
        for note in ([part.stopped] if part.stopped else []) + part.notes:
            print(f"    {part.name}: {note}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("window", "gan", "both"), default="both")
    parser.add_argument("--images", type=int, default=500, help="image drops in part A")
    parser.add_argument("--gan-compress", type=int, default=10,
                        help="divide the hour's steps and the history/preview intervals by this")
    parser.add_argument("--gan-steps", type=int, default=None,
                        help="GAN steps in part B (default: an hour's steps / --gan-compress)")
    parser.add_argument("--gan-seconds", type=float, default=None,
                        help="train for this many seconds instead of a number of steps")
    parser.add_argument("--gan-width", type=int, default=4,
                        help="channels of the networks' widest stage (the app: 32)")
    parser.add_argument("--gan-sample-every", type=int, default=None,
                        help="steps between two RSS samples (default: 1/100 of the run)")
    parser.add_argument("--max-growth-mib", type=float, default=None,
                        help="stop a part whose RSS grows by more than this (default: min(4 GiB, "
                             "30 %% of the available memory))")
    parser.add_argument("--csv", default="/tmp/soak.csv")
    parser.add_argument("--plot", default=None, help="PNG chart of RSS (Pillow)")
    args = parser.parse_args()
    compress = max(1, args.gan_compress)
    steps = args.gan_steps if args.gan_steps is not None else (
        None if args.gan_seconds is not None else HOUR_STEPS // compress)
    sample_every = args.gan_sample_every or max(1, (steps or 4000) // 100)
    max_growth = args.max_growth_mib or default_max_growth_mib()

    started = time.perf_counter()
    print(f"soak — {time.strftime('%Y-%m-%d %H:%M')} — {C.machine()}, "
          f"Qt platform {os.environ['QT_QPA_PLATFORM']}", flush=True)
    from PySide6.QtCore import QTimer

    from neurolab.gui.app import application, create_window

    folder = Path(tempfile.mkdtemp(prefix="neurolab-soak-photos-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    photos = make_photos(folder)
    app = application()
    window = create_window(model="shapes", image=str(photos[0]))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    QTimer.singleShot(0, window.start)
    if not C.wait_for(window.ready, 300):
        raise RuntimeError("the window never became ready")
    print(f"    window ready after {time.perf_counter() - started:.1f} s, RSS {rss_mib():.0f} MiB; "
          f"model {window.workspace.loaded.display_name}, input "
          f"{'×'.join(map(str, window.workspace.loaded.input_shape))}; a part stops if its RSS "
          f"grows by {max_growth:.0f} MiB",
          flush=True)
    parts = []
    if args.part in ("window", "both"):
        print(f"\nA: {args.images} image drops, {SWITCHES} layer switches each "
              f"({PHOTOS} photos, {', '.join(p.name.split('_')[1].split('.')[0] for p in photos[::4])} …)",
              flush=True)
        parts.append(part_window(app, window, photos, args.images, max_growth))
    if args.part in ("gan", "both"):
        goal = f"{steps} steps" if steps is not None else f"{args.gan_seconds:.0f} s"
        print(f"\nB: GAN tab, {goal} (an hour ≈ {HOUR_STEPS} steps, compressed ×{compress}), "
              f"RSS every {sample_every} steps", flush=True)
        parts.append(part_gan(app, window, steps=steps, seconds=args.gan_seconds,
                              compress=compress, width=args.gan_width, sample_every=sample_every,
                              max_growth=max_growth))
    ok = report(parts)
    write_csv(parts, args.csv)
    print(f"    CSV: {args.csv}")
    if args.plot:
        plot(parts, args.plot)
        print(f"    chart: {args.plot}")
    print(f"\ntotal {time.perf_counter() - started:.0f} s; load average now {os.getloadavg()[0]:.2f}")
    sys.stdout.flush()
    window.runner.shutdown(timeout_ms=5000)
    os._exit(0 if ok else 1)  # TensorFlow's and Qt's teardown together can crash in the collector


if __name__ == "__main__":
    sys.exit(main())
