"""The macros that pages call (`{{ principle_cards() }}`), as plain functions.

Each takes a `Context` (context.py: the site data, its routes and the joins between them, computed
once per load and cached with it) and `to`, the routes placed at the page being rendered, then its
own arguments, and registers itself with `@macro`. The adapter binds them to the macros plugin;
tests call them directly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

from markupsafe import Markup, escape

from . import publication, render
from .context import ID_ARGUMENTS, MACROS, Context, context, macro, pdf_name, story_link  # noqa: F401 (the macros' API)
from .routes import Routes
from .sitedata import SiteData


def story_lookup(ctx: Context) -> dict:
    """What the story box of the theme (overrides/ko/story-meta.html) looks up, per record, never per
    story: a story's own front matter says which kind, circles, principles, authors and themes it has."""
    data, routes = ctx.data, ctx.routes
    return {
        "kinds": dict(ctx.words["kinds"]["story"]),
        "circles": {c.category: {"name": c.name, "url": routes.circle(c.id)} for c in data.circles},
        "principles": {p.id: {"label": p.label, "url": routes.principle(p.id)}
                       for p in data.principles},
        # The authors (with their page) and the speakers of the stories.
        # A role is HTML: its escaped text with the abbreviations' tooltips (Abbreviations), as in the pages.
        "people": {p.id: {"name": p.name, "role": ctx.abbreviate(str(escape(p.description or ""))),
                          "url": routes.author(p.id) if data.stories_by_person(p.id) else ""}
                   for p in data.people if data.stories_by_person(p.id) or data.stories_with_speaker(p.id)},
        # Who retold a story ('de redactie' in the byline): what the web edition is, on the colophon.
        "editors_url": editors_url(ctx, routes),
        "original": {"title": data.site.title, "publisher": ctx.abbreviate(str(escape(data.site.publisher))),
                     "url": data.site.original_url or ""},
        # One entry per distinct dating ('begin 2025'), as YAML gives it (a year alone is a number).
        "datings": {str(post.meta.dating): {"label": post.meta.dating.label, "iso": post.meta.dating.iso}
                    for post in data.stories if post.meta.dating is not None},
        "themes": {t.id: {"title": t.title, "url": routes.theme(t.id)} for t in data.themes},
    }


def appearances(ctx: Context, ident: str) -> list[render.Appearance]:
    """Every place a person appears (label, address from the site root), derived from references."""
    data, routes, words = ctx.data, ctx.routes, ctx.words
    kinds, people, comma = words["kinds"]["circle"], words["people"], words["join"]["comma"]
    found: list[render.Appearance] = []
    for circle in data.circles:
        roles = [g.role for g in circle.guides if g.person == ident]
        if circle.ambassador == ident:
            roles.append(people["ambassador"])
        if roles:
            found.append(render.Appearance(kinds[circle.kind], f"{circle.category} ({comma.join(roles)})",
                                           routes.circle(circle.id)))
    for group in data.colophon:
        if any(m.person == ident for m in group.members):
            found.append(render.Appearance(people["colophon"], group.title, routes.colophon_group(group.id)))
    for post in data.stories_by_person(ident):
        found.append(render.Appearance(people["story"], post.meta.title, routes.story(post.slug)))
    for event in data.sorted_timeline():
        if ident in event.people:
            found.append(render.Appearance(people["timeline"], f"{event.date.label}{words['join']['colon']}{event.title}",
                                           routes.timeline_event(event.id)))
    return found


def _advice(data: SiteData):
    if data.advice is None:
        raise KeyError("deze pagina gebruikt het advies, maar data/advies.yml bestaat niet")
    return data.advice


# --- the macros --------------------------------------------------------------------------------

@macro
def subtitle(ctx: Context, to: Routes) -> Markup:
    return render.subtitle(ctx.templates, ctx.data.site.subtitle)


@macro
def key_figures(ctx: Context, to: Routes) -> Markup:
    return render.key_figures(ctx.templates, ctx.data.site.key_figures, ctx.data.site.key_figures_intro)


@macro
def advice_facts(ctx: Context, to: Routes) -> Markup:
    return render.advice_facts(ctx.templates, _advice(ctx.data))


@macro
def advice_features(ctx: Context, to: Routes) -> Markup:
    return render.bullet_list(ctx.templates, _advice(ctx.data).features)


@macro
def advice_recommendations(ctx: Context, to: Routes) -> Markup:
    return render.bullet_list(ctx.templates, _advice(ctx.data).recommendations, ordered=True)


@macro
def principle_cards(ctx: Context, to: Routes) -> Markup:
    return render.principle_cards(ctx.templates, ctx.data.principles, to)


