"""Issue 5's journey, step by step: entry, dialog, photo, waiting, result, failure, timeout, reload."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import COUNT_POLLS
from tests.support.storefront import RECORD_STATUSES
from tests.support.storefront import give_photo
from tests.support.storefront import open_dialog
from tests.support.storefront import shoot
from tests.support.storefront import statuses_seen
from tests.support.storefront import try_on
from tests.support.storefront import widget


def uploads(mock) -> list[bytes]:
    return [upload.data for upload in mock.state.records("files")]


LAZY_FILES = [
    "/assets/tryon-client.js",
    "/assets/tryon-dialog.js",
    "/assets/tryon-en.js",
    "/assets/tryon-features.js",
    "/assets/tryon-photo.js",
]


def lazy_requests(mock) -> list[str]:
    return sorted(r["path"] for r in mock.requests("/assets/") if r["path"] in LAZY_FILES)


def test_ui_loads_only_on_first_hover_or_press_from_next_to_the_script(page: Page, mock) -> None:
    page.goto("/")
    expect(widget(page)).to_have_attribute("state", "idle")
    assert lazy_requests(mock) == []
    widget(page).locator("[part=button]").hover()
    expect(page.locator("script[src$='tryon-dialog.js']")).to_have_count(1)
    page.wait_for_function("['client', 'dialog', 'photo', 'features', 'en'].every((part) => TryOn.parts?.[part])")
    assert lazy_requests(mock) == LAZY_FILES
    open_dialog(page)
    assert lazy_requests(mock) == LAZY_FILES, "loaded once"


def test_button_reserves_its_space_before_the_script_runs(page: Page, mock) -> None:
    held = []
    page.route("**/assets/tryon-widget.js", lambda route: held.append(route))
    # A held deferred script holds DOMContentLoaded too, so wait only for the page to be parsed.
    page.goto("/", wait_until="commit")
    page.wait_for_selector("[data-dev-bar]", state="attached")
    before = widget(page).bounding_box()
    held[0].continue_()
    expect(widget(page).locator("[part=button]")).to_be_visible()
    after = widget(page).bounding_box()
    assert before["height"] == after["height"] == 48
    assert before["y"] == after["y"]


def test_dialog_focus_escape_close_and_focus_return(page: Page, mock) -> None:
    page.goto("/")
    dialog = open_dialog(page)
    checkbox = dialog.get_by_role("checkbox")
    expect(checkbox).to_be_focused()
    expect(checkbox).not_to_be_checked()
    # Focus stays in the modal dialog however far the shopper tabs.
    for _ in range(12):
        page.keyboard.press("Tab")
        assert widget(page).evaluate("el => el.shadowRoot.activeElement?.closest('dialog') !== null")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(widget(page).locator("[part=button]")).to_be_focused()
    open_dialog(page).get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    expect(widget(page).locator("[part=button]")).to_be_focused()


def test_photo_needs_consent_first(page: Page, mock, photo) -> None:
    page.goto("/")
    dialog = open_dialog(page)
    expect(widget(page)).to_have_attribute("state", "consent")
    for name in ("Choose a photo", "Create my try-on"):
        expect(dialog.get_by_role("button", name=name)).to_be_disabled()
    # A mouse and no camera capture here: no "Take a photo", and the drop hint shows.
    expect(dialog.get_by_role("button", name="Take a photo")).to_be_hidden()
    expect(dialog.get_by_text("or drop a photo here")).to_be_visible()
    expect(dialog.locator("[part=privacy]")).to_contain_text("deleted after 7 days")
    expect(dialog.locator("[part=privacy]")).to_contain_text("without location data")
    dialog.get_by_role("checkbox").check()
    expect(dialog.get_by_role("button", name="Choose a photo")).to_be_enabled()
    expect(dialog.get_by_role("button", name="Create my try-on")).to_be_disabled()
    assert widget(page).locator("input[capture=user]").count() == 1
    shoot(page, "consent")


def test_big_photo_is_downscaled_to_2048_jpeg_without_exif(page: Page, mock, tmp_path) -> None:
    big = tmp_path / "big.png"
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0)}  # GPS location
    Image.new("RGB", (4000, 3000), (90, 120, 160)).save(big, "PNG", exif=exif)
    page.goto("/")
    dialog = try_on(page, big)
    expect(widget(page)).to_have_attribute("state", "completed")
    (sent,) = uploads(mock)
    image = Image.open(io.BytesIO(sent))
    assert image.format == "JPEG" and max(image.size) == 2048 and image.size == (2048, 1536)
    assert not image.getexif() and b"Exif" not in sent[:64]
    expect(dialog.locator("[part=result]")).to_be_visible()


def test_heic_goes_as_it_is(page: Page, mock, tmp_path) -> None:
    heic = tmp_path / "me.heic"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(range(256)) * 8)
    page.goto("/")
    widget(page).evaluate("el => el.setAttribute('poll-interval', '20')")
    dialog = open_dialog(page)
    dialog.get_by_role("checkbox").check()
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Choose a photo").click()
    chooser.value.set_files(heic)
    expect(dialog.locator("[data-note]")).to_have_text(re.compile(r"KB will be sent"))
    dialog.get_by_role("button", name="Create my try-on").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    assert uploads(mock) == [heic.read_bytes()]


def test_not_an_image_is_refused_in_words(page: Page, mock, tmp_path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture")
    page.goto("/")
    dialog = open_dialog(page)
    dialog.get_by_role("checkbox").check()
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Choose a photo").click()
    chooser.value.set_files(text)
    expect(dialog.get_by_role("alert")).to_have_text("Please choose a JPEG, PNG, WebP or HEIC photo under 20 MB.")
    expect(dialog.get_by_role("button", name="Create my try-on")).to_be_disabled()


def test_drag_and_drop_a_photo(page: Page, mock) -> None:
    page.goto("/")
    dialog = open_dialog(page)
    dialog.get_by_role("checkbox").check()
    widget(page).evaluate("""async (el) => {
      const canvas = document.createElement('canvas'); canvas.width = 300; canvas.height = 400;
      canvas.getContext('2d').fillRect(0, 0, 300, 400);
      const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg'));
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'dropped.jpg', { type: 'image/jpeg' }));
      el.shadowRoot.querySelector('[data-drop]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }""")
    expect(dialog.locator("[part=preview]")).to_be_visible()
    expect(dialog.get_by_role("button", name="Create my try-on")).to_be_enabled()


def test_waiting_is_announced_by_stage_with_elapsed_time(page: Page, mock, photo) -> None:
    page.clock.install()
    page.goto("/")
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    page.evaluate(RECORD_STATUSES)
    widget(page).evaluate("el => el.setAttribute('poll-interval', '2000')")
    dialog = give_photo(page, photo)
    dialog.get_by_role("button", name="Create my try-on").click()
    status = dialog.get_by_role("status")
    assert statuses_seen(page, 1) == ["PENDING"]
    expect(widget(page)).to_have_attribute("state", "pending")
    expect(status).to_have_text("Getting ready…")
    assert status.get_attribute("aria-live") == "polite"
    page.clock.run_for(2000)
    expect(widget(page)).to_have_attribute("state", "processing")
    expect(status).to_have_text("Creating your try-on…")
    expect(dialog.locator("[part=elapsed]")).to_have_text("2 s")
    expect(dialog.locator("[part=product]")).to_have_attribute("src", "/_storage/products/9001.png?width=480")
    shoot(page, "processing")
    texts = []
    widget(page).evaluate("""(el) => { window.announced = [];
      new MutationObserver(() => window.announced.push(el.shadowRoot.querySelector('[data-status]').textContent))
        .observe(el.shadowRoot.querySelector('[data-status]'), { childList: true, characterData: true, subtree: true }); }""")
    page.clock.run_for(1000)
    expect(dialog.locator("[part=elapsed]")).to_have_text("3 s")
    texts = page.evaluate("window.announced")
    assert texts == [], "the live region changed on a tick"
    assert 0 < dialog.locator("progress").evaluate("p => p.value") < 1


def test_closing_the_dialog_keeps_the_generation_going(page: Page, mock, photo) -> None:
    mock.config(scenario="slow")
    page.goto("/")
    dialog = try_on(page, photo, interval=50)
    expect(widget(page)).to_have_attribute("state", "pending")
    # The generation exists before the mock's clock moves (else it would start after the jump).
    expect(widget(page)).to_have_attribute("generation-id", re.compile(r"^gen_"))
    dialog.get_by_role("button", name="Close").click()
    button = widget(page).locator("[part=button]")
    expect(button).to_have_text("Try-on in progress…")
    polls = len(mock.status_polls())
    mock.http.post("/_mock/clock", json={"advanceMs": 25_000})
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.status_polls()) > polls
    expect(button).to_have_text("See your try-on")
    button.click()
    expect(dialog.locator("[part=result]")).to_be_visible()
    expect(dialog.get_by_role("heading", name="Here you are in Linen Overshirt")).to_be_focused()


