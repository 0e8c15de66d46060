"""The print edition: one PDF of the whole publication, assembled from the built site.

After `mkdocs build`, `python -m macros pdf <site-map>` reads the built pages in menu order,
takes their article content, and lays them out as one document: cover, colofon, table of contents
('Inhoud') with page numbers, chapters, stories. WeasyPrint renders it (paged media with
page numbers and target-counter for the contents). It needs the system library Pango; where that is
missing, the step says so in Dutch and leaves the PDF (and the link to it) out, except in CI.
"""

from __future__ import annotations

import os
import posixpath
from html import unescape as html_unescape
import re
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup
from markupsafe import Markup

from . import identity, render
from .context import Context, pdf_name
from .places import ENGINE_ROOT
from .routes import page_url

try:  # WeasyPrint loads the system library Pango when imported
    from weasyprint import HTML
    _PANGO_MISSING: OSError | None = None
except OSError as exc:  # pragma: no cover - depends on the machine
    HTML = None
    _PANGO_MISSING = exc

PRINT_CSS = Path("overrides/assets/stylesheets/druk.css")   # the engine's, in its colours (var(--ko-primary))
LINK_MARKER = "data-ko-pdf"
# On a link to another page: the anchor of the same content on the printed page (render.principle_cards).
PRINT_HREF = "data-ko-print-href"


class PdfUnavailable(Exception):
    """The PDF cannot be made on this machine (a system library is missing)."""


@dataclass(frozen=True)
class Chapter:
    title: str
    url: str      # e.g. leerreis/tijdlijn/; '' for a part (a divider page)
    level: int    # 1 for a part or a front page, 2 for a chapter in a part
    contents: tuple[str, ...] = ()   # a part's chapter titles, printed on its divider


def _titles(ctx: Context) -> dict[str, str]:
    """The menu's title of each page ('leerreis/tijdlijn.md' → 'Tijdlijn')."""
    return {item.page: item.title for item in ctx.settings.nav_pages() if item.title}


def _page_chapter(ctx: Context, src: str, level: int, titles: dict[str, str]) -> Chapter:
    """A page or a story of the print edition, by its file under docs/."""
    if ctx.settings.is_story(src):
        slug = PurePosixPath(src).stem
        post = next((p for p in ctx.data.stories if p.slug == slug), None)
        return Chapter(post.meta.title if post else slug, ctx.routes.story(slug), level)
    return Chapter(titles.get(src, ""), page_url(src), level)


def front(ctx: Context) -> list[Chapter]:
    """Pages between the colofon and the contents (the voorwoord), as data/inhoud.yml names them."""
    titles = _titles(ctx)
    contents = ctx.data.contents
    return [_page_chapter(ctx, src, 1, titles) for src in (contents.front if contents else ())]


def chapters(ctx: Context) -> list[Chapter]:
    """The print edition's chapters in order. With data/inhoud.yml: the publication's own parts and the
    pages, stories and headings it names, nothing else. Without: the menu's pages, minus the parts for
    the web only, and no stories. Either way the PDF does not grow with the web's stories."""
    pdf = ctx.settings.pdf
    titles = _titles(ctx)
    contents = ctx.data.contents
    if contents:
        found: list[Chapter] = []
        for part in contents.parts:
            listed = [_entry_title(ctx, e, titles) for e in part.pages]
            found.append(Chapter(part.title, "", 1, tuple(t for t in listed if t)))
            for top in part.pages:
                for entry, depth in top.walk():
                    if entry.page:
                        found.append(_page_chapter(ctx, entry.page, 2 + depth, titles))
                    else:
                        found.append(Chapter(entry.title, "", 2 + depth,
                                             tuple(_entry_title(ctx, e, titles) for e in entry.pages)))
        return found
    blog_index = f"{ctx.settings.blog.blog_dir}/index.md"
    colophon = ctx.settings.routes.colophon
    skip = {*pdf.skip_pages, colophon, "index.md"}
    found = []

    def walk(items, level: int) -> None:
        for item in items:
            if item.children:
                if item.title in pdf.skip_sections:
                    continue
                found.append(Chapter(item.title, "", level))
                walk(item.children, level + 1)
            elif item.page is None or item.page == blog_index:
                continue  # stories are printed only when data/inhoud.yml names them
            elif item.page not in skip:
                found.append(Chapter(item.title or "", page_url(item.page), level))

    walk(ctx.settings.menu, 1)
    return found


