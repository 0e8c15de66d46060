"""One read of a harvest: every file of the project listed once, every text file read once.

    mkdocs.yml (+ the engine base) ─► settings
    data/*.yml, data/bronnen/*.yml ─► records (each validated by its model, with lines)
    docs/**  ─► the list of files; pages and stories read on first use, then kept
    overrides/eigen/strings.yml ─► the circle's own words

The rules (rules.py and the rules_*.py modules) all take this one object, so `make check` reads each
file once however many rules look at it; loader.py turns it into the validated SiteData.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable

from pydantic import BaseModel, ValidationError

from . import places
from . import settings as settings_module
from . import templates
from .errors import DataError, from_validation_error
from .models import BUNDLE_DIR, BUNDLE_PARTS, PEOPLE_DIR, Person, COLLECTIONS, CollectionSpec, Record, SourceBundle, Story
from .reading import LineDict, locate, parse_yaml, read_text, shift_lines, split_front_matter
from .settings import Settings
from .sitedata import Post


@dataclass
class Entry:
    """One record as read from a file: where it is, its raw form and (if valid) its model."""

    collection: str
    label: str            # file, e.g. data/bronnen/plek.yml
    raw: Any              # the file's parsed root, for line numbers
    prefix: tuple[Any, ...]  # where the record sits inside `raw`
    name_at: int | None   # depth at which `locate` names the record by its id
    model: type[Record]
    item: Any             # the raw record
    record: Record | None = None

    def locate(self, loc: tuple[Any, ...]) -> tuple[int, str]:
        return locate(self.raw, self.prefix + loc, self.name_at)


def validate_record(entry: Entry, errors: list[DataError]) -> Entry:
    try:
        entry.record = entry.model.model_validate(entry.item)
    except ValidationError as exc:
        errors.extend(from_validation_error(exc, entry.label, entry.locate))
    return entry


@dataclass
class StoryFile:
    """A story as read: its file, front matter (raw, for lines) and body."""

    label: str
    slug: str
    front: Any = None      # the parsed front matter (LineDict), or None when it could not be read
    has_front: bool = False   # the file opens and closes its front matter ('---')
    body: str = ""
    body_line: int = 1     # the line of the body's first line
    entry: Entry | None = None


@dataclass
class Sources:
    """Everything a harvest is made of, read once. Files are read on first use and kept."""

    root: Path
    settings: Settings
    settings_errors: list[DataError]
    only_story: str | None = None     # the one-story preview: only this story is read
    read_errors: list[DataError] = field(default_factory=list)     # unreadable files, YAML, record models
    entries: list[Entry] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)               # data files that could not be read
    stories: list[StoryFile] = field(default_factory=list)
    own_strings: dict = field(default_factory=dict)
    own_strings_raw: Any = None
    reads: Counter = field(default_factory=Counter)                 # label → times read (a test counts them)
    context: Any = None       # context.Context once the data is valid: the links rules render macros
    _texts: dict[str, str | None] = field(default_factory=dict)

    # --- paths -----------------------------------------------------------------------------------

    @property
    def settings_valid(self) -> bool:
        return not self.settings_errors

    @property
    def docs(self) -> Path:
        return self.settings.docs

    @functools.cached_property
    def docs_files(self) -> list[str]:
        """Every file under docs/, relative to it, sorted (one walk of the folder)."""
        docs = self.docs
        if not docs.is_dir():
            return []
        return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())

    @property
    def stories_folder(self) -> str:
        return self.settings.stories_folder

    def in_stories_folder(self, rel: str) -> bool:
        """Whether docs/<rel> lies in the stories folder (a story, or a photo beside one)."""
        return rel.startswith(self.stories_folder + "/")

    @functools.cached_property
    def pages(self) -> list[str]:
        """The Markdown pages under docs/ that are not stories (relative to docs/)."""
        return [f for f in self.docs_files if f.endswith(".md") and not self.settings.is_story(f)]

    @functools.cached_property
    def data_files(self) -> list[str]:
        """Every YAML file under data/, by label (data/…), sorted."""
        folder = self.root / "data"
        return sorted(p.relative_to(self.root).as_posix() for p in folder.rglob("*.yml")) if folder.is_dir() else []

    def docs_label(self, rel: str) -> str:
        return f"{self.settings.docs_dir.rstrip('/')}/{rel}"

    # --- reading ---------------------------------------------------------------------------------

    def text(self, label: str) -> str | None:
        """The text of the file at `label` (relative to the project), read once; None when it cannot be
        read (the reason is in read_errors the first time)."""
        if label not in self._texts:
            self.reads[label] += 1
            text, errors = read_text(self.root / label, label)
            self._texts[label] = text
            self.read_errors.extend(errors)
        return self._texts[label]

    def page_text(self, rel: str) -> str | None:
        """The text of docs/<rel>."""
        return self.text(self.docs_label(rel))

    def yaml(self, label: str) -> Any:
        """The parsed YAML of a data file (with lines), or None with the reasons in read_errors."""
        text = self.text(label)
        if text is None:
            return None
        raw, errors = parse_yaml(text, label)
        self.read_errors.extend(errors)
        if errors:
            return None
        if raw is None:
            self.read_errors.append(DataError(label, 1, "", "bestand is leeg"))
        return raw

    @functools.cached_property
    def story_template(self) -> tuple[str, str]:
        """(front matter, body) of the stories' template (docs/verhalen/_template.md), or empty."""
        label = self.settings.story_template.as_posix()
        text = self.text(label) if (self.root / label).is_file() else None
        if text is None:
            return "", ""
        front, body, _line, _errors = split_front_matter(text, label)
        return front or "", body

    @property
    def excerpt_separator(self) -> str:
        """Where a story's introduction ends (Material's post_excerpt_separator)."""
        return self.settings.blog.post_excerpt_separator

    def valid(self, collection: str) -> list[Entry]:
        return [e for e in self.entries if e.collection == collection and e.record is not None]


