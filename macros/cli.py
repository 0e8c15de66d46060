"""Command line for editors and CI: `python -m macros check`. Output is Dutch."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from . import build, fotos, generate, issueform, kring, leesbaarheid, page_macros, preview, prverslag, redactie
from . import settings as settings_module
from .errors import DataErrors
from .loader import FOCUS_ENV, Project, load_project, publishing, unfinished
from .text import slugify


def cmd_check(args: argparse.Namespace) -> int:
    """Validate all content; print every error as `file:line: field: message`."""
    try:
        project = load_project(args.root)
        todo = unfinished(project)
        if todo and publishing():
            raise DataErrors(todo)
    except DataErrors as exc:
        _report(exc)
        return 1
    files = len(list((args.root / "data").rglob("*.yml")))
    count = len(project.data.stories)
    stories = f"{count} {'verhaal' if count == 1 else 'verhalen'}"
    print(f"Alles in orde: {files} gegevensbestanden en {stories} zijn geldig.")
    _warn_unfinished(todo)
    return 0


def _warn_unfinished(todo: list) -> None:
    if not todo:
        return
    print(f"\nLet op: nog {len(todo)} {'plek' if len(todo) == 1 else 'plekken'} die niet af "
          f"{'is' if len(todo) == 1 else 'zijn'} ('VUL IN', tekst uit het sjabloon, een leeg verhaal). Een "
          "voorbeeld bouwen kan, maar publiceren (CI) weigert de site tot alles is ingevuld:")
    for error in todo:
        print(f"  {error}")


def _report(exc: DataErrors) -> None:
    for error in exc.errors:
        print(error, file=sys.stderr)
    count = len(exc.errors)
    noun = "fout" if count == 1 else "fouten"
    print(f"\n{count} {noun} gevonden. Herstel ze en voer 'make check' opnieuw uit.", file=sys.stderr)


def cmd_generate(args: argparse.Namespace) -> int:
    """Write the files derived from data (the generated configuration, Material's authors file)."""
    project = _load_or_report(args.root)
    if project is None:
        return 1
    generate.write_derived(page_macros.context(project.settings, project.data))
    return 0


def cmd_bouw(args: argparse.Namespace) -> int:
    """make site [BOUWER=zensical]: the whole site (pages, search index, PDF) through the one pipeline."""
    builder = (args.bouwer or os.environ.get("BOUWER") or "mkdocs").strip()
    try:
        result = build.build(args.root, builder, args.uit, with_pdf=not args.zonder_pdf, publish=publishing())
    except DataErrors as exc:
        _report(exc)
        return 1
    except build.BuildError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        print("De vorige site is blijven staan; er is niets gepubliceerd.", file=sys.stderr)
        return 1
    print(result.timings())
    print(f"Site gebouwd met {result.builder} in {os.path.relpath(result.site)}/")
    _warn_unfinished(result.unfinished)
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


def cmd_verhaal(args: argparse.Namespace) -> int:
    """Write a new, valid story from the template; print its path."""
    title = (args.titel or os.environ.get("TITEL", "")).strip()
    circle_id = (args.leerkring or os.environ.get("LEERKRING", "")).strip()
    author = (args.auteur or os.environ.get("AUTEUR", "")).strip()
    usage = 'gebruik: make verhaal TITEL="Titel van het verhaal" LEERKRING=<id> [AUTEUR=<id>]'
    project = _load_or_report(args.root)
    if project is None:
        print("Herstel eerst de fouten hierboven; daarna kun je een verhaal toevoegen.", file=sys.stderr)
        return 1
    data, settings = project.data, project.settings
    problems = []
    if not title:
        problems.append("TITEL ontbreekt.")
    elif "<" in title or ">" in title:
        problems.append("TITEL mag geen HTML bevatten: de tekens < en > zijn niet toegestaan.")
    circles = {c.id: c for c in data.circles}
    # The circle by its id or by its name ('gebied-centraal' or 'Gebied Centraal').
    named = {key.casefold(): c.id for c in data.circles for key in (c.category, c.name)}
    circle_id = named.get(circle_id.casefold(), circle_id)
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
    path = args.root / settings.stories_dir / f"{slug}.md"
    if slug and path.exists():
        problems.append(f"{path.relative_to(args.root)} bestaat al; kies een andere titel.")
    if problems:
        for problem in problems:
            print(f"Fout: {problem}", file=sys.stderr)
        print(usage, file=sys.stderr)
        return 2
    text = (args.root / settings.story_template).read_text(encoding="utf-8")
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


PREVIEW_CONFIG = Path(".voorbeeld.yml")


def cmd_voorbeeld(args: argparse.Namespace) -> int:
    """make serve VERHAAL=…: prepare a live preview of one story (fast, however many stories)."""
    given = (args.verhaal or os.environ.get("VERHAAL") or "").strip()
    stem = Path(given).name.removesuffix(".md")
    project = _load_or_report(args.root, only_story=stem or "-")
    if project is None:
        return 1
    settings = project.settings
    folder = args.root / settings.stories_dir
    story = folder / f"{stem}.md"
    if not stem or not story.is_file():
        known = sorted(p.stem for p in folder.glob("*.md"))
        hint = ", ".join(known[:5]) + (", …" if len(known) > 5 else "")
        print(f"Fout: verhaal '{given}' niet gevonden in {settings.stories_dir.as_posix()}/. Geef de bestandsnaam, "
              f"bijvoorbeeld: make serve VERHAAL={known[0] if known else 'mijn-verhaal'}"
              + (f" (bestaande verhalen: {hint})" if known else ""), file=sys.stderr)
        return 2
    ctx = page_macros.context(settings, project.data)
    config = generate.write_derived(ctx)
    excluded = settings.exclude_docs.rstrip("\n")
    posts = settings.stories_dir.relative_to(settings.docs_dir).as_posix()
    generate.write_if_changed(args.root / PREVIEW_CONFIG, (
        "# Gegenereerd door 'make serve VERHAAL=…': een voorbeeld met alleen dit verhaal. Niet bewerken.\n"
        f"# {FOCUS_ENV}={stem} laat de engine ook alleen dit verhaal lezen.\n"
        f"INHERIT: {config.name}\n"
        "exclude_docs: |\n"
        + "".join(f"  {line}\n" for line in excluded.splitlines() if line.strip())
        + f"  {posts}/**/*.md\n  !{posts}/{stem}.md\n"))
    print(f"Voorbeeld van één verhaal: {story.relative_to(args.root).as_posix()}, op /{ctx.routes.story(stem)}.\n"
          "Andere verhalen staan er niet in; 'make serve' zonder VERHAAL toont de hele site.")
    return 0


def cmd_kring(args: argparse.Namespace) -> int:
    """make kring / make engine-bijwerken: arguments come from the environment (DOEL, NAAM, BRON)."""
    try:
        print(kring.run(args.actie, args.root, os.environ))
    except kring.KringError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_leesbaarheid(args: argparse.Namespace) -> int:
    """make leesbaarheid: sentence lengths per page of the built site (site/)."""
    site = args.root / (args.site or "site")
    if not (site / "index.html").is_file():
        print(f"Fout: er is nog geen gebouwde site in {site}/. Bouw die eerst met 'make site'.", file=sys.stderr)
        return 1
    project = _load_or_report(args.root)
    if project is None:
        return 1
    ctx = page_macros.context(project.settings, project.data)
    print(leesbaarheid.format_report(*leesbaarheid.report(ctx, site)))
    return 0


def cmd_fotos(args: argparse.Namespace) -> int:
    """make fotos: shrink the stories' photos that are too large for the web."""
    errors: list = []
    settings = settings_module.read(args.root.resolve(), errors)
    if errors:
        for error in errors:
            print(error, file=sys.stderr)
        return 1
    done = fotos.shrink_photos(settings)
    for line in done:
        print(line)
    print(f"{len(done)} foto's verkleind." if done else "Alle foto's hebben al een goed formaat.")
    return 0


def cmd_verhaal_uit_issue(args: argparse.Namespace) -> int:
    """make verhaal-uit-issue ISSUE=<file>: a story from a filled issue form; nothing is written when
    the form has a mistake (the Dutch errors name the form's fields)."""
    source = (args.issue or os.environ.get("ISSUE") or "").strip()
    if not source or not Path(source).is_file():
        print("Fout: geef het bestand met de tekst van het issue: make verhaal-uit-issue ISSUE=<bestand>",
              file=sys.stderr)
        return 2
    project = _load_or_report(args.root)
    if project is None:
        print("De site zelf heeft fouten (hierboven); een verhaal toevoegen kan pas als die hersteld zijn.",
              file=sys.stderr)
        return 1
    converted = issueform.story_from_issue(Path(source).read_text(encoding="utf-8", errors="replace"), project.data,
                                           project.settings.blog.post_excerpt_separator)
    path = args.root / project.settings.stories_dir / f"{converted.slug}.md"
    if not converted.errors and path.exists():
        converted.errors.append(f"{issueform.LABELS['title']}: er is al een verhaal met deze titel; kies een andere.")
    if converted.errors:
        _form_errors(converted.errors)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(converted.text, encoding="utf-8")
    label = path.relative_to(args.root).as_posix()
    try:
        problems = [str(e) for e in unfinished(load_project(args.root)) if e.path == label]
    except DataErrors as exc:
        problems = [str(e) for e in exc.errors]
    if problems:
        path.unlink()  # nothing is written for a form with a mistake
        body_line = converted.text.split("\n").index("---", 1) + 3
        _form_errors([issueform.form_error(p, label, body_line, converted.more_after) for p in problems])
        return 1
    print(label)
    return 0


def _form_errors(errors: list[str]) -> None:
    for error in errors:
        print(error, file=sys.stderr)
    count = len(errors)
    print(f"\n{count} {'fout' if count == 1 else 'fouten'} in het formulier. Pas het issue aan (de drie puntjes, "
          "dan Edit); het verhaal wordt dan opnieuw gemaakt.", file=sys.stderr)


def cmd_issueformulier(args: argparse.Namespace) -> int:
    """make issueformulier: write the issue form from data (or, with --controleer, say whether it is current)."""
    project = _load_or_report(args.root)
    if project is None:
        return 1
    target = args.root / issueform.FORM_FILE
    text = issueform.form_yaml(project.data)
    if args.controleer:
        current = target.is_file() and target.read_text(encoding="utf-8") == text
        print("Het issueformulier is actueel." if current else
              f"Het issueformulier ({issueform.FORM_FILE}) is verouderd: voer 'make issueformulier' uit.")
        return 0 if current else 1
    target.parent.mkdir(parents=True, exist_ok=True)
    generate.write_if_changed(target, text)
    print(issueform.FORM_FILE)
    return 0


def cmd_voorbeeld_site(args: argparse.Namespace) -> int:
    """make voorbeeld-site: the built site as a preview that opens from disk (index.html)."""
    site = args.root / "site"
    if not (site / "index.html").is_file():
        print("Fout: er is nog geen gebouwde site in site/. Bouw die eerst met 'make site'.", file=sys.stderr)
        return 1
    target = args.root / (args.uit or "voorbeeld-site")
    changed = preview.make_offline(site, target)
    print(f"Voorbeeld klaar in {os.path.relpath(target, args.root)}/ ({changed} pagina's aangepast): "
          "open index.html met een dubbelklik.")
    return 0


def cmd_redactie(args: argparse.Namespace) -> int:
    """make redactie: the site's live preview and the editors' page with Decap's local server (decap-server,
    installed by the Makefile), so an editor works on this copy without GitHub."""
    try:
        return redactie.serve_locally(args.root.resolve(), address=args.adres)
    except redactie.VendorError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1


def cmd_redactie_bijwerken(args: argparse.Namespace) -> int:
    """make redactie-bijwerken VERSIE=x.y.z: another release of Decap CMS, with its checksums."""
    try:
        redactie.update_vendor(args.versie or os.environ.get("VERSIE", ""))
    except redactie.VendorError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_pr_verslag(args: argparse.Namespace) -> int:
    """The check's report on a pull request (Markdown on standard output), for the workflow."""
    errors: list = []
    settings = settings_module.read(args.root.resolve(), errors)
    output = Path(args.controle).read_text(encoding="utf-8", errors="replace") if args.controle else ""
    files = prverslag.changed_files(args.root, args.basis)
    print(prverslag.report(settings, output, args.geslaagd == "ja", files, args.voorbeeld or ""))
    return 0


def _load_or_report(root: Path, only_story: str | None = None) -> Project | None:
    try:
        return load_project(root, only_story)
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
    p_build = sub.add_parser("bouw", help="bouw de hele site: pagina's, zoekindex en pdf (make site)")
    p_build.add_argument("--bouwer", help="mkdocs (standaard) of zensical (of BOUWER)")
    p_build.add_argument("--uit", type=Path, help="map voor de site (standaard: site/)")
    p_build.add_argument("--zonder-pdf", action="store_true", help="alleen voor de benchmark: zonder pdf")
    p_build.set_defaults(func=cmd_bouw)
    p_preview = sub.add_parser("voorbeeld", help="bereid een snel live voorbeeld van één verhaal voor (VERHAAL)")
    p_preview.add_argument("--verhaal", help="bestandsnaam van het verhaal (of omgevingsvariabele VERHAAL)")
    p_preview.set_defaults(func=cmd_voorbeeld)
    p_issue = sub.add_parser("verhaal-uit-issue", help="maak een verhaal uit een ingevuld issueformulier (ISSUE)")
    p_issue.add_argument("--issue", help="bestand met de tekst van het issue (of omgevingsvariabele ISSUE)")
    p_issue.set_defaults(func=cmd_verhaal_uit_issue)
    p_form = sub.add_parser("issueformulier", help="schrijf het issueformulier voor een nieuw verhaal uit data/")
    p_form.add_argument("--controleer", action="store_true", help="alleen controleren of het formulier actueel is")
    p_form.set_defaults(func=cmd_issueformulier)
    p_offline = sub.add_parser("voorbeeld-site", help="maak van site/ een voorbeeld dat vanaf schijf opent")
    p_offline.add_argument("--uit", help="map voor het voorbeeld (standaard: voorbeeld-site/)")
    p_offline.set_defaults(func=cmd_voorbeeld_site)
    p_cms = sub.add_parser("redactie", help="live voorbeeld met de redactiepagina en haar lokale server (make redactie)")
    p_cms.add_argument("--adres", default=os.environ.get("ADRES", "127.0.0.1:8000"), help="adres van het voorbeeld")
    p_cms.set_defaults(func=cmd_redactie)
    p_cms_update = sub.add_parser("redactie-bijwerken", help="haal een andere versie van Decap CMS op (VERSIE)")
    p_cms_update.add_argument("--versie", help="versie, bijv. 3.16.3 (of omgevingsvariabele VERSIE)")
    p_cms_update.set_defaults(func=cmd_redactie_bijwerken)
    p_report = sub.add_parser("pr-verslag", help="verslag van de controle voor een pull request (Markdown)")
    p_report.add_argument("--controle", help="bestand met de uitvoer van make check")
    p_report.add_argument("--geslaagd", choices=["ja", "nee"], default="nee", help="is de controle geslaagd?")
    p_report.add_argument("--basis", help="git-ref om mee te vergelijken (bijv. origin/main)")
    p_report.add_argument("--voorbeeld", help="adres van de voorbeeldsite (artefact)")
    p_report.set_defaults(func=cmd_pr_verslag)
    p_photos = sub.add_parser("fotos", help="verklein te grote foto's bij de verhalen (tot 1600 pixels breed)")
    p_photos.set_defaults(func=cmd_fotos)
    p_read = sub.add_parser("leesbaarheid", help="zinslengte per pagina van de gebouwde site (B1)")
    p_read.add_argument("--site", help="map van de gebouwde site (standaard: site/)")
    p_read.set_defaults(func=cmd_leesbaarheid)
    p_kring = sub.add_parser("kring", help="maak een nieuwe oogst voor een andere kring (DOEL, NAAM)")
    p_kring.set_defaults(func=cmd_kring, actie="kring")
    p_here = sub.add_parser("kring-hier", help="maak van deze kopie (Use this template) een eigen oogst (NAAM)")
    p_here.set_defaults(func=cmd_kring, actie="kring-hier")
    p_update = sub.add_parser("engine-bijwerken", help="haal de nieuwste engine op van upstream (BRON)")
    p_update.set_defaults(func=cmd_kring, actie="engine-bijwerken")
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
