"""Render functions: structure, links relative to the page, and every value escaped."""

from pathlib import Path

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from markupsafe import escape

from macros import base_for, render
from macros.routes import Routes
from macros.settings import Settings
from macros.templates import Templates, strings
from macros.models import (
    Advice,
    Circle,
    ColophonGroup,
    Comparison,
    Goal,
    ItemList,
    KeyFigure,
    Person,
    PartialDate,
    Principle,
    Quote,
    Role,
    Site,
    Source,
    Table,
    Term,
    Theme,
    TimelineEvent,
)

EVIL = '<script>alert("x")</script> & <b>vet</b>'


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def assert_inert(html: str) -> None:
    """No element from the hostile value survived; its text is shown literally."""
    parsed = soup(html)
    assert parsed.find("script") is None
    assert parsed.find("b") is None
    assert '<script>alert("x")</script>' in parsed.get_text()


@pytest.fixture()
def people():
    # Validation refuses markup in names; the renderer must still escape if it ever got some.
    return {"p": Person.model_construct(id="p", name=EVIL, description=EVIL)}


@pytest.fixture()
def circle():
    return Circle(id="c", name=EVIL, kind="leerkring", category="Kring", summary=EVIL, aim=EVIL, started="begin 2023", next=EVIL,
                  aliases=[EVIL], guides=[{"person": "p", "role": EVIL}], ambassador="p", goal="g")


@pytest.fixture()
def goal():
    return Goal(id="g", number=1, question=EVIL, short_name=EVIL, circles=["c"], next_steps=[EVIL])


ROOT_ROUTES = Routes(Settings(root=Path(".")))
TPL = Templates(None, strings())


def at(url: str) -> Routes:
    """The default routes, placed at the page `url` (as the adapter places them)."""
    return ROOT_ROUTES.at(url)


def test_base_for_directory_urls():
    assert base_for("") == ""
    assert base_for("leerkringen/") == "../"
    assert base_for("leerreis/tijdlijn/") == "../../"


def test_a_value_in_an_attribute_stays_inside_it():
    html = render.hero(TPL, "T", "S", "U", "2025", [("Knop", '" onmouseover="x')])
    assert '<a href="&#34; onmouseover=&#34;x"' in str(html)
    assert soup(html).find("a").get("onmouseover") is None


def test_every_renderer_makes_hostile_text_inert(people, circle, goal):
    circles = {"c": circle}
    outputs = [
        render.key_figures(TPL, [KeyFigure(id="k", value=EVIL, label=EVIL)], EVIL),
        render.advice_facts(TPL, Advice(title=EVIL, author=EVIL, addressee=EVIL, presented="2022-10-13",
                                   presented_where=EVIL, question=EVIL, features=[EVIL], wish=EVIL,
                                   recommendations=[EVIL], motto=EVIL)),
        render.bullet_list(TPL, [EVIL]),
        render.item_list(TPL, ItemList(id="l", title=EVIL, intro=EVIL, source=EVIL,
                                  items=[{"title": EVIL, "text": EVIL}])),
        render.principle_cards(TPL, [Principle(id="p", number=1, title=EVIL, short=EVIL, explanation=[EVIL])], ROOT_ROUTES),
        render.roles_table(TPL, [Role(id="r", title=EVIL, description=EVIL)]),
        render.comparison(TPL, Comparison(id="v", title=EVIL, caption=EVIL, left_label=EVIL, right_label=EVIL,
                                     source=EVIL, rows=[{"left": EVIL, "right": EVIL}])),
        render.goal_questions(TPL, [goal]),
        render.goals_table(TPL, [goal], circles, ROOT_ROUTES),
        render.circle_cards(TPL, [circle], ROOT_ROUTES),
        render.circle_facts(TPL, circle, people, goal),
        render.timeline_items(TPL, [TimelineEvent(id="e", date="2023", title=EVIL, text=EVIL, circle="c")], circles, ROOT_ROUTES),
        render.quote(TPL, Quote(id="q", text=EVIL, person="p", context=EVIL), people["p"]),
        render.quote(TPL, Quote(id="q", text=EVIL, attribution=EVIL), None),
        render.colophon(TPL, [ColophonGroup(id="g", title=EVIL, text=EVIL, members=[{"person": "p", "note": EVIL}])],
                        people),
    ]
    for html in outputs:
        assert_inert(html)


def test_markdown_sections_escape_titles_and_text():
    md = render.principle_sections(TPL, [Principle(id="p", number=1, title="*nadruk* " + EVIL, short=EVIL,
                                              explanation=[EVIL])])
    assert "<script>" not in md
    assert "\\*nadruk\\*" in md
    assert md.startswith("## 1. ")
    assert "{ #p }" in md


