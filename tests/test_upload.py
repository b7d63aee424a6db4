"""The three-step signed-URL upload, on a different origin, with expiry, size and content checks."""

import pytest

from .helpers import API
from .helpers import jpeg_bytes

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32


def prepare(client, host="127.0.0.1:5000"):
    response = client.post(f"{API}/prepare-upload", base_url=f"http://{host}")
    assert response.status_code == 200
    return response.get_json()


def local(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_prepare_gives_a_signed_url_on_another_origin(client):
    body = prepare(client)
    assert set(body) == {"uploadUrl", "uploadKey"}
    assert body["uploadUrl"].startswith("http://localhost:5000/_storage/upload/" + body["uploadKey"])
    assert "X-Goog-Signature=" in body["uploadUrl"] and body["uploadKey"].startswith("tmp/")
    assert prepare(client, "localhost:5000")["uploadUrl"].startswith("http://127.0.0.1:5000/")


def test_storage_origin_can_be_configured():
    from server import create_app

    client = create_app({"STORAGE_ORIGIN": "https://storage.test"}).test_client()
    assert prepare(client)["uploadUrl"].startswith("https://storage.test/_storage/upload/")


def test_preflight_allows_the_cross_origin_put(client):
    url = local(prepare(client)["uploadUrl"])
    response = client.options(
        url,
        headers={
            "Origin": "http://127.0.0.1:5000",
            "Access-Control-Request-Method": "PUT",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "PUT" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("data", [jpeg_bytes(), PNG, WEBP, HEIC])
def test_full_flow_for_each_accepted_format(client, data):
    prepared = prepare(client)
    put = client.put(local(prepared["uploadUrl"]), data=data, content_type="application/octet-stream")
    assert put.status_code == 200 and put.headers["Access-Control-Allow-Origin"] == "*"
    done = client.post(f"{API}/upload-complete", json={"uploadKey": prepared["uploadKey"]})
    body = done.get_json()
    assert set(body) == {"fileId", "fileUrl", "message"}
    assert body["fileId"].startswith("customer-media/") and "/" in body["fileId"]
    photo = client.get(local(body["fileUrl"]))
    assert photo.status_code == 200 and photo.data == data
    # Completing twice gives the same file.
    assert (
        client.post(f"{API}/upload-complete", json={"uploadKey": prepared["uploadKey"]}).get_json()["fileId"]
        == body["fileId"]
    )


@pytest.mark.parametrize("data", [b"GIF89a" + b"\x00" * 20, b"%PDF-1.7", b"hello", b""])
def test_non_images_are_refused_by_content_whatever_the_name(client, data):
    url = local(prepare(client)["uploadUrl"])
    response = client.put(url, data=data, content_type="image/jpeg")
    assert response.status_code == 415
    assert "JPEG" in response.get_json()["message"]


def test_size_limit(client):
    client.put("/_mock/config", json={"maxUploadBytes": 1000})
    url = local(prepare(client)["uploadUrl"])
    response = client.put(url, data=b"\xff\xd8\xff" + b"\x00" * 1000)
    assert response.status_code == 413 and response.get_json()["code"] == "EntityTooLarge"


def test_default_size_limit_is_20_mb(client):
    assert client.get("/_mock/config").get_json()["maxUploadBytes"] == 20 * 1024 * 1024


def test_expired_url_is_403(client):
    url = local(prepare(client)["uploadUrl"])
    client.post("/_mock/clock", json={"advanceMs": 901_000})
    response = client.put(url, data=jpeg_bytes())
    assert response.status_code == 403 and response.get_json()["code"] == "ExpiredToken"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda u: u.replace("X-Goog-Expires=900", "X-Goog-Expires=99999"),
        lambda u: u.replace("tmp/", "tmp/x"),
        lambda u: u.split("&X-Goog-Signature")[0],
        lambda u: u.replace("X-Goog-Date=", "X-Goog-Date=1"),
    ],
)
def test_tampered_url_is_403(client, tamper):
    url = local(prepare(client)["uploadUrl"])
    assert client.put(tamper(url), data=jpeg_bytes()).status_code == 403


def test_upload_complete_errors(client):
    assert client.post(f"{API}/upload-complete", json={"uploadKey": "tmp/unknown"}).status_code == 404
    prepared = prepare(client)
    not_sent = client.post(f"{API}/upload-complete", json={"uploadKey": prepared["uploadKey"]})
    assert not_sent.status_code == 400 and "No file" in not_sent.get_json()["message"]
    for body in ({}, {"uploadKey": 5}, {"uploadKey": ""}):
        assert client.post(f"{API}/upload-complete", json=body).status_code == 400
