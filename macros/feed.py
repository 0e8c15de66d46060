"""The feeds after the builder wrote them (MkDocs' rss plugin or Zensical's own): honest dates and
human labels.

A feed item needs no <pubDate> (RSS 2.0: optional). The plugins give every item one from the story's
`date`; for a story that only has a `dating` ('begin 2025') that day is not known, so its <pubDate> is
removed. The items follow the site's order (newest first; on the same date the publication's own
order), and a theme's id in <category> becomes its title.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from .context import Context
from .routes import FEED_FILE

FEED_FILES = (FEED_FILE, "feed_rss_updated.xml")
# mkdocs-rss-plugin 1.17.9 writes a category as it is ('Zeeland & Zuid'): an '&' that begins no entity
# is escaped before the feed is read (models forbid < and > in the names it writes).
_BARE_AMPERSAND = re.compile(r"&(?!(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")


class FeedError(Exception):
    """The builder wrote a feed that cannot be read (message in Dutch)."""


def _namespaces(text: str) -> None:
    """Keep the feed's own prefixes (atom:, dc:) when it is written back."""
    for _, (prefix, uri) in ET.iterparse(io.BytesIO(text.encode("utf-8")), events=("start-ns",)):
        ET.register_namespace(prefix, uri)


def tidy(ctx: Context, site_dir: Path) -> str | None:
    """Rewrite the feeds in site_dir; returns a Dutch summary, or None when there is no feed."""
    data, routes = ctx.data, ctx.routes
    site_url = (ctx.settings.site_url or "").rstrip("/") + "/"
    stories = data.published_stories()
    position = {site_url + routes.story(p.slug): i for i, p in enumerate(stories)}
    undated = {site_url + routes.story(p.slug) for p in stories if p.meta.dating is not None}
    themes = {t.id: t.title for t in data.themes}
    done = []
    for name in FEED_FILES:
        path = Path(site_dir) / name
        if not path.is_file():
            continue
        text = _BARE_AMPERSAND.sub("&amp;", path.read_text(encoding="utf-8"))
        # What comes before <rss> (the XML declaration, Zensical's stylesheet line) stays as it is.
        head = text[: text.index("<rss")]
        try:
            _namespaces(text)
            root = ET.fromstring(text)
        except ET.ParseError as exc:
            raise FeedError(f"de feed {name} is geen geldige XML (regel {exc.position[0]}); meld dit bij de "
                            "beheerders van de engine") from None
        channel = root.find("channel")
        items = channel.findall("item")
        for item in items:
            link = (item.findtext("link") or "").strip()
            if link in undated:
                for date in item.findall("pubDate"):
                    item.remove(date)
            for category in item.findall("category"):
                category.text = themes.get((category.text or "").strip(), category.text)
        for item in items:
            channel.remove(item)
        items.sort(key=lambda item: position.get((item.findtext("link") or "").strip(), len(position)))
        channel.extend(items)
        body = ET.tostring(root, encoding="unicode")
        path.write_text(head + re.sub(r"\n\s*\n", "\n", body) + "\n", encoding="utf-8")
        done.append(name)
    if not done:
        return None
    return f"Feed bijgewerkt: {len(undated)} verhalen zonder bekende dag hebben geen pubDate ({', '.join(done)})."
