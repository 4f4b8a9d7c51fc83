"""Finding a class by the name a person types: forgiving about case, spacing and typos."""

from __future__ import annotations

import difflib
import re

from neurolab.core.errors import BadInputError
from neurolab.core.phrases import Phrase

#: A model with at most this many classes has them all named when a class is not found
#: (the bundled model's 10 fit in a sentence; ImageNet's 1000 do not).
LISTED_CLASSES = 20


def normalise(name: str) -> str:
    """'Great_White-Shark ' → 'great white shark'."""
    return re.sub(r"[\s_\-]+", " ", name).strip().lower()


def find_class(labels: list[str], query: str | int) -> int:
    """Index of the class ``query`` names: an index, an exact name, a unique prefix or a near miss."""
    text = str(query).strip()
    if text.isdigit():
        index = int(text)
        if 0 <= index < len(labels):
            return index
        raise BadInputError(Phrase("Class {0} does not exist: the model has {1} classes (0–{2}).",
                                   (index, len(labels), len(labels) - 1)))
    wanted = normalise(text)
    names = [normalise(label) for label in labels]
    if wanted in names:
        return names.index(wanted)
    starts = [i for i, name in enumerate(names) if name.startswith(wanted)]
    if len(starts) == 1:
        return starts[0]
    words = [i for i, name in enumerate(names) if wanted in name.split(" ")]
    if len(words) == 1:
        return words[0]
    close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.8)
    if len(close) == 1 or (close and difflib.SequenceMatcher(None, wanted, close[0]).ratio() > 0.9):
        return names.index(close[0])
    suggestions = close or [names[i] for i in (starts or words)[:3]]
    hint = ", ".join(repr(s) for s in suggestions)
    # The model's classes are listed for a small model: a student typing a class the model
    # never learnt (flamingo on the shapes model) needs to see what it can say instead.
    listed = bool(labels) and len(labels) <= LISTED_CLASSES
    quoted, known = f"'{text}'", (len(labels), ", ".join(labels))
    if hint and listed:
        phrase = Phrase("No class called {0}. Did you mean {1}? The model knows these {2} classes: {3}.",
                        (quoted, hint, *known))
    elif listed:
        phrase = Phrase("No class called {0}. The model knows these {1} classes: {2}.", (quoted, *known))
    elif hint:
        phrase = Phrase("No class called {0}. Did you mean {1}?", (quoted, hint))
    else:
        phrase = Phrase("No class called {0}.", (quoted,))
    raise BadInputError(phrase)
