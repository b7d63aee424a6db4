"""The test kit as a store's QA engineer gets it: this project pip-installed, a test file in a directory outside
the repository, a product page that is not one of ours. The file run is docs/testing.md's own example."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests.support.browser import chromium_path
from tests.support.server import running_server

ROOT = Path(__file__).resolve().parents[2]

# The store's own environment: a check that the kit is the installed copy, not this repository's. Which Chromium
# pytest-playwright starts is the kit's own option (TRYON_BROWSER_PATH, set by run_pytest), no fixture of ours.
CONFTEST = """
import os
import tryon_kit


def pytest_configure(config):
    assert tryon_kit.__file__.startswith(os.environ["KIT_SITE"]), tryon_kit.__file__
    assert tryon_kit.__version__ == os.environ["KIT_VERSION"], tryon_kit.__version__
"""

# Two tests that run at the same moment on two workers (each waits for the other), with different scenarios.
ISOLATION = """
import os
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

OTHER_SHOP = "https://other-shop.example/products/cap"


def meet(name):
    barrier = Path(os.environ["KIT_BARRIER"])
    (barrier / name).touch()
    deadline = time.monotonic() + 60
    while len(list(barrier.iterdir())) < 2:
        assert time.monotonic() < deadline, "the other test never started: not run in parallel"
        time.sleep(0.05)


@pytest.mark.parametrize("scenario, final, status, number", [("success", "completed", "COMPLETED", 101),
                                                             ("failed", "failed", "FAILED", 102)])
def test_parallel_tests_never_see_each_others_jobs(page, tryon, tryon_mock, scenario, final, status, number):
    page.route(OTHER_SHOP, lambda route: route.fulfill(body="<main><h1>Cap</h1></main>", content_type="text/html"))
    page.goto(OTHER_SHOP)
    product, variant = f"gid://shopify/Product/{number}", f"gid://shopify/ProductVariant/{number}"
    tryon_mock.inject_widget(page, product_id=product, variant_id=variant)
    meet(scenario)
    assert tryon.run(scenario) == final, tryon.failure_text
    [job] = tryon_mock.generations()
    assert (job["productId"], job["variantId"], job["status"]) == (product, variant, status)
"""


def readme_example() -> str:
    """The complete test file of docs/testing.md."""
    page = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    section = page.split("## A complete test file", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """This project installed from a wheel into a fresh folder (the way pip installs it for a store)."""
    work = tmp_path_factory.mktemp("kit")
    # Built from a copy: two test workers building in the same tree would share setuptools' build/ folder.
    source = work / "source"
    skipped = ("node_modules", ".venv", ".git", "dist", "build", "tests", "bench", "*.egg-info", "test-results")
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*skipped))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-w",
            str(work / "wheel"),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = (work / "wheel").glob("*.whl")
    site = work / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--disable-pip-version-check",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return wheel, site


def run_pytest(folder: Path, site: Path, *args: str) -> subprocess.CompletedProcess:
    barrier = folder / "barrier"
    barrier.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "KIT_SITE": str(site),
        "KIT_BARRIER": str(barrier),
        "TRYON_BROWSER_PATH": chromium_path() or "",
        "KIT_VERSION": tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"],
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_wheel_holds_the_kit_the_built_widget_and_a_version_and_nothing_else(installed) -> None:
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert {
        f"tryon_kit/widget/{name}"
        for name in (
            "tryon-widget.js",
            "tryon-client.js",
            "tryon-dialog.js",
            "tryon-photo.js",
            "tryon-features.js",
            "tryon-en.js",
        )
    } <= set(names)
    # Only the project's own names at the top of a user's site-packages (no generic server, tests or bench).
    assert {name.split("/")[0] for name in names} == {
        "tryon_kit",
        "tryon_server",
        f"{wheel.name.split('-py')[0]}.dist-info",
    }
    assert {
        "tryon_server/files/templates/pages/product.html",
        "tryon_server/files/extension/blocks/tryon.liquid",
    } <= set(names)
    assert "tryon_server/py.typed" in names
    assert "tryon_kit/py.typed" in names, "type checkers read the kit's annotations"
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "Classifier: Framework :: Pytest" in metadata and "Classifier: Typing :: Typed" in metadata
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "tryon = tryon_kit.plugin" in zipfile.ZipFile(wheel).read(entry_points).decode()
    assert re.match(r"tryon_widget-\d+\.\d+\.\d+-", wheel.name)


def test_the_readme_example_passes_against_a_store_page_that_is_not_ours(installed, tmp_path) -> None:
    _, site = installed
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_store_tryon.py").write_text(readme_example())
    result = run_pytest(tmp_path, site, "-n", "2")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\b5 passed\b", result.stdout), result.stdout[-2000:]


def test_two_tests_running_at_once_under_xdist_have_their_own_mock(installed, tmp_path) -> None:
    _, site = installed
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_isolation.py").write_text(ISOLATION)
    result = run_pytest(tmp_path, site, "-n", "2")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\b2 passed\b", result.stdout), result.stdout[-2000:]


PLAIN = """
def test_plain():
    assert 1 + 1 == 2


