"""Building a project strictly, as `make site` does, and reading the result: shared by the tests."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from macros.build import build
from macros.redactie import PAGE_DIR
from macros.routes import Routes
from macros.settings import read as read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
        """Every page a reader reads (the pages at addresses that moved, which only send the reader
        on, left out: moved_pages; and the editors' page, which is Decap CMS: test_redactie*.py)."""
        editors = self.dir / PAGE_DIR
        return [p for p in sorted(self.dir.rglob("*.html")) if p not in self.moved_pages()
                and editors not in p.parents]

    def moved_pages(self) -> list[Path]:
        """The pages at addresses that moved (extra.moved): they send the reader on at once."""
        if "_moved" not in self._cache:
            self._cache["_moved"] = [p for p in sorted(self.dir.rglob("*.html"))
                                     if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")[:600]]
        return self._cache["_moved"]


# The repository the session's site is built for, as GitHub Actions names it (edit links).
EDIT_REPOSITORY = "voorbeeld/kennis-oogsten"


# What a working copy holds besides its files: environments, builds and derived files (hundreds of MB).
NOT_COPIED = (".venv", ".venv-zensical", "site", "site.new", "site-zensical", "site-zensical.new", "voorbeeld-site",
              ".pytest_cache", "__pycache__", ".voorbeeld.yml", ".afgeleid.yml", ".zensical.yml", ".redactie")


def copy_project(target: Path) -> Path:
    """A copy of this project (without builds and environments) to change freely; shares the venv."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_COPIED, ".git"))
    os.symlink(ROOT / ".venv", target / ".venv")
    return target


ENGINE = ("engine", "macros")


def copy_fixture(target: Path, name: str = "minimal") -> Path:
    """A copy of a fixture site under tests/fixtures/, with the engine laid beside it (as a circle
    has it), so that it validates and builds like a real harvest. The theme's folder is the circle's
    own, with the engine's files in it as links: a test may give it its own templates and words
    (overrides/eigen/) without touching the engine."""
    shutil.copytree(FIXTURES / name, target)
    for part in ENGINE:
        os.symlink(ROOT / part, target / part)
    (target / "overrides").mkdir(exist_ok=True)
    for engine_file in (ROOT / "overrides").iterdir():
        if engine_file.name != "eigen":
            os.symlink(engine_file, target / "overrides" / engine_file.name)
    return target


def build_site(project: Path, out: Path, builder: str = "mkdocs") -> BuiltSite:
    """Build `project` into `out` through the one pipeline (macros/build.py), as `make site` does."""
    result = build(project, builder, out, say=lambda line: None)
    return BuiltSite(out, result.warnings)


ROUTES = Routes(read_settings(ROOT))


def url_of(post) -> str:
    """Where this project publishes a story (the routes of its settings)."""
    return ROUTES.story(post.slug)


INLINE = ("abbr", "a", "strong", "em", "b", "i", "q", "time", "span", "cite", "code", "mark", "small")


def text_of(node) -> str:
    """The visible text of `node`, whitespace folded; inline elements (a tooltip, a link) do not
    split the words and punctuation around them."""
    copy = BeautifulSoup(str(node), "html.parser")
    for tag in copy.find_all(INLINE):
        tag.unwrap()
    copy.smooth()  # merge the text nodes that unwrapping left side by side
    return " ".join(copy.get_text(" ").split())


def sentence_lengths(markdown_text: str) -> list[int]:
    """Words per sentence of a page's running text, from its Markdown (macro lines left out), as
    make leesbaarheid counts them on the built page."""
    import markdown

    from macros.leesbaarheid import prose, sentences, words

    body = "\n".join(line for line in markdown_text.splitlines() if not line.lstrip().startswith("{{"))
    html = markdown.markdown(body, extensions=["admonition"])
    return [words(s) for p in prose(f'<div class="md-content__inner">{html}</div>') for s in sentences(p)]


# Landmark labels a theme leaves in English (Material's and Zensical's en.html: header, footer, tabs,
# nav, toc, search; and what other themes and widgets use). Compared whole and case-insensitively.
ENGLISH_LANDMARK_LABELS = frozenset(label.casefold() for label in (
    "Header", "Footer", "Tabs", "Navigation", "Table of contents", "Search", "Main", "Main navigation", "Menu",
    "Sidebar", "Breadcrumb", "Breadcrumbs", "Primary", "Secondary", "Site", "Content", "Skip to content"))

LANDMARK_ELEMENTS = ("header", "nav", "footer", "aside", "main", "form", "section", "search")
LANDMARK_ROLES = ("banner", "navigation", "contentinfo", "complementary", "main", "form", "region", "search")


def english_landmark_labels(site_dir: Path) -> list[str]:
    """'page: <element> "Label"' for every landmark on every page of a built site whose label is English."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        landmarks = page.find_all(LANDMARK_ELEMENTS) + page.find_all(attrs={"role": list(LANDMARK_ROLES)})
        for node in landmarks:
            label = " ".join((node.get("aria-label") or "").split())
            if label.casefold() in ENGLISH_LANDMARK_LABELS:
                found.append(f'{path.relative_to(site_dir).as_posix()}: <{node.name}> "{label}"')
    return found


# --- the commands (the Makefile's head, the README's table) ------------------------------------


def makefile_targets() -> tuple[set[str], set[str]]:
    """(the .PHONY targets, the targets the Makefile's head describes)."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = set(re.search(r"^\.PHONY:(.*)$", text, re.M).group(1).split())
    described = set(re.findall(r"^#\s+make ([a-z-]+)", text, re.M))
    return phony, described


def readme_targets() -> set[str]:
    """The targets in the first column of the README's table of commands."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `make ([a-z-]+)", text, re.M))


# --- the browser: Chromium's launch and the built site on loopback -------------------------------

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).is_file() else None


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
