"""View models: validated records → the plain values one component's template needs → its markup.

Python prepares, templates write: every function here gathers what one component shows (records,
addresses from `to`, the routes placed at the page being rendered) and hands it to its template in
overrides/ko/ (macros/templates.py), which writes the HTML, escaped. No HTML is built here. Sections
that need headings in the table of contents (principles, timeline, themes) come from Markdown
templates (*.md); the rest is HTML that needs no second Markdown pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Iterable, Sequence, TypeVar

from markupsafe import Markup, escape

from . import icons
from .models import (
    Advice,
    Circle,
    ColophonGroup,
    Comparison,
    Goal,
    ItemList,
    KeyFigure,
    Person,
    Principle,
    Quote,
    Role,
    Source,
    Table,
    Term,
    Theme,
    TimelineEvent,
)
from .routes import Routes, source_notes_anchor
from .templates import Templates, fill
from .text import index_letter, sort_key

T = TypeVar("T")

# The anchor of the principle tiles: "all principles" leads there.
PRINCIPLE_TILES = "basisprincipes"


@dataclass(frozen=True)
class StoryLink:
    """What a listing needs of a story: no I/O, no MkDocs."""

    title: str
    url: str      # from the site root (routes.Routes.story)
    dating: str   # '14 maart 2025', or 'begin 2025' when only that is known (models.Story.dating_label)
    dating_iso: str  # for <time datetime>: '2025-03-14', or '2025'
    kind: str
    authors: tuple[str, ...]
    description: str
    speakers: tuple[str, ...] = ()   # who speaks, in an interview
    retold: bool = False             # retold by the web edition's editors (models.Story.retelling)


@dataclass(frozen=True)
class Appearance:
    """Where a person appears: the kind of place ('Verhaal'), a label and a link."""

    kind: str     # Leerkring, Colofon, Verhaal, Tijdlijn
    label: str
    url: str      # from the site root


# ---------------------------------------------------------------------------
# The home page and its parts
# ---------------------------------------------------------------------------


def subtitle(tpl: Templates, text: str) -> Markup:
    """The publication's subtitle under the title of the home page."""
    return tpl.render("ko/subtitle.html", text=text)


def hero(tpl: Templates, title: str, standfirst: str, publisher: str, published: str,
         actions: Sequence[tuple[str, str]] = ()) -> Markup:
    """The opening of the home page; `actions` are (text, address) pairs, the first the main one."""
    return tpl.render("ko/hero.html", title=title, standfirst=standfirst, publisher=publisher, published=published,
                      actions=[{"label": label, "href": href} for label, href in actions])


def featured_story(tpl: Templates, story: StoryLink, circles: Sequence[Circle], to: Routes) -> Markup:
    """One story, given room on the home page, in the colour of its (first) circle."""
    return tpl.render("ko/featured-story.html", story={
        "kind": tpl.words["kinds"]["story"][story.kind], "circles": [c.category for c in circles],
        "url": to.link(story.url), "title": story.title, "description": story.description,
        "authors": story.authors, "dating": story.dating, "dating_iso": story.dating_iso,
        "color": circles[0].color if circles else None})


def key_figures(tpl: Templates, figures: Sequence[KeyFigure], intro: str | None = None) -> Markup:
    return tpl.render("ko/key-figures.html", figures=figures, intro=intro)


# ---------------------------------------------------------------------------
# Facts, lists and tables
# ---------------------------------------------------------------------------


def advice_facts(tpl: Templates, advice: Advice) -> Markup:
    return tpl.render("ko/advice-facts.html", advice=advice)


def circle_facts(tpl: Templates, circle: Circle, people: dict[str, Person], goal: Goal | None) -> Markup:
    return tpl.render("ko/circle-facts.html", circle=circle, goal=goal,
                      guides=[(people[g.person], g.role) for g in circle.guides],
                      ambassador=people[circle.ambassador] if circle.ambassador else None)


def source_facts(tpl: Templates, source: Source, themes: Sequence[Theme], to: Routes) -> Markup:
    """The metadata of a source; a link to its notes on the page Verantwoording where it has any."""
    notes = bool(source.notes or source.date_note)
    return tpl.render("ko/source-facts.html", source=source,
                      themes=[{"href": to.theme(t.id), "title": t.title} for t in themes],
                      accountability=to.source_notes(source.id) if notes else None)


