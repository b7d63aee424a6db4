"""The mock, safe to share (issue 15): each finding of the hostile-client review, as a regression test."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path
from struct import pack
from urllib.parse import urlencode

import pytest
from PIL import Image

from server import create_app
from server.mock_api.signature import compute_signature

from .helpers import API


def noisy_jpeg(side: int) -> bytes:
    """A JPEG that does not compress away (random pixels): about side * side / 4 bytes."""
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "JPEG", quality=90)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that declares width x height: a decompression bomb's header, with one row of real data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return pack(">I", len(data)) + kind + data + pack(">I", zlib.crc32(kind + data))

    rows = zlib.compress(b"\x00" + b"\x00" * width, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", rows)
        + chunk(b"IEND", b"")
    )


def put_photo(client, data: bytes):
    prepared = client.post(f"{API}/prepare-upload").get_json()
    path = "/" + prepared["uploadUrl"].split("://", 1)[1].split("/", 1)[1]
    return prepared, client.put(path, data=data, content_type="application/octet-stream")


# 1. Image bombs


def test_an_image_bomb_is_refused_at_the_upload_from_its_header(client):
    bomb = png_header_only(13_000, 13_000)
    assert len(bomb) < 30_000
    prepared, put = put_photo(client, bomb)
    assert put.status_code == 413 and put.is_json
    assert put.get_json()["code"] == "ImageTooLarge" and "megapixels" in put.get_json()["message"]
    done = client.post(f"{API}/upload-complete", json={"uploadKey": prepared["uploadKey"]})
    assert done.status_code == 400, "nothing was stored"


# Peak memory of making one result from a 36 MP JPEG, in a fresh process (Pillow allocates outside Python's heap).
PEAK_OF_ONE_RESULT = """
import io, resource, sys
from PIL import Image
from server.mock_api import images
out = io.BytesIO()
Image.new("RGB", (6000, 6000), (120, 130, 140)).save(out, "JPEG", quality=60)
data = out.getvalue()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = images.result_jpeg(data, (10, 20, 30))
assert Image.open(io.BytesIO(result)).size == (640, 800)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def test_a_large_jpeg_makes_its_result_from_a_reduced_decode():
    grown = subprocess.run(
        [sys.executable, "-c", PEAK_OF_ONE_RESULT],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    # A whole decode of 36 MP takes 108 MB at least; the draft decode a few.
    assert int(grown.stdout) < 30, f"{grown.stdout.strip()} MB"


# 2. Memory bounded by bytes


def test_a_tracking_batch_has_a_size_limit(client):
    event = {"event": "widget:button_click", "timestamp": "2026-01-01T00:00:00Z", "$insert_id": "x"}
    huge = client.post(f"{API}/tracking/events", json={"events": [event], "context": {"pad": "x" * 300_000}})
    assert huge.status_code == 413 and huge.is_json
    assert client.get("/_mock/tracking").get_json()["batches"] == []


def test_a_json_body_has_a_size_limit_everywhere(client):
    big = b'{"email": "' + b"a" * 2_000_000 + b'"}'
    for path in (f"{API}/collect-email", f"{API}/fitting-room", "/_mock/generations"):
        answer = client.post(path, data=big, content_type="application/json")
        assert answer.status_code == 413 and answer.is_json, path


def test_the_request_log_keeps_long_paths_short(client):
    path = f"{API}/generation/" + "g" * 200_000
    assert client.get(path).status_code == 404
    [entry] = client.get("/_mock/requests").get_json()["requests"]
    assert len(entry["path"]) <= 1_100 and entry["path"].endswith("…")


def test_stored_bytes_stay_within_the_budget_oldest_first():
    app = create_app(
        {
            "TESTING": True,
            "MOCK": {
                "maxStoredBytes": 1_000_000,
                "uploadBytesPerUser": 10_000_000,
                "rateLimits": {"upload": {"limit": 1000, "windowSeconds": 60}},
            },
        }
    )
    client = app.test_client()
    state = app.extensions["tryon_mock"]
    photo = noisy_jpeg(500)
    assert 100_000 < len(photo) < 400_000
    keys = []
    for _ in range(8):
        prepared, put = put_photo(client, photo)
        assert put.status_code == 200
        keys.append(prepared["uploadKey"])
    assert state.budget.total <= 1_000_000
    # The oldest photos went first; the newest is still there and completes.
    assert client.post(f"{API}/upload-complete", json={"uploadKey": keys[0]}).status_code == 404
    assert client.post(f"{API}/upload-complete", json={"uploadKey": keys[-1]}).status_code == 200
    usage = client.get("/_mock/usage").get_json()
    assert usage["maxStoredBytes"] == 1_000_000 and 0 < usage["storedBytes"] <= 1_000_000
    assert set(usage["byKind"]) >= {"photo", "request"}


def test_uploads_have_a_per_user_byte_allowance():
    app = create_app(
        {
            "TESTING": True,
            "MOCK": {"uploadBytesPerUser": 500_000, "rateLimits": {"upload": {"limit": 1000, "windowSeconds": 60}}},
        }
    )
    client = app.test_client()
    photo = noisy_jpeg(500)
    answers = [put_photo(client, photo)[1] for _ in range(6)]
    statuses = [a.status_code for a in answers]
    assert statuses[0] == 200 and statuses[-1] == 429
    assert answers[-1].get_json()["code"] == "TooManyRequests"
    # Another client address has its own allowance.
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "10.1.2.3"
    assert put_photo(other, photo)[1].status_code == 200


def test_jobs_are_capped_oldest_first():
    app = create_app({"TESTING": True, "MOCK": {"maxJobs": 50}})
    client = app.test_client()
    ids = [
        client.post("/_mock/generations", json={"scenario": "success"}).get_json()["generationId"] for _ in range(60)
    ]
    assert len(app.extensions["tryon_mock"].jobs) == 50
    assert client.get(f"/_mock/generations/{ids[0]}").status_code == 404
    assert client.get(f"/_mock/generations/{ids[-1]}").status_code == 200


# 3. Numbers in the cart


@pytest.mark.parametrize("field", ["id", "quantity"])
@pytest.mark.parametrize("value", ["²", "③", "٩٠٠١", "５", "1e3", " 1", "-1", "0x10", "9" * 30])
def test_only_ascii_digits_are_numbers_in_the_cart(client, field, value):
    item = {"id": "9001", "quantity": "1", field: value}
    for answer in (client.post("/cart/add.js", data=item), client.post("/cart/add.js", json={"items": [item]})):
        assert answer.status_code == 400 and answer.is_json, (field, value, answer.status_code)
        assert answer.get_json()["status"] == "bad_request"


def test_a_cart_has_a_total_quantity_limit(client):
    lines = [{"id": 9001, "quantity": 10_000}, {"id": 9002, "quantity": 1}]
    refused = client.post("/cart/add.js", json={"items": lines})
    assert refused.status_code == 422 and "10,000" in refused.get_json()["description"]
    assert client.get("/cart.js").get_json()["item_count"] == 0
    assert client.post("/cart/add.js", json={"items": [{"id": 9001, "quantity": 9_999}]}).status_code == 200
    assert client.post("/cart/add.js", json={"id": 9002, "quantity": 2}).status_code == 422


# 4. Preview numbers


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e999", "²", "99999999999999999999999"])
@pytest.mark.parametrize("page", ["/preview/frame", "/preview/state/completed"])
def test_preview_settings_that_are_not_numbers_get_the_default(client, page, value):
    for name in ("corner_radius", "poll_interval_ms"):
        answer = client.get(f"{page}?{urlencode({name: value})}")
        assert answer.status_code == 200, (name, value)


# 5. Cross-site requests and foreign hosts


@pytest.mark.parametrize("path", ["/_mock/clock", "/_mock/generations", "/_mock/reset"])
def test_a_text_plain_post_to_the_control_api_is_refused(client, path):
    answer = client.post(path, data='{"advanceMs": 1000}', content_type="text/plain")
    assert answer.status_code == 403 and answer.get_json()["code"] == "JSON_ONLY"
    assert client.get("/_mock/config").status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/_mock/clock"),
        ("post", "/_mock/reset"),
        ("put", "/_mock/config"),
        ("post", "/cart/add.js"),
        ("post", f"{API}/prepare-upload"),
    ],
)
def test_a_page_on_another_origin_cannot_change_state(client, method, path):
    for origin in ("https://attacker.example", "null", "http://127.0.0.1.attacker.example"):
        answer = getattr(client, method)(path, json={}, headers={"Origin": origin})
        assert answer.status_code == 403 and answer.get_json()["code"] == "FOREIGN_ORIGIN", origin
    assert (
        client.post("/_mock/clock", json={"advanceMs": 0}, headers={"Origin": "http://localhost:5000"}).status_code
        == 200
    )


