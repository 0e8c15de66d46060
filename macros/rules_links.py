"""Rules over the links, anchors and images of every page and story, as the strict build would judge
them: a link leads to a file that exists (exact case), to a heading that exists, and is never a web
address of the site itself (copied from the browser): the message gives the link to the source file
instead. A photo is in the project, beside its story. Anchors that macros make are known once the
data is valid (the loader sets `src.context`); until then only the Markdown's own anchors count."""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Iterator
from urllib.parse import unquote, urlsplit

from .errors import DataError
from .context import render_markdown
from .reading import split_front_matter
from .routes import Routes, page_url
from .rules import LINKS, rule
from .rules_stories import PHOTO_FORMATS
from .sources import Sources

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`]*`")
_MD_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REF_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HTML_LINK = re.compile(r"<(a|img)\b[^>]*?\s(href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
_HTML_ID = re.compile(r"\bid\s*=\s*[\"']([^\"']+)[\"']")
_MACRO = re.compile(r"{{|{%")
IMAGES = (*PHOTO_FORMATS, ".svg", ".gif")


@dataclass
class Link:
    line: int
    target: str
    image: bool


def links_of(text: str, first_line: int = 1) -> Iterator[Link]:
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
    """The pages and stories by file and by address, and their anchors (computed on demand)."""

    src: Sources
    by_file: dict[str, str] = field(default_factory=dict)      # docs-relative file → address
    by_url: dict[str, str] = field(default_factory=dict)       # address → docs-relative file
    files: dict[str, str] = field(default_factory=dict)        # lower-case docs path → real docs path
    _anchors: dict[str, set[str] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, src: Sources) -> "Site":
        site = cls(src)
        routes = Routes(src.settings)
        for rel in src.docs_files:
            site.files[rel.lower()] = rel
            if not rel.endswith(".md") or any(part.startswith((".", "_")) for part in PurePosixPath(rel).parts):
                continue
            url = routes.story(PurePosixPath(rel).stem) if src.settings.is_story(rel) else page_url(rel)
            site.by_file[rel] = url
            site.by_url[url] = rel
        return site

    def anchors(self, rel: str) -> set[str] | None:
        """The anchors of a page, or None when they cannot be known (macros, but no valid data)."""
        if rel not in self._anchors:
            self._anchors[rel] = self._find_anchors(rel)
        return self._anchors[rel]

    def _find_anchors(self, rel: str) -> set[str] | None:
        text = self.src.page_text(rel) or ""
        _front, body, _line, _errors = split_front_matter(text, rel)
        if _MACRO.search(body) and not self.src.settings.is_story(rel):
            if self.src.context is None:
                return None
            body = render_markdown(self.src.context, rel, body)
            if body is None:
                return None
        return anchors_of(body)


def _relative(from_rel: str, to_rel: str) -> str:
    return os.path.relpath(to_rel, os.path.dirname(from_rel) or ".").replace(os.sep, "/")


def _own_hosts(src: Sources) -> set[tuple[str, str]]:
    """(host, path prefix) of the site's own addresses, whose links should be links to files."""
    hosts = {("127.0.0.1:8000", "/"), ("localhost:8000", "/")}
    for url in (src.settings.site_url, os.environ.get("SITE_URL")):
        if url:
            parts = urlsplit(url)
            hosts.add((parts.netloc, parts.path if parts.path.endswith("/") else parts.path + "/"))
    return hosts


@rule(stage=LINKS, needs_settings=True)
def links(src: Sources) -> list[DataError]:
    """Links, anchors and images in every page and story, as the strict build would judge them."""
    site = Site.of(src)
    errors: list[DataError] = []
    own = _own_hosts(src)
    for rel in sorted(site.by_file):
        label = src.docs_label(rel)
        for link in links_of(src.page_text(rel) or ""):
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
                 and PurePosixPath(f).suffix.lower() in IMAGES]
        by_name = {PurePosixPath(n).name: n for n in names}
        close = [by_name[m] for m in difflib.get_close_matches(PurePosixPath(resolved).name, list(by_name), n=1,
                                                               cutoff=0.75)]
        hint = f"; bedoel je '{_relative(rel, close[0])}'?" if close else \
            "; zet de foto in dezelfde map als het verhaal"
        return f"de foto '{target}' bestaat niet{hint}"
    if real != resolved:
        return f"'{target}': de naam van de foto klopt niet precies; het bestand heet '{_relative(rel, real)}'"
    if PurePosixPath(real).suffix.lower() not in IMAGES:
        return f"'{target}' is geen foto die elke browser toont; gebruik JPG of PNG"
    return None


@rule(stage=LINKS, needs_settings=True)
def moved_addresses(src: Sources) -> list[DataError]:
    """Every address that moved (extra.moved) leads to a page that exists, and to a place on it that
    exists; and no page lives at the old address any more (the page there would win)."""
    site = Site.of(src)
    errors: list[DataError] = []
    docs = src.settings.docs_dir.rstrip("/")
    for old, new in src.settings.moved.items():
        line = src.settings.lines.get(f"extra.moved.{old}", src.settings.lines.get("extra.moved", 0))
        page, _, anchor = new.partition("#")
        address = old.strip("/") + "/"
        if address in site.by_url:
            errors.append(DataError("mkdocs.yml", line, f"extra.moved.{old}", f"op '{address}' staat een pagina "
                                    f"({docs}/{site.by_url[address]}); haal die weg of haal deze regel weg"))
        if page not in site.by_file:
            errors.append(DataError("mkdocs.yml", line, f"extra.moved.{old}", f"'{page}' bestaat niet in {docs}/; "
                                    "schrijf de pagina waar de inhoud nu staat (eindigt op .md)"))
        elif anchor:
            message = _anchor(site, page, page, anchor)
            if message:
                errors.append(DataError("mkdocs.yml", line, f"extra.moved.{old}", message.replace(
                    "op deze pagina", f"in {page}")))
    return errors
