"""Annotate stage: find and resolve every person, mechanism and date in an article.

`Annotator` is built once per registry (its ruler compiled once) and then
applied to each article. Annotation is a pure function of
(body text, registry, publication date): it reads nothing else and returns
`Mention`s whose `text` is exactly `body[start:end]`.

Precedence where spans overlap: names first (the longest wins), then dates;
a year inside a linked name (`1982 United Nations Convention on the Law of the
Sea`) belongs to the name and is not linked again.
"""

from __future__ import annotations

import datetime as dt

from builder.annotate.people import resolve_people
from builder.annotate.ruler import EntityRuler, Pattern
from builder.annotate.spans import SpanSet
from builder.dates import find_dates
from builder.ingest.registry import Registry, surface_forms
from builder.model import Article, Mention


class Annotator:
    """The annotate stage for one registry."""

    def __init__(self, registry: Registry):
        self.registry = registry
        patterns = []
        for entity in registry.entities.values():
            if entity.status == "rejected":
                continue
            for form in surface_forms(entity):
                patterns.append(Pattern(entity.type, form, entity.id))
        self.ruler = EntityRuler(patterns)
        self.people = {e.id: e for e in registry.of_type("person")}

    def mentions(self, body: str, reference: dt.date | None, dates: list[Mention] | None = None) -> list[Mention]:
        """All mentions in `body`, sorted by position, none overlapping.

        `dates`: what `find_dates(body, reference)` gives, when already known (they do not depend on
        the registry, so a registry change need not look for them again).
        """
        return self.annotate(body, reference, dates)[0]

    def annotate(self, body: str, reference: dt.date | None,
                 dates: list[Mention] | None = None) -> tuple[list[Mention], list[Mention]]:
        """(`mentions(body, reference)`, every date found before names took their spans)."""
        matches = self.ruler(body)
        taken = SpanSet()
        mentions: list[Mention] = []
        for match in matches:
            if match.label != "person":
                mentions.append(Mention(match.label, match.start, match.end, body[match.start:match.end],
                                        entity=match.entity))
                taken.add(match.start, match.end)
        mentions.extend(resolve_people(body, matches, self.people, taken))
        found = find_dates(body, reference) if dates is None else dates
        for date in found:
            if not taken.overlaps(date.start, date.end):
                mentions.append(date)
        return sorted(mentions, key=lambda m: (m.start, m.end)), found

    def __call__(self, article: Article) -> Article:
        article.mentions = self.mentions(article.body, article.date.reference_day())
        return article
