"""The settings of a harvest: its mkdocs.yml (with the engine base it INHERITs), read once into one
typed model, as Material's plugins read their configuration into config classes.

Everything the package needs from the configuration comes from here: the identity (name,
address, colours), which search, where the pages are that the data links to (routes), the print
edition's options, the blog's folders and URL format, and the paths. The builder (MkDocs or
Zensical) reads the same files itself; nothing here writes configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import DataError, from_validation_error
from .identity import Identity
from .models import Record
from .reading import LineDict, LineList, locate, read_yaml

CONFIG_FILE = "mkdocs.yml"


class SearchSettings(Record):
    """Pagefind's search, the same for every harvest (macros/search.py)."""

    max_results: int = Field(default=50, ge=1, le=100,
                             description="Hoeveel treffers het zoekvenster hoogstens toont (het aantal noemt het wel)")

    @model_validator(mode="before")
    @classmethod
    def _former_switch(cls, value: Any) -> Any:
        """A harvest made before one search for every size may still choose an engine: say what changed."""
        former = [key for key in ("engine", "pagefind_from_stories") if isinstance(value, dict) and key in value]
        if former:
            names = " en ".join(f"'{key}'" for key in former)
            raise ValueError(f"{names} {'bestaat' if len(former) == 1 else 'bestaan'} niet meer: elke oogst zoekt nu "
                             f"met Pagefind, klein of groot; haal {'die regel' if len(former) == 1 else 'die regels'} weg")
        return value


class RouteSettings(Record):
    """Which page shows what the data links to, as source files under docs/. A page per record
    ('circles', 'sources') is a folder: the page of circle 'x' is <folder>x.md."""

    principles: str = Field(default="leerreis/leren-als-strategische-interventie.md",
                            description="de pagina met de principes (elk principe een onderdeel)")
    principle_pages: str = Field(default="", description="map met een pagina per principe: <id>.md; leeg: "
                                 "elk principe is alleen een onderdeel van de pagina 'principles'")
    circles: str = Field(default="leerkringen/", description="map met een pagina per leerkring: <id>.md")
    sources: str = Field(default="kennisbank/bronnen/", description="map met een pagina per bron: <id>.md")
    themes: str = Field(default="kennisbank/themas.md", description="de pagina met de thema's")
    timeline: str = Field(default="leerreis/tijdlijn.md", description="de pagina met de tijdlijn")
    colophon: str = Field(default="over/colofon.md", description="het colofon")
    glossary: str = Field(default="kennisbank/begrippen.md", description="de begrippenlijst (als de kring er een heeft)")
    accountability: str = Field(default="over/verantwoording.md", description="de verantwoording: wat de bronnen "
                                "niet zeker zeggen, andere namen en afgeleide datums, op één pagina")
    contents: str = Field(default="inhoud.md", description="de pagina Inhoud: de hele publicatie in haar volgorde "
                          "(uit data/inhoud.yml)")

    @field_validator("circles", "sources")
    @classmethod
    def _folder(cls, value: str) -> str:
        if not value.endswith("/"):
            raise ValueError(f"'{value}' moet een map zijn en eindigen op '/'")
        return value

    @field_validator("principle_pages")
    @classmethod
    def _optional_folder(cls, value: str) -> str:
        if value and not value.endswith("/"):
            raise ValueError(f"'{value}' moet een map zijn en eindigen op '/' (of leeg: geen pagina per principe)")
        return value

    @field_validator("principles", "themes", "timeline", "colophon", "glossary", "accountability", "contents")
    @classmethod
    def _page(cls, value: str) -> str:
        if not value.endswith(".md"):
            raise ValueError(f"'{value}' moet een pagina zijn (een .md-bestand onder docs/)")
        return value


class PdfSettings(Record):
    """The print edition. It prints the publication as data/inhoud.yml gives it; a harvest without that
    file prints the menu's pages, without the parts that belong to the site only, and no stories. Either
    way the PDF's cost does not grow with the web's stories."""

    skip_sections: list[str] = Field(default_factory=lambda: ["Kennisbank", "Over deze publicatie"],
                                     description="onderdelen van het menu die alleen op de site horen (niet in de pdf)")
    skip_pages: list[str] = Field(default_factory=lambda: ["over/colofon.md"],
                                  description="pagina's die niet als hoofdstuk in de pdf komen")

    @model_validator(mode="before")
    @classmethod
    def _moved(cls, value: Any) -> Any:
        """The publication's order was here once (extra.pdf.front and parts); it is data now, for the
        site's previous and next, the page 'Inhoud' and the PDF alike."""
        moved = [key for key in ("front", "parts") if isinstance(value, dict) and key in value]
        if moved:
            names = " en ".join(f"'{key}'" for key in moved)
            verb = "staat" if len(moved) == 1 else "staan"
            raise ValueError(f"{names} {verb} nu in data/inhoud.yml: de volgorde van de publicatie geldt voor de "
                             "pdf én voor vorige/volgende en de pagina Inhoud op de site. Verhuis ze daarheen "
                             "(zie engine/ZELF-EEN-OOGST-MAKEN.md, 'De inhoud')")
        return value


