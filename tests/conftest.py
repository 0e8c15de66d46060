"""Shared fixtures: the project root, the real content, the site built once per session, and the
browser: the built site served on loopback, Debian's Chromium driven by Playwright. Locally the
browser tests skip with a clear message when Chromium is missing; in CI (CI=true) a missing Chromium
is a failure, so they can never be skipped silently there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from macros import SiteData, load
from sitebuild import CHROMIUM_ARGS, EDIT_REPOSITORY, ROOT, BuiltSite, build_site, chromium_path, copy_fixture, copy_project, serve


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
# Set for the engine's tests that a test runs inside a new circle (test_kring.py): that run leaves out
# the test that started it, so it does not start itself again.
NESTED = "KO_IN_NIEUWE_KRING"
STARTS_A_CIRCLES_TESTS = "test_a_coordinator_makes_a_circle_adds_a_story_and_its_tests_pass"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests are organised by layer (unit, content, site, browser); the folder gives the marker, and a
    test elsewhere (tests/oogst/) that uses the built site or the browser gets it too, so `make
    test-snel` (-m "not site and not browser") leaves out every build and browser."""
    for item in items:
        layer = LAYERS.get(Path(str(item.fspath)).parent.name)
        if layer is None and "browser" in getattr(item, "fixturenames", ()):
            layer = "browser"
        elif layer is None and "site" in getattr(item, "fixturenames", ()):
            layer = "site"
        if layer:
            item.add_marker(getattr(pytest.mark, layer))
    if os.environ.get(NESTED):
        deselected = [item for item in items if item.name == STARTS_A_CIRCLES_TESTS]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = [item for item in items if item not in deselected]


# --- the browser --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        message = "Chromium niet gevonden: installeer het met 'apt-get install chromium' (of zet CHROMIUM=/pad)."
        if os.environ.get("CI"):
            pytest.fail(message + " In CI installeert .ci/run het; de browsertests mogen daar niet overslaan.")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def server(site):
    """The built site on http://127.0.0.1:<free port>/ for the whole session."""
    yield from serve(site.dir)


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def page_urls(site) -> list[str]:
    """Every HTML page of the built site, as a path from the root."""
    urls = []
    for path in site.html_pages():
        rel = path.relative_to(site.dir).as_posix()
        urls.append("/" + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel))
    return urls
