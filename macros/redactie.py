"""The editors' page (/redactie/): Decap CMS, a form in the browser that writes a story as a pull request.

    models.py (Story: labels, help, lengths, patterns) + data/ (circles, people, principles, themes, kinds)
        ─► cms_config()  ─► site/redactie/config.yml   (never typed by hand; a test compares)
    overrides/ko/redactie.html ─► site/redactie/index.html   (Dutch, noindex, no request to another host)

Decap CMS itself is vendored (overrides/assets/redactie/: the files of one pinned release, their
checksums in engine/decap-cms.json, checked at every build), so a fresh clone with only Python, git
and make builds the site with the editors' page. `make redactie-bijwerken VERSIE=x.y.z` fetches another
release through npm (its own configured registry). See adr/0010-redactie-in-de-browser.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from . import generate, identity
from .context import Context
from .models import PEOPLE_DIR, Person, Story
from .templates import ENGINE_OVERRIDES

PAGE_DIR = "redactie"                     # the page's folder in the site: /redactie/
VENDOR = "assets/redactie"                # Decap's files, under the theme's folder and the site
LOCK = Path(__file__).resolve().parent.parent / "engine" / "decap-cms.json"
SCRIPT = "decap-cms.js"
COLLECTION = "verhalen"
PEOPLE_COLLECTION = "mensen"

LOOPBACK = ("localhost", "127.0.0.1")
# The words Decap's Dutch lacks (engine/decap-cms.json lists the keys; overrides/ko/redactie-nl.yml has them).
WORDS = "ko/redactie-nl.yml"

# Front-matter fields the form leaves out, with the reason (a test checks every other field is there).
NOT_IN_FORM = {
    "draft": "de redactionele workflow (concept → wordt beoordeeld → klaar) vervangt een conceptvlag",
}


class VendorError(Exception):
    """Decap's vendored files do not match their checksums (Dutch message)."""


def lock() -> dict:
    return json.loads(LOCK.read_text(encoding="utf-8"))


def verify(folder: Path) -> str:
    """Every vendored file is there and has its recorded checksum; returns the version."""
    pinned = lock()
    wrong = [name for name, digest in pinned["files"].items()
             if not (folder / name).is_file() or _sha256(folder / name) != digest]
    if wrong:
        raise VendorError(f"de bestanden van Decap CMS {pinned['version']} in {folder} kloppen niet met "
                          f"{LOCK.name} ({', '.join(wrong[:5])}{' …' if len(wrong) > 5 else ''}); haal ze opnieuw "
                          "op met 'make redactie-bijwerken'")
    return pinned["version"]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------
# The configuration, from the model and the data
# ---------------------------------------------------------------------------

def _options(pairs: list[tuple[str, str]]) -> list[dict]:
    return [{"label": label, "value": value} for value, label in pairs]


def _length_pattern(spec: dict, label: str) -> list[str] | None:
    """A Decap pattern [regex, Dutch message] from the schema's lengths and forbidden characters."""
    forbidden = spec.get("forbidden", "")
    low, high = spec.get("minLength"), spec.get("maxLength")
    if not (forbidden or high):
        return None
    chars = "[^" + re.escape(forbidden).replace("]", "\\]") + "]" if forbidden else "[\\s\\S]"
    regex = f"^{chars}{{{low or 0},{high or ''}}}$"
    parts = []
    if high:
        parts.append(f"hoogstens {high} tekens")
    if forbidden:
        parts.append("zonder de tekens " + " ".join(forbidden))
    return [regex, f"{label}: {' en '.join(parts)}."]


