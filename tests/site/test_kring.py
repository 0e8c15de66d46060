"""Another circle's harvest: `make kring` makes one that builds, carries its own name, shows nothing
of the harvest it came from and passes the engine's tests; `make engine-bijwerken` brings a later
engine change in without touching the circle's own files."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros import places
from macros.kring import KringError, checked_colors, create, create_in_place, update
from macros.loader import load
from sitebuild import NOT_COPIED, ROOT, build_site, text_of

pytestmark = pytest.mark.site

NAME = "Leerkring Water en Bodem"
SPLIT = places.engine_split()


def own(path: str) -> bool:
    """Whether the file belongs to the circle (everything that is not the engine's)."""
    return not SPLIT.is_engine(path)


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
                            cwd=root, capture_output=True, text=True, check=True)
    return result.stdout


def clone_engine(target: Path) -> Path:
    """The engine as an upstream repository: a clone of this one, with the working tree as it is."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_COPIED))
    if not (target / ".git").exists():
        git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "--allow-empty", "-m", "engine zoals getest")
    return target


def test_the_engine_paths_exist_and_the_circles_own_places_are_outside_them():
    """engine/paden.txt, the one list: every engine path is in the repository, and no own place of a
    circle (its style, templates and words, tests) lies inside the engine's paths."""
    tracked = [f for f in subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                                         text=True).stdout.split("\0") if f]
    if not tracked:  # not a git checkout: nothing to compare
        pytest.fail("de tests draaien buiten een git-checkout")
    assert [p for p in SPLIT.engine if not any(f == p or f.startswith(p) for f in tracked)] == []
    assert set(SPLIT.own) == {"style", "templates", "tests"}
    assert [p for p in SPLIT.own.values() if SPLIT.is_engine(p) or SPLIT.is_engine(p + "x")] == []


@pytest.fixture(scope="module")
def circle(tmp_path_factory):
    upstream = clone_engine(tmp_path_factory.mktemp("engine") / "engine")
    target = tmp_path_factory.mktemp("kring") / "onze-oogst"
    create(upstream, target, NAME, str(upstream))
    os.symlink(ROOT / ".venv", target / ".venv")
    return upstream, target


def test_new_circle_is_valid_and_has_nothing_of_the_source(circle):
    _, target = circle
    data = load(target)
    assert data.site.title == NAME
    assert [c.name for c in data.circles] == [NAME]
    assert len(data.principles) == 1 and len(data.stories) == 1
    mine = [p for p in target.rglob("*") if p.is_file() and not {".git", ".venv"} & set(p.relative_to(target).parts)
            and own(p.relative_to(target).as_posix())]
    for path in mine:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"\bIPO\b|Interprovinciaal|landschap van leren|PLeK", text), path
    assert "VUL IN" in (target / "data" / "site.yml").read_text(encoding="utf-8")
    # The name is written once (mkdocs.yml's site_name); data/site.yml does not repeat it.
    assert not re.search(r"^title:", (target / "data" / "site.yml").read_text(encoding="utf-8"), re.M)
    assert git(target, "remote", "get-url", "upstream").strip() == str(circle[0])
    assert git(target, "status", "--porcelain") == ""


def test_new_circle_builds_with_its_own_name(circle, tmp_path):
    _, target = circle
    built = build_site(target, tmp_path / "site")
    assert built.warnings == []
    assert built.content("").find("h1").get_text(strip=True).rstrip("¶") == NAME
    # Description and publisher are written once, in data/site.yml; the builder takes them from there.
    site = load(target).site
    assert built.page("").find("meta", attrs={"name": "author"})["content"] == site.publisher
    assert "site_description" not in (target / "mkdocs.yml").read_text(encoding="utf-8")
    # The circle's own style (docs/assets/eigen.css, from the starter) is linked on every page.
    assert built.page("").find("link", href="assets/eigen.css") is not None
    assert (built.dir / "assets" / "eigen.css").is_file()
    for path in built.html_pages():
        html = path.read_text(encoding="utf-8")
        assert "Interprovinciaal" not in html and "landschap van leren" not in html, path


def test_publishing_refuses_a_starter_that_still_says_vul_in(circle):
    """A preview of the starter builds (above); the publishing build (CI=true make site) refuses it
    before building anything, naming every file and line still to fill in."""
    _, target = circle
    env = {**os.environ, "CI": "true"}
    result = subprocess.run(["make", "--no-print-directory", "site"], cwd=target, env=env, capture_output=True,
                            text=True)
    assert result.returncode != 0
    assert "data/site.yml:2: subtitle: nog niet ingevuld ('VUL IN')" in result.stderr
    assert "docs/over/privacy.md:" in result.stderr
    assert not (target / "site").exists()
    local = subprocess.run(["make", "--no-print-directory", "check"], cwd=target, capture_output=True, text=True,
                           env={k: v for k, v in os.environ.items() if k != "CI"})
    assert local.returncode == 0 and "Let op: nog " in local.stdout