def test_moving_the_clock_from_another_site_erases_nothing(client):
    gen_id = client.post("/_mock/generations", json={"scenario": "stuck"}).get_json()["generationId"]
    client.post(
        "/_mock/clock",
        data='{"advanceMs": 34560000000}',
        content_type="text/plain",
        headers={"Origin": "https://attacker.example"},
    )
    assert client.get(f"/_mock/generations/{gen_id}").status_code == 200


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:5000", "localhost.attacker.example"])
def test_a_foreign_host_is_answered_421_and_builds_no_url(client, host):
    answer = client.post(f"{API}/prepare-upload", headers={"Host": host})
    assert answer.status_code == 421 and answer.is_json and answer.get_json()["code"] == "HOST_NOT_ALLOWED"
    assert client.get("/", headers={"Host": host}).status_code == 421


@pytest.mark.parametrize("host", ["localhost:5000", "127.0.0.1:5000", "[::1]:5000", "shop.localhost", "10.0.0.5"])
def test_our_own_hosts_are_answered(client, host):
    assert client.get(f"{API}/check-credits", headers={"Host": host}).status_code == 200


def test_an_allowed_host_is_answered_and_its_urls_are_its_own():
    app = create_app({"TESTING": True, "ALLOWED_HOSTS": ("preview.team.example",)})
    client = app.test_client()
    prepared = client.post(f"{API}/prepare-upload", headers={"Host": "preview.team.example"}).get_json()
    assert prepared["uploadUrl"].startswith("http://preview.team.example/_storage/upload/")