def _field(name: str, spec: dict, required: bool, choices: dict[str, list[tuple[str, str]]], ctx: Context) -> dict:
    """One front-matter field of the form."""
    label = spec.get("title") or name
    field: dict[str, Any] = {"name": name, "label": label, "required": required}
    if spec.get("description"):
        field["hint"] = spec["description"]
    kind = spec.get("type")
    if "anyOf" in spec:   # optional: X | None
        inner = next(s for s in spec["anyOf"] if s.get("type") != "null")
        spec = {**inner, **{k: v for k, v in spec.items() if k != "anyOf"}, "format_help": inner.get("description")}
        kind = spec.get("type")
    if name in choices:   # a reference to data/ (or the kinds): a choice, never free text
        field.update(widget="select", options=_options(choices[name]))
        if kind == "array":
            field["multiple"] = True
            if spec.get("minItems"):
                field["min"] = spec["minItems"]
    elif "enum" in spec:
        field.update(widget="select", options=_options([(v, v) for v in spec["enum"]]))
    elif spec.get("format") == "date":
        # A day as the site stores it (JJJJ-MM-DD), today to begin with; the browser's own date picker shows it
        # in the order of the editor's language.
        field.update(widget="datetime", format="YYYY-MM-DD", time_format=False, default="{{now}}")
    elif kind == "boolean":
        field.update(widget="boolean", default=bool(spec.get("default", False)))
    else:
        field["widget"] = "string"
        pattern = _length_pattern(spec, label)
        if spec.get("pattern"):
            # JavaScript writes a named group (?<name>…), Python (?P<name>…).
            how = spec.get("format_help") or ctx.words["editors"]["pattern_default"]
            pattern = [spec["pattern"].replace("(?P<", "(?<"), f"{label}: {how}."]
        if pattern:
            field["pattern"] = pattern
    if "default" in spec and spec["default"] not in (None, [], "", False) and "default" not in field:
        field["default"] = spec["default"]
    if spec.get("preselected"):
        field["default"] = spec["preselected"]
    return field


def choices(ctx: Context) -> dict[str, list[tuple[str, str]]]:
    """The choices of the fields that name records, from data/ (value, label)."""
    data = ctx.data
    people = [(p.id, p.name) for p in sorted(data.people, key=lambda p: p.name.casefold())]
    kinds = ctx.words["kinds"]["story"]
    retellings = ctx.words["editors"]["retellings"]
    return {
        "authors": people,
        "speakers": people,
        "categories": [(c.category, c.category) for c in data.circles],
        "principles": [(p.id, p.label) for p in data.principles],
        "tags": [(t.id, t.title) for t in data.themes],
        "kind": [(k, kinds[k]) for k in kinds],
        "retelling": [(r, retellings[r]) for r in retellings],
    }


def story_fields(ctx: Context) -> list[dict]:
    """Every front-matter field of a story (but NOT_IN_FORM), in the model's order, then the text."""
    schema = Story.model_json_schema()
    required = set(schema.get("required", []))
    options = choices(ctx)
    fields = [_field(name, spec, name in required, options, ctx)
              for name, spec in schema["properties"].items() if name not in NOT_IN_FORM]
    default_author = ctx.data.site.default_author
    for field in fields:
        if field["name"] == "authors" and default_author:
            field["default"] = [default_author]
    words = ctx.words["editors"]
    more = ctx.settings.blog.post_excerpt_separator
    fields.append({
        "name": "body", "label": words["body"], "widget": "markdown", "required": True,
        "hint": words["body_hint"],
        "modes": ["rich_text", "raw"], "buttons": ["bold", "italic", "link", "heading-two", "heading-three",
                                                  "quote", "bulleted-list", "numbered-list"],
        "editor_components": ["image"],
        # Two paragraphs at least: the introduction (the overview shows it) and the story (make check
        # refuses a story with only an introduction). The excerpt marker is put in on saving.
        "pattern": [r"\S[\s\S]*\n\s*\n[\s\S]*\w", words["body_pattern"].format(more=more)],
    })
    return fields


