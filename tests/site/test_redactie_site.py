"""The editors' page in the built site (issue 22): there, Dutch, never indexed, its configuration the
one the model and data/ give today (a stale configuration fails here), nothing from another host."""

from __future__ import annotations

import re

import yaml

from macros import load_project, page_macros, redactie
from sitebuild import EDIT_REPOSITORY, ROOT


def test_the_editors_page_is_built_with_a_current_configuration(site, monkeypatch):
    page = site.page(f"{redactie.PAGE_DIR}/")
    assert page.html["lang"] == "nl"
    monkeypatch.setenv("GITHUB_REPOSITORY", EDIT_REPOSITORY)   # as the site was built (the edit links' repository)
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    project = load_project(ROOT)
    ctx = page_macros.context(project.settings, project.data)
    built = (site.dir / redactie.PAGE_DIR / "config.yml").read_text(encoding="utf-8")
    assert built == redactie.config_yaml(ctx), "de configuratie van de redactiepagina is verouderd"
    assert yaml.safe_load(built)["locale"] == "nl"
    assert yaml.safe_load(built)["backend"]["repo"] == EDIT_REPOSITORY


def test_the_editors_page_is_left_out_of_search_sitemap_and_robots(site):
    page = site.page(f"{redactie.PAGE_DIR}/")
    assert page.select_one('meta[name="robots"]')["content"].startswith("noindex")
    assert page.select_one("[data-pagefind-body]") is None
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    root = re.search(r"<loc>([^<]*)</loc>", sitemap)[1]   # the home page comes first
    pages = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert root + f"{redactie.PAGE_DIR}/" not in pages
    robots = (site.dir / "robots.txt").read_text(encoding="utf-8")
    assert re.search(rf"^Disallow: .*/{redactie.PAGE_DIR}/$", robots, re.M)


def test_the_editors_page_loads_only_the_sites_own_files(site):
    page = site.page(f"{redactie.PAGE_DIR}/")
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
        for node in page.find_all(tag):
            address = node.get(attribute)
            if address:
                assert not re.match(r"^(https?:)?//", address), address
                assert (site.dir / redactie.PAGE_DIR / address).resolve().is_file(), address
    vendored = site.dir / redactie.VENDOR
    assert redactie.verify(vendored) == redactie.lock()["version"]
    # Decap's own bundle names no other host it would load at start (fonts, scripts, locales).
    script = (vendored / redactie.SCRIPT).read_text(encoding="utf-8", errors="ignore")
    assert "fonts.googleapis.com" not in script and "unpkg.com" not in script
