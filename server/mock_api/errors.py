"""JSON errors for every API path, so clients never see an HTML error page from the mock."""

from __future__ import annotations

import json

from flask import Flask
from flask import jsonify
from flask import request
from werkzeug.exceptions import HTTPException

API_PREFIXES = ("/apps/", "/_mock/", "/_storage/", "/tryon/", "/v1/")


class APIError(Exception):
    """An error answered as JSON: {message, code?} plus any extra fields, with headers."""

    def __init__(self, status: int, message: str, code: str | None = None, headers: dict | None = None, **extra):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}
        self.extra = extra

    def to_dict(self) -> dict:
        body = {"message": self.message}
        if self.code:
            body["code"] = self.code
        return body | self.extra


def is_api_path(path: str) -> bool:
    return path.startswith(API_PREFIXES)


def init_app(app: Flask) -> None:
    @app.errorhandler(APIError)
    def api_error(error: APIError):
        return jsonify(error.to_dict()), error.status, error.headers

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        # Routing 404s and 405s never reach blueprint handlers, so this is app-wide.
        if not is_api_path(request.path):
            return error
        response = jsonify({"message": error.description or error.name})
        response.status_code = error.code or 500
        if error.code == 405 and getattr(error, "valid_methods", None):
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("unhandled error on %s", request.path)
        return jsonify({"message": "Internal server error"}), 500


# The largest JSON body any endpoint takes (a timeline of 100 steps is far smaller).
JSON_BODY_BYTES = 1024 * 1024


def json_body(optional: bool = False, limit: int = JSON_BODY_BYTES) -> dict:
    """The request's JSON object, or a 4xx APIError that says what is wrong with it."""
    if (request.content_length or 0) > limit:
        raise APIError(413, f"Request body must be at most {limit:,} bytes")
    raw = request.get_data(cache=True)
    if len(raw) > limit:
        raise APIError(413, f"Request body must be at most {limit:,} bytes")
    if not raw.strip():
        if optional:
            return {}
        raise APIError(400, "Request body must be a JSON object")
    try:
        payload = json.loads(raw, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
        raise APIError(400, "Request body is not valid JSON") from exc
    if not isinstance(payload, dict):
        raise APIError(400, "Request body must be a JSON object")
    return payload


def _refuse_constant(name: str):
    # NaN and Infinity are not JSON, though Python's parser accepts them.
    raise ValueError(f"{name} is not valid JSON")


def require_str(payload: dict, key: str, optional: bool = False, limit: int = 2000) -> str | None:
    value = payload.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise APIError(400, f"{key} is required and must be a non-empty string")
    if len(value) > limit:
        raise APIError(400, f"{key} must be at most {limit} characters")
    return value
