"""The built site: strict build, every data record rendered, links resolve, no third-party hosts.

The site is built once per session; expectations come from data/, so these tests hold for
any learning circle's content.
"""

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from sitebuild import ROUTES, text_of

pytestmark = pytest.mark.site

PRINCIPLES = "leerreis/leren-als-strategische-interventie/"
TIMELINE = "leerreis/tijdlijn/"


def text(node) -> str:
    return text_of(node)


def squash(value: str) -> str:
    return " ".join(value.split())


def pages_containing(site, selector: str):
    for path in site.html_pages():
        url = path.relative_to(site.dir).as_posix().removesuffix("index.html")
        if url.endswith(".html"):
            continue
        for node in site.page(url).select(selector):
            yield url, node


def test_strict_build_prints_no_warning(site):
    assert site.warnings == []


def test_home_shows_title_subtitle_and_key_figures(site, data):
    home = site.content("")
    assert data.site.title in text(home)
    assert data.site.subtitle in text(home)
    figures = [text(li) for li in home.select(".ko-figures__item")]
    assert figures == [f"{f.value} {f.label}" for f in data.site.key_figures]


def test_pages_are_dutch(site):
    for path in site.html_pages():
        html = path.read_text(encoding="utf-8")
        assert '<html lang="nl"' in html, path


def test_every_principle_has_a_card_and_its_full_text_once(site, data):
    """The chapter shows a card per principle; each principle's full text is on its own page when the
    harvest has principle pages (extra.routes.principle_pages), else in its section of the chapter."""
    page = site.content(PRINCIPLES)
    cards = page.select(".ko-principles li")
    assert len(cards) == len(data.principles)
    for principle in data.principles:
        own = site.content(ROUTES.principle(principle.id).split("#")[0])
        for paragraph in principle.explanation:
            assert squash(paragraph) in text(own), principle.id
        if ROUTES.settings.routes.principle_pages:
            assert not any(squash(paragraph) in text(page) for paragraph in principle.explanation), principle.id
        else:
            heading = page.find(id=principle.id)
            assert heading is not None and heading.name == "h2" and principle.title in text(heading), principle.id


def test_principle_cards_link_to_their_principles(site, data):
    """Wherever the tiles are shown, each links to its principle (its own page, or else its section),
    in number order, with the principle's icon."""
    shown = list(pages_containing(site, ".ko-principles"))
    assert shown, "de principekaarten staan op geen enkele pagina"
    ordered = sorted(data.principles, key=lambda p: p.number)
    for url, cards in shown:
        links = [a["href"] for a in cards.find_all("a")]
        assert [link.lstrip("./") for link in links] == [ROUTES.principle(p.id) for p in ordered], url
        assert len(cards.select("li > svg[aria-hidden=true]")) == len([p for p in ordered if p.icon]), url


def test_roles_table(site, data):
    tables = list(pages_containing(site, "table.ko-table--roles"))
    assert len(tables) == (1 if data.roles else 0)
    for _, table in tables:
        rows = [(text(tr.th), text(tr.td)) for tr in table.tbody.find_all("tr")]
        assert rows == [(r.title, squash(r.description)) for r in data.roles]


