"""Live reload for development (`python -m server --live-reload`, which `python3 dev.py serve` uses).

A change under widget/ or extension/locales/ runs the whole build (build.py: sizes, budgets, the copy into
extension/assets/, the strings snippet); a change to a block, a snippet or a template needs none (each is read
again when it changes). Either way every open development page reloads: it listens to /_live/events (server-sent
events) through /_live/reload.js, which only our own pages include, never the built widget or the extension.
"""

from __future__ import annotations

import importlib.util
import threading
import time

from flask import Blueprint
from flask import Flask
from flask import Response
from flask import current_app

from . import ROOT

BUILD_INPUTS = (ROOT / "widget", ROOT / "extension" / "locales")
WATCHED = (*BUILD_INPUTS, ROOT / "extension" / "blocks", ROOT / "extension" / "snippets", ROOT / "templates")
# An open stream ends after this and the browser reconnects, so no thread is held for ever.
STREAM_SECONDS = 300
RELOAD_JS = "new EventSource('/_live/events').onmessage = () => location.reload();\n"

bp = Blueprint("live", __name__, url_prefix="/_live")


class LiveReload:
    """A version number that goes up on every change; streams wait for it to move."""

    def __init__(self):
        self.version = 0
        self.problem = ""  # the last build's failure, shown on the development pages
        self.changed = threading.Condition()

    def bump(self, problem: str = "") -> None:
        with self.changed:
            self.version += 1
            self.problem = problem
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout)
            return self.version


def load_build():
    """build.py of this source tree (live reload works from a clone, not from an installed package)."""
    spec = importlib.util.spec_from_file_location("tryon_build", ROOT / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sources(build) -> dict:
    """The watched files and their times, without the snippet the build writes (else each build would reload twice)."""
    files = build.snapshot(WATCHED)
    files.pop(build.STRINGS_SNIPPET, None)
    return files


def watch(live: LiveReload, stop: threading.Event, interval: float = 0.3) -> None:
    build = load_build()
    before = sources(build)
    while not stop.wait(interval):
        now = sources(build)
        if now == before:
            continue
        changed = {path for path in now.keys() | before.keys() if now.get(path) != before.get(path)}
        before = now
        problem = ""
        if any(folder in path.parents for path in changed for folder in BUILD_INPUTS):
            print(f"[live] {len(changed)} changed; building", flush=True)
            if build.build() != 0:
                problem = "The last build failed (over budget, or an error): see the terminal."
                print(f"[live] !!! {problem}", flush=True)
        live.bump(problem)
        print("[live] reloading open pages", flush=True)


@bp.get("/events")
def events():
    live: LiveReload = current_app.extensions["tryon_live"]

    def stream():
        seen, deadline = live.version, time.monotonic() + STREAM_SECONDS
        yield "retry: 500\n\n"
        while time.monotonic() < deadline:
            if live.wait(seen, 10) != seen:
                yield "data: reload\n\n"
                return
            yield ": still here\n\n"

    return Response(stream(), mimetype="text/event-stream", headers={"Cache-Control": "no-store"})


@bp.get("/reload.js")
def reload_script():
    return Response(RELOAD_JS, mimetype="text/javascript", headers={"Cache-Control": "no-store"})


def init_app(app: Flask) -> threading.Event:
    """Serve the stream and the script, reload templates on change, watch the sources; returns the watcher's stop."""
    live = app.extensions["tryon_live"] = LiveReload()
    app.jinja_env.auto_reload = True
    app.register_blueprint(bp)
    app.context_processor(lambda: {"live_reload": True, "live_problem": live.problem})
    stop = threading.Event()
    threading.Thread(target=watch, args=(live, stop), daemon=True, name="live-reload").start()
    return stop
