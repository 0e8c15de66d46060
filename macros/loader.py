"""Orchestration: read every input once, validate it, and return the project (settings + data).

    mkdocs.yml ─► settings.read ─┐
    data/*.yml ─► reading ───────┼─► validation (every rule, all errors at once) ─► SiteData
    stories ───► reading ────────┘

`load_project` is the one entry; `load_cached` reuses its result while no input file changed
(Zensical calls the macros for every page), so a build reads and validates the content once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import editorial, page_macros, places, templates
from . import settings as settings_module
from . import validation
from .errors import DataError, DataErrors
from .models import (
    BUNDLE_DIR,
    BUNDLE_PARTS,
    COLLECTIONS,
    CollectionSpec,
    Comparison,
    ItemList,
    Record,
    Source,
    Story,
    Table,
)
from .reading import parse_yaml, read_text, read_yaml, shift_lines, split_front_matter
from .settings import Settings
from .sitedata import MANY_COLLECTIONS, Post, SiteData
from .validation import Entry, check_story_body, validate_record

# The live preview of one story (make serve VERHAAL=…) sets this to the story's file name without
# .md: only that story is loaded, so the preview stays fast however many stories there are.
FOCUS_ENV = "KO_VOORBEELD_VERHAAL"


@dataclass(frozen=True, eq=False)
class Project:
    """A harvest as read: its settings and its validated data."""

    settings: Settings
    data: SiteData

    @property
    def root(self) -> Path:
        return self.settings.root


def _collection_entries(root: Path, spec: CollectionSpec, errors: list[DataError],
                        defaults: dict[str, Any] | None = None) -> tuple[Any, list[Entry]]:
    """The records of one data file, validated one by one. `defaults`: fields a single-record file
    may leave out because they are written elsewhere (the site's title is mkdocs.yml's site_name)."""
    label = f"data/{spec.filename}"
    if not spec.required and not (root / "data" / spec.filename).exists():
        return None, []
    raw = read_yaml(root / "data" / spec.filename, label, errors)
    if raw is None:
        return None, []
    if spec.many and not isinstance(raw, list):
        errors.append(DataError(label, getattr(raw, "line", 1), "",
                                "moet een lijst van records zijn; elk record begint met '- id: …'"))
        return None, []
    if not spec.many and not isinstance(raw, dict):
        errors.append(DataError(label, getattr(raw, "line", 1), "", "moet een verzameling velden zijn (sleutel: waarde)"))
        return None, []
    if spec.many:
        return raw, [validate_record(Entry(spec.name, label, raw, (i,), 0, spec.model, item), errors)
                     for i, item in enumerate(raw)]
    for key, value in (defaults or {}).items():
        if key not in raw and value:
            raw[key] = value
    return raw, [validate_record(Entry(spec.name, label, raw, (), None, spec.model, raw), errors)]


def _bundle_entries(root: Path, errors: list[DataError]) -> list[Entry]:
    """data/bronnen/*.yml: each file one source with its own lists, comparisons and tables."""
    folder = root / "data" / BUNDLE_DIR
    entries: list[Entry] = []
    models = {"source": Source, "lists": ItemList, "comparisons": Comparison, "tables": Table}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        label = path.relative_to(root).as_posix()
        raw = read_yaml(path, label, errors)
        if raw is None:
            continue
        if not isinstance(raw, dict):
            errors.append(DataError(label, getattr(raw, "line", 1), "",
                                    "moet velden bevatten: source, en eventueel lists, comparisons en tables"))
            continue
        if "source" not in raw:
            errors.append(DataError(label, raw.line, "source", "verplicht veld ontbreekt"))
        for key in raw:
            if key not in BUNDLE_PARTS:
                errors.append(DataError(label, raw.key_lines.get(key, raw.line), str(key),
                                        "onbekend veld; dit veld hoort hier niet"))
        for key, collection in BUNDLE_PARTS.items():
            if key not in raw:
                continue
            if key == "source":
                entries.append(validate_record(Entry(collection, label, raw, ("source",), None, models[key], raw[key]),
                                         errors))
            elif not isinstance(raw[key], list):
                errors.append(DataError(label, raw.key_lines[key], key, "moet een lijst zijn"))
            else:
                entries += [validate_record(Entry(collection, label, raw, (key, i), 1, models[key], item), errors)
                            for i, item in enumerate(raw[key])]
    return entries




def _load_stories(root: Path, stories_dir: Path, errors: list[DataError], only: str | None = None) -> tuple[list[Post], list[Entry]]:
    posts: list[Post] = []
    entries: list[Entry] = []
    folder = root / stories_dir
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        if only is not None and path.stem != only:
            continue
        label = path.relative_to(root).as_posix()
        text, errs = read_text(path, label)
        errors.extend(errs)
        if text is None:
            continue
        front, body, body_line, errs = split_front_matter(text, label)
        errors.extend(errs)
        if front is None:
            continue
        raw, errs = parse_yaml(front, label, line_offset=1)
        errors.extend(errs)
        errors.extend(check_story_body(body, body_line, label))
        if errs:
            continue
        if not isinstance(raw, dict):
            errors.append(DataError(label, 2, "", "front matter moet velden bevatten (sleutel: waarde)"))
            continue
        shift_lines(raw, 1)
        entry = validate_record(Entry("stories", label, raw, (), None, Story, raw), errors)
        entries.append(entry)
        if entry.record is not None:
            posts.append(Post(entry.record, label, path.stem))
    return posts, entries


def _own_strings(root: Path, errors: list[DataError]) -> dict:
    path = root / places.own("templates") / templates.OWN_STRINGS
    if not path.is_file():
        return {}
    raw = read_yaml(path, path.relative_to(root).as_posix(), errors)
    return raw if isinstance(raw, dict) else {}


def load_project(root: Path | str, only_story: str | None = None) -> Project:
    """Read and validate everything under `root`; raise DataErrors listing every problem.
    `only_story` (a file name without .md) loads that story alone, for the one-story preview."""
    root = Path(root).resolve()
    errors: list[DataError] = []
    settings = settings_module.read(root, errors)
    settings_valid = not errors  # with broken settings, folders are unknown: no checks of files and links
    entries: list[Entry] = []
    unreadable: set[str] = set()
    for spec in COLLECTIONS:
        before = len(errors)
        # Each fact written once: the publication's title is mkdocs.yml's site_name unless data says it.
        defaults = {"title": settings.site_name}
        _, found = _collection_entries(root, spec, errors, defaults if spec.name == "site" else None)
        if len(errors) > before and not found:
            unreadable.add(f"data/{spec.filename}")
        entries += found
    entries += _bundle_entries(root, errors)
    posts, story_entries = _load_stories(root, settings.stories_dir, errors, only_story)
    entries += story_entries

    own_strings = _own_strings(root, errors)
    troubled = {error.path for error in errors}  # files with errors: no follow-up errors from them
    errors += validation.check_pages(settings, settings.stories_dir)
    errors += validation.unique_ids(entries)
    errors += validation.references(entries)
    errors += validation.goals_and_circles(entries)
    errors += validation.home_actions(settings, entries)
    if only_story is None:  # the one-story preview reads only that story; the featured one may be another
        errors += validation.featured_story(entries)
    errors += validation.numbering(entries)
    errors += validation.core_records(entries, unreadable)
    errors += validation.route_targets(settings, entries)
    errors += validation.principle_pages(settings, entries)
    errors += validation.macro_calls(settings, entries, troubled)
    errors += validation.forbidden_text(settings)
    errors += validation.quote_style(settings)
    errors += validation.navigation(settings)
    errors += validation.print_pages(settings)
    if settings_valid:
        errors += editorial.story_folder(settings)
        errors += editorial.stray_files(settings)
    if errors:
        # Links too, in the same run; anchors that macros make are checked once the data is valid.
        raise DataErrors(validation.tidy(errors + (editorial.check_links(settings) if settings_valid else [])))

    by_collection: dict[str, list[Record]] = {}
    for entry in entries:
        by_collection.setdefault(entry.collection, []).append(entry.record)
    single = {spec.name: by_collection.get(spec.name, [None])[0] for spec in COLLECTIONS if not spec.many}
    many = {name: tuple(by_collection.get(name, ())) for name in MANY_COLLECTIONS}
    bundles: dict[str, list[tuple[str, str]]] = {}
    for entry in entries:
        if entry.label.startswith(f"data/{BUNDLE_DIR}/") and entry.collection != "sources":
            source = next(e.record.id for e in entries if e.label == entry.label and e.collection == "sources")
            bundles.setdefault(source, []).append((entry.collection, entry.record.id))
    slugs = {post.slug for post in posts}
    reading_order = tuple(dict.fromkeys(
        Path(page).stem for part in settings.pdf.parts for page in part.pages if Path(page).stem in slugs))
    data = SiteData(**single, **many, stories=tuple(posts), bundles={k: tuple(v) for k, v in bundles.items()},
                    reading_order=reading_order, strings=templates.strings(own_strings))
    link_errors = editorial.check_links(settings, page_macros.context(settings, data))
    if link_errors:
        raise DataErrors(link_errors)
    return Project(settings, data)


def publishing() -> bool:
    """The publishing build: CI (CI=true). It refuses what is fine to preview but not to publish."""
    return os.environ.get("CI", "").lower() == "true"


def unfinished(project: Project) -> list[DataError]:
    """What is not ready to publish yet (a starter's 'VUL IN'): a warning locally, an error in CI."""
    return validation.placeholders(project.settings) + editorial.unfinished_stories(project.settings)


def load(root: Path | str, only_story: str | None = None) -> SiteData:
    """The validated data of the project at `root` (load_project without the settings)."""
    return load_project(root, only_story).data


_CACHE: dict[Path, tuple[tuple, Project]] = {}


def _signature(root: Path) -> tuple:
    """What the content is made of, cheaply: name, size and modification time of every input file."""
    files = [*sorted(root.glob("*.yml")), *sorted((root / "engine").glob("*.yml")),
             *sorted((root / "data").rglob("*.yml")), *sorted((root / "docs").rglob("*.md"))]
    return tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())


def load_cached(root: Path | str) -> Project:
    """`load_project`, reused while no input file changed (and for the preview's one story)."""
    root = Path(root).resolve()
    only = os.environ.get(FOCUS_ENV) or None
    signature = (_signature(root), only)
    cached = _CACHE.get(root)
    if cached is None or cached[0] != signature:
        _CACHE[root] = (signature, load_project(root, only))
    return _CACHE[root][1]


def check(root: Path | str) -> list[DataError]:
    """All errors in the content under `root` (empty when everything is valid)."""
    try:
        load_project(root)
    except DataErrors as exc:
        return exc.errors
    return []
