"""Every scenario and fault kind, as a poller sees them through GET /generation/:id."""

import time

import pytest

from server.mock_api.state import mock
from server.mock_api.timeline import FAULTS

from .helpers import API


def answers(client, gen_id, n):
    out = []
    for _ in range(n):
        response = client.get(f"{API}/generation/{gen_id}")
        body = response.get_json(silent=True)
        out.append(
            body["status"] if response.status_code == 200 and body else (response.status_code, response.mimetype)
        )
    return out


def scripted(client, timeline):
    return client.post("/_mock/generations", json={"timeline": timeline}).get_json()["generationId"]


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        ("success", ["PENDING", "PROCESSING", "PROCESSING", "COMPLETED", "COMPLETED"]),
        ("instant", ["COMPLETED", "COMPLETED"]),
        ("failed", ["PENDING", "PROCESSING", "FAILED", "FAILED"]),
        ("failed-untyped", ["PENDING", "FAILED"]),
        ("stuck", ["PENDING"] + ["PROCESSING"] * 70),
        (
            "flaky",
            ["PENDING", (502, "text/html"), (200, "text/html"), (200, "application/json"), "PROCESSING", "COMPLETED"],
        ),
        ("rate-limited", ["PENDING", (429, "application/json"), (429, "application/json"), "PROCESSING", "COMPLETED"]),
        ("not-found", [(404, "application/json")] * 3),
    ],
)
def test_scenario_sequences(client, scenario, expected):
    gen_id = client.post("/_mock/generations", json={"scenario": scenario}).get_json()["generationId"]
    assert answers(client, gen_id, len(expected)) == expected


def test_slow_scenario_runs_about_twenty_seconds_by_the_clock(client):
    gen_id = client.post("/_mock/generations", json={"scenario": "slow"}).get_json()["generationId"]
    seen = []
    for _ in range(12):
        seen.append(answers(client, gen_id, 1)[0])
        client.post("/_mock/clock", json={"advanceMs": 2000})
    assert seen[:1] == ["PENDING"] and seen[1:10] == ["PROCESSING"] * 9 and seen[10:] == ["COMPLETED"] * 2


def test_http_500(client):
    gen_id = scripted(client, [{"fault": "http-500", "polls": 1}, {"status": "COMPLETED", "polls": 1}])
    response = client.get(f"{API}/generation/{gen_id}")
    assert response.status_code == 500 and response.get_json() == {"message": "Internal server error"}
    assert answers(client, gen_id, 1) == ["COMPLETED"]


def test_malformed_json_is_really_malformed(client):
    gen_id = scripted(client, [{"fault": "malformed-json", "polls": 1}])
    response = client.get(f"{API}/generation/{gen_id}")
    assert response.mimetype == "application/json" and response.get_json(silent=True) is None


def test_rate_limited_sends_retry_after(client):
    gen_id = scripted(client, [{"fault": "rate-limited", "polls": 1, "retryAfter": 7}])
    response = client.get(f"{API}/generation/{gen_id}")
    assert response.status_code == 429 and response.headers["Retry-After"] == "7"
    assert response.get_json()["code"] == "RATE_LIMIT_EXCEEDED"


def test_slow_answers_the_status_after_its_delay(client):
    gen_id = scripted(
        client,
        [
            {"status": "PROCESSING", "polls": 1},
            {"fault": "slow", "polls": 1, "delayMs": 300},
            {"status": "COMPLETED", "polls": 1},
        ],
    )
    assert answers(client, gen_id, 1) == ["PROCESSING"]
    started = time.monotonic()
    assert answers(client, gen_id, 1) == ["PROCESSING"]
    assert time.monotonic() - started >= 0.3
    assert answers(client, gen_id, 1) == ["COMPLETED"]


def test_updated_at_moves_only_on_status_change(client):
    gen_id = scripted(client, [{"status": "PENDING", "polls": 2}, {"status": "PROCESSING", "polls": 1}])
    first = client.get(f"{API}/generation/{gen_id}").get_json()
    client.post("/_mock/clock", json={"advanceMs": 5000})
    second = client.get(f"{API}/generation/{gen_id}").get_json()
    assert first["updatedAt"] == second["updatedAt"] == first["createdAt"]
    client.post("/_mock/clock", json={"advanceMs": 5000})
    third = client.get(f"{API}/generation/{gen_id}").get_json()
    assert third["status"] == "PROCESSING" and third["updatedAt"] > first["updatedAt"]


# Every fault a timeline may name, through the three API shapes: (path template, headers, how its error names it).
SHAPES = {
    "proxy": (f"{API}/generation/{{id}}", {}, lambda body: body.get("code") or body["message"]),
    "v1": ("/tryon/v1/generations/{id}", {"x-api-key": "gk_test_mock"}, lambda body: body["code"]),
    "sellerpic": ("/v1/api/generate?id={task}", {"Authorization": "Bearer sp_test_mock"}, lambda body: body["msg"]),
}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("fault", [f for f in FAULTS if f != "slow"])
def test_each_fault_answers_alike_in_every_api_shape(client, shape, fault):
    """One table (server/mock_api/faults.py): the same HTTP status for a fault in every shape, each in its own words."""
    path, headers, named = SHAPES[shape]
    step = {"fault": fault, "polls": 1, **({"retryAfter": 3} if fault == "rate-limited" else {})}
    gen_id = scripted(client, [step, {"status": "COMPLETED", "polls": 1}])
    with client.application.app_context():
        task = mock().jobs[gen_id].task_id
    response = client.get(path.format(id=gen_id, task=task), headers=headers)
    expected = {"http-500": 500, "http-502": 502, "rate-limited": 429, "not-found": 404}.get(fault, 200)
    assert response.status_code == expected
    if fault in ("html", "http-502"):
        assert response.mimetype == "text/html"
    elif fault == "malformed-json":
        assert response.get_json(silent=True) is None and response.mimetype == "application/json"
    else:
        assert named(response.get_json()), response.get_json()
        assert (response.headers.get("Retry-After") == "3") == (fault == "rate-limited")
