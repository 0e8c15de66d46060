"""Search at scale: what a reader downloads and waits for a result, for a synthetic circle with N
stories (default 5000), with Pagefind, the search of every harvest. Figures, not a test. (Material's
own search, measured here before it was removed: 4,513 kB before the first result at 5,000 stories;
see the README.)

    .venv/bin/python bench/zoeken.py                      # N = 5000
    BENCH_N=1000 .venv/bin/python bench/zoeken.py

Every figure is measured in Debian's Chromium over a gzip server on loopback (as GitHub Pages
serves), without network delay, on this machine's CPU and with the CPU slowed down 4× (Chrome's
own emulation of a mid-range phone).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402

QUERIES = ["samenwerking", "provincies", "gebied", "kennis", "leerkring", "regio", "opgave", "vertrouwen"]
THROTTLE = 4


class Sent:
    """Bytes the server sent (gzipped, as on the wire). Counted at the server: Pagefind fetches its
    index from a web worker, whose requests the page's own network events do not show."""

    bytes = 0


def serve(folder: Path) -> tuple[str, object]:
    import functools
    import http.server

    from gzserve import H  # gzip, as GitHub Pages serves

    class Counting(H):
        def send_head(self):
            body = super().send_head()
            if body is not None and hasattr(body, "getbuffer"):
                Sent.bytes += body.getbuffer().nbytes
            elif body is not None:
                Sent.bytes += os.fstat(body.fileno()).st_size
            return body

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


class Browser:
    """Debian's Chromium, optionally with a slowed-down CPU."""

    def __init__(self, playwright, throttle: int = 1):
        chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
        self.browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        self.throttle = throttle
        self.page = self.new_page()

    @property
    def received(self) -> int:
        return Sent.bytes

    def new_page(self):
        """A page in a fresh context: an empty cache, as for a first visit."""
        page = self.browser.new_context().new_page()
        if self.throttle > 1:
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": self.throttle})
        return page

    def close(self) -> None:
        self.browser.close()


PAGEFIND_QUERY = """async (query) => {
    const started = performance.now();
    const search = await window.__pf.search(query);
    const shown = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
    return [performance.now() - started, search.results.length, shown.length];
}"""


def pagefind(url: str, throttle: int) -> dict:
    """Pagefind: what opening the search and typing costs (its UI script included, which loads on
    first use), then each query on its own through Pagefind's API: index chunks and the first five results' fragments, no UI debounce."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = Browser(p, throttle)
        page = b.page
        before = b.received
        page.goto(url + "/", wait_until="load")
        page_bytes = b.received - before
        before = b.received
        started = time.perf_counter()
        page.keyboard.press("Control+k")  # loads Pagefind's script and opens the dialog
        page.wait_for_selector("dialog.pf-modal[open]", timeout=60_000)
        page.keyboard.type(QUERIES[0])
        page.wait_for_selector("a.pf-result-link", timeout=120_000)
        first = time.perf_counter() - started
        ui_download = b.received - before
        # Each further query on a first visit (empty cache): Pagefind's engine loaded, then the query
        # alone (its index chunks and the first five results' fragments), then one more query.
        cold_bytes, cold_ms, warm_ms, warm_bytes = [], [], [], []
        for query in QUERIES[1:]:
            page = b.new_page()
            page.goto(url + "/", wait_until="load")
            before = b.received  # from here: Pagefind's engine, WebAssembly, metadata, then the query
            page.evaluate("async (src) => { window.__pf = await import(src); await window.__pf.init(); }",
                          url + "/pagefind/pagefind.js")
            ms, found, shown = page.evaluate(PAGEFIND_QUERY, query)
            cold_ms.append(ms)
            cold_bytes.append(b.received - before)
            other = QUERIES[(QUERIES.index(query) + 1) % len(QUERIES)] + "en"
            before = b.received
            ms, _, _ = page.evaluate(PAGEFIND_QUERY, other)
            warm_ms.append(ms)
            warm_bytes.append(b.received - before)
            page.context.close()
        b.close()
    return {"page": page_bytes, "download": ui_download, "first": first, "cold_ms": cold_ms, "cold_bytes": cold_bytes,
            "warm_ms": warm_ms, "warm_bytes": warm_bytes}


def build(project: Path) -> Path:
    """The circle built through the one pipeline (without the PDF)."""
    site = project / "site"
    subprocess.run([str(bench.ROOT / ".venv" / "bin" / "python"), "-m", "macros", "--root", str(project), "bouw",
                    "--zonder-pdf", "--uit", str(site)], check=True, capture_output=True)
    return site


def kb(count: float) -> str:
    return f"{count / 1024:.0f} kB"


def main() -> None:
    count = int(os.environ.get("BENCH_N", "5000"))
    with tempfile.TemporaryDirectory(prefix="ko-zoeken-") as tmp:
        project = bench.make_circle(Path(tmp), count)
        site = build(project)
        url, server = serve(site)
        for throttle in (1, THROTTLE):
            label = "deze computer" if throttle == 1 else f"CPU {throttle}× trager (telefoon)"
            r = pagefind(url, throttle)
            print(f"\nPagefind bij {count} verhalen — {label}:")
            print(f"  pagina (home, gzip, met zoekknop):           {kb(r['page'])}")
            print(f"  zoekvenster openen + eerste zoekvraag:       {kb(r['download'])} download, "
                  f"{r['first']:.2f} s tot resultaat (incl. typen en 300 ms wachttijd van de UI)")
            print(f"  eerste zoekvraag, nieuw bezoek:              max {kb(max(r['cold_bytes']))} "
                  f"(engine, wasm, index-delen, eerste 5 resultaten), zoeken mediaan "
                  f"{statistics.median(r['cold_ms']):.0f} ms, max {max(r['cold_ms']):.0f} ms")
            print(f"  volgende zoekvraag op dezelfde pagina:       max {kb(max(r['warm_bytes']))}, "
                  f"mediaan {statistics.median(r['warm_ms']):.0f} ms, max {max(r['warm_ms']):.0f} ms")
        server.shutdown()

if __name__ == "__main__":
    main()
