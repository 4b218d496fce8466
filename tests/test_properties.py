"""Tried at random (hypothesis): ingest, annotation, date normalisation and rendering never crash,
offsets always slice the body, and no input smuggles an element or attribute into the HTML.

Settings are deterministic (`derandomize=True`: the same inputs on every run, so CI cannot
flake) and bounded (`max_examples`), with no per-example deadline (never a timed test).
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import parse_html, smuggled
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builder.dates import find_dates, normalise_date
from builder.engine.build import site_of
from builder.ingest.seed import parse_seed
from builder.model import MONTH_NAMES, BuildError, DateValue
from builder.site.families.base import PageFamily
from builder.site.fragments import body_html
from builder.site.pages import SitePages
from builder.site.templating import Templates, finish, resolve_links

SETTINGS = dict(derandomize=True, deadline=None, database=None)

# Fragments an article is made of, and the markup a hostile scrape may carry.
NAMES = ["Tô Lâm", "To Lam", "TÔ LÂM", "Lâm", "He Wei", "Ambassador He", "He", "Wei", "Xi Jinping", "Xi",
         "Phạm Minh Chính", "Pham Minh Chinh", "General Secretary", "Prime Minister", "Chinese Ambassador",
         "“3+3” strategic dialogue mechanism", "Belt and Road Initiative", "UNCLOS 1982", "ASEAN–China Expo"]
DIACRITICS = ["Hà Nội", "Đà Nẵng", "Nguyễn", "Việt Nam", "Quảng Ninh", "Trần", "đổi mới", "Ha\u0300 No\u0323\u0302i"]
DATES = ["January 5, 2026", "5 January 2026", "2026-02-30", "May 40, 2020", "last year", "on Sunday",
         "1950–2026", "September 2-4", "the first half of 2024", "August 18-20", "2025", "this month",
         "February 29, 2025", "December 31, 9999", "0 March 0", "two years ago"]
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
          '<a href="javascript:alert(1)">y</a>', '"><svg onload=alert(1)>', "*", "_", "#", "> ", "---", "`",
          "&amp;", "&lt;", "\\", "|", "(Photo: VNA)", "— VNA", "Item 1 of 4", " date 2026-01-24 ", "HÀ NỘI —"]
WORDS = ["said", "met", "the", "and", "in", "on", "with", "cooperation", "trade", "talks", ".", ",", "'s", "’s"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", ". ", ", ", "\t", "\r\n"]

fragment = st.sampled_from(NAMES + DIACRITICS + DATES + MARKUP + WORDS) | st.text(max_size=8)
article_text = st.lists(st.tuples(fragment, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(a + b for a, b in parts))
any_text = st.text(max_size=300)


def _ingest(text: str):
    """The article, or None when ingest rejects the text with a BuildError (never anything else)."""
    try:
        return parse_seed(text.encode("utf-8", "surrogatepass"), "random.txt")
    except BuildError as error:
        assert str(error).startswith("random.txt")
        return None


def _check_mentions(article) -> None:
    previous_end = 0
    for m in article.mentions:
        assert article.body[m.start:m.end] == m.text, m
        assert m.start >= previous_end, "mentions overlap"
        assert m.start < m.end
        previous_end = m.end
        if m.type == "date":
            assert DateValue.parse(m.value.iso()) == m.value


@settings(max_examples=400, **SETTINGS)
@given(any_text)
def test_any_text_ingests_and_annotates_without_exception(annotator, text):
    article = _ingest(text)
    if article is not None:
        annotator(article)
        _check_mentions(article)


@settings(max_examples=400, **SETTINGS)
@given(article_text)
def test_realistic_fragments_ingest_and_annotate_with_exact_non_overlapping_offsets(annotator, text):
    article = _ingest(text)
    if article is not None:
        annotator(article)
        _check_mentions(article)


@settings(max_examples=600, **SETTINGS)
@given(year=st.integers(-5, 12000), month=st.integers(-1, 14), day=st.integers(-1, 40),
       form=st.integers(0, 5), reference=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_date_normalisation_never_crashes_and_gives_valid_iso(year, month, day, form, reference):
    name = MONTH_NAMES[(month - 1) % 12]
    expression = [f"{name} {day}, {year}", f"{day} {name} {year}", f"{year}-{month:02d}-{day:02d}",
                  f"{day}/{month}/{year}", f"{name} {year}", f"{name} {day}-{day + 2}, {year}"][form]
    value = normalise_date(expression, reference)
    if value is not None:
        assert DateValue.parse(value.iso()) == value  # a real calendar date (or interval), ISO 8601
        assert value.start.first_day() <= value.last_day()
    sentence = f"The talks on {expression} were held."
    for mention in find_dates(sentence, reference):
        assert sentence[mention.start:mention.end] == mention.text
        assert DateValue.parse(mention.value.iso()) == mention.value


ALLOWED_IN_BODY = {
    "p": set(), "h2": set(), "figure": {"class"}, "figcaption": set(), "blockquote": set(), "cite": set(),
    "span": {"class"}, "mark": set(), "time": {"datetime", "data-value"},
    "a": {"class", "href", "id", "data-entity", "title"},
}


@settings(max_examples=150, **SETTINGS)
@given(article_text)
def test_article_html_parses_and_holds_only_the_elements_the_renderer_makes(annotator, text):
    article = _ingest(text)
    if article is None:
        return
    annotator(article)
    html = finish(resolve_links(str(body_html(article)), lambda year, month, sort: "timeline/"), "articles/a/", "/")
    parsed = parse_html(html)
    for tag, attrs in parsed.elements:
        assert tag in ALLOWED_IN_BODY, tag
        assert set(attrs) <= ALLOWED_IN_BODY[tag], (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    shown = "".join(parsed.text)
    for block in article.blocks:  # every block's text is shown as text, markup included: nothing lost
        assert article.body[block.start:block.end] in shown


@pytest.fixture(scope="module")
def page_of(registry):
    """The finished page of one annotated article, as a build writes it."""
    def make(article) -> str:
        site = site_of([article], registry)
        ((_, html),) = SitePages(site, Templates()).family_html(PageFamily("article", article.id))
        return html
    return make


@settings(max_examples=50, **SETTINGS)
@given(article_text)
def test_whole_article_page_parses_and_nothing_is_smuggled_in(annotator, page_of, text):
    article = _ingest(text)
    if article is None:
        return
    annotator(article)
    assert smuggled(parse_html(page_of(article))) == []


# Date-ish tokens: every rule's openings and joints, case and space variants, characters that
# match ASCII letters only under IGNORECASE (Kelvin sign, long s, dotted/dotless i), digits glued
# to punctuation.
DATE_TOKENS = [
    "January", "Jan.", "Jan", "March", "Mar", "May", "Sept.", "December", "june", "2", "02", "18th", "31",
    "1st", "29", "2024", "1950", "2026", "25", "1990s", "2000s", "Q1", "H2", "Q5", "2024-07-25", "25/7/2024",
    "the", "The", "THE", "tHE", "early", "Mid", "late", "beginning", "start", "middle", "end", "of", "first",
    "second", "latter", "half", "quarter", "months", "month", "year", "week", "weekend", "this", "last",
    "next", "coming", "past", "this coming", "earlier", "later", "spring", "Summer", "fall", "winter",
    "yesterday", "Today", "tomorrow", "the day before", "Monday", "Sunday", "ago", "two", "seven", "a",
    "from", "between", "and", "to", "until", "through", "in", "since", "by", "during", "-", "–", "—", "/",
    ",", ".", "'", "$", "%", "(", ")", "\u212a", "\u017f", "\u0130", "\u0131", "Đà Nẵng", "ſpring", "tħe",
]
DATE_JOINTS = [" ", " ", "", "\u00a0", "\u202f", "  ", "\n", ", ", ". ", "-"]
date_ish_text = st.lists(
    st.tuples(st.sampled_from(DATE_TOKENS) | st.text(max_size=3), st.sampled_from(DATE_JOINTS)),
    max_size=30).map(lambda parts: "".join(a + b for a, b in parts))


def _plain_scan(text, reference, strict):
    """The scan without shortcuts: every rule through finditer, overlaps settled pairwise (then, as the scan does,
    each `the day before` counted from the date before it)."""
    from builder.dates.rules import _Ctx, _Hit
    from builder.dates.scan import _CASE_ODDITIES, _RULES, _anchored

    text = text.translate(_CASE_ODDITIES)
    ctx, hits = _Ctx(text, reference, strict), []
    for order, rule in enumerate(_RULES):
        for m in rule.pattern.finditer(text):
            found = rule.resolve(m, ctx)
            if found is not None:
                start, end = m.span("span") if "span" in rule.pattern.groupindex else m.span()
                hits.append(_Hit(start, end, found.value, found.kind, order))
    hits.sort(key=lambda h: (h.start - h.end, h.order, h.start))
    chosen = []
    for hit in hits:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return _anchored(sorted(chosen, key=lambda h: h.start))


@settings(max_examples=500, **SETTINGS)
@given(date_ish_text, st.sampled_from([None, dt.date(2024, 3, 1), dt.date(2025, 12, 31)]), st.booleans())
@example("\u0130n August, \u017fince June, \u017fpring 2024, the \u017ftart of 2025, TH\u0130S weekend", dt.date(2024, 3, 1), True)
@example("the first half of 2024, The  early 1990s and the\u00a0end of this year; the the spring of 2025", None, True)
@example("amid-March; the the early 1990s; from 2020 to 2021-22; 5 May 2024-2025 and 1 June", dt.date(2024, 3, 1), True)
def test_date_scanner_shortcuts_find_what_a_plain_scan_finds(text, reference, strict):
    from builder.dates import find_dates

    find_dates(text, reference)  # never raises, odd letters included ("\u017fpring 2024", "\u0130n August")
    from builder.dates.scan import _RULES, _all_matches, _scan

    for rule, found in zip(_RULES, _all_matches(text)):
        expected = [(m.span(), m.groups()) for m in rule.pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in found] == expected, rule.pattern.pattern
    assert _scan(text, reference, strict) == _plain_scan(text, reference, strict)


@settings(max_examples=300, **SETTINGS)
@given(st.lists(st.sampled_from([". ", "? ", "! ", "\n", ": ", ".", ":", " ", "a", "Sunday", "5"]), max_size=30),
       st.integers(0, 200))
def test_sentence_start_from_marks_found_once_equals_looking_back_for_each_mark(parts, pos):
    from builder.dates.tense import _sentence_start

    text = "".join(parts)
    pos = min(pos, len(text))
    cut = max(text.rfind(mark, 0, pos) for mark in ("? ", "! ", "\n", ": "))
    stops = [i for i in range(len(text)) if text.startswith(". ", i) and i + 2 <= pos
             and not text[i + 2:i + 3].isdigit()]  # "No. 1": an abbreviation's full stop
    cut = max([cut, *stops])
    assert _sentence_start(text, pos) == (cut + 1 if cut >= 0 else 0)
