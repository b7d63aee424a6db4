"""Handles on the mock: in process (Mock, for tests that share the live server's app) and over HTTP (control, for a
server in another process: the benchmarks)."""

from __future__ import annotations

import json
import urllib.request

from .waiting import wait_for


def unlimited(limit: int = 10_000) -> dict:
    """Rate limits no test or benchmark reaches (one address drives many uploads); the limits have their own tests."""
    return {
        name: {"limit": limit, "windowSeconds": 60} for name in ("upload", "fittingRoom", "share", "tracking", "email")
    }


def control(url: str, method: str, path: str, body: dict | None = None) -> dict:
    """Call the control API (`/_mock/<path>`) of the server at `url`; its JSON answer."""
    data = None if body is None and method == "GET" else json.dumps(body or {}).encode()
    request = urllib.request.Request(
        url + "/_mock" + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


class Mock:
    """Test-side handle on the live mock: config, scripted jobs and the request log."""

    def __init__(self, app):
        self.app = app
        self.state = app.extensions["tryon_mock"]
        self.http = app.test_client()

    def config(self, **changes):
        response = self.http.put("/_mock/config", json=changes)
        assert response.status_code == 200, response.get_json()

    def generation(self, scenario=None, timeline=None) -> str:
        body = {"scenario": scenario} if scenario else {"timeline": timeline}
        response = self.http.post("/_mock/generations", json=body)
        assert response.status_code == 201, response.get_json()
        return response.get_json()["generationId"]

    def requests(self, contains: str = "", method: str | None = None) -> list[dict]:
        return [
            r
            for r in self.state.records("requests")
            if contains in r["path"] and (method is None or r["method"] == method)
        ]

    def status_polls(self, generation_id: str = "") -> list[dict]:
        """Status polls through the proxy API, of one generation when its id is given."""
        return self.requests(f"/public/generation/{generation_id}", "GET")

    def tracked(self) -> list[dict]:
        """Every analytics event the mock recorded, in arrival order."""
        return [event for batch in self.state.records("tracking") for event in batch["events"]]

    def batches(self) -> list[dict]:
        return self.state.records("tracking")

    def wait_for_events(self, count: int, timeout: float = 10) -> list[dict]:
        """Block until the mock has recorded `count` analytics events; return them."""
        return wait_for(
            lambda: len(self.tracked()) >= count and self.tracked(),
            timeout,
            lambda: f"{count} events, saw {[e['event'] for e in self.tracked()]}",
        )

    def wait_for_requests(self, count: int, contains: str = "/public/generation/", timeout: float = 10) -> None:
        """Block until the mock has answered `count` matching requests (server-side, no page sleeps)."""
        wait_for(
            lambda: len(self.requests(contains)) >= count,
            timeout,
            lambda: f"{count} requests to {contains}, saw {len(self.requests(contains))}",
        )
