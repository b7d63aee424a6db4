"""Issue 21: every state previewable in Shopify's theme editor (the block's editor_preview setting), with sample
pictures, in the store's theme and language, and no request reaching the proxy; nothing of it for shoppers."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import widget

PROXY = "/apps/proxy_genlook-x/public/"
# What each previewed state shows in the dialog.
SHOWN = {
    "photo": lambda dialog: dialog.get_by_role("button", name="Choose a photo"),
    "waiting": lambda dialog: dialog.get_by_role("status").filter(has_text="Creating your try-on"),
    "result": lambda dialog: dialog.get_by_role("img", name="You wearing Linen Overshirt"),
    "failed": lambda dialog: dialog.get_by_role("button", name="Use another photo"),
    "unavailable": lambda dialog: dialog.get_by_role("alert").filter(has_text="aren't available"),
}


def record_proxy_requests(page: Page) -> list:
    """Every request the page sends to the proxy path (none should leave the page in the editor)."""
    sent = []
    page.on("request", lambda request: PROXY in request.url and sent.append(request.url))
    return sent


def select_block(page: Page, action: str = "select") -> None:
    """What Shopify's theme editor dispatches when the merchant selects (or deselects) the block in its sidebar."""
    page.locator("#shopify-block-tryon").evaluate(
        """(block, action) => block.dispatchEvent(new CustomEvent('shopify:block:' + action,
             { bubbles: true, detail: { blockId: 'preview', sectionId: 'main', load: false } }))""",
        action,
    )


@pytest.mark.parametrize("theme", ["dawn", "horizon"])
@pytest.mark.parametrize("state", list(SHOWN))
def test_selecting_the_block_opens_the_state_with_no_request_to_the_proxy(page: Page, mock, theme, state):
    sent = record_proxy_requests(page)
    page.goto(f"/themes/{theme}/?design_mode=1&editor_preview={state}")
    expect(widget(page)).to_have_attribute("editor-preview", state)
    dialog = widget(page).locator("dialog[part=dialog]")
    select_block(page)
    expect(dialog).to_be_visible()
    expect(SHOWN[state](dialog)).to_be_visible()
    if state == "result":
        expect(dialog.locator("[part=result]")).to_have_attribute("src", re.compile(r"^data:image/svg\+xml,"))
    select_block(page, "deselect")
    expect(dialog).to_be_hidden()
    # Pressing the button opens it in the same state too.
    widget(page).locator("[part=button]").click()
    expect(SHOWN[state](dialog)).to_be_visible()
    assert sent == [] and mock.requests("/apps/") == []
    # The sample is not remembered for the next page.
    assert "tryon_" not in page.evaluate("document.cookie")


def test_the_photo_state_goes_through_a_whole_sample_try_on_without_a_request(page: Page, mock, photo):
    sent = record_proxy_requests(page)
    page.goto("/themes/dawn/?design_mode=1&editor_preview=photo")
    widget(page).locator("[part=button]").click()
    dialog = widget(page).locator("dialog[part=dialog]")
    dialog.get_by_role("checkbox").check()
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Choose a photo").click()
    chooser.value.set_files(photo)
    dialog.get_by_role("button", name="Create my try-on").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    assert sent == [] and mock.requests("/apps/") == []


def test_the_preview_is_in_the_stores_language(page: Page, mock):
    page.goto("/themes/horizon/?design_mode=1&editor_preview=unavailable&locale=fr")
    select_block(page)
    dialog = widget(page).locator("dialog[part=dialog]")
    expect(dialog.get_by_role("heading", level=2)).to_have_text(re.compile("Essayer"))


def test_a_shopper_never_sees_the_setting(page: Page, mock):
    page.goto("/themes/dawn/?editor_preview=result")
    expect(widget(page)).not_to_have_attribute("editor-preview", re.compile(".*"))
    assert page.locator("script[src*='tryon-editor']").count() == 0
    widget(page).locator("[part=button]").click()
    dialog = widget(page).locator("dialog[part=dialog]")
    expect(dialog.get_by_role("button", name="Choose a photo")).to_be_visible()
    assert [r["path"] for r in mock.requests("/apps/")] == [PROXY + "check-credits"]


def test_the_merchant_preview_offers_design_mode_and_the_store_themes(page: Page, mock):
    page.goto("/preview/")
    page.get_by_label("Store's theme").select_option("horizon")
    frame = page.frame_locator("[data-frame]")
    expect(frame.locator("variant-picker")).to_be_attached()
    page.get_by_label("Design mode").check()
    page.locator("[name=editor_preview]").select_option("result")
    expect(frame.locator("tryon-widget")).to_have_attribute("editor-preview", "result")
    page.get_by_role("button", name="Select the block", exact=True).click()
    expect(frame.get_by_role("img", name="You wearing Linen Overshirt")).to_be_visible()
    page.get_by_role("button", name="Deselect the block").click()
    expect(frame.locator("tryon-widget dialog[part=dialog]")).to_be_hidden()
    assert mock.requests("/apps/") == []
