"""The date grammar's words and resolvers: the patterns dates are built of (months, days, years, connectors) and,
for each shape of date expression `builder.dates.grammar` lists, the resolver that turns one match into a value
(`builder.model.DateValue`), resolved against the reference day (the publication date)."""

from __future__ import annotations

import datetime as dt
import re
import re._parser
from dataclasses import dataclass
from typing import Callable

from builder.dates.foreign import FOREIGN_MONTH as _FOREIGN_MONTH
from builder.dates.foreign import FOREIGN_MONTH_CUTS, FOREIGN_MONTHS
from builder.dates.foreign import FOREIGN_WEEKDAY as _FOREIGN_WEEKDAY
from builder.dates.tense import _anticipated, _future_worded, _sentence_start, _tense
from builder.dates.years import (
    NUMBERED_NAMES,
    _looks_like_quantity,
    _word_after,
    _word_before,
    _year_in_context,
)
from builder.model import DatePoint, DateValue

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    name: i for i, name in enumerate(
        "monday tuesday wednesday thursday friday saturday sunday".split())
}
WEEKDAYS.update({cut: i for i, cuts in enumerate(["mon", "tue tues", "wed", "thu thur thurs", "fri", "sat", "sun"])
                 for cut in cuts.split()})  # as date lines cut them: "Wed, August 21, 2024"
# Ordinals written out, as anniversaries and centuries are counted: "fortieth", "twenty-fifth" (`ordinal`).
ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9}
ORDINAL_WORDS = {**ORDINAL_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                 "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                 "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                 "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100,
}
# Tens and units that make a compound number word: "twenty-five", "seventy two".
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "last": -1, "final": -1, "latter": 2, "former": 1,
}
# (first month, last month, year offset of the last month); northern hemisphere
SEASONS = {"spring": (3, 5, 0), "summer": (6, 8, 0), "autumn": (9, 11, 0),
           "fall": (9, 11, 0), "winter": (12, 2, 1)}
# early / mid / late thirds of a year (months); a part of a month is linked as the month
YEAR_THIRDS = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4),
               "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (9, 12)}
DECADE_THIRDS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}

# --------------------------------------------------------------------------
# Regex building blocks
# --------------------------------------------------------------------------

_SPACES = " \u00a0\u202f"  # the spaces between words of a date; plain, no-break, narrow no-break
_SP = f"[{_SPACES}]+"
_SP0 = f"[{_SPACES}]*"
_DASH = rf"{_SP0}[-\u2010\u2011\u2012\u2013\u2014]{_SP0}"
_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_FULL_MONTH += "|" + _FULL_MONTH.upper()  # (a stamp in capitals: `PUBLISHED MAY 13, 2026`)
_ABBR_MONTH = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_ABBR_MONTH += "|" + _ABBR_MONTH.upper()  # (`14 APR, 11:20`)
_DOTTED_MONTH = "|".join(sorted([*FOREIGN_MONTH_CUTS, *_ABBR_MONTH.split("|")], key=len, reverse=True))
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A weekday cut short, only where a full stop or comma follows it ("Wed, August 21", "Thu. May 15"), or a date
# ("Sat 14 March", and "Sun Nov 8, 2026" as a page's stamp prints it).
_WEEKDAY_CUT = (r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
                r"(?=[.,]|[ \t]\d{1,2}[ \t][A-Z]|[ \t](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?[ \t]\d)\.?")
_NUM = (rf"\d{{1,3}}|(?:{'|'.join(_TENS)})[-\u2010\u2011 ](?:{'|'.join(_UNITS)})(?!\w)"
        rf"|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}")
_CONN = rf"(?P<conn>{_SP}(?:to|until|till|through|and){_SP}|{_DASH})"


def _month(g: str) -> str:
    return rf"(?<!\w)(?P<{g}>(?:{_FULL_MONTH})(?!\w)|(?:{_ABBR_MONTH})(?:\.|(?!\w)))"


def _day(g: str) -> str:
    # (not an hour: `20 May 11:45` is the 20th)
    return rf"(?<![\w.,:/])(?P<{g}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[:.]\d)"


def _year(g: str) -> str:
    return rf"(?<![\w.,$€£¥/])(?P<{g}>1\d\d\d|2[01]\d\d)(?![\w%]|[.,]\d)"


# A year, or a year named relative to the publication date ("this year", "the year").
_YREF = (rf"(?:{_year('y')}|(?P<yrel>(?i:the{_SP}current|current|this|last|next|the))"
         rf"{_SP}year(?!\w))")
