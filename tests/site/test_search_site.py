"""The search in the built site: Material's own for this (small) harvest, Pagefind for a large one.
The Pagefind build is this project with extra.search.engine: pagefind (the `pagefind_site` fixture)."""

from __future__ import annotations

import json

import pytest

from sitebuild import url_of

pytestmark = pytest.mark.site


def test_small_harvest_keeps_material_search(site, data):
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(index["docs"]) > len(data.stories)
    assert not (site.dir / "pagefind").exists()
    home = site.page("")
    assert home.select_one(".md-search") is not None
    assert home.select_one("pagefind-modal-trigger") is None
    assert home.select_one("[data-pagefind-body]") is None


def test_large_harvest_has_no_material_search(pagefind_site):
    assert not (pagefind_site.dir / "search").exists()
    for path in pagefind_site.html_pages():
        text = path.read_text(encoding="utf-8")
        assert 'data-md-component="search"' not in text, path  # the browser test: no index is fetched


def test_every_page_offers_pagefind_in_the_header(pagefind_site):
    pages = [p for p in pagefind_site.html_pages() if p.name == "index.html"]
    for path in pages:
        url = path.parent.relative_to(pagefind_site.dir).as_posix()
        page = pagefind_site.page("" if url == "." else url + "/")
        assert page.select_one("header pagefind-modal-trigger") is not None, url
        assert page.select_one("pagefind-modal") is not None, url
        assert page.select_one("pagefind-config")["lang"] == "nl", url
        # A capped list: Pagefind draws a placeholder per hit (thousands for a common word).
        assert 0 < int(page.select_one("pagefind-modal pagefind-results")["max-results"]) <= 100, url
        # Pagefind's own script and stylesheet load on first use, from relative addresses (the site
        # also works in a subfolder, as on GitHub Pages); until then a plain button with a name.
        trigger = page.select_one("pagefind-modal-trigger")
        for attribute in ("data-ko-script", "data-ko-stylesheet"):
            assert trigger[attribute].endswith(("pagefind-component-ui.js", "pagefind-component-ui.css")), url
            assert not trigger[attribute].startswith("/"), url
        assert trigger.select_one("button")["aria-label"] == "Zoeken", url
        assert page.select_one("script[src*='pagefind-component-ui']") is None, url
        loader = page.select_one("script[src*='ko-pagefind.js']")
        assert loader is not None and loader.has_attr("defer"), url


def test_the_bundle_the_pages_load_exists(pagefind_site):
    bundle = pagefind_site.dir / "pagefind"
    for name in ("pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind.js", "pagefind-entry.json"):
        assert (bundle / name).is_file(), name
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]


def test_every_article_is_indexed_and_nothing_else(pagefind_site, data):
    """Articles carry data-pagefind-body (stories, principles, sources...); overviews and the 404 page
    do not, so a result is always the page itself, not a list that quotes it."""
    marked = [p for p in pagefind_site.html_pages() if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    entry = json.loads((pagefind_site.dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == len(marked)
    story_pages = {pagefind_site.path(url_of(s)) for s in data.stories}
    assert story_pages <= set(marked)
    assert pagefind_site.dir / "404.html" not in marked
    overview = pagefind_site.path("verhalen/")
    assert overview not in marked


def test_story_content_is_inside_the_indexed_part(pagefind_site, data):
    story = data.stories[0]
    body = pagefind_site.page(url_of(story)).select_one("[data-pagefind-body]")
    assert body.select_one("h1") is not None
    assert body.select_one("aside.ko-story-meta") is not None
