"""The self-hosted display face: the committed WOFF2 files are what `make lettertype` makes from the
pinned package (a newer package or another subset shows up here), and they are small."""

from macros import lettertype


def test_committed_fonts_are_current(root):
    for name, data in lettertype.expected().items():
        committed = (root / lettertype.FONTS_DIR / name).read_bytes()
        assert committed == data, f"{name} is verouderd: voer 'make lettertype' uit"


def test_fonts_are_small_and_cover_dutch(root):
    from fontTools.ttLib import TTFont

    for name in lettertype.CUTS:
        path = root / lettertype.FONTS_DIR / name
        assert path.stat().st_size < 30_000, name
        cmap = TTFont(str(path)).getBestCmap()
        for char in "aëéïöüÉ‘’“”–—…€":
            assert ord(char) in cmap, (name, char)


def test_the_stylesheet_loads_them_from_this_site(root):
    css = (root / "overrides" / "assets" / "stylesheets" / "kennis-oogsten.css").read_text(encoding="utf-8")
    for name in lettertype.CUTS:
        assert f'url("../fonts/{name}") format("woff2")' in css, name
    assert "https://" not in css and "//fonts." not in css
