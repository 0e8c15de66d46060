"""Drawing the share images with headless Chromium (`make deelbeelden`): a tool for the people who
change a circle's name or colours, not a step of the build (it needs Playwright, a test dependency)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from markupsafe import escape
from playwright.sync_api import sync_playwright

from .errors import DataErrors
from .loader import load_project
from .settings import Settings
from .share import SHARE_DIR
from .sitedata import SiteData


def card_html(title: str, subtitle: str, color: str) -> str:
    return (
        "<!doctype html><html lang='nl'><body style='margin:0'>"
        f"<div style='box-sizing:border-box;width:1200px;height:630px;padding:0 90px;background:{color};"
        "color:#fff;font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;display:flex;"
        "flex-direction:column;justify-content:center;border-left:40px solid #f2d45c'>"
        f"<div style='font-size:68px;font-weight:700;line-height:1.12'>{escape(title)}</div>"
        f"<div style='font-size:34px;margin-top:34px;line-height:1.3'>{escape(subtitle)}</div>"
        "</div></body></html>"
    )


def make_images(root: Path, settings: Settings, data: SiteData, chromium: str) -> list[Path]:
    """Draw the site image and one per circle with headless Chromium; return the files written."""
    color = settings.identity.colors.primary
    cards = {"site": (data.site.title, data.site.subtitle)}
    cards.update({c.id: (c.name, data.site.title) for c in data.circles})
    out = root / SHARE_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        for key, (title, subtitle) in cards.items():
            page.set_content(card_html(title, subtitle, color))
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
