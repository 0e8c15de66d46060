"""A new harvest for another circle, and engine updates for an existing one.

Engine and instance are apart: `engine/paden.txt` lists what belongs to the engine; everything
else (data/, docs/, mkdocs.yml, README.md) belongs to the circle. A new circle gets the engine
plus the starter in `engine/starter/`; an update replaces exactly the engine paths with those of
`upstream`, so a circle's own files can never conflict.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from .text import slugify

PATHS_FILE = Path("engine/paden.txt")
STARTER = Path("engine/starter")
IDENTITY = ["-c", "user.name=Kennis oogsten", "-c", "user.email=kennis-oogsten@example.invalid"]


class KringError(Exception):
    """A Dutch message for the person running the command."""


def engine_paths(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


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


def _engine_files(source: Path) -> list[str]:
    """Tracked files of the source that belong to the engine."""
    paths = engine_paths((source / PATHS_FILE).read_text(encoding="utf-8"))
    listed = git(source, "ls-files").stdout.splitlines()
    return [f for f in listed if any(f == p or (p.endswith("/") and f.startswith(p)) for p in paths)]


def fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"__{key}__", value)
    return text


def create(source: Path, target: Path, name: str, upstream: str | None) -> str:
    """Make a new circle's repository at `target`; return a Dutch summary."""
    name = name.strip()
    if not name:
        raise KringError('NAAM ontbreekt. Gebruik: make kring DOEL=<map> NAAM="<naam van de oogst>"')
    if any(c in name for c in '<>"'):
        raise KringError('NAAM mag geen <, > of " bevatten.')
    slug = slugify(name)
    if not slug:
        raise KringError("NAAM moet letters of cijfers bevatten.")
    if target.exists() and any(target.iterdir()):
        raise KringError(f"{target} bestaat al en is niet leeg; kies een nieuwe map.")
    target.mkdir(parents=True, exist_ok=True)

    for rel in _engine_files(source):
        destination = target / rel
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / rel, destination)

    today = dt.date.today()
    values = {"NAAM": name, "KRINGNAAM": name, "KRING": slug, "DATUM": today.isoformat(), "JAAR": str(today.year)}
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

    version = git(source, "rev-parse", "--short", "HEAD").stdout.strip()
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    commit(target, f"Nieuwe oogst: {name} (engine {version})")
    if upstream is None:
        origin = git(source, "remote", "get-url", "origin", check=False).stdout.strip()
        upstream = origin or str(source.resolve())
    git(target, "remote", "add", "upstream", upstream)
    return (f"Nieuwe oogst '{name}' gemaakt in {target} (engine {version}).\n"
            f"Volgende stappen:\n"
            f"  cd {target}\n"
            f"  make site     # bouw de site\n"
            f"  make test     # voer de tests uit\n"
            f"Vul daarna alle plekken met 'VUL IN' in (zie README.md).")


def update(root: Path, ref: str = "upstream/main") -> str:
    """Replace the engine paths with those of `ref`; commit; return a Dutch summary."""
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
    paths = sorted(set(engine_paths(theirs)) | set(engine_paths(local)))
    for path in paths:
        git(root, "rm", "-r", "-q", "--ignore-unmatch", "--", path)
        if git(root, "cat-file", "-e", f"{ref}:{path.rstrip('/')}", check=False).returncode == 0:
            git(root, "checkout", ref, "--", path)
    if not git(root, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        return "De engine is al actueel."
    version = git(root, "rev-parse", "--short", ref).stdout.strip()
    commit(root, f"Engine bijgewerkt naar {version}")
    return f"Engine bijgewerkt naar {version}. Jullie eigen bestanden zijn niet aangeraakt. Voer nu 'make test' uit."


def run(action: str, root: Path, env: os._Environ | dict) -> str:
    if action == "kring":
        target = Path(env.get("DOEL", "")).expanduser()
        if not str(target) or str(target) == ".":
            raise KringError('DOEL ontbreekt. Gebruik: make kring DOEL=<map> NAAM="<naam van de oogst>"')
        return create(root, target, env.get("NAAM", ""), env.get("UPSTREAM") or None)
    return update(root, env.get("BRON") or "upstream/main")
