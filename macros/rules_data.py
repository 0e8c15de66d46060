"""Rules over the records, across files: ids are unique, references resolve, principles and goals
are numbered without gaps, goals and circles name each other, the core collections are not empty,
and what the home page names (its featured story, its buttons' pages) exists."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from .errors import DataError
from .models import BUNDLE_DIR, COLLECTIONS
from .rules import rule
from .sources import Sources


def _references(obj: BaseModel, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, str, str]]:
    """Every (loc, value, target collection, target field) that `obj` points at, recursively."""
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        target = extra.get("ref")
        values = value if isinstance(value, (list, tuple)) else [value]
        for i, item in enumerate(values):
            item_loc = loc + ((name, i) if isinstance(value, (list, tuple)) else (name,))
            if target and isinstance(item, str):
                yield item_loc, item, target, extra.get("by", "id")
            elif isinstance(item, BaseModel):
                yield from _references(item, item_loc)


def _raw_references(model: type[BaseModel], item: Any) -> Iterator[tuple[tuple[Any, ...], str, str, str]]:
    """References at the top level of a record that did not validate, so they are reported too."""
    if not isinstance(item, dict):
        return
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if "ref" not in extra or name not in item:
            continue
        value = item[name]
        if isinstance(value, str):
            yield (name,), value, extra["ref"], extra.get("by", "id")
        elif isinstance(value, list):
            for j, element in enumerate(value):
                if isinstance(element, str):
                    yield (name, j), element, extra["ref"], extra.get("by", "id")


@rule()
def unique_ids(src: Sources) -> list[DataError]:
    """Ids are unique per collection, across every file that adds to it."""
    errors = []
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for entry in src.entries:
        if entry.record is None or entry.collection == "stories" or not hasattr(entry.record, "id"):
            continue
        line, label = entry.locate(("id",))
        key = (entry.collection, entry.record.id)
        if key in seen:
            first_file, first_line = seen[key]
            where = f"op regel {first_line}" if first_file == entry.label else f"in {first_file}:{first_line}"
            errors.append(DataError(entry.label, line, label,
                                    f"id '{entry.record.id}' komt al voor {where}; ids moeten uniek zijn"))
        else:
            seen[key] = (entry.label, line)
    return errors


@rule()
def references(src: Sources) -> list[DataError]:
    """References resolve. Known values come from the raw records, so one broken record does not
    make every reference to it fail too; a file that could not be read is not a target at all."""
    errors = []
    known: dict[tuple[str, str], set[Any]] = {}
    names: dict[tuple[str, str], dict[str, str]] = {}  # (collection, field) → id → that field's value
    ids_by_name: dict[str, dict[str, str]] = {}  # collection → name or title (lower case) → id
    for entry in src.entries:
        if isinstance(entry.item, dict):
            for by in ("id", "category", "title"):
                known.setdefault((entry.collection, by), set()).add(entry.item.get(by))
                if by != "id" and isinstance(entry.item.get("id"), str) and isinstance(entry.item.get(by), str):
                    names.setdefault((entry.collection, by), {})[entry.item["id"]] = entry.item[by]
            # A record's name or title where its id is asked for (authors: [Piet Proef]).
            for field in ("name", "title", "category"):
                if isinstance(entry.item.get("id"), str) and isinstance(entry.item.get(field), str):
                    ids_by_name.setdefault(entry.collection, {})[entry.item[field].casefold()] = entry.item["id"]
    filenames = {spec.name: f"data/{spec.filename}" for spec in COLLECTIONS}
    filenames.update({"sources": f"data/{BUNDLE_DIR}/", "tables": f"data/{BUNDLE_DIR}/"})
    for entry in src.entries:
        refs = _references(entry.record) if entry.record is not None else _raw_references(entry.model, entry.item)
        for loc, value, target, by in refs:
            valid = known.get((target, by))
            if valid is None or value in valid:
                continue
            line, field_label = entry.locate(loc)
            choices = ", ".join(sorted(v for v in valid if isinstance(v, str))) or "(nog geen)"
            what = "" if by == "id" else f" als {by}"
            named = names.get((target, by), {}).get(value)
            if named:  # the record's id where its name is asked for (categories: [gebied-centraal])
                errors.append(DataError(entry.label, line, field_label,
                                        f"'{value}' is de id; schrijf hier de naam: {named}"))
                continue
            ident = ids_by_name.get(target, {}).get(value.casefold()) if by == "id" else None
            if ident:  # the name where the id is asked for (authors: [Piet Proef])
                errors.append(DataError(entry.label, line, field_label,
                                        f"'{value}' is de naam; schrijf hier de id: {ident}"))
                continue
            errors.append(DataError(entry.label, line, field_label,
                                    f"'{value}' bestaat niet{what} in {filenames[target]}; kies uit: {choices}"))
    return errors


@rule(whole_harvest=True)
def featured_story(src: Sources) -> list[DataError]:
    """The story the home page features exists (and is not a draft). Not in the one-story preview,
    which reads only the story being written."""
    errors = []
    stories = {Path(e.label).stem: e.record for e in src.valid("stories")}
    for entry in src.valid("site"):
        slug = entry.record.featured_story
        if slug is None:
            continue
        story = stories.get(slug)
        if story is None or story.draft:
            line, label = entry.locate(("featured_story",))
            why = "is nog een concept (draft)" if story is not None else "bestaat niet in de map met verhalen"
            valid = ", ".join(sorted(k for k, v in stories.items() if not v.draft)[:8])
            errors.append(DataError(entry.label, line, label, f"het verhaal '{slug}' {why}; kies de bestandsnaam "
                                    f"(zonder .md) van een gepubliceerd verhaal, bijvoorbeeld: {valid}"))
    return errors


@rule()
def home_actions(src: Sources) -> list[DataError]:
    """The buttons of the home page lead to pages that exist."""
    errors = []
    settings = src.settings
    for entry in src.valid("site"):
        for i, action in enumerate(entry.record.actions):
            if action.page not in src.docs_files:
                line, label = entry.locate(("actions", i, "page"))
                errors.append(DataError(entry.label, line, label, f"de pagina '{action.page}' bestaat niet in "
                                        f"{settings.docs_dir}/; schrijf het pad van een pagina, bijvoorbeeld index.md"))
    return errors


@rule()
def goals_and_circles(src: Sources) -> list[DataError]:
    """A goal names the circles that work on it, and each of those circles names that goal back."""
    errors = []
    circles = {e.record.id: e for e in src.valid("circles")}
    goals = {e.record.id: e for e in src.valid("goals")}
    for goal_id, entry in goals.items():
        for i, circle_id in enumerate(entry.record.circles):
            circle = circles.get(circle_id)
            if circle is None or circle.record.goal == goal_id:
                continue
            line, label = entry.locate(("circles", i))
            now = f"noemt '{circle.record.goal}'" if circle.record.goal else "noemt geen doel"
            errors.append(DataError(entry.label, line, label,
                                    f"leerkring '{circle_id}' werkt aan dit doel, maar {now} als goal in "
                                    f"{circle.label}; zet daar goal: {goal_id}"))
    for circle_id, entry in circles.items():
        goal = goals.get(entry.record.goal) if entry.record.goal else None
        if goal is None or circle_id in goal.record.circles:
            continue
        line, label = entry.locate(("goal",))
        errors.append(DataError(entry.label, line, label,
                                f"doel '{goal.record.id}' noemt deze leerkring niet bij circles in {goal.label}; "
                                f"voeg '{circle_id}' daar toe"))
    return errors


@rule()
def numbering(src: Sources) -> list[DataError]:
    """Principles and goals are numbered 1, 2, 3, … without gaps or doubles."""
    errors = []
    for collection in ("principles", "goals"):
        found = sorted(src.valid(collection), key=lambda e: e.record.number)
        for expected, entry in enumerate(found, start=1):
            if entry.record.number != expected:
                line, label = entry.locate(("number",))
                errors.append(DataError(entry.label, line, label,
                                        f"nummer {entry.record.number} klopt niet: de nummers lopen van 1 "
                                        f"zonder gaten of dubbele nummers; hier verwacht: {expected}"))
                break
    return errors


REQUIRED = {"principles": "principe", "circles": "leerkring", "people": "persoon", "colophon": "groep in het colofon"}


@rule()
def core_records(src: Sources) -> list[DataError]:
    """A harvest cannot do without principles, circles, people and a colofon."""
    errors = []
    for spec in COLLECTIONS:
        label = f"data/{spec.filename}"
        if spec.name in REQUIRED and label not in src.unreadable and not any(
                e.collection == spec.name for e in src.entries):
            errors.append(DataError(label, 1, "", f"een oogst heeft minstens één {REQUIRED[spec.name]} nodig; dit bestand is leeg"))
    return errors
