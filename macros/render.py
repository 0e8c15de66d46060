"""Pure render functions: validated models → HTML (or Markdown for headed sections).

Every value passes through `el()`/`escape()`, so text from data is always inert.
The HTML is complete in itself: it needs no second Markdown pass (no `md_in_html`).
Links come from `to`, the routes placed at the page being rendered (routes.Routes.at), so
every address is made in one place and is relative to that page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Iterable, Sequence, TypeVar

from markupsafe import Markup, escape

from .models import (
    CIRCLE_KINDS,
    MONTHS_NL,
    SOURCE_KINDS,
    STORY_KINDS,
    TIMELINE_KINDS,
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
from . import icons
from .routes import Routes
from .text import index_letter, sort_key

PREFIX = "ko"

T = TypeVar("T")


Content = str | Markup | Iterable["Content"] | None


def _flatten(content: Content) -> Markup:
    if content is None:
        return Markup("")
    if isinstance(content, (str, Markup)):
        return escape(content)
    return Markup("").join(_flatten(c) for c in content)


VOID_ELEMENTS = frozenset({"br", "hr", "img", "meta", "link"})


def el(tag: str, content: Content = None, **attrs: str | None) -> Markup:
    """One HTML element; attribute names use '_' for '-' and a trailing '_' for keywords."""
    rendered = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not None
    )
    if tag in VOID_ELEMENTS:
        return Markup(f"<{tag}{rendered}>")
    return Markup(f"<{tag}{rendered}>") + _flatten(content) + Markup(f"</{tag}>")


def cls(block: str, element: str | None = None, modifier: str | None = None) -> str:
    """BEM classes with the project prefix: cls('card', 'title') → 'ko-card__title';
    a modifier comes with its base class: cls('table', None, 'roles') → 'ko-table ko-table--roles'."""
    name = f"{PREFIX}-{block}"
    if element:
        name += f"__{element}"
    if modifier:
        return f"{name} {name}--{modifier}"
    return name


def paragraphs(texts: Sequence[str], **attrs: str | None) -> Markup:
    return Markup("").join(el("p", t, **attrs) for t in texts)


def link(href: str, content: Content, **attrs: str | None) -> Markup:
    return el("a", content, href=href, **attrs)


def md_escape(text: str) -> str:
    """Make text inert inside Markdown: HTML escaped, Markdown punctuation backslashed."""
    out = str(escape(text))
    for char in "\\`*_[]#|~":
        out = out.replace(char, "\\" + char)
    return out


# ---------------------------------------------------------------------------
# Components
# ---------------------------------------------------------------------------


def subtitle(text: str) -> Markup:
    """The publication's subtitle under the title of the home page."""
    return el("p", el("strong", text), class_=cls("subtitle"))


def hero(title: str, standfirst: str, publisher: str, published: str, published_note: str | None,
         colophon: str, actions: Sequence[tuple[str, str]] = ()) -> Markup:
    """The opening of the home page: who publishes it and when, the title, the standfirst and its
    buttons (text, address; the first is the main one). When the source gives no date, the note
    says so and links to the colophon, which explains it."""
    when: list[Content] = [published]
    if published_note:
        when += [" (", link(colophon, published_note), ")"]
    buttons = [link(href, label, class_="md-button md-button--primary" if i == 0 else "md-button")
               for i, (label, href) in enumerate(actions)]
    return el("div", [
        el("p", [f"Een uitgave van {publisher}", el("span", " · ", aria_hidden="true", class_=cls("hero", "sep")),
                 el("span", when)], class_=cls("hero", "kicker")),
        el("h1", title, class_=cls("hero", "title")),
        el("p", standfirst, class_=cls("hero", "standfirst")),
        el("p", Markup(" ").join(buttons), class_=cls("hero", "actions")) if buttons else None,
    ], class_=cls("hero"))