def test_wants_the_kit(tryon):
    pass
"""


@pytest.fixture(scope="module")
def fresh_venv(installed, tmp_path_factory) -> Path:
    """A fresh venv with pytest and the wheel with its runtime dependencies only (no extras, so no Playwright)."""
    wheel, _ = installed
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "pytest", str(wheel)], check=True, capture_output=True, timeout=300)
    return venv


def test_without_the_kit_extra_pytest_still_runs_and_a_kit_fixture_says_what_to_install(fresh_venv, tmp_path) -> None:
    """The plugin pytest loads from the wheel breaks nothing without `[kit]`, and only a test that asks for a kit
    fixture fails, naming what to install."""
    python = fresh_venv / "bin" / "python"
    assert subprocess.run([str(python), "-c", "import playwright"], capture_output=True).returncode != 0
    (tmp_path / "test_plain.py").write_text(PLAIN)
    result = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_plain.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "1 passed, 1 error" in result.stdout, result.stdout[-3000:] + result.stderr
    assert "the tryon fixture needs playwright and pytest_playwright: pip install 'tryon-widget[kit]'" in result.stdout


def test_the_installed_mock_serves_every_page_it_names(fresh_venv, tmp_path) -> None:
    """`tryon-mock` from the wheel, outside any checkout, answers every page it names, and each file they load."""
    command = str(fresh_venv / "bin" / "tryon-mock")
    version = subprocess.run([command, "--version"], capture_output=True, text=True, check=True).stdout
    assert (
        version.strip() == f"tryon-widget {tomllib.loads((ROOT / 'pyproject.toml').read_text())['project']['version']}"
    )
    log = tmp_path / "server.log"
    with running_server(4, log=log, command=(command,), cwd=tmp_path) as base:
        named = re.findall(r"(http://\S+/\S*)", log.read_text())
        assert [url.removeprefix(base) for url in named] == ["/", "/preview/", "/preview/states"], log.read_text()
        for url in named:
            with urlopen(url, timeout=10) as page:
                body = page.read().decode()
            loaded = re.findall(r'<(?:script|iframe|link)[^>]+(?:src|href)="(/[^"]*)"', body)
            assert loaded, url
            for path in loaded:
                with urlopen(base + html.unescape(path), timeout=10) as answer:
                    assert answer.status == 200, path
    assert "warning" not in log.read_text(), log.read_text()


def test_pytest_playwrights_base_url_names_the_store(installed, tmp_path) -> None:
    """The kit follows pytest-playwright: --base-url is the store goto_product() opens; --tryon-store-url wins."""
    _, site = installed
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_store.py").write_text(
        "import os\n\n\ndef test_store(tryon):\n    assert tryon.store_url == os.environ['EXPECTED_STORE']\n"
    )
    for arguments, expected in [
        (["--base-url", "https://store.example"], "https://store.example"),
        (["--base-url", "https://store.example", "--tryon-store-url", "https://dev.example"], "https://dev.example"),
    ]:
        os.environ["EXPECTED_STORE"] = expected
        try:
            result = run_pytest(tmp_path, site, *arguments)
        finally:
            del os.environ["EXPECTED_STORE"]
        assert result.returncode == 0 and "1 passed" in result.stdout, result.stdout[-3000:] + result.stderr[-2000:]
