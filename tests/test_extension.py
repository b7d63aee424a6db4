"""The theme app extension: the block renders with python-liquid, and the folder keeps Shopify's rules."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

import build
from server import create_app
from server.catalog import PRODUCTS
from server.store import liquid_block
from server.store.pages import variants_of

EXTENSION = Path(__file__).resolve().parents[1] / "extension"
PRODUCT_ID = "gid://shopify/Product/8001"
# Shopify's rules for theme app extensions (Shopify CLI theme.ts, Theme Check).
ALLOWED = {"assets": None, "blocks": {".liquid"}, "snippets": {".liquid"}, "locales": {".json"}}
# Theme Check's AssetSizeAppBlockJavaScript: the file a block's schema names; the files it loads later: Shopify's
# guidance for one bundle.
JS_LIMIT = 10_000
LAZY_JS_LIMIT = 16_000
LIQUID_LIMIT = 100 * 1024
EXTENSION_LIMIT = 10 * 1024 * 1024


def render(locale="en", path=liquid_block.BLOCK, selected=0, design_mode=False, **settings):
    product = PRODUCTS[PRODUCT_ID]
    variants = variants_of(product)
    with create_app().app_context():
        return liquid_block.render(
            product, variants, variants[selected], PRODUCT_ID, locale, settings, path=path, design_mode=design_mode
        )


def render_embed(locale="en", **settings):
    return render(locale, liquid_block.EMBED, **settings)


def button_words(html: str) -> dict:
    """The words the block's button carries: its label and data-running, data-done and data-retry."""
    button = re.search(r"<tryon-widget[^>]*>\s*(<button[^>]*>)(.*?)</button>", html, re.S)
    words = {name: unescape(value) for name, value in re.findall(r'data-(\w+)="([^"]*)"', button.group(1))}
    return {"button": unescape(button.group(2)), **words}


def catalog(code: str) -> dict:
    return json.loads((EXTENSION / "locales" / ("en.default.json" if code == "en" else f"{code}.json")).read_text())


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_block_renders_the_button_in_the_shoppers_locale_through_t(locale):
    html = render(locale)
    strings = catalog(locale)["tryon"]
    assert button_words(html) == {
        "button": strings["button"],
        "running": strings["button_running"],
        "done": strings["button_done"],
        "retry": strings["button_retry"],
    }
    assert 'type="button"' in html and "application/json" not in html, "the page carries the button's words only"
    assert f'locale="{locale}"' in html


def test_block_renders_product_variant_and_settings():
    html = render(
        label='Try "it"',
        button_style="filled",
        accent_color="#0a783c",
        button_shape="custom",
        corner_radius="30",
        show_on_mobile="false",
        poll_interval_ms="3000",
    )
    assert 'product-id="gid://shopify/Product/8001"' in html
    assert 'variant-id="gid://shopify/ProductVariant/9001"' in html
    assert 'product-title="Linen Overshirt"' in html
    assert button_words(html)["button"] == 'Try "it"', "the merchant's label, escaped"
    assert "--tryon-accent: #0a783c" in html and "--tryon-radius: 24px" in html, "range clamped to its max"
    assert "#tryon-preview > button { background: #0a783c" in html
    assert "@media (max-width: 749px) { #tryon-preview { display: none; } }" in html
    assert 'poll-interval="3000"' in html


def tag(html: str) -> str:
    return re.search(r"<tryon-widget[^>]*>", html).group(0)


def test_after_result_features_follow_their_settings():
    default = tag(render())
    for attribute in ("no-compare", "no-cart", "no-share", "no-download", "no-analytics", "email-capture"):
        assert attribute not in default, "compare, cart, share, download and analytics on; email capture off"
    off = tag(
        render(
            show_compare="false",
            show_cart="false",
            show_share="false",
            show_download="false",
            analytics="false",
            email_capture="true",
        )
    )
    for attribute in ("no-compare", "no-cart", "no-share", "no-download", "no-analytics", "email-capture"):
        assert re.search(rf"\s{attribute}[\s>]", off), attribute
    assert "no-cart" in tag(render(show_cart="false")) and "no-share" not in tag(render(show_cart="false"))


def test_invalid_settings_fall_back_to_defaults():
    html = render(accent_color="red; } body { display:none", button_style="neon", corner_radius="x")
    # No valid accent: none is set, so the widget follows the theme's text colour.
    assert "--tryon-accent:" not in html and "display:none" not in html
    assert "> button { background" not in html and "--buttons-radius-outset" in html, "the theme's own shape by default"
    assert "--tryon-radius: 6px" in render(button_shape="custom", corner_radius="x"), "a bad radius: the default"


def test_fixed_language_comes_from_the_generated_snippet():
    words = button_words(render("fr", language="ja"))
    assert words["button"] == "試着する" and words["running"] == catalog("ja")["tryon"]["button_running"]
    assert 'locale="ja"' in render("fr", language="ja"), "the dialog's language file follows the setting"


def test_json_filter_is_safe_inside_a_script():
    with create_app().app_context():
        env = liquid_block.environment()
        assert (
            env.from_string("{{ x | json }}").render(x="</script><b>&")
            == '"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"'
        )


