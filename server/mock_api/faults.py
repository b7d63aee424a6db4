"""What a fault step of a job's timeline makes a status read answer: one table for the three API shapes.

Transport faults look the same whatever API is behind them (a 502 page, an HTML page, a cut-off body). The others
are said by each API in its own error shape: the table gives the HTTP status and the kind of error, and each API
(proxy_api, other_apis) gives `error(status, kind, headers)`, which words that kind its way.
"""

from __future__ import annotations

from flask import Response

HTML_ERROR_PAGE = (
    "<!doctype html><html><head><title>Something went wrong</title></head>"
    "<body><h1>There was a problem loading this website</h1></body></html>"
)

TRANSPORT = {
    "http-502": lambda job: Response(
        HTML_ERROR_PAGE.replace("Something went wrong", "502 Bad Gateway"), 502, mimetype="text/html"
    ),
    "html": lambda job: Response(HTML_ERROR_PAGE, 200, mimetype="text/html"),
    "malformed-json": lambda job: Response(
        f'{{"generationId": "{job.id}", "status": "PROCE', 200, mimetype="application/json"
    ),
}
# fault -> (HTTP status, kind); "not-found" (the job vanished) and anything unnamed answer as not found.
WORDED = {"http-500": (500, "server_error"), "rate-limited": (429, "rate_limited")}
KINDS = ("server_error", "rate_limited", "not_found")


def fault_answer(step: dict, job, error):
    """The answer to a status read that hit a fault step; `error(status, kind, headers)` is the API's own shape."""
    fault = step["fault"]
    if fault in TRANSPORT:
        return TRANSPORT[fault](job)
    status, kind = WORDED.get(fault, (404, "not_found"))
    headers = {"Retry-After": str(step["retryAfter"])} if kind == "rate_limited" else {}
    return error(status, kind, headers)
