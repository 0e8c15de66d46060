"""The editor's gate: what an editor can get wrong in files, links and photos, found before the build.

The strict build would stop on most of these too, but in English and without a line; here each is a
Dutch `file:line: message`, with the right value where it can be inferred:

- files: the stories folder holds only lower-case, hyphenated `.md` stories and web photos; a story
  saved elsewhere, with another extension or with capitals and spaces is refused with its right name,
  so nothing is ever published raw;
- photos: the exact name, a format every browser shows, a size a phone can load;
- links: to a file that exists (exact case), to a heading that exists, and never a web address of the
  site itself (copied from the browser): the message gives the link to the source file instead;
- unfinished stories: the template's own text, or no text at all (a warning locally, an error when
  publishing, as for 'VUL IN').
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator
from urllib.parse import unquote, urlsplit

import jinja2
from pathspec import GitIgnoreSpec
from PIL import Image, UnidentifiedImageError

from .errors import DataError
from .page_macros import MACROS
from .reading import read_text, split_front_matter
from .routes import Routes, page_url
from .settings import Settings
from .text import slugify

STORY_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
FILE_NAME = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*\.[a-z0-9]+$")
# Photos a story may use: formats every browser shows. Larger files are refused: a phone on a slow
# connection loads the page for minutes (a photo of 1600 px wide is about 300 kB).
PHOTO_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
PHOTO_MAX_BYTES = 1024 * 1024
PHOTO_MAX_WIDTH = 2400
TEXT_DOCUMENTS = {".md", ".markdown", ".mdown", ".txt", ".doc", ".docx", ".odt", ".rtf", ".pages"}
MORE = "<!-- more -->"


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",") if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} kB"


def _right_name(name: str) -> str:
    """The name a file should have: 'Veldbezoek Drentse Aa.MD' → 'veldbezoek-drentse-aa.md'."""
    path = PurePosixPath(name)
    suffix = path.suffix.lower()
    if suffix in (".markdown", ".mdown", ".txt"):
        suffix = ".md"
    if suffix == ".jpeg":
        suffix = ".jpg"
    return (slugify(path.stem) or "verhaal") + suffix


# --- files ---------------------------------------------------------------------------------------

def story_folder(settings: Settings) -> list[DataError]:
    """Every file in the stories folder is a well-named story or a web photo of the right size."""
    errors: list[DataError] = []
    folder = settings.root / settings.stories_dir
    if not folder.is_dir():
        return errors
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(settings.root).as_posix()
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue  # hidden files (.DS_Store): MkDocs leaves them out
        name, suffix = path.name, path.suffix.lower()
        if suffix in TEXT_DOCUMENTS:
            if suffix in (".doc", ".docx", ".odt", ".rtf", ".pages"):
                errors.append(DataError(rel, 0, "", "een tekstverwerkerbestand kan niet op de site: maak een "
                                        f"verhaal '{_right_name(name).rsplit('.', 1)[0]}.md' (zie CONTRIBUTING.md) en "
                                        "kopieer de tekst daarin; haal dit bestand weg"))
            elif not STORY_NAME.match(name):
                errors.append(DataError(rel, 0, "", f"verkeerde bestandsnaam: een verhaal heet in kleine letters, met "
                                        f"streepjes en eindigt op .md; noem het '{_right_name(name)}'"))
            continue
        if suffix == ".heic" or suffix == ".heif":
            errors.append(DataError(rel, 0, "", "een iPhone-foto (HEIC) toont niet elke browser: bewaar hem als "
                                    f"JPG ('{_right_name(name).rsplit('.', 1)[0]}.jpg'); zie CONTRIBUTING.md"))
            continue
        if suffix not in PHOTO_FORMATS:
            errors.append(DataError(rel, 0, "", "dit bestand hoort niet in de map met verhalen: daar staan alleen "
                                    f"verhalen (.md) en foto's ({', '.join(sorted(PHOTO_FORMATS))}); haal het weg"))
            continue
        if not FILE_NAME.match(name):
            errors.append(DataError(rel, 0, "", f"verkeerde bestandsnaam voor een foto: gebruik kleine letters en "
                                    f"streepjes, zonder spaties; noem hem '{_right_name(name)}' (en pas de link "
                                    "in het verhaal aan)"))
        errors.extend(photo(path, rel))
    return errors


def photo(path: Path, rel: str) -> list[DataError]:
    """A photo is what its name says, and small enough for a phone."""
    size = path.stat().st_size
    problems: list[str] = []
    try:
        with Image.open(path) as image:
            kind, width = image.format, image.width
    except (UnidentifiedImageError, OSError):
        return [DataError(rel, 0, "", "dit is geen foto die een browser kan tonen (het bestand is beschadigd of "
                          "heeft een ander formaat dan de naam zegt); bewaar hem opnieuw als JPG of PNG")]
    expected = PHOTO_FORMATS.get(path.suffix.lower())
    if expected and kind != expected:
        problems.append(f"de naam eindigt op {path.suffix}, maar het is een {kind}-bestand; bewaar hem als JPG of PNG")
    if size > PHOTO_MAX_BYTES or width > PHOTO_MAX_WIDTH:
        problems.append(f"de foto is te groot ({_size(size)}, {width} pixels breed; hoogstens {_size(PHOTO_MAX_BYTES)} "
                        f"en {PHOTO_MAX_WIDTH} pixels): verklein hem met 'make fotos' of in een fotoprogramma tot "
                        "1600 pixels breed")
    return [DataError(rel, 0, "", p) for p in problems]


def _looks_like_story(text: str) -> bool:
    front, _body, _line, errors = split_front_matter(text, "")
    return bool(front) and not errors and bool(re.search(r"^(categories|authors)\s*:", front, re.M)) \
        and bool(re.search(r"^date\s*:", front, re.M))


def stray_files(settings: Settings) -> list[DataError]:
    """Outside the stories folder: no story, and no text document that MkDocs would publish raw."""
    errors: list[DataError] = []
    docs = settings.docs
    stories = settings.root / settings.stories_dir
    template = settings.root / settings.story_template
    if not docs.is_dir():
        return errors
    excluded = GitIgnoreSpec.from_lines(settings.exclude_docs.splitlines())
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        if stories in path.parents or path == template or excluded.match_file(path.relative_to(docs).as_posix()):
            continue
        if any(part.startswith(".") for part in path.relative_to(docs).parts):
            continue
        rel = path.relative_to(settings.root).as_posix()
        suffix = path.suffix.lower()
        if suffix not in TEXT_DOCUMENTS:
            continue
        text = path.read_text(encoding="utf-8", errors="replace") if suffix in (".md", ".markdown", ".txt") else ""
        if _looks_like_story(text):
            target = (settings.stories_dir / _right_name(path.name)).as_posix()
            errors.append(DataError(rel, 0, "", f"dit is een verhaal, maar het staat niet in de map met verhalen: "
                                    f"verplaats het naar {target}"))
        elif path.suffix != ".md":
            errors.append(DataError(rel, 0, "", f"dit bestand zou onbewerkt op de site komen: een pagina eindigt op "
                                    f".md in kleine letters; noem het '{_right_name(path.name)}', of haal het weg"))
    return errors


def story_outside_folder(settings: Settings, rel_docs: str) -> bool:
    """True when docs/<rel_docs> is a story saved outside the stories folder (reported by stray_files)."""
    path = settings.docs / rel_docs
    try:
        return _looks_like_story(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False


# --- unfinished stories --------------------------------------------------------------------------

def _template_lines(settings: Settings) -> set[str]:
    """The template's own sentences (not its comments): a story that still has them is unfinished."""
    path = settings.root / settings.story_template
    if not path.is_file():
        return set()
    text = path.read_text(encoding="utf-8")
    _front, body, _line, _errors = split_front_matter(text, "")
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    return {line.strip() for line in body.splitlines() if len(line.strip()) > 3 and line.strip() != MORE}


