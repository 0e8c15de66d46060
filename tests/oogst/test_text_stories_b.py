"""Stories (part b): faithful to the publication, plain Dutch (B1), one name per circle, one style of quotes.

The stories are the programme team's portraits and retellings, the columns of Rien Fraanje and
Marijn Molema, the interviews with Co Verdaas and Hans Tijl and with Karin Raap; the seven short
voices are one page (docs/verhalen/stemmen.md, their words in data/citaten.yml); and the stories
overview. Each test reads the files from disk, so it runs without a
build; the readability test uses the same rules as `make leesbaarheid`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import sentence_lengths
from storytext import POSTS, ROOT, after_more, blockquotes, body, text
from macros.leesbaarheid import sentences, shortfall, words

ARTICLES = [
    "het-verhaal-van-bouwen-aan-kennis",
    "professioneel-vooruit-struikelen",
    "samenwerken-aan-kennis",
    "programmateam-stelt-zich-voor",
    "kennis-delen-hoofdtaak-van-ipo",
    "reflectie-op-bouwen-aan-kennis",
]
VOICES_PAGE = ROOT / "docs" / "verhalen" / "stemmen.md"
# The columns, retold in the author's voice: the author's name may stand in the teaser, not in the text.
COLUMNS = {"kennis-delen-hoofdtaak-van-ipo": "Fraanje", "samenwerken-aan-kennis": "Molema"}




def all_files() -> list[Path]:
    return [POSTS / f"{n}.md" for n in ARTICLES] + [ROOT / "docs" / "verhalen" / "index.md", VOICES_PAGE]





@pytest.mark.parametrize("name, author", COLUMNS.items())
def test_a_column_is_retold_in_the_authors_voice(name, author):
    """The byline says whose column it is and that it is retold: the text speaks as the author (ik/wij),
    not about the author ('schrijft Fraanje', 'aldus Fraanje')."""
    content = after_more(name)
    assert author not in content
    assert not re.search(r"\b(schrijft|aldus) (hij|Fraanje|Molema)\b", content)
    assert re.search(r"\b(ik|mijn|wij|we|ons|onze)\b", content)


@pytest.mark.parametrize("name", list(COLUMNS) + ["programmateam-stelt-zich-voor"])
def test_the_authors_exact_words_stand_only_as_pull_quotes_in_single_quotes(name):
    """In a retelling in the author's voice, only a pull quote (> '…', no name) carries their own words."""
    quotes = blockquotes(name)
    assert quotes
    for quote in quotes:
        assert quote.startswith("'") and quote.endswith("'"), quote
        assert "—" not in quote, quote


def test_the_column_of_rien_fraanje_keeps_its_facts_and_quotes():
    content = body("kennis-delen-hoofdtaak-van-ipo")
    assert blockquotes("kennis-delen-hoofdtaak-van-ipo") == [
        "'Het delen van kennis moet voor een koepelorganisatie als de vereniging IPO doel in zichzelf zijn.'",
        "'Het is zo belangrijk dat we er tijd voor blijven maken.'",
    ]
    for fact in ("twaalf provincies", "beleid beïnvloeden, samenwerken in de uitvoering en kennis delen", "Den Haag",
                 "Brussel", "BIJ12 in Utrecht", "tijd, energie, capaciteit en geld", "1+1", "tientallen ambtenaren",
                 "Statenleden, gedeputeerden en ambtenaren", "handschoen", "Wordt vervolgd"):
        assert fact in content, fact


def test_the_column_of_marijn_molema_keeps_its_model_and_examples():
    content = body("samenwerken-aan-kennis")
    assert blockquotes("samenwerken-aan-kennis") == [
        "'Samen werken aan opgaven betekent ook altijd: samen werken aan kennis'",
        "'Kennis organiseren in netwerken is geen eenvoudige opgave'",
    ]
    assert "1. Strategisch Committeren\n2. Agenderen\n3. Programmeren\n4. Activeren" in content
    for fact in ("vijf stadswijken", "veilige en weerbare samenleving", "Planbureau Fryslân", "SCAPA-model",
                 "'stikstof' of 'wonen'", "binnen twintig jaar", "Kennisplatform Utrecht Sociaal",
                 "hogescholen, universiteiten en regionale planbureaus", "enkelslag leren", "Dubbelslag leren"):
        assert fact in content, fact


def test_the_interview_does_not_repeat_its_byline_and_keeps_the_quotes():
    content = after_more("professioneel-vooruit-struikelen")
    assert "Het programmateam sprak met" not in content and "hoogleraar" not in content
    for quote in ("'Breng realisme in de opgaven. Het heeft tijd nodig, maar begin wel met het bepalen van de richting.'",
                  "'Dit helpt om zelfbewust te zijn. Kies als provincie een richting en ga daarvoor.'",
                  "'We zitten met elkaar aan tafel en verlaten deze pas als het is opgelost.'", "'Je doet het samen.'",
                  "'We moeten juist het oude achter ons laten en verder door naar voren'",
                  "> Durf ook iets af te schaffen als het niet meer past of niet meer werkt."):
        assert quote in content, quote


