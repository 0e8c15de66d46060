"""Honest dates (issue 14): a story shows when it appeared as precisely as known. A story with a
`dating` (a period, such as the publication's 'begin 2025') never shows the day that only orders it
(its `date`); no page shows a date that is not in the data (the day the site was built, say).
Expectations come from data/, so this holds for every harvest."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest

from macros.models import MONTHS_NL, PartialDate
from sitebuild import ROUTES, url_of

pytestmark = pytest.mark.site


def dated_by_period(data):
    return [p for p in data.published_stories() if p.meta.dating is not None]


def known_dates(data) -> set[str]:
    """Every <time datetime> value the data gives: stories, timeline, circles, sources, the advice."""
    found = {p.meta.dating_iso for p in data.stories} | {p.meta.date.isoformat() for p in data.stories}
    found |= {e.date.iso for e in data.timeline}
    found |= {d.iso for c in data.circles for d in (c.started, c.ended) if d}
    found |= {s.date.iso for s in data.sources if s.date}
    if data.advice:
        found.add(data.advice.presented.iso)
    return found


def test_no_page_shows_a_day_the_source_does_not_give(site, data):
    hidden = set()
    for post in dated_by_period(data):
        day = post.meta.date
        hidden |= {day.isoformat(), f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"}
    known = known_dates(data)
    for path in site.html_pages():
        text = path.read_text(encoding="utf-8")
        for shown in hidden:
            assert shown not in text, (path, shown)
        # Nor a date the data does not give (the day the site was put online, on a story or a list).
        for value in re.findall(r"<time[^>]*datetime=\"([^\"]+)\"", text):
            assert value in known or value.split(" ")[0] in known, (path, value)


def test_story_byline_says_when_it_appeared_and_nothing_else_does(site, data):
    for post in data.published_stories():
        page = site.content(url_of(post))
        byline = page.select_one("h1 + .ko-byline")
        assert byline is not None, post.slug
        time = byline.select_one("time")
        assert (time["datetime"], time.get_text(strip=True)) == (post.meta.dating_iso, post.meta.dating_label), post.slug
        names = [a.get_text(strip=True) for a in byline.select(".ko-byline__author")]
        assert names == [data.person(a).name for a in post.meta.authors], post.slug
        # Once: no sidebar repeats it (a story is one reading column).
        assert len(site.content(url_of(post)).select("time")) == 1, post.slug
        assert site.page(url_of(post)).select_one(".md-sidebar--post") is None, post.slug


def test_listings_show_a_date_only_where_it_informs(site, data):
    """A story's dating in a list only when the stories' datings differ (else every card says the same);
    the byline has it anyway. Where shown, it is the story's own."""
    label = {"/" + url_of(p): p.meta.dating_label for p in data.published_stories()}
    pages = [ROUTES.blog_index(), "", *(f"verhalen/auteur/{a}/" for p in data.published_stories() for a in p.meta.authors)]
    checked = 0
    for url in pages:
        page = site.content(url)
        for item in page.select(".ko-stories__item, article.md-post"):
            link = item.select_one(".ko-stories__title a, .md-post__action a")
            target = urljoin("/" + url, link["href"])
            time = item.select_one("time")
            if target not in label:     # a page among the stories (the voices)
                assert time is None, target
                continue
            checked += 1
            if data.dating_informs:
                assert time.get_text(strip=True) == label[target], (url, target)
            else:
                assert time is None, (url, target)
    assert checked or not label


def test_sharing_meta_gives_no_invented_day(site, data):
    for post in data.published_stories():
        page = site.page(url_of(post))
        assert page.find("meta", property="og:type")["content"] == "article"
        published = page.find("meta", property="article:published_time")
        if post.meta.dating is not None:
            assert published is None, post.slug
        else:
            assert published["content"] == post.meta.date.isoformat(), post.slug


def test_feed_items_have_no_invented_day_and_follow_the_reading_order(site, data):
    site_url = ROUTES.settings.site_url.rstrip("/") + "/"
    dated = {site_url + url_of(p) for p in dated_by_period(data)}
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        channel = ET.parse(site.dir / name).getroot().find("channel")
        items = channel.findall("item")
        assert [i.findtext("link") for i in items] == [site_url + url_of(p) for p in data.published_stories()]
        for item in items:
            has_day = item.find("pubDate") is not None
            assert has_day == (item.findtext("link") not in dated), item.findtext("link")
            # Themes by their title, not their id.
            categories = [c.text for c in item.findall("category")]
            assert not any(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", c or "") for c in categories), categories


def test_stories_of_the_same_date_follow_the_publication(data):
    """The publication's order (data/inhoud.yml) is the order of its stories that share a date (such as
    the publication's own)."""
    printed = [page.rsplit("/", 1)[-1].removesuffix(".md") for page in (data.contents.pages() if data.contents else ())]
    for day in {p.meta.date for p in data.published_stories()}:
        order = [p.slug for p in data.published_stories() if p.meta.date == day and p.slug in printed]
        assert order == [slug for slug in printed if slug in order], day


def test_a_partial_date_never_claims_a_day():
    assert PartialDate.parse("begin 2025").iso == "2025"
    assert PartialDate.parse("2025-03").iso == "2025-03"
