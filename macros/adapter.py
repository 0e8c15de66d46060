"""The adapter: the only code that knows the macros plugin (mkdocs-macros, or Zensical's
macros extension, which offers the same `env`). It loads and validates the content once and
registers thin macros over the pure functions in `render`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from . import render
from .errors import DataErrors
from .loader import Post, SiteData, load_cached


def base_for(page_url: str) -> str:
    """Relative path from a page (MkDocs `page.url`, directory URLs) to the site root."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    return "../" * depth


def register(env: Any, data: SiteData) -> None:
    """Register every macro on `env`, each a thin call into `render`."""

    def base() -> str:
        # mkdocs-macros keeps the page in env.variables; Zensical's env has it as env.page.
        page = env.variables.get("page") or getattr(env, "page", None)
        return base_for(getattr(page, "url", "") or "")

    circles = {c.id: c for c in data.circles}
    people = {p.id: p for p in data.people}
    links = {post.path: story_link(data, post) for post in data.published_stories()}
    by_principle = {p.id: [links[s.path] for s in data.stories_for_principle(p.id)] for p in data.principles}

    macros = {
        "subtitle": lambda: render.subtitle(data.site.subtitle),
        "key_figures": lambda: render.key_figures(data.site.key_figures, data.site.key_figures_intro),
        "advice_facts": lambda: render.advice_facts(_advice(data)),
        "advice_features": lambda: render.bullet_list(_advice(data).features),
        "advice_recommendations": lambda: render.bullet_list(_advice(data).recommendations, ordered=True),
        "principle_cards": lambda: render.principle_cards(data.principles, base()),
        "principle_sections": lambda level=2: render.principle_sections(data.principles, level, by_principle, base()),
        "roles_table": lambda: render.roles_table(data.roles),
        "goal_questions": lambda: render.goal_questions(data.goals),
        "goals_table": lambda: render.goals_table(data.goals, circles, base()),
        "item_list": lambda ident: render.item_list(data.get("lists", ident)),
        "comparison": lambda ident: render.comparison(data.get("comparisons", ident)),
        "circle_cards": lambda: render.circle_cards(data.circles, base()),
        "circle_facts": lambda ident: _circle_facts(data, ident, people, base()),
        "colophon": lambda: render.colophon(data.colophon, people),
        "quote": lambda ident: _quote(data, ident),
        "timeline": lambda circle=None: _timeline(data, circle, circles, base()),
        "circle_stories": lambda ident: render.story_list(
            [links[p.path] for p in data.stories_for_circle(ident)], base(), "Nog geen verhalen uit deze kring."),
        "feed_link": lambda: render.feed_link(base()),
        "pdf_link": lambda: render.pdf_link(base(), _pdf_name(data)),
        "source_facts": lambda ident: _source_facts(data, ident, base()),
        "source_cards": lambda: render.source_cards(data.sources, base()),
        "table": lambda ident: render.table_of(data.get("tables", ident)),
        "glossary": lambda: render.glossary(data.terms),
        "people_index": lambda: render.people_index(data.people, {
            p.id: [render.Appearance(label, url) for label, url in data.appearances(p.id)] for p in data.people
        }, base()),
        "theme_sections": lambda level=2: render.theme_sections(
            data.themes, {t.id: [links[p.path] for p in data.stories_for_theme(t.id)] for t in data.themes},
            {t.id: data.sources_for_theme(t.id) for t in data.themes}, base(), level),
        "latest_stories": lambda count=3: render.story_list(
            [links[p.path] for p in data.published_stories()[:count]], base()),
    }
    titles = render.abbreviation_titles(data.terms)
    for name, function in macros.items():
        env.macro(_with_abbreviations(function, titles), name)


def _with_abbreviations(function: Any, titles: dict[str, str]) -> Any:
    """The macro, with abbreviation tooltips in what it renders (keeps its name and signature)."""

    @functools.wraps(function)
    def wrapped(*args: Any, **kwargs: Any) -> str:
        return render.abbreviate(function(*args, **kwargs), titles)

    return wrapped


def story_link(data: SiteData, post: Post) -> render.StoryLink:
    meta = post.meta
    return render.StoryLink(meta.title, post.url, meta.date, meta.kind,
                            tuple(data.person(a).name for a in meta.authors), meta.description)


def story_meta_boxes(data: SiteData) -> dict[str, str]:
    """The metadata box of every story page, keyed by its URL (for the theme partial; page.url exists
    in MkDocs' and Zensical's templates alike)."""
    principles = {p.id: p for p in data.principles}
    return {
        post.url: str(render.story_meta(
            post.meta.kind, data.circles_of(post), [principles[p] for p in post.meta.principles],
            [data.person(a) for a in post.meta.authors], base_for(post.url),
            [data.get("themes", t) for t in post.meta.tags]))
        for post in data.stories
    }


def _pdf_name(data: SiteData) -> str:
    from .pdf import pdf_name

    return pdf_name(data)


def _advice(data: SiteData):
    if data.advice is None:
        raise KeyError("deze pagina gebruikt het advies, maar data/advies.yml bestaat niet")
    return data.advice


def _source_facts(data: SiteData, ident: str, base: str) -> str:
    source = data.get("sources", ident)
    return render.source_facts(source, [data.get("themes", t) for t in source.themes], base)


def _circle_facts(data: SiteData, ident: str, people: dict, base: str) -> str:
    circle = data.circle(ident)
    goal = data.get("goals", circle.goal) if circle.goal else None
    return render.circle_facts(circle, people, goal, base)


def _quote(data: SiteData, ident: str) -> str:
    q = data.get("quotes", ident)
    return render.quote(q, data.person(q.person) if q.person else None)


def _timeline(data: SiteData, circle: str | None, circles: dict, base: str) -> str:
    if circle is None:
        return render.timeline(data.sorted_timeline(), circles, base)
    data.circle(circle)  # unknown id → Dutch error naming the valid ids
    return render.timeline_items(data.events_for_circle(circle), circles, base, show_circle=False)


def define_env(env: Any) -> None:
    """Macros entry point: validate all content, then register the macros."""
    try:
        data = load_cached(Path(env.project_dir))
    except DataErrors as exc:
        try:
            from mkdocs.exceptions import PluginError
        except ImportError:  # Zensical: no MkDocs installed
            PluginError = RuntimeError  # noqa: N806
        raise PluginError("De inhoud is niet geldig:\n" + exc.report()) from None
    env.variables["site_data"] = data
    # The same values as in .afgeleid.yml (generated before every build, read by MkDocs and Zensical);
    # set here too so that `make serve` shows them fresh after each edit.
    from .generate import derived_extra

    env.conf.setdefault("extra", {})
    env.conf["extra"].update(derived_extra(Path(env.project_dir), data))
    register(env, data)