def test_the_programme_team_introduces_itself_with_its_dates():
    content = after_more("programmateam-stelt-zich-voor")
    for fact in ("1,5 jaar", "januari 2024", "april 2024", "januari 2025", "'Rol in de Ruimte'", "'Leren in de Ruimte'",
                 "democratisch gelegitimeerd middenbestuur", "*Community of Practice*"):
        assert fact in content, fact
    assert "1.5 jaar" not in content
    assert re.search(r"\bik\b", content)


def test_the_interview_with_karin_raap_keeps_its_facts():
    content = body("reflectie-op-bouwen-aan-kennis")
    for fact in ("COG", "Utrecht", "HRM en data", "Noord-Holland en Overijssel", "PLeK", "nieuwjaarsbijeenkomst",
                 "Over tien jaar", "'Een grote uitdaging blijft om het onderwerp kennis levend te houden'",
                 "'Samen leren en samenwerken blijft hierin cruciaal'"):
        assert fact in content, fact


# The seven short voices of the publication, as it attributes them: name, place or role, and circle.
VOICES = {
    "anneke-knol": ("anneke-knol", None),
    "theo-hermsen-thorbecke": ("theo-hermsen", "gebied-centraal"),
    "renske-de-jong": ("renske-de-jong", "directeuren-ruimte"),
    "marleen-buizer": ("marleen-buizer", "bouwen-aan-kennis"),
    "philippe-spapens": ("philippe-spapens", "directeuren-ruimte"),
    "erik-van-hoogstraten-terugblik": ("erik-van-hoogstraten", "gebied-centraal"),
    "erik-van-hoogstraten-vooruitblik": ("erik-van-hoogstraten", "gebied-centraal"),
    "peter-van-der-broek": ("peter-van-der-broek", "bouwen-aan-kennis"),
}


def test_the_voices_are_one_page_each_with_its_speaker_and_circle(data):
    page = VOICES_PAGE.read_text(encoding="utf-8")
    called = re.search(r"{{ voices\((.*)\) }}", page).group(1)
    assert re.findall(r'"([a-z0-9-]+)"', called) == list(VOICES)
    for ident, (person, circle) in VOICES.items():
        quote = data.get("quotes", ident)
        assert (quote.person, quote.circle) == (person, circle), ident


@pytest.mark.parametrize("person, place", [("erik-van-hoogstraten", "Utrecht"), ("philippe-spapens", "Flevoland"),
                                           ("renske-de-jong", "Zeeland")])
def test_a_voice_gives_the_place_as_the_source_does_not_whom_the_speaker_represented(data, person, place):
    """The publication only writes 'Naam (Provincie)'; 'namens de provincie …' was an inference."""
    assert data.person(person).description == place


@pytest.mark.parametrize("path", all_files(), ids=lambda p: p.stem)
def test_attributions_are_short(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("> — "):
            assert len(line[4:].split()) <= 6, line


@pytest.mark.parametrize("path", all_files(), ids=lambda p: p.stem)
def test_one_name_per_circle(path):
    content = path.read_text(encoding="utf-8")
    assert not re.search(r"[Ll]eerkring Directeuren(?! Ruimte)", content)
    assert "'Kennisbouwers'" not in content and "leerkring 'kennisbouwers'" not in content.lower()
    assert "Planbureau Leefomgeving" not in content
    assert not re.search(r"RIA[- ]werkgroep", content)


@pytest.mark.parametrize("path", all_files(), ids=lambda p: p.stem)
def test_straight_quote_marks_only(path):
    content = path.read_text(encoding="utf-8")
    assert not set("‘’“”„") & set(content)


def test_the_design_principles_carry_the_source_list_with_the_reading_error_corrected():
    content = text("het-verhaal-van-bouwen-aan-kennis")
    assert "- Concurreert niet, maar verbindt en versterkt wat er is (aan kennis en ervaring)" in content
    assert "Concurrert" not in content
    for fact in ("(februari 2023)", "december 2023", "Friesland, Zuid-Holland, Overijssel, Utrecht, Groningen en Flevoland",
                 "'Regionale Kennisknooppunten: #Hoedan'", "januari 2024", "(BZK, VNG, UvW en IPO)",
                 "## Hoofdelementen 'Kennisknooppunt 2028'"):
        assert fact in content, fact


def test_the_overview_page_says_what_is_there_rather_than_where_to_click():
    content = (ROOT / "docs" / "verhalen" / "index.md").read_text(encoding="utf-8").lower()
    assert "hieronder" not in content and "klik" not in content


@pytest.mark.parametrize("name", ARTICLES)
def test_running_text_is_plain_dutch(name):
    """B1: at most 15 words per sentence on average, at most 8 % of sentences over 25 words."""
    lengths = sentence_lengths(body(name))
    assert lengths
    assert shortfall(lengths) is None, f"{name}: {shortfall(lengths)}"
