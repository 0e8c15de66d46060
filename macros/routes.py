"""Every address of the site, in one place, driven by the settings.

The macros and the theme layer write links as raw HTML, which MkDocs' link check never sees; so
every such link is made here, from the page that the settings name (extra.routes) and the blog's
URL format. `targets()` lists the source pages the links need, and validation turns a missing one
into a Dutch error before anything is built.

Addresses are MkDocs' directory URLs: docs/a/b.md → a/b/, docs/a/index.md → a/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from pymdownx.slugs import slugify

from .settings import Settings

FEED_FILE = "feed_rss_created.xml"


def page_url(src: str) -> str:
    """The address of a source page: 'leerreis/tijdlijn.md' → 'leerreis/tijdlijn/', 'index.md' → ''."""
    path = PurePosixPath(src)
    stem = path.with_suffix("").as_posix()
    if path.stem in ("index", "README"):
        parent = path.parent.as_posix()
        return "" if parent == "." else parent + "/"
    return stem + "/"


def base_for(url: str) -> str:
    """Relative path from a page to the site root. MkDocs gives a page's directory URL
    ('leerkringen/x/'); Zensical gives its file ('leerkringen/x/index.html'): both are the same page."""
    url = url.lstrip("/")
    if url.endswith("index.html"):
        url = url.removesuffix("index.html")
    if url.endswith(".html"):  # a file of its own, such as 404.html: its folder is the base
        return "../" * url.count("/")
    url = url.strip("/")
    return "../" * (url.count("/") + 1) if url else ""


def source_notes_anchor(ident: str) -> str:
    """The id of a source's notes on the page Verantwoording."""
    return f"bron-{ident}"


# Material's blog: categories_slugify's default (pymdownx.slugs.slugify, lower case).
_CATEGORY_SLUG = slugify(case="lower")


@dataclass(frozen=True)
class Target:
    """A source page a route needs: which file, and which setting or record asks for it."""

    src: str          # under docs/, e.g. leerkringen/x.md
    why: str          # Dutch: what links there
    collection: str   # the data collection that needs it ('' for a setting)
    ident: str        # the record's id ('' for a setting)
    setting: str      # the setting that names the page, e.g. extra.routes.themes