def test_every_comparison_is_rendered_as_a_table(site, data):
    tables = {text(t.caption): t for _, t in pages_containing(site, "table.ko-table--comparison")}
    for comp in data.comparisons:
        table = tables[squash(comp.caption)]
        assert [text(th) for th in table.thead.find_all("th")] == [comp.left_label, comp.right_label]
        for label in table.select(".ko-cell__label"):   # a column's name, shown in its cell on a phone
            label.decompose()
        rows = [[text(td) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
        assert rows == [[squash(r.left), squash(r.right)] for r in comp.rows]


def test_every_list_is_rendered_with_all_items(site, data):
    for items in data.lists:
        found = list(pages_containing(site, f".ko-list--{items.id}"))
        assert found, f"lijst '{items.id}' staat op geen enkele pagina"
        for _, node in found:
            rendered = [squash(li.get_text()) for li in node.find_all("li", recursive=False)]
            # Bold words of the source are marked **so** in data and shown bold (render.emphasis).
            expected = [squash(f"{i.title}: {i.text}" if i.title else i.text).replace("**", "") for i in items.items]
            assert rendered == expected


def test_timeline_lists_every_event_with_its_date(site, data):
    page = site.content(TIMELINE)
    events = page.select("ol.ko-timeline > li")
    assert [li["id"] for li in events] == [e.id for e in data.sorted_timeline()]
    for event in data.timeline:
        li = page.find("li", id=event.id)
        time = li.find("time")
        assert time["datetime"] == event.date.iso
        assert text(time) == event.date.label
        assert squash(event.title) in text(li)


def test_every_circle_page_shows_its_facts_and_events(site, data):
    for circle in data.circles:
        page = site.content(f"leerkringen/{circle.id}/")
        facts = page.select_one("dl.ko-facts")
        assert facts is not None, circle.id
        assert squash(circle.aim) in text(facts)
        for guide in circle.guides:
            assert data.person(guide.person).name in text(facts)
        if circle.ambassador:
            assert data.person(circle.ambassador).name in text(facts)
        listed = [li["id"] for li in page.select("ol.ko-timeline > li")]
        assert listed == [e.id for e in data.events_for_circle(circle.id)]


def test_circle_cards_link_to_every_circle(site, data):
    for url in ["", "leerkringen/"]:
        links = [a["href"] for a in site.content(url).select(".ko-circles a")]
        prefix = "" if url == "" else "../"
        assert links == [f"{prefix}leerkringen/{c.id}/" for c in data.circles]


def test_goals_table_shows_every_goal_and_next_step(site, data):
    tables = list(pages_containing(site, "table.ko-table--goals"))
    assert len(tables) == (1 if data.goals else 0)
    for _, table in tables:
        body = text(table)
        for goal in data.goals:
            assert squash(goal.question) in body
            for step in goal.next_steps:
                assert squash(step) in body


def test_advice_and_its_recommendations(site, data):
    pages = [url for url, facts in pages_containing(site, "dl.ko-facts")
             if data.advice and squash(data.advice.title) in text(facts)]
    if data.advice is None:
        assert pages == []
        return
    assert pages
    found = text(site.content(pages[0]))
    assert data.advice.presented.label in found
    for recommendation in data.advice.recommendations:
        assert squash(recommendation) in found


def test_colophon_names_everyone(site, data):
    page = site.content("over/colofon/")
    for group in data.colophon:
        assert group.title in text(page)
        for member in group.members:
            assert data.person(member.person).name in text(page)


def test_quotes_show_who_said_them(site, data):
    for url, figure in pages_containing(site, "figure.ko-quote"):
        assert figure.blockquote and figure.figcaption.find("cite"), url


def internal_targets(site):
    """(page url, href) for every link, image and stylesheet that stays on the site."""
    for path in site.html_pages():
        rel = path.relative_to(site.dir).as_posix()
        page_url = "/" + rel.removesuffix("index.html")
        soup = site.page(rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
            for node in soup.find_all(tag):
                value = node.get(attr)
                if not value or value.startswith(("mailto:", "tel:", "javascript:")):
                    continue
                yield page_url, tag, value


def test_no_request_to_a_third_party_host(site):
    site_host = "127.0.0.1:8000"
    external = [
        (page, tag, value)
        for page, tag, value in internal_targets(site)
        if tag != "a" and urlparse(value).netloc and urlparse(value).netloc != site_host
    ]
    assert external == []
    for path in list(site.dir.rglob("*.html")) + list(site.dir.rglob("*.css")):
        content = path.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis.com" not in content and "fonts.gstatic.com" not in content, path


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for page_url, tag, value in internal_targets(site):
        parsed = urlparse(urljoin(f"http://127.0.0.1:8000{page_url}", value))
        if parsed.netloc != "127.0.0.1:8000":
            continue
        target = site.dir / unquote(parsed.path).lstrip("/")
        if target.is_dir() or parsed.path.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"{page_url}: {value} (bestand ontbreekt)")
            continue
        if parsed.fragment and target.suffix == ".html":
            rel = target.relative_to(site.dir).as_posix()
            soup = site.page(rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
            if soup.find(id=unquote(parsed.fragment)) is None:
                broken.append(f"{page_url}: {value} (anker ontbreekt)")
    assert broken == []


def test_dutch_404_page(site):
    page = site.page("404.html")
    assert "Pagina niet gevonden" in text(page)


def test_light_and_dark_palettes(site):
    home = site.page("")
    schemes = {i.get("data-md-color-scheme") for i in home.select("input[data-md-color-scheme]")}
    assert schemes == {"default", "slate"}


def test_site_url_and_sitemap(site):
    assert (site.dir / "sitemap.xml").is_file()
    assert site.page("").find("link", rel="canonical") is not None


def test_home_and_the_404_page_have_different_titles(site, data):
    titles = {}
    for path in site.html_pages():
        html = path.read_text(encoding="utf-8")
        title = html.split("<title>", 1)[1].split("</title>", 1)[0]
        titles.setdefault(title, []).append(path.relative_to(site.dir).as_posix())
    name = ROUTES.settings.site_name
    assert titles.get(f"{data.strings['not_found']['title']} - {name}") == ["404.html"]
    assert titles[name] == ["index.html"]  # the home page only
