"""Scanning text with the date grammar: find every date expression and normalise it to ISO 8601.

`find_dates` is what the annotate stage calls; `normalise_date` reads one expression alone."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import re._parser
from dataclasses import dataclass

from builder.dates.rules import (
    ANCHORED,
    WEEKDAYS,
    _SPACES,
    _THE,
    Resolver,
    _Ctx,
    _Hit,
)
from builder.dates.grammar import RULE_TABLE
from builder.dates.tense import _future_worded
from builder.model import DatePoint, DateValue, Mention

# --------------------------------------------------------------------------
# Scanning. Each rule's matches are exactly `pattern.finditer(text)`; two
# shortcuts derived from the pattern itself (never written by hand) only
# avoid work that cannot find anything:
# - `needs`: literals one of which every match contains; a text with none of
#   them is not scanned for that rule;
# - `first`: the characters a match can begin with. Python's `re` tries a
#   pattern at every position unless it opens with a literal or a character
#   set, and most rules open with a look-behind or an optional "the". So the
#   rule is tried, inside one search, only where such a character stands
#   ("[chars](?<=(?=PATTERN).)"), and then matched there (_SEARCHES: rules
#   alike share one search; _after_the: rules opening with "the ").
# tests/test_properties.py checks the result against plain finditer.
# --------------------------------------------------------------------------

_IGNORECASE = re.IGNORECASE
_CATEGORY_CLASSES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}
# Under IGNORECASE an ASCII letter also matches these non-ASCII characters (re's own case
# folding; tests/test_dates.py checks the list against every Unicode character). For any
# other letter, every non-ASCII character stays a possible start.
_CASE_ALIKES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_NON_ASCII = r"\x80-\U0010ffff"


class _Underivable(Exception):
    """The pattern uses a construct the shortcuts do not analyse: scan it plainly."""


def _class_char(code: int) -> str:
    return f"\\U{code:08x}"


def _first_chars(items, flags: int, into: set[str]) -> bool:
    """Add to `into` character-class items covering every first character of a match of
    the parsed sequence `items`; True if the sequence can match without consuming any."""
    for op, av in items:
        name = op.name
        if name in ("ASSERT", "ASSERT_NOT", "AT"):  # zero-width: the next item consumes first
            continue
        if name == "LITERAL":
            into.add(_class_char(av))
            if flags & _IGNORECASE:
                char = chr(av)
                into.update(_class_char(ord(c)) for c in (char.lower(), char.upper()) if len(c) == 1)
                if char.isascii():
                    into.update(_class_char(ord(c)) for c in _CASE_ALIKES.get(char.lower(), ""))
                else:
                    into.add(_NON_ASCII)
            return False
        if name == "IN":
            for item_op, item in av:
                if item_op.name == "CATEGORY" and item.name in _CATEGORY_CLASSES:
                    into.add(_CATEGORY_CLASSES[item.name])
                elif item_op.name == "LITERAL" and not flags & _IGNORECASE:
                    into.add(_class_char(item))
                elif item_op.name == "RANGE" and not flags & _IGNORECASE:
                    into.add(f"{_class_char(item[0])}-{_class_char(item[1])}")
                else:
                    raise _Underivable(item_op.name)
            return False
        if name == "BRANCH":
            if not any([_first_chars(alternative, flags, into) for alternative in av[1]]):
                return False
        elif name == "SUBPATTERN":
            _, add_flags, del_flags, sub = av
            if not _first_chars(sub, (flags | add_flags) & ~del_flags, into):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            least, _, sub = av
            if not _first_chars(sub, flags, into) and least > 0:
                return False
        else:
            raise _Underivable(name)
    return True


def _required_literals(items, flags: int) -> tuple[str, ...] | None:
    """Case-sensitive literals one of which every match of the parsed sequence contains
    (the rarest-looking such choice: longest shortest literal), or None."""
    options: list[tuple[str, ...]] = []
    run = ""
    for op, av in items:
        name = op.name
        if name == "LITERAL" and not flags & _IGNORECASE:
            run += chr(av)
            continue
        if run:
            options.append((run,))
            run = ""
        if name == "SUBPATTERN":
            _, add_flags, del_flags, sub = av
            found = _required_literals(sub, (flags | add_flags) & ~del_flags)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] > 0:
            found = _required_literals(av[2], flags)
        elif name == "BRANCH":
            alternatives = [_required_literals(alternative, flags) for alternative in av[1]]
            found = None if None in alternatives else tuple(sorted({lit for a in alternatives for lit in a}))
        else:
            found = None
        if found:
            options.append(found)
    if run:
        options.append((run,))
    if not options:
        return None
    return max(options, key=lambda option: (min(map(len, option)), -len(option)))


_LOOKBEHIND = re.compile(r"\(\?<[!=](?:\\.|\[(?:\\.|[^\]\\])*\]|[^()\[\]\\])*\)")


def _opening_lookbehinds(pattern: str) -> str:
    """The look-behinds the pattern opens with, as written ("(?<!\\w)"), or ""."""
    at = 0
    while m := _LOOKBEHIND.match(pattern, at):
        at = m.end()
    return pattern[:at]


def _one_later(lookbehinds: str) -> str:
    """Look-behinds restated to be checked one character later ("(?<!\\w)" -> "(?<!\\w(?s:.))"):
    a cheap test right after a start character, before the whole pattern is tried there."""
    return "".join(m[:-1] + "(?s:.))" for m in _LOOKBEHIND.findall(lookbehinds))


def _first_chars_in(tree: re._parser.SubPattern) -> str | None:
    chars: set[str] = set()
    return None if _first_chars(tree.data, tree.state.flags, chars) else "".join(sorted(chars))


def _after_the(pattern: str, opening: str) -> tuple[str, str] | None:
    """What follows the opening look-behinds and an optional "the " ({_THE}), and the characters it
    starts with, if the pattern opens so, and only when that rest cannot start with a space (so the
    spaces after "the" are all taken) and the look-behinds also hold after a space. A match then starts
    where the rest matches or at the "the" just before it, so the rule can be looked for by the
    first characters of the rest, not at the t of every "the", "to" and "that"."""
    if not pattern.startswith(opening + _THE):
        return None
    rest = pattern[len(opening) + len(_THE):]
    first = _first_chars_in(re._parser.parse(rest))
    if first is None or any(re.match(f"[{first}]", space) for space in _SPACES):
        return None
    if opening and not all(re.compile(opening).match(space + "x", 1) for space in _SPACES):
        return None
    return rest, first


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    resolve: Resolver
    probe: str  # what must match where the rule is looked for: the pattern, or its rest after "the "
    the_first: bool  # probe is the rest after an optional "the ": also try the "the" before it
    first: str | None  # class items of the characters a probe match begins with; None: not derived
    behind: str  # the opening look-behinds, restated one character later ("" if none)
    needs: tuple[str, ...] | None  # literals one of which every match contains; None: always scan
    has_span: bool  # the mention is the group "span", not the whole match


def _rule(pattern: str, resolve: Resolver) -> _Rule:
    compiled = re.compile(pattern)
    probe, rest, first, needs = pattern, None, None, None
    opening = _opening_lookbehinds(pattern)
    try:
        tree = re._parser.parse(pattern)  # once: each parse costs about what the compile does
        after = _after_the(pattern, opening)
        if after is not None:
            probe = rest = after[0]
            first = after[1]
        else:
            first = _first_chars_in(tree)
        needs = _required_literals(tree.data, tree.state.flags)
        if needs and min(map(len, needs)) < 3:
            needs = None  # too common to be worth a look
    except (_Underivable, AttributeError, re.error):
        probe, rest, first = pattern, None, None
    return _Rule(compiled, resolve, probe, rest is not None, first, _one_later(opening), needs,
                 "span" in compiled.groupindex)


_RULES = [_rule(pattern, resolve) for pattern, resolve in RULE_TABLE]


def _uncaptured(pattern: str) -> str:
    """The pattern with its named groups made plain groups, to sit beside others in one search."""
    if "(?P=" in pattern:
        raise re.error("back-reference")
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _lower_first(first: str) -> bool:
    """Whether a lower-case ASCII letter can start the match (rules opening with a common word)."""
    starts = re.compile(f"[{first}]")
    return any(starts.match(letter) for letter in "abcdefghijklmnopqrstuvwxyz")


def _searches(rules: list[_Rule]) -> list[tuple[re.Pattern | None, tuple[int, ...]]]:
    """One search per group of rules with the same opening look-behinds: it stops only at a
    start character of one of them, after that look-behind, where one of them matches. A rule
    without derived start characters is searched alone and plainly (None)."""
    groups: dict[tuple[str, bool, str], list[int]] = {}
    out: list[tuple[re.Pattern | None, tuple[int, ...]]] = []
    for index, rule in enumerate(rules):
        if rule.first is None:
            out.append((None, (index,)))
        else:
            lower = _lower_first(rule.first)
            groups.setdefault((rule.behind, rule.the_first, rule.first if lower else ""), []).append(index)
    for members in groups.values():
        chosen = [rules[i] for i in members]
        try:
            classes = "".join(rule.first for rule in chosen)
            either = "|".join(f"(?:{_uncaptured(rule.probe)})" for rule in chosen)
            out.append((re.compile(f"[{classes}]{chosen[0].behind}(?<=(?={either}).)"), tuple(members)))
        except re.error:
            out.extend((None, (i,)) for i in members)
    return out


_SEARCHES = _searches(_RULES)


@functools.lru_cache(maxsize=8)
def _all_matches(text: str) -> tuple[tuple[re.Match, ...], ...]:
    """Each rule's matches in the text (by rule index): exactly those of `pattern.finditer(text)`.

    Remembered for the last few texts: an article without a dated header is scanned with several
    references while its publication date is inferred, then once more to be annotated, and the
    matches do not depend on the reference."""
    out: list[list[re.Match]] = [[] for _ in _RULES]
    present: dict[tuple[str, ...], bool] = {}  # whether one of these literals is in the text
    for search, members in _SEARCHES:
        active = []
        for index in members:
            needs = _RULES[index].needs
            if needs is not None:
                if needs not in present:
                    present[needs] = any(literal in text for literal in needs)
                if not present[needs]:
                    continue
            active.append(index)
        if not active:
            continue
        if search is None:
            out[active[0]] = list(_RULES[active[0]].pattern.finditer(text))
            continue
        places = [start.start() for start in search.finditer(text)]
        if _RULES[active[0]].the_first:  # (a group's rules agree on it) also the "the" before
            befores = (_the_before(text, at) for at in places)
            places = sorted(set(places).union(at for at in befores if at is not None))
        # finditer's own walk, per rule: the first match at or after the end of the previous
        # one. No pattern can match empty (a start character is always consumed).
        for index in active:
            match, found, resume = _RULES[index].pattern.match, out[index], 0
            for at in places:
                if at >= resume and (m := match(text, at)) is not None:
                    found.append(m)
                    resume = m.end()
    return tuple(map(tuple, out))


def _the_before(text: str, at: int) -> int | None:
    """Where a "the" ending in the spaces just before `at` would begin (unchecked), or None."""
    end = at
    while end and text[end - 1] in _SPACES:
        end -= 1
    return end - 3 if end < at and end >= 3 else None


# The only non-ASCII letters `re` matches to ASCII ones without case ("İn August", "laſt year"), as
# those ASCII letters: the resolvers' vocabularies know the ASCII words. One letter for one, so
# offsets into the text stay the same.
_CASE_ODDITIES = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def _scan(text: str, reference: dt.date | None, strict: bool = True) -> list[_Hit]:
    """All rules over the text; overlaps go to the longest match (then the earlier rule)."""
    text = text.translate(_CASE_ODDITIES)
    ctx = _Ctx(text, reference, strict)
    hits = []
    for order, (rule, matches) in enumerate(zip(_RULES, _all_matches(text))):
        resolve = rule.resolve
        for m in matches:
            found = resolve(m, ctx)
            if found is None:
                continue
            start, end = m.span("span") if rule.has_span else m.span()
            hits.append(_Hit(start, end, found.value, found.kind, order))
    return _ranged(text, _anchored(_longest_first(hits)), reference)


# How far back a day counted from (`the day before`) looks for the date it is counted from: that sentence's or the one before.
_ANCHOR_REACH = 300


def _anchored(hits: list[_Hit]) -> list[_Hit]:
    """Each `the day before` / `the following day` made the day next to the date told just before it (a day, within
    `_ANCHOR_REACH`); without one it is dropped."""
    if not any(h.kind.startswith(ANCHORED) for h in hits):
        return hits
    out: list[_Hit] = []
    for hit in hits:
        if hit.kind.startswith(ANCHORED):
            base = next((h for h in reversed(out) if h.value.end is None and h.value.start.precision == "day"), None)
            if base is None or hit.start - base.end > _ANCHOR_REACH:
                continue
            day = base.value.start.first_day() + dt.timedelta(days=int(hit.kind[len(ANCHORED):]))
            hit = _Hit(hit.start, hit.end, DateValue(DatePoint.of(day), None), "relative", hit.order)
        out.append(hit)
    return out


# `from next month to the end of June`: what joins a range's two ends, and what opens it.
_RANGE_JOIN = re.compile(r"[ \t]+(?:to|until|till|through)[ \t]+")
_AND = re.compile(r"[ \t]+and[ \t]+")
_RANGE_OPENS = re.compile(r"(?<![\w’'-])[Ff]rom[ \t]+$")


def _ranged(text: str, hits: list[_Hit], reference: dt.date | None) -> list[_Hit]:
    """`from next month to the end of June`, `from March last year to February this year`: two dates
    that are a range's ends, one of them told relative to the publication date, are one interval (the
    grammar's own ranges have absolute ends). Only an earlier first end makes a range. Two days running
    joined by `and` (`on Thursday and Friday`) are one span too."""
    out: list[_Hit] = []
    for hit in hits:
        first = out[-1] if out else None
        days = (first is not None and _AND.fullmatch(text, first.end, hit.start) and first.value.end is None
                and hit.value.end is None and first.value.start.precision == hit.value.start.precision == "day"
                and _days_running(text, first, hit, reference))
        if days:
            # `on Thursday and Friday`: two days running are one span (as `August 14 and 15`)
            out[-1] = _Hit(first.start, hit.end, DateValue(*days),
                           "relative" if "relative" in (first.kind, hit.kind) else first.kind, first.order)
            continue
        if (first is not None and "relative" in (first.kind, hit.kind)
                and _RANGE_JOIN.fullmatch(text, first.end, hit.start)
                and _RANGE_OPENS.search(text, max(0, first.start - 8), first.start)):
            start, end = first.value.start, hit.value.end or hit.value.start
            if start.first_day() < end.first_day() and (first.value.end or start).last_day() < end.last_day():
                out[-1] = _Hit(first.start, hit.end, DateValue(start, end), "relative", first.order)
                continue
        out.append(hit)
    return out


def _days_running(text: str, first: _Hit, then: _Hit, reference: dt.date | None) -> tuple | None:
    """The two days of `first and then` when they run on; also two weekdays named in their week's order
    (`on Tuesday and Wednesday`) where one of them was read as the publication day itself and the other
    not beside it: that one is the day next to the other, which its tense placed."""
    one, two = first.value.start.first_day(), then.value.start.first_day()
    if two - one == _ONE_DAY:
        return first.value.start, then.value.start
    names = WEEKDAYS.get(text[first.start:first.end].lower()), WEEKDAYS.get(text[then.start:then.end].lower())
    if None in names or (names[0] + 1) % 7 != names[1] or reference is None:
        return None
    if one == reference:
        return DatePoint.of(two - _ONE_DAY), then.value.start
    if two == reference:
        return first.value.start, DatePoint.of(one + _ONE_DAY)
    return None


_ONE_DAY = dt.timedelta(days=1)


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """The hits that survive overlaps, in text order: longest first, then the earlier rule, then the earlier start.

    The kept hits never overlap, so they are kept sorted by start (their ends then
    sort too) and one bisection finds the only kept hit a new one could overlap.
    """
    hits = sorted(hits, key=lambda h: (h.start - h.end, h.order, h.start))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[_Hit] = []
    for hit in hits:
        k = bisect.bisect_left(starts, hit.end)  # kept hits [0, k) start before this one ends
        if k and ends[k - 1] > hit.start:
            continue
        starts.insert(k, hit.start)
        ends.insert(k, hit.end)
        chosen.insert(k, hit)
    return chosen


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def find_dates(text: str, reference: dt.date | None) -> list[Mention]:
    """Find date expressions in `text`, normalised to ISO 8601, as non-overlapping mentions.

    `reference` is the publication day; relative expressions ("last year",
    "on Sunday") and year-less dates ("September 2") are resolved against it
    and dropped when it is None. `announced` marks a date its sentence tells
    as still to come ("will attend ... on September 2"). Spans leave out leading prepositions
    ("on", "from", "between") but keep a leading "the" that belongs to the
    phrase ("the first half of 2024").
    """
    return [
        Mention(type="date", start=h.start, end=h.end, text=text[h.start:h.end], value=h.value,
                relative=h.kind in ("yearless", "relative"), announced=_future_worded(text, h.start))
        for h in _scan(text, reference)
    ]


def normalise_date(expression: str, reference: dt.date | None = None) -> DateValue | None:
    """Normalise one date expression ("July 25, 2024", "last year") or return None.

    The whole expression (bar surrounding spaces and a leading preposition)
    must be a single date; a bare year or month name is accepted here since
    the caller vouches for it.
    """
    text = expression.strip()
    hits = _scan(text, reference, strict=False)
    if len(hits) != 1:
        return None
    leftover = (text[:hits[0].start] + text[hits[0].end:]).strip().lower()
    if leftover not in ("", "on", "in", "from", "between", "since", "during", "by", "until"):
        return None
    return hits[0].value


