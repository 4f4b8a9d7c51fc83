"""Wording kept apart from its values, so the window can translate what core says.

The command line prints ``str(phrase)`` (English); the window translates the
template and fills in the same values (``gui/core_texts.py``). Layer
descriptions (:mod:`neurolab.core.inspection.analysis`) and a model's input
description (:mod:`neurolab.core.models.catalog`) are phrases.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phrase:
    """Wording kept apart from its values: ``str()`` is the English text.

    ``template`` holds ``{0}``, ``{1}``… for ``values``: numbers, shapes as text,
    or nested phrases (optional parts are an empty phrase). A translated view
    translates each template and fills in the values the same way.
    """

    template: str
    values: tuple = ()

    def __str__(self) -> str:
        return self.template.format(*(str(v) for v in self.values))
