"""The one JSON of a result, written by the command line and by the window's *Save*.

Every result class in core has ``to_json(**context)``: its own facts as plain
JSON (numbers, strings, lists; pixels are saved as image files, the JSON names
the file), plus the context it does not hold — the model's name, the image and
output file names — passed in as keywords and written under the same keys
everywhere (``model``, ``image``, ``output``). The same things have the same
key names in every result: ``method``, ``epsilon``, ``success``, ``target``,
``before``/``after`` ``{"top": [...]}``, ``image_size`` as [width, height].
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

import numpy as np


def json_safe(value: Any) -> Any:
    """``value`` with NumPy numbers as Python's, tuples as lists and ±∞/NaN as None
    (JSON has no infinity: identical images have an infinite PSNR)."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, np.ndarray):
        return json_safe(value.tolist())
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    return value


def result_json(own: dict[str, Any], context: dict[str, Any]) -> dict[str, Any]:
    """A result's JSON: the caller's ``context`` (model, image, output…) and the result's own
    facts, made JSON-safe. The result's facts win a clash: a caller cannot misstate them."""
    return json_safe({**context, **own})


def json_path_beside(image_path: str | os.PathLike) -> str:
    """``photo_adversarial.png`` → ``photo_adversarial.json``: the JSON names the image beside it."""
    return os.path.splitext(os.fspath(image_path))[0] + ".json"


def save_json_beside(payload: dict[str, Any], image_path: str | os.PathLike) -> str:
    """Write a result's JSON beside its saved image, atomically; the JSON's path.
    ``OSError`` propagates (callers say it as a sentence)."""
    from neurolab.core.atomic import atomic_write

    path = json_path_beside(image_path)
    with atomic_write(path) as fp:
        fp.write(json.dumps(json_safe(payload), indent=2).encode("utf-8"))
    return path
