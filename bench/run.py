"""Benchmark: build a synthetic circle with N stories with this project's configuration and with
plain Material on the same Markdown; print a table. Figures, not a timed test. First `make check`
alone (the editor's gate: read and validate everything, no build) at 500, 2000 and 5000 stories.

    make bench                                  # make check at 500, 2000, 5000; builds at 100, 500, 1000, 5000
    BENCH_N="100 1000" make bench               # other sizes for the builds
    BENCH_CHECK_N="2000" BENCH_N="" make bench  # only make check, at 2000 stories
"""

from __future__ import annotations

import gzip
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.kring import create  # noqa: E402
from macros.loader import load  # noqa: E402

WORDS_PER_STORY = 600
PLAIN_CONFIG = """site_name: Vergelijking
site_url: http://127.0.0.1:8000/
theme:
  name: material
  language: nl
  font: false
plugins:
  - search
  - blog:
      blog_dir: verhalen
      post_url_format: "{file}"
      post_excerpt: required
      authors_file: "{blog}/.authors.yml"
nav:
  - Home: index.md
  - Verhalen:
      - verhalen/index.md
"""


def sentences() -> list[str]:
    """Dutch sentences from the real stories (our own retellings), to recombine into new stories."""
    found = []
    for path in sorted((ROOT / "docs" / "verhalen" / "posts").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("<!-- more -->", 1)[-1]
        body = re.sub(r"^[>#*].*$", "", body, flags=re.M)
        found += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if 40 < len(s.strip()) < 300]
    return found


def story(n: int, rng: random.Random, pool: list[str], circle: str, category: str) -> str:
    words, paragraphs, current = 0, [], []
    while words < WORDS_PER_STORY:
        sentence = rng.choice(pool)
        current.append(sentence)
        words += len(sentence.split())
        if len(current) == 4:
            paragraphs.append(" ".join(current))
            current = []
    paragraphs.append(" ".join(current) or rng.choice(pool))
    body = paragraphs[0] + "\n\n<!-- more -->\n\n" + "\n\n".join(
        (f"## Deel {i}\n\n{p}" if i % 3 == 0 else p) for i, p in enumerate(paragraphs[1:], start=1))
    date = f"20{24 + n % 3}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    # One line, no Markdown or quotes: a title that every YAML parser reads alike (Zensical's too).
    title = " ".join(pool[n % len(pool)][:40].replace("*", "").replace('"', "'").split()).rstrip(" ,.")
    return (f'---\ntitle: "Verhaal {n}: {title}"\ndate: {date}\n'
            f"authors: [redactie]\ncategories: [\"{category}\"]\nkind: verhaal\nprinciples: [eerste-principe]\n"
            f'tags: [samen-leren]\ndescription: "Synthetisch verhaal {n} voor de benchmark."\n---\n\n{body}\n')


def make_circle(folder: Path, count: int) -> Path:
    project = folder / "kring"
    create(ROOT, project, "Benchmarkkring", str(ROOT))
    data = load(project)
    circle = data.circles[0]
    posts = project / "docs" / "verhalen" / "posts"
    rng = random.Random(count)
    pool = sentences()
    for n in range(1, count + 1):
        (posts / f"verhaal-{n:05d}.md").write_text(story(n, rng, pool, circle.id, circle.category), encoding="utf-8")
    (posts / "welkom.md").unlink()
    # The print edition names its stories (data/inhoud.yml): the first synthetic one instead of the
    # starter's welcome; the PDF stays the same size however many stories the site has.
    contents = project / "data" / "inhoud.yml"
    contents.write_text(contents.read_text(encoding="utf-8").replace("verhalen/posts/welkom.md",
                                                                     "verhalen/posts/verhaal-00001.md"), encoding="utf-8")
    return project


def plain_copy(project: Path, folder: Path) -> Path:
    plain = folder / "plain"
    shutil.copytree(project / "docs", plain / "docs")
    shutil.rmtree(plain / "docs" / "assets", ignore_errors=True)
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return plain


def layerless_copy(project: Path, folder: Path) -> Path:
    """The same circle with the same Material configuration (theme features, blog, RSS, search as
    chosen) but without this project's own layer: no macros plugin (data, validation, cards),
    no theme overrides and CSS, no abbreviation tooltips, no derived values. The difference with
    our build is what the layer costs (target: at most 1.15×)."""
    import yaml
    from mkdocs.utils.yaml import yaml_load

    bare = folder / "zonder-laag"
    shutil.copytree(project / "docs", bare / "docs")
    with open(project / "mkdocs.yml", "rb") as fd:
        config = yaml_load(fd)  # the whole INHERIT chain, merged
    config["theme"].pop("custom_dir", None)
    config.pop("extra_css", None)
    config["plugins"].pop("macros")
    config["extra"] = {k: v for k, v in config.get("extra", {}).items() if not k.startswith("ko_")}
    config["markdown_extensions"]["abbr"] = {}  # no glossary from data/begrippen.yml
    config["validation"] = {"omitted_files": "info", "absolute_links": "info", "unrecognized_links": "info",
                            "anchors": "info"}
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return bare


