"""The knowledge library (docs/kennisbank, the glossary, people, themes and sources data): one quote
style, one name per circle and group, the people as the colophon gives them, contradictions marked."""

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


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


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


def test_nico_versteeg_is_delegated_client_not_acting_on_behalf_by_inference():
    description = person("nico-versteeg")["description"]
    assert "namens" not in description
    assert "gedelegeerd opdrachtgever" in description and "Kring van Provinciesecretarissen" in description


def test_guides_carry_their_colophon_roles():
    assert "hoofdbegeleider Leerkring 'Directeuren Ruimte' en RIA werk-leergroep" in person("co-verdaas")["description"]
    assert "hoofdbegeleider Leerkring 'Gebied Centraal'" in person("theo-hermsen")["description"]


def test_karin_raap_province_is_not_named():
    assert "de publicatie zegt niet welke" in person("karin-raap")["description"]


def test_descriptions_read_as_appositions_in_quote_captions():
    # render.quote prints "Name, description, context": a role starts in lower case there.
    for ident in ["klaas-veenma", "marijn-molema", "anneke-knol", "rien-fraanje", "hans-tijl", "theo-hermsen"]:
        assert person(ident)["description"][0].islower(), ident


def test_advice_date_contradiction_is_marked():
    explanation = term("zonder-leren-geen-presteren")["explanation"]
    assert "2020" in explanation and "13 oktober 2022" in explanation


def test_leerlijn_entry_does_not_claim_seven_cases_were_discussed():
    explanation = term("leerlijn")["explanation"]
    assert "die zeven casussen besprak" not in explanation
    assert "kondigt zeven casussen aan en beschrijft er zes" in explanation
    assert "(2021–2022)" not in explanation



def test_one_spelling_for_the_green_metropolitan_region_and_the_advice():
    assert term("gmr")["expansion"] == "Groene Metropoolregio"
    assert person("babine-scholten")["description"].endswith("Groene Metropoolregio bij de provincie Gelderland")
    assert term("zonder-leren-geen-presteren")["term"] == "Zonder Leren geen Presteren"


def test_the_glossarys_common_meaning_caveat_is_said_once_not_per_entry():
    import yaml as _yaml

    terms = _yaml.safe_load((ROOT / "data" / "begrippen.yml").read_text(encoding="utf-8"))
    assert not any("dit is de gangbare betekenis" in t["explanation"] for t in terms)
    assert sum(1 for t in terms if t.get("common_meaning")) >= 50
