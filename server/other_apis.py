"""Status endpoints of the two other seed systems, reading the same jobs (api-reference sections 2 and 3).

Genlook Try-On API v1: GET /tryon/v1/generations/<id>, x-api-key, errors {code, message, status}.
SellerPic: GET /v1/api/generate?id=<int64>, Bearer auth, envelope {code, data, msg, success, traceId}.
"""

from __future__ import annotations

import re
import secrets

from flask import Blueprint
from flask import current_app
from flask import jsonify
from flask import request

from .proxy_api import mock
from .proxy_api import poll_job
from .proxy_api import status_body
from .proxy_api import transport_fault

v1 = Blueprint("tryon_v1", __name__, url_prefix="/tryon/v1")
sellerpic = Blueprint("sellerpic", __name__, url_prefix="/v1/api")

SELLERPIC_STATUS = {"PENDING": "CREATED", "PROCESSING": "RUNNING", "COMPLETED": "SUCCESS", "FAILED": "FAILED"}
# SellerPic's error-code table was not obtained; every non-zero code here is invented and marked so.
SELLERPIC_INVENTED_CODES = {
    "unauthorized": 401,
    "bad_request": 40001,
    "not_found": 404,
    "generation_failed": 50001,
    "server_error": 500,
}


def v1_error(status: int, code: str, message: str, headers: dict | None = None):
    return jsonify({"code": code, "message": message, "status": status}), status, headers or {}


@v1.before_request
def v1_auth():
    key = request.headers.get("x-api-key")
    if not key:
        return v1_error(401, "MISSING_API_KEY", "Missing x-api-key header")
    if key not in current_app.config["GENLOOK_API_KEYS"]:
        return v1_error(401, "INVALID_API_KEY", "Invalid API key")
    return None


@v1.get("/generations/<path:gen_id>")
def v1_generation(gen_id: str):
    """A job in the v1 shape: errorCode on typed failures, timestamps with milliseconds."""
    job = mock().jobs.get(gen_id)
    # The code name for an unknown id is UNCONFIRMED in the reference; the SDK's class suggests this one.
    if job is None:
        return v1_error(404, "GENERATION_NOT_FOUND", "Generation not found")
    step, view = poll_job(job)
    if "fault" not in step:
        return jsonify(status_body(job, view, millis=True, error_code=True))
    if step["fault"] == "http-500":
        return v1_error(500, "INTERNAL_ERROR", "Internal server error")
    if step["fault"] == "rate-limited":
        return v1_error(429, "RATE_LIMITED", "Too many requests", {"Retry-After": str(step["retryAfter"])})
    return transport_fault(step, job) or v1_error(404, "GENERATION_NOT_FOUND", "Generation not found")


def envelope(data=None, code: int = 0, msg: str = "SUCCESS", status: int = 200, headers: dict | None = None):
    body = {"code": code, "data": data, "msg": msg, "success": code == 0, "traceId": secrets.token_hex(8)}
    return jsonify(body), status, headers or {}


@sellerpic.before_request
def sellerpic_auth():
    auth = request.headers.get("Authorization", "")
    match = re.fullmatch(r"Bearer (\S+)", auth)
    if not match or match.group(1) not in current_app.config["SELLERPIC_API_KEYS"]:
        return envelope(code=SELLERPIC_INVENTED_CODES["unauthorized"], msg="Unauthorized", status=401)
    return None


@sellerpic.get("/generate")
def sellerpic_generate():
    """A job as a SellerPic task: CREATED -> RUNNING -> SUCCESS | FAILED, one result item."""
    raw = request.args.get("id", "")
    if not re.fullmatch(r"[0-9]{1,19}", raw) or int(raw) > 2**63 - 1:
        return envelope(code=SELLERPIC_INVENTED_CODES["bad_request"], msg="id must be an int64 task id")
    state = mock()
    job = state.jobs.get(state.jobs_by_task.get(int(raw), ""))
    if job is None:
        return envelope(code=SELLERPIC_INVENTED_CODES["not_found"], msg="Record Not Found", status=404)
    step, view = poll_job(job)
    if "fault" in step:
        if step["fault"] == "http-500":
            return envelope(code=SELLERPIC_INVENTED_CODES["server_error"], msg="Internal server error", status=500)
        if step["fault"] == "rate-limited":
            return envelope(
                code=429, msg="Too many requests", status=429, headers={"Retry-After": str(step["retryAfter"])}
            )
        return transport_fault(step, job) or envelope(
            code=SELLERPIC_INVENTED_CODES["not_found"], msg="Record Not Found", status=404
        )
    body = status_body(job, view)
    item = {
        "id": str(job.task_id * 10 + 1),
        "fileUrl": body.get("resultImageUrl", ""),
        "status": SELLERPIC_STATUS[view.status],
        "errorCode": 0,
        "errorMsg": "",
    }
    if view.status == "FAILED":
        item["errorCode"] = SELLERPIC_INVENTED_CODES["generation_failed"]
        item["errorMsg"] = body["errorMessage"]
    return envelope({"resultList": [item]})
