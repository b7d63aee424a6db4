"""The mock's control API under /_mock: scripted jobs, config, scenarios, logs, reset, clock."""

from __future__ import annotations

from flask import Blueprint
from flask import jsonify

from .errors import APIError
from .errors import json_body
from .scenarios import SCENARIOS
from .state import ConfigError
from .state import mock
from .timeline import TimelineError
from .timeline import validate_timeline

bp = Blueprint("control", __name__, url_prefix="/_mock")
MAX_CLOCK_OFFSET_SECONDS = 10 * 366 * 86400


@bp.after_request
def no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/generations")
def create_generation():
    """Create a job directly from a named scenario or an explicit timeline, without an upload."""
    payload = json_body()
    if ("scenario" in payload) == ("timeline" in payload):
        raise APIError(400, "Give exactly one of 'scenario' or 'timeline'")
    if "scenario" in payload:
        scenario = SCENARIOS.get(payload["scenario"]) if isinstance(payload["scenario"], str) else None
        if scenario is None:
            raise APIError(400, f"Unknown scenario; one of: {', '.join(SCENARIOS)}")
        if "timeline" not in scenario:
            raise APIError(400, "This scenario blocks creation; set it with PUT /_mock/config and call /fitting-room")
        steps = scenario["timeline"]
    else:
        try:
            steps = validate_timeline(payload["timeline"])
        except TimelineError as exc:
            raise APIError(400, str(exc)) from exc
    fields = {}
    if "proxyErrorCode" in payload:
        if not isinstance(payload["proxyErrorCode"], bool):
            raise APIError(400, "proxyErrorCode must be a boolean")
        fields["proxy_error_code"] = payload["proxyErrorCode"]
    for key, attr in (("productId", "product_id"), ("variantId", "variant_id"), ("userImageId", "user_image_id")):
        if key in payload:
            if not isinstance(payload[key], str) or len(payload[key]) > 500:
                raise APIError(400, f"{key} must be a string of at most 500 characters")
            fields[attr] = payload[key]
    job = mock().new_job(steps, **fields)
    return jsonify({"generationId": job.id, "taskId": str(job.task_id)}), 201


@bp.get("/generations/<path:gen_id>")
def inspect_generation(gen_id: str):
    """A job's inner state (status, polls answered, step), without counting a poll."""
    state = mock()
    job = state.jobs.get(gen_id)
    if job is None:
        raise APIError(404, "Generation not found")
    return jsonify(state.inspect(job))


@bp.get("/config")
def get_config():
    """The config that new requests and /fitting-room jobs follow."""
    return jsonify(mock().config)


@bp.put("/config")
def put_config():
    """Change part of the config; unknown or ill-typed fields are refused as a whole."""
    try:
        return jsonify(mock().set_config(json_body()))
    except ConfigError as exc:
        raise APIError(400, str(exc)) from exc


@bp.get("/scenarios")
def scenarios():
    """Every named scenario with its description and timeline (or the code that blocks creation)."""
    return jsonify({"scenarios": [{"name": name, **spec} for name, spec in SCENARIOS.items()]})


@bp.get("/requests")
def requests_log():
    """Every request the mock answered outside /_mock, in order, `at` in epoch milliseconds."""
    return jsonify({"requests": mock().records("requests")})


@bp.get("/tracking")
def tracking():
    """Recorded /tracking/events batches, and their events flattened in order."""
    batches = mock().records("tracking")
    return jsonify({"batches": batches, "events": [event for batch in batches for event in batch["events"]]})


@bp.get("/emails")
def emails():
    """Addresses accepted by /collect-email."""
    return jsonify({"emails": mock().records("emails")})


@bp.get("/usage")
def usage():
    """What the mock keeps, by bytes against maxStoredBytes, and jobs against maxJobs."""
    return jsonify(mock().usage())


@bp.post("/reset")
def reset():
    """Clear jobs, uploads, files, logs, counters, config changes and the clock offset."""
    mock().reset()
    return jsonify({"reset": True})


@bp.get("/openapi.json")
def openapi():
    """An OpenAPI 3.1 description of every mock endpoint."""
    from .openapi import spec

    return jsonify(spec())


@bp.post("/clock")
def clock():
    """Move the mock's clock forward, for timed steps, expiries and rate-limit windows."""
    payload = json_body()
    advance = payload.get("advanceMs")
    if isinstance(advance, bool) or not isinstance(advance, int) or not 0 <= advance <= 400 * 86400 * 1000:
        raise APIError(400, "advanceMs must be a whole number of milliseconds, 0 or more")
    # Dates past year 9999 cannot be written: the clock stays within ten years of the real one.
    offset = mock().advance_clock(advance / 1000, MAX_CLOCK_OFFSET_SECONDS)
    if offset is None:
        raise APIError(400, "advanceMs would move the mock's clock more than 10 years ahead; POST /_mock/reset")
    return jsonify({"offsetMs": int(offset * 1000)})
