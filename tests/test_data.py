"""The real content in data/ and docs/: valid, complete, consistent, free of known OCR errors."""

import re

import pytest

from macros.loader import check
from macros.models import COLLECTIONS


def test_real_content_has_no_errors(root):
    assert [str(e) for e in check(root)] == []


def test_a_harvest_has_its_core_records(data):
    """Other collections may be empty (`[]`); these a harvest cannot do without."""
    for name in ("principles", "circles", "people", "colophon"):
        assert getattr(data, name), f"{name} is leeg"


@pytest.mark.parametrize("collection", ["principles", "goals"])
def test_numbers_run_from_one_without_gaps(data, collection):
    numbers = sorted(r.number for r in getattr(data, collection))
    assert numbers == list(range(1, len(numbers) + 1))


def test_every_circle_has_a_page(root, data):
    for circle in data.circles:
        assert (root / "docs" / "leerkringen" / f"{circle.id}.md").is_file(), circle.id


def test_every_goal_is_pursued_by_a_circle_that_points_back(data):
    for goal in data.goals:
        for ident in goal.circles:
            assert data.circle(ident).goal == goal.id, f"{goal.id} ↔ {ident}"


MACRO_CALL = re.compile(r"{{\s*(\w+)\((.*?)\)\s*}}")
ID_ARG = re.compile(r'(?:circle=)?"([^"]+)"')
ID_COLLECTION = {"item_list": "lists", "comparison": "comparisons", "quote": "quotes",
                 "circle_facts": "circles", "timeline": "circles", "circle_stories": "circles",
                 "source_facts": "sources", "table": "tables"}


def test_every_macro_call_in_the_pages_names_an_existing_record(root, data):
    for page in sorted((root / "docs").rglob("*.md")):
        if "verhalen" in page.parts:
            continue
        for name, args in MACRO_CALL.findall(page.read_text(encoding="utf-8")):
            for ident in ID_ARG.findall(args):
                assert ident in data.ids(ID_COLLECTION[name]), f"{page}: {name}({ident!r})"


# Errors in the OCR'd source that must never reach the site (DIGEST, section 4).
OCR_ERRORS = [
    "Programmteam", "Programmamateam", "stelt zicht voor", "Hans Tijn", "BII12", "BJJ12", "Concurrert",
    "welvaartspadigma", "Beleed centraal", "portommonnee", "portomonnee", "ontwerpessie", "transitiekaracter",
    "doodslaait", "dialogo", "onvolgende", "Kenniss'", "Krings van", "PleK", "Sandervan", "lieft al",
    "geen presenteren", "ontkennd", "Van Putten schets ", "faciliteerde rol", "opgang moeten", "380kv",
    "of Practise", "of practices", "Reflexieve", "Transitie school", "1.5 jaar", "met een jaar wordt verlegd",
]


def test_no_known_ocr_error_reaches_the_content(root):
    files = sorted((root / "data").glob("*.yml")) + sorted((root / "docs").rglob("*.md"))
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(root)}: {error}" for error in OCR_ERRORS if error in text]
    assert found == []
