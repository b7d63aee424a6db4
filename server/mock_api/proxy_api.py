"""The Genlook public app-proxy API under /apps/proxy_genlook-x/public (api-reference section 1)."""

from __future__ import annotations

import re
import secrets
import time
from datetime import UTC
from datetime import datetime

from flask import Blueprint
from flask import Response
from flask import current_app
from flask import jsonify
from flask import request

from ..numbers import DIGITS
from .errors import APIError
from .errors import json_body
from .errors import require_str
from .faults import fault_answer
from .scenarios import BLOCK_MESSAGES
from .scenarios import BLOCK_STATUS
from .scenarios import SCENARIOS
from .signature import verify
from .state import Job
from .state import View
from .state import mock
from .storage import public_origin
from .storage import signed_path
from .storage import storage_origin

PREFIX = "/apps/proxy_genlook-x/public"
bp = Blueprint("proxy_api", __name__, url_prefix=PREFIX)

PRODUCT_GID = re.compile(r"^gid://shopify/Product/[1-9][0-9]{0,19}$")
VARIANT_GID = re.compile(r"^gid://shopify/ProductVariant/[1-9][0-9]{0,19}$")
# An address: a local part of the characters an address may hold (no spaces, controls, quotes, <>()[]\\,;:), dots
# only between them; a domain of letter-or-digit labels (hyphens inside), its last label letters (any script).
EMAIL = re.compile(
    r"^(?!\.)(?!.*\.\.)[^\s@<>()\[\]\\,;:\"\x00-\x1f\x7f]{1,64}(?<!\.)"
    r"@(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.)+[^\W\d_]{2,63}$"
)
NOT_FOUND = {"message": "Generation not found"}
# One analytics batch: 50 events with their context are about 20 KB; room to spare, no room for abuse.
TRACKING_BATCH_BYTES = 256 * 1024


def iso(seconds: float, millis: bool = False) -> str:
    moment = datetime.fromtimestamp(seconds, UTC)
    if millis:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def shopper() -> str:
    """Who a per-user limit counts: the logged-in customer when Shopify signed the request, else the client address.

    Unsigned, anyone could send a fresh ?logged_in_customer_id=N with each request and never be limited; and
    only numeric ids are Shopify's (an empty one is a guest). X-Forwarded-For counts only with TRUSTED_PROXY.
    """
    customer = request.args.get("logged_in_customer_id", "")
    if mock().config["proxySecret"] and DIGITS.fullmatch(customer):
        return "customer:" + customer
    forwarded = request.headers.get("X-Forwarded-For", "") if current_app.config["TRUSTED_PROXY"] else ""
    return "ip:" + (forwarded.split(",")[0].strip() or request.remote_addr or "unknown")


def limited(bucket: str) -> None:
    wait = mock().hit(bucket, shopper())
    if wait:
        raise APIError(
            429, "Too many requests. Please try again later.", "RATE_LIMIT_EXCEEDED", headers={"Retry-After": str(wait)}
        )


@bp.before_request
def check_proxy_signature():
    """With a shared secret set, act like the Genlook backend behind Shopify's app proxy."""
    state = mock()
    secret = state.config["proxySecret"]
    if secret:
        pairs = list(request.args.items(multi=True))
        problem = verify(pairs, secret, state.now(), state.config["signatureMaxAgeSeconds"])
        if problem:
            raise APIError(401, f"Invalid app proxy signature: {problem}")


@bp.after_request
def strip_cookies(response: Response) -> Response:
    # Shopify's proxy drops Set-Cookie, so a faithful mock never sends one.
    response.headers.pop("Set-Cookie", None)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/check-credits")
def check_credits():
    """Whether the shop can generate at all (fails open, as the real endpoint does)."""
    try:
        allowed = bool(mock().config["credits"])
    except Exception:  # The real check answers allowed on its own errors; the binding check is later.
        allowed = True
    return jsonify({"allowed": allowed})


@bp.post("/prepare-upload")
def prepare_upload():
    """Step 1 of the upload: a short-lived signed URL on another origin, and its key."""
    limited("upload")
    state = mock()
    key = "tmp/" + secrets.token_hex(12)
    ttl = state.config["uploadTtlSeconds"]
    state.new_upload(key, ttl, shopper())
    return jsonify({"uploadUrl": storage_origin() + signed_path(f"/_storage/upload/{key}", ttl), "uploadKey": key})


@bp.post("/upload-complete")
def upload_complete():
    """Step 3: check what was PUT, and turn it into a fileId the fitting room accepts."""
    key = require_str(json_body(), "uploadKey", limit=200)
    state = mock()
    upload = state.complete_upload(key)
    if upload is None:
        raise APIError(404, "Upload not found")
    if upload.file_id is None:
        raise APIError(400, "No file was uploaded for this key")
    ttl = state.config["resultTtlSeconds"]
    file_url = public_origin() + signed_path(f"/_storage/files/{upload.file_id}", ttl)
    return jsonify({"fileId": upload.file_id, "fileUrl": file_url, "message": "Image processed successfully"})


def blocked(code: str):
    state = mock()
    body = {"message": BLOCK_MESSAGES[code], "code": code}
    if state.config["blockedForm"] == "body":
        return jsonify(body)
    headers = {"Retry-After": "3600"} if code == "RATE_LIMIT_EXCEEDED" else {}
    raise APIError(BLOCK_STATUS[code], body["message"], code, headers=headers)


