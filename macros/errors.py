"""Editor-facing errors: compiler style, in Dutch, all of a run at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from pydantic import ValidationError


@dataclass(frozen=True, order=True)
class DataError:
    """One broken rule in one place: `data/rollen.yml:12: penvoerder.title: verplicht veld ontbreekt`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        return f"{place}: {self.field}: {self.message}" if self.field else f"{place}: {self.message}"


class DataErrors(Exception):
    """Raised when the content does not validate; carries every error found."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "fout" if count == 1 else "fouten"
        lines = [str(e) for e in self.errors]
        lines.append(f"{count} {noun} gevonden; er is niets gepubliceerd.")
        return "\n".join(lines)


def _fmt_type(expected: str) -> str:
    return f"moet {expected} zijn"


# pydantic error type → Dutch message (phrased as the rule that was broken).
_MESSAGES: dict[str, Any] = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld; dit veld hoort hier niet",
    "string_type": _fmt_type("tekst"),
    "int_type": _fmt_type("een geheel getal"),
    "int_parsing": _fmt_type("een geheel getal"),
    "int_from_float": _fmt_type("een geheel getal"),
    "bool_type": _fmt_type("waar of onwaar (true of false)"),
    "bool_parsing": _fmt_type("waar of onwaar (true of false)"),
    "list_type": _fmt_type("een lijst"),
    "dict_type": _fmt_type("een verzameling velden (sleutel: waarde)"),
    "model_type": _fmt_type("een verzameling velden (sleutel: waarde)"),
    "model_attributes_type": _fmt_type("een verzameling velden (sleutel: waarde)"),
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "is te lang",
    "greater_than_equal": "moet minstens {ge} zijn",
    "less_than_equal": "mag hoogstens {le} zijn",
}


def message_for(err: dict[str, Any]) -> str:
    """Translate one pydantic error into the Dutch rule it broke."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "list_type" and isinstance(err.get("input"), str):
        # One value where a list is asked for (authors: piet-proef): show the list form.
        value = err["input"]
        if len(value) <= 40 and not any(c in value for c in ":,#[]{}'\""):
            return f"moet een lijst zijn, tussen [ ]: schrijf [{value}]"
        return "moet een lijst zijn: zet de waarde tussen [ ], of op een eigen regel die begint met '- '"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^#"):
            return "moet een kleur zijn in de vorm #rrggbb (bijvoorbeeld '#1b5e3b')"
        if pattern.startswith("^[a-z0-9]"):
            return "moet een id zijn van kleine letters, cijfers en streepjes (bijvoorbeeld 'bouwen-aan-kennis')"
        return "heeft niet de juiste vorm"
    if kind == "too_short":
        return "mag niet leeg zijn" if ctx.get("min_length", 1) <= 1 else f"moet minstens {ctx['min_length']} items hebben"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("' or '", "', '").replace("'", "")
        return f"moet een van deze waarden zijn: {expected}"
    template = _MESSAGES.get(kind)
    if template:
        try:
            return template.format(**ctx)
        except (KeyError, IndexError):
            return template
    return f"ongeldige waarde ({err['msg']})"


def from_validation_error(
    exc: ValidationError, path: str, locate: Any, prefix: tuple[Any, ...] = ()
) -> list[DataError]:
    """Turn a pydantic ValidationError into DataErrors with lines found by `locate(loc)`."""
    found = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        line, label = locate(loc)
        found.append(DataError(path, line, label, message_for(err)))
    return found
