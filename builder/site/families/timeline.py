"""The timeline (`timeline/`): every dated mention in order of its date, one page while it fits, then
a page per year, a busy year by month and a busy month in numbered pages (`builder.site.periods`)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from builder.model import DatePoint, format_point
from builder.records import Touched
from builder.site.collect import counted_by_kind
from builder.site.families.base import Family, Page, Pager, period_query, year_links
from builder.site.periods import Period
from builder.site.urls import TIMELINE

# The first timeline page links to the own timelines of this many entities of each kind (the most dated).
TIMELINE_DIRECTORY_SIZE = 40


@dataclass
class MonthGroup:
    anchor: str
    label: str
    entries: list[Markup]
    datetime: str  # ISO 8601 of the month, or the year for whole-year entries


def timeline_groups(rows: list[tuple]) -> list[tuple[int, list[MonthGroup]]]:
    """Entries (rows of `store.timeline_entries`) by year, then month; a year's whole-year entries first."""
    years: dict[int, dict[int, list]] = {}
    for _, html, _, year, month in rows:
        years.setdefault(year, {}).setdefault(month, []).append(Markup(html))
    out = []
    for year in sorted(years):
        groups = []
        for month in sorted(years[year]):
            label = format_point(DatePoint(year, month)) if month else f"{year}, the year as a whole"
            anchor = f"y{year}-{month:02d}" if month else f"y{year}-all"
            groups.append(MonthGroup(anchor, label, years[year][month], DatePoint(year, month or None).iso()))
        out.append((year, groups))
    return out


class TimelineFamily(Family):
    kind = "timeline"

    @classmethod
    def owning(cls, pages, path: str) -> str | None:
        return "" if path.startswith(TIMELINE) else None

    def shape(self) -> list[str]:
        return [p.url for p in self.site.timeline.cut.periods]

    def reached(self, change: Touched) -> set[str] | None:
        """Its first page, the page where each year with a changed entry starts, the page each changed
        entry is on (before and after: its key falls where it was), the pages whose bounds moved, and
        every page of a month whose entries are shown anew (nothing when no entry changed)."""
        if not (change.buckets or change.anything):
            return set()
        place = self.site.timeline
        urls = {TIMELINE} | change.timeline_pages
        for year, month in change.buckets:
            urls.add(place.cut.year_url(year) or TIMELINE)
        for year, month in change.relisted:
            urls |= place.cut.pages_for(year, month)
        for year, month, sort in change.dated:
            urls.add(place.page_of(year, month, sort))
        return urls

    def pages(self) -> list[Page]:
        site = self.site
        cut = site.timeline.cut
        total = site.timeline_count
        years = year_links(cut)
        if cut.single:
            def whole() -> dict:
                rows = site.store.timeline_entries()
                return {"timeline_total": total, "period": Period(TIMELINE, ""), "title": "Timeline",
                        "groups": timeline_groups(rows), "years": [], "pager": Pager(1, [TIMELINE]),
                        "filterable": self._filter_choices(rows), "directory": self._directory()}
            return [Page(TIMELINE, "timeline.html", "Timeline", whole)]
        periods = cut.periods
        urls = [TIMELINE] + [p.url for p in periods]
        labels = ["Timeline"] + [f"Timeline: {p.label}" for p in periods]
        pages = [Page(TIMELINE, "timeline.html", "Timeline", lambda: {
            "timeline_total": total, "period": Period(TIMELINE, ""), "title": "Timeline", "groups": [],
            "years": years, "pager": Pager(1, urls, labels), "filterable": [],
            "directory": self._directory()})]
        bare_years = [(year, url, None, months) for year, url, _, months in years]  # counts only on the first page
        for number, period in enumerate(periods, start=2):
            pages.append(Page(period.url, "timeline.html", labels[number - 1],
                              lambda period=period, number=number: self._period(period, number, total,
                                                                                bare_years, urls, labels)))
        return pages

    def _period(self, period: Period, number: int, total: int, years: list, urls: list, labels: list) -> dict:
        year, month, limit, offset = period_query(period)
        rows = self.site.store.timeline_entries(year, month, limit, offset)
        return {"timeline_total": total, "period": period, "title": labels[number - 1],
                "groups": timeline_groups(rows), "years": years, "pager": Pager(number, urls, labels),
                "filterable": self._filter_choices(rows), "directory": []}

    def _filter_choices(self, rows: list[tuple]) -> list[tuple]:
        """(kind, [(entity, entries)]) for each kind named in `rows`, most entries first."""
        counts: dict[str, int] = {}
        for _, _, entities, _, _ in rows:
            for eid in entities.split():
                counts[eid] = counts.get(eid, 0) + 1
        return counted_by_kind(counts, self.site.entities)

    def _directory(self) -> list[tuple]:
        """(kind, [(entity, entries)], more) for the first timeline page: the entities with the most
        dated entries, at most TIMELINE_DIRECTORY_SIZE a kind, and how many more have a timeline."""
        counts = {eid: s.timeline for eid, s in self.site.entities.items() if s.timeline}
        return [(kind, counted[:TIMELINE_DIRECTORY_SIZE], len(counted) - TIMELINE_DIRECTORY_SIZE)
                for kind, counted in counted_by_kind(counts, self.site.entities)]
