"""A stand-in for the cloud bucket: signed, expiring URLs for uploads, photos and results."""

from __future__ import annotations

import calendar
import hashlib
import hmac
import time
from urllib.parse import urlencode

from flask import Blueprint
from flask import Response
from flask import current_app
from flask import request

from ..catalog import PRODUCTS
from ..catalog import product_color
from . import images
from .errors import APIError
from .state import AllowanceExceeded
from .state import mock

bp = Blueprint("storage", __name__, url_prefix="/_storage")

CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "PUT, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "3600",
}


def _digest(path: str, date: str, expires: str) -> str:
    message = f"{path}\n{date}\n{expires}".encode()
    return hmac.new(current_app.config["URL_SIGNING_KEY"], message, hashlib.sha256).hexdigest()


def signed_path(path: str, ttl: int) -> str:
    """path plus GCS-looking X-Goog-* parameters that expire after ttl seconds."""
    date = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(mock().now()))
    query = {"X-Goog-Algorithm": "GOOG4-HMAC-SHA256", "X-Goog-Date": date, "X-Goog-Expires": str(ttl)}
    query["X-Goog-Signature"] = _digest(path, date, str(ttl))
    return f"{path}?{urlencode(query)}"


def check_signature() -> None:
    """403 for a tampered, malformed or expired URL, as cloud storage answers."""
    args = request.args
    date, expires, given = args.get("X-Goog-Date", ""), args.get("X-Goog-Expires", ""), args.get("X-Goog-Signature", "")
    expected = _digest(request.path, date, expires)
    if not hmac.compare_digest(expected.encode(), given.encode("utf-8", "surrogatepass")):
        raise APIError(403, "The request signature does not match.", "SignatureDoesNotMatch")
    try:
        issued = calendar.timegm(time.strptime(date, "%Y%m%dT%H%M%SZ"))
        deadline = issued + int(expires)
    except (ValueError, OverflowError) as exc:
        raise APIError(403, "The signed URL is malformed.", "SignatureDoesNotMatch") from exc
    if mock().now() > deadline:
        raise APIError(403, "The signed URL has expired.", "ExpiredToken")


def public_origin() -> str:
    """The server's own origin: PUBLIC_URL when configured, else the request's (a Host devtools/safety.py allowed)."""
    configured = current_app.config.get("PUBLIC_URL")
    return (configured or request.host_url).rstrip("/")


def storage_origin() -> str:
    """An origin other than the page's, so the browser makes a real cross-origin PUT with preflight."""
    configured = current_app.config.get("STORAGE_ORIGIN")
    if configured:
        return configured.rstrip("/")
    scheme, _, host = public_origin().partition("://")
    name, _, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
    other = {"127.0.0.1": "localhost", "localhost": "127.0.0.1"}.get(name, name)
    return f"{scheme}://{other}{':' + port if port else ''}"


@bp.after_request
def add_cors(response: Response) -> Response:
    if request.path.startswith("/_storage/upload/"):
        response.headers.update(CORS)
    else:
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.route("/upload/<path:key>", methods=["OPTIONS"])
def preflight(key: str):
    """CORS preflight for the signed PUT."""
    return Response(status=204)


@bp.put("/upload/<path:key>")
def put_upload(key: str):
    """Take the raw photo bytes: signed and fresh URL, size limits, image type sniffed from content."""
    check_signature()
    state = mock()
    upload = state.uploads.get(key)
    if upload is None:
        raise APIError(404, "No upload was prepared for this key.", "NoSuchUpload")
    limit = state.config["maxUploadBytes"]
    too_large = APIError(413, f"The file is larger than the {limit // (1024 * 1024)} MB limit.", "EntityTooLarge")
    if (request.content_length or 0) > limit:
        raise too_large
    try:
        # Refused from its declared length, before its bytes are read.
        state.check_allowance(upload, request.content_length or 0)
        data = request.stream.read(limit + 1)
        if len(data) > limit:
            raise too_large
        kind = images.sniff(data)
        if kind is None:
            raise APIError(415, "Only JPEG, PNG, WebP and HEIC/HEIF images are accepted.", "UnsupportedMediaType")
        problem = images.too_many_pixels(data, kind)
        if problem:
            raise APIError(413, problem, "ImageTooLarge")
        state.store_photo(upload, data, kind)
    except AllowanceExceeded:
        raise APIError(
            429,
            "Too many photo bytes stored for this shopper; try again later.",
            "TooManyRequests",
            headers={"Retry-After": "300"},
        ) from None
    return Response(status=200)


@bp.get("/files/<path:file_id>")
def get_file(file_id: str):
    """A shopper's processed photo, behind a signed URL."""
    check_signature()
    upload = mock().files.get(file_id)
    if upload is None or upload.data is None:
        raise APIError(404, "No such object.", "NoSuchKey")
    return Response(upload.data, mimetype=upload.content_type)


@bp.get("/results/<gen_id>.jpg")
def get_result(gen_id: str):
    """The generated try-on image: the shopper's photo (or a stand-in) wearing the product."""
    check_signature()
    state = mock()
    job = state.jobs.get(gen_id)
    if job is None or job.status != "COMPLETED":
        raise APIError(404, "No such object.", "NoSuchKey")
    result = job.result
    if result is None:
        photo = state.files.get(job.user_image_id or "")
        result = images.result_jpeg(photo.data if photo else None, product_color(job.product_id, job.variant_id))
        state.keep_result(job, result)
    response = Response(result, mimetype="image/jpeg")
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


@bp.get("/products/<variant>.png")
def product_image(variant: str):
    """Product pictures for the mock store, drawn once per colour."""
    for product_id, product in PRODUCTS.items():
        for item in product["variants"]:
            if item["id"].rsplit("/", 1)[-1] == variant:
                color = product_color(product_id, item["id"])
                response = Response(images.product_png(color), mimetype="image/png")
                response.headers["Cache-Control"] = "public, max-age=86400"
                return response
    raise APIError(404, "No such object.", "NoSuchKey")
