"""Validated content models of a harvest publication.

Every record type of `data/*.yml` is a frozen pydantic model that forbids unknown
fields. Fields that point at another record carry their target collection in
`json_schema_extra={"ref": "<collection>"}`; the loader resolves them all.
Messages raised from validators are Dutch: they reach editors verbatim.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .contrast import AA, WHITE, HexColor, contrast
from .icons import unknown_icon

# ---------------------------------------------------------------------------
# Primitive types
# ---------------------------------------------------------------------------

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
# Parts of a year the sources use when they give no exact month ("begin 2023").
YEAR_PARTS = ("begin", "midden", "eind", "voorjaar", "zomer", "najaar", "winter")
_PART_ORDER = {"begin": 1, "voorjaar": 3, "midden": 6, "zomer": 7, "najaar": 10, "winter": 12, "eind": 12}
_DATE_RE = re.compile(
    r"^(?:(?P<part>" + "|".join(YEAR_PARTS) + r") )?(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$"
)


_DUTCH_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DUTCH_WORDS = re.compile(r"^(\d{1,2})\s+(" + "|".join(MONTHS_NL) + r")\s+(\d{4})$", re.IGNORECASE)


def dutch_date(value: str) -> str | None:
    """The ISO form of a day written the Dutch way ('12-03-2025', '12 maart 2025' → '2025-03-12')."""
    text = value.strip()
    numeric, words = _DUTCH_NUMERIC.match(text), _DUTCH_WORDS.match(text)
    if numeric:
        day, month, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
    elif words:
        day, month, year = int(words[1]), MONTHS_NL.index(words[2].lower()) + 1, int(words[3])
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date with the precision the source gives: a year, a part of a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None
    part: str | None = None

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError("moet een datum zijn: JJJJ, JJJJ-MM, JJJJ-MM-DD of bijvoorbeeld 'begin 2023'")
        match = _DATE_RE.match(value.strip())
        if not match and dutch_date(value):
            raise ValueError(f"'{value}' staat in de Nederlandse volgorde; schrijf jaar-maand-dag: {dutch_date(value)}")
        if not match:
            raise ValueError(
                f"'{value}' is geen geldige datum; schrijf JJJJ, JJJJ-MM, JJJJ-MM-DD "
                f"of een jaardeel ({', '.join(YEAR_PARTS)}) met een jaar, bijvoorbeeld 'begin 2023'"
            )
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        part = match["part"]
        if part and month:
            raise ValueError(f"'{value}': geef een jaardeel óf een maand, niet allebei")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{value}' bestaat niet: maand {month} ligt niet tussen 1 en 12")
        if day is not None:
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"'{value}' bestaat niet: {MONTHS_NL[month - 1]} {year} heeft geen dag {day}") from None
        return cls(year, month, day, part)

    @property
    def iso(self) -> str:
        """Value for `<time datetime>`: as precise as the source, never more."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def label(self) -> str:
        """Dutch reading form: '13 oktober 2022', 'september 2023', 'begin 2023', '2024'."""
        if self.day is not None:
            return f"{self.day} {MONTHS_NL[self.month - 1]} {self.year}"
        if self.month is not None:
            return f"{MONTHS_NL[self.month - 1]} {self.year}"
        if self.part:
            return f"{self.part} {self.year}"
        return str(self.year)

    @property
    def first_day(self) -> dt.date:
        """The first day of the period ('begin 2025' → 1 January 2025)."""
        month = self.month or _PART_ORDER.get(self.part or "", 1)
        return dt.date(self.year, month, self.day or 1)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        month = self.month or _PART_ORDER.get(self.part or "", 0)
        return (self.year, month, self.day or 0)

    def __str__(self) -> str:
        if self.part:
            return f"{self.part} {self.year}"
        return self.iso


DateValue = Annotated[
    PartialDate,
    BeforeValidator(PartialDate.parse),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _DATE_RE.pattern,
            "description": "JJJJ, JJJJ-MM, JJJJ-MM-DD of een jaardeel met jaar, bijv. 'begin 2023'",
        }
    ),
]


def ref(collection: str, by: str = "id", **kwargs: Any) -> Any:
    """A field whose value names a record in another collection (by its id, or by another field)."""
    return Field(json_schema_extra={"ref": collection, "by": by}, **kwargs)


def _no_markup(value: str) -> str:
    if "<" in value or ">" in value:
        raise ValueError("mag geen HTML bevatten: de tekens < en > zijn hier niet toegestaan")
    return value