# Words that mark a note on the sources rather than what a reader came to read (rules_pages.research_notes).
RESEARCH_NOTES = (
    "betekenis niet zeker", "niet eenduidig", "afgeleid uit de tekst", "afgeleid uit de inhoud",
    "volgens de bestandsnaam", "Ook genoemd", "de bronnen zeggen niet", "de bron zegt niet",
    "de publicatie zegt niet", "de publicatie noemt geen", "geen naam van een spreker",
    "de publicatie licht", "volgens de bron", "wijkt de publicatie",
)


class CheckSettings(Record):
    """Extra content checks of a harvest."""

    forbidden: dict[str, str] = Field(
        default_factory=dict,
        description="schrijfwijzen die nooit op de site mogen (bijv. leesfouten uit de bron), met de goede vorm")
    straight_quotes: bool = Field(
        default=False, description="één stijl van aanhalingstekens: alleen rechte (' en \"), geen ‘ ’ “ ” „")
    research_notes: list[str] = Field(
        default_factory=lambda: list(RESEARCH_NOTES),
        description="woorden van een notitie over de bronnen (twijfel, andere namen, afgeleide datums): die "
                    "staan alleen op de pagina Verantwoording en in de velden note, notes en date_note")


class EditorSettings(Record):
    """The editors' page (/redactie/, macros/redactie.py): Decap CMS on the harvest's GitHub repository."""

    enabled: bool = Field(default=True, description="de redactiepagina op de site (uit: geen pagina /redactie/)")
    sign_in: Literal["token", "oauth"] = Field(
        default="token",
        description="hoe redacteuren inloggen bij GitHub: 'token' (een eigen toegangssleutel, geen server nodig) of "
                    "'oauth' (een OAuth-app met een eigen doorgeefserver, oauth_url)")
    oauth_url: str | None = Field(default=None, pattern=r"^https://[^\s\"'<>]+$",
                                  description="adres van de OAuth-doorgeefserver (alleen bij sign_in: oauth)")
    repo: str | None = Field(default=None, pattern=r"^[\w.-]+/[\w.-]+$",
                             description="de repository als eigenaar/naam; leeg: uit repo_url")

    @model_validator(mode="after")
    def _oauth_needs_url(self) -> "EditorSettings":
        if self.sign_in == "oauth" and not self.oauth_url:
            raise ValueError("bij sign_in: oauth hoort oauth_url: het adres van de doorgeefserver (zie de kringgids)")
        return self


class BlogSettings(BaseModel):
    """What the package needs of Material's blog plugin (plugins.blog in the engine base)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    blog_dir: str = "blog"
    post_dir: str = "{blog}/posts"
    post_url_format: str = "{date}/{slug}"
    authors_file: str = "{blog}/.authors.yml"
    authors_profiles_url_format: str = "author/{slug}"
    archive_url_format: str = "archive/{date}"
    categories_url_format: str = "category/{slug}"
    categories_slugify_separator: str = "-"
    post_excerpt_separator: str = "<!-- more -->"
    post_readtime_words_per_minute: int = 265
    pagination_per_page: int = 10
    pagination_url_format: str = "page/{page}"

    @model_validator(mode="before")
    @classmethod
    def _own_slugs(cls, value: Any) -> Any:
        """A slug function of one's own (a Python name in YAML) cannot be read here: the site's addresses
        of the circles' story lists would no longer match the blog's."""
        for key in ("categories_slugify", "post_slugify"):
            if isinstance(value, dict) and key in value:
                raise ValueError(f"'{key}' wordt niet ondersteund: de engine maakt de adressen van de blog met "
                                 "de standaardinstelling van Material; haal de regel weg")
        return value

    @field_validator("post_url_format")
    @classmethod
    def _supported(cls, value: str) -> str:
        if value.replace("{file}", "").count("{"):
            raise ValueError(f"'{value}' wordt niet ondersteund; gebruik een vorm met alleen {{file}}, "
                             "bijvoorbeeld '{file}'")
        return value


@dataclass(frozen=True)
class NavItem:
    """One entry of the menu (nav in mkdocs.yml): a page, or a section with entries of its own."""

    title: str | None
    page: str | None = None            # a page under docs/ ('leerreis/tijdlijn.md'); None for a section
    children: tuple["NavItem", ...] = ()
    line: int = 0                      # its line in the circle's mkdocs.yml (0: from elsewhere)

    def pages(self) -> Iterator["NavItem"]:
        """This entry's pages and those of its sections, in menu order."""
        if self.page is not None:
            yield self
        for child in self.children:
            yield from child.pages()


