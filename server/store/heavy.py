"""What real themes carry, for the page-impact benchmark's heavy product page (`/?heavy=1`): large gallery
images and several hundred kB of third-party-like script that works on the main thread at load."""

from __future__ import annotations

import io
import random
from functools import lru_cache

from flask import Blueprint
from flask import Response
from PIL import Image
from PIL import ImageFilter

bp = Blueprint("heavy", __name__, url_prefix="/_heavy")
GALLERY = 4


@lru_cache(maxsize=GALLERY)
def _photo(number: int) -> bytes:
    # Softened noise: about 300 KB each at 1200 px, like an unoptimised theme's product shots.
    image = Image.effect_noise((1200, 1200), 30 + number).convert("RGB").filter(ImageFilter.GaussianBlur(1))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=75)
    return out.getvalue()


@lru_cache(maxsize=1)
def _vendor() -> str:
    # ~350 KB of code (a table the script reads) and ~the work a chat, reviews and analytics bundle do at load.
    rng = random.Random(7)
    table = ",".join(str(rng.randrange(1_000_000)) for _ in range(50_000))
    return (
        "(function () { var table = [" + table + "]; var seen = {}; var sum = 0;"
        " for (var round = 0; round < 40; round++) { for (var i = 0; i < table.length; i++) {"
        " sum = (sum + table[i] * round) % 1000003; seen[table[i] % 997] = sum; } }"
        " window.vendorReady = sum; })();"
    )


@bp.get("/photo/<int:number>.jpg")
def photo(number: int):
    return Response(_photo(number % GALLERY), mimetype="image/jpeg", headers={"Cache-Control": "max-age=3600"})


@bp.get("/vendor.js")
def vendor():
    return Response(_vendor(), mimetype="text/javascript", headers={"Cache-Control": "max-age=3600"})
