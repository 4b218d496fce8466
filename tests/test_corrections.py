"""Editors' corrections survive (issue 16, item 8): a `corrections:` list in a seed's front matter, and an
article page in content/articles/ that an editor made theirs by removing `generated: true`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import copy_registry, site_bytes

from builder.engine.build import BuildOptions, build
from builder.engine.state import up_to_date
from builder.model import BuildErrors

SEED = """ date 2026-01-05 HÀ NỘI — Prime Minister Phạm Minh Chính met Chinese Ambassador He Wei on Monday in Beijing.

Later the ambassador said trade with Beijing would grow in 2026.
"""
AID = "2026-01-05-pm-pham-minh-chinh-met-chinese-ambassador-he-wei-in-beijing"
CORRECTIONS = """---
corrections:
- text: the ambassador      # a span the annotator missed
  link: he-wei
- text: Beijing             # the second time: unlinked
  occurrence: 2
  unlink: true
- text: Prime Minister Phạm Minh Chính   # pointed at another entity
  link: to-lam
---
"""


@pytest.fixture
def archive(tmp_path):
    (tmp_path / "seeds").mkdir()
    copy_registry(tmp_path / "content")
    return BuildOptions(seeds=tmp_path / "seeds", content=tmp_path / "content", out=tmp_path / "site",
                        cache=tmp_path / "cache", jobs=1, search=False)


def _mentions(options) -> list[tuple]:
    data = json.loads((Path(options.out) / "data" / "annotations.json").read_text(encoding="utf-8"))
    (article,) = data["articles"]
    return [(m["text"], m.get("entity") or m.get("value")) for m in article["mentions"]]


def _clean(options, tmp_path) -> dict:
    out = tmp_path / "clean"
    build(BuildOptions(seeds=options.seeds, content=options.content, out=out, cache=None, jobs=1,
                       search=False)).close()
    return site_bytes(out)


def test_corrections_link_unlink_and_repoint_single_mentions_on_the_page_markdown_and_export(archive, tmp_path):
    seed = Path(archive.seeds) / "a.txt"
    seed.write_text(SEED, encoding="utf-8")
    build(archive).close()
    before = _mentions(archive)
    assert ("Beijing", "beijing") in before and ("Prime Minister Phạm Minh Chính", "pham-minh-chinh") in before
    seed.write_text(CORRECTIONS + SEED, encoding="utf-8")
    build(archive).close()  # the annotation cache holds (same text): the corrections come after it
    after = _mentions(archive)
    assert ("the ambassador", "he-wei") in after
    assert ("Prime Minister Phạm Minh Chính", "to-lam") in after
    assert [m for m in after if m[0] == "Beijing"] == [("Beijing", "beijing")]  # the first one only
    page = (Path(archive.out) / "articles" / AID / "index.html").read_text(encoding="utf-8")
    assert "the ambassador</a>" in page and "people/to-lam/" in page
    markdown = (Path(archive.content) / "articles" / f"{AID}.md").read_text(encoding="utf-8")
    assert "[the ambassador](../people/he-wei.md)" in markdown and "with Beijing would" in markdown
    assert f"articles/{AID}/" in (Path(archive.out) / "people" / "to-lam" / "index.html").read_text(encoding="utf-8")
    # Through a rebuild that touches the registry (the annotator runs again) and against a clean build.
    page = Path(archive.content) / "people" / "he-wei.md"
    page.write_text(page.read_text(encoding="utf-8").replace("name: He Wei", "name: HE Wei"), encoding="utf-8")
    build(archive).close()
    assert ("the ambassador", "he-wei") in _mentions(archive)
    assert site_bytes(Path(archive.out)) == _clean(archive, tmp_path)


def test_a_correction_whose_words_are_gone_warns_and_one_naming_no_entity_stops_naming_its_line(archive):
    seed = Path(archive.seeds) / "a.txt"
    seed.write_text("---\ncorrections:\n- text: the minister\n  link: he-wei\n---\n" + SEED, encoding="utf-8")
    result = build(archive)
    assert any("a.txt:3: correction of 'the minister'" in w for w in result.warnings)
    result.close()
    seed.write_text("---\ncorrections:\n- text: Beijing\n  unlink: true\n- text: Monday\n  link: nobody-here\n---\n"
                    + SEED, encoding="utf-8")
    with pytest.raises(BuildErrors, match=r"a\.txt:5: correction links 'Monday' to 'nobody-here'"):
        build(archive)


@pytest.mark.parametrize("item, problem", [
    ("- text: Beijing", "either `link: ID`"),
    ("- text: Beijing\n  link: beijing\n  unlink: true", "either `link: ID`"),
    ("- text: Beijing\n  occurrence: 0\n  unlink: true", "`occurrence` is a whole number"),
    ("- text: Beijing\n  colour: red\n  unlink: true", "unknown key 'colour'"),
    ("- Beijing", "each correction is a mapping"),
])
def test_malformed_corrections_are_rejected_naming_the_line(archive, item, problem):
    (Path(archive.seeds) / "a.txt").write_text(f"---\ncorrections:\n{item}\n---\n" + SEED, encoding="utf-8")
    with pytest.raises(BuildErrors, match=r"a\.txt:3: .*" + problem.replace("(", r"\(").replace("`", "`")):
        build(archive)


def _make_it_mine(path: Path, edit) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ngenerated: true\n")
    text = edit(text.replace("generated: true\n", "", 1))
    path.write_text(text, encoding="utf-8")
    return text


def test_an_article_page_without_its_generated_marker_is_the_editors_read_back_and_never_overwritten(archive,
                                                                                                    tmp_path):
    seed = Path(archive.seeds) / "a.txt"
    seed.write_text(SEED, encoding="utf-8")
    build(archive).close()
    md = Path(archive.content) / "articles" / f"{AID}.md"
    mine = _make_it_mine(md, lambda t: t.replace("[Ambassador He Wei](../people/he-wei.md)", "Ambassador He Wei")
                         .replace("Later the ambassador", "Later [the ambassador](../people/he-wei.md)")
                         .replace("[Monday](../timeline/2026.md)", "Monday"))
    assert up_to_date(archive) is None  # the editor's page is an input
    result = build(archive)
    assert not [w for w in result.warnings if AID in w]  # same words: nothing to say
    result.close()
    assert md.read_text(encoding="utf-8") == mine
    mentions = _mentions(archive)
    assert ("the ambassador", "he-wei") in mentions and ("Ambassador He Wei", "he-wei") not in mentions
    assert ("Monday", "2026-01-05") not in mentions and ("2026", "2026") in mentions
    page = (Path(archive.out) / "articles" / AID / "index.html").read_text(encoding="utf-8")
    assert "the ambassador</a>" in page
    # A change to the seed maps the article again: the page is still the editor's, still read, and its
    # words are the article's (the seed's new ones are named in a warning, not taken).
    seed.write_text(SEED.replace("would grow", "would surely grow"), encoding="utf-8")
    result = build(archive)
    assert any(AID in w and "differ in their words" in w for w in result.warnings)
    result.close()
    assert md.read_text(encoding="utf-8") == mine
    assert ("the ambassador", "he-wei") in _mentions(archive)
    page = (Path(archive.out) / "articles" / AID / "index.html").read_text(encoding="utf-8")
    assert "would grow" in page and "surely" not in page
    assert site_bytes(Path(archive.out)) == _clean(archive, tmp_path)
    # A clean build from nothing (no cache) reads the editor's page too.
    shutil.rmtree(archive.cache)
    build(archive).close()
    assert md.read_text(encoding="utf-8") == mine
    assert ("the ambassador", "he-wei") in _mentions(archive)


def test_an_editors_page_is_the_articles_text_title_and_date_and_keeps_its_url(archive, tmp_path):
    seed = Path(archive.seeds) / "a.txt"
    seed.write_text(SEED, encoding="utf-8")
    build(archive).close()
    md = Path(archive.content) / "articles" / f"{AID}.md"
    _make_it_mine(md, lambda t: t.replace("date: '2026-01-05'", "date: '2026-01-08'")
                  .replace("# PM Phạm Minh Chính", "# Premier Phạm Minh Chính")
                  .replace("trade with", "two-way trade with")
                  + "\n## Outlook\n\nBoth sides will meet again in [March](../timeline/2026.md).\n")
    result = build(archive)
    assert not result.errors, result.errors
    result.close()
    data = json.loads((Path(archive.out) / "data" / "annotations.json").read_text(encoding="utf-8"))
    (article,) = data["articles"]
    assert article["id"] == AID  # the URL stays where readers found it
    assert article["title"].startswith("Premier Phạm Minh Chính")
    assert article["date"] == "2026-01-08"
    mentions = _mentions(archive)
    assert ("Monday", "2026-01-05") in mentions  # the Monday before the editor's date
    assert ("March", "2026-03") in mentions
    page = (Path(archive.out) / "articles" / AID / "index.html").read_text(encoding="utf-8")
    assert "two-way trade" in page and "<h2" in page and "Outlook" in page and "Premier" in page
    assert site_bytes(Path(archive.out)) == _clean(archive, tmp_path)


def test_an_editors_page_with_a_date_that_is_none_stops_naming_its_line(archive):
    (Path(archive.seeds) / "a.txt").write_text(SEED, encoding="utf-8")
    build(archive).close()
    md = Path(archive.content) / "articles" / f"{AID}.md"
    text = _make_it_mine(md, lambda t: t.replace("date: '2026-01-05'", "date: 2026-13-45"))
    line = text.split("\n").index("date: 2026-13-45") + 1
    with pytest.raises(BuildErrors, match=rf"{AID}\.md:{line}: date '2026-13-45' is not a date"):
        build(archive)


@pytest.mark.parametrize("how", ["deleted", "given back"])
def test_an_editors_page_deleted_or_given_back_makes_the_article_from_its_seed_again(archive, tmp_path, how):
    (Path(archive.seeds) / "a.txt").write_text(SEED, encoding="utf-8")
    build(archive).close()
    md = Path(archive.content) / "articles" / f"{AID}.md"
    generated = md.read_text(encoding="utf-8")
    _make_it_mine(md, lambda t: t.replace("trade with", "two-way trade with"))
    build(archive).close()
    assert "two-way" in (Path(archive.out) / "articles" / AID / "index.html").read_text(encoding="utf-8")
    if how == "deleted":
        md.unlink()
    else:
        md.write_text("---\ngenerated: true\n" + md.read_text(encoding="utf-8")[4:], encoding="utf-8")
    build(archive).close()
    assert md.read_text(encoding="utf-8") == generated
    assert "two-way" not in (Path(archive.out) / "articles" / AID / "index.html").read_text(encoding="utf-8")
    assert site_bytes(Path(archive.out)) == _clean(archive, tmp_path)


def test_an_editors_page_whose_seed_now_makes_another_id_is_kept_and_named_in_a_warning(archive):
    seed = Path(archive.seeds) / "a.txt"
    seed.write_text(SEED, encoding="utf-8")
    build(archive).close()
    md = Path(archive.content) / "articles" / f"{AID}.md"
    mine = _make_it_mine(md, lambda t: t.replace("trade with", "two-way trade with"))
    seed.write_text(SEED.replace(" date 2026-01-05", " date 2026-01-06"), encoding="utf-8")
    result = build(archive)
    result.close()
    assert md.read_text(encoding="utf-8") == mine  # never deleted
    new = AID.replace("2026-01-05", "2026-01-06")
    assert any(f"{AID}.md" in w and "seeds/a.txt" in w and f"rename it {new}.md" in w for w in result.warnings)
    md.rename(md.with_name(f"{new}.md"))
    result = build(archive)
    result.close()
    assert not any("rename it" in w for w in result.warnings)
    assert "two-way" in (Path(archive.out) / "articles" / new / "index.html").read_text(encoding="utf-8")


def test_a_generated_page_read_back_is_its_article_word_for_word_block_for_block_and_link_for_link(seed_articles):
    from builder.content.markdown import article_markdown
    from builder.ingest.article_page import read_article_page

    for article in seed_articles.values():
        text = article_markdown(article).replace("generated: true\n", "", 1)
        page = read_article_page(text, "page.md")
        assert page.body == article.body, article.source_file
        assert [(b.kind, b.start, b.end, b.credit) for b in page.blocks] == \
            [(b.kind, b.start, b.end, b.credit) for b in article.blocks], article.source_file
        assert [(s, e) for s, e, _ in page.links] == [(m.start, m.end) for m in article.mentions]
        assert page.title == article.title and page.date == article.date.value