def _entry_title(ctx: Context, entry, titles: dict[str, str]) -> str:
    return _page_chapter(ctx, entry.page, 2, titles).title if entry.page else entry.title


def pdf_pages(ctx: Context) -> list[str]:
    """Every page address the print edition holds (the publication, for the readability report)."""
    return [c.url for c in [*front(ctx), *chapters(ctx)] if c.url]


def _from_site_root(article, url: str) -> None:
    """Images are written relative to their page; in the one document they are read from the site's
    root (the document's base): a story's photo is printed too."""
    for image in article.find_all("img", src=True):
        src = image["src"]
        if not src.startswith(("http://", "https://", "data:", "/")):
            image["src"] = posixpath.normpath(posixpath.join(url, src))


def _article(site: Path, url: str):
    path = site / url / "index.html"
    if not path.is_file():
        return None
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one(".md-content__inner")
    if article is None:
        return None
    # Web-only parts: navigation, buttons, the edit link, and the lists of the site's stories (they
    # grow with the web's stories; the print edition holds the stories its parts name).
    for selector in ("a.headerlink", ".md-source-file", "nav", "form", "script", ".md-content__button", ".ko-edit",
                     ".ko-principle__stories", ".ko-stories", ".ko-stories__empty"):
        for node in article.select(selector):
            node.decompose()
    # The search's wrapper goes: the page's h1 is then a child of its section again (bookmarks, druk.css).
    for wrapper in article.select("[data-pagefind-body]"):
        wrapper.unwrap()
    _from_site_root(article, url)
    return article


def _prefix_ids(article, prefix: str) -> None:
    """Make ids unique in the combined document; links inside the page follow."""
    for node in article.find_all(id=True):
        node["id"] = f"{prefix}-{node['id']}"
    for link in article.find_all("a", href=True):
        href = link["href"]
        # A link to a page of its own that the printed page also holds as a section (a principle's
        # tile: render.PRINT_HREF) stays a link on paper, to that section.
        printed = link.attrs.pop(PRINT_HREF, "")
        if printed.startswith("#") and article.find(id=f"{prefix}-{printed[1:]}") is not None:
            href = printed
        if href.startswith("#"):
            link["href"] = f"#{prefix}-{href[1:]}"
        elif not href.startswith(("http://", "https://", "mailto:")):
            link.attrs.pop("href")  # other pages: the text stays, the link goes (no dead links on paper)


def _section(site: Path, chapter: Chapter, anchor: str, css_class: str) -> dict | None:
    """The chapter's article as a section of the document (print.html writes it), with its title for
    the contents."""
    article = _article(site, chapter.url)
    if article is None:
        return None
    heading = article.find("h1")
    title = chapter.title or (heading.get_text(" ", strip=True) if heading else chapter.url)
    _prefix_ids(article, anchor)
    return {"css": css_class, "anchor": anchor, "content": Markup(article.decode_contents()), "title": title}