_THE = rf"(?:(?i:the){_SP})?"
_RELYEAR = rf"(?P<yrel>(?i:last|this|next)){_SP}year(?!\w)"

# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A resolver's answer.

    kind: "absolute" (fully written), "period" (a reporting period such as
    "the first seven months of 2024"), "anniversary" (a founding day to a
    year: "January 18, 1950–2026"), "yearless" (month-day whose year comes
    from the reference) or "relative" ("last year", "on Sunday").
    """

    value: DateValue
    kind: str = "absolute"


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    value: DateValue
    kind: str
    order: int


@dataclass(frozen=True)
class _Ctx:
    text: str
    ref: dt.date | None
    strict: bool = True  # False: the caller vouches that the expression is a date


def _point(year: int | None, month: int | None = None, day: int | None = None) -> DatePoint | None:
    if year is None or not 1000 <= year <= 2199:
        return None
    point = DatePoint(year, month, day)
    try:
        point.first_day()
    except ValueError:
        return None
    return point


def _found(start: DatePoint | None, end: DatePoint | None = None,
           kind: str = "absolute") -> _Found | None:
    """Wrap one point or a start/end pair; None if a point is invalid or the range runs backwards."""
    if start is None or (end is not None and end.last_day() < start.first_day()):
        return None
    return _Found(DateValue(start, None if end == start else end), kind)


def _mon(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def ordinal(word: str) -> int:
    """25th / fortieth / twenty-fifth -> the number."""
    word = word.lower()
    if word[:1].isdigit():
        return int(word[:-2])
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    tens, unit = re.split(r"[-\u2010\u2011 ]", word)
    return _num(tens) + ORDINAL_UNITS[unit]


def _num(word: str) -> int:
    """A number in digits or words, compounds included ("twenty-five", "seventy two")."""
    if word.isdigit():
        return int(word)
    word = word.lower()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    return sum(NUMBER_WORDS[part] for part in re.split(r"[-\u2010\u2011 ]", word))


def _nearest_year(ref: dt.date, month: int, day: int = 1) -> int | None:
    """The year that puts month-day nearest to the reference day."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append((abs((dt.date(year, month, day) - ref).days), year))
        except ValueError:  # 29 February
            pass
    return min(options)[1] if options else None


def _yearless_year(ctx: _Ctx, pos: int, month: int, day: int = 1) -> int | None:
    """Year of a month-day written without one: the last such day when counted from
    ("since December 5"), the next when the sentence announces it ("will open on
    December 5"), otherwise the one nearest the reference."""
    if _word_before(ctx.text, pos).lower() == "since":
        return ctx.ref.year - ((month, day) > (ctx.ref.month, ctx.ref.day))
    opening = _YEAR_OPENS_SENTENCE.match(ctx.text, _sentence_start(ctx.text, pos))
    if opening and opening.end() <= pos:
        return ctx.ref.year + _STEP[opening["which"].lower()]  # `Last year I had empty rooms on May 1.`
    if not _future_worded(ctx.text, pos):
        return _nearest_year(ctx.ref, month, day)
    if ctx.strict and _tense(ctx.text, pos) < 0:
        # `will travel to Bắc Ninh …, which took effect on July 1`: the nearest verb is the date's
        return ctx.ref.year - ((month, day) > (ctx.ref.month, ctx.ref.day))
    return ctx.ref.year + ((month, day) < (ctx.ref.month, ctx.ref.day))


# `last`, `this`, `next` before a year, month, quarter or week: how many of them from the reference's.
_STEP = {"last": -1, "this": 0, "next": 1}
# A sentence that opens on the year it tells of: its month-days are that year's.
_YEAR_OPENS_SENTENCE = re.compile(r"[\s“\"‘']*(?P<which>Last|Next)[ \t]+year(?![’']s)(?!\w)")


def _month_year(ref: dt.date, month: int, lean: int = 0) -> int:
    """Year of a year-less month: -1 past ("since June"), +1 future ("by June"), 0 nearest."""
    if lean < 0:
        return ref.year if month <= ref.month else ref.year - 1
    if lean > 0:
        return ref.year if month >= ref.month else ref.year + 1
    diff = month - ref.month
    return ref.year - (diff > 6) + (diff < -6)


def _yref(m: re.Match, ctx: _Ctx) -> tuple[int, bool] | None:
    """The year of a _YREF group and whether it was relative; None if unresolvable."""
    if m["y"]:
        return int(m["y"]), False
    if ctx.ref is None:
        return None
    which = m["yrel"].lower().split()[-1]
    return ctx.ref.year + _STEP.get(which, 0), True