def bullet_list(tpl: Templates, texts: Sequence[str], ordered: bool = False, block: str = "list") -> Markup:
    return tpl.render("ko/list.html", texts=texts, ordered=ordered, block=block)


def emphasis(text: str) -> list[tuple[str, bool]]:
    """The source's bold words, marked **so** in the data, as (text, bold) segments; with an unpaired
    marker, the text as it is."""
    parts = str(text).split("**")
    if len(parts) % 2 == 0:
        return [(text, False)]
    return [(part, bool(i % 2)) for i, part in enumerate(parts)]


def item_list(tpl: Templates, items: ItemList) -> Markup:
    """A titled list from the sources, with the source's bold words."""
    return tpl.render("ko/item-list.html", list=items,
                      items=[{"title": item.title, "segments": emphasis(item.text)} for item in items.items])


def roles_table(tpl: Templates, roles: Sequence[Role]) -> Markup:
    return tpl.render("ko/roles-table.html", roles=roles)


def comparison(tpl: Templates, comp: Comparison) -> Markup:
    """Any two-column comparison as a real table with caption and column headers."""
    return tpl.render("ko/comparison.html", comparison=comp)


def table_of(tpl: Templates, table: Table) -> Markup:
    """Any number of columns; the first cell of each row heads that row."""
    return tpl.render("ko/data-table.html", data=table)


def number_word(tpl: Templates, count: int) -> str:
    """'zeven' for 7 (up to twelve, strings.yml number_words), else the digits."""
    return str(tpl.words["number_words"].get(str(count), count))


def goal_questions(tpl: Templates, goals: Sequence[Goal]) -> Markup:
    return bullet_list(tpl, [g.question for g in sorted(goals, key=lambda g: g.number)], ordered=True, block="goals")


def goals_table(tpl: Templates, goals: Sequence[Goal], circles: dict[str, Circle], to: Routes) -> Markup:
    rows = [{"goal": g, "circles": [{"href": to.circle(c), "name": circles[c].name} for c in g.circles]}
            for g in sorted(goals, key=lambda g: g.number)]
    return tpl.render("ko/goals-table.html", rows=rows, count=number_word(tpl, len(goals)))


# ---------------------------------------------------------------------------
# Principles
# ---------------------------------------------------------------------------


def principle_cards(tpl: Templates, principles: Sequence[Principle], to: Routes) -> Markup:
    """Tiles, each with its icon and number, linking to its principle: its own page when there are
    principle pages, else its section. On paper the link goes to the section (pdf.PRINT_HREF)."""
    cards = []
    for p in sorted(principles, key=lambda p: p.number):
        href = to.principle(p.id)
        cards.append({"number": p.number, "title": p.title, "short": p.short, "href": href,
                      "icon": icons.svg(p.icon), "printed": None if href.endswith(f"#{p.id}") else f"#{p.id}"})
    return tpl.render("ko/principle-cards.html", cards=cards, anchor=PRINCIPLE_TILES)


def principle_sections(tpl: Templates, principles: Sequence[Principle], level: int = 2,
                       stories: dict[str, Sequence[StoryLink]] | None = None, to: Routes | None = None,
                       searchable: bool = True) -> str:
    """Markdown: one heading per principle (so it enters the table of contents) + its text, followed
    by the stories that illustrate it. Not `searchable` when each principle has a page of its own:
    then search finds the principle there, not twice (Pagefind skips data-pagefind-ignore)."""
    sections = [{"principle": p, "stories": [{"url": to.link(s.url) if to else s.url, "title": s.title}
                                             for s in (stories or {}).get(p.id, ())]}
                for p in sorted(principles, key=lambda p: p.number)]
    return str(tpl.render("ko/principle-sections.md", sections=sections, level=level, searchable=searchable))


def all_principles_label(tpl: Templates, count: int) -> str:
    """'Alle zeven basisprincipes' (the number in words up to twelve)."""
    if count == 1:
        return tpl.words["principles"]["all_one"]
    return fill(tpl.words["principles"]["all_many"], count=number_word(tpl, count))


