"""The text of the journey (docs/leerreis, docs/inzichten) and its data: slips found in review stay fixed."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs" / "leerreis").glob("*.md")) + sorted((ROOT / "docs" / "inzichten").glob("*.md"))
DATA = [ROOT / "data" / f"{name}.yml" for name in
        ("principes", "rollen", "tijdlijn", "lijsten", "vergelijkingen", "ontwikkeldoelen", "citaten")]
FILES = PAGES + DATA


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def records(name: str) -> dict[str, dict]:
    return {r["id"]: r for r in yaml.safe_load(read(ROOT / "data" / f"{name}.yml"))}


def strings(value):
    """Every text value in a loaded YAML document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def shown_item(item: dict) -> str:
    """A list item as macros/render.item_list shows it: a title is joined to its text with a colon, and
    the source's bold words (**so**) are bold inside the text."""
    text = item["text"].replace("**", "")
    return f"{item['title']}: {text}" if item.get("title") else text


def bracket_depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
    return deepest


def test_the_comparison_source_names_the_article_not_the_drift_chapter():
    source = records("vergelijkingen")["volgens-a-b"]["source"]
    assert "hoofdstuk 2" not in source
    assert "Van A naar B via B" in source


def test_the_closing_line_of_leren_als_strategische_interventie_is_on_its_page():
    quote = records("citaten")["leren-gaat-werken"]
    assert quote["text"] == "Niks zo mooi als merken dat leren gaat werken!"
    page = read(ROOT / "docs" / "leerreis" / "leren-als-strategische-interventie.md")
    assert '{{ quote("leren-gaat-werken") }}' in page


def test_samen_leren_vraagt_reads_as_the_source_items():
    shown = [shown_item(i) for i in records("lijsten")["samen-leren-vraagt"]["items"]]
    assert not any(": (" in s or ": of " in s or ": van " in s or ": door " in s for s in shown)
    assert "eigen dynamiek ('vertraagde tijd') en niet opgejaagd worden door de besluitvorming van morgen." in shown
    assert "gezamenlijk leer-/ontwikkeldoel of -agenda: welke gezamenlijke focus kiezen we?" in shown
    # The source's bold leads are back, inside the sentence (render.emphasis), not before a colon.
    assert records("lijsten")["samen-leren-vraagt"]["items"][0]["text"].startswith("**eigen dynamiek** (")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_one_style_of_quote_marks(path):
    assert not re.search("[‘’“”„]", read(path))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_no_web_only_wording(path):
    text = read(path).lower()
    assert "klik" not in text
    assert "op deze website" not in text


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.name)
def test_no_nested_brackets_in_data(path):
    nested = [s for s in strings(yaml.safe_load(read(path))) if bracket_depth(s) > 1]
    assert nested == []


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_no_nested_brackets_in_pages(path):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", read(path))  # a link shows only its text
    assert [line for line in text.splitlines() if bracket_depth(line) > 1] == []


def test_a_list_with_its_own_lead_in_is_not_introduced_twice():
    lists = records("lijsten")
    for path in PAGES:
        text = read(path)
        for match in re.finditer(r'\n([^\n]*)\n\n\{\{ item_list\("([^"]+)"\) \}\}', text):
            before, ident = match.groups()
            if lists[ident].get("intro"):
                assert not before.rstrip().endswith(":"), f"{path.name}: {ident}"


def test_quote_attributions_are_short_and_use_one_circle_name():
    for ident, quote in records("citaten").items():
        context = quote.get("context", "")
        assert len(context) <= 60, ident
        assert "Kennisbouwers" not in context, ident


def test_events_at_the_end_of_2024_are_told_in_the_past_tense():
    text = records("tijdlijn")["voorziening-kennis"]["text"]
    assert "komt een voorziening" not in text
    assert "richtte" in text


def test_the_timeline_keeps_its_exact_dates():
    events = records("tijdlijn")
    assert {ident: str(events[ident]["date"]) for ident in (
        "advies-denktank-kps", "start-leerkringen", "reflectieverslag-1", "programmaplan-2",
        "reflectieverslag-2", "kps-vervolg", "voorziening-kennis", "overdracht-kwartiermaker",
    )} == {
        "advies-denktank-kps": "2022-10-13",
        "start-leerkringen": "begin 2023",
        "reflectieverslag-1": "2023-09",
        "programmaplan-2": "2024-02-01",
        "reflectieverslag-2": "2024-10",
        "kps-vervolg": "2024-11",
        "voorziening-kennis": "eind 2024",
        "overdracht-kwartiermaker": "begin 2025",
    }


def test_the_timeline_puts_2024_in_date_order(data):
    order = [e.id for e in data.sorted_timeline()]
    # The source lists 'eind 2024' and 'november 2024' before '1 februari 2024' (DIGEST, section 4.2).
    assert order.index("programmaplan-2") < order.index("kps-vervolg") < order.index("voorziening-kennis")


def test_the_ria_group_has_one_name_in_the_goals():
    text = read(ROOT / "data" / "ontwikkeldoelen.yml")
    assert "IPO-leer-/werkgroep" not in text
    assert "IPO-RIA werk-leergroep" in text


def test_the_second_reflection_report_has_the_month_of_its_footnote_and_no_other():
    """The publication's timeline gives only the year; footnote 2 at the 12 hoofdreflecties says
    'Oktober 2024'. The timeline and the page 'Wat nemen we mee' give that month, and no other."""
    event = records("tijdlijn")["reflectieverslag-2"]
    assert str(event["date"]) == "2024-10"
    page = read(ROOT / "docs" / "leerreis" / "wat-nemen-we-mee.md")
    assert "**Het tweede reflectieverslag** (oktober 2024)" in page


