"""The editors' page as an editor uses it (issue 22): Decap CMS on the built site, with its local server
(decap-server in git mode, as `make redactie` starts it) over a copy of this project in git. Chromium
writes a story with a photo, saves it as a concept, sends it for review, approves and publishes it; the
file then passes `make check` and the site publishes it on its circle's page. A field left empty gets
Decap's Dutch message; the page asks nothing of another host.

decap-server comes from engine/redactie/ (npm ci, as the Makefile does); in CI (CI=true) a missing npm
is a failure, never a skip (.ci/run installs Node.js)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError
from bs4 import BeautifulSoup

from macros import redactie
from macros.build import build
from macros.routes import Routes
from macros.settings import read as read_settings
from sitebuild import ROOT, copy_project

TITLE = "Op bezoek in de Peel"
SLUG = "op-bezoek-in-de-peel"
PHOTO = "veldbezoek.jpg"
ALT = "Een boer laat zijn sloot zien"
INTRO = "We gingen op bezoek bij een boer in de Peel."
STORY = "Hij liet zien hoe hij het water vasthoudt op zijn land."


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def decap_server() -> list[str]:
    try:
        return redactie.server_command(ROOT)
    except redactie.VendorError:
        pass
    if shutil.which("npm") is None:
        message = "npm (Node.js) ontbreekt: de redactietests hebben decap-server nodig."
        if os.environ.get("CI"):
            pytest.fail(message + " In CI installeert .ci/run Node.js; deze tests mogen daar niet overslaan.")
        pytest.skip(message)
    subprocess.run(["make", "-s", f"{redactie.SERVER_DIR}/.deps"], cwd=ROOT, check=True)
    return redactie.server_command(ROOT)


@pytest.fixture(scope="module")
def cms_port() -> int:
    """decap-server's port in these tests: one of its own (a 'make redactie' or another test run may hold
    Decap's usual one); the browser is sent there (editor)."""
    return _free_port()


