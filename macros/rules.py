"""The registry of every content rule: one shape, one pass over one read of the project.

A rule is a function `rule(src: Sources) -> Iterable[DataError]`, registered with `@rule(...)` in a
module by subject:

    rules_data.py        records across files: unique ids, references, numbering, goals and circles, …
    rules_pages.py       pages and the settings: images, macro calls, routes, principle pages, menu,
                         print edition, known reading errors, quote marks, the circle's own words
    rules_stories.py     stories and their folder: text, excerpt, names, photos, stray files
    rules_links.py       links, anchors and images in every page and story
    rules_unfinished.py  what is not finished yet ('VUL IN', the template's text, an empty story)

The loader imports those modules (which registers their rules) and runs them: `run(src)` for the
content, then `run(src, LINKS)` for the links, with `src.context` set once the data is valid (a
page's anchors from the macros it calls). Every error keeps its Dutch message and its case in
tests/fixtures/ongeldig/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .errors import DataError
from .sources import Sources

CONTENT = "content"
LINKS = "links"


@dataclass(frozen=True)
class Rule:
    function: Callable[..., Iterable[DataError]]
    stage: str = CONTENT
    unfinished: bool = False       # what is fine to preview but not to publish: a warning locally
    needs_settings: bool = False   # folders and addresses come from valid settings
    whole_harvest: bool = False    # not in the one-story preview (it reads one story)

    @property
    def name(self) -> str:
        return f"{self.function.__module__.rsplit('.', 1)[-1]}.{self.function.__name__}"


RULES: list[Rule] = []


def rule(*, stage: str = CONTENT, unfinished: bool = False, needs_settings: bool = False,
         whole_harvest: bool = False) -> Callable:
    """Register a rule: `@rule()` above `def my_rule(src: Sources) -> Iterable[DataError]`."""
    def register(function: Callable[..., Iterable[DataError]]) -> Callable[..., Iterable[DataError]]:
        RULES.append(Rule(function, stage, unfinished, needs_settings, whole_harvest))
        return function
    return register


def run(src: Sources, stage: str = CONTENT, unfinished: bool = False) -> list[DataError]:
    """Every error of the rules of `stage` (or of the unfinished ones), all at once."""
    errors: list[DataError] = []
    for registered in RULES:
        if registered.unfinished != unfinished or (not unfinished and registered.stage != stage):
            continue
        if registered.needs_settings and not src.settings_valid:
            continue
        if registered.whole_harvest and src.only_story is not None:
            continue
        errors.extend(registered.function(src))
    return errors
