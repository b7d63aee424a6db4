"""The mock store's products: what the product page shows and what generations dress people in."""

from __future__ import annotations

PRODUCTS: dict[str, dict] = {
    "gid://shopify/Product/8001": {
        "handle": "linen-overshirt",
        "title": "Linen Overshirt",
        "price": "€79.00",
        "price_cents": 7900,
        "color": (184, 108, 72),
        "description": "A relaxed overshirt in washed linen. Boxy fit, two chest pockets, horn buttons.",
        "variants": [
            {"id": "gid://shopify/ProductVariant/9001", "title": "Terracotta / S", "color": (184, 108, 72)},
            {"id": "gid://shopify/ProductVariant/9002", "title": "Terracotta / M", "color": (184, 108, 72)},
            # Sold out, so /cart/add.js can answer Shopify's 422.
            {
                "id": "gid://shopify/ProductVariant/9003",
                "title": "Sage / M",
                "color": (128, 150, 118),
                "available": False,
            },
        ],
    },
    "gid://shopify/Product/8002": {
        "handle": "merino-crew",
        "title": "Merino Crew Sweater",
        "price": "€95.00",
        "price_cents": 9500,
        "color": (44, 62, 96),
        "description": "Fine merino wool crew neck.",
        "variants": [{"id": "gid://shopify/ProductVariant/9101", "title": "Navy / M", "color": (44, 62, 96)}],
    },
}

DEFAULT_PRODUCT_ID = "gid://shopify/Product/8001"


def numeric_id(gid: str) -> str:
    return gid.rsplit("/", 1)[-1]


def product_color(product_id: str | None, variant_id: str | None) -> tuple[int, int, int]:
    product = PRODUCTS.get(product_id or "", {})
    for variant in product.get("variants", []):
        if variant["id"] == variant_id:
            return variant["color"]
    return product.get("color", (90, 90, 90))


def find_variant(numeric: int) -> tuple[str, dict, dict] | None:
    """(product id, product, variant) for a numeric variant id, as the Ajax Cart API takes them."""
    for product_id, product in PRODUCTS.items():
        for variant in product["variants"]:
            if numeric_id(variant["id"]) == str(numeric):
                return product_id, product, variant
    return None
