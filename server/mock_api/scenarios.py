"""Named scenarios: ready-made timelines (and blocked creations) for previews and tests."""

from __future__ import annotations

PRODUCT_IMAGE_MESSAGE = (
    "Failed to fetch product image 'https://cdn.example.com/missing.jpg': getaddrinfo ENOTFOUND cdn.example.com"
)

# Each entry: a one-line description, and either a timeline or the `code` that blocks creation.
SCENARIOS: dict[str, dict] = {
    "success": {
        "description": "PENDING for 1 poll, PROCESSING for 2, then COMPLETED with a result image.",
        "timeline": [
            {"status": "PENDING", "polls": 1},
            {"status": "PROCESSING", "polls": 2},
            {"status": "COMPLETED", "polls": 1},
        ],
    },
    "instant": {
        "description": "COMPLETED on the first poll.",
        "timeline": [{"status": "COMPLETED", "polls": 1}],
    },
    "slow": {
        "description": "About 20 s by the clock like a real generation: PENDING 2 s, PROCESSING 18 s, COMPLETED.",
        "timeline": [
            {"status": "PENDING", "seconds": 2},
            {"status": "PROCESSING", "seconds": 18},
            {"status": "COMPLETED", "polls": 1},
        ],
    },
    "failed": {
        "description": "PENDING, PROCESSING, then FAILED with errorCode PRODUCT_IMAGE_FETCH_FAILED.",
        "timeline": [
            {"status": "PENDING", "polls": 1},
            {"status": "PROCESSING", "polls": 1},
            {
                "status": "FAILED",
                "polls": 1,
                "errorCode": "PRODUCT_IMAGE_FETCH_FAILED",
                "errorMessage": PRODUCT_IMAGE_MESSAGE,
            },
        ],
    },
    "failed-untyped": {
        "description": "FAILED with an errorMessage and no errorCode (an untyped internal failure).",
        "timeline": [
            {"status": "PENDING", "polls": 1},
            {"status": "FAILED", "polls": 1, "errorMessage": "The AI pipeline returned an unrecoverable error."},
        ],
    },
    "stuck": {
        "description": "PENDING for 1 poll, then PROCESSING forever (tests the 60-attempt timeout).",
        "timeline": [{"status": "PENDING", "polls": 1}, {"status": "PROCESSING", "polls": 1}],
    },
    "flaky": {
        "description": "A 502, an HTML page and a malformed body between the statuses, then COMPLETED.",
        "timeline": [
            {"status": "PENDING", "polls": 1},
            {"fault": "http-502", "polls": 1},
            {"fault": "html", "polls": 1},
            {"fault": "malformed-json", "polls": 1},
            {"status": "PROCESSING", "polls": 1},
            {"status": "COMPLETED", "polls": 1},
        ],
    },
    "rate-limited": {
        "description": "Status polls answered 429 with Retry-After: 3 twice, then PROCESSING and COMPLETED.",
        "timeline": [
            {"status": "PENDING", "polls": 1},
            {"fault": "rate-limited", "polls": 2, "retryAfter": 3},
            {"status": "PROCESSING", "polls": 1},
            {"status": "COMPLETED", "polls": 1},
        ],
    },
    "not-found": {
        "description": "Every status poll answers 404 Generation not found (an expired or foreign id).",
        "timeline": [{"fault": "not-found", "polls": 1}],
    },
    "quota-exceeded": {
        "description": "POST /fitting-room is blocked with code QUOTA_EXCEEDED.",
        "code": "QUOTA_EXCEEDED",
    },
    "rate-limit-exceeded": {
        "description": "POST /fitting-room is blocked with code RATE_LIMIT_EXCEEDED.",
        "code": "RATE_LIMIT_EXCEEDED",
    },
    "billing-not-allowed": {
        "description": "POST /fitting-room is blocked with code BILLING_NOT_ALLOWED.",
        "code": "BILLING_NOT_ALLOWED",
    },
    "creation-failed": {
        "description": "POST /fitting-room is blocked with code CREATION_FAILED.",
        "code": "CREATION_FAILED",
    },
}

BLOCK_MESSAGES = {
    "QUOTA_EXCEEDED": "This store has used its try-on quota.",
    "RATE_LIMIT_EXCEEDED": "Too many try-ons. Please try again later.",
    "BILLING_NOT_ALLOWED": "Try-on is not available for this store right now.",
    "CREATION_FAILED": "The try-on could not be started.",
}

# HTTP status of a blocked creation when the mock answers blocks with a status (blockedForm "status").
BLOCK_STATUS = {
    "QUOTA_EXCEEDED": 403,
    "RATE_LIMIT_EXCEEDED": 429,
    "BILLING_NOT_ALLOWED": 403,
    "CREATION_FAILED": 500,
}
