"""Concurrent polls on a real threaded server: each poll is counted once and answered consistently."""

import json
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from werkzeug.serving import make_server

from server import create_app

from .helpers import API


def test_concurrent_polls_each_count_once():
    app = create_app()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        client = app.test_client()
        gen_id = client.post(
            "/_mock/generations",
            json={
                "timeline": [
                    {"status": "PENDING", "polls": 40},
                    {"status": "PROCESSING", "polls": 40},
                    {"status": "COMPLETED", "polls": 1},
                ]
            },
        ).get_json()["generationId"]

        def poll(_):
            with urllib.request.urlopen(f"{base}{API}/generation/{gen_id}") as response:
                return json.load(response)["status"]

        with ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(pool.map(poll, range(120)))
        assert answers.count("PENDING") == 40
        assert answers.count("PROCESSING") == 40
        assert answers.count("COMPLETED") == 40
        assert client.get(f"/_mock/generations/{gen_id}").get_json()["polls"] == 120
    finally:
        server.shutdown()


def test_a_request_in_flight_during_reset_is_not_logged_after_it():
    app = create_app()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = app.test_client()
        gen_id = client.post(
            "/_mock/generations", json={"timeline": [{"fault": "slow", "polls": 1, "delayMs": 400}]}
        ).get_json()["generationId"]
        slow = threading.Thread(
            target=lambda: urllib.request.urlopen(
                f"http://127.0.0.1:{server.server_port}{API}/generation/{gen_id}"
            ).read()
        )
        slow.start()
        while not client.get(f"/_mock/generations/{gen_id}").get_json()["polls"]:
            pass
        client.post("/_mock/reset", json={})
        slow.join()
        assert client.get("/_mock/requests").get_json()["requests"] == []
    finally:
        server.shutdown()
