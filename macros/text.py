"""Small text helpers shared by the package (no I/O)."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """A file name from a title: 'Één kring, twee lessen!' → 'een-kring-twee-lessen'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def _folded(text: str) -> str:
    """Lower case without accents: 'Één' → 'een'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def sort_key(text: str) -> tuple[str, str, str]:
    """Dutch dictionary order: letter by letter, upper and lower case alike, accents and punctuation
    left out at first ('(V)RO' as 'vro', 'één' as 'een'), digits before letters; 'IJ' is I then J."""
    folded = _folded(text)
    return re.sub(r"[\W_]+", "", folded), folded, text


DIGITS_AND_SIGNS = "0–9"


def index_letter(text: str) -> str:
    """The letter a text is filed under in an A–Z index: 'ambassadeur' → 'A', 'Één' → 'E', '(V)RO' → 'V';
    a text that starts with a digit (or has no letter a–z first) goes under '0–9'."""
    first = sort_key(text)[0][:1]
    return first.upper() if "a" <= first <= "z" else DIGITS_AND_SIGNS