@bp.post("/fitting-room")
def fitting_room():
    """Create a generation; it follows the configured timeline, else the configured scenario's."""
    payload = json_body()
    user_image_id = require_str(payload, "userImageId", limit=500)
    product_id = require_str(payload, "productId", limit=100)
    variant_id = require_str(payload, "variantId", optional=True, limit=100)
    if not PRODUCT_GID.match(product_id):
        raise APIError(400, "productId must be a Shopify product GID like gid://shopify/Product/123")
    if variant_id is not None and not VARIANT_GID.match(variant_id):
        raise APIError(400, "variantId must be a Shopify variant GID like gid://shopify/ProductVariant/123")
    state = mock()
    if user_image_id not in state.files:
        raise APIError(400, "userImageId does not name an uploaded image")
    scenario = SCENARIOS[state.config["scenario"]]
    # A timeline set in the config (PUT /_mock/config {"timeline": [...]}) replaces the scenario's.
    steps = state.config["timeline"] or scenario.get("timeline")
    if not state.config["credits"]:
        return blocked("QUOTA_EXCEEDED")
    if steps is None:
        return blocked(scenario["code"])
    wait = state.hit("fittingRoom", shopper())
    if wait:
        return blocked("RATE_LIMIT_EXCEEDED")
    job = state.new_job(steps, product_id=product_id, variant_id=variant_id, user_image_id=user_image_id)
    return jsonify({"jobId": job.id, "message": "Generation job created successfully"})


# Each kind of fault, as the app proxy words it (faults.py has the table).
PROXY_ERRORS = {
    "server_error": {"message": "Internal server error"},
    "rate_limited": {"message": "Too many requests. Please try again later.", "code": "RATE_LIMIT_EXCEEDED"},
    "not_found": NOT_FOUND,
}


def proxy_error(status: int, kind: str, headers: dict):
    return jsonify(PROXY_ERRORS[kind]), status, headers


def status_body(job: Job, view: View, millis: bool = False, error_code: bool = False) -> dict:
    """A job's status in the Genlook shape: result fields only when COMPLETED, error only when FAILED."""
    step = view.step
    body = {"generationId": job.id, "status": view.status}
    if view.status == "COMPLETED":
        body["resultImageKey"] = f"generations/{job.id}.jpg"
        body["resultImageUrl"] = step.get("resultImageUrl") or public_origin() + signed_path(
            f"/_storage/results/{job.id}.jpg", mock().config["resultTtlSeconds"]
        )
    elif view.status == "FAILED":
        body["errorMessage"] = step.get("errorMessage") or "Generation failed"
        if error_code and step.get("errorCode"):
            body["errorCode"] = step["errorCode"]
    body["createdAt"] = iso(job.created_at, millis)
    body["updatedAt"] = iso(view.updated_at, millis)
    return body


def poll_job(job: Job) -> tuple[dict, View]:
    """Count one status read: the answering step (a slow step waits, then answers the status) and the job's view."""
    step, view = mock().poll(job)
    if step.get("fault") == "slow":
        time.sleep(step["delayMs"] / 1000)
        return view.step, view
    return step, view


@bp.get("/generation/<path:gen_id>")
def generation(gen_id: str):
    """Poll a generation: each read moves it along its timeline."""
    job = mock().jobs.get(gen_id)
    if job is None:
        return jsonify(NOT_FOUND), 404
    step, view = poll_job(job)
    if "fault" in step:
        return fault_answer(step, job, proxy_error)
    with_code = job.proxy_error_code if job.proxy_error_code is not None else mock().config["proxyErrorCode"]
    return jsonify(status_body(job, view, error_code=with_code))


@bp.post("/share-generation")
def share_generation():
    """A public share link for a COMPLETED generation; the same generation keeps its token."""
    payload = json_body()
    gen_id = require_str(payload, "generationId", limit=200)
    require_str(payload, "effectiveDomain", optional=True, limit=255)
    state = mock()
    job = state.jobs.get(gen_id)
    if job is None:
        raise APIError(404, "Generation not found")
    if job.status != "COMPLETED":
        raise APIError(400, "Only a completed generation can be shared")
    token = state.share_token(gen_id, lambda: limited("share"))
    return jsonify(
        {"shareToken": token, "shareUrl": f"https://genlook.app/s/{token}", "expiresAt": iso(state.now() + 30 * 86400)}
    )


@bp.post("/collect-email")
def collect_email():
    """Fire-and-forget email capture: a bad address answers success false, never an error status."""
    payload = json_body()
    email = payload.get("email")
    consent = payload.get("marketingConsent", False)
    if not isinstance(consent, bool):
        raise APIError(400, "marketingConsent must be a boolean")
    if not isinstance(email, str) or len(email) > 254 or not EMAIL.match(email):
        return jsonify({"success": False, "message": "Invalid email format"})
    limited("email")
    mock().record("emails", {"email": email, "marketingConsent": consent}, size=len(email) + 100)
    return jsonify({"success": True, "message": "Email collected successfully"})


@bp.post("/tracking/events")
def tracking_events():
    """A batch of 1-50 analytics events with a shared context, recorded for tests."""
    payload = json_body(limit=TRACKING_BATCH_BYTES)
    events, context = payload.get("events"), payload.get("context")
    if not isinstance(events, list) or not 1 <= len(events) <= 50:
        raise APIError(400, "events must be a list of 1 to 50 events")
    if not isinstance(context, dict):
        raise APIError(400, "context is required and must be an object")
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            raise APIError(400, f"events[{index}] must be an object")
        for key in ("event", "timestamp", "$insert_id"):
            if not isinstance(event.get(key), str) or not event[key]:
                raise APIError(400, f"events[{index}].{key} is required and must be a non-empty string")
        if "properties" in event and not isinstance(event["properties"], dict):
            raise APIError(400, f"events[{index}].properties must be an object")
    limited("tracking")
    mock().record("tracking", {"events": events, "context": context}, size=len(request.get_data()) + 100)
    return jsonify({"success": True})
