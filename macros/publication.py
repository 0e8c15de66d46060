"""The publication as readers move through it: its units in the printed order (data/inhoud.yml), each
with its number, kind, title and reading time, and the one chain of previous and next.

    home ─► Inhoud ─► the front pages (voorwoord) ─► every unit of every part, in order
         ─► the stories editors added later, newest first

The contents page (`contents()`), the footer of every page in the chain (overrides/partials/footer.html,
through the generated layer: `reading_steps`) and the print edition (pdf.py) use this one order. The
lists the blog makes (per circle, author, year) and the reference pages are not in the chain.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from .models import Contents, ContentsEntry, ContentsPart
from .context import Context, render_markdown
from .reading import split_front_matter
from .routes import page_url


@dataclass(frozen=True)
class Unit:
    """One unit of the publication: a page or story, or a heading over pages (`page` None)."""

    page: str | None     # docs path ('leerreis/tijdlijn.md', 'verhalen/posts/x.md')
    url: str             # from the site root ('' for a heading)
    title: str
    kind: str            # what a reader sees it as: Hoofdstuk, Basisprincipe, Column, …
    number: str          # '1.3.2' (part, entry, sub-entry); '' for the front pages
    depth: int           # 0 for an entry of a part, 1 for an entry under it
    minutes: int         # reading time (0 for a heading)
    description: str


_HEADING = re.compile(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.M)
_MACRO = re.compile(r"{{.*?}}|{%.*?%}", re.S)
_TAG = re.compile(r"<[^>]+>")


def page_texts(ctx: Context, page: str) -> tuple[dict, str]:
    """(front matter, body) of a page under docs/."""
    text = (ctx.settings.docs / page).read_text(encoding="utf-8")
    front, body, _line, _errors = split_front_matter(text, page)
    meta: dict = {}
    for line in (front or "").splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("title", "description") and value.strip():
            meta[key.strip()] = value.strip().strip('"').strip("'")
    return meta, body


def _reading_text(ctx: Context, page: str, body: str) -> str:
    """What a reader reads on a page: its text with what its macros show, tags left out."""
    if _MACRO.search(body):
        rendered = render_markdown(ctx, page, body)
        body = rendered if rendered is not None else _MACRO.sub(" ", body)
    return _TAG.sub(" ", body)


_CACHE: dict[int, "Publication"] = {}


def of(ctx: Context) -> "Publication":
    """The publication of this context, computed once per build (contexts are cached per load)."""
    key = id(ctx)
    if key not in _CACHE or _CACHE[key].ctx is not ctx:
        if len(_CACHE) >= 8:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = Publication(ctx)
    return _CACHE[key]


class Publication:
    """The units and the chain of one harvest (computed once per build, from its Context)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.contents: Contents | None = ctx.data.contents
        self.words = ctx.words
        self._texts: dict[str, str] = {}

    def _kind(self, page: str, part: ContentsPart | None, first: bool) -> str:
        kinds = self.words["publication"]["kinds"]
        settings = self.ctx.settings
        if settings.is_story(page):
            post = self._post(page)
            return self.words["kinds"]["story"][post.meta.kind] if post else kinds["chapter"]
        if settings.routes.principle_pages and page.startswith(settings.routes.principle_pages):
            return kinds["principle"]
        if part is None:
            return kinds["front"]
        return kinds["part_intro"] if first else kinds["chapter"]

    def _post(self, page: str):
        slug = PurePosixPath(page).stem
        return next((p for p in self.ctx.data.stories if p.slug == slug), None)

    def _unit(self, entry: ContentsEntry, depth: int, part: ContentsPart | None, number: str, first: bool) -> Unit:
        if entry.page is None:
            return Unit(None, "", entry.title or "", self.words["publication"]["kinds"]["heading"], number, depth, 0, "")
        page = entry.page
        settings = self.ctx.settings
        if settings.is_story(page):
            post = self._post(page)
            title = post.meta.title if post else page
            description = post.meta.description if post else ""
            url = self.ctx.routes.story(PurePosixPath(page).stem)
        else:
            meta, body = page_texts(self.ctx, page)
            heading = _HEADING.search(body)
            title = meta.get("title") or (heading.group(1) if heading else "") or self._nav_title(page)
            description = meta.get("description", "")
            url = page_url(page)
        kind = entry.kind or self._kind(page, part, first)
        return Unit(page, url, title, kind, number, depth, self.minutes(page), description)

    def _nav_title(self, page: str) -> str:
        return next((item.title for item in self.ctx.settings.nav_pages() if item.page == page and item.title), page)

    def text(self, page: str) -> str:
        """What a reader reads on a page of the publication (its macros' text included, no markup)."""
        if page not in self._texts:
            raw = (self.ctx.settings.docs / page).read_text(encoding="utf-8")
            _front, body, _line, _errors = split_front_matter(raw, page)
            self._texts[page] = _reading_text(self.ctx, page, body)
        return self._texts[page]

    def minutes(self, page: str) -> int:
        """Reading time in minutes, as the blog counts it (post_readtime_words_per_minute), at least 1."""
        per_minute = self.ctx.settings.blog.post_readtime_words_per_minute
        return max(1, round(len(self.text(page).split()) / per_minute))

    def first_mention(self, word: str) -> Unit | None:
        """The first unit, in the order of reading, whose text has `word` as a whole word or as the
        part of a compound with a hyphen ('SCAPA-model'): an abbreviation as written, 'IPO'; a word in
        small letters in any case, 'leerkring'."""
        flags = 0 if any(c.isupper() for c in word[1:]) else re.IGNORECASE
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", flags)
        return next((u for u in self.units if pattern.search(self.text(u.page))), None)

    @functools.cached_property
    def front(self) -> list[Unit]:
        if self.contents is None:
            return []
        return [self._unit(ContentsEntry(page=page), 0, None, "", False) for page in self.contents.front]

    @functools.cached_property
    def parts(self) -> list[tuple[ContentsPart, list[Unit]]]:
        """Each part with its units in order, numbered '1.1', '1.2', '1.3.1', …"""
        if self.contents is None:
            return []
        found = []
        for part in self.contents.parts:
            units: list[Unit] = []
            for i, top in enumerate(part.pages, start=1):
                units.append(self._unit(top, 0, part, f"{part.number}.{i}", i == 1))
                for j, child in enumerate(top.pages, start=1):
                    units.append(self._unit(child, 1, part, f"{part.number}.{i}.{j}", False))
            found.append((part, units))
        return found

    @functools.cached_property
    def units(self) -> list[Unit]:
        """Every unit with a page, in the order of reading."""
        return [u for u in [*self.front, *(u for _part, units in self.parts for u in units)] if u.page]

    @functools.cached_property
    def added_stories(self) -> list:
        """The stories editors added after the publication (not in its contents), newest first."""
        listed = {PurePosixPath(u.page).stem for u in self.units if self.ctx.settings.is_story(u.page)}
        stories = [p for p in self.ctx.data.published_stories() if p.slug not in listed]
        return sorted(stories, key=lambda p: p.meta.date, reverse=True)

    def steps(self) -> dict:
        """Previous and next of every page in the chain, by address: home, Inhoud, the units, and the
        first of the stories added later. Those stories link each other in the theme (newest first:
        the blog's own order of posts), so this does not grow with them; `last` is the publication's
        last unit, to which the newest of them links back."""
        routes, words = self.ctx.routes, self.words
        chain = [{"url": "", "title": self.ctx.data.site.title}]
        contents_page = self.ctx.settings.routes.contents
        if self.contents is not None and contents_page:
            chain.append({"url": page_url(contents_page), "title": words["publication"]["contents_title"]})
        chain += [{"url": u.url, "title": u.title} for u in self.units]
        if self.added_stories:
            first = self.added_stories[0]
            chain.append({"url": routes.story(first.slug), "title": first.meta.title})
        steps = {}
        for i, step in enumerate(chain):
            steps[step["url"]] = {"prev": chain[i - 1] if i > 0 else None,
                                  "next": chain[i + 1] if i + 1 < len(chain) else None}
        if self.added_stories:  # the newest added story is the blog's: only its previous is ours
            steps.pop(chain[-1]["url"])
        return {"steps": steps, "last": chain[-2] if self.added_stories else chain[-1]}