def principle_page(tpl: Templates, principle: Principle, principles: Sequence[Principle],
                   stories: Sequence[StoryLink], to: Routes, level: int = 2, show_dating: bool = True,
                   roles: Sequence[Role] = ()) -> str:
    """Markdown for a principle's own page: icon and number, lead, explanation, the roles that belong
    to it (data/rollen.yml, `principle`), its stories and the way to the previous and next principle
    and back to all of them."""
    ordered = sorted(principles, key=lambda p: p.number)
    at = ordered.index(principle)
    words = tpl.words["principles"]
    neighbours = [(ordered[at - 1] if at > 0 else None, "prev", words["previous"]),
                  (ordered[at + 1] if at + 1 < len(ordered) else None, "next", words["next"])]
    steps = [{"principle": p, "rel": rel, "label": label, "href": to.principle(p.id) if p else None}
             for p, rel, label in neighbours]
    return str(tpl.render(
        "ko/principle-page.md", principle=principle, principle_icon=icons.svg(principle.icon), count=len(ordered),
        level=level, stories=story_list(tpl, stories, to, words["no_stories"], show_dating), steps=steps,
        roles=roles_table(tpl, roles) if roles else None,
        all_href=to.principles(PRINCIPLE_TILES), all_label=all_principles_label(tpl, len(ordered))))


# ---------------------------------------------------------------------------
# Circles, cards, timeline, quotes, colophon
# ---------------------------------------------------------------------------


def circle_cards(tpl: Templates, circles: Sequence[Circle], to: Routes) -> Markup:
    return tpl.render("ko/circle-cards.html", circles=[{"circle": c, "href": to.circle(c.id)} for c in circles])


def source_cards(tpl: Templates, sources: Sequence[Source], to: Routes) -> Markup:
    return tpl.render("ko/source-cards.html", sources=[{"source": s, "href": to.source(s.id)} for s in sources])


def _events(events: Sequence[TimelineEvent], circles: dict[str, Circle], to: Routes, show_circle: bool) -> list[dict]:
    return [{"event": e, "circle": {"href": to.circle(e.circle), "name": circles[e.circle].name}
             if show_circle and e.circle else None} for e in events]


def timeline_items(tpl: Templates, events: Sequence[TimelineEvent], circles: dict[str, Circle], to: Routes,
                   show_circle: bool = True) -> Markup:
    """The events as an ordered list, each with a date of the source's precision."""
    return tpl.render("ko/timeline-events.html", events=_events(events, circles, to, show_circle))


def timeline(tpl: Templates, events: Sequence[TimelineEvent], circles: dict[str, Circle], to: Routes,
             level: int = 2) -> str:
    """Markdown: a heading per year (in the table of contents) followed by that year's events."""
    years = [{"year": year, "events": _events(list(group), circles, to, True)}
             for year, group in groupby(events, key=lambda e: e.date.year)]
    return str(tpl.render("ko/timeline.md", years=years, level=level))


def quote(tpl: Templates, q: Quote, person: Person | None) -> Markup:
    return tpl.render("ko/quote.html", quote=q, person=person)


def voices(tpl: Templates, quotes: Sequence[Quote], people: dict[str, Person], circles: dict[str, Circle],
           to: Routes) -> Markup:
    return tpl.render("ko/voices.html", voices=[
        {"quote": q, "person": people.get(q.person) if q.person else None,
         "circle": {"href": to.circle(q.circle), "name": circles[q.circle].name} if q.circle else None}
        for q in quotes])


def colophon(tpl: Templates, groups: Sequence[ColophonGroup], people: dict[str, Person]) -> Markup:
    return tpl.render("ko/colophon.html", groups=[
        {"group": g, "members": [(people[m.person], m.note) for m in g.members]} for g in groups])


# ---------------------------------------------------------------------------
# Stories and downloads
# ---------------------------------------------------------------------------


def feed_link(tpl: Templates, to: Routes) -> Markup:
    return tpl.render("ko/feed-link.html", href=to.feed())


def pdf_link(tpl: Templates, href: str, size: str | None = None) -> Markup:
    """The download link of the print edition; the PDF step renders it again with the size."""
    return tpl.render("ko/pdf-link.html", href=href, size=size)