def cms_config(ctx: Context) -> dict:
    """Decap's configuration of this harvest (config.yml of the editors' page)."""
    settings, words = ctx.settings, ctx.words["editors"]
    stories = settings.stories_dir.as_posix()
    backend: dict[str, Any] = {"name": "github", "branch": generate.EDIT_BRANCH, "squash_merges": True,
                               "cms_label_prefix": "redactie/",
                               "commit_messages": words["commits"]}
    repo = repository(ctx)
    if repo:
        backend["repo"] = repo
    if settings.editors.sign_in == "oauth":
        backend["base_url"] = settings.editors.oauth_url
    people_folder = f"data/{PEOPLE_DIR}"
    config: dict[str, Any] = {
        "locale": "nl",
        "backend": backend,
        # decap-server on this machine (make redactie); only on these hosts, never on the published site.
        "local_backend": {"allowed_hosts": list(LOOPBACK)},
        "publish_mode": "editorial_workflow",
        "media_folder": stories,
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "show_preview_links": False,
        "collections": [
            {
                "name": COLLECTION, "label": words["stories"], "label_singular": words["story"],
                "description": words["stories_description"],
                "folder": stories, "create": True, "extension": "md", "format": "frontmatter",
                # The file name from the title, as 'make verhaal' makes it (text.slugify).
                "slug": "{{slug}}", "identifier_field": "title", "summary": "{{title}}",
                "sortable_fields": ["title", "date"],
                # Photos go with their story, in the stories' folder (make check: size and alt text).
                "media_folder": "", "public_folder": "",
                "fields": story_fields(ctx),
            },
            {
                "name": PEOPLE_COLLECTION, "label": words["people"], "label_singular": words["person"],
                "description": words["people_description"],
                "folder": people_folder, "create": True, "extension": "yml", "format": "yml",
                "slug": "{{slug}}", "identifier_field": "name", "summary": "{{name}}",
                "fields": person_fields(ctx),
            },
        ],
    }
    return config


def person_fields(ctx: Context) -> list[dict]:
    """A person an editor proposes (data/mensen/<naam>.yml): a name and what they do."""
    schema = Person.model_json_schema()
    required = set(schema.get("required", []))
    return [_field(name, schema["properties"][name], name in required, {}, ctx) for name in ("name", "description")]


def repository(ctx: Context) -> str | None:
    """owner/name of the harvest's GitHub repository: extra.editors.repo, or the one the edit links use."""
    if ctx.settings.editors.repo:
        return ctx.settings.editors.repo
    url = generate.repository_url(ctx.settings.root)
    match = re.match(r"^https://github\.com/([^/]+/[^/]+?)/?$", url or "")
    return match[1] if match else None


def config_yaml(ctx: Context) -> str:
    header = ("# Gegenereerd uit macros/models.py en data/ door de bouwstap (macros/redactie.py); niet met de hand "
              "bewerken.\n")
    return header + yaml.safe_dump(cms_config(ctx), allow_unicode=True, sort_keys=False, width=100)


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------

def _stylesheets(ctx: Context, site_dir: Path) -> list[str]:
    """The site's stylesheets in the order its pages link them, for the preview (from the site's root):
    the theme's (named by their hash), the engine's (extra_css), the circle's own."""
    folder = site_dir / "assets/stylesheets"
    theme = [p.relative_to(site_dir).as_posix() for prefix in ("main.", "palette.")
             for p in sorted(folder.glob(prefix + "*.css"))]
    own = generate.own_css(ctx.settings)
    return [*theme, *ctx.settings.extra_css, *([own] if own else [])]


