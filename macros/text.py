"""Small text helpers shared by the package (no I/O)."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """A file name from a title: 'Één kring, twee lessen!' → 'een-kring-twee-lessen'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