def test_new_circle_takes_a_new_story(circle):
    _, target = circle
    slug = "eerste-bijeenkomst-aan-de-dijk"
    result = subprocess.run(["make", "--no-print-directory", "verhaal", "TITEL=Eerste bijeenkomst aan de dijk",
                             "LEERKRING=leerkring-water-en-bodem"], cwd=target, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    try:
        assert result.stdout.strip().endswith(f"docs/verhalen/posts/{slug}.md")
        assert [p.slug for p in load(target).stories_for_circle("leerkring-water-en-bodem")][:2] in (
            [slug, "welkom"], ["welkom", slug])
    finally:
        (target / "docs" / "verhalen" / "posts" / f"{slug}.md").unlink(missing_ok=True)


def test_a_coordinator_makes_a_circle_adds_a_story_and_its_tests_pass(tmp_path):
    """The coordinator's whole path on a fresh circle, with the Makefile as the interface: make kring
    (engine/ZELF-EEN-OOGST-MAKEN.md), make site, make verhaal and the story written as CONTRIBUTING.md
    says, then make test — the engine's tests (browser tests included) and the circle's own pass on the
    circle's own data. The run inside the circle leaves this test out (tests/conftest.py)."""
    target = tmp_path / "onze-oogst"
    env = {k: v for k, v in os.environ.items() if k != "CI"}   # the starter still says 'VUL IN'

    def make(*args: str, cwd: Path = target) -> subprocess.CompletedProcess:
        return subprocess.run(["make", "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True,
                              env={**env, "KO_IN_NIEUWE_KRING": "1"})

    made = make("kring", f"DOEL={target}", f"NAAM={NAME}", cwd=ROOT)
    assert made.returncode == 0, made.stderr
    # The same installed packages (MkDocs', and Zensical's in its own environment): nothing to download.
    for environment in (".venv", ".venv-zensical"):
        if (ROOT / environment).is_dir():
            os.symlink(ROOT / environment, target / environment)
    built = make("site")
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    assert (target / "site" / "index.html").is_file()

    story = make("verhaal", "TITEL=Eerste bijeenkomst aan de dijk", "LEERKRING=Leerkring Water en Bodem")
    assert story.returncode == 0, story.stderr
    path = target / story.stdout.strip().splitlines()[-1]
    front, _, _ = path.read_text(encoding="utf-8").partition("\n---\n")
    front = front.replace('description: "Vat het verhaal samen in één zin."',
                          'description: "De kring kwam voor het eerst bij elkaar, aan de dijk bij het gemaal."')
    path.write_text(front + "\n---\n\n"
                    "De kring kwam voor het eerst bij elkaar. We liepen over de dijk en praatten over water.\n\n"
                    "<!-- more -->\n\n## Wat we zagen\n\nHet water stond hoog. De beheerder van het gemaal vertelde "
                    "hoe hij werkt.\n\n> Samen leren vraagt tijd en aandacht.\n>\n> — De beheerder\n", encoding="utf-8")
    checked = make("check")
    assert checked.returncode == 0 and path.name not in checked.stdout, checked.stdout + checked.stderr

    tested = make("test")
    assert tested.returncode == 0, tested.stdout[-4000:] + tested.stderr[-2000:]
    summary = tested.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ passed", summary) and "failed" not in summary and "error" not in summary, summary


def test_engine_update_reaches_a_circle_without_conflicts(tmp_path):
    upstream = clone_engine(tmp_path / "engine")
    target = tmp_path / "onze-oogst"
    create(upstream, target, NAME, str(upstream))

    # The circle works on its own content.
    site_yml = target / "data" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("VUL IN: een ondertitel", "Samen leren aan de dijk"),
                        encoding="utf-8")
    git(target, "commit", "-q", "-am", "eigen ondertitel")
    own_before = {p: (target / p).read_bytes() for p in ("data/site.yml", "docs/index.md", "mkdocs.yml", "README.md")}

    # Upstream improves the engine (change, add, delete) and also edits its own content.
    render = upstream / "macros" / "render.py"
    render.write_text(render.read_text(encoding="utf-8") + "\n# engine-verbetering\n", encoding="utf-8")
    (upstream / "engine" / "NIEUW.md").write_text("Nieuw in de engine.\n", encoding="utf-8")
    removed = sorted((upstream / "adr").glob("*.md"))[0]
    removed.unlink()
    (upstream / "docs" / "index.md").write_text("# Andere inhoud\n", encoding="utf-8")
    (upstream / "mkdocs.yml").write_text((upstream / "mkdocs.yml").read_text(encoding="utf-8") + "\n# upstream\n",
                                         encoding="utf-8")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "engine-update")

    message = update(target)
    assert message.startswith("Engine bijgewerkt naar")
    assert (target / "macros" / "render.py").read_text(encoding="utf-8").endswith("# engine-verbetering\n")
    assert (target / "engine" / "NIEUW.md").is_file()
    assert not (target / "adr" / removed.name).exists()
    assert {p: (target / p).read_bytes() for p in own_before} == own_before
    assert git(target, "status", "--porcelain") == ""
    assert git(target, "log", "-1", "--format=%s").startswith("Engine bijgewerkt naar")
    assert update(target) == "De engine is al actueel."