HUGO_CONFIG = """baseURL = "http://127.0.0.1:8000/"
languageCode = "nl"
title = "Vergelijking"
[taxonomies]
  category = "categories"
  tag = "tags"
"""
HUGO_SINGLE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>{{ .Content }}</main></body></html>"""
HUGO_LIST = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ range (.Paginate .Pages).Pages }}<article><h2><a href="{{ .RelPermalink }}">
{{ .Title }}</a></h2>{{ .Summary }}</article>{{ end }}</main></body></html>"""


def hugo_build(project: Path, folder: Path) -> float | None:
    """Hugo (the 'physical limit' reference) on the same story Markdown, if it is installed."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    site = folder / "hugo"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    shutil.copytree(project / "docs" / "verhalen" / "posts", site / "content" / "verhalen")
    started = time.perf_counter()
    result = subprocess.run([hugo, "--quiet", "-d", str(site / "public")], cwd=site, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"Hugo mislukte:\n{result.stderr[-2000:]}")
    return time.perf_counter() - started


def _timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Seconds, peak memory (MB) and output of a command in a fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"bouwen mislukt in {cwd}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return elapsed, int(result.stderr.strip().splitlines()[-1]) // 1024, result.stdout


def timed_build(project: Path, mkdocs: Path) -> tuple[float, int]:
    """Seconds and peak memory (MB) of one plain `mkdocs build` (the comparison builds)."""
    elapsed, peak, _ = _timed([str(mkdocs), "build", "--clean", "-d", str(project / "site")], project)
    return elapsed, peak


def timed_pipeline(project: Path) -> tuple[float, int, dict[str, float]]:
    """Our build as `make site` makes it, through the one pipeline (python -m macros bouw), PDF
    included: seconds, peak memory and the seconds of each step the pipeline reports."""
    elapsed, peak, out = _timed([str(ROOT / ".venv" / "bin" / "python"), "-m", "macros", "--root", str(project),
                                 "bouw"], project)
    line = next(line for line in out.splitlines() if line.startswith("Tijden: "))
    steps = {m[0]: float(m[1].replace(",", ".")) for m in re.findall(r"(\S+) ([\d,]+) s", line)}
    return elapsed, peak, steps


def search_index(site: Path) -> tuple[str, int, int]:
    """(engine, raw bytes, gzipped bytes) of the whole search index a site publishes (the plain
    Material build of the comparison has its own); for Pagefind every chunk, fragment and meta file
    (a reader fetches only a few of them per query)."""
    lunr = site / "search" / "search_index.json"
    if lunr.is_file():
        data = lunr.read_bytes()
        return "Material", len(data), gz(data)
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file() and p.suffix in (".pf_index", ".pf_fragment", ".pf_meta")]
    return "Pagefind", sum(p.stat().st_size for p in files), sum(gz(p.read_bytes()) for p in files)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def transfer(site: Path, page: str) -> tuple[int, int]:
    """Gzipped bytes of a page's HTML, and of the CSS and JS it links (shared by all pages)."""
    html = (site / page / "index.html").read_bytes()
    depth = page.strip("/").count("/") + 1 if page.strip("/") else 0
    assets = 0
    for ref in re.findall(rb'(?:href|src)="([^"]+\.(?:css|js))"', html):
        path = (site / page / ref.decode()).resolve() if depth else (site / ref.decode()).resolve()
        if path.is_file():
            assets += gz(path.read_bytes())
    return gz(html), assets


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(count: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="ko-bench-") as tmp:
        folder = Path(tmp)
        project = make_circle(folder, count)
        total_s, ours_mb, steps = timed_pipeline(project)
        plain = plain_copy(project, folder)  # after our build: it writes the blog's authors file
        pdf_s = steps.get("pdf", 0.0)
        ours_s = total_s - pdf_s  # compared with builds that make no PDF
        index_s = steps.get("zoekindex", 0.0)
        plain_s, plain_mb = timed_build(plain, ROOT / ".venv" / "bin" / "mkdocs")
        bare_s, _ = timed_build(layerless_copy(project, folder), ROOT / ".venv" / "bin" / "mkdocs")
        hugo_s = hugo_build(project, folder)
        site = project / "site"
        engine, index_raw, index_gz = search_index(site)
        story_page = "verhalen/verhaal-00001/"
        home_html, shared = transfer(site, "")
        story_html, _ = transfer(site, story_page)
        return {
            # Our build time is the pipeline's: reading, the pages and the search step, as in `make site`.
            "n": count, "ours_s": ours_s, "pdf_s": pdf_s, "total_s": total_s, "mkdocs_s": steps["pagina's"], "index_s": index_s, "plain_s": plain_s,
            "bare_s": bare_s, "hugo_s": hugo_s,
            "ours_mb": ours_mb, "plain_mb": plain_mb, "engine": engine,
            "output_mb": folder_size(site) / 1e6, "index_mb": index_raw / 1e6, "index_gz_mb": index_gz / 1e6,
            "home_kb": home_html / 1024, "story_kb": story_html / 1024, "shared_kb": shared / 1024,
        }


