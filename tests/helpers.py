"""Helpers shared by the server tests."""

from __future__ import annotations

import io

from PIL import Image

API = "/apps/proxy_genlook-x/public"


def jpeg_bytes(size=(64, 80), color=(200, 150, 120)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()
