"""Sharing: one image per circle (and one for the site) for Open Graph and Twitter cards.

The images are made once with `make deelbeelden` (headless Chromium draws the name in the
circle's colour) and kept in docs/assets/delen/; the build only chooses the right one per page,
so a build needs no browser and no third party ever serves them.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from .loader import SiteData

SHARE_DIR = Path("docs/assets/delen")


def image_for(root: Path, data: SiteData, key: str) -> str:
    """Path (from the site root) of the share image for `key` (a circle id), or the site's own."""
    own = root / SHARE_DIR / f"{key}.png"
    return f"assets/delen/{key}.png" if own.is_file() else "assets/delen/site.png"


def page_images(root: Path, data: SiteData) -> dict[str, str]:
    """page URL → share image, for circle pages and stories (others use the site image)."""
    images = {f"leerkringen/{c.id}/": image_for(root, data, c.id) for c in data.circles}
    for post in data.stories:
        circles = data.circles_of(post)
        images[post.url] = image_for(root, data, circles[0].id) if circles else image_for(root, data, "site")
    return images


def story_dates(data: SiteData) -> dict[str, str]:
    return {post.url: post.meta.date.isoformat() for post in data.stories}


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


def make_images(root: Path, data: SiteData, chromium: str) -> list[Path]:
    """Draw the site image and one per circle with headless Chromium; return the files written."""
    from playwright.sync_api import sync_playwright

    color = data.identity.colors.primary
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

