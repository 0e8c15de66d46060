"""A story without git or a terminal: GitHub's issue form, and the converter from its body to a story.

`form_yaml(data)` writes `.github/ISSUE_TEMPLATE/nieuw-verhaal.yml` from the data (the circles, the
kinds, the principles), so its options are never stale (`make issueformulier`; a test compares).
`story_from_issue(body, data, more)` turns a filled form into the text of a story: GitHub writes
each answer as `### Label`, a blank line and the value (`_No response_` when left empty, `- [X] …`
for a ticked box). The body is untrusted text: values are quoted for YAML, the story text goes under
the front matter as it is and passes the same checks as every story (no active HTML, alt texts, …).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import yaml

from .models import Story
from .sitedata import SiteData
from .text import slugify

FORM_FILE = ".github/ISSUE_TEMPLATE/nieuw-verhaal.yml"
LABEL = "nieuw verhaal"
NO_RESPONSE = "_No response_"

# Form label per story field (the order of the form).
LABELS = {
    "title": "Titel",
    "circle": "Leerkring",
    "kind": "Soort verhaal",
    "authors": "Auteur(s)",
    "principles": "Basisprincipes",
    "description": "Samenvatting",
    "text": "Tekst",
}
FIELD_LABELS = {"title": "Titel", "categories": "Leerkring", "kind": "Soort verhaal", "authors": "Auteur(s)",
                "principles": "Basisprincipes", "description": "Samenvatting", "date": "Datum"}
_PRESELECTED_KIND = Story.model_json_schema()["properties"]["kind"]["preselected"]
_EXTERNAL_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?https?://|<img\b[^>]*\bsrc\s*=\s*[\"']?https?://", re.I)


def _kinds(data: SiteData) -> dict[str, str]:
    """The kinds of story, by id, as readers see them (strings.yml kinds.story)."""
    return data.strings["kinds"]["story"]


def _principle_option(principle) -> str:
    return principle.label


def form_yaml(data: SiteData) -> str:
    """The issue form, in Dutch, with the options of this harvest."""
    circles = [c.category for c in data.circles]
    form = {
        "name": "Nieuw verhaal",
        "description": "Stel een verhaal voor, zonder git of programma's: de site maakt er een voorstel "
                       "(pull request) van.",
        "title": "Nieuw verhaal: ",
        "labels": [LABEL],
        "body": [
            {"type": "markdown", "attributes": {"value": (
                "Met dit formulier stel je een verhaal voor. Na het versturen maakt de site er binnen een paar "
                "minuten een voorstel van (een *pull request*) en zet een reactie onder dit issue: de link naar "
                "het voorstel, of wat je nog moet aanpassen. Aanpassen doe je door dit issue te bewerken "
                "(de drie puntjes rechtsboven, dan *Edit*). Een redacteur kijkt het voorstel na voordat het "
                "online komt.")}},
            {"type": "input", "id": "titel", "attributes": {
                "label": LABELS["title"], "description": "Gewone tekst, zonder aanhalingstekens eromheen; "
                "hoogstens 120 tekens. De titel wordt ook het webadres van het verhaal.",
                "placeholder": "Op bezoek in de Peel"}, "validations": {"required": True}},
            {"type": "dropdown", "id": "leerkring", "attributes": {
                "label": LABELS["circle"], "description": "Bij welke leerkring hoort het verhaal?",
                "options": circles}, "validations": {"required": True}},
            {"type": "dropdown", "id": "soort", "attributes": {
                "label": LABELS["kind"], "options": list(_kinds(data).values()),
                "default": list(_kinds(data)).index(_PRESELECTED_KIND)}, "validations": {"required": True}},
            {"type": "input", "id": "auteurs", "attributes": {
                "label": LABELS["authors"], "description": "Namen zoals op de pagina Mensen van de site, "
                "gescheiden door komma's. Leeg laten: het verhaal krijgt de standaardauteur van de site.",
                "placeholder": "Theo Hermsen"}},
            {"type": "checkboxes", "id": "principes", "attributes": {
                "label": LABELS["principles"], "description": "Welke basisprincipes laat het verhaal zien? "
                "(mag leeg)", "options": [{"label": _principle_option(p)} for p in data.principles]}},
            {"type": "textarea", "id": "samenvatting", "attributes": {
                "label": LABELS["description"], "description": "Eén zin. Die staat in zoekmachines, de feed en "
                "op de pagina van de leerkring."}, "validations": {"required": True}},
            {"type": "textarea", "id": "tekst", "attributes": {
                "label": LABELS["text"], "description": "De eerste alinea is de inleiding: die staat op het "
                "overzicht van alle verhalen. Een tussenkop begin je met `## `. Een citaat begin je met `> ` "
                "en sluit je af met een regel `> — Naam van de spreker`."}, "validations": {"required": True}},
            {"type": "markdown", "attributes": {"value": (
                "**Foto's** kunnen niet in dit formulier: een foto die je hier neerzet, zou van GitHub geladen "
                "worden. Voeg ze toe aan het voorstel dat hierna ontstaat (in het voorstel: *Files changed*, "
                "dan *Add file → Upload files*, in de map `docs/verhalen/posts/`), met een beschrijving voor "
                "wie de foto niet kan zien. Zie ook CONTRIBUTING.md.")}},
        ],
    }
    header = ("# Gegenereerd uit data/ door 'make issueformulier' (macros/issueform.py); niet met de hand "
              "bewerken.\n")
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


def parse_body(body: str) -> dict[str, str]:
    """The answers of a filled form by label: the text between one known '### Label' and the next."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    labels = list(LABELS.values())
    heading = re.compile(r"^### (" + "|".join(re.escape(label) for label in labels) + r")\s*$", re.M)
    found = [(m.group(1), m.start(), m.end()) for m in heading.finditer(text)]
    answers: dict[str, str] = {}
    for i, (label, _start, end) in enumerate(found):
        # The next known label that comes later in the form ends this answer (the text may hold '### ').
        later = [f for f in found[i + 1:] if labels.index(f[0]) > labels.index(label)]
        stop = later[0][1] if later else len(text)
        if label in answers:
            continue
        value = text[end:stop].strip("\n").strip()
        answers[label] = "" if value == NO_RESPONSE else value
    return answers


