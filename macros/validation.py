"""Validation: every rule about the content, each a Dutch `file:line: field: message`.

Per record (the pydantic models), across files (unique ids, references, goals and circles that
point at each other, numbering), between data and pages (every page a link points at exists,
every id a macro call names exists), and for the text of stories and pages (alt text, no active
HTML). `loader.load` runs them all and reports every error at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from pathspec import GitIgnoreSpec
from pydantic import BaseModel, ValidationError

from .editorial import story_outside_folder
from .errors import DataError, from_validation_error
from .models import BUNDLE_DIR, COLLECTIONS, Record
from .page_macros import ID_ARGUMENTS, MACROS
from .reading import LineDict, locate, parse_yaml, read_text, shift_lines, split_front_matter
from .routes import targets
from .settings import Settings, nav_pages

MORE = "<!-- more -->"


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


def validate_record(entry: Entry, errors: list[DataError]) -> Entry:
    try:
        entry.record = entry.model.model_validate(entry.item)
    except ValidationError as exc:
        errors.extend(from_validation_error(exc, entry.label, entry.locate))
    return entry



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
    near = re.search(r"<!--\s*more\s*-->", body, re.I)
    if MORE not in body and near:
        line = first_line + body[:near.start()].count("\n")
        errors.append(DataError(label, line, "", f"schrijf '{MORE}' precies zo, met een spatie na '<!--' en vóór "
                                                 f"'-->' (er staat '{near.group(0)}')"))
    elif MORE not in body:
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



def check_pages(settings: Settings, stories_dir: Path) -> list[DataError]:
    """Pages other than stories: readable as UTF-8 and every image with alt text."""
    errors: list[DataError] = []
    docs = settings.docs
    stories = settings.root / stories_dir
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        if stories in path.parents:
            continue
        label = path.relative_to(settings.root).as_posix()
        text, errs = read_text(path, label)
        errors.extend(errs)
        if text is not None:
            errors.extend(check_images(text, 1, label))
    return errors


def unique_ids(entries: list[Entry]) -> list[DataError]:
    """Ids are unique per collection, across every file that adds to it."""
    errors = []
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for entry in entries:
        if entry.record is None or entry.collection == "stories" or not hasattr(entry.record, "id"):
            continue
        line, label = entry.locate(("id",))
        key = (entry.collection, entry.record.id)
        if key in seen:
            first_file, first_line = seen[key]
            where = f"op regel {first_line}" if first_file == entry.label else f"in {first_file}:{first_line}"
            errors.append(DataError(entry.label, line, label,
                                    f"id '{entry.record.id}' komt al voor {where}; ids moeten uniek zijn"))
        else:
            seen[key] = (entry.label, line)
    return errors


def references(entries: list[Entry]) -> list[DataError]:
    """References resolve. Known values come from the raw records, so one broken record does not
    make every reference to it fail too; a file that could not be read is not a target at all."""
    errors = []
    known: dict[tuple[str, str], set[Any]] = {}
    names: dict[tuple[str, str], dict[str, str]] = {}  # (collection, field) → id → that field's value
    ids_by_name: dict[str, dict[str, str]] = {}  # collection → name or title (lower case) → id
    for entry in entries:
        if isinstance(entry.item, dict):
            for by in ("id", "category", "title"):
                known.setdefault((entry.collection, by), set()).add(entry.item.get(by))
                if by != "id" and isinstance(entry.item.get("id"), str) and isinstance(entry.item.get(by), str):
                    names.setdefault((entry.collection, by), {})[entry.item["id"]] = entry.item[by]
            # A record's name or title where its id is asked for (authors: [Piet Proef]).
            for field in ("name", "title", "category"):
                if isinstance(entry.item.get("id"), str) and isinstance(entry.item.get(field), str):
                    ids_by_name.setdefault(entry.collection, {})[entry.item[field].casefold()] = entry.item["id"]
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
            named = names.get((target, by), {}).get(value)
            if named:  # the record's id where its name is asked for (categories: [gebied-centraal])
                line, field_label = entry.locate(loc)
                errors.append(DataError(entry.label, line, field_label,
                                        f"'{value}' is de id; schrijf hier de naam: {named}"))
                continue
            ident = ids_by_name.get(target, {}).get(value.casefold()) if by == "id" else None
            if ident:  # the name where the id is asked for (authors: [Piet Proef])
                line, field_label = entry.locate(loc)
                errors.append(DataError(entry.label, line, field_label,
                                        f"'{value}' is de naam; schrijf hier de id: {ident}"))
                continue
            errors.append(DataError(entry.label, line, field_label,
                                    f"'{value}' bestaat niet{what} in {filenames[target]}; kies uit: {choices}"))
    return errors


def _valid(entries: list[Entry], collection: str) -> list[Entry]:
    return [e for e in entries if e.collection == collection and e.record is not None]


def featured_story(entries: list[Entry]) -> list[DataError]:
    """The story the home page features exists (and is not a draft)."""
    errors = []
    stories = {Path(e.label).stem: e.record for e in _valid(entries, "stories")}
    for entry in _valid(entries, "site"):
        slug = entry.record.featured_story
        if slug is None:
            continue
        story = stories.get(slug)
        if story is None or story.draft:
            line, label = entry.locate(("featured_story",))
            why = "is nog een concept (draft)" if story is not None else "bestaat niet in de map met verhalen"
            valid = ", ".join(sorted(k for k, v in stories.items() if not v.draft)[:8])
            errors.append(DataError(entry.label, line, label, f"het verhaal '{slug}' {why}; kies de bestandsnaam "
                                    f"(zonder .md) van een gepubliceerd verhaal, bijvoorbeeld: {valid}"))
    return errors


def home_actions(settings: Settings, entries: list[Entry]) -> list[DataError]:
    """The buttons of the home page lead to pages that exist."""
    errors = []
    for entry in _valid(entries, "site"):
        for i, action in enumerate(entry.record.actions):
            if not (settings.docs / action.page).is_file():
                line, label = entry.locate(("actions", i, "page"))
                errors.append(DataError(entry.label, line, label, f"de pagina '{action.page}' bestaat niet in "
                                        f"{settings.docs_dir}/; schrijf het pad van een pagina, bijvoorbeeld index.md"))
    return errors


def goals_and_circles(entries: list[Entry]) -> list[DataError]:
    """A goal names the circles that work on it, and each of those circles names that goal back."""
    errors = []
    circles = {e.record.id: e for e in _valid(entries, "circles")}
    goals = {e.record.id: e for e in _valid(entries, "goals")}
    for goal_id, entry in goals.items():
        for i, circle_id in enumerate(entry.record.circles):
            circle = circles.get(circle_id)
            if circle is None or circle.record.goal == goal_id:
                continue
            line, label = entry.locate(("circles", i))
            now = f"noemt '{circle.record.goal}'" if circle.record.goal else "noemt geen doel"
            errors.append(DataError(entry.label, line, label,
                                    f"leerkring '{circle_id}' werkt aan dit doel, maar {now} als goal in "
                                    f"{circle.label}; zet daar goal: {goal_id}"))
    for circle_id, entry in circles.items():
        goal = goals.get(entry.record.goal) if entry.record.goal else None
        if goal is None or circle_id in goal.record.circles:
            continue
        line, label = entry.locate(("goal",))
        errors.append(DataError(entry.label, line, label,
                                f"doel '{goal.record.id}' noemt deze leerkring niet bij circles in {goal.label}; "
                                f"voeg '{circle_id}' daar toe"))
    return errors


def numbering(entries: list[Entry]) -> list[DataError]:
    """Principles and goals are numbered 1, 2, 3, … without gaps or doubles."""
    errors = []
    for collection in ("principles", "goals"):
        found = sorted(_valid(entries, collection), key=lambda e: e.record.number)
        for expected, entry in enumerate(found, start=1):
            if entry.record.number != expected:
                line, label = entry.locate(("number",))
                errors.append(DataError(entry.label, line, label,
                                        f"nummer {entry.record.number} klopt niet: de nummers lopen van 1 "
                                        f"zonder gaten of dubbele nummers; hier verwacht: {expected}"))
                break
    return errors


REQUIRED = {"principles": "principe", "circles": "leerkring", "people": "persoon", "colophon": "groep in het colofon"}


def core_records(entries: list[Entry], unreadable: set[str]) -> list[DataError]:
    """A harvest cannot do without principles, circles, people and a colofon."""
    errors = []
    for spec in COLLECTIONS:
        label = f"data/{spec.filename}"
        if spec.name in REQUIRED and label not in unreadable and not any(e.collection == spec.name for e in entries):
            errors.append(DataError(label, 1, "", f"een oogst heeft minstens één {REQUIRED[spec.name]} nodig; dit bestand is leeg"))
    return errors


_NAME_FOR_ID = re.compile(r"^'(?P<value>.*)' is de naam; schrijf hier de id: (?P<ident>\S+)$")


def tidy(errors: list[DataError]) -> list[DataError]:
    """One message per mistake: where a field has a precise message (a name where the id belongs), the
    generic ones at the same place go ('moet een id zijn …'), and 'a list, with a name' becomes one."""
    by_place: dict[tuple[str, int, str], list[DataError]] = {}
    for error in errors:
        by_place.setdefault((error.path, error.line, error.field.split("[")[0]), []).append(error)
    result: list[DataError] = []
    for place, found in by_place.items():
        named = [e for e in found if _NAME_FOR_ID.match(e.message)]
        listed = [e for e in found if e.message.startswith("moet een lijst zijn")]
        for error in found:
            if len(found) > 1 and error.message.startswith("moet een id zijn van kleine letters"):
                continue
            if named and listed and error in listed:
                continue
            if named and listed and error in named:
                ident = _NAME_FOR_ID.match(error.message)["ident"]
                error = DataError(error.path, error.line, place[2],
                                  f"'{_NAME_FOR_ID.match(error.message)['value']}' is de naam, en het veld is een "
                                  f"lijst: schrijf [{ident}]")
            result.append(error)
    return result


def print_pages(settings: Settings) -> list[DataError]:
    """Every page and story the print edition names (extra.pdf.front and .parts) exists, once."""
    errors: list[DataError] = []
    seen: set[str] = set()
    pdf = settings.pdf
    named = [("front", src) for src in pdf.front] + [("parts", src) for part in pdf.parts for src in part.pages]
    for key, src in named:
        line = settings.lines.get(f"extra.pdf.{key}", 0)
        label = f"extra.pdf.{key}"
        if not src.endswith(".md") or not (settings.docs / src).is_file():
            errors.append(DataError("mkdocs.yml", line, label, f"de pdf noemt '{src}', maar "
                                    f"{settings.docs_dir}/{src} bestaat niet"))
        elif src in seen:
            errors.append(DataError("mkdocs.yml", line, label, f"'{src}' staat twee keer in de pdf"))
        seen.add(src)
    return errors


def route_targets(settings: Settings, entries: list[Entry]) -> list[DataError]:
    """Every page that a link made from data points at exists (routes.targets)."""
    errors = []
    ids = {name: [e.record.id for e in _valid(entries, name)] for name in ("circles", "sources", "principles")}
    has = {name: bool(_valid(entries, name)) for name in ("principles", "themes", "timeline", "colophon")}
    by_id = {(e.collection, e.record.id): e for e in entries if e.record is not None and hasattr(e.record, "id")}
    docs = settings.docs_dir.rstrip("/")
    for target in targets(settings, ids["circles"], ids["sources"], has, ids["principles"]):
        if (settings.docs / target.src).is_file():
            continue
        entry = by_id.get((target.collection, target.ident))
        if entry is not None:
            line, label = entry.locate(("id",))
            errors.append(DataError(entry.label, line, label,
                                    f"{target.why} ontbreekt: maak {docs}/{target.src} en zet die in het menu "
                                    "(nav in mkdocs.yml)"))
        else:
            line = settings.lines.get(target.setting, 0)
            errors.append(DataError("mkdocs.yml", line, target.setting if line else "",
                                    f"{target.why} ontbreekt: maak {docs}/{target.src} of wijs in "
                                    f"{target.setting} een bestaande pagina aan"))
    return errors


_MACRO_CALL = re.compile(r"{{-?\s*(\w+)\s*\((.*?)\)\s*-?}}")
_STRING_ARG = re.compile(r"""(?:(\w+)\s*=\s*)?(["'])(.*?)\2""")


def principle_pages(settings: Settings, entries: list[Entry]) -> list[DataError]:
    """The page of each principle (extra.routes.principle_pages) has the principle's own title
    ('1. Benoem het hogere doel', as the menu, the story box and the search filter name it) and
    shows that principle, not another one. A missing page is reported by route_targets."""
    folder = settings.routes.principle_pages
    if not folder:
        return []
    errors: list[DataError] = []
    for entry in _valid(entries, "principles"):
        principle = entry.record
        path = settings.docs / f"{folder}{principle.id}.md"
        if not path.is_file():
            continue
        label = path.relative_to(settings.root).as_posix()
        text, _ = read_text(path, label)
        if text is None:
            continue  # check_pages says why it cannot be read
        front, body, body_line, _ = split_front_matter(text, label)
        raw, errs = parse_yaml(front, label, line_offset=1) if front is not None else (None, [])
        errors.extend(errs)
        if errs:
            continue
        if isinstance(raw, LineDict):
            shift_lines(raw, 1)
        title = raw.get("title") if isinstance(raw, dict) else None
        if title != principle.label:
            line = raw.key_lines.get("title", raw.line) if isinstance(raw, LineDict) else 1
            why = ("de titel ontbreekt" if title is None else
                   f"de titel past niet bij principe {principle.number} in {entry.label}")
            errors.append(DataError(label, line, "title", f"{why}; schrijf title: \"{principle.label}\""))
        for n, line_text in enumerate(body.split("\n"), start=body_line):
            for name, args in _MACRO_CALL.findall(line_text):
                shown = [ident for _key, _q, ident in _STRING_ARG.findall(args)]
                if name == "principle_page" and shown and shown[0] != principle.id:
                    errors.append(DataError(label, n, "", f"deze pagina hoort bij principe '{principle.id}', maar "
                                            f"toont '{shown[0]}'; schrijf {{{{ principle_page(\"{principle.id}\") }}}}"))
    return errors


def macro_calls(settings: Settings, entries: list[Entry], troubled: set[str]) -> list[DataError]:
    """Every macro a page calls exists, and every id it names exists in its collection. Ids come
    from the raw records, and a collection whose file already has errors is not checked here, so
    one mistake is reported once, where it is."""
    errors = []
    known: dict[str, set[str]] = {}
    for entry in entries:
        if isinstance(entry.item, dict) and isinstance(entry.item.get("id"), str):
            known.setdefault(entry.collection, set()).add(entry.item["id"])
    files = {spec.name: f"data/{spec.filename}" for spec in COLLECTIONS}
    bundles_troubled = any(label.startswith(f"data/{BUNDLE_DIR}/") for label in troubled)
    skip = {name for name, label in files.items() if label in troubled}
    if bundles_troubled:
        skip |= {"sources", "tables", "lists", "comparisons"}
    docs = settings.docs
    blog = docs / settings.blog.blog_dir
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        if blog in path.parents:
            continue  # the blog's pages and stories are never rendered as templates
        label = path.relative_to(settings.root).as_posix()
        text, _ = read_text(path, label)
        for n, line in enumerate((text or "").split("\n"), start=1):
            for name, args in _MACRO_CALL.findall(line):
                if name not in MACROS:
                    errors.append(DataError(label, n, "", f"onbekende macro '{name}'; bestaande macro's: "
                                                          f"{', '.join(sorted(MACROS))}"))
                    continue
                collection = ID_ARGUMENTS.get(name)
                if collection is None or collection in skip:
                    continue
                for _keyword, _quote, ident in _STRING_ARG.findall(args):
                    if ident not in known.get(collection, set()):
                        choices = ", ".join(sorted(known.get(collection, ()))) or "(nog geen)"
                        errors.append(DataError(label, n, "", f"{name}(\"{ident}\"): die id bestaat niet; "
                                                              f"kies uit: {choices}"))
    return errors


def forbidden_text(settings: Settings) -> list[DataError]:
    """No data file or page contains a spelling the settings forbid (extra.check.forbidden), such as
    a known reading error of the source; the message gives the right form."""
    errors: list[DataError] = []
    forbidden = settings.check.forbidden
    if not forbidden:
        return errors
    # Whole words only: 'Van Putten schets' is wrong, 'Van Putten schetst' is not. One pattern for all,
    # longest first, searched once per file (thousands of stories).
    right_of = {wrong.strip(): right.strip() for wrong, right in forbidden.items()}
    alternatives = "|".join(re.escape(w) for w in sorted(right_of, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    files = [*sorted((settings.root / "data").rglob("*.yml")), *sorted(settings.docs.rglob("*.md"))]
    for path in files:
        label = path.relative_to(settings.root).as_posix()
        text, _ = read_text(path, label)
        for match in pattern.finditer(text or ""):
            n = text.count("\n", 0, match.start()) + 1
            wrong = match.group(0)
            errors.append(DataError(label, n, "", f"'{wrong}' is een bekende fout; schrijf "
                                                  f"'{right_of[wrong]}' (extra.check.forbidden in mkdocs.yml)"))
    return errors


_CURLY = re.compile("[‘’“”„‚]")
_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})


def quote_style(settings: Settings) -> list[DataError]:
    """One style of quote marks (extra.check.straight_quotes): straight ones only, in every page,
    story and data file; the message gives the line with straight marks."""
    if not settings.check.straight_quotes:
        return []
    errors: list[DataError] = []
    files = [*sorted((settings.root / "data").rglob("*.yml")), *sorted(settings.docs.rglob("*.md"))]
    for path in files:
        label = path.relative_to(settings.root).as_posix()
        text, _ = read_text(path, label)
        if not text or not _CURLY.search(text):
            continue
        for n, line in enumerate(text.split("\n"), start=1):
            found = _CURLY.search(line)
            if found:
                start = line.rfind(" ", 0, max(0, found.start() - 1)) + 1 if found.start() > 25 else 0
                end = line.find(" ", found.end() + 30)
                fixed = line[start:end if end > 0 else None].translate(_STRAIGHT).strip()
                errors.append(DataError(label, n, "", "gekrulde aanhalingstekens (uit Word?); deze site gebruikt "
                                        f"alleen rechte ' en \": schrijf {fixed} (extra.check.straight_quotes)"))
    return errors


def navigation(settings: Settings) -> list[DataError]:
    """The menu and the pages agree, as the strict build demands: every page the nav names exists,
    and every page (the blog, exclude_docs and not_in_nav aside) is in the nav."""
    if not settings.nav or not settings.docs.is_dir():
        return []  # without a nav, MkDocs makes one from the folders
    errors: list[DataError] = []
    docs = settings.docs_dir.rstrip("/")
    listed = nav_pages(settings.nav)
    for page in listed:
        if not (settings.docs / page).is_file():
            line = settings.nav_lines.get(page, 0)
            errors.append(DataError("mkdocs.yml", line, "nav" if line else "",
                                    f"het menu noemt '{page}', maar {docs}/{page} bestaat niet"))
    skip = GitIgnoreSpec.from_lines([*settings.exclude_docs.splitlines(), *settings.not_in_nav.splitlines()])
    blog = f"{settings.blog.blog_dir}/"
    for path in sorted(settings.docs.rglob("*.md")):
        rel = path.relative_to(settings.docs).as_posix()
        if rel in listed or rel.startswith(blog) or skip.match_file(rel) or any(part.startswith(".") for part in
                                                                                 rel.split("/")):
            continue
        if story_outside_folder(settings, rel):
            continue  # editorial.stray_files says where the story belongs
        errors.append(DataError(path.relative_to(settings.root).as_posix(), 1, "",
                                "deze pagina staat niet in het menu: zet haar onder nav in mkdocs.yml"))
    return errors


PLACEHOLDER = "VUL IN"
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")


def placeholders(settings: Settings) -> list[DataError]:
    """Every place a new circle's starter still says 'VUL IN' (not in YAML comments, which explain).
    Locally a warning; the publishing build (CI) refuses them, so nothing unfinished is published."""
    errors: list[DataError] = []
    root = settings.root
    files = [root / "mkdocs.yml", *sorted((root / "data").rglob("*.yml")), *sorted(settings.docs.rglob("*.md"))]
    for path in files:
        if not path.is_file():
            continue
        label = path.relative_to(root).as_posix()
        text, _ = read_text(path, label)
        for n, line in enumerate((text or "").split("\n"), start=1):
            if PLACEHOLDER not in line or (path.suffix == ".yml" and line.lstrip().startswith("#")):
                continue
            key = _KEY.match(line)
            errors.append(DataError(label, n, key.group(1) if key else "",
                                    f"nog niet ingevuld ('{PLACEHOLDER}'); vul dit in, anders wordt de site niet "
                                    "gepubliceerd"))
    return errors
