"""The adapter: the only code that knows the macros plugin (mkdocs-macros, or Zensical's macros
extension, which offers the same `env`). It takes the project from the loader's cache (read and
validated once per build) and binds the plain functions of `page_macros` to the page being rendered.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, Callable

from . import generate, moved, page_macros, redactie, search, templates
from .errors import DataErrors
from .loader import load_cached

try:  # MkDocs' error type, so `mkdocs build` stops with our message; Zensical has no MkDocs
    from mkdocs.exceptions import PluginError
except ImportError:  # pragma: no cover - Zensical's environment
    PluginError = RuntimeError  # type: ignore[misc,assignment]


def _page_url(env: Any) -> str:
    """Where the links a macro writes are relative to. mkdocs-macros keeps the page in env.variables,
    and MkDocs leaves links in HTML as they are: the page's address. Zensical's env has it as env.page
    (with its source as `path`), and Zensical reads a relative link in HTML as relative to the source
    file, as Markdown links are: the source's folder ('leerkringen/x.md' → 'leerkringen/')."""
    page = env.variables.get("page") or getattr(env, "page", None)
    source = getattr(page, "path", None)
    if isinstance(source, str) and source.endswith(".md"):
        folder = source.rsplit("/", 1)[0] + "/" if "/" in source else ""
        return folder
    return getattr(page, "url", "") or ""


def bind(env: Any, ctx: page_macros.Context, function: Callable[..., Any]) -> Callable[..., Any]:
    """The macro as a page calls it: the context and the page's routes come first; abbreviations
    in what it renders get their tooltip."""

    @functools.wraps(function)
    def macro(*args: Any, **kwargs: Any) -> str:
        html = function(ctx, ctx.routes.at(_page_url(env)), *args, **kwargs)
        return ctx.abbreviate(html)

    return macro


def define_env(env: Any) -> None:
    """Macros entry point: the validated project, then every macro."""
    try:
        project = load_cached(Path(env.project_dir))
    except DataErrors as exc:
        raise PluginError("De inhoud is niet geldig:\n" + exc.report()) from None
    ctx = page_macros.context(project.settings, project.data)
    # The blog's authors file, before the blog plugin reads it (macros comes first in the engine's
    # plugins): a plain `mkdocs build` needs nothing generated beforehand. Written only when changed.
    generate.write_if_changed(project.root / project.settings.authors_file, generate.authors_yaml(ctx))
    # The same values as in the generated layer (.afgeleid.yml); set here too, so that a plain
    # `mkdocs build` or `make serve` shows them fresh after each edit.
    env.conf.setdefault("extra", {})
    env.conf["extra"].update(generate.template_values(ctx))
    for name, function in page_macros.MACROS.items():
        env.macro(bind(env, ctx, function), name)


# Set by the build pipeline (build.py), which indexes the site itself, after the feed, for both builders.
PIPELINE = "KO_BOUWSTRAAT"


def on_post_build(env: Any) -> None:
    """After every (re)build of `make serve` or a plain `mkdocs build`: the search index, so that search
    works in the preview too. The pipeline (`make site`) indexes once itself."""
    templates.remove_from_site(Path(env.conf["site_dir"]))
    if os.environ.get(PIPELINE):
        return
    project = load_cached(Path(env.project_dir))
    ctx = page_macros.context(project.settings, project.data)
    moved.write(ctx, Path(env.conf["site_dir"]))
    try:
        redactie.write(ctx, Path(env.conf["site_dir"]))
    except redactie.VendorError as exc:
        raise PluginError(str(exc)) from None
    try:
        search.build_index(Path(env.conf["site_dir"]))
    except search.SearchIndexError as exc:
        raise PluginError(f"De zoekindex kon niet gemaakt worden: {exc}") from None
