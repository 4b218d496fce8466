"""Hostile and broken inputs, and what each one gets: one table, every row a test.

`SEED_ROWS` and `REGISTRY_ROWS` say for each input whether the build accepts it
(possibly with a warning, and then what it must equal) or rejects it with
`file:line: message`. Rejected rows run the real command line
(`python -m builder build`) and check stderr, the exit status, that no Python
traceback is shown and that no site is written. `READER_ROWS` put markup in
every place text reaches a page (article text, title, dateline, source,
caption, entity name, alias, summary, editors' notes) and check that the built
HTML holds no element or attribute the input smuggled in, and that the
generated Markdown keeps it as text. The README's "Hostile input" section
summarises this table.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import markdown
import pytest
from helpers import parse_html, smuggled

from builder.engine.build import BuildOptions, build
from builder.ingest.registry import create_entity_page, load_registry
from builder.ingest.seed import MAX_SEED_BYTES, parse_seed
from builder.model import BuildError, BuildErrors, Entity

ROOT = Path(__file__).resolve().parent.parent
REGISTRY_SAMPLE = ["people/to-lam.md", "people/he-wei.md", "mechanisms/3-3-strategic-dialogue-mechanism.md"]

GOOD = (
    " date 2026-01-24 HÀ NỘI — General Secretary Tô Lâm received Chinese Ambassador He Wei on Friday.\n\n"
    "Lâm said the two countries would deepen the “3+3” strategic dialogue mechanism. — VNA\n"
)
NFC_VIETNAMESE = (
    " date 2026-02-09 HÀ NỘI — Thủ tướng Phạm Minh Chính met General Secretary Tô Lâm in Hà Nội on "
    "February 8, 2026.\n\nTô Lâm and Đại sứ He Wei discussed the Việt Nam–China border. — VNS\n"
)


@dataclass(frozen=True)
class Accepted:
    """Built. `same_as`: the input must give the same article (body, title, mentions) as these bytes."""

    same_as: bytes | None = None
    warning: str | None = None


@dataclass(frozen=True)
class Rejected:
    """Not built: stderr holds `file:line: message…` (line None: no line)."""

    file: str
    line: int | None
    message: str


@dataclass(frozen=True)
class Row:
    name: str
    make: Callable[[], bytes] | Callable[[Path], None]
    outcome: Accepted | Rejected


def seed(name: str, data: bytes | Callable[[], bytes], outcome: Accepted | Rejected) -> Row:
    return Row(name, data if callable(data) else (lambda: data), outcome)


def _seed_rejected(line: int | None, message: str) -> Rejected:
    return Rejected("S/hostile.txt", line, message)


# --- seeds -------------------------------------------------------------------------------------------

SEED_ROWS = [
    seed("empty file", b"", _seed_rejected(1, "has no article text")),
    seed("whitespace only", b"  \n\t\n \r\n\n", _seed_rejected(1, "has no article text")),
    seed("header only", b" date 2026-01-24\n", _seed_rejected(1, "has no article text")),
    seed("header and dateline only", " date 2026-01-24 HÀ NỘI —\n".encode(),
         _seed_rejected(1, "has only a header and dateline")),
    seed("binary (a PNG)", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
         _seed_rejected(1, "byte 0x89 is not UTF-8; save the file as UTF-8")),
    seed("NUL bytes in text", b"First paragraph.\n\nSecond \x00 paragraph.\n",
         _seed_rejected(3, "contains NUL bytes")),
    seed("Windows-1252", "A lead paragraph.\n\nHe said \u201cyes\u201d to trade.\n".encode("cp1252"),
         _seed_rejected(3, "byte 0x93 is not UTF-8; save the file as UTF-8 and rebuild")),
    seed("Latin-1", "A lead paragraph.\nThe caf\u00e9 opened.\n".encode("latin-1"),
         _seed_rejected(2, "byte 0xe9 is not UTF-8; save the file as UTF-8 and rebuild")),
    seed("5 MB long", lambda: (GOOD.encode() + b"\n") * (5 * 1024 * 1024 // len(GOOD.encode()) + 1),
         _seed_rejected(1, f"a seed is one article of at most {MAX_SEED_BYTES // 1024} KB")),
    seed("a single 1 MB line", lambda: b"Trade grew. " * (1024 * 1024 // 12 + 1),
         _seed_rejected(1, f"a seed is one article of at most {MAX_SEED_BYTES // 1024} KB")),
    seed("impossible header date", b" date 2026-02-30 BEIJING - Talks were held.\n",
         _seed_rejected(1, "header date '2026-02-30' is not a real YYYY-MM-DD date")),
    seed("impossible front matter date", b"---\ntitle: Talks\ndate: 2026-02-30\n---\nTalks were held.\n",
         _seed_rejected(3, "front matter date '2026-02-30' is not a real date")),
    seed("malformed front matter YAML", b"---\ntitle: [Talks\nsource: VNA\n---\nTalks were held.\n",
         _seed_rejected(3, "front matter is not valid YAML")),
    seed("front matter never closed", b"---\ntitle: Talks\n\nTalks were held.\n",
         _seed_rejected(1, "front matter opened with '---' is never closed")),
    seed("front matter is a list", b"---\n- title\n- Talks\n---\nTalks were held.\n",
         _seed_rejected(2, "front matter must be a mapping")),
    seed("front matter title is a mapping", b"---\ntitle: {a: 1}\n---\nTalks were held.\n",
         _seed_rejected(2, "front matter `title` must be one line of text")),
    seed("unknown front matter key", b"---\ntitle: Talks\nauthor: X\n---\nTalks were held.\n",
         _seed_rejected(3, "unknown front matter key 'author'")),
    seed("YAML python tag", b"---\ntitle: !!python/object/apply:os.system ['true']\n---\nTalks were held.\n",
         _seed_rejected(2, "front matter is not valid YAML")),
    seed("YAML nested 2000 deep", b"---\ntitle: " + b"[" * 2000 + b"]" * 2000 + b"\n---\nTalks were held.\n",
         _seed_rejected(2, "front matter is nested too deeply")),
    seed("UTF-8 with BOM", b"\xef\xbb\xbf" + GOOD.encode(), Accepted(same_as=GOOD.encode())),
    seed("CRLF line endings", GOOD.replace("\n", "\r\n").encode(), Accepted(same_as=GOOD.encode())),
    seed("CR line endings", GOOD.replace("\n", "\r").encode(), Accepted(same_as=GOOD.encode())),
    seed("NFD-decomposed Vietnamese", unicodedata.normalize("NFD", NFC_VIETNAMESE).encode(),
         Accepted(same_as=NFC_VIETNAMESE.encode())),
    seed("control characters", GOOD.replace("received", "rec\x1beived\x07").encode(),
         Accepted(same_as=GOOD.encode(), warning="hostile.txt:1: control character U+001B (and 1 more) dropped")),
    seed("runs of spaces and tabs", GOOD.replace(" received ", " \t  received   ").encode(),
         Accepted(same_as=GOOD.encode())),
    seed("front matter date differs from header", b"---\ndate: 2026-01-01\n---\n" + GOOD.encode(),
         Accepted(same_as=GOOD.encode(), warning="hostile.txt:2: front matter date 2026-01-01 differs from the header's "
                                                 "2026-01-24 (line 4); the header wins")),
    seed("just under the size limit", lambda: GOOD.encode() + b"\n" + b"Trade grew. " * (MAX_SEED_BYTES // 13),
         Accepted()),
]


# --- registry pages ----------------------------------------------------------------------------------

def page(path: str, text: str, *more: tuple[str, str]) -> Callable[[Path], None]:
    def make(content: Path) -> None:
        for rel, body in ((path, text), *more):
            (content / rel).write_text(body, encoding="utf-8")
    return make


def _page_rejected(rel: str, line: int | None, message: str) -> Rejected:
    return Rejected(f"C/{rel}", line, message)


PERSON = "---\nname: Nguyễn Văn An\naliases:\n- Nguyen Van An\n{extra}country: vn\n---\nNotes.\n"

REGISTRY_ROWS = [
    Row("malformed YAML", page("people/an.md", "---\nname: [Nguyễn Văn An\ncountry: vn\n---\n"),
        _page_rejected("people/an.md", 3, "front matter is not valid YAML")),
    Row("no front matter", page("people/an.md", "Nguyễn Văn An is a person.\n"),
        _page_rejected("people/an.md", 1, "has no YAML front matter")),
    Row("missing name", page("people/an.md", "---\naliases:\n- An\ncountry: vn\n---\n"),
        _page_rejected("people/an.md", 1, "front matter needs `name:`")),
    Row("aliases is a mapping", page("people/an.md", "---\nname: Nguyễn Văn An\naliases: {a: b}\n---\n"),
        _page_rejected("people/an.md", 3, "`aliases` must be a list of strings")),
    Row("summary is a list", page("people/an.md", "---\nname: Nguyễn Văn An\nsummary:\n- a\n---\n"),
        _page_rejected("people/an.md", 3, "`summary` must be a single value")),
    Row("unknown status", page("people/an.md", "---\nname: Nguyễn Văn An\nstatus: maybe\n---\n"),
        _page_rejected("people/an.md", 3, "status must be one of")),
    Row("a YAML escape makes a control character", page("people/an.md", '---\nname: "Nguyễn\\0Văn An"\n---\n'),
        _page_rejected("people/an.md", 2, "`name` holds the control character U+0000")),
    Row("a control character in an alias", page("people/an.md", '---\nname: Nguyễn Văn An\naliases:\n- "An\\x1b"\n---\n'),
        _page_rejected("people/an.md", 3, "`aliases` holds the control character U+001B")),
    Row("name claimed by two entities", page("people/to-lam-again.md", "---\nname: To Lam\n---\n"),
        _page_rejected("people/to-lam.md", 2, "'Tô Lâm' is also claimed by C/people/to-lam-again.md")),
    Row("alias claimed by two entities",
        page("people/an.md", PERSON.format(extra="- Ambassador Wei Pal\n"),
             ("people/an-2.md", PERSON.replace("Nguyễn Văn An", "Trần Văn Bình").format(extra="- ambassador wei pal\n"))),
        _page_rejected("people/an.md", 5, "'Ambassador Wei Pal' is also claimed by C/people/an-2.md")),
    Row("names equal after folding diacritics",
        page("people/ha-noi-man.md", "---\nname: Hà Nội Man\n---\n", ("people/hanoi-man.md", "---\nname: Ha Noi Man\n---\n")),
        _page_rejected("people/hanoi-man.md", 2, "'Ha Noi Man' is also claimed by C/people/ha-noi-man.md")),
    Row("file names equal after folding diacritics", page("people/hà-nội-man.md", "---\nname: Hà Nội Man\n---\n"),
        _page_rejected("people/hà-nội-man.md", None, "is not a slug: use lowercase a-z, 0-9 and single hyphens; "
                                                      "rename the file (e.g. ha-noi-man.md)")),
    Row("same slug as a person and a mechanism", page("mechanisms/to-lam.md", "---\nname: Tô Lâm Initiative\n---\n"),
        _page_rejected("mechanisms/to-lam.md", None, "slug 'to-lam' is already used by C/people/to-lam.md")),
    Row("alias is a common word: the", page("people/an.md", PERSON.format(extra="- the\n")),
        _page_rejected("people/an.md", 5, "'the' is a common English word")),
    Row("alias is a common word: He", page("people/an.md", PERSON.format(extra="- He\n")),
        _page_rejected("people/an.md", 5, "'He' is a common English word")),
    Row("alias is a common word: May", page("people/an.md", PERSON.format(extra="- May\n")),
        _page_rejected("people/an.md", 5, "'May' is a common English word")),
    Row("alias is a bare year", page("people/an.md", PERSON.format(extra="- '2025'\n")),
        _page_rejected("people/an.md", 5, "'2025' is too short or has no letters")),
    Row("Windows device name CON", page("people/con.md", "---\nname: Con Person\n---\n"),
        _page_rejected("people/con.md", None, "'con' is a reserved name")),
    Row("Windows device name com7", page("people/com7.md", "---\nname: Com Seven\n---\n"),
        _page_rejected("people/com7.md", None, "'com7' is a reserved name")),
    Row("upper-case CON", page("people/CON.md", "---\nname: Con Person\n---\n"),
        _page_rejected("people/CON.md", None, "is not a slug")),
    Row("very long file name", page(f"people/{'a-' * 100}b.md", "---\nname: Long Name\n---\n"),
        _page_rejected(f"people/{'a-' * 100}b.md", None, "is 201 characters long; a slug has at most 80")),
    Row("dot-dot in the file name", page("people/..an.md", "---\nname: Dots\n---\n"),
        _page_rejected("people/..an.md", None, "is not a slug")),
    Row("unrecognised key", page("people/an.md", PERSON.format(extra="").replace("country", "hobby: chess\ncountry")),
        Accepted(warning="C/people/an.md:5: unrecognised key 'hobby' is ignored")),
    Row("path characters in a name", page("people/an.md", "---\nname: ../../etc/passwd Nguyễn\n---\n"),
        Accepted()),
]


# --- helpers ------------------------------------------------------------------------------------------

def make_tree(root: Path) -> Path:
    """root/S with one good seed, root/C with a three-page registry."""
    (root / "S").mkdir()
    (root / "S" / "good.txt").write_text(GOOD, encoding="utf-8")
    for rel in REGISTRY_SAMPLE:
        (root / "C" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "content" / rel, root / "C" / rel)
    return root


def run_build(root: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", "S", "--content", "C", "--out", "O",
                           *extra], cwd=root, capture_output=True, text=True, env=env)


def assert_reported(result: subprocess.CompletedProcess, outcome: Rejected, root: Path) -> None:
    where = f"{outcome.file}:{outcome.line}: " if outcome.line else f"{outcome.file}: "
    assert result.returncode == 1, result.stderr
    assert any(line.startswith(where) and outcome.message in line for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (root / "O").exists()


def same_article(a, b) -> bool:
    return (a.body, a.title, a.dateline, a.source, a.date, [(m.start, m.end, m.text, m.entity, m.value) for m in a.mentions]) == \
        (b.body, b.title, b.dateline, b.source, b.date, [(m.start, m.end, m.text, m.entity, m.value) for m in b.mentions])


# --- the table's tests -------------------------------------------------------------------------------

@pytest.mark.parametrize("row", [r for r in SEED_ROWS if isinstance(r.outcome, Rejected)], ids=lambda r: r.name)
def test_broken_seed_is_reported_with_file_and_line(tmp_path, row):
    root = make_tree(tmp_path)
    (root / "S" / "hostile.txt").write_bytes(row.make())
    assert_reported(run_build(root), row.outcome, root)


@pytest.mark.parametrize("row", [r for r in SEED_ROWS if isinstance(r.outcome, Accepted)], ids=lambda r: r.name)
def test_odd_but_readable_seed_is_accepted(annotator, row):
    article = annotator(parse_seed(row.make(), "hostile.txt"))
    assert article.body.strip()
    warnings = "\n".join(article.warnings)
    if row.outcome.warning:
        assert row.outcome.warning in warnings
    else:
        assert warnings == ""
    if row.outcome.same_as is not None:
        assert same_article(article, annotator(parse_seed(row.outcome.same_as, "hostile.txt")))
    for m in article.mentions:
        assert article.body[m.start:m.end] == m.text


@pytest.mark.parametrize("row", [r for r in REGISTRY_ROWS if isinstance(r.outcome, Rejected)], ids=lambda r: r.name)
def test_broken_registry_page_is_reported_with_file_and_line(tmp_path, row):
    root = make_tree(tmp_path)
    row.make(root / "C")
    before = {p: p.read_bytes() for p in (root / "C").rglob("*.md")}
    assert_reported(run_build(root), row.outcome, root)
    assert {p: p.read_bytes() for p in (root / "C").rglob("*.md")} == before  # nothing rewritten or lost


@pytest.mark.parametrize("row", [r for r in REGISTRY_ROWS if isinstance(r.outcome, Accepted)], ids=lambda r: r.name)
def test_odd_but_valid_registry_page_is_accepted(tmp_path, row):
    root = make_tree(tmp_path)
    row.make(root / "C")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    if row.outcome.warning:
        assert f"warning: {row.outcome.warning}" in result.stderr
    written = [p.resolve() for p in root.rglob("*")]
    assert all(p.is_relative_to(root.resolve()) for p in written)
    assert (root / "O" / "people" / "an" / "index.html").is_file()


@pytest.mark.parametrize("entity_id", ["../../escape", "a/b", "con", "x" * 200, ""])
def test_a_new_entity_page_is_never_created_outside_its_folder(tmp_path, entity_id):
    with pytest.raises(BuildError, match="cannot create a page"):
        create_entity_page(tmp_path / "content", Entity(id=entity_id, type="person", name="Someone"))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_every_bad_registry_page_is_reported_at_once(tmp_path):
    content = make_tree(tmp_path) / "C"
    page("people/a.md", "---\nname: [x\n---\n", ("people/b.md", "---\naliases: [B]\n---\n"))(content)
    with pytest.raises(BuildErrors) as failure:
        load_registry(content)
    assert sorted(Path(e.path).name for e in failure.value.errors) == ["a.md", "b.md"]


# --- --keep-going ---------------------------------------------------------------------------------------

def test_keep_going_publishes_every_good_article_reports_each_bad_one_and_exits_1(tmp_path):
    root = make_tree(tmp_path)
    bad = [r for r in SEED_ROWS if isinstance(r.outcome, Rejected)][:6]
    for i, row in enumerate(bad):
        (root / "S" / f"bad{i}.txt").write_bytes(row.make())
    result = run_build(root, "--keep-going")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for i, row in enumerate(bad):
        assert any(line.startswith(f"S/bad{i}.txt:{row.outcome.line}: ") and row.outcome.message in line
                   for line in result.stderr.splitlines()), row.name
    assert f"{len(bad)} seed(s) skipped (--keep-going): the site was built without them" in result.stderr
    assert len(list((root / "O" / "articles").glob("*/index.html"))) == 1
    assert len(list((root / "C" / "articles").glob("*.md"))) == 1


def test_keep_going_still_stops_on_a_broken_registry_page(tmp_path):
    root = make_tree(tmp_path)
    (root / "C" / "people" / "bad.md").write_text("---\nname: [x\n---\n", encoding="utf-8")
    result = run_build(root, "--keep-going")
    assert_reported(result, Rejected("C/people/bad.md", 2, "front matter is not valid YAML"), root)


# --- reader protection -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReaderRow:
    name: str
    marker: str  # a unique word inside the payload: must reach the page as text
    page: str  # the page where the marker must be shown: "article", "articles" (the list) or "entity"


READER_ROWS = [
    ReaderRow("<script> in article text", "xssbody", "article"),
    ReaderRow("<img onerror> in article text", "xssimg", "article"),
    ReaderRow("Markdown javascript: link in article text", "xsslink", "article"),
    ReaderRow("HTML javascript: link in article text", "xssanchor", "article"),
    ReaderRow("markup in a heading block", "xssheading", "article"),
    ReaderRow("markup in a caption and its credit", "xsscredit", "article"),
    ReaderRow("attribute break-out in the title", "xsstitle", "articles"),
    ReaderRow("markup in dateline and source", "xsssource", "article"),
    ReaderRow("markup in an entity name", "xssname", "entity"),
    ReaderRow("markup in an alias (linked in the text)", "xssalias", "article"),
    ReaderRow("markup in an entity summary", "xsssummary", "entity"),
    ReaderRow("javascript: link and <script> in editors' notes", "xssnotes", "entity"),
]

EVIL_SEED = """---
title: "Evil title\\"><script>alert('xsstitle')</script><img src=x onerror=alert(1)>"
date: 2026-03-01
dateline: "<b onmouseover=alert(1)>HÀ NỘI</b>"
source: "<script>alert('xsssource')</script>"
---
Officials met. <script>alert('xssbody')</script> Then <img src=x onerror=alert('xssimg')> and [click](javascript:alert('xsslink')) and <a href="javascript:alert('xssanchor')">here</a>.

