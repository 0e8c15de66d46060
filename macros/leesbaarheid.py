"""Readability report (`make leesbaarheid`): sentence length per page of the built site.

The target of the house style is plain Dutch (B1): at most 15 words per sentence on average and at
most 8 % sentences longer than 25 words in the publication's prose. The publication is what the
print edition holds (pdf.pdf_pages: extra.pdf's front pages and parts, or the menu without its web-only parts);
the other pages are reported too, as "alleen op de site". Prose is running text: paragraphs of the
article. Quotes (blockquote, the pull quotes), list items, tables, captions, the facts box of a
story and code are left out: they carry the sources' words over exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from .context import Context
from .pdf import pdf_pages

LONG = 25           # words; a sentence above this counts as long
TARGET_AVERAGE = 15
TARGET_LONG_SHARE = 0.08

SKIP = ("blockquote", "li", "table", "figure", "figcaption", "pre", "code", "aside", "nav", "form",
        ".admonition", ".ko-quote", ".ko-story-foot", ".md-source-file", "dl", ".ko-figures",
        ".ko-pdf", ".ko-byline", ".ko-cards", ".ko-story-list")
# Abbreviations that end in a full stop without ending the sentence.
_ABBREVIATIONS = re.compile(
    r"\b(?:o\.a|bijv|bv|d\.w\.z|m\.b\.t|t\.a\.v|i\.s\.m|e\.d|enz|etc|dr|drs|ir|prof|mr|ing|nr|blz|ca|"
    r"mevr|dhr|incl|excl|resp|vgl|zgn|z\.g\.a\.n|[A-Z])\.$")
_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ][\w'’\-.,/]*", re.UNICODE)


@dataclass
class PageFigures:
    url: str
    publication: bool
    lengths: list[int]

    @property
    def sentences(self) -> int:
        return len(self.lengths)

    @property
    def average(self) -> float:
        return sum(self.lengths) / len(self.lengths) if self.lengths else 0.0

    @property
    def long(self) -> int:
        return sum(1 for n in self.lengths if n > LONG)

    @property
    def long_share(self) -> float:
        return self.long / len(self.lengths) if self.lengths else 0.0


def sentences(text: str) -> list[str]:
    """Split running text into sentences (Dutch abbreviations and initials do not end one)."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return []
    found: list[str] = []
    start = 0
    for match in _END.finditer(text):
        candidate = text[start:match.start()].strip()
        last = candidate.rsplit(" ", 1)[-1]
        if _ABBREVIATIONS.search(last):
            continue
        found.append(candidate)
        start = match.end()
    found.append(text[start:].strip())
    return [s for s in found if words(s)]


def words(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def prose(html: str) -> list[str]:
    """The running text of a built page: its article's paragraphs without quotes, lists and boxes."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one(".md-content__inner")
    if article is None:
        return []
    for selector in SKIP:
        for node in article.select(selector):
            node.decompose()
    return [p.get_text(" ", strip=True) for p in article.find_all("p")]


def shortfall(lengths: list[int]) -> str | None:
    """What keeps these sentence lengths from the B1 target, in Dutch, or None when they meet it."""
    if not lengths:
        return None
    figures = PageFigures("", True, lengths)
    if figures.average > TARGET_AVERAGE:
        return f"gemiddeld {figures.average:.1f} woorden per zin (hoogstens {TARGET_AVERAGE})"
    if figures.long_share > TARGET_LONG_SHARE:
        return f"{100 * figures.long_share:.0f} % zinnen van meer dan {LONG} woorden (hoogstens " \
               f"{round(100 * TARGET_LONG_SHARE)} %)"
    return None


def page_figures(site: Path, url: str, publication: bool) -> PageFigures | None:
    path = site / url / "index.html"
    if not path.is_file():
        return None
    lengths = [words(s) for paragraph in prose(path.read_text(encoding="utf-8")) for s in sentences(paragraph)]
    return PageFigures(url, publication, lengths)


def report(ctx: Context, site: Path) -> tuple[list[PageFigures], PageFigures, PageFigures]:
    """Figures per page, for the publication's prose and for the whole site."""
    in_print = set(pdf_pages(ctx))
    pages: list[PageFigures] = []
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if url.startswith(("search/", "assets/")) or "/page/" in url or url.startswith(_listing_prefixes(ctx)):
            continue
        figures = page_figures(site, url, url in in_print)
        if figures and figures.sentences:
            pages.append(figures)
    publication = PageFigures("publicatie", True, [n for p in pages if p.publication for n in p.lengths])
    whole = PageFigures("hele site", False, [n for p in pages for n in p.lengths])
    return pages, publication, whole


def _listing_prefixes(ctx: Context) -> tuple[str, ...]:
    """Generated listings of the blog (archive, categories, authors) hold no prose of their own."""
    blog = ctx.settings.blog.blog_dir.strip("/")
    return tuple(f"{blog}/{part}/" for part in ("archief", "leerkring", "auteur", "archive", "category", "author"))


def format_report(pages: list[PageFigures], publication: PageFigures, whole: PageFigures) -> str:
    def line(name: str, f: PageFigures) -> str:
        return (f"{name:<62} {f.sentences:>6} {f.average:>8.1f} {f.long:>6} {100 * f.long_share:>6.1f} %")

    header = f"{'pagina':<62} {'zinnen':>6} {'woorden':>8} {'>25':>6} {'lang':>8}"
    out = ["Leesbaarheid (B1): gemiddeld aantal woorden per zin en zinnen van meer dan "
           f"{LONG} woorden, alleen lopende tekst (geen citaten, opsommingen of tabellen).", "",
           "Publicatie", header]
    out += [line(p.url or "(home)", p) for p in pages if p.publication]
    out += ["", "Alleen op de site", header]
    out += [line(p.url or "(home)", p) for p in pages if not p.publication]
    out += ["", "Totaal", header, line("publicatie", publication), line("hele site", whole), ""]
    verdict = "nog niet gehaald" if shortfall(publication.lengths) else "gehaald"
    out.append(f"Doel voor de publicatie: gemiddeld hoogstens {TARGET_AVERAGE} woorden per zin en hoogstens "
               f"{round(100 * TARGET_LONG_SHARE)} % lange zinnen: {verdict} "
               f"({publication.average:.1f} woorden, {100 * publication.long_share:.1f} % lang).")
    return "\n".join(out)