def _template_values(settings: Settings) -> dict[str, str]:
    path = settings.root / settings.story_template
    if not path.is_file():
        return {}
    front, _body, _line, _errors = split_front_matter(path.read_text(encoding="utf-8"), "")
    values = {}
    for line in (front or "").splitlines():
        match = re.match(r"^(\w+):\s*\"?(.*?)\"?\s*$", line)
        if match and match.group(2) and not match.group(2).startswith("["):
            values[match.group(1)] = match.group(2)
    return values


def unfinished_stories(settings: Settings) -> list[DataError]:
    """Stories with the template's text or without text: fine to preview, never published."""
    errors: list[DataError] = []
    folder = settings.root / settings.stories_dir
    lines = _template_lines(settings)
    values = _template_values(settings)
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        rel = path.relative_to(settings.root).as_posix()
        text, _ = read_text(path, rel)
        if text is None:
            continue
        front, body, body_line, problems = split_front_matter(text, rel)
        if front is None or problems:
            continue
        for n, line in enumerate(front.splitlines(), start=2):
            match = re.match(r"^(\w+):\s*\"?(.*?)\"?\s*$", line)
            if match and match.group(1) in ("description",) and values.get(match.group(1)) == match.group(2):
                errors.append(DataError(rel, n, match.group(1), "dit is nog de tekst van het sjabloon; schrijf "
                                        "je eigen samenvatting in één zin"))
        for n, line in enumerate(body.split("\n"), start=body_line):
            if line.strip() in lines:
                errors.append(DataError(rel, n, "", f"dit is nog de tekst van het sjabloon ('{line.strip()[:40]}'); "
                                        "vervang hem door je eigen tekst"))
        plain = re.sub(r"<!--.*?-->", "", body, flags=re.S).replace(MORE, "")
        if not re.search(r"\w", plain):
            errors.append(DataError(rel, body_line, "", "het verhaal heeft nog geen tekst; schrijf een inleiding, "
                                    f"dan een regel '{MORE}' en dan het verhaal"))
        elif MORE in body and not re.search(r"\w", re.sub(r"<!--.*?-->", "", body.split(MORE, 1)[0], flags=re.S)):
            errors.append(DataError(rel, body_line, "", f"de inleiding boven '{MORE}' is leeg; schrijf daar één tot "
                                    "drie zinnen (die staan op het overzicht)"))
    return errors


