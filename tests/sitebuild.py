"""Building a project strictly, as `make site` does, and reading the result: shared by the tests."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from macros import load

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class BuiltSite:
    """The site built once in strict mode, with helpers to read its pages."""

    dir: Path
    warnings: list[str]
    injected: int = 0
    story_url: str = ""
    _cache: dict[str, BeautifulSoup] = field(default_factory=dict)

    def path(self, url: str) -> Path:
        url = url.strip("/")
        target = self.dir / url
        return target / "index.html" if not url.endswith(".html") else target

    def page(self, url: str) -> BeautifulSoup:
        """The parsed HTML of the page at `url` ('' for home, 'leerreis/tijdlijn/')."""
        if url not in self._cache:
            self._cache[url] = BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")
        return self._cache[url]

    def content(self, url: str) -> BeautifulSoup:
        """Only the article body of a page (no navigation or header)."""
        article = self.page(url).select_one(".md-content__inner")
        assert article is not None, f"{url}: geen artikel gevonden"
        return article

    def html_pages(self) -> list[Path]:
        return sorted(self.dir.rglob("*.html"))


def copy_project(target: Path) -> Path:
    """A copy of this project (without builds and environments) to change freely; shares the venv."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".venv", ".venv-zensical", "site", "site.new", "site-zensical", ".git", ".pytest_cache", "__pycache__",
        ".voorbeeld.yml"))
    os.symlink(ROOT / ".venv", target / ".venv")
    return target


def set_search_engine(project: Path, engine: str) -> None:
    """Choose the search in a project's mkdocs.yml (extra.search.engine), as a circle would."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nextra:\n" in text, "mkdocs.yml heeft geen blok extra:"
    config.write_text(text.replace("\nextra:\n", f"\nextra:\n  search:\n    engine: {engine}\n", 1), encoding="utf-8")


def build_site(project: Path, out: Path) -> BuiltSite:
    """Build `project` strictly into `out` (as `make site` does); collect every warning MkDocs logs."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from macros import generate

    generate.write_derived(project, load(project))

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    cwd = os.getcwd()
    try:
        os.chdir(project)
        config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(out))
        # As `mkdocs build` does: plugins get on_startup/on_shutdown around the build.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        os.chdir(cwd)
        logger.removeHandler(handler)
    # As `make site` does after MkDocs: the search index of a large harvest (Pagefind) ...
    from macros import search

    if search.engine(load(project)) == search.PAGEFIND:
        search.build_index(out)
    # ... and the print edition (left out where Pango is missing).
    from macros.pdf import PdfUnavailable, build as build_pdf

    try:
        build_pdf(project, out)
    except PdfUnavailable:
        pass  # only raised in CI; the PDF tests report it
    return BuiltSite(out, [r.getMessage() for r in handler.records])


INLINE = ("abbr", "a", "strong", "em", "b", "i", "q", "time", "span", "cite", "code", "mark", "small")


def text_of(node) -> str:
    """The visible text of `node`, whitespace folded; inline elements (a tooltip, a link) do not
    split the words and punctuation around them."""
    copy = BeautifulSoup(str(node), "html.parser")
    for tag in copy.find_all(INLINE):
        tag.unwrap()
    copy.smooth()  # merge the text nodes that unwrapping left side by side
    return " ".join(copy.get_text(" ").split())