def test_every_principle_has_an_icon_of_its_own_and_a_page_in_one_short_sentence():
    """Issue 14: the seven principles as tiles with distinct icons, each on a page of its own whose
    description is one B1 sentence (at most 25 words)."""
    principles = records("principes")
    icons = [p.get("icon") for p in principles.values()]
    assert all(icons) and len(set(icons)) == len(icons)
    for ident in principles:
        front = read(ROOT / "docs" / "leerreis" / "principes" / f"{ident}.md").split("---")[1]
        description = yaml.safe_load(front)["description"]
        assert description.endswith(".") and description.count(". ") == 0, ident
        assert len(description.split()) <= 25, ident


# --- The voorwoord is a letter, retold in Nico Versteeg's voice and labelled as retold ---------------

VOORWOORD = ROOT / "docs" / "leerreis" / "voorwoord.md"


def voorwoord_body() -> list[str]:
    """The paragraphs under the H1, without the front matter."""
    body = read(VOORWOORD).split("\n---\n", 1)[1].split("\n# Voorwoord\n", 1)[1]
    return [p.strip() for p in body.strip().split("\n\n")]


def test_the_voorwoord_is_a_letter_under_a_byline():
    paragraphs = voorwoord_body()
    assert paragraphs[0] == '{{ byline("nico-versteeg") }}'
    assert paragraphs[1] == "Beste collega's,"
    assert paragraphs[-1] == "Nico Versteeg"
    assert not [p for p in paragraphs if p.startswith("#")]  # a letter has no headings
    assert '{{ quote("nico-versteeg-cyclus") }}' in paragraphs


def test_the_voorwoord_keeps_the_facts_of_the_letter():
    text = read(VOORWOORD)
    for fact in ("'Zonder Leren geen Presteren'", "Denktank", "Kring van Provinciesecretarissen",
                 "voortbestaan", "wind mee", "(ruimtelijke) vraagstukken", "onontgonnen terrein",
                 "andere overheden", "leerkringen", "vallen en opstaan", "dank",
                 "mooie en inspirerende start", "pas net begonnen", "doen, reflecteren, leren en bijsturen",
                 "Laten we dat vooral samen doen!"):
        assert fact in text, fact
    assert "presenteren" not in text  # the source's misprint of 'presteren'


def test_the_voorwoord_is_told_by_nico_versteeg_not_about_him():
    text = "\n".join(voorwoord_body()[1:-1])
    assert "Versteeg" not in text  # no 'schrijft Versteeg': he writes himself
    assert " we " in text and "Wat mij betreft" in text
    description = yaml.safe_load(read(VOORWOORD).split("---")[1])["description"]
    assert "brief" in description and "Nico Versteeg" in description


# --- The journey's pages: no talking down, no research notes, links to the stories they introduce --

# tijdlijn.md is kept by another part of the project and is left out here.
OWN_PAGES = [p for p in PAGES if p.name != "tijdlijn.md"]
TALKING_DOWN = [
    "Handelingsperspectief betekent", "Een kwartiermaker bouwt", "Een CoP is een groep",
    "is een beeld voor de Nederlandse overheid", "de bestuurslaag tussen Rijk en gemeenten",
    "maatregelen die overal gelden", "een eigen manier van besturen", "SG's en DG's zijn",
    "vragen om uitleg", "zwaluwstaartverbinding", "samen iets nieuws maken", "heet een personele unie",
    "vernieuwingen die het spel veranderen", "je kunt ze aanspreken", "ingrijpende veranderingen die lang duren",
]
RESEARCH_NOTES = ["volgens de bron", "(afgeleid", "ook genoemd", "deze uitgave volgt", "spellingvariant"]


@pytest.mark.parametrize("path", OWN_PAGES, ids=lambda p: p.name)
def test_pages_do_not_talk_down_or_carry_research_notes(path):
    text = read(path)
    assert [p for p in TALKING_DOWN if p in text] == []
    assert [n for n in RESEARCH_NOTES if n in text.lower()] == []


def test_the_second_part_links_to_its_three_stories():
    page = read(ROOT / "docs" / "inzichten" / "index.md")
    for slug in ("het-verhaal-van-bouwen-aan-kennis", "het-ach-en-wee-van-een-gebiedsportemonnee",
                 "zoeken-naar-de-oplossing-van-de-ruimtelijke-puzzel"):
        assert f"](../verhalen/posts/{slug}.md)" in page, slug
        assert (ROOT / "docs" / "verhalen" / "posts" / f"{slug}.md").exists(), slug


def test_the_journey_keeps_its_key_facts():
    proloog = read(ROOT / "docs" / "leerreis" / "proloog.md")
    for fact in ("13 oktober 2022", "Herengracht", "10–20 jaar", "mei 2022", "november 2021", "€ 20.000",
                 "'Geef richting, maak ruimte!'", "(2020–2022)", "Rutte IV", "'transitiekarakter'",
                 "milieugebruiksruimte", "scharnierfunctie", "Startpakket", "Voorontwerp Nota Ruimte"):
        assert fact in proloog, fact
    takeaways = read(ROOT / "docs" / "leerreis" / "wat-nemen-we-mee.md")
    for fact in ("september 2023", "oktober 2024", "met een jaar", "kwartiermaker 'Kennis'",
                 "kwartiermaker 'Leren'", "SG's en DG's", "Bestuurlijke Adviescommissies",
                 "'professioneel vooruit struikelen'", "vier jaar"):
        assert fact in takeaways, fact
    intervention = read(ROOT / "docs" / "leerreis" / "leren-als-strategische-interventie.md")
    for fact in ("Regie-organisatie Transitie Landelijk Gebied (RTLG)", "Drie deelnemers", "personele unies",
                 "'zwaluwstaarten'", "'werk met werk maken'"):
        assert fact in intervention, fact