@dataclass
class Converted:
    slug: str = ""
    text: str = ""
    more_after: int | None = None   # the form's text line after which the converter put the excerpt marker
    errors: list[str] = field(default_factory=list)


def story_from_issue(body: str, data: SiteData, more: str, today: dt.date | None = None) -> Converted:
    """The story file for a filled form, or the Dutch errors (by the form's labels). `more` is where
    the introduction ends (the blog's post_excerpt_separator)."""
    answers = parse_body(body)
    out = Converted()
    errors = out.errors
    title = " ".join(answers.get(LABELS["title"], "").split())
    if not title:
        errors.append(f"{LABELS['title']}: vul een titel in.")
    circle_name = answers.get(LABELS["circle"], "").strip()
    circles = {c.category: c for c in data.circles}
    if circle_name not in circles:
        errors.append(f"{LABELS['circle']}: kies een leerkring uit de lijst ({', '.join(circles)}).")
    kind_label = answers.get(LABELS["kind"], "").strip() or _kinds(data)[_PRESELECTED_KIND]
    kinds = {label: ident for ident, label in _kinds(data).items()}
    if kind_label not in kinds:
        errors.append(f"{LABELS['kind']}: kies uit {', '.join(kinds)}.")
    people = {p.name.casefold(): p.id for p in data.people} | {p.id: p.id for p in data.people}
    authors = []
    for name in [n.strip() for n in re.split(r"[,;\n]| en ", answers.get(LABELS["authors"], "")) if n.strip()]:
        ident = people.get(name.casefold())
        if ident is None:
            errors.append(f"{LABELS['authors']}: '{name}' staat niet op de pagina Mensen; schrijf de naam zoals "
                          "daar, of laat het veld leeg.")
        else:
            authors.append(ident)
    if not authors and data.site.default_author:
        authors = [data.site.default_author]
    options = {_principle_option(p): p.id for p in data.principles}
    principles = [options[m] for m in re.findall(r"^- \[[xX]\] (.+?)\s*$", answers.get(LABELS["principles"], ""), re.M)
                  if m in options]
    # One line; straight double quotes become single ones (the site's one quote style; the summary
    # goes into an HTML attribute).
    description = " ".join(answers.get(LABELS["description"], "").split()).replace('"', "'")
    if not description:
        errors.append(f"{LABELS['description']}: vul een samenvatting in van één zin.")
    text = answers.get(LABELS["text"], "").strip()
    if not text:
        errors.append(f"{LABELS['text']}: schrijf de tekst van het verhaal.")
    if _EXTERNAL_IMAGE.search(text):
        errors.append(f"{LABELS['text']}: er staat een foto in de tekst; die kan niet via het formulier. Haal hem "
                      "weg en voeg hem daarna toe aan het voorstel (zie de uitleg onderaan het formulier).")
    out.slug = slugify(title) if title else ""
    if title and not out.slug:
        errors.append(f"{LABELS['title']}: de titel moet letters of cijfers bevatten.")
    if errors:
        return out
    if more not in text:  # derived: the first paragraph is the introduction
        first, _, rest = text.partition("\n\n")
        out.more_after = first.count("\n") + 1
        text = f"{first}\n\n{more}\n\n{rest}".rstrip() + "\n"
    front = "\n".join([
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"date: {(today or dt.date.today()).isoformat()}",
        f"authors: [{', '.join(authors)}]",
        f"categories: [{json.dumps(circle_name, ensure_ascii=False)}]",
        f"kind: {kinds[kind_label]}",
        f"principles: [{', '.join(principles)}]",
        "tags: []",
        f"description: {json.dumps(description, ensure_ascii=False)}",
        "---",
    ])
    out.text = f"{front}\n\n{text.rstrip()}\n"
    return out


def form_error(message: str, story_label: str, body_line: int, more_after: int | None = None) -> str:
    """A check's message about the new story file, said in the form's terms."""
    match = re.match(rf"^{re.escape(story_label)}:(\d+): (?:(\w+)(?:\[\d+\])?: )?(.*)$", message)
    if not match:
        return message
    line, field_name, text = int(match.group(1)), match.group(2), match.group(3)
    if field_name in FIELD_LABELS:
        return f"{FIELD_LABELS[field_name]}: {text}"
    if line >= body_line:
        number = line - body_line + 1
        if more_after is not None and number > more_after:
            number -= 2  # the two lines the converter added
        return f"{LABELS['text']} (regel {number}): {text}"
    return f"{LABELS['text']}: {text}"
