"""Identity colours: WCAG contrast maths and the CSS that carries them."""

import pytest

from macros.identity import SLATE, WHITE, Colors, Identity, contrast, mix, properties
from macros.templates import Templates, strings


@pytest.mark.parametrize(("a", "b", "expected"), [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0),
                                                  ("#767676", "#ffffff", 4.54)])
def test_contrast_matches_wcag(a, b, expected):
    assert contrast(a, b) == pytest.approx(expected, abs=0.01)


def test_default_colours_meet_aa():
    colors = Colors()
    assert contrast(colors.primary, WHITE) >= 4.5
    assert contrast(colors.link_dark, SLATE) >= 4.5


def test_css_only_carries_validated_hex_values():
    out = str(Templates(None, strings()).render("ko/identity.html",
                                                 colors=properties(Identity(colors=Colors(primary="#1B5E3B")))))
    assert out.startswith("<style>:root{--ko-primary:#1b5e3b;")
    assert out.endswith('}[data-md-color-scheme="slate"]{--ko-tint:#1d332e;--ko-link:#8fd6ab}</style>')
    assert "--ko-link:#8fd6ab" in out
    with pytest.raises(ValueError):
        Colors(primary="red;}</style><script>")


def test_mix():
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