# --------------------------------------------------------------------------
# Resolvers: one per shape. Each takes the match and context, returns _Found or None.
# --------------------------------------------------------------------------


def _full_date(m, ctx):
    """July 25, 2024 / 18 January 1950 / Jan. 5, 2024"""
    return _found(_point(int(m["y"]), _mon(m["m"]), int(m["d"])))


def _foreign_date(m, ctx):
    """14 de febrero de 2026 / samedi 14 février 2026 / 14. Februar 2026 (an outlet's own language)"""
    return _found(_point(int(m["y"]), FOREIGN_MONTHS[m["m"].lower()], int(m["d"])))


def _dotted_date(m, ctx):
    """18.ago.2026 / 18.Aug.2026 (a stamp's day, month and year between dots)"""
    name = m["m"].lower()
    month = FOREIGN_MONTH_CUTS.get(name) or MONTHS.get(name)
    return _found(_point(int(m["y"]), month, int(m["d"]))) if month else None


def _iso_date(m, ctx):
    """2024-07-25"""
    return _found(_point(int(m["y"]), int(m["mo"]), int(m["d"])))


def _numeric_date(m, ctx):
    """25/7/2024 / Thursday, 25/07/2024 (day first, as Vietnamese sources write it)"""
    return _found(_point(int(m["y"]), int(m["mo"]), int(m["d"])))


def _numeric_month(m, ctx):
    """12/2023 (month first, as Vietnamese captions and labels write it); not a document's number
    ("Decree No. 12/2023")"""
    before = _word_before(ctx.text, m.start())
    if before.rstrip(".") in NUMBERED_NAMES or before.lower() in ("decision", "resolution", "circular", "law", "directive"):
        return None
    return _found(_point(int(m["y"]), int(m["mo"])))


def _weekday_date(m, ctx):
    """Tuesday, March 4 / Thursday, October 31, 2024: the weekday is part of the date, and pins
    the year of a month-day written without one (the year near the reference where it falls so)."""
    month, day = _mon(m["m"]), int(m["d"])
    if m["y"]:
        return _found(_point(int(m["y"]), month, day))
    if ctx.ref is None:
        return None
    wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
    fits = [y for y in (ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1)
            if _point(y, month, day) is not None and dt.date(y, month, day).weekday() == wd]
    year = fits[0] if len(fits) == 1 else _yearless_year(ctx, m.start(), month, day)
    return _found(_point(year, month, day), kind="yearless")


def _month_day(m, ctx):
    """September 2 / 2 September: the year comes from the reference date."""
    if ctx.ref is None:
        return None
    month, day = _mon(m["m"]), int(m["d"])
    return _found(_point(_yearless_year(ctx, m.start(), month, day), month, day), kind="yearless")


def _day_range(m, ctx):
    """September 2-4 / 18-20 August 2024 / between 3 and 5 March / August 14 and 15 (two days running)"""
    if not _between_ok(m, ctx, adjacent=int(m["d2"]) == int(m["d1"]) + 1):
        return None
    month, d1, d2 = _mon(m["m"]), int(m["d1"]), int(m["d2"])
    if m["y"]:
        year, kind = int(m["y"]), "absolute"
    elif ctx.ref is not None:
        year, kind = _yearless_year(ctx, m.start(), month, d1), "yearless"
    else:
        return None
    if d2 <= d1:
        return None
    return _found(_point(year, month, d1), _point(year, month, d2), kind)


def _between_ok(m, ctx, adjacent: bool = False) -> bool:
    """A range joined by "and" needs "between" before it ("on May 1 and May 5" is two dates), unless
    its two ends are adjacent periods that together make one ("in January and February")."""
    conn = (m["conn"] or "").strip().lower()
    start = m.start("span") if "span" in m.re.groupindex else m.start()
    return conn != "and" or adjacent or _word_before(ctx.text, start).lower() == "between"


def _date_range(m, ctx):
    """from August 31 to September 1 / from October 30 to November 1, 2022"""
    if not _between_ok(m, ctx):
        return None
    m1, d1, m2, d2 = _mon(m["m1"]), int(m["d1"]), _mon(m["m2"]), int(m["d2"])
    wraps = (m2, d2) < (m1, d1)
    kind = "absolute"
    if m["y2"]:
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else y2 - wraps
    elif m["y1"]:
        y1 = int(m["y1"])
        y2 = y1 + wraps
    elif ctx.ref is not None:
        y1, kind = _yearless_year(ctx, m.start(), m1, d1), "yearless"
        if y1 is None:
            return None
        if y1 > ctx.ref.year and (end := _point(y1 - 1 + wraps, m2, d2)) is not None and end.first_day() >= ctx.ref:
            y1 -= 1  # `will screen travellers from February 10 to March 3`, told on February 13: under way, not next year's
        y2 = y1 + wraps
    else:
        return None
    return _found(_point(y1, m1, d1), _point(y2, m2, d2), kind)


