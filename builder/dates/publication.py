"""The publication date of an article that does not state one: the date its page prints (`stamps`), else inferred
from the dates its text reports.

The ingest stage calls `infer_publication_date` when a seed has no dated header or front matter."""

from __future__ import annotations

import datetime as dt
import functools
import re

from builder.dates.rules import (
    ORDINAL_UNITS,
    ORDINAL_WORDS,
    _NUM,
    _SP,
    _TENS,
    _WEEKDAY,
    _day,
    _mon,
    _month,
    _num,
    _point,
    _year,
    ordinal,
)
from builder.dates.scan import _scan
from builder.dates.stamps import STAMP_LINES, WIRE_DATELINE, dated_title, printed_date_line, yearless_stamp
from builder.dates.tense import COMPARED_WITH, _TENSE, _anticipated, _future_worded, _sentence_start, _tense
from builder.model import DatePoint, PublicationDate


# A weekday on its own ("on Friday", not "Friday, May 2", "last Friday" nor "Thursday last week").
_BARE_WEEKDAY = re.compile(
    r"(?<![\w-])(?<!last )(?<!next )(?<!this )(?<!past )(?i:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
    r"(?!\w)(?!,?\s+(?:\d|January|February|March|April|May|June|July|August|September|October|November|December))"
    r"(?!\s+(?:of\s+)?(?:last|next|this)\s+week)")  # (`Thursday last week`: another week's)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# Ordinals as an anniversary is counted: "25th", "fortieth", "twenty-fifth", "seventy fifth".
_ORDINAL = (rf"\d{{1,3}}(?:st|nd|rd|th)|(?:{'|'.join(_TENS)})[-\u2010\u2011 ](?:{'|'.join(ORDINAL_UNITS)})"
            rf"|{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))}")
# An anniversary told from the day of publication: "Seventy years ago today, on May 7, 1954",
# "Twenty-five years ago to the day", "A decade ago to the day", "today marks 30 years since ... on July 28,
# 1995", "This month marks 40 years since ...", "this year marks the 75th anniversary of ...", "Next year will
# mark 240 years since ...". The unit says how closely the anniversary dates the article.
_ANNIVERSARY = re.compile(
    rf"(?i:(?P<n1>{_NUM}|half\s+a)\s+(?P<d1>years?|decades?|century)\s+ago\s+(?P<unit1>today|to\s+the\s+day|this\s+month"
    rf"|this\s+(?:{_WEEKDAY}))"
    rf"|(?P<unit2>today|tomorrow|yesterday|this\s+month|this\s+year|next\s+year)\s+"
    rf"(?:marks|marked|is|was|will\s+(?:mark|be))\s+(?:the\s+)?"
    rf"(?:(?P<n2>{_NUM})\s+(?P<d2>years|decades)|(?P<o2>{_ORDINAL})(?:\s+\w+)?\s+anniversary)"
    rf"|(?P<unit3>this\s+month|this\s+year)['’]s\s+(?P<o3>{_ORDINAL})(?:\s+\w+)?\s+anniversary"
    # "It has been 87 years since … opened the bakery in 1938": years counted to now, so the year
    rf"|(?P<unit4>it\s+has\s+been|it['’]s\s+been)\s+(?P<n4>{_NUM})\s+(?P<d4>years|decades)\s+since"
    # "Fifty years after the war ended in 1975, the bridge still stands": a retrospective's opening, told from now
    rf"|(?P<unit5>(?<![^\n])|(?<=[.!?]\s))(?P<n5>{_NUM})\s+(?P<d5>years|decades)\s+(?:after|on\s+from)"
    # "On March 18, 1996, twenty-four students sat down … Thirty years later to the day, nine came back": counted from
    # the day told before it
    rf"|(?P<n6>{_NUM})\s+(?P<d6>years|decades)\s+later,?\s+(?P<unit6>to\s+the\s+day)"
    # "It is thirty years to the day since July 9, 1996, when …": counted from the day told after it
    rf"|(?<!\w)(?:it\s+is|it['’]s|it\s+has\s+been|it['’]s\s+been)\s+(?P<n7>{_NUM})\s+(?P<d7>years|decades)\s+"
    rf"(?P<unit7>to\s+the\s+day)\s+since)(?!\w)")
# An anniversary told without a word for now ("The fair marks 20 years since ...", "a gala for the 25th
# anniversary of ..."): the article was written about then, to the month, but what marks it may be
# an event of another day; a basis only when the reported dates give none, or only ones from long before.
_ANNIVERSARY_OF = re.compile(
    rf"(?i:(?<!\w)(?:(?:marks|marking|it\s+will\s+be|it\s+is|it['’]s)\s+(?P<n3>{_NUM})\s+years\s+(?:since|of)"
    rf"|(?:the|its)\s+(?P<o>{_ORDINAL})(?:\s+\w+)?\s+anniversary))(?!\w)")


_THIS_YEAR = re.compile(r"(?<!\w)this\s+year(?!\w)", re.IGNORECASE)
# A sentence's end, a colon not counted ("No. 2" is an abbreviation's full stop).
_FULL_STOP = re.compile(r"[.?!] (?!\d)|\n")


