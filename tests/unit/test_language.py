"""The Dutch labels of the theme (overrides/partials/languages/nl.html): a whole copy of Material's
nl.html, because a file of that name replaces Material's (and Zensical's). Checked against the
installed language files, so an upgrade that adds a key or changes a Dutch label is noticed."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[2]
OVERRIDE = ROOT / "overrides" / "partials" / "languages" / "nl.html"
MATERIAL = Path(material.__file__).parent / "templates" / "partials" / "languages"
# Zensical's own copy of the theme, in its separate environment (make site-zensical).
ZENSICAL = sorted(ROOT.glob(".venv-zensical/lib/python3*/site-packages/zensical/templates/partials/languages"))

# Keys that are settings, not text: English's values are right for Dutch too (Material's nl.html
# leaves them out as well).
SETTINGS = {"direction", "search.config.pipeline", "search.config.separator"}

# What the override says differently from Material's nl.html, and why.
CHANGED = {
    "blog.index": "Alle verhalen",                       # it leads to the list of stories, not a table of contents
    "blog.meta": "Gegevens",                             # 'Metadata' is jargon (and the story box is 'Over dit verhaal')
    "footer": "Vorige en volgende pagina",               # landmark label; Material: 'Footer'
    "header": "Paginakop",                               # landmark label; Material: 'Header'
    "tabs": "Hoofdmenu",                                 # landmark label; Material: 'Tabs'
    "rss.created": "RSS-feed",
    "rss.updated": "RSS-feed met bijgewerkte inhoud",    # 'geüpdatet inhoud'
    "search.result.initializer": "Zoeken wordt klaargezet",
    "search.result.one": "1 overeenkomend document",     # 'overeenkomende' is wrong with a neuter noun
    "source": "Ga naar de bronbestanden",                # 'repository'
    "source.file.date.created": "Gemaakt",
    "source.file.date.updated": "Laatst bijgewerkt",
}

# Keys Material's nl.html lacks (Dutch would fall back to English).
ADDED = {
    "action.copy": "Kopieer als Markdown",               # Zensical
    "blog.authors": "Auteurs",
    "clipboard.error": "Kopiëren naar klembord is niet gelukt",  # Zensical
    "progress": "Laden",                                 # Zensical
}

ENGLISH_LANDMARKS = {"Header", "Footer", "Tabs", "Navigation", "Table of contents", "Search"}


def labels(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    return {key: value.replace('\\"', '"') for key, value in re.findall(r'"([a-z.]+)": "((?:[^"\\]|\\.)*)"', text)}


def test_the_override_is_materials_dutch_with_its_declared_changes():
    upstream = labels(MATERIAL / "nl.html")
    expected = {**upstream, **CHANGED, **ADDED}
    for key in CHANGED:
        assert key in upstream and upstream[key] != CHANGED[key], f"{key}: Material changed this label; review it"
    for key in ADDED:
        assert key not in upstream, f"{key}: Material's nl.html has it now; review the override"
    assert labels(OVERRIDE) == expected


@pytest.mark.parametrize("languages", [MATERIAL, *ZENSICAL], ids=lambda p: "zensical" if "zensical" in str(p) else "material")
def test_no_key_falls_back_to_english(languages):
    english = labels(languages / "en.html")
    missing = set(english) - set(labels(OVERRIDE)) - SETTINGS
    assert missing == set()


def test_landmark_labels_are_dutch():
    own = labels(OVERRIDE)
    for key in ("header", "footer", "tabs", "nav", "toc", "search"):
        assert own[key] not in ENGLISH_LANDMARKS, key