@macro
def principle_sections(ctx: Context, to: Routes, level: int = 2) -> str:
    # With a page per principle, search finds each principle there, not also here.
    return render.principle_sections(ctx.templates, ctx.data.principles, level, ctx.by_principle, to,
                                     searchable=not ctx.settings.routes.principle_pages)


@macro(ids="principles")
def principle_page(ctx: Context, to: Routes, ident: str, level: int = 2) -> str:
    """A principle's own page (extra.routes.principle_pages): its text, stories, previous and next."""
    principle = ctx.data.get("principles", ident)
    return render.principle_page(ctx.templates, principle, ctx.data.principles, ctx.by_principle[principle.id], to, level,
                                 ctx.data.dating_informs, [r for r in ctx.data.roles if r.principle == principle.id])


@macro
def roles_table(ctx: Context, to: Routes) -> Markup:
    return render.roles_table(ctx.templates, ctx.data.roles)


@macro
def goal_questions(ctx: Context, to: Routes) -> Markup:
    return render.goal_questions(ctx.templates, ctx.data.goals)


@macro
def goals_table(ctx: Context, to: Routes) -> Markup:
    return render.goals_table(ctx.templates, ctx.data.goals, ctx.circles, to)


@macro(ids="lists")
def item_list(ctx: Context, to: Routes, ident: str) -> Markup:
    return render.item_list(ctx.templates, ctx.data.get("lists", ident))


@macro(ids="comparisons")
def comparison(ctx: Context, to: Routes, ident: str) -> Markup:
    return render.comparison(ctx.templates, ctx.data.get("comparisons", ident))


@macro
def circle_cards(ctx: Context, to: Routes) -> Markup:
    return render.circle_cards(ctx.templates, ctx.data.circles, to)


@macro(ids="circles")
def circle_facts(ctx: Context, to: Routes, ident: str) -> Markup:
    circle = ctx.data.circle(ident)
    goal = ctx.data.get("goals", circle.goal) if circle.goal else None
    return render.circle_facts(ctx.templates, circle, ctx.people, goal)


@macro
def colophon(ctx: Context, to: Routes) -> Markup:
    return render.colophon(ctx.templates, ctx.data.colophon, ctx.people)


@macro(ids="quotes")
def quote(ctx: Context, to: Routes, ident: str) -> Markup:
    q = ctx.data.get("quotes", ident)
    return render.quote(ctx.templates, q, ctx.data.person(q.person) if q.person else None)


@macro(ids="circles")
def timeline(ctx: Context, to: Routes, circle: str | None = None) -> str:
    if circle is None:
        return render.timeline(ctx.templates, ctx.data.sorted_timeline(), ctx.circles, to)
    ctx.data.circle(circle)  # unknown id → Dutch error naming the valid ids
    return render.timeline_items(ctx.templates, ctx.data.events_for_circle(circle), ctx.circles, to, show_circle=False)


@macro(ids="quotes")
def voices(ctx: Context, to: Routes, *idents: str) -> Markup:
    """Voices from the circles: each quote with its speaker, the speaker's role and the circle it is
    about, in the order the page names them; each has an anchor of its own (its id)."""
    return render.voices(ctx.templates, [ctx.data.get("quotes", ident) for ident in idents], ctx.people, ctx.circles, to)


@macro(ids="circles")
def circle_stories(ctx: Context, to: Routes, ident: str) -> Markup:
    return render.story_list(ctx.templates, ctx.links(ctx.data.stories_for_circle(ident)), to,
                             ctx.words["stories"]["none_circle"], ctx.data.dating_informs)


@macro
def feed_link(ctx: Context, to: Routes) -> Markup:
    return render.feed_link(ctx.templates, to)


@macro
def pdf_link(ctx: Context, to: Routes) -> Markup:
    return render.pdf_link(ctx.templates, to.link(ctx.pdf_name))


@macro(ids="sources")
def source_facts(ctx: Context, to: Routes, ident: str) -> Markup:
    source = ctx.data.get("sources", ident)
    return render.source_facts(ctx.templates, source, [ctx.data.get("themes", t) for t in source.themes], to)


@macro
def source_cards(ctx: Context, to: Routes) -> Markup:
    return render.source_cards(ctx.templates, ctx.data.sources, to)


@macro(ids="tables")
def table(ctx: Context, to: Routes, ident: str) -> Markup:
    return render.table_of(ctx.templates, ctx.data.get("tables", ident))


