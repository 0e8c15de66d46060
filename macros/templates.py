"""Templates render, Python prepares: the one Jinja environment for every piece of markup the engine
makes (cards, tables, lists, bylines, the hero, the story lists, the print edition's own pages, the
share cards).

    records ─► view models (render.py: plain values, addresses made by routes.py)
            ─► templates (overrides/ko/<component>.html; Markdown for sections with headings: *.md)

Templates live in the engine's overrides/ko/, one per component, and read the words readers see from
overrides/ko/strings.yml (`t.<group>.<key>`). A circle overrides one template in its own place,
overrides/eigen/ko/<the same name>, and one word in overrides/eigen/strings.yml; an engine update never
touches either. Autoescape is on: every value from data is inert, and only Markup (a template's own
output, an icon of the theme) passes as it is.

In *.html templates, a line break with its indentation next to a tag or a {% %} block disappears, so
a template can be written over several lines and still give one line of HTML (a blank line inside raw
HTML would end the HTML block in Markdown); between text and a {{ value }} it is one space.
"""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path
from typing import Any, Mapping

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension
from markupsafe import Markup, escape

from . import places

# The engine's own templates and words: beside this package (in a circle too: the engine's files).
ENGINE_OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"
STRINGS = "ko/strings.yml"
OWN_STRINGS = "strings.yml"   # in the circle's own template folder (places: templates)

# A line break with its indentation: removed next to a tag or a block, else one space.
_BREAK = re.compile(r"[ \t]*\n\s*")


def _join(source: str) -> str:
    def one(match: re.Match) -> str:
        before, after = source[:match.start()], source[match.end():]
        if before.endswith((">", "%}", "#}")) or after.startswith(("<", "{%", "{#")) or not before or not after:
            return ""
        return " "   # text or a {{ value }} on both sides
    return _BREAK.sub(one, source)


class _Compact(Extension):
    """One line of HTML from a template written over several (see the module's docstring)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _join(source) if name and name.endswith(".html") else source


def fill(text: str, **values: Any) -> str:
    """A word with values filled in: 'Alle {count} basisprincipes' → 'Alle zeven basisprincipes'."""
    return str(text).format(**values)


def md(text: Any) -> Markup:
    """Text made inert inside Markdown (a heading a template writes): HTML escaped, Markdown's
    punctuation backslashed."""
    out = str(escape(text))
    for char in "\\`*_[]#|~":
        out = out.replace(char, "\\" + char)
    return Markup(out)


def own_strings_label() -> str:
    """Where a circle's own words are: overrides/eigen/strings.yml (places: templates)."""
    return f"{places.own('templates')}{OWN_STRINGS}"


def _merge(base: Any, own: Any) -> Any:
    if isinstance(base, dict) and isinstance(own, dict):
        return {**base, **{k: _merge(base[k], v) if k in base else v for k, v in own.items()}}
    return own


def engine_strings() -> dict:
    """The engine's words (overrides/ko/strings.yml)."""
    return _read_strings(str(ENGINE_OVERRIDES / STRINGS))


@functools.lru_cache(maxsize=8)
def _read_strings(path: str) -> dict:
    with open(path, encoding="utf-8") as fd:
        return yaml.safe_load(fd) or {}


def strings(own: Mapping | None = None) -> dict:
    """The words readers see: the engine's, with the circle's own (overrides/eigen/strings.yml) over them.
    `own` is validated by the loader (rules: unknown keys are refused), so it only replaces words."""
    return _merge(engine_strings(), dict(own or {}))


class Templates:
    """The template environment of one harvest: its own templates first, then the engine's."""

    def __init__(self, root: Path | None, words: Mapping) -> None:
        folders = [ENGINE_OVERRIDES]
        if root is not None:
            folders.insert(0, Path(root) / places.own("templates"))
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            extensions=[_Compact],
        )
        self.env.filters["fill"] = fill
        self.env.filters["md"] = md
        self.env.globals["t"] = words
        self.words = words

    def render(self, name: str, **values: Any) -> Markup:
        """The markup of template `name` (under ko/) with these values."""
        return Markup(self.env.get_template(name).render(**values))


def remove_from_site(site_dir: Path) -> None:
    """The builders copy every file of the theme's folder that is not an HTML template into the site
    (Zensical the Markdown templates too): the engine's template folder (ko/) and the circle's own
    (eigen/) hold sources, not files of the site."""
    own = Path(places.own("templates")).relative_to(ENGINE_OVERRIDES.name)
    for folder in (Path(site_dir) / Path(STRINGS).parent, Path(site_dir) / own):
        shutil.rmtree(folder, ignore_errors=True)
