"""The package's structure: no import cycles, every import at the top of its module, and everything
the build imports installed by the site's own dependencies (not only by the tests')."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "macros"
PYPROJECT = PACKAGE.parent / "pyproject.toml"
# The command line tools that are not part of a build: `make deelbeelden` draws images with
# Playwright, and `make lettertype` cuts the display face; both install the test dependencies.
TOOLS = {"sharecards", "lettertype"}


def modules() -> dict[str, ast.Module]:
    return {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.glob("*.py"))}


def imports(tree: ast.Module) -> tuple[set[str], set[str]]:
    """(modules of this package, third-party top-level names) that a module imports."""
    own, other = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                own.add(node.module.split(".")[0])
            else:
                own.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            other.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            other.update(alias.name.split(".")[0] for alias in node.names)
    return own, other - set(sys.stdlib_module_names) - {"macros"}


def graph() -> dict[str, set[str]]:
    return {name: imports(tree)[0] - {"__init__"} for name, tree in modules().items() if name != "__init__"}


def test_the_package_has_no_import_cycles():
    edges = graph()
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(name: str) -> None:
        state[name] = "busy"
        path.append(name)
        for target in sorted(edges.get(name, ())):
            assert state.get(target) != "busy", "importcyclus: " + " → ".join(path[path.index(target):] + [target])
            if target not in state:
                visit(target)
        path.pop()
        state[name] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name)


def test_every_import_is_at_the_top_of_its_module():
    """No imports inside functions: what a module needs shows in its head. (The package's __init__
    has one documented exception: Zensical executes it as a file, without the package.)"""
    for name, tree in modules().items():
        if name == "__init__":
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inner = [n for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
                assert not inner, f"macros/{name}.py: import in functie {node.name}() op regel {inner[0].lineno}"


def _dependencies() -> set[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return {re.split(r"[\[<>=!~ ;]", spec, maxsplit=1)[0].lower().replace("_", "-")
            for spec in project["dependencies"]}


def test_what_a_build_imports_is_installed_by_the_sites_own_dependencies():
    """The failure of a fresh clone (bs4 only in the test extras, needed by the print step) can not
    come back: every third-party import of the package, tools aside, is a main dependency."""
    main = _dependencies()
    distributions = packages_distributions()
    missing = []
    for name, tree in modules().items():
        if name in TOOLS:
            continue
        for package in sorted(imports(tree)[1]):
            provided_by = {d.lower().replace("_", "-") for d in distributions.get(package, [package])}
            if not provided_by & main:
                missing.append(f"macros/{name}.py importeert {package} ({', '.join(sorted(provided_by))})")
    assert missing == []


def test_the_tool_modules_are_not_imported_by_the_build():
    reachable: set[str] = set()
    todo = ["cli", "build", "adapter"]
    edges = graph()
    while todo:
        name = todo.pop()
        if name not in reachable:
            reachable.add(name)
            todo += sorted(edges.get(name, ()))
    assert not reachable & TOOLS


# The elements the engine's components are made of; a string in the package that opens one of them
# is markup written in Python, which belongs in a template (overrides/ko/).
_ELEMENT = re.compile(r"<(?:p|div|span|a|ul|ol|li|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|caption|section|"
                      r"article|nav|aside|figure|figcaption|blockquote|cite|q|svg|abbr|time|strong|em|br|style|"
                      r"meta|link|title|html|head|body|img)[\s>/]")


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def test_no_html_is_written_in_python():
    """Python prepares, templates write HTML: no string in macros/ opens an HTML element (patterns
    that read HTML, in re.compile, aside)."""
    written = []
    for name, tree in modules().items():
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "compile":
                skip |= {id(n) for n in ast.walk(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip \
                    and _ELEMENT.search(node.value):
                written.append(f"macros/{name}.py:{node.lineno}: {node.value[:60]!r}")
    assert written == []
