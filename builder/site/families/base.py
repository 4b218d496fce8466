"""What every family of pages shares: the `Page` it makes, its identity, and the questions the engine asks it.

A family is one group of pages made together — an article's page, one entity's pages, the timeline,
the article listing, the home page … — and owns everything about them: the URLs (from
`builder.site.urls`), which pages exist now, which of them a change reaches, and how each is laid out.
The engine never spells a URL or picks a template; it asks the families (`builder.site.pages.SitePages`).
Adding a page type is one `Family` subclass and its template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, ClassVar, Iterator

from markupsafe import Markup

from builder.records import Touched
from builder.site.periods import Cut, Period
from builder.site.urls import output_path

if TYPE_CHECKING:
    from builder.site.pages import SitePages


@dataclass
class Page:
    """One output page: where it goes, which template lays it out, with what."""

    url: str  # site-relative, "" for the home page, "people/to-lam/" for pretty URLs
    template: str
    title: str
    context: dict | Callable[[], dict] = field(default_factory=dict)  # a callable: read when rendered
    structured_data: Callable[[], Markup | None] | None = None  # schema.org JSON-LD, for the pages that have it

    @property
    def output_path(self) -> str:
        return output_path(self.url)


@dataclass(frozen=True, order=True)
class PageFamily:
    """A family's identity: ("home", ""), ("entity", id), ("article", id) … — plain, so that a worker
    process (or a cluster's) can be told which family to render and make it from its own `SitePages`."""

    kind: str
    key: str = ""


@dataclass
class Pager:
    """Where one page of a long listing stands among its pages (`urls[0]` is the first page)."""

    number: int  # 1-based
    urls: list[str]
    labels: list[str] | None = None  # the pages' titles, where numbers would mean nothing (periods)

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < len(self.urls) else None

    @property
    def previous_label(self) -> str | None:
        return self.labels[self.number - 2] if self.labels and self.number > 1 else None

    @property
    def next_label(self) -> str | None:
        return self.labels[self.number] if self.labels and self.number < len(self.urls) else None


def paginate(items: list, size: int) -> list[list]:
    """`items` in order, cut into chunks of at most `size` (at least one chunk)."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def period_query(period: Period) -> tuple:
    """(year, month, limit, offset) for a store query of one period's items."""
    if period.whole:
        return False, None, None, 0
    if period.undated:
        return None, None, period.count, period.offset
    if period.month is None:
        return period.year, None, None, 0
    return period.year, period.month, period.count, period.offset


def year_links(cut: Cut) -> list[tuple]:
    """(year, its first page, items, [(month label, url, items)]) of each year of a cut listing, in
    the listing's order ("Undated" for the undated)."""
    out: list = []
    for period in cut.periods:
        name = "Undated" if period.undated else period.year
        if out and out[-1][0] == name:
            out[-1][2] += period.count
        else:
            out.append([name, period.url, period.count, list(period.months)])
    return [tuple(row) for row in out]


class Family:
    """A family of pages. Subclasses set `kind` and answer `pages`; the rest has defaults.

    - `pages()`: every page of the family now, each with its URL, template and context;
    - `reached(change)`: the URLs of its pages a change can alter (None: all of them; an empty set:
      none), from what the change touched (`builder.records.Touched`) — what each page depends on;
    - `shape()`: what the next build compares to know whether the family's pages moved (its URLs, by
      default, with whatever else decides them whole; None: nothing to remember): when it differs from
      the last build's, every page of the family is rendered;
    - `html(only)`: (output path, finished HTML) of its pages (those at the URLs in `only`).
    """

    kind: ClassVar[str]

    def __init__(self, pages: SitePages, key: str = ""):
        self.site_pages = pages
        self.site = pages.site
        self.key = key

    @property
    def identity(self) -> PageFamily:
        return PageFamily(self.kind, self.key)

    @classmethod
    def every(cls, pages: SitePages) -> list[Family]:
        """Every family of this kind on the site (one, for the site-wide pages)."""
        return [cls(pages)]

    @classmethod
    def concerned(cls, pages: SitePages, change: Touched) -> list[str] | None:
        """The keys of the families of this kind a change may reach (None: ask every one)."""
        return None

    @classmethod
    def owning(cls, pages, path: str) -> str | None:
        """The key of the family of this kind that writes output path `path`, if one does (a page of an
        entity or article that is gone has none)."""
        return None

    def pages(self) -> list[Page]:
        raise NotImplementedError

    def paths(self) -> list[str]:
        return [page.output_path for page in self.pages()]

    def shape(self) -> list[str] | None:
        return [page.url for page in self.pages()]

    def reached(self, change: Touched) -> set[str] | None:
        return None

    def html(self, only: set[str] | None = None) -> Iterator[tuple[str, str]]:
        for page in self.pages():
            if only is None or page.url in only:
                yield page.output_path, self.site_pages.render(page)
