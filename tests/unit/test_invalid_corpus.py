"""The corpus of invalid inputs: each folder under tests/fixtures/ongeldig/ holds files laid over the
minimal valid project and, in verwacht.txt, the exact Dutch messages `make check` must print. A case
with a file 'alleen-bij-publiceren' is refused by the publishing check (CI=true) and only warned
about locally (the starter's 'VUL IN', a story with the template's text)."""

import shutil
from pathlib import Path

import pytest

from macros.cli import main
from sitebuild import copy_fixture

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "ongeldig"
PUBLISHING_ONLY = "alleen-bij-publiceren"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def test_corpus_is_not_empty():
    assert len(CASES) >= 50


@pytest.mark.parametrize("case", [c for c in CASES if (CORPUS / c / PUBLISHING_ONLY).exists()])
def test_unfinished_work_is_only_a_warning_locally(case, tmp_path, capsys, monkeypatch):
    project = copy_fixture(tmp_path / "project")
    shutil.copytree(CORPUS / case, project, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("verwacht.txt", PUBLISHING_ONLY))
    monkeypatch.setenv("CI", "false")
    assert main(["--root", str(project), "check"]) == 0
    out = capsys.readouterr().out
    assert "publiceren (CI) weigert de site" in out
    for line in (CORPUS / case / "verwacht.txt").read_text(encoding="utf-8").splitlines():
        assert f"  {line}" in out


@pytest.mark.parametrize("case", CASES)
def test_invalid_input_is_refused_with_exact_dutch_messages(case, tmp_path, capsys, monkeypatch):
    project = copy_fixture(tmp_path / "project")
    shutil.copytree(CORPUS / case, project, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("verwacht.txt", PUBLISHING_ONLY))
    monkeypatch.setenv("CI", "true" if (CORPUS / case / PUBLISHING_ONLY).exists() else "false")
    expected = (CORPUS / case / "verwacht.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case}: verwacht.txt is leeg"

    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    count = len(expected)
    summary = f"{count} {'fout' if count == 1 else 'fouten'} gevonden. Herstel ze en voer 'make check' opnieuw uit."
    assert err == expected + ["", summary]
