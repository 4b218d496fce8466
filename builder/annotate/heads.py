"""Annotate stage, unknown entities: what a capitalised name names, read from its head word.

`discover` cuts an article's capitalised runs into names; this module says what each names. Its head word (the
last word before `of`/`for`/`on`/`in`, or the last word) makes it a mechanism (`… Initiative`, `… Forum`, a
joint `… Committee`, an occasion held again and again: `builder.annotate.recurring`), an organisation (`Ministry
of …`, `… Foreign Affairs Office`) or a place (`… Province`, `… City`); generic words alone (`Standing
Committee`) name nothing; an occasion's own title before the lower-case word for it (`the Seafood Directions
conference`) is a mechanism too. It also holds the word discover's runs are made of (`_Word`), with the folded key word
lists compare. It keeps no state but a cache of folded keys.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from builder.annotate.names import CHINESE_FAMILY_NAMES, IRISH_PARTICLES, LOWER_ARABIC_NAME, VIETNAMESE_FAMILY_NAMES
from builder.annotate.people import ABBREVIATED_HEAD_WORDS, HEAD_WORDS
from builder.annotate.place_cues import NEAR
from builder.annotate.recurring import named_occasion, recurring_series
from builder.annotate.roles import EMPLOYER_AFTER, EMPLOYER_BEFORE
from builder.text import fold

MECHANISM_HEADS = {
    "mechanism", "mechanisms", "initiative", "partnership", "treaty", "agreement", "agreements", "forum", "expo",
    "exposition", "fair", "dialogue", "framework", "corridor", "corridors", "programme", "program", "declaration",
    "memorandum", "convention", "charter", "strategy", "zone", "area", "community", "exchange", "exchanges",
    "talks", "consultations", "consultation", "protocol", "protocols", "code", "scholarship", "scholarships", "network",
    "showcase", "consensus", "arrangement", "platform",
}
# A zone or an area is an agreement only when it is of free trade (`ASEAN–China Free Trade Area`); otherwise a place
# (`… Border Gate Economic Zone`, `… Gibbon Conservation Area`).
_TRADE_ONLY_HEADS = {"zone", "area"}
# Heads that name a cooperation mechanism only when the name says it is joint or bilateral
# (`Joint Vision Statement`, `Cooperation Plan on …`, `Philippines–China Joint Commission on …`, `Cà Mau–Guangdong
# Aquatic Products Trade Conference`), an institution or
# a domestic matter otherwise (`Standing Committee`, `Five-Year Plan`, `SCO Summit`, `Mekong River Commission`).
_JOINT_ONLY_HEADS = {"committee", "sub-committee", "subcommittee", "commission", "plan", "statement", "summit", "patrol",
                     "operation", "conference"}
# A group that parties keep to work together (`… Plant Quarantine Coordination Group`), not a company's.
_STANDING_GROUP_WORDS = {"working", "coordination", "coordinating", "contact", "liaison", "steering"}
# A committee is a cooperation mechanism when it is joint or bilateral, an institution otherwise.
_MECHANISM_COMMITTEE_WORDS = {"joint", "steering", "cooperation", "bilateral", "intergovernmental", "coordination",
                              "friendship", "partnership"}
# A company's or a club's own last word (`Hải Vân Logistics`, `Kinh Bắc Volleyball Club`): an organisation's head,
# never a personal name's word.
COMPANY_WORDS = frozenset("""
logistics holdings jsc ltd limited inc plc cooperative renewables shipping airlines airways pharmaceuticals club
sub-department sub-committee sub-institute insights partners solutions systems services consulting consultants
associates analytics securities ventures technologies industries agri agro foods farms trading recycling
gmbh ltda tbk shoji shokuhin sangyo kogyo bussan tsusho seiyaku shoten
tours adventure adventures expeditions films pictures studios
""".split())  # (and a firm's word left in its own language: `Hokusei Shokuhin`, `Marubeni Shōji`, `… GmbH`)
ORGANISATION_HEADS = {
    "ministry", "office", "department", "agency", "administration", "bureau", "commission", "council",
    "assembly", "party", "government", "army", "navy", "bank", "corporation", "company", "group", "association",
    "union", "federation", "university", "college", "institute", "academy", "embassy", "consulate", "secretariat",
    "front", "court", "procuracy", "police", "guard", "committee", "organisation", "organization",
    "newspaper", "television", "radio", "league", "society", "centre", "center", "station", "unit",
    "command", "brigade", "regiment", "enterprise", "institution", "hospital", "museum", "school", "theatre",
    "theater",
} | COMPANY_WORDS
ORGANISATION_LEADS = {"ministry", "department", "office", "bureau", "embassy", "consulate", "commission", "council",
                      "association", "union", "academy", "institute", "bank", "university"}
PLACE_HEADS = {"province", "city", "district", "prefecture", "county", "region", "municipality", "island",
               "islands", "archipelago", "sea", "gulf", "bay", "river", "port", "square", "mausoleum", "pass",
               "commune", "town", "village", "park", "airport", "mountain", "lake", "strait", "peninsula",
               "plateau", "delta", "valley", "highlands", "falls", "cape", "reservoir", "lagoon", "canal"}
# Compared with the word as written, lower-cased: `Thái Nguyên` is a province, `Thai` a nationality.
_NATIONALITIES = {"vietnamese", "chinese", "lao", "cambodian", "thai", "asean", "viet", "việt", "nam", "vietnam",
                  "china"}
_PLACE_TAILS = re.compile(
    r"[ \t]+(province|provinces|city|district|county|(?:international )?border gate|border crossing|border river|"
    r"river|town|prefecture|"
    r"commune|island|islands|industrial park|economic zone)\b")


class _Word(NamedTuple):
    """A word as written (trailing apostrophes and hyphens dropped), where it stands, and how word lists see it."""

    text: str
    start: int
    end: int
    key: str  # folded, without leading or trailing apostrophes, dots and hyphens
    capitalised: bool


# Folded keys by word as written: an archive repeats the same few thousand words, so each is folded once.
_KEYS: dict[str, str] = {}


def _key(text: str) -> str:
    key = _KEYS.get(text)
    if key is None:
        if len(_KEYS) > 200_000:  # a bound, not a tuning knob: far above any archive's vocabulary
            _KEYS.clear()
        key = _KEYS[text] = fold(text).strip("’'.-")
    return key


def _word(text: str, start: int, end: int) -> _Word:
    return _Word(text, start, end, _key(text), text[:1].isupper())


_HEAD_OR_TITLE = MECHANISM_HEADS | ORGANISATION_HEADS | PLACE_HEADS | HEAD_WORDS


# Words that make a capitalised run an institution, a place or a date rather than a personal name.
# The words of a ministry's portfolio, as titles list them (`Minister of Education, Youth and Sport …`,
# `Minister for Sustainability and the Environment Grace Fu`): never part of a personal name.
PORTFOLIO_WORDS = frozenset("""
education youth sport sports culture tourism trade industry agriculture rural development labour labor invalids social
affairs health finance justice defence defense information communications transport construction planning investment
environment sustainability resources science technology commerce energy mines fisheries forestry water works
commodities plantation women family religion arts heritage housing policies policy interior security economy
""".split())
# Countries of the region a possessive names before a person (`Cambodia’s Sam Vuthy`), never part of a name.
COUNTRIES = frozenset("""
myanmar thailand cambodia laos malaysia singapore indonesia philippines brunei japan korea india australia russia
vietnam china timor-leste mongolia
""".split())
_NOT_NAME_WORDS = frozenset("""
the of and for on in to with between at by from a an this that these those its their our his her
party communist committee central national assembly people peoples republic socialist state government
ministry minister foreign affairs office province city district viet vietnam nam china chinese vietnamese
asean international general secretary president chairman chairwoman prime deputy vice standing political
bureau politburo council congress army department embassy consulate university institute news agency
north south east west new year day week month spring summer autumn winter
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
cooperation partnership mechanism initiative forum expo fair treaty agreement dialogue framework
border gate region autonomous municipality sea island islands belt road corridor corridors
vna vns xinhua photo item
company corporation group bank association commission development
plateau delta valley highlands
""".split()) | PORTFOLIO_WORDS | COUNTRIES | COMPANY_WORDS

# English function words a Vietnamese syllable folds to: written with its marks (`Tô`, `Ân`), it is the syllable.
_FOLDS_TO_FUNCTION_WORD = frozenset("to the on in an a at by of and".split())


# What someone does, as a compound noun opening a sentence (`Farmworker Mee Vang`, `Boatbuilder …`): never a name's.
# Only compounds: the plain noun may be a surname (`Holder`, `Player`).
_AGENT_ENDINGS = ("worker", "keeper", "maker", "builder", "owner", "grower", "holder", "seller", "buyer", "driver",
                  "farmer", "trader", "dealer", "planter", "rider", "player", "leader", "manager", "officer",
                  "operator", "breeder", "picker")


def agent_noun(word: _Word) -> bool:
    """`Farmworker`, `Shopkeeper`: a compound noun of what someone does."""
    key = word.key
    return key.endswith(_AGENT_ENDINGS) and key.isalpha() and len(key) > 7 and key not in _AGENT_ENDINGS


def _is_name_word(word: _Word) -> bool:
    if word.text.endswith(".") and word.text[0].isupper():
        return True  # an initial (`K.`, `J.P.`, `Sh.`): discover's words hold one only before a capitalised word
    if LOWER_ARABIC_NAME.fullmatch(word.text) or word.text in IRISH_PARTICLES:
        return True  # (`Saif al-Harthi`, `Seán Ó Gallchóir`)
    # Written with its marks, a syllable is not the English word it folds to (`Mây`, not `May`).
    return (word.capitalised and (word.key not in _NOT_NAME_WORDS or (
                word.key in _FOLDS_TO_FUNCTION_WORD and word.text.lower() != word.key) or (
                word.key not in _SYLLABLE_WORDS and any(ch.isalpha() and not ch.isascii() for ch in word.text)))
            and (word.key not in HEAD_WORDS or word.key in ABBREVIATED_HEAD_WORDS) and not word.text.isupper()
            and (word.text.isalpha() or bool(_HYPHENATED_GIVEN.fullmatch(word.text))
                 or bool(_APOSTROPHE_NAME.fullmatch(word.text)))
            and (len(word.key) <= 7 or not agent_noun(word)))


# `Kwok-wai`, `Jae-in`: a given name romanised syllable by syllable, the second in lower case.
_HYPHENATED_GIVEN = re.compile(r"[^\W\d_]+-(?-i:[a-z])[^\W\d_]*")
# `O'Donnell`, `D’Souza`, and the Ê Đê `H’Bia`: a capital, an apostrophe, then the name; and the Kikuyu `Ndung'u`,
# `Wang'ombe`: an apostrophe inside, before a syllable that is no English ending (`'s`, `n't`, `'ll`).
_APOSTROPHE_NAME = re.compile(r"[A-Z][’'][A-ZÀ-Ỹ][^\W\d_]*"
                              r"|[A-Z][^\W\d_]*[^\W\d_n][’'](?!(?:s|t|ll|re|ve|d|m)\Z)[a-z][^\W\d_]*")


# Vietnamese syllables that are also words the name test turns away (`Việt`, `Nam`, `An`, and `The` for an unaccented
# `Thế`): inside a name that a Vietnamese family name opens they are the name's (`Lưu Quang Việt`, `Vũ Nam
# Khánh`, `Pham The Hung`, `Hồ An Phong`), never as its first word and never as the pair `Việt Nam`.
_SYLLABLE_WORDS = frozenset({"viet", "nam", "the", "an"})



# A summit of a grouping held again and again (`47th ASEAN Summit`, `East Asia Summit`) is a mechanism; one
# with its year (`SCO Summit 2025`) is that year's event. So is a meeting of a grouping's leaders or ministers
# (`LMC Leaders’ Meeting`, `Foreign Ministers’ Meeting`, `Annual Meeting of …`), a themed year of two countries
# (`… Solidarity and Friendship Year`), and a grouping's plan or vision named by its horizon year
# (`ASEAN Connectivity Master Plan 2025`).
_YEAR_AFTER = re.compile(r"[ \t]+(?:19|20)\d\d(?![\w–-])")
# `Plan VIII`: a plan's number in the series, in Roman numerals.
_ROMAN = re.compile(r"[IVX]{1,6}")
_THEME_YEAR_WORDS = {"friendship", "solidarity", "exchange", "exchanges", "humanistic", "cooperation"}


def _series(words: list[_Word], head: str, text: str) -> bool:
    if recurring_series([w.key for w in words], head, text, words[0].start, words[-1].end):
        return True  # `the next … Week`, `the 20th … Seminar`, `the Summer Davos`, `… Cooperation Special Fund`
    year_after = bool(text) and bool(_YEAR_AFTER.match(text, words[-1].end))
    if head == "summit":
        return not year_after
    before_head = next((words[i - 1].key for i in range(1, len(words)) if words[i].key == head), "")
    if head in ("meeting", "week") and len(words) >= 2:
        # (`Senior Officials’ Meeting on the Implementation of the DOC`: the holders of one rank meet again and again)
        return before_head in ("leaders", "ministers", "officials") or words[0].key == "annual"
    if head == "year":
        return bool({w.key for w in words} & _THEME_YEAR_WORDS)
    if head == "outlook":
        return any(len(w.text) >= 2 and w.text.isupper() for w in words)  # `ASEAN Outlook on the Indo-Pacific`
    if head in ("plan", "vision", "agenda", "masterplan") and (
            year_after or head == "masterplan" or (head == "plan" and before_head in ("master", "action"))):
        # `ASEAN Connectivity Master Plan (2025)`, `ASEAN Digital Masterplan 2025`, `ASEAN Regional Action Plan for
        # …`: a grouping's plan, by its horizon year or as its master or action plan
        return any(len(w.text) >= 2 and w.text.isupper() for w in words)
    return False


_FAIRS = frozenset({"expo", "exposition", "fair", "showcase"})
_MARKET_WORDS = frozenset({"stock", "securities", "commodity", "commodities", "futures", "derivatives", "mercantile"})
# The world or a continent holding an occasion (`World Vovinam Championships`, `Asia Pickleball Open`).
_REGIONS = frozenset({"world", "asia", "asia-pacific", "europe", "africa", "americas", "global", "pan-asian"})


def _demonym(word: _Word) -> bool:
    """`Chinese`, `Korean`, `China`, `Asia`, `World`: a nationality, a country or a region opening an occasion's name
    (`Korean Film Week`)."""
    return (word.text.lower() in _NATIONALITIES or word.key in _REGIONS
            or (word.key.endswith(("ese", "ean", "ian", "ish")) and word.text.isalpha()))


def fair_named_with_place(words: list[_Word]) -> bool:
    """`Pet Fair Asia`, `Food Expo Vietnam`: a fair with where it is held after its name."""
    return len(words) > 2 and words[-2].key in _FAIRS and (words[-1].key in _REGIONS or words[-1].key in COUNTRIES)


_COMPASS = frozenset({"southeast", "northeast", "southwest", "northwest", "south", "north", "east", "west", "central"})


def _occasion_lead(named: list[_Word]) -> bool:
    """Whether an occasion's name opens on whose it is: a nationality, a country or a region (`Korean …`, `Southeast
    Asian …`), a body's abbreviation (`AFC …`), or the nation's own (`National Youth Weightlifting Championships`)."""
    return (_demonym(named[0]) or _acronym(named[0]) or named[0].key == "national"
            or (len(named) > 1 and named[0].key in _COMPASS and _demonym(named[1])))


def _acronym(word: _Word) -> bool:
    """`AFC`, `ASEAN`: a body's abbreviation opening an occasion's name says whose it is (`AFC Futsal Asian Cup`)."""
    return len(word.text) >= 2 and word.text.isupper() and word.text.isalpha()


def _kind_of(run: list[_Word], text: str) -> str | None:
    """What a capitalised run names, from its head word: the last word before `of`/`for`, or the last word."""
    words = [w for w in run if w.key != "the"]
    if len(words) > 1 and words[-1].key == "summit" and _series(words, "summit", text):
        return "mechanism"  # `ASEAN Summit`, `ASEAN–China Summit`: a grouping's summits
    if len(words) > 1 and words[-1].key in ("exchange", "exchanges") and words[-2].key in _MARKET_WORDS:
        return "organisation"  # `Shenzhen Stock Exchange`: a market, not an exchange between parties
    if fair_named_with_place(words):
        return "mechanism"
    if len(words) > 2 and words[-1].key.endswith(("isation", "ization")) and words[-2].key in MECHANISM_HEADS:
        return "mechanism"  # `Chiang Mai Initiative Multilateralisation`: a mechanism made into another
    if (len([w for w in words if w.text.lower() not in _NATIONALITIES]) < 2 and len(words) > 1
            and not (words[-1].key in _FAIRS and words[0].key in COUNTRIES)):
        # `Chinese Government`, `Vietnamese Embassy`: a description, not a name (but a country's fair is its own:
        # `Vietnam Expo`)
        return None
    if len(words) == 1:
        tail = _PLACE_TAILS.match(text, words[0].end)
        return "place" if tail and _is_name_word(words[0]) else None
    numbered = len(words) > 2 and words[-2].key == "plan" and bool(_ROMAN.fullmatch(words[-1].text))
    head_index = next((i for i, w in enumerate(words) if i and w.key in {"of", "for", "on", "in"}),
                      len(words) - numbered)  # (`Power Development Plan VIII`: the plan is the head)
    head, keys = words[head_index - 1].key, {w.key for w in words}
    named = words[:head_index]
    if head in ("programme", "program", "fund") and named[0].key in ("world", "united", "un"):
        return "organisation"  # `World Food Programme`, `United Nations Development Programme`: UN bodies
    if head == "regulations" and named[0].key == "international":
        return "mechanism"  # `International Health Regulations`: rules states keep together, as a convention is
    if head in ("programme", "program") and text and EMPLOYER_BEFORE.search(text, max(0, words[0].start - 50),
                                                                           words[0].start):
        return "organisation"  # `deputy manager of the National Tuberculosis Programme`: a programme with staff
    if head == "market" and len(named) >= 3 and named[-3].key == "single" and _is_proper(named[0]):
        return "mechanism"  # `ASEAN Single Aviation Market`: a grouping's single market is an agreement's
    if head in _TRADE_ONLY_HEADS and not (head == "area" and len(named) >= 3 and named[-2].key == "trade"
                                          and named[-3].key == "free"):
        # (an `ASEAN Free Trade Area` is an agreement's; a `Pilot Free Trade Zone` is ground)
        return "place" if any(map(_is_proper, words)) else None
    if (head in MECHANISM_HEADS or (words[-1].key in MECHANISM_HEADS and head not in ORGANISATION_HEADS)
            or _series(words, head, text) or numbered
            or (head == "group" and len(named) > 1 and named[-2].key in _STANDING_GROUP_WORDS)
            or named_occasion([w.key for w in named], _occasion_lead(named), text, named[0].start,
                              named[-1].start, named[-1].end)):
        # (`Institute for Defence Strategy`: an institute, whatever it studies; a numbered plan is one of a series
        # of plans; a working or coordination group is a standing mechanism, whoever sits on it; `Korean Film Week`: an occasion
        # named for what it is)
        # `the Joint Committee`, `the Forum`: an institution's generic words alone refer back, they do not name.
        return "mechanism" if any(map(_is_proper, words)) or len(words) >= 3 else None
    paired = bool(text) and any(text[a.end:b.start] == "–" for a, b in zip(named, named[1:]))
    if head in _JOINT_ONLY_HEADS and (keys & _MECHANISM_COMMITTEE_WORDS or paired):
        # (`Quảng Ninh–Guangxi Coastal Ecosystem Action Plan`: a plan of two named parties is a shared one)
        return "mechanism" if any(map(_is_proper, words)) or len(words) >= 3 else None
    if not any(_is_proper(w) for w in words) and not (head in ORGANISATION_HEADS and _generic_name(words, head_index)):
        # `Standing Committee`, `Communist Party`: an organ or a description, not a name.
        return None
    if head == "bank" and text and NEAR.search(text, max(0, words[0].start - 12), words[0].start):
        return "place"  # `near Vanguard Bank`: a bank at sea, a shoal
    if head in ORGANISATION_HEADS:
        return "organisation"
    if head in PLACE_HEADS or _PLACE_TAILS.match(text, words[-1].end):
        return "place"
    if (text and EMPLOYER_BEFORE.search(text, max(0, words[0].start - 50), words[0].start)
            and EMPLOYER_AFTER.match(text, words[-1].end)):
        return "organisation"  # `general manager of Guangxi Borderland Travel`: whom a role works for
    return None


# The level of a local body: `the Provincial People’s Committee` refers back to one named before.
_LOCAL_LEVELS = {"provincial", "municipal", "district", "city", "commune", "town", "county", "prefectural"}


def _generic_name(words: list[_Word], head_index: int) -> bool:
    """Whether generic words alone name one institution: on both sides of the complement (`Central Commission for
    External Relations`), a leading institution noun and its complement (`Institute for Defence Strategy`), or
    three or more ending on the head (`National Defence Academy`), not a local body's level (`Provincial …`)."""
    complement = len(words) - head_index
    return ((head_index >= 2 and complement >= 3) or (head_index == 1 and words[0].key in ORGANISATION_LEADS
                                                      and complement >= 3)
            or (complement == 0 and len(words) >= 3 and words[0].key not in _LOCAL_LEVELS))


# Words of institutions' generic names: `Central`, `Standing`, `Political`, `Foreign Affairs` …
_GENERIC_WORDS = frozenset("""
the of and for on in to between central standing political communist national people's peoples general
international public security state socialist republic joint bilateral cooperation steering permanent executive
supreme high economic external relations foreign affairs home internal interior
""".split())


def _is_proper(word: _Word) -> bool:
    """A word that makes a name particular: an acronym, or a capitalised word no institution shares."""
    if len(word.text) >= 2 and word.text.isupper():
        return True
    return word.capitalised and word.key not in _GENERIC_WORDS and word.key not in _HEAD_OR_TITLE


def join_pairs(text: str, runs: list[list[_Word]]) -> list[list[_Word]]:
    """Runs either side of an en dash, one name when together they name a mechanism.

    `Hà Giang–Wenshan Friendship Half Marathon`, `Network of Laos–Thailand Research Institutes`: a pair of
    names joined by an en dash (no blank) belongs to the mechanism it opens or closes; the run before gives
    only its capitalised tail (`Chairman of the Hà Giang–…`: the chairman is not part of it).
    """
    if "–" not in text:
        return runs
    joined: list[list[_Word]] = []
    for run in runs:
        before = joined[-1] if joined else None
        if before is None or text[before[-1].end:run[0].start] != "–":
            joined.append(run)
            continue
        cut = max((i + 1 for i, w in enumerate(before) if not w.capitalised), default=0)
        for start in sorted({0, cut}):
            if _kind_of(before[start:] + run, text) == "mechanism":
                rest = before[:start]
                while rest and not rest[-1].capitalised:
                    rest = rest[:-1]
                joined[-1:] = [rest, before[start:] + run] if rest else [before[start:] + run]
                break
        else:
            joined.append(run)
    return joined


# `the Seafood Directions conference`, `the VietnamWood exhibition`: an occasion's own title, capitalised, before the
# lower-case word for what it is.
_OCCASION_NOUN_AFTER = re.compile(r"(?:[ \t]+\([A-Z]{2,8}\))?"  # (`the One Commune One Product (OCOP) programme`)
                                  r"[ \t]+(?:festival|conference|exhibition|expo|fair|forum|tournament|awards"
                                  r"|programme|program)(?![\w’'-])")
_DEFINITE_BEFORE = re.compile(r"(?:(?<![\w’'-])the|[’']s)[ \t]+$")
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z][a-z]+")


def titled_occasion(text: str, run: list[_Word]) -> bool:
    """Whether `run` is an occasion's title before the word for the occasion (`the Seafood Directions conference`):
    two or more capitalised English words, or one in camel case, that name no place, person, body or country (nor
    where the article is somewhere: `in Kuala Lumpur … the Kuala Lumpur conference`)."""
    if not (_OCCASION_NOUN_AFTER.match(text, run[-1].end)
            and _DEFINITE_BEFORE.search(text, max(0, run[0].start - 8), run[0].start)):
        return False
    if not (sum(w.capitalised for w in run) >= 2 or (len(run) == 1 and _CAMEL_CASE.fullmatch(run[0].text))):
        return False
    if _kind_of(run, text) is not None or run[-1].key in PLACE_HEADS or any(
            not w.text.isascii() or w.text.isupper() or w.key in VIETNAMESE_FAMILY_NAMES
            or w.key in CHINESE_FAMILY_NAMES or w.key in COUNTRIES or w.text.lower() in _NATIONALITIES for w in run):
        return False
    title = re.escape(text[run[0].start:run[-1].end])
    return not re.search(rf"(?<![\w’'-])(?:in|at|to|from|near|around)[ \t]+{title}(?![\w’'-])", text)


# `JA Solar Vietnam Co., Ltd.`: a company suffix makes the run an organisation and belongs to its name.
_COMPANY_SUFFIX = re.compile(r"[ \t]+(?:Co\.,?[ \t]*Ltd\.?|Co\.|Corp\.|Ltd\.?|JSC|LLC|Inc\.|Group)(?!\w)")


def company_suffix_end(text: str, run: list[_Word]) -> int | None:
    """Where a company name ends, when a suffix (`Co., Ltd.`, `JSC`) follows it; the suffix may open the run's last word."""
    for cut in (len(run), len(run) - 1):
        if cut < 1 or not any(_is_proper(w) for w in run[:cut]):
            continue
        m = _COMPANY_SUFFIX.match(text, run[cut - 1].end)
        if m and not (m.group().endswith("Group") and run[cut - 1].key in _STANDING_GROUP_WORDS):
            return m.end()  # (a `Coordination Group` is no company's)
    return None


# A name's abbreviation in brackets after it: `Lancang-Mekong Cooperation (LMC)`.
_ABBREVIATION = re.compile(r"[ \t]*\(([A-Z][A-Za-z&]{1,9})\)")


def bracketed_abbreviation(text: str, pos: int, words: list[_Word]) -> str | None:
    """The abbreviation in brackets at `pos`, after `words`, when it abbreviates them; None otherwise."""
    m = _ABBREVIATION.match(text, pos)
    return m.group(1) if m is not None and _abbreviates(m.group(1), words) else None


def _abbreviates(abbreviation: str, words: list[_Word]) -> bool:
    """`CPV` for `Communist Party of Việt Nam`: its letters are initials of the name's words, in order, from the first
    (a hyphened word's parts each give one: `LMC` for `Lancang-Mekong Cooperation`)."""
    initials = [part[0].upper() for w in words if w.capitalised for part in w.text.split("-") if part[:1].isupper()]
    letters = [c for c in abbreviation if c.isalpha()]
    if not initials or not letters or letters[0].upper() != initials[0]:
        return False
    i = 0
    for initial in initials:
        if i < len(letters) and initial == letters[i].upper():
            i += 1
    return i == len(letters)


def split_at_dash(text: str, run: list[_Word]) -> list[list[_Word]]:
    """An en dash joins the partners of a mechanism into its name (`Lancang–Mekong Cooperation`); elsewhere it
    stands between two names (`the Hà Nội–Hải Phòng expressway`)."""
    if run[-1].key in MECHANISM_HEADS or run[-1].key == "cooperation":
        return [run]
    parts, part = [], [run[0]]
    for before, word in zip(run, run[1:]):
        if text[before.end:word.start] == "–":
            parts.append(part)
            part = []
        part.append(word)
    if parts and _kind_of(part, text) == "mechanism":
        # `the Việt Nam–China Plant Quarantine Coordination Group`: the partners stay in the mechanism's name; what
        # comes before the first partner's name (`Officials of the`) does not
        first = parts[0]
        cut = max((i + 1 for i, w in enumerate(first) if not w.capitalised), default=0)
        return ([first[:cut]] if cut else []) + [first[cut:] + [w for p in parts[1:] for w in p] + part]
    return [*parts, part]
