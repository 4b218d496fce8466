"""The data objects that pass between the pipeline's stages.

ingest -> annotate -> content (Markdown) -> render (HTML) -> export (JSON).

Each stage receives these plain objects and returns new or filled ones; no
stage re-parses another stage's output. An `Article` is created once by
`builder.ingest.seed` and filled stage by stage (like MkDocs' `Page`): `mentions`
by `builder.annotate.annotator`, `url`/`content_path` by `builder.engine.build`.
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day"]
EntityType = Literal["person", "mechanism", "organisation", "place"]
BlockKind = Literal["paragraph", "heading", "caption", "quote", "attribution"]


@dataclass(frozen=True)
class EntityKind:
    """What the build knows about one type of entity: its folder, URL segment and labels."""

    type: str
    folder: str  # content/<folder>/*.md and site/<folder>/<id>/
    label: str  # "Person"
    plural: str  # "People"


# The order here is the order of navigation, indexes and legends.
ENTITY_KINDS: dict[str, EntityKind] = {
    "person": EntityKind("person", "people", "Person", "People"),
    "mechanism": EntityKind("mechanism", "mechanisms", "Mechanism", "Cooperation mechanisms"),
    "organisation": EntityKind("organisation", "organisations", "Organisation", "Organisations"),
    "place": EntityKind("place", "places", "Place", "Places"),
}


class BuildError(Exception):
    """A problem in the user's input: reported as `file:line: message`, no traceback."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # raised in a worker process, it crosses back whole
        return (BuildError, (self.path, self.message, self.line))


class BuildErrors(Exception):
    """Several input problems at once (every bad registry page, every bad seed), each a BuildError."""

    def __init__(self, errors: list[BuildError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    def __reduce__(self):
        return (BuildErrors, (self.errors,))


@functools.lru_cache(maxsize=65536)  # an archive names the same few thousand dates over and over
def _iso(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True, order=True)
class DatePoint:
    """A calendar point at year, month or day precision (ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        return _iso(self.year, self.month, self.day)

    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        if self.month is None:
            return _dt.date(self.year, 12, 31)
        if self.day is None:
            nxt = _dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - _dt.timedelta(days=1)
        return _dt.date(self.year, self.month, self.day)

    @classmethod
    def parse(cls, text: str) -> "DatePoint":
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raises ValueError on anything else."""
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
            raise ValueError(f"not an ISO 8601 date: {text!r}")
        nums = [int(p) for p in parts]
        point = cls(*nums)
        point.first_day()  # validates month and day
        return point

    @classmethod
    def of(cls, day: _dt.date) -> "DatePoint":
        return cls(day.year, day.month, day.day)


@dataclass(frozen=True)
class DateValue:
    """A normalised date: one point, or an interval `start/end` (ISO 8601)."""

    start: DatePoint
    end: DatePoint | None = None

    def iso(self) -> str:
        if self.end is None or self.end == self.start:
            return self.start.iso()
        return f"{self.start.iso()}/{self.end.iso()}"

    def sort_key(self) -> tuple:
        """Chronological: by start, then by length (shorter first)."""
        last = (self.end or self.start).last_day()
        first = self.start.first_day()
        return (first, last - first, self.iso())

    def last_day(self) -> _dt.date:
        return (self.end or self.start).last_day()

    @classmethod
    def parse(cls, text: str) -> "DateValue":
        if "/" in text:
            a, b = text.split("/", 1)
            return cls(DatePoint.parse(a), DatePoint.parse(b))
        return cls(DatePoint.parse(text))


@dataclass(frozen=True)
class Mention:
    """One recognised span of the article's clean body text.

    `start`/`end` are character offsets into `Article.body`; `text` is exactly
    `body[start:end]`. People and mechanisms carry `entity` (a registry id);
    dates carry `value`.
    """

    type: str  # an ENTITY_KINDS key, or "date"
    start: int
    end: int
    text: str
    entity: str | None = None
    value: DateValue | None = None
    title: str | None = None  # a person's title as written before the name
    relative: bool = False  # a date resolved against the publication date
    announced: bool = False  # a date the text tells as still to come ("will pay a state visit … from August 18-20")


@dataclass
class Block:
    """A paragraph-level unit of the article body, located in `Article.body`."""

    kind: BlockKind
    start: int
    end: int
    credit: str | None = None  # a caption's photo credit, e.g. "Photo: VNA"
    line: int = 0  # 1-based line in the seed file, for messages


@dataclass
class PublicationDate:
    """When the article was published, and how we know."""

    value: DatePoint | None
    inferred: bool
    how: str  # "header" | "front matter" | "date line in text" | "inferred from text" | "unknown"
    # Inferred to a month, the latest day the text reports as done in it: relative dates are read from there.
    reference: _dt.date | None = None

    def reference_day(self) -> _dt.date | None:
        """The day relative expressions are resolved against: the value's day, else the latest reported day
        of an inferred month, else the month's (or year's) first day."""
        if self.reference is not None:
            return self.reference
        return self.value.first_day() if self.value else None

    def display(self) -> str:
        if self.value is None:
            return "date unknown"
        text = format_point(self.value)
        return f"about {text}, inferred" if self.inferred else text


MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


def format_point(point: DatePoint) -> str:
    """A reader's form of a date point: `24 January 2026`, `August 2024`, `1950`."""
    if point.month is None:
        return str(point.year)
    if point.day is None:
        return f"{MONTH_NAMES[point.month - 1]} {point.year}"
    return f"{point.day} {MONTH_NAMES[point.month - 1]} {point.year}"


@dataclass(eq=False)  # identity: one object per article, hashable
class Article:
    """One news article, created by ingest and filled by the later stages."""

    source_file: str  # seed file name, e.g. "000_d0e993820bacc527.txt"
    raw: str
    title: str
    title_derived: bool
    date: PublicationDate
    dateline: str | None
    source: str | None  # closing credit, e.g. "VNA/VNS"
    body: str  # clean body text: blocks joined by blank lines
    blocks: list[Block] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    slug: str = ""
    warnings: list[str] = field(default_factory=list)
    corrections: list = field(default_factory=list)  # editors' corrections of single mentions (front matter)
    pinned_id: str | None = None  # an editor's article page keeps the id (and URL) it was taken under

    @property
    def id(self) -> str:
        if self.pinned_id is not None:
            return self.pinned_id
        prefix = self.date.value.iso() if self.date.value else "undated"
        return f"{prefix}-{self.slug}"


@dataclass(eq=False)
class Entity:
    """One person, mechanism, organisation or place from the registry (`content/<folder>/<slug>.md`)."""

    id: str  # the page's slug
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # people: "vn" | "cn" | ...
    titles: list[str] = field(default_factory=list)
    status: str = "confirmed"  # or "discovered"
    summary: str | None = None
    notes_markdown: str = ""
    path: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def folder(self) -> str:
        return ENTITY_KINDS[self.type].folder


def format_value(value: DateValue) -> str:
    """A reader's form of a normalised date: `2–4 September 2025`, `January 1950 – 2026`."""
    start, end = value.start, value.end
    if end is None or end == start:
        return format_point(start)
    if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
    return f"{format_point(start)} – {format_point(end)}"
