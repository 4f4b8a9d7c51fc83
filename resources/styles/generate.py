"""Draw the bundled style images (no painting is downloaded: they are made here).

Run ``python resources/styles/generate.py`` to redraw them; the output is the
same on every run (fixed seeds). Each is a texture with a clear character a
student recognises in a styled photo: swirling brush strokes, stained glass
and a woodcut of waves.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

SIZE = 512
HERE = Path(__file__).resolve().parent


def brush_strokes(seed: int = 1) -> Image.Image:
    """Short thick strokes following a swirling flow field, night-sky blues and yellows."""
    rng = np.random.default_rng(seed)
    canvas = Image.new("RGB", (SIZE, SIZE), (20, 40, 90))
    draw = ImageDraw.Draw(canvas)
    palette = [(25, 55, 130), (40, 90, 170), (70, 130, 200), (20, 35, 80), (240, 210, 70),
               (250, 235, 140), (110, 160, 210), (200, 170, 50)]
    centres = rng.uniform(0, SIZE, (5, 2))
    for _ in range(5200):
        x, y = rng.uniform(0, SIZE, 2)
        angle = 0.0
        for cx, cy in centres:  # swirl around a few centres
            dx, dy = x - cx, y - cy
            angle += math.atan2(dy, dx) + math.pi / 2 * (1.0 / (1.0 + math.hypot(dx, dy) / 120))
        angle = angle / len(centres) + 0.4 * math.sin(y / 40.0)
        length = rng.uniform(10, 26)
        near = min(math.hypot(x - cx, y - cy) for cx, cy in centres)
        weights = np.array([3, 3, 2, 2, 0.4, 0.3, 1, 0.3]) + (np.array([0, 0, 0, 0, 3, 3, 0, 2])
                                                               if near < 45 else 0)
        colour = palette[rng.choice(len(palette), p=weights / weights.sum())]
        colour = tuple(int(np.clip(c + rng.normal(0, 12), 0, 255)) for c in colour)
        end = (x + length * math.cos(angle), y + length * math.sin(angle))
        draw.line([(x, y), end], fill=colour, width=int(rng.integers(4, 8)))
    return canvas.filter(ImageFilter.SMOOTH)


def stained_glass(seed: int = 2) -> Image.Image:
    """Voronoi cells in saturated colours with dark lead lines between them."""
    rng = np.random.default_rng(seed)
    points = rng.uniform(0, SIZE, (160, 2))
    y, x = np.mgrid[0:SIZE, 0:SIZE]
    distances = (x[..., None] - points[:, 0]) ** 2 + (y[..., None] - points[:, 1]) ** 2
    order = np.argsort(distances, axis=-1)
    nearest, second = order[..., 0], order[..., 1]
    d1 = np.sqrt(np.take_along_axis(distances, nearest[..., None], -1)[..., 0])
    d2 = np.sqrt(np.take_along_axis(distances, second[..., None], -1)[..., 0])
    palette = np.array([(200, 30, 40), (30, 80, 180), (240, 190, 30), (40, 150, 70),
                        (150, 40, 150), (230, 110, 20), (60, 170, 200)], dtype=float)
    colours = palette[rng.integers(0, len(palette), len(points))]
    colours *= rng.uniform(0.75, 1.1, (len(points), 1))
    image = colours[nearest]
    glow = np.clip(1.15 - d1 / 60.0, 0.7, 1.15)[..., None]  # lighter in the middle of a pane
    image = image * glow
    lead = (d2 - d1) < 4.0
    image[lead] = (25, 22, 20)
    return Image.fromarray(np.clip(image, 0, 255).astype(np.uint8))


def woodcut_waves(seed: int = 3) -> Image.Image:
    """Bands of waves in Prussian blue on paper, with white crests — a woodcut print."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(float)
    phase = rng.uniform(0, 2 * math.pi, 4)
    height = (np.sin(x / 37.0 + phase[0]) * 18 + np.sin(x / 13.0 + y / 50.0 + phase[1]) * 6
              + np.sin(x / 71.0 - y / 90.0 + phase[2]) * 24)
    bands = (y + height) / 26.0
    frac = bands - np.floor(bands)
    paper = np.array([238, 228, 200], dtype=float)
    blues = np.array([[18, 48, 92], [40, 90, 140], [95, 140, 175]], dtype=float)
    tone = blues[(np.floor(bands).astype(int) % 3)]
    image = np.where((frac < 0.72)[..., None], tone, paper)
    crest = (frac > 0.72) & (frac < 0.80) & (np.sin(x / 5.0 + bands * 3) > 0.2)
    image[crest] = blues[0]
    grain = rng.normal(0, 6, (SIZE, SIZE, 1))
    return Image.fromarray(np.clip(image + grain, 0, 255).astype(np.uint8))


STYLES = {"brush_strokes": brush_strokes, "stained_glass": stained_glass,
          "woodcut_waves": woodcut_waves}


def main() -> None:
    for name, make in STYLES.items():
        make().save(HERE / f"{name}.png", optimize=True)
        print(HERE / f"{name}.png")


if __name__ == "__main__":
    main()
