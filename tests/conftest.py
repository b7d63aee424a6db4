"""Fixtures for server tests: an isolated app per test and its test client."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from server import create_app

from .helpers import API
from .helpers import jpeg_bytes

# Fuzzing: the same examples on every run by default (CI stays reproducible); HYPOTHESIS_PROFILE=explore
# draws new ones, ten times as many.
settings.register_profile("repeatable", max_examples=60, derandomize=True, database=None)
settings.register_profile("explore", max_examples=600, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture
def app():
    """A fresh app; nothing is shared with any other test."""
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    """Flask's test client for the app."""
    return app.test_client()


@pytest.fixture
def state(app):
    """The app's mock state (jobs, uploads, config, clock)."""
    return app.extensions["tryon_mock"]


@pytest.fixture
def upload(client):
    """Run the three-step upload with `data` (a small JPEG by default); return the upload-complete JSON."""

    def run(data: bytes | None = None):
        prepared = client.post(f"{API}/prepare-upload").get_json()
        url = prepared["uploadUrl"].split("://", 1)[1].split("/", 1)[1]
        put = client.put(
            "/" + url, data=jpeg_bytes() if data is None else data, content_type="application/octet-stream"
        )
        assert put.status_code == 200, put.get_json()
        done = client.post(f"{API}/upload-complete", json={"uploadKey": prepared["uploadKey"]})
        assert done.status_code == 200, done.get_json()
        return done.get_json()

    return run