def test_a_configured_public_url_is_used_for_every_url():
    app = create_app({"TESTING": True, "PUBLIC_URL": "https://mock.example.test"})
    prepared = app.test_client().post(f"{API}/prepare-upload").get_json()
    assert prepared["uploadUrl"].startswith("https://mock.example.test/_storage/upload/")


# 6. Rate-limit identity


def signed(secret: str, customer: str) -> str:
    pairs = [
        ("shop", "s.myshopify.com"),
        ("logged_in_customer_id", customer),
        ("path_prefix", "/apps/proxy_genlook-x"),
        ("timestamp", str(int(time.time()))),
    ]
    return urlencode([*pairs, ("signature", compute_signature(pairs, secret))])


def exhaust_uploads(client, query: str = "") -> None:
    for _ in range(10):
        assert client.post(f"{API}/prepare-upload?{query}").status_code == 200
    assert client.post(f"{API}/prepare-upload?{query}").status_code == 429


def test_an_unsigned_customer_id_buys_no_fresh_allowance(client):
    exhaust_uploads(client)
    for customer in ("1", "2", "3"):
        assert client.post(f"{API}/prepare-upload?logged_in_customer_id={customer}").status_code == 429


def test_x_forwarded_for_is_trusted_only_behind_a_trusted_proxy(client):
    exhaust_uploads(client)
    assert client.post(f"{API}/prepare-upload", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 429
    trusting = create_app({"TESTING": True, "TRUSTED_PROXY": True}).test_client()
    exhaust_uploads(trusting)
    assert trusting.post(f"{API}/prepare-upload", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 200


def test_signed_numeric_customer_ids_count_and_others_are_the_client_address(client):
    client.put("/_mock/config", json={"proxySecret": "hush"})
    exhaust_uploads(client, signed("hush", "42"))
    assert client.post(f"{API}/prepare-upload?{signed('hush', '43')}").status_code == 200
    # An empty or non-numeric id is the client address, whatever follows it.
    exhaust_uploads(client, signed("hush", ""))
    assert client.post(f"{API}/prepare-upload?{signed('hush', 'abc')}").status_code == 429


# 7. Clock overflow


def test_the_clock_refuses_to_pass_a_sane_bound(client):
    year = 366 * 86400 * 1000
    for _ in range(10):
        assert client.post("/_mock/clock", json={"advanceMs": year}).status_code == 200
    refused = client.post("/_mock/clock", json={"advanceMs": year})
    assert refused.status_code == 400 and "10 years" in refused.get_json()["message"]
    gen_id = client.post("/_mock/generations", json={"scenario": "success"}).get_json()["generationId"]
    assert client.get(f"{API}/generation/{gen_id}").status_code == 200


@pytest.mark.parametrize(
    "origin", ["http://203.0.113.7", "http://10.0.0.9:5000", "http://[2001:db8::1]", "http://0.0.0.0"]
)
def test_an_ip_address_is_not_our_origin_unless_it_is_loopback_or_our_own(client, origin):
    """Issue 24: any IP literal used to count as ours. A page at another address cannot add to the cart, or store
    an address with marketing consent by a text/plain form post."""
    cart = client.post("/cart/add.js", data={"id": "9001"}, headers={"Origin": origin})
    assert cart.status_code == 403 and cart.get_json()["code"] == "FOREIGN_ORIGIN"
    email = client.post(
        f"{API}/collect-email",
        data='{"email": "a@b.example", "marketingConsent": true}',
        content_type="text/plain",
        headers={"Origin": origin},
    )
    assert email.status_code == 403
    assert client.get("/cart.js").get_json()["item_count"] == 0


@pytest.mark.parametrize(
    ("host", "origin"),
    [
        ("localhost", "http://127.0.0.1:5000"),
        ("localhost", "http://[::1]:8000"),
        ("127.0.0.2:5000", "http://127.0.0.2:5000"),
        # The server's own address on the network (a phone on the LAN opens http://192.168.1.20:5000/).
        ("192.168.1.20:5000", "http://192.168.1.20:5000"),
    ],
)
def test_loopback_and_the_servers_own_address_are_ours(client, host, origin):
    answer = client.post("/cart/add.js", data={"id": "9001"}, headers={"Host": host, "Origin": origin})
    assert answer.status_code == 200, answer.get_json()


def test_an_allowed_ip_address_is_ours():
    from server import create_app

    client = create_app({"TESTING": True, "ALLOWED_HOSTS": ("198.51.100.4",)}).test_client()
    answer = client.post("/cart/add.js", data={"id": "9001"}, headers={"Origin": "http://198.51.100.4:8080"})
    assert answer.status_code == 200


def test_a_flood_of_analytics_cannot_evict_a_shoppers_job():
    """Issue 24: all kinds shared one budget, oldest first, so 32 tracking batches (8.1 MB) evicted a running job
    under an 8 MB budget (its polls then answered 404)."""
    from server import create_app

    app = create_app({"TESTING": True, "MOCK": {"maxStoredBytes": 8 * 1024 * 1024}})
    client = app.test_client()
    client.put("/_mock/config", json={"rateLimits": {"tracking": {"limit": 10_000, "windowSeconds": 60}}})
    gen_id = client.post("/_mock/generations", json={"scenario": "stuck"}).get_json()["generationId"]
    event = {"event": "widget:x", "timestamp": "2026-12-04T00:00:00Z", "$insert_id": "i"}
    batch = {"events": [event], "context": {"pad": "x" * 250_000}}
    for _ in range(64):
        assert client.post(f"{API}/tracking/events", json=batch).status_code == 200
    assert client.get(f"{API}/generation/{gen_id}").status_code == 200, "the shopper's job is still there"
    usage = client.get("/_mock/usage").get_json()
    assert usage["storedBytes"] <= 8 * 1024 * 1024
    assert usage["budgets"]["tracking"]["storedBytes"] <= usage["budgets"]["tracking"]["maxBytes"]
    assert usage["budgets"]["shopper"]["byKind"]["job"] > 0


@pytest.mark.parametrize(
    ("bucket", "path", "body"),
    [
        (
            "tracking",
            "/tracking/events",
            {"events": [{"event": "e", "timestamp": "t", "$insert_id": "i"}], "context": {}},
        ),
        ("email", "/collect-email", {"email": "a@b.example"}),
    ],
)
def test_tracking_and_email_are_rate_limited_per_client(client, bucket, path, body):
    client.put("/_mock/config", json={"rateLimits": {bucket: {"limit": 3, "windowSeconds": 60}}})
    answers = [client.post(API + path, json=body).status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    other = client.post(API + path, json=body, environ_base={"REMOTE_ADDR": "127.0.0.9"})
    assert other.status_code == 200, "another client has its own allowance"
