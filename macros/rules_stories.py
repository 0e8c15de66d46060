"""Rules over the stories and their folder: a story has an introduction before the excerpt marker,
alt text on every image and no active HTML; the stories folder holds only well-named stories and web
photos of a size a phone can load; no story or text document lies elsewhere under docs/, where
MkDocs would publish it raw. The strict build would stop on most of these too, but in English and
without a line; here each is a Dutch `file:line: message`, with the right value where it can be
inferred."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from pathspec import GitIgnoreSpec
from PIL import Image, UnidentifiedImageError

from .errors import DataError
from .rules import rule
from .rules_pages import images_without_alt, looks_like_story
from .sources import Sources
from .text import slugify

STORY_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
FILE_NAME = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*\.[a-z0-9]+$")
# Photos a story may use: formats every browser shows. Larger files are refused: a phone on a slow
# connection loads the page for minutes (a photo of 1600 px wide is about 300 kB).
PHOTO_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
PHOTO_MAX_BYTES = 1024 * 1024
PHOTO_MAX_WIDTH = 2400
TEXT_DOCUMENTS = {".md", ".markdown", ".mdown", ".txt", ".doc", ".docx", ".odt", ".rtf", ".pages"}

# Raw HTML passes through Markdown untouched: refuse what could run code or reach other hosts.
_FORBIDDEN_HTML = re.compile(r"<\s*(script|iframe|object|embed|style|form|input|button|link|meta|base)\b", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
_JS_URL = re.compile(r"javascript:", re.IGNORECASE)
_SNIPPET = re.compile(r"-{1,}8<-{1,}")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def size_label(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",") if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} kB"


def right_name(name: str) -> str:
    """The name a file should have: 'Veldbezoek Drentse Aa.MD' → 'veldbezoek-drentse-aa.md'."""
    path = PurePosixPath(name)
    suffix = path.suffix.lower()
    if suffix in (".markdown", ".mdown", ".txt"):
        suffix = ".md"
    if suffix == ".jpeg":
        suffix = ".jpg"
    return (slugify(path.stem) or "verhaal") + suffix


@rule()
def story_text(src: Sources) -> list[DataError]:
    """A story's text: a teaser before the excerpt marker, alt text on every image, no active HTML."""
    more = src.excerpt_separator
    near_more = re.compile(r"<!--\s*" + re.escape(more.strip("<!-> ")) + r"\s*-->", re.I) if more.startswith("<!--") \
        else re.compile(re.escape(more), re.I)
    errors: list[DataError] = []
    for story in src.stories:
        if not story.has_front:
            continue
        body, first_line, label = story.body, story.body_line, story.label
        near = near_more.search(body)
        if not re.search(r"\w", _COMMENT.sub("", body).replace(more, "")):
            errors.append(DataError(label, first_line, "", "het verhaal heeft geen tekst: schrijf onder de velden een "
                                    f"inleiding, dan een regel '{more}' en dan het verhaal (een leeg verhaal komt "
                                    "niet op de site)"))
            continue
        if more in body and not re.search(r"\w", _COMMENT.sub("", body.split(more, 1)[1])):
            line = first_line + body.split(more, 1)[0].count("\n")
            errors.append(DataError(label, line, "", f"onder '{more}' staat geen tekst: de inleiding alleen is nog geen "
                                    "verhaal; schrijf het verhaal onder deze regel"))
        if more not in body and near:
            line = first_line + body[:near.start()].count("\n")
            errors.append(DataError(label, line, "", f"schrijf '{more}' precies zo, met een spatie na '<!--' en vóór "
                                                     f"'-->' (er staat '{near.group(0)}')"))
        elif more not in body:
            errors.append(DataError(label, first_line, "", f"de inleiding ontbreekt: zet '{more}' op een eigen regel "
                                                           "na de eerste alinea (die alinea staat op het overzicht)"))
        errors.extend(images_without_alt(body, first_line, label))
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


@rule(needs_settings=True)
def retelling(src: Sources) -> list[DataError]:
    """A story from the publication (named in data/inhoud.yml) says how the site's text relates to the
    original (retelling), so the byline can say it was retold; an interview from it names who speaks."""
    published = {page for entry in src.valid("contents") for page in entry.record.pages()}
    docs = src.settings.docs_dir.rstrip("/") + "/"
    errors: list[DataError] = []
    for story in src.stories:
        front = story.front
        if story.entry is None or story.entry.record is None or story.label.removeprefix(docs) not in published:
            continue   # a story that cannot be read has its own message
        meta = story.entry.record
        line = getattr(front, "line", 1)
        if meta.retelling is None:
            errors.append(DataError(story.label, line, "retelling", "dit verhaal komt uit de publicatie "
                                    "(data/inhoud.yml): zeg hoe de tekst zich verhoudt tot het origineel. Schrijf "
                                    "retelling: naverteld als de redactie het in eigen woorden navertelde (dan zegt "
                                    "de regel onder de titel dat), of retelling: eigen-tekst als de auteurs deze "
                                    "tekst zelf schreven"))
        if meta.kind == "interview" and not meta.speakers:
            errors.append(DataError(story.label, line, "speakers", "bij een interview uit de publicatie hoort wie "
                                    "er aan het woord is: speakers: [id, …] met ids uit data/mensen.yml"))
    return errors