def _date_range_of_relative_year(m, ctx):
    """from May 1 to August 16 this year / between December 20 and January 5 next year"""
    if ctx.ref is None or not _between_ok(m, ctx):
        return None
    year = ctx.ref.year + _STEP[m["yrel"].lower()]
    m1, d1, m2, d2 = _mon(m["m1"]), int(m["d1"]), _mon(m["m2"]), int(m["d2"])
    wraps = (m2, d2) < (m1, d1)
    return _found(_point(year - wraps, m1, d1), _point(year, m2, d2), "relative")


def _month_range(m, ctx):
    """June-August 2024 / from December 2023 to March 2024 / January and February (adjacent months) / from January
    to September this year"""
    m1, m2 = _mon(m["m1"]), _mon(m["m2"])
    if not _between_ok(m, ctx, adjacent=m2 == m1 % 12 + 1 and not (m["y1"] and m["y2"])):
        return None
    kind = "absolute"
    if m["yrel"] and not m["y1"]:
        if ctx.ref is None:
            return None
        y2, kind = ctx.ref.year + _STEP[m["yrel"].lower()], "relative"
        y1 = y2 - (m2 < m1)
    elif m["y2"]:
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else y2 - (m2 < m1)
    elif ctx.ref is not None and not m["y1"]:
        lean = (_tense(ctx.text, m.start(), horizon=True) if ctx.strict else 0) or int(_future_worded(ctx.text, m.start()))
        # (the span's year is its last month's: `from January to October`, told in November, is this year's)
        y2, kind = _month_year(ctx.ref, m2, lean), "yearless"
        y1 = y2 - (m2 < m1)
    else:
        return None
    return _found(_point(y1, m1), _point(y2, m2), kind)


def _anniversary_span(m, ctx):
    """January 18, 1950–2026: from a founding day to a year."""
    start = _point(int(m["y"]), _mon(m["m"]), int(m["d"]))
    end = _point(int(m["y2"]))
    if start is None or end is None or end.year <= start.year:
        return None
    return _found(start, end, kind="anniversary")


def _month_year_shape(m, ctx):
    """June 1955 / December 2023"""
    return _found(_point(int(m["y"]), _mon(m["m"])))


def _year_range(m, ctx):
    """2021-2025 / 2021–25 / 1950–2026"""
    y1, y2 = int(m["y1"]), m["y2"]
    y2 = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
    if y2 <= y1 or _looks_like_quantity(_word_after(ctx.text, m.end()), weak_cue=False):
        return None
    return _found(_point(y1), _point(y2))


def _split_year(m, ctx):
    """2025/26 / 2025/2026: a season, crop or school year written over the two years it runs across"""
    y1 = int(m["y1"])
    if int(m["y2"]) != (y1 + 1 if len(m["y2"]) == 4 else (y1 + 1) % 100):
        return None
    return _found(_point(y1), _point(y1 + 1))


def _from_years(m, ctx):
    """from 2020 to 2023 / between 2020 and 2025 / in 2020 and 2021 (two years running, as adjacent months are one)"""
    if _looks_like_quantity(_word_after(ctx.text, m.end()), weak_cue=True):
        return None
    if m["lead"] is None and int(m["y2"]) != int(m["y1"]) + 1:
        return None  # `in 2013 and 2019`: two years, each its own
    return _found(_point(int(m["y1"])), _point(int(m["y2"])))


def _decade(m, ctx):
    """the 1990s / the early 2000s"""
    start = int(m["dec"])
    first, last = DECADE_THIRDS.get((m["part"] or "").lower(), (0, 9))
    return _found(_point(start + first), _point(start + last))


def _decade_range(m, ctx):
    """the 1950s and 1960s / the 1970s to the 1990s / 1980s-1990s: one span of decades (joined by
    "and", only adjacent ones: "the 1950s and 1970s" are two)"""
    first, last = int(m["dec"]), int(m["dec2"])
    if last <= first or (m["conn"].strip().lower() == "and" and last != first + 10):
        return None
    return _found(_point(first), _point(last + 9))


def _year_third(m, ctx):
    """early 2024 / mid-2024 / late 2024 / the end of 2024 / late last year"""
    resolved = _yref(m, ctx)
    if resolved is None:
        return None
    year, relative = resolved
    first, last = YEAR_THIRDS[m["part"].lower().split()[-1]]
    return _found(_point(year, first), _point(year, last), "relative" if relative else "absolute")


