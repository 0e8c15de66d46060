"""Browser fixtures: the built site served on loopback, Debian's Chromium driven by Playwright.

Locally the browser tests skip with a clear message when Chromium is missing; in CI (CI=true)
a missing Chromium is a failure, so they can never be skipped silently there.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).is_file() else None


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        message = "Chromium niet gevonden: installeer het met 'apt-get install chromium' (of zet CHROMIUM=/pad)."
        if os.environ.get("CI"):
            pytest.fail(message + " In CI installeert .ci/run het; de browsertests mogen daar niet overslaan.")
        pytest.skip(message)
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


def serve(directory: Path):
    """`directory` on http://127.0.0.1:<free port> until the generator is closed."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    """The built site on http://127.0.0.1:<free port>/ for the whole session."""
    yield from serve(site.dir)


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def page_urls(site) -> list[str]:
    """Every HTML page of the built site, as a path from the root."""
    urls = []
    for path in site.html_pages():
        rel = path.relative_to(site.dir).as_posix()
        urls.append("/" + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel))
    return urls
