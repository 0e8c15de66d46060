"""Command line for editors and CI: `python -m macros check`. Output is Dutch."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

from . import generate
from .errors import DataErrors
from .loader import STORIES_DIR, load
from .models import COLLECTIONS

TEMPLATE = Path("docs/verhalen/_template.md")


def cmd_check(args: argparse.Namespace) -> int:
    """Validate all content; print every error as `file:line: field: message`."""
    try:
        data = load(args.root)
    except DataErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        count = len(exc.errors)
        noun = "fout" if count == 1 else "fouten"
        print(f"\n{count} {noun} gevonden. Herstel ze en voer 'make check' opnieuw uit.", file=sys.stderr)
        return 1
    files = len(list((args.root / "data").rglob("*.yml")))
    print(f"Alles in orde: {files} gegevensbestanden en {len(data.stories)} verhalen zijn geldig.")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    """Write the files derived from data (Material's authors file)."""
    data = _load_or_report(args.root)
    if data is None:
        return 1
    generate.write_derived(args.root, data)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write (or with --controleer: check) the JSON Schema of a story's front matter."""
    path = args.root / generate.SCHEMA_FILE
    text = generate.story_schema()
    if args.controleer:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            print(f"{generate.SCHEMA_FILE} is verouderd; voer 'make schema' uit en neem het bestand op in je commit.",
                  file=sys.stderr)
            return 1
        print(f"{generate.SCHEMA_FILE} is actueel.")
        return 0
    generate.write_if_changed(path, text)
    print(f"{generate.SCHEMA_FILE} bijgewerkt.")
    return 0


def slugify(text: str) -> str:
    """A file name from a title: 'Één kring, twee lessen!' → 'een-kring-twee-lessen'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def cmd_verhaal(args: argparse.Namespace) -> int:
    """Write a new, valid story from the template; print its path."""
    title = (args.titel or os.environ.get("TITEL", "")).strip()
    circle_id = (args.leerkring or os.environ.get("LEERKRING", "")).strip()
    author = (args.auteur or os.environ.get("AUTEUR", "")).strip()
    usage = 'gebruik: make verhaal TITEL="Titel van het verhaal" LEERKRING=<id> [AUTEUR=<id>]'
    data = _load_or_report(args.root)
    if data is None:
        print("Herstel eerst de fouten hierboven; daarna kun je een verhaal toevoegen.", file=sys.stderr)
        return 1
    problems = []
    if not title:
        problems.append("TITEL ontbreekt.")
    elif "<" in title or ">" in title:
        problems.append("TITEL mag geen HTML bevatten: de tekens < en > zijn niet toegestaan.")
    circles = {c.id: c for c in data.circles}
    if not circle_id:
        problems.append(f"LEERKRING ontbreekt. Kies een van: {', '.join(circles)}.")
    elif circle_id not in circles:
        problems.append(f"onbekende leerkring '{circle_id}'. Kies een van: {', '.join(circles)}.")
    author = author or (data.site.default_author or "")
    people = set(data.ids("people"))
    if not author:
        problems.append("AUTEUR ontbreekt (en data/site.yml noemt geen default_author).")
    elif author not in people:
        problems.append(f"onbekende auteur '{author}'. Gebruik een id uit data/mensen.yml.")
    slug = slugify(title) if title else ""
    if title and not slug:
        problems.append("TITEL moet letters of cijfers bevatten.")
    path = args.root / STORIES_DIR / f"{slug}.md"
    if slug and path.exists():
        problems.append(f"{path.relative_to(args.root)} bestaat al; kies een andere titel.")
    if problems:
        for problem in problems:
            print(f"Fout: {problem}", file=sys.stderr)
        print(usage, file=sys.stderr)
        return 2
    text = (args.root / TEMPLATE).read_text(encoding="utf-8")
    replacements = {
        'title: "TITEL"': f"title: {json.dumps(title, ensure_ascii=False)}",
        "date: DATUM": f"date: {dt.date.today().isoformat()}",
        "authors: [AUTEUR]": f"authors: [{author}]",
        "categories: [LEERKRING]": f"categories: [{json.dumps(circles[circle_id].category, ensure_ascii=False)}]",
    }
    for placeholder, value in replacements.items():
        text = text.replace(placeholder, value, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(path.relative_to(args.root).as_posix())
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    """Make the PDF of the whole publication in a built site folder."""
    from .pdf import PdfUnavailable, build

    try:
        print(build(args.root, args.map))
    except PdfUnavailable as exc:
        print(f"Fout: de pdf kan hier niet gemaakt worden: {exc}.", file=sys.stderr)
        return 1
    return 0


PREVIEW_CONFIG = Path(".voorbeeld.yml")


def cmd_voorbeeld(args: argparse.Namespace) -> int:
    """make serve VERHAAL=…: prepare a live preview of one story (fast, however many stories)."""
    from mkdocs.utils.yaml import yaml_load

    from .loader import FOCUS_ENV

    given = (args.verhaal or os.environ.get("VERHAAL") or "").strip()
    stem = Path(given).name.removesuffix(".md")
    story = args.root / STORIES_DIR / f"{stem}.md"
    if not stem or not story.is_file():
        known = sorted(p.stem for p in (args.root / STORIES_DIR).glob("*.md"))
        hint = ", ".join(known[:5]) + (", …" if len(known) > 5 else "")
        print(f"Fout: verhaal '{given}' niet gevonden in {STORIES_DIR.as_posix()}/. Geef de bestandsnaam, "
              f"bijvoorbeeld: make serve VERHAAL={known[0] if known else 'mijn-verhaal'}"
              + (f" (bestaande verhalen: {hint})" if known else ""), file=sys.stderr)
        return 2
    data = _load_or_report(args.root, only_story=stem)
    if data is None:
        return 1
    generate.write_derived(args.root, data)
    with open(args.root / "mkdocs.yml", "rb") as fd:
        excluded = (yaml_load(fd).get("exclude_docs") or "").rstrip("\n")
    posts = STORIES_DIR.relative_to("docs").as_posix()
    generate.write_if_changed(args.root / PREVIEW_CONFIG, (
        "# Gegenereerd door 'make serve VERHAAL=…': een voorbeeld met alleen dit verhaal. Niet bewerken.\n"
        f"# {FOCUS_ENV}={stem} laat de engine ook alleen dit verhaal lezen.\n"
        "INHERIT: mkdocs.yml\n"
        "exclude_docs: |\n"
        + "".join(f"  {line}\n" for line in excluded.splitlines() if line.strip())
        + f"  {posts}/**\n  !{posts}/{stem}.md\n"))
    print(f"Voorbeeld van één verhaal: {story.relative_to(args.root).as_posix()}, op /verhalen/{stem}/.\n"
          "Andere verhalen staan er niet in; 'make serve' zonder VERHAAL toont de hele site.")
    return 0


def cmd_zoekindex(args: argparse.Namespace) -> int:
    """After the build: the Pagefind index for a large harvest; nothing to do for a small one."""
    from . import search

    data = _load_or_report(args.root)
    if data is None:
        return 1
    if search.engine(data) != search.PAGEFIND:
        print(f"Zoeken: Materials eigen zoekfunctie ({len(data.stories)} verhalen; Pagefind vanaf "
              f"{data.search.pagefind_from_stories}).")
        return 0
    try:
        print(search.build_index(args.map))
    except search.SearchIndexError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_deelbeelden(args: argparse.Namespace) -> int:
    """Draw the share images (site + one per circle) into docs/assets/delen/."""
    import shutil

    from .share import make_images

    data = _load_or_report(args.root)
    if data is None:
        return 1
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        print("Fout: Chromium niet gevonden; installeer het (apt-get install chromium) of zet CHROMIUM=/pad.",
              file=sys.stderr)
        return 1
    for path in make_images(args.root, data, chromium):
        print(path.relative_to(args.root).as_posix())
    return 0


def cmd_kring(args: argparse.Namespace) -> int:
    """make kring / make engine-bijwerken: arguments come from the environment (DOEL, NAAM, BRON)."""
    from .kring import KringError, run

    try:
        print(run(args.actie, args.root, os.environ))
    except KringError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    return 0


def _load_or_report(root: Path, only_story: str | None = None):
    try:
        return load(root, only_story)
    except DataErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Kennis oogsten: inhoud controleren en beheren.")
    parser.add_argument("--root", type=Path, default=Path("."), help="map van het project (standaard: huidige map)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    p_check = sub.add_parser("check", help="controleer alle gegevens en verhalen")
    p_check.set_defaults(func=cmd_check)
    p_gen = sub.add_parser("generate", help="maak de afgeleide bestanden (auteurs voor de blog)")
    p_gen.set_defaults(func=cmd_generate)
    p_schema = sub.add_parser("schema", help="schrijf het JSON-schema van de velden van een verhaal")
    p_schema.add_argument("--controleer", action="store_true", help="alleen controleren of het schema actueel is")
    p_schema.set_defaults(func=cmd_schema)
    p_story = sub.add_parser("verhaal", help="maak een nieuw verhaal uit het sjabloon")
    p_story.add_argument("--titel", help="titel van het verhaal (of omgevingsvariabele TITEL)")
    p_story.add_argument("--leerkring", help="id van de leerkring (of LEERKRING)")
    p_story.add_argument("--auteur", help="id van de auteur uit data/mensen.yml (of AUTEUR)")
    p_story.set_defaults(func=cmd_verhaal)
    p_pdf = sub.add_parser("pdf", help="maak de pdf van de hele publicatie in een gebouwde site")
    p_pdf.add_argument("map", type=Path, help="de map met de gebouwde site")
    p_pdf.set_defaults(func=cmd_pdf)
    p_preview = sub.add_parser("voorbeeld", help="bereid een snel live voorbeeld van één verhaal voor (VERHAAL)")
    p_preview.add_argument("--verhaal", help="bestandsnaam van het verhaal (of omgevingsvariabele VERHAAL)")
    p_preview.set_defaults(func=cmd_voorbeeld)
    p_search = sub.add_parser("zoekindex", help="maak de zoekindex (Pagefind) voor een grote oogst in een gebouwde site")
    p_search.add_argument("map", type=Path, help="de map met de gebouwde site")
    p_search.set_defaults(func=cmd_zoekindex)
    p_share = sub.add_parser("deelbeelden", help="maak de afbeeldingen voor delen op sociale media")
    p_share.set_defaults(func=cmd_deelbeelden)
    p_kring = sub.add_parser("kring", help="maak een nieuwe oogst voor een andere kring (DOEL, NAAM)")
    p_kring.set_defaults(func=cmd_kring, actie="kring")
    p_update = sub.add_parser("engine-bijwerken", help="haal de nieuwste engine op van upstream (BRON)")
    p_update.set_defaults(func=cmd_kring, actie="engine-bijwerken")
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
