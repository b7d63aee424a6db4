"""The app factory: config goes in, and two apps never share state."""

from server import create_app


def test_config_is_applied():
    assert not create_app().testing
    assert create_app({"TESTING": True}).testing


def test_two_apps_do_not_share_jobs():
    first, second = create_app().test_client(), create_app().test_client()
    gen_id = first.post("/_mock/generations", json={"scenario": "success"}).get_json()["generationId"]
    assert first.get(f"/apps/proxy_genlook-x/public/generation/{gen_id}").status_code == 200
    assert second.get(f"/apps/proxy_genlook-x/public/generation/{gen_id}").status_code == 404


def test_mock_overrides_become_the_reset_point():
    app = create_app({"MOCK": {"scenario": "failed"}})
    client = app.test_client()
    client.put("/_mock/config", json={"scenario": "slow"})
    client.post("/_mock/reset", json={})
    assert client.get("/_mock/config").get_json()["scenario"] == "failed"


def test_python_m_server_serves_with_waitress_and_concurrent_requests_stay_consistent():
    """The real entry point: a process, many connections at once, each poll counted exactly once."""
    import json
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    from tests.support.server import running_server

    with running_server(threads=8) as url:
        page = urllib.request.urlopen(url + "/")
        assert page.status == 200 and "<tryon-widget" in page.read().decode()
        request = urllib.request.Request(
            url + "/_mock/generations",
            method="POST",
            data=json.dumps(
                {"timeline": [{"status": "PROCESSING", "polls": 150}, {"status": "COMPLETED", "polls": 1}]}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        gen_id = json.loads(urllib.request.urlopen(request).read())["generationId"]

        def poll(_):
            return json.loads(urllib.request.urlopen(f"{url}/apps/proxy_genlook-x/public/generation/{gen_id}").read())

        with ThreadPoolExecutor(32) as pool:
            statuses = [answer["status"] for answer in pool.map(poll, range(151))]
        assert statuses.count("COMPLETED") == 1 and statuses.count("PROCESSING") == 150
        inspected = json.loads(urllib.request.urlopen(f"{url}/_mock/generations/{gen_id}").read())
        assert inspected["polls"] == 151
