"""A laid-out model graph as SVG text: boxes, curved edges with their shapes, no Qt.

SVG is simple XML, so core writes it itself and ``neurolab graph -o graph.svg`` needs no
window; the colours are the window's (``gui/graph_scene.py``), so both pictures agree.
A native-only layer (computed at the model's input size) is drawn grey and dashed, as
the table greys its row; a collapsed nested model has a double border.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from neurolab.core.graph.layout import LINE_HEIGHT, GraphLayout

FILL = "#eef3fb"
BORDER = "#4a6fa5"
NATIVE_FILL, NATIVE_BORDER = "#f0f0f0", "#969696"
NESTED_FILL = "#fdf3e1"
EDGE = "#7d8794"
TEXT, SOFT_TEXT = "#1d232b", "#5b6573"
FONT = "DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif"


def edge_path(points: list[tuple[float, float]]) -> str:
    """SVG path data: a vertical S-curve between each two points of a route."""
    (x0, y0), rest = points[0], points[1:]
    parts = [f"M{x0:.1f},{y0:.1f}"]
    for x1, y1 in rest:
        middle = (y0 + y1) / 2
        parts.append(f"C{x0:.1f},{middle:.1f} {x1:.1f},{middle:.1f} {x1:.1f},{y1:.1f}")
        x0, y0 = x1, y1
    return " ".join(parts)


def graph_svg(layout: GraphLayout, nodes: dict, title: str = "") -> str:
    """The SVG document of ``layout``; ``nodes`` maps each key to its ``GraphNode``."""
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
        if route.label:
            x, y = route.points[0]
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
        lines = [(node.name, "bold", TEXT), (node.type, "normal", SOFT_TEXT),
                 (node.shape_text, "normal", SOFT_TEXT)]
        top = box.y - LINE_HEIGHT * len(lines) / 2
        for number, (text, weight, colour) in enumerate(lines):
            y = top + LINE_HEIGHT * (number + 0.75)
            out.append(f'<text x="{box.x:.1f}" y="{y:.1f}" font-size="11" font-weight="{weight}" '
                       f'text-anchor="middle" fill="{colour}">{escape(text)}</text>')
        out.append("</g>")
    out += ["</g>", "</svg>", ""]
    return "\n".join(out)
