"""make serve VERHAAL=…: the live preview of one story. It must show that story as the full site
does, leave every other story out (that is what keeps it fast at any size), and say in Dutch
when the story does not exist."""

from __future__ import annotations

import os
import subprocess

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from macros.cli import main
from macros.loader import FOCUS_ENV, load
from sitebuild import ROOT, copy_project, url_of

pytestmark = pytest.mark.site


def test_unknown_story_is_a_dutch_error(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    assert main(["--root", str(project), "voorbeeld", "--verhaal", "bestaat-niet.md"]) == 2
    err = capsys.readouterr().err
    assert "verhaal 'bestaat-niet.md' niet gevonden in docs/verhalen/posts/" in err
    assert "make serve VERHAAL=" in err
    assert not (project / ".voorbeeld.yml").exists()


def test_loading_one_story_keeps_all_other_data(data):
    story = data.stories[0]
    focused = load(ROOT, only_story=story.slug)
    assert [p.slug for p in focused.stories] == [story.slug]
    assert focused.principles == data.principles and focused.circles == data.circles


@pytest.fixture(scope="module")
def preview(tmp_path_factory, data):
    """The preview of the first story, built (not served) from the generated preview config."""
    project = copy_project(tmp_path_factory.mktemp("voorbeeld") / "project")
    story = data.stories[0]
    # The story has a photo, as an editor's would: the preview shows it (no 404).
    source = project / story.path
    source.write_text(source.read_text(encoding="utf-8") + "\n![Een proeffoto van een veld](proeffoto.jpg)\n",
                      encoding="utf-8")
    Image.new("RGB", (60, 40), (40, 120, 60)).save(source.parent / "proeffoto.jpg")
    assert main(["--root", str(project), "voorbeeld", "--verhaal", f"docs/verhalen/posts/{story.slug}.md"]) == 0
    env = {**os.environ, FOCUS_ENV: story.slug, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-f", ".voorbeeld.yml", "-d", "voorbeeld"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return project, story


def test_preview_config_leaves_only_this_story_in(preview):
    project, story = preview
    config = yaml.safe_load((project / ".voorbeeld.yml").read_text(encoding="utf-8"))
    assert config["INHERIT"] == ".afgeleid.yml"  # the generated layer, which INHERITs mkdocs.yml
    lines = config["exclude_docs"].split()
    assert "verhalen/_template.md" in lines  # the engine's own exclusions stay
    assert lines[-2:] == ["verhalen/posts/**/*.md", f"!verhalen/posts/{story.slug}.md"]


def test_preview_shows_the_storys_photo(preview):
    project, story = preview
    page = project / "voorbeeld" / "verhalen" / story.slug / "index.html"
    [img] = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("article img[alt^='Een proeffoto']")
    assert (page.parent / img["src"]).resolve().is_file(), img["src"]


def test_preview_shows_the_story_with_its_byline_and_foot_and_nothing_else(preview, data, site):
    project, story = preview
    out = project / "voorbeeld"
    page = BeautifulSoup((out / url_of(story) / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("h1").get_text(strip=True) == story.meta.title
    for other in data.stories[1:]:
        assert not (out / url_of(other)).exists(), url_of(other)
    assert (out / "index.html").is_file()  # the pages are there too
    # The same byline and foot as in the full site.
    for part in (".ko-byline", "footer.ko-story-foot"):
        full = site.page(url_of(story)).select_one(part)
        assert full is not None and page.select_one(part) == full, part