def _no_straight_quotes(value: str) -> str:
    if '"' in value:
        raise ValueError('mag geen dubbele aanhalingstekens (") bevatten; gebruik enkele: \'…\'')
    return value


# Text shown as HTML by the theme: no markup.
# `forbidden` in the JSON schema: the characters the validators refuse, for checks in the browser
# (the editors' page, macros/redactie.py).
PlainText = Annotated[Text, AfterValidator(_no_markup), Field(json_schema_extra={"forbidden": "<>"})]
# Text the theme puts inside an HTML attribute unescaped (meta description, alt of an avatar):
# no markup and no straight double quotes.
AttrText = Annotated[Text, AfterValidator(_no_markup), AfterValidator(_no_straight_quotes),
                     Field(json_schema_extra={"forbidden": '<>"'})]


class Record(BaseModel):
    """Base of every data record: strict, immutable, no unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Identified(Record):
    id: Slug


# ---------------------------------------------------------------------------
# Site identity
# ---------------------------------------------------------------------------


class KeyFigure(Identified):
    value: Text
    label: Text


class HomeAction(Record):
    """A button in the opening of the home page: its text and the page it leads to."""

    label: PlainText
    page: str = Field(pattern=r"^[\w./-]+\.md$", description="Pagina onder docs/, bijvoorbeeld leerreis/index.md")


class Site(Record):
    title: PlainText
    subtitle: Text
    description: Text
    publisher: Text
    published: Text = Field(description="Wanneer de publicatie verscheen, zoals de bron het zegt")
    original_url: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https://\S+$")] | None = Field(
        default=None, description="Adres van de oorspronkelijke publicatie (een pdf of webpagina, https://…); leeg "
                                  "als het niet bekend is. Onder elk naverteld verhaal staat dan 'Lees het origineel'")
    actions: list[HomeAction] = Field(default_factory=list, max_length=3,
                                      description="Knoppen in de opening van de homepagina (de eerste is de hoofdknop)")
    featured_story: Slug | None = Field(default=None, description="Bestandsnaam (zonder .md) van het uitgelichte "
                                        "verhaal op de homepagina; leeg: het eerste verhaal in de leesvolgorde")
    key_figures: list[KeyFigure] = Field(min_length=1)
    key_figures_intro: str | None = None
    default_author: Slug | None = ref("people", default=None)


# ---------------------------------------------------------------------------
# Chapter 1: the advice, principles, roles, goals
# ---------------------------------------------------------------------------


class Advice(Record):
    """The advice that started the programme (Denktank Provincies)."""

    title: Text
    author: Text
    addressee: Text
    presented: DateValue
    presented_where: str | None = None
    question: Text
    features: list[Text] = Field(min_length=1)
    wish: Text
    recommendations: list[Text] = Field(min_length=1)
    motto: Text


def _theme_icon(value: str) -> str:
    problem = unknown_icon(value)  # reads the theme package's files, only when a record names an icon
    if problem:
        raise ValueError(problem)
    return value


# An icon of the theme's bundled sets, as set/name: 'material/compass-outline' (macros/icons.py).
IconName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_theme_icon)]


class Principle(Identified):
    number: int = Field(ge=1)
    title: Text
    short: Text
    explanation: list[Text] = Field(min_length=1)
    icon: IconName | None = Field(default=None, description="Icoon van het thema als set/naam, bijvoorbeeld "
                                  "material/compass-outline; zonder icoon toont de tegel alleen het nummer")

    @property
    def label(self) -> str:
        """How the site names a principle: '1. Benoem het hogere doel' (its page title, the story box)."""
        return f"{self.number}. {self.title}"


class Role(Identified):
    title: Text
    description: Text
    principle: Slug | None = ref("principles", default=None, description="Het principe waar deze rol bij hoort; "
                                 "de rol staat dan op de pagina van dat principe")


class Goal(Identified):
    """An ontwikkelvraag / ontwikkeldoel with its next steps."""

    number: int = Field(ge=1)
    question: Text
    short_name: Text
    circles: list[Slug] = ref("circles", default_factory=list)
    next_steps: list[Text] = Field(default_factory=list)


class ListItem(Record):
    title: str | None = None
    text: Text


class ItemList(Identified):
    """A titled list from the sources (reflections, design principles, ingredients, …)."""

    title: Text
    intro: str | None = None
    ordered: bool = True
    source: str | None = None
    items: list[ListItem] = Field(min_length=1)


class ComparisonRow(Record):
    left: Text
    right: Text


class Comparison(Identified):
    """Two columns side by side: 'volgens A / volgens B', 'van … naar', 'regulier / alternatief'."""

    title: Text
    caption: Text
    left_label: Text
    right_label: Text
    source: str | None = None
    rows: list[ComparisonRow] = Field(min_length=1)


class Table(Identified):
    """A table with any number of columns; the first column heads its row (models, costs, …)."""

    caption: Text
    columns: list[Text] = Field(min_length=2)
    rows: list[list[Text]] = Field(min_length=1)
    source: str | None = None

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> "Table":
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(f"rij {number} heeft {len(row)} cellen; de tabel heeft {len(self.columns)} kolommen")
        return self


# Each kind is declared once; the Literal of the model is made from it. What readers see of a kind,
# its label, is in overrides/ko/strings.yml (kinds.timeline, kinds.circle, kinds.source, kinds.story).
TIMELINE_KINDS = ("programma", "leerkring", "team", "context", "publicatie")
TimelineKind = Literal[TIMELINE_KINDS]  # type: ignore[valid-type]


class TimelineEvent(Identified):
    date: DateValue
    title: Text
    text: str | None = None
    kind: TimelineKind = "programma"
    circle: Slug | None = ref("circles", default=None)
    people: list[Slug] = ref("people", default_factory=list, description="Wie er een rol in speelt")
    note: Text | None = Field(default=None, description="Wat de bronnen hierover niet zeker zeggen, of waar ze elkaar tegenspreken; staat alleen op de pagina Verantwoording")


# ---------------------------------------------------------------------------
# Circles, people, colophon, quotes
# ---------------------------------------------------------------------------


class Guide(Record):
    person: Slug = ref("people")
    role: Text


CIRCLE_KINDS = ("leerkring", "werkgroep")


class Circle(Identified):
    name: Text
    kind: Literal[CIRCLE_KINDS]  # type: ignore[valid-type]
    category: AttrText = Field(description="Korte naam; verhalen noemen de kring zo in 'categories'")
    aliases: list[Text] = Field(default_factory=list, description="Andere namen die de bronnen gebruiken; staan "
                                "alleen op de pagina Verantwoording")
    summary: Text = Field(description="Eén zin voor de kaart op het overzicht")
    aim: Text
    started: DateValue
    ended: DateValue | None = None
    goal: Slug | None = ref("goals", default=None)
    guides: list[Guide] = Field(default_factory=list)
    ambassador: Slug | None = ref("people", default=None)
    next: Text = Field(description="Wat er na het programma met de kring gebeurt")
    # The circle's own colour: its tile on the home page and the overview, white text on it.
    color: HexColor | None = Field(
        default=None, description="Eigen kleur (#rrggbb) van de kaart van de kring; witte tekst erop, contrast minstens 4,5:1")

    @field_validator("color")
    @classmethod
    def _readable_on(cls, value: str | None) -> str | None:
        if value is None:
            return value
        ratio = contrast(value, WHITE)
        if ratio < AA:
            raise ValueError(f"witte tekst op {value} heeft een contrast van {ratio:.2f}:1".replace(".", ",")
                             + "; minstens 4,5:1 is nodig (kies een donkerdere kleur)")
        return value


class Person(Identified):
    # Material's blog templates show authors unescaped, the name inside alt="…".
    name: AttrText = Field(title="Naam", description="Voornaam en achternaam, zoals op de site moet staan.")
    description: PlainText | None = Field(default=None, title="Wie is het",
                                          description="Functie en organisatie, in een paar woorden.")
    portrait: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[\w./-]+\.(jpg|png|webp)$")] | None = Field(
        default=None, description="Portretfoto onder docs/ (bijv. assets/mensen/naam.jpg); leeg: de initialen")
    note: Text | None = Field(default=None, description="Wat de bronnen hierover niet zeker zeggen, of waar ze elkaar tegenspreken; staat alleen op de pagina Verantwoording")


class Member(Record):
    person: Slug = ref("people")
    note: str | None = None


class ColophonGroup(Identified):
    title: Text
    members: list[Member] = Field(default_factory=list)
    text: str | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> "ColophonGroup":
        if not self.members and not self.text:
            raise ValueError("een colofongroep heeft leden (members) of een tekst (text) nodig")
        return self


class Quote(Identified):
    text: Text
    person: Slug | None = ref("people", default=None)
    attribution: str | None = Field(default=None, description="Wie het zei, als dat geen persoon uit mensen.yml is")
    context: str | None = None
    circle: Slug | None = ref("circles", default=None, description="De leerkring waar de uitspraak over gaat")

    @model_validator(mode="after")
    def _has_speaker(self) -> "Quote":
        if not self.person and not self.attribution:
            raise ValueError("een citaat heeft een spreker nodig: person (id uit mensen.yml) of attribution")
        return self


# ---------------------------------------------------------------------------
# Knowledge library: sources, glossary, themes
# ---------------------------------------------------------------------------

SOURCE_KINDS = ("verslag", "businesscase", "presentatie", "essay", "advies", "publicatie")


class Source(Identified):
    """A related document: its metadata as data, its summary in our own words."""

    title: Text
    short_title: AttrText
    kind: Literal[SOURCE_KINDS]  # type: ignore[valid-type]
    date: DateValue | None = None
    date_note: str | None = Field(default=None, description="Hoe de datum is afgeleid, als de bron hem niet geeft; "
                                 "staat alleen op de pagina Verantwoording")
    period: str | None = Field(default=None, description="De periode waarover het document gaat, bijv. 2024-2027")
    organisations: list[Text] = Field(default_factory=list, description="Opdrachtgevers of uitgevers")
    authors: list[Text] = Field(default_factory=list)
    pages: int | None = Field(default=None, ge=1)
    themes: list[Slug] = ref("themes", default_factory=list)
    summary: list[Text] = Field(min_length=1)
    notes: list[Text] = Field(default_factory=list, description="Tegenstrijdigheden en kanttekeningen; staan alleen "
                              "op de pagina Verantwoording")


class SourceBundle(Record):
    """One file in data/bronnen/: a source and the structured units taken from it."""

    source: Source
    lists: list[ItemList] = Field(default_factory=list)
    comparisons: list[Comparison] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)


class Term(Identified):
    """An abbreviation or recurring term; abbreviations also become tooltips on every page."""

    term: AttrText = Field(description="Zoals het in de tekst staat, bijv. 'IPO'")
    expansion: AttrText | None = Field(default=None, description="Voluit, voor afkortingen")
    explanation: Text
    source: str | None = Field(default=None, description="Waar de bron het noemt of uitlegt")
    note: Text | None = Field(default=None, description="Wat de bronnen hierover niet zeker zeggen, of waar ze elkaar tegenspreken; staat alleen op de pagina Verantwoording")
    common_meaning: bool = Field(default=False, description="Waar: de bronnen schrijven de afkorting niet "
                                 "voluit; 'expansion' is de gangbare betekenis (de begrippenlijst zegt dat één keer)")
    tooltip: bool = Field(default=True, description="Onwaar: geen tooltip (bijv. bij een gewoon woord)")


class Theme(Identified):
    """A theme shared by stories (tags) and sources, to go from a theme to everything about it."""

    title: AttrText
    description: Text


# ---------------------------------------------------------------------------
# Stories (front matter of docs/verhalen/posts/*.md)
# ---------------------------------------------------------------------------

STORY_KINDS = ("column", "interview", "verhaal", "reportage", "portret", "citaat")
# How the text on the site relates to its original: written by its authors for the site (the editors'
# own stories), or retold by the web edition's editors in their own words from a text that appeared
# elsewhere (the publication's stories; only words in quotation marks are the speakers' own).
RETELLINGS = ("eigen-tekst", "naverteld")


def _story_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and dutch_date(value):
        raise ValueError(f"'{value}' staat in de Nederlandse volgorde; schrijf jaar-maand-dag: {dutch_date(value)}")
    try:
        date = PartialDate.parse(value)
    except ValueError as exc:
        if "bestaat niet" in str(exc):
            raise
        raise ValueError(f"'{value}' is geen datum die de site kent; schrijf jaar-maand-dag, bijvoorbeeld "
                         "2025-03-14") from None
    if date.day is None:
        raise ValueError(f"'{value}' is geen volledige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-14")
    return dt.date(date.year, date.month, date.day)


StoryDate = Annotated[
    dt.date,
    BeforeValidator(_story_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "Publicatiedatum, JJJJ-MM-DD"}),
]


TITLE_MAX = 120  # the longest title of the publication has 97 characters


def _story_title(value: str) -> str:
    """A title as an editor pastes it from Word: say what to change, with the right value."""
    stripped = value.strip()
    if stripped[:1] in "“„‘«\"'" and stripped[-1:] in "”’»\"'":
        raise ValueError(f"de titel staat tussen aanhalingstekens (uit Word?); laat ze weg: title: \"{stripped[1:-1]}\"")
    if len(stripped) > TITLE_MAX:
        raise ValueError(f"de titel is te lang ({len(stripped)} tekens; hoogstens {TITLE_MAX}): maak hem korter, "
                         "de rest past in de inleiding")
    return value


class Story(Record):
    """Front matter of a story. Keys Material's blog plugin reads (date, authors, categories,
    tags, description, draft) keep Material's names."""

    # `title` is the label and `description` the help an editor sees (the editors' page, the JSON schema).
    title: Annotated[PlainText, AfterValidator(_story_title)] = Field(
        title="Titel", json_schema_extra={"maxLength": TITLE_MAX},
        description=f"Gewone tekst, zonder aanhalingstekens eromheen; hoogstens {TITLE_MAX} tekens. De titel wordt "
                    "ook de naam van het bestand en het webadres.")
    date: StoryDate = Field(title="Datum", description="De dag waarop het verhaal verschijnt.")
    authors: list[Slug] = ref("people", min_length=1, title="Auteur(s)",
                              description="Wie het verhaal schreef. Staat iemand er niet bij? Stel "
                                          "die persoon eerst voor onder Mensen.")
    categories: list[AttrText] = ref(
        "circles", by="category", default_factory=list, title="Leerkring",
        description="Bij welke leerkring hoort het verhaal?",
    )
    # `preselected`: the choice a form starts with (the issue form, the editors' page); no default here,
    # a story file says its kind.
    kind: Literal[STORY_KINDS] = Field(title="Soort verhaal", json_schema_extra={"preselected": "verhaal"})  # type: ignore[valid-type]
    principles: list[Slug] = ref("principles", default_factory=list, title="Basisprincipes",
                                 description="Welke basisprincipes laat het verhaal zien? (mag leeg)")
    tags: list[Slug] = ref("themes", default_factory=list, title="Thema's",
                           description="Over welke thema's gaat het? (mag leeg)")
    # Material writes this into <meta name="description" content="…"> without escaping.
    description: AttrText = Field(max_length=300, title="Samenvatting",
                                  description="Eén zin. Die staat in zoekmachines, de feed en op de pagina van de "
                                              "leerkring.")
    draft: bool = False
    retelling: Literal[RETELLINGS] | None = Field(  # type: ignore[valid-type]
        default=None, title="Wie schreef de tekst",
        description="'Eigen tekst': de auteurs schreven hem zelf. 'Naverteld': de redactie vertelde een tekst uit "
                    "de publicatie na in eigen woorden (verplicht voor elk verhaal uit data/inhoud.yml).",
    )
    speakers: list[Slug] = ref("people", default_factory=list, title="Aan het woord",
                               description="Bij een interview: wie aan het woord is.")
    # When only a year, a part of a year or a month is known (the stories of the publication: 'begin
    # 2025'), the site shows this instead of the date. Material's blog needs a full `date`; it is then
    # the first day of this period, only for the order, and shown nowhere (tests/site/test_dating.py).
    dating: DateValue | None = Field(
        default=None, title="Datering",
        description="Alleen als de dag niet bekend is: wanneer het verhaal verscheen, zo precies als bekend (bijv. "
                    "'begin 2025'); de datum bepaalt dan alleen de volgorde. Meestal leeg.",
    )

    @field_validator("dating")
    @classmethod
    def _date_within_dating(cls, dating: PartialDate | None, info: ValidationInfo) -> PartialDate | None:
        if dating is None:
            return dating
        if dating.day is not None:
            raise ValueError(f"'{dating}' is een volledige datum; zet die in date en laat dating weg")
        first, date = dating.first_day, info.data.get("date")
        if date is not None and date != first:
            raise ValueError(f"bij '{dating}' hoort date: {first.isoformat()} (de eerste dag van die periode; "
                             f"die bepaalt alleen de volgorde en staat nergens op de site), niet {date.isoformat()}")
        return dating

    @property
    def retold(self) -> bool:
        return self.retelling == "naverteld"

    @property
    def dating_label(self) -> str:
        """How the site shows when the story appeared: '14 maart 2025', or 'begin 2025'."""
        return (self.dating or PartialDate.parse(self.date)).label

    @property
    def dating_iso(self) -> str:
        """For <time datetime>: as precise as known ('2025' for 'begin 2025')."""
        return (self.dating or PartialDate.parse(self.date)).iso


