"""A dev server that a page on another site cannot drive, as Vite and webpack-dev-server guard theirs.

- Host: only our own names are answered (421 otherwise), so a DNS-rebound name never reaches the mock and no
  URL is ever built from a foreign Host. IP literals, `localhost` and `*.localhost` are always ours (rebinding
  needs a domain name); other names only through ALLOWED_HOSTS (`python -m server --allowed-host NAME`).
- Origin: a request that changes state (any method but GET, HEAD, OPTIONS) from a page on a foreign origin is
  refused (403). Ours: the request's own origin (the address it was sent to, so a phone on the LAN works), our
  names, and of IP addresses only loopback and the allowed ones: any other IP is another machine's page.
  The control API takes only `Content-Type: application/json`, which no page on another site can send
  without a preflight the mock never grants.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from flask import Flask
from flask import current_app
from flask import jsonify
from flask import request

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def hostname(host: str) -> str:
    """The name part of a Host header value or netloc: 'localhost:5000' -> 'localhost', '[::1]:80' -> '::1'."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_own_host(name: str) -> bool:
    allowed = current_app.config["ALLOWED_HOSTS"]
    if "*" in allowed or name in allowed or name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def ip_address(name: str):
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


def foreign_origin() -> bool:
    """A request from a page whose origin is not ours ('null' included): see the module's docstring."""
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    netloc = urlsplit(origin).netloc.lower()
    if netloc and netloc == request.host.lower():
        return False
    name = hostname(netloc)
    address = ip_address(name)
    if address is not None:
        allowed = current_app.config["ALLOWED_HOSTS"]
        return not (address.is_loopback or name in allowed or "*" in allowed)
    return not netloc or not is_own_host(name)


def init_app(app: Flask) -> None:
    @app.before_request
    def guard():
        if not is_own_host(hostname(request.host)):
            message = (
                f"Host {request.host!r} is not served here; start the server with "
                f"--allowed-host {hostname(request.host)} to allow it"
            )
            return jsonify({"message": message, "code": "HOST_NOT_ALLOWED"}), 421
        if request.method in SAFE_METHODS:
            return None
        if foreign_origin():
            return jsonify(
                {"message": "Requests that change state are refused from another site's page", "code": "FOREIGN_ORIGIN"}
            ), 403
        if request.path.startswith("/_mock/") and request.mimetype != "application/json":
            return jsonify(
                {"message": "The control API takes Content-Type: application/json", "code": "JSON_ONLY"}
            ), 403
        return None