def assemble(site: Path, ctx: Context, order: list[Chapter], before: list[Chapter] | None = None) -> str:
    """One HTML document (overrides/ko/print.html): cover, colofon, the front pages (voorwoord),
    contents, the parts and their chapters, in the circle's colours (identity.html) and the print
    stylesheet (druk.css)."""
    colofon = _article(site, page_url(ctx.settings.routes.colophon))
    if colofon is not None:
        _prefix_ids(colofon, "colofon")
    front_pages = [made for number, chapter in enumerate(before if before is not None else front(ctx), start=1)
                   if (made := _section(site, chapter, f"v{number}", "page level-1 front"))]
    contents: list[dict] = []
    body: list[dict] = []
    opening: set[int] = set()   # chapters that open their part (its introduction page)
    for number, chapter in enumerate(order, start=1):
        anchor = f"h{number}"
        if number in opening:
            continue
        if not chapter.url:
            contents.append({"level": chapter.level, "anchor": anchor, "title": chapter.title})
            following = order[number] if number < len(order) else None
            intro = _section(site, following, anchor, f"part part--intro level-{chapter.level}") \
                if following and following.url else None
            if intro and intro["title"] == chapter.title:
                # The part's own introduction page (same title) is its divider: no page with a title only.
                body.append(intro)
                opening.add(number + 1)
                continue
            body.append({"anchor": anchor, "title": chapter.title, "contents": list(chapter.contents), "content": None,
                         "css": f"part level-{chapter.level}"})
            continue
        made = _section(site, chapter, anchor, f"page level-{chapter.level}")
        if made is None:
            continue
        contents.append({"level": chapter.level, "anchor": anchor, "title": made["title"]})
        body.append(made)
    css = ENGINE_ROOT / PRINT_CSS
    return str(ctx.templates.render(
        "ko/print.html", site=ctx.data.site, colors=identity.properties(ctx.settings.identity),
        style=Markup(css.read_text(encoding="utf-8") if css.is_file() else ""),
        colophon=Markup(colofon.decode_contents()) if colofon is not None else None,
        front=front_pages, contents=contents, body=body))


def render_pdf(html: str, base: Path, target: Path) -> None:
    if HTML is None:
        raise PdfUnavailable(f"de systeembibliotheek Pango ontbreekt ({_PANGO_MISSING.__class__.__name__}); "
                             "installeer die met 'apt-get install libpango-1.0-0 libpangoft2-1.0-0'")
    # Tagged PDF/UA-1: structure for screen readers, Dutch as the document language (lang="nl"),
    # the title from <title>, bookmarks from the headings (druk.css), fonts embedded.
    HTML(string=html, base_url=str(base)).write_pdf(str(target), pdf_variant="pdf/ua-1")


def size_label(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


_LINK = re.compile(r'<(\w+)[^>]*\b' + LINK_MARKER + r'=""[^>]*>.*?</\1>', re.S)  # ko/pdf-link.html's element


def pages_with_link(settings) -> list[str]:
    """The built pages that show the PDF link: those whose source calls pdf_link() (stories never
    call macros), so filling in the size does not read every page of a large harvest."""
    docs = settings.docs
    pages = [p.relative_to(docs).as_posix() for p in sorted(docs.rglob("*.md"))]
    return [page_url(page) for page in pages
            if not settings.is_story(page) and "pdf_link" in (docs / page).read_text(encoding="utf-8", errors="replace")]


def fill_link(ctx: Context, site: Path, name: str, size: int | None, pages: list[str] | None = None) -> None:
    """Put the size in the link (ko/pdf-link.html, rendered again with it) on every page that has it,
    or remove the link when there is no PDF. Only that paragraph of a page changes."""
    paths = [site / url / "index.html" for url in pages] if pages is not None else site.rglob("*.html")
    for page in paths:
        if not page.is_file():
            continue
        html = page.read_text(encoding="utf-8")
        if LINK_MARKER not in html:
            continue

        def sized(match: re.Match) -> str:
            if size is None:
                return ""
            href = re.search(r'href="([^"]*)"', match.group(0))
            return str(render.pdf_link(ctx.templates, html_unescape(href.group(1)) if href else name,
                                       size_label(size)))
        page.write_text(_LINK.sub(sized, html), encoding="utf-8")


def build(ctx: Context, site: Path) -> str:
    """Make the PDF in `site`; return a Dutch line for the build output."""
    name = pdf_name(ctx.data)
    started = time.perf_counter()
    html = assemble(site, ctx, chapters(ctx), front(ctx))
    try:
        render_pdf(html, site, site / name)
    except PdfUnavailable as exc:
        if os.environ.get("CI"):
            raise
        fill_link(ctx, site, name, None, pages_with_link(ctx.settings))
        return f"Pdf overgeslagen: {exc}. De link naar de pdf is weggelaten."
    size = (site / name).stat().st_size
    fill_link(ctx, site, name, size, pages_with_link(ctx.settings))
    return f"Pdf gemaakt: {name} ({size_label(size)}, {time.perf_counter() - started:.1f} s)."
