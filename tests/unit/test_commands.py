"""The commands, written down once per place that names them: every target of the Makefile is
described in its head, and the README's table of commands names exactly those targets."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def makefile_targets() -> tuple[set[str], set[str]]:
    """(the .PHONY targets, the targets the Makefile's head describes)."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = set(re.search(r"^\.PHONY:(.*)$", text, re.M).group(1).split())
    described = set(re.findall(r"^#\s+make ([a-z-]+)", text, re.M))
    return phony, described


def readme_targets() -> set[str]:
    """The targets in the first column of the README's table of commands."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `make ([a-z-]+)", text, re.M))


def test_every_target_is_described_in_the_makefile():
    phony, described = makefile_targets()
    assert phony == described


def test_the_readme_lists_the_makefiles_commands():
    _, described = makefile_targets()
    assert readme_targets() == described