def write(ctx: Context, site_dir: Path) -> str | None:
    """The editors' page and its configuration in the built site; None when switched off."""
    if not ctx.settings.editors.enabled:
        shutil.rmtree(Path(site_dir) / VENDOR, ignore_errors=True)
        return None
    site_dir = Path(site_dir)
    version = verify(ENGINE_OVERRIDES / VENDOR)
    _copy_vendor(site_dir / VENDOR)
    folder = site_dir / PAGE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.yml").write_text(config_yaml(ctx), encoding="utf-8")
    # The circle's colours (as on every page of the site), for the sign-in and the preview.
    colors = ctx.templates.render("ko/identity.html", colors=identity.properties(ctx.settings.identity))
    page_settings = {
        "collection": COLLECTION,
        "separator": ctx.settings.blog.post_excerpt_separator,
        "sign_in": ctx.settings.editors.sign_in,
        "repo": repository(ctx),
        "loopback": list(LOOPBACK),
        "styles": ["../" + s for s in _stylesheets(ctx, site_dir)],
        "words": extra_words(),
        "preview_intro": ctx.words["editors"]["preview_intro"],
        "photo": ctx.words["editors"]["photo"],
    }
    html = ctx.templates.render("ko/redactie.html", site_name=ctx.settings.site_name or ctx.data.site.title,
                                settings=page_settings, colors=colors,
                                script=f"../{VENDOR}/{SCRIPT}", version=version)
    (folder / "index.html").write_text(str(html), encoding="utf-8")
    _robots(ctx, site_dir)
    return f"Redactiepagina gemaakt: /{PAGE_DIR}/ (Decap CMS {version})"


def _copy_vendor(target: Path) -> None:
    """Decap's files in the site: the builder copies the theme's folder already (then nothing is done);
    a harvest with a theme folder of its own gets them from the engine."""
    source = ENGINE_OVERRIDES / VENDOR
    for name in lock()["files"]:
        there = target / name
        if not there.is_file() or there.stat().st_size != (source / name).stat().st_size:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, there)


def _robots(ctx: Context, site_dir: Path) -> None:
    """robots.txt keeps search engines off the editors' page (the page itself says noindex too); a
    harvest's own docs/robots.txt gets the line added."""
    base = urlparse(ctx.settings.site_url or "/").path or "/"
    line = f"Disallow: {base.rstrip('/')}/{PAGE_DIR}/"
    robots = site_dir / "robots.txt"
    text = robots.read_text(encoding="utf-8") if robots.is_file() else "User-agent: *\n"
    if line not in text:
        robots.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")


def extra_words() -> dict:
    """The Dutch words Decap lacks, as a nested mapping for CMS.registerLocale."""
    flat = yaml.safe_load((ENGINE_OVERRIDES / WORDS).read_text(encoding="utf-8")) or {}
    nested: dict = {}
    for key, value in flat.items():
        node = nested
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return nested


# ---------------------------------------------------------------------------
# Another release of Decap CMS (make redactie-bijwerken VERSIE=x.y.z): through npm, its own registry
# ---------------------------------------------------------------------------

def _npm_pack(package: str, into: Path) -> Path:
    result = subprocess.run(["npm", "pack", package, "--silent"], cwd=into, capture_output=True, text=True)
    if result.returncode != 0:
        raise VendorError(f"npm kon {package} niet ophalen:\n{result.stderr.strip()[-1500:]}")
    archive = into / result.stdout.strip().splitlines()[-1]
    target = into / archive.stem
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


_MISSING_KEYS_JS = """
const fs = require('fs');
function load(file) { const src = fs.readFileSync(file, 'utf8').replace(/export default \\w+;?/, '')
  .replace(/^const (\\w+) =/m, 'globalThis.__x ='); eval(src); return globalThis.__x; }
const en = load(process.argv[1]), nl = load(process.argv[2]); const out = [];
(function walk(e, n, p) { for (const k of Object.keys(e)) { const path = p ? p + '.' + k : k;
  if (typeof e[k] === 'object') walk(e[k], (n || {})[k], path);
  else if (!n || n[k] === undefined) out.push(path); } })(en, nl, '');
console.log(JSON.stringify(out));
"""


