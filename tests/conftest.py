"""Shared fixtures: paths, the real-tool policy, and a headless Chromium page.

A test that needs a real tool asks `require_tool`; on a laptop without the tool it
skips with a reason naming it, and under CJM_REQUIRE_TOOLS=1 (CI) it fails instead.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.cjm"))
# The maps of the portfolio (examples/portfolio/): they `use` its persona library, so they
# compile only with their path (`cjmdsl.parse(text, path=…)`); the library is not a map.
PORTFOLIO_FOLDER = ROOT / "examples" / "portfolio"


def _is_library(path: Path) -> bool:
    from cjmdsl.api import check

    return check(path.read_text(encoding="utf-8"), path.name, path=path).library


PORTFOLIO = sorted(path for path in PORTFOLIO_FOLDER.glob("*.cjm") if not _is_library(path))
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def interrupt_and_wait(process: subprocess.Popen, seconds: float = 20) -> int:
    """Ctrl-C a long-running `cjm` (watch, serve) and wait for it, killing it if it hangs so
    that no test leaves a server behind."""
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


def long_running(command: list[str]) -> subprocess.Popen:
    """Start `command` as a user's terminal would: with Ctrl-C (SIGINT) at its default. A test
    run started in the background inherits SIGINT ignored (POSIX does that to background
    jobs), and the child would then ignore Ctrl-C as well."""
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def require_tool(name: str, found: bool, hint: str) -> None:
    """Skip (or fail under CJM_REQUIRE_TOOLS=1) when a real tool is missing."""
    if found:
        return
    message = f"{name} is not installed ({hint})"
    if os.environ.get("CJM_REQUIRE_TOOLS") == "1":
        pytest.fail(message + "; CJM_REQUIRE_TOOLS=1 forbids skipping")
    pytest.skip(message)


def _first_line(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"not found ({error.__class__.__name__})"
    return ((result.stdout or result.stderr).strip().splitlines() or ["no output"])[0]


def pytest_report_header(config) -> list[str]:
    """The versions the browser and picture tests ran against, at the top of the log."""
    fonts = []
    for family in ("Liberation Sans", "Liberation Sans:bold", "sans-serif"):
        file, _, version = _first_line(["fc-match", "-f", "%{file} %{fontversion}", family]).rpartition(" ")
        fonts.append(f"font {family}: {file} {int(version) / 65536:.2f}" if version.isdigit()
                     else f"font {family}: {file} {version}")
    listed = _first_line(["dpkg-query", "-W", "-f", "${Package}=${Version};", "chromium",
                          "fonts-liberation", "fonts-liberation2", "fonts-dejavu-core", "graphviz"])
    packages = ", ".join(entry.replace("=", " ") for entry in listed.split(";")
                         if "=" in entry and not entry.endswith("="))
    return [f"chromium: {_first_line([CHROMIUM, '--version'])}", *fonts,
            f"debian packages: {packages or 'none found'}",
            f"graphviz: {_first_line(['dot', '-V'])}",
            f"rsvg-convert: {_first_line(['rsvg-convert', '--version'])}"]


def pytest_addoption(parser):
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="rewrite golden files from the current output (read the diff before committing)",
    )


@pytest.fixture
def regen_golden(request) -> bool:
    return request.config.getoption("--regen-golden")


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright, shared by the session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_tool("playwright", False, "pip install -e '.[test]'")
    require_tool("chromium", Path(CHROMIUM).exists() or shutil.which("chromium") is not None,
                 "apt-get install chromium fonts-liberation")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    opened = context.new_page()
    yield opened
    context.close()
