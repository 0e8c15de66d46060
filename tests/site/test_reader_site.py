"""What a reader reads is the publication, not the research behind it: the notes on the sources
(extra.check.research_notes) stand on the page Verantwoording only, never in a page's text, a tooltip
or a search result's meta; the colophon says what this web edition is. Expectations from the settings
and the words, so this holds for every harvest."""

import pytest

from macros import load_project
from sitebuild import ROOT, ROUTES

pytestmark = pytest.mark.site


def test_research_notes_stand_only_on_the_verantwoording_page(site):
    settings = load_project(ROOT).settings
    phrases = [p.lower() for p in settings.check.research_notes]
    assert phrases
    accountability = ROUTES.accountability()
    found = []
    for path in site.html_pages():
        rel = path.relative_to(site.dir).as_posix()
        url = rel.removesuffix("index.html")
        if url == accountability:
            continue
        page = site.page(url)
        article = page.select_one(".md-content")
        if article is None:
            continue
        shown = " ".join([article.get_text(" "), *(e.get("title", "") for e in page.find_all(title=True)),
                          *(e.get("content", "") for e in page.find_all("meta"))]).lower()
        found += [f"{url}: {p}" for p in phrases if p in shown]
    assert found == []


def test_the_colophon_says_what_this_web_edition_is(site, data):
    words = data.strings["web_edition"]
    colophon = site.content(ROUTES.page(ROUTES.settings.routes.colophon))
    part = colophon.find(id=words["anchor"])
    assert part is not None and part.get_text(strip=True) == words["title"]
    text = " ".join(colophon.get_text(" ").split())
    for key in ("retold_title", "literal_title", "made_title", "original_title"):
        assert words[key] in text, key
    assert colophon.find("a", href=lambda h: h and h.rstrip("/").endswith(ROUTES.accountability().rstrip("/"))) is not None
