"""Colours: the #rrggbb type and WCAG contrast. The models (a circle's colour) and the identity (the
harvest's colours) both use it; it imports neither.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, StringConstraints

HexColor = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"), AfterValidator(str.lower)]
WHITE = "#ffffff"
# Material's dark ('slate') page background: hsl(232, 15%, 14%).
SLATE = "#1e2029"
AA = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
