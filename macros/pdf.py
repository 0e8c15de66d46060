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
import re
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup
from markupsafe import escape

from .page_macros import Context, pdf_name
from .routes import page_url

try:  # WeasyPrint loads the system library Pango when imported
    from weasyprint import HTML
    _PANGO_MISSING: OSError | None = None
except OSError as exc:  # pragma: no cover - depends on the machine
    HTML = None
    _PANGO_MISSING = exc

PRINT_CSS = Path("overrides/assets/stylesheets/druk.css")
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


def _nav_titles(nav) -> dict[str, str]:
    """The menu's title of each page ('leerreis/tijdlijn.md' → 'Tijdlijn')."""
    found: dict[str, str] = {}

    def walk(items) -> None:
        for item in items or []:
            if isinstance(item, dict):
                (title, target), = item.items()
                if isinstance(target, list):
                    walk(target)
                elif isinstance(target, str):
                    found[target] = title
    walk(nav)
    return found


def _page_chapter(ctx: Context, src: str, level: int, titles: dict[str, str]) -> Chapter:
    """A page or a story of the print edition, by its file under docs/."""
    stories = PurePosixPath(ctx.settings.stories_dir).relative_to(ctx.settings.docs_dir).as_posix() + "/"
    if src.startswith(stories):
        slug = PurePosixPath(src).stem
        post = next((p for p in ctx.data.stories if p.slug == slug), None)
        return Chapter(post.meta.title if post else slug, ctx.routes.story(slug), level)
    return Chapter(titles.get(src, ""), page_url(src), level)


def front(ctx: Context) -> list[Chapter]:
    """Pages between the colofon and the contents (the voorwoord), as the settings name them."""
    titles = _nav_titles(ctx.settings.nav)
    return [_page_chapter(ctx, src, 1, titles) for src in ctx.settings.pdf.front]


def chapters(ctx: Context) -> list[Chapter]:
    """The print edition's chapters in order. With extra.pdf.parts: the publication's own parts and
    the pages and stories they name, nothing else. Without: the menu's pages, minus the parts for the
    web only, and no stories. Either way the PDF does not grow with the web's stories."""
    pdf = ctx.settings.pdf
    titles = _nav_titles(ctx.settings.nav)
    if pdf.parts:
        found: list[Chapter] = []
        for part in pdf.parts:
            pages = [_page_chapter(ctx, src, 2, titles) for src in part.pages]
            found.append(Chapter(part.title, "", 1, tuple(c.title for c in pages if c.title)))
            found.extend(pages)
        return found
    blog_index = f"{ctx.settings.blog.blog_dir}/index.md"
    colophon = ctx.settings.routes.colophon
    skip = {*pdf.skip_pages, colophon, "index.md", *pdf.front}
    found = []

    def walk(items, level: int) -> None:
        for item in items or []:
            if isinstance(item, str):
                title, target = None, item
            else:
                (title, target), = item.items()
            if isinstance(target, list):
                if title in pdf.skip_sections:
                    continue
                found.append(Chapter(title, "", level))
                walk(target, level + 1)
            elif target == blog_index:
                continue  # stories are printed only when extra.pdf.parts names them
            elif target not in skip:
                found.append(Chapter(title or "", page_url(target), level))

    walk(ctx.settings.nav, 1)
    return found


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


def _section(site: Path, chapter: Chapter, anchor: str, css_class: str) -> tuple[str, str] | None:
    """The chapter's article as a section of the document, and its title for the contents."""
    article = _article(site, chapter.url)
    if article is None:
        return None
    heading = article.find("h1")
    title = chapter.title or (heading.get_text(" ", strip=True) if heading else chapter.url)
    _prefix_ids(article, anchor)
    return f'<section class="{css_class}" id="{anchor}">{article.decode_contents()}</section>', title


