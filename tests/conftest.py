"""Shared fixtures: the reference site built once, served on 127.0.0.1, and a phone browser.

Browser tests never skip: without a Chromium the fixture fails loudly, since
CI must prove the pages work in a real browser.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from campaign.printing.browser import chromium_path  # the same browser the build uses

ROOT = Path(__file__).resolve().parent.parent
# Every build and browser in the tests sees a machine without Khmer or Thai fonts.
os.environ["FONTCONFIG_FILE"] = str(Path(__file__).resolve().parent / "fonts.conf")
# Builds made by the tests happen on 2026-11-25, whatever day the tests run (upcoming and
# past events, calendar stamps, stale facts are decided by the build date).
BUILD_EPOCH = "1795564800"  # 2026-11-25T00:00:00Z
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 360, "height": 800}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


@pytest.fixture(autouse=True, scope="session")
def catalogs():
    """Renderers tested on their own translate with the project's catalogs, as a build does."""
    from campaign.languages import catalog

    cats, diags = catalog.load_catalogs(ROOT / "locales", ("km", "en"), ROOT)
    assert not [d for d in diags if d.severity == "error"], diags
    catalog.install(cats)
    yield cats


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(project: Path, out: Path, site_url: str, engine: str | None = None) -> subprocess.CompletedProcess:
    """The site built by the engine CI uses (CAMPAIGN_ENGINE: mkdocs, or properdocs)."""
    from campaign import engines

    env = engines.environment(SITE_URL=site_url, **({"CAMPAIGN_ENGINE": engine} if engine else {}))
    env.setdefault("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    cmd = [sys.executable, "-m", engine or engines.engine(), "build", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    return subprocess.run(cmd, env=env, capture_output=True, text=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@dataclass
class Served:
    root: Path
    url: str  # ends with /


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Served:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out, url)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Served(out, url)
    server.shutdown()


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright):
    b = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield b
    b.close()


@dataclass
class PageLog:
    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [u for u in self.requests
                if not u.startswith(self.origin) and not u.startswith(("data:", "blob:"))]


@pytest.fixture
def phone(browser, site, request):
    """A page at 360×800 that records every request, failure and console error.

    After the test, every request must have stayed on the site's origin and
    succeeded, and the console must be free of errors.
    """
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, service_workers="allow")
    page = context.new_page()
    log = PageLog(site.url.rstrip("/"))
    page.on("request", lambda r: log.requests.append(r.url))
    page.on("requestfailed", lambda r: log.failures.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and log.failures.append(f"{r.url} → {r.status}"))
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(m.text))
    page.on("pageerror", lambda e: log.console_errors.append(str(e)))
    page.log = log
    yield page
    context.close()
    assert log.foreign() == [], f"requests left the site: {log.foreign()}"
    assert log.failures == [], f"failed requests: {log.failures}"
    assert log.console_errors == [], f"console errors: {log.console_errors}"


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A writable copy of the reference project, for tests that break its content."""
    dst = tmp_path / "project"
    from campaign.core.config import PROJECT_FILES

    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dst / name)
        elif src.exists():
            dst.mkdir(exist_ok=True)
            shutil.copy(src, dst / name)
    return dst
