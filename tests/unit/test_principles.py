"""The basic principles: icons from the theme, a page per principle (extra.routes.principle_pages),
its title checked against the data, previous and next, and the chapter that keeps them all."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from macros import icons, pdf, render
from macros.templates import Templates, strings
from macros.loader import check
from macros.models import Principle
from macros.routes import Routes, targets
from macros.settings import RouteSettings, Settings

PAGES = "leerreis/principes/"
TPL = Templates(None, strings())


def soup(html) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def principle(ident: str, number: int, icon: str | None = "material/target") -> Principle:
    return Principle(id=ident, number=number, title=f"Titel {number}", short=f"Kort {number}.",
                     explanation=[f"Uitleg {number}a.", f"Uitleg {number}b."], icon=icon)


def routes(pages: str = "") -> Routes:
    return Routes(Settings(root=Path("."), routes=RouteSettings(principle_pages=pages)))


# --- icons ------------------------------------------------------------------------------------


def icon(name: str | None, css: str | None = None) -> BeautifulSoup:
    return soup(TPL.render("ko/icon.html", icon=icons.svg(name), css=css))


def test_an_icon_of_the_theme_is_inline_and_hidden_from_screen_readers():
    svg = icon("material/compass-outline", "ko-principle__icon").svg
    assert svg["aria-hidden"] == "true" and svg["focusable"] == "false"
    assert svg["class"] == ["ko-principle__icon"] and svg["viewbox"] == "0 0 24 24"
    assert svg.path["d"]
    assert icons.svg(None) is None and icons.svg("material/bestaat-niet") is None
    assert str(icon(None)) == ""


def test_the_icon_comes_from_material_first_then_zensical(tmp_path, monkeypatch):
    for package, names in (("material", ["a"]), ("zensical", ["a", "b"])):
        folder = tmp_path / package / "templates" / ".icons" / "material"
        folder.mkdir(parents=True)
        for name in names:
            (folder / f"{name}.svg").write_text(f'<svg viewBox="0 0 24 24"><path d="{package}"/></svg>')
    specs = {p: SimpleNamespace(submodule_search_locations=[str(tmp_path / p)]) for p in ("material", "zensical")}
    monkeypatch.setattr(icons.importlib.util, "find_spec", lambda name: specs.get(name))
    icons.icon_folders.cache_clear()
    try:
        assert icon("material/a").path["d"] == "material"
        assert icon("material/b").path["d"] == "zensical"
        del specs["material"]  # Zensical's environment has no Material
        icons.icon_folders.cache_clear()
        assert icon("material/a").path["d"] == "zensical"
    finally:
        icons.icon_folders.cache_clear()


def test_an_unknown_icon_is_refused_with_a_dutch_hint():
    with pytest.raises(ValidationError) as exc:
        principle("p", 1, icon="material/kompas")
    assert exc.value.errors()[0]["loc"] == ("icon",)
    assert exc.value.errors()[0]["ctx"]["error"].args[0] == (
        "'material/kompas' is geen icoon van het thema. Bedoel je material/compass? Zoek een icoon op "
        "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/#search en schrijf set/naam, "
        "zoals material/compass-outline")


def test_an_icon_written_as_a_shortcode_gets_its_set_and_name():
    assert icons.unknown_icon(":material-compass-outline:") == (
        "':material-compass-outline:' is de schrijfwijze voor in de tekst; schrijf hier material/compass-outline")
    assert icons.unknown_icon("material/compass-outline") is None


def test_an_icon_name_cannot_leave_the_icon_folder():
    assert icons.icon_file("../../../etc/passwd") is None
    assert icons.icon_file("material/../material/target") is None
    assert icons.icon_file("material/target") is not None


def test_the_icon_is_optional():
    assert principle("p", 1, icon=None).icon is None


# --- routes -----------------------------------------------------------------------------------


def test_a_principle_links_to_its_section_without_the_setting():
    assert routes().at("verhalen/x/").principle("focus") == "../../leerreis/leren-als-strategische-interventie/#focus"


def test_a_principle_links_to_its_page_with_the_setting():
    assert routes(PAGES).at("verhalen/x/").principle("focus") == "../../leerreis/principes/focus/"
    assert routes(PAGES).principle_section("focus") == "leerreis/leren-als-strategische-interventie/#focus"


def test_the_setting_is_a_folder():
    with pytest.raises(ValidationError, match="moet een map zijn en eindigen op '/'"):
        RouteSettings(principle_pages="leerreis/principes")


def test_a_page_is_needed_per_principle_only_with_the_setting():
    def pages(settings):
        return [t.src for t in targets(settings, [], [], {"principles": True}, ["doel", "focus"])]

    assert pages(Settings(root=Path("."))) == ["leerreis/leren-als-strategische-interventie.md"]
    assert pages(Settings(root=Path("."), routes=RouteSettings(principle_pages=PAGES))) == [
        "leerreis/principes/doel.md", "leerreis/principes/focus.md", "leerreis/leren-als-strategische-interventie.md"]


# --- the page of a principle ------------------------------------------------------------------

THREE = [principle("doel", 1, "material/summit"), principle("focus", 2), principle("mensen", 3, None)]


def page(ident: str, stories=()) -> BeautifulSoup:
    found = next(p for p in THREE if p.id == ident)
    return soup(render.principle_page(TPL, found, list(reversed(THREE)), stories, routes(PAGES).at(f"{PAGES}{ident}/")))


def nav_links(parsed) -> list[tuple[str, str, str]]:
    return [(a["rel"][0], a["href"], a.get_text()) for a in parsed.select("nav.ko-principle-nav li a")]


def test_the_first_principle_has_only_a_next_one():
    assert nav_links(page("doel")) == [("next", "../../../leerreis/principes/focus/", "Volgend principe: 2. Titel 2")]


def test_a_middle_principle_has_a_previous_and_a_next_one():
    assert nav_links(page("focus")) == [("prev", "../../../leerreis/principes/doel/", "Vorig principe: 1. Titel 1"),
                                        ("next", "../../../leerreis/principes/mensen/", "Volgend principe: 3. Titel 3")]


def test_the_last_principle_has_only_a_previous_one_and_every_page_leads_back():
    parsed = page("mensen")
    assert nav_links(parsed) == [("prev", "../../../leerreis/principes/focus/", "Vorig principe: 2. Titel 2")]
    back = parsed.select_one(".ko-principle-nav__all")
    assert (back["href"], back.get_text()) == ("../../../leerreis/leren-als-strategische-interventie/#basisprincipes",
                                               "Alle drie basisprincipes")
    assert parsed.nav["aria-label"] == "Basisprincipes" and parsed.nav.has_attr("data-pagefind-ignore")


def test_a_principle_page_shows_icon_number_lead_explanation_and_stories():
    story = render.StoryLink(title="Een verhaal", url="verhalen/een-verhaal/", dating="begin 2025", dating_iso="2025",
                             kind="verhaal", authors=("Piet Proef",), description="Waar het over gaat.")
    markdown = render.principle_page(TPL, THREE[0], THREE, [story], routes(PAGES).at(f"{PAGES}doel/"))
    parsed = soup(markdown)
    assert parsed.select_one("svg.ko-principle__page-icon")["aria-hidden"] == "true"
    assert parsed.select_one(".ko-principle__kicker").get_text() == "Basisprincipe 1 van 3"
    assert parsed.select_one(".ko-principle__lead").get_text() == "Kort 1."
    assert [p.get_text() for p in parsed.select(".ko-principle__explanation p")] == ["Uitleg 1a.", "Uitleg 1b."]
    # A Markdown heading under the page's h1, so it enters the table of contents.
    assert "\n## Verhalen bij dit principe { #verhalen }\n" in markdown
    assert [a["href"] for a in parsed.select("ul.ko-stories a")] == ["../../../verhalen/een-verhaal/"]


def test_a_principle_without_icon_or_stories_says_so():
    parsed = page("mensen")
    assert parsed.find("svg") is None
    assert parsed.select_one(".ko-stories__empty").get_text() == "Nog geen verhalen bij dit principe."


def test_all_principles_in_words():
    assert [render.all_principles_label(TPL, n) for n in (1, 7, 13)] == [
        "Het basisprincipe", "Alle zeven basisprincipes", "Alle 13 basisprincipes"]


# --- the chapter with every principle ---------------------------------------------------------


def test_tiles_have_the_icon_and_link_to_the_pages_and_on_paper_to_the_sections():
    tiles = soup(render.principle_cards(TPL, list(reversed(THREE)), routes(PAGES).at("")))
    assert tiles.div["id"] == "basisprincipes"
    links = tiles.select("a.ko-card__link")
    assert [a["href"] for a in links] == ["leerreis/principes/doel/", "leerreis/principes/focus/",
                                          "leerreis/principes/mensen/"]
    assert [a["data-ko-print-href"] for a in links] == ["#doel", "#focus", "#mensen"]
    assert len(tiles.select("li > svg.ko-principle__tile-icon")) == 2  # the third has no icon
    same_page = soup(render.principle_cards(TPL, THREE, routes().at("")))
    assert [a.get("data-ko-print-href") for a in same_page.select("a")] == [None, None, None]


def test_with_pages_the_chapter_sections_are_left_out_of_search():
    searchable = render.principle_sections(TPL, THREE, stories={}, to=routes())
    assert "data-pagefind-ignore" not in searchable
    ignored = render.principle_sections(TPL, THREE, to=routes(PAGES), searchable=False)
    assert '## 1. Titel 1 { #doel data-pagefind-ignore="" }' in ignored
    parsed = soup(ignored)
    assert parsed.find_all("p") and all(p.has_attr("data-pagefind-ignore") for p in parsed.find_all("p"))


def test_on_paper_a_tile_links_to_the_section_when_the_page_has_it():
    article = soup('<div><a href="../principes/doel/" data-ko-print-href="#doel">Doel</a>'
                   '<a href="../principes/elders/" data-ko-print-href="#elders">Elders</a>'
                   '<h2 id="doel">1. Doel</h2></div>')
    pdf._prefix_ids(article, "h3")
    first, second = article.find_all("a")
    assert first["href"] == "#h3-doel" and not first.has_attr("data-ko-print-href")
    assert not second.has_attr("href")  # no section on this page: the text stays, the link goes


# --- validation -------------------------------------------------------------------------------


def with_pages(project: Path, title: str = '"1. Eerste principe"', shows: str = "eerste") -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    routes = "  routes:\n    principle_pages: leerreis/principes/\n"
    text = text.replace("\nextra:\n", "\nextra:\n" + routes, 1) if "\nextra:\n" in text else text + "\nextra:\n" + routes
    text = text.replace("      - Principes: leerreis/leren-als-strategische-interventie.md\n",
                        "      - Principes: leerreis/leren-als-strategische-interventie.md\n"
                        "      - leerreis/principes/eerste.md\n", 1)
    config.write_text(text, encoding="utf-8")
    folder = project / "docs" / "leerreis" / "principes"
    folder.mkdir(parents=True, exist_ok=True)
    front = f"title: {title}\n" if title else ""
    (folder / "eerste.md").write_text(f'---\n{front}description: "Een eigen pagina."\n---\n\n'
                                      f'{{{{ principle_page("{shows}") }}}}\n', encoding="utf-8")


def test_a_principle_page_with_the_right_title_is_valid(fixture_project):
    with_pages(fixture_project)
    assert check(fixture_project) == []


def test_a_principle_page_with_another_title_is_refused(fixture_project):
    with_pages(fixture_project, title="Eerste principe")
    assert [str(e) for e in check(fixture_project)] == [
        'docs/leerreis/principes/eerste.md:2: title: de titel past niet bij principe 1 in data/principes.yml; '
        'schrijf title: "1. Eerste principe"']


def test_a_principle_page_without_a_title_is_refused(fixture_project):
    with_pages(fixture_project, title="")
    assert [str(e) for e in check(fixture_project)] == [
        'docs/leerreis/principes/eerste.md:2: title: de titel ontbreekt; schrijf title: "1. Eerste principe"']


def test_a_principle_page_that_shows_another_principle_is_refused(fixture_project):
    principles = fixture_project / "data" / "principes.yml"
    principles.write_text(principles.read_text(encoding="utf-8") + (
        "- id: tweede\n  number: 2\n  title: Tweede principe\n  short: Kort.\n  explanation:\n    - Uitleg.\n"),
        encoding="utf-8")
    with_pages(fixture_project, shows="tweede")
    errors = [str(e) for e in check(fixture_project)]
    assert ('docs/leerreis/principes/eerste.md:6: deze pagina hoort bij principe \'eerste\', maar toont \'tweede\'; '
            'schrijf {{ principle_page("eerste") }}') in errors
