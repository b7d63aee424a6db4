"""Shopify's Ajax Cart API, as much as the widget and the product page use: /cart/add.js and /cart.js."""

from __future__ import annotations

import hashlib
import re
import secrets
from functools import partial

from flask import Blueprint
from flask import jsonify
from flask import render_template
from flask import request

from ..catalog import find_variant
from ..catalog import numeric_id
from ..mock_api.state import mock
from ..numbers import whole_number

bp = Blueprint("cart", __name__)
COOKIE = "cart"
TOKEN = re.compile(r"[0-9a-f]{32}")
MAX_QUANTITY = 10_000
# The mock's own choice (Shopify documents none): a cart holds at most this many items in all, like a sane store.
MAX_CART_QUANTITY = 10_000


def cart_error(status, description: str, message: str = "Cart Error"):
    """Shopify's error body: {status, message, description}."""
    code = status if isinstance(status, int) else 400
    return jsonify({"status": status, "message": message, "description": description}), code


def bad_request(what: str):
    text = f"Required parameter missing or invalid: {what}"
    return cart_error("bad_request", text, "Parameter Missing or Invalid")


def wanted_items() -> list | None:
    """The items asked for, from JSON ({items: [...]} or {id, quantity}) or a form; None when unreadable."""
    if request.is_json:
        payload = request.get_json(silent=True)
        if not isinstance(payload, dict):
            return None
        if "items" in payload:
            return payload["items"] if isinstance(payload["items"], list) and payload["items"] else None
        return [payload]
    if "id" in request.form:
        return [{"id": request.form["id"], "quantity": request.form.get("quantity", 1)}]
    return None


# The Section Rendering API's sections the mock store renders (templates/sections/<id>.html); Shopify renders at most
# five per request and answers null for a section it does not have.
SECTIONS = ("cart-icon-bubble", "cart-notification-product", "cart-notification-button", "cart-items")
MAX_SECTIONS = 5


def wanted_sections() -> list[str]:
    """The `sections` asked for with an add (a list, or ids separated by commas, as FormData sends an array)."""
    payload = request.get_json(silent=True) if request.is_json else request.form
    raw = payload.get("sections") if hasattr(payload, "get") else None  # a JSON body may be a list
    names = raw if isinstance(raw, list) else str(raw or "").split(",")
    return [name.strip() for name in names if isinstance(name, str) and name.strip()][:MAX_SECTIONS]


def rendered_sections(names: list[str], cart: dict) -> dict:
    """Each asked-for section's HTML for the cart as it is now (None for one the store does not have)."""
    return {name: render_template(f"sections/{name}.html", cart=cart) if name in SECTIONS else None for name in names}


def cart_token() -> str | None:
    """This browser's cart, from its cookie; a cookie the mock did not make names no cart."""
    token = request.cookies.get(COOKIE, "")
    return token if TOKEN.fullmatch(token) else None


def line_item(product_id: str, product: dict, variant: dict, quantity: int) -> dict:
    variant_number = int(numeric_id(variant["id"]))
    price = product["price_cents"]
    return {
        "id": variant_number,
        "variant_id": variant_number,
        "product_id": int(numeric_id(product_id)),
        "key": f"{variant_number}:{hashlib.sha256(variant['id'].encode()).hexdigest()[:32]}",
        "title": f"{product['title']} - {variant['title']}",
        "product_title": product["title"],
        "variant_title": variant["title"],
        "quantity": quantity,
        "price": price,
        "line_price": price * quantity,
        "handle": product["handle"],
        "url": f"/products/{product['handle']}?variant={variant_number}",
        "image": f"/_storage/products/{variant_number}.png",
    }


@bp.post("/cart/add.js")
def add():
    """Add variants to this browser's cart; answers the line items, or Shopify's 400/404/422 bodies."""
    items = wanted_items()
    if items is None:
        return bad_request("items")
    found = []
    for item in items:
        if not isinstance(item, dict):
            return bad_request("items")
        number, quantity = whole_number(item.get("id")), whole_number(item.get("quantity"), 1)
        if number is None:
            return bad_request("id")
        if quantity is None or not 1 <= quantity <= MAX_QUANTITY:
            return bad_request("quantity")
        match = find_variant(number)
        if match is None:
            return cart_error(404, "Cannot find variant")
        product_id, product, variant = match
        if variant.get("available") is False:
            return cart_error(422, f"The product '{product['title']} - {variant['title']}' is already sold out.")
        found.append((product_id, product, variant, quantity))
    token = cart_token() or secrets.token_hex(16)
    additions = [
        (variant["id"], quantity, partial(line_item, product_id, product, variant))
        for product_id, product, variant, quantity in found
    ]
    added = mock().add_to_cart(token, additions, MAX_CART_QUANTITY)
    if added is None:
        return cart_error(422, f"A cart holds at most {MAX_CART_QUANTITY:,} items.")
    body = {"items": added} if request.is_json and "items" in (request.get_json(silent=True) or {}) else added[0]
    sections = wanted_sections()
    if sections:
        body = {**body, "sections": rendered_sections(sections, cart_of(token))}
    response = jsonify(body)
    response.set_cookie(COOKIE, token, httponly=False, samesite="Lax", path="/")
    return response


@bp.get("/cart.js")
def show():
    """This browser's cart (from its cart cookie), in the Ajax Cart API's shape."""
    return jsonify(cart_of(cart_token()))


def cart_of(token: str | None) -> dict:
    items = mock().cart_lines(token or "")
    return {
        "token": token,
        "note": None,
        "attributes": {},
        "item_count": sum(i["quantity"] for i in items),
        "items": items,
        "total_price": sum(i["line_price"] for i in items),
        "currency": "EUR",
        "requires_shipping": bool(items),
    }


@bp.get("/cart")
def page():
    """The store's cart page, where "View cart" leads."""
    return render_template("pages/cart.html", cart=show().get_json())


@bp.post("/cart/clear.js")
def clear():
    """Empty this browser's cart."""
    mock().clear_cart(cart_token() or "")
    return show()