def _menu(items: Any) -> tuple[NavItem, ...]:
    """The nav of mkdocs.yml as NavItems, walked once: 'Titel: pagina.md', a bare 'pagina.md', or a
    section 'Titel: [...]'; external links ('https://…') are entries without a page."""
    found: list[NavItem] = []
    for i, item in enumerate(items or []):
        line = items.item_lines[i] if isinstance(items, LineList) and i < len(items.item_lines) else 0
        title, target = (next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (None, item))
        if isinstance(target, list):
            found.append(NavItem(title, None, _menu(target), line))
        elif isinstance(target, str):
            page = target if target.endswith(".md") and "://" not in target else None
            found.append(NavItem(title, page, (), line))
    return tuple(found)


class Settings(BaseModel):
    """One harvest's settings, read once from its mkdocs.yml and the files that one INHERITs."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    root: Path
    site_name: str | None = None
    site_url: str | None = None
    site_description: str | None = None
    site_author: str | None = None
    copyright: str | None = None
    repo_url: str | None = None
    edit_uri: str | None = None
    extra_css: tuple[str, ...] = ()
    docs_dir: str = "docs"
    # The menu (nav in mkdocs.yml), read once.
    menu: tuple[NavItem, ...] = ()
    exclude_docs: str = ""
    not_in_nav: str = ""
    identity: Identity = Field(default_factory=Identity)
    search: SearchSettings = Field(default_factory=SearchSettings)
    routes: RouteSettings = Field(default_factory=RouteSettings)
    pdf: PdfSettings = Field(default_factory=PdfSettings)
    check: CheckSettings = Field(default_factory=CheckSettings)
    editors: EditorSettings = Field(default_factory=EditorSettings)
    blog: BlogSettings = Field(default_factory=BlogSettings)
    # Addresses that moved (extra.moved): the old address ('verhalen/x/') → the page and place now.
    moved: dict[str, str] = Field(default_factory=dict)
    # Line in mkdocs.yml of each setting the circle wrote itself ('extra.routes.themes' → 14).
    lines: dict[str, int] = Field(default_factory=dict, repr=False)

    # --- paths, relative to the project folder -------------------------------------------------

    @property
    def docs(self) -> Path:
        return self.root / self.docs_dir

    @property
    def blog_folder(self) -> PurePosixPath:
        """The blog's folder under docs/ (verhalen)."""
        return PurePosixPath(self.blog.blog_dir)

    @property
    def stories_dir(self) -> Path:
        """Where the story files are, relative to the project (docs/verhalen/posts)."""
        return Path(self.docs_dir) / self.blog.post_dir.format(blog=self.blog.blog_dir)

    @property
    def authors_file(self) -> Path:
        return Path(self.docs_dir) / self.blog.authors_file.format(blog=self.blog.blog_dir)

    @property
    def stories_folder(self) -> str:
        """The stories' folder under docs/ ('verhalen/posts')."""
        return PurePosixPath(self.stories_dir).relative_to(self.docs_dir).as_posix()

    def is_story(self, page: str) -> bool:
        """Whether the file docs/<page> is a story: it lies in the stories folder. The one question
        every part of the engine asks (the theme's partials ask it of a page: ko/story-page.html)."""
        return page.startswith(self.stories_folder + "/") and page.endswith(".md")

    def nav_pages(self) -> list[NavItem]:
        """Every page the menu names, in menu order (with its title and line)."""
        return [page for item in self.menu for page in item.pages()]

    @property
    def story_template(self) -> Path:
        return Path(self.docs_dir) / self.blog.blog_dir / "_template.md"


def _merge(base: Any, own: Any) -> Any:
    """MkDocs' INHERIT: mappings merge key by key, everything else (lists too) is replaced."""
    if isinstance(base, dict) and isinstance(own, dict):
        merged = LineDict(base)
        merged.line = getattr(own, "line", 0)
        merged.key_lines = {**getattr(base, "key_lines", {}), **getattr(own, "key_lines", {})}
        for key, value in own.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    return own


