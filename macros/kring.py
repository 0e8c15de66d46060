"""A new harvest for another circle, and engine updates for an existing one.

Engine and instance are apart: `engine/paden.txt` (macros/places.py) lists what belongs to the
engine and the circle's own places the engine reads; everything else (data/, docs/, mkdocs.yml,
README.md) belongs to the circle. A new circle gets the engine plus the starter in `engine/starter/`;
an update replaces exactly the engine paths with those of `upstream`, so a circle's own files can
never conflict.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from pathspec import GitIgnoreSpec
from pydantic import ValidationError

from . import issueform, places
from .identity import Colors
from .loader import load
from .text import slugify

PATHS_FILE = places.PATHS_FILE
STARTER = Path("engine/starter")
IDENTITY = ["-c", "user.name=Kennis oogsten", "-c", "user.email=kennis-oogsten@example.invalid"]


class KringError(Exception):
    """A Dutch message for the person running the command."""


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise KringError(f"git {' '.join(args)} mislukte: {result.stderr.strip()}")
    return result


def _has_identity(root: Path) -> bool:
    return bool(git(root, "config", "user.email", check=False).stdout.strip())


def commit(root: Path, message: str) -> None:
    extra = [] if _has_identity(root) else IDENTITY
    git(root, *extra, "commit", "-q", "-m", message)


def is_repository(root: Path) -> bool:
    """Whether `root` is the top of a git repository (a download or a copy may not be)."""
    result = git(root, "rev-parse", "--show-toplevel", check=False)
    return result.returncode == 0 and Path(result.stdout.strip()).resolve() == root.resolve()


def _files(source: Path) -> list[str]:
    """Every file of the source: git's list in a repository; in a download without git (GitHub's
    'Download ZIP') the files on disk, less what .gitignore leaves out (environments, builds)."""
    if is_repository(source):
        return [f for f in git(source, "ls-files", "-z").stdout.split("\0") if f]  # names with spaces, accents
    ignore_file = source / ".gitignore"
    ignored = GitIgnoreSpec.from_lines([".git/", *(ignore_file.read_text(encoding="utf-8").splitlines()
                                                  if ignore_file.is_file() else [])])
    found = []
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source).as_posix()
        if path.is_file() and not ignored.match_file(rel):
            found.append(rel)
    return found


def _engine_files(source: Path) -> list[str]:
    """The source's files that belong to the engine."""
    split = places.parse((source / PATHS_FILE).read_text(encoding="utf-8"))
    return [f for f in _files(source) if split.is_engine(f)]


def fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"__{key}__", value)
    return text


def _checked_name(name: str) -> tuple[str, str]:
    name = name.strip()
    if not name:
        raise KringError('NAAM ontbreekt. Gebruik: make kring DOEL=<map> NAAM="<naam van de oogst>"')
    if any(c in name for c in '<>"'):
        raise KringError('NAAM mag geen <, > of " bevatten.')
    slug = slugify(name)
    if not slug:
        raise KringError("NAAM moet letters of cijfers bevatten.")
    return name, slug


def checked_colors(primary: str | None, link_dark: str | None) -> Colors:
    """The circle's colours (KLEUR, KLEUR_DONKER), checked for contrast before anything is written."""
    values = {k: v.strip() for k, v in (("primary", primary), ("link_dark", link_dark)) if v and v.strip()}
    try:
        return Colors(**values)
    except ValidationError as exc:
        reasons = "; ".join(str(e.get("ctx", {}).get("error", e["msg"])) for e in exc.errors(include_url=False))
        raise KringError(f"de kleuren kunnen niet: {reasons} (KLEUR is de hoofdkleur, KLEUR_DONKER de linkkleur "
                         "in de donkere weergave, beide als #rrggbb)") from None


def create(source: Path, target: Path, name: str, upstream: str | None, colors: Colors | None = None) -> str:
    """Make a new circle's repository at `target`; return a Dutch summary."""
    name, slug = _checked_name(name)
    colors = colors or Colors()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise KringError(f"{target} bestaat al en is niet leeg; kies een nieuwe map.")
    if not (source / PATHS_FILE).is_file():
        raise KringError(f"{source} is geen engine van Kennis oogsten ({PATHS_FILE} ontbreekt).")
    # Made beside the target and moved in place at the end: never a half-made folder.
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.in-aanmaak"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        version = _fill(source, staging, name, slug, colors)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # upstream: the engine this circle was made from (the source itself, not the source's origin).
    where = ""
    if upstream is None:
        upstream = str(source.resolve())
        if not is_repository(source):
            where = ("\nLet op: de bron is geen git-repository (een download?). Zet 'upstream' op het adres van "
                     "de engine: git remote set-url upstream <adres>.")
    git(target, "remote", "add", "upstream", upstream)
    return (f"Nieuwe oogst '{name}' gemaakt in {target} (engine {version}); upstream: {upstream}.\n"
            f"Volgende stappen:\n"
            f"  cd {target}\n"
            f"  make site     # bouw de site\n"
            f"  make test     # voer de tests uit\n"
            f"Vul daarna alle plekken met 'VUL IN' in: make check noemt ze." + where)


