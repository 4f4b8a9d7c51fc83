"""Procedural pictures of nameable things: the training data of the bundled model.

Every picture is drawn from nothing but a seed (NumPy + Pillow), so the demo
model trains offline and its held-out accuracy can be re-measured on pictures
it has never seen. Each picture holds one object of one class — a flower, a
sun, a house … — at a random place, size, rotation, stretch and colour
(sometimes with a second, smaller one of the same class behind it), on one of
several backgrounds (sky, grass, blurred foliage, water, textures) shared by
all classes, so neither colour nor background alone gives the class away.

Objects are drawn in a local frame (x right, y down, roughly [-1, 1]) and
mapped onto a canvas twice the requested size, which is then reduced
(anti-aliasing), slightly blurred, colour-jittered and noised.
"""

from __future__ import annotations

import colorsys
import math
from typing import Callable, Optional, Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

#: Class names, in the order of the model's outputs.
CLASSES: list[str] = ["flower", "sun", "house", "tree", "fish", "car", "star", "heart", "moon", "boat"]

#: Background kinds, in the order ``background=`` accepts them.
BACKGROUNDS: tuple[str, ...] = ("sky", "grass", "foliage", "water", "texture", "plain", "dark")

_SUPERSAMPLE = 2
#: ``upright`` shapes turn at most this far (radians, about 10°) and stretch at most e**this.
UPRIGHT_SPIN = 0.17
UPRIGHT_STRETCH = 0.12

RGB = tuple[int, int, int]


# --- public API -----------------------------------------------------------------

def make_dataset(n_per_class: int, *, size: int = 64, seed: int,
                 classes: Optional[Sequence[str]] = None,
                 workers: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """``n_per_class`` pictures of every class, shuffled: (uint8 N×size×size×3, int64 labels).

    The same ``seed`` gives the same pictures; picture ``i`` of a class does not
    depend on ``n_per_class``, so a larger set extends a smaller one. ``workers``
    > 1 draws the classes in that many processes, with the same result.
    """
    names = list(CLASSES if classes is None else classes)
    unknown = [n for n in names if n not in CLASSES]
    if unknown:
        raise ValueError(f"Unknown class {unknown[0]!r}; known: {', '.join(CLASSES)}")
    jobs = [(name, int(n_per_class), int(size), int(seed)) for name in names]
    if workers > 1 and len(jobs) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")  # safe beside TensorFlow's threads
        with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context) as pool:
            parts = list(pool.map(_draw_class, jobs))
    else:
        parts = [_draw_class(job) for job in jobs]
    images = np.concatenate(parts) if parts else np.empty((0, size, size, 3), dtype=np.uint8)
    labels = np.repeat(np.array([CLASSES.index(n) for n in names], dtype=np.int64), int(n_per_class))
    order = np.random.default_rng(int(seed)).permutation(len(labels))
    return images[order], labels[order]


def _draw_class(job: tuple[str, int, int, int]) -> np.ndarray:
    name, count, size, seed = job
    index = CLASSES.index(name)
    images = np.empty((count, size, size, 3), dtype=np.uint8)
    for i in range(count):
        images[i] = draw(name, seed=(seed, index, i), size=size)[0]
    return images


