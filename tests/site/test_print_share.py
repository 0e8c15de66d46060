"""The print edition and sharing: a PDF of the publication (its own parts and order, not the site's
knowledge library), tagged PDF/UA-1 with bookmarks and a contents page with page numbers, linked from
home with its size; Open Graph and Twitter meta on every page. Expectations from data and settings."""

import os
import re
import shutil
import subprocess
from urllib.parse import urlparse

import pytest

from macros import load
from sitebuild import ROUTES, url_of

from macros.page_macros import pdf_name
from macros.pdf import size_label

pytestmark = pytest.mark.site


def squash(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(scope="module")
def pdf(site, data):
    path = site.dir / pdf_name(data)
    if not path.is_file():
        message = "geen pdf gemaakt: de systeembibliotheek Pango ontbreekt (apt-get install libpango-1.0-0)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if not shutil.which("pdftotext"):
        message = "pdftotext ontbreekt (apt-get install poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return path, text, pages


def test_pdf_has_cover_colofon_and_contents_with_page_numbers(pdf, data):
    _, text, pages = pdf
    pages_text = text.split("\f")
    assert squash(data.site.title) in squash(pages_text[0])
    assert squash(data.site.subtitle) in squash(pages_text[0])
    toc = next(p for p in pages_text if re.search(r"^\s*Inhoud\s*$", p, re.M))
    numbered = re.findall(r"\.\s*(\d+)\s*$", toc, re.M)
    assert len(numbered) >= 3
    assert all(1 < int(n) <= pages for n in numbered)
    assert [int(n) for n in numbered] == sorted(int(n) for n in numbered)


def printed_pages() -> set[str]:
    """The pages the print edition holds (data/inhoud.yml, or else the menu's pages)."""
    contents = load(ROUTES.settings.root).contents
    if contents:
        return set(contents.pages())
    return {item.page for item in ROUTES.settings.nav_pages()}


def test_pdf_holds_the_publication(pdf, data):
    _, text, pages = pdf
    flat = squash(text)
    printed = printed_pages()
    routes = ROUTES.settings.routes
    if routes.principles in printed:
        for principle in data.principles:
            assert squash(principle.title) in flat
    stories = [p for p in data.published_stories() if ROUTES.settings.stories_folder + f"/{p.slug}.md" in printed]
    for post in stories:
        assert squash(post.meta.title)[:40] in flat, post.slug
    for group in data.colophon:
        for member in group.members:
            assert data.person(member.person).name in flat
    if routes.timeline in printed:
        for event in data.timeline:
            assert squash(event.title)[:40] in flat, event.id
    assert pages >= len(stories)


def test_pdf_is_the_publication_in_its_own_order_without_the_knowledge_library(pdf, data, root):
    from macros import load_project, page_macros
    from macros.pdf import chapters, front

    _, text, _ = pdf
    flat = squash(text)
    project = load_project(root)
    ctx = page_macros.context(project.settings, project.data)
    order = [c.title for c in [*front(ctx), *chapters(ctx)] if c.title]
    positions = [flat.find(squash(title)[:40], flat.find("Inhoud")) for title in order]
    assert all(p > 0 for p in positions), order
    for source in data.sources:   # the knowledge library is for the web only
        assert not re.search(rf"^\s*{re.escape(source.title)}\s*$", text, re.M), source.title
    assert "Zelf een oogst maken" not in flat and "Privacy" not in flat


def test_pdf_is_tagged_pdf_ua_in_dutch_with_bookmarks(pdf, data, root):
    from pypdf import PdfReader

    from macros import load_project

    path, _, _ = pdf
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(rf"^Title:\s+{re.escape(data.site.title)}$", info, re.M)
    meta = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout
    assert 'pdfuaid:part="1"' in meta  # the PDF/UA-1 identification in the XMP metadata
    reader = PdfReader(path)
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl" and bool(catalog["/MarkInfo"]["/Marked"])
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    for page in reader.pages[:6]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font)["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]

    def titles(items):
        for item in items:
            yield from titles(item) if isinstance(item, list) else [item.title]

    marks = list(titles(reader.outline))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    project = load_project(root)
    settings, contents = project.settings, project.data.contents
    front = [item.title for page in (contents.front if contents else ()) for item in settings.nav_pages()
             if item.page == page]
    parts = [part.title for part in contents.parts] if contents else []
    assert top == ["Colofon", *front, "Inhoud", *parts]
    printed = printed_pages()
    for post in data.published_stories():
        if f"{settings.stories_folder}/{post.slug}.md" in printed:
            assert any(squash(m).startswith(squash(post.meta.title)[:30]) for m in marks), post.slug


def test_pdf_has_no_navigation_chrome(pdf):
    _, text, _ = pdf
    for chrome in ("Ga naar inhoud", "Terug naar de inhoudsopgave", "Doorgaan met lezen", "Inhoudsopgave"):
        assert chrome not in text


def test_home_links_the_pdf_with_its_size(site, data, pdf):
    path, _, _ = pdf
    block = site.content("").select_one("p.ko-pdf")
    assert block.a["href"] == pdf_name(data)
    assert block.select_one(".ko-pdf__size").get_text() == f"(pdf, {size_label(path.stat().st_size)})"


def meta(page, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_sharing_meta(site):
    for path in site.html_pages():
        rel = path.relative_to(site.dir).as_posix()
        if rel == "404.html":
            continue
        page = site.page(rel.removesuffix("index.html"))
        for key in ("og:title", "og:description", "og:image", "og:url", "twitter:card", "twitter:image"):
            assert meta(page, key), f"{rel}: {key}"
        image = urlparse(meta(page, "og:image")).path.lstrip("/")
        assert (site.dir / image).is_file(), f"{rel}: {image}"


def test_stories_are_articles_with_their_date_summary_and_circle_image(site, data):
    for post in data.published_stories():
        page = site.page(url_of(post))
        assert meta(page, "og:type") == "article"
        # The day only where it is known; a story with only a dating ('begin 2025') has none.
        expected = None if post.meta.dating is not None else post.meta.date.isoformat()
        assert meta(page, "article:published_time") == expected
        assert meta(page, "og:description") == post.meta.description
        assert meta(page, "og:title") == post.meta.title
        circles = data.circles_of(post)
        image = urlparse(meta(page, "og:image")).path
        if circles and (site.dir / "assets" / "delen" / f"{circles[0].id}.png").is_file():
            assert image.endswith(f"/assets/delen/{circles[0].id}.png")


def test_print_stylesheet_hides_navigation(site):
    css = (site.dir / "assets" / "stylesheets" / "kennis-oogsten.css").read_text(encoding="utf-8")
    block = css[css.index("@media print"):]
    for selector in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer"):
        assert selector in block
