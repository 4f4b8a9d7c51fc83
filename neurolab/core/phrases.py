"""Wording kept apart from its values, so the window can translate what core says.

Every sentence core writes for a person — an error, a notice, a job's stage, a
layer's description — is a :class:`Phrase`: a template with ``{0}``, ``{1}``…
and the values that fill it. A Phrase *is* its English text (a ``str``), so the
command line, JSON and logs use it as they would any text; the window looks the
template up in its translations (``gui/core_texts.py``) and fills in the same
values. ``resources/translations/update.py`` finds every template by reading
core's source: the first argument of ``Phrase(...)`` or ``phrase_template(...)``
must be a literal string.
"""

from __future__ import annotations


class Phrase(str):
    """A template and its values; the string itself is the English text.

    ``values`` are what a translation must not change — names, paths as typed,
    numbers, shapes — or nested phrases (a reason inside a sentence, translated
    too); ``Phrase("")`` is an optional part left out. Building a new string from
    a Phrase (``+``, f-strings) gives plain English text: compose phrases by
    nesting them instead.
    """

    template: str
    values: tuple

    def __new__(cls, template: str = "", values: tuple = ()) -> "Phrase":
        values = tuple(values)
        self = super().__new__(cls, template.format(*(str(v) for v in values)))
        self.template = template
        self.values = values
        return self

    def __reduce__(self):  # pickled (a worker process's error) as template and values
        return (Phrase, (self.template, self.values))


class Outside(str):
    """Text neurolab did not write: the system's reason ("Permission denied"), a library's
    message. A value like a name — shown as it is — except that the window translates the
    few common ones (``gui/core_texts.outside_text``)."""


def phrase_template(template: str) -> str:
    """Marks a literal as a Phrase template used elsewhere (a table of wordings) so the
    translations' extractor finds it; returns it unchanged."""
    return template