def featured_story(story: "StoryLink", circles: Sequence[Circle], to: Routes) -> Markup:
    """One story, given room on the home page: its kind and circle above, title, summary, byline."""
    above: list[Content] = [STORY_KINDS[story.kind]]
    for circle in circles:
        above += [" · ", circle.category]
    byline: list[Content] = []
    if story.authors:
        byline += ["Door ", _joined([escape(a) for a in story.authors]), " · "]
    byline.append(el("time", story.dating, datetime=story.dating_iso))
    return el("article", [
        el("p", above, class_=cls("featured", "kind")),
        el("h3", link(to.link(story.url), story.title, class_=cls("featured", "link")), class_=cls("featured", "title")),
        el("p", story.description, class_=cls("featured", "summary")),
        el("p", byline, class_=cls("featured", "byline")),
    ], **_colored(cls("featured"), circles[0].color if circles else None))


def key_figures(figures: Sequence[KeyFigure], intro: str | None = None) -> Markup:
    """The key figures as a list of value + label pairs."""
    items = [
        el("li", [el("span", f.value, class_=cls("figures", "value")), " ",
                  el("span", f.label, class_=cls("figures", "label"))],
           class_=cls("figures", "item"))
        for f in figures
    ]
    head = el("p", intro, class_=cls("figures", "intro")) if intro else Markup("")
    return el("div", [head, el("ul", items, class_=cls("figures", "list"))], class_=cls("figures"))


def definition_list(rows: Iterable[tuple[str, Content]], block: str, color: str | None = None) -> Markup:
    """A <dl> of label → value pairs; rows with an empty value are left out. With a `color` (a
    circle's, validated #rrggbb) the list is marked in it."""
    parts = []
    for label, value in rows:
        if value:
            parts += [el("dt", label), el("dd", value)]
    return el("dl", parts, **_colored(cls(block), color))


def _colored(css_class: str, color: str | None) -> dict[str, str | None]:
    """The class and style of an element in a circle's own colour (the stylesheet reads --ko-circle)."""
    if not color:
        return {"class_": css_class}
    return {"class_": f"{css_class} {css_class.split()[0]}--circle", "style": f"--ko-circle: {color}"}


def advice_facts(advice: Advice) -> Markup:
    presented = [el("time", advice.presented.label, datetime=advice.presented.iso)]
    if advice.presented_where:
        presented += [", ", advice.presented_where]
    return definition_list(
        [
            ("Titel", advice.title),
            ("Van", advice.author),
            ("Aan", advice.addressee),
            ("Gepresenteerd", presented),
            ("Adviesvraag", el("q", advice.question)),
            ("Wensbeeld", advice.wish),
        ],
        "facts",
    )


def bullet_list(texts: Sequence[str], ordered: bool = False, block: str = "list") -> Markup:
    return el("ol" if ordered else "ul", [el("li", t) for t in texts], class_=cls(block))


def emphasis(text: str) -> Markup:
    """Text with the source's bold words marked **so**: escaped, and the marked words in <strong>."""
    parts = str(text).split("**")
    if len(parts) % 2 == 0:  # an unpaired marker: the text as it is
        return Markup(escape(text))
    return Markup("").join(el("strong", part) if i % 2 else Markup(escape(part)) for i, part in enumerate(parts))


def item_list(items: ItemList) -> Markup:
    """A titled list from the sources; items with a title show it in bold before the text, and words
    the source sets in bold inside a sentence are marked **so** in the data."""
    lis = []
    for item in items.items:
        if item.title:
            lis.append(el("li", [el("strong", item.title), ": " if item.text else "", emphasis(item.text)]))
        else:
            lis.append(el("li", emphasis(item.text)))
    parts = [el("p", items.intro)] if items.intro else []
    parts.append(el("ol" if items.ordered else "ul", lis, class_=cls("list", None, items.id)))
    if items.source:
        parts.append(el("p", ["Bron: ", items.source], class_=cls("list", "source")))
    return el("div", parts, class_=cls("list"))


