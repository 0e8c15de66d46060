"""The build pipeline, the one way a site is made: `make site`, the tests and the benchmark call it.

    read + validate (once) ─► derived files ─► builder (MkDocs or Zensical) ─► feed ─► search index
        ─► editors' page ─► PDF ─► swap

The builder is a parameter: Material for MkDocs ends on 5 May 2027 and Zensical (same team) reads
the same mkdocs.yml, so switching is `make site BOUWER=zensical`. Everything is built into a fresh
folder beside the target and swapped in only when every step succeeded: nothing half-built is
ever published.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from . import adapter, feed, generate, loader, moved, page_macros, pdf, redactie, search, templates
from .errors import DataErrors

BUILDERS = ("mkdocs", "zensical")
ZENSICAL_CONFIG = Path(".zensical.yml")
ZENSICAL_BIN = Path(".venv-zensical/bin/zensical")


class BuildError(Exception):
    """The build stopped; the message is Dutch and says what to do."""


@dataclass
class BuildResult:
    site: Path
    builder: str
    warnings: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per step: lezen, pagina's, zoekindex, pdf
    unfinished: list = field(default_factory=list)  # 'VUL IN' left (a preview may have them)

    def timings(self) -> str:
        """'Tijden: lezen 0,4 s · pagina's 4,0 s · …' (the benchmark reads this line)."""
        return "Tijden: " + " · ".join(f"{step} {s:.2f} s".replace(".", ",") for step, s in self.seconds.items())


class _Collect(logging.Handler):
    """MkDocs' warnings, printed as they come (with a Dutch prefix) and kept for the result."""

    def __init__(self, say: Callable[[str], None]) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        self.say = say

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.messages.append(message)
        self.say(f"Waarschuwing van MkDocs: {message}")


def _with_mkdocs(config_file: Path, staging: Path, say: Callable[[str], None]) -> list[str]:
    """MkDocs in this process, strictly (a warning stops the build), so the macros take the data
    from the loader's cache instead of reading it again."""
    handler = _Collect(say)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    cwd = os.getcwd()
    try:
        os.chdir(config_file.parent)
        config = load_config(str(config_file), strict=True, site_dir=str(staging))
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort as exc:
        raise BuildError(f"MkDocs stopte na {len(handler.messages)} waarschuwing(en) (zie hierboven): "
                         "de site is streng gebouwd en elke waarschuwing telt als fout.") from exc
    except (ConfigurationError, PluginError) as exc:
        raise BuildError(f"MkDocs kon niet bouwen: {exc}") from exc
    except Exception as exc:  # a plugin's own error: say where it came from, in one line
        raise BuildError(f"MkDocs stopte met een fout ({type(exc).__name__}): {exc}") from exc
    finally:
        os.chdir(cwd)
        logger.removeHandler(handler)
    return handler.messages


def _with_zensical(root: Path, config_file: Path, staging: Path) -> list[str]:
    """Zensical in its own environment (it needs newer versions of some packages than
    mkdocs-macros allows), reading the same generated configuration."""
    binary = Path(os.environ.get("ZENSICAL") or root / ZENSICAL_BIN)
    if not binary.is_file():
        raise BuildError(f"Zensical is niet geïnstalleerd ({binary} ontbreekt); 'make site BOUWER=zensical' "
                         "installeert het.")
    wrapper = root / ZENSICAL_CONFIG
    wrapper.write_text("# Gegenereerd door de bouwstap; niet bewerken.\n"
                       f"INHERIT: {config_file.name}\nsite_dir: {staging}\n", encoding="utf-8")
    result = subprocess.run([str(binary), "build", "--clean", "-f", str(wrapper)], cwd=root,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError("Zensical kon niet bouwen:\n" + (result.stderr or result.stdout).strip()[-3000:])
    return [line for line in result.stderr.splitlines() if "warning" in line.lower()]


def build(root: Path | str, builder: str = "mkdocs", out: Path | str | None = None,
          say: Callable[[str], None] = print, with_pdf: bool = True, publish: bool = False) -> BuildResult:
    """Build the whole site of the project at `root` into `out` (default: site/): pages, search
    index and PDF. Raises DataErrors for content errors, BuildError for anything else.
    `publish` (CI): what is not finished ('VUL IN') is an error, not a warning.
    `with_pdf=False` is for the benchmark only: a site without its print edition is never published."""
    if builder not in BUILDERS:
        raise BuildError(f"onbekende bouwer '{builder}'; kies uit: {', '.join(BUILDERS)}")
    root = Path(root).resolve()
    target = Path(out).resolve() if out else root / "site"
    result = BuildResult(target, builder)
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.seconds[step] = now - clock
        clock = now

    project = loader.load_cached(root)   # read and validated once; the macros reuse it
    result.unfinished = loader.unfinished(project)
    if publish and result.unfinished:
        raise DataErrors(result.unfinished)
    ctx = page_macros.context(project.settings, project.data)
    config_file = generate.write_derived(ctx)
    lap("lezen")
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    os.environ[adapter.PIPELINE] = "1"   # the index is made below, once, for both builders
    try:
        if builder == "mkdocs":
            result.warnings = _with_mkdocs(config_file, staging, say)
        else:
            result.warnings = _with_zensical(root, config_file, staging)
            # Zensical 0.0.x writes its own index even with plugins.search.enabled: false; no page
            # asks for it (its search dialog is off): one search, Pagefind's, on both builders.
            (staging / "search.json").unlink(missing_ok=True)
    finally:
        os.environ.pop(adapter.PIPELINE, None)
    templates.remove_from_site(staging)
    moved.write(ctx, staging)
    lap("pagina's")
    pages_s = result.seconds["pagina's"]
    result.steps.append(f"Pagina's gebouwd met {builder} ({pages_s:.1f} s).")
    say(result.steps[-1])
    def step(run: Callable[[], str | None], error: type[Exception]) -> None:
        """One step after the builder: its Dutch summary (if any) said and kept; its error stops the build."""
        try:
            summary = run()
        except error as exc:
            raise BuildError(str(exc)) from exc
        if summary:
            result.steps.append(summary)
            say(summary)

    step(lambda: feed.tidy(ctx, staging), feed.FeedError)
    step(lambda: search.build_index(staging), search.SearchIndexError)
    lap("zoekindex")
    step(lambda: redactie.write(ctx, staging), redactie.VendorError)
    if with_pdf:
        try:
            result.steps.append(pdf.build(ctx, staging))
        except pdf.PdfUnavailable as exc:
            raise BuildError(f"de pdf kan hier niet gemaakt worden: {exc}") from exc
        lap("pdf")
        say(result.steps[-1])
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return result


__all__ = ["BUILDERS", "BuildError", "BuildResult", "DataErrors", "build"]
