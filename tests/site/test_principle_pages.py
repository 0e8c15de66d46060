"""A page per basic principle (extra.routes.principle_pages) on the built site: its icon, text and
stories, previous and next, every link to a principle lands on it, and the chapter that keeps them
all (for print) leaves its principle sections out of search. Expectations come from data/ and the
settings, so this holds for any harvest; a harvest without principle pages skips it."""

from urllib.parse import urljoin, urlparse

import pytest

from sitebuild import ROUTES, text_of, url_of

pytestmark = pytest.mark.site

PAGES = ROUTES.settings.routes.principle_pages
CHAPTER = ROUTES.principles()

needs_pages = pytest.mark.skipif(not PAGES, reason="deze oogst heeft geen pagina per principe")


def squash(value: str) -> str:
    return " ".join(value.split())


def ordered(data):
    return sorted(data.principles, key=lambda p: p.number)


@needs_pages
def test_every_principle_has_its_page_with_icon_lead_and_text(site, data):
    for principle in data.principles:
        page = site.content(ROUTES.principle(principle.id))
        assert text_of(page.find("h1")) == principle.label
        icon = page.select_one(".ko-principle__head svg.ko-principle__page-icon")
        assert (icon is not None) == bool(principle.icon), principle.id
        if icon is not None:
            assert icon["aria-hidden"] == "true" and icon["focusable"] == "false" and icon.path["d"]
        total = len(data.principles)
        assert text_of(page.select_one(".ko-principle__kicker")) == f"Basisprincipe {principle.number} van {total}"
        assert text_of(page.select_one(".ko-principle__lead")) == squash(principle.short)
        assert [text_of(p) for p in page.select(".ko-principle__explanation p")] == [
            squash(t) for t in principle.explanation]


@needs_pages
def test_every_principle_page_lists_its_stories_under_a_heading(site, data):
    for principle in data.principles:
        page = site.content(ROUTES.principle(principle.id))
        heading = page.find(id="verhalen")
        assert heading.name == "h2" and text_of(heading).startswith("Verhalen bij dit principe")
        listed = [a["href"].removeprefix("../../../") for a in page.select("ul.ko-stories .ko-stories__title a")]
        assert listed == [url_of(p) for p in data.stories_for_principle(principle.id)], principle.id


@needs_pages
def test_previous_and_next_principle_and_back_to_all(site, data):
    principles = ordered(data)
    for i, principle in enumerate(principles):
        url = ROUTES.principle(principle.id)
        nav = site.content(url).select_one("nav.ko-principle-nav")
        steps = [(a["rel"][0], urljoin("/" + url, a["href"]), squash(a.get_text())) for a in nav.select("li a")]
        expected = []
        if i > 0:
            expected.append(("prev", "/" + ROUTES.principle(principles[i - 1].id),
                             f"Vorig principe: {principles[i - 1].label}"))
        if i + 1 < len(principles):
            expected.append(("next", "/" + ROUTES.principle(principles[i + 1].id),
                             f"Volgend principe: {principles[i + 1].label}"))
        assert steps == expected, principle.id
        back = nav.select_one("a.ko-principle-nav__all")
        assert urljoin("/" + url, back["href"]) == "/" + CHAPTER + "#basisprincipes"
        assert site.content(CHAPTER).find(id="basisprincipes") is not None


@needs_pages
def test_every_link_to_a_principle_lands_on_its_page(site, data):
    """Tiles, the story box, the principle pages themselves: each link to a principle goes to its page,
    which exists; none goes to a section of the chapter any more (on paper the tiles still do)."""
    pages = {"/" + ROUTES.principle(p.id) for p in data.principles}
    sections = {"/" + ROUTES.principle_section(p.id) for p in data.principles}
    found, into_sections = set(), []
    for path in site.html_pages():
        rel = path.relative_to(site.dir).as_posix()
        url = "/" + rel.removesuffix("index.html")
        for a in site.page(url.lstrip("/")).select("a[href]"):
            target = urlparse(urljoin(url, a["href"]))
            address = target.path + (f"#{target.fragment}" if target.fragment else "")
            if target.netloc or a.find_parent(class_="md-nav"):
                continue
            if target.path in pages:
                found.add(target.path)
                assert (site.dir / target.path.lstrip("/") / "index.html").is_file(), address
            if address in sections and url != "/" + CHAPTER:
                into_sections.append(f"{url} → {address}")
    assert found == pages
    assert into_sections == []
    for post in data.published_stories():
        box = site.content(url_of(post)).select_one("footer.ko-story-foot")
        linked = [urljoin("/" + url_of(post), a["href"]) for a in box.select("a[href]")
                  if urljoin("/" + url_of(post), a["href"]) in pages]
        assert linked == ["/" + ROUTES.principle(p) for p in post.meta.principles], post.slug


@needs_pages
def test_the_chapter_shows_the_cards_and_each_principle_page_its_text_and_roles(site, data):
    """Each principle's text lives once, on its own page: the chapter has the cards (searchable) and
    not the explanations; the roles that belong to a principle (data/rollen.yml) stand on its page,
    and the chapter leads there."""
    chapter = site.content(CHAPTER)
    assert chapter.select_one(".ko-principles") is not None
    for principle in data.principles:
        assert squash(principle.explanation[0]) not in text_of(chapter), principle.id
        page = site.content(ROUTES.principle(principle.id))
        assert squash(principle.explanation[0]) in text_of(page), principle.id
        roles = [r for r in data.roles if r.principle == principle.id]
        table = page.select_one("table.ko-table--roles")
        assert (table is not None) == bool(roles), principle.id
        if roles:
            assert [text_of(th) for th in table.tbody.select("th")] == [squash(r.title) for r in roles]
            assert any(urljoin("/" + CHAPTER, a["href"]).split("#")[0] == "/" + ROUTES.principle(principle.id)
                       and a["href"].endswith("#rollen") for a in chapter.select("a[href]")), principle.id


@needs_pages
def test_the_principle_pages_are_in_the_menu_in_order(site, data):
    nav = site.page(ROUTES.principle(ordered(data)[0].id)).select_one(".md-sidebar--primary nav")
    labels = [squash(a.get_text()) for a in nav.select("a.md-nav__link")]
    titles = [p.label for p in ordered(data)]
    assert [label for label in labels if label in titles] == titles
