"""The knowledge library on the built site: sources with all their units, glossary and tooltips,
people with every place they appear, themes that join stories and sources. All derived from data."""

import re

import pytest

from macros import load_project
from macros.page_macros import Context, appearances
from macros.text import sort_key
from sitebuild import ROOT, ROUTES, text_of, url_of

pytestmark = pytest.mark.site

SELECTOR = {"lists": ".ko-list--{id}", "comparisons": "table.ko-table--comparison", "tables": "table.ko-table--data"}


def text(node) -> str:
    return text_of(node)


def test_every_source_has_its_page_with_facts_and_its_notes_on_verantwoording(site, data):
    """A source's page gives its facts; what the sources leave uncertain about it (its notes, how its
    date was found) is on the page Verantwoording, linked once from its facts."""
    accountability = site.content(ROUTES.accountability())
    for source in data.sources:
        page = site.content(f"kennisbank/bronnen/{source.id}/")
        facts = page.select_one("dl.ko-facts")
        assert facts is not None and " ".join(source.title.split()) in text(facts), source.id
        link = page.select_one(".ko-accountability-link a")
        if not (source.notes or source.date_note):
            assert link is None, source.id
            continue
        assert link["href"].endswith(f"#bron-{source.id}"), source.id
        section = accountability.find(id=f"bron-{source.id}").find_parent("section")
        notes = [" ".join(n.get_text().split()) for n in section.select("li")]
        expected = [" ".join(x.split()) for x in source.notes]
        assert notes[-len(expected):] == expected if expected else True, source.id
        if source.date_note:
            assert " ".join(source.date_note.split()) in notes[0], source.id
        assert not any(note in text(page) for note in expected), source.id


def test_every_unit_of_a_source_is_on_its_page(site, data):
    for source_id, units in data.bundles.items():
        page = site.content(f"kennisbank/bronnen/{source_id}/")
        for collection, ident in units:
            record = data.get(collection, ident)
            if collection == "lists":
                assert page.select_one(SELECTOR["lists"].format(id=ident)) is not None, (source_id, ident)
            else:
                captions = {text(t.caption) for t in page.select(SELECTOR[collection])}
                assert " ".join(record.caption.split()) in captions, (source_id, ident)


def test_multi_column_tables_keep_every_cell(site, data):
    for table in data.tables:
        found = [t for _, t in _tables(site) if text(t.caption) == " ".join(table.caption.split())]
        assert found, table.id
        for label in found[0].select(".ko-cell__label"):   # a column's name, shown in its cell on a phone
            label.decompose()
        rendered = [[text(c) for c in tr.find_all(["th", "td"])] for tr in found[0].tbody.find_all("tr")]
        assert rendered == [[" ".join(c.split()) for c in row] for row in table.rows]


def _tables(site):
    for path in site.html_pages():
        rel = path.relative_to(site.dir).as_posix()
        if rel.endswith("index.html"):
            for t in site.page(rel.removesuffix("index.html")).select("table.ko-table--data"):
                yield rel, t


def test_source_cards_link_every_source(site, data):
    if not data.sources:  # a harvest without sources has no sources page to check
        assert not site.path("kennisbank/bronnen/").exists() or not site.content("kennisbank/bronnen/").select(
            ".ko-sources a")
        return
    links = [a["href"] for a in site.content("kennisbank/bronnen/").select(".ko-sources a")]
    assert links == [f"../../kennisbank/bronnen/{s.id}/" for s in data.sources]


def test_glossary_lists_every_term(site, data):
    page = site.content("kennisbank/begrippen/")
    for term in data.terms:
        dt = page.find("dt", id=term.id)
        assert dt is not None and term.term in text(dt), term.id
        if term.expansion:
            assert term.expansion in text(dt)