# The anchor of the principle tiles: "all principles" leads there.
PRINCIPLE_TILES = "basisprincipes"
NUMBER_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen",
                10: "tien", 11: "elf", 12: "twaalf"}


def principle_icon(principle: Principle, element: str = "icon") -> Markup:
    """The principle's icon (data/principes.yml icon), inline and hidden from screen readers."""
    return icons.icon(principle.icon, cls("principle", element))


def principle_cards(principles: Sequence[Principle], to: Routes) -> Markup:
    """Tiles (Material's `grid cards`), each with its icon and number, linking to its principle: its
    own page when there are principle pages, else its section. On paper the link goes to the section,
    where the printed page has it (pdf.PRINT_HREF)."""
    cards = []
    for p in sorted(principles, key=lambda p: p.number):
        href = to.principle(p.id)
        printed = f"#{p.id}" if not href.endswith(f"#{p.id}") else None
        cards.append(el("li", [
            principle_icon(p, "tile-icon"),
            el("p", [el("span", str(p.number), class_=cls("card", "number")), " ",
                     link(href, p.title, class_=cls("card", "link"), data_ko_print_href=printed)],
               class_=cls("card", "title")),
            el("p", p.short, class_=cls("card", "text")),
        ], class_=cls("card") + " " + cls("principle", "tile")))
    return el("div", el("ol", cards), class_="grid cards " + cls("principles"), id=PRINCIPLE_TILES)


def principle_sections(principles: Sequence[Principle], level: int = 2,
                       stories: dict[str, Sequence[StoryLink]] | None = None, to: Routes | None = None,
                       searchable: bool = True) -> str:
    """Markdown: one heading per principle (so it enters the table of contents) + its text,
    followed by the stories that illustrate it. Not `searchable` when each principle has a page of
    its own: then search finds the principle there, not twice (Pagefind skips data-pagefind-ignore)."""
    hashes = "#" * level
    ignore = None if searchable else ""
    blocks = []
    for p in sorted(principles, key=lambda p: p.number):
        attrs = f"#{p.id}" if searchable else f'#{p.id} data-pagefind-ignore=""'
        heading = f"{hashes} {p.number}. {md_escape(p.title)} {{ {attrs} }}"
        lead = el("p", el("strong", p.short), class_=cls("principle", "short"), data_pagefind_ignore=ignore)
        linked = (stories or {}).get(p.id, ())
        related = Markup("")
        if linked:
            related = el("div", [el("p", "Verhalen bij dit principe:", class_=cls("principle", "stories-title")),
                                 el("ul", [el("li", link(to.link(s.url) if to else s.url, s.title)) for s in linked])],
                         class_=cls("principle", "stories"), data_pagefind_ignore=ignore)
        blocks.append(f"{heading}\n\n{lead}{paragraphs(p.explanation, data_pagefind_ignore=ignore)}{related}\n")
    return "\n".join(blocks)


def all_principles_label(count: int) -> str:
    """'Alle zeven basisprincipes' (the number in words up to twelve)."""
    if count == 1:
        return "Het basisprincipe"
    return f"Alle {NUMBER_WORDS.get(count, str(count))} basisprincipes"


def _principle_step(principle: Principle | None, to: Routes, rel: str, label: str) -> Markup:
    if principle is None:
        return Markup("")
    return el("li", link(to.principle(principle.id), [
        el("span", label, class_=cls("principle-nav", "label")), el("span", ": ", class_=cls("visually-hidden")),
        el("span", principle.label, class_=cls("principle-nav", "title")),
    ], rel=rel, class_=cls("principle-nav", "link")), class_=cls("principle-nav", rel))