def story_list(tpl: Templates, stories: Sequence[StoryLink], to: Routes, empty: str | None = None,
               show_dating: bool = True) -> Markup:
    """A list of stories with kind, date (when dates tell something: `show_dating`), authors and the
    one-sentence summary."""
    kinds = tpl.words["kinds"]["story"]
    return tpl.render("ko/story-list.html", empty=empty or tpl.words["stories"]["none"], show_dating=show_dating, stories=[
        {"url": to.link(s.url), "title": s.title, "kind": kinds.get(s.kind, s.kind), "dating": s.dating,
         "dating_iso": s.dating_iso, "authors": s.authors, "description": s.description} for s in stories])


def story_overview(tpl: Templates, published: Sequence[StoryLink], added: Sequence[StoryLink], to: Routes,
                   show_dating: bool) -> Markup:
    """The stories overview: the publication's in its order, then those added later, newest first."""
    return tpl.render("ko/story-overview.html", published=story_list(tpl, published, to, show_dating=show_dating),
                      added=story_list(tpl, added, to, show_dating=show_dating) if added else None)


def contents(tpl: Templates, publication, added: Sequence[StoryLink], to: Routes, show_dating: bool = True) -> Markup:
    """The page Inhoud: the front pages, each part with its units (number, title, kind, reading time,
    one line of description), then the stories added later."""
    def unit(u) -> dict:
        return {"number": u.number, "title": u.title, "kind": u.kind, "minutes": u.minutes, "depth": u.depth,
                "description": u.description, "href": to.link(u.url) if u.page else None}
    return tpl.render("ko/contents.html", front=[unit(u) for u in publication.front],
                      parts=[{"number": part.number, "title": part.title, "units": [unit(u) for u in units]}
                             for part, units in publication.parts],
                      added=story_list(tpl, added, to, show_dating=show_dating) if added else None)


# ---------------------------------------------------------------------------
# Knowledge library
# ---------------------------------------------------------------------------


def letter_id(letter: str) -> str:
    """The anchor of a letter in an A–Z index: 'A' → 'letter-a', '0–9' → 'letter-0-9'."""
    return "letter-" + re.sub(r"[^a-z0-9]+", "-", letter.lower()).strip("-")


def by_letter(items: Iterable[T], words: Callable[[T], Sequence[str]]) -> list[tuple[str, list[T]]]:
    """Items in Dutch dictionary order (text.sort_key), word by word of `words` (a surname, then the
    whole name), grouped by the letter the first word is filed under; '0–9' (digits, signs) first."""
    ordered = sorted(items, key=lambda item: [sort_key(w) for w in words(item)])
    return [(letter, list(group)) for letter, group in groupby(ordered, key=lambda item: index_letter(words(item)[0]))]


def _letter(letter: str) -> dict:
    return {"letter": letter, "id": letter_id(letter)}


def glossary(tpl: Templates, terms: Sequence[Term], first: dict[str, tuple[str, str]] | None = None,
             to: Routes | None = None) -> Markup:
    """The terms of the publication A–Z, with a heading per letter, a jump list and where each first
    occurs (`first`: term id → (title, address from the site root)); then, collapsed, the terms that
    occur only in the knowledge library's sources. Without `first`, every term is in the first part."""
    def entry(term: Term) -> dict:
        title, url = first.get(term.id, ("", "")) if first else ("", "")
        return {"term": term, "first_title": title, "first_href": to.link(url) if title and to else ""}

    in_publication = [t for t in terms if first is None or t.id in first]
    library = [t for t in terms if first is not None and t.id not in first]
    groups = [{"letter": _letter(letter), "entries": [entry(t) for t in group]}
              for letter, group in by_letter(in_publication, lambda t: (t.term,))]
    return tpl.render("ko/glossary.html", groups=groups,
                      library=[entry(t) for t in sorted(library, key=lambda t: sort_key(t.term))])


def abbreviation_titles(tpl: Templates, terms: Sequence[Term]) -> dict[str, str]:
    """Tooltip text per abbreviation: its expansion (doubts about it are on the page Verantwoording)."""
    return {t.term: t.expansion for t in terms if t.tooltip and t.expansion}


_TAG = re.compile(r"(<[^>]*>)")


