"""Every scenario and fault kind, as a poller sees them through GET /generation/:id."""

import time

import pytest

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