def principle_page(principle: Principle, principles: Sequence[Principle], stories: Sequence[StoryLink],
                   to: Routes, level: int = 2) -> str:
    """Markdown for a principle's own page, under the title the page has from its front matter: its
    icon and number, the short statement as a lead, the explanation, the stories that illustrate it
    (a heading, so it enters the table of contents) and the way to the previous and next principle
    and back to all of them."""
    ordered = sorted(principles, key=lambda p: p.number)
    at = ordered.index(principle)
    before = ordered[at - 1] if at > 0 else None
    after = ordered[at + 1] if at + 1 < len(ordered) else None
    head = el("div", [
        principle_icon(principle, "page-icon"),
        el("p", f"Basisprincipe {principle.number} van {len(ordered)}", class_=cls("principle", "kicker")),
    ], class_=cls("principle", "head"))
    lead = el("p", principle.short, class_=cls("principle", "lead"))
    body = el("div", paragraphs(principle.explanation), class_=cls("principle", "explanation"))
    hashes = "#" * level
    stories_block = story_list(stories, to, "Nog geen verhalen bij dit principe.")
    steps = [_principle_step(before, to, "prev", "Vorig principe"), _principle_step(after, to, "next", "Volgend principe")]
    nav = el("nav", [
        el("ul", steps, class_=cls("principle-nav", "steps")),
        el("p", link(to.principles(PRINCIPLE_TILES), all_principles_label(len(ordered)),
                     class_=cls("principle-nav", "all")), class_=cls("principle-nav", "back")),
    ], class_=cls("principle-nav"), aria_label="Basisprincipes", data_pagefind_ignore="")
    return (f"{head}{lead}{body}\n\n{hashes} Verhalen bij dit principe {{ #verhalen }}\n\n"
            f"{stories_block}\n\n{nav}\n")


def roles_table(roles: Sequence[Role]) -> Markup:
    rows = [el("tr", [el("th", r.title, scope="row"), el("td", r.description)]) for r in roles]
    return table("De kritische rollen in een leerkring en wat ze doen", ("Rol", "Beschrijving"), rows, "roles")


def table(caption: str, headers: Sequence[str], rows: Sequence[Markup], block: str) -> Markup:
    """A real table with caption and column headers, in a region that scrolls sideways on a narrow screen
    (WCAG 1.4.10: the page itself never does); focusable, so a keyboard can scroll it too."""
    head = el("thead", el("tr", [el("th", h, scope="col") for h in headers]))
    return el("div", el("table", [el("caption", caption), head, el("tbody", rows)], class_=cls("table", None, block)),
              class_=cls("table", "scroll"), tabindex="0", role="region", aria_label=caption)


def comparison(comp: Comparison) -> Markup:
    """Any two-column comparison as a real table with caption and column headers."""
    rows = [el("tr", [el("td", r.left), el("td", r.right)]) for r in comp.rows]
    result = table(comp.caption, (comp.left_label, comp.right_label), rows, "comparison")
    if comp.source:
        result += el("p", ["Bron: ", comp.source], class_=cls("table", "source"))
    return result


def goal_questions(goals: Sequence[Goal]) -> Markup:
    return bullet_list([g.question for g in sorted(goals, key=lambda g: g.number)], ordered=True, block="goals")


def goals_table(goals: Sequence[Goal], circles: dict[str, Circle], to: Routes) -> Markup:
    rows = []
    for g in sorted(goals, key=lambda g: g.number):
        circle_links = [
            [" ", link(to.circle(c), circles[c].name)] for c in g.circles
        ]
        goal_cell = [el("strong", f"{g.number}. {g.short_name}"), el("br"), g.question]
        if circle_links:
            goal_cell += [el("br"), el("span", ["Werkvorm:", *circle_links], class_=cls("goals", "circles"))]
        steps = bullet_list(g.next_steps, block="steps") if g.next_steps else "—"
        rows.append(el("tr", [el("th", goal_cell, scope="row"), el("td", steps)]))
    return table("De drie ontwikkeldoelen en hun volgende stap", ("Ontwikkeldoel", "Volgende stap"), rows, "goals")


