"""Dates: the grammar of date expressions (`rules`), the tense a date is told in (`tense`), finding and
normalising them in text (`scan`), the dates a page prints for itself (`stamps`) and inferring an undated
article's publication date (`publication`)."""

from builder.dates.publication import infer_publication_date
from builder.dates.stamps import opens_with_dateline, stamped_day, stamped_without_year
from builder.dates.scan import find_dates, normalise_date

__all__ = ["find_dates", "infer_publication_date", "normalise_date", "opens_with_dateline", "stamped_day", "stamped_without_year"]
