"""Pages for people: the mock store's product page and the built bundle under /assets."""

from __future__ import annotations

from flask import Blueprint
import json

from flask import abort
from flask import current_app
from flask import render_template
from flask import request
from flask import send_from_directory

from . import ROOT
from .catalog import DEFAULT_PRODUCT_ID
from .catalog import PRODUCTS
from .catalog import numeric_id
from .scenarios import SCENARIOS

bp = Blueprint("pages", __name__)


@bp.get("/")
def product_page():
    """The default product page, with the widget where a theme's app block would put it."""
    return render_product(DEFAULT_PRODUCT_ID)


@bp.get("/products/<handle>")
def product_by_handle(handle: str):
    """Any product of the mock store, by handle, as Shopify routes them."""
    for product_id, product in PRODUCTS.items():
        if product["handle"] == handle:
            return render_product(product_id)
    abort(404)


LOCALES = ROOT / "extension" / "locales"


def locales() -> list[str]:
    """Languages with a storefront catalog in the extension (en first)."""
    names = sorted(p.stem for p in LOCALES.glob("*.json") if not p.name.endswith(".schema.json"))
    return ["en", *(name for name in names if name != "en.default")]


def catalog(locale: str) -> dict:
    """The widget strings of one locale, from the extension's locale files (the single source)."""
    name = "en.default" if locale == "en" else locale
    return json.loads((LOCALES / f"{name}.json").read_text(encoding="utf-8"))["tryon"]


def render_product(product_id: str):
    product = PRODUCTS[product_id]
    variants = [{**variant, "image": f"/_storage/products/{numeric_id(variant['id'])}.png"}
                for variant in product["variants"]]
    locale = request.args.get("locale", "en")
    if locale not in locales():
        locale = "en"
    return render_template("pages/product.html", product=product, product_id=product_id, variants=variants,
                           scenarios=SCENARIOS, products=PRODUCTS, lang=locale, locales=locales(),
                           strings=catalog(locale))


@bp.get("/src/<path:name>")
def sources(name: str):
    """widget/src as ES modules, for theme developers who import the client unbundled."""
    response = send_from_directory(ROOT / "widget" / "src", name, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/assets/<path:name>")
def assets(name: str):
    """The bundle from dist/, as Shopify's asset CDN would serve the extension's assets/."""
    response = send_from_directory(current_app.config["DIST_DIR"], name)
    response.headers["Cache-Control"] = "no-cache"
    return response