def _period(circle: Circle) -> Markup:
    start = el("time", circle.started.label, datetime=circle.started.iso)
    if circle.ended:
        return start + Markup(" tot ") + el("time", circle.ended.label, datetime=circle.ended.iso)
    return Markup("vanaf ") + start


def _card(kind: str, href: str, title: str, text: str, meta: Content, color: str | None = None) -> Markup:
    """One card of a Material grid: its kind, a linked title, a line of text and a line of meta."""
    return el("li", [
        el("p", [el("span", kind, class_=cls("card", "kind")), el("br"), link(href, title, class_=cls("card", "link"))],
           class_=cls("card", "title")),
        el("p", text, class_=cls("card", "text")),
        el("p", meta, class_=cls("card", "meta")),
    ], **_colored(cls("card"), color))


def card_grid(cards: Sequence[Markup], block: str) -> Markup:
    return el("div", el("ul", cards), class_="grid cards " + cls(block))


def circle_cards(circles: Sequence[Circle], to: Routes) -> Markup:
    # The kind stands above the title, so the title is the short name ("Leerkring" / "Directeuren Ruimte").
    # Each card in the circle's own colour (data/leerkringen.yml color; white text, AA checked).
    return card_grid([_card(CIRCLE_KINDS[c.kind], to.circle(c.id), c.category, c.summary, _period(c), c.color)
                      for c in circles], "circles")


def person_name(person: Person, note: str | None = None) -> Markup:
    """A person's name with an optional note in parentheses."""
    name = el("span", person.name, class_=cls("person", "name"))
    return name + (Markup(" (") + escape(note) + Markup(")") if note else Markup(""))


def circle_facts(circle: Circle, people: dict[str, Person], goal: Goal | None) -> Markup:
    guides = [el("li", person_name(people[g.person], g.role)) for g in circle.guides]
    ambassador = person_name(people[circle.ambassador]) if circle.ambassador else None
    goal_text = None
    if goal:
        goal_text = [f"{goal.number}. {goal.short_name}: ", el("q", goal.question)]
    return definition_list(
        [
            ("Soort", CIRCLE_KINDS[circle.kind]),
            ("Doel", circle.aim),
            ("Periode", _period(circle)),
            ("Ontwikkeldoel", goal_text),
            ("Begeleiding", el("ul", guides) if guides else None),
            ("Ambassadeur", ambassador),
            ("Ook genoemd", ", ".join(circle.aliases) if circle.aliases else None),
            ("Hoe verder", circle.next),
        ],
        "facts",
        circle.color,  # the colour of its tile on the home page marks its page too
    )


def timeline_items(events: Sequence[TimelineEvent], circles: dict[str, Circle], to: Routes,
                   show_circle: bool = True) -> Markup:
    """A semantic ordered list of events, each with a <time datetime> of the source's precision."""
    items = []
    for e in events:
        meta = [el("span", TIMELINE_KINDS[e.kind], class_=cls("timeline", "kind"))]
        if show_circle and e.circle:
            c = circles[e.circle]
            meta += [" · ", link(to.circle(c.id), c.name)]
        body = [
            el("time", e.date.label, datetime=e.date.iso, class_=cls("timeline", "date")),
            el("p", el("strong", e.title), class_=cls("timeline", "title")),
            el("p", e.text, class_=cls("timeline", "text")) if e.text else None,
            el("p", meta, class_=cls("timeline", "meta")),
        ]
        items.append(el("li", body, class_=cls("timeline", "event", e.kind), id=e.id))
    return el("ol", items, class_=cls("timeline"))


def timeline(events: Sequence[TimelineEvent], circles: dict[str, Circle], to: Routes, level: int = 2) -> str:
    """Markdown: a heading per year (in the table of contents) followed by that year's events."""
    hashes = "#" * level
    blocks = []
    for year, group in groupby(events, key=lambda e: e.date.year):
        blocks.append(f"{hashes} {year} {{ #jaar-{year} }}\n\n{timeline_items(list(group), circles, to)}\n")
    return "\n".join(blocks)


