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
from macros.leesbaarheid import sentences, shortfall, words

ROOT = Path(__file__).resolve().parents[2]
POSTS = ROOT / "docs" / "verhalen" / "posts"
ARTICLES = [
    "het-verhaal-van-bouwen-aan-kennis",
    "professioneel-vooruit-struikelen",
    "samenwerken-aan-kennis",
    "programmateam-stelt-zich-voor",
    "kennis-delen-hoofdtaak-van-ipo",
    "reflectie-op-bouwen-aan-kennis",
]
VOICES_PAGE = ROOT / "docs" / "verhalen" / "stemmen.md"
ARTICLE_SOURCE_LINE = "*Dit artikel verscheen in de publicatie 'Kennis oogsten in het landschap van leren' van het IPO.*"


def text(name: str) -> str:
    return (POSTS / f"{name}.md").read_text(encoding="utf-8")


def body(name: str) -> str:
    return text(name).split("\n---\n", 1)[1]


def all_files() -> list[Path]:
    return [POSTS / f"{n}.md" for n in ARTICLES] + [ROOT / "docs" / "verhalen" / "index.md", VOICES_PAGE]


@pytest.mark.parametrize("name", ARTICLES)
def test_an_article_ends_with_where_it_appeared_without_a_date(name):
    """The publication gives no date: 'begin 2025' in the text was an inference. The story's
    dating ('begin 2025', front matter) is shown in the byline; the colofon says it is derived."""
    assert text(name).rstrip().splitlines()[-1] == ARTICLE_SOURCE_LINE
    assert "begin 2025" not in body(name)


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


def test_the_overview_page_says_what_is_there_rather_than_where_to_click():
    content = (ROOT / "docs" / "verhalen" / "index.md").read_text(encoding="utf-8").lower()
    assert "hieronder" not in content and "klik" not in content


@pytest.mark.parametrize("name", ARTICLES)
def test_running_text_is_plain_dutch(name):
    """B1: at most 15 words per sentence on average, at most 8 % of sentences over 25 words."""
    lengths = sentence_lengths(body(name))
    assert lengths
    assert shortfall(lengths) is None, f"{name}: {shortfall(lengths)}"
