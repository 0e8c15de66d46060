"""The edit links' address comes from the harvest's own repository, so a fork gets its own."""

import subprocess

from macros import generate, settings


def edit(project):
    return generate.edit_links(settings.read(project))


def test_github_actions_names_the_repository(fixture_project, monkeypatch):
    monkeypatch.setenv("GITHUB_REPOSITORY", "een-kring/haar-oogst")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    links = edit(fixture_project)
    assert links["base"] == "https://github.com/een-kring/haar-oogst/edit/main/docs/"
    assert links["stories"] == "verhalen/posts/"
    assert links["pages"][""] == "index.md" and links["pages"]["leerkringen/proefkring/"] == "leerkringen/proefkring.md"
    assert not any(src.startswith("verhalen/posts/") for src in links["pages"].values())  # stories by address


def test_a_clone_takes_its_origin(fixture_project, monkeypatch):
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    subprocess.run(["git", "init", "-q", str(fixture_project)], check=True)
    subprocess.run(["git", "-C", str(fixture_project), "remote", "add", "origin",
                    "git@github.com:andere-kring/oogst.git"], check=True)
    assert edit(fixture_project)["base"] == "https://github.com/andere-kring/oogst/edit/main/docs/"


def test_without_a_known_repository_there_is_no_edit_link(fixture_project, monkeypatch):
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    assert edit(fixture_project) is None
