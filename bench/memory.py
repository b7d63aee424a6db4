"""python -m bench.memory [--jobs 120000]: the server's peak memory under each hostile load of issue 15.

Each load runs against a fresh `python -m server` (waitress); the figure is the process's peak resident size
(VmHWM in /proc, Linux) above its size at rest, and what the mock reports keeping (`GET /_mock/usage`).
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import struct
import sys
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from PIL import Image

from tests.support.server import running_server

from . import LOG

API = "/apps/proxy_genlook-x/public"
MB = 1024 * 1024


def kib(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))


class Client:
    """One keep-alive connection; `address` is sent as X-Forwarded-For (the server trusts it only when told)."""

    def __init__(self, base: str, address: str = ""):
        parts = urlsplit(base)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        self.address = address

    def call(self, method: str, path: str, body: bytes | dict | None = None, content_type: str = "application/json"):
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        headers = {"Content-Type": content_type} if data is not None else {}
        if self.address:
            headers["X-Forwarded-For"] = self.address
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        return response.status, payload


def bomb_png(side: int = 13_000) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = zlib.compress(b"\x00" * (side + 1) * side, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", rows)
        + chunk(b"IEND", b"")
    )


def upload(client: Client, data: bytes) -> int:
    status, body = client.call("POST", f"{API}/prepare-upload")
    if status != 200:
        return status
    prepared = json.loads(body)
    parts = urlsplit(prepared["uploadUrl"])
    status, _ = client.call("PUT", f"{parts.path}?{parts.query}", data, "application/octet-stream")
    if status == 200:
        status, _ = client.call("POST", f"{API}/upload-complete", {"uploadKey": prepared["uploadKey"]})
    return status


def load_bombs(base: str) -> str:
    data = bomb_png()
    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(lambda n: upload(Client(base, f"10.0.0.{n}"), data), range(4)))
    return f"4 concurrent uploads of a {len(data):,} B PNG declaring 13000x13000: statuses {sorted(set(statuses))}"


def load_tracking(base: str) -> str:
    client = Client(base)
    event = {"event": "widget:button_click", "timestamp": "2026-01-01T00:00:00Z", "$insert_id": "x"}
    body = json.dumps({"events": [event], "context": {"pad": "x" * 20 * MB}}).encode()
    statuses = {client.call("POST", f"{API}/tracking/events", body)[0] for _ in range(30)}
    return f"30 analytics batches with a 20 MB context: statuses {sorted(statuses)}"


def load_long_paths(base: str) -> str:
    client = Client(base)
    statuses = {client.call("GET", f"{API}/generation/" + "g" * 200_000)[0] for _ in range(2_000)}
    return f"2,000 requests to 200 KB paths: statuses {sorted(statuses)}"


def photo(megabytes: int) -> bytes:
    out = io.BytesIO()
    side = 2400
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "JPEG", quality=100)
    data = out.getvalue()
    # Pad past the JPEG's end to the size asked for (the mock checks content by its first bytes).
    return data + b"\x00" * max(0, megabytes * MB - 64 - len(data))


def load_uploads_rotating_ids(base: str) -> str:
    data = photo(19)
    client = Client(base)
    statuses = []
    for n in range(30):
        status, body = client.call("POST", f"{API}/prepare-upload?logged_in_customer_id={n}")
        if status != 200:
            statuses.append(status)
            continue
        prepared = json.loads(body)
        parts = urlsplit(prepared["uploadUrl"])
        statuses.append(client.call("PUT", f"{parts.path}?{parts.query}", data, "application/octet-stream")[0])
    return f"30 uploads of {len(data) / MB:.0f} MB, rotating unsigned customer ids: statuses {summary(statuses)}"


def load_uploads_many_shoppers(base: str) -> str:
    data = photo(19)
    statuses = [upload(Client(base, f"10.1.0.{n}"), data) for n in range(40)]
    return f"40 uploads of {len(data) / MB:.0f} MB from 40 addresses (trusted proxy): statuses {summary(statuses)}"


def load_jobs(base: str, count: int) -> str:
    def create(n: int) -> int:
        client = Client(base)
        done = 0
        for _ in range(count // 8):
            status, _ = client.call("POST", "/_mock/generations", {"scenario": "success"})
            done += status == 201
        return done

    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        made = sum(pool.map(create, range(8)))
    return f"{made:,} POST /_mock/generations in {time.monotonic() - started:.0f} s"


def summary(statuses: list[int]) -> str:
    return ", ".join(f"{status} x{statuses.count(status)}" for status in sorted(set(statuses)))


def measure(name: str, run, *options: str) -> None:
    process = []
    with running_server(16, *options, process_out=process, log=LOG) as base:
        pid = process[0].pid
        time.sleep(0.3)
        rest = kib(pid, "VmRSS")
        said = run(base)
        peak, now = kib(pid, "VmHWM"), kib(pid, "VmRSS")
        usage = json.loads(Client(base).call("GET", "/_mock/usage")[1])
    print(
        f"{name:<24} peak +{(peak - rest) / 1024:7.1f} MiB  after +{(now - rest) / 1024:7.1f} MiB  "
        f"kept {usage['storedBytes'] / MB:6.1f} MiB, {usage['jobs']:,} jobs   ({said})",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=120_000, help="jobs to create in the last load")
    args = parser.parse_args()
    if not os.path.exists(f"/proc/{os.getpid()}/status"):
        print("needs Linux (/proc)", file=sys.stderr)
        return 1
    print("peak resident memory above the server's size at rest, per load (fresh server each)")
    measure("image bombs", load_bombs, "--trusted-proxy")
    measure("huge analytics batches", load_tracking)
    measure("long paths", load_long_paths)
    measure("uploads, rotating ids", load_uploads_rotating_ids)
    measure("uploads, 40 shoppers", load_uploads_many_shoppers, "--trusted-proxy")
    measure("control-API jobs", lambda base: load_jobs(base, args.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