def assemble(site: Path, ctx: Context, order: list[Chapter], before: list[Chapter] | None = None) -> str:
    """One HTML document: cover, colofon, the front pages (voorwoord), contents, the parts and their
    chapters. Headings carry the PDF's bookmarks (druk.css); the document is in Dutch."""
    s = ctx.data.site
    parts = [
        '<section class="cover">',
        f"<h1>{escape(s.title)}</h1>",
        f'<p class="subtitle">{escape(s.subtitle)}</p>',
        f'<p class="publisher">Uitgave: {escape(s.publisher)}</p>',
        "</section>",
    ]
    colofon = _article(site, page_url(ctx.settings.routes.colophon))
    if colofon is not None:
        _prefix_ids(colofon, "colofon")
        parts.append(f'<section class="page level-1 colofon">{colofon.decode_contents()}</section>')
    for number, chapter in enumerate(before if before is not None else front(ctx), start=1):
        made = _section(site, chapter, f"v{number}", "page level-1 front")
        if made:
            parts.append(made[0])

    toc = ['<section class="page level-1 toc"><h1>Inhoud</h1><ol>']
    body = []
    opening: set[int] = set()   # chapters that open their part (its introduction page)
    for number, chapter in enumerate(order, start=1):
        anchor = f"h{number}"
        if number in opening:
            continue
        if not chapter.url:
            toc.append(f'<li class="toc-{chapter.level}"><a href="#{anchor}">{escape(chapter.title)}</a></li>')
            following = order[number] if number < len(order) else None
            intro = _section(site, following, anchor, "part part--intro level-1") if following and following.url \
                else None
            if intro and intro[1] == chapter.title:
                # The part's own introduction page (same title) is its divider: no page with a title only.
                body.append(intro[0])
                opening.add(number + 1)
                continue
            listing = "".join(f"<li>{escape(t)}</li>" for t in chapter.contents)
            body.append(f'<section class="part level-1" id="{anchor}"><h1>{escape(chapter.title)}</h1>'
                        + (f'<ol class="part__contents">{listing}</ol>' if listing else "") + "</section>")
            continue
        made = _section(site, chapter, anchor, f"page level-{chapter.level}")
        if made is None:
            continue
        toc.append(f'<li class="toc-{chapter.level}"><a href="#{anchor}">{escape(made[1])}</a></li>')
        body.append(made[0])
    toc.append("</ol></section>")
    css = (Path(__file__).resolve().parent.parent / PRINT_CSS)
    style = css.read_text(encoding="utf-8") if css.is_file() else ""
    head = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{escape(s.title)}</title>'
            f'<meta name="author" content="{escape(s.publisher)}">'
            f'<meta name="description" content="{escape(s.subtitle)}">'
            f"<style>{style}</style></head><body>")
    return head + "".join(parts) + "".join(toc) + "".join(body) + "</body></html>"


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


_SIZE = '<span class="ko-pdf__size">(pdf)</span>'
_LINK = re.compile(r'<p class="ko-pdf" data-ko-pdf="">.*?</p>', re.S)


def pages_with_link(settings) -> list[str]:
    """The built pages that show the PDF link: those whose source calls pdf_link() (stories never
    call macros), so filling in the size does not read every page of a large harvest."""
    docs = settings.docs
    stories = settings.root / settings.stories_dir
    return [page_url(p.relative_to(docs).as_posix()) for p in sorted(docs.rglob("*.md"))
            if stories not in p.parents and "pdf_link" in p.read_text(encoding="utf-8", errors="replace")]


def fill_link(site: Path, name: str, size: int | None, pages: list[str] | None = None) -> None:
    """Put the size behind the link (render.pdf_link) on every page that has it, or remove the
    link when there is no PDF. Exact replacements of our own markup; the rest of a page is untouched."""
    paths = [site / url / "index.html" for url in pages] if pages is not None else site.rglob("*.html")
    for page in paths:
        if not page.is_file():
            continue
        html = page.read_text(encoding="utf-8")
        if LINK_MARKER not in html:
            continue
        if size is None:
            html = _LINK.sub("", html)
        else:
            html = html.replace(_SIZE, f'<span class="ko-pdf__size">(pdf, {size_label(size)})</span>')
        page.write_text(html, encoding="utf-8")


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
        fill_link(site, name, None, pages_with_link(ctx.settings))
        return f"Pdf overgeslagen: {exc}. De link naar de pdf is weggelaten."
    size = (site / name).stat().st_size
    fill_link(site, name, size, pages_with_link(ctx.settings))
    return f"Pdf gemaakt: {name} ({size_label(size)}, {time.perf_counter() - started:.1f} s)."
