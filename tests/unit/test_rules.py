"""The rule registry: one shape, one pass. Every registered rule has a case in the corpus of invalid
inputs (tests/fixtures/ongeldig/) that makes it speak, so no rule is untested."""

import shutil
from pathlib import Path

from macros import loader, rules, sources
from sitebuild import copy_fixture

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "ongeldig"


def test_every_rule_has_a_corpus_case(tmp_path):
    spoke: set[str] = set()
    for case in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        project = copy_fixture(tmp_path / case.name)
        shutil.copytree(case, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("verwacht.txt"))
        src = sources.read(project)
        for registered in rules.RULES:
            if registered.needs_settings and not src.settings_valid:
                continue
            if list(registered.function(src)):
                spoke.add(registered.name)
    assert {r.name for r in rules.RULES} - spoke == set()


def test_rules_have_one_shape_and_are_registered_by_subject():
    assert loader.rules is rules
    modules = {r.function.__module__.rsplit(".", 1)[-1] for r in rules.RULES}
    assert modules == {"rules_data", "rules_pages", "rules_stories", "rules_links", "rules_unfinished"}
    for registered in rules.RULES:
        code = registered.function.__code__
        assert code.co_argcount == 1 and code.co_varnames[0] == "src", registered.name
