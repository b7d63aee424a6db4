"""Issue 24: live reload never starves the dev server: a capped number of event streams (the rest are told so at
once), each released when it closes, and only a top-level page listens (frames, the state gallery's included).
And a save builds once."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from server import create_app
from server.devtools import live
from tests.helpers import looks


@pytest.fixture
def live_client():
    app = create_app({"TESTING": True})
    stop = live.init_app(app, streams=2)
    yield app.test_client()
    stop.set()


def open_stream(client):
    response = client.get("/_live/events", buffered=False)
    if response.status_code == 200:
        next(response.response)  # the stream has started: it holds its slot
    return response


def test_streams_past_the_cap_are_refused_at_once_and_a_closed_one_frees_its_slot(live_client):
    first, second = open_stream(live_client), open_stream(live_client)
    assert first.status_code == second.status_code == 200
    third = open_stream(live_client)
    assert third.status_code == 503 and third.get_json()["code"] == "LIVE_STREAMS_BUSY"
    first.close()
    again = open_stream(live_client)
    assert again.status_code == 200
    second.close()
    again.close()


def test_only_a_top_level_page_listens(live_client):
    script = live_client.get("/_live/reload.js").get_data(as_text=True)
    assert script.startswith("if (window === window.top)") and "EventSource" in script


def test_the_cap_follows_the_server_threads():
    assert live.streams_for(16) == 4 and live.streams_for(4) == 1 and live.streams_for(1) == 1


def test_a_save_in_two_writes_builds_and_reloads_once(monkeypatch):
    """A save can be two changes a moment apart (the text, then its time): the live loop built and reloaded the pages
    twice, the first time on a half-saved source, and the second build emptied dist/ under the reloaded page."""
    source = live.ROOT / "widget" / "src" / "a.js"
    half, whole = {source: 1}, {source: 2}
    stop = threading.Event()
    builds = []
    fake = SimpleNamespace(
        snapshot=looks([{}, half, whole], stop),
        BUTTON_SNIPPET=None,
        build=lambda: builds.append(1) or 0,
        changes=live.load_build().changes,
    )
    reloads = live.LiveReload()
    monkeypatch.setattr(live, "load_build", lambda: fake)
    live.watch(reloads, stop, interval=0)
    assert len(builds) == 1 and reloads.version == 1