class Abbreviations:
    """Wraps abbreviations in text (never in tags or attributes, never twice) with their tooltip
    (ko/abbr.html, rendered once per term). Markdown's abbr extension does this for Markdown text; this
    does it for the HTML that the templates make, which Markdown leaves alone."""

    def __init__(self, tpl: Templates, titles: dict[str, str]) -> None:
        # Text between tags is escaped HTML: match each term in its escaped form ('I&amp;W').
        escaped = {str(escape(term)): term for term in titles}
        self.marked = {form: str(tpl.render("ko/abbr.html", term=term, title=titles[term]))
                       for form, term in escaped.items()}
        words = sorted(escaped, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])") \
            if words else None

    def __call__(self, html: str) -> str:
        if self.pattern is None:
            return html
        out = []
        inside = 0
        for part in _TAG.split(str(html)):
            if part.startswith("<"):
                lowered = part.lower()
                if lowered.startswith("<abbr"):
                    inside += 1
                elif lowered.startswith("</abbr"):
                    inside -= 1
                out.append(part)
            elif inside:
                out.append(part)
            else:
                out.append(self.pattern.sub(lambda m: self.marked[m.group(1)], part))
        result = "".join(out)
        return Markup(result) if isinstance(html, Markup) else result


def surname(name: str) -> str:
    """What a Dutch index files a name under: the last word, without 'van der' ('Peter van der Broek' → 'Broek')."""
    return name.split()[-1]


def people_index(tpl: Templates, people: Sequence[Person], appearances: dict[str, Sequence[Appearance]],
                 to: Routes) -> Markup:
    """Everyone in the publication, A–Z by surname: name, role, and every place the reader meets them."""
    groups = [{"letter": _letter(letter), "entries": [
        {"person": p, "appearances": [{"kind": a.kind, "label": a.label, "href": to.link(a.url)}
                                      for a in appearances.get(p.id, ())]} for p in group]}
              for letter, group in by_letter(people, lambda p: (surname(p.name), p.name))]
    return tpl.render("ko/people.html", groups=groups)


def theme_sections(tpl: Templates, themes: Sequence[Theme], stories: dict[str, Sequence[StoryLink]],
                   sources: dict[str, Sequence[Source]], to: Routes, level: int = 2, show_dating: bool = True) -> str:
    """Markdown: a heading per theme, then its sources and stories."""
    empty = tpl.words["stories"]["none_theme"]
    items = [{"theme": t, "sources": [{"href": to.source(s.id), "title": s.short_title} for s in sources.get(t.id, ())],
              "stories": story_list(tpl, stories.get(t.id, ()), to, empty, show_dating)} for t in themes]
    return str(tpl.render("ko/themes.md", themes=items, level=level))


def research_notes(tpl: Templates, terms: Sequence[Term], circles: Sequence[Circle], people: Sequence[Person],
                   events: Sequence[TimelineEvent], sources: Sequence[Source], to: Routes, level: int = 2) -> Markup:
    """The notes of the data on the page Verantwoording, each with what it is about: what the sources
    leave uncertain about terms, people, events and documents, the other names they use for the
    circles, the abbreviations they do not write out, and how undated documents were dated."""
    return tpl.render(
        "ko/research-notes.html", level=level,
        terms=[{"term": t.term, "expansion": t.expansion, "note": t.note} for t in terms if t.note],
        common=[t.term for t in sorted(terms, key=lambda t: sort_key(t.term)) if t.common_meaning],
        circles=[{"name": c.name, "href": to.circle(c.id), "aliases": c.aliases} for c in circles if c.aliases],
        people=[{"name": p.name, "note": p.note} for p in people if p.note],
        events=[{"title": e.title, "date": e.date.label, "href": to.timeline_event(e.id), "note": e.note}
                for e in events if e.note],
        sources=[{"id": source_notes_anchor(s.id), "title": s.short_title, "href": to.source(s.id),
                  "date_note": s.date_note, "notes": s.notes} for s in sources if s.notes or s.date_note])


def web_edition(tpl: Templates, title: str, publisher: str, original_url: str | None, accountability: str,
                level: int = 2) -> Markup:
    """The part 'Over deze webeditie' of the colophon."""
    return tpl.render("ko/web-edition.html", title=title, publisher=publisher, original_url=original_url,
                      accountability=accountability, level=level)


def page_byline(tpl: Templates, people: Sequence[Person], kind: str, editors: str) -> Markup:
    """A retold page's byline (ko/page-byline.html): the sentence of a story's byline, and the roles."""
    return tpl.render("ko/page-byline.html", people=people, kind=kind, editors=editors)