<iframe src=x>xssheading</iframe>

Evil <b>Person</b> arrived in Hà Nội with <svg onload=alert(1)>xssalias</svg>, said officials.

<img src=x onerror=alert(1)> xsscaption (Photo: <script>xsscredit</script>)
"""

EVIL_PAGE = """---
name: "Evil <b>Person</b> <img src=x onerror=alert('xssname')>"
aliases:
- Evil <b>Person</b>
- "<svg onload=alert(1)>xssalias</svg>"
summary: "<script>alert('xsssummary')</script>"
country: vn
---
Notes with [a link](javascript:alert('xssnotes')), ![img](javascript:alert(1)), <script>xssnotes</script>
and [a reference][r].

[r]: JaVaScRiPt:alert(1)
"""


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory):
    root = make_tree(tmp_path_factory.mktemp("evil"))
    (root / "S" / "evil.txt").write_text(EVIL_SEED, encoding="utf-8")
    (root / "C" / "people" / "evil.md").write_text(EVIL_PAGE, encoding="utf-8")
    result = build(BuildOptions(seeds=root / "S", content=root / "C", out=root / "O"))
    article = next(a for a in result.articles if a.source_file == "evil.txt")
    pages = {"article": f"articles/{article.id}/index.html", "articles": "articles/index.html",
             "entity": "people/evil/index.html"}
    return root, pages, article


def test_no_page_of_the_site_holds_a_smuggled_element_or_attribute(evil_site):
    root, _, _ = evil_site
    pages = sorted((root / "O").rglob("*.html"))
    assert len(pages) > 5
    for html_page in pages:
        assert smuggled(parse_html(html_page.read_text(encoding="utf-8"))) == [], html_page


@pytest.mark.parametrize("row", READER_ROWS, ids=lambda r: r.name)
def test_hostile_markup_reaches_the_reader_as_text(evil_site, row):
    root, pages, _ = evil_site
    parsed = parse_html((root / "O" / pages[row.page]).read_text(encoding="utf-8"))
    assert smuggled(parsed) == []
    assert row.marker in "".join(parsed.text)


def test_generated_markdown_keeps_hostile_markup_as_text(evil_site):
    root, _, article = evil_site
    source = (root / "C" / "articles" / f"{article.id}.md").read_text(encoding="utf-8")
    body = source.split("\n---\n", 1)[1]
    assert r"\<script\>alert('xssbody')\</script\>" in body
    assert r"\[click\](javascript:alert('xsslink'))" in body
    rendered = parse_html(markdown.markdown(body))  # as GitHub or any Markdown reader would show it
    assert smuggled(rendered) == []
    text = "".join(rendered.text)
    for marker in ("xssbody", "xssimg", "xsslink", "xssanchor", "xssheading", "xsscredit", "xsstitle", "xssalias"):
        assert marker in text, marker
