"""Rules over the pages and the settings: every image has alt text, every macro and id a page names
exists, every page the data links to exists (and a principle's page is that principle's), the menu
and the pages agree, the print edition names pages that exist, no known reading error or curly quote
is left, and the circle's own words replace words that exist."""

from __future__ import annotations

import re
from typing import Any

from pathspec import GitIgnoreSpec

from . import templates
from .errors import DataError
from .models import BUNDLE_DIR, COLLECTIONS
from .context import FREE_ARGUMENTS, ID_ARGUMENTS, MACROS
from .reading import LineDict, parse_yaml, shift_lines, split_front_matter
from .routes import targets
from .rules import rule
from .sources import MACRO_CALL, STRING_ARG, Sources

_IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(")
_HTML_IMG_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\balt\s*=\s*[\"'][^\"']+)[^>]*>", re.IGNORECASE)


def images_without_alt(text: str, first_line: int, label: str) -> list[DataError]:
    """Every image, Markdown or HTML, needs alt text."""
    errors = []
    for n, line in enumerate(text.split("\n"), start=first_line):
        if _IMAGE_WITHOUT_ALT.search(line) or _HTML_IMG_WITHOUT_ALT.search(line):
            errors.append(DataError(label, n, "", "afbeelding zonder alt-tekst: beschrijf tussen [ ] wat erop staat"))
    return errors


@rule()
def page_images(src: Sources) -> list[DataError]:
    """Pages other than stories: readable as UTF-8 (the reader says why not) and every image with alt text."""
    errors: list[DataError] = []
    for rel in src.pages:
        text = src.page_text(rel)
        if text is not None:
            errors.extend(images_without_alt(text, 1, src.docs_label(rel)))
    return errors


@rule()
def route_targets(src: Sources) -> list[DataError]:
    """Every page that a link made from data points at exists (routes.targets)."""
    settings = src.settings
    errors = []
    ids = {name: [e.record.id for e in src.valid(name)] for name in ("circles", "sources", "principles")}
    has = {name: bool(src.valid(name)) for name in ("principles", "themes", "timeline", "colophon", "contents")}
    by_id = {(e.collection, e.record.id): e for e in src.entries if e.record is not None and hasattr(e.record, "id")}
    docs = settings.docs_dir.rstrip("/")
    for target in targets(settings, ids["circles"], ids["sources"], has, ids["principles"]):
        if target.src in src.docs_files:
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


@rule()
def principle_pages(src: Sources) -> list[DataError]:
    """The page of each principle (extra.routes.principle_pages) has the principle's own title
    ('1. Benoem het hogere doel', as the menu, the story box and the search filter name it) and
    shows that principle, not another one. A missing page is reported by route_targets."""
    folder = src.settings.routes.principle_pages
    if not folder:
        return []
    errors: list[DataError] = []
    for entry in src.valid("principles"):
        principle = entry.record
        rel = f"{folder}{principle.id}.md"
        if rel not in src.docs_files or src.page_text(rel) is None:
            continue  # page_images says why a page cannot be read
        label = src.docs_label(rel)
        front, body, body_line, _ = split_front_matter(src.page_text(rel), label)
        raw, parse_errors = parse_yaml(front, label, line_offset=1) if front is not None else (None, [])
        errors.extend(parse_errors)
        if parse_errors:
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
            for name, args in MACRO_CALL.findall(line_text):
                shown = [ident for _key, _q, ident in STRING_ARG.findall(args)]
                if name == "principle_page" and shown and shown[0] != principle.id:
                    errors.append(DataError(label, n, "", f"deze pagina hoort bij principe '{principle.id}', maar "
                                            f"toont '{shown[0]}'; schrijf {{{{ principle_page(\"{principle.id}\") }}}}"))
    return errors


@rule()
def macro_calls(src: Sources) -> list[DataError]:
    """Every macro a page calls exists, and every id it names exists in its collection. Ids come
    from the raw records, and a collection whose file already has errors is not checked here, so
    one mistake is reported once, where it is."""
    troubled = {error.path for error in src.read_errors}
    errors = []
    known: dict[str, set[str]] = {}
    for entry in src.entries:
        if isinstance(entry.item, dict) and isinstance(entry.item.get("id"), str):
            known.setdefault(entry.collection, set()).add(entry.item["id"])
    files = {spec.name: f"data/{spec.filename}" for spec in COLLECTIONS}
    skip = {name for name, label in files.items() if label in troubled}
    if any(label.startswith(f"data/{BUNDLE_DIR}/") for label in troubled):
        skip |= {"sources", "tables", "lists", "comparisons"}
    for rel in src.pages:
        if src.settings.is_story(rel):
            continue  # stories are never rendered as templates (force_render_paths)
        label = src.docs_label(rel)
        for n, line in enumerate((src.page_text(rel) or "").split("\n"), start=1):
            for name, args in MACRO_CALL.findall(line):
                if name not in MACROS:
                    errors.append(DataError(label, n, "", f"onbekende macro '{name}'; bestaande macro's: "
                                                          f"{', '.join(sorted(MACROS))}"))
                    continue
                collection = ID_ARGUMENTS.get(name)
                if collection is None or collection in skip:
                    continue
                for keyword, _quote, ident in STRING_ARG.findall(args):
                    if keyword in FREE_ARGUMENTS.get(name, ()):
                        continue
                    if ident not in known.get(collection, set()):
                        choices = ", ".join(sorted(known.get(collection, ()))) or "(nog geen)"
                        errors.append(DataError(label, n, "", f"{name}(\"{ident}\"): die id bestaat niet; "
                                                              f"kies uit: {choices}"))
    return errors


def _text_files(src: Sources) -> list[str]:
    """Every data file and every page and story, by label (for the rules about the text itself)."""
    return [*src.data_files, *(src.docs_label(rel) for rel in src.docs_files if rel.endswith(".md"))]


@rule()
def forbidden_text(src: Sources) -> list[DataError]:
    """No data file or page contains a spelling the settings forbid (extra.check.forbidden), such as
    a known reading error of the source; the message gives the right form."""
    errors: list[DataError] = []
    forbidden = src.settings.check.forbidden
    if not forbidden:
        return errors
    # Whole words only: 'Van Putten schets' is wrong, 'Van Putten schetst' is not. One pattern for all,
    # longest first, searched once per file (thousands of stories).
    right_of = {wrong.strip(): right.strip() for wrong, right in forbidden.items()}
    alternatives = "|".join(re.escape(w) for w in sorted(right_of, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    for label in _text_files(src):
        text = src.text(label) or ""
        for match in pattern.finditer(text):
            n = text.count("\n", 0, match.start()) + 1
            wrong = match.group(0)
            errors.append(DataError(label, n, "", f"'{wrong}' is een bekende fout; schrijf "
                                                  f"'{right_of[wrong]}' (extra.check.forbidden in mkdocs.yml)"))
    return errors


# The fields where a note on the sources belongs (shown only on the page Verantwoording).
NOTE_FIELDS = {"note", "notes", "date_note", "aliases"}


@rule(needs_settings=True)
def research_notes(src: Sources) -> list[DataError]:
    """Notes on the sources (what they leave uncertain, other names, inferred dates) stay out of the
    text readers read: only the page Verantwoording and the note fields of the data carry them
    (extra.check.research_notes names their words)."""
    phrases = src.settings.check.research_notes
    if not phrases:
        return []
    pattern = re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)), re.IGNORECASE)
    where = f"de pagina Verantwoording ({src.docs_label(src.settings.routes.accountability)})"
    errors: list[DataError] = []

    def found(label: str, line: int, field: str, match: re.Match) -> None:
        errors.append(DataError(label, line, field, f"'{match.group(0)}' is een notitie over de bronnen; die hoort "
                                f"niet in de tekst die lezers lezen, maar op {where}"
                                + (" of in het veld note van dit gegeven" if label.startswith("data/") else "")))

    accountability = src.settings.routes.accountability
    for rel in src.docs_files:
        if rel.endswith(".md") and rel != accountability:
            for n, line in enumerate((src.page_text(rel) or "").split("\n"), start=1):
                for match in pattern.finditer(line):
                    found(src.docs_label(rel), n, "", match)
    seen: set[int] = set()
    for entry in src.entries:
        if id(entry.item) in seen or entry.collection == "stories":
            continue   # a story's front matter is part of its page, checked above
        seen.add(id(entry.item))
        for loc, value in _texts_of(entry.item, ()):
            for match in pattern.finditer(value):
                line, label = entry.locate(loc)
                found(entry.label, line, label, match)
    return errors