# ---------------------------------------------------------------------------
# The publication's contents: its order, for the web and for print
# ---------------------------------------------------------------------------

PagePath = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[\w./-]+\.md$")]


class ContentsEntry(Record):
    """One entry of the contents: a page (written as its path), a page with the pages that belong to it
    (a chapter and its principles), or a heading over pages without a page of its own (the
    publication's 'Verhalen van deelnemers, …')."""

    page: PagePath | None = Field(default=None, description="Pagina onder docs/ (.md), ook een verhaal")
    title: PlainText | None = Field(default=None, description="Kop zonder eigen pagina, boven de pagina's eronder")
    kind: PlainText | None = Field(default=None, description="De soort zoals lezers die zien, als die anders is "
                                   "dan de standaard (Hoofdstuk, Basisprincipe, de soort van een verhaal)")
    pages: list["ContentsEntry"] = Field(default_factory=list, description="De pagina's die bij deze horen")

    @model_validator(mode="before")
    @classmethod
    def _a_path_alone(cls, value: Any) -> Any:
        return {"page": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _page_or_heading(self) -> "ContentsEntry":
        if (self.page is None) == (self.title is None):
            raise ValueError("een onderdeel is een pagina (page) of een kop met pagina's eronder (title en "
                             "pages), niet allebei en niet geen van beide")
        if self.title is not None and not self.pages:
            raise ValueError("een kop zonder pagina's eronder; zet de pagina's onder pages")
        return self

    def walk(self, depth: int = 0):
        """(entry, depth) for this entry and the entries under it, in order."""
        yield self, depth
        for child in self.pages:
            yield from child.walk(depth + 1)


class ContentsPart(Identified):
    """A part of the publication: its number, title and entries in the printed order."""

    number: int = Field(ge=1)
    title: PlainText
    pages: list[ContentsEntry] = Field(min_length=1)


class Contents(Record):
    """The publication as it is printed (data/inhoud.yml): the pages before the contents (the
    voorwoord) and the parts. Previous and next on the site, the page 'Inhoud' and the print edition
    follow this one list."""

    front: list[PagePath] = Field(default_factory=list, description="Pagina's vóór de inhoudsopgave (het voorwoord)")
    parts: list[ContentsPart] = Field(min_length=1)

    def entries(self) -> list[tuple[ContentsEntry, int, ContentsPart | None]]:
        """Every entry in order (front pages first) with its depth and part."""
        found: list[tuple[ContentsEntry, int, ContentsPart | None]] = [
            (ContentsEntry(page=page), 0, None) for page in self.front]
        for part in self.parts:
            for top in part.pages:
                found += [(entry, depth, part) for entry, depth in top.walk()]
        return found

    def pages(self) -> list[str]:
        """Every page and story of the publication, in the order of reading."""
        return [entry.page for entry, _depth, _part in self.entries() if entry.page]


# ---------------------------------------------------------------------------
# Files: which collection lives in which file
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CollectionSpec:
    name: str
    filename: str
    model: type[Record]
    many: bool = True
    required: bool = True  # False: the file may be absent (a harvest without it)


COLLECTIONS: tuple[CollectionSpec, ...] = (
    CollectionSpec("site", "site.yml", Site, many=False),
    CollectionSpec("advice", "advies.yml", Advice, many=False, required=False),
    CollectionSpec("principles", "principes.yml", Principle),
    CollectionSpec("roles", "rollen.yml", Role),
    CollectionSpec("goals", "ontwikkeldoelen.yml", Goal),
    CollectionSpec("lists", "lijsten.yml", ItemList),
    CollectionSpec("comparisons", "vergelijkingen.yml", Comparison),
    CollectionSpec("timeline", "tijdlijn.yml", TimelineEvent),
    CollectionSpec("circles", "leerkringen.yml", Circle),
    CollectionSpec("people", "mensen.yml", Person),
    CollectionSpec("colophon", "colofon.yml", ColophonGroup),
    CollectionSpec("quotes", "citaten.yml", Quote),
    CollectionSpec("terms", "begrippen.yml", Term),
    CollectionSpec("themes", "themas.yml", Theme),
    CollectionSpec("contents", "inhoud.yml", Contents, many=False, required=False),
)
# data/bronnen/*.yml: one SourceBundle per file; its parts join these collections.
BUNDLE_DIR = "bronnen"
# data/mensen/<id>.yml: one person per file (a person an editor proposes in the editors' page), beside
# data/mensen.yml; the file name is the id unless the file says it.
PEOPLE_DIR = "mensen"
BUNDLE_PARTS = {"source": "sources", "lists": "lists", "comparisons": "comparisons", "tables": "tables"}
