"""Command line for editors and CI: `python -m macros check`. Output is Dutch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import check
from .models import COLLECTIONS


def cmd_check(args: argparse.Namespace) -> int:
    """Validate all content; print every error as `file:line: field: message`."""
    errors = check(args.root)
    if errors:
        for error in errors:
            print(error, file=sys.stderr)
        noun = "fout" if len(errors) == 1 else "fouten"
        print(f"\n{len(errors)} {noun} gevonden. Herstel ze en voer 'make check' opnieuw uit.", file=sys.stderr)
        return 1
    print(f"Alles in orde: {len(COLLECTIONS)} gegevensbestanden in {args.root / 'data'} zijn geldig.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Kennis oogsten: inhoud controleren en beheren.")
    parser.add_argument("--root", type=Path, default=Path("."), help="map van het project (standaard: huidige map)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    p_check = sub.add_parser("check", help="controleer alle gegevens en verhalen")
    p_check.set_defaults(func=cmd_check)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