def _texts_of(node: Any, loc: tuple) -> list[tuple[tuple, str]]:
    """Every text in a record with where it is, except in the note fields."""
    if isinstance(node, str):
        return [(loc, node)]
    if isinstance(node, dict):
        return [found for key, value in node.items() if key not in NOTE_FIELDS for found in _texts_of(value, (*loc, key))]
    if isinstance(node, list):
        return [found for i, value in enumerate(node) for found in _texts_of(value, (*loc, i))]
    return []


_CURLY = re.compile("[‘’“”„‚]")
_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})


@rule()
def quote_style(src: Sources) -> list[DataError]:
    """One style of quote marks (extra.check.straight_quotes): straight ones only, in every page,
    story and data file; the message gives the line with straight marks."""
    if not src.settings.check.straight_quotes:
        return []
    errors: list[DataError] = []
    for label in _text_files(src):
        text = src.text(label)
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


def looks_like_story(text: str | None) -> bool:
    """Whether a Markdown text has a story's front matter (a date, and authors or circles)."""
    front, _body, _line, errors = split_front_matter(text or "", "")
    return bool(front) and not errors and bool(re.search(r"^(categories|authors)\s*:", front, re.M)) \
        and bool(re.search(r"^date\s*:", front, re.M))


@rule()
def navigation(src: Sources) -> list[DataError]:
    """The menu and the pages agree, as the strict build demands: every page the nav names exists,
    and every page (the blog, exclude_docs and not_in_nav aside) is in the nav."""
    settings = src.settings
    if not settings.menu or not settings.docs.is_dir():
        return []  # without a nav, MkDocs makes one from the folders
    errors: list[DataError] = []
    docs = settings.docs_dir.rstrip("/")
    listed = {item.page for item in settings.nav_pages()}
    reported: set[str] = set()
    for item in settings.nav_pages():
        if item.page not in src.docs_files and item.page not in reported:
            reported.add(item.page)
            errors.append(DataError("mkdocs.yml", item.line, "nav" if item.line else "",
                                    f"het menu noemt '{item.page}', maar {docs}/{item.page} bestaat niet"))
    skip = GitIgnoreSpec.from_lines([*settings.exclude_docs.splitlines(), *settings.not_in_nav.splitlines()])
    blog = f"{settings.blog.blog_dir}/"
    for rel in src.pages:
        if rel in listed or rel.startswith(blog) or skip.match_file(rel) or any(part.startswith(".") for part in
                                                                                rel.split("/")):
            continue
        if looks_like_story(src.page_text(rel)):
            continue  # rules_stories.stray_files says where the story belongs
        errors.append(DataError(src.docs_label(rel), 1, "",
                                "deze pagina staat niet in het menu: zet haar onder nav in mkdocs.yml"))
    return errors