def test_comparison_is_a_real_table():
    comp = Comparison(id="v", title="T", caption="A tegenover B", left_label="Volgens A", right_label="Volgens B",
                      rows=[{"left": "oud", "right": "nieuw"}, {"left": "los", "right": "samen"}])
    table = soup(render.comparison(TPL, comp)).find("table")
    assert table.caption.get_text() == "A tegenover B"
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Volgens A", "Volgens B"]
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    cells = [[td for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    # Each cell: its column's name for a stacked row on a phone (hidden from screen readers), then its text.
    assert [[(td.select_one(".ko-cell__label").get_text(), td.contents[-1]) for td in row] for row in cells] == [
        [("Volgens A", "oud"), ("Volgens B", "nieuw")], [("Volgens A", "los"), ("Volgens B", "samen")]]
    assert all(td.select_one(".ko-cell__label")["aria-hidden"] == "true" for row in cells for td in row)
    assert table["role"] == "table" and {tr["role"] for tr in table.find_all("tr")} == {"row"}


def test_timeline_uses_time_elements_with_source_precision():
    circle = Circle(id="c", name="Kring", kind="leerkring", category="Kring", summary="s", aim="a", started="2023", next="n")
    events = [TimelineEvent(id="a", date="begin 2023", title="Start", circle="c"),
              TimelineEvent(id="b", date="2023-09", title="Verslag"),
              TimelineEvent(id="d", date="2024-02-01", title="Verlenging")]
    md = render.timeline(TPL, events, {"c": circle}, at("leerreis/tijdlijn/"))
    assert "## 2023 { #jaar-2023 }" in md and "## 2024 { #jaar-2024 }" in md
    times = soup(md).find_all("time")
    assert [(t["datetime"], t.get_text()) for t in times] == [
        ("2023", "begin 2023"), ("2023-09", "september 2023"), ("2024-02-01", "1 februari 2024")]
    assert soup(md).find("a")["href"] == "../../leerkringen/c/"


def test_principle_cards_link_to_sections_from_any_page():
    cards = soup(render.principle_cards(TPL, 
        [Principle(id="focus", number=2, title="Focus", short="s", explanation=["e"]),
         Principle(id="doel", number=1, title="Doel", short="s", explanation=["e"])], at("leerkringen/")))
    links = [a["href"] for a in cards.find_all("a")]
    assert links == ["../leerreis/leren-als-strategische-interventie/#doel",
                     "../leerreis/leren-als-strategische-interventie/#focus"]
    assert "grid" in cards.div["class"] and "cards" in cards.div["class"]


def test_abbreviate_wraps_text_only_once_and_never_inside_tags():
    titles = {"IPO": "Interprovinciaal Overleg", "RIA": "Regionale Investeringsagenda (betekenis niet zeker)"}
    html = '<p title="IPO">Het IPO en de RIA, niet IPOX of X-IPO.</p><abbr title="x">IPO</abbr>'
    out = render.Abbreviations(TPL, titles)(html)
    parsed = soup(out)
    assert parsed.p["title"] == "IPO"
    tips = [(a.get_text(), a["title"]) for a in parsed.find_all("abbr")]
    assert tips == [("IPO", "Interprovinciaal Overleg"), ("RIA", "Regionale Investeringsagenda (betekenis niet zeker)"),
                    ("IPO", "x")]
    assert "IPOX" in out and "X-IPO" in out
    amp = soup(render.Abbreviations(TPL, {"I&W": "Infrastructuur en Waterstaat"})("<p>I&amp;W en BZK</p>"))
    assert [(a.get_text(), a["title"]) for a in amp.find_all("abbr")] == [("I&W", "Infrastructuur en Waterstaat")]


def test_abbreviation_glossary_for_markdown():
    """The glossary Markdown's abbr extension gets (in .afgeleid.yml): only terms with a tooltip
    and an expansion, the meaning only (a doubt about it is on the page Verantwoording)."""
    from macros.models import Term
    terms = [Term(id="ipo", term="IPO", expansion="Interprovinciaal Overleg", explanation="x"),
             Term(id="plek", term="PLeK", expansion="Platform", explanation="x", note="Vier vormen in de bronnen."),
             Term(id="kring", term="leerkring", explanation="x", tooltip=False)]
    assert render.abbreviation_titles(TPL, terms) == {"IPO": "Interprovinciaal Overleg", "PLeK": "Platform"}


def test_bold_words_of_a_source_list_item_are_kept_without_a_colon():
    items = ItemList(id="l", title="T", items=[{"text": "**eigen dynamiek** ('vertraagde tijd') en <niet> opgejaagd"},
                                               {"text": "een ** los teken"}])
    first, second = soup(render.item_list(TPL, items)).find_all("li")
    assert first.decode_contents() == "<strong>eigen dynamiek</strong> ('vertraagde tijd') en &lt;niet&gt; opgejaagd"
    assert second.get_text() == "een ** los teken"


def test_the_stories_of_a_principle_are_a_list():
    principle = Principle(id="p", number=1, title="Titel", short="Kort", explanation=["Uitleg."])
    links = [render.StoryLink(title=f"Verhaal {n}", url=f"verhalen/v{n}/", dating=f"{n} januari 2025",
                              dating_iso=f"2025-01-0{n}", kind="Column",
                              authors=(), description="") for n in (1, 2)]
    soup = BeautifulSoup(render.principle_sections(TPL, [principle], stories={"p": links}, to=ROOT_ROUTES), "html.parser")
    block = soup.select_one(".ko-principle__stories")
    assert block.p.get_text() == "Verhalen bij dit principe:"
    assert [a.get_text() for a in block.select("ul > li > a")] == ["Verhaal 1", "Verhaal 2"]


def test_the_glossary_gives_the_meaning_and_the_verantwoording_the_doubts():
    """A term's note and the abbreviations the sources do not write out are on the page Verantwoording,
    never in the glossary."""
    from macros.models import Term

    terms = [Term(id=f"t{n}", term=f"AB{n}", expansion=f"Afkorting {n}", explanation="Uitleg.", common_meaning=True)
             for n in range(3)] + [Term(id="plek", term="PLeK", expansion="Platform", explanation="Een platform.",
                                        note="De bronnen schrijven het op vier manieren voluit.")]
    glossary = BeautifulSoup(str(render.glossary(TPL, terms)), "html.parser").get_text()
    assert "vier manieren" not in glossary and "niet voluit" not in glossary and "gangbare" not in glossary
    notes = BeautifulSoup(str(render.research_notes(TPL, terms, [], [], [], [], ROOT_ROUTES)), "html.parser")
    assert [(dt.get_text(), dd.get_text()) for dt, dd in zip(notes.select("dt"), notes.select("dd"))] == [
        ("PLeK — Platform", "De bronnen schrijven het op vier manieren voluit.")]
    assert "AB0, AB1, AB2." in notes.get_text() and "PLeK." not in notes.get_text()


# Partials of the theme (Material's or Zensical's template engine renders them, not the engine's).
THEME_PARTIALS = {"edit-link.html", "pagefind.html", "story-byline.html", "story-date.html", "story-meta.html",
                  "story-page.html", "search-kind.html"}


def test_every_template_makes_hostile_text_inert(people, circle, goal):
    """Hostile text through every component template of the engine (overrides/ko/): nothing of it
    survives as markup. Each template renders at least once here."""
    tpl = Templates(None, strings())
    circles = {"c": circle}
    to = ROOT_ROUTES.at("leerkringen/")
    story = render.StoryLink(title=EVIL, url="verhalen/x/", dating=EVIL, dating_iso=EVIL, kind="column",
                             authors=(EVIL,), description=EVIL)
    principle = Principle(id="p", number=1, title=EVIL, short=EVIL, explanation=[EVIL])
    other = Principle(id="q", number=2, title=EVIL, short=EVIL, explanation=[EVIL])
    source = Source.model_construct(id="s", title=EVIL, short_title=EVIL, kind="verslag", date=None, date_note=EVIL,
                                    period=EVIL, organisations=[EVIL], authors=[EVIL], pages=3, themes=["t"],
                                    summary=[EVIL], notes=[EVIL])
    theme = Theme.model_construct(id="t", title=EVIL, description=EVIL)
    outputs = [
        render.subtitle(tpl, EVIL),
        render.hero(tpl, EVIL, EVIL, EVIL, EVIL, [(EVIL, "a/"), (EVIL, "b/")]),
        render.featured_story(tpl, story, [circle], to),
        render.key_figures(tpl, [KeyFigure(id="k", value=EVIL, label=EVIL)], EVIL),
        render.advice_facts(tpl, Advice(title=EVIL, author=EVIL, addressee=EVIL, presented="2022-10-13",
                                        presented_where=EVIL, question=EVIL, features=[EVIL], wish=EVIL,
                                        recommendations=[EVIL], motto=EVIL)),
        render.circle_facts(tpl, circle, people, goal),
        render.source_facts(tpl, source, [theme], to),
        render.bullet_list(tpl, [EVIL]),
        render.item_list(tpl, ItemList(id="l", title=EVIL, intro=EVIL, source=EVIL, items=[{"title": EVIL, "text": EVIL}])),
        render.roles_table(tpl, [Role(id="r", title=EVIL, description=EVIL)]),
        render.comparison(tpl, Comparison(id="v", title=EVIL, caption=EVIL, left_label=EVIL, right_label=EVIL,
                                          source=EVIL, rows=[{"left": EVIL, "right": EVIL}])),
        render.table_of(tpl, Table(id="t", caption=EVIL, columns=[EVIL, EVIL], rows=[[EVIL, EVIL]], source=EVIL)),
        render.goals_table(tpl, [goal], circles, to),
        render.principle_cards(tpl, [principle], to),
        render.principle_sections(tpl, [principle], stories={"p": [story]}, to=to),
        render.principle_page(tpl, principle, [principle, other], [story], to),
        render.circle_cards(tpl, [circle], to),
        render.source_cards(tpl, [source], to),
        render.timeline(tpl, [TimelineEvent(id="e", date="2023", title=EVIL, text=EVIL, circle="c")], circles, to),
        render.quote(tpl, Quote(id="q", text=EVIL, person="p", context=EVIL), people["p"]),
        render.colophon(tpl, [ColophonGroup(id="g", title=EVIL, text=EVIL, members=[{"person": "p", "note": EVIL}])],
                        people),
        render.story_list(tpl, [story], to),
        render.story_overview(tpl, [story], [story], to, True),
        render.pdf_link(tpl, EVIL, EVIL),
        render.glossary(tpl, [Term.model_construct(id="t", term=EVIL, expansion=EVIL, explanation=EVIL, source=EVIL,
                                                   note=EVIL, common_meaning=True, tooltip=True)]),
        render.research_notes(tpl, [Term.model_construct(id="t", term=EVIL, expansion=EVIL, note=EVIL, common_meaning=True)],
                              [Circle.model_construct(id="c", name=EVIL, aliases=[EVIL])],
                              [Person.model_construct(id="p", name=EVIL, note=EVIL)],
                              [TimelineEvent.model_construct(id="e", date=PartialDate.parse("2023"), title=EVIL, note=EVIL)],
                              [Source.model_construct(id="s", short_title=EVIL, date_note=EVIL, notes=[EVIL])], to),
        render.web_edition(tpl, EVIL, EVIL, None, "over/verantwoording/"),
        render.page_byline(tpl, [Person.model_construct(id="p", name=EVIL, description=EVIL)], "voorwoord", "x/"),
        tpl.render("ko/avatar.svg", initials=EVIL, color="#1b5e3b"),
        render.people_index(tpl, list(people.values()), {"p": [render.Appearance(EVIL, EVIL, "x/")]}, to),
        render.theme_sections(tpl, [theme], {"t": [story]}, {"t": [source]}, to),
        render.Abbreviations(tpl, {EVIL: EVIL})(f"<p>{escape(EVIL)}</p>"),
        render.voices(tpl, [Quote.model_construct(id="q", text=EVIL, person="p", attribution=None, circle="c")],
                      people, circles, to),
        render.contents(tpl, SimpleNamespace(
            front=[SimpleNamespace(number="", title=EVIL, kind=EVIL, minutes=1, depth=0, description=EVIL, page="x.md",
                                   url="x/")],
            parts=[(SimpleNamespace(number=1, title=EVIL), [SimpleNamespace(
                number="1.1", title=EVIL, kind=EVIL, minutes=2, depth=0, description=EVIL, page=None, url="")])]),
            [story], to),
        tpl.render("ko/moved.html", href=EVIL, site_name=EVIL),
        tpl.render("ko/share-card.html", title=EVIL, subtitle=EVIL, color="#1b5e3b", accent="#f2d45c"),
        tpl.render("ko/print.html", site=Site.model_construct(title=EVIL, subtitle=EVIL, publisher=EVIL),
                   colors={"light": [["--ko-primary", "#1b5e3b"]], "dark": []}, style="", colophon=None,
                   front=[], contents=[{"level": 1, "anchor": "h1", "title": EVIL}],
                   body=[{"anchor": "h1", "title": EVIL, "contents": [EVIL], "content": None, "css": "part level-1"}]),
    ]
    for html in outputs:
        assert_inert(html)
    # The editors' page has scripts of its own; a hostile value stays data in them, never markup.
    editors = str(tpl.render("ko/redactie.html", site_name=EVIL, settings={"words": EVIL}, colors="", script=EVIL,
                             version=EVIL))
    assert EVIL not in editors and soup(editors).find("b") is None
    assert [s.get("src") for s in soup(editors).find_all("script")] == [None, None, EVIL, "../assets/javascripts/ko-redactie.js"]
    assert 'href="../feed_rss_created.xml"' in str(render.feed_link(tpl, to))   # no value from data
    rendered = {name.removeprefix("ko/") for _loader, name in tpl.env.cache.keys()}
    engine = {p.name for p in (Path(render.__file__).parent.parent / "overrides" / "ko").iterdir()
              if p.suffix in (".html", ".md")}
    assert engine - THEME_PARTIALS - rendered == set()