@pytest.mark.parametrize(("path", "target"), [(liquid_block.BLOCK, "section"), (liquid_block.EMBED, "body")])
def test_schema_is_shopify_shaped(path, target):
    schema = liquid_block.schema(path)
    assert schema["target"] == target and schema["enabled_on"] == {"templates": ["product"]}
    assert (EXTENSION / "assets" / schema["javascript"]).exists(), "the schema names a built asset"
    assert schema["javascript"] in build.PAGE_LOAD_FILES, "build.py holds it to the page-load budget"
    ids = [setting["id"] for setting in schema["settings"] if setting["type"] != "header"]
    assert len(ids) == len(set(ids))
    assert all("content" in setting for setting in schema["settings"] if setting["type"] == "header")
    labels = json.dumps(schema)
    for key in re.findall(r'"t:([\w.]+)"', labels):
        assert liquid_block.schema_text("t:" + key) != "t:" + key, f"t:{key} missing from en.default.schema.json"
    assert len(liquid_block.schema_text(schema["name"])) <= 25


def test_extension_folder_follows_shopifys_rules():
    assert (EXTENSION / "shopify.extension.toml").read_text().count('type = "theme"') == 1
    total = 0
    liquid = 0
    for path in EXTENSION.rglob("*"):
        if path.is_dir():
            continue
        relative = path.relative_to(EXTENSION)
        total += path.stat().st_size
        if relative.parts == ("shopify.extension.toml",):
            continue
        assert len(relative.parts) == 2 and relative.parts[0] in ALLOWED, f"{relative} is not in an allowed folder"
        allowed = ALLOWED[relative.parts[0]]
        assert allowed is None or path.suffix in allowed, f"{relative} has a file type Shopify refuses there"
        if path.suffix == ".js":
            limit = JS_LIMIT if path.name in build.PAGE_LOAD_FILES else LAZY_JS_LIMIT
            assert path.stat().st_size <= limit, f"{relative} is over {limit} bytes"
        if path.suffix == ".liquid":
            liquid += path.stat().st_size
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
    assert liquid <= LIQUID_LIMIT and total <= EXTENSION_LIMIT


def embed_template(html: str) -> dict:
    """The embed's <template> attributes (what tryon-embed.js reads)."""
    attributes = re.search(r"<template(.*?)>", html, re.S).group(1)
    return {name: unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', attributes)}


@pytest.mark.parametrize("placement", ["after", "floating"])
def test_embed_renders_the_blocks_widget_inert_in_both_placements(placement):
    settings = {"label": "See it on you", "accent_color": "#0a783c", "show_cart": "false", "language": "fr"}
    html = render_embed(placement=placement, **settings)
    assert html.strip().startswith("<template") and html.strip().endswith("</template>"), "inert until placed"
    assert embed_template(html) == {
        "data-placement": placement,
        "data-after": "form[action*='/cart/add']",
        "data-src": "/assets/tryon-widget.js",
    }
    block = render(**settings)
    # The same element, attributes and strings as the app block (only the id differs: one per block).
    assert tag(html).replace("tryon-preview", "x") == tag(block).replace("tryon-preview", "x")
    assert button_words(html) == button_words(block) and button_words(html)["button"] == "See it on you"
    assert "#tryon-preview[data-floating] { position: fixed;" in html and "right: 16px" in html
    assert "left: 16px" in render_embed(position="bottom_left") and "[data-floating]" not in block


def test_embed_takes_the_merchants_selector_escaped():
    selector = '.product-form"><script>alert(1)</script>'
    html = render_embed(after_selector=selector)
    assert "<script>alert" not in html and embed_template(html)["data-after"] == selector


def test_embed_renders_nothing_without_a_product():
    template, _ = liquid_block.block(liquid_block.EMBED)
    settings = liquid_block.settings(None, liquid_block.EMBED)
    assert template.render(product=None, block={"id": "e", "settings": settings}).strip() == ""


def test_embed_offers_every_setting_of_the_block_unchanged():
    """Schemas cannot share JSON, so this is the contract between the two: the merchant sets the embed as the block."""
    block = [s for s in liquid_block.schema()["settings"] if s["type"] != "header"]
    embed = {s["id"]: s for s in liquid_block.schema(liquid_block.EMBED)["settings"] if "id" in s}
    assert [embed.get(setting["id"]) for setting in block] == block
    assert set(embed) - {s["id"] for s in block} == {"placement", "after_selector", "position"}


def test_the_merchants_pages_deep_links_name_the_blocks_and_their_targets():
    readme = (EXTENSION.parent / "docs" / "merchants.md").read_text(encoding="utf-8")
    links = dict(re.findall(r"[?&](addAppBlockId|activateAppId)=<client_id>/([\w-]+)", readme))
    assert liquid_block.schema(EXTENSION / "blocks" / f"{links['addAppBlockId']}.liquid")["target"] == "section"
    assert liquid_block.schema(EXTENSION / "blocks" / f"{links['activateAppId']}.liquid")["target"] == "body"


def test_the_theme_editor_sends_no_analytics():
    """A merchant's previews in the theme editor are no shopper's try-ons: the widget there has no-analytics."""
    assert re.search(r"\sno-analytics[\s>]", tag(render(design_mode=True)))
    assert "no-analytics" not in tag(render())
