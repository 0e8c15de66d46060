"""A circle's visual identity: colours from its mkdocs.yml, checked for WCAG AA contrast.

The colours become CSS custom properties in every page's <head> and in the print edition
(overrides/ko/identity.html). Only validated #rrggbb values ever reach the stylesheet.
"""

from __future__ import annotations


from pydantic import Field, model_validator

from .contrast import AA, SLATE, WHITE, HexColor, contrast, luminance  # noqa: F401  (re-exported)
from .models import Record


def mix(a: str, b: str, weight: float) -> str:
    """`weight` of colour a with the rest of colour b."""
    parts = [round(int(a[i:i + 2], 16) * weight + int(b[i:i + 2], 16) * (1 - weight)) for i in (1, 3, 5)]
    return "#" + "".join(f"{p:02x}" for p in parts)


def _ratio(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


class Colors(Record):
    primary: HexColor = Field(default="#1b5e3b", description="Kopbalk, knoppen en links in de lichte weergave")
    link_dark: HexColor = Field(default="#8fd6ab", description="Links in de donkere weergave")

    @model_validator(mode="after")
    def _readable(self) -> "Colors":
        problems = []
        ratio = contrast(self.primary, WHITE)
        if ratio < AA:
            problems.append(f"primary {self.primary} heeft met wit een contrast van {_ratio(ratio)}:1; "
                            f"minstens 4,5:1 is nodig (kies een donkerdere kleur)")
        ratio = contrast(self.link_dark, SLATE)
        if ratio < AA:
            problems.append(f"link_dark {self.link_dark} heeft met de donkere achtergrond een contrast van "
                            f"{_ratio(ratio)}:1; minstens 4,5:1 is nodig (kies een lichtere kleur)")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Identity(Record):
    colors: Colors = Field(default_factory=Colors)


def properties(identity: Identity) -> dict[str, list[list[str]]]:
    """The custom properties the theme layer and the print edition read, for light and dark, as
    (name, value) pairs; overrides/ko/identity.html writes them."""
    c = identity.colors
    light = {
        "--ko-primary": c.primary,
        "--ko-primary-dark": mix(c.primary, "#000000", 0.75),
        "--ko-primary-light": mix(c.primary, WHITE, 0.8),
        "--ko-tint": mix(c.primary, WHITE, 0.1),
        "--ko-link": c.primary,
    }
    dark = {"--ko-tint": mix(c.primary, SLATE, 0.3), "--ko-link": c.link_dark}
    return {"light": [[k, v] for k, v in light.items()], "dark": [[k, v] for k, v in dark.items()]}