def _fill(source: Path, target: Path, name: str, slug: str, colors: Colors, init: bool = True) -> str:
    """The engine's files and the starter in `target`, committed as a new repository (`init`); returns
    the engine's version."""
    target.mkdir(parents=True)
    for rel in _engine_files(source):
        destination = target / rel
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / rel, destination)

    today = dt.date.today()
    values = {"NAAM": name, "KRINGNAAM": name, "KRING": slug, "DATUM": today.isoformat(), "JAAR": str(today.year),
              "KLEUR": colors.primary, "KLEUR_DONKER": colors.link_dark}
    starter = source / STARTER
    for path in sorted(starter.rglob("*")):
        if path.is_dir():
            continue
        destination = target / fill(path.relative_to(starter).as_posix(), values)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in {".md", ".yml", ".txt"}:
            destination.write_text(fill(path.read_text(encoding="utf-8"), values), encoding="utf-8")
        else:
            shutil.copy2(path, destination)

    # The issue form "Nieuw verhaal" is the circle's own: its options come from the circle's data.
    form = target / issueform.FORM_FILE
    form.parent.mkdir(parents=True, exist_ok=True)
    form.write_text(issueform.form_yaml(load(target)), encoding="utf-8")

    version = git(source, "rev-parse", "--short", "HEAD").stdout.strip() if is_repository(source) else "uit een download"
    if not init:
        return version
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    commit(target, f"Nieuwe oogst: {name} (engine {version})")
    return version


# The commits that record which engine version a circle's engine files are: its creation and each update.
_ENGINE_COMMIT = re.compile(r"\(engine ([0-9a-f]{7,40})\)$|^Engine bijgewerkt naar ([0-9a-f]{7,40})$")
DIFF_LINES = 60


def engine_base(root: Path) -> str | None:
    """The engine commit this circle's engine files came from (its creation or its last update), if
    that commit is known here (after fetching upstream); None otherwise."""
    for subject in git(root, "log", "--format=%s").stdout.splitlines():
        match = _ENGINE_COMMIT.search(subject)
        if match:
            found = git(root, "rev-parse", "--verify", "-q", f"{match.group(1) or match.group(2)}^{{commit}}",
                        check=False)
            return found.stdout.strip() if found.returncode == 0 else None
    return None


def own_changes(root: Path, base: str, paths: list[str]) -> list[str]:
    """Engine files that the circle changed since it took them from the engine at `base`."""
    return git(root, "diff", "--name-only", base, "HEAD", "--", *paths).stdout.splitlines()


def _refuse_overwrite(root: Path, base: str, changed: list[str]) -> KringError:
    diff = git(root, "diff", base, "HEAD", "--", *changed).stdout.splitlines()
    shown = diff[:DIFF_LINES] + ([f"… ({len(diff) - DIFF_LINES} regels meer: git diff {base[:7]} HEAD)"]
                                 if len(diff) > DIFF_LINES else [])
    short = base[:7]
    own = places.engine_split().own
    return KringError(
        f"deze engine-bestanden zijn in jullie kring aangepast sinds engine {short}; bijwerken zou die "
        "aanpassingen overschrijven:\n" + "".join(f"  {name}\n" for name in changed)
        + "Het verschil (- engine, + jullie versie):\n" + "\n".join(shown) + "\n"
        "Wat je kunt doen:\n"
        f"  - De aanpassing bewaren: zet haar op de eigen plek van de kring ({own['style']} voor stijl,\n"
        f"    {own['templates']} voor sjablonen en woorden; zie engine/ZELF-EEN-OOGST-MAKEN.md), zet het\n"
        f"    engine-bestand terug met 'git checkout {short} -- <bestand>', commit, en voer\n"
        "    'make engine-bijwerken' opnieuw uit.\n"
        "  - De versie van de engine nemen (jullie aanpassing vervalt): make engine-bijwerken NEEM_ENGINE=ja")


