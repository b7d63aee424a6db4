"""Per-user rate limits, share links, email capture and tracking events."""

import pytest

from .helpers import API


def test_upload_limit_is_ten_per_five_minutes_per_user(client):
    for _ in range(10):
        assert client.post(f"{API}/prepare-upload").status_code == 200
    limited = client.post(f"{API}/prepare-upload")
    assert limited.status_code == 429
    assert limited.get_json()["code"] == "RATE_LIMIT_EXCEEDED"
    assert 0 < int(limited.headers["Retry-After"]) <= 300
    # Another shopper (another client address) has their own budget; an unsigned customer id is nobody.
    assert client.post(f"{API}/prepare-upload?logged_in_customer_id=42").status_code == 429
    assert client.post(f"{API}/prepare-upload", environ_base={"REMOTE_ADDR": "10.9.8.7"}).status_code == 200
    client.post("/_mock/clock", json={"advanceMs": 300_000})
    assert client.post(f"{API}/prepare-upload").status_code == 200


def test_fitting_room_weekly_limit_is_configurable(client, upload):
    client.put("/_mock/config", json={"rateLimits": {"fittingRoom": {"limit": 2}}})
    file_id = upload()["fileId"]
    body = {"userImageId": file_id, "productId": "gid://shopify/Product/1"}
    assert [client.post(f"{API}/fitting-room", json=body).status_code for _ in range(3)] == [200, 200, 429]
    client.put("/_mock/config", json={"blockedForm": "body"})
    assert client.post(f"{API}/fitting-room", json=body).get_json()["code"] == "RATE_LIMIT_EXCEEDED"
    client.post("/_mock/clock", json={"advanceMs": 7 * 86400 * 1000})
    # A week on, the photo is gone too (retention); a new upload may generate again.
    assert client.post(f"{API}/fitting-room", json=body).status_code == 400
    body["userImageId"] = upload()["fileId"]
    assert client.post(f"{API}/fitting-room", json=body).status_code == 200


def completed(client):
    gen_id = client.post("/_mock/generations", json={"scenario": "instant"}).get_json()["generationId"]
    client.get(f"{API}/generation/{gen_id}")
    return gen_id


def test_share_link_is_reused_for_the_same_generation(client):
    gen_id = completed(client)
    first = client.post(f"{API}/share-generation", json={"generationId": gen_id, "effectiveDomain": "shop.example"})
    body = first.get_json()
    assert set(body) == {"shareToken", "shareUrl", "expiresAt"}
    assert body["shareUrl"] == f"https://genlook.app/s/{body['shareToken']}"
    again = client.post(f"{API}/share-generation", json={"generationId": gen_id}).get_json()
    assert again["shareToken"] == body["shareToken"]


def test_share_limit_is_twenty_new_links_a_minute(client):
    ids = [completed(client) for _ in range(21)]
    codes = [client.post(f"{API}/share-generation", json={"generationId": i}).status_code for i in ids]
    assert codes == [200] * 20 + [429]
    # Asking again for a link that exists is not a new creation.
    assert client.post(f"{API}/share-generation", json={"generationId": ids[0]}).status_code == 200


def test_share_needs_a_completed_known_generation(client):
    pending = client.post("/_mock/generations", json={"scenario": "stuck"}).get_json()["generationId"]
    assert client.post(f"{API}/share-generation", json={"generationId": pending}).status_code == 400
    assert client.post(f"{API}/share-generation", json={"generationId": "gen_x"}).status_code == 404
    assert client.post(f"{API}/share-generation", json={}).status_code == 400


def test_collect_email(client):
    ok = client.post(f"{API}/collect-email", json={"email": "ada@example.com", "marketingConsent": True})
    assert ok.get_json() == {"success": True, "message": "Email collected successfully"}
    bad = client.post(f"{API}/collect-email", json={"email": "not-an-email"})
    assert bad.status_code == 200 and bad.get_json() == {"success": False, "message": "Invalid email format"}
    assert client.post(f"{API}/collect-email", json={"email": "a@b.co", "marketingConsent": "yes"}).status_code == 400
    emails = client.get("/_mock/emails").get_json()["emails"]
    assert [(e["email"], e["marketingConsent"]) for e in emails] == [("ada@example.com", True)]


def event(name, n=0):
    return {"event": name, "timestamp": "2026-01-01T00:00:00Z", "$insert_id": f"id-{n}", "properties": {}}


