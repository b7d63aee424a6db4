"""The Flask app (`create_app()`): four rooms, each a subpackage, wired together here.

- `mock_api/`: the mock of the Genlook API (the app proxy, the other seed APIs, the /_mock control API, its state,
  timelines, faults, signed storage, result images, memory budgets).
- `store/`: the mock Shopify store (product pages, the cart, the block's Liquid, the heavy theme page, compression).
- `preview/`: the merchant preview and the state gallery.
- `devtools/`: what development needs (host and origin safety, live reload).

Imports go only downward: leaves (`paths`, `catalog`, `numbers`) < `devtools` < `mock_api` < `store` < `preview` <
this module (tests/test_layers.py checks it).
"""

from __future__ import annotations

import secrets

from flask import Flask
from flask import g
from flask import jsonify
from flask import request

from .paths import DIST
from .paths import ROOT

# A logged path is cut here (ids are far shorter; a 200 KB path is an attack, not a request to remember).
LOGGED_PATH_CHARS = 1_024


def create_app(config: dict | None = None) -> Flask:
    """Build an app. `config` overrides Flask settings; its MOCK key overrides the mock's defaults."""
    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder=None)
    app.config.from_mapping(
        DIST_DIR=str(DIST),
        # Per app, so signed URLs from one instance never validate on another.
        URL_SIGNING_KEY=secrets.token_bytes(32),
        STORAGE_ORIGIN=None,
        # The server's own origin for the URLs it hands out (uploads, photos, results); None: the request's Host,
        # which server/devtools/safety.py has already checked is one of ours.
        PUBLIC_URL=None,
        # Host names answered besides IP literals and localhost (server/devtools/safety.py); "*" answers any.
        ALLOWED_HOSTS=(),
        # Trust X-Forwarded-For for the client address (only behind a proxy you run: `--trusted-proxy`).
        TRUSTED_PROXY=False,
        # Keys the Try-On API v1 and SellerPic mocks accept (test keys, not secrets).
        GENLOOK_API_KEYS=("gk_test_mock",),
        SELLERPIC_API_KEYS=("sp_test_mock",),
        MOCK={},
        # No request body past this is read at all (uploads are checked against maxUploadBytes, 20 MB by default).
        MAX_CONTENT_LENGTH=64 * 1024 * 1024,
    )
    if config:
        app.config.update(config)
    app.json.sort_keys = False
    # Werkzeug would answer "//" in a path with an HTML redirect; ids are taken as given instead (found by fuzzing).
    app.url_map.merge_slashes = False

    from .mock_api.state import MockState

    app.extensions["tryon_mock"] = MockState(app.config["MOCK"])

    from .devtools import safety
    from .mock_api import control
    from .mock_api import errors
    from .mock_api import other_apis
    from .mock_api import proxy_api
    from .mock_api import storage
    from .preview import views as preview
    from .store import cart
    from .store import heavy
    from .store import pages

    errors.init_app(app)
    safety.init_app(app)
    app.register_blueprint(proxy_api.bp)
    app.register_blueprint(storage.bp)
    app.register_blueprint(control.bp)
    app.register_blueprint(cart.bp)
    app.register_blueprint(other_apis.v1)
    app.register_blueprint(other_apis.sellerpic)
    app.register_blueprint(pages.bp)
    app.register_blueprint(preview.bp)
    app.register_blueprint(heavy.bp)

    @app.before_request
    def note_epoch():  # registered after safety's guard, so a refused request changes nothing
        state = app.extensions["tryon_mock"]
        g.mock_epoch = state.epoch
        state.sweep()
        # A scripted fault on this path (config "faults"), answered before anything else.
        status = state.config["faults"].get(request.path)
        if status and not request.path.startswith("/_mock/"):
            headers = {"Retry-After": "1"} if status == 429 else {}
            return jsonify({"message": f"Mock fault: HTTP {status}"}), status, headers

    @app.after_request
    def log_request(response):
        state = app.extensions["tryon_mock"]
        if not request.path.startswith("/_mock/"):
            path = request.path if len(request.path) <= LOGGED_PATH_CHARS else request.path[:LOGGED_PATH_CHARS] + "…"
            entry = {
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "at": int(state.now() * 1000),
            }
            state.log_request(entry, g.get("mock_epoch"))
        return response

    return app
