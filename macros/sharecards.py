"""Drawing the share images with headless Chromium (`make deelbeelden`): a tool for the people who
change a circle's name or colours, not a step of the build (it needs Playwright, a test dependency)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from .errors import DataErrors
from .loader import load_project
from .settings import Settings
from .share import SHARE_DIR
from .sitedata import SiteData
from .templates import Templates


# The yellow edge of every share card: the publication's accent beside the circle's own colour.
ACCENT = "#f2d45c"


def cards(settings: Settings, data: SiteData) -> dict[str, dict[str, str]]:
    """The cards to draw, by file name: the site's on its primary colour, each circle's on its own
    colour (data/leerkringen.yml color) or, without one, on the primary colour."""
    primary = settings.identity.colors.primary
    found = {"site": {"title": data.site.title, "subtitle": data.site.subtitle, "color": primary}}
    found.update({c.id: {"title": c.name, "subtitle": data.site.title, "color": c.color or primary}
                  for c in data.circles})
    return found


def make_images(root: Path, settings: Settings, data: SiteData, chromium: str) -> list[Path]:
    """Draw the site image and one per circle (ko/share-card.html) with headless Chromium."""
    tpl = Templates(root, data.strings)
    out = root / SHARE_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        for key, card in cards(settings, data).items():
            page.set_content(str(tpl.render("ko/share-card.html", accent=ACCENT, **card)))
            target = out / f"{key}.png"
            page.screenshot(path=str(target))
            written.append(target)
        browser.close()
    return written


def main(root: Path = Path(".")) -> int:
    """make deelbeelden: draw the share images (site + one per circle) into docs/assets/delen/."""
    try:
        project = load_project(root)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        print("Fout: Chromium niet gevonden; installeer het (apt-get install chromium) of zet CHROMIUM=/pad.",
              file=sys.stderr)
        return 1
    for path in make_images(project.root, project.settings, project.data, chromium):
        print(path.relative_to(project.root).as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main())
