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
    # A change to the seed maps the article again: the page is still the editor's, and still read.
    seed.write_text(SEED.replace("would grow", "would surely grow"), encoding="utf-8")
    result = build(archive)
    assert any(AID in w and "words differ" in w for w in result.warnings)
    result.close()
    assert md.read_text(encoding="utf-8") == mine
    assert ("the ambassador", "he-wei") in _mentions(archive)
    assert site_bytes(Path(archive.out)) == _clean(archive, tmp_path)
    # A clean build from nothing (no cache) reads the editor's page too.
    shutil.rmtree(archive.cache)
    build(archive).close()
    assert md.read_text(encoding="utf-8") == mine
    assert ("the ambassador", "he-wei") in _mentions(archive)