@pytest.mark.parametrize("url", ["kennisbank/begrippen/", "kennisbank/mensen/"])
def test_a_z_pages_have_a_jump_list_to_their_letter_headings(site, url):
    """The glossary and the people page: a jump list whose every letter leads to its h2, and
    headings that nest (the page's h1, h2 per letter, then no level skipped)."""
    page = site.content(url)
    nav = page.select_one("nav.ko-letters")
    if nav is None and not page.select("dl.ko-glossary > dt, .ko-people > li"):
        return   # nothing to jump to (a new harvest without terms)
    assert nav is not None and nav.get("aria-label"), url
    targets = [a["href"] for a in nav.find_all("a")]
    headings = page.select("h2.ko-letters__heading")
    assert targets == [f"#{h['id']}" for h in headings]
    entries = page.select("dl.ko-glossary > dt, .ko-people > li")
    assert bool(targets) == bool(entries), url
    levels = [int(h.name[1]) for h in page.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


def test_every_term_stands_under_its_letter(site, data):
    from macros.text import index_letter

    page = site.content("kennisbank/begrippen/")
    more = page.select_one("details.ko-glossary__library")
    for term in data.terms:
        entry = page.find("dt", id=term.id)
        if more is not None and entry in more.find_all("dt"):
            continue   # the terms only other sources use: one A–Z list, collapsed
        heading = entry.find_previous("h2")
        assert heading.get_text(strip=True) == index_letter(term.term), term.term
    if more is not None:
        listed = [dt.strong.get_text() for dt in more.find_all("dt")]
        assert listed == sorted(listed, key=sort_key)


def test_every_page_that_uses_an_abbreviation_explains_it(site, data):
    """Every abbreviation with a tooltip: on every page whose text uses it, it has an <abbr> with
    the expansion from data/begrippen.yml (in Markdown text and in what the macros render)."""
    from macros.render import abbreviation_titles
    from macros.templates import Templates

    titles = abbreviation_titles(Templates(ROOT, data.strings), data.terms)
    assert titles or not data.terms
    missing = []
    for path in site.html_pages():
        rel = path.relative_to(site.dir).as_posix()
        if not rel.endswith("index.html"):
            continue
        article = site.page(rel.removesuffix("index.html")).select_one(".md-content__inner")
        if article is None:
            continue
        tips = {}
        for abbr in article.find_all("abbr"):
            tips.setdefault(abbr.get_text(), set()).add(abbr.get("title"))
        full_text = text_of(article)  # once per page, not once per term
        for term, title in titles.items():
            # Text inside a longer abbreviation ('RES' in 'NP RES') is explained by that one.
            longer = [t for t in tips if t != term and term in t]
            page_text = full_text
            for other in longer:
                page_text = page_text.replace(other, " ")
            if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", page_text) and tips.get(term) != {title}:
                missing.append(f"{rel}: {term}")
    assert missing == []


def test_people_index_links_every_appearance(site, data):
    project = load_project(ROOT)
    context = Context(project.settings, project.data)
    page = site.content("kennisbank/mensen/")
    for person in data.people:
        name = page.find("h3", id=person.id)
        assert name is not None and text(name) == person.name
        card = name.find_parent("li")
        if person.description:
            assert text(card.select_one(".ko-person__role")) == " ".join(person.description.split())
        found = appearances(context, person.id)
        links = card.select(".ko-person__links a")
        assert [a["href"] for a in links] == [f"../../{a.url}" for a in found], person.id
        assert [text(a) for a in links] == [" ".join(f"{a.kind}: {a.label}".split()) for a in found], person.id


def test_theme_sections_join_stories_and_sources(site, data):
    page = site.content("kennisbank/themas/")
    for theme in data.themes:
        heading = page.find(id=theme.id)
        assert heading is not None and heading.name == "h2"
        links = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2" or "ko-edit" in (sibling.get("class") or []):
                break
            links += [a["href"].removeprefix("../../") for a in sibling.find_all("a")]
        expected = [f"kennisbank/bronnen/{s.id}/" for s in data.sources_for_theme(theme.id)]
        expected += [url_of(p) for p in data.stories_for_theme(theme.id)]
        assert links == expected, theme.id


def test_story_pages_show_their_themes(site, data):
    for post in data.published_stories():
        box = site.content(url_of(post)).select_one("footer.ko-story-foot")
        themed = [a["href"] for a in box.find_all("a") if "/themas/" in a["href"]]
        assert themed == [f"../../kennisbank/themas/#{t}" for t in post.meta.tags]