def test_engine_update_refuses_a_dirty_tree(tmp_path):
    upstream = clone_engine(tmp_path / "engine")
    target = tmp_path / "onze-oogst"
    create(upstream, target, NAME, str(upstream))
    (target / "data" / "site.yml").write_text("title: half af\n", encoding="utf-8")
    with pytest.raises(KringError, match="niet-vastgelegde wijzigingen"):
        update(target)


@pytest.mark.parametrize(("name", "message"), [("", "NAAM ontbreekt"), ('Kring "X"', "mag geen")])
def test_make_kring_refuses_bad_names(tmp_path, name, message):
    with pytest.raises(KringError, match=message):
        create(ROOT, tmp_path / "x", name, None)


def test_make_kring_never_overwrites(tmp_path):
    (tmp_path / "bestaat").mkdir()
    (tmp_path / "bestaat" / "iets.txt").write_text("x", encoding="utf-8")
    with pytest.raises(KringError, match="bestaat al en is niet leeg"):
        create(ROOT, tmp_path / "bestaat", NAME, None)


def test_make_kring_works_from_a_download_without_git(tmp_path):
    """GitHub's 'Download ZIP' has no .git: the engine's files are found on disk, less what
    .gitignore leaves out (an environment, a build), and the new circle is valid."""
    download = tmp_path / "kennis-oogsten-main"
    shutil.copytree(ROOT, download, ignore=shutil.ignore_patterns(*NOT_COPIED, ".git"))
    for left_over in (".venv/bin/python", "site/index.html", "macros/__pycache__/x.pyc"):
        (download / left_over).parent.mkdir(parents=True, exist_ok=True)
        (download / left_over).write_text("", encoding="utf-8")
    assert not (download / ".git").exists()
    target = tmp_path / "onze-oogst"
    message = create(download, target, NAME, None)
    assert "(engine uit een download)" in message and "git remote set-url upstream" in message
    assert git(target, "remote", "get-url", "upstream").strip() == str(download.resolve())
    assert (target / "macros" / "build.py").is_file() and (target / "engine" / "paden.txt").is_file()
    assert not (target / ".venv").exists() and not (target / "site").exists() and not list(target.rglob("__pycache__"))
    assert load(target).site.title == NAME
    assert git(target, "status", "--porcelain") == ""


def test_make_kring_never_leaves_a_half_made_folder(tmp_path, monkeypatch):
    from macros import kring

    def broken(source, target, name, slug, colors):
        (target / "data").mkdir(parents=True)
        raise kring.KringError("schijf vol")

    monkeypatch.setattr(kring, "_fill", broken)
    target = tmp_path / "onze-oogst"
    with pytest.raises(KringError, match="schijf vol"):
        create(ROOT, target, NAME, None)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def _circle_with_engine_update(tmp_path):
    """An engine upstream, a circle made from it, and an engine update upstream (render.py)."""
    upstream = clone_engine(tmp_path / "engine")
    target = tmp_path / "onze-oogst"
    create(upstream, target, NAME, str(upstream))
    render = upstream / "macros" / "render.py"
    render.write_text(render.read_text(encoding="utf-8") + "\n# engine-verbetering\n", encoding="utf-8")
    git(upstream, "commit", "-q", "-am", "engine-update")
    return upstream, target


