"""The editors' page's configuration comes from the model and data/ (never typed by hand), its Dutch is
complete, and Decap's vendored files are the pinned release (issue 22)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from macros import load_project, page_macros, redactie
from macros.models import Person, Story
from macros.templates import ENGINE_OVERRIDES
from sitebuild import ROOT


@pytest.fixture(scope="module")
def ctx():
    project = load_project(ROOT)
    return page_macros.context(project.settings, project.data)


@pytest.fixture(scope="module")
def config(ctx) -> dict:
    return yaml.safe_load(redactie.config_yaml(ctx))


def _story_fields(config: dict) -> dict[str, dict]:
    stories = next(c for c in config["collections"] if c["name"] == redactie.COLLECTION)
    return {f["name"]: f for f in stories["fields"]}


def test_every_field_of_a_story_is_in_the_form_or_left_out_with_a_reason(config):
    fields = _story_fields(config)
    model = set(Story.model_fields)
    assert model - set(redactie.NOT_IN_FORM) == set(fields) - {"body"}
    assert all(reason for reason in redactie.NOT_IN_FORM.values())


def test_required_fields_labels_and_help_come_from_the_model(config):
    fields = _story_fields(config)
    schema = Story.model_json_schema()
    for name, spec in schema["properties"].items():
        if name in redactie.NOT_IN_FORM:
            continue
        assert fields[name]["required"] == (name in schema["required"]), name
        assert fields[name]["label"] == spec["title"], name
        if spec.get("description"):
            assert fields[name]["hint"] == spec["description"], name
    assert fields["body"]["required"] is True


def test_choices_come_from_the_data(config, data):
    fields = _story_fields(config)
    assert [o["value"] for o in fields["categories"]["options"]] == [c.category for c in data.circles]
    assert {o["value"] for o in fields["authors"]["options"]} == {p.id for p in data.people}
    assert [o["value"] for o in fields["principles"]["options"]] == [p.id for p in data.principles]
    assert [o["value"] for o in fields["tags"]["options"]] == [t.id for t in data.themes]
    assert [o["value"] for o in fields["kind"]["options"]] == list(data.strings["kinds"]["story"])
    assert fields["authors"]["multiple"] and fields["authors"]["min"] == 1
    assert fields["categories"]["multiple"], "Decap schrijft anders één leerkring als tekst, niet als lijst"


def test_patterns_are_the_models_checks_and_run_in_javascript(config):
    fields = _story_fields(config)
    title = re.compile(fields["title"]["pattern"][0])
    assert title.match("Op bezoek in de Peel")
    assert not title.match("Een <b>vet</b> verhaal")
    assert not title.match("x" * 121)
    description = re.compile(fields["description"]["pattern"][0])
    assert not description.match('Een "verhaal"')
    # Python's named groups (?P<…>) are not JavaScript: every pattern is written the JavaScript way.
    for field in fields.values():
        if "pattern" in field:
            assert "(?P<" not in field["pattern"][0], field["name"]
            assert field["pattern"][1].startswith(field["label"]) or field["name"] == "body"


def test_the_collection_is_the_stories_folder_with_the_photos_beside_the_stories(config, ctx):
    stories = next(c for c in config["collections"] if c["name"] == redactie.COLLECTION)
    assert stories["folder"] == ctx.settings.stories_dir.as_posix()
    assert stories["media_folder"] == "" and stories["public_folder"] == ""
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "nl"
    people = next(c for c in config["collections"] if c["name"] == redactie.PEOPLE_COLLECTION)
    assert people["folder"] == "data/mensen"
    assert {f["name"] for f in people["fields"]} <= set(Person.model_fields)


def test_the_file_name_decap_makes_is_the_one_make_verhaal_makes():
    """Decap's slug (lower case, accents off, ASCII, '-' for the rest, doubles and ends removed) and
    text.slugify agree on the titles editors write."""
    from macros.text import slugify

    def decap(title: str) -> str:   # decap-cms-core's prepareSlug + sanitizeSlug, as configured
        import unicodedata
        text = title.strip().lower().replace("'", "").replace(".", "-")
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        text = re.sub(r"[^a-z0-9\-_~]", "-", text)
        return re.sub(r"-+", "-", text).strip("-")

    for title in ("Op bezoek in de Peel", "Één kring, twee lessen!", "Water: vasthouden of afvoeren?",
                  "De rol van de provincie (2025)"):
        assert decap(title) == slugify(title), title


def test_the_dutch_words_decap_lacks_are_all_there():
    missing = set(redactie.lock()["missing_dutch"])
    ours = set(yaml.safe_load((ENGINE_OVERRIDES / redactie.WORDS).read_text(encoding="utf-8")))
    assert missing <= ours, sorted(missing - ours)


def test_the_vendored_files_are_the_pinned_release():
    pinned = redactie.lock()
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned["version"])
    assert redactie.verify(ENGINE_OVERRIDES / redactie.VENDOR) == pinned["version"]
    on_disk = {p.name for p in (ENGINE_OVERRIDES / redactie.VENDOR).iterdir()}
    assert on_disk == set(pinned["files"]), "een bestand zonder controlegetal, of een dat ontbreekt"


def test_a_changed_vendored_file_stops_the_build(tmp_path):
    folder = tmp_path / "redactie"
    folder.mkdir()
    for name in redactie.lock()["files"]:
        (folder / name).write_bytes((ENGINE_OVERRIDES / redactie.VENDOR / name).read_bytes())
    (folder / redactie.SCRIPT).write_text("alert(1)")
    with pytest.raises(redactie.VendorError, match="kloppen niet"):
        redactie.verify(folder)


def test_no_registry_host_is_named_in_the_repository():
    """The CMS and its local server come through npm's own configured registry."""
    named = []
    for path in [*ROOT.glob("engine/**/*"), *ROOT.glob("macros/*.py"), ROOT / "Makefile", *ROOT.glob(".ci/*"),
                 *ROOT.glob(".github/workflows/*")]:
        if path.is_file() and "registry.npmjs" in path.read_text(encoding="utf-8", errors="ignore"):
            named.append(path)
    assert not named
    lock = json.loads((ROOT / "engine/redactie/package-lock.json").read_text(encoding="utf-8"))
    assert "resolved" not in json.dumps(lock)


def test_a_person_proposed_in_the_editors_page_joins_the_people(fixture_project: Path):
    (fixture_project / "data/mensen").mkdir()
    (fixture_project / "data/mensen/jan-de-vries.yml").write_text(
        "name: Jan de Vries\ndescription: beleidsmedewerker\n", encoding="utf-8")
    project = load_project(fixture_project)
    person = next(p for p in project.data.people if p.id == "jan-de-vries")
    assert person.name == "Jan de Vries"
