"""Stories (part a): faithful to the publication, plain Dutch (B1), one name per circle, one style of quotes.

The stories are Wendy de Hoog's article on the Regionale Investeringsagenda, the reportage on the
Ontwerpend onderzoek NOVEX, the interview with Theo Hermsen and Babine Scholten, the Gebied Centraal
reportage on 'bodemverbeteraars' and Klaas Veenma's column. Each test reads the files from disk, so
it runs without a build; the readability test uses the same rules as `make leesbaarheid`.
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
    "het-ach-en-wee-van-een-gebiedsportemonnee",
    "zoeken-naar-de-oplossing-van-de-ruimtelijke-puzzel",
    "zonder-leren-geen-presteren",
    "op-zoek-naar-bodemverbeteraars",
    "de-gedragsintentiekloof",
]
ARTICLE_SOURCE_LINE = "*Dit artikel verscheen in de publicatie 'Kennis oogsten in het landschap van leren' van het IPO.*"


def text(name: str) -> str:
    return (POSTS / f"{name}.md").read_text(encoding="utf-8")


def body(name: str) -> str:
    return text(name).split("\n---\n", 1)[1]


def blockquotes(name: str) -> list[str]:
    """The text of each blockquote (attribution lines included), in order."""
    quotes: list[list[str]] = []
    previous = ""
    for line in body(name).splitlines():
        if line.startswith(">"):
            if not previous.startswith(">"):
                quotes.append([])
            quotes[-1].append(line.lstrip("> ").strip())
        previous = line
    return [" ".join(part for part in q if part) for q in quotes]


@pytest.mark.parametrize("name", ARTICLES)
def test_an_article_ends_with_where_it_appeared_without_a_date(name):
    """The publication gives no date: '(IPO, begin 2025)' in the text was an inference. The story's
    dating ('begin 2025', front matter) is shown in the byline; the colofon says it is derived."""
    assert text(name).rstrip().splitlines()[-1] == ARTICLE_SOURCE_LINE
    assert "begin 2025" not in body(name)


def test_the_role_of_paul_gerretsen_is_only_what_is_certain():
    """'agent Vereniging Deltametropool' is doubtful (DIGEST 4.2, L1062): keep the association only."""
    content = text("zoeken-naar-de-oplossing-van-de-ruimtelijke-puzzel")
    assert "agent" not in content.lower().split()
    assert "(agent Vereniging Deltametropool)" not in content
    assert "Paul Gerretsen (Vereniging Deltametropool)" in content
    # The colophon gives his role in the circle.
    assert "co-begeleider van de Leerkring Directeuren Ruimte" in content


def test_the_gebied_centraal_reportage_keeps_its_pull_quotes_without_an_invented_speaker():
    """The source highlights two sentences in this reportage and names no speaker for them."""
    quotes = blockquotes("op-zoek-naar-bodemverbeteraars")
    assert quotes == [
        "De vraag is hoe we een vruchtbare bodem creëren voor het met elkaar doen en leren",
        "Sluit aan bij behoeften. Een rapport is ook (vaak) nodig, maar zorg voor een doorvertaling "
        "naar de realiteit",
    ]
    assert "geen naam van een spreker" in body("op-zoek-naar-bodemverbeteraars")


def test_the_gebied_centraal_reportage_does_not_call_the_meeting_special():
    """'Een bijeenkomst in het bijzonder lichten we uit' means one meeting is singled out."""
    content = text("op-zoek-naar-bodemverbeteraars")
    assert "bijzondere bijeenkomst" not in content
    assert "Eén bijeenkomst lichten we uit." in content
    assert "(toen nog)" not in content


def test_the_ria_article_does_not_credit_the_working_group_box_to_its_author():
    """The box 'IPO-RIA werk-leergroep (2024)' follows the end of Wendy de Hoog's article."""
    intro = body("het-ach-en-wee-van-een-gebiedsportemonnee").split("<!-- more -->")[0]
    assert "wat de IPO-RIA werk-leergroep in 2024 leerde" not in intro
    assert "Daarna volgt wat de IPO-RIA werk-leergroep in 2024 deed." in intro


def test_the_gelderland_quote_has_no_lead_in_that_interprets_it():
    content = text("het-ach-en-wee-van-een-gebiedsportemonnee")
    assert "Hoe belangrijk vertrouwen daarbij is, verwoordde" not in content
    assert "> — Provincie Gelderland" in content


def test_babine_scholten_is_quoted_in_her_own_words_and_without_an_inferred_place():
    content = text("zonder-leren-geen-presteren")
    assert "> Verbinden en integraal denken is dan essentieel, maar niet altijd vanzelfsprekend." in content
    assert "samenwerkingen tussen gemeenten" not in content


@pytest.mark.parametrize("name", ARTICLES)
def test_attributions_are_short(name):
    for line in text(name).splitlines():
        if line.startswith("> — "):
            assert len(line[4:].split()) <= 6, line


@pytest.mark.parametrize("name", ARTICLES)
def test_one_name_per_circle(name):
    content = text(name)
    assert not re.search(r"[Ll]eerkring Directeuren(?! Ruimte)", content)
    assert "Werkgroep RIA" not in content
    assert not re.search(r"RIA[- ]werkgroep", content)
    assert "Planbureau Leefomgeving" not in content


@pytest.mark.parametrize("name", ARTICLES)
def test_straight_quote_marks_only(name):
    assert not set("‘’“”„") & set(text(name))


@pytest.mark.parametrize("name", ARTICLES)
def test_no_nested_brackets_in_running_text(name):
    assert not re.search(r"\([^)]*\(", text(name))


@pytest.mark.parametrize("name", ARTICLES)
def test_running_text_is_plain_dutch(name):
    """B1: at most 15 words per sentence on average, at most 8 % of sentences over 25 words."""
    lengths = sentence_lengths(body(name))
    assert lengths
    assert shortfall(lengths) is None, f"{name}: {shortfall(lengths)}"
