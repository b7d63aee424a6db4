"""python -m bench.load [--widgets 200,400,800,1600] [--seconds 30]: simulated widgets against `python -m server`.

Each widget is one keep-alive connection doing what the storefront does: check credits, prepare the upload,
PUT an 80 KB photo, complete it, create a generation, poll it every 2 s until COMPLETED, fetch the result,
send an analytics batch, and start again. Jobs follow the `slow` scenario (about 20 s, like a real generation).
Each widget has its own address (X-Forwarded-For), so the per-shopper limits apply per widget as they would.
Prints requests/s, latency percentiles and errors per step of the ramp; the generator runs on the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import random
import sys
import time
from urllib.parse import urlsplit

from tests.support.mock import control
from tests.support.mock import unlimited
from tests.support.server import running_server

from . import LOG

API = "/apps/proxy_genlook-x/public"
POLL_S = 2.0
CYCLE_S = 22.0  # a `slow` generation (20 s) and the steps around it


def photo() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.effect_noise((320, 400), 60).convert("RGB").save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


class Connection:
    """HTTP/1.1 keep-alive over asyncio streams: just enough for JSON and image answers with Content-Length."""

    def __init__(self, host: str, port: int, address: str):
        self.host, self.port, self.address = host, port, address
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body: bytes = b"", content_type: str = "application/json"):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nX-Forwarded-For: {self.address}\r\n"
            f"Content-Length: {len(body)}\r\n" + (f"Content-Type: {content_type}\r\n" if body else "") + "\r\n"
        )
        self.writer.write(head.encode() + body)
        await self.writer.drain()
        status = int((await self.reader.readline()).split()[1])
        length, close = 0, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and "close" in value.lower():
                close = True
        data = await self.reader.readexactly(length)
        if close:
            self.writer.close()
            self.writer = None
        return status, data


def step_name(path: str) -> str:
    if "/generation/" in path:
        return "status poll"
    if path.startswith("/_storage/results/"):
        return "result image"
    return path.split("?")[0].rsplit("/", 1)[-1]


class Stats:
    def __init__(self):
        self.latencies: list[float] = []
        self.by_step: dict[str, list[float]] = {}
        self.errors = 0
        self.generations = 0

    def record(self, step: str, seconds: float) -> None:
        self.latencies.append(seconds)
        self.by_step.setdefault(step, []).append(seconds)

    def steps(self) -> str:
        parts = []
        for step, values in sorted(self.by_step.items()):
            ordered = sorted(values)
            parts.append(f"{step} p99 {ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1000:.1f}")
        return "; ".join(parts)

    def summary(self, seconds: float) -> dict:
        ordered = sorted(self.latencies) or [0.0]
        pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
        return {
            "rps": len(self.latencies) / seconds,
            "p50": pick(0.5),
            "p95": pick(0.95),
            "p99": pick(0.99),
            "max": ordered[-1] * 1000,
            "errors": self.errors,
            "requests": len(self.latencies),
            "generations": self.generations,
        }


async def widget(base: str, index: int, image: bytes, stats: Stats, stop: float) -> None:
    parts = urlsplit(base)
    conn = Connection(parts.hostname, parts.port, f"10.{index // 65536 % 256}.{index // 256 % 256}.{index % 256}")
    storage = None

    async def call(method, path, body=b"", content_type="application/json", ok=(200,)):
        started = time.perf_counter()
        try:
            status, data = await conn.request(method, path, body, content_type)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            conn.writer = None
            stats.errors += 1
            await asyncio.sleep(POLL_S)  # as a widget backs off
            return None
        stats.record(step_name(path), time.perf_counter() - started)
        if status not in ok:
            stats.errors += 1
            await asyncio.sleep(POLL_S)
            return None
        return data

    # Shoppers arrive at random moments, not in step: spread the starts over one generation's length.
    await asyncio.sleep(random.random() * CYCLE_S)
    while time.perf_counter() < stop:
        if await call("GET", f"{API}/check-credits") is None:
            continue
        prepared = await call("POST", f"{API}/prepare-upload")
        if prepared is None:
            continue
        prepared = json.loads(prepared)
        upload = urlsplit(prepared["uploadUrl"])
        # The signed URL is on the other loopback name; a browser would open a second connection to it.
        storage = storage or Connection("127.0.0.1", parts.port, conn.address)
        started = time.perf_counter()
        try:
            status, _ = await storage.request("PUT", f"{upload.path}?{upload.query}", image, "application/octet-stream")
            stats.record("upload PUT", time.perf_counter() - started)
        except (OSError, asyncio.IncompleteReadError):
            storage, status = None, 0
        if status != 200:
            stats.errors += 1
            continue
        done = await call("POST", f"{API}/upload-complete", json.dumps({"uploadKey": prepared["uploadKey"]}).encode())
        if done is None:
            continue
        body = json.dumps({"userImageId": json.loads(done)["fileId"], "productId": "gid://shopify/Product/8001"})
        created = await call("POST", f"{API}/fitting-room", body.encode())
        if created is None:
            continue
        job = json.loads(created)["jobId"]
        for _ in range(60):
            await asyncio.sleep(POLL_S)
            answer = await call("GET", f"{API}/generation/{job}")
            if answer is not None and json.loads(answer)["status"] == "COMPLETED":
                result = urlsplit(json.loads(answer)["resultImageUrl"])
                await call("GET", f"{result.path}?{result.query}")
                stats.generations += 1
                break
        events = {
            "events": [
                {
                    "event": "widget:result_view",
                    "timestamp": "2026-01-01T00:00:00Z",
                    "$insert_id": f"{index}-{time.time()}",
                }
            ],
            "context": {"$host": "bench"},
        }
        await call("POST", f"{API}/tracking/events", json.dumps(events).encode())
        await asyncio.sleep(POLL_S)


async def ramp_step(base: str, count: int, seconds: float, image: bytes) -> dict:
    stats = Stats()
    warmup = CYCLE_S
    stop = time.perf_counter() + seconds + warmup
    tasks = [asyncio.create_task(widget(base, i, image, stats, stop)) for i in range(count)]
    await asyncio.sleep(warmup)
    stats.latencies.clear()
    stats.by_step.clear()
    stats.errors = 0
    started = time.perf_counter()
    await asyncio.sleep(seconds)
    row = stats.summary(time.perf_counter() - started)
    row["steps"] = stats.steps()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--widgets", default="200,400,800,1600", help="widget counts to ramp through")
    parser.add_argument("--seconds", type=float, default=30, help="measured seconds per step (after a warm-up)")
    parser.add_argument("--threads", type=int, default=16, help="server threads")
    parser.add_argument("--detail", action="store_true", help="also print p99 by step")
    args = parser.parse_args(argv)
    image = photo()
    print(
        f"photo {len(image):,} bytes; server: python -m server --threads {args.threads} (waitress); "
        f"scenario slow; poll every {POLL_S:.0f} s"
    )
    print(
        f"{'widgets':>8}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'max ms':>8}{'errors':>8}"
        f"{'requests':>10}{'done':>6}"
    )
    # The generator plays the proxy in front of many shoppers: each widget's X-Forwarded-For is its address.
    with running_server(args.threads, "--trusted-proxy", log=LOG) as base:
        limits = unlimited(1_000_000)
        control(base, "PUT", "/config", {"scenario": "slow", "rateLimits": limits})
        for count in [int(n) for n in args.widgets.split(",")]:
            row = asyncio.run(ramp_step(base, count, args.seconds, image))
            print(
                f"{count:>8}{row['rps']:>8.0f}{row['p50']:>8.1f}{row['p95']:>8.1f}{row['p99']:>8.1f}"
                f"{row['max']:>8.0f}{row['errors']:>8}{row['requests']:>10}{row['generations']:>6}",
                flush=True,
            )
            if args.detail:
                print(f"         ms by step: {row['steps']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
