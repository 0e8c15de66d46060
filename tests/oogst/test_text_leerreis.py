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
        "reflectieverslag-2": "2024",
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


def test_the_second_reflection_report_has_no_invented_month():
    event = next(e for e in yaml.safe_load((ROOT / "data" / "tijdlijn.yml").read_text(encoding="utf-8"))
                 if e["id"] == "reflectieverslag-2")
    assert str(event["date"]) == "2024"  # the publication gives no month


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
