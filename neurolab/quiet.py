"""The command line's stderr holds only neurolab's own words.

TensorFlow's C++ start-up lines (``WARNING: All log messages before
absl::InitializeLog()…``, ``oneDNN custom operations are on…``, ``Could not
find cuda drivers…``) are written to file descriptor 2 while ``tensorflow`` is
imported, before ``TF_CPP_MIN_LOG_LEVEL`` is read; ``failed call to cuInit``
comes at the first operation, later C++ warnings at any step. So for one verb
:func:`own_words_only` points descriptor 2 at ``/dev/null`` and gives Python's
``sys.stderr`` a copy of the old descriptor: whatever C++ (or a helper process)
writes there is dropped, and the sentences, progress bar and skipped-file lines
the command line prints still reach the terminal. Python warnings (Keras's
``UserWarning``s) and log records (TensorFlow's and absl's loggers) are
switched off for the same span. ``--verbose`` skips all of this.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import warnings
from contextlib import contextmanager
from typing import Iterator


def quiet_environment() -> None:
    """TensorFlow's own log filter, for the C++ lines written after its start-up."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@contextmanager
def own_words_only(enabled: bool = True) -> Iterator[None]:
    """Within the block, only what Python writes to ``sys.stderr`` reaches stderr."""
    if not enabled:
        yield
        return
    quiet_environment()
    with warnings.catch_warnings(), _logging_off(), _descriptor_2_dropped():
        warnings.simplefilter("ignore")
        yield


@contextmanager
def _logging_off() -> Iterator[None]:
    before = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(before)


@contextmanager
def _descriptor_2_dropped() -> Iterator[None]:
    """Descriptor 2 → /dev/null; ``sys.stderr``, when it wrote to descriptor 2, → a copy of it."""
    _flush(sys.stderr)
    try:
        saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:  # no descriptor 2 to begin with: nothing can be printed there anyway
        yield
        return
    original, ours = sys.stderr, None
    if _writes_to_descriptor_2(original):
        ours = open(saved, "w", buffering=1, encoding=original.encoding,
                    errors=original.errors, closefd=False)
        sys.stderr = ours
    os.dup2(devnull, 2)
    os.close(devnull)
    try:
        yield
    finally:
        _flush(sys.stderr)
        os.dup2(saved, 2)
        if ours is not None:
            if sys.stderr is ours:
                sys.stderr = original
            ours.close()
        os.close(saved)


def _writes_to_descriptor_2(stream) -> bool:
    try:
        return stream is not None and stream.fileno() == 2
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return False


def _flush(stream) -> None:
    try:
        stream.flush()
    except (AttributeError, ValueError, OSError):
        pass