@rule(needs_settings=True)
def story_overview(src: Sources) -> list[DataError]:
    """The stories overview (<blog>/index.md) shows its list with the macro story_overview: the theme
    shows that page's own text there, not the blog's list (overrides/blog.html)."""
    rel = src.settings.blog.blog_dir.strip("/") + "/index.md"
    if rel not in src.docs_files:
        return [DataError(src.docs_label(rel), 1, "", "het overzicht van de verhalen ontbreekt; maak deze pagina met "
                          "een kop, een inleiding en {{ story_overview() }}")]
    text = src.page_text(rel)
    if text is None or any(name == "story_overview" for name, _args in MACRO_CALL.findall(text)):
        return []
    return [DataError(src.docs_label(rel), 1, "", "het overzicht van de verhalen toont geen lijst; zet "
                      "{{ story_overview() }} op deze pagina, onder de inleiding")]


@rule()
def contents(src: Sources) -> list[DataError]:
    """The publication's contents (data/inhoud.yml) name pages that exist, each once: the one order of
    previous and next, the page Inhoud and the print edition."""
    errors: list[DataError] = []
    seen: dict[str, str] = {}
    docs = src.settings.docs_dir.rstrip("/")
    for entry in src.valid("contents"):
        places = [(("front", i), page) for i, page in enumerate(entry.record.front)]
        for p, part in enumerate(entry.record.parts):
            places += list(_entry_places(("parts", p, "pages"), part.pages))
        for loc, page in places:
            line, label = entry.locate(loc)
            if page not in src.docs_files:
                close = [f for f in src.docs_files if f.endswith(".md") and f.rsplit("/", 1)[-1] == page.rsplit("/", 1)[-1]]
                hint = f"; bedoel je '{close[0]}'?" if close else ""
                errors.append(DataError(entry.label, line, label, f"de inhoud noemt '{page}', maar {docs}/{page} "
                                        f"bestaat niet{hint}"))
            elif page in seen:
                errors.append(DataError(entry.label, line, label, f"'{page}' staat al in de inhoud ({seen[page]}); "
                                        "elke pagina staat er één keer in"))
            else:
                seen[page] = f"regel {line}"
    return errors


