"""The Try-On API v1 and SellerPic status endpoints read the same scripted jobs."""

import re

from .helpers import API

V1_KEY = {"x-api-key": "gk_test_mock"}
BEARER = {"Authorization": "Bearer sp_test_mock"}
MILLIS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def job(client, scenario="failed"):
    return client.post("/_mock/generations", json={"scenario": scenario}).get_json()


def test_v1_auth_errors(client):
    gen_id = job(client)["generationId"]
    missing = client.get(f"/tryon/v1/generations/{gen_id}")
    assert missing.status_code == 401 and missing.get_json() == {
        "code": "MISSING_API_KEY",
        "message": missing.get_json()["message"],
        "status": 401,
    }
    wrong = client.get(f"/tryon/v1/generations/{gen_id}", headers={"x-api-key": "gk_nope"})
    assert wrong.status_code == 401 and wrong.get_json()["code"] == "INVALID_API_KEY"


def test_v1_shape_has_error_code_and_millisecond_timestamps(client):
    gen_id = job(client)["generationId"]
    seen = [client.get(f"/tryon/v1/generations/{gen_id}", headers=V1_KEY).get_json() for _ in range(3)]
    assert [s["status"] for s in seen] == ["PENDING", "PROCESSING", "FAILED"]
    assert seen[-1]["errorCode"] == "PRODUCT_IMAGE_FETCH_FAILED"
    assert MILLIS.match(seen[-1]["createdAt"]) and MILLIS.match(seen[-1]["updatedAt"])
    unknown = client.get("/tryon/v1/generations/gen_nope", headers=V1_KEY)
    assert unknown.status_code == 404 and unknown.get_json()["status"] == 404


def test_v1_faults_use_the_v1_error_shape(client):
    gen_id = client.post(
        "/_mock/generations",
        json={
            "timeline": [
                {"fault": "http-500", "polls": 1},
                {"fault": "rate-limited", "polls": 1, "retryAfter": 4},
                {"status": "COMPLETED", "polls": 1},
            ]
        },
    ).get_json()["generationId"]
    first = client.get(f"/tryon/v1/generations/{gen_id}", headers=V1_KEY)
    assert first.status_code == 500 and first.get_json()["status"] == 500
    second = client.get(f"/tryon/v1/generations/{gen_id}", headers=V1_KEY)
    assert second.get_json()["code"] == "RATE_LIMITED" and second.headers["Retry-After"] == "4"
    assert client.get(f"/tryon/v1/generations/{gen_id}", headers=V1_KEY).get_json()["status"] == "COMPLETED"


def test_sellerpic_envelope_and_statuses(client):
    created = job(client, "success")
    url = f"/v1/api/generate?id={created['taskId']}"
    seen = [client.get(url, headers=BEARER).get_json() for _ in range(4)]
    for body in seen:
        assert set(body) == {"code", "data", "msg", "success", "traceId"} and body["code"] == 0 and body["success"]
    items = [body["data"]["resultList"][0] for body in seen]
    assert [i["status"] for i in items] == ["CREATED", "RUNNING", "RUNNING", "SUCCESS"]
    assert items[-1]["fileUrl"].startswith("http") and items[0]["fileUrl"] == ""


def test_sellerpic_failed_and_errors(client):
    created = job(client, "failed")
    url = f"/v1/api/generate?id={created['taskId']}"
    last = [client.get(url, headers=BEARER).get_json() for _ in range(3)][-1]["data"]["resultList"][0]
    assert last["status"] == "FAILED" and last["errorCode"] != 0 and last["errorMsg"]
    assert client.get(url).status_code == 401
    assert client.get(url, headers={"Authorization": "Bearer nope"}).get_json()["success"] is False
    assert client.get("/v1/api/generate?id=123", headers=BEARER).status_code == 404
    for bad in ("abc", "", "-1", "99999999999999999999"):
        body = client.get(f"/v1/api/generate?id={bad}", headers=BEARER).get_json()
        assert body["success"] is False and body["code"] != 0


def test_one_job_three_shapes_share_the_timeline(client):
    created = job(client, "success")
    assert client.get(f"{API}/generation/{created['generationId']}").get_json()["status"] == "PENDING"
    assert (
        client.get(f"/tryon/v1/generations/{created['generationId']}", headers=V1_KEY).get_json()["status"]
        == "PROCESSING"
    )
    item = client.get(f"/v1/api/generate?id={created['taskId']}", headers=BEARER).get_json()["data"]["resultList"][0]
    assert item["status"] == "RUNNING"
