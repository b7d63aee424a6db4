"""python -m bench.scaling: the cost of one status request with 10, 10,000 and 100,000 jobs stored, and of
the expiry sweep. In process (Flask's test client, the whole app stack, no network), so it measures the app.
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server import create_app  # noqa: E402

API = "/apps/proxy_genlook-x/public"
TIMELINE = [{"status": "PROCESSING", "polls": 1}, {"status": "COMPLETED", "polls": 1}]
REQUESTS = 3000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(count: int) -> dict:
    app = create_app({"TESTING": True})
    state = app.extensions["tryon_mock"]
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    ids = [state.new_job(TIMELINE).id for _ in range(count)]
    per_job = (tracemalloc.get_traced_memory()[0] - before) / count
    tracemalloc.stop()
    client = app.test_client()
    for gen_id in random.sample(ids, min(200, count)):  # warm up
        client.get(f"{API}/generation/{gen_id}")
    timings = []
    for _ in range(REQUESTS):
        gen_id = random.choice(ids)
        started = time.perf_counter()
        response = client.get(f"{API}/generation/{gen_id}")
        timings.append((time.perf_counter() - started) * 1e6)
        assert response.status_code == 200
    # A sweep when everything is young (the usual case), then when every job has expired.
    state._next_sweep = 0
    started = time.perf_counter()
    state.sweep()
    young = (time.perf_counter() - started) * 1e3
    state.clock_offset += state.config["retentionSeconds"] + 1
    state._next_sweep = 0
    started = time.perf_counter()
    state.sweep()
    expired = (time.perf_counter() - started) * 1e3
    assert not state.jobs
    return {
        "jobs": count,
        "mean": statistics.fmean(timings),
        "p50": percentile(timings, 0.5),
        "p99": percentile(timings, 0.99),
        "bytes_per_job": per_job,
        "sweep_young_ms": young,
        "sweep_all_ms": expired,
    }


def main() -> int:
    random.seed(1)
    print(f"one GET /generation/:id through the whole Flask app, {REQUESTS} requests per row")
    print(
        f"{'jobs stored':>12}{'mean µs':>10}{'p50 µs':>9}{'p99 µs':>9}{'bytes/job':>11}{'sweep ms':>10}"
        f"{'expire all ms':>15}"
    )
    for count in (10, 10_000, 100_000):
        row = measure(count)
        print(
            f"{row['jobs']:>12,}{row['mean']:>10.0f}{row['p50']:>9.0f}{row['p99']:>9.0f}"
            f"{row['bytes_per_job']:>11,.0f}{row['sweep_young_ms']:>10.3f}{row['sweep_all_ms']:>15.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
