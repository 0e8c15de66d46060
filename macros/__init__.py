"""Kennis oogsten: the harvest engine as a plain Python package (see macros/adapter.py)."""

import sys as _sys

if __name__ in _sys.modules:  # imported as a package (mkdocs-macros, tests, `python -m macros`)
    from .adapter import base_for, define_env, register
    from .errors import DataErrors
    from .loader import SiteData, load
else:  # Zensical's macros extension executes this file without registering it: import the package.
    import importlib as _importlib
    from pathlib import Path as _Path

    _sys.path.insert(0, str(_Path(__file__).resolve().parent.parent))
    define_env = _importlib.import_module("macros.adapter").define_env

__all__ = ["base_for", "define_env", "register", "load", "SiteData", "DataErrors"]
