"""The mock store's Shopify Ajax Cart API (/cart/add.js, /cart.js) and scripted faults on any path."""

from __future__ import annotations

import pytest


def test_add_by_items_then_read_the_cart(client):
    answer = client.post("/cart/add.js", json={"items": [{"id": 9001, "quantity": 2}]})
    assert answer.status_code == 200
    (item,) = answer.get_json()["items"]
    assert (item["variant_id"], item["product_id"], item["quantity"]) == (9001, 8001, 2)
    assert item["title"] == "Linen Overshirt - Terracotta / S" and item["line_price"] == 2 * 7900
    # The single-item form answers the line item itself; the same variant adds up.
    again = client.post("/cart/add.js", json={"id": "9001", "quantity": 1}).get_json()
    assert again["quantity"] == 3 and again["key"] == item["key"]
    client.post("/cart/add.js", data={"id": "9002"})
    cart = client.get("/cart.js").get_json()
    assert cart["item_count"] == 4 and cart["total_price"] == 4 * 7900
    assert [(i["variant_id"], i["quantity"]) for i in cart["items"]] == [(9001, 3), (9002, 1)]


def test_each_browser_has_its_own_cart(app, client):
    client.post("/cart/add.js", json={"items": [{"id": 9001}]})
    other = app.test_client()
    assert other.get("/cart.js").get_json()["item_count"] == 0
    assert client.get("/cart.js").get_json()["item_count"] == 1
    assert client.post("/cart/clear.js").get_json()["item_count"] == 0


def test_sold_out_and_unknown_variants_answer_shopifys_errors(client):
    sold_out = client.post("/cart/add.js", json={"items": [{"id": 9003}]})
    assert sold_out.status_code == 422
    assert sold_out.get_json() == {
        "status": 422,
        "message": "Cart Error",
        "description": "The product 'Linen Overshirt - Sage / M' is already sold out.",
    }
    unknown = client.post("/cart/add.js", json={"items": [{"id": 1}]})
    assert unknown.status_code == 404 and unknown.get_json()["description"] == "Cannot find variant"
    assert client.get("/cart.js").get_json()["item_count"] == 0, "nothing added by a refused request"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"items": []},
        {"items": "9001"},
        {"items": [9001]},
        {"items": [{"id": "x"}]},
        {"items": [{"id": 9001, "quantity": 0}]},
        {"items": [{"id": True}]},
        {"items": [{"id": 9001, "quantity": -1}]},
        [1, 2],
    ],
)
def test_bad_add_requests_answer_400_json(client, body):
    answer = client.post("/cart/add.js", json=body)
    assert answer.status_code == 400
    assert answer.get_json()["status"] == "bad_request" and "Required parameter" in answer.get_json()["description"]


def test_faults_answer_any_path_until_cleared(client):
    assert client.put("/_mock/config", json={"faults": {"/cart/add.js": 503, "/cart.js": 429}}).status_code == 200
    answer = client.post("/cart/add.js", json={"id": 9001})
    assert answer.status_code == 503 and answer.get_json() == {"message": "Mock fault: HTTP 503"}
    limited = client.get("/cart.js")
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "1"
    assert client.get("/_mock/config").status_code == 200, "the control API is never faulted"
    client.put("/_mock/config", json={"faults": {}})
    assert client.post("/cart/add.js", json={"id": 9001}).status_code == 200


@pytest.mark.parametrize(
    "faults", [[], {"cart": 500}, {"/cart.js": 200}, {"/cart.js": "500"}, {"/_mock/config": 500}, {"/cart.js": 600}]
)
def test_bad_faults_are_refused(client, faults):
    answer = client.put("/_mock/config", json={"faults": faults})
    assert answer.status_code == 400 and "faults" in answer.get_json()["message"]
