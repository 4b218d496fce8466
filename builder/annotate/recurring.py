"""Annotate stage, unknown entities: the cues that make a capitalised name a standing mechanism, held again and again.

`discover` reads a name by its head word (`… Initiative`, `… Forum`). Some heads name an occasion that may be
held once or be one of a series (`… Week`, `… Seminar`, `… Meeting`, `… Drill`, `… Exercise`); wire copy says which by what it
writes before the name: `the next …`, `the annual …`, `the 20th …`, `the fifth …`, `the 2025 …` make it one of a
series, a standing mechanism; a Games or an Invitational (`SEA Games`) is one whatever precedes it. A season
before a one-word name (`the Summer Davos`) is how a series held every year is known. And a fund named after a
cooperation framework (`… Cooperation Special Fund`) is the framework's own instrument.

An occasion may also be named for what it is, which makes it the series, not one sitting: held by a pair of
parties (`the Hà Giang–Wenshan Friendship Half Marathon`, `the Laos–Thailand Youth Meeting`), a country's or
an international occasion of one subject (`a Korean Film Week`, `the Huế International Music Festival`), or one
named as a programme (`the Green Campus Tour programme`), and a festival named for its place or its subject (`the
Huế Festival`, `the Bac Giang Lychee Festival`). A holiday (`Mid-Autumn Festival`, `Lunar New Year
Festival`) is none of these. This module holds those cues; it keeps no state.
"""

from __future__ import annotations

import re

# Heads that name a series whatever is written before them: `SEA Games`, `… Esports Invitational`,
# `Fuzhou Lacquer Art Biennale` (held every two years by its name), `Macau Grand Prix`, `Singapore Airshow`.
ALWAYS_SERIES_HEADS = frozenset({"games", "invitational", "biennale", "biennial", "triennale", "triennial", "regatta",
                                 "prix", "olympiad", "airshow"})
# Heads of occasions that are mechanisms when the text says they recur, or always (`ALWAYS_SERIES_HEADS`).
SERIES_HEADS = frozenset({"meeting", "meetings", "week", "seminar", "festival", "exchange", "exchanges", "retreat",
                          "championship", "championships", "marathon", "tour", "cup", "tournament", "drill", "exercise",
                          "match", "competition", "contest", "rally", "challenge", "show", "exhibition", "expedition",
                          "open", "workshop", "conference", "camp"}) | ALWAYS_SERIES_HEADS
# What before a name says it is one of a series: `the next …`, `the annual …`, `the 20th …`, `the fifth …`,
# `the 2025 …`.
_RECURS_BEFORE = re.compile(r"(?<![\w’'-])(?:next|annual|yearly|biennial|regular|\d+(?:st|nd|rd|th)|(?:19|20)\d\d"
                            r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
                            r"[ \t]+$", re.IGNORECASE)
# What after a name says it recurs: `…, which is held every two years`, `…, which the association holds every two
# years`, `…, which returns in September`, `…, held annually`.
_RECURS_AFTER = re.compile(
    r",?[ \t]+(?:(?:which|that)[ \t]+(?:[^.;:!?,]{0,50}?[ \t])?(?:is[ \t]+|are[ \t]+)?(?:held|holds?|staged|stages?"
    r"|organi[sz]ed|organi[sz]es?|takes?[ \t]+place|runs?)[ \t]+(?:every|each|annually|yearly|biennially|once[ \t]+a)"
    r"|(?:which|that)[ \t]+returns|held[ \t]+(?:every|each|annually|yearly|biennially))(?![\w’'-])")
SEASONS = frozenset({"spring", "summer", "autumn", "winter"})
# What a season names besides a yearly series: a holiday, a building, a school term.
_SEASONAL_COMMON = frozenset({"festival", "palace", "school", "session", "term", "holiday", "holidays", "camp",
                              "time", "crop", "harvest", "solstice", "equinox", "sale", "sales", "collection"})
# A fund is a framework's instrument when the framework's name precedes it.
_FRAMEWORK_WORDS = frozenset({"cooperation", "partnership", "initiative", "mechanism", "programme", "program"})


def recurs_before(text: str, start: int) -> bool:
    """Whether `the next`, `annual`, `yearly` or an ordinal (`20th`) stands just before `start`."""
    return bool(text) and bool(_RECURS_BEFORE.search(text, max(0, start - 16), start))


def recurs_after(text: str, end: int) -> bool:
    """Whether the words after a name ending at `end` say it is held again and again (`…, held every two years`)."""
    return bool(text) and bool(_RECURS_AFTER.match(text, end))


def season_series(keys: list[str]) -> bool:
    """`Summer Davos`: a season, then one name that is not a season's common noun."""
    return len(keys) == 2 and keys[0] in SEASONS and keys[1] not in _SEASONAL_COMMON and keys[1] not in SEASONS


