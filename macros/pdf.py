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
from pathlib import Path

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


class PdfUnavailable(Exception):
    """The PDF cannot be made on this machine (a system library is missing)."""


@dataclass(frozen=True)
class Chapter:
    title: str
    url: str      # e.g. leerreis/tijdlijn/
    level: int    # 1 for a section of the menu, 2 for a page in it


def chapters(ctx: Context) -> list[Chapter]:
    """The pages in menu order, with all stories where the menu has the blog's index. The settings
    say which parts of the menu are for the web only (extra.pdf)."""
    pdf = ctx.settings.pdf
    blog_index = f"{ctx.settings.blog.blog_dir}/index.md"
    colophon = ctx.settings.routes.colophon
    found: list[Chapter] = []

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
                posts = sorted(ctx.data.published_stories(), key=lambda p: p.meta.title.casefold())
                found.extend(Chapter(p.meta.title, ctx.routes.story(p.slug), level + 1) for p in posts)
            elif target not in pdf.skip_pages and target not in (colophon, "index.md"):
                found.append(Chapter(title or "", page_url(target), level))

    walk(ctx.settings.nav, 1)
    return found


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
    for selector in ("a.headerlink", ".md-source-file", "nav", "form", "script", ".md-content__button", ".ko-edit"):
        for node in article.select(selector):
            node.decompose()
    _from_site_root(article, url)
    return article


def _prefix_ids(article, prefix: str) -> None:
    """Make ids unique in the combined document; links inside the page follow."""
    for node in article.find_all(id=True):
        node["id"] = f"{prefix}-{node['id']}"
    for link in article.find_all("a", href=True):
        href = link["href"]
        if href.startswith("#"):
            link["href"] = f"#{prefix}-{href[1:]}"
        elif not href.startswith(("http://", "https://", "mailto:")):
            link.attrs.pop("href")  # other pages: the text stays, the link goes (no dead links on paper)


def assemble(site: Path, ctx: Context, order: list[Chapter]) -> str:
    """One HTML document with cover, colofon, contents and every chapter."""
    s = ctx.data.site
    parts = [
        '<section class="cover">',
        f"<h1>{escape(s.title)}</h1>",
        f'<p class="subtitle">{escape(s.subtitle)}</p>',
        '<ul class="figures">',
        *[f"<li><strong>{escape(f.value)}</strong> {escape(f.label)}</li>" for f in s.key_figures],
        "</ul>",
        f'<p class="publisher">{escape(s.publisher)} · {escape(s.published)}</p>',
        "</section>",
    ]
    colofon = _article(site, page_url(ctx.settings.routes.colophon))
    if colofon is not None:
        _prefix_ids(colofon, "colofon")
        parts.append(f'<section class="page colofon">{colofon.decode_contents()}</section>')

    toc = ['<section class="page toc"><h1>Inhoud</h1><ol>']
    body = []
    for number, chapter in enumerate(order, start=1):
        anchor = f"h{number}"
        if not chapter.url:
            toc.append(f'<li class="toc-{chapter.level}"><a href="#{anchor}">{escape(chapter.title)}</a></li>')
            body.append(f'<section class="part" id="{anchor}"><h1>{escape(chapter.title)}</h1></section>')
            continue
        article = _article(site, chapter.url)
        if article is None:
            continue
        heading = article.find("h1")
        title = chapter.title or (heading.get_text(" ", strip=True) if heading else chapter.url)
        toc.append(f'<li class="toc-{chapter.level}"><a href="#{anchor}">{escape(title)}</a></li>')
        _prefix_ids(article, anchor)
        body.append(f'<section class="page" id="{anchor}">{article.decode_contents()}</section>')
    toc.append("</ol></section>")
    css = (Path(__file__).resolve().parent.parent / PRINT_CSS)
    style = css.read_text(encoding="utf-8") if css.is_file() else ""
    head = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{escape(s.title)}</title>'
            f"<style>{style}</style></head><body>")
    return head + "".join(parts) + "".join(toc) + "".join(body) + "</body></html>"


def render_pdf(html: str, base: Path, target: Path) -> None:
    if HTML is None:
        raise PdfUnavailable(f"de systeembibliotheek Pango ontbreekt ({_PANGO_MISSING.__class__.__name__}); "
                             "installeer die met 'apt-get install libpango-1.0-0 libpangoft2-1.0-0'")
    HTML(string=html, base_url=str(base)).write_pdf(str(target))


def size_label(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


_SIZE = '<span class="ko-pdf__size">(pdf)</span>'
_LINK = re.compile(r'<p class="ko-pdf" data-ko-pdf="">.*?</p>', re.S)


def fill_link(site: Path, name: str, size: int | None) -> None:
    """Put the size behind the link (render.pdf_link) on every page that has it, or remove the
    link when there is no PDF. Exact replacements of our own markup; the rest of a page is untouched."""
    for page in site.rglob("*.html"):
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
    html = assemble(site, ctx, chapters(ctx))
    try:
        render_pdf(html, site, site / name)
    except PdfUnavailable as exc:
        if os.environ.get("CI"):
            raise
        fill_link(site, name, None)
        return f"Pdf overgeslagen: {exc}. De link naar de pdf is weggelaten."
    size = (site / name).stat().st_size
    fill_link(site, name, size)
    return f"Pdf gemaakt: {name} ({size_label(size)}, {time.perf_counter() - started:.1f} s)."
