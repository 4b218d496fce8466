"""An editor's `corrections:` in a seed's front matter, read and validated (applied after annotation by
`builder.annotate.corrections`; the README's "Correcting one mention" says how they are written)."""

from __future__ import annotations

from dataclasses import dataclass

from builder.model import BuildError


@dataclass(frozen=True)
class Correction:
    """One editor's correction of one span of an article."""

    text: str
    occurrence: int = 1
    entity: str | None = None  # link to this entity; None: unlink
    line: int = 0  # the seed's line of the item, for messages


def parse_corrections(value, where: str, line_of) -> list[Correction]:
    """The `corrections:` of a seed's front matter, validated; `line_of(i)`: the line of item i."""
    if not isinstance(value, list):
        raise BuildError(where, "`corrections` must be a list of `- text: …` items with `link: ID` or "
                                "`unlink: true`", line_of(None))
    out = []
    for i, item in enumerate(value):
        line = line_of(i)
        if not isinstance(item, dict):
            raise BuildError(where, "each correction is a mapping: `- text: WORDS` then `link: ID` or `unlink: true`",
                             line)
        unknown = sorted(set(map(str, item)) - {"text", "occurrence", "link", "unlink"})
        if unknown:
            raise BuildError(where, f"unknown key {unknown[0]!r} in a correction; allowed: link, occurrence, text, "
                                    "unlink", line)
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise BuildError(where, "a correction needs `text:`, the words exactly as the article has them", line)
        occurrence = item.get("occurrence", 1)
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
            raise BuildError(where, "`occurrence` is a whole number from 1 (the first time the words appear)", line)
        link, unlink = item.get("link"), item.get("unlink")
        if (link is None) == (unlink is not True):
            raise BuildError(where, "a correction says either `link: ID` (an entity's page name) or `unlink: true`",
                             line)
        if link is not None and (not isinstance(link, str) or not link.strip()):
            raise BuildError(where, "`link` is the id of an entity: its page's file name without .md", line)
        out.append(Correction(" ".join(text.split()), occurrence, link.strip() if link else None, line))
    return out
