"""Shopify app proxy signatures: the reference's test vector, and the mock's 401 when a secret is set."""

import time
from urllib.parse import urlencode

from server.mock_api.signature import compute_signature
from server.mock_api.signature import signed_string

from .helpers import API

VECTOR = [
    ("extra", "1"),
    ("extra", "2"),
    ("shop", "shop-name.myshopify.com"),
    ("logged_in_customer_id", "1"),
    ("path_prefix", "/apps/awesome_reviews"),
    ("timestamp", "1317327555"),
]


def test_reference_test_vector():
    assert signed_string(VECTOR) == (
        "extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviews"
        "shop=shop-name.myshopify.comtimestamp=1317327555"
    )
    assert compute_signature(VECTOR, "hush") == "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb"


def test_empty_customer_id_is_signed_too():
    assert "logged_in_customer_id=path_prefix" in signed_string([("logged_in_customer_id", ""), ("path_prefix", "/a")])


def signed_query(secret, **extra):
    pairs = [
        ("shop", "shop-name.myshopify.com"),
        ("logged_in_customer_id", ""),
        ("path_prefix", "/apps/proxy_genlook-x"),
        ("timestamp", str(int(time.time()))),
        *extra.items(),
    ]
    return urlencode([*pairs, ("signature", compute_signature(pairs, secret))])


def test_requests_need_a_valid_signature_when_a_secret_is_set(client):
    assert client.get(f"{API}/check-credits").status_code == 200
    client.put("/_mock/config", json={"proxySecret": "hush"})
    unsigned = client.get(f"{API}/check-credits")
    assert unsigned.status_code == 401 and "signature" in unsigned.get_json()["message"]
    assert client.get(f"{API}/check-credits?{signed_query('hush')}").get_json() == {"allowed": True}
    assert client.get(f"{API}/check-credits?{signed_query('wrong')}").status_code == 401
    tampered = signed_query("hush").replace("shop-name", "other-shop")
    assert client.get(f"{API}/check-credits?{tampered}").status_code == 401
    # The control API is not behind the proxy.
    assert client.get("/_mock/config").status_code == 200


def test_stale_timestamps_are_refused(client):
    client.put("/_mock/config", json={"proxySecret": "hush"})
    query = signed_query("hush")
    client.post("/_mock/clock", json={"advanceMs": 91_000})
    response = client.get(f"{API}/check-credits?{query}")
    assert response.status_code == 401 and "stale" in response.get_json()["message"]


def test_cookies_are_ignored_and_never_set(client):
    client.set_cookie("session", "abc", domain="localhost")
    response = client.get(f"{API}/check-credits", headers={"Cookie": "session=abc"})
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
