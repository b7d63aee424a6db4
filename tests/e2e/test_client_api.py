"""The rest of the headless client in a real browser: adapters, upload, creation, actions, exports."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .client_harness import events
from .client_harness import outcome
from .client_harness import start

# The documentation's own polling loop, verbatim from seed genlook-public-generation-status.txt.
DOC_LOOP = """
async function pollGenerationStatus(jobId, onStatusChange) {
  const maxAttempts = 60;
  const pollInterval = 2000; // 2 seconds

  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const response = await fetch(
      `/apps/proxy_genlook-x/public/generation/${jobId}`
    );
    const status = await response.json();

    if (onStatusChange) {
      onStatusChange(status);
    }

    if (status.status === 'COMPLETED') {
      return status;
    }

    if (status.status === 'FAILED') {
      throw new Error(status.errorMessage || 'Generation failed');
    }

    // Wait before next poll
    await new Promise(resolve => setTimeout(resolve, pollInterval));
  }

  throw new Error('Generation timeout - please try again');
}
"""


def test_the_documented_polling_loop_runs_against_the_mock(client_page: Page, mock) -> None:
    gen_id = mock.generation("success")
    client_page.evaluate(
        "(id) => {"
        + DOC_LOOP
        + """
      window.events = []; window.outcome = null;
      pollGenerationStatus(id, (s) => window.events.push(s.status))
        .then((s) => { window.outcome = { ok: true, value: s }; }, (e) => { window.outcome = { ok: false, message: e.message }; });
    }""",
        gen_id,
    )
    for n in range(1, 4):
        events(client_page, n)
        client_page.clock.run_for(2000)
    result = outcome(client_page)
    assert result["ok"] and result["value"]["resultImageUrl"]
    assert client_page.evaluate("window.events") == ["PENDING", "PROCESSING", "PROCESSING", "COMPLETED"]


def test_genlook_api_adapter_reads_the_v1_endpoint(client_page: Page, mock) -> None:
    mock.config(proxyErrorCode=False)
    start(
        client_page, mock.generation("failed"), {}, {"adapter": "genlook-api", "headers": {"x-api-key": "gk_test_mock"}}
    )
    for n in (1, 2):
        events(client_page, n)
        client_page.clock.run_for(2000)
    result = outcome(client_page)
    # The v1 shape carries errorCode even where the proxy does not.
    assert result["name"] == "GenerationFailedError" and result["code"] == "PRODUCT_IMAGE_FETCH_FAILED"
    assert len(mock.requests("/tryon/v1/generations/")) == 3


def test_genlook_api_adapter_with_a_status_url_template(client_page: Page, mock) -> None:
    gen_id = mock.generation("instant")
    start(
        client_page,
        gen_id,
        {},
        {"adapter": "genlook-api", "statusUrl": "/tryon/v1/generations/{id}", "headers": {"x-api-key": "gk_test_mock"}},
    )
    assert outcome(client_page)["value"]["generationId"] == gen_id


def test_sellerpic_adapter_polls_once_a_minute_and_takes_the_first_success(client_page: Page, mock) -> None:
    task_id = mock.http.post("/_mock/generations", json={"scenario": "success"}).get_json()["taskId"]
    start(client_page, task_id, {}, {"adapter": "sellerpic", "headers": {"Authorization": "Bearer sp_test_mock"}})
    assert events(client_page, 1) == ["PENDING"]
    client_page.clock.run_for(59_999)
    assert len(mock.requests("/v1/api/generate")) == 1, "SellerPic asks for a minute between checks"
    client_page.clock.run_for(1)
    assert events(client_page, 2)[-1] == "PROCESSING"
    for n in (3, 4):
        client_page.clock.run_for(60_000)
        events(client_page, n)
    result = outcome(client_page)
    assert result["ok"] and result["value"]["resultImageUrl"].startswith("http")
    assert result["value"]["raw"]["data"]["resultList"][0]["status"] == "SUCCESS"


def test_sellerpic_failure_and_bad_key(client_page: Page, mock) -> None:
    task_id = mock.http.post("/_mock/generations", json={"scenario": "failed"}).get_json()["taskId"]
    start(
        client_page,
        task_id,
        {"pollIntervalMs": 10},
        {"adapter": "sellerpic", "headers": {"Authorization": "Bearer sp_test_mock"}},
    )
    for n in (1, 2):
        events(client_page, n)
        client_page.clock.run_for(10)
    result = outcome(client_page)
    assert result["name"] == "GenerationFailedError" and result["code"] == "50001"
    start(client_page, task_id, {}, {"adapter": "sellerpic", "headers": {"Authorization": "Bearer nope"}})
    result = outcome(client_page)
    assert (result["name"], result["status"]) == ("ApiError", 401)


def test_bad_client_config_is_a_type_error(client_page: Page) -> None:
    # The page-load facade checks nothing itself: the first call loads the client, which names the bad option.
    messages = client_page.evaluate("""() => Promise.all([
      TryOn.createClient({ adapter: 'nope' }),
      TryOn.createClient({ statusUrl: '/no-placeholder' }),
    ].map((client) => client.getGeneration('gen_1').then(() => null, (e) => e.name + ': ' + e.message)))""")
    assert messages[0].startswith("TypeError") and "`adapter`" in messages[0]
    assert messages[1].startswith("TypeError") and "`statusUrl`" in messages[1]


UPLOAD_AND_CREATE = """async ([productId]) => {
  const canvas = document.createElement('canvas'); canvas.width = 40; canvas.height = 50;
  canvas.getContext('2d').fillRect(0, 0, 40, 50);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg'));
  const client = TryOn.createClient();
  const progress = [];
  const uploaded = await client.uploadPhoto(blob, { onProgress: (f) => progress.push(f) });
  try {
    const created = await client.createGeneration({ userImageId: uploaded.fileId, productId });
    return { uploaded, progress, created };
  } catch (e) {
    return { uploaded, progress, error: { name: e.name, code: e.code, status: e.status,
             sameClass: e instanceof TryOn.ApiError } };
  }
}"""


def test_upload_then_create(client_page: Page, mock) -> None:
    result = client_page.evaluate(UPLOAD_AND_CREATE, ["gid://shopify/Product/8001"])
    assert result["uploaded"]["fileId"].startswith("customer-media/")
    assert result["progress"] and result["progress"][-1] == 1
    assert result["created"]["generationId"].startswith("gen_")
    # The PUT went to the other origin, after a CORS preflight.
    assert [r["method"] for r in mock.requests("/_storage/upload/")] == ["OPTIONS", "PUT"]


@pytest.mark.parametrize("form", ["status", "body"])
def test_blocked_creation_rejects_with_the_code_in_both_forms(client_page: Page, mock, form) -> None:
    mock.config(scenario="quota-exceeded", blockedForm=form)
    result = client_page.evaluate(UPLOAD_AND_CREATE, ["gid://shopify/Product/8001"])
    assert result["error"] == {
        "name": "ApiError",
        "code": "QUOTA_EXCEEDED",
        "status": 403 if form == "status" else 200,
        "sameClass": True,
    }


def test_the_client_loads_on_first_call_without_the_dialog_with_the_same_error_classes(client_page: Page, mock) -> None:
    assert mock.requests("/assets/tryon-client.js") == []
    gen_id = mock.generation("instant")
    mock.http.get(f"/apps/proxy_genlook-x/public/generation/{gen_id}")
    result = client_page.evaluate(
        """async ([id]) => {
      const client = TryOn.createClient();
      const share = await client.shareGeneration(id, { effectiveDomain: 'shop.example' });
      const again = await client.shareGeneration(id);
      const email = await client.collectEmail({ email: 'not-an-email' });
      const tracked = await client.track([{ event: 'widget:button_click', timestamp: new Date().toISOString(), $insert_id: 'x1' }],
                                         { $current_url: location.href });
      let uploadError;
      try { await client.uploadPhoto('not a file'); } catch (e) { uploadError = e.name; }
      let shareError;
      try { await client.shareGeneration('gen_missing'); } catch (e) { shareError = { name: e.name, status: e.status, same: e instanceof TryOn.ApiError }; }
      return { share, same: share === again, email, tracked, uploadError, shareError };
    }""",
        [gen_id],
    )
    assert result["share"]["shareUrl"].startswith("https://genlook.app/s/") and result["same"]
    assert result["email"] == {"success": False, "message": "Invalid email format"}
    assert result["tracked"] == {"success": True}
    assert result["uploadError"] == "TypeError"
    assert result["shareError"] == {"name": "ApiError", "status": 404, "same": True}
    assert len(mock.requests("/assets/tryon-client.js")) == 1
    # A theme that uses only the headless API never downloads the dialog.
    assert [r for r in mock.requests("/assets/") if "client" not in r["path"] and "widget" not in r["path"]] == []
    assert len(mock.requests("/share-generation")) == 2


def test_error_classes_arrive_with_the_client_with_their_names(client_page: Page) -> None:
    # Not on the page-load file (its budget): on window.TryOn once tryon-client.js has run, before any call settles.
    assert client_page.evaluate("'ApiError' in TryOn") is False
    client_page.evaluate("TryOn.createClient().checkCredits()")
    names = client_page.evaluate("""() => ['TryOnError', 'ApiError', 'GenerationFailedError', 'GenerationTimeoutError',
      'GenerationNotFoundError', 'InvalidResponseError'].map((n) => [n, new TryOn[n]('x', {}).name, new TryOn[n]('x', {}) instanceof Error])""")
    for exported, name, is_error in names:
        assert name == exported and is_error


def test_client_imports_as_an_es_module(client_page: Page, mock) -> None:
    gen_id = mock.generation("instant")
    result = client_page.evaluate(
        """async ([id]) => {
      const { createClient } = await import('/src/client/client.js');
      const errors = await import('/src/client/errors.js');
      const client = createClient();
      const done = await client.waitForGeneration(id);
      let failed;
      try { await client.waitForGeneration('gen_missing'); } catch (e) { failed = e instanceof errors.GenerationNotFoundError; }
      return { status: done.status, methods: Object.keys(client).sort(), failed };
    }""",
        [gen_id],
    )
    assert result["status"] == "COMPLETED" and result["failed"]
    assert result["methods"] == sorted(
        [
            "adapter",
            "checkCredits",
            "collectEmail",
            "createGeneration",
            "getGeneration",
            "shareGeneration",
            "track",
            "uploadPhoto",
            "waitForGeneration",
        ]
    )


def test_check_credits_is_cached_and_fails_open(client_page: Page, mock) -> None:
    mock.config(credits=False)
    result = client_page.evaluate("""async () => {
      const client = TryOn.createClient();
      const first = await client.checkCredits(); const second = await client.checkCredits();
      const broken = TryOn.createClient({ fetch: () => Promise.reject(new TypeError('offline')) });
      return { first, second, broken: await broken.checkCredits() };
    }""")
    assert result == {"first": False, "second": False, "broken": True}
    assert len(mock.requests("/check-credits")) == 1