def quote(q: Quote, person: Person | None) -> Markup:
    """A quote as <figure><blockquote> with its speaker in <figcaption>."""
    who: list[Content] = []
    if person:
        who.append(el("cite", person.name))
        if person.description:
            who.append([", ", person.description])
    elif q.attribution:
        who.append(el("cite", q.attribution))
    if q.context:
        who.append([", ", q.context])
    return el("figure", [
        el("blockquote", el("p", q.text)),
        el("figcaption", ["— ", *who]),
    ], class_=cls("quote"))


def colophon(groups: Sequence[ColophonGroup], people: dict[str, Person]) -> Markup:
    parts = []
    for g in groups:
        value: list[Content] = []
        if g.text:
            value.append(el("p", g.text))
        if g.members:
            value.append(el("ul", [el("li", person_name(people[m.person], m.note)) for m in g.members]))
        parts += [el("dt", g.title, id=f"colofon-{g.id}"), el("dd", value)]
    return el("dl", parts, class_=cls("colophon"))


# ---------------------------------------------------------------------------
# Stories
# ---------------------------------------------------------------------------


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


def feed_link(to: Routes) -> Markup:
    """A visible link to the RSS feed of the stories (the feed itself is made by the rss plugin)."""
    return link(to.feed(), "RSS-feed van de verhalen", class_=cls("feed-link"), type="application/rss+xml")


def pdf_link(to: Routes, name: str) -> Markup:
    """The download link of the print edition; the PDF step fills in the size (or removes the link)."""
    return el("p", [link(to.link(name), "Download de hele publicatie als pdf", type="application/pdf"), " ",
                    el("span", "(pdf)", class_=cls("pdf", "size"))], class_=cls("pdf"), data_ko_pdf="")


def _joined(parts: Sequence[Markup], last: str = " en ") -> Markup:
    if len(parts) <= 1:
        return Markup("").join(parts)
    return Markup(", ").join(parts[:-1]) + Markup(escape(last)) + parts[-1]


def story_list(stories: Sequence[StoryLink], to: Routes, empty: str = "Nog geen verhalen.") -> Markup:
    """A list of stories with kind, date, authors and the one-sentence summary."""
    if not stories:
        return el("p", empty, class_=cls("stories", "empty"))
    items = []
    for s in stories:
        meta = [STORY_KINDS[s.kind], " · ", el("time", s.dating, datetime=s.dating_iso)]
        if s.authors:
            meta += [" · ", _joined([escape(a) for a in s.authors])]
        items.append(el("li", [
            el("p", link(to.link(s.url), s.title), class_=cls("stories", "title")),
            el("p", meta, class_=cls("stories", "meta")),
            el("p", s.description, class_=cls("stories", "summary")),
        ], class_=cls("stories", "item")))
    return el("ul", items, class_=cls("stories"))


# ---------------------------------------------------------------------------
# Knowledge library
# ---------------------------------------------------------------------------

def table_of(t: Table) -> Markup:
    """Any number of columns; the first cell of each row heads that row."""
    rows = [el("tr", [el("th", row[0], scope="row"), *[el("td", cell) for cell in row[1:]]]) for row in t.rows]
    result = table(t.caption, t.columns, rows, "data")
    if t.source:
        result += el("p", ["Bron: ", t.source], class_=cls("table", "source"))
    return result


