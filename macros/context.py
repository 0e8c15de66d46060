"""What every macro may use: a harvest's settings and data, its routes, templates and words, and the
joins between them, computed once per load (`context()` keeps one per loaded project). Also the
registry of the macros pages call (page_macros.py registers them with `@macro`), and the rendering
of a page's Markdown with them, as mkdocs-macros renders it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

import jinja2

from . import render
from .routes import Routes, page_url
from .settings import Settings
from .sitedata import Post, SiteData
from .templates import Templates
from .text import slugify

# Every macro a page may call, by name, and for the macros whose text arguments are ids, the
# collection those ids come from (rules_pages.macro_calls checks them before a build).
MACROS: dict[str, Callable[..., Any]] = {}
ID_ARGUMENTS: dict[str, str] = {}
FREE_ARGUMENTS: dict[str, tuple[str, ...]] = {}


def macro(function: Callable[..., Any] | None = None, *, ids: str | None = None,
          free: tuple[str, ...] = ()) -> Any:
    """Register a macro: `@macro` above a function (ctx, to, …); `@macro(ids="circles")` when its
    text arguments are ids of that collection, except the keyword arguments named in `free`."""
    def register(f: Callable[..., Any]) -> Callable[..., Any]:
        MACROS[f.__name__] = f
        if ids:
            ID_ARGUMENTS[f.__name__] = ids
        if free:
            FREE_ARGUMENTS[f.__name__] = free
        return f
    return register(function) if function is not None else register


@dataclass(frozen=True, eq=False)
class Context:
    """What every macro may use: settings, data, routes from the site root, and the joins."""

    settings: Settings
    data: SiteData

    @functools.cached_property
    def routes(self) -> Routes:
        return Routes(self.settings)

    @functools.cached_property
    def templates(self) -> Templates:
        """The templates of this harvest (its own first, then the engine's) with its words."""
        return Templates(self.settings.root, self.data.strings)

    @property
    def words(self) -> dict:
        return self.data.strings

    @functools.cached_property
    def story_links(self) -> dict[str, render.StoryLink]:
        """Each published story as a listing shows it, by its file path."""
        return {post.path: story_link(self.data, self.routes, post) for post in self.data.published_stories()}

    def links(self, posts: list[Post]) -> list[render.StoryLink]:
        return [self.story_links[p.path] for p in posts]

    @functools.cached_property
    def circles(self) -> dict[str, Any]:
        return {c.id: c for c in self.data.circles}

    @functools.cached_property
    def people(self) -> dict[str, Any]:
        return {p.id: p for p in self.data.people}

    @functools.cached_property
    def by_principle(self) -> dict[str, list[render.StoryLink]]:
        return {p.id: self.links(self.data.stories_for_principle(p.id)) for p in self.data.principles}

    @functools.cached_property
    def abbreviations(self) -> dict[str, str]:
        return render.abbreviation_titles(self.templates, self.data.terms)

    @functools.cached_property
    def abbreviate(self) -> render.Abbreviations:
        """Tooltips for the abbreviations in what a macro renders."""
        return render.Abbreviations(self.templates, self.abbreviations)

    @functools.cached_property
    def pdf_name(self) -> str:
        return pdf_name(self.data)


_CONTEXTS: dict[tuple[int, int], Context] = {}


def context(settings: Settings, data: SiteData) -> Context:
    """One context per loaded project (the loader's cache returns the same objects while no file
    changed, so the joins are computed once per build, not once per page). A context holds its
    settings and data, so their ids cannot be reused while it is cached."""
    key = (id(settings), id(data))
    if key not in _CONTEXTS:
        if len(_CONTEXTS) >= 8:
            _CONTEXTS.pop(next(iter(_CONTEXTS)))
        _CONTEXTS[key] = Context(settings, data)
    return _CONTEXTS[key]


def pdf_name(data: SiteData) -> str:
    return f"{slugify(data.site.title)}.pdf"


def story_link(data: SiteData, routes: Routes, post: Post) -> render.StoryLink:
    meta = post.meta
    return render.StoryLink(meta.title, routes.story(post.slug), meta.dating_label, meta.dating_iso, meta.kind,
                            tuple(data.person(a).name for a in meta.authors), meta.description,
                            tuple(data.person(a).name for a in meta.speakers), meta.retold)


def render_markdown(ctx: Context, rel: str, body: str) -> str | None:
    """A page's Markdown after its macro calls, as mkdocs-macros renders it; None when a call fails
    (rules_pages.macro_calls reports why)."""
    routes = ctx.routes.at(page_url(rel))
    bound = {name: functools.partial(function, ctx, routes) for name, function in MACROS.items()}
    try:
        return jinja2.Environment().from_string(body).render(**bound)
    except Exception:  # noqa: BLE001 - a broken call is reported by rules_pages.macro_calls
        return None
