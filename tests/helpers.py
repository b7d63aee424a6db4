"""Helpers shared by the server tests."""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image

API = "/apps/proxy_genlook-x/public"


def jpeg_bytes(size=(64, 80), color=(200, 150, 120)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()


def looks(snapshots: list[dict], stop) -> Callable[..., dict]:
    """A watcher's look at the files (build.snapshot's shape): each of `snapshots` in turn, then the last one again,
    setting `stop` (a threading.Event) once they have run out."""
    queue = iter(snapshots)

    def look(folders=None) -> dict:
        taken = next(queue, None)
        if taken is None:
            stop.set()
        return snapshots[-1] if taken is None else taken

    return look
