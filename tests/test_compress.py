"""Issue 22: the mock sends the widget's text files compressed, as Shopify's CDN does (brotli or gzip by
Accept-Encoding), so the page-weight figures measured against it are realistic."""

from __future__ import annotations

import gzip

import brotli
import pytest

from server.store.compress import chosen_encoding

FILE = "/assets/tryon-widget.js"


def plain(client) -> bytes:
    response = client.get(FILE, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200 and "Content-Encoding" not in response.headers
    return response.data


def test_brotli_when_the_browser_takes_it(client):
    response = client.get(FILE, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert response.headers["Content-Encoding"] == "br" and "Accept-Encoding" in response.headers["Vary"]
    assert brotli.decompress(response.data) == plain(client)
    assert len(response.data) < len(plain(client)) / 2
    assert int(response.headers["Content-Length"]) == len(response.data)


def test_gzip_otherwise_and_nothing_when_nothing_is_taken(client):
    response = client.get(FILE, headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.data) == plain(client)
    refused = client.get(FILE, headers={"Accept-Encoding": "br;q=0, gzip;q=0"})
    assert "Content-Encoding" not in refused.headers and refused.data == plain(client)


def test_a_range_request_gets_the_plain_bytes_it_asked_for(client):
    response = client.get(FILE, headers={"Accept-Encoding": "br", "Range": "bytes=0-9"})
    assert response.status_code == 206 and "Content-Encoding" not in response.headers
    assert response.data == plain(client)[:10]


def test_each_coding_has_its_own_etag(client):
    tags = {client.get(FILE, headers={"Accept-Encoding": coding}).headers["ETag"] for coding in ("br", "gzip", "")}
    assert len(tags) == 3


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [("br", "br"), ("gzip, br;q=0", "gzip"), ("BR;q=0.5", "br"), ("*", "gzip"), ("identity", None), ("", None)],
)
def test_accept_encoding_is_read_with_its_weights(accept, chosen):
    assert chosen_encoding(accept) == chosen
