"""Writing a file all at once: a reader (or a crash) sees the old file or the new one, never half.

Every file neurolab writes for the user or into a shared cache (saved images,
GAN metrics, downloaded weights) goes through :func:`atomic_write`; a GAN
checkpoint, three files that must change together, is a folder renamed into
place the same way and made durable with :func:`sync_folder`.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from typing import BinaryIO, Iterator


@contextmanager
def atomic_write(path: str | os.PathLike, *, prefix: str = ".neurolab-",
                 suffix: str = ".tmp") -> Iterator[BinaryIO]:
    """Write ``path`` through a temporary file beside it, renamed over ``path`` when the block ends.

    The block writes bytes to the yielded file (its ``name`` is the temporary
    file's path, e.g. to check a download before it counts). When the block ends
    normally the file is flushed to disk, given the permissions of the file it
    replaces (a new file: rw-r--r--) and renamed into place with ``os.replace``;
    when it raises (or a job holding it is closed) the temporary file is
    removed and ``path`` is left as it was. ``OSError``\\ s propagate: callers
    turn them into sentences.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    os.close(handle)
    try:
        with open(temp, "wb") as fp:
            yield fp
            fp.flush()
            os.fsync(fp.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _mode_for(path: str) -> int:
    """Keep an overwritten file's permissions; new files get the usual rw-r--r--."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return 0o644


def sync_folder(path: str | os.PathLike) -> None:
    """Make a rename inside ``path`` durable (no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
