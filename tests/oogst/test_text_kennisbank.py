"""The knowledge library (docs/kennisbank, the glossary, people, themes and sources data): one quote
style, one name per circle and group, the people as the colophon gives them, and what the sources leave
uncertain or contradict in the note fields, shown only on the page Verantwoording."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
PAGES = sorted((ROOT / "docs" / "kennisbank").rglob("*.md"))
DATA_FILES = [DATA / "begrippen.yml", DATA / "mensen.yml", DATA / "themas.yml",
              *sorted((DATA / "bronnen").glob("*.yml"))]
FILES = PAGES + DATA_FILES

# Name variants the house style replaces by one name (left: the variant, right: the one name).
NAME_VARIANTS = {
    r"Leerkring Directeuren(?! Ruimte)": "Directeuren Ruimte",
    r"directiekring": "Directeuren Ruimte",
    r"[Ww]erkgroep RIA|RIA[- ]werkgroep|leer-/werkgroep|werk-/leergroep|werk-leergroep RIA": "RIA werk-leergroep",
    r"leerkring '?kennis(?:bouwers)?\b'?": "Bouwen aan Kennis",
    r"Planbureau Leefomgeving": "Planbureau voor de Leefomgeving",
}


ACCOUNTABILITY = ROOT / "docs" / "over" / "verantwoording.md"


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def source(ident: str) -> dict:
    return yaml.safe_load(text(DATA / "bronnen" / f"{ident}.yml"))["source"]


def person(ident: str) -> dict:
    people = yaml.safe_load(text(DATA / "mensen.yml"))
    return next(p for p in people if p["id"] == ident)


def term(ident: str) -> dict:
    terms = yaml.safe_load(text(DATA / "begrippen.yml"))
    return next(t for t in terms if t["id"] == ident)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_straight_quote_marks(path):
    curly = [(n, line) for n, line in enumerate(text(path).splitlines(), 1) if re.search("[‘’“”„]", line)]
    assert curly == []


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_data_still_parses_after_the_quote_change(path):
    assert yaml.safe_load(text(path))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
@pytest.mark.parametrize("variant", NAME_VARIANTS, ids=NAME_VARIANTS.values())
def test_one_name_per_circle_and_group(path, variant):
    assert re.findall(variant, text(path), flags=re.IGNORECASE if "kennis" in variant else 0) == []


def test_ria_group_entry_uses_the_full_name_and_no_variants():
    entry = term("ipo-ria-werk-leergroep")
    assert entry["term"] == "IPO-RIA werk-leergroep"
    assert "RIA werk-leergroep" in entry["explanation"]
    assert "Werkgroep RIA" not in entry["explanation"] and "leer-/werkgroep" not in entry["explanation"]


def test_skg_and_gmr_entries_name_the_ria_group_once():
    assert "RIA werk-leergroep" in term("skg")["explanation"]
    assert "RIA werk-leergroep" in term("gmr")["explanation"]


def test_business_case_page_names_bouwen_aan_kennis():
    page = text(ROOT / "docs" / "kennisbank" / "bronnen" / "plek-businesscase.md")
    assert "leerkring kennisbouwers" not in page
    assert "leerkring Bouwen aan Kennis van de provincies" in page


@pytest.mark.parametrize("ident", ["kees-de-graaf", "mathil-gelens"])
def test_thanked_people_are_not_said_to_have_done_the_final_editing(ident):
    description = person(ident)["description"]
    assert "met dank genoemd bij de eindredactie" not in description
    assert "'met dank aan'" in description
    assert "De eindredactie lag bij het programmateam." in description


def test_programme_team_did_the_final_editing():
    assert "eindredactie" in person("programmateam")["description"]


def test_programme_team_role_names_the_team_as_the_colophon_does():
    # The description is the role under a story's title: who the team is, per the colophon.
    description = person("programmateam")["description"]
    assert description.startswith("Henri Kool (programmaleider), Jordy Broekmeulen (programmasecretaris), "
                                  "Emma Havinga, Masha Barycheva, Ineke Lammers en Rick Josten")
    assert "zonder auteur" not in description


def test_texts_without_an_author_are_explained_on_the_accountability_page():
    assert "Volgens het colofon schreef het programmateam die teksten." in text(ACCOUNTABILITY)


def test_nico_versteeg_is_delegated_client_not_acting_on_behalf_by_inference():
    description = person("nico-versteeg")["description"]
    assert "namens" not in description
    assert "gedelegeerd opdrachtgever" in description and "Kring van Provinciesecretarissen" in description


def test_guides_carry_their_colophon_roles():
    assert "hoofdbegeleider Leerkring 'Directeuren Ruimte' en RIA werk-leergroep" in person("co-verdaas")["description"]
    assert "hoofdbegeleider Leerkring 'Gebied Centraal'" in person("theo-hermsen")["description"]


def test_karin_raap_province_is_not_named():
    karin = person("karin-raap")
    assert "de publicatie zegt niet welke" in karin["note"]
    assert "werkt bij een provincie," in karin["description"] and "zegt niet" not in karin["description"]


def test_descriptions_read_as_appositions_in_quote_captions():
    # render.quote prints "Name, description, context": a role starts in lower case there.
    for ident in ["klaas-veenma", "marijn-molema", "anneke-knol", "rien-fraanje", "hans-tijl", "theo-hermsen"]:
        assert person(ident)["description"][0].islower(), ident


def test_advice_date_contradiction_is_marked_on_the_accountability_page():
    explanation = term("zonder-leren-geen-presteren")["explanation"]
    assert "13 oktober 2022" in explanation and "2020" not in explanation
    page = text(ACCOUNTABILITY)
    assert "het jaartal 2020" in page and "13 oktober 2022" in page and "Deze site volgt de proloog." in page


def test_leerlijn_entry_does_not_claim_seven_cases_were_discussed():
    explanation = term("leerlijn")["explanation"]
    assert "die zeven casussen besprak" not in explanation and "zeven" not in explanation
    assert "(2021–2022)" not in explanation
    # The contradiction (7 announced, 6 described) is a note of the essay, on the page Verantwoording.
    notes = source("leerlijn-energie-klimaat")["notes"]
    assert any("7 uiteenlopende casussen" in n and "beschrijft er 6" in n for n in notes)
    assert "7 aan en beschrijft er 6" not in " ".join(source("leerlijn-energie-klimaat")["summary"])



def test_one_spelling_for_the_green_metropolitan_region_and_the_advice():
    assert term("gmr")["expansion"] == "Groene Metropoolregio"
    assert person("babine-scholten")["description"].endswith("Groene Metropoolregio bij de provincie Gelderland")
    assert term("zonder-leren-geen-presteren")["term"] == "Zonder Leren geen Presteren"


def test_the_glossarys_common_meaning_caveat_is_said_once_not_per_entry():
    import yaml as _yaml

    terms = _yaml.safe_load((ROOT / "data" / "begrippen.yml").read_text(encoding="utf-8"))
    assert not any("dit is de gangbare betekenis" in t["explanation"] for t in terms)
    assert sum(1 for t in terms if t.get("common_meaning")) >= 50


# --- Research notes: only in the note fields and on the page Verantwoording ------------------------

# Phrases of a research note (what a source does or does not say); the coming make check rule refuses them
# in every shown text except the page Verantwoording and the fields note, notes and date_note.
RESEARCH_NOTES = ("betekenis niet zeker", "afgeleid uit de tekst", "ook genoemd", "volgens de bestandsnaam",
                  "niet eenduidig", "de bronnen zeggen niet", "de publicatie zegt niet", "vermoedelijk",
                  "de bron zegt niet", "mogelijk is het een leesfout", "niet met zoveel woorden",
                  "lichten de naam niet toe", "licht de naam niet toe", "licht de regeling niet toe",
                  "schrijven pleK op vier manieren", "niet gedateerd", "spreker niet genoemd",
                  "noemt geen maand", "volgens de bron")
NOTE_FIELDS = {"note", "notes", "date_note"}
SHOWN_DATA = [DATA / f"{name}.yml" for name in ("begrippen", "mensen", "tijdlijn", "lijsten", "vergelijkingen",
                                                  "citaten", "colofon")] + sorted((DATA / "bronnen").glob("*.yml"))
SHOWN_PAGES = [*PAGES, ROOT / "docs" / "over" / "colofon.md", ROOT / "docs" / "inzichten" / "van-a-naar-b-via-b.md",
               ROOT / "docs" / "leerreis" / "tijdlijn.md"]


def shown_strings(value, key=None):
    """Every text value a reader sees: all strings except those under a note field."""
    if key in NOTE_FIELDS:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from shown_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from shown_strings(v, key)


@pytest.mark.parametrize("path", SHOWN_DATA, ids=lambda p: str(p.relative_to(ROOT)))
def test_shown_data_holds_no_research_notes(path):
    found = [(phrase, s) for s in shown_strings(yaml.safe_load(text(path)))
             for phrase in RESEARCH_NOTES if phrase in s.lower()]
    assert found == []


@pytest.mark.parametrize("path", SHOWN_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_hold_no_research_notes(path):
    page = text(path).lower()
    assert [phrase for phrase in RESEARCH_NOTES if phrase in page] == []
    assert "kanttekeningen" not in page and '!!! note' not in page


FORMERLY_UNCERTAIN = ["plek", "cog", "bzk-flex", "kiem", "ski", "asa", "cfl", "bre", "gw", "kaderrichtlijn", "1-9-90"]


@pytest.mark.parametrize("ident", FORMERLY_UNCERTAIN)
def test_terms_the_sources_leave_uncertain_keep_their_doubt_in_a_note(ident):
    entry = term(ident)
    assert entry.get("note"), ident
    assert "uncertain" not in entry


def test_terms_give_the_meaning_and_their_notes_the_doubt():
    assert term("cog")["note"] == "De bronnen zeggen niet waar de afkorting voor staat."
    assert "Vermoedelijk" in term("ski")["note"] and term("ski")["expansion"] == "Strategie, Kennis en Innovatie"
    assert "'Professionalisering Leer- en Kennisnetwerken leefomgeving'" in term("plek")["note"]
    assert term("kaderrichtlijn")["explanation"] == "'Rol in de Ruimte' noemt bij water de eisen van 'de Kaderrichtlijn'."


def test_the_glossary_intro_no_longer_explains_marks_but_points_to_the_accountability_page():
    page = text(ROOT / "docs" / "kennisbank" / "begrippen.md")
    assert "Dan staat dat erbij" not in page
    assert "(../over/verantwoording.md)" in page


def test_the_accountability_page_keeps_its_macro_and_adds_no_source_anchors():
    page = text(ACCOUNTABILITY)
    assert page.rstrip().endswith("{{ research_notes() }}")
    assert page.startswith("---\ndescription:")
    assert "# Verantwoording" in page
    assert not re.search(r"\{#bron-|id=.bron-", page)
    # Reading errors are told without writing them (make check forbids them in every file).
    assert "'Tijn'" not in page


def test_the_van_putten_article_year_is_plain_text():
    page = text(ROOT / "docs" / "inzichten" / "van-a-naar-b-via-b.md")
    assert "- Van Putten, artikel in het tijdschrift Bestuurskunde (2023)" in page
    assert "naam van het bestand" in text(ACCOUNTABILITY)
