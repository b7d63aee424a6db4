"""The /_mock control API: scripted jobs, config, scenarios, request log, reset, clock."""

import pytest

from .helpers import API


def create(client, **body):
    return client.post("/_mock/generations", json=body)


def statuses(client, gen_id, n):
    out = []
    for _ in range(n):
        response = client.get(f"{API}/generation/{gen_id}")
        out.append(response.get_json()["status"] if response.status_code == 200 else response.status_code)
    return out


def test_create_from_timeline(client):
    response = create(
        client,
        timeline=[
            {"status": "PROCESSING", "polls": 2},
            {"status": "FAILED", "polls": 1, "errorCode": "X", "errorMessage": "m"},
        ],
    )
    assert response.status_code == 201
    body = response.get_json()
    assert body["generationId"].startswith("gen_") and body["taskId"].isdigit()
    assert statuses(client, body["generationId"], 4) == ["PROCESSING", "PROCESSING", "FAILED", "FAILED"]


def test_completed_step_can_carry_its_own_result_url(client):
    gen_id = create(
        client, timeline=[{"status": "COMPLETED", "polls": 1, "resultImageUrl": "https://cdn.example/r.jpg"}]
    ).get_json()["generationId"]
    assert client.get(f"{API}/generation/{gen_id}").get_json()["resultImageUrl"] == "https://cdn.example/r.jpg"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "exactly one of"),
        ({"scenario": "success", "timeline": []}, "exactly one of"),
        ({"scenario": "nope"}, "Unknown scenario"),
        ({"scenario": 5}, "Unknown scenario"),
        ({"scenario": "quota-exceeded"}, "blocks creation"),
        ({"timeline": [{"status": "X", "polls": 1}]}, "timeline[0].status"),
        ({"scenario": "success", "productId": 7}, "productId"),
    ],
)
def test_create_refuses_bad_bodies(client, body, message):
    response = create(client, **body)
    assert response.status_code == 400
    assert message in response.get_json()["message"]


def test_create_refuses_non_json(client):
    for data in (b"", b"not json", b"[1, 2]"):
        response = client.post("/_mock/generations", data=data, content_type="application/json")
        assert response.status_code == 400 and "message" in response.get_json()


def test_inspect_does_not_count_a_poll(client):
    gen_id = create(client, scenario="success").get_json()["generationId"]
    for _ in range(3):
        inner = client.get(f"/_mock/generations/{gen_id}").get_json()
    assert inner["polls"] == 0 and inner["status"] == "PENDING"
    client.get(f"{API}/generation/{gen_id}")
    assert client.get(f"/_mock/generations/{gen_id}").get_json()["polls"] == 1
    assert client.get("/_mock/generations/gen_nope").status_code == 404


def test_config_round_trip_and_validation(client):
    config = client.get("/_mock/config").get_json()
    assert config["scenario"] == "success" and config["credits"] is True
    assert config["rateLimits"]["upload"] == {"limit": 10, "windowSeconds": 300}
    updated = client.put("/_mock/config", json={"scenario": "failed", "rateLimits": {"share": {"limit": 3}}}).get_json()
    assert updated["scenario"] == "failed"
    assert updated["rateLimits"]["share"] == {"limit": 3, "windowSeconds": 60}
    assert client.get("/_mock/config").get_json() == updated
    for bad in (
        {"scenario": "nope"},
        {"credits": "yes"},
        {"blockedForm": "x"},
        {"colour": 1},
        {"rateLimits": {"upload": {"limit": -1}}},
        {"rateLimits": {"bogus": {}}},
        {"maxUploadBytes": 1.5},
        {"proxySecret": ""},
        {"uploadTtlSeconds": True},
    ):
        response = client.put("/_mock/config", json=bad)
        assert response.status_code == 400, bad
        assert response.get_json()["message"].split(":")[0].split(".")[0] in str(bad)
    assert client.get("/_mock/config").get_json() == updated, "a refused update changed nothing"


def test_fitting_room_jobs_follow_the_configured_scenario(client, upload):
    client.put("/_mock/config", json={"scenario": "instant"})
    file_id = upload()["fileId"]
    job = client.post(
        f"{API}/fitting-room", json={"userImageId": file_id, "productId": "gid://shopify/Product/1"}
    ).get_json()
    assert statuses(client, job["jobId"], 1) == ["COMPLETED"]