@dataclass(frozen=True)
class Routes:
    """Addresses from the site root, or, once placed with `at(page_url)`, relative to that page."""

    settings: Settings
    base: str = ""

    def at(self, url: str) -> "Routes":
        """The same routes, as links written on the page at `url`."""
        return Routes(self.settings, base_for(url))

    def _(self, url: str) -> str:
        return self.base + url

    # --- pages named in the settings ------------------------------------------------------------

    def page(self, src: str) -> str:
        return self._(page_url(src))

    def circle(self, ident: str) -> str:
        return self.page(f"{self.settings.routes.circles}{ident}.md")

    def source(self, ident: str) -> str:
        return self.page(f"{self.settings.routes.sources}{ident}.md")

    def principle(self, ident: str) -> str:
        """A principle's own page (extra.routes.principle_pages), or else its section on the
        principles page (its anchor is its id)."""
        if self.settings.routes.principle_pages:
            return self.page(f"{self.settings.routes.principle_pages}{ident}.md")
        return self.principle_section(ident)

    def principle_section(self, ident: str) -> str:
        """A principle's section on the principles page, which has them all (and is printed)."""
        return self.page(self.settings.routes.principles) + "#" + ident

    def principles(self, anchor: str = "") -> str:
        """The page with every principle, optionally at an anchor."""
        return self.page(self.settings.routes.principles) + (f"#{anchor}" if anchor else "")

    def theme(self, ident: str) -> str:
        return self.page(self.settings.routes.themes) + "#" + ident

    def timeline_event(self, ident: str) -> str:
        return self.page(self.settings.routes.timeline) + "#" + ident

    def accountability(self, anchor: str = "") -> str:
        """The page Verantwoording: every note on what the sources leave uncertain."""
        return self.page(self.settings.routes.accountability) + (f"#{anchor}" if anchor else "")

    def source_notes(self, ident: str) -> str:
        """A source's notes on the page Verantwoording."""
        return self.accountability(source_notes_anchor(ident))

    def colophon_group(self, ident: str) -> str:
        return self.page(self.settings.routes.colophon) + "#colofon-" + ident

    # --- the blog and files ---------------------------------------------------------------------

    def story(self, slug: str) -> str:
        """A story's address from its file name, by the blog's post_url_format ('{file}')."""
        blog = self.settings.blog
        return self._(f"{blog.blog_dir}/{blog.post_url_format.format(file=slug)}/")

    def blog_index(self) -> str:
        """The overview of all stories."""
        return self._(f"{self.settings.blog.blog_dir.strip('/')}/")

    def blog_category(self, name: str) -> str:
        """The blog's list of a circle's stories, by the circle's short name ('categories'), with the slug
        Material's blog makes of it (categories_slugify, its default): 'Café Oost' → 'café-oost',
        'Zeeland & Zuid' → 'zeeland--zuid'."""
        blog = self.settings.blog
        slug = _CATEGORY_SLUG(name, blog.categories_slugify_separator)
        return self._(f"{blog.blog_dir.strip('/')}/{blog.categories_url_format.format(slug=slug)}/")

    def blog_archive(self, year: int) -> str:
        """The blog's list of one year's stories."""
        blog = self.settings.blog
        return self._(f"{blog.blog_dir.strip('/')}/{blog.archive_url_format.format(date=year)}/")

    def blog_page(self, url: str, number: int) -> str:
        """Page `number` of the list at `url` (a list's further pages: pagination_url_format)."""
        return url + self.settings.blog.pagination_url_format.format(page=number) + "/"

    def author(self, ident: str) -> str:
        """An author's page of the blog (their stories), by the blog's authors_profiles_url_format."""
        blog = self.settings.blog
        return self._(f"{blog.blog_dir}/{blog.authors_profiles_url_format.format(slug=ident)}/")

    def feed(self) -> str:
        return self._(FEED_FILE)

    def link(self, url: str) -> str:
        """An address from the site root (a story's, a file's), as written on this page."""
        return self._(url)


def moved(settings: Settings) -> list[tuple[str, str]]:
    """(old address, the new address relative to it) of every address that moved (extra.moved)."""
    found = []
    for old, new in settings.moved.items():
        page, _, anchor = new.partition("#")
        target = Routes(settings).at(old).page(page) + (f"#{anchor}" if anchor else "")
        found.append((old.strip("/") + "/", target))
    return found


def targets(settings: Settings, circles: list[str], sources: list[str], has: dict[str, bool],
            principles: list[str] = ()) -> list[Target]:
    """The source pages the links of this harvest point at. `has` says which collections have
    records (a harvest without themes needs no themes page)."""
    r = settings.routes
    found = [Target(f"{r.circles}{c}.md", f"de pagina van leerkring '{c}'", "circles", c, "extra.routes.circles")
             for c in circles]
    if r.principle_pages:
        found += [Target(f"{r.principle_pages}{p}.md", f"de pagina van principe '{p}'", "principles", p,
                         "extra.routes.principle_pages") for p in principles]
    found += [Target(f"{r.sources}{s}.md", f"de pagina van bron '{s}'", "sources", s, "extra.routes.sources")
              for s in sources]
    pages = (("principles", "principles", "de principes"), ("themes", "themes", "de thema's"),
             ("timeline", "timeline", "de tijdlijn"), ("colophon", "colophon", "het colofon"),
             ("colophon", "accountability", "de verantwoording"),
             ("contents", "contents", "de inhoud van de publicatie"))
    for collection, key, what in pages:
        if has.get(collection):
            found.append(Target(getattr(r, key), f"de pagina met {what}", "", "", f"extra.routes.{key}"))
    return found
