"""Shopify app proxy signatures (api-reference section 4.3)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable


def signed_string(pairs: Iterable[tuple[str, str]]) -> str:
    """Decoded pairs, repeated keys joined by ',', sorted k=v concatenated with no separator."""
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        if key != "signature":
            grouped.setdefault(key, []).append(value)
    return "".join(sorted(f"{key}={','.join(values)}" for key, values in grouped.items()))


def compute_signature(pairs: Iterable[tuple[str, str]], secret: str) -> str:
    message = signed_string(pairs).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(pairs: list[tuple[str, str]], secret: str, now: float, max_age: int) -> str | None:
    """Return None when the query is a fresh, valid proxy request; otherwise why it is not."""
    given = [value for key, value in pairs if key == "signature"]
    if len(given) != 1:
        return "missing signature" if not given else "repeated signature"
    keys = {key for key, _ in pairs}
    missing = [name for name in ("shop", "path_prefix", "timestamp", "logged_in_customer_id") if name not in keys]
    if missing:
        return f"missing proxy parameter {missing[0]}"
    expected = compute_signature(pairs, secret)
    # Bytes, because compare_digest refuses non-ASCII str and a hostile query may carry any text.
    if not hmac.compare_digest(expected.encode(), given[0].encode("utf-8", "surrogatepass")):
        return "signature mismatch"
    stamp = [value for key, value in pairs if key == "timestamp"]
    if len(stamp) != 1 or not stamp[0].isascii() or not stamp[0].isdigit():
        return "bad timestamp"
    if max_age and abs(now - int(stamp[0])) > max_age:
        return "stale timestamp"
    return None