def _entry_places(loc: tuple, entries: list) -> list[tuple[tuple, str]]:
    """(location, page) of every page among `entries` and the entries under them."""
    found = []
    for i, entry in enumerate(entries):
        if entry.page:
            found.append((loc + (i,), entry.page))
        found += _entry_places(loc + (i, "pages"), entry.pages)
    return found


def _unknown_words(own: Any, engine: Any, path: str = "") -> list[tuple[Any, str, str]]:
    """(node, key, why) for every key of the circle's words that the engine does not have, or whose
    value is not a text where the engine has one."""
    found: list[tuple[Any, str, str]] = []
    if not isinstance(own, dict):
        return found
    for key, value in own.items():
        name = f"{path}{key}"
        if not isinstance(engine, dict) or str(key) not in {str(k) for k in engine}:
            found.append((own, key, "unknown"))
            continue
        theirs = next(v for k, v in engine.items() if str(k) == str(key))
        if isinstance(theirs, dict):
            found += _unknown_words(value, theirs, name + ".") if isinstance(value, dict) else [(own, key, "group")]
        elif not isinstance(value, str):
            found.append((own, key, "text"))
    return found


@rule()
def own_words(src: Sources) -> list[DataError]:
    """The circle's own words (overrides/eigen/strings.yml) replace words the engine has, with text."""
    raw = src.own_strings_raw
    if raw is None:
        return []
    label = templates.own_strings_label()
    if not isinstance(raw, dict):
        return [DataError(label, getattr(raw, "line", 1), "", "moet woorden bevatten: groep, dan sleutel: tekst, "
                          "zoals in overrides/ko/strings.yml")]
    errors = []
    engine = templates.engine_strings()
    for node, key, why in _unknown_words(raw, engine):
        line = node.key_lines.get(key, node.line) if isinstance(node, LineDict) else 1
        message = {"unknown": f"'{key}' bestaat niet in de woorden van de engine (overrides/ko/strings.yml); "
                              "kijk daar hoe het woord heet dat je wilt veranderen",
                   "group": f"'{key}' is een groep woorden; zet eronder de woorden die je wilt veranderen",
                   "text": "moet een tekst zijn"}[why]
        errors.append(DataError(label, line, str(key), message))
    return errors
