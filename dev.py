#!/usr/bin/env python3
"""Set everything up, then run. Needs only Python 3.11+, Node/npm and (for tests, on Debian) apt.

    python3 dev.py serve [server options]   set up, build, start the dev server (PORT env or --port; default 5000)
    python3 dev.py test [pytest options]    set up, build, find or install Chromium, run the whole test suite
    python3 dev.py test --stress [...]      the same with every core kept busy by a CPU burner, as on a shared CI
                                            machine: the suite must pass there too
    python3 dev.py setup                    set up and build only
    python3 dev.py --version                the project's version

Setup is idempotent: the virtual environment (.venv), Python packages and npm packages are installed
only when missing or when pyproject.toml / package-lock.json changed, so a second run starts at once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

from tests.support.browser import chromium_path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMPS = ROOT / ".setup-stamps"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(*cmd: str | Path, **kwargs) -> None:
    result = subprocess.run([str(part) for part in cmd], cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(f"[dev] failed ({result.returncode}): {' '.join(map(str, cmd))}")


def fingerprint(*paths: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fresh(name: str, value: str) -> bool:
    stamp = STAMPS / name
    return stamp.exists() and stamp.read_text() == value


def mark(name: str, value: str) -> None:
    STAMPS.mkdir(exist_ok=True)
    (STAMPS / name).write_text(value)


def setup(extras: str = "") -> None:
    """Install what a command needs: the runtime packages for `serve`, the test tools too for `test` (`extras`)."""
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs on whatever python3 the user has)
        sys.exit(f"[dev] Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    # Said before minutes of pip installs: the build needs npm's esbuild whatever else is installed.
    npm = shutil.which("npm")
    if not npm:
        sys.exit("[dev] npm is not on PATH; install Node.js 20.19+ with npm (the build and its tools need it)")
    if not PYTHON.exists():
        say("creating the virtual environment in .venv")
        venv.create(VENV, with_pip=True)
    python_deps = fingerprint(ROOT / "pyproject.toml")
    target = "." + (f"[{extras}]" if extras else "")
    # A test setup covers a serve setup; a serve setup does not cover a test setup.
    if not fresh("pip-" + (extras or "runtime"), python_deps) and not (not extras and fresh("pip-test", python_deps)):
        say(f"installing Python packages (pip install -e {target})")
        run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target)
        mark("pip-" + (extras or "runtime"), python_deps)
    node_deps = fingerprint(ROOT / "package-lock.json")
    if not fresh("npm", node_deps) or not (ROOT / "node_modules" / ".bin" / "esbuild").exists():
        say("installing the pinned npm tools: esbuild, ESLint, Prettier, Theme Check, TypeScript, Vite (npm ci)")
        run(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
        mark("npm", node_deps)
    say("building the widget (python build.py)")
    run(PYTHON, "build.py")


def chromium() -> str | None:
    """A Chromium for Playwright: $TRYON_CHROMIUM, a system Chromium, apt on Debian as root, or Playwright's own."""
    if os.environ.get("TRYON_CHROMIUM") or chromium_path():
        return chromium_path()
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing Debian's Chromium (apt-get install -y chromium)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env)
        if subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], env=env).returncode == 0:
            return "/usr/bin/chromium"
    say("no system Chromium; trying Playwright's own (python -m playwright install chromium)")
    if subprocess.run([str(PYTHON), "-m", "playwright", "install", "chromium"], cwd=ROOT).returncode == 0:
        return None
    sys.exit(
        "[dev] no Chromium could be found or installed. Install one (Debian: `sudo apt-get install chromium`) "
        "and set TRYON_CHROMIUM=/path/to/chromium, or run `.venv/bin/python -m playwright install chromium`."
    )


def burner() -> subprocess.Popen:
    """A process that keeps one core busy (at the suite's own priority) until it is killed."""
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command == "--version":
        print(f"tryon-widget {tomllib.loads((ROOT / 'pyproject.toml').read_text())['project']['version']}")
        return 0
    if command not in ("serve", "test", "setup"):
        print(__doc__)
        return 2
    setup("" if command == "serve" else "test")
    if command == "serve":
        os.execv(PYTHON, [str(PYTHON), "-m", "server", "--live-reload", *rest])
    if command == "test":
        env = dict(os.environ)
        path = chromium()
        env["TRYON_CHROMIUM"] = path or "bundled"
        say(f"browser: {path or 'Playwright bundled Chromium'}")
        stress = "--stress" in rest
        rest = [arg for arg in rest if arg != "--stress"]
        # Parallel workers by default; pass -n 0 (or any -n) to choose.
        workers = [] if any(arg == "-n" or arg.startswith("-n") for arg in rest) else ["-n", "auto"]
        burners = [burner() for _ in range(os.cpu_count() or 1)] if stress else []
        if stress:
            say(f"--stress: {len(burners)} CPU burners keep every core busy while the suite runs")
        try:
            return subprocess.call([str(PYTHON), "-m", "pytest", *workers, *rest], cwd=ROOT, env=env)
        finally:
            for process in burners:
                process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