def test_result_shows_only_decoded_with_the_product_name(page: Page, mock, photo) -> None:
    page.goto("/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    result = dialog.locator("[part=result]")
    assert result.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(result).to_have_attribute("alt", "You wearing Linen Overshirt")
    expect(dialog.locator("[data-completed]")).to_have_text("Here you are in Linen Overshirt")
    shoot(page, "completed")


def test_try_again_reuses_the_upload_and_another_photo_starts_over(page: Page, mock, photo) -> None:
    page.goto("/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    # After a success, another generation is named for what it does (it costs a credit).
    dialog.get_by_role("button", name="Make a new try-on").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.requests("/fitting-room")) == 2 and len(mock.requests("/prepare-upload")) == 1
    dialog.get_by_role("button", name="Use another photo").click()
    expect(widget(page)).to_have_attribute("state", "consent")
    expect(dialog.locator("[part=preview]")).to_be_hidden()
    expect(dialog.get_by_role("button", name="Create my try-on")).to_be_disabled()


FAILURES = [
    ("PRODUCT_IMAGE_FETCH_FAILED", "We couldn't load this product's picture", False, True),
    ("INVALID_IMAGE", "We couldn't use this photo.", True, False),
    ("CUSTOMER_IMAGE_REJECTED", "We couldn't use this photo.", True, False),
    # An untyped failure may be the store's: no photo tip.
    (None, "Something went wrong with your try-on.", False, True),
]


@pytest.mark.parametrize(("code", "message", "tip", "retry"), FAILURES)
def test_each_generation_failure_in_words(page: Page, mock, photo, code, message, tip, retry) -> None:
    mock.config(proxyErrorCode=True)
    step = {"status": "FAILED", "polls": 1, "errorMessage": "<b>raw server text</b>"}
    if code:
        step["errorCode"] = code
    mock.config(scenario="failed")
    page.goto("/")
    page.route(
        "**/fitting-room",
        lambda route: route.fulfill(
            json={"jobId": mock.generation(timeline=[{"status": "PENDING", "polls": 1}, step]), "message": "ok"}
        ),
    )
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "failed")
    expect(dialog.locator("[data-error]")).to_contain_text(message)
    assert "raw server text" not in dialog.inner_text()
    expect(dialog.locator("[data-tip]")).to_be_visible() if tip else expect(dialog.locator("[data-tip]")).to_be_hidden()
    retry_button = dialog.get_by_role("button", name="Try again")
    expect(retry_button).to_be_visible() if retry else expect(retry_button).to_be_hidden()
    shoot(page, f"failed-{code or 'untyped'}")


