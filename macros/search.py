"""The search of every harvest, small or large, on both builders: Pagefind.

Pagefind indexes the built pages after the builder (`make site`, and `make serve` after every
rebuild: adapter.on_post_build). Its index is split into chunks that a query fetches on demand, so a
reader downloads a few hundred kB per search even at 5,000 stories (bench/zoeken.py; README), where
one index of every page (Material's own search) was 4.5 MB. It stems Dutch, in the index and in the
query ("verhalen" finds "verhaal"), and offers filters: the story pages carry theirs
(overrides/ko/story-byline.html). Builders' own searches are off (engine/mkdocs.base.yml).
See adr/0008-een-zoekfunctie-pagefind.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from . import publication
from .context import Context

BUNDLE_DIR = "pagefind"
# Only the article of a page is indexed (no menus); the theme marks it with data-pagefind-body
# (overrides/partials/content.html). Permalink signs are left out.
EXCLUDE = [".headerlink"]


class SearchIndexError(Exception):
    """Pagefind could not index the site (message in Dutch)."""


def build_index(site_dir: Path) -> str:
    """Index a built site with Pagefind into site_dir/pagefind/; returns a Dutch summary.

    Only pages marked data-pagefind-body (articles) are indexed, in Dutch (stemming included).
    Raises SearchIndexError when Pagefind fails or indexes nothing, so nothing half-built is published.
    """
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(f"{site_dir} bevat geen gebouwde site (index.html ontbreekt)")
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE_DIR,
               "--force-language", "nl", "--glob", "**/index.html"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError("Pagefind gaf een fout:\n" + (result.stderr or result.stdout).strip())
    pages = _indexed_pages(result.stdout)
    if pages == 0 or not (site_dir / BUNDLE_DIR / "pagefind-entry.json").is_file():
        raise SearchIndexError("Pagefind vond geen pagina's met data-pagefind-body; "
                               "is de site gebouwd met de templates van de engine (overrides/)?")
    return f"Zoekindex (Pagefind) gemaakt: {pages} pagina's in {site_dir / BUNDLE_DIR}"


def _indexed_pages(output: str) -> int:
    for line in output.splitlines():
        words = line.split()
        if len(words) >= 3 and words[0] == "Indexed" and words[2] == "pages":
            return int(words[1])
    return 0


def page_kinds(ctx: Context) -> dict[str, str]:
    """What each page is, as a search result shows it and its filter 'Soort' offers it, by address:
    the units of the publication (Hoofdstuk, Basisprincipe, …), the circles, the sources and the
    glossary; every other page is a 'Pagina'. Stories say their own kind (their front matter), so
    this table does not grow with the stories."""
    words = ctx.words["search"]["kinds"]
    routes, data = ctx.routes, ctx.data
    kinds: dict[str, str] = {}
    for circle in data.circles:
        kinds[routes.circle(circle.id)] = ctx.words["kinds"]["circle"][circle.kind]
    for source in data.sources:
        kinds[routes.source(source.id)] = words["source"]
    if data.terms and (ctx.settings.docs / ctx.settings.routes.glossary).is_file():
        kinds[routes.page(ctx.settings.routes.glossary)] = words["glossary"]
    order = publication.of(ctx)
    for unit in [*order.front, *order.units]:
        if unit.page and not ctx.settings.is_story(unit.page):
            kinds[unit.url] = unit.kind
    return kinds
