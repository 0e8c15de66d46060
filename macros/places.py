"""Where the engine ends and a circle's own begins: engine/paden.txt, the one list.

Each line is a path of the engine (a folder ends in '/'). A line that starts with '!' is one of the
circle's own places that the engine reads, with its role: its stylesheet (`style`), its templates and
words (`templates`), its tests (`tests`). Everything that is not the engine's belongs to the circle
(data/, docs/, mkdocs.yml, README.md, …): `make kring` copies the engine, `make engine-bijwerken`
replaces exactly the engine's paths, and never touches the rest.

Older engines read every line as a path; a '!' line names no file, so for them it changes nothing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

PATHS_FILE = Path("engine/paden.txt")
ENGINE_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Split:
    """The engine's paths and the circle's own places (role → path) of one paden.txt."""

    engine: tuple[str, ...]
    own: dict[str, str]

    def is_engine(self, path: str) -> bool:
        """Whether the file at `path` (relative to the project) belongs to the engine."""
        return any(path == p or (p.endswith("/") and path.startswith(p)) for p in self.engine)


def parse(text: str) -> Split:
    """The split as a paden.txt says it."""
    engine: list[str] = []
    own: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            path, _, role = line[1:].partition(" ")
            own[role.strip()] = path.strip()
        else:
            engine.append(line)
    return Split(tuple(engine), own)


@functools.lru_cache(maxsize=1)
def engine_split() -> Split:
    """The split of this engine (its own engine/paden.txt)."""
    return parse((ENGINE_ROOT / PATHS_FILE).read_text(encoding="utf-8"))


def own(role: str) -> str:
    """The circle's own place for `role`: 'style' → 'docs/assets/eigen.css', 'templates' → 'overrides/eigen/'."""
    return engine_split().own[role]
