"""Derived files, made from data and models, never edited by hand.

- `docs/verhalen/.authors.yml`: Material's blog authors, from data/mensen.yml, and
  `.afgeleid.yml`: the generated configuration the builders read. It INHERITs the circle's
  mkdocs.yml (never the other way round, so a plain `mkdocs build` works on a fresh clone) and adds
  what the templates read, the search options, and the abbreviation glossary (from data/begrippen.yml).
  Written by the build pipeline (macros/build.py) before every build and not kept in git.
- `schemas/verhaal.schema.json`: JSON Schema of a story's front matter, from the Story model,
  for autocomplete in editors. Kept in git; a test fails when it is stale (`make schema`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import yaml

from . import identity, places, publication, search, share
from .models import Story
from .context import Context
from .page_macros import story_lookup
from .routes import Routes, page_url
from .settings import CONFIG_FILE
from .templates import fill
from .sitedata import SiteData

# The configuration the builders read: the circle's mkdocs.yml plus the values derived from data.
DERIVED_CONFIG = Path(".afgeleid.yml")
SCHEMA_FILE = Path("schemas/verhaal.schema.json")
HEADER = "# Gegenereerd uit {source} door 'make {target}'. Niet met de hand bewerken.\n"


def authors_yaml(ctx: Context) -> str:
    """Material's authors file: every person, with their portrait where data/mensen.yml gives one, else
    their initials in the circle's colour (an image in the page itself: no request, no placeholder)."""
    color = ctx.settings.identity.colors.primary
    authors = {
        p.id: {"name": p.name, "description": p.description or "", "slug": p.id,
               "avatar": p.portrait or initials_avatar(ctx.templates, p.name, color)}
        for p in ctx.data.people
    }
    body = yaml.safe_dump({"authors": authors}, allow_unicode=True, sort_keys=False, width=100)
    return HEADER.format(source="data/mensen.yml", target="site") + body


def initials(name: str) -> str:
    """'Co Verdaas' → 'CV', 'Peter van der Broek' → 'PB', 'Programmateam Leren in de Ruimte' → 'PR'."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    capitals = [w for w in words[1:] if w[:1].isupper()]
    return (words[0][:1] + (capitals[-1][:1] if capitals else "")).upper() if words else "?"


def initials_avatar(tpl, name: str, color: str) -> str:
    """A person's initials as an image (ko/avatar.svg) in a data: address."""
    svg = str(tpl.render("ko/avatar.svg", initials=initials(name), color=color))
    return "data:image/svg+xml," + quote(" ".join(svg.split()), safe="=:/'(),;")


def template_values(ctx: Context) -> dict:
    """The values the theme templates read from config.extra: the circle's colours, the search's options, the
    lookup tables of the story box and the share images. One entry per record, none per story: a
    story page reads its own front matter (page.meta), so this layer does not grow with the stories."""
    root, data, routes = ctx.settings.root, ctx.data, ctx.routes
    return {
        "ko_colors": identity.properties(ctx.settings.identity),
        # The words readers see (overrides/ko/strings.yml with the circle's own): the theme's templates read them.
        "ko_words": ctx.words,
        # The circle's own templates, which the theme's includes look for first ('eigen/', under overrides/).
        "ko_own_templates": own_templates(),
        "ko_search": {"max_results": ctx.settings.search.max_results},
        "ko_lookup": story_lookup(ctx),
        # What each page is, for the search's results and its filter 'Soort' (ko/search-kind.html).
        "ko_page_kinds": search.page_kinds(ctx),
        "ko_share_images": share.page_images(root, data, routes),
        "ko_share_by_category": share.category_images(root, data),
        "ko_share_default": share.image_for(root, data, "site"),
        # The circle's own style, linked only when it exists (no list in the configuration to extend).
        "ko_own_css": own_css(ctx.settings),
        "ko_edit": edit_links(ctx.settings),
        "ko_views": blog_views(ctx),
        # Previous and next in the publication's order (macros/publication.py; overrides/partials/footer.html).
        "ko_reading": publication.of(ctx).steps(),
        # The stories overview shows its own list (story_overview), not the blog's (overrides/blog.html).
        "ko_blog_index": ctx.routes.blog_index(),
        # A story's date in a list only where it tells something; the filter 'Periode' from two years on.
        "ko_dating_informs": ctx.data.dating_informs,
        "ko_periods": len(ctx.data.periods) > 1,
    }


def own_css(settings) -> str | None:
    """The circle's own stylesheet (places: style) as the site links it, when it exists."""
    path = PurePosixPath(places.own("style"))
    if not (settings.root / path).is_file():
        return None
    return path.relative_to(settings.docs_dir).as_posix()


def own_templates() -> str:
    """The circle's own template folder (places: templates) as the theme's includes name it: under the
    theme's folder (overrides/)."""
    own = PurePosixPath(places.own("templates"))
    return own.relative_to(own.parts[0]).as_posix() + "/"


