"""Issue 8: the widget keeps its promise through a server restart, offline spells, hung requests, long hidden
tabs and hostile status answers."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import try_on
from tests.support.storefront import widget
from tests.support.waiting import wait_for

# No answer at all: the connection is named, the shopper is not blamed.
STILL_WORKING = "The connection was lost. We'll keep trying."
HIDE = """(hidden) => {
  for (const [name, value] of [['hidden', hidden], ['visibilityState', hidden ? 'hidden' : 'visible']])
    Object.defineProperty(document, name, { value, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}"""


def scripted(page: Page, mock, timeline: list[dict]) -> str:
    """Make the next /fitting-room answer a job with this timeline; return its id."""
    gen_id = mock.generation(timeline=timeline)
    page.route("**/fitting-room", lambda route: route.fulfill(json={"jobId": gen_id, "message": "ok"}))
    return gen_id


def polled_twice(page: Page, mock, photo):
    """A try-on whose job is PROCESSING for 40 polls at 50 ms, once it has been polled twice: (dialog, id)."""
    page.goto("/")
    gen_id = scripted(
        page,
        mock,
        [{"status": "PENDING", "polls": 1}, {"status": "PROCESSING", "polls": 40}, {"status": "COMPLETED", "polls": 1}],
    )
    dialog = try_on(page, photo, interval=50)
    wait_for(lambda: len(mock.status_polls(gen_id)) >= 2, what="two polls", page=page)
    return dialog, gen_id


def test_server_restart_mid_generation_the_widget_waits_and_finishes(page: Page, mock, photo, live) -> None:
    dialog, _ = polled_twice(page, mock, photo)
    live.stop()
    try:
        expect(dialog.get_by_role("status")).to_have_text(STILL_WORKING)
        assert widget(page).get_attribute("state") in ("pending", "processing")
    finally:
        live.start()
    expect(widget(page)).to_have_attribute("state", "completed", timeout=15_000)
    # The jobs live in the app (the real service keeps them in its database); no new generation was made.
    assert mock.requests("/fitting-room") == []


def test_offline_and_back_the_widget_waits_and_finishes(page: Page, mock, photo, context) -> None:
    dialog, gen_id = polled_twice(page, mock, photo)
    context.set_offline(True)
    expect(dialog.get_by_role("status")).to_have_text(STILL_WORKING)
    polls = len(mock.status_polls(gen_id))
    context.set_offline(False)  # the browser's `online` event wakes the wait at once
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.status_polls(gen_id)) > polls


def test_a_hung_status_request_times_out_and_the_wait_recovers(page: Page, mock, photo) -> None:
    page.clock.install()
    page.goto("/")
    gen_id = scripted(page, mock, [{"status": "PROCESSING", "polls": 1}, {"status": "COMPLETED", "polls": 1}])
    held = []
    # The first status request never gets an answer, as behind a stuck proxy.
    page.route(f"**/generation/{gen_id}", lambda route: held.append(route) if not held else route.continue_())
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    try_on(page, photo, interval=50)
    page.wait_for_function("() => true")
    expect(widget(page)).to_have_attribute("state", "pending")
    while not held:
        page.clock.run_for(10)
    page.clock.fast_forward(15_000)  # each request's own timeout (requestTimeoutMs)
    expect(widget(page)).to_have_attribute("state", "completed")
    assert any(gen_id in url for url in failed), "the hung request was aborted"
    assert len(mock.status_polls(gen_id)) == 2


@pytest.mark.parametrize("hidden_minutes", [6, 11])
def test_a_tab_hidden_for_minutes_makes_no_requests_and_resumes_on_return(
    page: Page, mock, photo, hidden_minutes
) -> None:
    page.clock.install()
    page.goto("/")
    gen_id = scripted(
        page,
        mock,
        [
            {"status": "PENDING", "polls": 1},
            {"status": "PROCESSING", "seconds": 120},
            {"status": "COMPLETED", "polls": 1},
        ],
    )
    try_on(page, photo, interval=2000)
    expect(widget(page)).to_have_attribute("state", "processing")
    page.evaluate(HIDE, True)
    before = len(mock.status_polls(gen_id))
    # Chrome wakes timers once a minute after 5 hidden minutes; the wait makes no request at all meanwhile.
    page.clock.fast_forward(f"{hidden_minutes:02d}:00")
    mock.http.post("/_mock/clock", json={"advanceMs": hidden_minutes * 60_000})
    assert len(mock.status_polls(gen_id)) == before
    page.evaluate(HIDE, False)
    # Past the 10-minute deadline too, the return still reads the status once and shows the result.
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.status_polls(gen_id)) == before + 1


def test_back_after_the_deadline_with_the_job_still_running_is_the_timeout_not_more_polling(
    page: Page, mock, photo
) -> None:
    page.clock.install()
    page.goto("/")
    gen_id = scripted(page, mock, [{"status": "PROCESSING", "polls": 1000}])
    try_on(page, photo, interval=2000)
    expect(widget(page)).to_have_attribute("state", "processing")
    page.evaluate(HIDE, True)
    before = len(mock.status_polls(gen_id))
    page.clock.fast_forward("11:00")
    page.evaluate(HIDE, False)
    expect(widget(page)).to_have_attribute("state", "timeout")
    page.clock.fast_forward("01:00")
    assert len(mock.status_polls(gen_id)) == before + 1


HOSTILE_URLS = [
    "javascript:window.pwned=1",
    "data:text/html,<script>parent.pwned=1</script>",
    "vbscript:msgbox(1)",
    " javascript:window.pwned=1",
    {"href": "https://x"},
    42,
    "",
]


@pytest.mark.parametrize("url", HOSTILE_URLS, ids=[str(u)[:20] for u in HOSTILE_URLS])
def test_hostile_result_urls_are_never_shown(page: Page, mock, photo, url) -> None:
    page.on("dialog", lambda d: pytest.fail(f"a dialog opened: {d.message}"))
    page.goto("/")
    body = {
        "generationId": "gen_x",
        "status": "COMPLETED",
        "resultImageUrl": url,
        "createdAt": "2026-01-01T00:00:00Z",
        "updatedAt": "2026-01-01T00:00:00Z",
    }
    page.route("**/fitting-room", lambda route: route.fulfill(json={"jobId": "gen_x", "message": "ok"}))
    page.route("**/generation/gen_x", lambda route: route.fulfill(json=body))
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "error")
    expect(dialog.get_by_role("alert").filter(has_text="Something went wrong")).to_be_visible()
    assert page.evaluate("window.pwned") is None
    assert dialog.locator("[part=result]").evaluate("img => img.getAttribute('src')") in (None, "")


def test_markup_in_an_error_message_stays_text(page: Page, mock, photo) -> None:
    page.on("dialog", lambda d: pytest.fail(f"a dialog opened: {d.message}"))
    page.goto("/")
    scripted(
        page,
        mock,
        [
            {
                "status": "FAILED",
                "polls": 1,
                "errorCode": "<img src=x onerror=window.pwned=1>",
                "errorMessage": "<img src=x onerror=window.pwned=1><b>bold</b>",
            }
        ],
    )
    page.evaluate("() => document.addEventListener('tryon-fail', (e) => (window.failure = e.detail.error.message))")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "failed")
    assert page.evaluate("window.pwned") is None
    assert widget(page).evaluate("el => el.shadowRoot.querySelectorAll('b, img[src=x]').length") == 0
    expect(dialog.get_by_role("alert").filter(has_text="Something went wrong")).to_be_visible()
    assert "<img" in page.evaluate("window.failure"), "the event carries the server's text, as text"


def answer_first_poll_with(page: Page, gen_id: str, body: str) -> None:
    """The first status poll gets `body`; later polls reach the mock."""
    served = []

    def answer(route):
        if served:
            return route.continue_()
        served.append(1)
        route.fulfill(body=body, content_type="application/json")

    page.route(f"**/generation/{gen_id}", answer)


def test_a_huge_answer_does_not_break_the_wait(page: Page, mock, photo) -> None:
    page.goto("/")
    gen_id = scripted(page, mock, [{"status": "PROCESSING", "polls": 1}, {"status": "COMPLETED", "polls": 1}])
    answer_first_poll_with(
        page,
        gen_id,
        json.dumps(
            {
                "generationId": gen_id,
                "status": "PROCESSING",
                "createdAt": "2026-01-01T00:00:00Z",
                "updatedAt": "2026-01-01T00:00:00Z",
                "padding": "x" * 8_000_000,
            }
        ),
    )
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")


# Unparseable answers are transient (retried, then the job completes); parseable nonsense is "something went
# wrong", with a retry that works.
MALFORMED = {
    "nested-array": ("[" * 200_000 + "]" * 200_000, "ERROR"),
    "nested-object": ('{"status": ' * 50_000 + '"X"' + "}" * 50_000, "ERROR"),
    "cut-off": ('{"status": "PROCESS', "completed"),
    "null": ("null", "completed"),
    "string": ('"COMPLETED"', "completed"),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_answers_end_in_words_or_a_retry_and_the_page_lives(page: Page, mock, photo, name) -> None:
    body, expected = MALFORMED[name]
    page.goto("/")
    gen_id = scripted(page, mock, [{"status": "COMPLETED", "polls": 1}])
    answer_first_poll_with(page, gen_id, body)
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", expected.lower())
    if expected == "ERROR":
        expect(dialog.get_by_role("alert")).to_have_text("Something went wrong with your try-on. Please try again.")
        dialog.get_by_role("button", name="Try again").click()
        expect(widget(page)).to_have_attribute("state", "completed")


def test_a_stuck_upload_is_given_up_after_30_s_without_progress_and_can_be_retried(page: Page, mock, photo) -> None:
    page.clock.install()
    page.goto("/")
    held = []
    page.route("**/_storage/upload/**", lambda route: held.append(route) if not held else route.continue_())
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "uploading")
    wait_for(lambda: bool(held), what="the held request", page=page)
    page.clock.fast_forward(29_000)
    expect(widget(page)).to_have_attribute("state", "uploading")
    page.clock.fast_forward(2_000)
    expect(widget(page)).to_have_attribute("state", "error")
    expect(dialog.get_by_role("alert")).to_have_text(
        "We couldn't reach the store. Check your connection and try again."
    )
    dialog.get_by_role("button", name="Try again").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.requests("/prepare-upload")) == 2


def test_a_photo_the_service_no_longer_has_is_asked_for_again_once(page: Page, mock, photo) -> None:
    """Issue 24: after a restart (or an eviction) the remembered upload is gone; each "Try again" sent the same
    fileId again and got 400, for ever. Now the photo is asked for again, once, saying why."""
    page.goto("/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    mock.http.post("/_mock/reset", json={})  # the service forgets the photo (and logs from here on)
    dialog.get_by_role("button", name="Make a new try-on").click()
    expect(dialog.locator("[data-photo-error]")).to_have_text("We no longer have your photo. Please choose it again.")
    expect(dialog.get_by_role("button", name="Create my try-on")).to_be_disabled()
    assert len(mock.requests("/fitting-room")) == 1, "one refused creation, no loop"
    assert page.evaluate("sessionStorage.getItem('tryon:photo')") is None
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Choose a photo").click()
    chooser.value.set_files(photo)
    dialog.get_by_role("button", name="Create my try-on").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.requests("/fitting-room")) == 2


def test_a_part_that_fails_to_load_is_said_on_the_button_and_a_press_retries(page: Page, mock) -> None:
    """Issue 24: a lazy file that failed to load left the shopper with nothing said (a second press worked)."""
    refused = []

    def refuse_once(route):
        if not refused:
            refused.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/assets/tryon-dialog.js", refuse_once)
    page.goto("/")
    button = widget(page).locator("[part=button]")
    # A press with no hover first (as a tap or a script): one load, which fails.
    button.dispatch_event("click")
    expect(button).to_have_text("Couldn't load. Try again")
    expect(widget(page)).to_have_attribute("state", "error")
    assert len(refused) == 1
    button.dispatch_event("click")
    expect(widget(page).locator("dialog[part=dialog]")).to_be_visible()
