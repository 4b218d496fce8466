"""Periods: how a listing that grows with the archive is cut into pages by date.

The timeline, an entity's mentions and its own timeline, and the list of
articles all grow without bound. Each is cut the same way, from counts alone:

- while the whole listing fits on one page (`size` items), it is one page;
- otherwise a page per year (`<base>YYYY/`); a year that does not fit is cut
  into months (`<base>YYYY/MM/`), its page keeping the items dated by the year
  alone and a list of its months; undated items go to `<base>undated/`;
- a month (or a year's own items) that still does not fit is cut into numbered
  pages (`…/page/2/`): by count, or, when the bucket is given its items' sort
  keys (`key_starts`), by the keys themselves.

A page therefore follows from an item's date and from how full its own year
and month are, never from how many items come before it: a new article changes
the pages of the periods it adds to, and no other (unless it fills one).

Items are given as `Bucket`s — (year, month, count) in display order — never
one by one, so cutting a listing of a million entries costs nothing.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

from builder.model import DatePoint, format_point

WHOLE_YEAR = 0  # the month of an item dated by its year alone (and of undated items)


@dataclass(frozen=True)
class Bucket:
    """The items of one year and month (WHOLE_YEAR: dated by the year alone) of a listing.

    `weight` is what a page's size is counted in (an entity's mentions, for a list of the articles
    that mention it); by default one per item.
    """

    year: int | None  # None: undated
    month: int
    count: int
    weight: int = -1
    weights: tuple[int, ...] | None = None  # each item's, in order, when the bucket is to be cut by them
    starts: tuple[int, ...] | None = None  # where its numbered pages start, when cut by its keys (`key_starts`)

    @property
    def load(self) -> int:
        return self.count if self.weight < 0 else self.weight


@dataclass(frozen=True)
class Period:
    """One page of a cut listing, and which of its items it holds.

    `year`/`month` None: the whole listing (it fits on one page). `month` None with a year: the whole
    year. Otherwise one bucket, from `offset`, `count` items.
    """

    url: str
    label: str  # "2024", "March 2024", "March 2024, page 2"; "" for the whole listing
    year: int | None = None
    month: int | None = None
    offset: int = 0
    count: int = 0
    undated: bool = False
    months: tuple = ()  # a cut year's first page: (label, url, count) of each month

    @property
    def whole(self) -> bool:
        return self.year is None and not self.undated


@dataclass
class Cut:
    """A listing cut into periods, and where any item of it is."""

    base: str
    size: int
    periods: list[Period]
    # (year, month) -> the periods of that bucket, in order (several when cut by count).
    _bucket_pages: dict[tuple, list[Period]] = field(default_factory=dict)
    _year_pages: dict[int | None, str] = field(default_factory=dict)

    @property
    def single(self) -> bool:
        return len(self.periods) == 1 and self.periods[0].whole

    def bucket_pages(self, year: int | None, month: int) -> list[Period]:
        return self._bucket_pages.get((year, month), [])

    def pages_for(self, year: int | None, month: int) -> set[str]:
        """The URLs of the pages a change to bucket (year, month) shows on: its own pages, and the
        page where its year starts (which counts the year's months), whether or not the bucket is
        still there."""
        urls = {p.url for p in self.bucket_pages(year, month)}
        start = self.year_url(year)
        if start is not None:
            urls.add(start)
        return urls

    def year_url(self, year: int | None) -> str | None:
        """The page where a year's items start (the listing itself while it is one page)."""
        if self.single:
            return self.base
        return self._year_pages.get(year)

    def url_of(self, year: int | None, month: int, rank: int = 0) -> str:
        """The page of the `rank`-th item (0-based, in display order) of bucket (year, month)."""
        pages = self.bucket_pages(year, month)
        if self.single or not pages:
            return self.year_url(year) or self.base
        for page in pages:
            if rank < page.offset + page.count:
                return page.url
        return pages[-1].url


def month_label(year: int | None, month: int) -> str:
    if year is None:
        return "Undated"
    return format_point(DatePoint(year, month)) if month != WHOLE_YEAR else str(year)


def page_urls(first: str, count: int) -> list[str]:
    return [first if n == 1 else f"{first}page/{n}/" for n in range(1, count + 1)]


def _slices(bucket: Bucket, size: int) -> list[tuple[int, int]]:
    """(offset, count) of each numbered page of a bucket (one page when it fits, or is empty).

    Items of unequal weight (`bucket.weights`) fill a page up to `size` of it, at least one item a
    page; without their weights, by their average.
    """
    count, load = bucket.count, bucket.load
    if load <= size:
        return [(0, count)]
    if bucket.starts is not None:
        ends = [*bucket.starts[1:], count]
        return [(start, end - start) for start, end in zip(bucket.starts, ends)]
    if bucket.weights is not None:
        out, start, filled = [], 0, 0
        for i, w in enumerate(bucket.weights):
            if i > start and filled + w > size:
                out.append((start, i - start))
                start, filled = i, 0
            filled += w
        out.append((start, count - start))
        return out
    per_page = max(1, size * count // load)
    return [(offset, min(per_page, count - offset)) for offset in range(0, count, per_page)]


def key_starts(keys: list[str], size: int) -> tuple[int, ...]:
    """Where the numbered pages of a bucket start, its items given by their sort keys in order: a page
    ends before an item whose key hashes to a multiple of `size // 12` once it holds two thirds of
    `size` items, and at `size` items in any case (one page in fifty: e**-4). Pages hold three
    quarters of `size` on average.

    A cut by count moves an item across every later page break when one is added before them (and
    every date linking to those items follows). Cut by the keys, an added or removed item changes its
    own page, seldom the next ones, and the break before an item stays where it was."""
    least, every = size * 2 // 3, size // 12
    if every < 2:  # pages too small for their keys to choose: by count
        return tuple(range(0, max(len(keys), 1), size))
    starts, start = [0], 0
    for index, key in enumerate(keys):
        held = index - start
        if held >= size or (held >= least and zlib.crc32(key.encode()) % every == 0):
            starts.append(index)
            start = index
    return tuple(starts)


def cut_by_period(buckets: list[Bucket], base: str, size: int) -> Cut:
    """Cut a listing, given as its buckets in display order, into periods (see the module docstring)."""
    total = sum(b.load for b in buckets)
    if total <= size:
        whole = Period(base, "", count=total)
        cut = Cut(base, size, [whole])
        for b in buckets:
            cut._bucket_pages[(b.year, b.month)] = [whole]
        return cut
    # Years in order of first appearance; within a year its own items first, then its months.
    years: dict[int | None, list[Bucket]] = {}
    for b in buckets:
        years.setdefault(b.year, []).append(b)
    cut = Cut(base, size, [])
    for year, parts in years.items():
        first = f"{base}undated/" if year is None else f"{base}{year}/"
        cut._year_pages[year] = first
        load = sum(b.load for b in parts)
        if year is None or load <= size:
            if year is None:
                whole = Bucket(None, WHOLE_YEAR, sum(b.count for b in parts), load)
                slices = _slices(whole, size)
                pages = [Period(url, "Undated" + (f", page {n}" if n > 1 else ""), None, WHOLE_YEAR, offset, n_items,
                                undated=True)
                         for n, (url, (offset, n_items)) in enumerate(zip(page_urls(first, len(slices)), slices), start=1)]
                cut.periods += pages
                cut._bucket_pages[(None, WHOLE_YEAR)] = pages
                continue
            period = Period(first, str(year), year, None, 0, sum(b.count for b in parts))
            cut.periods.append(period)
            for b in parts:
                cut._bucket_pages[(year, b.month)] = [period]
            continue
        own = next((b for b in parts if b.month == WHOLE_YEAR), Bucket(year, WHOLE_YEAR, 0))
        months = [b for b in parts if b.month != WHOLE_YEAR]
        month_pages: list[Period] = []
        listing = []
        for b in months:
            label = month_label(year, b.month)
            slices = _slices(b, size)
            urls = page_urls(f"{first}{b.month:02d}/", len(slices))
            listing.append((label, urls[0], b.count))
            pages = [Period(url, label + (f", page {n}" if n > 1 else ""), year, b.month, offset, n_items)
                     for n, (url, (offset, n_items)) in enumerate(zip(urls, slices), start=1)]
            cut._bucket_pages[(year, b.month)] = pages
            month_pages += pages
        slices = _slices(own, size)
        own_pages = [Period(url, str(year) + (f", page {n}" if n > 1 else ""), year, WHOLE_YEAR, offset, n_items,
                            months=tuple(listing) if n == 1 else ())
                     for n, (url, (offset, n_items)) in enumerate(zip(page_urls(first, len(slices)), slices), start=1)]
        cut._bucket_pages[(year, WHOLE_YEAR)] = own_pages
        cut.periods += own_pages + month_pages
    return cut
