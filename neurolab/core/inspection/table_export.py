"""The layer table as CSV or Markdown (``neurolab analyze --csv/--markdown``, File ▸ Export).

The columns are the window's (MATLAB ``analyzeNetwork``'s): #, Name, Type, Activations,
Learnables, Parameters, Description. The command line writes core's English rows
(:func:`analysis_rows`); the window writes the rows it shows, in its language. A
nested layer's name is its key (``parent/name``), since a flat file has no tree.
"""

from __future__ import annotations

import csv
import io
import os

from neurolab.core.atomic import atomic_write
from neurolab.core.formatting import format_dims, format_learnables

COLUMNS = ("#", "Name", "Type", "Activations", "Learnables", "Parameters", "Description")


def analysis_rows(analysis) -> list[list[str]]:
    """The table's cells as text, in English, one list per layer."""
    return [[str(row.index), row.key, row.type, format_dims(row.activations),
             format_learnables(row.learnables), str(row.params), row.description]
            for row in analysis.layers]


def csv_text(header, rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _cell(text: str) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown_text(header, rows, title: str = "") -> str:
    """A GitHub-flavoured Markdown table (pipes in cells escaped)."""
    lines = [f"# {title}", ""] if title else []
    lines.append("| " + " | ".join(_cell(h) for h in header) + " |")
    lines.append("|" + "|".join("---:" if h in ("#", "Parameters") else "---" for h in header) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write_table(path: str | os.PathLike, header, rows, *, title: str = "",
                markdown: bool | None = None) -> None:
    """``path`` as CSV or Markdown (``None``: Markdown when it ends in ``.md``), written atomically."""
    if markdown is None:
        markdown = str(path).lower().endswith((".md", ".markdown"))
    text = markdown_text(header, rows, title) if markdown else csv_text(header, rows)
    with atomic_write(path) as fp:
        fp.write(text.encode("utf-8"))
