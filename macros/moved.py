"""Addresses that moved (extra.moved in mkdocs.yml): a page at every old address that sends the reader
on to where the content is now (overrides/ko/moved.html), written after the builder, for both builders
and in the live preview, so old links and bookmarks keep working."""

from __future__ import annotations

from pathlib import Path

from . import routes
from .context import Context


def write(ctx: Context, site: Path) -> list[str]:
    """Write the page of every moved address into the built `site`; returns the addresses."""
    written = []
    for old, target in routes.moved(ctx.settings):
        path = Path(site) / old / "index.html"
        if path.exists():
            continue  # a page lives there now (make check refuses that; a preview may have it)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(str(ctx.templates.render("ko/moved.html", href=target, site_name=ctx.settings.site_name)),
                        encoding="utf-8")
        written.append(old)
    return written
