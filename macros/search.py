"""Which search a harvest gets, and the Pagefind index for a large one.

Material's own search loads one index of every page into the browser before the first result:
fine for a small harvest, too heavy from a few hundred stories on (measured with bench/zoeken.py:
96 kB at 100 stories, 4.5 MB gzipped and 6 s to the first result at 5,000). A large harvest gets
Pagefind instead, whose index is split into chunks that a query fetches on demand.

The choice is made from data (the number of stories) by `engine()`; `make site` and the tests
both go through it. The settings live in the circle's mkdocs.yml under extra.search.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .settings import Settings
from .sitedata import SiteData

MATERIAL = "material"
PAGEFIND = "pagefind"
BUNDLE_DIR = "pagefind"
# Only the article of a page is indexed (no menus); the theme marks it with data-pagefind-body
# when Pagefind is the search (overrides/partials/content.html). Permalink signs are left out.
EXCLUDE = [".headerlink"]


def engine(settings: Settings, data: SiteData) -> str:
    """'material' or 'pagefind' for this harvest."""
    chosen = settings.search
    if chosen.engine != "auto":
        return chosen.engine
    return PAGEFIND if len(data.stories) >= chosen.pagefind_from_stories else MATERIAL


def derived_config(settings: Settings, data: SiteData) -> dict:
    """The part of the generated configuration (.afgeleid.yml) that picks the search: Material's
    search plugin is switched off for Pagefind (the templates read extra.ko_search, which
    generate.template_values sets)."""
    chosen = engine(settings, data)
    layer: dict = {}
    if chosen == PAGEFIND:
        layer["plugins"] = {"search": {"enabled": False}}
    return layer


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
                          "staat extra.ko_search op 'pagefind' in .afgeleid.yml (make generate)?")
    return f"Zoekindex (Pagefind) gemaakt: {pages} pagina's in {site_dir / BUNDLE_DIR}"


def _indexed_pages(output: str) -> int:
    for line in output.splitlines():
        words = line.split()
        if len(words) >= 3 and words[0] == "Indexed" and words[2] == "pages":
            return int(words[1])
    return 0