def test_engine_update_stops_at_an_engine_file_the_circle_changed(tmp_path):
    """Never overwritten silently: the update names the file, shows the difference and says how to
    keep the change or take the engine's version; nothing is changed until then."""
    _, target = _circle_with_engine_update(tmp_path)
    css = target / "overrides" / "assets" / "stylesheets" / "kennis-oogsten.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.md-header { background: hotpink; }\n", encoding="utf-8")
    git(target, "commit", "-q", "-am", "eigen kleur in de kop")
    head = git(target, "rev-parse", "HEAD")

    with pytest.raises(KringError) as refused:
        update(target)
    message = str(refused.value)
    assert "  overrides/assets/stylesheets/kennis-oogsten.css\n" in message
    assert "+.md-header { background: hotpink; }" in message
    assert "docs/assets/eigen.css" in message and "NEEM_ENGINE=ja" in message
    assert git(target, "rev-parse", "HEAD") == head and git(target, "status", "--porcelain") == ""

    # Taking the engine's version is a choice the coordinator makes explicitly.
    assert update(target, take_engine=True).startswith("Engine bijgewerkt naar")
    assert "hotpink" not in css.read_text(encoding="utf-8")
    assert (target / "macros" / "render.py").read_text(encoding="utf-8").endswith("# engine-verbetering\n")


def test_the_circles_own_style_templates_and_words_survive_every_update_and_are_used(tmp_path):
    """A circle's own look in its own places (engine/paden.txt, '!' lines): a stylesheet, a head
    addition, one component's template and one word. `make engine-bijwerken` keeps them all, and the
    site built after the update uses them (the engine's own template and word stay as they were)."""
    _, target = _circle_with_engine_update(tmp_path)
    own_css = target / "docs" / "assets" / "eigen.css"
    own_css.write_text(".md-header { background: hotpink; }\n", encoding="utf-8")
    own = target / SPLIT.own["templates"]
    (own / "ko").mkdir(parents=True, exist_ok=True)
    (own / "kop.html").write_text('<meta name="kring" content="eigen">\n', encoding="utf-8")
    engine_list = (ROOT / "overrides" / "ko" / "story-list.html").read_text(encoding="utf-8")
    (own / "ko" / "story-list.html").write_text(engine_list.replace('<ul class="ko-stories">',
                                                                     '<ul class="ko-stories onze-lijst">'), encoding="utf-8")
    (own / "strings.yml").write_text("byline:\n  by: Geschreven door\n", encoding="utf-8")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "eigen stijl, kop, sjabloon en woord")
    mine = {p: p.read_bytes() for p in (own_css, *own.rglob("*.*"))}
    assert update(target).startswith("Engine bijgewerkt naar")
    assert {p: p.read_bytes() for p in mine} == mine
    assert (target / "macros" / "render.py").read_text(encoding="utf-8").endswith("# engine-verbetering\n")
    os.symlink(ROOT / ".venv", target / ".venv")
    built = build_site(target, tmp_path / "site")
    circle = load(target).circles[0]
    assert built.content(f"leerkringen/{circle.id}/").select_one("ul.ko-stories.onze-lijst") is not None
    story = load(target).published_stories()[0]
    assert built.content(f"verhalen/{story.slug}/").select_one(".ko-byline__by").get_text(" ", strip=True) \
        .startswith("Geschreven door")
    assert built.page("").find("meta", attrs={"name": "kring"})["content"] == "eigen"
    assert (ROOT / "overrides" / "ko" / "story-list.html").read_text(encoding="utf-8") == engine_list


def test_a_use_this_template_copy_becomes_its_own_harvest_in_place(tmp_path):
    """GitHub's "Use this template" gives a repository with the engine and this harvest's content:
    make kring-hier replaces that content with the starter, in one commit, colours included."""
    copy = clone_engine(tmp_path / "onze-kopie")
    commits = len(git(copy, "log", "--format=%H").split())
    message = create_in_place(copy, NAME, checked_colors("#0b4f6c", "#9ad1f5"))
    assert message.startswith(f"Deze repository is nu de oogst '{NAME}'") and "git remote add upstream" in message
    data = load(copy)
    assert data.site.title == NAME and [c.name for c in data.circles] == [NAME]
    mine = [copy / f for f in git(copy, "ls-files", "-z").split("\0") if f and own(f)]
    assert mine
    for path in mine:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"\bIPO\b|Interprovinciaal|landschap van leren|PLeK", text), path
    mkdocs = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'primary: "#0b4f6c"' in mkdocs and 'link_dark: "#9ad1f5"' in mkdocs
    assert (copy / "macros" / "build.py").is_file()
    assert len(git(copy, "log", "--format=%H").split()) == commits + 1
    assert git(copy, "status", "--porcelain") == ""


def test_colours_of_a_new_harvest_are_checked_before_anything_is_written(tmp_path):
    with pytest.raises(KringError, match="contrast van"):
        checked_colors("#ffdd00", None)
    with pytest.raises(KringError, match="#rrggbb"):
        checked_colors("groen", None)
    assert checked_colors(None, None).primary == "#1b5e3b"