def draw(name: str, *, seed, size: int = 64, colour: Optional[RGB] = None,
         background: Optional[str] = None, scale: Optional[float] = None,
         centre: Optional[tuple[float, float]] = None,
         clean: bool = False, alone: bool = False, bold: bool = False,
         upright: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """One picture of class ``name``: (uint8 size×size×3 image, bool size×size object mask).

    ``colour`` fixes the object's main colour (a flower's petals), ``background``
    one of :data:`BACKGROUNDS`, ``scale`` the object's radius as a fraction of
    the picture (about 0.2–0.45), ``centre`` its centre as fractions (x, y).
    ``clean`` skips the final blur, jitter and noise; ``alone`` the distractors
    and the second object (the GAN's built-in set: one shape a picture);
    ``bold`` draws stars with broad arms and moons as thick crescents (a 32-px
    GAN learns those outlines; thin ones it draws as blobs); ``upright`` turns
    and stretches every shape only a little (a small GAN learns one pose of a
    star in minutes; stars at any angle it draws as round blobs).
    """
    if name not in _DRAWERS:
        raise ValueError(f"Unknown class {name!r}; known: {', '.join(CLASSES)}")
    if background is not None and background not in BACKGROUNDS:
        raise ValueError(f"Unknown background {background!r}; known: {', '.join(BACKGROUNDS)}")
    rng = np.random.default_rng(seed)
    big = int(size) * _SUPERSAMPLE
    bg_kind = background or BACKGROUNDS[int(rng.integers(len(BACKGROUNDS)))]
    canvas = _background(bg_kind, big, rng)
    mask = Image.new("L", (big, big), 0)
    if rng.random() < 0.35 and not alone:
        _distractors(canvas, big, rng)
    frame = _frame(name, big, rng, scale, centre, upright)
    if rng.random() < 0.2 and not alone:  # a second, smaller one behind, perhaps cut off by the border
        second = _frame(name, big, rng, frame.radius / big * rng.uniform(0.45, 0.75),
                        (rng.uniform(0, 1), rng.uniform(0, 1)))
        _DRAWERS[name](_Pen(canvas, mask, second), rng, colour)
    if bold and name in _BOLD_DRAWERS:
        _BOLD_DRAWERS[name](_Pen(canvas, mask, frame), rng, colour)
    else:
        _DRAWERS[name](_Pen(canvas, mask, frame), rng, colour)
    image = canvas.resize((size, size), Image.Resampling.LANCZOS)
    small_mask = np.asarray(mask.resize((size, size), Image.Resampling.BILINEAR)) >= 128
    if not clean:
        image = _finish(image, rng)
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8)), small_mask


# --- geometry -------------------------------------------------------------------

class _Frame:
    """Local [-1, 1] coordinates → canvas pixels: flip, rotate, stretch, scale, move."""

    def __init__(self, cx: float, cy: float, radius: float, angle: float, flip: bool, aspect: float):
        self.cx, self.cy, self.radius = cx, cy, radius
        self.cos, self.sin = math.cos(angle), math.sin(angle)
        self.flip = -1.0 if flip else 1.0
        self.sx, self.sy = math.sqrt(aspect), 1.0 / math.sqrt(aspect)

    def __call__(self, points) -> list[tuple[float, float]]:
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        x = pts[:, 0] * self.flip
        y = pts[:, 1]
        xr = x * self.cos - y * self.sin
        yr = x * self.sin + y * self.cos
        return list(zip(self.cx + xr * self.radius * self.sx, self.cy + yr * self.radius * self.sy))

    def length(self, value: float) -> float:
        return value * self.radius


def _frame(name: str, big: int, rng, scale, centre, upright: bool = False) -> _Frame:
    radius = (scale if scale is not None else rng.uniform(0.24, 0.44)) * big
    if centre is None:
        margin = min(radius * 0.9, big * 0.45)
        cx, cy = rng.uniform(margin, big - margin), rng.uniform(margin, big - margin)
    else:
        cx, cy = centre[0] * big, centre[1] * big
    spin = {"flower": math.pi, "star": math.pi, "sun": math.pi, "moon": math.pi,
            "fish": 0.5, "heart": 0.4}.get(name, 0.25)
    if upright:
        spin = min(spin, UPRIGHT_SPIN)
    angle = rng.uniform(-spin, spin)
    flip = bool(rng.random() < 0.5)
    # Up to 3:2 either way: `classify` squashes a 3:2 photo into the square input.
    stretch = UPRIGHT_STRETCH if upright else 0.45
    aspect = float(np.exp(rng.uniform(-stretch, stretch)))
    return _Frame(cx, cy, radius, angle, flip, aspect)


def _ellipse(cx, cy, rx, ry, angle=0.0, n=28, start=0.0, stop=2 * math.pi):
    t = np.linspace(start, stop, n, endpoint=False if stop - start >= 2 * math.pi - 1e-9 else True)
    x, y = rx * np.cos(t), ry * np.sin(t)
    c, s = math.cos(angle), math.sin(angle)
    return np.stack([cx + x * c - y * s, cy + x * s + y * c], axis=1)


def _rect(x0, y0, x1, y1):
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64)


def _regular_star(points: int, inner: float, outer: float = 1.0, phase: float = -math.pi / 2):
    angles = phase + np.arange(2 * points) * math.pi / points
    radii = np.where(np.arange(2 * points) % 2 == 0, outer, inner)
    return np.stack([radii * np.cos(angles), radii * np.sin(angles)], axis=1)