def blog_views(ctx: Context) -> dict:
    """A title and description of its own for each page the blog makes (per circle, author and year,
    and every further page of a list), by address: else they all say the site's description, and a
    circle's list has the title of the circle's page. Read by overrides/main.html. One entry per
    record and per page of a list (ten stories each), so it grows with the stories only by a tenth."""
    settings, data, routes = ctx.settings, ctx.data, ctx.routes
    words = ctx.words["blog"]
    blog = settings.blog
    stories = data.published_stories()
    views: dict[str, dict] = {}

    def view(url: str, values: dict) -> None:
        # By the page's address as MkDocs gives it (percent-encoded: 'caf%C3%A9-oost/'), and as written.
        views[url] = views[quote(url)] = values

    def add(url: str, title: str, description: str, count: int) -> None:
        if title:
            view(url, {"title": title, "description": description})
        # Every further page of the list: its first page's title and description, with its number
        # (empty: the page's own, as for the overview, whose text is verhalen/index.md).
        for number in range(2, -(-count // blog.pagination_per_page) + 1):
            view(routes.blog_page(url, number), {
                "title": title, "description": description,
                "suffix_title": fill(words["page_title"], number=number),
                "suffix_description": fill(words["page_description"], number=number)})

    for circle in data.circles:
        count = len(data.stories_for_circle(circle.id))
        if count:
            add(routes.blog_category(circle.category), fill(words["circle_title"], category=circle.category),
                fill(words["circle_description"], name=circle.name), count)
    for person in data.people:
        count = len(data.stories_by_person(person.id))
        if count:
            role = f"{ctx.words['join']['comma']}{person.description}" if person.description else ""
            add(routes.author(person.id), fill(words["author_title"], name=person.name),
                fill(words["author_description"], name=person.name, role=role), count)
    for year in sorted({p.meta.date.year for p in stories}):
        count = len([p for p in stories if p.meta.date.year == year])
        add(routes.blog_archive(year), fill(words["year_title"], year=year), fill(words["year_description"], year=year),
            count)
    return views


EDIT_BRANCH = "main"
_REMOTE = re.compile(r"^(?:https://|git@)(github\.com|gitlab\.com|codeberg\.org)[/:]([\w.-]+/[\w.-]+?)(?:\.git)?/?$")


def repository_url(root: Path) -> str | None:
    """The web address of the harvest's repository: GitHub Actions says it (GITHUB_REPOSITORY), or
    the clone's origin does; None when neither is known (then no edit links)."""
    if os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        return f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    try:
        origin = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True,
                                text=True, timeout=5, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    match = _REMOTE.match(origin)
    return f"https://{match[1]}/{match[2]}" if match else None


def edit_links(settings) -> dict | None:
    """What "Stel een wijziging voor" needs (overrides/ko/edit-link.html): the edit address of the
    harvest's own repository (forks get theirs), the stories' folder, and the source of every other
    page by its address (a few dozen; a story's source follows from its address). Computed here, not
    by the builder: the same on MkDocs and Zensical, and no repo_url, so no repository widget that
    would ask GitHub's API. None when the repository is not known (no edit links)."""
    repository = repository_url(settings.root)
    if not repository:
        return None
    docs = settings.docs
    files = [p.relative_to(docs).as_posix() for p in sorted(docs.rglob("*.md"))]
    pages = {page_url(rel): rel for rel in files if not settings.is_story(rel)
             and not any(part.startswith((".", "_")) for part in rel.split("/"))}
    return {"base": f"{repository}/edit/{EDIT_BRANCH}/{settings.docs_dir}/",
            "stories": settings.stories_folder + "/",
            # A story's address is <blog>/<file>/ (post_url_format '{file}', the only format allowed).
            "story_address": Routes(settings).blog_index(),
            "pages": pages}


def derived_config(ctx: Context, base: str = CONFIG_FILE) -> str:
    """The generated configuration: INHERIT the circle's own, then the values the templates need,
    and the abbreviation glossary, as YAML."""
    layer: dict = {}
    # Each fact written once: what data/site.yml says of the publication, the builders get from here,
    # unless the circle's mkdocs.yml says it itself.
    site = ctx.data.site
    for key, value in (("site_description", site.description), ("site_author", site.publisher),
                       ("copyright", f"Een uitgave van {site.publisher}")):
        if key not in ctx.settings.lines:
            layer[key] = value
    # An archive per year only when the stories appeared in more than one (else one list says nothing new).
    if len(ctx.data.periods) < 2:
        layer.setdefault("plugins", {})["blog"] = {"archive": False}
    # The feed's image: the site's share image at its full address (else the feed says <url>None</url>).
    if ctx.settings.site_url:
        image = ctx.settings.site_url.rstrip("/") + "/" + share.image_for(ctx.settings.root, ctx.data, "site")
        layer.setdefault("plugins", {})["rss"] = {"image": image}
    layer["extra"] = template_values(ctx)
    # Tooltips for abbreviations in running text on every page (Markdown's abbr extension).
    layer["markdown_extensions"] = {"abbr": {"glossary": ctx.abbreviations}}
    body = yaml.safe_dump(layer, allow_unicode=True, sort_keys=True, width=1000)
    return HEADER.format(source="mkdocs.yml, data/ en docs/verhalen/", target="site") + f"INHERIT: {base}\n" + body


def write_derived(ctx: Context) -> Path:
    """Every file derived from data that a build needs; written before each build, not kept in git.
    Returns the generated configuration file, the one to build with."""
    root = ctx.settings.root
    write_if_changed(root / ctx.settings.authors_file, authors_yaml(ctx))
    write_if_changed(root / DERIVED_CONFIG, derived_config(ctx))
    return root / DERIVED_CONFIG


def story_schema() -> str:
    schema = Story.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Verhaal (front matter)"
    schema["description"] = (
        "De velden bovenaan een verhaal in docs/verhalen/posts/. Gegenereerd uit macros/models.py "
        "door 'make schema'; niet met de hand bewerken."
    )
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    """Write only when the content differs, so a live preview does not rebuild for nothing."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True
