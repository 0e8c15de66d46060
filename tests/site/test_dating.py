"""Honest dates (issue 14): a story from the publication says it appeared in it, 'begin 2025', and
never shows the day that only orders it (its `date`), nor the day it was put online."""

import re
import xml.etree.ElementTree as ET

import pytest

from macros.models import MONTHS_NL
from sitebuild import url_of

SITE_URL = "http://127.0.0.1:8000/"

pytestmark = pytest.mark.site


def dated_by_period(data):
    return [p for p in data.published_stories() if p.meta.dating is not None]


def test_the_publications_stories_have_a_dating(data):
    """This harvest's stories all come from the publication; they carry its dating."""
    assert dated_by_period(data) == data.published_stories()
    assert {str(p.meta.dating) for p in data.published_stories()} == {"begin 2025"}


def test_no_page_shows_a_day_the_source_does_not_give(site, data):
    hidden = set()
    for post in dated_by_period(data):
        day = post.meta.date
        hidden |= {day.isoformat(), f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"}
    for path in site.html_pages():
        text = path.read_text(encoding="utf-8")
        for shown in hidden:
            assert shown not in text, (path, shown)
        # Nor the day the site was put online (the build date) on a story or in a listing.
        assert not re.search(r"<time[^>]*datetime=\"2026", text), path


def test_story_byline_and_sidebar_say_begin_2025(site, data):
    for post in dated_by_period(data):
        page = site.content(url_of(post))
        byline = page.select_one("h1 + .ko-byline")
        assert byline is not None, post.slug
        time = byline.select_one("time")
        assert (time["datetime"], time.get_text(strip=True)) == ("2025", "begin 2025"), post.slug
        names = [a.get_text(strip=True) for a in byline.select(".ko-byline__author")]
        assert names == [data.person(a).name for a in post.meta.authors], post.slug
        sidebar = site.page(url_of(post)).select_one(".md-sidebar--post time")
        assert sidebar.get_text(strip=True) == "begin 2025", post.slug


def test_listings_show_the_dating(site):
    times = site.content("verhalen/").select(".md-post__meta time")
    assert times and {t.get_text(strip=True) for t in times} == {"begin 2025"}
    home = site.content("").select(".ko-stories time")
    assert home and {t.get_text(strip=True) for t in home} == {"begin 2025"}


def test_sharing_meta_gives_no_invented_day(site, data):
    for post in dated_by_period(data):
        page = site.page(url_of(post))
        assert page.find("meta", property="og:type")["content"] == "article"
        assert page.find("meta", property="article:published_time") is None, post.slug


def test_feed_items_have_no_invented_day_and_follow_the_reading_order(site, data):
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        channel = ET.parse(site.dir / name).getroot().find("channel")
        items = channel.findall("item")
        assert [i.findtext("link") for i in items] == [SITE_URL + url_of(p) for p in data.published_stories()]
        for item in items:
            assert item.find("pubDate") is None, item.findtext("link")
            # Themes by their title, not their id.
            categories = [c.text for c in item.findall("category")]
            assert not any(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", c or "") for c in categories), categories


def test_stories_of_the_same_dating_follow_the_publication(data, root):
    """The reading order of the print edition (extra.pdf.parts) is the order of the stories."""
    from macros import settings as settings_module

    settings = settings_module.read(root)
    printed = [page.rsplit("/", 1)[-1].removesuffix(".md") for part in settings.pdf.parts for page in part.pages]
    order = [p.slug for p in data.published_stories()]
    assert order == [slug for slug in printed if slug in order]