def source_facts(source: Source, themes: Sequence[Theme], to: Routes) -> Markup:
    """The metadata of a source, and its caveats where the sources disagree."""
    date: Content = None
    if source.date:
        date = [el("time", source.date.label, datetime=source.date.iso)]
        if source.date_note:
            date += [" (", source.date_note, ")"]
    elif source.date_note:
        date = source.date_note
    facts = definition_list(
        [
            ("Titel", source.title),
            ("Soort", SOURCE_KINDS[source.kind]),
            ("Datum", date),
            ("Periode", source.period),
            ("Organisaties", ", ".join(source.organisations) if source.organisations else None),
            ("Auteurs", ", ".join(source.authors) if source.authors else None),
            ("Omvang", f"{source.pages} pagina's" if source.pages else None),
            ("Thema's", _joined([link(to.theme(t.id), t.title) for t in themes]) if themes else None),
        ],
        "facts",
    )
    if not source.notes:
        return facts
    notes = el("div", [el("p", "Let op", class_="admonition-title"), bullet_list(source.notes, block="notes")],
               class_="admonition warning " + cls("source-notes"))
    return facts + notes


def source_cards(sources: Sequence[Source], to: Routes) -> Markup:
    return card_grid([_card(SOURCE_KINDS[s.kind], to.source(s.id), s.short_title, s.title,
                            s.date.label if s.date else (s.period or "")) for s in sources], "sources")


COMMON_MEANING = ("Bij een afkorting met '(gangbare betekenis)' schrijven de bronnen de afkorting niet voluit; "
                  "daar staat de betekenis die gewoonlijk wordt gebruikt.")


def letter_id(letter: str) -> str:
    """The anchor of a letter in an A–Z index: 'A' → 'letter-a', '0–9' → 'letter-0-9'."""
    return "letter-" + re.sub(r"[^a-z0-9]+", "-", letter.lower()).strip("-")


def by_letter(items: Iterable[T], words: Callable[[T], Sequence[str]]) -> list[tuple[str, list[T]]]:
    """Items in Dutch dictionary order (text.sort_key), word by word of `words` (a surname, then the
    whole name), grouped by the letter the first word is filed under; '0–9' (digits, signs) first."""
    ordered = sorted(items, key=lambda item: [sort_key(w) for w in words(item)])
    return [(letter, list(group)) for letter, group in groupby(ordered, key=lambda item: index_letter(words(item)[0]))]


def letter_nav(letters: Sequence[str], label: str) -> Markup:
    """A jump list to the letter headings of an A–Z index; only letters that have entries. Not in the
    search index: a result's excerpt would begin with 'A B C'."""
    items = [el("li", link(f"#{letter_id(letter)}", letter, class_=cls("letters", "link"))) for letter in letters]
    return el("nav", el("ul", items, class_=cls("letters", "list")), class_=cls("letters"), aria_label=label,
              data_pagefind_ignore="")


def letter_heading(letter: str) -> Markup:
    return el("h2", letter, id=letter_id(letter), class_=cls("letters", "heading"))


def glossary(terms: Sequence[Term]) -> Markup:
    """Every term with its expansion and explanation, A–Z with a heading per letter and a jump list
    at the top; uncertain meanings say so. Expansions the sources do not give are marked
    '(gangbare betekenis)', and the page says once what that means."""
    groups = by_letter(terms, lambda t: (t.term,))
    blocks: list[Content] = []
    if any(t.common_meaning for t in terms):
        blocks.append(el("p", COMMON_MEANING, class_=cls("glossary", "note")))
    blocks.append(letter_nav([letter for letter, _ in groups], "Begrippen per letter"))
    for letter, group in groups:
        parts = []
        for t in group:
            head: list[Content] = [el("strong", t.term)]
            if t.expansion:
                head += [" — ", t.expansion]
                if t.common_meaning:
                    head.append(el("span", " (gangbare betekenis)", class_=cls("glossary", "common")))
            body: list[Content] = [el("p", t.explanation)]
            if t.uncertain:
                body.append(el("p", "De bronnen geven de betekenis niet eenduidig.",
                               class_=cls("glossary", "uncertain")))
            if t.source:
                body.append(el("p", ["Bron: ", t.source], class_=cls("glossary", "source")))
            parts += [el("dt", head, id=t.id), el("dd", body)]
        blocks += [letter_heading(letter), el("dl", parts, class_=cls("glossary"))]
    return _flatten(blocks)


