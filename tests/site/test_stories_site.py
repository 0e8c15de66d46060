"""Stories on the built site: pages, listings, cross-links from data, feed, search; and the
editor's flow end to end: `make verhaal` → `make check` → build → the story is everywhere."""

import json
import subprocess
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlparse

import pytest

from macros import load_project, publication
from macros.context import context
from sitebuild import ROOT, ROUTES, build_site, copy_project, url_of

pytestmark = pytest.mark.site

SITE_URL = "http://127.0.0.1:8000/"


def hrefs(node, prefix: str = "") -> list[str]:
    return [a["href"].removeprefix(prefix) for a in node.find_all("a", href=True)]


def test_every_story_has_its_page_with_title_byline_and_foot(site, data):
    """Under the title who wrote it and who speaks, its kind and circle (linked); at its foot its
    principles (linked) and themes, quietly."""
    for post in data.published_stories():
        page = site.content(url_of(post))
        assert page.find("h1").get_text(strip=True) == post.meta.title
        byline = page.select_one("h1 + .ko-byline")
        circle_links = [h for h in hrefs(byline) if "/leerkringen/" in h]
        assert circle_links == [f"../../leerkringen/{c.id}/" for c in data.circles_of(post)]
        speakers = [s.get_text(strip=True) for s in byline.select(".ko-byline__speaker")]
        assert speakers == [data.person(p).name for p in post.meta.speakers], post.slug
        foot = page.select_one("footer.ko-story-foot")
        assert foot is not None, post.slug
        principles = {f"../../{ROUTES.principle(p.id)}": p.id for p in data.principles}
        principle_links = [h for h in hrefs(foot) if h in principles]
        assert principle_links == [f"../../{ROUTES.principle(p)}" for p in post.meta.principles]
        assert site.page(url_of(post)).select(".md-author img, .md-sidebar--post") == [], post.slug   # no avatar


def test_a_retold_story_says_so_and_where_the_original_is(site, data):
    """A story the editors retold: its byline says so ('Naverteld door de redactie, naar de column van …'
    or 'Interview met … door …, naverteld door de redactie', 'de redactie' leading to 'Over deze
    webeditie'); its foot names the original publication; 'Lees het origineel' only with its address."""
    words = data.strings
    for post in data.published_stories():
        page = site.content(url_of(post))
        by = " ".join(page.select_one(".ko-byline__by").get_text().split())
        foot = page.select_one("footer.ko-story-foot")
        if not post.meta.retold:
            assert not by.startswith("Naverteld") and "naverteld" not in by, post.slug
            continue
        editors = words["byline"]["editors"]
        if post.meta.kind == "interview" and post.meta.speakers:
            assert by.startswith("Interview met ") and by.endswith(f"naverteld door {editors}"), by
        else:
            original = words["byline"]["originals"][post.meta.kind]
            assert by.startswith(f"Naverteld door {editors}, naar {original} van "), by
        link = page.select_one(".ko-byline__editors")
        assert link["href"].endswith("over/colofon/#" + words["web_edition"]["anchor"]), post.slug
        origin = " ".join(foot.select_one(".ko-story-foot__origin").get_text().split())
        assert data.site.title in origin, post.slug
        assert (foot.select_one(".ko-story-foot__original") is not None) == bool(data.site.original_url), post.slug


def test_overview_lists_every_story_once_in_the_publications_order(site, data):
    """The overview is one page: the publication's stories in its order (data/inhoud.yml), the pages
    among them (the voices) in their place, then the stories added later, newest first; not paged."""
    project = load_project(ROOT)
    order = publication.of(context(project.settings, project.data))
    listed = [urljoin("/verhalen/", a["href"]).strip("/") for a in
              site.content("verhalen/").select(".ko-stories__title a")]
    blog = ROUTES.blog_index().strip("/") + "/"
    expected = [u.url.strip("/") for u in order.units if u.page.startswith(blog)]
    expected += [ROUTES.story(p.slug).strip("/") for p in order.added_stories]
    assert listed == expected
    stories = {ROUTES.story(p.slug).strip("/") for p in data.published_stories()}
    assert stories <= set(listed)
    assert not site.path("verhalen/page/2/").exists()


