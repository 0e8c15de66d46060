"""The loader: Dutch errors that name file, line and field; every error of a run at once."""

from pathlib import Path

import pytest

from macros.errors import DataErrors
from macros.loader import check, load


def messages(project: Path) -> list[str]:
    return [str(e) for e in check(project)]


def test_minimal_fixture_is_valid(fixture_project):
    assert messages(fixture_project) == []
    data = load(fixture_project)
    assert [e.id for e in data.events_for_circle("proefkring")] == ["start", "bijeenkomst"]


def test_missing_field_names_file_line_and_field(fixture_project):
    path = fixture_project / "data" / "rollen.yml"
    path.write_text("- id: begeleider\n  title: Begeleider\n", encoding="utf-8")
    assert messages(fixture_project) == ["data/rollen.yml:1: begeleider.description: verplicht veld ontbreekt"]


def test_unknown_field_is_reported_on_its_own_line(fixture_project):
    path = fixture_project / "data" / "rollen.yml"
    path.write_text("- id: begeleider\n  title: Begeleider\n  description: Ja.\n  kleur: rood\n", encoding="utf-8")
    assert messages(fixture_project) == [
        "data/rollen.yml:4: begeleider.kleur: onbekend veld; dit veld hoort hier niet"
    ]


def test_impossible_date_is_reported_with_its_line(fixture_project):
    path = fixture_project / "data" / "tijdlijn.yml"
    text = path.read_text(encoding="utf-8").replace('"2024-03-05"', "2024-02-31")
    path.write_text(text, encoding="utf-8")
    assert messages(fixture_project) == [
        "data/tijdlijn.yml:6: bijeenkomst.date: '2024-02-31' bestaat niet: februari 2024 heeft geen dag 31"
    ]


def test_unresolved_reference_lists_the_valid_ids(fixture_project):
    path = fixture_project / "data" / "citaten.yml"
    path.write_text("- id: proef\n  text: Testen is leren.\n  person: jan-onbekend\n", encoding="utf-8")
    assert messages(fixture_project) == [
        "data/citaten.yml:3: proef.person: 'jan-onbekend' bestaat niet in data/mensen.yml; kies uit: piet-proef"
    ]


def test_reference_inside_a_nested_list(fixture_project):
    path = fixture_project / "data" / "leerkringen.yml"
    text = path.read_text(encoding="utf-8").replace("- person: piet-proef", "- person: kees")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    - person: kees") + 1
    assert messages(fixture_project) == [
        f"data/leerkringen.yml:{line}: proefkring.guides[1].person: 'kees' bestaat niet in data/mensen.yml; kies uit: piet-proef"
    ]


def test_duplicate_ids_are_refused(fixture_project):
    path = fixture_project / "data" / "mensen.yml"
    path.write_text("- id: piet-proef\n  name: Piet\n- id: piet-proef\n  name: Piet 2\n", encoding="utf-8")
    assert messages(fixture_project) == [
        "data/mensen.yml:3: piet-proef.id: id 'piet-proef' komt al voor op regel 1; ids moeten uniek zijn"
    ]


def test_yaml_syntax_error_names_its_line(fixture_project):
    path = fixture_project / "data" / "rollen.yml"
    path.write_text("- id: begeleider\n  title: Begeleider: met dubbele punt\n  description: x\n", encoding="utf-8")
    [message] = messages(fixture_project)
    assert message.startswith("data/rollen.yml:2: YAML-syntaxfout: hier mag geen 'sleutel: waarde' staan")


def test_empty_missing_and_non_utf8_files(fixture_project):
    data = fixture_project / "data"
    (data / "rollen.yml").write_text("", encoding="utf-8")
    (data / "citaten.yml").unlink()
    (data / "mensen.yml").write_bytes("- id: piet-proef\n  name: Pi\xebt\n".encode("latin-1"))
    assert messages(fixture_project) == [
        "data/citaten.yml: bestand ontbreekt",
        "data/mensen.yml:2: bestand is geen UTF-8-tekst; sla het op als UTF-8",
        "data/rollen.yml:1: bestand is leeg",
    ]


