"""A circle that is not IPO: its own colours everywhere (site, print edition, share cards) and circles
whose names have accents and signs ('Café Oost', 'Zeeland & Zuid'), whose story lists the blog
publishes at the addresses Material makes of those names, each with a title and description of its
own. Built from the fixture harvest with those changes, through the one pipeline."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image

from macros import load_project, sharecards
from macros.page_macros import pdf_name
from macros.routes import Routes
from sitebuild import build_site, copy_fixture

PURPLE = "#6a1b6e"
IPO_GREEN = "#1b5e3b"
OWN_COLOUR = "#0b5563"

ZEELAND = """
- id: zeeland-zuid
  name: Kring Zeeland en Zuid
  category: Zeeland & Zuid
  kind: werkgroep
  summary: Een tweede kring om te testen.
  aim: Samen leren testen, in het zuiden.
  started: "2024"
  next: De kring stopt.
  color: "{colour}"
"""


@pytest.fixture(scope="module")
def circle(tmp_path_factory):
    project = copy_fixture(tmp_path_factory.mktemp("kring") / "project")
    config = project / "mkdocs.yml"
    config.write_text((config.read_text(encoding="utf-8") + f'\nextra:\n  identity:\n    colors:\n      primary: "{PURPLE}"\n').replace(
        "      - Proefkring: leerkringen/proefkring.md\n",
        "      - Café Oost: leerkringen/proefkring.md\n      - Zeeland & Zuid: leerkringen/zeeland-zuid.md\n"),
        encoding="utf-8")
    circles = project / "data" / "leerkringen.yml"
    circles.write_text(circles.read_text(encoding="utf-8").replace("category: Proefkring", "category: Café Oost")
                       + ZEELAND.format(colour=OWN_COLOUR), encoding="utf-8")
    (project / "docs" / "leerkringen" / "zeeland-zuid.md").write_text(
        '# Kring Zeeland en Zuid\n\n## Verhalen\n\n{{ circle_stories("zeeland-zuid") }}\n', encoding="utf-8")
    posts = project / "docs" / "verhalen" / "posts"
    first = (posts / "eerste-verhaal.md").read_text(encoding="utf-8").replace("[Proefkring]", '["Café Oost"]')
    (posts / "eerste-verhaal.md").write_text(first, encoding="utf-8")
    second = first.replace('"Eerste verhaal"', '"Tweede verhaal"').replace('["Café Oost"]', '["Zeeland & Zuid"]')
    (posts / "tweede-verhaal.md").write_text(second.split("![")[0], encoding="utf-8")
    return project, build_site(project, project / "site")


def test_the_circles_lists_are_where_the_blog_publishes_them_with_their_own_titles(circle):
    project, built = circle
    loaded = load_project(project)
    routes = Routes(loaded.settings)
    assert routes.blog_category("Café Oost").endswith("/café-oost/")
    assert routes.blog_category("Zeeland & Zuid").endswith("/zeeland--zuid/")
    for c in loaded.data.circles:
        url = routes.blog_category(c.category)
        page = built.page(url)   # the page the blog made (it exists at the address routes made)
        assert page.title.get_text() == f"Verhalen uit {c.category} - Proefoogst", url
        assert page.find("meta", attrs={"name": "description"})["content"] == f"Alle verhalen uit {c.name}.", url


def test_the_site_and_the_print_edition_are_in_the_circles_own_colour(circle):
    project, built = circle
    assert f"--ko-primary:{PURPLE}" in (built.dir / "index.html").read_text(encoding="utf-8")
    pdf = built.dir / pdf_name(load_project(project).data)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "3", str(pdf), str(project / "blad")], check=True)
    colours = set()
    for page in sorted(project.glob("blad-*.png")):
        with Image.open(page) as image:
            colours |= {"#%02x%02x%02x" % rgb for _count, rgb in image.convert("RGB").getcolors(1_000_000)}
    assert PURPLE in colours and IPO_GREEN not in colours


def test_share_cards_are_drawn_in_the_colour_of_the_site_and_of_each_circle(circle):
    project, _ = circle
    loaded = load_project(project)
    cards = sharecards.cards(loaded.settings, loaded.data)
    assert cards["site"]["color"] == PURPLE
    assert cards["zeeland-zuid"]["color"] == OWN_COLOUR
    assert cards["proefkring"]["color"] == PURPLE   # no colour of its own: the site's
    html = str(sharecards.Templates(project, loaded.data.strings).render(
        "ko/share-card.html", accent=sharecards.ACCENT, **cards["zeeland-zuid"]))
    assert f"background:{OWN_COLOUR}" in html and "Kring Zeeland en Zuid" in html
