"""Reading aids (issue 14, part 5): the A–Z order and jump list of the glossary and the people page."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from macros import render
from macros.templates import Templates, strings
from macros.models import Person, Term
from macros.routes import Routes
from macros.settings import Settings
from macros.text import index_letter, sort_key

TO = Routes(Settings(root=Path("."))).at("kennisbank/mensen/")
TPL = Templates(None, strings())
EVIL = '<script>alert("x")</script>'


def soup(html) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def term(word: str, **fields) -> Term:
    return Term(id=f"t-{sort_key(word)[0] or 'x'}-{len(word)}", term=word, explanation="Uitleg.", **fields)


def test_dutch_dictionary_order_ignores_case_accents_and_signs():
    words = ["Zee", "ijs", "Eerste", "één", "(V)RO", "1-9-90", "beta", "Alpha", "ABC", "Ik", "VU", "BZK FLEX", "BZK"]
    assert sorted(words, key=sort_key) == [
        "1-9-90", "ABC", "Alpha", "beta", "BZK", "BZK FLEX", "één", "Eerste", "ijs", "Ik", "(V)RO", "VU", "Zee"]


def test_the_letter_a_text_is_filed_under():
    assert [index_letter(w) for w in ["ambassadeur", "Één", "(V)RO", "IJssel", "1-9-90", "…"]] == \
        ["A", "E", "V", "I", "0–9", "0–9"]


def test_the_glossary_has_a_jump_list_and_a_heading_per_letter():
    terms = [term(w, expansion="Voluit") for w in ["ipo", "BZK", "Aanpak", "1-9-90", "bestuur", "abc", "Ómnium"]]
    page = soup(render.glossary(TPL, terms))
    nav = page.find("nav")
    assert nav["aria-label"] == "Begrippen per letter"
    letters = [a.get_text() for a in nav.find_all("a")]
    assert letters == ["0–9", "A", "B", "I", "O"]  # only letters that have terms, digits first
    headings = page.find_all("h2")
    assert [h.get_text() for h in headings] == letters
    assert [a["href"] for a in nav.find_all("a")] == [f"#{h['id']}" for h in headings]
    assert headings[1]["id"] == "letter-a" and headings[0]["id"] == "letter-0-9"
    under = {h.get_text(): [dt.strong.get_text() for dt in h.find_next_sibling("dl").find_all("dt")] for h in headings}
    assert under == {"0–9": ["1-9-90"], "A": ["Aanpak", "abc"], "B": ["bestuur", "BZK"], "I": ["ipo"], "O": ["Ómnium"]}
    assert not page.find_all(["h1", "h3"])  # the page's h1, then h2 letters; the terms are <dt>, not headings


def test_the_people_page_is_a_z_by_surname_with_name_role_and_places():
    people = [Person(id="pvdb", name="Peter van der Broek", description="Gelderland"),
              Person(id="jb", name="Jordy Broekmeulen", description="programmasecretaris"),
              Person(id="ak", name="Anneke Knol")]
    found = {"pvdb": [render.Appearance("Verhaal", "De liefde voor kennis", "verhalen/stem/"),
                      render.Appearance("Colofon", "Teksten", "over/colofon/#colofon-teksten")]}
    page = soup(render.people_index(TPL, people, found, TO))
    assert page.find("nav")["aria-label"] == "Mensen per letter"
    assert [a.get_text() for a in page.find("nav").find_all("a")] == ["B", "K"]
    assert [h.get_text() for h in page.find_all(["h2", "h3"])] == [
        "B", "Peter van der Broek", "Jordy Broekmeulen", "K", "Anneke Knol"]  # 'Broek' before 'Broekmeulen'
    card = page.find("h3", id="pvdb").parent
    assert card.select_one(".ko-person__role").get_text() == "Gelderland"
    links = card.select(".ko-person__links a")
    # The link text says where it leads, also out of context (a hidden colon after the kind).
    assert [" ".join(a.get_text().split()) for a in links] == ["Verhaal: De liefde voor kennis", "Colofon: Teksten"]
    assert [a["href"] for a in links] == ["../../verhalen/stem/", "../../over/colofon/#colofon-teksten"]
    assert page.find("h3", id="ak").parent.select_one(".ko-person__links") is None  # no places, no empty list


def test_glossary_and_people_make_hostile_text_inert():
    for html in (render.glossary(TPL, [Term.model_construct(id="t", term=EVIL, expansion=EVIL, explanation=EVIL,
                                                       source=EVIL, common_meaning=False)]),
                 render.people_index(TPL, [Person.model_construct(id="p", name=EVIL, description=EVIL)],
                                     {"p": [render.Appearance(EVIL, EVIL, "x/")]}, TO)):
        assert soup(html).find("script") is None and EVIL in soup(html).get_text()
