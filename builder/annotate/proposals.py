"""Annotate stage, unknown entities: merge what `discover` found across the archive into new registry entities.

Each `Discovery` is one article's word for a name the registry lacks. `propose_entities` merges them by
folded name into `status: discovered` entities (never one the registry already claims, rejected ones
included, nor a known place with its kind spelled out), which the build writes as new registry pages.
"""

from __future__ import annotations

import re

from builder.annotate.discover import PLACE_HEADS, Discovery
from builder.annotate.names import guess_country
from builder.ingest.registry import Registry, discovery_note, too_common
from builder.model import ENTITY_KINDS, Entity
from builder.text import fold, form_key, slugify


# An apostrophe inside a name's word (`O'Donnell`, the Ê Đê `H’Bia`), not a possessive (`Committee’s`).
_NAME_APOSTROPHE = re.compile(r"(?<=\b[A-Z])[’'](?=[A-ZÀ-Ỹ])")
# The dots between initials written together (`J.P. Mokoena`, `S.B. Submarine Systems`): `jp`, one word.
_JOINED_INITIALS = re.compile(r"(?<=\b[A-Z])\.(?=[A-Z]\.)")


def propose_entities(discoveries: list[Discovery], registry: Registry) -> list[Entity]:
    """New `status: discovered` entities, one per name the registry does not already claim.

    A name claimed by any registry entity — rejected ones included — is not
    proposed again. Proposals are merged by folded name across articles;
    the first article (in id order) is recorded as where it was first seen.
    """
    claimed = set(registry.claimed_forms())
    by_key: dict[tuple[str, str], Entity] = {}
    first_seen: dict[tuple[str, str], Discovery] = {}
    offered: dict[tuple[str, str], list[str]] = {}  # the aliases each proposal's articles give it
    for d in sorted(discoveries, key=lambda d: (d.article, d.line, d.name)):
        key = (d.type, form_key(d.name))
        if key[1] in claimed or not key[1] or _known_place(d, claimed) or too_common(d.name, key[1]):
            continue
        entity = by_key.get(key)
        if entity is None:
            slug = slugify(_JOINED_INITIALS.sub("", _NAME_APOSTROPHE.sub("", d.name)))  # `O'Donnell`: odonnell
            if not slug or slug in registry.entities or any(e.id == slug for e in by_key.values()):
                continue
            entity = Entity(id=slug, type=d.type, name=d.name, status="discovered")
            if d.type == "person":
                entity.country = guess_country(d.name)
            by_key[key] = entity
            first_seen[key] = d
        for title in d.titles:
            if title not in entity.titles and d.type == "person":
                entity.titles.append(title)
        offered.setdefault(key, []).extend(d.aliases)
    # Aliases once every name is known, so that no form is claimed twice whatever the articles' order (the registry
    # refuses that): another kind's name stays theirs (`Đồng Nai` the place, not an alias of `Đồng Nai College`), and a
    # proposal of the same kind named by an alias is that one (`Lý Cường` alone and `Li Qiang`, who is also written so).
    named: dict[str, set[tuple[str, str]]] = {}
    for key in by_key:
        named.setdefault(key[1], set()).add(key)
    for key in list(by_key):  # (made in the order of the articles that first gave them)
        entity = by_key.get(key)
        if entity is None:
            continue  # merged into another as its alias
        for alias in offered.get(key, ()):
            alias_key = form_key(alias)
            others = {k for k in named.get(alias_key, ()) if k != key and k in by_key}
            # (never one the registry would turn away: `World Health Organization (WHO)` proposes no `WHO`)
            if (alias in entity.aliases or alias_key in claimed or too_common(alias, alias_key)
                    or any(k[0] != key[0] for k in others)):
                continue
            for other in others:
                merged = by_key.pop(other)
                entity.titles.extend(t for t in merged.titles if t not in entity.titles)
                entity.aliases.extend(a for a in merged.aliases if a not in entity.aliases)
            entity.aliases.append(alias)
            claimed.add(alias_key)
    for key, entity in by_key.items():
        seen = first_seen[key]
        entity.notes_markdown = discovery_note(seen.article, seen.line, ENTITY_KINDS[entity.type].label.lower())
    return sorted(by_key.values(), key=lambda e: (e.type, e.id))


def _known_place(discovery: Discovery, claimed: set[str]) -> bool:
    """`Da Nang City` when `Da Nang` is known: the same place with its kind spelled out."""
    if discovery.type != "place":
        return False
    words = discovery.name.split()
    return len(words) > 1 and fold(words[-1]) in PLACE_HEADS and form_key(" ".join(words[:-1])) in claimed
