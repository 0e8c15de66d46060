"""CONTRIBUTING.md's examples work: its links, written into a story, pass make check; the routes it
describes are in the order of the issue (form, web editor, terminal)."""

import re

from macros.loader import check
from sitebuild import ROOT, copy_project

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_the_routes_start_with_the_one_that_needs_only_a_github_account():
    routes = re.findall(r"^## Route \d: (.+)$", GUIDE, re.M)
    assert routes[0].startswith("met een formulier") and "editor van GitHub" in routes[1] and "computer" in routes[2]


def test_the_guides_example_links_pass_the_check(tmp_path):
    section = GUIDE.split("## Een link naar een ander verhaal of een pagina", 1)[1].split("\n## ", 1)[0]
    links = re.findall(r"`(\[[^\]]+\]\([^)]+\))`", section)
    assert len(links) == 4
    project = copy_project(tmp_path / "project")
    story = project / "docs/verhalen/posts/zoeken-naar-de-oplossing-van-de-ruimtelijke-puzzel.md"
    text = story.read_text(encoding="utf-8")
    story.write_text(text + "\n## Drie bodemverbeteraars\n\n" + "\n\n".join(links) + "\n", encoding="utf-8")
    assert check(project) == []
