"""PartialDate and the record models: precision, Dutch labels, refusals."""

import pytest
from pydantic import ValidationError

from macros.models import Circle, PartialDate, Principle, TimelineEvent


@pytest.mark.parametrize(
    ("raw", "iso", "label"),
    [
        ("2022-10-13", "2022-10-13", "13 oktober 2022"),
        ("2023-09", "2023-09", "september 2023"),
        ("2024", "2024", "2024"),
        (2024, "2024", "2024"),
        ("begin 2023", "2023", "begin 2023"),
        ("eind 2024", "2024", "eind 2024"),
    ],
)
def test_partial_date_keeps_the_source_precision(raw, iso, label):
    date = PartialDate.parse(raw)
    assert date.iso == iso
    assert date.label == label


def test_partial_dates_sort_by_what_is_known():
    dates = [PartialDate.parse(v) for v in ["eind 2024", "2024-11", "begin 2024", "2024-02-01", "2023"]]
    ordered = [d.label for d in sorted(dates, key=lambda d: d.sort_key)]
    assert ordered == ["2023", "begin 2024", "1 februari 2024", "november 2024", "eind 2024"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("2024-02-31", "'2024-02-31' bestaat niet: februari 2024 heeft geen dag 31"),
        ("2024-13", "'2024-13' bestaat niet: maand 13 ligt niet tussen 1 en 12"),
        ("13-10-2022", "'13-10-2022' staat in de Nederlandse volgorde; schrijf jaar-maand-dag: 2022-10-13"),
        ("begin 2024-03", "'begin 2024-03': geef een jaardeel óf een maand, niet allebei"),
    ],
)
def test_impossible_dates_are_refused_in_dutch(raw, message):
    with pytest.raises(ValueError) as info:
        PartialDate.parse(raw)
    assert message in str(info.value)


def test_unknown_fields_are_refused():
    with pytest.raises(ValidationError) as info:
        Principle(id="p", number=1, title="T", short="S", explanation=["E"], colour="rood")
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_ids_must_be_slugs():
    with pytest.raises(ValidationError):
        TimelineEvent(id="Met Spatie", date="2024", title="T")


def test_circle_kind_is_limited():
    with pytest.raises(ValidationError):
        Circle(id="c", name="C", category="C", kind="club", summary="S", aim="A", started="2024", next="N")
