"""Every mock endpoint fuzzed from its OpenAPI description (hypothesis), the pages, and the proxy signature check.

Each example runs on a fresh app with one scripted job in it; the mock must answer every request with a JSON
status below 500 (no HTML error page, no crash), and the job must still answer as scripted afterwards. The
strategies draw what broke the mock once (issue 15): digits that are not ASCII ('²', '①', '٩', '５'), numbers
that are not finite, huge and deeply nested bodies, and odd Host, Origin and Content-Type headers.
"""

from __future__ import annotations

import json
import re
import string
from urllib.parse import quote
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from server import create_app
from server.mock_api.openapi import spec
from server.mock_api.signature import compute_signature
from server.mock_api.signature import verify
from server.store import liquid_block

from .helpers import API

# Endpoints that rewind or wipe the mock on purpose; fuzzed separately for their input checks.
STATEFUL = {("post", "/_mock/reset"), ("post", "/_mock/clock")}
SPEC = spec()
OPERATIONS = sorted((method, path) for path, item in SPEC["paths"].items() for method in item)

# Strings that str.isdigit() or float() take but that are not ASCII whole numbers.
ODD_NUMBERS = st.sampled_from(
    ["²", "③", "①", "٩٠٠١", "５", "1e999", "-1e999", "inf", "-inf", "NaN", "1_000", " 7", "0x1f", "9" * 40, "-0", "1.5"]
) | st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=6)
NON_FINITE = st.sampled_from(["inf", "-inf", "Infinity", "1e999", "-1e999", "nan"])
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | ODD_NUMBERS
)
any_json = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def from_schema(schema: dict) -> st.SearchStrategy:
    """Values that mostly fit `schema`, often with a wrong type or an odd value somewhere inside."""
    if "$ref" in schema:
        return from_schema(SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]])
    if "oneOf" in schema:
        return st.one_of([from_schema(option) for option in schema["oneOf"]])
    if "enum" in schema:
        fitting = st.sampled_from(schema["enum"])
    else:
        kind = schema.get("type")
        kind = kind[0] if isinstance(kind, list) else kind
        if kind == "object":
            props = schema.get("properties", {})
            required = {name: from_schema(props[name]) for name in schema.get("required", [])}
            optional = {name: from_schema(sub) for name, sub in props.items() if name not in required}
            fitting = st.fixed_dictionaries(required, optional=optional)
        elif kind == "array":
            fitting = st.lists(from_schema(schema.get("items", {})), max_size=schema.get("maxItems", 5) + 1)
        elif kind == "integer":
            fitting = st.integers(-5, 10**12)
        elif kind == "number":
            fitting = st.floats(allow_nan=False, allow_infinity=False)
        elif kind == "boolean":
            fitting = st.booleans()
        elif kind == "string":
            fitting = (
                st.text(max_size=60)
                | ODD_NUMBERS
                | st.sampled_from(
                    [
                        "",
                        "gid://shopify/Product/1",
                        "9001",
                        "a@b.co",
                        "../../etc",
                        "<script>x</script>",
                        "\u0000",
                        "x" * 600,
                    ]
                )
            )
        else:
            return any_json
    return st.one_of(fitting, fitting, any_json)


def request_for(method: str, path: str, operation: dict) -> st.SearchStrategy:
    """(url, kwargs for the test client) from the operation's parameters and body schema."""
    names = re.findall(r"\{(\w+)\}", path)
    segments = st.text(string.printable + "é✓", min_size=1, max_size=30) | st.sampled_from(["gen_missing", "9" * 30])
    body_schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    body = from_schema(body_schema) if body_schema else any_json
    query = st.lists(st.tuples(st.text(max_size=10), st.text(max_size=20) | ODD_NUMBERS), max_size=4)
    raw = st.binary(max_size=200) | ODD_BODIES
    kinds = st.sampled_from(["json", "json", "json", "raw", "form", "none"])

    @st.composite
    def build(draw):
        url = path
        for name in names:
            url = url.replace("{" + name + "}", quote(draw(segments), safe=""))
        pairs = draw(query)
        if pairs:
            url += "?" + urlencode(pairs)
        headers = {
            name: draw(st.text(string.ascii_letters + string.digits + " ", max_size=40))
            for name in ("x-api-key", "Authorization", "X-Forwarded-For")
            if draw(st.booleans())
        }
        headers |= draw(odd_headers)
        kind = draw(kinds)
        if kind == "json":
            return url, {"data": json.dumps(draw(body)), "content_type": "application/json", "headers": headers}
        if kind == "raw":
            return url, {
                "data": draw(raw),
                "content_type": draw(
                    st.sampled_from(["application/json", "text/plain", "application/octet-stream", ""])
                ),
                "headers": headers,
            }
        if kind == "form":
            return url, {"data": dict(draw(query)), "headers": headers}
        return url, {"headers": headers}

    return build()