def test_circle_pages_list_their_stories(site, data):
    for circle in data.circles:
        box = site.content(f"leerkringen/{circle.id}/").select_one("ul.ko-stories")
        listed = hrefs(box, "../../") if box else []
        assert listed == [url_of(p) for p in data.stories_for_circle(circle.id)], circle.id


def test_principle_pages_list_their_stories(site, data):
    for principle in data.principles:
        expected = [url_of(p) for p in data.stories_for_principle(principle.id)]
        url = ROUTES.principle(principle.id)
        page = site.content(url)
        heading = page.find(id="verhalen")
        box = heading.find_next_sibling("ul")
        depth = "../" * url.strip("/").count("/") + "../"
        assert (hrefs(box, depth) if box and "ko-stories" in box.get("class", []) else []) == expected, principle.id


def test_author_archive_and_category_pages(site, data):
    """An author page per author; an archive per year only when the stories span two years or more
    (else it says nothing the overview does not)."""
    for post in data.published_stories():
        for author in post.meta.authors:
            assert site.path(f"verhalen/auteur/{author}/").is_file(), author
        assert site.path(f"verhalen/archief/{post.meta.date.year}/").is_file() == (len(data.periods) > 1)
    assert not site.path("verhalen/archief/").exists() or len(data.periods) > 1


def test_stories_stay_out_of_the_global_navigation(site, data):
    nav = site.page("").select_one("nav.md-nav--primary")
    links = " ".join(hrefs(nav))
    for post in data.published_stories():
        assert f"verhalen/{post.slug}/" not in links


def test_template_is_not_published(site):
    assert not site.path("verhalen/_template/").exists()
    assert not (site.dir / "verhalen" / "_template.html").exists()


def test_feed_is_valid_rss_with_every_story(site, data):
    tree = ET.parse(site.dir / "feed_rss_created.xml")
    rss = tree.getroot()
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    for required in ("title", "link", "description"):
        assert (channel.findtext(required) or "").strip(), required
    items = channel.findall("item")
    links = sorted(i.findtext("link") for i in items)
    assert links == sorted(SITE_URL + url_of(p) for p in data.published_stories())
    by_link = {SITE_URL + url_of(p): p for p in data.published_stories()}
    for item in items:
        assert item.findtext("title") and item.findtext("guid")
        # A day only where it is known (a story with only a dating, 'begin 2025', has none: RSS allows that).
        assert (item.find("pubDate") is None) == (by_link[item.findtext("link")].meta.dating is not None)
    head = site.page("").find("link", rel="alternate", type="application/rss+xml")
    assert head is not None and head["href"].endswith("feed_rss_created.xml")


