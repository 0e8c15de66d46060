"""Derived files, made from data and models, never edited by hand.

- `docs/verhalen/.authors.yml`: Material's blog authors, from data/mensen.yml, and
  `.afgeleid.yml`: the configuration layer with what the templates read, which search, and the
  abbreviation glossary (from data/begrippen.yml). Written before every build (`make site`,
  `make serve`, `make test`) and not kept in git.
- `schemas/verhaal.schema.json`: JSON Schema of a story's front matter, from the Story model,
  for autocomplete in editors. Kept in git; a test fails when it is stale (`make schema`).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from .loader import SiteData
from .models import Story

AUTHORS_FILE = Path("docs/verhalen/.authors.yml")
# Values the theme templates read (story boxes, share images, colours, which search). A configuration
# layer that engine/mkdocs.base.yml inherits, so MkDocs and Zensical both read them from a file.
DERIVED_CONFIG = Path(".afgeleid.yml")
SCHEMA_FILE = Path("schemas/verhaal.schema.json")
AVATAR = "assets/images/persoon.svg"
HEADER = "# Gegenereerd uit {source} door 'make {target}'. Niet met de hand bewerken.\n"


def authors_yaml(data: SiteData) -> str:
    """Material's authors file: every person, a neutral local avatar (no third-party images)."""
    authors = {
        p.id: {"name": p.name, "description": p.description or "", "avatar": AVATAR, "slug": p.id}
        for p in data.people
    }
    body = yaml.safe_dump({"authors": authors}, allow_unicode=True, sort_keys=False, width=100)
    return HEADER.format(source="data/mensen.yml", target="site") + body


def derived_extra(root: Path, data: SiteData) -> dict:
    """The values the theme templates read from config.extra: story boxes, share images and dates,
    the circle's colours."""
    from . import identity, share
    from .adapter import story_meta_boxes

    return {
        "ko_identity_css": identity.css(data.identity),
        "ko_story_meta": story_meta_boxes(data),
        "ko_share_images": share.page_images(root, data),
        "ko_share_default": share.image_for(root, data, "site"),
        "ko_story_dates": share.story_dates(data),
    }


def derived_config(root: Path, data: SiteData) -> str:
    """The configuration layer with the values the templates need and the abbreviation glossary, as
    YAML; for a large harvest it also switches Material's search off (Pagefind, macros/search.py)."""
    from . import search

    from .render import abbreviation_titles

    layer = search.derived_config(data)
    layer["extra"].update(derived_extra(root, data))
    # Tooltips for abbreviations in running text on every page (Markdown's abbr extension).
    layer["markdown_extensions"] = {"abbr": {"glossary": abbreviation_titles(data.terms)}}
    body = yaml.safe_dump(layer, allow_unicode=True, sort_keys=True, width=1000)
    return HEADER.format(source="data/ en docs/verhalen/", target="site") + body


def write_derived(root: Path, data: SiteData) -> None:
    """Every file derived from data that a build needs; written before each build, not kept in git."""
    write_if_changed(root / AUTHORS_FILE, authors_yaml(data))
    write_if_changed(root / DERIVED_CONFIG, derived_config(root, data))


def story_schema() -> str:
    schema = Story.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Verhaal (front matter)"
    schema["description"] = (
        "De velden bovenaan een verhaal in docs/verhalen/posts/. Gegenereerd uit macros/models.py "
        "door 'make schema'; niet met de hand bewerken."
    )
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    """Write only when the content differs, so a live preview does not rebuild for nothing."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True
