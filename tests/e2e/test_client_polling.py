"""The headless client's polling engine in a real browser, against the mock, on Playwright's clock."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .client_harness import events
from .client_harness import outcome
from .client_harness import start
from .client_harness import wait_until


def test_sixty_attempts_take_two_minutes_and_exactly_sixty_requests(client_page: Page, mock) -> None:
    gen_id = mock.generation("stuck")
    start_time = client_page.evaluate("Date.now()")
    start(client_page, gen_id)
    for n in range(1, 61):
        events(client_page, n)
        client_page.clock.run_for(2000)
    result = outcome(client_page)
    assert result["name"] == "GenerationTimeoutError" and result["attempts"] == 60 and result["isTryOn"]
    assert client_page.evaluate("Date.now()") - start_time == 120_000
    assert len(mock.status_polls()) == 60
    client_page.clock.run_for(60_000)
    assert len(mock.status_polls()) == 60


def test_next_poll_is_an_interval_after_the_answer_and_none_after_completed(client_page: Page, mock) -> None:
    gen_id = mock.generation("success")
    start(client_page, gen_id)
    assert events(client_page, 1) == ["PENDING"]
    client_page.clock.run_for(1999)
    assert len(mock.status_polls()) == 1
    client_page.clock.run_for(1)
    assert events(client_page, 2) == ["PENDING", "PROCESSING"]
    for n in (3, 4):
        client_page.clock.run_for(2000)
        events(client_page, n)
    result = outcome(client_page)
    assert result["ok"] and result["value"]["status"] == "COMPLETED"
    assert result["value"]["resultImageUrl"].startswith("http://")
    client_page.clock.run_for(120_000)
    assert len(mock.status_polls()) == 4


def test_at_most_one_request_in_flight(page: Page, mock) -> None:
    page.goto("/")
    gen_id = mock.generation(
        timeline=[
            {"status": "PENDING", "polls": 1},
            {"fault": "slow", "polls": 3, "delayMs": 150},
            {"status": "COMPLETED", "polls": 1},
        ]
    )
    result = page.evaluate(
        """async (id) => {
      let inFlight = 0, most = 0; const gaps = []; let lastEnd = null;
      const fetchTracking = async (...args) => {
        if (lastEnd !== null) gaps.push(performance.now() - lastEnd);
        inFlight += 1; most = Math.max(most, inFlight);
        try { const r = await fetch(...args); await r.clone().text(); return r; }
        finally { inFlight -= 1; lastEnd = performance.now(); }
      };
      const done = await TryOn.createClient({ fetch: fetchTracking }).waitForGeneration(id, { pollIntervalMs: 50 });
      return { most, gaps, status: done.status };
    }""",
        gen_id,
    )
    # The answers (150 ms) are slower than the interval (50 ms): the next poll leaves when the answer is in.
    assert result["status"] == "COMPLETED" and result["most"] == 1
    assert len(result["gaps"]) == 4


def test_polls_keep_a_steady_cadence_when_answers_are_slow(client_page: Page, mock) -> None:
    """Each poll starts an interval after the previous one started, not an interval after its answer: 300 ms
    answers do not stretch a 2 s cadence to 2.3 s (the clock moves the answers too, so this is exact)."""
    client_page.evaluate(
        """() => { window.starts = []; window.done = null;
      const slowFetch = () => { window.starts.push(Date.now()); const n = window.starts.length;
        const body = { generationId: 'g', status: n < 4 ? 'PROCESSING' : 'COMPLETED', resultImageUrl: 'https://x.example/r.jpg' };
        return new Promise((resolve) => setTimeout(() => resolve(new Response(JSON.stringify(body),
          { headers: { 'Content-Type': 'application/json' } })), 300)); };
      TryOn.createClient({ fetch: slowFetch }).waitForGeneration('g', { pollIntervalMs: 2000 })
        .then((value) => { window.done = value.status; }); }"""
    )
    wait_until(client_page, "window.starts.length === 1")
    for count in (2, 3, 4):
        client_page.clock.run_for(300)
        assert client_page.evaluate("window.starts.length") == count - 1
        client_page.clock.run_for(1700)
        wait_until(client_page, f"window.starts.length === {count}")
    client_page.clock.run_for(300)
    wait_until(client_page, "window.done === 'COMPLETED'")
    starts = client_page.evaluate("window.starts")
    assert [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)] == [2000, 2000, 2000]


def test_timeout_ms_bounds_the_wait(client_page: Page, mock) -> None:
    start(client_page, mock.generation("stuck"), {"timeoutMs": 9000})
    for n in range(1, 6):
        events(client_page, n)
        client_page.clock.run_for(2000)
    result = outcome(client_page)
    assert result["name"] == "GenerationTimeoutError"
    assert len(mock.status_polls()) == 5


def test_failed_rejects_with_code_and_message(client_page: Page, mock) -> None:
    mock.config(proxyErrorCode=True)
    start(client_page, mock.generation("failed"))
    for n in (1, 2):
        events(client_page, n)
        client_page.clock.run_for(2000)
    result = outcome(client_page)
    assert result["name"] == "GenerationFailedError"
    assert result["code"] == "PRODUCT_IMAGE_FETCH_FAILED"
    assert result["message"].startswith("Failed to fetch product image")
    client_page.clock.run_for(60_000)
    assert len(mock.status_polls()) == 3


def test_abort_during_the_wait_stops_at_once(client_page: Page, mock) -> None:
    start(client_page, mock.generation("stuck"))
    events(client_page, 1)
    client_page.evaluate("window.controller.abort(new Error('closed by shopper'))")
    result = outcome(client_page)
    assert result["message"] == "closed by shopper"
    client_page.clock.run_for(60_000)
    assert len(mock.status_polls()) == 1


def test_already_aborted_signal_makes_no_request(client_page: Page, mock) -> None:
    start(client_page, mock.generation("success"), {"abortFirst": True})
    result = outcome(client_page)
    assert result["ok"] is False and result["message"] == "stopped before start"
    assert client_page.evaluate("window.sent") == 0 and mock.status_polls() == []


def test_flaky_answers_are_retried_with_backoff(client_page: Page, mock) -> None:
    start(client_page, mock.generation("flaky"))
    assert events(client_page, 1) == ["PENDING"]
    client_page.clock.run_for(2000)
    assert events(client_page, 2)[-1] == "retry:502"
    # First retry: 2 s doubled 0 times, plus up to 25 % jitter.
    client_page.clock.run_for(1999)
    assert len(mock.status_polls()) == 2
    client_page.clock.run_for(501)
    assert events(client_page, 3)[-1] == "retry:BAD_RESPONSE"
    # Second retry: 4-5 s.
    client_page.clock.run_for(3999)
    assert len(mock.status_polls()) == 3
    client_page.clock.run_for(1001)
    assert events(client_page, 4)[-1] == "retry:BAD_RESPONSE"
    client_page.clock.run_for(10_000)
    assert events(client_page, 5)[-1] == "PROCESSING"
    client_page.clock.run_for(2000)
    assert outcome(client_page)["ok"]
    assert len(mock.status_polls()) == 6


def test_429_waits_for_retry_after(client_page: Page, mock) -> None:
    start(
        client_page,
        mock.generation(
            timeline=[
                {"status": "PENDING", "polls": 1},
                {"fault": "rate-limited", "polls": 1, "retryAfter": 7},
                {"status": "COMPLETED", "polls": 1},
            ]
        ),
    )
    events(client_page, 1)
    client_page.clock.run_for(2000)
    assert events(client_page, 2)[-1] == "retry:429"
    client_page.clock.run_for(6999)
    assert len(mock.status_polls()) == 2
    client_page.clock.run_for(1)
    assert outcome(client_page)["ok"]


def test_http_500_and_network_errors_are_retried(client_page: Page, mock) -> None:
    gen_id = mock.generation(timeline=[{"fault": "http-500", "polls": 1}, {"status": "COMPLETED", "polls": 1}])
    cut = {"done": False}

    def cut_once(route):
        if not cut["done"]:
            cut["done"] = True
            return route.abort("connectionreset")
        return route.continue_()

    client_page.route("**/public/generation/**", cut_once)
    start(client_page, gen_id)
    assert events(client_page, 1) == ["retry:NETWORK_ERROR"]
    client_page.clock.run_for(2500)
    assert events(client_page, 2)[-1] == "retry:500"
    client_page.clock.run_for(5000)
    assert outcome(client_page)["ok"]


def test_404_ends_with_not_found_and_other_4xx_with_api_error(client_page: Page, mock) -> None:
    start(client_page, mock.generation("not-found"))
    result = outcome(client_page)
    assert result["name"] == "GenerationNotFoundError" and result["status"] == 404
    client_page.route(
        "**/public/generation/gen_forbidden",
        lambda route: route.fulfill(status=403, json={"message": "Forbidden", "code": "FORBIDDEN"}),
    )
    start(client_page, "gen_forbidden")
    result = outcome(client_page)
    assert (result["name"], result["status"], result["code"]) == ("ApiError", 403, "FORBIDDEN")


def test_hidden_page_pauses_polling_and_resumes_at_once(client_page: Page, mock) -> None:
    client_page.evaluate("""() => {
      window.hide = (hidden) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => hidden ? 'hidden' : 'visible' });
        document.dispatchEvent(new Event('visibilitychange'));
      };
    }""")
    start(client_page, mock.generation("stuck"), {"maxAttempts": 3})
    events(client_page, 1)
    client_page.evaluate("hide(true)")
    client_page.clock.run_for(5 * 60_000)
    assert len(mock.status_polls()) == 1, "polled while hidden"
    client_page.evaluate("hide(false)")
    events(client_page, 2)
    assert len(mock.status_polls()) == 2, "did not poll at once when shown"
    client_page.clock.run_for(2000)
    events(client_page, 3)
    client_page.clock.run_for(2000)
    result = outcome(client_page)
    assert result["name"] == "GenerationTimeoutError" and result["attempts"] == 3


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"status": "QUEUED"}, "Unknown status"),
        ({"status": "COMPLETED"}, "No usable resultImageUrl"),
        ({"status": "COMPLETED", "resultImageUrl": "javascript:alert(1)"}, "No usable resultImageUrl"),
        (
            {"status": "COMPLETED", "resultImageUrl": "data:text/html,<script>alert(1)</script>"},
            "No usable resultImageUrl",
        ),
        ({"status": "COMPLETED", "resultImageUrl": "  "}, "No usable resultImageUrl"),
        ({"status": 7}, "Unknown status"),
    ],
)
def test_answers_that_break_the_contract_become_clear_errors(client_page: Page, mock, body, expected) -> None:
    client_page.route(
        "**/public/generation/gen_odd",
        lambda route: route.fulfill(json={"generationId": "gen_odd", "createdAt": "x", "updatedAt": "x", **body}),
    )
    start(client_page, "gen_odd")
    result = outcome(client_page)
    assert result["name"] == "InvalidResponseError" and expected in result["message"]


@pytest.mark.parametrize(
    "url", ["https://cdn.example/r.jpg", "data:image/png;base64,iVBORw0KGgo=", "blob:http://127.0.0.1/x"]
)
def test_safe_result_urls_are_accepted(client_page: Page, mock, url) -> None:
    start(client_page, mock.generation(timeline=[{"status": "COMPLETED", "polls": 1, "resultImageUrl": url}]))
    assert outcome(client_page)["value"]["resultImageUrl"] == url


@pytest.mark.parametrize(
    ("options", "name"),
    [
        ({"pollIntervalMs": 0}, "pollIntervalMs"),
        ({"pollIntervalMs": "2000"}, "pollIntervalMs"),
        ({"maxAttempts": 1.5}, "maxAttempts"),
        ({"timeoutMs": -1}, "timeoutMs"),
        ({"requestTimeoutMs": None}, "requestTimeoutMs"),
    ],
)
def test_options_are_validated_by_name(client_page: Page, mock, options, name) -> None:
    result = client_page.evaluate(
        """([opts]) => TryOn.createClient().waitForGeneration('gen_x', opts)
      .then(() => null, (e) => ({ name: e.name, message: e.message }))""",
        [options],
    )
    assert result["name"] == "TypeError" and f"`{name}`" in result["message"]
    assert mock.status_polls() == []


def test_each_request_has_its_own_timeout(client_page: Page, mock) -> None:
    gen_id = mock.generation(
        timeline=[{"fault": "slow", "polls": 1, "delayMs": 3000}, {"status": "COMPLETED", "polls": 1}]
    )
    start(client_page, gen_id, {"requestTimeoutMs": 1000})
    wait_until(client_page, "window.sent >= 1")
    client_page.clock.run_for(1000)
    assert events(client_page, 1) == ["retry:TIMEOUT"]
    client_page.clock.run_for(2500)
    assert outcome(client_page)["ok"]


def test_retries_count_toward_the_time_limit_not_the_attempts(client_page: Page, mock) -> None:
    start(
        client_page,
        mock.generation(timeline=[{"fault": "http-500", "polls": 1}]),
        {"timeoutMs": 20_000, "maxAttempts": 2},
    )
    # Backoffs of 2-2.5 s, 4-5 s and 8-10 s put the 4th request by 17.5 s; the 16-20 s one passes the deadline.
    for count, step in ((1, 2500), (2, 5000), (3, 10_000), (4, 20_000)):
        assert events(client_page, count) == ["retry:500"] * count
        client_page.clock.run_for(step)
    result = outcome(client_page)
    assert result["name"] == "GenerationTimeoutError" and result["attempts"] == 0
    assert len(mock.status_polls()) == 4
