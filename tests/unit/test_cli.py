"""The editor commands: `make check` output and `make verhaal`."""

import datetime as dt
import json

import pytest

from macros import generate
from macros.cli import main
from macros.text import slugify
from macros.loader import load
from sitebuild import copy_fixture


def test_check_passes_on_valid_content(fixture_project, capsys):
    assert main(["--root", str(fixture_project), "check"]) == 0
    files = len(list((fixture_project / "data").rglob("*.yml")))
    assert f"Alles in orde: {files} gegevensbestanden en 1 verhaal zijn geldig." in capsys.readouterr().out


def test_check_fails_with_every_error_and_a_count(fixture_project, capsys):
    (fixture_project / "data" / "rollen.yml").write_text("- id: x\n", encoding="utf-8")
    assert main(["--root", str(fixture_project), "check"]) == 1
    err = capsys.readouterr().err
    assert "data/rollen.yml:1: x.title: verplicht veld ontbreekt" in err
    assert "data/rollen.yml:1: x.description: verplicht veld ontbreekt" in err
    assert "2 fouten gevonden." in err


def test_verhaal_writes_a_valid_story_with_todays_date(fixture_project, capsys):
    code = main(["--root", str(fixture_project), "verhaal", "--titel", 'Één kring, "twee" lessen!',
                 "--leerkring", "proefkring"])
    assert code == 0
    path = capsys.readouterr().out.strip()
    assert path == "docs/verhalen/posts/een-kring-twee-lessen.md"
    data = load(fixture_project)
    [post] = [p for p in data.stories if p.slug == "een-kring-twee-lessen"]
    assert post.meta.title == 'Één kring, "twee" lessen!'
    assert post.meta.date == dt.date.today()
    assert post.meta.categories == ["Proefkring"]
    assert post.meta.authors == ["piet-proef"]


def test_verhaal_refuses_an_unknown_circle_and_lists_the_valid_ids(fixture_project, capsys):
    code = main(["--root", str(fixture_project), "verhaal", "--titel", "X", "--leerkring", "geen-kring"])
    assert code == 2
    err = capsys.readouterr().err
    assert "Fout: onbekende leerkring 'geen-kring'. Kies een van: proefkring." in err
    assert not (fixture_project / "docs" / "verhalen" / "posts" / "x.md").exists()


def test_verhaal_never_overwrites(fixture_project, capsys):
    code = main(["--root", str(fixture_project), "verhaal", "--titel", "Eerste verhaal", "--leerkring", "proefkring"])
    assert code == 2
    assert "docs/verhalen/posts/eerste-verhaal.md bestaat al" in capsys.readouterr().err


def test_verhaal_reads_make_variables_from_the_environment(fixture_project, capsys, monkeypatch):
    monkeypatch.setenv("TITEL", "Uit make")
    monkeypatch.setenv("LEERKRING", "proefkring")
    assert main(["--root", str(fixture_project), "verhaal"]) == 0
    assert capsys.readouterr().out.strip() == "docs/verhalen/posts/uit-make.md"


@pytest.mark.parametrize(("title", "slug"), [("Zoeken naar de puzzel", "zoeken-naar-de-puzzel"),
                                             ("Ach & wee: een RIA", "ach-wee-een-ria")])
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_story_schema_is_current(root):
    committed = (root / generate.SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == generate.story_schema(), "verouderd: voer 'make schema' uit"
    schema = json.loads(committed)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"title", "date", "authors", "kind", "description"}


def test_authors_file_has_every_person(fixture_project):
    import yaml

    from macros import load_project
    from macros.context import context

    project = load_project(fixture_project)
    data = project.data
    authors = yaml.safe_load(generate.authors_yaml(context(project.settings, data)))["authors"]
    assert list(authors) == [p.id for p in data.people]
    # No placeholder image: each person's initials, in the page itself (no request).
    for person in data.people:
        avatar = authors[person.id]["avatar"]
        assert avatar.startswith("data:image/svg+xml,") and "%3E" + generate.initials(person.name) + "%3C" in avatar
    assert generate.initials("Peter van der Broek") == "PB" and generate.initials("Co Verdaas") == "CV"


def test_vul_in_is_a_warning_locally_and_an_error_when_publishing(fixture_project, capsys, monkeypatch):
    site = fixture_project / "data" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        "subtitle: Een kleine oogst om de machine te testen", 'subtitle: "VUL IN: een ondertitel"'), encoding="utf-8")
    expected = ("data/site.yml:2: subtitle: nog niet ingevuld ('VUL IN'); vul dit in, anders wordt de site niet "
                "gepubliceerd")
    monkeypatch.delenv("CI", raising=False)
    assert main(["--root", str(fixture_project), "check"]) == 0
    out = capsys.readouterr().out
    assert "Let op: nog 1 plek die niet af is ('VUL IN'" in out and f"  {expected}" in out
    monkeypatch.setenv("CI", "true")
    assert main(["--root", str(fixture_project), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == expected


def test_publisher_and_description_are_written_once(fixture_project):
    """The generated configuration takes them from data/site.yml unless mkdocs.yml says them itself."""
    import yaml

    from macros import load_project
    from macros.page_macros import Context

    fixture = load_project(fixture_project)
    layer = yaml.safe_load(generate.derived_config(Context(fixture.settings, fixture.data)))
    assert layer["site_author"] == fixture.data.site.publisher == "Testkring"
    assert layer["site_description"] == fixture.data.site.description
    assert layer["copyright"] == "Een uitgave van Testkring"
    config = fixture_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_author: Eigen uitgever\ncopyright: Eigen regel\n",
                      encoding="utf-8")
    own = load_project(fixture_project)
    layer = yaml.safe_load(generate.derived_config(Context(own.settings, own.data)))
    assert "site_author" not in layer and "copyright" not in layer  # mkdocs.yml says them itself
    assert layer["site_description"] == fixture.data.site.description


def test_make_fotos_shrinks_a_large_photo_and_removes_its_hidden_data(tmp_path, capsys):
    from PIL import Image

    project = copy_fixture(tmp_path / "project")
    photo = project / "docs/verhalen/posts/wandeling.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # camera make: hidden data that should not be published
    Image.effect_noise((3000, 2000), 80).convert("RGB").save(photo, quality=98, exif=exif)
    assert main(["--root", str(project), "fotos"]) == 0
    assert "1 foto's verkleind." in capsys.readouterr().out
    with Image.open(photo) as image:
        assert image.width == 1600 and image.height == round(2000 * 1600 / 3000)
        assert not image.getexif()
    assert main(["--root", str(project), "check"]) == 0


def test_verhaal_takes_the_circle_by_id_or_by_name(fixture_project, capsys):
    assert main(["--root", str(fixture_project), "verhaal", "--titel", "Met de naam", "--leerkring", "Proefkring"]) == 0
    path = fixture_project / capsys.readouterr().out.strip()
    assert 'categories: ["Proefkring"]' in path.read_text(encoding="utf-8")