def _sentence_opening(text: str, pos: int) -> int:
    """Where the sentence holding `pos` opens (`_FULL_STOP`)."""
    return max((stop.end() for stop in _FULL_STOP.finditer(text, 0, pos)), default=0)


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding `pos` ends: its full stop, or the text's end."""
    stop = _FULL_STOP.search(text, pos)
    return stop.start() if stop else len(text)


def infer_publication_date(text: str, title: str | None = None) -> PublicationDate:
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
    alone ("in 2023", "the 1982 Convention") are no basis: the date is unknown, unless the text says
    which year is this one ("Earlier this year, in March 2025": 2025).

    `title`: the article's title, when the seed gives one: a transcript's title may end on its day ("… Regular
    Press Conference on September 24, 2025").

    Before the bounds: an anniversary counted from now ("Twenty-five years ago to the day, on
    December 30, 1999") dates the article by arithmetic; to a month or a year, the bounds may
    narrow it inside that period. An anniversary told without a word for now ("marks 20 years
    since ...") counts only when the bounds give nothing, or only dates from years before it.
    """
    printed = printed_date_line(text) or dated_title(title or "")
    if printed is not None:
        return printed
    found = _infer(text)
    stamp = yearless_stamp(text)
    month_day = stamp[:2] if stamp is not None else None
    if month_day is not None and found.value is None and (weekday := stamp[2] if stamp[2] is not None
                                                          else _lead_weekday(text)) is not None:
        # `Zaragoza, Jun 25 (EFE).- … said on Thursday`, `Doha • Thursday, January 22`: the year in which that
        # day is that weekday; a lead's weekday may also be the day before its dateline's (`Rome, 20 May 11:45 -
        # (Nova) - … held … on Tuesday`), when that day's year is none the text tells as done whole (`in 2025`)
        # (a year the text counts by its editions first: `every year since 2015; this was the twelfth edition`)
        done = _latest_year_told_done(text)
        pins = [pin for told in ((weekday,) if stamp[2] is not None else (weekday, (weekday + 1) % 7))
                if (pin := _weekday_pin(text, [(*month_day, told)])) is not None and (done is None or pin[1] > done)]
        if pins:
            return PublicationDate(DatePoint(min(pins, key=lambda pin: pin[0] > 0)[1], *month_day), True,
                                   "date line in text")
    if found.value is None:
        # "Earlier this year, in March 2025, …", "appeared last year, in 2023": the year a text calls this
        # one, or the last or the next, when nothing dates it closer
        named = _YEAR_NAMED_RELATIVELY.search(text)
        ago = _YEARS_AGO_NAMED.search(text)
        compared = _SAME_PERIOD_OF.search(text)
        if named is not None:
            year = int(named["y"]) + _COUNTED_BACK[named["which"].lower()]
            found = PublicationDate(DatePoint(year), True, "inferred from text")
        elif ago is not None:  # "Ten years ago, in 2014, …": this year is 2024
            found = PublicationDate(DatePoint(int(ago["y"]) + _num(ago["n"])), True, "inferred from text")
        elif compared is not None:  # "rose 25 percent … from the same period of 2025": a year on, 2026
            found = PublicationDate(DatePoint(int(compared["y"]) + 1), True, "inferred from text")
    if month_day is not None and found.value is not None:
        # `14 APR, 11:20` over the story: the page's day, in the year its text gives
        try:
            return PublicationDate(DatePoint(found.value.year, *month_day), True, "date line in text")
        except ValueError:
            pass  # (29 February of a year without it: the text's own date stands)
    if month_day is not None and found.value is None and (since := _earliest_day_after_reports(text)) is not None:
        # `Arequipa (Peru), Nov 24 (EFE).- … exported 5,900 tonnes in 2025`: a year told whole as done is
        # over, and copy of that year would have called it "this year": the first year after it; `MOSCOW. Dec 4
        # (Interfax) - … received 612,000 tourists in January-October 2026`: the first Dec 4 after those months began
        year = since.year if month_day >= (since.month, since.day) else since.year + 1
        try:
            return PublicationDate(DatePoint(year, *month_day), True, "date line in text")
        except ValueError:
            pass
    if found.value is not None and found.value.precision == "year":
        # "the provinces merged last month, in July": in a year the text gives, the month it calls the last
        month = _MONTH_NAMED_RELATIVELY.search(text)
        if month is not None:
            shift = _COUNTED_BACK[month["which"].lower()]
            # (the year is the text's: "last month, in December" in a 2025 article is January 2025)
            number = (_mon(month["m"]) + shift - 1) % 12 + 1
            return PublicationDate(DatePoint(found.value.year, number), True, "inferred from text")
    return found


# What is added to a year or a month named as "last", "this" or "next" to make it the article's own.
_COUNTED_BACK = {"last": 1, "this": 0, "next": -1}
# "N years ago" beside the year it was: "Ten years ago, in 2014", "47 years ago, in January 1979".
_YEARS_AGO_NAMED = re.compile(rf"(?<!\w)(?P<n>(?i:{_NUM}))\s+(?i:years)\s+(?i:ago),?\s+(?:in\s+)?(?:{_month('m')}\s+)?"
                              r"(?P<y>(?:19|20)\d\d)(?![\d\w])")
# "last month" (or "this month", "next month") beside the month it is: "last month, in July".
_MONTH_NAMED_RELATIVELY = re.compile(
    rf"(?<!\w)(?P<which>(?i:this|last|next))\s+(?i:month),?\s+(?:in\s+)?{_month('m')}(?!,?\s+\d)")
# "this year" (or "last year", "next year") beside the year it is: "Earlier this year, in March 2025",
# "this year (2025)", "last year, in 2023".
# A year-on-year comparison: `rose 25 percent in the first three quarters … from the same period of 2025`.
# (`compared with 158 in the same period of 2025`: the figure it is compared with may come first)
_SAME_PERIOD_OF = re.compile(r"(?<!\w)(?i:from|than|on|over|compared\s+with|against|in)\s+the\s+same\s+(?i:period|months?|quarter)"
                             r"\s+(?i:of|in)\s+(?P<y>(?:19|20)\d\d)(?![\d\w])")
_YEAR_NAMED_RELATIVELY = re.compile(
    r"(?<!\w)(?P<which>(?i:this|last|next))\s+(?i:year)(?:,?\s+(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s+)?|\s*\()"
    r"(?P<y>(?:19|20)\d\d)(?![\d\w])")


def _infer(text: str) -> PublicationDate:
    """`infer_publication_date` from the dates the text reports (no date line in it)."""
    anniversary = _anniversary(text, _ANNIVERSARY)
    if anniversary is not None and anniversary.value.precision == "day":
        return anniversary
    bounded = _from_bounds(text)
    if anniversary is None:
        # "the 60th anniversary of" a dated event: written about then, so a basis when the reported
        # dates give none or only ones from long before it (the event itself, told as done)
        anniversary = _anniversary(text, _ANNIVERSARY_OF)
        if anniversary is not None and bounded.value is not None and bounded.value.year >= anniversary.value.year - 1:
            return bounded
    if anniversary is None:
        # `opened on Saturday, September 13` in an article that names 2025: the weekday pins the year, and
        # the article is no older than that (`set up on November 22, 1995` and a ceremony `on Saturday,
        # November 22` thirty years on)
        year = _year_a_weekday_pins(text)
        if year is not None and (bounded.value is None or year > bounded.value.year):
            return _from_bounds(text, year)
    if anniversary is None and bounded.value is None:
        # Month-days without a year and no full date at all ("the 2025 Foshan … Championship ended on Sunday",
        # a caption's "October 14"): the year of the edition the article reports is the one they are in, when
        # they place it. (Not any year it names: "an agreement for 2024–2029" or "in 2025" may be to come.)
        editions = [int(y) for y in _EDITION_YEAR.findall(text)]
        if editions:
            placed = _from_bounds(text, max(editions))
            if placed.value is not None and placed.value.year == max(editions):
                return placed
    if anniversary is None:
        if bounded.value is not None and bounded.value.precision != "day":
            # `went live on Monday, September 8` in a month the full dates give: the weekday pins the year
            placed = _from_bounds(text, bounded.value.year)
            if placed.value is not None and _within(placed.value, bounded.value):
                return placed
        return bounded
    if bounded.value is not None and _within(bounded.value, anniversary.value):
        return bounded  # the reported dates place the article more closely inside the anniversary's month or year
    if anniversary.value.precision == "year":
        placed = _from_bounds(text, anniversary.value.year)
        if placed.value is not None and _within(placed.value, anniversary.value):
            return placed
    return anniversary


# A month-day beside its weekday and without a year ("Saturday, September 13"), in the grammar's own words.
_WEEKDAY_MONTH_DAY = re.compile(
    rf"(?<!\w)(?P<wd>{_WEEKDAY}),?{_SP}(?:{_month('m1')}{_SP}{_day('d1')}|{_day('d2')}{_SP}{_month('m2')})"
    rf"(?!,?{_SP}\d{{4}})")


# The year of an edition of something that recurs ("the 2025 edition", "the 2025 Foshan International Lion
# Dance Championship"), not of a treaty or a plan ("the 1982 United Nations Convention").
_EDITION_YEAR = re.compile(
    r"(?<!\w)the\s+((?:19|20)\d\d)\s+(?:[A-Z][\w’'-]*\s+){0,6}?"
    r"(?i:edition|season|championships?|games|cup|festival|fair|expo|forum|week|marathon|tournament|summit)(?!\w)")
_YEAR_WORD = re.compile(_year("y"))  # a year as the date grammar reads one
# A year standing alone after `in` or `during` (`exported 5,900 tonnes in 2025`), not a month's or a day's.
_BARE_YEAR_IN = re.compile(r"(?<![\w,])(?i:in|during)[ \t]+(?P<y>(?:19|20)\d\d)(?![\w/–-])")


@functools.lru_cache(maxsize=8)
def _latest_year_told_done(text: str) -> int | None:
    """The latest year the text tells, standing alone, in a clause whose verb is past (after it when none comes
    before: `the last cases, in 2023, were linked`), or as what a figure is compared with (`up from two in 2025`);
    None when none is. Remembered for the last few texts: a year-less dateline's article asks it up to four times."""
    told = [int(m["y"]) for m in _BARE_YEAR_IN.finditer(text)
            if not _future_worded(text, m.start()) and (
                _told_as_past(text, opening := _sentence_start(text, m.start()), m.start())
                or (not _TENSE.search(text, opening, m.start()) and _tense(text, m.start()) < 0))]
    return max(told + [int(m["y"]) for m in _COMPARED_WITH_YEAR.finditer(text)], default=None)


def _earliest_day_after_reports(text: str) -> dt.date | None:
    """The earliest day the article can be from by what it reports as done: the first day after the latest year it
    tells whole as done (`_latest_year_told_done`), or the first day of the latest month or day it tells in a past
    clause (`received … in January-October 2026`), whichever is later; None when it tells neither."""
    done = _latest_year_told_done(text)
    days = [dt.date(done + 1, 1, 1)] if done is not None else []
    for hit in _scan(text, None):
        if (hit.kind == "absolute" and hit.value.start.precision in ("month", "day") and not _told_ahead(text, hit)
                and _told_as_past(text, _sentence_start(text, hit.start), hit.start)):
            last = hit.value.end or hit.value.start
            days.append(dt.date(last.year, last.month, last.day if last.precision == "day" else 1))
    return max(days, default=None)


# What a figure is compared with, in a year over: `up from two in 2025`, `down from 46 in 2024`.
_COMPARED_WITH_YEAR = re.compile(rf"{COMPARED_WITH}[ \t]+in[ \t]+(?P<y>(?:19|20)\d\d)(?![\w/–-])")


def _year_a_weekday_pins(text: str, known: list[tuple[int, int, int]] = ()) -> int | None:
    """The one year in which every month-day written beside its weekday ("Saturday, September 13"), and
    every (month, day, weekday) `known` otherwise, falls on that weekday: among the years the text names
    ("the 2025 edition", "(1950–2025)"), else among the years next to them; None when none or several fit."""
    pinned = _weekday_pin(text, known)
    return pinned[1] if pinned is not None else None


def _weekday_pin(text: str, known: list[tuple[int, int, int]] = ()) -> tuple[int, int] | None:
    """`_year_a_weekday_pins`, with how closely the text names the year: (0 for a count of editions, 1 for a year it
    names, 2 for one next to those, 3 for the first after the latest it tells as done; year)."""
    written = [(_mon(m["m1"] or m["m2"]), int(m["d1"] or m["d2"]), _WEEKDAYS.index(m["wd"].lower()))
               for m in _WEEKDAY_MONTH_DAY.finditer(text)] + list(known)
    if not written:
        return None
    # The year of an edition counted from a series' first ("the fifth … Drill since the series began in
    # 2021": yearly, 2025) is the article's own: tried first, as weekdays fall alike every few years
    # ("the 12th edition of a contest held every year since 2014": 2025, though May 11 of 2014 was a Sunday too).
    counted = {int(m["y"] or m["y2"]) + ordinal(m["o"] or m["o2"]) - 1 for m in _EDITION_SINCE.finditer(text)}
    named = {int(year) for year in _YEAR_WORD.findall(text)}
    # ... and the years an anniversary counts from them ("three decades of exchanges", "the 30th anniversary")
    named |= {year + count for year in named for count in _anniversary_counts(text)}
    named |= counted
    for tier, candidates in enumerate((counted, named, {year + step for year in named for step in (-1, 1)} - named)):
        fits = {year for year in candidates if _weekdays_fall(year, written)}
        if len(fits) > 1:
            # (`founded in 1998` and `the 2026 harvest`: the article is no older than a year it names as done or now;
            # when a plan's year is told as if done, `wanted to send … from 2027`, none is: then the latest)
            told = [int(m["y"]) for m in _YEAR_WORD.finditer(text) if not _future_worded(text, m.start())]
            fits = {y for y in fits if y >= max(told, default=y)} or {max(fits)}
        if fits:
            return (tier, fits.pop()) if len(fits) == 1 else None
    # (`the last cases, in 2023, were …` and `by Friday, December 4`: the first year after it that the weekdays fit)
    if (done := _latest_year_told_done(text)) is not None:
        year = next((year for year in range(done + 1, done + 7) if _weekdays_fall(year, written)), None)
        if year is not None:
            return 3, year
    return None


def _weekdays_fall(year: int, written: list[tuple[int, int, int]]) -> bool:
    """Whether each (month, day, weekday) falls on its weekday in `year`."""
    return all((p := _point(year, month, day)) is not None and p.first_day().weekday() == weekday
               for month, day, weekday in written)


_EDITION_SINCE = re.compile(
    rf"(?i:(?<!\w)the\s+(?P<o>{_ORDINAL})\s)[^.?!\n]{{0,120}}?(?<!\w)"
    rf"(?i:since|began\s+in|started\s+in|launched\s+in|first\s+held\s+in)(?!\w)"
    rf"[^.?!\n\d]{{0,40}}?(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)"
    # … or the year first: `has run the awards every year since 2015; this was the twelfth edition`
    rf"|(?i:every\s+year\s+since|annually\s+since)\s+(?P<y2>(?:19|20)\d\d)(?!\d)[^.?!\n]{{0,40}}?"
    rf"(?i:the\s+(?P<o2>{_ORDINAL})\s+(?:edition|session|year))(?!\w)")
_COUNTED = re.compile(rf"(?i:(?<!\w)(?:(?P<n>{_NUM})\s+(?P<unit>years|decades)\s+(?:of|since|after)"
                      rf"|(?P<o>{_ORDINAL})(?:\s+\w+)?\s+anniversary))(?!\w)")


def _anniversary_counts(text: str) -> set[int]:
    """The numbers of years the text counts as an anniversary: "30 years of", "three decades since", "the 30th anniversary"."""
    counts = set()
    for m in _COUNTED.finditer(text):
        if m["o"]:
            counts.add(ordinal(m["o"]))
        else:
            counts.add(_num(m["n"]) * (10 if m["unit"].lower() == "decades" else 1))
    return counts


def _within(point: DatePoint, period: DatePoint) -> bool:
    """Whether `point` is finer than `period` and lies inside it."""
    finer = ("year", "month", "day").index(point.precision) > ("year", "month", "day").index(period.precision)
    return finer and period.first_day() <= point.first_day() <= period.last_day()


# What was said would happen, in the date's own clause: `said nurses would start a course on Monday, December 16`.
_WOULD_BEFORE = re.compile(r"(?i)(?<![\w’'-])would[ \t]+(?!have\b)[a-z]+[^.;:!?,\n]*$")


def _told_ahead(text: str, hit) -> bool:
    """Whether a date is told as still to come: announced, prepared for or done ahead of, or a day said to
    be when something would happen (`said nurses would start a course on Monday, December 16`)."""
    return (_future_worded(text, hit.start) or _anticipated(text, hit.start)
            or (hit.value.start.precision == "day"
                and _WOULD_BEFORE.search(text, _sentence_start(text, hit.start), hit.start) is not None))


def _from_bounds(text: str, year: int | None = None) -> PublicationDate:
    """The publication date bounded by the full dates the text reports as done or to come; with `year`
    (an anniversary's), month-days written without a year count too when they fall in it, as a
    weekday beside one pins it ("on Monday, September 29" of the 76th anniversary's year)."""
    lower: dt.date | None = None
    lower_is_reported_day = False  # the lower bound is the day of a reported event, not a period's end
    upper: tuple[dt.date, bool] | None = None  # (last possible day, set by a year-less date)
    pinned_ahead: dt.date | None = None  # the first day to come that its weekday pins (`the finals on Sunday, May 24`)

    def bound_above(day: dt.date, yearless: bool) -> None:
        nonlocal upper
        if upper is None or day < upper[0]:
            upper = (day, yearless)

    if year is None:
        hits = _scan(text, None)
    else:
        hits = [h for h in _scan(text, dt.date(year, 7, 1)) if h.kind in ("absolute", "period", "anniversary")
                or h.kind == "yearless" and h.value.end is None and h.value.start.precision == "day"
                and h.value.start.year == year]
    for hit in hits:
        # What is prepared for, or done ahead of, is still to come when it is reported; so is what was said
        # would happen (`said nurses would start a course on Monday, December 16`).
        future = _told_ahead(text, hit)
        if hit.kind == "anniversary":
            start = hit.value.start
            day = _point(hit.value.end.year, start.month, start.day)
            if day is None:  # 29 February in a common year
                continue
            event = day.first_day()
        elif hit.kind == "period" and not future:
            after = hit.value.last_day() + dt.timedelta(days=1)
            if lower is None or after > lower:
                lower, lower_is_reported_day = after, False
            continue
        elif hit.value.start.precision == "day":
            event = hit.value.start.first_day() if future else hit.value.last_day()
        else:
            continue
        if future:
            bound_above(event - dt.timedelta(days=1), yearless=False)
            if _weekday_pins(text, hit, event):
                pinned_ahead = min(pinned_ahead or event, event)
        elif lower is None or event >= lower:
            lower, lower_is_reported_day = event, True
    anchor: dt.date | None = None  # a day its weekday pins, told as done in the week before a period's end
    if lower is not None:
        # Month-days without a year told as done ("on Tuesday, March 4, began"), in the month after
        # the lower bound, or later in its year when the weekday beside one falls on it that year: the
        # reported day is a closer lower bound.
        for hit in _scan(text, lower):
            if hit.kind == "yearless" and hit.value.start.precision == "day" and not _told_ahead(text, hit):
                start = hit.value.start
                day = _point(lower.year, start.month, start.day)
                if day is None:
                    continue
                pinned = _weekday_pins(text, hit, day.first_day())
                if day.first_day() < lower:
                    if pinned and not lower_is_reported_day and lower - day.first_day() < dt.timedelta(days=7):
                        anchor = max(anchor or day.first_day(), day.first_day())
                    continue
                if day.first_day() <= lower + dt.timedelta(days=31) or pinned:
                    lower, lower_is_reported_day = day.first_day(), True
        # Announced month-days without a year ("from August 18-20"): the first such day after the lower bound.
        for hit in _scan(text, lower):
            if hit.kind != "yearless" or hit.value.start.precision != "day" or not _told_ahead(text, hit):
                continue
            start = hit.value.start
            day = _point(lower.year, start.month, start.day) or _point(lower.year + 1, start.month, start.day)
            event = day.first_day()
            if event < lower:
                event = event.replace(year=lower.year + 1)
            bound_above(event - dt.timedelta(days=1), yearless=True)
            if _weekday_pins(text, hit, event):
                pinned_ahead = min(pinned_ahead or event, event)
    dated_day = lower if lower_is_reported_day else None  # the latest full date reported as done
    if lower is not None and lower_is_reported_day:
        lower, upper = _weekday_bounds(text, lower, upper)
    elif anchor is not None:
        # `installed on Monday, November 30` in an article that has the first eleven months of the year behind
        # it: the weekdays told after that day narrow the publication day from there.
        narrowed, upper = _weekday_bounds(text, anchor, upper)
        if narrowed >= lower:
            lower, lower_is_reported_day = narrowed, True
    elif lower is not None and upper is not None and dt.timedelta(0) <= upper[0] - lower < dt.timedelta(days=7):
        # `the first two months of 2026` behind it and a tour `due back on Sunday, March 8`: a week at most, in
        # which the weekdays told as done and to come place the day
        lower, upper = _weekday_bounds(text, lower, upper)
    elif pinned_ahead is not None and upper is not None and upper[0] == pinned_ahead - dt.timedelta(days=1):
        # A brief of the week that tells its weekdays as done and to come (`opened on Monday`, `meets … on Friday`)
        # and closes on a day to come that its weekday pins (`the finals … on Sunday, May 24`): the weekdays are
        # that week's, and place the day in the six before it.
        week_start = pinned_ahead - dt.timedelta(days=6)
        if _weekdays_both_ways(text) and (lower is None or week_start >= lower):
            narrowed, narrowed_upper = _weekday_bounds(text, week_start, upper)
            if narrowed_upper is not None and _weekdays_fit(text, week_start, narrowed, narrowed_upper[0]):
                lower, upper = narrowed, narrowed_upper
                lower_is_reported_day, dated_day = True, lower
    if upper is not None and lower is not None and upper[0] < lower:
        upper = None  # the text contradicts itself: trust what it reports as done
    if lower is None and upper is None:
        return PublicationDate(None, True, "unknown")
    if upper is not None and upper[0] == lower:
        return PublicationDate(DatePoint.of(lower), True, "inferred from text")
    if upper is not None and lower is not None and lower == dated_day and upper[0] - lower == dt.timedelta(days=1):
        # Two days left, the first the day of the latest dated event ("left on Saturday, June 14", and from
        # Monday something to come): wire copy reports the day it happens, so that day rather than its month.
        # (A weekday told as done, "On Wednesday, vendors said", is as often the day before: a month then.)
        return PublicationDate(DatePoint.of(lower), True, "inferred from text")
    guess = upper[0] if upper is not None and (lower is None or upper[1]) else lower
    month = DatePoint(guess.year, guess.month)
    # The latest day reported as done, when it falls in that month, is a better "now" than the 1st.
    reference = lower if lower is not None and lower_is_reported_day and (lower.year, lower.month) == (
        guess.year, guess.month) else None
    return PublicationDate(month, True, "inferred from text", reference)


def _weekday_pins(text: str, hit, day: dt.date) -> bool:
    """Whether the month-day `hit` is written beside its weekday (`Sunday, May 24`), and `day` falls on it."""
    weekday = _WEEKDAY_MONTH_DAY.match(text, hit.start)
    return weekday is not None and _WEEKDAYS.index(weekday["wd"].lower()) == day.weekday()


def _weekday_told(text: str, pos: int) -> int:
    """+1 if the bare weekday at `pos` is told as to come (announced, or its verb's tense), -1 as done, 0 if its verb
    has no tense (`Thursday is a rest day`)."""
    return 1 if _future_worded(text, pos) else _tense(text, pos)


def _weekdays_both_ways(text: str) -> bool:
    """Whether the text names bare weekdays both as done (or untold) and as to come."""
    return {_weekday_told(text, m.start()) > 0 for m in _BARE_WEEKDAY.finditer(text)} == {True, False}


def _weekdays_fit(text: str, week_start: dt.date, first: dt.date, last: dt.date) -> bool:
    """Whether each bare weekday whose verb has a tense falls, in the week from `week_start`, on its side of a
    publication day between `first` and `last`: one told as done not after `last`, one to come after `first`."""
    for m in _BARE_WEEKDAY.finditer(text):
        told = _weekday_told(text, m.start())
        day = week_start + dt.timedelta(days=(_WEEKDAYS.index(m["wd"].lower()) - week_start.weekday()) % 7)
        if told > 0 and day <= first or told < 0 and day > last:
            return False
    return True


def _weekday_bounds(text: str, lower: dt.date, upper: tuple[dt.date, bool] | None
                    ) -> tuple[dt.date, tuple[dt.date, bool] | None]:
    """Weekdays told around a known day narrow the publication day: a weekday announced as to come
    ("will return on Saturday") falls after publication, so publication is before its first
    occurrence after the known day; a weekday told as done ("On Friday, the delegation visited")
    falls on or before publication, so when it can only be one day of the window, publication is
    no earlier than that day. Weekdays are always this week's: the window is at most six days."""
    # "On Thursday, the officers will visit …": the verb after a weekday that opens its sentence tells too.
    found = [(m["wd"].lower(), _weekday_told(text, m.start()) > 0)
             for m in _BARE_WEEKDAY.finditer(text)]
    for name, future in found:
        if future:
            ahead = (_WEEKDAYS.index(name) - lower.weekday()) % 7 or 7
            day = lower + dt.timedelta(days=ahead - 1)
            if upper is None or day < upper[0]:
                upper = (day, False)
    if upper is None or not dt.timedelta(0) <= upper[0] - lower < dt.timedelta(days=6):
        return lower, upper
    for name, future in found:
        if not future:
            days = [lower + dt.timedelta(days=k) for k in range((upper[0] - lower).days + 1)]
            hits = [d for d in days if d.weekday() == _WEEKDAYS.index(name)]
            if len(hits) == 1:
                lower = max(lower, hits[0])
    return lower, upper



def _lead_weekday(text: str) -> int | None:
    """The weekday (0 = Monday) a lead under a wire dateline reports as past (`…, industry sources said on
    Thursday.`): the day of its dateline, as wire copy names it."""
    dateline = next((m for line in text.splitlines()[:STAMP_LINES] if (m := WIRE_DATELINE.match(line))), None)
    if dateline is None:
        return None
    # (the lead's first sentence, after its dateline: `KHABAROVSK, October 7. /TASS/.` ends on full stops of its own)
    lead, start = dateline.string, dateline.end()
    end = _sentence_end(lead, start)
    for m in _BARE_WEEKDAY.finditer(lead, start, end):
        if (_ON_OR_PAST_VERB.search(lead, max(0, m.start() - 20), m.start())
                and _told_as_past(lead, _sentence_start(lead, m.start()), m.start())):
            return _WEEKDAYS.index(m["wd"].lower())
    return None


# What stands before a lead's weekday: `on`, or in American and Japanese wire style a past verb alone (`agreed
# Wednesday`, `said Tuesday`).
_ON_OR_PAST_VERB = re.compile(r"(?<![\w’'-])(?i:on|[a-z]+ed|said|met|held|signed|told|took|made|gave|began|won|left)"
                              r"[ \t]+\Z")


def _told_as_past(text: str, start: int, end: int) -> bool:
    """Whether the first verb between `start` and `end` with a tense is past."""
    verb = _TENSE.search(text, start, end)
    return verb is not None and verb["past"] is not None


# An anniversary of an event named before, referred back to: `… marks 25 years since that last camp shut`, `… two
# decades since she arrived`.
_SINCE_THAT = re.compile(r"\s+since\s+(?:that|the|this|he|she|they|we|it|his|her|their|its)\s", re.IGNORECASE)


_EVENT_REACH = 400  # characters after an anniversary's sentence in which the scene it recalls may be dated
_DATE_BEFORE_REACH = 40  # … and before a count from now that names it in apposition (`on May 7, 1954, seventy years ago`)
_JUST_A_COMMA = re.compile(r"[ \t]*[,—–][ \t]*")


def _dated(text: str, need: str) -> list:
    """The full dates (no spans) in `text` told as precisely as `need` says, in order."""
    return [h for h in _scan(text, None) if h.kind == "absolute" and h.value.end is None
            and _covers(h.value.start.precision, need)]


def _anniversary(text: str, shape: re.Pattern) -> PublicationDate | None:
    """An anniversary counted from the day of publication dates the article by arithmetic:
    "Seventy years ago today, on May 7, 1954" is 7 May 2024; "This month marks 40 years since
    ... September 5, 1985" is September 2025; "this year marks the 75th anniversary of ... 1950" is
    2025. The dated event is the first date after the phrase in its sentence (not a span, and as precise as the
    unit needs (a day for "today", a month for "this month" or none, a year for "this year"))."""
    for m in shape.finditer(text):
        groups = m.groupdict()
        number = next((groups[g] for g in ("n1", "n2", "n3", "n4", "n5", "n6", "n7") if groups.get(g)), None)
        counted_as = next((groups[g] for g in ("o", "o2", "o3") if groups.get(g)), None)
        half = number is not None and number.lower().startswith("half")  # "Half a century ago today"
        years = 1 if half else _num(number) if number else ordinal(counted_as)
        counted_in = next((groups[g] for g in ("d1", "d2", "d4", "d5", "d6", "d7") if groups.get(g)), "").lower()
        years *= 10 if counted_in.startswith("decade") else 100 if counted_in == "century" else 1  # "A decade ago"
        if half:
            years //= 2
        unit = " ".join(next((groups[g] for g in ("unit1", "unit2", "unit3", "unit6", "unit7") if groups.get(g)), ""
                             ).lower().split())
        if groups.get("unit4") is not None or groups.get("unit5") is not None:
            unit = "this year"
        ahead = unit.startswith("this ") and unit.split()[1] in _WEEKDAYS  # "Sixty years ago this Thursday"
        need = {"today": "day", "to the day": "day", "tomorrow": "day", "yesterday": "day", "this year": "year",
                "next year": "year"}.get(unit, "day" if ahead else "month")
        if unit == "next year":
            years -= 1  # "Next year will mark 240 years since … 1786": this year is 2025
        # to the sentence's full stop: "20 years since the line was fixed: the Agreement … took effect on …"
        sentence_end = _sentence_end(text, m.end())
        if not unit and _THIS_YEAR.search(text, m.end(), sentence_end):
            need = "year"  # "the 75th anniversary of ties, established in January 1950, which … are marking this year"
        if groups.get("unit6") is not None:  # (`… later to the day`: the last day told before the phrase)
            hits = _dated(text[max(0, m.start() - _EVENT_REACH):m.start()], need)[-1:]
        else:
            hits = _scan(text[m.start():sentence_end], None)
        if not hits and groups.get("unit1") is not None:
            # `… on October 9, 1976, fifty years ago today, carrying …`: the day told just before the phrase
            before = text[max(0, m.start() - _DATE_BEFORE_REACH):m.start()]
            hits = [h for h in _dated(before, need)[-1:] if _JUST_A_COMMA.fullmatch(before, h.end)]
        if not hits and _SINCE_THAT.match(text, m.end()):
            # `This month marks 25 years since that last camp shut`: the event the article dated before, its
            # first date told as precisely as the count needs (`closed on June 1, 2000`)
            hits = _dated(text[:m.start()], need)[:1]
        if not hits and (groups.get("unit1") is not None or groups.get("unit2") is not None):
            # `Thirty years ago this month, an interpreter sat at the back … The upgrade was agreed … in July 1996.`,
            # `This month marks 40 years since the first reel crossed … The exchange began in March 1986.`: the
            # scene's date, told in the sentences after it
            # (a day, as `today` counts to, is told more rarely than a year: looked for twice as far)
            reach = _EVENT_REACH * (2 if need == "day" else 1)
            hits = _dated(text[sentence_end:sentence_end + reach], need)[:1]
        if not hits:
            continue
        first = hits[0]  # the event counted from: the first date told after the phrase
        event = first.value.start
        if groups.get("unit5") is not None and _told_as_past(text, m.start() + first.end, sentence_end):
            continue  # `Ten years after the war ended in 1975, he returned`: a narrative's past, not now
        if (first.kind == "absolute" and first.value.end is not None and event.precision == "year"
                and first.value.end.year - event.year == years):
            # "the 76th anniversary of the founding … (1949–2025)": the span ends in the anniversary's year
            return PublicationDate(DatePoint(first.value.end.year), True, "inferred from text")
        if first.kind != "absolute" or first.value.end is not None or not _covers(event.precision, need):
            continue
        point = _point(event.year + years, event.month if need != "year" else None,
                       event.day if need == "day" else None)
        if point is None:
            continue
        if unit in ("tomorrow", "yesterday"):  # the anniversary is the day after, or before, publication
            point = DatePoint.of(point.first_day() + dt.timedelta(days=-1 if unit == "tomorrow" else 1))
        elif ahead:  # the anniversary is a day of the coming week: the article is of the days before it
            before = point.first_day() - dt.timedelta(days=1)
            return PublicationDate(DatePoint(before.year, before.month), True, "inferred from text", before)
        return PublicationDate(point, True, "inferred from text")
    return _turning(text)


# "it turns 70 next year", "the line turned 50 this year": an age told after the event it counts from.
_TURNS = re.compile(rf"(?i:(?<!\w)(?:turns|will\s+turn|turned)\s+(?P<n>{_NUM})\s+(?P<unit>this\s+year|next\s+year"
                    rf"|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)))"
                    rf"(?!\w)"  # (`It turns 40 in October`: this year's October, the age's month)
                    # (`This month the shop turns 25`: the month of the event counted from, that many years on)
                    rf"|(?i:(?<!\w)(?P<month>this\s+month)[^.!?\n]{{0,40}}?\s(?:turns|turned)\s+(?P<n2>{_NUM}))(?![\w-])")


# What an age is counted from when the sentence telling it has no date: the founding told before it, or the first
# of what it does ("planted his first 200 cuttings in 1996 … The farm turned 30 this year").
_FOUNDED = re.compile(r"(?i:(?<!\w)(?:opened|founded|established|set\s+up|launched|started|began|built|created"
                      r"|planted|(?:his|her|their|its)\s+first)(?!\w))")


def _turning(text: str) -> PublicationDate | None:
    """The year an age told from a dated event makes this one: "began on March 1, 1956, …, and it turns 70 next
    year" is 2025 (the event is the date before the phrase in its sentence told most precisely)."""
    for m in _TURNS.finditer(text):
        hits = [h for h in _scan(text[_sentence_opening(text, m.start()):m.start()], None)
                if h.kind == "absolute" and h.value.end is None]
        if not hits:
            # "The shop turned 40 this year" after "Tiến opened the shop in March 1985": an age counts from a founding
            # (the founding nearest before the age whose sentence gives a date: `half-built hulls rest on trestles`
            # gives none; `bought it in 1995, the week she opened a … shop` gives 1995)
            for founding in reversed(list(_FOUNDED.finditer(text, 0, m.start()))):
                told = text[_sentence_opening(text, founding.start()):_sentence_end(text, founding.end())]
                hits = [h for h in _scan(told, None) if h.kind == "absolute" and h.value.end is None][:1]
                if hits:
                    break
        if not hits:
            continue
        years = _num(m["n"] or m["n2"]) - (1 if (m["unit"] or "").lower().startswith("next") else 0)
        # the event counted from is told most precisely: "began on March 1, 1956, under the 1955 agreement"
        event = min(hits, key=lambda h: (-("year", "month", "day").index(h.value.start.precision), h.start))
        month = event.value.start.month if m["month"] else None
        if m["month"] and month is None:
            continue
        point = _point(event.value.start.year + years, month)
        if point is not None:
            return PublicationDate(point, True, "inferred from text")
    return None


def _covers(precision: str, need: str) -> bool:
    order = ("year", "month", "day")
    return order.index(precision) >= order.index(need)