@pytest.mark.parametrize(
    ("scenario", "message"),
    [("rate-limit-exceeded", "many try-ons in a short time"), ("creation-failed", "couldn't start your try-on")],
)
@pytest.mark.parametrize("form", ["status", "body"])
def test_each_blocked_creation_in_words(page: Page, tryon_mock, tryon, scenario, message, form) -> None:
    tryon_mock.config(blockedForm=form)
    page.goto("/")
    assert tryon.run(scenario) == "failed"
    assert message in tryon.failure_text
    expect(tryon.dialog.get_by_role("button", name="Try again")).to_be_visible()


def test_retry_after_failure_reuses_the_uploaded_photo(page: Page, tryon_mock, tryon) -> None:
    page.goto("/")
    assert tryon.run("creation-failed") == "failed"
    tryon_mock.scenario("success")
    tryon.retry()
    assert tryon.wait_for() == "completed"
    assert len(tryon_mock.requests("/prepare-upload")) == 1 and len(tryon_mock.generations()) == 1


def test_transport_trouble_is_still_working_not_an_error(page: Page, mock, photo) -> None:
    page.goto("/")
    gen_id = mock.generation(
        timeline=[
            {"status": "PROCESSING", "polls": 1},
            {"fault": "http-502", "polls": 100},
            {"status": "COMPLETED", "polls": 1},
        ]
    )
    page.route("**/fitting-room", lambda route: route.fulfill(json={"jobId": gen_id, "message": "ok"}))
    dialog = try_on(page, photo, interval=10)
    # A 502 from the server is the try-on still being made: no blame on the shopper's connection.
    expect(dialog.get_by_role("status")).to_have_text("Still making your try-on…")
    expect(widget(page)).to_have_attribute("state", "processing")


