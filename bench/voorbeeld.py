"""Live preview at scale: how long after saving an edited story the preview serves the new text,
for a synthetic circle with N stories (default 1000). Figures, not a test.

    .venv/bin/python bench/voorbeeld.py
    BENCH_N=100 BENCH_VOORBEELD="serve-snel" .venv/bin/python bench/voorbeeld.py

Compares `make serve` (mkdocs serve, full rebuild), `make serve-snel` (mkdocs serve --dirty),
`make serve VERHAAL=…` (the one-story preview) and Zensical's own preview server (`zensical serve`, which rebuilds only what changed), if
.venv-zensical exists (make site-zensical installs it).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402

ROOT = bench.ROOT
EDITS = 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    return None


def commands(port: int) -> dict[str, list[str]]:
    mkdocs = str(ROOT / ".venv" / "bin" / "mkdocs")
    found = {
        "serve": [mkdocs, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        "serve-snel": [mkdocs, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
    }
    # make serve VERHAAL=verhaal-00001: the one-story preview (prepared in measure()).
    found["serve-verhaal"] = [mkdocs, "serve", "--dirty", "-f", ".voorbeeld.yml", "--dev-addr", f"127.0.0.1:{port}"]
    zensical = ROOT / ".venv-zensical" / "bin" / "zensical"
    if zensical.is_file():
        found["zensical"] = [str(zensical), "serve", "-a", f"127.0.0.1:{port}"]
    return found


def measure(project: Path, name: str, command: list[str], port: int) -> list[float]:
    story = project / "docs" / "verhalen" / "posts" / "verhaal-00001.md"
    original = story.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/verhalen/verhaal-00001/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if name == "serve-verhaal":  # as the Makefile does for make serve VERHAAL=…
        subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "macros", "voorbeeld", "--verhaal", story.stem],
                       cwd=project, check=True, capture_output=True)
        env["KO_VOORBEELD_VERHAAL"] = story.stem
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timings = []
    try:
        if wait_for(url, "<html", timeout=900) is None:
            raise SystemExit(f"{name}: de voorbeeldserver startte niet")
        time.sleep(2)  # let the watcher settle after the first build
        for n in range(EDITS):
            marker = f"Bewerkt voor de meting {n} {time.time_ns()}."
            story.write_text(original.replace("<!-- more -->", f"<!-- more -->\n\n{marker}", 1), encoding="utf-8")
            took = wait_for(url, marker, timeout=300)
            if took is None:
                raise SystemExit(f"{name}: de wijziging verscheen niet binnen 300 s")
            timings.append(took)
            time.sleep(1)
    finally:
        server.terminate()
        server.wait(timeout=30)
        story.write_text(original, encoding="utf-8")
    return timings


def main() -> None:
    count = int(os.environ.get("BENCH_N", "1000"))
    chosen = os.environ.get("BENCH_VOORBEELD", "serve serve-snel serve-verhaal zensical").split()
    with tempfile.TemporaryDirectory(prefix="ko-voorbeeld-") as tmp:
        project = bench.make_circle(Path(tmp), count)
        print(f"\nLive voorbeeld bij {count} verhalen: van opslaan tot de nieuwe tekst op de pagina staat\n")
        for name in chosen:
            port = free_port()
            command = commands(port).get(name)
            if command is None:
                print(f"  {name:<11} overgeslagen (niet geïnstalleerd)")
                continue
            timings = measure(project, name, command, port)
            print(f"  {name:<11} mediaan {statistics.median(timings):5.2f} s  "
                  f"(metingen: {', '.join(f'{t:.2f}' for t in timings)})")


if __name__ == "__main__":
    main()
