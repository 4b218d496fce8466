"""The articles: one page per article (`articles/<id>/`), and the listing of them all (`articles/`, cut by period)."""

from __future__ import annotations

from builder.records import Touched
from builder.site.families.base import Family, Page, Pager, period_query, year_links
from builder.site.templating import finish, resolve_links
from builder.site.urls import ARTICLES, article_url, output_path


class ArticleFamily(Family):
    """An article's page, laid out whole by the map step (`builder.site.fragments`); only its date
    links, which point into the timeline's pages, are resolved here."""

    kind = "article"

    @classmethod
    def every(cls, pages) -> list[Family]:
        return [cls(pages, aid) for aid in pages.site.store.ids_newest_first()]

    @classmethod
    def concerned(cls, pages, change: Touched) -> list[str]:
        return sorted(aid for aid in change.articles if pages.site.store.summary(aid) is not None)

    @classmethod
    def owning(cls, pages, path: str) -> str | None:
        parts = path.split("/")
        if parts[0] == ARTICLES.rstrip("/") and len(parts) == 3 and pages.site.store.summary(parts[1]) is not None:
            return parts[1]
        return None

    @property
    def url(self) -> str:
        return article_url(self.key)

    def paths(self) -> list[str]:
        return [output_path(self.url)]

    def shape(self) -> None:
        return None  # an article's one URL follows from its id

    def reached(self, change: Touched) -> set[str] | None:
        return None if self.key in change.articles else set()

    def html(self, only: set[str] | None = None):
        html = self.site.store.page(self.key)
        yield output_path(self.url), finish(resolve_links(html, self.site.timeline_page), self.url,
                                            self.site_pages.templates.base_url)


class ArticleListingFamily(Family):
    """Every article, newest first: one page while it fits, then a page per period of publication."""

    kind = "articles"

    def pages(self) -> list[Page]:
        site = self.site
        cut = site.article_cut
        total = site.article_count
        if cut.single:
            return [Page(ARTICLES, "articles.html", "Articles",
                         lambda: {"articles": site.store.summaries(), "total": total, "period": None, "years": [],
                                  "overview": False, "pager": Pager(1, [ARTICLES])})]
        periods = cut.periods
        urls = [ARTICLES] + [p.url for p in periods]
        labels = ["Articles"] + [f"Articles: {p.label}" for p in periods]
        years = year_links(cut)
        pages = [Page(ARTICLES, "articles.html", "Articles",
                      {"articles": site.newest[:25], "total": total, "period": None, "years": years,
                       "overview": True, "pager": Pager(1, urls, labels)})]
        for number, period in enumerate(periods, start=2):
            year, month, limit, offset = period_query(period)
            pages.append(Page(period.url, "articles.html", labels[number - 1], lambda year=year, month=month, limit=limit, offset=offset, period=period, number=number: {
                "articles": site.store.summaries(limit, offset, year, month), "total": total, "period": period,
                "years": years, "overview": False, "pager": Pager(number, urls, labels)}))
        return pages

    def shape(self) -> list[str]:
        return [p.url for p in self.site.article_cut.periods]

    def reached(self, change: Touched) -> set[str] | None:
        """Its first page and the pages of the publication periods of the articles whose entry changed."""
        urls = {ARTICLES}
        for year, month in change.published:
            urls |= self.site.article_cut.pages_for(year, month)
        return urls
