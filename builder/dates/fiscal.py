"""Fiscal years: the months a fiscal year spans (`FY26`, `fiscal 2026`, `fiscal year 2025-26`), by the calendar of
the country whose accounts it is. India and Japan run theirs from April, Pakistan, Bangladesh, Australia, Egypt and
Kenya from July, the United States and Thailand from October. Japan names a fiscal year by the year it starts in
(`fiscal 2026` runs from April 2026 to March 2027), the others by the year it ends in (`FY26` in India runs from April
2025 to March 2026); a fiscal year written over two years (`2025-26`) starts in the first.

The country is the one the sentence names (`India's`, `Rs 1,900 crore`, `yen`), else the one the article names most
among those; a fiscal year of no such country is left unread (the calendar year's, or unknown)."""

from __future__ import annotations

import re
from collections import Counter

from builder.dates.rules import _found, _point

# A country's fiscal calendar: the month its fiscal year starts in, and whether the year is named by its start.
_CALENDARS = {
    "japan": (4, True), "india": (4, False), "pakistan": (7, False), "bangladesh": (7, False),
    "australia": (7, False), "egypt": (7, False), "kenya": (7, False), "us": (10, False), "thailand": (10, False),
}
# The words that say which country is meant: its name, its people, its money, its capital.
_CUES = {
    "japan": "japan japanese yen tokyo",
    "india": "india indian crore lakh delhi",
    "pakistan": "pakistan pakistani islamabad karachi",
    "bangladesh": "bangladesh bangladeshi taka dhaka",
    "australia": "australia australian canberra",
    "egypt": "egypt egyptian cairo",
    "kenya": "kenya kenyan nairobi",
    "us": "us u.s. american washington",
    "thailand": "thailand thai baht bangkok",
}
_COUNTRY_OF = {word: country for country, words in _CUES.items() for word in words.split()}
_CUE = re.compile(r"(?<![\w.])(?:" + "|".join(sorted(map(re.escape, _COUNTRY_OF), key=len, reverse=True))
                  + r")(?![\w])(?:[’']s)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"])|\n")


def _cue_country(word: str) -> str | None:
    key = word.lower().removesuffix("’s").removesuffix("'s")
    if key == "us" and not word.startswith("US"):
        return None  # (`us`, the pronoun)
    return _COUNTRY_OF.get(key)


def _country(text: str, start: int, end: int) -> str | None:
    """The country whose fiscal year is written at `start`-`end`: the nearest one its sentence names, else the one the
    article names most (None when it names none, or two as often)."""
    opening = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    closing = _SENTENCE_END.search(text, end)
    sentence = [(abs(m.start() - start), country) for m in _CUE.finditer(text, opening, closing.end() if closing else len(text))
                if (country := _cue_country(m.group())) is not None]
    if sentence:
        return min(sentence)[1]
    counts = Counter(country for m in _CUE.finditer(text) if (country := _cue_country(m.group())) is not None)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def fiscal_year(m, ctx):
    """FY26 / FY2026 / fiscal 2026 / fiscal year 2025-26, in the calendar of the country it is told of."""
    country = _country(ctx.text, m.start(), m.end())
    if country is None:
        return None
    month, named_by_start = _CALENDARS[country]
    year = int(m.groupdict().get("y") or m["fy"])
    year += 2000 if year < 100 else 0
    if m["y2"]:
        following = int(m["y2"])
        if following % 100 != (year + 1) % 100:
            return None  # (`2025-27`: no one fiscal year)
        first = year
    else:
        first = year if named_by_start else year - 1
    return _found(_point(first, month), _point(first + 1, month - 1))
