"""Stories (part a): faithful to the publication, plain Dutch (B1), one name per circle, one style of quotes.

The stories are Wendy de Hoog's article on the Regionale Investeringsagenda, the reportage on the
Ontwerpend onderzoek NOVEX, the interview with Theo Hermsen and Babine Scholten, the Gebied Centraal
reportage on 'bodemverbeteraars' and Klaas Veenma's column. Each test reads the files from disk, so
it runs without a build; the readability test uses the same rules as `make leesbaarheid`.
"""

from __future__ import annotations

import re

import pytest

from sitebuild import sentence_lengths
from storytext import after_more, blockquotes, body, text
from macros.leesbaarheid import sentences, shortfall, words

ARTICLES = [
    "het-ach-en-wee-van-een-gebiedsportemonnee",
    "zoeken-naar-de-oplossing-van-de-ruimtelijke-puzzel",
    "zonder-leren-geen-presteren",
    "op-zoek-naar-bodemverbeteraars",
    "de-gedragsintentiekloof",
]







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
    # Who (not) spoke is a research note (page 'Verantwoording'); the quotes stand without a name.
    assert "geen naam van een spreker" not in body("op-zoek-naar-bodemverbeteraars")
    assert "> — " not in body("op-zoek-naar-bodemverbeteraars")


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


def test_the_gebied_centraal_reportage_keeps_its_facts():
    content = body("op-zoek-naar-bodemverbeteraars")
    for fact in ("'Dieper wortelen'", "provincie Utrecht", "Peelvenen", "drie 'broedplaatsen'", "volhoudbare landbouw",
                 "Transitieschool Landelijk Gebied", "Reflectieve Monitoring", "Planbureau voor de Leefomgeving",
                 "de VU en de WUR", "boeren, burgers, bedrijven, buitenlui, bestuurders en 'beambten'"):
        assert fact in content, fact


def test_the_ria_article_is_told_without_naming_its_author_in_every_paragraph():
    """The byline says it is Wendy de Hoog's article, retold: her pull quotes carry no name and the
    text does not keep saying 'schrijft De Hoog'."""
    content = after_more("het-ach-en-wee-van-een-gebiedsportemonnee")
    assert "De Hoog" not in content and "Wendy" not in content
    quotes = blockquotes("het-ach-en-wee-van-een-gebiedsportemonnee")
    assert quotes[:3] == [
        "'Regio's die structureel rond een gezamenlijke agenda samenwerken, brengen beter tastbare resultaten tot stand'",
        "'Het ontwikkelen van een RIA is vooral een gezamenlijke zoektocht'",
        "'Laten we samen blijven leren om te kunnen leveren!'",
    ]


def test_the_ria_article_keeps_its_lists_and_sources():
    content = body("het-ach-en-wee-van-een-gebiedsportemonnee")
    for item in ("1. **gezamenlijke verkenning**", "2. **gedeeld regionaal perspectief met gebiedsprogramma**",
                 "3. **afwegingskader en prioritering**", "4. **investeringsopgave**",
                 "5. **uitvoerings- en investeringsagenda**",
                 "- **Leer door te doen:** bouw momenten in om samen te leren en reflecteren op het proces en de inhoud;",
                 "- **Investeer in competentie ontwikkeling:**", "(Rli, 2023)", "(Dreef et al., 2024)", "tien regio's",
                 "Regeerprogramma Kabinet-Schoof (2024)", "Metropool Regio Amsterdam en Regio Twente", "NOVEX De Peel"):
        assert item in content, item


def test_the_puzzle_reportage_keeps_its_figures_and_dates():
    content = body("zoeken-naar-de-oplossing-van-de-ruimtelijke-puzzel")
    for fact in ("37.000 inwoners", "14 november 2023", "380 kV", "(augustus 2024)", "september 2023", "december 2023",
                 "'Powerport'", "Bright en BURA", "ministeries van EZK en BZK", "Wieringermeer",
                 "Beeldverhaal Hot Topic 4 'Integrale benadering van energieprojecten'"):
        assert fact in content, fact


def test_the_interview_does_not_repeat_its_byline():
    """The byline names the interviewers and the speakers with their roles."""
    content = after_more("zonder-leren-geen-presteren")
    assert "Het programmateam sprak met" not in content
    assert "regiosecretaris" not in content


def test_the_column_is_retold_in_the_authors_voice():
    """A column is retold as the author wrote it (ik/wij); the byline says it is a retelling. The author's
    exact words stand only as a pull quote in single quotes, without a name."""
    content = after_more("de-gedragsintentiekloof")
    assert "Veenma" not in content
    assert re.search(r"\b(ik|mij|me|mezelf)\b", content)
    assert blockquotes("de-gedragsintentiekloof") == [
        "'De intentie is er, maar het omzetten naar daadwerkelijk gedrag is niet altijd eenvoudig.'"]
    for fact in ("gedragsintentiekloof", "'als-dan plannen'", "bestaande gewoonten", "kleine successen vieren"):
        assert fact in content, fact


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
