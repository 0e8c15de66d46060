"""Story front matter and text: every rule an editor can break gets a Dutch message with its line."""

from pathlib import Path

import pytest
from PIL import Image

from macros.loader import check, load, load_project
from macros.page_macros import Context

STORY = Path("docs/verhalen/posts/eerste-verhaal.md")


def write_story(project: Path, text: str, name: str = "eerste-verhaal.md") -> str:
    path = project / "docs" / "verhalen" / "posts" / name
    path.write_text(text, encoding="utf-8")
    return path.relative_to(project).as_posix()


def story(**changes: str) -> str:
    fields = {
        "title": '"Eerste verhaal"',
        "date": "2025-03-14",
        "authors": "[piet-proef]",
        "categories": "[Proefkring]",
        "kind": "verhaal",
        "principles": "[eerste]",
        "tags": "[proef]",
        "description": '"Een verhaal om de machine te testen."',
        "retelling": "naverteld",   # the fixture's story is in its data/inhoud.yml
    }
    fields.update(changes)
    front = "\n".join(f"{k}: {v}" for k, v in fields.items() if v is not None)
    return f"---\n{front}\n---\n\nDe inleiding.\n\n<!-- more -->\n\nDe rest.\n"


def messages(project: Path) -> list[str]:
    return [str(e) for e in check(project)]


def test_fixture_story_is_valid_and_linked(fixture_project):
    data = load(fixture_project)
    [post] = data.stories
    assert Context(load_project(fixture_project).settings, data).routes.story(post.slug) == "verhalen/eerste-verhaal/"
    assert [p.slug for p in data.stories_for_circle("proefkring")] == ["eerste-verhaal"]
    assert [p.slug for p in data.stories_for_principle("eerste")] == ["eerste-verhaal"]
    assert [p.slug for p in data.stories_by_person("piet-proef")] == ["eerste-verhaal"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"authors": "[jan]"},
         "3: authors[1]: 'jan' bestaat niet in data/mensen.yml; kies uit: piet-proef"),
        ({"categories": "[Onbekende kring]"},
         "4: categories[1]: 'Onbekende kring' bestaat niet als category in data/leerkringen.yml; kies uit: Proefkring"),
        ({"principles": "[tweede]"},
         "6: principles[1]: 'tweede' bestaat niet in data/principes.yml; kies uit: eerste"),
        ({"date": "2024-02-31"},
         "2: date: '2024-02-31' bestaat niet: februari 2024 heeft geen dag 31"),
        ({"date": "2024-02"},
         "2: date: '2024-02' is geen volledige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-14"),
        ({"kind": "gedicht"},
         "5: kind: moet een van deze waarden zijn: column, interview, verhaal, reportage, portret, citaat"),
        ({"title": '"<script>alert(1)</script>"'},
         "1: title: mag geen HTML bevatten: de tekens < en > zijn hier niet toegestaan"),
        ({"description": None},
         "1: description: verplicht veld ontbreekt"),
        ({"kleur": "rood"},
         "10: kleur: onbekend veld; dit veld hoort hier niet"),
    ],
)
def test_front_matter_errors_name_file_line_and_field(fixture_project, changes, expected):
    label = write_story(fixture_project, story(**changes))
    line, rest = expected.split(": ", 1)
    assert messages(fixture_project) == [f"{label}:{int(line) + 1}: {rest}"]


def test_story_without_front_matter(fixture_project):
    label = write_story(fixture_project, "Zomaar tekst.\n")
    assert messages(fixture_project) == [
        f"{label}:1: front matter ontbreekt: een verhaal begint met een regel '---', dan de velden, dan weer '---'"
    ]


def test_story_with_broken_yaml(fixture_project):
    label = write_story(fixture_project, story(title='"Open aanhalingsteken'))
    [message] = messages(fixture_project)
    assert message.startswith(f"{label}:")
    assert "YAML-syntaxfout" in message


def test_story_needs_a_teaser_and_alt_texts(fixture_project):
    text = story().replace("<!-- more -->\n", "") + "\n![](foto.jpg)\n"
    label = write_story(fixture_project, text)
    Image.new("RGB", (40, 30)).save(fixture_project / "docs/verhalen/posts/foto.jpg")
    line = text.split("\n").index("![](foto.jpg)") + 1
    assert messages(fixture_project) == [
        f"{label}:12: de inleiding ontbreekt: zet '<!-- more -->' op een eigen regel na de eerste alinea "
        "(die alinea staat op het overzicht)",
        f"{label}:{line}: afbeelding zonder alt-tekst: beschrijf tussen [ ] wat erop staat",
    ]


def test_drafts_are_left_out_of_every_listing(fixture_project):
    write_story(fixture_project, story(draft="true"))
    data = load(fixture_project)
    assert data.published_stories() == []
    assert data.stories_for_circle("proefkring") == []


def test_template_in_a_story_shows_literally_not_rendered(fixture_project):
    text = story().replace("De rest.", "Een accolade {{ 1 + 1 }} en {% if x %} blijven tekst.")
    write_story(fixture_project, text)
    assert messages(fixture_project) == []
