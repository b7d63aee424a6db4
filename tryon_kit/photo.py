"""A shopper photo for tests: a JPEG portrait drawn with Pillow (a person in front of a wall, 4:5, camera-sized)."""

from __future__ import annotations

import io

from PIL import Image
from PIL import ImageDraw
from PIL import ImageFilter

SIZE = (960, 1200)


def portrait_jpeg(size: tuple[int, int] = SIZE, shirt: tuple[int, int, int] = (70, 96, 140)) -> bytes:
    """A plausible phone portrait: soft background, head, hair, neck, shoulders in a shirt, mild blur and noise."""
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image = Image.blend(image, Image.new("RGB", size, (205, 196, 184)), 0.8)
    draw = ImageDraw.Draw(image)
    skin, hair = (214, 168, 138), (58, 42, 32)
    cx = width // 2
    draw.rounded_rectangle(
        (cx - width * 0.36, height * 0.52, cx + width * 0.36, height * 1.1), radius=int(width * 0.18), fill=shirt
    )
    draw.rectangle((cx - width * 0.07, height * 0.38, cx + width * 0.07, height * 0.55), fill=skin)
    draw.ellipse((cx - width * 0.15, height * 0.12, cx + width * 0.15, height * 0.44), fill=skin)
    draw.chord((cx - width * 0.16, height * 0.09, cx + width * 0.16, height * 0.33), 180, 360, fill=hair)
    for side in (-1, 1):
        draw.ellipse(
            (cx + side * width * 0.06 - 10, height * 0.27 - 6, cx + side * width * 0.06 + 10, height * 0.27 + 6),
            fill=(40, 30, 26),
        )
    draw.arc((cx - 40, height * 0.33, cx + 40, height * 0.37), 20, 160, fill=(150, 80, 70), width=5)
    noise = Image.effect_noise(size, 12).convert("RGB")
    image = Image.blend(image.filter(ImageFilter.GaussianBlur(1.2)), noise, 0.04)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()
