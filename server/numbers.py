"""Numbers from requests: only ASCII digits are digits (str.isdigit() also takes '²', '①', '٩' and '５')."""

from __future__ import annotations

import re

DIGITS = re.compile(r"[0-9]{1,18}")


def whole_number(value, default: int | None = None) -> int | None:
    """An int from a JSON int or a string of ASCII digits (as forms and query strings send numbers).

    `default` when the value is absent (None); None when it is anything else (a bool, a float, other digits).
    """
    if value is None:
        return default
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and DIGITS.fullmatch(value):
        return int(value)
    return None
