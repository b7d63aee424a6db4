"""Flask app: the mock Genlook app-proxy API, its control API, and the preview pages."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask
from flask import g
from flask import jsonify
from flask import request

ROOT = Path(__file__).resolve().parent.parent
# A logged path is cut here (ids are far shorter; a 200 KB path is an attack, not a request to remember).
LOGGED_PATH_CHARS = 1_024


def create_app(config: dict | None = None) -> Flask:
    """Build an app. `config` overrides Flask settings; its MOCK key overrides the mock's defaults."""
    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder=None)
    app.config.from_mapping(
        DIST_DIR=str(ROOT / "dist"),
        # Per app, so signed URLs from one instance never validate on another.
        URL_SIGNING_KEY=secrets.token_bytes(32),
        STORAGE_ORIGIN=None,
        # The server's own origin for the URLs it hands out (uploads, photos, results); None: the request's Host,
        # which server/safety.py has already checked is one of ours.
        PUBLIC_URL=None,
        # Host names answered besides IP literals and localhost (server/safety.py); "*" answers any.
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

    from .state import MockState

    app.extensions["tryon_mock"] = MockState(app.config["MOCK"])

    from . import cart
    from . import control
    from . import errors
    from . import heavy
    from . import other_apis
    from . import pages
    from . import preview
    from . import proxy_api
    from . import safety
    from . import storage

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