def _year_fraction(m, ctx):
    """the first quarter of 2025 / the second half of 2024 / the latter half of this year"""
    resolved = _yref(m, ctx)
    if resolved is None:
        return None
    year, relative = resolved
    size = 6 if m["unit"].lower() == "half" else 3
    index = ORDINALS[m["ord"].lower()]
    count = 12 // size
    if index == -1:
        index = count
    if index > count:
        return None
    return _found(_point(year, (index - 1) * size + 1), _point(year, index * size),
                  "relative" if relative else "period")


_QUARTER_PREPS = ("in", "during", "by", "for", "until", "till", "since", "from", "through", "before", "after")


def _yearless_quarter(m, ctx):
    """in the third quarter / by Q4 / the June quarter / the April-June quarter (no year): the quarter of the reference's year, or of
    the year before when told as done before it began, or the year after when announced after it ended."""
    if ctx.ref is None:
        return None
    written_the = m.group().lower().startswith("the")
    if not written_the and _word_before(ctx.text, m.start()).lower() not in _QUARTER_PREPS:
        return None  # "Q1:" numbering a question, "third quarter" in a name
    groups = m.groupdict()
    if groups.get("last_month"):
        index = MONTHS[groups["last_month"].lower()] // 3
        if groups.get("first_month") and MONTHS[groups["first_month"].lower()] != index * 3 - 2:
            return None  # `the January-June quarter`: no quarter
    else:
        index = ORDINALS[groups["ord"].lower()] if groups.get("ord") else int(groups["n"])
    first, last = (index - 1) * 3 + 1, index * 3
    ref = ctx.ref
    tense = _tense(ctx.text, m.start(), horizon=True) if ctx.strict else int(_future_worded(ctx.text, m.start()))
    year = ref.year
    if tense < 0 and (ref.year, ref.month) < (ref.year, first):
        year -= 1  # done, and this year's has not begun
    elif tense > 0 and (ref.year, ref.month) > (ref.year, last):
        year += 1  # to come, and this year's is over
    return _found(_point(year, first), _point(year, last), "yearless")


def _quarter_code(m, ctx):
    """Q1 2025 / H2 2024"""
    size = 3 if m["qh"] == "Q" else 6
    index = int(m["n"])
    if index > 12 // size:
        return None
    year = int(m["y"])
    return _found(_point(year, (index - 1) * size + 1), _point(year, index * size), "period")


def _months_of_year(m, ctx):
    """the first six months of the year / the first seven months of 2024 / the last three months of 2024 /
    the first eight months (of the reference's year) / the first three quarters of this year"""
    if m["y"] is None and m["yrel"] is None:  # "in the first eight months": of this year ("its first …": not)
        written_the = m.group().lower().startswith("the")
        resolved = (ctx.ref.year, True) if ctx.ref is not None and m["n"] and written_the else None
    else:
        resolved = _yref(m, ctx)
    if resolved is None:
        return None
    year, relative = resolved
    if m["n"] is None and m["months"].lower().endswith("s"):
        return None  # "the first months of 2024" is vague
    n = (_num(m["n"]) if m["n"] else 1) * (3 if m["months"].lower() == "quarters" else 1)
    if not 1 <= n <= 12:
        return None
    first, last = (1, n) if m["ord"].lower() == "first" else (13 - n, 12)
    return _found(_point(year, first), _point(year, last), "relative" if relative else "period")


def _season(m, ctx):
    """spring 2025 / the summer of 2024 (northern seasons; winter runs into the next year)"""
    resolved = _yref(m, ctx)
    if resolved is None:
        return None
    year, relative = resolved
    first, last, spill = SEASONS[m["season"].lower()]
    return _found(_point(year, first), _point(year + spill, last),
                  "relative" if relative else "absolute")


def _month_third(m, ctx):
    """early March / mid-March / late March 2024 / the end of March / the third week of June / late last
    month: the month itself, as the gold corpora link a part of a month (the words only place the event in it)"""
    if m["mrel"]:  # (`the end of the month`: this one)
        if ctx.ref is None:
            return None
        by = {**_STEP, "the": 0}[m["mrel"].lower()]
        (year, month), kind = _shift_month(ctx.ref.year, ctx.ref.month, by), "relative"
    elif m["yrel"]:  # `the end of September next year`
        if ctx.ref is None:
            return None
        year = ctx.ref.year + _STEP[m["yrel"].lower()]
        month, kind = _mon(m["m"]), "relative"
    elif m["y"]:
        year, month, kind = int(m["y"]), _mon(m["m"]), "absolute"
    elif ctx.ref is not None:
        month = _mon(m["m"])
        year, kind = _month_year(ctx.ref, month, _month_part_lean(ctx, m.start())), "yearless"
    else:
        return None
    return _found(_point(year, month), kind=kind)