@macro
def glossary(ctx: Context, to: Routes) -> Markup:
    """The glossary: the terms of the publication, each with where it first occurs in the order of
    reading; the terms only the knowledge library's sources use, apart and collapsed."""
    order = publication.of(ctx)
    first = {}
    if order.units:
        for term in ctx.data.terms:
            unit = order.first_mention(term.term)
            if unit is not None:
                first[term.id] = (unit.title, unit.url)
    # No term in the publication's text (a new harvest): one list, not everything collapsed.
    return render.glossary(ctx.templates, ctx.data.terms, first or None, to)


@macro
def people_index(ctx: Context, to: Routes) -> Markup:
    return render.people_index(ctx.templates, ctx.data.people,
                               {p.id: appearances(ctx, p.id) for p in ctx.data.people}, to)


@macro
def theme_sections(ctx: Context, to: Routes, level: int = 2) -> str:
    data = ctx.data
    return render.theme_sections(
        ctx.templates, data.themes, {t.id: ctx.links(data.stories_for_theme(t.id)) for t in data.themes},
        {t.id: data.sources_for_theme(t.id) for t in data.themes}, to, level, data.dating_informs)


@macro
def latest_stories(ctx: Context, to: Routes, count: int = 3) -> Markup:
    """The first stories in the site's order (newest first; on the same date the publication's own
    order), the featured one left out: it has its own block."""
    featured = _featured(ctx.data)
    stories = [p for p in ctx.data.published_stories() if p is not featured]
    return render.story_list(ctx.templates, ctx.links(stories[:count]), to, show_dating=ctx.data.dating_informs)


def _featured(data: SiteData):
    stories = data.published_stories()
    slug = data.site.featured_story
    return next((p for p in stories if p.slug == slug), stories[0] if stories else None)


@macro(ids="people", free=("kind",))
def byline(ctx: Context, to: Routes, *people: str, kind: str = "voorwoord") -> Markup:
    """The byline of a page that retells a signed text (the voorwoord): 'Naverteld door de redactie,
    naar het voorwoord van …', with each person's role; the same sentence as a story's byline."""
    persons = [ctx.people[p] for p in people]
    return render.page_byline(ctx.templates, persons, kind, editors_url(ctx, to))


def editors_url(ctx: Context, to: Routes) -> str:
    """Where 'de redactie' of a byline leads: the colophon's part 'Over deze webeditie'."""
    return to.page(ctx.settings.routes.colophon) + "#" + ctx.words["web_edition"]["anchor"]


@macro
def web_edition(ctx: Context, to: Routes, level: int = 2) -> Markup:
    """The colophon's part 'Over deze webeditie': what is retold, what is literal, who made it."""
    site = ctx.data.site
    return render.web_edition(ctx.templates, site.title, site.publisher, site.original_url, to.accountability(), level)


@macro
def research_notes(ctx: Context, to: Routes, level: int = 2) -> Markup:
    """The page Verantwoording: every note of the data on what the sources leave uncertain."""
    data = ctx.data
    return render.research_notes(ctx.templates, data.terms, data.circles, data.people, data.sorted_timeline(),
                                 data.sources, to, level)


@macro
def contents(ctx: Context, to: Routes) -> Markup:
    """The whole publication in its printed order, numbered by part (data/inhoud.yml): each unit with
    its kind and reading time; the stories added later after it."""
    return render.contents(ctx.templates, publication.of(ctx), ctx.links(publication.of(ctx).added_stories), to,
                           ctx.data.dating_informs)


@macro
def story_overview(ctx: Context, to: Routes) -> Markup:
    """Every story: those of the publication in its order (with its other units between them, such as
    the voices), then those added later, newest first."""
    order = publication.of(ctx)
    posts = {p.path: p for p in ctx.data.published_stories()}
    blog = ctx.settings.blog.blog_dir.strip("/") + "/"
    entries = []
    for unit in order.units:   # the stories, and the pages among them (the voices)
        post = posts.get(f"{ctx.settings.docs_dir}/{unit.page}")
        if post is not None:
            entries.append(ctx.story_links[post.path])
        elif unit.page.startswith(blog):
            entries.append(render.StoryLink(unit.title, unit.url, "", "", unit.kind, (), unit.description))
    return render.story_overview(ctx.templates, entries, ctx.links(order.added_stories), to, ctx.data.dating_informs)


@macro
def hero(ctx: Context, to: Routes) -> Markup:
    site = ctx.data.site
    return render.hero(ctx.templates, site.title, site.subtitle, site.publisher, site.published,
                       [(a.label, to.page(a.page)) for a in site.actions])


@macro
def featured_story(ctx: Context, to: Routes) -> Markup:
    post = _featured(ctx.data)
    if post is None:
        return Markup("")
    return render.featured_story(ctx.templates, story_link(ctx.data, ctx.routes, post), ctx.data.circles_of(post), to)