# --- the read ------------------------------------------------------------------------------------


def _collection(src: Sources, spec: CollectionSpec) -> list[Entry]:
    """The records of one data file, validated one by one."""
    label = f"data/{spec.filename}"
    if not spec.required and not (src.root / label).exists():
        return []
    before = len(src.read_errors)
    raw = src.yaml(label)
    if raw is None:
        if len(src.read_errors) > before:
            src.unreadable.add(label)
        return []
    errors = src.read_errors
    if spec.many and not isinstance(raw, list):
        errors.append(DataError(label, getattr(raw, "line", 1), "",
                                "moet een lijst van records zijn; elk record begint met '- id: …'"))
        src.unreadable.add(label)
        return []
    if not spec.many and not isinstance(raw, dict):
        errors.append(DataError(label, getattr(raw, "line", 1), "", "moet een verzameling velden zijn (sleutel: waarde)"))
        src.unreadable.add(label)
        return []
    if spec.many:
        return [validate_record(Entry(spec.name, label, raw, (i,), 0, spec.model, item), errors)
                for i, item in enumerate(raw)]
    # Each fact written once: the publication's title is mkdocs.yml's site_name unless data says it.
    if spec.name == "site" and "title" not in raw and src.settings.site_name:
        raw["title"] = src.settings.site_name
    return [validate_record(Entry(spec.name, label, raw, (), None, spec.model, raw), errors)]


def _folder_files(src: Sources, folder: str, fields: str):
    """(label, fields) of every readable data/<folder>/*.yml that holds fields (one record per file);
    a file of another shape is an error that says which fields belong there."""
    for label in src.data_files:
        if not label.startswith(f"data/{folder}/"):
            continue
        raw = src.yaml(label)
        if raw is None:
            continue
        if not isinstance(raw, dict):
            src.read_errors.append(DataError(label, getattr(raw, "line", 1), "", f"moet velden bevatten: {fields}"))
            continue
        yield label, raw


def _people_files(src: Sources) -> list[Entry]:
    """data/mensen/<id>.yml: one person per file, as the editors' page writes a proposed person."""
    entries: list[Entry] = []
    for label, raw in _folder_files(src, PEOPLE_DIR, "name en eventueel description"):
        if "id" not in raw:
            raw["id"] = PurePosixPath(label).stem
        entries.append(validate_record(Entry("people", label, raw, (), None, Person, raw), src.read_errors))
    return entries


