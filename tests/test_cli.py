"""The command line, run as a user runs it: `python -m builder build | check` in a scratch tree."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import builder_env, copy_registry, tree_bytes

REPO = Path(__file__).resolve().parent.parent
SEED_NAMES = sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
BASE_URL = "https://example.github.io/repo/"

GOOD_EXTRA_SEED = (
    " date 2026-03-01 HÀ NỘI — Chinese Ambassador to Việt Nam He Wei met leaders of Lạng Sơn province "
    "to discuss border trade.\n\nBoth sides agreed to boost cooperation. — VNS\n"
)
BAD_DATE_SEED = (
    " date 2026-02-30 BEIJING — The two sides held talks on trade and investment cooperation.\n\n"
    "They agreed to meet again. — VNS\n"
)


# --- helpers -------------------------------------------------------------------


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", *args], cwd=cwd, capture_output=True, text=True,
                          env=builder_env())


def build(cwd: Path, *extra: str) -> subprocess.CompletedProcess:
    return run(cwd, "build", "--seeds", "S", "--content", "C", "--out", "O", *extra)


def check(cwd: Path) -> subprocess.CompletedProcess:
    return run(cwd, "check", "--seeds", "S", "--content", "C", "--out", "O")


def make_tree(root: Path) -> Path:
    """root/S (the seeds), root/C/people, root/C/mechanisms: a private copy of the inputs."""
    shutil.copytree(REPO / "seeds", root / "S")
    for path in (root / "S").iterdir():
        path.chmod(0o644)
    copy_registry(root / "C")
    return root


def assert_clean_failure(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: list[str] = []
        self.links: list[str] = []  # every href/src except the canonical link

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs.get("href") or "")
            return
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.links.append(attrs[name])


def links_of(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture
def tree(tmp_path) -> Path:
    return make_tree(tmp_path)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """One good build with --base-url, shared by the tests that only read it."""
    root = make_tree(tmp_path_factory.mktemp("built"))
    result = build(root, "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr
    return root, result


@pytest.fixture
def built_tree(tree) -> Path:
    result = build(tree)
    assert result.returncode == 0, result.stderr
    return tree


# --- build ---------------------------------------------------------------------------


def test_build_writes_site_content_and_data_and_says_where(built_site):
    root, result = built_site
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert "O/index.html" in result.stdout
    assert "into O/" in result.stdout
    assert "from 5 articles" in result.stdout
    assert (root / "O" / "index.html").is_file()
    assert (root / "O" / "404.html").is_file()
    written = sorted(p.name for p in (root / "C" / "articles").glob("*.md"))
    assert len(written) == len(SEED_NAMES) == 5
    assert written == [
        "2024-08-developing-a-deeper-more-comprehensive-and-more-substantive.md",
        "2025-08-31-past-and-upcoming-visits-by-vietnamese-and-chinese-leaders.md",
        "2026-01-24-consulate-general-of-viet-nam-in-chongqing-china-has-held.md",
        "2026-02-09-pm-pham-minh-chinh-gave-reception-in-ha-noi-for-chinese.md",
        "undated-convergence-of-development-stages-for-viet-nam-and-china.md",
    ]
    for name in written:
        assert (root / "O" / "articles" / name[:-3] / "index.html").is_file()


def test_build_exports_annotations_json(built_site):
    root, _ = built_site
    data = json.loads((root / "O" / "data" / "annotations.json").read_text(encoding="utf-8"))
    assert sorted(a["source"] for a in data["articles"]) == SEED_NAMES
    for article in data["articles"]:
        for mention in article["mentions"]:
            assert article["body"][mention["start"]:mention["end"]] == mention["text"]
    assert {e["id"] for e in data["entities"]} >= {"he-wei", "xi-jinping", "pham-minh-chinh"}


def test_build_leaves_no_staging_folders(built_site):
    root, _ = built_site
    assert not [p.name for p in root.iterdir() if p.name.startswith(".O.")]


def test_rebuild_without_changes_updates_no_content(built_tree):
    result = build(built_tree)
    assert result.returncode == 0
    assert "0 content files updated" in result.stdout


# --- build errors: file:line, exit 1, no traceback ------------------------------------


def test_bad_header_date_exits_1_naming_file_and_line(tree):
    (tree / "S" / "005_bad.txt").write_text(BAD_DATE_SEED, encoding="utf-8")
    result = build(tree)
    assert_clean_failure(result)
    assert "S/005_bad.txt:1:" in result.stderr
    assert "2026-02-30" in result.stderr
    assert not (tree / "O").exists()


@pytest.mark.parametrize(
    "page_text",
    [
        "---\nname: [Broken\ncountry: cn\n---\nNotes.\n",
        "---\naliases:\n- Somebody\ncountry: cn\n---\nNotes.\n",
    ],
    ids=["malformed-yaml", "no-name"],
)
def test_bad_registry_page_exits_1_naming_it(tree, page_text):
    (tree / "C" / "people" / "broken-page.md").write_text(page_text, encoding="utf-8")
    result = build(tree)
    assert_clean_failure(result)
    assert "C/people/broken-page.md" in result.stderr
    assert not (tree / "O").exists()


def test_no_name_registry_page_message_says_what_is_missing(tree):
    (tree / "C" / "people" / "nameless.md").write_text("---\ncountry: cn\n---\n", encoding="utf-8")
    result = build(tree)
    assert_clean_failure(result)
    assert re.search(r"C/people/nameless\.md(:\d+)?: .*name:", result.stderr), result.stderr


def test_two_registry_pages_claiming_one_alias_names_both(tree):
    (tree / "C" / "people" / "alias-one.md").write_text(
        "---\nname: Alias One\naliases:\n- Shared Alias\ncountry: vn\n---\n", encoding="utf-8")
    (tree / "C" / "mechanisms" / "alias-two.md").write_text(
        "---\nname: Alias Two\naliases:\n- Shared Alias\n---\n", encoding="utf-8")
    result = build(tree)
    assert_clean_failure(result)
    assert "C/people/alias-one.md" in result.stderr
    assert "C/mechanisms/alias-two.md" in result.stderr
    assert "Shared Alias" in result.stderr


def test_keep_going_builds_good_articles_and_reports_bad_one(tree):
    (tree / "S" / "005_bad.txt").write_text(BAD_DATE_SEED, encoding="utf-8")
    (tree / "S" / "006_good.txt").write_text(GOOD_EXTRA_SEED, encoding="utf-8")
    result = build(tree, "--keep-going")
    assert_clean_failure(result)
    assert "S/005_bad.txt:1:" in result.stderr
    assert "from 6 articles" in result.stdout
    articles = tree / "O" / "articles"
    pages = sorted(p.parent.name for p in articles.glob("*/index.html"))
    assert len(pages) == 6
    assert [p for p in pages if p.startswith("2026-03-01-")] == [
        "2026-03-01-chinese-ambassador-to-viet-nam-he-wei-met-leaders-of-lang"]
    assert (articles / "2026-02-09-pm-pham-minh-chinh-gave-reception-in-ha-noi-for-chinese" / "index.html").is_file()
    assert len(list((tree / "C" / "articles").glob("*.md"))) == 6
    assert (tree / "O" / "index.html").is_file()


def test_keep_going_keeps_the_last_good_build_of_an_article_whose_update_is_broken(built_tree):
    seed = built_tree / "S" / "001_9879fc0823ef7d0e.txt"
    page = built_tree / "O" / "articles" / "2026-02-09-pm-pham-minh-chinh-gave-reception-in-ha-noi-for-chinese" / "index.html"
    markdown = built_tree / "C" / "articles" / f"{page.parent.name}.md"
    before = page.read_bytes(), markdown.read_bytes()
    text = seed.read_text(encoding="utf-8")
    assert " date 2026-02-09 " in text
    seed.write_text(text.replace(" date 2026-02-09 ", " date 2026-02-30 ", 1) + "\n\nA sentence added.", encoding="utf-8")
    result = build(built_tree, "--keep-going")
    assert_clean_failure(result)
    assert f"S/{seed.name}:1:" in result.stderr
    assert "1 seed(s) skipped (--keep-going): kept as the last build made them" in result.stderr
    assert (page.read_bytes(), markdown.read_bytes()) == before
    assert "from 5 articles" in result.stdout


@pytest.mark.parametrize("breakage", ["bad-seed", "bad-registry"])
def test_failed_build_leaves_previous_site_untouched(built_tree, breakage):
    before_site = tree_bytes(built_tree / "O")
    before_content = tree_bytes(built_tree / "C")
    if breakage == "bad-seed":
        (built_tree / "S" / "006_good.txt").write_text(GOOD_EXTRA_SEED, encoding="utf-8")
        (built_tree / "S" / "005_bad.txt").write_text(BAD_DATE_SEED, encoding="utf-8")
    else:
        (built_tree / "S" / "006_good.txt").write_text(GOOD_EXTRA_SEED, encoding="utf-8")
        (built_tree / "C" / "people" / "broken-page.md").write_text("---\nname: [x\n---\n", encoding="utf-8")
    result = build(built_tree)
    assert_clean_failure(result)
    after_site = tree_bytes(built_tree / "O")
    assert sorted(after_site) == sorted(before_site)
    assert after_site == before_site
    after_content = tree_bytes(built_tree / "C")
    after_content.pop("people/broken-page.md", None)
    assert after_content == before_content
    assert not [p.name for p in built_tree.iterdir() if p.name.startswith(".O.")]


# --- check ---------------------------------------------------------------------------


def test_check_after_good_build_passes(built_tree):
    result = check(built_tree)
    assert result.returncode == 0, result.stderr
    assert "0 problem(s)" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_does_not_count_rejected_entities(built_tree):
    page = built_tree / "C" / "people" / "he-wei.md"
    counted = int(re.search(r"(\d+) entities", check(built_tree).stdout).group(1))
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\nstatus: rejected\n", 1), encoding="utf-8")
    assert build(built_tree).returncode == 0
    result = check(built_tree)
    assert f"{counted - 1} entities (1 rejected, not counted)" in result.stdout, result.stdout


def test_check_reports_missing_generated_article(built_tree):
    missing = built_tree / "C" / "articles" / "undated-convergence-of-development-stages-for-viet-nam-and-china.md"
    missing.unlink()
    result = check(built_tree)
    assert_clean_failure(result)
    assert "C/articles/undated-convergence-of-development-stages-for-viet-nam-and-china.md: missing" in result.stderr


def test_check_reports_stale_generated_article(built_tree):
    path = built_tree / "C" / "articles" / "2024-08-developing-a-deeper-more-comprehensive-and-more-substantive.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEdited by hand.\n", encoding="utf-8")
    result = check(built_tree)
    assert_clean_failure(result)
    assert f"C/articles/{path.name}: stale" in result.stderr


def test_check_reports_broken_link_naming_page(built_tree):
    page_rel = "articles/undated-convergence-of-development-stages-for-viet-nam-and-china/index.html"
    page = built_tree / "O" / page_rel
    html = page.read_text(encoding="utf-8")
    good = 'href="../../people/he-wei/"'
    assert good in html and (built_tree / "O" / "people" / "he-wei" / "index.html").is_file()
    page.write_text(html.replace(good, 'href="../../people/he-wie/"', 1), encoding="utf-8")
    result = check(built_tree)
    assert_clean_failure(result)
    assert re.search(rf"{re.escape(page_rel)}:\d+: broken link '../../people/he-wie/'", result.stderr), result.stderr
    assert result.stderr.count("broken link") == 1


def test_check_without_built_site_fails(tree):
    result = check(tree)
    assert_clean_failure(result)
    assert "O: no built site" in result.stderr


# --- base URL: canonical absolute, internal links relative ----------------------------


def test_base_url_gives_canonical_links(built_site):
    root, _ = built_site
    out = root / "O"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE_URL}">' in index
    pages = sorted(p for p in out.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 40
    for page in pages:
        rel = page.relative_to(out).as_posix()
        expected = BASE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        assert links_of(page).canonical == [expected], rel
    article = next((out / "articles").glob("2026-02-09-*/index.html"))
    assert (f'<link rel="canonical" href="{BASE_URL}articles/'
            '2026-02-09-pm-pham-minh-chinh-gave-reception-in-ha-noi-for-chinese/">') in article.read_text("utf-8")


def test_base_url_keeps_internal_links_relative(built_site):
    root, _ = built_site
    out = root / "O"
    checked = 0
    for page in sorted(out.rglob("*.html")):
        links = links_of(page).links
        if page.name == "404.html":
            continue  # served at any depth, so it may use absolute links
        for href in links:
            assert not href.startswith("/"), (page, href)
            assert not href.startswith(BASE_URL), (page, href)
            checked += 1
    assert checked > 100


def test_built_site_with_base_url_passes_link_check(built_site):
    root, _ = built_site
    result = check(root)
    assert result.returncode == 0, result.stderr
