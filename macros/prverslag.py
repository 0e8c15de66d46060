"""The check's report on a pull request, in Dutch, for an editor: did it pass, the first error with
its file and line, which pages the change touches, and where the preview is.

`python -m macros pr-verslag --controle <output of make check> [--basis <git ref>] [--voorbeeld <url>]`
prints Markdown; the workflow posts it as a comment (controle.yml).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path, PurePosixPath

from .routes import Routes, page_url
from .settings import Settings

_ERROR = re.compile(r"^(?P<place>[^\s:][^:]*:\d+|[^\s:][^:]*\.\w+): ")
PHOTO = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")


def changed_files(root: Path, base: str | None) -> list[str]:
    """The files this pull request changes (against `base`), or [] when git cannot say."""
    if not base:
        return []
    result = subprocess.run(["git", "-C", str(root), "diff", "--name-only", f"{base}...HEAD"],
                            capture_output=True, text=True, check=False)
    return [line for line in result.stdout.splitlines() if line.strip()] if result.returncode == 0 else []


def pages_for(settings: Settings, files: list[str]) -> list[str]:
    """Markdown list lines: each changed file, and the page a reader sees it on."""
    docs = settings.docs_dir.rstrip("/") + "/"
    routes = Routes(settings)
    lines = []
    for name in sorted(files):
        if name.startswith(docs) and settings.is_story(name[len(docs):]):
            lines.append(f"- verhaal `{name}` → `/{routes.story(PurePosixPath(name).stem)}`")
        elif name.startswith(docs) and name.endswith(".md"):
            lines.append(f"- pagina `{name}` → `/{page_url(name[len(docs):])}`")
        elif name.startswith(docs) and name.lower().endswith(PHOTO):
            lines.append(f"- foto `{name}`")
        elif name.startswith("data/"):
            lines.append(f"- gegevens `{name}` (alle pagina's die deze gegevens tonen)")
        else:
            lines.append(f"- `{name}` (geen pagina; techniek of instellingen)")
    return lines


def first_error(check_output: str) -> tuple[int, str | None]:
    """The number of errors make check reported, and the first one."""
    errors = [line for line in check_output.splitlines() if _ERROR.match(line)]
    count = re.search(r"^(\d+) fout(?:en)? gevonden", check_output, re.M)
    return (int(count.group(1)) if count else len(errors)), (errors[0] if errors else None)


def report(settings: Settings, check_output: str, passed: bool, files: list[str], preview_url: str = "") -> str:
    out = ["### Controle van deze pull request", ""]
    if passed:
        out.append("**Geslaagd.** Alle gegevens en verhalen zijn in orde en de site is gebouwd.")
    else:
        count, first = first_error(check_output)
        noun = "fout" if count == 1 else "fouten"
        out += [f"**Niet geslaagd: {count} {noun}.** De eerste:", "", "```text", first or check_output.strip()[-800:],
                "```", "",
                "Zo lees je dit: eerst het bestand en het regelnummer, dan het veld, dan wat er niet klopt. "
                "Open het bestand in deze pull request (tabblad *Files changed*, dan *Edit file*), herstel de "
                "regel en sla op: de controle draait vanzelf opnieuw. Alle fouten staan bij *Details* van de "
                "controle."]
    out.append("")
    pages = pages_for(settings, files)
    if pages:
        out += ["**Wat deze pull request verandert**", "", *pages, ""]
    if preview_url:
        out += [f"**Voorbeeld:** [download de voorbeeldsite]({preview_url}) (een zip-bestand). Pak het uit en "
                "dubbelklik op `index.html`: de site opent in je browser, met je verhaal en je foto's. "
                "Zoeken werkt alleen op de echte site.", ""]
    return "\n".join(out)
