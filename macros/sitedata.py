"""The site data: every validated record of a harvest and the queries over them.

No I/O and no addresses: loader.py fills it, routes.py knows where things are published.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from .models import (
    COLLECTIONS,
    Advice,
    Circle,
    ColophonGroup,
    Comparison,
    Contents,
    Goal,
    ItemList,
    Person,
    Principle,
    Quote,
    Record,
    Role,
    Site,
    Source,
    Story,
    Table,
    Term,
    Theme,
    TimelineEvent,
)

# Collections with many records: those of COLLECTIONS plus the ones only bundles add to.
MANY_COLLECTIONS = tuple(spec.name for spec in COLLECTIONS if spec.many) + ("sources", "tables")


@dataclass(frozen=True)
class Post:
    """A validated story: its front matter and where it lives (routes.story(slug) says where it is
    published)."""

    meta: Story
    path: str  # relative to the project, e.g. docs/verhalen/posts/mijn-verhaal.md
    slug: str  # the file name without .md


@dataclass(frozen=True)
class SiteData:
    """Everything the site shows, validated and cross-checked; derived lists computed here."""

    site: Site
    advice: Advice | None
    principles: tuple[Principle, ...]
    roles: tuple[Role, ...]
    goals: tuple[Goal, ...]
    lists: tuple[ItemList, ...]
    comparisons: tuple[Comparison, ...]
    timeline: tuple[TimelineEvent, ...]
    circles: tuple[Circle, ...]
    people: tuple[Person, ...]
    colophon: tuple[ColophonGroup, ...]
    quotes: tuple[Quote, ...]
    terms: tuple[Term, ...] = ()
    themes: tuple[Theme, ...] = ()
    contents: Contents | None = None
    sources: tuple[Source, ...] = ()
    tables: tuple[Table, ...] = ()
    stories: tuple[Post, ...] = ()
    # source id → ((collection, id), …): the units a file in data/bronnen/ adds besides its source
    bundles: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # The stories in the publication's own order (data/inhoud.yml): the reading order of stories that
    # share a date, such as the publication's own ('begin 2025').
    reading_order: tuple[str, ...] = ()
    # The words readers see (overrides/ko/strings.yml, with the circle's own over them): templates.strings.
    strings: dict = field(default_factory=dict, repr=False, compare=False)
    _index: dict[str, dict[str, Record]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in MANY_COLLECTIONS:
            self._index[name] = {r.id: r for r in getattr(self, name)}

    def get(self, collection: str, ident: str) -> Any:
        """The record `ident` of `collection`; a Dutch KeyError naming the valid ids otherwise."""
        records = self._index[collection]
        if ident not in records:
            valid = ", ".join(sorted(records)) or "(geen)"
            raise KeyError(f"onbekende id '{ident}' ({collection}); geldige ids: {valid}")
        return records[ident]

    def ids(self, collection: str) -> list[str]:
        return list(self._index[collection])

    def person(self, ident: str) -> Person:
        return self.get("people", ident)

    def circle(self, ident: str) -> Circle:
        return self.get("circles", ident)

    def sorted_timeline(self) -> list[TimelineEvent]:
        return sorted(self.timeline, key=lambda e: e.date.sort_key)

    def events_for_circle(self, ident: str) -> list[TimelineEvent]:
        return [e for e in self.sorted_timeline() if e.circle == ident]

    def published_stories(self) -> list[Post]:
        """Stories that are published (no drafts), newest first; on the same date in the publication's order,
        then by title."""
        posts = [p for p in self.stories if not p.meta.draft]
        order = {slug: i for i, slug in enumerate(self.reading_order)}
        return sorted(posts, key=lambda p: (-p.meta.date.toordinal(), order.get(p.slug, len(order)), p.meta.title))

    @functools.cached_property
    def dating_informs(self) -> bool:
        """Whether a story's date tells a reader something in a list: not when every published story
        has the same one (the publication's 'begin 2025'); the byline shows it anyway."""
        return len({p.meta.dating_label for p in self.published_stories()}) > 1

    @functools.cached_property
    def periods(self) -> list[int]:
        """The years the published stories appeared in: an archive per year and the search's filter
        'Periode' only help when there are at least two."""
        return sorted({p.meta.date.year for p in self.published_stories()})

    def stories_for_circle(self, ident: str) -> list[Post]:
        category = self.circle(ident).category
        return [p for p in self.published_stories() if category in p.meta.categories]

    def stories_for_principle(self, ident: str) -> list[Post]:
        return [p for p in self.published_stories() if ident in p.meta.principles]

    def stories_by_person(self, ident: str) -> list[Post]:
        return [p for p in self.published_stories() if ident in p.meta.authors]

    def stories_with_speaker(self, ident: str) -> list[Post]:
        return [p for p in self.published_stories() if ident in p.meta.speakers]

    def stories_for_theme(self, ident: str) -> list[Post]:
        return [p for p in self.published_stories() if ident in p.meta.tags]

    def sources_for_theme(self, ident: str) -> list[Source]:
        return [s for s in self.sources if ident in s.themes]

    def circles_of(self, post: Post) -> list[Circle]:
        by_category = {c.category: c for c in self.circles}
        return [by_category[name] for name in post.meta.categories]