def _bundles(src: Sources) -> list[Entry]:
    """data/bronnen/*.yml: each file one source with its own lists, comparisons and tables
    (models.SourceBundle: a field of its own per part)."""
    entries: list[Entry] = []
    errors = src.read_errors
    for label, raw in _folder_files(src, BUNDLE_DIR, "source, en eventueel lists, comparisons en tables"):
        if "source" not in raw:
            errors.append(DataError(label, raw.line, "source", "verplicht veld ontbreekt"))
        for key in raw:
            if key not in BUNDLE_PARTS:
                errors.append(DataError(label, raw.key_lines.get(key, raw.line), str(key),
                                        "onbekend veld; dit veld hoort hier niet"))
        for key, collection in BUNDLE_PARTS.items():
            if key not in raw:
                continue
            model = _bundle_model(key)
            if key == "source":
                entries.append(validate_record(Entry(collection, label, raw, ("source",), None, model, raw[key]), errors))
            elif not isinstance(raw[key], list):
                errors.append(DataError(label, raw.key_lines[key], key, "moet een lijst zijn"))
            else:
                entries += [validate_record(Entry(collection, label, raw, (key, i), 1, model, item), errors)
                            for i, item in enumerate(raw[key])]
    return entries


def _bundle_model(key: str) -> type[BaseModel]:
    """The model of one part of a bundle, as SourceBundle declares it (a list's item type)."""
    annotation = SourceBundle.model_fields[key].annotation
    return getattr(annotation, "__args__", (annotation,))[0]


def _stories(src: Sources) -> list[StoryFile]:
    found: list[StoryFile] = []
    for rel in src.docs_files:
        if not src.settings.is_story(rel):
            continue
        slug = PurePosixPath(rel).stem
        if src.only_story is not None and slug != src.only_story:
            continue
        label = src.docs_label(rel)
        story = StoryFile(label, slug)
        found.append(story)
        text = src.page_text(rel)
        if text is None:
            continue
        front, body, body_line, errors = split_front_matter(text, label)
        src.read_errors.extend(errors)
        if front is None:
            continue
        story.has_front, story.body, story.body_line = True, body, body_line
        raw, errors = parse_yaml(front, label, line_offset=1)
        src.read_errors.extend(errors)
        if errors:
            continue
        if not isinstance(raw, dict):
            src.read_errors.append(DataError(label, 2, "", "front matter moet velden bevatten (sleutel: waarde)"))
            continue
        shift_lines(raw, 1)
        story.front = raw
        story.entry = validate_record(Entry("stories", label, raw, (), None, Story, raw), src.read_errors)
    return found


def _own_strings(src: Sources) -> None:
    label = templates.own_strings_label()
    if not (src.root / label).is_file():
        return
    raw = src.yaml(label)
    src.own_strings_raw = raw
    src.own_strings = raw if isinstance(raw, dict) else {}


def read(root: Path | str, only_story: str | None = None) -> Sources:
    """Read the harvest at `root`: settings, data, stories and the circle's own words. Problems while
    reading (files, YAML, the records' models) are in `read_errors`; every other rule runs over this."""
    root = Path(root).resolve()
    settings_errors: list[DataError] = []
    settings = settings_module.read(root, settings_errors)
    src = Sources(root, settings, settings_errors, only_story)
    for spec in COLLECTIONS:
        src.entries += _collection(src, spec)
    src.entries += _bundles(src)
    src.entries += _people_files(src)
    src.stories = _stories(src)
    src.entries += [s.entry for s in src.stories if s.entry is not None]
    _own_strings(src)
    return src


def posts(src: Sources) -> list[Post]:
    """The stories whose front matter is valid."""
    return [Post(s.entry.record, s.label, s.slug) for s in src.stories if s.entry and s.entry.record is not None]


# Patterns the rules share.
MACRO_CALL = re.compile(r"{{-?\s*(\w+)\s*\((.*?)\)\s*-?}}")
STRING_ARG = re.compile(r"""(?:(\w+)\s*=\s*)?(["'])(.*?)\2""")

Rule = Callable[[Sources], Any]
