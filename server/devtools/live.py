"""Live reload for development (`python -m server --live-reload`, which `python3 dev.py serve` uses).

A change under widget/ or extension/locales/ runs the whole build (build.py: sizes, budgets, the copy into
extension/assets/, the strings snippet); a change to a block, a snippet or a template needs none (each is read
again when it changes). Either way every open development page reloads: it listens to /_live/events (server-sent
events) through /_live/reload.js, which only our own pages include, never the built widget or the extension.

A stream holds one of the server's threads while it is open, so it must never starve the shoppers' requests: only a
top-level page listens (a frame reloads with its page: the state gallery's 36 frames open no stream), and at most a
quarter of the threads serve streams; one more is answered 503 at once (its page then just does not live-reload).
"""

from __future__ import annotations

import importlib.util
import threading
import time

from flask import Blueprint
from flask import Flask
from flask import Response
from flask import current_app
from flask import jsonify

from ..paths import ROOT

BUILD_INPUTS = (ROOT / "widget", ROOT / "extension" / "locales")
WATCHED = (*BUILD_INPUTS, ROOT / "extension" / "blocks", ROOT / "extension" / "snippets", ROOT / "templates")
# An open stream ends after this and the browser reconnects, so no thread is held for ever.
STREAM_SECONDS = 300
RELOAD_JS = "if (window === window.top) new EventSource('/_live/events').onmessage = () => location.reload();\n"


def streams_for(threads: int) -> int:
    """How many event streams a server of `threads` threads serves at once: a quarter of them, at least one."""
    return max(1, threads // 4)


bp = Blueprint("live", __name__, url_prefix="/_live")


class LiveReload:
    """A version number that goes up on every change; streams wait for it to move."""

    def __init__(self, streams: int = 4):
        # One slot per event stream that may be open at once (each holds a server thread).
        self.slots = threading.BoundedSemaphore(streams)
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
    files.pop(build.BUTTON_SNIPPET, None)
    return files


def watch(live: LiveReload, stop: threading.Event, interval: float = 0.3) -> None:
    build = load_build()
    for changed in build.changes(lambda: sources(build), lambda: stop.wait(interval), sources(build)):
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
    if not live.slots.acquire(blocking=False):
        message = "Every live-reload stream is taken (each holds a server thread); this page will not live-reload"
        return jsonify({"message": message, "code": "LIVE_STREAMS_BUSY"}), 503
    released = threading.Event()

    def release():
        if not released.is_set():
            released.set()
            live.slots.release()

    def stream():
        try:
            seen, deadline = live.version, time.monotonic() + STREAM_SECONDS
            yield "retry: 500\n\n"
            while time.monotonic() < deadline:
                if live.wait(seen, 10) != seen:
                    yield "data: reload\n\n"
                    return
                yield ": still here\n\n"
        finally:
            release()

    response = Response(stream(), mimetype="text/event-stream", headers={"Cache-Control": "no-store"})
    # Closed before it ever ran (the client went away at once): the slot is freed all the same.
    response.call_on_close(release)
    return response


@bp.get("/reload.js")
def reload_script():
    return Response(RELOAD_JS, mimetype="text/javascript", headers={"Cache-Control": "no-store"})


def init_app(app: Flask, streams: int = 4) -> threading.Event:
    """Serve the stream (at most `streams` at once) and the script, reload templates on change, watch the sources;
    returns the watcher's stop."""
    live = app.extensions["tryon_live"] = LiveReload(streams)
    app.jinja_env.auto_reload = True
    app.register_blueprint(bp)
    app.context_processor(lambda: {"live_reload": True, "live_problem": live.problem})
    stop = threading.Event()
    threading.Thread(target=watch, args=(live, stop), daemon=True, name="live-reload").start()
    return stop
