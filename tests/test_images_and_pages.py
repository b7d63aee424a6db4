"""Result images are made from the shopper's photo and the product; product images and pages render."""

import io

from PIL import Image

from .helpers import API
from .helpers import jpeg_bytes


def result_for(client, upload, color, variant="gid://shopify/ProductVariant/9001"):
    file_id = upload(jpeg_bytes((400, 500), color))["fileId"]
    client.put("/_mock/config", json={"scenario": "instant"})
    job = client.post(
        f"{API}/fitting-room",
        json={"userImageId": file_id, "productId": "gid://shopify/Product/8001", "variantId": variant},
    ).get_json()["jobId"]
    url = client.get(f"{API}/generation/{job}").get_json()["resultImageUrl"]
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def pixel(client, path, xy):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "image/jpeg"
    return Image.open(io.BytesIO(response.data)).convert("RGB").getpixel(xy)


def close(a, b, tolerance=12):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_result_shows_the_photo_and_the_variant_colour(client, upload):
    red = result_for(client, upload, (220, 30, 30))
    blue = result_for(client, upload, (30, 30, 220), "gid://shopify/ProductVariant/9003")
    # A corner is the shopper's photo; the torso is the product in the variant's colour.
    assert close(pixel(client, red, (5, 5)), (220, 30, 30))
    assert close(pixel(client, blue, (5, 5)), (30, 30, 220))
    assert close(pixel(client, red, (320, 600)), (184, 108, 72))
    assert close(pixel(client, blue, (320, 600)), (128, 150, 118))


def test_result_url_expires(client, upload):
    path = result_for(client, upload, (10, 10, 10))
    assert client.get(path).status_code == 200
    client.post("/_mock/clock", json={"advanceMs": 3_601_000})
    expired = client.get(path)
    assert expired.status_code == 403 and expired.get_json()["code"] == "ExpiredToken"


def test_product_images(client):
    response = client.get("/_storage/products/9001.png")
    assert response.status_code == 200 and response.data.startswith(b"\x89PNG")
    assert client.get("/_storage/products/1.png").status_code == 404


def test_product_page_embeds_the_widget(client):
    page = client.get("/").get_data(as_text=True)
    assert '<script src="/assets/tryon-widget.js" defer></script>' in page
    for attribute in (
        'product-id="gid://shopify/Product/8001"',
        'variant-id="gid://shopify/ProductVariant/9001"',
        'product-title="Linen Overshirt"',
    ):
        assert attribute in page
    other = client.get("/products/merino-crew").get_data(as_text=True)
    assert 'product-id="gid://shopify/Product/8002"' in other
    assert client.get("/products/nope").status_code == 404


def test_assets_serve_the_build(client):
    response = client.get("/assets/tryon-widget.js")
    assert response.status_code == 200 and response.mimetype in ("text/javascript", "application/javascript")
    assert client.get("/assets/nope.js").status_code == 404


def test_the_heavy_product_page_carries_images_and_a_vendor_script(client):
    """The page-impact benchmark's heavy page (/?heavy=1): what real themes carry, with and without the widget."""
    page = client.get("/?heavy=1").get_data(as_text=True)
    assert '<script src="/_heavy/vendor.js" defer></script>' in page and page.count('src="/_heavy/photo/') == 4
    assert "<tryon-widget" in page and "<tryon-widget" not in client.get("/?widget=off&heavy=1").get_data(as_text=True)
    assert len(client.get("/_heavy/vendor.js").data) > 300_000
    photo = client.get("/_heavy/photo/2.jpg")
    assert photo.mimetype == "image/jpeg" and 150_000 < len(photo.data) < 400_000
