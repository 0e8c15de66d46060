"""What every story of this harvest leaves out of its own text: where the original appeared and its
dating (the template shows them), notes on the sources (the page Verantwoording; make check's rule
research_notes), and explanations that talk down to its readers (provincial civil servants;
abbreviations get their tooltips)."""

from __future__ import annotations

import pytest

from macros.settings import RESEARCH_NOTES
from storytext import POSTS, SOURCE_LINE_START, body

STORIES = sorted(p.stem for p in POSTS.glob("*.md"))
TALKING_DOWN = ("Een transitie is een grote verandering", "Brede welvaart gaat over", "Een community of practice is",
                "Een praktijkgemeenschap is", "Een blauwdruk is", "Institutionele kaders zijn", "Integraal betekent",
                "Interprovinciaal Overleg (IPO)", "Een elektrolyser maakt", "Bij ontwerpend onderzoek zoeken",
                "De ruimtelijke puzzel is de vraag", "een ingewikkelde wirwar", "landbouw die je lang kunt volhouden",
                "Zij sturen in hun provincie", "Zo'n plan koppelt een stap aan een moment",
                "Transformatie betekent", "Statenleden zijn de gekozen", "Gedeputeerden zijn de dagelijks",
                "Een koepelorganisatie is een organisatie", "Committeren betekent", "Dat is armoede die",
                "een model dat steeds rondgaat", "Instrumenten zijn de hulpmiddelen", "A is de manier van werken",
                "Die puzzel is de vraag", "Infrastructuur en Waterstaat (IenW)", "HRM is het personeelsbeleid",
                "Decentraal betekent", "Structureel betekent", "PLeK is een landelijk programma",
                "Governance betekent", "De kennisfunctie is alles", "Ontwerpprincipes zijn de uitgangspunten",
                "Trekker betekent", "Dat is een gekozen bestuur", "een groep vakgenoten die samen leren")


@pytest.mark.parametrize("name", STORIES)
def test_a_story_leaves_where_it_appeared_and_its_date_to_the_template(name):
    """The template's foot line says where the original is; the byline shows the dating ('begin 2025',
    front matter, an inference the colofon explains). Neither belongs in the story's own text."""
    assert SOURCE_LINE_START not in body(name)
    assert "begin 2025" not in body(name)


@pytest.mark.parametrize("name", STORIES)
def test_a_story_holds_no_research_notes(name):
    """Notes on the source (what it does or does not say) go to the page 'Verantwoording'."""
    content = body(name)
    for phrase in RESEARCH_NOTES:
        assert phrase.lower() not in content.lower(), phrase


@pytest.mark.parametrize("name", STORIES)
def test_a_story_does_not_explain_what_its_readers_know(name):
    content = body(name)
    for phrase in TALKING_DOWN:
        assert phrase not in content, phrase
