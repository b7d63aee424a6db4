"""Malformed requests get a clear 4xx JSON answer on every API path: never a 500, never HTML."""

import pytest

from .helpers import API

JSON_POSTS = [
    f"{API}/upload-complete",
    f"{API}/fitting-room",
    f"{API}/share-generation",
    f"{API}/collect-email",
    f"{API}/tracking/events",
    "/_mock/generations",
    "/_mock/clock",
]
BODIES = [b"", b"{", b"null", b"[]", b'"text"', b"42", b"\xff\xfe", b'{"a": NaN}', b"{" * 5000]


@pytest.mark.parametrize("path", JSON_POSTS)
@pytest.mark.parametrize("body", BODIES)
def test_bad_json_bodies(client, path, body):
    response = client.post(path, data=body, content_type="application/json")
    assert 400 <= response.status_code < 500, (path, body, response.status_code)
    assert response.mimetype == "application/json" and response.get_json()["message"]


@pytest.mark.parametrize("path", JSON_POSTS)
def test_wrong_types_in_fields(client, path):
    body = {
        "uploadKey": [1],
        "userImageId": {},
        "productId": 1,
        "generationId": None,
        "email": 5,
        "events": "x",
        "scenario": [],
        "advanceMs": "soon",
    }
    response = client.post(path, json=body)
    assert 400 <= response.status_code < 500 or (path.endswith("collect-email") and response.status_code == 200)
    assert response.mimetype == "application/json"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", f"{API}/check-credits"),
        ("GET", f"{API}/fitting-room"),
        ("DELETE", f"{API}/generation/x"),
        ("GET", f"{API}/prepare-upload"),
        ("PATCH", "/_mock/config"),
        ("GET", "/_mock/reset"),
        ("POST", "/tryon/v1/generations/x"),
        ("GET", f"{API}/no-such-endpoint"),
        ("GET", "/_mock/nothing"),
        ("GET", "/_storage/results/x.jpg"),
        ("GET", "/_storage/files/x"),
    ],
)
def test_wrong_methods_and_paths_are_json(client, method, path):
    response = client.open(path, method=method, headers={"x-api-key": "gk_test_mock"})
    assert response.status_code in (401, 403, 404, 405), (method, path, response.status_code)
    assert response.mimetype == "application/json" and response.get_json()["message"]


def test_state_is_intact_after_garbage(client):
    gen_id = client.post("/_mock/generations", json={"scenario": "success"}).get_json()["generationId"]
    for path in JSON_POSTS:
        for body in BODIES:
            client.post(path, data=body, content_type="application/json")
    assert client.get(f"{API}/generation/{gen_id}").get_json()["status"] == "PENDING"