@pytest.fixture(scope="module")
def cms_repo(tmp_path_factory: pytest.TempPathFactory, decap_server: list[str], cms_port: int):
    """A copy of this project in a git repository of its own, with decap-server over it."""
    repo = copy_project(tmp_path_factory.mktemp("redactie") / "oogst")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "begin"], cwd=repo, check=True)
    server = subprocess.Popen(decap_server, env=redactie.server_environment(repo, cms_port), cwd=repo,
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    for _ in range(100):
        if not _port_free(cms_port):
            break
        time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("decap-server startte niet")
    yield repo
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture()
def editor(browser, server, cms_repo, cms_port):
    """A browser tab on the editors' page, signed in to the local server; every request it makes."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
    usual = f"http://127.0.0.1:{redactie.SERVER_PORT}"

    def to_this_tests_server(route) -> None:
        try:
            route.fulfill(response=route.fetch(url=route.request.url.replace(usual, f"http://127.0.0.1:{cms_port}")))
        except PlaywrightError:
            pass   # the page went on before the answer came (Decap gives up a request when it navigates)

    context.route(f"{usual}/**", to_this_tests_server)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{server}/{redactie.PAGE_DIR}/#/collections/{redactie.COLLECTION}/new")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Titel", exact=True).wait_for()
    yield page
    context.close()


def _choose(page, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def _photo(path: Path) -> Path:
    from PIL import Image
    Image.new("RGB", (800, 500), (40, 110, 70)).save(path, quality=80)
    return path


def test_an_editor_writes_a_story_with_a_photo_and_it_is_published(editor, cms_repo, data, tmp_path):
    page = editor
    circle = data.circles[0]
    principle = data.principles[0]
    page.get_by_label("Titel", exact=True).fill(TITLE)
    _choose(page, "Leerkring (optioneel)", circle.category)
    _choose(page, "Basisprincipes (optioneel)", principle.label)
    page.get_by_label("Samenvatting", exact=True).fill("Een dag in het veld met de leerkring.")
    page.locator("[data-slate-editor]").click()
    page.keyboard.type(INTRO)
    page.keyboard.press("Enter")
    page.keyboard.type(STORY)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Voeg component toe").click()
    page.get_by_role("menuitem", name="Foto").click()
    page.get_by_role("button", name="Kies een afbeelding").click()
    page.locator("input[type=file]").set_input_files(str(_photo(tmp_path / PHOTO)))
    page.get_by_role("button", name="Gebruik selectie").click()
    page.get_by_label("Beschrijving van de foto", exact=False).fill(ALT)
    # The preview is set in the site's own style: its stylesheets are in the preview's frame.
    preview = page.frame_locator("iframe").first
    assert preview.locator("h1", has_text=TITLE).count() == 1
    styles = preview.locator("head").inner_html()
    assert "kennis-oogsten.css" in styles and "main." in styles
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_text("Wijzigingen opgeslagen", exact=False).first.wait_for()

    # A concept is a branch of its own; main does not have the story yet.
    branches = subprocess.run(["git", "branch", "--list", "cms/*"], cwd=cms_repo, capture_output=True,
                              text=True).stdout
    assert f"cms/{redactie.COLLECTION}/{SLUG}" in branches
    assert not (cms_repo / "docs/verhalen/posts" / f"{SLUG}.md").exists()

    # Concept → Wordt beoordeeld → Klaar → Publiceer nu (the merge).
    for status in ("Wordt beoordeeld", "Klaar"):
        page.get_by_role("button", name="Status:", exact=False).click()
        page.get_by_role("menuitem", name=status).click()
        page.get_by_role("button", name=f"Status: {status}").wait_for()
    page.get_by_role("button", name="Publiceer", exact=True).click()
    page.get_by_role("menuitem", name="Publiceer nu").click()
    story = cms_repo / "docs/verhalen/posts" / f"{SLUG}.md"
    for _ in range(100):
        if story.is_file():
            break
        time.sleep(0.1)
    assert story.is_file(), "het verhaal staat na 'Publiceer nu' niet in docs/verhalen/posts"
    assert (story.parent / PHOTO).is_file(), "de foto staat niet naast het verhaal"

    text = story.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---")[1])
    assert front["title"] == TITLE
    assert front["categories"] == [circle.category]
    assert front["principles"] == [principle.id]
    assert front["authors"] == [data.site.default_author]
    assert front["kind"] == "verhaal"
    body = text.split("---", 2)[2]
    more = read_settings(cms_repo).blog.post_excerpt_separator
    assert body.index(INTRO) < body.index(more) < body.index(STORY), "de inleiding staat niet boven de scheiding"
    assert f"![{ALT}]({PHOTO})" in body

    check = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=cms_repo, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

    out = tmp_path / "site"
    build(cms_repo, out=out, say=lambda line: None, with_pdf=False)
    routes = Routes(read_settings(cms_repo))
    circle_page = BeautifulSoup((out / routes.circle(circle.id).strip("/") / "index.html").read_text(), "html.parser")
    assert circle_page.find("a", string=TITLE) is not None or TITLE in circle_page.get_text(), \
        "het verhaal staat niet op de pagina van zijn leerkring"
    published = BeautifulSoup((out / routes.story(SLUG).strip("/") / "index.html").read_text(), "html.parser")
    image = published.select_one(f'img[alt="{ALT}"]')
    assert image is not None and (out / routes.story(SLUG).strip("/") / image["src"]).resolve().is_file()


def test_a_required_field_left_empty_gets_a_dutch_message(editor):
    page = editor
    page.get_by_label("Titel", exact=True).fill("Een verhaal zonder samenvatting")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    message = page.get_by_text("Samenvatting: vul dit veld in.", exact=True)
    message.first.wait_for()
    assert page.get_by_text("is required", exact=False).count() == 0
    assert page.get_by_text("Oeps, sommige verplichte velden zijn niet ingevuld.", exact=False).count() == 1
    # A check from the model, in the browser: the title's characters.
    page.get_by_label("Titel", exact=True).fill("Een <b>vet</b> verhaal")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_text("Titel: hoogstens 120 tekens en zonder de tekens < >.", exact=False).first.wait_for()


def test_the_editors_page_asks_nothing_of_another_host(editor):
    page = editor
    page.get_by_role("button", name="Voeg component toe").wait_for()
    page.wait_for_load_state("networkidle")
    hosts = {urlparse(url).hostname for url in page.requests if urlparse(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts and hosts <= set(redactie.LOOPBACK), f"verzoeken aan andere hosts: {hosts - set(redactie.LOOPBACK)}"


def test_on_the_published_site_an_editor_signs_in_with_a_token(browser, server):
    """Away from this machine (a host that is not loopback) the page asks for a GitHub token itself, says
    in Dutch when what was pasted is not one, and asks nothing of another host before signing in."""
    published = "http://redactie.test"   # any host but loopback; its pages come from the served site
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.route(f"{published}/**", lambda route: route.fulfill(
        response=route.fetch(url=route.request.url.replace(published, server))))
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{published}/{redactie.PAGE_DIR}/")
    field = page.get_by_label("Toegangssleutel (token)")
    field.fill("mijn-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("alert").inner_text().startswith("Dit lijkt geen toegangssleutel van GitHub")
    assert field.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert {urlparse(url).hostname for url in requests} == {"redactie.test"}
    context.close()
