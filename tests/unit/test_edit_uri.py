"""The edit links' address comes from the harvest's own repository, so a fork gets its own."""

import subprocess

from macros import generate, page_macros
from macros.loader import load_project


def derived(project):
    loaded = load_project(project)
    return generate.derived_config(page_macros.context(loaded.settings, loaded.data))


def test_github_actions_names_the_repository(fixture_project, monkeypatch):
    monkeypatch.setenv("GITHUB_REPOSITORY", "een-kring/haar-oogst")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    assert "edit_uri: https://github.com/een-kring/haar-oogst/edit/main/docs/\n" in derived(fixture_project)


def test_a_clone_takes_its_origin(fixture_project, monkeypatch):
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    subprocess.run(["git", "init", "-q", str(fixture_project)], check=True)
    subprocess.run(["git", "-C", str(fixture_project), "remote", "add", "origin",
                    "git@github.com:andere-kring/oogst.git"], check=True)
    assert "edit_uri: https://github.com/andere-kring/oogst/edit/main/docs/\n" in derived(fixture_project)


def test_without_a_known_repository_there_is_no_edit_link(fixture_project, monkeypatch):
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    assert "edit_uri" not in derived(fixture_project)
