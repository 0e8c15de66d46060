"""Orchestration: read every input once, run every rule over it, and return the project (settings + data).

    mkdocs.yml, data/, docs/ ─► sources.read (one read) ─► rules.run (every rule, all errors at once)
                                                        ─► SiteData ─► rules.run(links) ─► Project

`load_project` is the one entry; `load_cached` reuses its result while no input file changed
(Zensical calls the macros for every page), so a build reads and validates the content once.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import context, page_macros, rules, sources, templates
# The rules, by subject: importing a module registers its rules (rules.RULES).
from . import rules_data, rules_links, rules_pages, rules_stories, rules_unfinished  # noqa: F401
from .errors import DataError, DataErrors
from .models import BUNDLE_DIR, COLLECTIONS, Record
from .settings import CONFIG_FILE, Settings
from .sitedata import MANY_COLLECTIONS, SiteData
from .sources import Sources

# The live preview of one story (make serve VERHAAL=…) sets this to the story's file name without
# .md: only that story is loaded, so the preview stays fast however many stories there are.
FOCUS_ENV = "KO_VOORBEELD_VERHAAL"


@dataclass(frozen=True, eq=False)
class Project:
    """A harvest as read: its settings, its validated data, and the one read they came from."""

    settings: Settings
    data: SiteData
    sources: Sources

    @property
    def root(self) -> Path:
        return self.settings.root


def tidy(errors: list[DataError]) -> list[DataError]:
    """One message per mistake: where a field has a precise message (a name where the id belongs), the
    generic ones at the same place go ('moet een id zijn …'), and 'a list, with a name' becomes one."""
    name_for_id = re.compile(r"^'(?P<value>.*)' is de naam; schrijf hier de id: (?P<ident>\S+)$")
    by_place: dict[tuple[str, int, str], list[DataError]] = {}
    for error in errors:
        by_place.setdefault((error.path, error.line, error.field.split("[")[0]), []).append(error)
    result: list[DataError] = []
    for place, found in by_place.items():
        named = [e for e in found if name_for_id.match(e.message)]
        listed = [e for e in found if e.message.startswith("moet een lijst zijn")]
        for error in found:
            if len(found) > 1 and error.message.startswith("moet een id zijn van kleine letters"):
                continue
            if named and listed and error in listed:
                continue
            if named and listed and error in named:
                match = name_for_id.match(error.message)
                error = DataError(error.path, error.line, place[2],
                                  f"'{match['value']}' is de naam, en het veld is een lijst: schrijf [{match['ident']}]")
            result.append(error)
    return result


def _site_data(src: Sources) -> SiteData:
    """The validated records as the site's data (only called when every rule passed)."""
    by_collection: dict[str, list[Record]] = {}
    for entry in src.entries:
        by_collection.setdefault(entry.collection, []).append(entry.record)
    single = {spec.name: by_collection.get(spec.name, [None])[0] for spec in COLLECTIONS if not spec.many}
    many = {name: tuple(by_collection.get(name, ())) for name in MANY_COLLECTIONS}
    bundles: dict[str, list[tuple[str, str]]] = {}
    source_of = {e.label: e.record.id for e in src.entries if e.collection == "sources"}
    for entry in src.entries:
        if entry.label.startswith(f"data/{BUNDLE_DIR}/") and entry.collection != "sources":
            bundles.setdefault(source_of[entry.label], []).append((entry.collection, entry.record.id))
    posts = sources.posts(src)
    slugs = {post.slug for post in posts}
    contents = single.get("contents")
    reading_order = tuple(dict.fromkeys(
        Path(page).stem for page in (contents.pages() if contents else ())
        if src.settings.is_story(page) and Path(page).stem in slugs))
    return SiteData(**single, **many, stories=tuple(posts), bundles={k: tuple(v) for k, v in bundles.items()},
                    reading_order=reading_order, strings=templates.strings(src.own_strings))


def load_project(root: Path | str, only_story: str | None = None) -> Project:
    """Read and validate everything under `root`; raise DataErrors listing every problem.
    `only_story` (a file name without .md) loads that story alone, for the one-story preview."""
    src = sources.read(root, only_story)
    errors = src.settings_errors + rules.run(src)
    errors += src.read_errors  # every file read so far (the rules read the pages they look at)
    if errors:
        # Links too, in the same run; anchors that macros make are checked once the data is valid.
        raise DataErrors(tidy(errors + rules.run(src, rules.LINKS)))
    data = _site_data(src)
    src.context = context.context(src.settings, data)
    link_errors = rules.run(src, rules.LINKS)
    if link_errors:
        raise DataErrors(link_errors)
    return Project(src.settings, data, src)


def publishing() -> bool:
    """The publishing build: CI (CI=true). It refuses what is fine to preview but not to publish."""
    return os.environ.get("CI", "").lower() == "true"


def unfinished(project: Project) -> list[DataError]:
    """What is not ready to publish yet (a starter's 'VUL IN'): a warning locally, an error in CI."""
    return rules.run(project.sources, unfinished=True)


def load(root: Path | str, only_story: str | None = None) -> SiteData:
    """The validated data of the project at `root` (load_project without the settings)."""
    return load_project(root, only_story).data


_CACHE: dict[Path, tuple[tuple, Project]] = {}


def signature(root: Path) -> tuple:
    """What the content is made of, cheaply: name, size and modification time of every input file —
    the configuration the circle writes (mkdocs.yml and the engine's base), the data, the pages and
    stories, and the circle's own words. Never the files a build writes (.afgeleid.yml, the blog's
    authors file), so a build does not invalidate its own read."""
    files = [root / CONFIG_FILE, *sorted((root / "engine").glob("*.yml")), *sorted((root / "data").rglob("*.yml")),
              *sorted((root / "docs").rglob("*.md")), root / templates.own_strings_label()]
    return tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())


def load_cached(root: Path | str) -> Project:
    """`load_project`, reused while no input file changed (and for the preview's one story)."""
    root = Path(root).resolve()
    only = os.environ.get(FOCUS_ENV) or None
    key = (signature(root), only)
    cached = _CACHE.get(root)
    if cached is None or cached[0] != key:
        _CACHE[root] = (key, load_project(root, only))
    return _CACHE[root][1]


def check(root: Path | str) -> list[DataError]:
    """All errors in the content under `root` (empty when everything is valid)."""
    try:
        load_project(root)
    except DataErrors as exc:
        return exc.errors
    return []
