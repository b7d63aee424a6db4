"""python -m bench.page_impact [--runs 7] [--lighthouse 3]: what the widget costs a product page on load.

The product page with the block (`/`) and without it (`/?widget=off`), in headless Chromium against
`python -m server`: main-thread script and task time (Chrome's Performance metrics), long tasks, cumulative
layout shift, first contentful paint, when the try-on button is painted, and every request made before the
first press. Then the Lighthouse performance score of both (npm `lighthouse` in bench/, driving the same
Chromium; `npm ci --prefix bench` installs it). Medians over the runs.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.support.browser import CHROMIUM_FLAGS as FLAGS
from tests.support.browser import chromium_path
from tests.support.browser import launch
from tests.support.server import running_server

from . import LOG

# The files a press loads (tryon-client.js, tryon-dialog.js, ...): never before the first press.
LAZY = re.compile(r"/tryon-(?!widget)[a-z]+\.js")

BENCH = Path(__file__).resolve().parent
# Long tasks, layout shifts, paints, and the moment the widget's button first exists in a painted frame.
OBSERVE = """
window.__perf = { longTasks: [], cls: 0, buttonAt: null };
new PerformanceObserver((list) => { for (const e of list.getEntries()) __perf.longTasks.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) __perf.cls += e.value; })
  .observe({ type: 'layout-shift', buffered: true });
(function watch() {
  const button = document.querySelector('tryon-widget')?.shadowRoot?.querySelector('[part=button]');
  if (button && button.textContent) requestAnimationFrame(() => (__perf.buttonAt = performance.now()));
  else requestAnimationFrame(watch);
})();
"""


def widget_cpu_ms(profile: dict) -> float:
    """Self time of every function from tryon-widget.js in a CPU profile (compile and run of the script)."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    deltas = dict.fromkeys(nodes, 0)
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        deltas[sample] += delta
    return sum(deltas[i] for i, node in nodes.items() if node["callFrame"]["url"].endswith("/tryon-widget.js")) / 1000


def one_load(browser, base: str, url: str) -> dict:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url.replace(base, "")))
    page.add_init_script(OBSERVE)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 50})
    cdp.send("Profiler.start")
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1500)  # idle after load: anything the widget would do unprompted happens here
    profile = cdp.send("Profiler.stop")["profile"]
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    perf = page.evaluate("""() => ({ ...window.__perf,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null })""")
    context.close()
    return {
        "widget_ms": widget_cpu_ms(profile),
        "script_ms": metrics["ScriptDuration"] * 1000,
        "task_ms": metrics["TaskDuration"] * 1000,
        "long_tasks": len(perf["longTasks"]),
        "long_ms": sum(perf["longTasks"]),
        "cls": perf["cls"],
        "fcp": perf["fcp"],
        "button": perf["buttonAt"],
        "requests": requests,
    }


def lighthouse(url: str, runs: int) -> list[float] | None:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print("  (Lighthouse not installed: `npm ci --prefix bench`)")
        return None
    scores = []
    for _ in range(runs):
        out = subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--only-categories=performance",
                "--output=json",
                "--output-path=stdout",
                f"--chrome-flags=--headless=new {' '.join(FLAGS)}",
            ],
            capture_output=True,
            text=True,
            env={"CHROME_PATH": chromium_path() or "", "PATH": "/usr/bin:/bin"},
        )
        if out.returncode != 0:
            print("  lighthouse failed:", out.stderr[-500:])
            return None
        report = json.loads(out.stdout)
        scores.append(report["categories"]["performance"]["score"] * 100)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.page_impact", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--heavy", action="store_true", help="the heavy product page (/?heavy=1: large images, third-party-like script)"
    )
    parser.add_argument("--lighthouse", type=int, default=3, help="Lighthouse runs per page (0: skip)")
    args = parser.parse_args(argv)
    with running_server(log=LOG) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        heavy = ["heavy=1"] if args.heavy else []
        pages = {
            "without widget": f"{base}/?" + "&".join(["widget=off", *heavy]),
            "with widget": f"{base}/" + "".join("?" + q for q in heavy),
        }
        rows = {}
        for name, url in pages.items():
            one_load(browser, base, url)  # warm the server's caches
            rows[name] = [one_load(browser, base, url) for _ in range(args.runs)]
        browser.close()
        med = lambda name, key: statistics.median(r[key] for r in rows[name] if r[key] is not None)  # noqa: E731
        print(f"median of {args.runs} loads, 412x823 viewport, no throttling")
        print(f"{'':<16}{'script ms':>10}{'tasks ms':>10}{'long tasks':>11}{'CLS':>7}{'FCP ms':>8}{'button ms':>10}")
        for name in pages:
            button = f"{med(name, 'button'):>10.0f}" if name == "with widget" else f"{'-':>10}"
            print(
                f"{name:<16}{med(name, 'script_ms'):>10.1f}{med(name, 'task_ms'):>10.1f}"
                f"{max(r['long_tasks'] for r in rows[name]):>11}{max(r['cls'] for r in rows[name]):>7.3f}"
                f"{med(name, 'fcp'):>8.0f}{button}"
            )
        print(
            f"tryon-widget.js on the main thread (CPU profile, 50 µs samples): median "
            f"{med('with widget', 'widget_ms'):.2f} ms, max {max(r['widget_ms'] for r in rows['with widget']):.2f} ms"
        )
        script = med("with widget", "script_ms") - med("without widget", "script_ms")
        print(
            f"page totals, with minus without: {script:+.1f} "
            f"ms script, {med('with widget', 'task_ms') - med('without widget', 'task_ms'):+.1f} ms tasks "
            "(run-to-run noise is larger than the widget)"
        )
        extra = sorted(set(rows["with widget"][0]["requests"][1:]) - set(rows["without widget"][0]["requests"][1:]))
        print("requests the widget adds before any press:", ", ".join(extra) or "none")
        press = [u for r in rows["with widget"] for u in r["requests"] if "/apps/" in u or LAZY.search(u)]
        print("API or UI requests before the first press:", len(press))
        if args.lighthouse:
            print(f"\nLighthouse performance score (mobile, simulated throttling), {args.lighthouse} runs each")
            scores = {name: lighthouse(url, args.lighthouse) for name, url in pages.items()}
            for name, values in scores.items():
                if values:
                    print(
                        f"  {name:<16} median {statistics.median(values):.1f}  "
                        f"spread {min(values):.0f}-{max(values):.0f}"
                        f"  runs {[round(v) for v in values]}"
                    )
            if all(scores.values()):
                delta = statistics.median(scores["without widget"]) - statistics.median(scores["with widget"])
                # Shopify weighs a store's score: home 17 %, product pages 40 %, collections 43 %; the widget is
                # only on product pages.
                print(
                    f"  points the widget costs the product page: {delta:.1f} (goal at most 1; Shopify's limit 10);"
                    f" the store's weighted score: {0.40 * delta:.1f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