def _read_chain(path: Path, label: str, errors: list[DataError], seen: tuple[Path, ...] = (), raw: Any = None) -> Any:
    """The configuration at `path` with every file it INHERITs merged under it; `raw`: the file already
    read (each file is read once)."""
    if raw is None:
        raw = read_yaml(path, label, errors, config=True)
    elif isinstance(raw, LineDict):
        copy = LineDict(raw)
        copy.line, copy.key_lines = raw.line, dict(raw.key_lines)
        raw = copy
    if not isinstance(raw, dict):
        if raw is not None:
            errors.append(DataError(label, getattr(raw, "line", 1), "", "moet een verzameling instellingen zijn"))
        return None
    parent = raw.pop("INHERIT", None)
    if parent is None:
        return raw
    target = (path.parent / str(parent)).resolve()
    if target in seen or target == path.resolve():
        errors.append(DataError(label, raw.key_lines.get("INHERIT", 1), "INHERIT", "verwijst in een kring naar zichzelf"))
        return raw
    if not target.is_file():
        errors.append(DataError(label, raw.key_lines.get("INHERIT", 1), "INHERIT",
                                f"bestand '{parent}' bestaat niet"))
        return raw
    base = _read_chain(target, str(parent), errors, (*seen, path.resolve()))
    return _merge(base, raw) if base is not None else raw


def _plugin(config: dict, name: str) -> dict:
    """A plugin's options, whether plugins is a mapping (the engine's) or MkDocs' list form."""
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        options = plugins.get(name)
        return options if isinstance(options, dict) else {}
    for item in plugins or []:
        if isinstance(item, dict) and name in item and isinstance(item[name], dict):
            return item[name]
    return {}


def _lines(node: Any, prefix: str = "") -> dict[str, int]:
    """Every key of the circle's own mkdocs.yml with its line, by dotted path."""
    found: dict[str, int] = {}
    if isinstance(node, LineDict):
        for key, value in node.items():
            path = f"{prefix}{key}"
            found[path] = node.key_lines.get(key, 0)
            found.update(_lines(value, path + "."))
    return found


def read(root: Path | str, errors: list[DataError] | None = None, config_file: str = CONFIG_FILE) -> Settings:
    """The settings of the project at `root`; problems go to `errors` in Dutch (defaults stand in).
    Without a mkdocs.yml (a bare data folder) every setting has its default."""
    root = Path(root).resolve()
    errors = [] if errors is None else errors
    path = root / config_file
    if not path.is_file():
        return Settings(root=root)
    own = read_yaml(path, config_file, errors, config=True)
    config = _read_chain(path, config_file, errors, raw=own) if own is not None else None
    if not isinstance(config, dict):
        return Settings(root=root)
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    values: dict[str, Any] = {"root": root}
    for key in ("site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "edit_uri",
                "docs_dir", "exclude_docs", "not_in_nav"):
        if isinstance(config.get(key), str):
            values[key] = config[key]
    if isinstance(config.get("extra_css"), list):
        values["extra_css"] = tuple(str(item) for item in config["extra_css"] if isinstance(item, str))
    if isinstance(config.get("nav"), list):
        values["menu"] = _menu(config["nav"])
    # The circle's own sections, validated with their lines in mkdocs.yml.
    own_extra = own.get("extra") if isinstance(own, dict) and isinstance(own.get("extra"), dict) else {}
    for key, model in (("identity", Identity), ("search", SearchSettings), ("routes", RouteSettings),
                       ("pdf", PdfSettings), ("check", CheckSettings), ("editors", EditorSettings)):
        section = extra.get(key)
        if section is None:
            continue
        try:
            values[key] = model.model_validate(section)
        except ValidationError as exc:
            raw = own if key in own_extra else {"extra": {key: section}}
            errors.extend(from_validation_error(
                exc, config_file, lambda loc, raw=raw, key=key: locate(raw, ("extra", key) + loc, None)))
    if isinstance(extra.get("moved"), dict):
        values["moved"] = {str(k): str(v) for k, v in extra["moved"].items()}
    values["lines"] = _lines(own)
    try:
        values["blog"] = BlogSettings.model_validate(_plugin(config, "blog"))
    except ValidationError as exc:
        errors.extend(from_validation_error(exc, config_file, lambda loc: (0, "plugins.blog." + ".".join(map(str, loc)))))
    return Settings(**values)
