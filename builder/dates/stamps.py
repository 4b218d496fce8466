"""A date an article's page prints for itself: a stamp on a line of its own (`Published: 14/04/2026 - 10:32`), a wire
dateline that names its agency (`MOSCOW. Dec 4 (Interfax) - …`), a masthead's day or a transcript's title.

`builder.dates.publication` reads these first, and infers a date from the text's reports only when the page prints
none; the annotate stage asks the same readings whether a line is a by-line's stamp."""

from __future__ import annotations

import re

from builder.dates.rules import MONTHS, WEEKDAYS, _WEEKDAY
from builder.dates.scan import normalise_date
from builder.dates.tense import _future_worded
from builder.model import DatePoint, PublicationDate

# A line that is only a date, as scraped pages print their own date line: an optional label ("Posted:",
# "Last updated:", "Last update", "Source: Xinhua |"), an optional place, weekday and clock time around one
# full date ("15:44, November 21, 2025", "Vientiane, 03/10/2024", "Tuesday, 22/04/2025 08:40 (GMT+7)",
# "22-01-2026 | 08:05", "Thursday, September 26, 2024 - 15:10", "Wed, August 21, 2024 at 11:02 AM GMT+7"),
# and optional sections after a bar ("| World", "| Editor: huaxia").
_ZONE = r"(?:GMT|UTC|[A-Z]{1,3}T|WIB|WITA)(?:[ ]?[+-]\d{1,2}(?::?\d{2})?)?"  # (ICT, JST, HKT, WIB, GMT+7 …)
_CLOCK = (r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?|[ ](?:h|Uhr)(?!\w))?"  # (`07:45 h`, `17.48 Uhr`)
          rf"(?:\s*\(?{_ZONE}\)?|\s*[+-]\d{{4}}|\s*\([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?\))?")  # (… +0700, `(Paris)`)
_PART_BREAK = r"(?:,?\s+|\s*[|·•–—-]\s*|\s+//?\s+)"  # (`Wed, September 10, 2025 / 03:12 pm`, `… // 11:44`)
# "Posted:", "Last updated:", "Source: Xinhua |", a page's own word for its stamp without a colon
# ("Last update 16:20, …", "Published on …"), or an agency's name in capitals before a dash or bar ("KYODO NEWS - ").
_LABEL = (r"(?:[Bb]y:?[ ][^\W\d_][\w .&'’-]{0,40}?(?:\s*(?:[|·•]|//?)\s*(?:[^\W\d_][\w .&'’-]{0,40}?\s*[|·•/]\s*)?|[ ]on[ ]"
          r"|[ ](?=(?i:published|posted|updated)\W)|[ \t]+[-–—][ \t]+)"  # (`By Global Times Published: …`, `By … - …`)
          # a byline: "By Reuters staff | ", "By: … / Philippine Daily Inquirer / "
          # (`This content was published on …`)
          r"|(?i:(?:this[ ](?:content|article|story|page)[ ]was[ ])?(?:first[ ]|last[ ]|latest[ ])?"
          r"(?:publish(?:ed)?|posted|updated?|modified|publication[ ]date)(?:[ ](?:on|at))?)"  # (`Publish : 05 Feb …`)
          r"(?:[ \t]*[:–—-])?\s+"  # (`Published - June 24, 2026 …`)
          r"|[^\W\d_]+(?:[ ][^\W\d_]+){0,2}:\s*(?:[^\W\d_][\w .&'’-]{0,40}?\s*[|·•]\s*)?"
          r"|[A-Z][A-Z&.]+(?:[ ][A-Z][A-Z&.]+){0,2}\s*[|·•–—-]\s*"
          r"|\([^()\n]{2,40}\)\s*"  # an outlet in brackets: "(People's Daily Online) 16:08, May 22, 2025"
          r"|[A-Z][\w .&'’-]{1,40}?\s+/\s+)")  # or before a slash: "Philippine Daily Inquirer / 04:30 AM …"
