"""The search in the built site: Pagefind, for every harvest (macros/search.py)."""

from __future__ import annotations

import json

import pytest

from sitebuild import url_of

pytestmark = pytest.mark.site


def test_one_search_pagefind_and_no_builder_search(site):
    """Every harvest, small or large, searches with Pagefind: no Material index, no search dialog of
    Material in any page (the browser test: no such index is ever fetched)."""
    assert not (site.dir / "search").exists()
    assert (site.dir / "pagefind" / "pagefind-entry.json").is_file()
    for path in site.html_pages():
        text = path.read_text(encoding="utf-8")
        assert 'data-md-component="search"' not in text, path


def test_every_page_offers_pagefind_in_the_header(site):
    pages = [p for p in site.html_pages() if p.name == "index.html"]
    for path in pages:
        url = path.parent.relative_to(site.dir).as_posix()
        page = site.page("" if url == "." else url + "/")
        assert page.select_one("header pagefind-modal-trigger") is not None, url
        # The dialog waits in a template until Pagefind's script is loaded (its words are set first).
        modal = page.select_one("template#ko-pagefind-dialog").find("pagefind-modal")
        assert modal is not None, url
        assert page.select_one("pagefind-config")["lang"] == "nl", url
        # A capped list: Pagefind draws a placeholder per hit (thousands for a common word).
        assert 0 < int(modal.find("pagefind-results")["max-results"]) <= 100, url
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


def test_the_bundle_the_pages_load_exists(site):
    bundle = site.dir / "pagefind"
    for name in ("pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind.js", "pagefind-entry.json"):
        assert (bundle / name).is_file(), name
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]


def test_every_article_is_indexed_and_nothing_else(site, data):
    """Articles carry data-pagefind-body (stories, principles, sources...); overviews and the 404 page
    do not, so a result is always the page itself, not a list that quotes it."""
    marked = [p for p in site.html_pages() if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    entry = json.loads((site.dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == len(marked)
    story_pages = {site.path(url_of(s)) for s in data.stories}
    assert story_pages <= set(marked)
    assert site.dir / "404.html" not in marked
    overview = site.path("verhalen/")
    assert overview not in marked


def test_story_content_is_inside_the_indexed_part(site, data):
    story = data.stories[0]
    body = site.page(url_of(story)).select_one("[data-pagefind-body]")
    assert body.select_one("h1") is not None
    assert body.select_one("footer.ko-story-foot") is not None


def test_story_pages_carry_the_search_filters(site, data):
    for post in data.published_stories():
        page = site.page(url_of(post))
        filters = {}
        for element in page.select("[data-pagefind-body] [data-pagefind-filter]"):
            name, _, value = element["data-pagefind-filter"].partition(":")
            filters.setdefault(name, []).append(value or element.get_text(strip=True))
        assert filters["Soort"] == [data.strings["kinds"]["story"][post.meta.kind]], post.slug
        assert filters.get("Leerkring", []) == list(post.meta.categories), post.slug
        # A filter with one value narrows nothing: 'Periode' from two years on.
        assert filters.get("Periode", []) == ([str(post.meta.date.year)] if len(data.periods) > 1 else []), post.slug
        principles = [f"{p.number}. {p.title}" for p in data.principles if p.id in post.meta.principles]
        assert filters.get("Principe", []) == principles, post.slug


def test_a_plain_mkdocs_build_and_make_serve_have_a_search_index(tmp_path, site):
    """`make serve` (mkdocs serve) and a plain `mkdocs build` index every (re)build themselves
    (macros.adapter.on_post_build), so the search works in the preview too."""
    import subprocess
    import sys
    from pathlib import Path

    from sitebuild import copy_project

    project = copy_project(tmp_path / "project")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run([str(mkdocs), "build", "-q", "-d", str(tmp_path / "out")], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    entry = json.loads((tmp_path / "out" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    # The same pages as in the site that make site builds (its own index, made by the pipeline).
    built = json.loads((site.dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == built["languages"]["nl"]["page_count"] > 0
