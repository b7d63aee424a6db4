"""The mock server for tests and benchmarks: in a thread (LiveServer, stopped and started again like a process) or as
a real `python -m server` process (running_server)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
from pathlib import Path

from waitress.server import create_server

from .mock import control
from .waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


class LiveServer:
    """The app under waitress (as `python -m server` runs it) in a thread; stop() and start() again on the same port."""

    def __init__(self, app, port: int = 0):
        self.app = app
        self.port = port
        self.start()

    def start(self) -> None:
        # The socket map is ours (create_server's `map` argument), so stop() can close every connection in it.
        self.connections: dict = {}
        self.server = create_server(
            self.app, map=self.connections, host="127.0.0.1", port=self.port, threads=16, asyncore_use_poll=True
        )
        self.port = self.server.effective_port
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop as a process would: the listening socket and every open connection close."""

        server, trigger = self.server, self.server.trigger

        def close(keep=()):  # in the server's loop thread, woken through its trigger
            for channel in list(self.connections.values()):
                if channel not in keep:
                    channel.close()

        # The connections first; the listening socket and the trigger (closing the one closes the other) once the
        # running tasks have ended, since a task pulls the trigger when it ends (a closed one raises OSError).
        trigger.pull_trigger(lambda: close(keep=(server, trigger)))
        server.task_dispatcher.shutdown()
        trigger.pull_trigger(close)  # the loop ends with the map empty
        self.thread.join(5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextlib.contextmanager
def running_server(
    threads: int = 16,
    *options: str,
    process_out: list | None = None,
    log: Path | None = None,
    command: tuple[str, ...] = (sys.executable, "-m", "server"),
    cwd: Path = ROOT,
):
    """Yield the base URL of a fresh `python -m server` process (or `command`, e.g. an installed `tryon-mock`):
    `options` go to it; `process_out` gets the process; what it prints goes to `log`, else is dropped."""
    port = free_port()
    with open(log, "w") if log else contextlib.nullcontext(subprocess.DEVNULL) as output:
        process = subprocess.Popen(
            [*command, "--port", str(port), "--threads", str(threads), *options],
            cwd=cwd,
            stdout=output,
            stderr=output,
        )
        if process_out is not None:
            process_out.append(process)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for(lambda: listening(port) and control(url, "GET", "/config"), 10, "the server to start")
            yield url
        finally:
            process.terminate()
            process.wait(10)
