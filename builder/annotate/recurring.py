"""Annotate stage, unknown entities: the cues that make a capitalised name a standing mechanism, held again and again.

`discover` reads a name by its head word (`… Initiative`, `… Forum`). Some heads name an occasion that may be
held once or be one of a series (`… Week`, `… Seminar`, `… Meeting`); wire copy says which by what it writes
before the name: `the next …`, `the annual …`, `the 20th …` make it one of a series, a standing mechanism. A
season before a one-word name (`the Summer Davos`) is how a series held every year is known. And a fund named
after a cooperation framework (`… Cooperation Special Fund`) is the framework's own instrument. This module
holds those cues; it keeps no state.
"""

from __future__ import annotations

import re

# Heads of occasions that are mechanisms only when the text says they recur.
SERIES_HEADS = frozenset({"meeting", "meetings", "week", "seminar", "festival", "exchange", "exchanges", "retreat"})
# What before a name says it is one of a series: `the next …`, `the annual …`, `the 20th …`.
_RECURS_BEFORE = re.compile(r"(?<![\w’'-])(?:next|annual|yearly|biennial|regular|\d+(?:st|nd|rd|th))[ \t]+$",
                            re.IGNORECASE)
SEASONS = frozenset({"spring", "summer", "autumn", "winter"})
# What a season names besides a yearly series: a holiday, a building, a school term.
_SEASONAL_COMMON = frozenset({"festival", "palace", "school", "session", "term", "holiday", "holidays", "camp",
                              "time", "crop", "harvest", "solstice", "equinox", "sale", "sales", "collection"})
# A fund is a framework's instrument when the framework's name precedes it.
_FRAMEWORK_WORDS = frozenset({"cooperation", "partnership", "initiative", "mechanism", "programme", "program"})


def recurs_before(text: str, start: int) -> bool:
    """Whether `the next`, `annual`, `yearly` or an ordinal (`20th`) stands just before `start`."""
    return bool(text) and bool(_RECURS_BEFORE.search(text, max(0, start - 16), start))


def season_series(keys: list[str]) -> bool:
    """`Summer Davos`: a season, then one name that is not a season's common noun."""
    return len(keys) == 2 and keys[0] in SEASONS and keys[1] not in _SEASONAL_COMMON and keys[1] not in SEASONS


def framework_fund(keys: list[str]) -> bool:
    """`Lancang-Mekong Cooperation Special Fund`: a fund named after the framework whose instrument it is."""
    return len(keys) >= 3 and keys[-1] == "fund" and bool(_FRAMEWORK_WORDS.intersection(keys[:-1]))


def recurring_series(keys: list[str], head: str, text: str, start: int) -> bool:
    """Whether a capitalised name of these (folded) words, with this head, names a mechanism held again and again."""
    return (head in SERIES_HEADS and len(keys) >= 2 and recurs_before(text, start)) \
        or season_series(keys) or framework_fund(keys)
