"""The Dutch report on a pull request: passed or not, the first error with file and line, the pages."""

from macros import settings as settings_module
from macros.prverslag import first_error, pages_for, report
from sitebuild import ROOT

SETTINGS = settings_module.read(ROOT, [])
FAILED = """docs/verhalen/posts/op-bezoek.md:3: date: '12-03-2025' staat in de Nederlandse volgorde; schrijf jaar-maand-dag: 2025-03-12
docs/verhalen/posts/op-bezoek.md:5: categories[1]: 'gebied-centraal' is de id; schrijf hier de naam: Gebied Centraal

2 fouten gevonden. Herstel ze en voer 'make check' opnieuw uit.
"""


def test_the_first_error_is_quoted_with_its_file_and_line():
    count, first = first_error(FAILED)
    assert count == 2 and first.startswith("docs/verhalen/posts/op-bezoek.md:3: date:")
    text = report(SETTINGS, FAILED, False, [])
    assert "**Niet geslaagd: 2 fouten.** De eerste:" in text and first in text


def test_changed_files_are_named_with_the_page_a_reader_sees():
    lines = pages_for(SETTINGS, ["docs/verhalen/posts/op-bezoek.md", "docs/verhalen/posts/veld.jpg",
                                 "docs/leerreis/tijdlijn.md", "data/leerkringen.yml", "Makefile"])
    assert lines == [
        "- `Makefile` (geen pagina; techniek of instellingen)",
        "- gegevens `data/leerkringen.yml` (alle pagina's die deze gegevens tonen)",
        "- pagina `docs/leerreis/tijdlijn.md` → `/leerreis/tijdlijn/`",
        "- verhaal `docs/verhalen/posts/op-bezoek.md` → `/verhalen/op-bezoek/`",
        "- foto `docs/verhalen/posts/veld.jpg`",
    ]


def test_a_passed_check_links_the_preview():
    text = report(SETTINGS, "Alles in orde", True, [], "https://github.com/x/y/actions/runs/1/artifacts/2")
    assert text.startswith("### Controle van deze pull request\n\n**Geslaagd.**")
    assert "[download de voorbeeldsite](https://github.com/x/y/actions/runs/1/artifacts/2)" in text
    assert "dubbelklik op `index.html`" in text
