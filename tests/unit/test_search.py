"""The search of every harvest: Pagefind, with the builders' own search off.
Invalid settings: tests/fixtures/ongeldig/zoeken-ongeldig and zoeken-oude-keuze."""

from __future__ import annotations

import pytest
import yaml

from sitebuild import ROOT
from macros import generate, load_project, search
from macros.page_macros import Context
from macros.settings import SearchSettings


def test_the_builders_own_search_is_off(root):
    """One search for every harvest and both builders: Material's (and Zensical's) own is off."""
    base = yaml.safe_load((root / "engine" / "mkdocs.base.yml").read_text(encoding="utf-8"))
    assert base["plugins"]["search"] == {"enabled": False}
    assert not [f for f in base["theme"]["features"] if f.startswith("search.")]


def test_mkdocs_reads_the_search_as_off(tmp_path):
    from mkdocs.config import load_config

    from sitebuild import copy_project

    project = copy_project(tmp_path / "project")
    loaded = load_project(project)
    config = load_config(str(generate.write_derived(Context(loaded.settings, loaded.data))))
    assert config.plugins["material/search"].config.enabled is False
    assert config.extra["ko_search"] == {"max_results": 50}


def test_the_dialog_shows_at_most_the_chosen_number_of_results(root):
    """extra.search.max_results caps the list (Pagefind draws a placeholder per hit)."""
    template = (root / "overrides" / "ko" / "pagefind.html").read_text(encoding="utf-8")
    assert 'max-results="{{ (config.extra.ko_search or {}).max_results | default(50) }}"' in template
    assert SearchSettings().max_results == 50


def test_indexing_refuses_a_folder_without_a_site(tmp_path):
    with pytest.raises(search.SearchIndexError, match="geen gebouwde site"):
        search.build_index(tmp_path)


def test_indexing_refuses_a_site_without_marked_articles(tmp_path):
    """A site built without the engine's templates has no data-pagefind-body: an empty index is an error."""
    (tmp_path / "index.html").write_text("<html lang='nl'><body><p>Hallo</p></body></html>", encoding="utf-8")
    with pytest.raises(search.SearchIndexError, match="data-pagefind-body"):
        search.build_index(tmp_path)
