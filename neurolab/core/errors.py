"""Errors whose message is a sentence a student can act on.

The GUI shows ``str(error)`` in the window; the CLI prints it as one line and
exits 2 for :class:`BadInputError`, 1 for anything else.
"""

import os


class NeurolabError(Exception):
    """An expected failure with a plain-language message."""


class BadInputError(NeurolabError):
    """The user's input (file, name, option) cannot be used."""


class ImageError(BadInputError):
    """An image file cannot be read or is unsuitable."""


class ModelError(BadInputError):
    """A model name or file cannot be loaded."""


class WeightsUnavailableError(NeurolabError):
    """Pretrained weights are neither cached nor downloadable."""


def typed_path(path) -> str:
    """The path as the user typed it (text, also for a bytes path): how sentences name files."""
    text = os.fspath(path)
    return os.fsdecode(text) if isinstance(text, bytes) else text


def quoted_path(path) -> str:
    """A path for an error sentence, quoted and as the user typed it.

    Not only its last part: 'nodir/sub/out.png' tells which folder is missing,
    'pictures/cat.jpg' which cat.
    """
    return f"'{typed_path(path)}'"


def describe_exception(exc: BaseException) -> str:
    """One line for any exception: ours verbatim, others with their type."""
    if isinstance(exc, NeurolabError):
        return str(exc)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
