"""The quality gate on whole builds: broken links stop `make site` without touching the published
site, and hostile text in data or stories comes out inert."""

import subprocess
from pathlib import Path

import pytest
import yaml

from sitebuild import build_site, copy_project

pytestmark = pytest.mark.site

EVIL = '<script>alert("ko")</script><img src=x onerror=alert(1)>'


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=project, capture_output=True, text=True)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A copy of the project with a successfully built site/."""
    project = copy_project(tmp_path_factory.mktemp("kwaliteit") / "project")
    result = make(project, "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


@pytest.mark.parametrize(
    ("broken", "named"),
    [
        ("[kapotte link](bestaat-niet.md)", "bestaat-niet.md"),
        ("[kapot anker](../leerreis/tijdlijn.md#geen-anker)", "#geen-anker"),
        ("![Een plaatje dat ontbreekt](ontbreekt.png)", "ontbreekt.png"),
    ],
)
def test_broken_link_anchor_or_image_stops_the_build(published, broken, named):
    before = snapshot(published / "site")
    page = published / "docs" / "over" / "colofon.md"
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original + f"\n{broken}\n", encoding="utf-8")
        result = make(published, "site")
    finally:
        page.write_text(original, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "over/colofon.md" in output and named in output
    assert snapshot(published / "site") == before, "de gepubliceerde site is aangeraakt"


def test_invalid_data_stops_the_build_with_dutch_errors(published):
    before = snapshot(published / "site")
    roles = published / "data" / "rollen.yml"
    original = roles.read_text(encoding="utf-8")
    try:
        roles.write_text("- id: nieuw\n  title: Nieuw\n", encoding="utf-8")
        result = make(published, "site")
    finally:
        roles.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "data/rollen.yml:" in result.stderr and "nieuw.description: verplicht veld ontbreekt" in result.stderr
    assert snapshot(published / "site") == before


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("vijandig") / "project")
    data = project / "data"

    # The first record of each kind gets the hostile text in a field that accepts free text.
    targets = [("rollen.yml", ["description"]), ("lijsten.yml", ["items", 0, "text"]),
               ("tijdlijn.yml", ["title"]), ("citaten.yml", ["text"]), ("principes.yml", ["explanation", 0]),
               ("ontwikkeldoelen.yml", ["next_steps", 0]), ("colofon.yml", ["text"]),
               ("vergelijkingen.yml", ["rows", 0, "left"]), ("leerkringen.yml", ["aim"])]
    injected = 0
    for filename, path in targets:
        records = yaml.safe_load((data / filename).read_text(encoding="utf-8"))
        if not records:  # a harvest may leave a collection empty
            continue
        node = records[0]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = EVIL
        injected += 1
        (data / filename).write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    story = sorted((project / "docs" / "verhalen" / "posts").glob("*.md"))[0]
    story.write_text(story.read_text(encoding="utf-8") + "\nRekenen: {{ 7*7 }} en {% if true %}ja{% endif %}.\n",
                     encoding="utf-8")
    built = build_site(project, tmp_path_factory.mktemp("vijandig-site"))
    built.injected = injected
    built.story_url = f"verhalen/{story.stem}/"
    return built


def test_hostile_data_is_escaped_everywhere(hostile_site):
    assert hostile_site.warnings == []
    shown = 0
    for path in hostile_site.html_pages():
        html = path.read_text(encoding="utf-8")
        assert 'alert("ko")</script>' not in html.replace("&lt;/script&gt;", ""), path
        assert "<img src=x" not in html, path
        shown += html.count("&lt;script&gt;alert(")
    assert hostile_site.injected >= 3
    assert shown >= hostile_site.injected  # every injected value is on the site, as text


def test_template_syntax_in_a_story_shows_literally(hostile_site):
    text = hostile_site.content(hostile_site.story_url).get_text()
    assert "{{ 7*7 }}" in text and "{% if true %}ja{% endif %}" in text
    assert "Rekenen: 49" not in text
