"""Render the theme app extension's blocks (the app block and the app embed) with python-liquid.

Small stand-ins for what Shopify provides: the `t` filter (reads extension/locales), `asset_url`
(the bundle at /assets/), `image_url`, `json`, and the `{% schema %}` tag (taken out and parsed, as
Shopify does before rendering). What the preview shows is the very markup the block ships.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from liquid import Environment
from liquid import FileSystemLoader
from liquid.filter import with_context

from ..catalog import numeric_id
from ..numbers import whole_number
from ..paths import ROOT

EXTENSION = ROOT / "extension"
BLOCK = EXTENSION / "blocks" / "tryon.liquid"
# The app embed, for themes without app blocks: the same widget (snippets/tryon-widget) placed by tryon-embed.js.
EMBED = EXTENSION / "blocks" / "tryon-embed.liquid"
SCHEMA = re.compile(r"\{%-?\s*schema\s*-?%\}(.*?)\{%-?\s*endschema\s*-?%\}", re.S)
COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@lru_cache(maxsize=64)
def _json_at(path, mtime: float):
    return json.loads(path.read_text(encoding="utf-8"))


def read_json(path):
    """A JSON file, read again only when it changes (the preview renders on every request)."""
    return _json_at(path, path.stat().st_mtime)


def catalog(locale: str) -> dict:
    """A locale's storefront file (with Shopify's fallback to the default locale for missing keys)."""
    default = read_json(EXTENSION / "locales" / "en.default.json")
    path = EXTENSION / "locales" / f"{locale}.json"
    if locale == "en" or not path.exists():
        return default
    return {"tryon": {**default["tryon"], **read_json(path).get("tryon", {})}}


@with_context
def translate(key: str, *, context, **_values) -> str:
    """Shopify's `t`: a dotted key in the shopper's locale file."""
    node = context.resolve("__strings")
    for part in str(key).split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node if isinstance(node, str) else f"translation missing: {key}"


def image_url(image, width=None, **_) -> str:
    """Shopify's `image_url` for an image drop ({src, ...}) or a URL."""
    url = image.get("src", "") if isinstance(image, dict) else str(image or "")
    return f"{url}?width={width}" if width else url


def product_drop(product: dict, variants: list[dict], selected: dict, product_id: str) -> dict:
    """What Liquid sees as `product`: its variants, each with its picture (an image drop attached to it, as Shopify's
    product.images[].variants), the selected one (?variant=, else the first)."""
    images, drops = [], {}
    for variant in variants:
        image = {"src": variant["image"], "variants": []}
        drop = {"id": int(numeric_id(variant["id"])), "title": variant["title"], "featured_image": image}
        drops[variant["id"]] = drop
        image["variants"].append(drop)
        images.append(image)
    return {
        "id": int(numeric_id(product_id)),
        "title": product["title"],
        "featured_image": images[0],
        "images": images,
        "variants": list(drops.values()),
        "has_only_default_variant": len(variants) == 1,
        "selected_or_first_available_variant": drops[selected["id"]],
    }


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(EXTENSION / "snippets", ext=".liquid"))
    env.filters["t"] = translate
    env.filters["asset_url"] = lambda name: f"/assets/{name}"
    env.filters["image_url"] = image_url
    # Like Shopify's json filter, safe inside <script>: no raw <, > or &.
    env.filters["json"] = lambda value: (
        json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )
    return env


@lru_cache(maxsize=4)
def _parsed(path, mtime: float, snippets: float):
    source = path.read_text(encoding="utf-8")
    schema = json.loads(SCHEMA.search(source).group(1))
    return environment().from_string(SCHEMA.sub("", source)), schema


def block(path=BLOCK) -> tuple:
    """(template, schema), parsed again whenever the .liquid file or a snippet changes (merchants edit them live)."""
    snippets = max(snippet.stat().st_mtime for snippet in (EXTENSION / "snippets").glob("*.liquid"))
    return _parsed(path, path.stat().st_mtime, snippets)


def schema(path=BLOCK) -> dict:
    return block(path)[1]


def schema_text(value):
    """Resolve a schema's "t:..." key through locales/en.default.schema.json, as the theme editor does."""
    if not isinstance(value, str) or not value.startswith("t:"):
        return value
    node = read_json(EXTENSION / "locales" / "en.default.schema.json")
    for part in value[2:].split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node if isinstance(node, str) else value


def editor_settings(path=BLOCK) -> list[dict]:
    """The schema's settings with their labels, infos and option labels resolved, for the preview panel."""
    resolved = []
    for setting in schema(path)["settings"]:
        item = {key: schema_text(value) for key, value in setting.items() if key != "options"}
        if "options" in setting:
            item["options"] = [{**option, "label": schema_text(option["label"])} for option in setting["options"]]
        resolved.append(item)
    return resolved


def settings(given: dict | None = None, path=BLOCK) -> dict:
    """The block's settings: schema defaults, overridden by valid given values (invalid ones are ignored)."""
    values = {}
    for setting in schema(path)["settings"]:
        if "id" not in setting:  # a header: no value
            continue
        key, kind = setting["id"], setting["type"]
        value = (given or {}).get(key, setting.get("default"))
        if kind == "checkbox":
            value = value in (True, "true", "on", "1")
        elif kind == "range":
            # ASCII digits only; anything else ("inf", "1e999", "²") is the setting's default.
            number = whole_number(value)
            value = setting["default"] if number is None else min(setting["max"], max(setting["min"], number))
        elif kind == "select":
            value = value if value in [option["value"] for option in setting["options"]] else setting["default"]
        elif kind == "color":
            value = value if isinstance(value, str) and COLOR.match(value) else setting.get("default", "")
        else:
            value = str(value or "")[:120]
        values[key] = value
    return values


def render(
    product: dict,
    variants: list[dict],
    selected: dict,
    product_id: str,
    locale: str,
    given: dict | None = None,
    block_id: str = "preview",
    path=BLOCK,
    design_mode: bool = False,
) -> str:
    """A block's HTML for one product page (the app block, or the app embed with path=EMBED), as Shopify would
    render it for a shopper in `locale` (or for the merchant in the theme editor: `design_mode`)."""
    template, _ = block(path)
    return template.render(
        product=product_drop(product, variants, selected, product_id),
        block={"id": block_id, "settings": settings(given, path)},
        request={"locale": {"iso_code": locale}, "design_mode": design_mode},
        __strings=catalog(locale),
    )