def test_tracking_events_are_recorded_in_order(client):
    context = {"$current_url": "https://shop.example/products/x", "genlook_client_id": "c"}
    batch = [event("widget:button_click", 1), event("widget:image_upload", 2)]
    assert client.post(f"{API}/tracking/events", json={"events": batch, "context": context}).get_json() == {
        "success": True
    }
    client.post(f"{API}/tracking/events", json={"events": [event("widget:result_view", 3)], "context": context})
    recorded = client.get("/_mock/tracking").get_json()
    assert [e["event"] for e in recorded["events"]] == [
        "widget:button_click",
        "widget:image_upload",
        "widget:result_view",
    ]
    assert recorded["batches"][0]["context"] == context


@pytest.mark.parametrize(
    "body",
    [
        {"events": [], "context": {}},
        {"events": [event("x", i) for i in range(51)], "context": {}},
        {"events": [event("x")]},
        {"events": [event("x")], "context": []},
        {"events": [{"event": "x", "timestamp": "t"}], "context": {}},
        {"events": ["x"], "context": {}},
        {"events": [{**event("x"), "properties": []}], "context": {}},
    ],
)
def test_bad_tracking_batches(client, body):
    response = client.post(f"{API}/tracking/events", json=body)
    assert response.status_code == 400 and response.get_json()["message"]
    assert client.get("/_mock/tracking").get_json()["events"] == []


def test_jobs_photos_and_shares_are_forgotten_after_the_retention(client, state):
    from tests.helpers import jpeg_bytes

    client.put("/_mock/config", json={"retentionSeconds": 3600})
    old_job = client.post("/_mock/generations", json={"scenario": "instant"}).get_json()["generationId"]
    prepared = client.post("/apps/proxy_genlook-x/public/prepare-upload").get_json()
    abandoned = client.post("/apps/proxy_genlook-x/public/prepare-upload").get_json()["uploadKey"]
    from urllib.parse import urlsplit

    url = urlsplit(prepared["uploadUrl"])
    client.put(f"{url.path}?{url.query}", data=jpeg_bytes(), content_type="application/octet-stream")
    file_id = client.post(
        "/apps/proxy_genlook-x/public/upload-complete", json={"uploadKey": prepared["uploadKey"]}
    ).get_json()["fileId"]
    client.post("/_mock/clock", json={"advanceMs": 1_000_000})  # past the upload URL's 15 minutes
    client.get("/_mock/config")
    assert abandoned not in state.uploads, "an upload never completed goes when its URL expires"
    assert file_id in state.files and old_job in state.jobs
    client.post("/_mock/clock", json={"advanceMs": 1800_000})
    young_job = client.post("/_mock/generations", json={"scenario": "instant"}).get_json()["generationId"]
    client.post("/_mock/clock", json={"advanceMs": 1900_000})  # the first job is now older than an hour
    assert client.get(f"/apps/proxy_genlook-x/public/generation/{old_job}").status_code == 404
    assert client.get(f"/apps/proxy_genlook-x/public/generation/{young_job}").status_code == 200
    assert file_id not in state.files and prepared["uploadKey"] not in state.uploads
    assert set(state.jobs) == {young_job} and set(state.jobs_by_task.values()) == {young_job}


@pytest.mark.parametrize(
    "email",
    [
        "<script>alert(1)</script>@x.io",
        "a b@x.io",
        '"quoted"@x.io',
        "a..b@x.io",
        ".a@x.io",
        "a.@x.io",
        "a@x_y.io",
        "a@-x.io",
        "a@x.io>",
        "a,b@x.io",
        "a@x.i",
        "tab\t@x.io",
    ],
)
def test_an_address_with_characters_no_address_holds_is_refused(client, email):
    """Issue 24: `<script>…@x.io` was stored (with marketing consent)."""
    answer = client.post(f"{API}/collect-email", json={"email": email, "marketingConsent": True})
    assert answer.get_json() == {"success": False, "message": "Invalid email format"}
    assert client.application.extensions["tryon_mock"].records("emails") == []


@pytest.mark.parametrize("email", ["ada@example.com", "o'brien+news@mail.example.co.uk", "jörg@bücher.de", "a_b@x.io"])
def test_real_addresses_are_kept(client, email):
    answer = client.post(f"{API}/collect-email", json={"email": email})
    assert answer.get_json()["success"] is True
