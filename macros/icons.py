"""Icons from the theme's bundled icon sets, shown inline.

Data names an icon as the theme does in mkdocs.yml: set/name, such as 'material/compass-outline'
(Material Design Icons; also fontawesome/solid/…, octicons/…, simple/…). The SVG comes from the
theme package that is installed: Material for MkDocs first, then Zensical, its successor, which
ships the same sets under the same path. Inline SVG takes the text colour (fill: currentColor in
the stylesheet) and costs no extra request; it is decoration, so screen readers skip it.
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import re
from pathlib import Path

from markupsafe import Markup

# Theme packages that bundle icons, in the order they are tried.
THEME_PACKAGES = ("material", "zensical")
ICONS_FOLDER = ("templates", ".icons")
# Where an editor finds the names (the search of the icon reference of Material for MkDocs).
ICON_SEARCH = "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/#search"
EXAMPLE = "material/compass-outline"

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+$")


@functools.lru_cache(maxsize=1)
def icon_folders() -> tuple[Path, ...]:
    """The icon folders of the installed theme packages (…/templates/.icons), Material first."""
    found = []
    for package in THEME_PACKAGES:
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            spec = None
        for location in (spec.submodule_search_locations or []) if spec else []:
            folder = Path(location, *ICONS_FOLDER)
            if folder.is_dir():
                found.append(folder)
    return tuple(found)


def icon_file(name: str) -> Path | None:
    """The SVG file of an icon ('material/compass-outline'), or None when no theme has it."""
    if not _NAME.match(name):
        return None
    for folder in icon_folders():
        path = folder / f"{name}.svg"
        if path.is_file():
            return path
    return None


def _names(icon_set: str) -> list[str]:
    """Every icon of a set ('material'), as set/name."""
    names: set[str] = set()
    for folder in icon_folders():
        base = folder / icon_set
        if base.is_dir():
            names.update(f"{icon_set}/{p.relative_to(base).with_suffix('').as_posix()}" for p in base.rglob("*.svg"))
    return sorted(names)


def _from_shortcode(value: str) -> str | None:
    """The set/name of an icon written as the Markdown shortcode ':material-compass-outline:'."""
    code = value.strip().strip(":")
    for folder in icon_folders():
        for icon_set in sorted((p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir()),
                               key=len, reverse=True):
            prefix = icon_set.replace("/", "-") + "-"
            if code.startswith(prefix) and icon_file(f"{icon_set}/{code[len(prefix):]}"):
                return f"{icon_set}/{code[len(prefix):]}"
    return None


def unknown_icon(value: str) -> str | None:
    """None when the theme has this icon; otherwise the Dutch message for the editor, with a
    suggestion when there is a close name."""
    if icon_file(value):
        return None
    if not icon_folders():
        return (f"'{value}' kan niet worden gecontroleerd: er is geen thema met iconen geïnstalleerd "
                "(Material for MkDocs of Zensical); voer 'make check' uit, dat installeert het thema")
    shortcode = _from_shortcode(value)
    if shortcode:
        return f"'{value}' is de schrijfwijze voor in de tekst; schrijf hier {shortcode}"
    icon_set = value.split("/", 1)[0] if "/" in value else "material"
    close = difflib.get_close_matches(value if "/" in value else f"material/{value}", _names(icon_set), n=1,
                                      cutoff=0.6)
    hint = f" Bedoel je {close[0]}?" if close else ""
    return (f"'{value}' is geen icoon van het thema.{hint} Zoek een icoon op {ICON_SEARCH} en schrijf "
            f"set/naam, zoals {EXAMPLE}")


@functools.lru_cache(maxsize=256)
def _svg_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<\?xml[^>]*\?>|<!--.*?-->", "", text, flags=re.S)
    return text.strip()


def svg(name: str | None) -> Markup | None:
    """The icon's own SVG after '<svg' (its attributes and drawing), for ko/icon.html, which writes the
    element with its class, size and aria-hidden; None when `name` is None or unknown (validation
    refuses unknown names before a build)."""
    path = icon_file(name) if name else None
    if path is None:
        return None
    text = _svg_text(path)
    return Markup(text[len("<svg"):]) if text.startswith("<svg") else None
