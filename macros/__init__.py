"""Kennis oogsten: the harvest engine as a plain Python package.

    settings.py   mkdocs.yml (and the engine base it INHERITs) → one typed Settings
    reading.py    files → YAML with lines, front matter
    validation.py every content rule, Dutch `file:line: field: message`
    sitedata.py   the validated records and their queries (no I/O, no addresses)
    loader.py     orchestration and its cache → Project(settings, data)
    routes.py     every address of the site
    render.py     records → HTML; page_macros.py the macros pages call; adapter.py binds them
    generate.py   derived files (.afgeleid.yml, blog authors, JSON schema)
    build.py      the pipeline: derived files → MkDocs or Zensical → search index → PDF → swap
    cli.py        the commands behind `make`
"""

import sys as _sys

if __name__ in _sys.modules:  # imported as a package (mkdocs-macros, tests, `python -m macros`)
    from .adapter import define_env, on_post_build
    from .errors import DataErrors
    from .loader import Project, load, load_project
    from .routes import base_for
    from .sitedata import SiteData
else:  # Zensical's macros extension executes this file without registering it: import the package.
    import importlib as _importlib
    from pathlib import Path as _Path

    _sys.path.insert(0, str(_Path(__file__).resolve().parent.parent))
    define_env = _importlib.import_module("macros.adapter").define_env
    on_post_build = _importlib.import_module("macros.adapter").on_post_build

__all__ = ["base_for", "define_env", "on_post_build", "load", "load_project", "Project", "SiteData", "DataErrors"]
