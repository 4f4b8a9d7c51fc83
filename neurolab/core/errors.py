"""Errors whose message is a sentence a student can act on.

Core raises them with a :class:`~neurolab.core.phrases.Phrase`, so ``str(error)``
is the English sentence the CLI prints (one line; exit 2 for
:class:`BadInputError`, 1 for anything else) and ``error.phrase`` is the template
and values the window translates.
"""

import os

from neurolab.core.phrases import Outside, Phrase


class NeurolabError(Exception):
    """An expected failure with a plain-language message (a Phrase; a plain str is shown as it is)."""

    def __init__(self, message: "Phrase | str"):
        super().__init__(message)

    @property
    def phrase(self) -> Phrase:
        """The sentence as template and values (a plain-str message is a value of ``"{0}"``)."""
        message = self.args[0] if self.args else ""
        return message if isinstance(message, Phrase) else Phrase("{0}", (str(message),))


class BadInputError(NeurolabError):
    """The user's input (file, name, option) cannot be used."""


class ImageError(BadInputError):
    """An image file cannot be read or is unsuitable."""


class ModelError(BadInputError):
    """A model name or file cannot be loaded."""


class WeightsUnavailableError(NeurolabError):
    """Pretrained weights are neither cached nor downloadable."""


def check_range(name: str, value: float, low: float, high: float) -> None:
    """Refuse ``value`` outside ``low``–``high`` with the one sentence every settings check uses."""
    if not low <= value <= high:
        raise BadInputError(Phrase("{0} must be between {1} and {2}, not {3}.",
                                   (name, f"{low:g}", f"{high:g}", f"{value:g}")))


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


def exception_reason(exc: BaseException) -> "Phrase | Outside":
    """An exception as a value inside a sentence: ours as their phrase, others' as outside text."""
    return exc.phrase if isinstance(exc, NeurolabError) else Outside(describe_exception(exc))


def system_reason(exc: OSError, fallback: Phrase) -> "Phrase | Outside":
    """The system's reason for an OSError ("Permission denied"), or ``fallback`` when it gives none."""
    return Outside(exc.strerror) if exc.strerror else fallback
