"""Text assets compressed as Shopify's asset CDN sends them: brotli or gzip, chosen by the request's
Accept-Encoding, so page-weight figures measured against the mock are realistic."""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from flask import Response
from flask import request

try:
    import brotli
except ImportError:  # an install without the brotli wheel still serves gzip
    brotli = None

TEXT_SUFFIXES = (".js", ".map", ".css", ".json", ".svg", ".html", ".txt")


def chosen_encoding(accept: str) -> str | None:
    """br when the client takes it (and brotli is installed), else gzip, else None; `;q=0` refuses a coding."""
    taken = set()
    for item in accept.split(","):
        name, _, params = item.strip().partition(";")
        quality = params.strip().removeprefix("q=")
        if name and not (params and quality.replace(".", "", 1).isdigit() and float(quality) == 0):
            taken.add(name.strip().lower())
    if "br" in taken and brotli is not None:
        return "br"
    return "gzip" if "gzip" in taken or "*" in taken else None


@lru_cache(maxsize=64)
def _compressed(path: str, mtime: float, encoding: str) -> bytes:
    data = Path(path).read_bytes()
    return brotli.compress(data, quality=11) if encoding == "br" else gzip.compress(data, 9, mtime=0)


def compress(response: Response, path: Path) -> Response:
    """The whole-file 200 answer for `path`, compressed when it is text and the client accepts a coding."""
    if response.status_code != 200 or path.suffix not in TEXT_SUFFIXES:
        return response
    response.vary.add("Accept-Encoding")
    encoding = chosen_encoding(request.headers.get("Accept-Encoding", ""))
    if encoding is None:
        return response
    etag, _ = response.get_etag()
    response.direct_passthrough = False
    response.set_data(_compressed(str(path), path.stat().st_mtime, encoding))
    response.headers["Content-Encoding"] = encoding
    if etag:
        response.set_etag(f"{etag}-{encoding}")
    return response
