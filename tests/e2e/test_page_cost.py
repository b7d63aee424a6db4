"""Issue 22: the page pays nothing until the shopper reaches for the button: no Web Storage at load (a cookie tells
whether there is anything to resume), the credits check leaves at once on the first hover, focus or press, in
parallel with the parts, and resuming after a reload still works, with Web Storage blocked too."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.server import ROOT
from tests.support.storefront import try_on
from tests.support.storefront import widget
from tests.support.waiting import wait_for

# Counts every Web Storage access of the page (the two window getters and every Storage method).
COUNT_STORAGE = """window.storageAccesses = [];
  for (const area of ['localStorage', 'sessionStorage']) {
    const getter = Object.getOwnPropertyDescriptor(window, area).get;
    Object.defineProperty(window, area, { configurable: true,
      get() { window.storageAccesses.push(area); return getter.call(window); } });
  }
  for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
    const real = Storage.prototype[name];
    Storage.prototype[name] = function (...args) { window.storageAccesses.push(name); return real.apply(this, args); };
  }"""

# Web Storage blocked, as a browser with site data blocked does: touching it throws.
BLOCK_STORAGE = """for (const area of ['localStorage', 'sessionStorage'])
  Object.defineProperty(window, area, { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });"""

# A browser without the Cookie Store API (Firefox before 140, Safari before 18.4, any page that is not https).
NO_COOKIE_STORE = "delete Window.prototype.cookieStore; delete window.cookieStore;"
# Counts the page's document.cookie reads.
COUNT_COOKIE_READS = """window.cookieReads = 0;
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', { configurable: true,
    get() { window.cookieReads++; return cookie.get.call(this); }, set(value) { cookie.set.call(this, value); } });"""

IDLE = "new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 0)))"


def test_a_page_with_nothing_to_resume_touches_no_web_storage_before_the_shopper_reaches(page: Page, mock):
    page.add_init_script(COUNT_STORAGE)
    page.goto("/")
    page.wait_for_function("customElements.get('tryon-widget') && document.querySelector('tryon-widget[state]')")
    page.evaluate(IDLE)
    assert page.evaluate("window.storageAccesses") == []
    # Only the page-load file was fetched: nothing to resume.
    assert [r["path"] for r in mock.requests("/assets/")] == ["/assets/tryon-widget.js"]
    widget(page).locator("[part=button]").hover()
    page.wait_for_function("window.storageAccesses.length > 0")


def test_the_idle_time_resume_check_asks_the_cookie_store_not_document_cookie(page: Page, mock):
    """document.cookie's first read is a synchronous trip to the browser's cookie store (2-3 ms of main thread): where
    the Cookie Store API exists, the check is asynchronous."""
    page.add_init_script(COUNT_COOKIE_READS)
    page.goto("/")
    page.wait_for_function("customElements.get('tryon-widget') && document.querySelector('tryon-widget[state]')")
    page.evaluate(IDLE)
    assert page.evaluate("typeof cookieStore") == "object"
    assert page.evaluate("window.cookieReads") == 0


def test_the_credits_check_leaves_before_the_parts_have_arrived(page: Page, mock):
    held = []
    page.route("**/assets/tryon-dialog.js", lambda route: held.append(route))
    page.goto("/")
    widget(page).locator("[part=button]").hover()
    wait_for(lambda: held, 5, "the dialog's file requested", page=page)
    # The dialog's file is still on its way, and the store was already asked.
    wait_for(lambda: mock.requests("/check-credits"), 5, "the credits check", page=page)
    held[0].continue_()
    widget(page).locator("[part=button]").click()
    expect(widget(page).locator("dialog[part=dialog]")).to_be_visible()
    assert len(mock.requests("/check-credits")) == 1, "the dialog took the element's answer"


def test_a_store_that_says_no_is_told_from_the_early_check(page: Page, mock):
    mock.config(credits=False)
    page.goto("/")
    widget(page).locator("[part=button]").click()
    expect(widget(page).locator("dialog[part=dialog]").get_by_role("alert")).to_contain_text("aren't available")
    assert len(mock.requests("/check-credits")) == 1


@pytest.mark.parametrize("cookie_store", [True, False], ids=["cookie-store", "document-cookie-only"])
def test_a_reload_resumes_the_try_on_with_web_storage_blocked(page: Page, mock, photo, cookie_store):
    page.add_init_script(BLOCK_STORAGE)
    if not cookie_store:
        page.add_init_script(NO_COOKIE_STORE)
    mock.config(scenario="stuck")
    page.goto("/")
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "processing")
    generation = widget(page).get_attribute("generation-id")
    page.reload()
    assert page.evaluate("typeof cookieStore") == ("object" if cookie_store else "undefined")
    # Resumed without any interaction: the same generation, polled again.
    expect(widget(page)).to_have_attribute("generation-id", generation)
    expect(widget(page)).to_have_attribute("state", "processing")
    polls = len(mock.status_polls(generation))
    wait_for(lambda: len(mock.status_polls(generation)) > polls, 10, "a poll after the reload", page=page)
    assert len(mock.requests("/fitting-room")) == 1, "no second generation"


def phone_photo(path, size=(3000, 4000)) -> None:
    """A 12 MP portrait like a phone's: smooth light, a figure, fine grain and detail (not flat, not pure noise)."""
    from PIL import Image
    from PIL import ImageDraw
    from PIL import ImageFilter

    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image = Image.blend(image, Image.new("RGB", size, (196, 170, 140)), 0.6)
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.38, height * 0.12, width * 0.62, height * 0.3), fill=(214, 170, 140))
    draw.rectangle((width * 0.28, height * 0.32, width * 0.72, height * 0.8), fill=(60, 80, 120))
    for stripe in range(0, width, 24):  # fabric texture
        draw.line((stripe, height * 0.32, stripe + 40, height * 0.8), fill=(70, 92, 134), width=3)
    grain = Image.effect_noise(size, 18).convert("RGB").filter(ImageFilter.GaussianBlur(0.6))
    Image.blend(image, grain, 0.12).save(path, "JPEG", quality=92)


def test_a_12_megapixel_photo_is_sent_at_most_500000_bytes_2048_px_upright(page: Page, mock, tmp_path):
    import io

    from PIL import Image

    path = tmp_path / "phone.jpg"
    phone_photo(path)
    page.goto("/")
    dialog = try_on(page, path)
    expect(widget(page)).to_have_attribute("state", "completed")
    [sent] = [upload.data for upload in mock.state.records("files")]
    image = Image.open(io.BytesIO(sent))
    assert image.size == (1536, 2048) and len(sent) <= 500_000, len(sent)
    expect(dialog.locator("[part=result]")).to_be_visible()


def test_the_benchmarks_load_figure_is_the_page_load_files_own_work(browser, base_url):
    """bench.page_cost reads the file's own main-thread work from Chrome's trace: the real file shows compile and
    run, an empty one of the same size next to none, and neither has a callback until idle but the resume check."""
    from bench.page_cost import load_cost
    from bench.page_cost import same_size

    real = (ROOT / "dist" / "tryon-widget.js").read_bytes()
    empty = same_size(b"", len(real))
    widget_cost = load_cost(browser, base_url + "/", real, 1)
    empty_cost = load_cost(browser, base_url + "/", empty, 1)
    assert widget_cost["load_cpu"] > empty_cost["load_cpu"] > 0
    assert widget_cost["idle_cpu"] > 0 == empty_cost["idle_cpu"]
    # The page's own clock saw the file run (its steps are 0.1 ms; a run takes several).
    assert widget_cost["run_wall"] > 0