# --- links, anchors and photos in pages and stories ----------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`]*`")
_MD_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REF_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HTML_LINK = re.compile(r"<(a|img)\b[^>]*?\s(href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
_HTML_ID = re.compile(r"\bid\s*=\s*[\"']([^\"']+)[\"']")
_MACRO = re.compile(r"{{|{%")


@dataclass
class Link:
    line: int
    target: str
    image: bool


def _links(text: str, first_line: int = 1) -> Iterator[Link]:
    """Every link and image target of a Markdown text, outside code and HTML comments."""
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    fenced = False
    for n, line in enumerate(text.split("\n"), start=first_line):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = _CODE_SPAN.sub("", line)
        for bang, _label, target in _MD_LINK.findall(line):
            yield Link(n, target, bool(bang))
        ref = _REF_LINK.match(line)
        if ref:
            yield Link(n, ref.group(1), False)
        for tag, _attr, target in _HTML_LINK.findall(line):
            yield Link(n, target, tag.lower() == "img")


def heading_slug(text: str) -> str:
    """The anchor Python-Markdown's toc gives a heading (its default slugify), from the source text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)   # links: their text
    text = re.sub(r"<[^>]+>|[*_`]", "", text)               # tags and emphasis marks
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def anchors_of(markdown: str) -> set[str]:
    """The ids a page's Markdown gives: headings (with toc's _1, _2 for repeats), {#id} and id="…"."""
    found: set[str] = set()
    fenced = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        heading = _HEADING.match(line)
        if heading:
            own = _ATTR_ID.search(heading.group(2))
            if own:
                found.add(own.group(1))
            else:
                slug = heading_slug(_ATTR_ID.sub("", heading.group(2)))
                candidate, i = slug, 0
                while candidate in found:
                    i += 1
                    candidate = f"{slug}_{i}"
                found.add(candidate)
        found.update(_ATTR_ID.findall(line) if not heading else [])
        found.update(_HTML_ID.findall(line))
    return found


@dataclass
class Site:
    """The source pages and stories by file and by address, and their anchors (computed on demand)."""

    settings: Settings
    render: object = None           # page_macros.Context, when the data is valid: macro pages' anchors
    by_file: dict[str, str] = field(default_factory=dict)      # docs-relative file → address
    by_url: dict[str, str] = field(default_factory=dict)       # address → docs-relative file
    files: dict[str, str] = field(default_factory=dict)        # lower-case docs path → real docs path
    _anchors: dict[str, set[str] | None] = field(default_factory=dict)

    @classmethod
    def scan(cls, settings: Settings, ctx: object = None) -> "Site":
        site = cls(settings, ctx)
        docs = settings.docs
        stories = settings.root / settings.stories_dir
        routes = Routes(settings)
        for path in sorted(p for p in docs.rglob("*") if p.is_file()) if docs.is_dir() else []:
            rel = path.relative_to(docs).as_posix()
            site.files[rel.lower()] = rel
            if path.suffix != ".md" or any(part.startswith((".", "_")) for part in PurePosixPath(rel).parts):
                continue
            url = routes.story(path.stem) if stories in path.parents else page_url(rel)
            site.by_file[rel] = url
            site.by_url[url] = rel
        return site

    def markdown(self, rel: str) -> str:
        return _markdown(self.settings.docs / rel)

    def anchors(self, rel: str) -> set[str] | None:
        """The anchors of a page, or None when they cannot be known (macros, but no valid data)."""
        if rel not in self._anchors:
            self._anchors[rel] = self._find_anchors(rel)
        return self._anchors[rel]

    def _find_anchors(self, rel: str) -> set[str] | None:
        text = self.markdown(rel)
        _front, body, _line, _errors = split_front_matter(text, rel)
        if _MACRO.search(body) and not rel.startswith(self._stories_rel()):
            if self.render is None:
                return None
            body = _render_macros(self.render, rel, body)
            if body is None:
                return None
        return anchors_of(body)

    def _stories_rel(self) -> str:
        return PurePosixPath(self.settings.stories_dir).relative_to(self.settings.docs_dir).as_posix() + "/"


@functools.lru_cache(maxsize=256)
def _markdown_cached(path: str, mtime: int) -> str:
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _markdown(path: Path) -> str:
    return _markdown_cached(str(path), path.stat().st_mtime_ns)


def _render_macros(ctx: object, rel: str, body: str) -> str | None:
    """A page's Markdown after its macro calls, as mkdocs-macros renders it (for the ids they make)."""
    routes = ctx.routes.at(page_url(rel))  # type: ignore[attr-defined]
    bound = {name: functools.partial(function, ctx, routes) for name, function in MACROS.items()}
    try:
        return jinja2.Environment().from_string(body).render(**bound)
    except Exception:  # noqa: BLE001 - a broken call is reported by validation.macro_calls
        return None


def _relative(from_rel: str, to_rel: str) -> str:
    return os.path.relpath(to_rel, os.path.dirname(from_rel) or ".").replace(os.sep, "/")


def _own_hosts(settings: Settings) -> set[tuple[str, str]]:
    """(host, path prefix) of the site's own addresses, whose links should be links to files."""
    hosts = {("127.0.0.1:8000", "/"), ("localhost:8000", "/")}
    for url in (settings.site_url, os.environ.get("SITE_URL")):
        if url:
            parts = urlsplit(url)
            hosts.add((parts.netloc, parts.path if parts.path.endswith("/") else parts.path + "/"))
    return hosts


def check_links(settings: Settings, ctx: object = None) -> list[DataError]:
    """Links, anchors and images in every page and story, as the strict build would judge them."""
    site = Site.scan(settings, ctx)
    errors: list[DataError] = []
    own = _own_hosts(settings)
    for rel in sorted(site.by_file):
        label = f"{settings.docs_dir}/{rel}"
        text = site.markdown(rel)
        for link in _links(text):
            message = _judge(site, rel, link, own)
            if message:
                errors.append(DataError(label, link.line, "", message))
    return errors


def _judge(site: Site, rel: str, link: Link, own: set[tuple[str, str]]) -> str | None:
    target = link.target.strip()
    if not target or target.startswith(("mailto:", "tel:")):
        return None if target else ("een link zonder adres: zet het adres tussen de ( )" if not link.image else
                                    "een afbeelding zonder bestandsnaam: zet de naam van de foto tussen de ( )")
    parts = urlsplit(target)
    if link.image and (parts.scheme in ("http", "https") or target.startswith("//")):
        return (f"de foto '{target}' staat op een andere website: de site laadt niets van andere websites "
                "(privacy en snelheid). Zet de foto zelf in de map, naast het verhaal, en link ernaar met "
                "zijn bestandsnaam")
    if parts.scheme in ("http", "https"):
        for host, prefix in own:
            if parts.netloc == host and parts.path.startswith(prefix):
                return _web_address(site, rel, parts.path[len(prefix):], parts.fragment, target)
        return None
    if parts.scheme or target.startswith("//"):
        return None
    path, fragment = unquote(parts.path), parts.fragment
    if not path:
        return _anchor(site, rel, rel, fragment)
    if path.startswith("/"):
        return _web_address(site, rel, path, fragment, target)
    resolved = os.path.normpath(os.path.join(os.path.dirname(rel), path)).replace(os.sep, "/")
    if resolved.startswith("../"):
        return f"'{target}' wijst buiten de map docs/: link naar een bestand in docs/"
    if link.image or PurePosixPath(path).suffix.lower() in PHOTO_FORMATS:
        return _image(site, rel, target, resolved)
    if path.endswith(".md"):
        real = site.files.get(resolved.lower())
        if real is None or real not in site.by_file:
            return _missing(site, rel, target, resolved)
        if real != resolved:
            return f"'{target}': de hoofdletters kloppen niet; het bestand heet '{_relative(rel, real)}'"
        return _anchor(site, rel, real, fragment) if fragment else None
    if resolved in site.files.values():
        return None  # a file: the pdf, a download
    # An address as the browser shows it ('../op-zoek/'): from the address of this page.
    return _web_address(site, rel, _from_page(site, rel, path), fragment, target)


def _from_page(site: Site, rel: str, path: str) -> str:
    """The site address a relative web address on this page points at."""
    base = site.by_file[rel]
    url = os.path.normpath(os.path.join(base, path)).replace(os.sep, "/")
    url = "" if url == "." else url
    return url + "/" if url and not url.endswith("/") and "." not in PurePosixPath(url).name else url


def _web_address(site: Site, rel: str, url: str, fragment: str, target: str) -> str:
    url = url.lstrip("/")
    url = url[: -len("index.html")] if url.endswith("index.html") else url
    if url and not url.endswith("/") and "." not in PurePosixPath(url).name:
        url += "/"
    source = site.by_url.get(url)
    if source is None:
        return (f"'{target}' is een webadres en geen bestand; link naar het bestand van de pagina (eindigt op .md), "
                "vanaf deze pagina gezien, bijvoorbeeld [de tijdlijn](../leerreis/tijdlijn.md)")
    right = _relative(rel, source) + (f"#{fragment}" if fragment else "")
    return f"'{target}' is het webadres van een pagina; link naar het bestand: schrijf ({right}) in plaats van ({target})"


def _missing(site: Site, rel: str, target: str, resolved: str) -> str:
    close = difflib.get_close_matches(resolved, [f for f in site.by_file if f != rel], n=1, cutoff=0.6)
    hint = f"; bedoel je '{_relative(rel, close[0])}'?" if close else ""
    return f"de link '{target}' werkt niet: dat bestand bestaat niet{hint}"


def _anchor(site: Site, rel: str, target_rel: str, fragment: str) -> str | None:
    if not fragment:
        return None
    anchors = site.anchors(target_rel)
    if anchors is None or fragment in anchors:
        return None
    close = difflib.get_close_matches(fragment, sorted(anchors), n=1, cutoff=0.6)
    where = "op deze pagina" if target_rel == rel else f"in {target_rel}"
    hint = f"; bedoel je '#{close[0]}'?" if close else "; een kop geeft een anker: '## Mijn kop' wordt '#mijn-kop'"
    return f"'#{fragment}' bestaat niet {where}{hint}"


def _image(site: Site, rel: str, target: str, resolved: str) -> str | None:
    real = site.files.get(resolved.lower())
    if real is None:
        folder = os.path.dirname(resolved)
        names = [f for f in site.files.values() if os.path.dirname(f) == folder
                 and PurePosixPath(f).suffix.lower() in (*PHOTO_FORMATS, ".svg", ".gif")]
        by_name = {PurePosixPath(n).name: n for n in names}
        close = [by_name[m] for m in difflib.get_close_matches(PurePosixPath(resolved).name, list(by_name), n=1,
                                                               cutoff=0.75)]
        hint = f"; bedoel je '{_relative(rel, close[0])}'?" if close else \
            "; zet de foto in dezelfde map als het verhaal"
        return f"de foto '{target}' bestaat niet{hint}"
    if real != resolved:
        return f"'{target}': de naam van de foto klopt niet precies; het bestand heet '{_relative(rel, real)}'"
    if PurePosixPath(real).suffix.lower() not in (*PHOTO_FORMATS, ".svg", ".gif"):
        return f"'{target}' is geen foto die elke browser toont; gebruik JPG of PNG"
    return None


# --- make fotos ----------------------------------------------------------------------------------

PHOTO_WIDTH = 1600


def shrink_photos(settings: Settings) -> list[str]:
    """Make every photo in the stories folder fit for the web: at most 1600 px wide, compressed, and
    without its hidden data (camera, GPS position). Returns a Dutch line per photo changed."""
    done: list[str] = []
    folder = settings.root / settings.stories_dir
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.suffix.lower() not in PHOTO_FORMATS or not path.is_file():
            continue
        before = path.stat().st_size
        try:
            with Image.open(path) as image:
                image.load()
                kind, width = image.format, image.width
                if before <= PHOTO_MAX_BYTES and width <= PHOTO_MAX_WIDTH:
                    continue
                if width > PHOTO_WIDTH:
                    image = image.resize((PHOTO_WIDTH, round(image.height * PHOTO_WIDTH / width)), Image.LANCZOS)
                if kind == "JPEG" or path.suffix.lower() in (".jpg", ".jpeg"):
                    image.convert("RGB").save(path, "JPEG", quality=82, optimize=True, progressive=True)
                else:
                    image.save(path, kind or "PNG", optimize=True)
        except (UnidentifiedImageError, OSError) as exc:
            done.append(f"{path.relative_to(settings.root).as_posix()}: niet gelukt ({exc.__class__.__name__})")
            continue
        done.append(f"{path.relative_to(settings.root).as_posix()}: {_size(before)} → {_size(path.stat().st_size)}")
    return done
