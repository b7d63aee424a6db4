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

from .faults import fault_answer
from .proxy_api import mock
from .proxy_api import poll_job
from .proxy_api import status_body

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
    "rate_limited": 429,
}
# Each kind of fault (faults.py), as each API words it: v1's code and message, SellerPic's msg.
V1_ERRORS = {
    "server_error": ("INTERNAL_ERROR", "Internal server error"),
    "rate_limited": ("RATE_LIMITED", "Too many requests"),
    # The code name for an unknown id is UNCONFIRMED in the reference; the SDK's class suggests this one.
    "not_found": ("GENERATION_NOT_FOUND", "Generation not found"),
}
SELLERPIC_MESSAGES = {
    "server_error": "Internal server error",
    "rate_limited": "Too many requests",
    "not_found": "Record Not Found",
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
    if job is None:
        return v1_fault(404, "not_found", {})
    step, view = poll_job(job)
    if "fault" in step:
        return fault_answer(step, job, v1_fault)
    return jsonify(status_body(job, view, millis=True, error_code=True))


def v1_fault(status: int, kind: str, headers: dict):
    return v1_error(status, *V1_ERRORS[kind], headers)


def envelope(data=None, code: int = 0, msg: str = "SUCCESS", status: int = 200, headers: dict | None = None):
    body = {"code": code, "data": data, "msg": msg, "success": code == 0, "traceId": secrets.token_hex(8)}
    return jsonify(body), status, headers or {}


def sellerpic_fault(status: int, kind: str, headers: dict):
    return envelope(code=SELLERPIC_INVENTED_CODES[kind], msg=SELLERPIC_MESSAGES[kind], status=status, headers=headers)


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
        return sellerpic_fault(404, "not_found", {})
    step, view = poll_job(job)
    if "fault" in step:
        return fault_answer(step, job, sellerpic_fault)
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
