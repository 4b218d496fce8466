"""The built site in a real browser (Chromium via Playwright), as a reader uses it.

The site is built once per module into a temporary folder and served over HTTP
under the sub-path `/repo/`, the way GitHub Pages serves a project site. The
server answers 404 for anything outside `/repo/`, so a link or stylesheet that
ignores the sub-path shows up as a failed request. Every test fails on console
errors, page errors, failed requests and responses with status >= 400.

Screenshots of each page type (desktop and phone) are taken by
`test_screenshots_of_each_page_type`; with UPDATE_SCREENSHOTS=1 they replace
the README's pictures in docs/screenshots/, otherwise they go to a temp folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from builder.engine.build import BuildOptions, build
from builder.model import ENTITY_KINDS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "docs" / "screenshots"
PREFIX = "/repo"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

# A missing browser is a failure, never a skip: install it with `apt-get install -y chromium`.
assert CHROMIUM.exists(), f"no Chromium at {CHROMIUM}; run: apt-get install -y chromium"


# --- the site, served under a sub-path ---------------------------------------------------------

def _handler_for(site: Path):
    class SubPathHandler(SimpleHTTPRequestHandler):
        """Serves `site/` at /repo/...; everything else is a 404 with site/404.html."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def send_head(self):
            path = urlsplit(self.path).path
            if path != PREFIX and not path.startswith(PREFIX + "/"):
                self.send_error(404)
                return None
            return super().send_head()

        def translate_path(self, path):
            path = urlsplit(path).path
            return super().translate_path(path[len(PREFIX):] or "/")

        def send_error(self, code, message=None, explain=None):
            page_404 = site / "404.html"
            if code != 404 or not page_404.is_file():
                return super().send_error(code, message, explain)
            body = page_404.read_bytes()
            self.send_response(404, message)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass

    return SubPathHandler


