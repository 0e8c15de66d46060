"""The display face of the site, self-hosted: Source Serif Pro (SIL Open Font License 1.1), from the
PyPI package font-source-serif-pro, cut down to the characters Dutch text needs and written as WOFF2
into overrides/assets/fonts/ (no request to any other host). `make lettertype` writes the files; a
test checks that the committed files are what this module makes from the pinned package. A tool,
not part of a build (`python -m macros.lettertype`; the package comes with the test dependencies).

Two cuts: semibold for headings, the hero and key figures; italic for pull quotes. Body text keeps
the system's sans-serif (engine CSS).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import font_source_serif_pro
from fontTools import subset as ft_subset
from fontTools.ttLib import TTFont

FONTS_DIR = Path("overrides/assets/fonts")
# Basic Latin, Latin-1 (ë, é, ï, ü…) and typographic punctuation: dashes,
# quotes, ellipsis, bullet, euro sign, non-breaking and thin spaces.
UNICODES = ([*range(0x20, 0x7F), *range(0xA0, 0x100), 0x2009, 0x200A, 0x202F]
            + [*range(0x2010, 0x2027), 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122])
CUTS = {
    "ko-display-600.woff2": "SourceSerifPro-Semibold.otf",
    "ko-display-400-italic.woff2": "SourceSerifPro-It.otf",
}
LICENSE = "OFL.txt"


def _package_files() -> Path:
    return Path(font_source_serif_pro.__file__).parent / "files"


def subset(source: Path) -> bytes:
    """The WOFF2 subset of one font file: same input, same bytes."""
    options = ft_subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "lnum", "tnum"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    font = TTFont(str(source), recalcTimestamp=False)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=False)
    return out.getvalue()


def expected() -> dict[str, bytes]:
    files = _package_files()
    result = {name: subset(files / source) for name, source in CUTS.items()}
    result[LICENSE] = (files / "LICENSE.txt").read_bytes()
    return result


def write(root: Path) -> list[str]:
    target = root / FONTS_DIR
    target.mkdir(parents=True, exist_ok=True)
    lines = []
    for name, data in expected().items():
        (target / name).write_bytes(data)
        lines.append(f"{FONTS_DIR / name}: {len(data) / 1024:.1f} kB")
    return lines


if __name__ == "__main__":
    for written in write(Path.cwd()):
        print(written)
    sys.exit(0)
