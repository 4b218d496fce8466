"""Annotate stage, unknown entities: a person named again by two or more words of their full name.

Malaysian copy calls `Ahmad Zulkifli Rashid` `Ahmad Zulkifli`; Macau's press calls `Maria Helena de Senna Fernandes`
`Senna Fernandes`, her compound family name. A single word is a short form (`builder.annotate.people`); a part of
two words or more, opening or closing the full name and met on its own in the same article, is the same person
named shorter, and so is the first word of a name of no Vietnamese or Chinese shape when it speaks (`Azrul Hakimi
Rosli … Azrul said`: Malay copy names a man by his given name). `fold_name_parts` gives each such part to the
proposal as an alias, so the build links it to that person's page, and drops a proposal of the part as someone else.
"""

from __future__ import annotations

import re

from builder.annotate.names import PARTICLE, PARTICLES, guess_country


def fold_name_parts(found: list, text: str) -> list:
    """`found`: an article's discoveries (with `type`, `name`, `aliases`); the same, a person's parts as aliases."""
    people = [d for d in found if d.type == "person" and len(d.name.split()) >= 3]
    parts_of: dict[str, object] = {}
    for person in people:
        for part in _parts(person.name):
            if _alone(text, part, person.name):
                parts_of.setdefault(part, person)
        given = person.name.split()[0]
        if guess_country(person.name) is None and re.search(
                rf"(?<![\w’'-]){re.escape(given)}[ \t]+(?:said|says|told|added)(?![\w’'-])", text.replace(person.name, "")):
            parts_of.setdefault(given, person)  # `Azrul Hakimi Rosli … Azrul said`: a Malay name by its given name
    if not parts_of:
        return found
    kept = []
    for d in found:
        if d.type == "person" and d.name in parts_of:
            continue
        kept.append(d)
    for part, person in parts_of.items():
        if part not in person.aliases:
            person.aliases.append(part)
    return kept


def _parts(name: str) -> list[str]:
    """The parts of two words or more that open or close `name`, each starting on a capitalised word."""
    words = name.split()
    parts = [words[:n] for n in range(2, len(words))] + [words[i:] for i in range(1, len(words) - 1)]
    return [" ".join(p) for p in parts if p[0][:1].isupper() and p[-1][:1].isupper() and p[0].lower() not in PARTICLES]


_PARTICLE_BEFORE = re.compile(rf"(?<![\w’'-]){PARTICLE}[ \t]+$")


def _alone(text: str, part: str, name: str) -> bool:
    """Whether `part` stands in `text` as a name of its own: no capitalised word or particle touches it, and it is
    not inside the full name."""
    if text.count(part) <= text.count(name) * name.count(part):
        return False  # (every time it is written, it is inside the full name: the usual case, found at once)
    for start in _occurrences(text, part):
        end = start + len(part)
        before = text[max(0, start - 30):start]
        after = text[end:end + 30]
        if re.search(r"[A-ZÀ-Ỹ][\w’'-]*[ \t]+$", before) or re.match(r"[ \t]+[A-ZÀ-Ỹ]", after):
            continue
        if _PARTICLE_BEFORE.search(before):
            continue
        if name in text[max(0, start - len(name)):end + len(name)]:
            continue
        return True
    return False


def _occurrences(text: str, part: str):
    """Where `part` stands in `text` as whole words: no letter, digit, underscore, apostrophe or hyphen just before
    it, no letter, digit, underscore or hyphen just after (found without compiling a pattern per part)."""
    at = text.find(part)
    while at >= 0:
        end = at + len(part)
        if ((at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_’'-"))
                and (end == len(text) or not (text[end].isalnum() or text[end] in "_-"))):
            yield at
        at = text.find(part, at + 1)