# Sections after a bar, as a site's date line may end ("| World", "| Editor: huaxia"), and an update in brackets.
_SECTION = (r"(?:\s*[|·•]\s*[^\W\d_][\w &'’-]{0,30}(?::\s*[^\W\d_][\w &'’-]{0,30})?)*"
            r"(?:\s*\((?:Updated|Last updated|Modified):?[^()\n]{0,40}\))?"  # (`(Updated: 04 Feb 2026 06:10PM)`)
            r"(?:\s+\([A-Z][\w &'’.-]{1,40}\))?"  # (the outlet: `January 9, 2026 (Mainichi Japan)`)
            # or after a dash (`20.08.2026 - Update : 20.08.2026`, as Anadolu prints it)
            r"(?:\s+[–—-]\s+(?i:(?:last\s+)?update[ds]?|modified)\s*:?\s*[\w ,./:-]{6,30}?)?"
            # the place it was filed from (`… 08:41 pm IST - MUMBAI`), or the page it was printed on (`- Page 10`)
            # or a dash alone, where a page's section was not copied (`… 00:20 -`)
            r"(?:\s+[–—-](?:\s+(?:[A-Z][A-Z .'’-]{1,30}|Page\s+[A-Z]?\d{1,3}))?)?"
            # the counts of comments and views a page prints beside it (`… 02:35 pm - 0 - 645`)
            r"(?:\s+[–—-]\s+\d[\d,]{0,8}){0,2}")
# A weekday written out or cut short ("Wednesday,", "Wed,", "Thurs.").
_WEEKDAY_WORD = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?"
_LINE_WEEKDAY = rf"(?:{_WEEKDAY_WORD},?\s+)"
# An outlet's name before its date with nothing between, as a page joins two lines ("The Irrawaddy 20 November
# 2025"); not a preposition ("Since 20 November 2025").
_OUTLET = (r"(?!(?i:since|until|till|from|on|by|before|after|in|at|during|through|to|as\s+of)\s)"
           r"(?!(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?,?\s)"
           r"(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}\s+(?=\d)")
# A place's name of one to four words, as a date line or a dateline opens on it (`Mexico City`, `Macau`, `São Paulo`).
_PLACE = r"[^\W\d_][^\W\d_.'’-]*(?:[ .'’-]+[^\W\d_]+){0,3}"
_DATE_LINE = re.compile(
    rf"^(?:{_LABEL}){{0,2}}(?:{_PLACE}"
    rf"(?:\s*,\s*|\s*[●•·|]\s*|\s+[-–—]\s+|\.[ \t]+(?={_WEEKDAY_WORD}))"
    rf"|{_OUTLET})?"
    rf"(?:{_CLOCK}{_PART_BREAK})?"
    rf"{_LINE_WEEKDAY}?(?P<date>[\w ,./-]{{6,30}}?)(?:,?\s+{_WEEKDAY_WORD}(?!\w))?"  # (`October 27, 2026, Tuesday`)
    # (`2026-09-24 HKT 15:12`, `… @ 4:12pm`, `…, at 6:15 pm`, `18.ago.2026 às 19h40`)
    rf"(?:(?:{_PART_BREAK}|,?\s+(?:at|às|à|a\s+las)\s+|\s+@\s*)(?:{_ZONE}\s+)?{_CLOCK})?"
    rf"{_SECTION}(?:[ \t]+By[ \t]+[A-ZÀ-Ỹ][^\n]{{1,100}})?\.?\s*$")  # (a by-line after it: `… - 14:20 By … - Brasília`)
# Stamps in a line of their own, parted by bars or dots ("Published: 04/12/2024 10:15 | Updated: 05/12/2024 08:30"), by a
# comma before the update ("Published on 03/10/2026 at 18:15, updated on 03/10/2026 at 19:02") or by a space alone.
_STAMP_BAR = re.compile(r"\s*[|·•⋅]\s*|,[ \t]+(?=(?i:updated|last[ \t]+updated|modified)\b)"
                        r"|[ \t]+(?=(?:Updated|Last[ \t]+updated|Modified)\b)")  # (`… 7:15 GMT Updated 27 November …`)
_STAMP_LINE_MAX = 160  # characters: a line longer than this is prose, not a page's stamp