@rule(needs_settings=True)
def portraits(src: Sources) -> list[DataError]:
    """A person's portrait (data/mensen.yml) is a web photo under docs/ that exists."""
    errors: list[DataError] = []
    for entry in src.valid("people"):
        portrait = entry.record.portrait
        if portrait is None:
            continue
        line, label = entry.locate(("portrait",))
        if portrait not in src.docs_files:
            errors.append(DataError(entry.label, line, label, f"de foto '{portrait}' bestaat niet onder "
                                    f"{src.settings.docs_dir.rstrip('/')}/; zet hem daar of pas de naam aan"))
        else:
            errors.extend(DataError(entry.label, line, label, e.message) for e in photo(src.docs / portrait, label))
    return errors


@rule(needs_settings=True)
def story_folder(src: Sources) -> list[DataError]:
    """Every file in the stories folder is a well-named story or a web photo of the right size."""
    errors: list[DataError] = []
    folder = src.stories_folder + "/"
    for rel in src.docs_files:
        if not rel.startswith(folder):
            continue
        label = src.docs_label(rel)
        if any(part.startswith(".") for part in PurePosixPath(rel[len(folder):]).parts):
            continue  # hidden files (.DS_Store): MkDocs leaves them out
        name = PurePosixPath(rel).name
        suffix = PurePosixPath(rel).suffix.lower()
        if suffix in TEXT_DOCUMENTS:
            if suffix in (".doc", ".docx", ".odt", ".rtf", ".pages"):
                errors.append(DataError(label, 0, "", "een tekstverwerkerbestand kan niet op de site: maak een "
                                        f"verhaal '{right_name(name).rsplit('.', 1)[0]}.md' (zie CONTRIBUTING.md) en "
                                        "kopieer de tekst daarin; haal dit bestand weg"))
            elif not STORY_NAME.match(name):
                errors.append(DataError(label, 0, "", f"verkeerde bestandsnaam: een verhaal heet in kleine letters, met "
                                        f"streepjes en eindigt op .md; noem het '{right_name(name)}'"))
            continue
        if suffix in (".heic", ".heif"):
            errors.append(DataError(label, 0, "", "een iPhone-foto (HEIC) toont niet elke browser: bewaar hem als "
                                    f"JPG ('{right_name(name).rsplit('.', 1)[0]}.jpg'); zie CONTRIBUTING.md"))
            continue
        if suffix not in PHOTO_FORMATS:
            errors.append(DataError(label, 0, "", "dit bestand hoort niet in de map met verhalen: daar staan alleen "
                                    f"verhalen (.md) en foto's ({', '.join(sorted(PHOTO_FORMATS))}); haal het weg"))
            continue
        if not FILE_NAME.match(name):
            errors.append(DataError(label, 0, "", f"verkeerde bestandsnaam voor een foto: gebruik kleine letters en "
                                    f"streepjes, zonder spaties; noem hem '{right_name(name)}' (en pas de link "
                                    "in het verhaal aan)"))
        errors.extend(photo(src.docs / rel, label))
    return errors


def photo(path: Path, label: str) -> list[DataError]:
    """A photo is what its name says, and small enough for a phone."""
    size = path.stat().st_size
    problems: list[str] = []
    try:
        with Image.open(path) as image:
            kind, width = image.format, image.width
    except (UnidentifiedImageError, OSError):
        return [DataError(label, 0, "", "dit is geen foto die een browser kan tonen (het bestand is beschadigd of "
                          "heeft een ander formaat dan de naam zegt); bewaar hem opnieuw als JPG of PNG")]
    expected = PHOTO_FORMATS.get(path.suffix.lower())
    if expected and kind != expected:
        problems.append(f"de naam eindigt op {path.suffix}, maar het is een {kind}-bestand; bewaar hem als JPG of PNG")
    if size > PHOTO_MAX_BYTES or width > PHOTO_MAX_WIDTH:
        problems.append(f"de foto is te groot ({size_label(size)}, {width} pixels breed; hoogstens "
                        f"{size_label(PHOTO_MAX_BYTES)} en {PHOTO_MAX_WIDTH} pixels): verklein hem met 'make fotos' of in "
                        "een fotoprogramma tot 1600 pixels breed")
    return [DataError(label, 0, "", p) for p in problems]


@rule(needs_settings=True)
def stray_files(src: Sources) -> list[DataError]:
    """Outside the stories folder: no story, and no text document that MkDocs would publish raw."""
    settings = src.settings
    errors: list[DataError] = []
    template = PurePosixPath(settings.story_template).relative_to(settings.docs_dir).as_posix()
    excluded = GitIgnoreSpec.from_lines(settings.exclude_docs.splitlines())
    for rel in src.docs_files:
        if src.in_stories_folder(rel) or rel == template or excluded.match_file(rel):
            continue
        if any(part.startswith(".") for part in PurePosixPath(rel).parts):
            continue
        suffix = PurePosixPath(rel).suffix.lower()
        if suffix not in TEXT_DOCUMENTS:
            continue
        label = src.docs_label(rel)
        text = _text_of(src, rel) if suffix in (".md", ".markdown", ".txt") else ""
        if looks_like_story(text):
            target = (settings.stories_dir / right_name(PurePosixPath(rel).name)).as_posix()
            errors.append(DataError(label, 0, "", f"dit is een verhaal, maar het staat niet in de map met verhalen: "
                                    f"verplaats het naar {target}"))
        elif suffix != ".md" or not rel.endswith(".md"):
            errors.append(DataError(label, 0, "", f"dit bestand zou onbewerkt op de site komen: een pagina eindigt op "
                                    f".md in kleine letters; noem het '{right_name(PurePosixPath(rel).name)}', of haal het weg"))
    return errors


def _text_of(src: Sources, rel: str) -> str:
    """A text document's text, even when it is not valid UTF-8 (only to see whether it is a story)."""
    if rel.endswith(".md"):
        return src.page_text(rel) or ""
    return (src.docs / rel).read_text(encoding="utf-8", errors="replace")