# Bodies no JSON parser should choke on: non-finite literals, deep nesting, and one far past every size limit.
ODD_BODIES = st.sampled_from(
    [
        b'{"advanceMs": Infinity}',
        b'{"advanceMs": 1e999}',
        b'{"id": NaN}',
        b"-Infinity",
        b"[" * 50_000 + b"]" * 50_000,
        b'{"a":' * 20_000 + b"1" + b"}" * 20_000,
        b'{"events": [], "context": {"x": "' + b"x" * 1_100_000 + b'"}}',
    ]
)
# Headers a hostile page or client sends: foreign and malformed hosts, foreign origins, odd content types.
HOSTS = st.sampled_from(
    [
        "attacker.example",
        "localhost:5000",
        "127.0.0.1",
        "[::1]:80",
        "a" * 300,
        "",
        "x:y:z",
        "shop.localhost",
        "127.0.0.1.nip.io",
    ]
)
ORIGINS = st.sampled_from(
    [
        "null",
        "https://attacker.example",
        "http://localhost:5000",
        "not a url",
        "file://",
        # IP literals: loopback is ours, another machine's address is not (issue 24).
        "http://203.0.113.7",
        "http://127.0.0.1:5000",
        "http://[::1]",
        "http://10.1.2.3:5000",
    ]
)
TYPES = st.sampled_from(
    [
        "text/plain",
        "application/json; charset=utf-16",
        "multipart/form-data",
        "application/x-www-form-urlencoded",
        "*/*",
    ]
)
odd_headers = st.fixed_dictionaries({}, optional={"Host": HOSTS, "Origin": ORIGINS, "Content-Type": TYPES})


def fresh():
    app = create_app({"TESTING": True})
    client = app.test_client()
    gen_id = client.post(
        "/_mock/generations",
        json={"timeline": [{"status": "PROCESSING", "polls": 1}, {"status": "COMPLETED", "polls": 1}]},
    ).get_json()["generationId"]
    return app, client, gen_id


def check_answer(response) -> None:
    assert response.status_code < 500, (response.status_code, response.get_data(as_text=True)[:300])
    if response.status_code != 204:
        assert response.mimetype == "application/json", response.get_data(as_text=True)[:200]
        json.loads(response.get_data(as_text=True))


def check_state_intact(client, gen_id: str) -> None:
    config = client.get("/_mock/config")
    assert config.status_code == 200
    if config.get_json()["proxySecret"] or config.get_json()["faults"]:
        return  # a valid config change may legitimately refuse or fault what follows
    first = client.get(f"{API}/generation/{gen_id}")
    check_answer(first)
    assert first.status_code == 200 and first.get_json()["status"] in ("PROCESSING", "COMPLETED")


@pytest.mark.parametrize(
    ("method", "path"),
    [op for op in OPERATIONS if op not in STATEFUL],
    ids=[f"{m.upper()} {p}" for m, p in OPERATIONS if (m, p) not in STATEFUL],
)
def test_fuzzed_requests_never_500_and_leave_the_state_intact(method, path):
    operation = SPEC["paths"][path][method]

    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(request_for(method, path, operation))
    def run(request):
        url, kwargs = request
        app, client, gen_id = fresh()
        check_answer(client.open(url, method=method.upper(), **kwargs))
        check_state_intact(client, gen_id)

    run()


PAGES = [
    "/",
    "/products/linen-overshirt",
    "/products/nope",
    "/strict/",
    "/preview/",
    "/preview/frame",
    "/preview/states",
    "/preview/state/completed",
    "/preview/state/nope",
    "/assets/tryon-widget.js",
    "/src/x.js",
]


