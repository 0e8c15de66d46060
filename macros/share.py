"""Sharing: one image per circle (and one for the site) for Open Graph and Twitter cards.

The images are made once with `make deelbeelden` (headless Chromium draws the name in the
circle's colour) and kept in docs/assets/delen/; the build only chooses the right one per page,
so a build needs no browser and no third party ever serves them.
"""

from __future__ import annotations

from pathlib import Path

from .routes import Routes
from .sitedata import SiteData

SHARE_DIR = Path("docs/assets/delen")


def image_for(root: Path, data: SiteData, key: str) -> str:
    """Path (from the site root) of the share image for `key` (a circle id), or the site's own."""
    own = root / SHARE_DIR / f"{key}.png"
    return f"assets/delen/{key}.png" if own.is_file() else "assets/delen/site.png"


def page_images(root: Path, data: SiteData, routes: Routes) -> dict[str, str]:
    """page URL → share image, for the circle pages (others use the site image)."""
    return {routes.circle(c.id): image_for(root, data, c.id) for c in data.circles}


def category_images(root: Path, data: SiteData) -> dict[str, str]:
    """A story's circle (its first category) → share image: a story shares with its circle's image."""
    return {c.category: image_for(root, data, c.id) for c in data.circles}
