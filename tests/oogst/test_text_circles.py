"""The circle pages, the home page and the colophon: faithful to the publication, plain Dutch (B1).

Covers docs/leerkringen/*.md, docs/index.md, docs/over/colofon.md and the text values of
data/leerkringen.yml, data/colofon.yml, data/site.yml and data/advies.yml. Each test reads the files
from disk, so it runs without a build; the readability tests use the rules of `make leesbaarheid`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sitebuild import sentence_lengths
from macros.leesbaarheid import LONG, TARGET_AVERAGE, sentences, shortfall, words

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DATA = ROOT / "data"
CIRCLE_PAGES = sorted((DOCS / "leerkringen").glob("*.md"))
HOME = DOCS / "index.md"
COLOPHON = DOCS / "over" / "colofon.md"
PAGES = [*CIRCLE_PAGES, HOME, COLOPHON]
DATA_FILES = [DATA / name for name in ("leerkringen.yml", "colofon.yml", "site.yml", "advies.yml")]
NAMES = {
    "directeuren-ruimte": "Leerkring Directeuren Ruimte",
    "gebied-centraal": "Leerkring Gebied Centraal",
    "bouwen-aan-kennis": "Leerkring Bouwen aan Kennis",
    "ria-werkgroep": "IPO-RIA werk-leergroep",
}


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load(name: str):
    return yaml.safe_load(read(DATA / name))


def circles() -> dict[str, dict]:
    return {c["id"]: c for c in load("leerkringen.yml")}


def colophon() -> dict[str, dict]:
    return {g["id"]: g for g in load("colofon.yml")}


def circle_prose() -> list[tuple[str, str]]:
    """The circles' running-text fields (aliases are the source's other names, listed on purpose)."""
    return [(f"{c['id']}.{key}", c[key]) for c in circles().values()
            for key in ("name", "summary", "aim", "next")]


# --- Slip 1: the final editing lay with the programme team; two people are thanked -----------------

def test_final_editing_is_the_programme_team_with_thanks_to_two_people():
    group = colophon()["eindredactie"]
    assert group["text"] == "Programmateam. Met dank aan:"
    assert [m["person"] for m in group["members"]] == ["kees-de-graaf", "mathil-gelens"]
    assert [m.get("note") for m in group["members"]] == ["SKG", "BIJ12"]


# --- Slip 2: the RIA group started begin 2024; the home count says 'vanaf de start in 2023' -------
# Where the publication contradicts itself is a research note for the page Verantwoording, not for the
# circle page: the circle page and the home page just give the start of each group.

def test_the_ria_group_starts_begin_2024_and_its_page_carries_no_research_note():
    assert circles()["ria-werkgroep"]["started"] == "begin 2024"
    page = read(DOCS / "leerkringen" / "ria-werkgroep.md")
    assert "begin 2024" in page
    assert "'vanaf de start in 2023'" not in page and "!!! note" not in page


def test_the_home_page_says_the_key_figures_count_the_group_that_began_in_2024():
    assert load("site.yml")["key_figures_intro"] == "Vanaf de start in 2023"
    after_figures = read(HOME).split("{{ key_figures() }}", 1)[1].split("{{", 1)[0]
    assert "begin 2023" in after_figures
    assert "begin 2024" in after_figures and "IPO-RIA werk-leergroep" in after_figures
    assert "publicatie" not in after_figures  # a plain fact, not a note on the source


# --- Slip 3: 'begin 2025' is derived; how, is a note for the page Verantwoording, not the colophon --

def test_the_publication_date_is_kept_and_the_colophon_carries_no_note_on_how_it_was_derived():
    assert load("site.yml")["published"] == "begin 2025"
    page = read(COLOPHON)
    assert "noemt zelf geen datum" not in page and "afgeleid" not in page


# --- Slip 4: one name per circle and group ------------------------------------------------------

def test_each_circle_has_its_one_name():
    assert {ident: c["name"] for ident, c in circles().items()} == NAMES


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_pages_use_one_name_per_circle(path):
    check_one_name(read(path))


def test_circle_data_and_colophon_use_one_name_per_circle():
    for _, value in circle_prose():
        check_one_name(value)
    for group in colophon().values():
        for member in group.get("members", []):
            check_one_name(member.get("note") or "")


def check_one_name(content: str) -> None:
    assert not re.search(r"[Ll]eerkring Directeuren(?!'? Ruimte)", content), content
    assert not re.search(r"RIA[- ]werkgroep|[Ww]erkgroep RIA|leer-/werkgroep|werk-/leergroep", content), content
    assert "Planbureau Leefomgeving" not in content


# --- Slip 5: no nested brackets, no wrong tenses, wording that also works in print ----------------

def test_notes_shown_in_brackets_hold_no_brackets_themselves():
    """Roles and colophon notes are printed as 'Name (note)': a bracket inside would nest."""
    notes = [g["role"] for c in circles().values() for g in c.get("guides", [])]
    notes += [m.get("note") or "" for g in colophon().values() for m in g.get("members", [])]
    assert not [n for n in notes if "(" in n or ")" in n]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_nested_brackets_in_running_text(path):
    assert not re.search(r"\([^()]*\(", read(path))


def test_the_team_kennis_of_end_2024_is_told_in_the_past():
    text = circles()["bouwen-aan-kennis"]["next"]
    assert "komt eind 2024" not in text
    assert "Eind 2024 kwam er binnen het IPO een klein team Kennis." in text


@pytest.mark.parametrize("path", PAGES + DATA_FILES, ids=lambda p: p.name)
def test_wording_works_in_print(path):
    content = read(path).lower()
    assert "klik" not in content and "hieronder" not in content
    assert "deze website volgt" not in content


@pytest.mark.parametrize("path", PAGES + DATA_FILES, ids=lambda p: p.name)
def test_straight_quote_marks_only(path):
    assert not set("‘’“”„") & set(read(path))


# --- B1 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_running_text_is_plain_dutch(path):
    """B1: at most 15 words per sentence on average, at most 8 % of sentences over 25 words."""
    lengths = sentence_lengths(read(path).split("\n---\n", 1)[1])
    assert lengths
    assert shortfall(lengths) is None, f"{path.name}: {shortfall(lengths)}"


def test_circle_descriptions_are_plain_dutch():
    """aim and next are read in the facts box: short sentences, none over 25 words."""
    for field, value in circle_prose():
        lengths = [words(s) for s in sentences(value)]
        assert max(lengths) <= LONG, field
        if len(lengths) > 1:
            assert sum(lengths) / len(lengths) <= TARGET_AVERAGE, field


def test_colophon_texts_are_plain_dutch():
    for group in colophon().values():
        lengths = [words(s) for s in sentences(group.get("text") or "")]
        assert all(n <= LONG for n in lengths), group["id"]


# --- The circle pages tell what the circle is; the stories are told once, on their own page -------

STORY_LINKS = {
    "gebied-centraal": ["zonder-leren-geen-presteren", "op-zoek-naar-bodemverbeteraars",
                        "zoeken-naar-de-oplossing-van-de-ruimtelijke-puzzel"],
    "directeuren-ruimte": ["professioneel-vooruit-struikelen", "zoeken-naar-de-oplossing-van-de-ruimtelijke-puzzel",
                           "programmateam-stelt-zich-voor"],
    "bouwen-aan-kennis": ["het-verhaal-van-bouwen-aan-kennis", "samenwerken-aan-kennis"],
    "ria-werkgroep": ["het-ach-en-wee-van-een-gebiedsportemonnee"],
}

# Passages that re-told a story on the circle page; the story itself keeps them.
RETOLD = {
    "gebied-centraal": ["80%", "Dieper wortelen", "bestuurlijke spaghetti", "380 kV", 'item_list("bodemverbeteraars")'],
    "directeuren-ruimte": ["Ken je rol", "grote gemeenten", "augustus 2024"],
    "bouwen-aan-kennis": ["deuk in een pakje boter", "gedragsintentiekloof", "COG", 'item_list("scapa-stations")',
                          'quote("marijn-molema-kennis")'],
    "ria-werkgroep": ["Dreef et al.", "De Uitvoering Aanzet", 'item_list("ria-ingredienten")',
                      'item_list("ria-aanbevelingen")'],
}


@pytest.mark.parametrize("ident", NAMES)
def test_a_circle_page_points_to_its_stories_instead_of_retelling_them(ident):
    page = read(DOCS / "leerkringen" / f"{ident}.md")
    for slug in STORY_LINKS[ident]:
        assert f"](../verhalen/posts/{slug}.md)" in page, slug
        assert (DOCS / "verhalen" / "posts" / f"{slug}.md").exists(), slug
    for passage in RETOLD[ident]:
        assert passage not in page, passage


@pytest.mark.parametrize("ident", NAMES)
def test_a_circle_page_leads_with_the_circle_then_its_stories_then_the_rest(ident):
    body = read(DOCS / "leerkringen" / f"{ident}.md").split("\n---\n", 1)[1]
    _title, after_h1 = body.split("\n# ", 1)[1].split("\n", 1)
    headings = re.findall(r"^## (.+)$", after_h1, flags=re.M)
    assert headings[:2] == ["Verhalen", "In het kort"], ident
    assert after_h1.split("\n## ", 1)[0].strip()  # a paragraph on what the circle is
    assert after_h1.index(f'circle_stories("{ident}")') < after_h1.index(f'circle_facts("{ident}")')
    assert f'timeline(circle="{ident}")' in after_h1


@pytest.mark.parametrize("ident, facts", [
    ("gebied-centraal", ["Community of Practice (CoP) Gebiedsopgaven", "'Rol in de Ruimte' (2020–2022)",
                         "'gebiedsaanpak 3.0'", "Rutte IV", "Begin 2023", "14 november 2023", "'Powerport'",
                         "Jutta Hinterleitner", "toenmalige ministerie van LNV", "geen vervolg",
                         "'Want zonder leren, geen presteren.'"]),
    ("directeuren-ruimte", ["opdrachtgever van het Ruimtelijk Voorstel", "opgavemanager", "domeinmanager",
                            "Stichting Kennis Gebiedsontwikkeling", "Vereniging Deltametropool", "Ineke Lammers",
                            "anderhalf jaar", "Henri Kool", "ministerie van BZK, later VRO", "december 2023",
                            "Paul Gerretsen", "Co Verdaas", "Hans Tijl"]),
    ("bouwen-aan-kennis", ["9 à 10 provincies", "BIJ12", "februari 2023", "tweede bijeenkomst", "PLeK",
                           "december 2023 in Flevoland", "zes provincies", "januari 2024",
                           "'Regionale Kennisknooppunten: #Hoedan'", 'item_list("kennisknooppunt-2028")',
                           "Reflectieve Monitoring", "Drie deelnemers", "Marijn Molema"]),
    ("ria-werkgroep", ["Zes provincies", "tweede schil", "verdiepen en verbreden", "begin 2024",
                       "Regeerprogramma Kabinet-Schoof (2024)", "Metropool Regio Amsterdam", "Regio Twente",
                       "Groene Metropoolregio (GMR)", "NOVEX De Peel",
                       "Regionale Investerings- en Uitvoeringsagenda", 'quote("gelderland-vertrouwen")',
                       "Wendy de Hoog", "vijf aanbevelingen"]),
])
def test_a_circle_page_keeps_what_the_publication_says_about_the_circle(ident, facts):
    page = read(DOCS / "leerkringen" / f"{ident}.md")
    assert [f for f in facts if f not in page] == []


# Explanations that talk down to the readers, provincial civil servants, and notes on the sources.
TALKING_DOWN = [
    "de grote veranderingen in de fysieke leefomgeving", "is een groep vakgenoten", "Borgen betekent",
    "Werk met werk maken betekent", "Een kwartiermaker zet", "Kennisinfrastructuur is alles",
    "Als gebiedsregisseur zorgt de provincie", "echte voorbeelden uit hun werk", "een echt voorbeeld uit het eigen werk",
    "Dat is de uitvoeringsorganisatie", "afspraken met het Rijk over de ruimte",
]
RESEARCH_NOTES = ["volgens de bron", "volgens dezelfde publicatie", "(afgeleid", "ook genoemd", "!!! note",
                  "deze uitgave volgt", "twee startdata"]


@pytest.mark.parametrize("path", [*CIRCLE_PAGES, HOME], ids=lambda p: p.relative_to(DOCS).as_posix())
def test_pages_do_not_talk_down_or_carry_research_notes(path):
    content = read(path)
    assert [p for p in TALKING_DOWN if p in content] == []
    assert [n for n in RESEARCH_NOTES if n in content.lower()] == []


def test_circle_descriptions_do_not_talk_down():
    for field, value in circle_prose():
        assert [p for p in TALKING_DOWN if p in value] == [], field
        assert [n for n in RESEARCH_NOTES if n in value.lower()] == [], field
