"""A laid-out model graph as SVG text: boxes, curved edges with their shapes, no Qt.

SVG is simple XML, so core writes it itself and ``neurolab graph -o graph.svg`` needs no
window; the colours are the window's (``gui/graph_scene.py``), so both pictures agree.
A native-only layer (computed at the model's input size) is drawn grey and dashed, as
the table greys its row; a collapsed nested model has a double border. The window's
export carries each box's live thumbnail as an embedded PNG (a ``data:`` URI, so the one
file stays whole), at the box's left as the window draws it.
"""

from __future__ import annotations

import base64
import io
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from neurolab.core.graph.layout import LINE_HEIGHT, GraphLayout

FILL = "#eef3fb"
BORDER = "#4a6fa5"
NATIVE_FILL, NATIVE_BORDER = "#f0f0f0", "#969696"
NESTED_FILL = "#fdf3e1"
EDGE = "#7d8794"
TEXT, SOFT_TEXT = "#1d232b", "#5b6573"
FONT = "DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif"
THUMB, PAD = 40.0, 6.0  # a thumbnail's slot at a box's left, as gui/graph_scene.py draws it


def png_data_uri(picture: np.ndarray) -> str:
    """A uint8 grey (H×W) or RGB (H×W×3) picture as a ``data:image/png;base64,…`` URI."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(picture, dtype=np.uint8)).save(buffer, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def edge_path(points: list[tuple[float, float]]) -> str:
    """SVG path data: a vertical S-curve between each two points of a route."""
    (x0, y0), rest = points[0], points[1:]
    parts = [f"M{x0:.1f},{y0:.1f}"]
    for x1, y1 in rest:
        middle = (y0 + y1) / 2
        parts.append(f"C{x0:.1f},{middle:.1f} {x1:.1f},{middle:.1f} {x1:.1f},{y1:.1f}")
        x0, y0 = x1, y1
    return " ".join(parts)


def graph_svg(layout: GraphLayout, nodes: dict, title: str = "", thumbnails: dict | None = None) -> str:
    """The SVG document of ``layout``; ``nodes`` maps each key to its ``GraphNode``;
    ``thumbnails`` (uint8 pictures by key, boxes laid out with a thumbnail's room) are
    embedded as PNG ``<image>`` elements."""
    thumbnails = thumbnails or {}
    width, height = layout.width, layout.height
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.1f} {height:.1f}" font-family={quoteattr(FONT)}>',
           f"<title>{escape(title)}</title>",
           '<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" '
           f'markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="{EDGE}"/></marker></defs>',
           '<rect width="100%" height="100%" fill="white"/>', '<g class="edges">']
    for route in layout.edges:
        out.append(f'<path class="edge" data-source={quoteattr(route.source)} '
                   f'data-target={quoteattr(route.target)} d="{edge_path(route.points)}" '
                   f'fill="none" stroke="{EDGE}" stroke-width="1.2" marker-end="url(#arrow)"/>')
    out.append('</g><g class="shapes">')  # above every edge, on a white backing: legible where edges fan out
    for route in layout.edges:
        if route.label:
            x, y = route.points[0]
            out.append(f'<rect x="{x + 3:.1f}" y="{y + 3:.1f}" width="{len(route.label) * 5.6 + 3:.1f}" '
                       f'height="12" fill="white" fill-opacity="0.85"/>')
            out.append(f'<text class="shape" x="{x + 4:.1f}" y="{y + 12:.1f}" font-size="9" '
                       f'fill="{SOFT_TEXT}">{escape(route.label)}</text>')
    out.append('</g><g class="nodes">')
    for key, box in layout.nodes.items():
        node = nodes[key]
        fill, border = ((NATIVE_FILL, NATIVE_BORDER) if node.native_only
                        else (NESTED_FILL, BORDER) if node.collapsed else (FILL, BORDER))
        dash = ' stroke-dasharray="4 3"' if node.native_only else ""
        out.append(f'<g class="node" id={quoteattr("node-" + key)} data-name={quoteattr(key)}>')
        out.append(f'<rect x="{box.left:.1f}" y="{box.top:.1f}" width="{box.width:.1f}" '
                   f'height="{box.height:.1f}" rx="5" fill="{fill}" stroke="{border}"{dash}/>')
        if node.collapsed:
            out.append(f'<rect x="{box.left + 3:.1f}" y="{box.top + 3:.1f}" width="{box.width - 6:.1f}" '
                       f'height="{box.height - 6:.1f}" rx="3" fill="none" stroke="{border}"/>')
        text_x = box.x
        picture = thumbnails.get(key)
        if picture is not None:
            out.append(_image(picture, box.left + PAD, box.y - THUMB / 2))
            text_x = (box.left + 2 * PAD + THUMB + box.right) / 2
        lines = [(node.name, "bold", TEXT), (node.type, "normal", SOFT_TEXT),
                 (node.shape_text, "normal", SOFT_TEXT)]
        top = box.y - LINE_HEIGHT * len(lines) / 2
        for number, (text, weight, colour) in enumerate(lines):
            y = top + LINE_HEIGHT * (number + 0.75)
            out.append(f'<text x="{text_x:.1f}" y="{y:.1f}" font-size="11" font-weight="{weight}" '
                       f'text-anchor="middle" fill="{colour}">{escape(text)}</text>')
        out.append("</g>")
    out += ["</g>", "</svg>", ""]
    return "\n".join(out)


def _image(picture: np.ndarray, left: float, top: float) -> str:
    """An ``<image>`` of ``picture`` centred in the THUMB×THUMB slot at (left, top)."""
    height, width = picture.shape[:2]
    scale = THUMB / max(height, width, 1)
    w, h = width * scale, height * scale
    x, y = left + (THUMB - w) / 2, top + (THUMB - h) / 2
    return (f'<image class="thumbnail" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
            f'style="image-rendering:pixelated" preserveAspectRatio="none" '
            f'href="{png_data_uri(picture)}"/>')
