"""Editors' corrections of single mentions, applied after annotation (and after the annotation cache)
on every build, in the map step (`engine/build.py::_Mapper`).

Two places an editor corrects an article, both read on every run:

- **`corrections:` in the seed's front matter** — a list; each item names one span by its exact
  text and which occurrence of that text in the article it is (`occurrence`, 1 = the first, the
  default), and says what it is:

  ```
  corrections:
  - text: the ambassador     # link a span the annotator missed
    link: he-wei
  - text: Wang               # point a link at another entity
    occurrence: 2
    link: wang-yi
  - text: Hồ Chí Minh City   # unlink it
    unlink: true
  ```

  A correction that no longer finds its text (the article was edited) is reported as a warning
  and left out; one that names an entity the registry does not have (or has rejected) stops the
  article, naming the line.

- **an article page in `content/articles/` whose `generated: true` marker an editor removed** — the
  page is then the editor's and the article's text (`builder.ingest.article_page` reads it), and its
  Markdown links are the article's mentions (`editor_mentions`): people, mechanisms, organisations
  and places by the page they link to, dates by the annotator's value for the same span (or the
  date the link's words name). A seed's `corrections:` still apply, to the page's words.
"""

from __future__ import annotations

import re
from builder.ingest.corrections import Correction
from builder.model import ENTITY_KINDS, BuildError, Entity, Mention


def _occurrence(body: str, text: str, n: int) -> int | None:
    """Where the `n`-th occurrence of `text` starts in `body` (None: there are fewer)."""
    at = -1
    for _ in range(n):
        at = body.find(text, at + 1)
        if at < 0:
            return None
    return at


def apply_corrections(body: str, mentions: list[Mention], corrections: list[Correction],
                      entities: dict[str, Entity], where: str) -> tuple[list[Mention], list[str]]:
    """`mentions` with each correction applied in order (and warnings for those that no longer apply);
    raises BuildError for a link to an entity the registry does not have."""
    warnings = []
    out = list(mentions)
    for c in corrections:
        start = _occurrence(body, c.text, c.occurrence)
        if start is None:
            nth = "" if c.occurrence == 1 else f" {c.occurrence} times"
            warnings.append(f"{where}:{c.line}: correction of {c.text!r}: the article does not have these words"
                            f"{nth}; correct the correction or remove it")
            continue
        end = start + len(c.text)
        out = [m for m in out if m.end <= start or m.start >= end]
        if c.entity is not None:
            entity = entities.get(c.entity)
            if entity is None or entity.status == "rejected":
                why = "is rejected" if entity is not None else "is not in the registry"
                raise BuildError(where, f"correction links {c.text!r} to {c.entity!r}, which {why}; write the id of "
                                        "an entity page (content/people/<id>.md, …)", c.line)
            out.append(Mention(entity.type, start, end, body[start:end], entity=entity.id))
    out.sort(key=lambda m: (m.start, m.end))
    return out, warnings


# --- an article page that is the editor's ------------------------------------------------------------

_FOLDERS = {kind.folder: kind.type for kind in ENTITY_KINDS.values()}
_ENTITY_TARGET = re.compile(r"^\.\./([a-z]+)/([a-z0-9-]+)\.md$")
_DATE_TARGET = re.compile(r"^\.\./timeline/(\d{4})\.md$")


def editor_mentions(links: list[tuple[int, int, str]], body: str, annotated: list[Mention],
                    entities: dict[str, Entity], where: str, reference=None) -> tuple[list[Mention], list[str]]:
    """The mentions an editor's article page links (`links`: (start, end, target) in `body`, the page's
    words; `builder.ingest.article_page`), with warnings for the links that are none: a date link takes
    the annotator's value for its span, else the date its words name."""
    from builder.dates.scan import normalise_date

    warnings = []
    dates = {(m.start, m.end): m for m in annotated if m.type == "date"}
    out: list[Mention] = []
    for start, end, target in links:
        text = body[start:end]
        if _DATE_TARGET.match(target):
            if (start, end) in dates:
                out.append(dates[start, end])
            elif (value := normalise_date(text, reference)) is not None:
                out.append(Mention("date", start, end, text, value=value))
            else:
                warnings.append(f"{where}: link {text!r} goes to the timeline but names no date; left out")
        elif m := _ENTITY_TARGET.match(target):
            type_, eid = _FOLDERS.get(m.group(1)), m.group(2)
            entity = entities.get(eid)
            if type_ is None or entity is None or entity.type != type_ or entity.status == "rejected":
                warnings.append(f"{where}: link {text!r} goes to {target}, which is no entity page; left out")
                continue
            out.append(Mention(type_, start, end, text, entity=eid))
        else:
            warnings.append(f"{where}: link {text!r} goes to {target}, which is neither an entity page nor the "
                            "timeline; left out")
    out.sort(key=lambda m: (m.start, m.end))
    kept: list[Mention] = []
    for m in out:  # two links over one span: the first is kept
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept, warnings

