"""Zensical readiness: the same repository built with a pinned Zensical has the same pages and the
same key content as the MkDocs build. Known differences are listed in the README."""

import os
import subprocess
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from macros.page_macros import pdf_name
from sitebuild import EDIT_REPOSITORY, ROOT, english_landmark_labels, text_of

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def zensical_site():
    """`make site-zensical`: the one pipeline with the other builder (as `make site BOUWER=zensical`)."""
    # The same repository as the session's MkDocs build (edit links), as GitHub Actions names it.
    env = {**os.environ, "GITHUB_REPOSITORY": EDIT_REPOSITORY, "GITHUB_SERVER_URL": "https://github.com"}
    result = subprocess.run(["make", "--no-print-directory", "site-zensical"], cwd=ROOT, capture_output=True, text=True,
                            env=env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Site gebouwd met zensical" in result.stdout
    return ROOT / "site-zensical"


def test_zensical_builds_the_whole_publishable_site(zensical_site, data, site):
    """Search index and PDF included: switching builder on 5 May 2027 is one variable."""
    # One search for both builders: Pagefind, no search.json of its own.
    assert (zensical_site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (zensical_site / "search.json").exists()
    pdf = zensical_site / pdf_name(data)
    assert pdf.read_bytes().startswith(b"%PDF")
    # The same print edition as the MkDocs build (the same pages, so about the same size).
    same = site.dir / pdf_name(data)
    assert 0.9 < pdf.stat().st_size / same.stat().st_size < 1.1
    # The pages link the PDF with its size, as in the MkDocs build.
    assert "(pdf, " in (zensical_site / "index.html").read_text(encoding="utf-8")


def pages(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def article(path):
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return soup, soup.select_one(".md-content__inner") or soup


def test_same_pages(site, zensical_site):
    assert pages(zensical_site) == pages(site.dir)


def test_same_titles_language_and_rendered_data(site, zensical_site):
    for rel in pages(site.dir):
        mk_soup, mk = article(site.dir / rel)
        zs_soup, zs = article(zensical_site / rel)
        assert zs_soup.html.get("lang") == "nl", rel
        mk_h1, zs_h1 = mk.find("h1"), zs.find("h1")
        assert (text_of(zs_h1) if zs_h1 else None) == (text_of(mk_h1) if mk_h1 else None), rel
        # Everything our macros and the theme layer render is there, element for element.
        assert len(zs.select("[class*=ko-]")) == len(mk.select("[class*=ko-]")), rel


def test_same_sharing_meta(site, zensical_site):
    for rel in pages(site.dir):
        if rel == "404.html":
            continue
        mk, _ = article(site.dir / rel)
        zs, _ = article(zensical_site / rel)
        for key in ("og:title", "og:description", "og:image", "og:type"):
            mk_tag, zs_tag = mk.find("meta", property=key), zs.find("meta", property=key)
            assert (zs_tag and zs_tag["content"]) == (mk_tag and mk_tag["content"]), (rel, key)


def test_same_edit_links(site, zensical_site):
    for rel in pages(site.dir):
        mk = [a["href"] for a in article(site.dir / rel)[1].select("p.ko-edit a")]
        zs = [a["href"] for a in article(zensical_site / rel)[1].select("p.ko-edit a")]
        assert zs == mk, rel


def test_landmark_labels_are_dutch_too(zensical_site):
    """Zensical reads the same language override (overrides/partials/languages/nl.html)."""
    assert english_landmark_labels(zensical_site) == []


def test_every_page_has_its_own_title_and_description_too(zensical_site):
    """The blog's own pages (per circle, author, year, page 2) get their own on Zensical as well."""
    from test_reading_aids_site import _description, _shared, _title

    assert _shared(zensical_site, _title) == []
    assert _shared(zensical_site, _description) == []


def test_links_the_macros_make_are_the_same(site, zensical_site):
    """Zensical reads a relative link in HTML as relative to the source file; the engine writes them
    so (macros.adapter._page_url) and they land where MkDocs' do, also on pages below the root."""
    for rel in pages(site.dir):
        mk = [a["href"] for a in article(site.dir / rel)[1].select("[class*=ko-] a[href], a[class*=ko-][href]")]
        zs = [a["href"] for a in article(zensical_site / rel)[1].select("[class*=ko-] a[href], a[class*=ko-][href]")]
        assert zs == mk, rel


def test_the_same_search_index(site, zensical_site):
    """One search on both builders: Pagefind indexes the same pages with the same filters."""
    import json

    def entry(folder):
        data = json.loads((folder / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        return data["languages"]["nl"]["page_count"]

    assert entry(zensical_site) == entry(site.dir)
    for rel in pages(site.dir):
        mk = sorted(e["data-pagefind-filter"] for e in article(site.dir / rel)[0].select("[data-pagefind-filter]"))
        zs = sorted(e["data-pagefind-filter"] for e in article(zensical_site / rel)[0].select("[data-pagefind-filter]"))
        assert zs == mk, rel


def test_previous_and_next_are_the_same(site, zensical_site):
    """The publication's reading order (overrides/partials/footer.html) on both builders."""
    def footer(path):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        here = "/" + path.relative_to(path.parents[len(rel.split("/")) - 1]).as_posix()
        return [(urljoin(here, a["href"]), a.get("aria-label")) for a in soup.select("a.md-footer__link")]

    for rel in pages(site.dir):
        assert footer(zensical_site / rel) == footer(site.dir / rel), rel
