"""The real content in data/ and docs/: valid, complete, consistent, free of known OCR errors."""

from macros.loader import check


def test_real_content_has_no_errors(root):
    assert [str(e) for e in check(root)] == []


# The rules that used to be asserted here (core records, numbering, a page per circle, goals and
# circles that point at each other, ids in macro calls) are validation now (macros/validation.py):
# `make check` reports them with file and line, and tests/fixtures/ongeldig/ proves each one.


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