def test_search_indexes_every_story(site, data):
    """Pagefind indexes what carries data-pagefind-body: every story page does."""
    for post in data.published_stories():
        assert site.page(url_of(post)).select_one("[data-pagefind-body] h1").get_text(strip=True) == post.meta.title
    entry = json.loads((site.dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] >= len(data.published_stories())


@pytest.fixture(scope="module")
def project_with_new_story(tmp_path_factory, data):
    """A copy of the project in which an editor ran `make verhaal` for its first circle."""
    project = tmp_path_factory.mktemp("redactie") / "project"
    copy_project(project)
    result = subprocess.run(
        ["make", "--no-print-directory", "verhaal", "TITEL=Een nieuwe oogst: wat de kring leerde",
         f"LEERKRING={data.circles[0].id}"],
        cwd=project, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    path = result.stdout.strip().splitlines()[-1]
    assert path == "docs/verhalen/posts/een-nieuwe-oogst-wat-de-kring-leerde.md"
    # The editor writes the story, as CONTRIBUTING.md asks: the template's own text is refused
    # by the publishing build (CI=true), so a story left as made would fail there.
    story = project / path
    text = story.read_text(encoding="utf-8")
    for placeholder, own in (
        ("Vat het verhaal samen in één zin.", "De kring leerde hoe je samen een oogst maakt."),
        ("Schrijf hier de inleiding: één tot drie zinnen die op het overzicht van alle verhalen staan.",
         "De kring kwam drie keer bij elkaar. Dit is wat ze leerden."),
        ("## Eerste tussenkop", "## Wat we leerden"),
        ("Schrijf hier het verhaal.", "We leerden dat samen oogsten tijd vraagt."),
    ):
        assert placeholder in text, placeholder
        text = text.replace(placeholder, own)
    story.write_text(text, encoding="utf-8")
    check = subprocess.run(["make", "--no-print-directory", "check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    return project, build_site(project, tmp_path_factory.mktemp("redactie-site")), data.circles[0].id


def test_new_story_appears_everywhere(project_with_new_story):
    project, built, circle = project_with_new_story
    url = "verhalen/een-nieuwe-oogst-wat-de-kring-leerde/"
    title = "Een nieuwe oogst: wat de kring leerde"
    assert built.warnings == []
    assert built.content(url).find("h1").get_text(strip=True) == title
    assert "../" + url in hrefs(built.content("verhalen/"))
    assert "../../" + url in hrefs(built.content(f"leerkringen/{circle}/"))
    feed = ET.parse(built.dir / "feed_rss_created.xml").getroot()
    assert SITE_URL + url in [i.findtext("link") for i in feed.iter("item")]
    assert built.page(url).select_one("[data-pagefind-body] h1").get_text(strip=True) == title
    assert (built.dir / "pagefind" / "pagefind-entry.json").is_file()


def test_make_verhaal_refuses_unknown_circle_in_dutch(project_with_new_story, data):
    project, _, _ = project_with_new_story
    result = subprocess.run(["make", "--no-print-directory", "verhaal", "TITEL=X", "LEERKRING=bestaat-niet"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    valid = ", ".join(c.id for c in data.circles)
    assert f"onbekende leerkring 'bestaat-niet'. Kies een van: {valid}." in result.stderr


def test_feed_has_no_empty_or_none_fields(site, root):
    from macros import settings as settings_module

    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        channel = ET.parse(site.dir / name).getroot().find("channel")
        for element in channel.iter():
            if len(element) == 0 and not element.attrib:  # atom:link and enclosures carry attributes
                assert (element.text or "").strip() not in ("", "None"), f"{name}: <{element.tag}> is leeg"
        site_url = settings_module.read(root).site_url.rstrip("/")
        assert channel.findtext("image/url") == f"{site_url}/assets/delen/site.png"


def test_continue_reading_links_name_their_story(site, data):
    """'Doorgaan met lezen' appears once per story in the blog's lists (per circle, per author):
    screen readers hear which one."""
    titles = {post.meta.title for post in data.published_stories()}
    links = [a for author in {a for p in data.published_stories() for a in p.meta.authors}
             for a in site.content(f"verhalen/auteur/{author}/").select(".md-post__action a")]
    assert links
    for link in links:
        text = " ".join(link.get_text().split())
        assert text.startswith("Doorgaan met lezen: ") and text.removeprefix("Doorgaan met lezen: ") in titles, text


def test_a_circle_page_starts_with_its_stories(site, data):
    """Issue 14: the stories are near the top (the first section), before the long facts box, which
    carries the circle's own colour."""
    for circle in data.circles:
        page = site.content(f"leerkringen/{circle.id}/")
        assert page.find("h2").get_text(strip=True).startswith("Verhalen"), circle.id
        stories = page.select_one(".ko-stories, .ko-stories__empty")
        facts = page.select_one("dl.ko-facts")
        assert stories.sourceline < facts.sourceline, circle.id
        if circle.color:
            assert f"--ko-circle: {circle.color}" in facts.get("style", ""), circle.id