class _Pen:
    """Draws transformed polygons on the canvas and records the object's silhouette."""

    def __init__(self, canvas: Image.Image, mask: Image.Image, frame: _Frame):
        self.canvas, self.mask, self.frame = canvas, mask, frame
        self.draw = ImageDraw.Draw(canvas)
        self.mask_draw = ImageDraw.Draw(mask)

    def poly(self, points, fill: RGB, outline: Optional[RGB] = None, width: float = 0.0,
             part: bool = True) -> None:
        pts = self.frame(points)
        self.draw.polygon(pts, fill=tuple(int(v) for v in fill))
        if outline is not None and width > 0:
            w = max(1, int(round(self.frame.length(width))))
            self.draw.line(pts + pts[:1], fill=tuple(int(v) for v in outline), width=w, joint="curve")
        if part:
            self.mask_draw.polygon(pts, fill=255)

    def line(self, points, fill: RGB, width: float, part: bool = True) -> None:
        pts = self.frame(points)
        w = max(1, int(round(self.frame.length(width))))
        self.draw.line(pts, fill=tuple(int(v) for v in fill), width=w, joint="curve")
        if part:
            self.mask_draw.line(pts, fill=255, width=w, joint="curve")

    def cutout(self, shape_points: Sequence[np.ndarray], holes: Sequence[np.ndarray], fill: RGB,
               shade: Optional[Callable[[ImageDraw.ImageDraw, _Frame], None]] = None) -> None:
        """Fill the union of ``shape_points`` minus ``holes`` (e.g. a crescent)."""
        size = self.canvas.size
        local = Image.new("L", size, 0)
        d = ImageDraw.Draw(local)
        for pts in shape_points:
            d.polygon(self.frame(pts), fill=255)
        for pts in holes:
            d.polygon(self.frame(pts), fill=0)
        layer = Image.new("RGB", size, tuple(int(v) for v in fill))
        if shade is not None:
            shade(ImageDraw.Draw(layer), self.frame)
        self.canvas.paste(layer, (0, 0), local)
        self.mask.paste(255, (0, 0), local)


# --- colours --------------------------------------------------------------------

def _hsv(h: float, s: float, v: float) -> RGB:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, min(max(s, 0), 1), min(max(v, 0), 1))
    return int(r * 255), int(g * 255), int(b * 255)


def _jitter(colour: RGB, rng, amount: float = 18) -> RGB:
    return tuple(int(np.clip(c + rng.normal(0, amount), 0, 255)) for c in colour)  # type: ignore[return-value]


def _shade(colour: RGB, factor: float) -> RGB:
    if factor >= 1:
        return tuple(int(c + (255 - c) * (factor - 1)) for c in colour)  # type: ignore[return-value]
    return tuple(int(c * factor) for c in colour)  # type: ignore[return-value]


def _random_colour(rng) -> RGB:
    return _hsv(rng.random(), rng.uniform(0.4, 1.0), rng.uniform(0.45, 1.0))


def _pick(rng, palette: Sequence[RGB]) -> RGB:
    return _jitter(palette[int(rng.integers(len(palette)))], rng)


_PETALS: tuple[RGB, ...] = (
    (250, 215, 40), (255, 235, 90), (245, 245, 240), (250, 250, 250), (245, 150, 190), (235, 90, 150),
    (220, 30, 45), (200, 20, 60), (250, 140, 40), (245, 175, 110), (240, 160, 90), (150, 80, 200),
    (120, 90, 220), (255, 200, 200), (250, 120, 80),
)


# --- backgrounds ----------------------------------------------------------------

def _smooth_noise(big: int, rng, cells: int, channels: int = 1) -> np.ndarray:
    """Low-frequency noise in [0, 1], big×big×channels."""
    small = rng.random((cells, cells, channels))
    out = np.empty((big, big, channels), dtype=np.float64)
    for c in range(channels):
        img = Image.fromarray((small[:, :, c] * 255).astype(np.uint8), "L")
        out[:, :, c] = np.asarray(img.resize((big, big), Image.Resampling.BICUBIC), dtype=np.float64) / 255
    return out