def measure_check(count: int, runs: int = 3) -> float:
    """Seconds of `make check` (python -m macros check) on a circle with `count` extra stories: the
    median of `runs`, each in a fresh process (imports included, as an editor runs it)."""
    with tempfile.TemporaryDirectory(prefix="ko-bench-check-") as tmp:
        project = make_circle(Path(tmp), count)
        times = sorted(_timed([str(ROOT / ".venv" / "bin" / "python"), "-m", "macros", "--root", str(project),
                               "check"], project)[0] for _ in range(runs))
        return times[len(times) // 2]


def main() -> None:
    checks = [(n, measure_check(n)) for n in (int(n) for n in os.environ.get("BENCH_CHECK_N", "500 2000 5000").split())]
    if checks:
        print("\nmake check (alles lezen en controleren, zonder bouwen; mediaan van drie runs)\n")
        print(f"{'N':>6} {'make check (s)':>15} {'ms/verhaal':>11}")
        for n, seconds in checks:
            print(f"{n:>6} {seconds:>15.2f} {1000 * seconds / n:>11.2f}")
        if len(checks) >= 2:
            (n0, s0), (n1, s1) = checks[0], checks[-1]
            print(f"Groei: {s1 / s0:.2f}× de tijd voor {n1 / n0:.0f}× de verhalen.")
    sizes = [int(n) for n in os.environ.get("BENCH_N", "100 500 1000 5000").split()]
    if not sizes:
        return
    rows = [measure(n) for n in sizes]
    print("\nKennis oogsten — benchmark (gzip-niveau 6; geheugen = piek van het bouwproces; "
          "bouw = de pijplijn van make site zonder de pdf: lezen, MkDocs en zoekindex)\n")
    head = (f"{'N':>6} {'bouw (s)':>9} {'ms/verhaal':>11} {'Material (s)':>13} {'verhouding':>11} "
            f"{'geheugen':>9} {'uitvoer':>9} {'zoeken':>9} {'zoekindex':>10} {'zoekindex gz':>13} "
            f"{'home gz':>8} {'verhaal gz':>11} {'CSS+JS gz':>10} {'Hugo (s)':>9} {'× Hugo':>7} "
            f"{'zonder laag (s)':>16} {'eigen laag':>11}")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['n']:>6} {r['ours_s']:>9.1f} {1000 * r['ours_s'] / r['n']:>11.1f} {r['plain_s']:>13.1f} "
              f"{r['ours_s'] / r['plain_s']:>11.2f} {r['ours_mb']:>7} MB {r['output_mb']:>6.1f} MB "
              f"{r['engine']:>9} {r['index_mb']:>7.2f} MB {r['index_gz_mb']:>10.2f} MB {r['home_kb']:>5.1f} kB {r['story_kb']:>8.1f} kB "
              f"{r['shared_kb']:>7.0f} kB "
              + (f"{r['hugo_s']:>9.2f} {r['ours_s'] / r['hugo_s']:>7.1f}" if r["hugo_s"] else f"{'—':>9} {'—':>7}")
              + f" {r['bare_s']:>16.1f} {r['mkdocs_s'] / r['bare_s']:>11.2f}")
    print("\nDe pdf (het drukwerk): alleen wat extra.pdf noemt, dus hij groeit niet met de verhalen mee.")
    for r in rows:
        print(f"  N={r['n']:>5}: pdf {r['pdf_s']:.1f} s van {r['total_s']:.1f} s voor de hele make site "
              f"({100 * r['pdf_s'] / r['total_s']:.0f} %)")
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        growth = (last["ours_s"] / last["n"]) / (first["ours_s"] / first["n"])
        print(f"\nLineariteit: ms/verhaal bij N={last['n']} is {growth:.2f}× die bij N={first['n']}.")
    print("Verhouding = bouw / kale Material (minimale configuratie). Eigen laag = MkDocs-bouw / dezelfde\n"
          "Material-configuratie zonder macro's, overrides en afkortingen (zoekindex niet meegeteld).")


if __name__ == "__main__":
    main()
