"""Reading: files as UTF-8, YAML with the line of every key and item, a story's front matter.

Every problem becomes a DataError with file and line in Dutch. Nothing here knows what the data
means; validation.py checks it and loader.py puts it together.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError


class LineDict(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    """A sequence that remembers the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    """Safe YAML loader that keeps line numbers, refuses duplicate keys and keeps dates as text."""


# Dates stay strings: the models parse them, so '2024-02-31' gets a Dutch error with a line.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise DuplicateKey(
                problem=f"sleutel '{key}' staat twee keer in hetzelfde record",
                problem_mark=key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result



def _construct_tagged(loader: "_Loader", suffix: str, node: yaml.Node) -> None:
    """Tags (MkDocs' !ENV, Python names) are read as nothing in data and stories: an editor's
    text can never pull a value from the build machine's environment."""
    return None


def _construct_env(loader: "_Loader", suffix: str, node: yaml.Node) -> Any:
    """Only in mkdocs.yml: !ENV [NAME, default] gives the variable or the default, as MkDocs reads
    it; other tags (!relative, Python names) are read as nothing."""
    if suffix != "ENV":
        return None
    if isinstance(node, yaml.SequenceNode):
        names = [loader.construct_scalar(child) for child in node.value]
    elif isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    else:
        return None
    variables, default = (names[:-1], names[-1]) if len(names) > 1 else (names, None)
    for name in variables:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class _ConfigLoader(_Loader):
    """The loader for mkdocs.yml: as _Loader, with MkDocs' !ENV."""


_ConfigLoader.add_multi_constructor("!", _construct_env)

# The same loader on libyaml's C parser, where PyYAML has it: 8× faster on 1,000 stories' front
# matter (0.36 → 0.04 s). Only valid input goes this way; on any YAML error the file is read again
# with the pure-Python loader, whose messages the Dutch translations above know.
_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        pass

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _FastLoader.add_multi_constructor("!", _construct_tagged)
    _FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_text(path: Path, label: str) -> tuple[str | None, list[DataError]]:
    """Read a file as UTF-8, or say in Dutch why it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [DataError(label, 0, "", "bestand ontbreekt")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [DataError(label, line, "", "bestand is geen UTF-8-tekst; sla het op als UTF-8")]
    return text.lstrip("\ufeff"), []


CURLY_QUOTES = "“”„‘’‚«»"


def parse_yaml(text: str, label: str, line_offset: int = 0, config: bool = False) -> tuple[Any, list[DataError]]:
    """Parse YAML text into LineDict/LineList values, or a Dutch syntax error with its line.
    `config`: a builder's configuration file (MkDocs' !ENV tag is read)."""
    loader = _ConfigLoader if config else _Loader
    if _FastLoader is not None and not config:
        try:
            return yaml.load(text, Loader=_FastLoader), []  # noqa: S506 - derives from CSafeLoader
        except yaml.YAMLError:
            pass  # read again below for the message
    try:
        return yaml.load(text, Loader=loader), []  # noqa: S506 - both derive from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 0
        problem = exc.problem or "onleesbare YAML"
        if isinstance(exc, DuplicateKey):
            return None, [DataError(label, line, "", problem)]
        source_line = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        if any(q in source_line for q in CURLY_QUOTES):
            return None, [DataError(label, line, "", "YAML-syntaxfout: deze regel heeft gekrulde aanhalingstekens "
                                    "(“…” of ‘…’, bijvoorbeeld uit Word); gebruik rechte: zet de tekst tussen \"…\"")]
        return None, [DataError(label, line, "", f"YAML-syntaxfout: {_yaml_problem_nl(problem)}")]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, [DataError(label, 0, "", f"YAML-syntaxfout: {exc}")]


def _yaml_problem_nl(problem: str) -> str:
    known = {
        "mapping values are not allowed here": "hier mag geen 'sleutel: waarde' staan (vergeten aanhalingstekens rond een tekst met een dubbele punt?)",
        "could not find expected ':'": "verwachtte een ':' na de sleutel",
        "found character '\\t' that cannot start any token": "tabs zijn niet toegestaan; gebruik spaties om in te springen",
        "did not find expected key": "verwachtte hier een sleutel (klopt het inspringen?)",
        "did not find expected '-' indicator": "verwachtte hier een lijst-item dat begint met '-' (klopt het inspringen?)",
        "found unexpected end of stream": "het bestand houdt onverwacht op (ontbreekt een afsluitend aanhalingsteken?)",
    }
    for english, dutch in known.items():
        if problem.startswith(english):
            return dutch
    return problem


# ---------------------------------------------------------------------------
# Locating a validation error in the source
# ---------------------------------------------------------------------------


def locate(raw: Any, loc: tuple[Any, ...], name_at: int | None) -> tuple[int, str]:
    """Line and readable field label for a pydantic `loc` inside `raw`.

    The list index at depth `name_at` picks a record, which is named by its id when it has one
    ('penvoerder.title'), otherwise by its position counted from 1 ('#4.title'); other list items
    are numbered from 1 ('items[3]').
    """
    node = raw
    line = getattr(raw, "line", 0)
    parts: list[str] = []
    for depth, step in enumerate(loc):
        if isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            child = node[step]
            if depth == name_at:
                ident = child.get("id") if isinstance(child, dict) else None
                parts.append(ident if isinstance(ident, str) and ident else f"#{step + 1}")
            else:
                parts[-1:] = [f"{parts[-1]}[{step + 1}]"] if parts else [f"[{step + 1}]"]
            node = child
        elif isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            parts.append(str(step))
            node = node[step]
        else:
            if isinstance(node, LineDict):
                line = node.line or line
            parts.append(str(step) if not isinstance(step, int) else f"[{step + 1}]")
            node = None
    return line, ".".join(parts)


def split_front_matter(text: str, label: str) -> tuple[str | None, str, int, list[DataError]]:
    """(front matter, body, line of the body's first line, errors) of a Markdown file."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1, [DataError(label, 1, "", "front matter ontbreekt: een verhaal begint met een regel '---', "
                                                          "dan de velden, dan weer '---'")]
    for n, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:n]), "\n".join(lines[n + 1:]), n + 2, []
    return None, text, 1, [DataError(label, 1, "", "front matter is niet afgesloten: zet een regel '---' na de velden")]

def shift_lines(node: Any, offset: int) -> None:
    """Move recorded line numbers by `offset` (front matter starts below the '---' line)."""
    if isinstance(node, LineDict):
        node.line += offset
        node.key_lines = {k: v + offset for k, v in node.key_lines.items()}
        for value in node.values():
            shift_lines(value, offset)
    elif isinstance(node, LineList):
        node.line += offset
        node.item_lines = [v + offset for v in node.item_lines]
        for value in node:
            shift_lines(value, offset)




def read_yaml(path: Path, label: str, errors: list[DataError], config: bool = False) -> Any:
    """The parsed YAML of a file, or None with the reasons added to `errors`."""
    text, errs = read_text(path, label)
    errors.extend(errs)
    if text is None:
        return None
    raw, errs = parse_yaml(text, label, config=config)
    errors.extend(errs)
    if errs:
        return None
    if raw is None:
        errors.append(DataError(label, 1, "", "bestand is leeg"))
    return raw