def _background(kind: str, big: int, rng) -> Image.Image:
    y = np.linspace(0, 1, big)[:, None, None]
    if kind == "sky":
        tops = [(40, 110, 210), (90, 160, 235), (20, 40, 110), (230, 120, 80), (140, 180, 230)]
        bottoms = [(170, 210, 250), (220, 235, 250), (70, 90, 160), (250, 200, 140), (240, 240, 245)]
        i = int(rng.integers(len(tops)))
        top, bottom = np.array(_jitter(tops[i], rng)), np.array(_jitter(bottoms[i], rng))
        arr = top + (bottom - top) * y
        arr = arr * np.ones((1, big, 1))
        if rng.random() < 0.4:  # a strip of ground
            horizon = int(big * rng.uniform(0.7, 0.92))
            arr[horizon:] = _jitter((70, 140, 60) if rng.random() < 0.7 else (150, 120, 80), rng)
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        if rng.random() < 0.5:  # clouds
            d = ImageDraw.Draw(img)
            for _ in range(int(rng.integers(1, 4))):
                cx, cy, r = rng.uniform(0, big), rng.uniform(0, big * 0.6), rng.uniform(big * 0.05, big * 0.12)
                for _ in range(4):
                    ox, oy = rng.normal(0, r * 0.8), rng.normal(0, r * 0.3)
                    d.ellipse([cx + ox - r, cy + oy - r * 0.7, cx + ox + r, cy + oy + r * 0.7],
                              fill=_jitter((245, 245, 250), rng, 6))
            img = img.filter(ImageFilter.GaussianBlur(big * 0.01))
        return img
    if kind == "grass":
        base = np.array(_pick(rng, [(60, 130, 40), (90, 150, 50), (40, 100, 40), (120, 150, 60)]), float)
        noise = _smooth_noise(big, rng, 24)[:, :, 0]
        vertical = np.asarray(Image.fromarray((rng.random((big // 6, big)) * 255).astype(np.uint8), "L")
                              .resize((big, big), Image.Resampling.BILINEAR), float) / 255
        light = 0.65 + 0.35 * noise + 0.3 * (vertical - 0.5)
        arr = base[None, None, :] * light[:, :, None]
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if kind in ("foliage", "dark"):
        # Out-of-focus leaves: a dark base with big blurred blobs (the look of a flower photo).
        if kind == "foliage":
            base = _pick(rng, [(20, 60, 55), (25, 70, 40), (15, 45, 50), (40, 60, 30), (30, 40, 35)])
            blobs = [(40, 110, 100), (50, 120, 60), (30, 90, 110), (90, 130, 60), (20, 70, 70), (10, 30, 30)]
        else:
            base = _pick(rng, [(15, 15, 20), (30, 25, 20), (10, 20, 35), (35, 35, 40)])
            blobs = [(50, 50, 60), (20, 30, 60), (60, 45, 35), (5, 5, 10)]
        img = Image.new("RGB", (big, big), base)
        d = ImageDraw.Draw(img)
        for _ in range(int(rng.integers(6, 14))):
            cx, cy = rng.uniform(0, big), rng.uniform(0, big)
            rx, ry = rng.uniform(0.05, 0.25) * big, rng.uniform(0.05, 0.25) * big
            d.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=_pick(rng, blobs))
        return img.filter(ImageFilter.GaussianBlur(big * rng.uniform(0.03, 0.08)))
    if kind == "water":
        top = np.array(_pick(rng, [(40, 110, 170), (30, 80, 130), (60, 140, 170), (20, 60, 90)]), float)
        arr = top[None, None, :] * (0.8 + 0.35 * y) * np.ones((1, big, 1))
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        d = ImageDraw.Draw(img)
        for _ in range(int(rng.integers(6, 16))):
            x0, y0 = rng.uniform(-big * 0.2, big), rng.uniform(0, big)
            length, amp = rng.uniform(0.1, 0.4) * big, rng.uniform(0.005, 0.02) * big
            xs = np.linspace(x0, x0 + length, 12)
            pts = list(zip(xs, y0 + amp * np.sin((xs - x0) / length * 4 * math.pi)))
            d.line(pts, fill=_jitter((180, 210, 235), rng, 15), width=max(1, big // 80))
        return img.filter(ImageFilter.GaussianBlur(big * 0.006))
    if kind == "texture":
        a, b = np.array(_random_colour(rng), float), np.array(_random_colour(rng), float)
        t = _smooth_noise(big, rng, int(rng.integers(3, 10)))
        arr = a + (b - a) * t
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    # plain
    colour = np.array(_hsv(rng.random(), rng.uniform(0, 0.5), rng.uniform(0.2, 0.95)), float)
    arr = colour[None, None, :] * (0.9 + 0.2 * _smooth_noise(big, rng, 4))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _distractors(canvas: Image.Image, big: int, rng) -> None:
    """Small shapeless things (pebbles, leaves, specks) that belong to no class."""
    d = ImageDraw.Draw(canvas)
    for _ in range(int(rng.integers(1, 4))):
        cx, cy = rng.uniform(0, big), rng.uniform(0, big)
        rx, ry = rng.uniform(0.02, 0.07) * big, rng.uniform(0.02, 0.07) * big
        pts = _ellipse(cx, cy, rx, ry, rng.uniform(0, math.pi), n=int(rng.integers(5, 9)))
        pts += rng.normal(0, min(rx, ry) * 0.25, pts.shape)
        d.polygon([tuple(p) for p in pts], fill=_random_colour(rng))


def _finish(image: Image.Image, rng) -> Image.Image:
    if rng.random() < 0.5:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.9)))
    arr = np.asarray(image, dtype=np.float64)
    contrast, brightness = rng.uniform(0.8, 1.15), rng.normal(0, 12)
    arr = (arr - 128) * contrast + 128 + brightness + rng.normal(0, 6, 3)[None, None, :]
    arr += rng.normal(0, rng.uniform(0, 7), arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


# --- the classes ----------------------------------------------------------------

def _flower(pen: _Pen, rng, colour) -> None:
    petal = colour if colour is not None else _pick(rng, _PETALS)
    style = rng.choice(["daisy", "dahlia", "round"], p=[0.4, 0.35, 0.25])
    if rng.random() < 0.35 and style != "dahlia":  # a stem with a leaf
        green = _pick(rng, [(50, 130, 40), (70, 150, 60), (40, 100, 50)])
        pen.line([[0, 0], [0.05, 0.8], [0, 1.6]], green, 0.09)
        pen.poly(_ellipse(0.22, 1.05, 0.25, 0.09, -0.6), green)
    if style == "daisy":
        n = int(rng.integers(5, 15))
        width = min(0.32, 2.2 / n) * rng.uniform(0.8, 1.1)
        phase = rng.uniform(0, 2 * math.pi)
        for k in range(n):
            a = phase + 2 * math.pi * k / n
            pts = _ellipse(0.55 * math.cos(a), 0.55 * math.sin(a), 0.45, width, a)
            pen.poly(pts, _jitter(petal, rng, 8), _shade(petal, 0.75), 0.025)
        centre = _pick(rng, [(240, 190, 30), (230, 150, 20), (120, 70, 20), (60, 40, 20), (250, 220, 60)])
        r = rng.uniform(0.18, 0.3)
        pen.poly(_ellipse(0, 0, r, r), centre, _shade(centre, 0.7), 0.03)
    elif style == "dahlia":
        # Rings of cupped petals, smaller towards a small centre (pom-pom dahlia).
        rings = int(rng.integers(3, 6))
        phase = rng.uniform(0, 2 * math.pi)
        # Towards the centre the petals get deeper: more saturated, a touch redder and darker.
        h, sat, v = colorsys.rgb_to_hsv(*(c / 255 for c in petal))
        deep = _hsv(h - rng.uniform(0, 0.03), sat * 1.4 + 0.2, v * rng.uniform(0.7, 0.95))
        pen.poly(_ellipse(0, 0, 0.8, 0.8), _shade(deep, 0.8))
        for j in range(rings):
            t = j / max(rings - 1, 1)
            radius = 0.78 * (1 - t) + 0.12
            n = max(6, int(round((10 + 8 * (1 - t)) * rng.uniform(0.85, 1.15))))
            size = 0.95 * radius * math.pi / n + 0.04
            tone = tuple(int(a + (b - a) * t * 0.6) for a, b in zip(petal, deep))
            for k in range(n):
                a = phase + (k + 0.5 * j) * 2 * math.pi / n
                cx, cy = radius * math.cos(a), radius * math.sin(a)
                pen.poly(_ellipse(cx, cy, size * 1.25, size, a), _jitter(tone, rng, 6),
                         _shade(tone, 0.7), 0.02)
                pen.poly(_ellipse(cx - 0.25 * size * math.cos(a), cy - 0.25 * size * math.sin(a),
                                  size * 0.6, size * 0.5, a), _shade(tone, 1.15), part=False)
        pen.poly(_ellipse(0, 0, 0.1, 0.1), _shade(deep, 0.8))
    else:
        n = int(rng.integers(4, 7))
        phase = rng.uniform(0, 2 * math.pi)
        for k in range(n):
            a = phase + 2 * math.pi * k / n
            pts = _ellipse(0.5 * math.cos(a), 0.5 * math.sin(a), 0.5, 0.42, a)
            pen.poly(pts, _jitter(petal, rng, 8), _shade(petal, 0.7), 0.03)
        centre = _pick(rng, [(250, 220, 60), (240, 180, 40), (90, 50, 30), (250, 250, 210)])
        r = rng.uniform(0.12, 0.22)
        pen.poly(_ellipse(0, 0, r, r), centre)


def _sun(pen: _Pen, rng, colour) -> None:
    body = colour if colour is not None else _pick(rng, [(255, 220, 40), (255, 200, 30), (255, 160, 30),
                                                         (255, 240, 120), (250, 120, 40)])
    rays = _jitter(body, rng, 10)
    r = rng.uniform(0.5, 0.65)
    kind = rng.choice(["triangles", "lines", "none"], p=[0.5, 0.35, 0.15])
    n = int(rng.integers(8, 17))
    phase = rng.uniform(0, 2 * math.pi)
    if kind == "triangles":
        pen.poly(_regular_star(n, r * 0.95, rng.uniform(0.85, 1.0), phase), rays)
    elif kind == "lines":
        for k in range(n):
            a = phase + 2 * math.pi * k / n
            pen.line([[r * 1.15 * math.cos(a), r * 1.15 * math.sin(a)],
                      [0.98 * math.cos(a), 0.98 * math.sin(a)]], rays, 0.06)
    else:
        pen.poly(_ellipse(0, 0, r * 1.3, r * 1.3), _shade(body, 1.25), part=False)
    pen.poly(_ellipse(0, 0, r, r, n=40), body)


def _house(pen: _Pen, rng, colour) -> None:
    wall = colour if colour is not None else _pick(rng, [(230, 220, 190), (200, 80, 60), (240, 240, 240),
                                                         (230, 200, 120), (160, 120, 90), (180, 200, 220)])
    roof = _pick(rng, [(170, 50, 40), (90, 60, 50), (60, 60, 70), (200, 100, 50), (40, 90, 60)])
    w, h = rng.uniform(0.55, 0.8), rng.uniform(0.4, 0.6)
    top = -0.05
    if rng.random() < 0.4:  # chimney
        pen.poly(_rect(w * 0.4, top - 0.6, w * 0.6, top - 0.15), _shade(roof, 0.8))
    pen.poly(_rect(-w, top, w, top + 2 * h * 0.8), wall, _shade(wall, 0.6), 0.02)
    over = rng.uniform(0.05, 0.18)
    peak = rng.uniform(0.45, 0.75)
    if rng.random() < 0.7:
        pen.poly([[-w - over, top], [0, top - peak], [w + over, top]], roof, _shade(roof, 0.6), 0.02)
    else:  # pagoda-ish flared roof
        pen.poly([[-w - over * 2, top + 0.02], [-w * 0.6, top - peak * 0.6], [0, top - peak],
                  [w * 0.6, top - peak * 0.6], [w + over * 2, top + 0.02]], roof, _shade(roof, 0.6), 0.02)
    floor = top + 2 * h * 0.8
    dw = w * 0.25
    door_x = rng.uniform(-w + dw + 0.05, w - dw - 0.05) * 0.5
    pen.poly(_rect(door_x - dw, floor - h * 0.9, door_x + dw, floor), _pick(rng, [(110, 70, 40), (60, 40, 30),
                                                                                   (150, 40, 40), (40, 60, 110)]))
    glass = _pick(rng, [(170, 210, 240), (240, 230, 160), (120, 160, 200)])
    for side in (-1, 1):
        wx = side * w * 0.62
        if abs(wx - door_x) > dw + w * 0.2:
            pen.poly(_rect(wx - w * 0.18, top + h * 0.3, wx + w * 0.18, top + h * 0.75), glass,
                     (60, 60, 60), 0.02)


def _tree(pen: _Pen, rng, colour) -> None:
    trunk = _pick(rng, [(110, 70, 40), (90, 60, 35), (130, 90, 60)])
    conifer = rng.random() < 0.35
    leaves = colour if colour is not None else (
        _pick(rng, [(30, 100, 50), (20, 80, 40), (40, 110, 70)]) if conifer else
        _pick(rng, [(50, 140, 50), (80, 160, 60), (40, 120, 40), (120, 170, 60), (220, 140, 40),
                    (200, 70, 40), (230, 190, 60)]))
    tw = rng.uniform(0.07, 0.14)
    pen.poly(_rect(-tw, 0.1, tw, 1.0), trunk)
    if conifer:
        tiers = int(rng.integers(2, 5))
        for j in range(tiers):
            yb = 0.35 - j * (1.2 / tiers)
            half = 0.7 - j * 0.12
            pen.poly([[-half, yb], [0, yb - 0.75], [half, yb]], _jitter(leaves, rng, 8))
    else:
        cy = rng.uniform(-0.45, -0.3)
        for _ in range(int(rng.integers(5, 10))):
            ox, oy = rng.normal(0, 0.25), rng.normal(0, 0.18)
            r = rng.uniform(0.28, 0.45)
            pen.poly(_ellipse(ox, cy + oy, r, r * rng.uniform(0.8, 1.0)), _jitter(leaves, rng, 12))


def _fish(pen: _Pen, rng, colour) -> None:
    body = colour if colour is not None else (_random_colour(rng) if rng.random() < 0.5 else
                                              _pick(rng, [(250, 130, 30), (240, 200, 40), (90, 140, 220),
                                                          (190, 190, 200), (220, 60, 50)]))
    fin = _shade(body, rng.uniform(0.6, 0.8))
    length, height = rng.uniform(0.6, 0.75), rng.uniform(0.28, 0.42)
    pen.poly([[length * 0.55, 0], [length + 0.35, -0.4], [length + 0.25, 0], [length + 0.35, 0.4]], fin)
    pen.poly([[-0.1, -height * 0.8], [0.15, -height - 0.25], [0.35, -height * 0.7]], fin)
    pen.poly(_ellipse(0, 0, length, height, n=36), body, _shade(body, 0.6), 0.02)
    if rng.random() < 0.5:  # stripes
        for sx in (-0.15, 0.2):
            pen.poly(_ellipse(sx, 0, 0.06, height * 0.9), _shade(body, 1.4), part=False)
    ex = -length * 0.6
    pen.poly(_ellipse(ex, -height * 0.25, 0.08, 0.08), (250, 250, 250))
    pen.poly(_ellipse(ex - 0.02, -height * 0.25, 0.045, 0.045), (15, 15, 15))


def _car(pen: _Pen, rng, colour) -> None:
    body = colour if colour is not None else _random_colour(rng)
    length, height = rng.uniform(0.85, 1.0), rng.uniform(0.22, 0.3)
    base = 0.25
    cab_front, cab_back = rng.uniform(-0.55, -0.35), rng.uniform(0.35, 0.6)
    cab_h = rng.uniform(0.25, 0.38)
    pen.poly([[cab_back, base - height * 2], [cab_back - 0.12, base - height * 2 - cab_h],
              [cab_front + 0.18, base - height * 2 - cab_h], [cab_front, base - height * 2]],
             body, _shade(body, 0.6), 0.02)
    glass = _pick(rng, [(170, 210, 240), (120, 150, 180), (60, 70, 90)])
    inset = 0.06
    mid = (cab_front + cab_back) / 2
    yt, yb = base - height * 2 - cab_h + inset, base - height * 2
    pen.poly([[cab_front + 0.08, yb], [cab_front + 0.2, yt], [mid - 0.03, yt], [mid - 0.03, yb]], glass)
    pen.poly([[mid + 0.03, yb], [mid + 0.03, yt], [cab_back - 0.14, yt], [cab_back - 0.06, yb]], glass)
    pen.poly([[-length, base], [-length, base - height * 1.6], [-length + 0.1, base - height * 2],
              [length - 0.05, base - height * 2], [length, base - height * 1.4], [length, base]],
             body, _shade(body, 0.6), 0.02)
    pen.poly(_ellipse(-length + 0.04, base - height * 1.3, 0.05, 0.035), (250, 240, 180), part=False)
    wheel_r = rng.uniform(0.16, 0.21)
    for wx in (-length * 0.6, length * 0.6):
        pen.poly(_ellipse(wx, base, wheel_r, wheel_r), (25, 25, 25))
        pen.poly(_ellipse(wx, base, wheel_r * 0.45, wheel_r * 0.45), (170, 170, 175))


def _star(pen: _Pen, rng, colour) -> None:
    fill = colour if colour is not None else (_pick(rng, [(255, 215, 0), (250, 230, 90), (240, 180, 40)])
                                             if rng.random() < 0.6 else _random_colour(rng))
    points = 5 if rng.random() < 0.75 else 6
    inner = rng.uniform(0.36, 0.5)
    pen.poly(_regular_star(points, inner), fill, _shade(fill, 0.65), 0.03)


def _bold_star(pen: _Pen, rng, colour) -> None:
    """Five broad arms (inner radius over half the outer): the GAN's built-in set."""
    fill = colour if colour is not None else _random_colour(rng)
    pen.poly(_regular_star(5, rng.uniform(0.5, 0.56)), fill, _shade(fill, 0.65), 0.03)


def _heart(pen: _Pen, rng, colour) -> None:
    fill = colour if colour is not None else (_pick(rng, [(220, 30, 50), (240, 90, 140), (200, 20, 90),
                                                          (250, 150, 180)])
                                             if rng.random() < 0.65 else _random_colour(rng))
    t = np.linspace(0, 2 * math.pi, 60, endpoint=False)
    x = 16 * np.sin(t) ** 3
    y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
    pts = np.stack([x, y + 2], axis=1) / 17.0
    pen.poly(pts, fill, _shade(fill, 0.65), 0.03)
    if rng.random() < 0.4:
        pen.poly(_ellipse(-0.45, -0.35, 0.15, 0.09, -0.6), _shade(fill, 1.35), part=False)


def _moon(pen: _Pen, rng, colour) -> None:
    fill = colour if colour is not None else _pick(rng, [(245, 240, 200), (250, 230, 130), (220, 220, 225),
                                                         (250, 210, 90)])
    full = _ellipse(0, 0, 0.8, 0.8, n=48)
    offset = rng.uniform(0.3, 0.6)
    hole = _ellipse(offset, -0.1 * rng.random(), 0.75, 0.75, n=48)
    craters = [(rng.uniform(-0.6, -0.1), rng.uniform(-0.4, 0.4), rng.uniform(0.06, 0.14))
               for _ in range(int(rng.integers(0, 4)))]

    def shade(d: ImageDraw.ImageDraw, frame: _Frame) -> None:
        for cx, cy, r in craters:
            d.polygon(frame(_ellipse(cx, cy, r, r)), fill=_shade(fill, 0.85))

    pen.cutout([full], [hole], fill, shade)


def _bold_moon(pen: _Pen, rng, colour) -> None:
    """A thick crescent, no craters: the GAN's built-in set."""
    fill = colour if colour is not None else _random_colour(rng)
    full = _ellipse(0, 0, 0.85, 0.85, n=48)
    hole = _ellipse(rng.uniform(0.5, 0.62), -0.1 * rng.random(), 0.68, 0.68, n=48)
    pen.cutout([full], [hole], fill)


_BOLD_DRAWERS = {"star": _bold_star, "moon": _bold_moon}


def _boat(pen: _Pen, rng, colour) -> None:
    hull = colour if colour is not None else _pick(rng, [(150, 90, 50), (200, 40, 40), (240, 240, 240),
                                                         (40, 70, 140), (60, 60, 60), (230, 200, 60)])
    sail = _pick(rng, [(250, 250, 245), (240, 230, 200), (220, 60, 50), (250, 200, 60), (90, 150, 220)])
    deck, keel = 0.3, rng.uniform(0.55, 0.7)
    length = rng.uniform(0.85, 1.0)
    mast_x = rng.uniform(-0.1, 0.1)
    top = rng.uniform(-0.95, -0.75)
    pen.line([[mast_x, deck], [mast_x, top]], (80, 60, 40), 0.04)
    pen.poly([[mast_x + 0.04, top + 0.05], [mast_x + 0.04, deck - 0.08],
              [mast_x + rng.uniform(0.5, 0.75), deck - 0.08]], sail, _shade(sail, 0.75), 0.015)
    if rng.random() < 0.6:
        pen.poly([[mast_x - 0.04, top + 0.15], [mast_x - 0.04, deck - 0.08],
                  [mast_x - rng.uniform(0.35, 0.6), deck - 0.08]], _shade(sail, 0.92), _shade(sail, 0.7), 0.015)
    pen.poly([[-length, deck], [length, deck], [length * 0.65, keel], [-length * 0.7, keel]],
             hull, _shade(hull, 0.6), 0.02)
    pen.line([[-length * 0.92, deck + 0.07], [length * 0.92, deck + 0.07]], _shade(hull, 1.4), 0.03,
             part=False)


_DRAWERS: dict[str, Callable[[_Pen, object, Optional[RGB]], None]] = {
    "flower": _flower, "sun": _sun, "house": _house, "tree": _tree, "fish": _fish,
    "car": _car, "star": _star, "heart": _heart, "moon": _moon, "boat": _boat,
}
assert list(_DRAWERS) == CLASSES
