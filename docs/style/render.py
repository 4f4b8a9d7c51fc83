"""Render the style-transfer sample grids in this folder (offline backbones, default settings).

    python docs/style/render.py [--size 256] [--steps 200] [--backbones random,shapes]

For each backbone: ``<backbone>.png``, the flower, cat and temple (rows) in the
three shipped styles (columns), with the inputs along the top and left;
``contact_sheet.png``: the flower in each style, one row per backbone, for a
side-by-side look. Default StyleConfig otherwise (start from content, scales
1/4, 1/2, 1). Prints each transfer's time and losses.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("NEUROLAB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

CONTENTS = ("flower", "cat", "temple")
LABEL = 16  # px of caption above each tile


def load(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def thumb(image: np.ndarray, side: int) -> Image.Image:
    picture = Image.fromarray(image)
    picture.thumbnail((side, side), Image.LANCZOS)
    return picture


def grid(tiles: list[list[Image.Image | None]], captions: list[list[str]], side: int) -> Image.Image:
    """Tiles in rows, each with a caption above; a row is as tall as its tallest tile."""
    heights = [max((t.height for t in row if t is not None), default=0) for row in tiles]
    cols = len(tiles[0])
    sheet = Image.new("RGB", (cols * (side + 4), sum(h + LABEL + 4 for h in heights)), "white")
    draw = ImageDraw.Draw(sheet)
    y = 0
    for row, caption, height in zip(tiles, captions, heights):
        for c, (tile, text) in enumerate(zip(row, caption)):
            x = c * (side + 4)
            draw.text((x + 2, y + 2), text, fill="black")
            if tile is not None:
                sheet.paste(tile, (x + (side - tile.width) // 2, y + LABEL + (height - tile.height) // 2))
        y += height + LABEL + 4
    return sheet


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--backbones", default="random,shapes")
    parser.add_argument("--out", default=str(HERE))
    args = parser.parse_args(argv)

    from neurolab.assets import resource_path, style_images
    from neurolab.core.jobs import run_job
    from neurolab.core.style.backbones import choose_backbone
    from neurolab.core.style.transfer import StyleConfig, style_transfer_job

    styles = {p.stem: load(p) for p in style_images()}
    contents = {name: load(resource_path("images", f"{name}.jpg")) for name in CONTENTS}
    side = args.size
    sheet_rows, sheet_captions = [], []
    for name in args.backbones.split(","):
        backbone = choose_backbone(name)
        tiles = [[None] + [thumb(s, side) for s in styles.values()]]
        captions = [[f"{backbone.name}: {args.steps} steps"] + [f"style: {s}" for s in styles]]
        for content_name, content in contents.items():
            row, caption = [thumb(content, side)], [f"content: {content_name}"]
            for style_name, style in styles.items():
                config = StyleConfig(steps=args.steps, size=side, backbone=name)
                started = time.perf_counter()
                result = run_job(style_transfer_job(content, style, config))
                seconds = time.perf_counter() - started
                print(f"{name:7s} {content_name:7s} {style_name:14s} {seconds:5.1f} s  "
                      f"loss {result.losses[0]:.3g} -> {result.losses[-1]:.3g}", flush=True)
                row.append(Image.fromarray(result.image))
                caption.append(f"{seconds:.0f} s")
            tiles.append(row)
            captions.append(caption)
            if content_name == CONTENTS[0]:
                sheet_rows.append(row)
                sheet_captions.append([f"{name}: {content_name}"] + [f"{s}, {c}" for s, c
                                                                      in zip(styles, caption[1:])])
        file_name = "shapes_model.png" if name == "shapes" else f"{name}.png"
        grid(tiles, captions, side).save(Path(args.out) / file_name, optimize=True)
    header = [None] + [thumb(s, side) for s in styles.values()]
    grid([header] + sheet_rows, [[""] + list(styles)] + sheet_captions, side).save(
        Path(args.out) / "contact_sheet.png", optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
