"""Text for shapes and learnables, shared by the layer tree and the command line."""

from __future__ import annotations


def format_dims(dims) -> str:
    """[113, 113, 64] → '113×113×64' (unknown sizes as '?', nothing as '–')."""
    if dims is None or len(dims) == 0:
        return "–"
    return "×".join("?" if d is None else str(d) for d in dims)


def format_learnables(learnables: dict) -> str:
    """{'Weights': [3, 3, 3, 64], 'Bias': [1, 1, 64]} → 'Weights 3×3×3×64, Bias 1×1×64'."""
    return ", ".join(f"{name} {format_dims(shape)}" for name, shape in learnables.items()) or "–"
