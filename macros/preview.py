"""The preview of a pull request, for an editor: the built site, made to open from disk.

The site uses folder addresses (`leerreis/tijdlijn/`), which a web server turns into
`leerreis/tijdlijn/index.html`; a browser that opens files shows a folder listing instead. The preview
copies the built site and writes every link between its pages out in full (`…/index.html`), so a
double-click on `index.html` opens a site to browse, the new story and its photos included. Search
needs a web server and says so; the published site is never changed by this step.

`python -m macros voorbeeld-site` (make voorbeeld-site), after make site.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

_LINK = re.compile(r'(\s(?:href|action)=")([^"]*)(")')
README = """Voorbeeld van de site
=====================

Open index.html in deze map met een dubbelklik: de site opent in je browser en je kunt erin
rondklikken, je nieuwe verhaal en de foto's erbij. Zoeken werkt alleen op de echte site (dat vraagt
een webserver); de rest is gelijk aan wat er gepubliceerd wordt.
"""


def offline_href(href: str, page: Path, site: Path) -> str:
    """A link as a browser that opens files needs it: a folder address gets its index.html."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "/", "mailto:", "data:", "javascript:")):
        return href
    path = parts.path
    if not path:
        return href
    if path.endswith("/"):
        path += "index.html"
    elif path in (".", "..") or path.endswith(("/.", "/..")):
        path += "/index.html"
    elif (page.parent / path).is_dir():
        path += "/index.html"
    else:
        return href
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def make_offline(site: Path, target: Path) -> int:
    """Copy `site` to `target` with every link between pages written out; return the pages changed."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site, target)
    changed = 0
    for page in target.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = _LINK.sub(lambda m: m.group(1) + offline_href(m.group(2), page, target) + m.group(3), html)
        if new != html:
            page.write_text(new, encoding="utf-8")
            changed += 1
    (target / "LEESMIJ.txt").write_text(README, encoding="utf-8")
    return changed
