"""The merchant preview: every setting and every state of the block, without a store."""

from __future__ import annotations

from flask import Blueprint
from flask import abort
from flask import render_template
from flask import request

from ..catalog import DEFAULT_PRODUCT_ID
from ..catalog import PRODUCTS
from ..mock_api.scenarios import SCENARIOS
from ..store import liquid_block
from ..store.pages import THEMES
from ..store.pages import design_mode
from ..store.pages import locales
from ..store.pages import render_product
from ..store.pages import variants_of

bp = Blueprint("preview", __name__, url_prefix="/preview")
EMBED_OWN = ("after_selector", "position")

# Each state of the gallery: a timeline (or none) and what the frame does to reach it.
# `open`: open the dialog; `attach`: follow a generation made from the timeline.
STATES: dict[str, dict] = {
    "idle": {},
    "consent": {"open": True},
    "uploading": {"open": True, "upload": True},
    "pending": {"timeline": [{"status": "PENDING", "polls": 1}], "open": True},
    "processing": {"timeline": [{"status": "PROCESSING", "polls": 1}], "open": True},
    "completed": {"timeline": [{"status": "COMPLETED", "polls": 1}], "open": True},
    "timeout": {"timeline": [{"status": "PROCESSING", "polls": 1}], "open": True, "maxAttempts": 1},
    "error": {"generationId": "gen_missing", "open": True},
    # The store cannot generate: said before any photo.
    "unavailable": {"open": True, "credits": False},
    # Past the typical minute: "taking longer", an indeterminate bar, the elapsed time "of about 2 min".
    "long-wait": {"timeline": [{"status": "PROCESSING", "polls": 1}], "open": True, "startedAgoMs": 70_000},
    # The result with the shopper's photo to compare with, compare switched on.
    "completed-compare": {
        "timeline": [{"status": "COMPLETED", "polls": 1}],
        "open": True,
        "photo": True,
        "compare": True,
    },
}
FAILURE_CODES = ["PRODUCT_IMAGE_FETCH_FAILED", "INVALID_IMAGE", "UNTYPED"]
for code in FAILURE_CODES:
    step = {"status": "FAILED", "polls": 1, "errorMessage": "Generation failed"}
    if code != "UNTYPED":
        step["errorCode"] = code
    STATES[f"failed-{code.lower().replace('_', '-')}"] = {"timeline": [step], "open": True}
# Creation refused with a documented code (answered in the frame, as the 2xx-body form, so the mock's config
# is untouched).
for code in ("QUOTA_EXCEEDED", "RATE_LIMIT_EXCEEDED", "BILLING_NOT_ALLOWED", "CREATION_FAILED"):
    STATES[f"blocked-{code.lower().replace('_', '-')}"] = {"open": True, "block": code}


@bp.get("/")
def index():
    """Settings generated from the block's schema, the placement (app block, or the app embed after an element or
    floating), a scenario, language and theme picker, and the widget live."""
    return render_template(
        "preview/index.html",
        settings=liquid_block.editor_settings(),
        defaults=liquid_block.settings(),
        # The embed's own settings besides its placement (the preview's switch); the rest are the block's.
        embed_settings=[s for s in liquid_block.editor_settings(liquid_block.EMBED) if s.get("id") in EMBED_OWN],
        embed_defaults=liquid_block.settings(None, liquid_block.EMBED),
        scenarios=SCENARIOS,
        locales=locales(),
    )


@bp.get("/frame")
def frame():
    """The product page with the block rendered from the given settings (query parameters), in the mock store's own
    theme or (?store=dawn|horizon) a Dawn-like or Horizon-like page."""
    template = THEMES.get(request.args.get("store", ""), "preview/frame.html")
    return render_product(DEFAULT_PRODUCT_ID, settings=request.args.to_dict(), template=template, state=None)


@bp.get("/block")
def block():
    """The block alone, rendered from the given settings: the preview applies it to the open frame in place."""
    product = PRODUCTS[DEFAULT_PRODUCT_ID]
    variants = variants_of(product)
    locale = request.args.get("locale") if request.args.get("locale") in locales() else "en"
    given = request.args.to_dict()
    return liquid_block.render(
        product, variants, variants[0], DEFAULT_PRODUCT_ID, locale, given, design_mode=design_mode()
    )


@bp.get("/states")
def states():
    """Every state of the widget side by side, at desktop and mobile widths."""
    return render_template("preview/states.html", states=list(STATES), widths=[1024, 360])


@bp.get("/state/<name>")
def state(name: str):
    """One state, reached from a deterministic mock timeline."""
    if name not in STATES:
        abort(404)
    return render_product(
        DEFAULT_PRODUCT_ID,
        settings=request.args.to_dict(),
        template="preview/frame.html",
        state={"name": name, **STATES[name]},
    )