def update(root: Path, ref: str = "upstream/main", take_engine: bool = False) -> str:
    """Replace the engine paths with those of `ref`; commit; return a Dutch summary. An engine file
    the circle changed is never overwritten silently: the update stops and names it, unless
    `take_engine` (NEEM_ENGINE=ja) says to take the engine's version."""
    if git(root, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        raise KringError("er zijn nog niet-vastgelegde wijzigingen; commit of bewaar ze eerst (git stash).")
    remote = ref.split("/", 1)[0] if "/" in ref else None
    if remote and remote in git(root, "remote").stdout.split():
        git(root, "fetch", "-q", remote)
    if git(root, "rev-parse", "--verify", "-q", f"{ref}^{{commit}}", check=False).returncode != 0:
        raise KringError(f"'{ref}' bestaat niet; is de remote 'upstream' ingesteld? "
                         f"(git remote add upstream <adres van de engine>)")
    theirs = git(root, "show", f"{ref}:{PATHS_FILE.as_posix()}").stdout
    local = (root / PATHS_FILE).read_text(encoding="utf-8") if (root / PATHS_FILE).is_file() else ""
    paths = sorted(set(places.parse(theirs).engine) | set(places.parse(local).engine))
    if not take_engine:
        base = engine_base(root)
        if base is None:
            raise KringError("onbekend van welke engineversie deze kring komt (gemaakt uit een download?), dus ik "
                             "kan niet zien of jullie engine-bestanden hebben aangepast. Staat er niets eigens in "
                             "de engine-bestanden, neem dan de engine: make engine-bijwerken NEEM_ENGINE=ja")
        changed = own_changes(root, base, paths)
        if changed:
            raise _refuse_overwrite(root, base, changed)
    for path in paths:
        git(root, "rm", "-r", "-q", "--ignore-unmatch", "--", path)
        if git(root, "cat-file", "-e", f"{ref}:{path.rstrip('/')}", check=False).returncode == 0:
            git(root, "checkout", ref, "--", path)
    if not git(root, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        return "De engine is al actueel."
    version = git(root, "rev-parse", "--short", ref).stdout.strip()
    commit(root, f"Engine bijgewerkt naar {version}")
    return f"Engine bijgewerkt naar {version}. Jullie eigen bestanden zijn niet aangeraakt. Voer nu 'make test' uit."


def create_in_place(root: Path, name: str, colors: Colors | None = None) -> str:
    """A repository made with GitHub's "Use this template" holds the engine and this harvest's own
    content: replace that content with the starter, in place, in one commit (history kept)."""
    name, slug = _checked_name(name)
    colors = colors or Colors()
    if not is_repository(root):
        raise KringError(f"{root} is geen git-repository; gebruik make kring DOEL=<nieuwe map> NAAM=\"…\"")
    if git(root, "status", "--porcelain").stdout.strip():
        raise KringError("er zijn nog niet-vastgelegde wijzigingen; commit of bewaar ze eerst (git stash).")
    if not (root / STARTER).is_dir():
        raise KringError(f"{root} heeft geen startinhoud ({STARTER}); is dit een kopie van de engine?")
    with tempfile.TemporaryDirectory(prefix="kring-") as tmp:
        staging = Path(tmp) / "oogst"
        version = _fill(root, staging, name, slug, colors, init=False)
        split = places.parse((root / PATHS_FILE).read_text(encoding="utf-8"))
        own = [f for f in _files(root) if not split.is_engine(f)]
        if own:
            git(root, "rm", "-r", "-q", "--", *own)
        for path in sorted(staging.rglob("*")):
            rel = path.relative_to(staging)
            if path.is_file() and not split.is_engine(rel.as_posix()):
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, root / rel)
    git(root, "add", "-A")
    commit(root, f"Nieuwe oogst: {name} (engine {version})")
    return (f"Deze repository is nu de oogst '{name}' (engine {version}); de inhoud van de vorige oogst is "
            f"vervangen door de startinhoud.\n"
            f"Zet 'upstream' op het adres van de engine om later updates te halen:\n"
            f"  git remote add upstream <adres van de engine>\n"
            f"Vul daarna alle plekken met 'VUL IN' in: make check noemt ze.")


def run(action: str, root: Path, env: os._Environ | dict) -> str:
    colors = checked_colors(env.get("KLEUR"), env.get("KLEUR_DONKER")) if action in ("kring", "kring-hier") else None
    if action == "kring-hier":
        return create_in_place(root, env.get("NAAM", ""), colors)
    if action == "kring":
        target = Path(env.get("DOEL", "")).expanduser()
        if not str(target) or str(target) == ".":
            raise KringError('DOEL ontbreekt. Gebruik: make kring DOEL=<map> NAAM="<naam van de oogst>" '
                             '(of, in een kopie gemaakt met "Use this template": make kring-hier NAAM="…")')
        return create(root, target, env.get("NAAM", ""), env.get("UPSTREAM") or None, colors)
    take = (env.get("NEEM_ENGINE") or "").strip().lower() in ("ja", "1", "true")
    return update(root, env.get("BRON") or "upstream/main", take_engine=take)
