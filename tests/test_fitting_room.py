"""POST /fitting-room: validation, blocked answers in both forms, credits."""

import pytest

from .helpers import API

PRODUCT = "gid://shopify/Product/8001"


def create(client, **body):
    return client.post(f"{API}/fitting-room", json=body)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"productId": PRODUCT}, "userImageId"),
        ({"userImageId": "customer-media/nope.jpg", "productId": PRODUCT}, "uploaded image"),
        ({"userImageId": 5, "productId": PRODUCT}, "userImageId"),
        ({"userImageId": "FILE"}, "productId"),
        ({"userImageId": "FILE", "productId": "8001"}, "Shopify product GID"),
        ({"userImageId": "FILE", "productId": "gid://shopify/ProductVariant/1"}, "Shopify product GID"),
        ({"userImageId": "FILE", "productId": PRODUCT, "variantId": "gid://shopify/Product/1"}, "variant GID"),
        ({"userImageId": "FILE", "productId": PRODUCT, "variantId": 9001}, "variantId"),
    ],
)
def test_validation(client, upload, body, message):
    file_id = upload()["fileId"]
    body = {k: (file_id if v == "FILE" else v) for k, v in body.items()}
    response = create(client, **body)
    assert response.status_code == 400
    assert message in response.get_json()["message"]


def test_variant_is_optional_and_kept(client, upload, state):
    file_id = upload()["fileId"]
    job_id = create(
        client, userImageId=file_id, productId=PRODUCT, variantId="gid://shopify/ProductVariant/9003"
    ).get_json()["jobId"]
    assert state.jobs[job_id].variant_id == "gid://shopify/ProductVariant/9003"
    assert create(client, userImageId=file_id, productId=PRODUCT).status_code == 200


@pytest.mark.parametrize(
    ("scenario", "code", "status"),
    [
        ("quota-exceeded", "QUOTA_EXCEEDED", 403),
        ("rate-limit-exceeded", "RATE_LIMIT_EXCEEDED", 429),
        ("billing-not-allowed", "BILLING_NOT_ALLOWED", 403),
        ("creation-failed", "CREATION_FAILED", 500),
    ],
)
def test_blocked_answers_in_both_forms(client, upload, state, scenario, code, status):
    file_id = upload()["fileId"]
    client.put("/_mock/config", json={"scenario": scenario})
    as_status = create(client, userImageId=file_id, productId=PRODUCT)
    assert as_status.status_code == status
    assert as_status.get_json()["code"] == code and as_status.get_json()["message"]
    client.put("/_mock/config", json={"blockedForm": "body"})
    as_body = create(client, userImageId=file_id, productId=PRODUCT)
    assert as_body.status_code == 200
    assert as_body.get_json()["code"] == code and "jobId" not in as_body.get_json()
    assert not state.jobs


def test_no_credits_blocks_with_quota_exceeded(client, upload):
    file_id = upload()["fileId"]
    assert client.get(f"{API}/check-credits").get_json() == {"allowed": True}
    client.put("/_mock/config", json={"credits": False})
    assert client.get(f"{API}/check-credits").get_json() == {"allowed": False}
    response = create(client, userImageId=file_id, productId=PRODUCT)
    assert response.status_code == 403 and response.get_json()["code"] == "QUOTA_EXCEEDED"