_PREP_LEAN = {"in": 0, "during": 0, "since": -1, "from": -1, "until": 1, "till": 1, "by": 1, "before": 1, "after": 0,
              "to": 0, "for": 0, "of": 0, "as of": -1, "spent": -1, "spend": 0, "spends": 0, "spending": 0}


def _month_part_lean(ctx: _Ctx, pos: int) -> int:
    """Which way a year-less part of a month at `pos` leans ("the end of June"): announced is to
    come; a deadline ("by the end of June") is to come unless its verb is past ("was finished by");
    otherwise none (the nearest year)."""
    if _future_worded(ctx.text, pos):
        return 1
    prep = _word_before(ctx.text, pos).lower()
    if prep in ("by", "until", "till"):
        return (_tense(ctx.text, pos, horizon=True) if ctx.strict else 0) or 1
    if prep in ("in", "during") and ctx.strict and _tense(ctx.text, pos, horizon=True) > 0:
        return 1  # `the course ends in late August`: told as to come (a past verb may be a participle's: `booked`)
    return -1 if prep == "since" else 0


# `for delivery in December`, `bookings for the spring holidays in March`: what is done for something in a month
_FOR_BEFORE = re.compile(r"(?<![\w’'-])(?:for[ \t]+[a-z]+|(?:bookings|orders|tickets|reservations|preparations|demand"
                         r"|applications|registrations|entries|seats|visas)[ \t]+for(?:[ \t]+[\w’'-]+){1,4})[ \t]+$")
_NOW_AND_BEFORE = re.compile(r"(?<![\w’'-])(?i:between)[ \t]+now[ \t]+$")
_MONTH_LISTED_BEFORE = re.compile(rf"(?<!\w){_FULL_MONTH},?{_SP}$")


def _bare_month(m, ctx):
    """in August / since June / by December: year from the reference date."""
    if ctx.ref is None:
        return None
    if ctx.strict and _word_after(ctx.text, m.end())[:1].isupper() and _word_after(ctx.text, m.end()) != "I":
        return None  # "in August Revolution": the month names something (not `In October I will …`)
    month = _mon(m["m"])
    named = _YEAR_NAMED_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
    if named:  # `Earlier this year, in March`: the month of the year named just before it
        return _found(_point(ctx.ref.year + _STEP[named[1].lower()], month), kind="yearless")
    prep = " ".join(m["prep"].lower().split())
    if prep == "and" and _NOW_AND_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        prep = "until"  # `between now and January`: the span runs to it
    elif prep in ("and", "or"):  # `in February and April`: the second of a list of months, told like the first
        if _MONTH_LISTED_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()) is None:
            return None
        prep = "in"
    if prep in ("since", "spent") or not ctx.strict:  # (`spent` is a past of its own)
        lean = _PREP_LEAN[prep]
    else:
        # (`planned for`, `due in`: the preposition is the verb's)
        lean = _tense(ctx.text, m.start("span"), horizon=True) or _PREP_LEAN[prep]
        if lean < 0 and (prep in ("for", "of") or (prep == "in" and (_FOR_BEFORE.search(
                ctx.text, max(0, m.start() - 48), m.start()) or _word_before(ctx.text, m.start()).lower() in (
                "date", "deadline", "target")))):
            # `had taken bookings for December`, `ordered powder for delivery in December`: what a thing done was for
            # may be yet to come, and so may a date set (`worked … to keep to a date in April`); `double the level of
            # December`: the nearest
            lean = 0
    year = _month_year(ctx.ref, month, lean)
    return _found(_point(year, month), kind="yearless")


_YEAR_NAMED_BEFORE = re.compile(r"(?<![\w’'-])(?i:(this|last|next))[ \t]+(?i:year),[ \t]*$")
# `every Friday and Saturday`, `each Monday`: a habit, no day.
_HABITUAL_BEFORE = re.compile(r"(?<![\w’'-])(?:every|each)[ \t]+(?:[A-Z][a-z]+day(?:[ \t]*,[ \t]*|[ \t]+(?:and|or)[ \t]+))*$")


def _weekday_ahead(ctx: _Ctx, pos: int) -> bool:
    """Whether a bare weekday is to come: told so by its verb, or the day of what its sentence's action comes
    before (`began … on Tuesday …, ahead of World Rabies Day on Sunday`)."""
    if not ctx.strict:
        return _future_worded(ctx.text, pos)
    tense = _tense(ctx.text, pos)
    return tense > 0 or (tense == 0 and _anticipated(ctx.text, pos))


