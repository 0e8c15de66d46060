"""The real content in data/ and docs/: valid, complete, consistent, free of known OCR errors."""

from macros.loader import check


def test_real_content_has_no_errors(root):
    assert [str(e) for e in check(root)] == []


# The rules that used to be asserted here (core records, numbering, a page per circle, goals and
# circles that point at each other, ids in macro calls) are validation now (macros/validation.py):
# `make check` reports them with file and line, and tests/fixtures/ongeldig/ proves each one.
#
# Known reading (OCR) errors of the source (DIGEST, section 4) are refused by `make check` too: they
# are listed with their right form under extra.check.forbidden in this harvest's mkdocs.yml
# (tests/fixtures/ongeldig/bekende-fout proves the rule). The list is the harvest's own content,
# so a circle made from this engine starts with none.