@dataclass
class Served:
    base: str  # http://127.0.0.1:<port>/repo/
    site: Path
    result: object  # builder.engine.build.BuildResult

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-site")
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)  # the build rewrites content/articles/
    site = tmp / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(site))
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}/"
    result = build(BuildOptions(seeds=ROOT / "seeds", content=content, out=site, base_url=base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(base, site, result)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- the browser and a page that notices problems -----------------------------------------------

@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Reader:
    """A browser page plus everything that went wrong while it was used."""

    page: Page
    problems: list[str] = field(default_factory=list)

    def assert_no_problems(self) -> None:
        assert self.problems == [], "problems in the browser:\n" + "\n".join(self.problems)


def _is_default_favicon(url: str) -> bool:
    """Chromium asks for /favicon.ico at the server root on its own when a page declares no icon.

    That request is outside the site's sub-path by the browser's choice, not the site's; any
    other 404 (including an icon the site declares at a wrong path) still counts.
    """
    return urlsplit(url).path == "/favicon.ico"


# Records every Content-Security-Policy violation the page reports (Chromium also logs them as
# console errors; this catches the report-only kind and names the directive).
_CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""


def csp_violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def _watch(page: Page) -> Reader:
    reader = Reader(page)

    def on_console(msg) -> None:
        url = msg.location.get("url", "")
        if msg.type == "error" and not _is_default_favicon(url):
            reader.problems.append(f"console error: {msg.text} ({url})")

    page.on("console", on_console)
    page.add_init_script(_CSP_RECORDER)
    page.on("pageerror", lambda exc: reader.problems.append(f"page error: {exc}"))
    # A request the browser itself abandoned because the page moved on (ERR_ABORTED) is not a
    # broken link; a missing file still shows as an HTTP status >= 400 below.
    page.on("requestfailed", lambda req: req.failure != "net::ERR_ABORTED" and reader.problems.append(
        f"request failed: {req.method} {req.url}: {req.failure}"))
    page.on("response", lambda resp: resp.status >= 400 and reader.problems.append(
        f"HTTP {resp.status}: {resp.request.method} {resp.url}"))
    return reader


@pytest.fixture
def open_reader(browser):
    """Factory: a fresh context (kwargs for `browser.new_context`) with one watched page."""
    contexts = []

    def _open(**context_options) -> Reader:
        context_options.setdefault("viewport", DESKTOP)
        context_options.setdefault("color_scheme", "light")
        context = browser.new_context(**context_options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return _watch(context.new_page())

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def reader(open_reader) -> Reader:
    return open_reader()


def go(page: Page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"


def click_and_load(page: Page, locator) -> None:
    """Click a link as a reader would and wait until the page it leads to has loaded."""
    locator.click()
    page.wait_for_load_state("load")


def _first_article_path(served: Served) -> str:
    return f"articles/{served.result.summaries[0].id}/"


# --- behaviour ---------------------------------------------------------------------------------

def test_reader_goes_from_home_to_article_to_person_and_back(served, reader):
    page = reader.page
    go(page, served.url())

    latest = page.locator("section[aria-labelledby=latest] a.article-link").first
    title = latest.inner_text().strip()
    click_and_load(page, latest)
    assert page.url.startswith(served.url("articles/"))
    expect(page.locator("h1")).to_have_text(title)

    body = page.locator(".article-body")
    mention = body.locator("a.mention.person", has_text=re.compile("Bùi Nguyễn Long|Phạm Minh Chính"))
    if mention.count() == 0:
        mention = body.locator("a.mention.person")
    mention = mention.first
    anchor = mention.get_attribute("id")
    entity_id = mention.get_attribute("data-entity")
    assert anchor and re.fullmatch(r"m\d+", anchor), anchor
    article_url = page.url.split("#")[0]

    click_and_load(page, mention)
    assert page.url == served.url(f"people/{entity_id}/")
    canonical = served.result.site.entities[entity_id].entity.name
    assert any(ord(ch) > 127 for ch in canonical), f"{canonical!r} should carry its diacritics"
    expect(page.locator("h1")).to_have_text(canonical)
    mentions = page.locator("section[aria-labelledby=mentions]")
    expect(mentions.locator("h3 a", has_text=title)).to_be_visible()

    in_context = mentions.locator(f"a.jump[href$='#{anchor}']")
    expect(in_context).to_have_count(1)
    expect(in_context).to_have_text("in context")
    click_and_load(page, in_context)
    assert page.url == f"{article_url}#{anchor}"
    target = page.locator(f"#{anchor}")
    expect(target).to_have_count(1)
    expect(target).to_have_attribute("data-entity", entity_id)
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    reader.assert_no_problems()


def test_date_link_leads_to_timeline_entry(served, reader):
    page = reader.page
    go(page, served.url(_first_article_path(served)))
    date_link = page.locator(".article-body a.mention.date").first
    expect(date_link.locator("time[datetime]")).to_have_count(1)

    click_and_load(page, date_link)
    assert page.url.startswith(served.url("timeline/#"))
    fragment = page.url.split("#", 1)[1]
    assert fragment.startswith("t-"), fragment
    entry = page.locator(f"[id='{fragment}']")
    expect(entry).to_have_count(1)
    expect(entry).to_have_class(re.compile(r"\btimeline-entry\b"))
    expect(entry).to_be_in_viewport()
    when = entry.locator("time[datetime]").first
    expect(when).to_have_attribute("datetime", re.compile(r"^\d{4}(-\d{2}){0,2}$"))
    expect(entry.locator("mark")).to_have_count(1)  # the date, highlighted in its sentence
    reader.assert_no_problems()


def test_navigation_works_under_sub_path(served, reader):
    page = reader.page
    go(page, served.url(_first_article_path(served)))  # start deep, where relative links matter
    header = page.locator("header.site-header")
    targets = [("Articles", "articles/"), ("People", "people/"), ("Mechanisms", "mechanisms/"),
               ("Timeline", "timeline/")]
    for label, path in targets:
        link = header.locator("nav a", has_text=label)
        with page.expect_navigation(wait_until="load") as navigation:
            link.click()
        assert navigation.value is not None and navigation.value.status == 200, label
        assert page.url == served.url(path), label
        expect(header.locator("nav a", has_text=label)).to_have_attribute("aria-current", "page")
        _assert_styled(page)

    with page.expect_navigation(wait_until="load") as navigation:
        header.locator("a.site-name").click()
    assert navigation.value.status == 200
    assert page.url == served.base
    expect(page.locator("h1")).to_have_text("Việt Nam–China relations, annotated")
    _assert_styled(page)
    reader.assert_no_problems()


def _assert_styled(page: Page) -> None:
    rules = page.evaluate("Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)")
    assert rules > 0, f"no stylesheet rules on {page.url}"
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Georgia" in font, f"body font {font!r} on {page.url}: style.css not applied"


def test_pages_readable_without_javascript(served, open_reader):
    reader = open_reader(java_script_enabled=False)
    page = reader.page
    go(page, served.url(_first_article_path(served)))
    expect(page.locator("h1")).not_to_be_empty()
    people = page.locator(".article-body a.mention.person")
    assert people.count() > 0
    names = [t.strip() for t in people.all_inner_texts()]
    assert all(names), names
    first_person = people.first
    entity_id = first_person.get_attribute("data-entity")
    expect(first_person).to_have_attribute("href", f"../../people/{entity_id}/")
    expect(page.locator(".article-body a.mention.date time[datetime]").first).to_be_attached()

    click_and_load(page, first_person)
    assert page.url == served.url(f"people/{entity_id}/")
    expect(page.locator("h1")).to_have_text(served.result.site.entities[entity_id].entity.name)
    contexts = page.locator("section[aria-labelledby=mentions] blockquote.context")
    assert contexts.count() > 0
    expect(contexts.first.locator("mark")).not_to_be_empty()
    expect(contexts.first).to_contain_text(contexts.first.locator("mark").inner_text())
    expect(page.locator("section[aria-labelledby=mentions] a.jump").first).to_have_attribute(
        "href", re.compile(r"^\.\./\.\./articles/[^/]+/#m\d+$"))
    reader.assert_no_problems()


def test_phone_width_has_no_horizontal_scroll(served, open_reader):
    reader = open_reader(viewport=PHONE, is_mobile=True, has_touch=True)
    page = reader.page
    site = served.result.site
    paths = [f"articles/{article.id}/" for article in served.result.summaries]  # every article
    paths += ["", "articles/", "timeline/", "map/", "search/?q=to+lam"] + [f"{kind.folder}/" for kind in ENTITY_KINDS.values()]
    paths += sorted(f"{i.entity.folder}/{i.entity.id}/" for i in site.entities.values())[::7]  # a sample of every kind
    overflowing = {}
    for path in paths:
        go(page, served.url(path))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"] + 1:
            overflowing[path] = width
    assert overflowing == {}, f"wider than the {PHONE['width']}px screen: {overflowing}"
    reader.assert_no_problems()


def _settle(page: Page, name: str) -> None:
    """Wait for what scripts add to a page before it is photographed."""
    if name == "map":
        expect(page.locator("#map-canvas[data-ready]")).to_be_attached()
        page.wait_for_timeout(300)
    elif name == "search":
        expect(page.locator("#search-results li").first).to_be_visible()


def test_screenshots_of_each_page_type(served, open_reader, tmp_path):
    site = served.result.site
    person = next(i for i in site.entities.values() if i.entity.type == "person" and i.mentions)
    person = site.entities.get("pham-minh-chinh", person)
    mechanism = max((i for i in site.entities.values() if i.entity.type == "mechanism"),
                    key=lambda i: i.mentions)
    pages = {
        "home": "",
        "article": _first_article_path(served),
        "person": f"people/{person.entity.id}/",
        "mechanism": f"mechanisms/{mechanism.entity.id}/",
        "timeline": "timeline/",
        "map": "map/",
        "search": "search/?q=to+lam",
    }
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for device, options in [("desktop", {"viewport": DESKTOP}),
                            ("phone", {"viewport": PHONE, "is_mobile": True, "has_touch": True})]:
        reader = open_reader(**options)
        for name, path in pages.items():
            go(reader.page, served.url(path))
            _settle(reader.page, name)
            target = folder / f"{name}-{device}.png"
            target.unlink(missing_ok=True)
            reader.page.screenshot(path=str(target))  # the first screen, as a reader sees it
            written.append(target)
        reader.assert_no_problems()
    for target in written:
        assert target.is_file() and target.stat().st_size > 0, target


# --- the reader's journey: previews, search, timeline, map ---------------------------------------

def _search(page: Page, served: Served, query: str, kind: str = "") -> list[str]:
    """The result URLs (site-relative) the search page lists for `query`, in order."""
    go(page, served.url("search/"))
    expect(page.locator("body.search-ready")).to_be_attached()
    if kind:
        page.locator(f"#search-types input[value='{kind}']").check()
    page.locator("#search-q").fill(query)
    page.locator("#search-q").press("Enter")
    expect(page.locator("#search-status")).to_contain_text(f"for “{query}”")
    hrefs = page.locator("#search-results a.result-title").evaluate_all("els => els.map(a => a.href)")
    return [h.removeprefix(served.base) for h in hrefs]


def test_reader_hovers_a_person_follows_it_searches_and_explores(served, reader):
    page = reader.page
    site = served.result.site
    go(page, served.url())
    latest = page.locator("section[aria-labelledby=latest] a.article-link").first
    title = latest.inner_text().strip()
    click_and_load(page, latest)

    person = page.locator(".article-body a.mention.person").first
    entity_id = person.get_attribute("data-entity")
    name = site.entities[entity_id].entity.name
    person.hover()
    card = page.locator("#preview-card")
    expect(card).to_be_visible()
    expect(card.locator(".preview-name")).to_have_text(name)
    expect(card).to_contain_text(f"{site.entities[entity_id].articles} article")
    expect(person).to_have_attribute("aria-describedby", "preview-card")
    assert page.url.startswith(served.url("articles/"))  # the card did not leave the page

    click_and_load(page, person)
    assert page.url == served.url(f"people/{entity_id}/")
    expect(page.locator("section[aria-labelledby=mentions] h3 a", has_text=title)).to_be_visible()

    results = _search(page, served, "to lam")
    assert results[0] == "people/to-lam/", results
    page.locator("#search-results a.result-title").first.click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text("Tô Lâm")

    go(page, served.url("timeline/#y2025"))
    expect(page.locator("#y2025")).to_be_in_viewport()

    go(page, served.url("map/"))
    canvas = page.locator("#map-canvas[data-ready]")
    expect(canvas).to_be_visible()
    assert int(canvas.get_attribute("data-ready")) == len(json.loads((served.site / "data" / "graph.json")
                                                                     .read_text())["nodes"])
    expect(page.locator("#map-static")).to_be_hidden()
    assert csp_violations(page) == []
    reader.assert_no_problems()


def test_search_ignores_diacritics_and_case_and_finds_aliases(served, reader):
    page = reader.page
    forms = [_search(page, served, q) for q in ("to lam", "Tô Lâm", "To Lam", "TÔ LÂM")]
    assert forms[0] and all(f == forms[0] for f in forms), forms
    assert forms[0][0] == "people/to-lam/"
    articles = {f"articles/{a}/" for a in served.result.site.store.articles_mentioning("to-lam")}
    assert articles <= set(forms[0])
    assert _search(page, served, "RCEP")[0] == "mechanisms/rcep/"  # an alias finds its entity's page
    reader.assert_no_problems()


def test_search_results_show_their_type_and_filter_by_it(served, reader):
    page = reader.page
    everything = _search(page, served, "china")
    badges = set(page.locator("#search-results .badge").all_inner_texts())
    assert {"ARTICLE", "PERSON"} <= {b.upper() for b in badges} or {"ARTICLE", "MECHANISM"} <= {b.upper() for b in badges}
    only_people = _search(page, served, "china", kind="person")
    assert only_people and all(url.startswith("people/") for url in only_people)
    assert len(only_people) < len(everything)
    assert "type=person" in page.url and "q=china" in page.url  # a search can be linked to
    reader.assert_no_problems()


def test_preview_cards_open_by_keyboard_and_by_touch(served, open_reader):
    reader = open_reader()
    page = reader.page
    go(page, served.url(_first_article_path(served)))
    date = page.locator(".article-body a.mention.date").first
    date.focus()
    card = page.locator("#preview-card")
    expect(card).to_be_visible()
    expect(card.locator(".preview-name")).not_to_be_empty()
    expect(card.locator(".preview-kind")).to_contain_text("Date")
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    reader.assert_no_problems()

    touch = open_reader(viewport=PHONE, is_mobile=True, has_touch=True)
    page = touch.page
    go(page, served.url(_first_article_path(served)))
    person = page.locator(".article-body a.mention.person").first
    entity_id = person.get_attribute("data-entity")
    here = page.url
    person.tap()
    card = page.locator("#preview-card")
    expect(card).to_be_visible()
    assert page.url == here  # the first tap shows the card
    box = card.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    with page.expect_navigation(wait_until="load"):
        person.tap()  # the second follows the link
    assert page.url == served.url(f"people/{entity_id}/")
    touch.assert_no_problems()


def test_a_tap_before_the_cards_have_loaded_waits_for_its_card_rather_than_leave_the_page(served, open_reader):
    touch = open_reader(viewport=PHONE, is_mobile=True, has_touch=True)
    page = touch.page
    held = []  # the entity cards' request, answered only after the tap (a slow network)
    page.route("**/data/previews/entities.json", lambda route: held.append(route))
    go(page, served.url(_first_article_path(served)))
    here = page.url
    page.locator(".article-body a.mention.person").first.tap()
    page.wait_for_timeout(300)
    assert page.url == here
    for route in held:
        route.continue_()
    expect(page.locator("#preview-card")).to_be_visible()
    assert page.url == here
    touch.assert_no_problems()


def test_timeline_filters_by_entity_and_keeps_the_choice_in_the_url(served, reader):
    page = reader.page
    go(page, served.url("timeline/"))
    entries = page.locator("li.timeline-entry")
    total = entries.count()
    page.locator("#timeline-entity").select_option("to-lam")
    wanted = served.result.site.entities["to-lam"].timeline
    expect(page.locator("li.timeline-entry:visible")).to_have_count(wanted)
    assert 0 < wanted < total
    for entry in page.locator("li.timeline-entry:visible").all():
        assert "to-lam" in entry.get_attribute("data-entities").split()
    expect(page.locator("#timeline-count")).to_have_text(f"{wanted} of {total} entries")
    assert "entity=to-lam" in page.url
    page.reload(wait_until="load")
    expect(page.locator("li.timeline-entry:visible")).to_have_count(wanted)
    reader.assert_no_problems()


def test_without_javascript_search_map_and_timeline_still_say_what_to_do(served, open_reader):
    reader = open_reader(java_script_enabled=False)
    page = reader.page
    go(page, served.url("search/"))
    expect(page.locator("main")).to_contain_text("Search runs in your browser and needs JavaScript")
    go(page, served.url("map/"))
    expect(page.locator("#map-static svg")).to_be_visible()
    expect(page.locator("#map-canvas")).to_be_hidden()
    assert page.locator("#map-static a").count() >= 10
    expect(page.locator("ol.ties li").first).to_be_visible()
    go(page, served.url("timeline/"))
    expect(page.locator("#timeline-filter")).to_be_hidden()
    page.locator("details.timeline-of summary").click()
    link = page.locator("details.timeline-of a[href$='people/to-lam/#own-timeline']")
    click_and_load(page, link)
    expect(page.locator("#own-timeline")).to_be_in_viewport()
    reader.assert_no_problems()


# --- accessibility -----------------------------------------------------------------------------

def _page_types(served: Served) -> dict[str, str]:
    site = served.result.site
    mechanism = max((i for i in site.entities.values() if i.entity.type == "mechanism"),
                    key=lambda i: i.mentions)
    return {"home": "", "articles": "articles/", "article": _first_article_path(served),
            "people": "people/", "person": "people/to-lam/", "mechanism": f"mechanisms/{mechanism.entity.id}/",
            "timeline": "timeline/", "map": "map/", "search": "search/?q=to+lam", "404": "no-such-page/"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations_on_any_page_type(served, open_reader, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    reader = open_reader(color_scheme=scheme)
    page = reader.page
    found = {}
    for name, path in _page_types(served).items():
        response = page.goto(served.url(path), wait_until="load")
        assert response is not None and response.status == (404 if name == "404" else 200), name
        _settle(page, name)
        results = axe.run(page)
        serious = [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
                   for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            found[name] = serious
        assert csp_violations(page) == [], name
    assert found == {}, found
    # The 404 page is asked for on purpose: its own status is expected, anything else it loads is not.
    reader.problems = [p for p in reader.problems if not p.rstrip(")").endswith("/repo/no-such-page/")]
    reader.assert_no_problems()


def test_keyboard_user_sees_the_skip_link_and_focus(served, reader):
    page = reader.page
    go(page, served.url(_first_article_path(served)))
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    assert page.evaluate("document.activeElement.getBoundingClientRect().left") >= 0  # moved on screen
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), outline
    reader.assert_no_problems()