def printed_date_line(text: str) -> PublicationDate | None:
    """The date a page prints on a line of its own, above or below the story, or in the dateline that opens
    the story with the agency's name (`BEIJING, May 7, 2026 (Xinhua) -- …`): its publication date."""
    for line in text.splitlines():
        day = stamped_day(line)
        if day is not None:
            return PublicationDate(day, False, "date line in text")
    for line in text.splitlines()[:STAMP_LINES]:
        opening = WIRE_DATELINE.match(line) or _MASTHEAD_DAY.search(line)
        day = _one_day(_day_told(opening)) if opening is not None else None
        if day is not None:
            return PublicationDate(day, False, "date line in text")
    return None


# A masthead's line that ends on the day and its weekday, with no full stop (`Vol. XII, 11th Waning of
# Tabodwe 1387 ME, Thursday, 12 February 2026`): the day of the paper.
_MASTHEAD_DAY = re.compile(rf",[ \t]+(?P<date>(?:{_WEEKDAY}),?[ \t]+[\w ,]{{6,25}}?\d{{4}})[ \t]*$")


# A wire story's dateline: the place, the day and the agency in brackets before a dash (`Bahir Dar, June 2/2026 (ENA)
# - …`, `BEIJING, May 7, 2026 (Xinhua) -- …`, `Zaragoza, Jun 25 (EFE).- …`) or before the story itself (`Brasilia,
# Aug 26 (Prensa Latina) A delegation …`), between slashes before a full stop (`Ulaanbaatar, October 6, 2026
# /MONTSAME/. …`, `VLADIVOSTOK, September 5. /TASS/. …`), or bare before a dash (`TOKYO, Feb. 18 Kyodo - …`); the
# place may name its country in brackets or after a comma (`Arequipa (Peru), Nov 24 (EFE).- …`, `Macau, China, 05 Nov
# (Lusa) - …`); or the agency in brackets opens it, before the day (`(Yicai) Dec. 9 -- …`); or the agency in capitals
# ends a line of its own (`Baku, June 12, AZERTAC`).
WIRE_DATELINE = re.compile(r"\([A-Z][^()\n]{1,30}\)[ \t]+(?P<first>[\w ,./-]{5,20}?)[ \t]+(?:--?|[–—])[ \t]+(?=[A-Z])"
                            rf"|{_PLACE}"
                            r"(?:[ \t]+\([^\W\d_][^()\n]{1,30}\)|,[ \t]+[A-Z][^\W\d_]+(?:[ ][A-Z][^\W\d_]+)?(?=,[ \t]+\d))?"
                            r"(?:,|\.(?=[ \t]+[A-Z][a-z]{2}))"  # (`MOSCOW. Dec 4 (Interfax) - …`)
                            r"[ \t]+(?P<date>[\w ,./-]{5,30}?)\.?"
                            rf"(?:[ \t]+{_CLOCK}[ \t]+[-–—])?"  # (`Rome, 20 May 11:45 - (Nova) - …`)
                            r"(?:,[ \t]+[A-Z]{3,12}[ \t]*$|"  # (`Baku, June 12, AZERTAC` on a line of its own)
                            r"[ \t]+(?:\([^()\n]{2,40}\)\.?[ \t]*(?:--?|[–—]|(?=[A-Z]))|/[A-Z][\w .&'’-]{1,30}/\.|"
                            r"[A-Z][\w&'’-]+(?:[ \t]+[A-Z][\w&'’-]+)?[ \t]+(?:--?|[–—]))[ \t]*)")


def _day_told(dateline: re.Match) -> str:
    """The day a dateline (`WIRE_DATELINE`, `_MASTHEAD_DAY`) gives, as written."""
    return dateline.groupdict().get("first") or dateline["date"]


