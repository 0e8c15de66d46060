"""Search at scale: what a reader downloads and waits before the first result with Material's
built-in search, for a synthetic circle with N stories (default 5000). Figures, not a test.

    .venv/bin/python bench/zoeken.py            # N = 5000
    BENCH_N=1000 .venv/bin/python bench/zoeken.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402

QUERIES = ["samenwerking", "provincies", "gebied", "kennis"]


def serve(folder: Path) -> tuple[str, object]:
    import functools
    import http.server

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gzserve import H  # gzip, as GitHub Pages serves

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(H, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def measure(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    url, server = serve(site)
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        received = {"bytes": 0}
        cdp.on("Network.loadingFinished", lambda e: received.__setitem__("bytes", received["bytes"] + e["encodedDataLength"]))
        page.goto(url + "/", wait_until="load")
        before = received["bytes"]
        started = time.perf_counter()
        page.keyboard.press("/")
        page.keyboard.type(QUERIES[0])
        page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0", timeout=120_000)
        first = time.perf_counter() - started
        index_bytes = received["bytes"] - before
        timings = []
        for query in QUERIES[1:]:
            page.fill(".md-search__input", "")
            t = time.perf_counter()
            page.keyboard.type(query)
            page.wait_for_function(
                f"document.querySelector('.md-search-result__meta') && "
                f"document.querySelector('.md-search__input').value === '{query}' && "
                f"document.querySelectorAll('.md-search-result__item').length > 0", timeout=60_000)
            timings.append(time.perf_counter() - t)
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        browser.close()
    server.shutdown()
    print(f"  download voor het zoeken (gzip): {index_bytes / 1024:.0f} kB")
    print(f"  eerste resultaat na typen:        {first:.2f} s (index laden en opbouwen inbegrepen)")
    print(f"  volgende zoekvragen:              {', '.join(f'{t * 1000:.0f} ms' for t in timings)} (incl. typen)")
    if heap:
        print(f"  JavaScript-geheugen van de pagina: {heap / 1e6:.0f} MB")


def main() -> None:
    count = int(os.environ.get("BENCH_N", "5000"))
    with tempfile.TemporaryDirectory(prefix="ko-zoeken-") as tmp:
        project = bench.make_circle(Path(tmp), count)
        subprocess.run([str(bench.ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d", str(project / "site")],
                       cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        print(f"Materials zoekfunctie bij {count} verhalen:")
        measure(project / "site")


if __name__ == "__main__":
    main()
