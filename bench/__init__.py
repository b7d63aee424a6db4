"""Benchmarks: each module is a command (`python -m bench.<name>`) that prints its figures; see BENCHMARKS.md.
Their helpers (the browser, the server, the mock, a shopper's try-on) are tests/support's."""

from pathlib import Path

# The benchmark server's errors, to read after a run (git-ignored).
LOG = Path(__file__).with_name("server.log")
