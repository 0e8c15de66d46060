"""What is not finished yet: a new circle's 'VUL IN', a story that still has the template's text or an
empty introduction. Fine to preview (a warning locally), never published: the publishing build (CI=true)
refuses them (loader.unfinished)."""

from __future__ import annotations

import re

from .errors import DataError
from .rules import rule
from .sources import Sources

PLACEHOLDER = "VUL IN"
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")
_FIELD = re.compile(r"^(\w+):\s*\"?(.*?)\"?\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@rule(unfinished=True)
def placeholders(src: Sources) -> list[DataError]:
    """Every place a new circle's starter still says 'VUL IN' (not in YAML comments, which explain)."""
    errors: list[DataError] = []
    labels = ["mkdocs.yml", *src.data_files, *(src.docs_label(rel) for rel in src.docs_files if rel.endswith(".md"))]
    for label in labels:
        if label == "mkdocs.yml" and not (src.root / label).is_file():
            continue
        for n, line in enumerate((src.text(label) or "").split("\n"), start=1):
            if PLACEHOLDER not in line or (label.endswith(".yml") and line.lstrip().startswith("#")):
                continue
            key = _KEY.match(line)
            errors.append(DataError(label, n, key.group(1) if key else "",
                                    f"nog niet ingevuld ('{PLACEHOLDER}'); vul dit in, anders wordt de site niet "
                                    "gepubliceerd"))
    return errors


def _template_lines(src: Sources) -> set[str]:
    """The template's own sentences (not its comments): a story that still has them is unfinished."""
    body = _COMMENT.sub("", src.story_template[1])
    more = src.excerpt_separator
    return {line.strip() for line in body.splitlines() if len(line.strip()) > 3 and line.strip() != more}


def _template_values(src: Sources) -> dict[str, str]:
    values = {}
    for line in src.story_template[0].splitlines():
        match = _FIELD.match(line)
        if match and match.group(2) and not match.group(2).startswith("["):
            values[match.group(1)] = match.group(2)
    return values


@rule(unfinished=True)
def unfinished_stories(src: Sources) -> list[DataError]:
    """Stories with the template's text or an empty introduction: fine to preview, never published."""
    errors: list[DataError] = []
    lines, values, more = _template_lines(src), _template_values(src), src.excerpt_separator
    for story in src.stories:
        if not story.has_front:
            continue
        label, body, body_line = story.label, story.body, story.body_line
        front = (src.text(label) or "").split("\n")
        for n, line in enumerate(front[1:body_line - 2], start=2):
            match = _FIELD.match(line)
            if match and match.group(1) in ("description",) and values.get(match.group(1)) == match.group(2):
                errors.append(DataError(label, n, match.group(1), "dit is nog de tekst van het sjabloon; schrijf "
                                        "je eigen samenvatting in één zin"))
        for n, line in enumerate(body.split("\n"), start=body_line):
            if line.strip() in lines:
                errors.append(DataError(label, n, "", f"dit is nog de tekst van het sjabloon ('{line.strip()[:40]}'); "
                                        "vervang hem door je eigen tekst"))
        # A story without any text is an error, not unfinished work (rules_stories.story_text).
        has_text = re.search(r"\w", _COMMENT.sub("", body).replace(more, ""))
        if has_text and more in body and not re.search(r"\w", _COMMENT.sub("", body.split(more, 1)[0])):
            errors.append(DataError(label, body_line, "", f"de inleiding boven '{more}' is leeg; schrijf daar één tot "
                                    "drie zinnen (die staan op het overzicht)"))
    return errors
