"""An OpenAPI 3.1 description of the mock (public proxy API, control API, other seed APIs), for tools and fuzzing."""

from __future__ import annotations

from .proxy_api import PREFIX
from .scenarios import SCENARIOS
from .timeline import FAULTS
from .timeline import STATUSES


def _obj(properties: dict, required: tuple = ()) -> dict:
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


S = {"type": "string"}
ERROR = {"$ref": "#/components/schemas/Error"}
STATUS = {"$ref": "#/components/schemas/GenerationStatus"}


def _json(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


def _op(summary: str, responses: dict, body: dict | None = None, params: list | None = None) -> dict:
    op = {
        "summary": summary,
        "responses": {
            code: {"description": text, **(_json(schema) if schema else {})}
            for code, (text, schema) in responses.items()
        },
    }
    if body is not None:
        op["requestBody"] = {"required": True, **_json(body)}
    if params:
        op["parameters"] = params
    return op


def _path_id(name: str = "id") -> dict:
    return {"name": name, "in": "path", "required": True, "schema": S}


STEP = {
    "oneOf": [
        _obj(
            {
                "status": {"enum": list(STATUSES)},
                "polls": {"type": "integer", "minimum": 1},
                "seconds": {"type": "number", "exclusiveMinimum": 0},
                "errorCode": S,
                "errorMessage": S,
                "resultImageUrl": S,
            },
            ("status",),
        ),
        _obj(
            {
                "fault": {"enum": list(FAULTS)},
                "polls": {"type": "integer", "minimum": 1},
                "seconds": {"type": "number", "exclusiveMinimum": 0},
                "retryAfter": {"type": "integer", "minimum": 0},
                "delayMs": {"type": "integer", "minimum": 0},
            },
            ("fault",),
        ),
    ]
}


CART_ITEM = _obj({"id": {"type": ["integer", "string"]}, "quantity": {"type": ["integer", "string"]}}, ("id",))
CART_ERROR = _obj(
    {"status": {"type": ["integer", "string"]}, "message": S, "description": S}, ("status", "message", "description")
)


def spec() -> dict:
    p = PREFIX
    bad = ("Bad request", ERROR)
    return {
        "openapi": "3.1.0",
        "info": {"title": "tryon-widget mock of the Genlook app proxy", "version": "1.0.0"},
        "components": {
            "schemas": {
                "Error": _obj({"message": S, "code": S}, ("message",)),
                "GenerationStatus": _obj(
                    {
                        "generationId": S,
                        "status": {"enum": list(STATUSES)},
                        "resultImageKey": S,
                        "resultImageUrl": S,
                        "errorMessage": S,
                        "errorCode": S,
                        "createdAt": S,
                        "updatedAt": S,
                    },
                    ("generationId", "status", "createdAt", "updatedAt"),
                ),
            }
        },
        "paths": {
            f"{p}/check-credits": {
                "get": _op(
                    "Can the shop generate?", {"200": ("OK", _obj({"allowed": {"type": "boolean"}}, ("allowed",)))}
                )
            },
            f"{p}/prepare-upload": {
                "post": _op(
                    "Signed upload URL",
                    {"200": ("OK", _obj({"uploadUrl": S, "uploadKey": S})), "429": ("Limited", ERROR)},
                )
            },
            f"{p}/upload-complete": {
                "post": _op(
                    "Finish an upload",
                    {
                        "200": ("OK", _obj({"fileId": S, "fileUrl": S, "message": S})),
                        "400": bad,
                        "404": ("Unknown key", ERROR),
                    },
                    _obj({"uploadKey": S}, ("uploadKey",)),
                )
            },
            f"{p}/fitting-room": {
                "post": _op(
                    "Create a generation",
                    {
                        "200": ("Created, or blocked with code", _obj({"jobId": S, "message": S, "code": S})),
                        "400": bad,
                        "403": ("Blocked", ERROR),
                        "429": ("Blocked", ERROR),
                        "500": ("Blocked: CREATION_FAILED", ERROR),
                    },
                    _obj({"userImageId": S, "productId": S, "variantId": S}, ("userImageId", "productId")),
                )
            },
            f"{p}/generation/{{id}}": {
                "get": _op(
                    "Poll a generation", {"200": ("Status", STATUS), "404": ("Not found", ERROR)}, params=[_path_id()]
                )
            },
            f"{p}/share-generation": {
                "post": _op(
                    "Share link",
                    {
                        "200": ("OK", _obj({"shareToken": S, "shareUrl": S, "expiresAt": S})),
                        "400": bad,
                        "404": ("Not found", ERROR),
                        "429": ("Limited", ERROR),
                    },
                    _obj({"generationId": S, "effectiveDomain": S}, ("generationId",)),
                )
            },
            f"{p}/collect-email": {
                "post": _op(
                    "Collect an email",
                    {"200": ("Recorded or refused", _obj({"success": {"type": "boolean"}, "message": S})), "400": bad},
                    _obj({"email": S, "marketingConsent": {"type": "boolean"}}, ("email",)),
                )
            },
            f"{p}/tracking/events": {
                "post": _op(
                    "Analytics batch",
                    {"200": ("OK", _obj({"success": {"type": "boolean"}})), "400": bad},
                    _obj(
                        {
                            "events": {
                                "type": "array",
                                "minItems": 1,
                                "maxItems": 50,
                                "items": _obj(
                                    {"event": S, "timestamp": S, "$insert_id": S, "properties": {"type": "object"}},
                                    ("event", "timestamp", "$insert_id"),
                                ),
                            },
                            "context": {"type": "object"},
                        },
                        ("events", "context"),
                    ),
                )
            },
            "/cart/add.js": {
                "post": _op(
                    "Shopify Ajax Cart: add variants",
                    {
                        "200": ("Line items ({items}) or one line item ({id, quantity})", {"type": "object"}),
                        "400": ("Bad parameters", CART_ERROR),
                        "404": ("Unknown variant", CART_ERROR),
                        "422": ("Sold out", CART_ERROR),
                    },
                    {
                        "oneOf": [
                            _obj({"items": {"type": "array", "minItems": 1, "items": CART_ITEM}}, ("items",)),
                            CART_ITEM,
                        ]
                    },
                )
            },
            "/cart.js": {
                "get": _op(
                    "Shopify Ajax Cart: this browser's cart",
                    {
                        "200": (
                            "Cart",
                            _obj(
                                {
                                    "token": {"type": ["string", "null"]},
                                    "item_count": {"type": "integer"},
                                    "items": {"type": "array"},
                                    "total_price": {"type": "integer"},
                                },
                                ("item_count", "items"),
                            ),
                        )
                    },
                )
            },
            "/cart/clear.js": {"post": _op("Shopify Ajax Cart: empty the cart", {"200": ("Cart", {"type": "object"})})},
            "/_mock/generations": {
                "post": _op(
                    "Create a scripted job",
                    {"201": ("Created", _obj({"generationId": S, "taskId": S})), "400": bad},
                    _obj(
                        {
                            "scenario": {"enum": list(SCENARIOS)},
                            "timeline": {"type": "array", "items": STEP},
                            "productId": S,
                            "variantId": S,
                            "userImageId": S,
                        }
                    ),
                )
            },
            "/_mock/generations/{id}": {
                "get": _op(
                    "Inspect a job",
                    {"200": ("Job", {"type": "object"}), "404": ("Not found", ERROR)},
                    params=[_path_id()],
                )
            },
            "/_mock/config": {
                "get": _op("Config", {"200": ("Config", {"type": "object"})}),
                "put": _op("Change config", {"200": ("Config", {"type": "object"}), "400": bad}, {"type": "object"}),
            },
            "/_mock/scenarios": {"get": _op("Named scenarios", {"200": ("Scenarios", {"type": "object"})})},
            "/_mock/requests": {"get": _op("Request log", {"200": ("Log", {"type": "object"})})},
            "/_mock/tracking": {"get": _op("Recorded events", {"200": ("Events", {"type": "object"})})},
            "/_mock/emails": {"get": _op("Collected emails", {"200": ("Emails", {"type": "object"})})},
            "/_mock/clock": {
                "post": _op(
                    "Advance the clock",
                    {"200": ("Offset", {"type": "object"}), "400": bad},
                    _obj({"advanceMs": {"type": "integer", "minimum": 0}}, ("advanceMs",)),
                )
            },
            "/_mock/reset": {"post": _op("Reset everything", {"200": ("Reset", {"type": "object"})})},
            "/_mock/usage": {"get": _op("Stored bytes by kind, and jobs", {"200": ("Usage", {"type": "object"})})},
            "/tryon/v1/generations/{id}": {
                "get": _op(
                    "Try-On API v1 status (x-api-key)",
                    {
                        "200": ("Status", STATUS),
                        "401": ("No key", {"type": "object"}),
                        "404": ("Not found", {"type": "object"}),
                    },
                    params=[_path_id(), {"name": "x-api-key", "in": "header", "required": True, "schema": S}],
                )
            },
            "/v1/api/generate": {
                "get": _op(
                    "SellerPic task status (Bearer)",
                    {
                        "200": ("Envelope", {"type": "object"}),
                        "401": ("Unauthorized", {"type": "object"}),
                        "404": ("Not found", {"type": "object"}),
                    },
                    params=[
                        {
                            "name": "id",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "integer", "format": "int64"},
                        },
                        {"name": "Authorization", "in": "header", "required": True, "schema": S},
                    ],
                )
            },
        },
    }
