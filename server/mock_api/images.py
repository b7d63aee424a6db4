"""Pillow images for the mock: product pictures, result composites, and content sniffing."""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image
from PIL import ImageDraw
from PIL import ImageOps

# Decompression bombs: a photo's pixel count is read from its header before anything decodes it. JPEG decodes at
# 1/2-1/8 scale (draft), so 40 MP costs a few MB; PNG and WebP decode whole, so they get a lower limit (16 MP:
# at most 64 MB as RGBA). Phones shoot 12-50 MP JPEG; the widget itself sends at most 2048 px a side.
MAX_PIXELS = {"image/jpeg": 40_000_000, "image/png": 16_000_000, "image/webp": 16_000_000}
RESULT_SIZE = (640, 800)


def too_many_pixels(data: bytes, kind: str) -> str | None:
    """Why a photo is refused for its size in pixels (read from its header only), or None."""
    limit = MAX_PIXELS.get(kind)
    if limit is None:  # HEIC: Pillow cannot read it, so it is never decoded here
        return None
    try:
        with Image.open(io.BytesIO(data)) as opened:
            width, height = opened.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):  # the warning, when raised as an error
        width = height = limit
    except Exception:  # unreadable: no pixels to decode; the result uses the stand-in
        return None
    if width * height > limit:
        size = f"{width * height / 1e6:.0f}" if width != limit else "over 89"
        return (
            f"The image is {size} megapixels; at most {limit // 1_000_000} megapixels "
            f"are accepted for {kind.split('/')[1].upper()}."
        )
    return None


# A shirt outline on a 100x100 grid, drawn at any size for product pictures and results.
SHIRT = [
    (30, 8),
    (42, 4),
    (50, 10),
    (58, 4),
    (70, 8),
    (94, 28),
    (82, 40),
    (74, 34),
    (74, 96),
    (26, 96),
    (26, 34),
    (18, 40),
    (6, 28),
]


def sniff(data: bytes) -> str | None:
    """The image type by content (magic bytes), never by file name: JPEG, PNG, WebP or HEIC/HEIF."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (
        b"heic",
        b"heix",
        b"hevc",
        b"hevx",
        b"heim",
        b"heis",
        b"mif1",
        b"msf1",
        b"heif",
    ):
        return "image/heic"
    return None


def _shirt(size: tuple[int, int], color: tuple[int, int, int], box: tuple[int, int, int, int]) -> Image.Image:
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    x0, y0, x1, y1 = box
    points = [(x0 + (x1 - x0) * px / 100, y0 + (y1 - y0) * py / 100) for px, py in SHIRT]
    draw = ImageDraw.Draw(layer)
    draw.polygon(points, fill=(*color, 255), outline=(40, 30, 25, 255), width=max(1, size[0] // 200))
    return layer


@lru_cache(maxsize=32)
def product_png(color: tuple[int, int, int], size: int = 800) -> bytes:
    image = Image.new("RGB", (size, size), (244, 241, 236))
    shirt = _shirt((size, size), color, (size // 10, size // 10, size * 9 // 10, size * 9 // 10))
    image.paste(shirt, (0, 0), shirt)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _person(size: tuple[int, int]) -> Image.Image:
    """A plain stand-in for a shopper when the job has no uploaded photo (control-API jobs)."""
    width, height = size
    image = Image.new("RGB", size, (214, 222, 230))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.38, height * 0.08, width * 0.62, height * 0.30), fill=(224, 182, 150))
    draw.rectangle((width * 0.46, height * 0.28, width * 0.54, height * 0.34), fill=(224, 182, 150))
    return image


def result_jpeg(photo: bytes | None, color: tuple[int, int, int]) -> bytes:
    """The 'try-on': the shopper's photo cropped to 4:5 with the product drawn over the torso."""
    size = RESULT_SIZE
    base = None
    if photo:
        try:
            with Image.open(io.BytesIO(photo)) as opened:
                # A reduced decode: JPEG straight at the smallest scale still twice the result; others shrink first.
                opened.draft("RGB", (size[0] * 2, size[1] * 2))
                opened.thumbnail((size[0] * 2, size[1] * 2), reducing_gap=2.0)
                base = ImageOps.fit(ImageOps.exif_transpose(opened).convert("RGB"), size)
        except Exception:  # HEIC and damaged files: Pillow cannot read them, so use the stand-in.
            base = None
    base = base or _person(size)
    width, height = size
    shirt = _shirt(size, color, (int(width * 0.12), int(height * 0.30), int(width * 0.88), int(height * 1.02)))
    base.paste(shirt, (0, 0), shirt)
    out = io.BytesIO()
    base.save(out, "JPEG", quality=82)
    return out.getvalue()