def test_timeout_keep_waiting_and_start_over(page: Page, mock, photo) -> None:
    page.goto("/")
    gen_id = mock.generation(timeline=[{"status": "PROCESSING", "polls": 4}, {"status": "COMPLETED", "polls": 1}])
    page.route("**/fitting-room", lambda route: route.fulfill(json={"jobId": gen_id, "message": "ok"}))
    widget(page).evaluate("el => el.setAttribute('max-attempts', '3')")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "timeout")
    expect(dialog.get_by_role("alert")).to_have_text("This is taking longer than usual.")
    shoot(page, "timeout")
    dialog.get_by_role("button", name="Keep waiting").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.status_polls(gen_id)) == 5
    assert mock.requests("/fitting-room") == [], "keep waiting must not create a new generation"
    dialog.get_by_role("button", name="Use another photo").click()
    expect(widget(page)).to_have_attribute("state", "consent")


def test_start_over_after_timeout(page: Page, tryon_mock, tryon) -> None:
    page.goto("/")
    widget(page).evaluate("el => el.setAttribute('max-attempts', '2')")
    assert tryon.run("stuck") == "timeout"
    tryon.dialog.get_by_role("button", name="Start over").click()
    expect(widget(page)).to_have_attribute("state", "consent")
    expect(tryon.dialog.get_by_role("button", name="Create my try-on")).to_be_enabled()


def test_reload_resumes_the_same_generation(page: Page, mock, photo) -> None:
    gen_id = mock.generation(timeline=[{"status": "PROCESSING", "seconds": 3600}, {"status": "COMPLETED", "polls": 1}])
    page.route("**/fitting-room", lambda route: route.fulfill(json={"jobId": gen_id, "message": "ok"}))
    page.goto("/")
    try_on(page, photo, interval=50)
    expect(widget(page)).to_have_attribute("state", "processing")
    page.unroute("**/fitting-room")
    page.reload()
    expect(widget(page)).to_have_attribute("generation-id", gen_id)
    expect(widget(page)).to_have_attribute("state", "processing")
    expect(widget(page).locator("[part=button]")).to_have_text("Try-on in progress…")
    assert mock.requests("/fitting-room") == [], "a reload must not create a new generation"
    polls = len(mock.status_polls(gen_id))
    mock.http.post("/_mock/clock", json={"advanceMs": 3_600_000})
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.status_polls(gen_id)) > polls
    # The result is remembered for the browser session: after a reload it is shown again, no new generation.
    page.reload()
    expect(widget(page)).to_have_attribute("state", "completed")
    expect(widget(page).locator("[part=button]")).to_have_text("See your try-on")
    assert mock.requests("/fitting-room") == []


def test_only_one_tab_polls_a_generation(page: Page, mock, photo) -> None:
    mock.config(scenario="stuck")
    page.goto("/")
    try_on(page, photo, interval=100)
    expect(widget(page)).to_have_attribute("state", "processing")
    gen_id = widget(page).get_attribute("generation-id")
    other = page.context.new_page()
    other.add_init_script(COUNT_POLLS)
    other.goto("/")
    expect(widget(other)).to_have_attribute("generation-id", gen_id)
    # While the first tab goes on polling (5 more polls: a state, not a duration), the second starts none.
    before = len(mock.status_polls(gen_id))
    mock.wait_for_requests(before + 5, f"/public/generation/{gen_id}")
    assert other.evaluate("window.polls") == 0
    page.close()
    # The other tab takes over once the lock is free.
    other.wait_for_function("window.polls >= 2")
