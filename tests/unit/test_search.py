"""Which search a harvest gets: Material's own for a small one, Pagefind from a threshold on.
Invalid settings: tests/fixtures/ongeldig/zoeken-ongeldig."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from sitebuild import ROOT
from macros import generate, load_project, search
from macros.page_macros import Context
from macros.settings import SearchSettings


def with_settings(data, count: int, **settings):
    """(settings, data) of this project with `count` stories and these search settings."""
    stories = (data.stories * (count // max(len(data.stories), 1) + 1))[:count]
    project = load_project(ROOT)
    return (project.settings.model_copy(update={"search": SearchSettings(**settings)}),
            dataclasses.replace(data, stories=stories))


def test_auto_keeps_material_below_the_threshold(data):
    assert search.engine(*with_settings(data, 499)) == search.MATERIAL
    assert search.engine(*with_settings(data, 3, pagefind_from_stories=4)) == search.MATERIAL


def test_auto_switches_to_pagefind_at_the_threshold(data):
    assert search.engine(*with_settings(data, 500)) == search.PAGEFIND
    assert search.engine(*with_settings(data, 4, pagefind_from_stories=4)) == search.PAGEFIND


def test_a_circle_can_choose_either_engine(data):
    assert search.engine(*with_settings(data, 1, engine="pagefind")) == search.PAGEFIND
    assert search.engine(*with_settings(data, 5000, engine="material")) == search.MATERIAL


def test_pagefind_switches_material_search_off_in_the_derived_layer(root, data):
    layer = yaml.safe_load(generate.derived_config(Context(*with_settings(data, 1, engine="pagefind"))))
    assert layer["plugins"]["search"] == {"enabled": False}
    assert set(layer["plugins"]) <= {"search", "rss"}  # rss: only the feed's image (generate.derived_config)
    assert layer["extra"]["ko_search"] == "pagefind"
    small = yaml.safe_load(generate.derived_config(Context(*with_settings(data, 1, engine="material"))))
    assert "search" not in small.get("plugins", {})
    assert small["extra"]["ko_search"] == "material"


def test_mkdocs_reads_the_layer_into_the_search_plugin(tmp_path, data):
    """The engine's plugins are a mapping, so the derived layer can switch one of them off."""
    from mkdocs.config import load_config

    from sitebuild import copy_project, set_search_engine

    project = copy_project(tmp_path / "project")
    set_search_engine(project, "pagefind")
    project_data = load_project(project)
    config_file = generate.write_derived(Context(project_data.settings, project_data.data))
    config = load_config(str(config_file))
    assert config.plugins["material/search"].config.enabled is False
    assert config.extra["ko_search"] == "pagefind"
    assert list(config.plugins)[:3] == ["material/search", "macros", "material/blog"]


def test_indexing_refuses_a_folder_without_a_site(tmp_path):
    with pytest.raises(search.SearchIndexError, match="geen gebouwde site"):
        search.build_index(tmp_path)


def test_indexing_refuses_a_site_without_marked_articles(tmp_path):
    """A site built for Material's search has no data-pagefind-body: an empty index is an error."""
    (tmp_path / "index.html").write_text("<html lang='nl'><body><p>Hallo</p></body></html>", encoding="utf-8")
    with pytest.raises(search.SearchIndexError, match="data-pagefind-body"):
        search.build_index(tmp_path)