def abbreviation_titles(terms: Sequence[Term]) -> dict[str, str]:
    """Tooltip text per abbreviation; uncertain meanings say so."""
    return {
        t.term: t.expansion + (" (betekenis niet zeker)" if t.uncertain else "")
        for t in terms
        if t.tooltip and t.expansion
    }


_TAG = re.compile(r"(<[^>]*>)")


def abbreviate(html: str, titles: dict[str, str]) -> str:
    """Wrap abbreviations in text (never in tags or attributes, never twice) in <abbr title>.

    Markdown's abbr extension does this for Markdown text; this does it for the HTML that
    the renderers make, which Markdown leaves alone."""
    if not titles:
        return html
    # Text between tags is escaped HTML: match each term in its escaped form ('I&amp;W').
    escaped = {str(escape(term)): term for term in titles}
    words = sorted(escaped, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
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
            out.append(pattern.sub(
                lambda m: str(el("abbr", escaped[m.group(1)], title=titles[escaped[m.group(1)]])), part))
    result = "".join(out)
    return Markup(result) if isinstance(html, Markup) else result


@dataclass(frozen=True)
class Appearance:
    """Where a person appears: the kind of place ('Verhaal'), a label and a link."""

    kind: str     # Leerkring, Colofon, Verhaal, Tijdlijn
    label: str
    url: str      # from the site root


def surname(name: str) -> str:
    """What a Dutch index files a name under: the last word, without 'van der' ('Peter van der Broek' → 'Broek')."""
    return name.split()[-1]


def people_index(people: Sequence[Person], appearances: dict[str, Sequence[Appearance]], to: Routes) -> Markup:
    """Everyone in the publication, A–Z by surname with a jump list: per person the name (a heading),
    the role as the publication gives it, and every place the reader meets them, derived from data."""
    groups = by_letter(people, lambda p: (surname(p.name), p.name))
    blocks: list[Content] = [letter_nav([letter for letter, _ in groups], "Mensen per letter")]
    for letter, group in groups:
        cards = []
        for p in group:
            body: list[Content] = [el("h3", p.name, id=p.id, class_=cls("person", "name"))]
            if p.description:
                body.append(el("p", p.description, class_=cls("person", "role")))
            found = appearances.get(p.id, ())
            if found:
                body.append(el("p", "Komt voor in:", class_=cls("person", "where")))
                body.append(el("ul", [
                    # The kind as a label before the text; the colon and space are for screen readers
                    # and reader views, so the link text says where it leads: 'Verhaal: Titel'.
                    el("li", link(to.link(a.url), [el("span", [a.kind, el("span", ": ", class_=cls("visually-hidden"))],
                                                        class_=cls("person", "kind")), a.label]))
                    for a in found], class_=cls("person", "links")))
            cards.append(el("li", body, class_=cls("person")))
        blocks += [letter_heading(letter), el("ul", cards, class_=cls("people"))]
    return _flatten(blocks)


def theme_sections(themes: Sequence[Theme], stories: dict[str, Sequence[StoryLink]],
                   sources: dict[str, Sequence[Source]], to: Routes, level: int = 2) -> str:
    """Markdown: a heading per theme, then its stories and sources."""
    hashes = "#" * level
    blocks = []
    for t in themes:
        parts: list[Content] = [el("p", t.description)]
        if sources.get(t.id):
            parts.append(el("p", ["Bronnen: ", _joined([link(to.source(s.id), s.short_title)
                                                        for s in sources[t.id]])], class_=cls("theme", "sources")))
        parts.append(story_list(stories.get(t.id, ()), to, "Nog geen verhalen bij dit thema."))
        blocks.append(f"{hashes} {md_escape(t.title)} {{ #{t.id} }}\n\n{Markup('').join(_flatten(p) for p in parts)}\n")
    return "\n".join(blocks)