# A stamp that gives a day and a month and no year (`14 APR, 11:20`, `Apr 14, 11:20 GMT`), on a line of its own,
# perhaps after the place and with the weekday (`Doha • Thursday, January 22`).
_YEARLESS_STAMP = re.compile(
    rf"(?:{_PLACE}[ \t]*[•·|,][ \t]*)?"
    rf"(?:(?P<wd>{_WEEKDAY}),?[ \t]+)?"
    r"(?:(?P<d1>\d{1,2})[ \t]+(?P<m1>[A-Za-z]{3,9})\.?|(?P<m2>[A-Za-z]{3,9})\.?[ \t]+(?P<d2>\d{1,2}))"
    rf",?(?:[ \t]+{_CLOCK})?[ \t]*")
STAMP_LINES = 6  # a page prints its stamp among its first lines


def opens_with_dateline(text: str) -> bool:
    """Whether `text` opens with a wire story's dateline that names its agency (`Zaragoza, Jun 25 (EFE).- …`)."""
    return WIRE_DATELINE.match(text) is not None


def stamped_without_year(line: str) -> bool:
    """Whether a line is a page's stamp that gives a day and a month and no year (`April 30, 09:12 a.m.`)."""
    return _YEARLESS_STAMP.fullmatch(line.strip()) is not None


def yearless_stamp(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, weekday or None) of a stamp or a wire dateline without a year among the page's first
    lines, or None."""
    for line in text.splitlines()[:STAMP_LINES]:
        m = _YEARLESS_STAMP.fullmatch(line.strip())
        if m is None and (opening := WIRE_DATELINE.match(line)) is not None:
            m = _YEARLESS_STAMP.fullmatch(_day_told(opening).strip())
        if m is not None:
            month = MONTHS.get((m["m1"] or m["m2"]).lower())
            day = int(m["d1"] or m["d2"])
            if month is not None and 1 <= day <= 31:
                return month, day, WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    return None

def stamped_day(line: str) -> DatePoint | None:
    """The day a line that is a page's date stamp gives, or None. A line of several stamps parted by bars
    ("Published: … | Updated: …") gives the earliest: a page is updated after it is published."""
    if len(line) > _STAMP_LINE_MAX or not any(c.isdigit() for c in line):
        return None
    if line.startswith("(") and line.endswith(")"):
        line = line[1:-1]  # `(Latest Update July 16, 2026)`: a stamp in brackets
    days = [day for part in [line, *(_STAMP_BAR.split(line) if _STAMP_BAR.search(line) else ())]
            if (day := _stamp_day(part)) is not None]
    return min(days, key=lambda d: (d.year, d.month, d.day)) if days else None


# A title that ends on its own day, as a briefing's transcript is titled: "… Regular Press Conference on
# September 24, 2025", "Remarks at the opening ceremony (3 March 2025)".
_TITLE_FUTURE = re.compile(r"(?<![\w’'-])(?:to|will|set|due|plans?|ahead)(?![\w’'-])", re.IGNORECASE)
_TITLE_DAY = re.compile(r"(?:[ \t]on|,|[ \t]\(|[ \t][–—-])[ \t]*(?P<date>[\w ,./-]{6,30}?)\)?[ \t]*$")


def dated_title(title: str) -> PublicationDate | None:
    """The day a title ends on, when it is no sentence."""
    first = title.strip()
    if not first or len(first) > _STAMP_LINE_MAX or first.endswith((".", "?", "!", "”", '"')):
        return None
    m = _TITLE_DAY.search(first)
    if m is None or _future_worded(first, m.start("date")) or _TITLE_FUTURE.search(first):
        return None  # (`Leaders to meet on December 12, 2025`: a day to come)
    day = _one_day(m["date"])
    return PublicationDate(day, False, "date line in text") if day is not None else None


def _stamp_day(part: str) -> DatePoint | None:
    """The day a date stamp (`_DATE_LINE`) gives, or None."""
    line = _DATE_LINE.match(part)
    if line is None:
        return None
    date = line["date"]
    return _one_day(date.title() if date.isupper() else date)  # (`PUBLISHED MAY 13, 2026`)


def _one_day(expression: str) -> DatePoint | None:
    """The day `expression` is, when it is one full date (not a span, a month or a year)."""
    value = normalise_date(expression)
    if value is None or value.end is not None or value.start.precision != "day":
        return None
    return value.start