def framework_fund(keys: list[str]) -> bool:
    """`Lancang-Mekong Cooperation Special Fund`: a fund named after the framework whose instrument it is."""
    return len(keys) >= 3 and keys[-1] == "fund" and bool(_FRAMEWORK_WORDS.intersection(keys[:-1]))


def recurring_series(keys: list[str], head: str, text: str, start: int, end: int) -> bool:
    """Whether a capitalised name of these (folded) words, with this head, names a mechanism held again and again."""
    return (head in SERIES_HEADS and len(keys) >= 2 and (recurs_before(text, start) or head in ALWAYS_SERIES_HEADS
                                                         or recurs_after(text, end))) \
        or season_series(keys) or framework_fund(keys)


# Occasions named for what they are: a pair of parties or a country's or international occasion of one subject.
# (a `… Consultative Conference` is an assembly: a conference is the series only when the text says it recurs)
_OCCASION_HEADS = SERIES_HEADS - {"meetings", "exchange", "exchanges", "retreat", "seminar", "conference"} | {"meeting"}
# Words of a holiday's name, which no one holds: `Spring Festival`, `Lunar New Year Festival`.
_HOLIDAY_WORDS = SEASONS | {"new", "year", "lunar", "moon", "lantern", "mid-autumn", "day"}
# Words of a holiday named as a festival (`Dragon Boat Festival`, `Water Festival`, `Tết Festival`): another
# occasion may bear them (`… Dragon Boat Championship`, `Singapore International Water Week`).
_HOLIDAY_FESTIVAL_WORDS = _HOLIDAY_WORDS | {"tet", "dragon", "boat", "ghost", "water", "harvest", "kings", "songkran",
                                           "ngo", "thu", "lan"}
# `Hà Giang–Wenshan`, `Laos-Thailand`: two names joined by a dash or a hyphen.
_PAIR = re.compile(r"[^\W\d_][–-](?=[^\W\d_])")
# Contests whose name says they are open to all comers (`… Open … Championship`): held again and again.
_CONTEST_HEADS = frozenset({"championship", "championships", "tournament", "cup"})
# `the Green Campus Tour programme`: a programme that is the named occasion.
_PROGRAMME_AFTER = re.compile(r"[ \t]+(?:programme|program|series)(?![\w’'-])")


def named_occasion(keys: list[str], lead: bool, text: str, start: int, head_start: int, end: int) -> bool:
    """Whether a capitalised occasion (folded `keys`, its head last) is named for what it is, so it is the series.

    `lead`: the name opens on a nationality or a country (`Korean …`, `Laos …`). Held by a pair of parties named
    before a subject (`Hà Giang–Wenshan Friendship Half Marathon`), a country's or an international occasion of
    a subject (`Korean Film Week`, `Huế International Music Festival`), or named as a programme.
    """
    if len(keys) < 2 or keys[-1] not in _OCCASION_HEADS:
        return False
    if keys[-1] == "festival":
        # a holiday (`Lantern Festival`), unless a place holds it (`Zigong Lantern Festival`): one word, then the
        # holiday's
        place_held = keys[0] not in _HOLIDAY_FESTIVAL_WORDS and _HOLIDAY_FESTIVAL_WORDS.issuperset(keys[1:-1])
        if _HOLIDAY_FESTIVAL_WORDS.intersection(keys) and not place_held:
            return False
    elif (_HOLIDAY_WORDS - SEASONS).intersection(keys):
        return False  # (`New Year Concert`; but a season names no holiday but a festival's: `Youth Summer Camp`)
    if _PROGRAMME_AFTER.match(text, end):
        return True
    pair = _PAIR.search(text, start, head_start)
    if pair and text[pair.end()].isupper() and text[pair.end():head_start].strip().count(" ") >= 1:
        return True  # (a subject between the pair and the head: `Laos–Thailand Meeting` names no occasion)
    if "international" in keys:
        # what follows `International` is the subject (`Huế International Music Festival`), what comes before it the
        # place or the brand that holds it (`Vietbuild International Exhibition`)
        return len(keys) - keys.index("international") > 2 or keys.index("international") > 0
    if "open" in keys[:-1] and keys[-1] in _CONTEST_HEADS:
        return True  # an open contest of a place and a sport: `Thanh Hóa Open DanceSport Championship`
    if (keys[-1] == "festival" and (len(keys) > 2 or not text[start:head_start].isascii() or lead)) or (
            keys[-1] == "week" and len(keys) > 2):
        # a place's festival (`Huế Festival`), of a subject (`Bac Giang Lychee Festival`, `Chợ Lớn Heritage Week`)
        return True
    return lead and (len(keys) > 2 or keys[0] == "world")  # `Korean Film Week`, `World Championship`
