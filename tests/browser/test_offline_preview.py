"""The pull request's preview opens from disk: double-click index.html and browse, the new story and
its photo included (file://, no web server)."""

from __future__ import annotations

import re

import pytest

from macros.preview import make_offline
from sitebuild import build_site, copy_fixture


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    project = copy_fixture(tmp_path_factory.mktemp("voorbeeld") / "project")
    built = build_site(project, project / "site")
    target = project / "voorbeeld-site"
    assert make_offline(built.dir, target) > 5
    return target


def test_the_preview_opens_from_disk_and_its_links_lead_to_pages(offline, browser):
    page = browser.new_page()
    page.goto((offline / "index.html").as_uri())
    assert page.title().startswith("Proefoogst")
    # Follow the menu to the stories, then to the story: each step a page, never a folder listing.
    page.click("nav.md-tabs a:has-text('Verhalen')")
    assert page.url.endswith("/verhalen/index.html")
    page.click(".md-content a:has-text('Eerste verhaal')")
    assert page.url.endswith("/verhalen/eerste-verhaal/index.html")
    assert page.locator("h1").first.inner_text() == "Eerste verhaal"
    photo = page.locator("article img[alt^='Een veld']")
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 320
    page.close()


def test_no_link_between_pages_ends_in_a_folder(offline):
    for html in offline.rglob("*.html"):
        if html.name == "404.html":
            continue  # a web server's page for missing addresses, with addresses from the root
        for href in re.findall(r'\shref="([^"#:]*)"', html.read_text(encoding="utf-8")):
            assert not href or not href.endswith(("/", "..")), f"{html}: {href}"