def test_fitting_room_jobs_follow_a_configured_timeline_until_a_scenario_is_named(client, upload):
    steps = [
        {"status": "PROCESSING", "polls": 2},
        {"status": "FAILED", "polls": 1, "errorCode": "X", "errorMessage": "m"},
    ]

    def generation():
        body = {"userImageId": upload()["fileId"], "productId": "gid://shopify/Product/1"}
        return client.post(f"{API}/fitting-room", json=body).get_json()["jobId"]

    config = client.put("/_mock/config", json={"scenario": "quota-exceeded", "timeline": steps}).get_json()
    assert config["timeline"] == steps
    assert statuses(client, generation(), 4) == ["PROCESSING", "PROCESSING", "FAILED", "FAILED"], "the timeline wins"
    assert client.put("/_mock/config", json={"credits": True}).get_json()["timeline"] == steps, "kept by other fields"
    assert client.put("/_mock/config", json={"scenario": "instant"}).get_json()["timeline"] is None
    assert statuses(client, generation(), 1) == ["COMPLETED"], "the scenario named last is followed"
    client.put("/_mock/config", json={"timeline": steps})
    assert client.put("/_mock/config", json={"timeline": None}).get_json()["timeline"] is None
    for bad, field in (([], "timeline"), ([{"status": "X", "polls": 1}], "timeline[0].status"), ("a", "timeline")):
        response = client.put("/_mock/config", json={"timeline": bad})
        assert response.status_code == 400 and response.get_json()["message"].startswith(field), bad


def test_scenarios_listing(client):
    listed = {s["name"]: s for s in client.get("/_mock/scenarios").get_json()["scenarios"]}
    for name in ("success", "slow", "failed", "stuck", "flaky", "rate-limited", "quota-exceeded"):
        assert listed[name]["description"]
        assert ("timeline" in listed[name]) != ("code" in listed[name])


def test_request_log_is_in_order_with_status_and_time(client):
    gen_id = create(client, scenario="not-found").get_json()["generationId"]
    client.get(f"{API}/generation/{gen_id}")
    client.get(f"{API}/check-credits")
    log = client.get("/_mock/requests").get_json()["requests"]
    assert [(r["method"], r["path"], r["status"]) for r in log] == [
        ("GET", f"{API}/generation/{gen_id}", 404),
        ("GET", f"{API}/check-credits", 200),
    ]
    assert log[0]["at"] <= log[1]["at"] and log[0]["at"] > 1_600_000_000_000


def test_reset_clears_everything(client, upload):
    gen_id = create(client, scenario="success").get_json()["generationId"]
    upload()
    client.put("/_mock/config", json={"scenario": "slow", "credits": False})
    client.post("/_mock/clock", json={"advanceMs": 1000})
    assert client.post("/_mock/reset", json={}).status_code == 200
    assert client.get(f"{API}/generation/{gen_id}").status_code == 404
    assert client.get("/_mock/requests").get_json()["requests"] == [
        {
            "method": "GET",
            "path": f"{API}/generation/{gen_id}",
            "status": 404,
            "at": client.get("/_mock/requests").get_json()["requests"][0]["at"],
        }
    ]
    config = client.get("/_mock/config").get_json()
    assert config["scenario"] == "success" and config["credits"] is True
    assert client.post("/_mock/clock", json={"advanceMs": 0}).get_json() == {"offsetMs": 0}


def test_clock_moves_timed_steps(client):
    gen_id = create(client, scenario="slow").get_json()["generationId"]
    assert statuses(client, gen_id, 1) == ["PENDING"]
    client.post("/_mock/clock", json={"advanceMs": 2_000})
    assert statuses(client, gen_id, 1) == ["PROCESSING"]
    client.post("/_mock/clock", json={"advanceMs": 18_000})
    assert statuses(client, gen_id, 1) == ["COMPLETED"]
    for bad in ({"advanceMs": -1}, {"advanceMs": "5"}, {}, {"advanceMs": True}):
        assert client.post("/_mock/clock", json=bad).status_code == 400


def test_openapi_lists_every_route(client, app):
    spec = client.get("/_mock/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    documented = {path.replace("{id}", "<id>") for path in spec["paths"]}
    for rule in app.url_map.iter_rules():
        path = rule.rule.replace("<path:gen_id>", "<id>").replace("<gen_id>", "<id>")
        if path.startswith(("/apps/", "/_mock/", "/tryon/", "/v1/")) and path != "/_mock/openapi.json":
            assert path in documented, path


def test_jobs_never_change_the_shared_scenarios(client, state, upload):
    file_id = upload()["fileId"]
    job_id = client.post(
        f"{API}/fitting-room", json={"userImageId": file_id, "productId": "gid://shopify/Product/1"}
    ).get_json()["jobId"]
    from server.mock_api.scenarios import SCENARIOS

    assert state.jobs[job_id].cursor.steps is not SCENARIOS["success"]["timeline"]
    assert state.jobs[job_id].cursor.steps == SCENARIOS["success"]["timeline"]
