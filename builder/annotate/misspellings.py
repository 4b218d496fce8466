"""Annotate stage, unknown entities: a personal name one letter off another in the same article is a misspelling.

`discover` may find `Zhou Minghua` and, a paragraph on, `Zhou Minhua said`: the second is the first
misspelt, not a second person. `fold_misspellings` keeps one proposal and gives it the other spelling
as an alias (so the build links both to one page), or drops a proposal one letter off a linked name.
"""

from __future__ import annotations

import re

from builder.annotate.names import VIETNAMESE_FAMILY_NAMES
from builder.text import fold


def fold_misspellings(found: list, text: str, linked: list[str]) -> list:
    """A personal name one letter off another in the same article is that person misspelt, not a second one.

    `found`: the article's discoveries (with `type`, `name`, `aliases`); `linked`: its person mentions' texts.
    `Zhou Minghua … Zhou Minhua said`: the spelling the article uses more (then first) is the name, the other
    becomes its alias; one off a linked name is dropped (the registry's page is the person's).
    """
    people = [d for d in found if d.type == "person"]
    if len(people) + len(linked) < 2:
        return found
    names = {d.name for d in people}
    rank = {name: _rank(text, name) for name in names}
    dropped: set[str] = set()
    aliases: dict[str, list[str]] = {}
    for name in sorted(names, key=rank.__getitem__):
        width = len(name.split())
        if any(_one_letter_apart(name, " ".join(known.split()[-width:])) for known in linked):
            dropped.add(name)
            continue
        better = next((other for other in sorted(names - dropped, key=rank.__getitem__)
                       if rank[other] < rank[name]
                       and _one_letter_apart(name, " ".join(other.split()[-width:]))), None)
        if better is not None:
            dropped.add(name)
            aliases.setdefault(better, []).append(name)
    if not dropped:
        return found
    kept, given = [], set()
    for d in found:
        if d.type == "person" and d.name in dropped:
            continue
        if d.type == "person" and d.name in aliases and d.name not in given:
            d.aliases.extend(a for a in aliases[d.name] if a not in d.aliases)
            given.add(d.name)
        kept.append(d)
    return kept


def _rank(text: str, name: str) -> tuple[int, int]:
    """(minus how often, where first) the article writes `name` as a whole name (`Kou Yunshen` is not inside
    `Kou Yunsheng`)."""
    places = [m.start() for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text)]
    return -len(places), places[0] if places else len(text)


def misspells_someone(name: str, found: list, mentions: list) -> bool:
    """Whether `name` is one letter off a person the article has named so far (proposed or linked)."""
    known = [d.name for d in found if d.type == "person"] + [m.text for m in mentions if m.type == "person"]
    return any(_one_letter_apart(name, other) for other in known)


def _one_letter_apart(a: str, b: str) -> bool:
    """Same words but one, and that one (six letters or more) one letter inserted, dropped or changed; or, in a
    name of three words, the family name that opens it changed into no family name (`Huỳng Văn Tiếng` for
    `Huỳnh Văn Tiếng`: the two words after it say who it is)."""
    wa, wb = fold(a).split(), fold(b).split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differ = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(differ) != 1:
        return False
    if len(wa) >= 3 and wa[0] != wb[0] and (wa[0] in VIETNAMESE_FAMILY_NAMES) != (wb[0] in VIETNAMESE_FAMILY_NAMES):
        return one_letter_off(*differ[0], shortest=3)
    return one_letter_off(*differ[0])


def one_letter_off(x: str, y: str, shortest: int = 6) -> bool:
    """Two folded words, the longer of `shortest` letters or more, one letter inserted, dropped or changed apart."""
    if max(len(x), len(y)) < shortest or abs(len(x) - len(y)) > 1 or x == y:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y)) == 1
    short, long_ = sorted((x, y), key=len)
    i = next((i for i, (p, q) in enumerate(zip(short, long_)) if p != q), len(short))
    return short[i:] == long_[i + 1:]
