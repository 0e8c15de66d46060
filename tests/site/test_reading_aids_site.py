"""Reading aids on the built site (issue 14, part 5): Dutch landmark labels, and a title and a
description of its own on every page, the home page, the 404 page and the blog's generated pages
(archive, categories, authors, pagination) included."""

from collections import defaultdict

import pytest
from bs4 import BeautifulSoup

from sitebuild import ENGLISH_LANDMARK_LABELS, english_landmark_labels

pytestmark = pytest.mark.site


def test_no_page_has_an_english_landmark_label(site):
    assert english_landmark_labels(site.dir) == []


def test_the_landmark_check_finds_an_english_label(tmp_path):
    """The check itself: an English label on any landmark is reported, a Dutch one is not."""
    (tmp_path / "index.html").write_text('<header aria-label="Kop"></header><nav aria-label="Footer"></nav>'
                                         '<div role="navigation" aria-label=" tabs "></div>', encoding="utf-8")
    assert english_landmark_labels(tmp_path) == ['index.html: <nav> "Footer"', 'index.html: <div> "tabs"']
    assert {"header", "footer", "tabs"} <= ENGLISH_LANDMARK_LABELS


def _shared(site_dir, read) -> list[str]:
    """'"value": url, url' for every value that more than one page has (or a page lacks). Pages at an
    address that moved (extra.moved) only send the reader on; they are left out."""
    pages = defaultdict(list)
    for path in sorted(site_dir.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue
        pages[read(page)].append(path.relative_to(site_dir).as_posix().removesuffix("index.html") or "/")
    return [f"{value!r}: {', '.join(urls)}" for value, urls in pages.items() if len(urls) > 1 or value is None]


def _title(page):
    return " ".join(page.title.get_text().split()) if page.title else None


def _description(page):
    meta = page.find("meta", attrs={"name": "description"})
    return " ".join(meta["content"].split()) if meta and meta.get("content") else None


def test_every_page_has_a_title_of_its_own(site):
    assert _shared(site.dir, _title) == []


def test_every_page_has_a_description_of_its_own(site):
    assert _shared(site.dir, _description) == []


def test_the_check_finds_a_shared_or_missing_description(tmp_path):
    for name, description in (("a.html", "Een"), ("b.html", "Een"), ("c.html", "Twee"), ("d.html", None)):
        meta = f'<meta name="description" content="{description}">' if description else ""
        (tmp_path / name).write_text(f"<html><head><title>{name}</title>{meta}</head></html>", encoding="utf-8")
    assert _shared(tmp_path, _description) == ["'Een': a.html, b.html", "None: d.html"]
    assert _shared(tmp_path, _title) == []
