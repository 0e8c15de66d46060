"""The publication's one reading order (data/inhoud.yml): 'Volgende' from the home page reaches every
unit once, in the printed order, and no list the blog makes; 'Vorige' walks it back; the page Inhoud
lists every unit, numbered by part; the stories added later follow, newest first. Expectations from
data/ and the settings, so this holds for every harvest."""

from urllib.parse import urljoin

import pytest

from macros import load_project, publication
from macros.context import context
from sitebuild import ROOT, ROUTES

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def order():
    project = load_project(ROOT)
    return publication.of(context(project.settings, project.data))


def step(site, url: str, direction: str) -> str | None:
    link = site.page(url).select_one(f"a.md-footer__link--{direction}")
    return urljoin("/" + url, link["href"]).lstrip("/") if link else None


def walk(site, start: str, direction: str) -> list[str]:
    seen, url = [start], start
    while (url := step(site, url, direction)) is not None:
        assert url not in seen, f"{url} komt twee keer voor"
        seen.append(url)
    return seen


def test_volgende_from_home_reaches_every_unit_once_in_the_printed_order(site, order):
    walked = walk(site, "", "next")
    contents = [ROUTES.page(ROUTES.settings.routes.contents)] if order.contents else []
    expected = ["", *contents, *(u.url for u in order.units),
                *(ROUTES.story(p.slug) for p in order.added_stories)]
    assert walked == expected
    assert [url for url in walked if is_a_list(url)] == []


def is_a_list(url: str) -> bool:
    """Whether `url` is a list the blog makes: the overview, or a list per circle, author or year, or a
    further page of one."""
    blog = ROUTES.settings.blog
    index = ROUTES.blog_index()
    kinds = [fmt.split("/", 1)[0] for fmt in (blog.categories_url_format, blog.authors_profiles_url_format,
                                             blog.archive_url_format, blog.pagination_url_format)]
    return url == index or any(url.startswith(f"{index}{kind}/") for kind in kinds)


def test_vorige_walks_the_same_order_back(site):
    forward = walk(site, "", "next")
    assert walk(site, forward[-1], "prev") == list(reversed(forward))


def test_the_contents_page_lists_every_unit_numbered_by_part(site, order):
    if not order.contents:
        pytest.fail("deze oogst heeft geen data/inhoud.yml")
    url = ROUTES.page(ROUTES.settings.routes.contents)
    page = site.content(url)
    listed = [urljoin("/" + url, a["href"]).lstrip("/") for a in page.select(".ko-contents__title[href]")]
    assert listed[:len(order.units)] == [u.url for u in order.units]
    numbers = [n.get_text(strip=True) for n in page.select(".ko-contents__unit .ko-contents__number")]
    assert numbers == [u.number for u in order.front] + [u.number for _part, units in order.parts for u in units]
    for part in order.contents.parts:
        assert page.find(id=f"deel-{part.number}").get_text(" ", strip=True).endswith(part.title)


def test_pages_outside_the_order_have_no_previous_or_next(site, order, data):
    in_order = set(walk(site, "", "next"))
    for url in [ROUTES.blog_category(c.category) for c in data.circles if data.stories_for_circle(c.id)]:
        assert url not in in_order
        assert step(site, url, "next") is None and step(site, url, "prev") is None, url


def test_stories_added_later_follow_the_publication_newest_first(tmp_path):
    """Two stories an editor added (not in data/inhoud.yml) join the chain after the publication's
    last unit, the newest first; 'Vorige' of the newest leads back to that unit."""
    from sitebuild import build_site, copy_fixture

    project = copy_fixture(tmp_path / "project")
    posts = project / "docs" / "verhalen" / "posts"
    story = (posts / "eerste-verhaal.md").read_text(encoding="utf-8").split("![")[0]
    for slug, day in (("later-verhaal", "2025-06-01"), ("nieuwste-verhaal", "2025-09-01")):
        (posts / f"{slug}.md").write_text(story.replace('"Eerste verhaal"', f'"{slug}"').replace("2025-03-14", day),
                                          encoding="utf-8")
    built = build_site(project, tmp_path / "site")
    walked = walk(built, "", "next")
    assert walked[-3:] == ["verhalen/eerste-verhaal/", "verhalen/nieuwste-verhaal/", "verhalen/later-verhaal/"]
    assert step(built, "verhalen/nieuwste-verhaal/", "prev") == "verhalen/eerste-verhaal/"
    assert walk(built, walked[-1], "prev") == list(reversed(walked))


def test_addresses_that_moved_lead_to_where_the_content_is_now(site):
    """extra.moved: a Dutch page at each old address that sends the reader on, to a place that exists."""
    moved = ROUTES.settings.moved
    assert len(site.moved_pages()) == len(moved)
    for old, new in moved.items():
        page = site.page(old)
        assert page.html["lang"] == "nl" and page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        href = page.find("a")["href"]
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={href}"
        target, _, anchor = urljoin("/" + old, href).lstrip("/").partition("#")
        assert target == ROUTES.page(new.partition("#")[0])
        assert not anchor or site.page(target).find(id=anchor) is not None, old
