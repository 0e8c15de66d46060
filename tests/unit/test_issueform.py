"""A story without git or a terminal: the issue form (generated from data) and its converter, tested
offline on bodies as GitHub writes them (tests/fixtures/issues/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros import page_macros
from macros.cli import main
from macros.issueform import FORM_FILE, parse_body
from macros.loader import load_project
from sitebuild import ROOT

BODIES = Path(__file__).resolve().parents[1] / "fixtures" / "issues"


def convert(project: Path, body: str, capsys) -> tuple[int, str, str]:
    code = main(["--root", str(project), "verhaal-uit-issue", "--issue", str(BODIES / body)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_committed_form_matches_the_data(capsys):
    assert main(["--root", str(ROOT), "issueformulier", "--controleer"]) == 0, capsys.readouterr().out


def test_a_stale_form_is_noticed(fixture_project, capsys):
    assert main(["--root", str(fixture_project), "issueformulier"]) == 0
    assert main(["--root", str(fixture_project), "issueformulier", "--controleer"]) == 0
    circles = fixture_project / "data" / "leerkringen.yml"
    circles.write_text(circles.read_text(encoding="utf-8").replace("category: Proefkring", "category: Proefkring Twee"),
                       encoding="utf-8")
    story = fixture_project / "docs/verhalen/posts/eerste-verhaal.md"  # it names the category
    story.write_text(story.read_text(encoding="utf-8").replace("[Proefkring]", "[Proefkring Twee]"), encoding="utf-8")
    assert main(["--root", str(fixture_project), "issueformulier", "--controleer"]) == 1
    assert "verouderd: voer 'make issueformulier' uit" in capsys.readouterr().out


def test_the_form_is_valid_for_github():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-issue-forms",
                             str(ROOT / FORM_FILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_filled_form_becomes_a_story_on_its_circles_page(fixture_project, capsys):
    code, out, err = convert(fixture_project, "goed.md", capsys)
    assert code == 0, err
    assert out.strip() == "docs/verhalen/posts/op-bezoek-in-de-peel.md"
    text = (fixture_project / out.strip()).read_text(encoding="utf-8")
    assert 'title: "Op bezoek in de Peel"' in text and "kind: reportage" in text and "principles: [eerste]" in text
    # The introduction marker is derived: after the first paragraph.
    assert "We gingen op een vrijdag naar de Peel. Het regende.\n\n<!-- more -->\n\n### Wat we zagen" in text
    project = load_project(fixture_project)  # passes every check
    ctx = page_macros.context(project.settings, project.data)
    listing = page_macros.circle_stories(ctx, ctx.routes.at("leerkringen/proefkring/"), "proefkring")
    assert "Op bezoek in de Peel" in listing


def test_a_bad_form_is_refused_in_dutch_and_writes_nothing(fixture_project, capsys):
    before = sorted((fixture_project / "docs/verhalen/posts").iterdir())
    code, out, err = convert(fixture_project, "leeg-en-fout.md", capsys)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "Leerkring: kies een leerkring uit de lijst (Proefkring).",
        "Auteur(s): 'Jan Jansen' staat niet op de pagina Mensen; schrijf de naam zoals daar, of laat het veld leeg.",
        "Samenvatting: vul een samenvatting in van één zin.",
        "Tekst: er staat een foto in de tekst; die kan niet via het formulier. Haal hem weg en voeg hem daarna toe "
        "aan het voorstel (zie de uitleg onderaan het formulier).",
        "",
        "4 fouten in het formulier. Pas het issue aan (de drie puntjes, dan Edit); het verhaal wordt dan opnieuw "
        "gemaakt.",
    ]
    assert sorted((fixture_project / "docs/verhalen/posts").iterdir()) == before


def test_hostile_text_is_refused_like_any_story(fixture_project, capsys):
    before = sorted((fixture_project / "docs/verhalen/posts").iterdir())
    code, _out, err = convert(fixture_project, "vijandig.md", capsys)
    assert code == 1
    assert err.splitlines()[0] == ("Tekst (regel 3): HTML-element <script> is niet toegestaan in een verhaal; "
                                   "schrijf gewone tekst")
    assert sorted((fixture_project / "docs/verhalen/posts").iterdir()) == before


def test_a_heading_in_the_text_does_not_end_the_answer():
    body = "### Titel\n\nT\n\n### Tekst\n\nEen.\n\n### Tussenkop\n\nTwee.\n\n### Titel\n\nniet dit"
    assert parse_body(body) == {"Titel": "T", "Tekst": "Een.\n\n### Tussenkop\n\nTwee.\n\n### Titel\n\nniet dit"}


def test_the_same_title_twice_is_refused(fixture_project, capsys):
    assert convert(fixture_project, "goed.md", capsys)[0] == 0
    code, _out, err = convert(fixture_project, "goed.md", capsys)
    assert code == 1 and err.startswith("Titel: er is al een verhaal met deze titel; kies een andere.")


@pytest.mark.parametrize("missing", ["", "bestaat-niet.md"])
def test_without_an_issue_file_the_command_says_how(missing, capsys, monkeypatch):
    monkeypatch.delenv("ISSUE", raising=False)
    args = ["--root", str(ROOT), "verhaal-uit-issue"] + (["--issue", missing] if missing else [])
    assert main(args) == 2
    assert "make verhaal-uit-issue ISSUE=<bestand>" in capsys.readouterr().err
