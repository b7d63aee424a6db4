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
    client.post("/_mock/reset")
    assert client.get("/_mock/config").get_json()["scenario"] == "failed"
