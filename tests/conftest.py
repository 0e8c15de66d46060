"""Shared fixtures: the project root, the real content, and the site built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import SiteData, load
from sitebuild import EDIT_REPOSITORY, ROOT, BuiltSite, build_site, copy_fixture, copy_project


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def data() -> SiteData:
    return load(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    # As in GitHub Actions, which names the repository: the edit links point at its files.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("GITHUB_REPOSITORY", EDIT_REPOSITORY)
        env.setenv("GITHUB_SERVER_URL", "https://github.com")
        return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture()
def fixture_project(tmp_path: Path) -> Path:
    """A copy of the minimal valid fixture project, free to break in a test."""
    return copy_fixture(tmp_path / "project")


LAYERS = {"site": "site", "browser": "browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests are organised by layer (unit, content, site, browser); the folder gives the marker,
    so `make test-snel` (-m "not site and not browser") leaves out every build and browser."""
    for item in items:
        layer = LAYERS.get(Path(str(item.fspath)).parent.name)
        if layer:
            item.add_marker(getattr(pytest.mark, layer))