def test_duplicate_keys_are_refused(fixture_project):
    path = fixture_project / "data" / "rollen.yml"
    path.write_text("- id: begeleider\n  title: A\n  title: B\n  description: x\n", encoding="utf-8")
    assert messages(fixture_project) == ["data/rollen.yml:3: sleutel 'title' staat twee keer in hetzelfde record"]


def test_all_errors_of_a_run_are_reported_together(fixture_project):
    data = fixture_project / "data"
    (data / "rollen.yml").write_text("- id: begeleider\n  title: B\n", encoding="utf-8")
    (data / "principes.yml").write_text("- id: eerste\n  number: nul\n  title: T\n  short: S\n  explanation: [E]\n",
                                        encoding="utf-8")
    with pytest.raises(DataErrors) as info:
        load(fixture_project)
    assert [str(e) for e in info.value.errors] == [
        "data/principes.yml:2: eerste.number: moet een geheel getal zijn",
        "data/rollen.yml:1: begeleider.description: verplicht veld ontbreekt",
    ]
    assert info.value.report().endswith("2 fouten gevonden; er is niets gepubliceerd.")


def test_top_level_must_be_a_list(fixture_project):
    (fixture_project / "data" / "rollen.yml").write_text("id: begeleider\n", encoding="utf-8")
    assert messages(fixture_project) == [
        "data/rollen.yml:1: moet een lijst van records zijn; elk record begint met '- id: …'"
    ]


def test_cached_load_is_reused_until_a_file_changes(fixture_project):
    import os

    from macros.loader import load_cached

    first = load_cached(fixture_project)
    assert load_cached(fixture_project) is first
    roles = fixture_project / "data" / "rollen.yml"
    roles.write_text(roles.read_text(encoding="utf-8") + "- id: tweede\n  title: Tweede\n  description: x\n",
                     encoding="utf-8")
    os.utime(roles, ns=(roles.stat().st_atime_ns, roles.stat().st_mtime_ns + 1_000_000))
    second = load_cached(fixture_project)
    assert second is not first and [r.id for r in second.data.roles] == ["begeleider", "tweede"]


def test_fast_and_pure_python_yaml_agree_on_values_and_lines(root):
    """Valid files are read with libyaml (fast); the pure-Python loader remains for error messages.
    Both must give the same values, lines and text dates for every data file and story."""
    import yaml

    from macros import reading as loader

    if loader._FastLoader is None:
        pytest.skip("PyYAML zonder libyaml: alleen de Python-lader wordt gebruikt")

    def shape(value):
        if isinstance(value, dict):
            return (value.line, value.key_lines, {k: shape(v) for k, v in value.items()})
        if isinstance(value, list):
            return (value.line, value.item_lines, [shape(v) for v in value])
        return value

    files = sorted((root / "data").rglob("*.yml")) + sorted((root / "docs" / "verhalen" / "posts").glob("*.md"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("---", 2)[1]
        fast = yaml.load(text, Loader=loader._FastLoader)  # noqa: S506
        pure = yaml.load(text, Loader=loader._Loader)  # noqa: S506
        assert shape(fast) == shape(pure), path


def test_make_check_reads_each_file_once(root):
    """One read of the project: every data file, page and story is read once, however many rules
    look at it (make check walked docs/ 11 times and read a page up to 8 times before)."""
    from macros.loader import load_project

    project = load_project(root)
    reads = project.sources.reads
    assert reads and max(reads.values()) == 1, [label for label, n in reads.items() if n > 1]
    docs = project.settings.docs
    expected = {p.relative_to(root).as_posix() for p in (root / "data").rglob("*.yml")}
    expected |= {p.relative_to(root).as_posix() for p in docs.rglob("*.md")}
    assert expected <= set(reads)
