"""Whether two names the window holds (a tab's image, a bundled photo) are the same file.

The Lab asks it before it opens a photo again, the Style tab before it reads a
style again; names that are no file (a fooling image's) compare as text.
"""

from __future__ import annotations

import os


def same_file(a: str, b: str) -> bool:
    """``a`` and ``b`` name the same path (empty names never match)."""
    return bool(a) and bool(b) and os.path.normcase(os.path.abspath(a)) == \
        os.path.normcase(os.path.abspath(b))