with create_app().app_context():
    # Every setting of the block (the preview takes each as a query parameter), and the pages' own parameters.
    SETTING_NAMES = [s["id"] for s in liquid_block.schema()["settings"] if "id" in s] + ["locale", "widget"]


@pytest.mark.parametrize("page", PAGES)
def test_fuzzed_pages_never_500(page):
    """The HTML pages (product, preview, gallery) take any query string and header without a server error."""
    app, client, gen_id = fresh()
    values = NON_FINITE | ODD_NUMBERS | st.text(max_size=12)

    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.sampled_from(SETTING_NAMES), values), max_size=5), odd_headers)
    def run(pairs, headers):
        response = client.get(page + ("?" + urlencode(pairs) if pairs else ""), headers=headers)
        assert response.status_code < 500, (page, pairs, headers, response.status_code)

    run()


@settings(deadline=None)
@given(body=any_json)
def test_reset_and_clock_check_their_input(body):
    app, client, gen_id = fresh()
    check_answer(client.post("/_mock/clock", json=body))
    check_answer(client.post("/_mock/reset", data=json.dumps(body), content_type="application/json"))


# --- The Shopify app-proxy signature -------------------------------------------------------------------------

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
extra_pairs = st.lists(st.tuples(text.filter(lambda k: k not in ("signature", "timestamp")), text), max_size=6)
SECRET = "hush"
NOW = 1_800_000_000


def proxy_pairs(extra, timestamp=NOW):
    return [
        ("shop", "s.myshopify.com"),
        ("path_prefix", "/apps/proxy_genlook-x"),
        ("timestamp", str(timestamp)),
        ("logged_in_customer_id", ""),
        *extra,
    ]


@settings(deadline=None)
@given(extra_pairs, st.randoms())
def test_a_signed_query_verifies_in_any_order(extra, rng):
    pairs = proxy_pairs(extra)
    signed = [*pairs, ("signature", compute_signature(pairs, SECRET))]
    rng.shuffle(signed)
    # Repeated keys are joined in the order given, so only the order of distinct keys is free.
    grouped_order_kept = [p for p in signed if p[0] != "signature"]
    if compute_signature(grouped_order_kept, SECRET) == compute_signature(pairs, SECRET):
        assert verify(signed, SECRET, NOW, 90) is None


@settings(deadline=None)
@given(extra_pairs, text, st.sampled_from(["value", "add", "drop", "key"]))
def test_any_tampering_is_refused(extra, junk, how):
    pairs = proxy_pairs(extra)
    signature = compute_signature(pairs, SECRET)
    if how == "value":
        changed = [(k, v + junk + "x") if k == "shop" else (k, v) for k, v in pairs]
    elif how == "add":
        changed = [*pairs, ("z" + junk, "1")]
    elif how == "drop":
        changed = [p for p in pairs if p[0] != "shop"] + [("shop", "other.myshopify.com")]
    else:
        changed = [("customer" if k == "logged_in_customer_id" else k, v) for k, v in pairs]
    assert verify([*changed, ("signature", signature)], SECRET, NOW, 90) is not None


@settings(deadline=None)
@given(extra_pairs, st.integers(-(10**12), 10**12), text)
def test_stale_forged_or_repeated_signatures_are_refused(extra, skew, forged):
    stamp = NOW + skew
    pairs = proxy_pairs(extra, stamp)
    signature = compute_signature(pairs, SECRET)
    outcome = verify([*pairs, ("signature", signature)], SECRET, NOW, 90)
    if stamp < 0:
        assert outcome == "bad timestamp"
    else:
        assert (outcome is None) == (abs(skew) <= 90)
    assert verify([*pairs, ("signature", forged)], SECRET, NOW, 90) is not None or forged == signature
    assert verify([*pairs, ("signature", signature), ("signature", signature)], SECRET, NOW, 90) == "repeated signature"


@settings(deadline=None)
@given(st.lists(st.tuples(text, text), max_size=8))
def test_the_mock_refuses_unsigned_or_garbage_queries_with_401_json(pairs):
    app, client, gen_id = fresh()
    client.put("/_mock/config", json={"proxySecret": SECRET})
    response = client.get(f"{API}/check-credits?" + urlencode(pairs))
    check_answer(response)
    assert response.status_code == 401
