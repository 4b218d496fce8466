"""The publication date of an article that does not state one, inferred from the dates its text reports.

The ingest stage calls `infer_publication_date` when a seed has no dated header or front matter."""

from __future__ import annotations

import datetime as dt

from builder.dates.rules import (
    _future_worded,
    _point,
)
from builder.dates.scan import (
    _scan,
)
from builder.model import DatePoint, PublicationDate


def infer_publication_date(text: str) -> PublicationDate:
    """Guess when an article without a dated header was published.

    The issue's rule: the latest explicit full date, adjusted by what the text
    says of it. A full date told as past is a lower bound, and so is the day
    after a completed reporting period ("the first seven months of 2024") and
    the anniversary day of a span ("January 18, 1950–2026" marks 18 January
    2026). A full date announced as future ("will pay a state visit ... from
    August 18-20") is an upper bound: publication came before it. The answer
    is the lower bound's month; a month-day announced without its year is
    written near the publication day, so when one sets the upper bound its
    month is the answer; bounds on one day give that day. Years or months
    alone ("in 2023", "the 1982 Convention") are no basis: the date is unknown.
    """
    lower: dt.date | None = None
    upper: tuple[dt.date, bool] | None = None  # (last possible day, set by a year-less date)

    def bound_above(day: dt.date, yearless: bool) -> None:
        nonlocal upper
        if upper is None or day < upper[0]:
            upper = (day, yearless)

    for hit in _scan(text, None):
        future = _future_worded(text, hit.start)
        if hit.kind == "anniversary":
            start = hit.value.start
            day = _point(hit.value.end.year, start.month, start.day)
            if day is None:  # 29 February in a common year
                continue
            event = day.first_day()
        elif hit.kind == "period" and not future:
            lower = max(filter(None, (lower, hit.value.last_day() + dt.timedelta(days=1))))
            continue
        elif hit.value.start.precision == "day":
            event = hit.value.start.first_day() if future else hit.value.last_day()
        else:
            continue
        if future:
            bound_above(event - dt.timedelta(days=1), yearless=False)
        else:
            lower = max(filter(None, (lower, event)))
    if lower is not None:
        # Announced month-days without a year ("from August 18-20"): the first such day after the lower bound.
        for hit in _scan(text, lower):
            if hit.kind != "yearless" or hit.value.start.precision != "day" or not _future_worded(text, hit.start):
                continue
            start = hit.value.start
            day = _point(lower.year, start.month, start.day) or _point(lower.year + 1, start.month, start.day)
            event = day.first_day()
            if event < lower:
                event = event.replace(year=lower.year + 1)
            bound_above(event - dt.timedelta(days=1), yearless=True)
    if upper is not None and lower is not None and upper[0] < lower:
        upper = None  # the text contradicts itself: trust what it reports as done
    if lower is None and upper is None:
        return PublicationDate(None, True, "unknown")
    if upper is not None and upper[0] == lower:
        return PublicationDate(DatePoint.of(lower), True, "inferred from text")
    guess = upper[0] if upper is not None and (lower is None or upper[1]) else lower
    return PublicationDate(DatePoint(guess.year, guess.month), True, "inferred from text")
