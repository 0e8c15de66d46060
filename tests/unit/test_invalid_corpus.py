"""The corpus of invalid inputs: each folder under tests/fixtures/ongeldig/ holds files laid over the
minimal valid project and, in verwacht.txt, the exact Dutch messages `make check` must print."""

import shutil
from pathlib import Path

import pytest

from macros.cli import main
from sitebuild import copy_fixture

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "ongeldig"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def test_corpus_is_not_empty():
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES)
def test_invalid_input_is_refused_with_exact_dutch_messages(case, tmp_path, capsys):
    project = copy_fixture(tmp_path / "project")
    shutil.copytree(CORPUS / case, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("verwacht.txt"))
    expected = (CORPUS / case / "verwacht.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case}: verwacht.txt is leeg"

    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    count = len(expected)
    summary = f"{count} {'fout' if count == 1 else 'fouten'} gevonden. Herstel ze en voer 'make check' opnieuw uit."
    assert err == expected + ["", summary]
