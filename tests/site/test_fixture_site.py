"""The fixture harvest (tests/fixtures/minimal) is a small site that really builds: its own
mkdocs.yml, every page the data links to, through the same pipeline as `make site`."""

from __future__ import annotations

import subprocess

import pytest

from macros import load_project
from macros.page_macros import pdf_name
from macros.routes import Routes
from sitebuild import build_site, copy_fixture


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    project = copy_fixture(tmp_path_factory.mktemp("proefoogst") / "project")
    return project, build_site(project, project / "site")


def test_the_fixture_builds_strictly_with_search_index_and_pdf(fixture_site):
    project, built = fixture_site
    assert built.warnings == []
    assert (built.dir / "pagefind" / "pagefind-entry.json").is_file()
    assert (built.dir / pdf_name(load_project(project).data)).stat().st_size > 10_000


def test_every_link_the_macros_make_reaches_a_page(fixture_site):
    """Links from data are raw HTML that MkDocs' link check never sees: follow every one."""
    project, built = fixture_site
    checked = 0
    for page in built.html_pages():
        article = built.page(page.relative_to(built.dir).parent.as_posix() + "/").select_one(".md-content__inner") \
            if page.name == "index.html" else None
        for link in (article.select("[class*=ko-] a[href], a[class*=ko-][href]") if article else []):
            href = link["href"].split("#")[0]
            if not href or href.startswith(("http://", "https://", "mailto:")):
                continue
            target = (page.parent / href).resolve()
            assert (target / "index.html").is_file() or target.is_file(), f"{page}: {link['href']}"
            checked += 1
    assert checked >= 10


def test_routes_follow_the_settings(fixture_site):
    project, built = fixture_site
    project_data = load_project(project)
    routes = Routes(project_data.settings)
    [story] = project_data.data.stories
    assert (built.dir / routes.story(story.slug) / "index.html").is_file()
    assert (built.dir / routes.circle("proefkring") / "index.html").is_file()
    assert routes.at(routes.story(story.slug)).circle("proefkring") == "../../leerkringen/proefkring/"


def test_the_storys_photo_is_on_its_page_and_in_the_pdf(fixture_site):
    project, built = fixture_site
    page = built.page("verhalen/eerste-verhaal/")
    [img] = page.select("article img[alt^='Een veld']")
    assert (built.dir / "verhalen" / "eerste-verhaal" / img["src"]).resolve().is_file()
    pdf = built.dir / pdf_name(load_project(project).data)
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert any(" 320   200 " in line for line in listing.splitlines()), listing


def test_a_story_with_a_real_date_shows_that_day(fixture_site):
    """An editor's story keeps its real date: in the byline, the feed and the sharing meta."""
    _, built = fixture_site
    page = built.page("verhalen/eerste-verhaal/")
    time = page.select_one(".ko-byline time")
    assert time.get_text(strip=True) == "14 maart 2025" and time["datetime"].startswith("2025-03-14")
    assert page.find("meta", property="article:published_time")["content"].startswith("2025-03-14")
    assert "<pubDate>Fri, 14 Mar 2025" in (built.dir / "feed_rss_created.xml").read_text(encoding="utf-8")


def test_a_build_reads_and_validates_the_content_once(tmp_path, monkeypatch):
    """The builder's macros take the project from the loader's cache: the files the build writes itself
    (.afgeleid.yml, the blog's authors file) are not inputs, so a fresh build reads everything once."""
    from macros import loader

    calls = []
    real = loader.load_project
    monkeypatch.setattr(loader, "load_project", lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    project = copy_fixture(tmp_path / "project")
    assert not (project / ".afgeleid.yml").exists()
    build_site(project, tmp_path / "site")
    assert len(calls) == 1