def update_vendor(version: str, say=print) -> None:
    """Fetch Decap CMS `version` with npm, replace the vendored files and their checksums."""
    if not re.fullmatch(r"\d+\.\d+\.\d+", version or ""):
        raise VendorError("geef een versie als VERSIE=3.16.3")
    if not shutil.which("npm"):
        raise VendorError("npm (Node.js) is nodig om Decap CMS op te halen; installeer Node.js 20")
    with tempfile.TemporaryDirectory() as tmp:
        package = _npm_pack(f"decap-cms@{version}", Path(tmp))
        meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
        locales_version = meta.get("dependencies", {}).get("decap-cms-locales", "").lstrip("^~")
        locales = _npm_pack(f"decap-cms-locales@{locales_version}" if locales_version else "decap-cms-locales",
                            Path(tmp))
        missing = json.loads(subprocess.run(
            ["node", "-e", _MISSING_KEYS_JS, str(locales / "src/en/index.js"), str(locales / "src/nl/index.js")],
            capture_output=True, text=True, check=True).stdout)
        dist = package / "dist"
        target = ENGINE_OVERRIDES / VENDOR
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        files = {}
        for path in sorted(dist.iterdir()):
            name = path.name
            if name == SCRIPT or re.fullmatch(r"\d+\.decap-cms\.js", name) or name.endswith(".wasm"):
                shutil.copy2(path, target / name)
                files[name] = _sha256(target / name)
        shutil.copy2(dist / f"{SCRIPT}.LICENSE.txt", target / "LICENSE.txt")
        files["LICENSE.txt"] = _sha256(target / "LICENSE.txt")
    LOCK.write_text(json.dumps({
        "package": "decap-cms", "version": version, "license": meta.get("license"),
        "missing_dutch": missing, "files": files,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum((target / n).stat().st_size for n in files)
    say(f"Decap CMS {version}: {len(files)} bestanden ({size / 1e6:.1f} MB) in {target}; "
        f"{len(missing)} Nederlandse woorden ontbreken in Decap (zie {WORDS}).")


# ---------------------------------------------------------------------------
# On this machine (make redactie): the preview and Decap's local server
# ---------------------------------------------------------------------------

SERVER_DIR = ".redactie"                  # decap-server, installed by the Makefile (npm ci)
SERVER_PORT = 8081                        # where Decap looks for its local server (local_backend)


def server_command(root: Path) -> list[str]:
    binary = Path(root) / SERVER_DIR / "node_modules" / ".bin" / "decap-server"
    if not binary.is_file():
        raise VendorError(f"decap-server ontbreekt ({binary}); 'make redactie' installeert het (Node.js 20 en npm "
                          "zijn nodig)")
    return [str(binary)]


def server_environment(root: Path, port: int = SERVER_PORT) -> dict[str, str]:
    """decap-server in git mode: the editorial workflow as branches (cms/verhalen/<naam>) in this repository,
    merged into the current branch on 'Publiceer nu'."""
    return {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(Path(root).resolve()), "PORT": str(port),
            "LOG_LEVEL": "warn"}


def serve_locally(root: Path, address: str = "127.0.0.1:8000") -> int:
    """decap-server and `mkdocs serve` together; Ctrl+C stops both."""
    if not (root / ".git").exists():
        raise VendorError("de redactiepagina werkt lokaal alleen in een git-repository (een kopie met 'git clone')")
    server = subprocess.Popen(server_command(root), env=server_environment(root), cwd=root)
    print(f"Redactiepagina: open http://{address}/{PAGE_DIR}/ in je browser (stoppen: Ctrl+C).\n"
          "Wat je daar opslaat, komt als branch in deze repository; 'Publiceer nu' voegt het samen met de "
          "huidige branch. Controleer daarna met 'make check'.", flush=True)
    try:
        return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(generate.DERIVED_CONFIG),
                                "--dev-addr", address], cwd=root)
    except KeyboardInterrupt:
        return 0
    finally:
        server.terminate()
        server.wait(timeout=10)