_LISTED_AFTER = re.compile(rf"(?<![\w’'-])(\w+)[ \t]+(?:{_WEEKDAY})[ \t]+(?:and|or)[ \t]+$")


def _word_before_weekdays(text: str, pos: int) -> str:
    """The word before a weekday, or before the first of a pair (`for Thursday and Friday`), lower-cased."""
    listed = _LISTED_AFTER.search(text, max(0, pos - 40), pos)
    return (listed.group(1) if listed else _word_before(text, pos)).lower()


def _weekday(m, ctx):
    """on Sunday / last Sunday / next Sunday / this coming Friday"""
    if ctx.ref is None or _HABITUAL_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):
        return None
    if re.match(rf",?{_SP}(?:{_FULL_MONTH}|{_ABBR_MONTH}|\d)", ctx.text[m.end():]):
        return None  # "Sunday, September 7": the date itself is linked
    wd = WEEKDAYS[m["wd"].lower()]
    mod = " ".join((m["mod"] or "").lower().split())
    ahead = (wd - ctx.ref.weekday()) % 7
    behind = (ctx.ref.weekday() - wd) % 7
    if mod in ("next", "coming", "this coming"):
        offset = ahead or 7
    elif mod in ("last", "past", "this past"):
        offset = -(behind or 7)
    elif mod == "this":
        offset = wd - ctx.ref.weekday()  # same ISO week
    elif _word_before_weekdays(ctx.text, m.start()) in ("until", "till", "through", "for"):
        # `the fair runs until Sunday`: what lasts till a day has not ended; `chartered flights for Thursday`: what is
        # booked for a day is ahead
        offset = ahead
    elif _weekday_ahead(ctx, m.start()):
        offset = ahead
    else:
        offset = -behind
    return _found(DatePoint.of(ctx.ref + dt.timedelta(days=offset)), kind="relative")


def _relative_month(m, ctx):
    """next March / last March / this March: the nearest March after, or before, the reference's month,
    or the reference year's"""
    if ctx.ref is None:
        return None
    month, which = _mon(m["m"]), m["mrel"].lower()
    if which == "next":
        year = ctx.ref.year + (month <= ctx.ref.month)
    elif which == "last":
        year = ctx.ref.year - (month >= ctx.ref.month)
    else:
        year = ctx.ref.year
    return _found(_point(year, month), kind="relative")


def _month_of_relative_year(m, ctx):
    """December last year / December 5 last year / 5 December last year / March of next year"""
    if ctx.ref is None:
        return None
    year = ctx.ref.year + _STEP[m["yrel"].lower()]
    day = int(m["d"]) if m["d"] else None
    return _found(_point(year, _mon(m["m"]), day), kind="relative")


def _weekday_of_relative_week(m, ctx):
    """Tuesday last week / on Friday next week / Monday of this week"""
    if ctx.ref is None:
        return None
    by = _STEP[m["which"].lower()]
    monday = ctx.ref - dt.timedelta(days=ctx.ref.weekday()) + dt.timedelta(weeks=by)
    return _found(DatePoint.of(monday + dt.timedelta(days=WEEKDAYS[m["wd"].lower()])), kind="relative")


def _weekend(m, ctx):
    """last weekend / this weekend / next weekend / this past weekend: a Saturday and Sunday"""
    if ctx.ref is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    saturday = ctx.ref + dt.timedelta(days=5 - ctx.ref.weekday())  # of the reference's week
    if mod in ("last", "past", "this past"):
        saturday -= dt.timedelta(weeks=1)
    elif mod in ("next", "coming", "this coming") and ctx.ref.weekday() >= 5:
        saturday += dt.timedelta(weeks=1)
    return _found(DatePoint.of(saturday), DatePoint.of(saturday + dt.timedelta(days=1)), "relative")


def _season_span(year: int, name: str) -> tuple[dt.date, dt.date]:
    first, last, spill = SEASONS[name]
    return dt.date(year, first, 1), DatePoint(year + spill, last).last_day()


