"""Read `data/*.yml` once, validate everything, cross-check references → one SiteData.

All I/O of the package happens here. Every problem becomes a DataError that names
file, line and field in Dutch; a run reports all of them at once.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError, DataErrors, from_validation_error
from .identity import Identity
from .search import SearchSettings
from .models import (
    BUNDLE_DIR,
    BUNDLE_PARTS,
    COLLECTIONS,
    Advice,
    Circle,
    CollectionSpec,
    ColophonGroup,
    Comparison,
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

STORIES_DIR = Path("docs/verhalen/posts")
MORE = "<!-- more -->"

# ---------------------------------------------------------------------------
# YAML with line numbers
# ---------------------------------------------------------------------------


class LineDict(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    """A sequence that remembers the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    """Safe YAML loader that keeps line numbers, refuses duplicate keys and keeps dates as text."""


# Dates stay strings: the models parse them, so '2024-02-31' gets a Dutch error with a line.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise DuplicateKey(
                problem=f"sleutel '{key}' staat twee keer in hetzelfde record",
                problem_mark=key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_tagged(loader: _Loader, suffix: str, node: yaml.Node) -> None:
    """MkDocs tags such as !ENV are read as nothing: only the identity is read from mkdocs.yml."""
    return None


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

# The same loader on libyaml's C parser, where PyYAML has it: 8× faster on 1,000 stories' front
# matter (0.36 → 0.04 s). Only valid input goes this way; on any YAML error the file is read again
# with the pure-Python loader, whose messages the Dutch translations above know.
_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        pass

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _FastLoader.add_multi_constructor("!", _construct_tagged)
    _FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_text(path: Path, label: str) -> tuple[str | None, list[DataError]]:
    """Read a file as UTF-8, or say in Dutch why it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [DataError(label, 0, "", "bestand ontbreekt")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [DataError(label, line, "", "bestand is geen UTF-8-tekst; sla het op als UTF-8")]
    return text.lstrip("\ufeff"), []


def parse_yaml(text: str, label: str, line_offset: int = 0) -> tuple[Any, list[DataError]]:
    """Parse YAML text into LineDict/LineList values, or a Dutch syntax error with its line."""
    if _FastLoader is not None:
        try:
            return yaml.load(text, Loader=_FastLoader), []  # noqa: S506 - derives from CSafeLoader
        except yaml.YAMLError:
            pass  # read again below for the message
    try:
        return yaml.load(text, Loader=_Loader), []  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 0
        problem = exc.problem or "onleesbare YAML"
        if isinstance(exc, DuplicateKey):
            return None, [DataError(label, line, "", problem)]
        return None, [DataError(label, line, "", f"YAML-syntaxfout: {_yaml_problem_nl(problem)}")]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, [DataError(label, 0, "", f"YAML-syntaxfout: {exc}")]


def _yaml_problem_nl(problem: str) -> str:
    known = {
        "mapping values are not allowed here": "hier mag geen 'sleutel: waarde' staan (vergeten aanhalingstekens rond een tekst met een dubbele punt?)",
        "could not find expected ':'": "verwachtte een ':' na de sleutel",
        "found character '\\t' that cannot start any token": "tabs zijn niet toegestaan; gebruik spaties om in te springen",
        "did not find expected key": "verwachtte hier een sleutel (klopt het inspringen?)",
        "did not find expected '-' indicator": "verwachtte hier een lijst-item dat begint met '-' (klopt het inspringen?)",
        "found unexpected end of stream": "het bestand houdt onverwacht op (ontbreekt een afsluitend aanhalingsteken?)",
    }
    for english, dutch in known.items():
        if problem.startswith(english):
            return dutch
    return problem


# ---------------------------------------------------------------------------
# Locating a validation error in the source
# ---------------------------------------------------------------------------


def locate(raw: Any, loc: tuple[Any, ...], name_at: int | None) -> tuple[int, str]:
    """Line and readable field label for a pydantic `loc` inside `raw`.

    The list index at depth `name_at` picks a record, which is named by its id when it has one
    ('penvoerder.title'), otherwise by its position counted from 1 ('#4.title'); other list items
    are numbered from 1 ('items[3]').
    """
    node = raw
    line = getattr(raw, "line", 0)
    parts: list[str] = []
    for depth, step in enumerate(loc):
        if isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            child = node[step]
            if depth == name_at:
                ident = child.get("id") if isinstance(child, dict) else None
                parts.append(ident if isinstance(ident, str) and ident else f"#{step + 1}")
            else:
                parts[-1:] = [f"{parts[-1]}[{step + 1}]"] if parts else [f"[{step + 1}]"]
            node = child
        elif isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            parts.append(str(step))
            node = node[step]
        else:
            if isinstance(node, LineDict):
                line = node.line or line
            parts.append(str(step) if not isinstance(step, int) else f"[{step + 1}]")
            node = None
    return line, ".".join(parts)


# ---------------------------------------------------------------------------
# The validated whole
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    """A validated story: its front matter, where it lives and where it is published."""

    meta: Story
    path: str  # relative to the project, e.g. docs/verhalen/posts/mijn-verhaal.md
    slug: str  # the file name without .md; the blog publishes it at verhalen/<slug>/

    @property
    def url(self) -> str:
        return f"verhalen/{self.slug}/"


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
    sources: tuple[Source, ...] = ()
    tables: tuple[Table, ...] = ()
    stories: tuple[Post, ...] = ()
    # source id → ((collection, id), …): the units a file in data/bronnen/ adds besides its source
    bundles: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    identity: Identity = field(default_factory=Identity)
    search: SearchSettings = field(default_factory=SearchSettings)
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
        """Stories that are published (no drafts), newest first, then by title."""
        posts = [p for p in self.stories if not p.meta.draft]
        return sorted(posts, key=lambda p: (-p.meta.date.toordinal(), p.meta.title))

    def stories_for_circle(self, ident: str) -> list[Post]:
        category = self.circle(ident).category
        return [p for p in self.published_stories() if category in p.meta.categories]

    def stories_for_principle(self, ident: str) -> list[Post]:
        return [p for p in self.published_stories() if ident in p.meta.principles]

    def stories_by_person(self, ident: str) -> list[Post]:
        return [p for p in self.published_stories() if ident in p.meta.authors]

    def stories_for_theme(self, ident: str) -> list[Post]:
        return [p for p in self.published_stories() if ident in p.meta.tags]

    def sources_for_theme(self, ident: str) -> list[Source]:
        return [s for s in self.sources if ident in s.themes]

    def appearances(self, ident: str) -> list[tuple[str, str]]:
        """(label, url from the site root) of every place a person appears, derived from references."""
        found: list[tuple[str, str]] = []
        for circle in self.circles:
            roles = [g.role for g in circle.guides if g.person == ident]
            if circle.ambassador == ident:
                roles.append("ambassadeur")
            if roles:
                found.append((f"{circle.name} ({', '.join(roles)})", f"leerkringen/{circle.id}/"))
        for group in self.colophon:
            if any(m.person == ident for m in group.members):
                found.append((f"Colofon: {group.title}", f"over/colofon/#colofon-{group.id}"))
        for post in self.stories_by_person(ident):
            found.append((f"Verhaal: {post.meta.title}", post.url))
        for event in self.sorted_timeline():
            if ident in event.people:
                found.append((f"Tijdlijn, {event.date.label}: {event.title}", f"leerreis/tijdlijn/#{event.id}"))
        return found

    def circles_of(self, post: Post) -> list[Circle]:
        by_category = {c.category: c for c in self.circles}
        return [by_category[name] for name in post.meta.categories]


def _references(obj: BaseModel, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, str, str]]:
    """Every (loc, value, target collection, target field) that `obj` points at, recursively."""
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        target = extra.get("ref")
        values = value if isinstance(value, (list, tuple)) else [value]
        for i, item in enumerate(values):
            item_loc = loc + ((name, i) if isinstance(value, (list, tuple)) else (name,))
            if target and isinstance(item, str):
                yield item_loc, item, target, extra.get("by", "id")
            elif isinstance(item, BaseModel):
                yield from _references(item, item_loc)


def _raw_references(model: type[BaseModel], item: Any) -> Iterator[tuple[tuple[Any, ...], str, str, str]]:
    """References at the top level of a record that did not validate, so they are reported too."""
    if not isinstance(item, dict):
        return
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if "ref" not in extra or name not in item:
            continue
        value = item[name]
        if isinstance(value, str):
            yield (name,), value, extra["ref"], extra.get("by", "id")
        elif isinstance(value, list):
            for j, element in enumerate(value):
                if isinstance(element, str):
                    yield (name, j), element, extra["ref"], extra.get("by", "id")


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


def _validate(entry: Entry, errors: list[DataError]) -> Entry:
    try:
        entry.record = entry.model.model_validate(entry.item)
    except ValidationError as exc:
        errors.extend(from_validation_error(exc, entry.label, entry.locate))
    return entry


def _read_yaml(path: Path, label: str, errors: list[DataError]) -> Any:
    text, errs = read_text(path, label)
    errors.extend(errs)
    if text is None:
        return None
    raw, errs = parse_yaml(text, label)
    errors.extend(errs)
    if errs:
        return None
    if raw is None:
        errors.append(DataError(label, 1, "", "bestand is leeg"))
    return raw


def _collection_entries(root: Path, spec: CollectionSpec, errors: list[DataError]) -> tuple[Any, list[Entry]]:
    label = f"data/{spec.filename}"
    if not spec.required and not (root / "data" / spec.filename).exists():
        return None, []
    raw = _read_yaml(root / "data" / spec.filename, label, errors)
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
        return raw, [_validate(Entry(spec.name, label, raw, (i,), 0, spec.model, item), errors)
                     for i, item in enumerate(raw)]
    return raw, [_validate(Entry(spec.name, label, raw, (), None, spec.model, raw), errors)]


def _bundle_entries(root: Path, errors: list[DataError]) -> list[Entry]:
    """data/bronnen/*.yml: each file one source with its own lists, comparisons and tables."""
    folder = root / "data" / BUNDLE_DIR
    entries: list[Entry] = []
    models = {"source": Source, "lists": ItemList, "comparisons": Comparison, "tables": Table}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        label = path.relative_to(root).as_posix()
        raw = _read_yaml(path, label, errors)
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
                entries.append(_validate(Entry(collection, label, raw, ("source",), None, models[key], raw[key]),
                                         errors))
            elif not isinstance(raw[key], list):
                errors.append(DataError(label, raw.key_lines[key], key, "moet een lijst zijn"))
            else:
                entries += [_validate(Entry(collection, label, raw, (key, i), 1, models[key], item), errors)
                            for i, item in enumerate(raw[key])]
    return entries


# The live preview of one story (make serve VERHAAL=…) sets this to the story's file name without
# .md: only that story is loaded, so the preview stays fast however many stories there are.
FOCUS_ENV = "KO_VOORBEELD_VERHAAL"


def load(root: Path | str, only_story: str | None = None) -> SiteData:
    """Load and validate all content under `root`; raise DataErrors listing every problem.
    `only_story` (a file name without .md) loads that story alone, for the one-story preview."""
    root = Path(root)
    errors: list[DataError] = []
    entries: list[Entry] = []
    for spec in COLLECTIONS:
        _, found = _collection_entries(root, spec, errors)
        entries += found
    entries += _bundle_entries(root, errors)
    posts, story_entries = _load_stories(root, errors, only_story)
    entries += story_entries
    identity = _load_setting(root, errors, "identity", Identity)
    search = _load_setting(root, errors, "search", SearchSettings)
    errors.extend(_check_pages(root))

    # Ids are unique per collection, across every file that adds to it.
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for entry in entries:
        if entry.record is None or entry.collection == "stories" or not hasattr(entry.record, "id"):
            continue
        line, label = entry.locate(("id",))
        key = (entry.collection, entry.record.id)
        if key in seen:
            where = seen[key][1] if seen[key][0] == entry.label else f"{seen[key][0]}:{seen[key][1]}"
            errors.append(DataError(entry.label, line, label,
                                    f"id '{entry.record.id}' komt al voor op regel {where}; ids moeten uniek zijn"
                                    if seen[key][0] == entry.label else
                                    f"id '{entry.record.id}' komt al voor in {where}; ids moeten uniek zijn"))
        else:
            seen[key] = (entry.label, line)

    # References resolve. Known values come from the raw records, so one broken record does not
    # make every reference to it fail too; a file that could not be read is not a target at all.
    known: dict[tuple[str, str], set[Any]] = {}
    for entry in entries:
        if isinstance(entry.item, dict):
            for by in ("id", "category", "title"):
                known.setdefault((entry.collection, by), set()).add(entry.item.get(by))
    filenames = {spec.name: f"data/{spec.filename}" for spec in COLLECTIONS}
    filenames.update({"sources": f"data/{BUNDLE_DIR}/", "tables": f"data/{BUNDLE_DIR}/"})
    for entry in entries:
        refs = _references(entry.record) if entry.record is not None else _raw_references(entry.model, entry.item)
        for loc, value, target, by in refs:
            valid = known.get((target, by))
            if valid is None or value in valid:
                continue
            line, field_label = entry.locate(loc)
            choices = ", ".join(sorted(v for v in valid if isinstance(v, str))) or "(nog geen)"
            what = "" if by == "id" else f" als {by}"
            errors.append(DataError(entry.label, line, field_label,
                                    f"'{value}' bestaat niet{what} in {filenames[target]}; kies uit: {choices}"))

    if errors:
        raise DataErrors(errors)

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
    return SiteData(**single, **many, stories=tuple(posts), bundles={k: tuple(v) for k, v in bundles.items()},
                    identity=identity, search=search)


def _load_setting(root: Path, errors: list[DataError], key: str, model: type[Record]) -> Any:
    """extra.<key> from the circle's mkdocs.yml (identity: colours; search: which search), validated;
    the model's defaults when absent."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return model()
    raw = _read_yaml(path, "mkdocs.yml", errors)
    extra = raw.get("extra") if isinstance(raw, dict) else None
    section = extra.get(key) if isinstance(extra, dict) else None
    if section is None:
        return model()
    entry = Entry(key, "mkdocs.yml", raw, ("extra", key), None, model, section)
    _validate(entry, errors)
    return entry.record or model()


def split_front_matter(text: str, label: str) -> tuple[str | None, str, int, list[DataError]]:
    """(front matter, body, line of the body's first line, errors) of a Markdown file."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1, [DataError(label, 1, "", "front matter ontbreekt: een verhaal begint met een regel '---', "
                                                          "dan de velden, dan weer '---'")]
    for n, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:n]), "\n".join(lines[n + 1:]), n + 2, []
    return None, text, 1, [DataError(label, 1, "", "front matter is niet afgesloten: zet een regel '---' na de velden")]


_IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(")
_HTML_IMG_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\balt\s*=\s*[\"'][^\"']+)[^>]*>", re.IGNORECASE)
# Raw HTML passes through Markdown untouched: refuse what could run code or reach other hosts.
_FORBIDDEN_HTML = re.compile(r"<\s*(script|iframe|object|embed|style|form|input|button|link|meta|base)\b", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
_JS_URL = re.compile(r"javascript:", re.IGNORECASE)
_SNIPPET = re.compile(r"-{1,}8<-{1,}")


def check_images(text: str, first_line: int, label: str) -> list[DataError]:
    """Every image, Markdown or HTML, needs alt text."""
    errors = []
    for n, line in enumerate(text.split("\n"), start=first_line):
        if _IMAGE_WITHOUT_ALT.search(line) or _HTML_IMG_WITHOUT_ALT.search(line):
            errors.append(DataError(label, n, "", "afbeelding zonder alt-tekst: beschrijf tussen [ ] wat erop staat"))
    return errors


def check_story_body(body: str, first_line: int, label: str) -> list[DataError]:
    """Rules for a story's text: a teaser before <!-- more -->, alt text on every image, no active HTML."""
    errors = []
    if MORE not in body:
        errors.append(DataError(label, first_line, "", f"de inleiding ontbreekt: zet '{MORE}' op een eigen regel "
                                                       "na de eerste alinea (die alinea staat op het overzicht)"))
    errors.extend(check_images(body, first_line, label))
    for n, line in enumerate(body.split("\n"), start=first_line):
        match = _FORBIDDEN_HTML.search(line)
        if match:
            errors.append(DataError(label, n, "", f"HTML-element <{match.group(1).lower()}> is niet toegestaan "
                                                  "in een verhaal; schrijf gewone tekst"))
        elif _SNIPPET.search(line):
            errors.append(DataError(label, n, "", "'--8<--' (een ander bestand invoegen) is niet toegestaan "
                                                  "in een verhaal"))
        elif _EVENT_HANDLER.search(line) or _JS_URL.search(line):
            errors.append(DataError(label, n, "", "HTML met code (on…= of javascript:) is niet toegestaan "
                                                  "in een verhaal"))
    return errors


def _load_stories(root: Path, errors: list[DataError], only: str | None = None) -> tuple[list[Post], list[Entry]]:
    posts: list[Post] = []
    entries: list[Entry] = []
    folder = root / STORIES_DIR
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
        _shift_lines(raw, 1)
        entry = _validate(Entry("stories", label, raw, (), None, Story, raw), errors)
        entries.append(entry)
        if entry.record is not None:
            posts.append(Post(entry.record, label, path.stem))
    return posts, entries


def _check_pages(root: Path) -> list[DataError]:
    """Pages other than stories: readable as UTF-8 and every image with alt text."""
    errors: list[DataError] = []
    docs = root / "docs"
    stories = root / STORIES_DIR
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        if stories in path.parents:
            continue
        label = path.relative_to(root).as_posix()
        text, errs = read_text(path, label)
        errors.extend(errs)
        if text is not None:
            errors.extend(check_images(text, 1, label))
    return errors


def _shift_lines(node: Any, offset: int) -> None:
    """Move recorded line numbers by `offset` (front matter starts below the '---' line)."""
    if isinstance(node, LineDict):
        node.line += offset
        node.key_lines = {k: v + offset for k, v in node.key_lines.items()}
        for value in node.values():
            _shift_lines(value, offset)
    elif isinstance(node, LineList):
        node.line += offset
        node.item_lines = [v + offset for v in node.item_lines]
        for value in node:
            _shift_lines(value, offset)


_CACHE: dict[Path, tuple[tuple, SiteData]] = {}


def _signature(root: Path) -> tuple:
    """What the content is made of, cheaply: name, size and modification time of every input file."""
    files = [root / "mkdocs.yml", *sorted((root / "data").rglob("*.yml")), *sorted((root / "docs").rglob("*.md"))]
    return tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())


def load_cached(root: Path | str) -> SiteData:
    """`load`, reused while no input file changed (Zensical calls define_env for every page)."""
    root = Path(root).resolve()
    only = os.environ.get(FOCUS_ENV) or None
    signature = (_signature(root), only)
    cached = _CACHE.get(root)
    if cached is None or cached[0] != signature:
        _CACHE[root] = (signature, load(root, only))
    return _CACHE[root][1]


def check(root: Path | str) -> list[DataError]:
    """All errors in the content under `root` (empty when everything is valid)."""
    try:
        load(root)
    except DataErrors as exc:
        return exc.errors
    return []
