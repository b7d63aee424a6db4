"""Pages for people: the mock store's product page and the built bundle under /assets."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import Blueprint
from flask import abort
from flask import current_app
from flask import render_template
from flask import request
from flask import send_from_directory
from markupsafe import Markup

from ..catalog import DEFAULT_PRODUCT_ID
from ..catalog import PRODUCTS
from ..catalog import numeric_id
from ..mock_api.scenarios import SCENARIOS
from ..paths import ROOT
from . import liquid_block
from .cart import cart_of
from .cart import cart_token
from .compress import compress

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


# Product pages in the manner of Shopify's reference themes (our own markup and scripts following their contracts:
# docs/contract.md), the widget's app block where Shopify places app blocks in each.
THEMES = {"dawn": "themes/dawn.html", "horizon": "themes/horizon.html"}


@bp.get("/themes/<name>/")
def theme_page(name: str):
    """The default product in a Dawn-like or Horizon-like page; the query's block settings apply (as the preview's)."""
    if name not in THEMES:
        abort(404)
    return render_product(DEFAULT_PRODUCT_ID, settings=request.args.to_dict(), template=THEMES[name])


@bp.get("/pages/headless.css")
def headless_stylesheet():
    """The headless pages' own stylesheet for the widget's button (a file: their CSP allows no inline style)."""
    response = send_from_directory(ROOT / "templates" / "pages", "headless.css", mimetype="text/css")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/themes/<name>-like.js")
def theme_script(name: str):
    """The fixture theme's own scripts (templates/themes/<name>-like.js)."""
    if name not in THEMES:
        abort(404)
    response = send_from_directory(ROOT / "templates" / "themes", f"{name}-like.js", mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


# What some headless storefronts send: only same-origin scripts and stylesheets, nothing inline, no eval.
STRICT_CSP = "script-src 'self'; style-src 'self'"


@bp.get("/strict/")
def strict_page():
    """The product under a strict Content-Security-Policy, with the element written as a headless store would."""
    product = PRODUCTS[DEFAULT_PRODUCT_ID]
    html = render_template(
        "pages/strict.html", product=product, product_id=DEFAULT_PRODUCT_ID, variant=variants_of(product)[0]
    )
    return html, {"Content-Security-Policy": STRICT_CSP}


@bp.get("/headless/")
def headless_page():
    """The npm package's element on a headless store's page (module import, strict CSP); ?adapter= and ?status-url=
    are passed to the element, as a store pointing the status at its own server route would set them."""
    product = PRODUCTS[DEFAULT_PRODUCT_ID]
    attributes = {name: request.args[name] for name in ("adapter", "status-url") if name in request.args}
    html = render_template(
        "pages/headless.html",
        product=product,
        product_id=DEFAULT_PRODUCT_ID,
        variant=variants_of(product)[0],
        attributes=attributes,
    )
    return html, {"Content-Security-Policy": STRICT_CSP}


LOCALES = ROOT / "extension" / "locales"


def locales() -> list[str]:
    """Languages with a storefront catalog in the extension (en first); listed again only when the folder changes."""
    return _locales(LOCALES.stat().st_mtime)


@lru_cache(maxsize=1)
def _locales(mtime: float) -> list[str]:
    names = sorted(p.stem for p in LOCALES.glob("*.json") if not p.name.endswith(".schema.json"))
    return ["en", *(name for name in names if name != "en.default")]


def variants_of(product: dict) -> list[dict]:
    return [
        {**variant, "image": f"/_storage/products/{numeric_id(variant['id'])}.png"} for variant in product["variants"]
    ]


def selected_variant(variants: list[dict]) -> dict:
    """The variant a product URL selects (?variant=<number>, as Shopify's selected_or_first_available_variant), else
    the first."""
    wanted = request.args.get("variant", "")
    return next((v for v in variants if numeric_id(v["id"]) == wanted), variants[0])


def design_mode() -> bool:
    """?design_mode=1: the page as Shopify's theme editor renders it (request.design_mode, Shopify.designMode), where
    the block's editor_preview acts."""
    return request.args.get("design_mode") in ("1", "true")


def chosen_locale() -> str:
    locale = request.args.get("locale", "en")
    return locale if locale in locales() else "en"


# ?embed=...: the app embed instead of the app block, placed after the product form or floating.
EMBED_PLACEMENTS = ("after", "floating")


def tryon_markup(product: dict, variants: list, variant: dict, product_id: str, locale: str, settings: dict) -> tuple:
    """(app block HTML, app embed HTML, the scripts their schemas name) for the page's query.

    Default: the app block. ?widget=off: neither, the baseline the page-impact benchmark compares with.
    ?embed=after|floating: the app embed instead (and the block as well with ?block=on: then the embed stays out).
    """
    if request.args.get("widget") == "off":
        return "", "", []
    embed = request.args.get("embed")
    editor = {"design_mode": design_mode()}
    block_html, embed_html, scripts = "", "", []
    if embed not in EMBED_PLACEMENTS or request.args.get("block") == "on":
        block_html = liquid_block.render(product, variants, variant, product_id, locale, settings, **editor)
        scripts.append("/assets/" + liquid_block.schema()["javascript"])
    if embed in EMBED_PLACEMENTS:
        given = {**settings, "placement": embed}
        embed_html = liquid_block.render(
            product, variants, variant, product_id, locale, given, "embed", liquid_block.EMBED, **editor
        )
        scripts.append("/assets/" + liquid_block.schema(liquid_block.EMBED)["javascript"])
    return block_html, embed_html, scripts


def render_product(product_id: str, settings: dict | None = None, template: str = "pages/product.html", **extra):
    """A product page whose try-on block is rendered from extension/blocks/tryon.liquid itself."""
    product = PRODUCTS[product_id]
    variants = variants_of(product)
    selected = selected_variant(variants)
    locale = chosen_locale()
    block_html, embed_html, scripts = tryon_markup(product, variants, selected, product_id, locale, settings or {})
    # ?heavy=1: large gallery images and third-party-like script, as real themes carry (the benchmark's heavy page).
    return render_template(
        template,
        product=product,
        product_id=product_id,
        variants=variants,
        selected=selected,
        scenarios=SCENARIOS,
        lang=locale,
        locales=locales(),
        block_html=Markup(block_html),
        embed_html=Markup(embed_html),
        scripts=scripts,
        heavy=request.args.get("heavy") == "1",
        cart_count=cart_of(cart_token())["item_count"],
        design_mode=design_mode(),
        **extra,
    )


# The store's icon (a hanger), so no page asks for a missing /favicon.ico.
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 9a3 3 0 1 1 3-3M16 9v3L3 24h26L16 12" '
    'fill="none" stroke="#1d1d1f" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>'
)


@bp.get("/favicon.ico")
def favicon():
    return FAVICON, {"Content-Type": "image/svg+xml", "Cache-Control": "max-age=86400"}


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
    # As Shopify's CDN: brotli or gzip by Accept-Encoding (send_from_directory has checked the path is inside).
    response = compress(response, Path(current_app.config["DIST_DIR"]) / name)
    # The maps are linked by header, not by a comment that would count against the page-load file's bytes.
    if name.endswith(".js"):
        response.headers["SourceMap"] = name.rsplit("/", 1)[-1] + ".map"
    return response