def _relative_season(m, ctx):
    """this spring / last summer / next winter / this coming autumn"""
    if ctx.ref is None:
        return None
    if _word_before(ctx.text, m.start()).lower() == "the":
        return None  # "the last spring meeting": an event, not the season
    name, mod, ref = m["season"].lower(), " ".join(m["mod"].lower().split()), ctx.ref
    spans = [_season_span(year, name) for year in range(ref.year - 2, ref.year + 2)]
    if mod in ("last", "past", "this past"):
        first, last = max(s for s in spans if s[1] < ref)
    elif mod in ("next", "coming", "this coming"):
        first, last = min(s for s in spans if s[0] > ref)
    else:  # "this": the season under way, else this year's
        current = [s for s in spans if s[0] <= ref <= s[1]] or [s for s in spans if s[0].year == ref.year]
        first, last = current[0]
    return _found(DatePoint(first.year, first.month), DatePoint(last.year, last.month), "relative")


def _relative_day(m, ctx):
    """yesterday / today / tomorrow"""
    if ctx.ref is None:
        return None
    word = m["w"].lower()
    if word == "today" and ctx.strict and not m["beyond"]:
        # The deictic "today" is the day of publication, already the article's own date ("Today, China
        # is ..." means nowadays): editors, and all our gold corpora, do not link it.
        return None
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
    offset += {"before": -1, "after": 1}.get((m["beyond"] or "").lower(), 0)
    return _found(DatePoint.of(ctx.ref + dt.timedelta(days=offset)), kind="relative")


ANCHORED = "anchored"  # a hit's kind: a day counted from the date told just before it (`scan` resolves it)


def _next_to(m, ctx):
    """the day before / the previous day / the day after / the following day: a day from the date the text has
    just told (`on Wednesday … the day before`), which the scan supplies; its reference day is a stand-in."""
    if ctx.ref is None:
        return None
    rel = m["rel"].lower()
    offset = -1 if rel.startswith("previous") or rel.endswith("before") else 1
    return _found(DatePoint.of(ctx.ref), kind=f"{ANCHORED}{offset:+d}")


def _century(m, ctx):
    """the 19th century / the twentieth century / this century: its hundred years (1801–1900)."""
    if m["this"] and ctx.ref is None:
        return None
    n = ctx.ref.year // 100 + 1 if m["this"] else ordinal(m["n"])
    return _found(_point((n - 1) * 100 + 1), _point(n * 100))


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _week_of(day: dt.date) -> _Found | None:
    monday = day - dt.timedelta(days=day.weekday())
    return _found(DatePoint.of(monday), DatePoint.of(monday + dt.timedelta(days=6)), "relative")


def _relative_unit(m, ctx):
    """last year / this month / next week / last quarter / (earlier) this year"""
    if ctx.ref is None:
        return None
    which, unit = m["which"].lower(), m["unit"].lower()
    if which != "this" and _word_before(ctx.text, m.start()).lower() == "the":
        return None  # "over the last year" is a duration
    by = _STEP[which]
    ref = ctx.ref
    if unit == "year":
        return _found(_point(ref.year + by), kind="relative")
    if unit == "month":
        return _found(_point(*_shift_month(ref.year, ref.month, by)), kind="relative")
    if unit == "quarter":
        year, month = _shift_month(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * by)
        return _found(_point(year, month), _point(year, month + 2), kind="relative")
    return _week_of(ref + dt.timedelta(weeks=by))


def _ago(m, ctx):
    """24 years ago / three months ago / two days ago / a decade ago (a year) / seventy years ago today,
    twenty-five years ago to the day (the anniversary day itself) / fifty years ago this month (that month)"""
    if ctx.ref is None:
        return None
    n, unit, ref = _num(m["n"]), m["unit"].lower(), ctx.ref
    if m["thismonth"] and unit == "year":  # `fifty years ago this month`: the month, that many years back
        return _found(_point(ref.year - n, ref.month), kind="relative")
    if m["today"]:  # the anniversary day itself
        if unit == "year":
            return _found(_point(ref.year - n, ref.month, ref.day), kind="relative")
        if unit == "month":
            return _found(_point(*_shift_month(ref.year, ref.month, -n), ref.day), kind="relative")
        return None
    if unit == "decade":
        return _found(_point(ref.year - 10 * n), kind="relative")
    if unit == "year":
        return _found(_point(ref.year - n), kind="relative")
    if unit == "month":
        return _found(_point(*_shift_month(ref.year, ref.month, -n)), kind="relative")
    if unit == "week":
        return _week_of(ref - dt.timedelta(weeks=n))
    return _found(DatePoint.of(ref - dt.timedelta(days=n)), kind="relative")


def _lone_year(m, ctx):
    """in 2022 / SCO Summit 2025 / the 1982 United Nations Convention"""
    if not ctx.strict or _year_in_context(ctx.text, m.start(), m.end()):
        return _found(_point(int(m["y"])))
    return None


Resolver = Callable[[re.Match, _Ctx], "_Found | None"]
