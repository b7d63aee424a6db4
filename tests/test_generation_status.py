"""GET /generation/:id follows the seed contract exactly, poll by poll."""

import re

import pytest

from .helpers import API

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def poll(client, gen_id):
    response = client.get(f"{API}/generation/{gen_id}")
    return response.status_code, response.get_json()


def test_statuses_move_one_poll_at_a_time(client, upload):
    file_id = upload()["fileId"]
    created = client.post(
        f"{API}/fitting-room", json={"userImageId": file_id, "productId": "gid://shopify/Product/8001"}
    )
    assert created.status_code == 200
    body = created.get_json()
    assert set(body) == {"jobId", "message"} and body["jobId"].startswith("gen_")
    seen = [poll(client, body["jobId"])[1] for _ in range(5)]
    assert [s["status"] for s in seen] == ["PENDING", "PROCESSING", "PROCESSING", "COMPLETED", "COMPLETED"]
    for status in seen:
        assert status["generationId"] == body["jobId"]
        assert ISO.match(status["createdAt"]) and ISO.match(status["updatedAt"])
    pending, completed = seen[0], seen[3]
    assert set(pending) == {"generationId", "status", "createdAt", "updatedAt"}
    assert set(completed) == {"generationId", "status", "resultImageKey", "resultImageUrl", "createdAt", "updatedAt"}
    assert completed["resultImageUrl"].startswith("http")


def test_failed_carries_error_message_only(client):
    gen_id = client.post("/_mock/generations", json={"scenario": "failed"}).get_json()["generationId"]
    statuses = [poll(client, gen_id)[1] for _ in range(3)]
    failed = statuses[-1]
    assert failed["status"] == "FAILED"
    assert "PRODUCT_IMAGE_FETCH_FAILED" not in str(failed.get("errorCode"))
    assert set(failed) == {"generationId", "status", "errorMessage", "createdAt", "updatedAt"}
    assert failed["errorMessage"].startswith("Failed to fetch product image")


def test_error_code_can_be_switched_on(client):
    client.put("/_mock/config", json={"proxyErrorCode": True})
    gen_id = client.post("/_mock/generations", json={"scenario": "failed"}).get_json()["generationId"]
    failed = [poll(client, gen_id)[1] for _ in range(3)][-1]
    assert failed["errorCode"] == "PRODUCT_IMAGE_FETCH_FAILED"


@pytest.mark.parametrize("gen_id", ["gen_unknown", "%00", "..%2F..%2Fetc", "g%C3%A9n", "a" * 500, "x/y/z"])
def test_unknown_ids_are_404_json(client, gen_id):
    status, body = poll(client, gen_id)
    assert status == 404
    assert body == {"message": "Generation not found"}


def test_result_image_is_a_real_jpeg(client, upload):
    file_id = upload()["fileId"]
    gen_id = client.post(
        f"{API}/fitting-room", json={"userImageId": file_id, "productId": "gid://shopify/Product/8001"}
    ).get_json()["jobId"]
    url = [poll(client, gen_id)[1] for _ in range(4)][-1]["resultImageUrl"]
    image = client.get(url.split("localhost", 1)[1])
    assert image.status_code == 200
    assert image.mimetype == "image/jpeg" and image.data[:3] == b"\xff\xd8\xff"
