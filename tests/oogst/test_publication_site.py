"""What is true of this harvest, the IPO publication, on the built site (the engine's own tests hold
for every harvest; these hold for this one). A circle that copies the engine gets its own folder
tests/oogst/ for tests like these."""

import pytest

from sitebuild import makefile_targets, readme_targets, url_of


def test_the_publications_stories_are_dated_begin_2025(site, data):
    """Every story of this harvest comes from the publication, which gives no date: 'begin 2025', once,
    in each byline; the cards on the home page and the overview do not repeat the same date."""
    assert all(p.meta.dating is not None for p in data.published_stories())
    assert {str(p.meta.dating) for p in data.published_stories()} == {"begin 2025"}
    assert not data.dating_informs
    assert site.content("").select(".ko-stories__item") and not site.content("").select(".ko-stories time")
    assert not site.content("verhalen/").select(".ko-stories time")
    assert site.content(url_of(data.published_stories()[0])).select_one(".ko-byline time").get_text() == "begin 2025"


def test_home_and_404_carry_this_harvests_name(site):
    titles = {path.relative_to(site.dir).as_posix(): path.read_text(encoding="utf-8").split("<title>", 1)[1]
              .split("</title>", 1)[0] for path in (site.dir / "index.html", site.dir / "404.html")}
    assert titles == {"index.html": "Kennis oogsten", "404.html": "Pagina niet gevonden - Kennis oogsten"}


@pytest.mark.parametrize("url", ["kennisbank/begrippen/", "kennisbank/mensen/"])
def test_the_a_z_pages_have_letters(site, url):
    assert len(site.content(url).select("nav.ko-letters a")) >= 10


def test_the_readme_lists_every_command_of_the_makefile():
    assert readme_targets() == makefile_targets()[1]


def test_the_readmes_table_of_engine_and_circle_follows_engine_paden():
    """The README names every path of engine/paden.txt in the engine's column, and every own place of a
    circle in the circle's."""
    import re

    from macros import places
    from sitebuild import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `.ci/`"))
    engine, circle = row.strip("|").split(" | ")
    split = places.engine_split()
    assert set(re.findall(r"`([^`]+)`", engine)) >= set(split.engine)
    assert set(re.findall(r"`([^`]+)`", circle)) >= set(split.own.values())
