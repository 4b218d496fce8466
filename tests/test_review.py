"""`python -m builder review` (issue 16, item 4): an editor's decision on each discovered entity, with
scripted answers on stdin and with flags; the page's other text is kept byte for byte, and the next
build follows the decision."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from helpers import copy_registry

from builder.cli import main
from builder.engine.build import BuildOptions, build
from builder.ingest.edit import edit_front_matter

SEED = """ date 2026-03-02 HÀ NỘI — Deputy Prime Minister Bùi Thanh Sơn received Liu Jianchao, Head of the International Department of the Communist Party of China Central Committee, in Hà Nội on Monday.

Sơn said the two countries would deepen trade. Liu Jianchao thanked him. Deputy Foreign Minister Đặng Hoàng Giang also attended.
"""
TARGET = """---
name: Lưu Kiến Siêu   # as the Vietnamese press writes him
country: cn
summary: Head of the CPC's International Department.
---
The editor's notes, *kept* byte for byte.
"""
INTL = "international-department-of-the-communist-party-of-china-central-committee"


@pytest.fixture
def archive(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(SEED, encoding="utf-8")
    content = copy_registry(tmp_path / "content")
    for page in content.glob("*/*.md"):
        if "status: discovered" in page.read_text(encoding="utf-8"):
            page.unlink()
    (content / "people" / "luu-kien-sieu.md").write_text(TARGET, encoding="utf-8")
    options = BuildOptions(seeds=tmp_path / "seeds", content=content, out=tmp_path / "site",
                           cache=tmp_path / "cache", jobs=1, search=False)
    build(options).close()
    for eid in ("bui-thanh-son", "dang-hoang-giang", "liu-jianchao"):
        assert "status: discovered" in (content / "people" / f"{eid}.md").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return options


def _review(argv: list[str], answers: str | None = None, monkeypatch=None, capsys=None) -> tuple[int, str]:
    if answers is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    code = main(["review", *argv])
    return code, capsys.readouterr().out


def _mentions(options) -> dict[str, str]:
    data = json.loads((Path(options.out) / "data" / "annotations.json").read_text(encoding="utf-8"))
    return {m["text"]: m.get("entity") for a in data["articles"] for m in a["mentions"] if m.get("entity")}


def test_review_walks_each_discovered_entity_with_its_evidence_and_takes_single_key_answers(
        archive, monkeypatch, capsys):
    people = Path(archive.content) / "people"
    answers = "\n".join([
        "?", "a",                       # bui-thanh-son: help, then accept
        "r",                            # dang-hoang-giang: reject
        "m", "luu-kien-sieu",           # liu-jianchao: merged into the curated page
        "n", "International Department of the CPC", "", "s",  # the organisation: renamed, then skipped
    ]) + "\n"
    code, out = _review([], answers, monkeypatch, capsys)
    assert code == 0
    # The evidence: counts, titles and the sentence naming it, from the build's store.
    assert "[1/4] person: Bùi Thanh Sơn" in out and "[4/4] organisation:" in out
    assert "mention" in out and "Deputy Prime Minister" in out
    assert "received [Liu Jianchao]" in out or "[Liu Jianchao], Head" in out
    assert "a accept · r reject" in out
    assert "review: 1 accepted, 1 rejected, 1 merged, 1 renamed, 1 skipped" in out
    assert "status: confirmed" in (people / "bui-thanh-son.md").read_text(encoding="utf-8")
    assert "status: rejected" in (people / "dang-hoang-giang.md").read_text(encoding="utf-8")
    assert not (people / "liu-jianchao.md").exists()
    merged = (people / "luu-kien-sieu.md").read_text(encoding="utf-8")
    assert merged == TARGET.replace("summary:", "aliases:\n- Liu Jianchao\nsummary:", 1) or merged == TARGET.replace(
        "---\nThe", "aliases:\n- Liu Jianchao\n---\nThe", 1)
    assert merged.startswith("---\nname: Lưu Kiến Siêu   # as the Vietnamese press writes him\ncountry: cn\n")
    assert "aliases:\n- Liu Jianchao\n" in merged
    org = (Path(archive.content) / "organisations" / f"{INTL}.md").read_text(encoding="utf-8")
    assert "name: International Department of the CPC\n" in org and "status: discovered" in org
    assert "- International Department of the Communist Party of China Central Committee" in org
    # The next build follows every decision.
    result = build(archive)
    result.close()
    mentions = _mentions(archive)
    assert mentions.get("Liu Jianchao") == "luu-kien-sieu"
    assert "dang-hoang-giang" not in mentions.values()
    assert not (people / "liu-jianchao.md").exists()  # not proposed again
    html = (Path(archive.out) / "people" / "bui-thanh-son" / "index.html").read_text(encoding="utf-8")
    assert "Discovered automatically" not in html


def test_quit_and_the_end_of_input_leave_the_rest_as_they_are(archive, monkeypatch, capsys):
    before = {p: p.read_bytes() for p in Path(archive.content).glob("*/*.md")}
    code, out = _review([], "q\n", monkeypatch, capsys)
    assert code == 0 and "4 skipped" in out
    code, out = _review([], "", monkeypatch, capsys)
    assert code == 0 and "4 skipped" in out
    assert {p: p.read_bytes() for p in Path(archive.content).glob("*/*.md")} == before


def test_flags_decide_without_prompts(archive, monkeypatch, capsys):
    people = Path(archive.content) / "people"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # never read
    assert _review(["--accept", "bui-thanh-son"], capsys=capsys)[0] == 0
    assert _review(["--reject", "dang-hoang-giang"], capsys=capsys)[0] == 0
    assert _review(["--merge", "liu-jianchao", "--into", "luu-kien-sieu"], capsys=capsys)[0] == 0
    code, out = _review(["--rename", INTL, "--name", "CPC International Department", "--slug", "cpc-idcpc"],
                        capsys=capsys)
    assert code == 0 and "moved to" in out
    assert "status: confirmed" in (people / "bui-thanh-son.md").read_text(encoding="utf-8")
    assert "status: rejected" in (people / "dang-hoang-giang.md").read_text(encoding="utf-8")
    assert not (people / "liu-jianchao.md").exists()
    moved = Path(archive.content) / "organisations" / "cpc-idcpc.md"
    assert moved.is_file() and not (Path(archive.content) / "organisations" / f"{INTL}.md").exists()
    result = build(archive)
    result.close()
    assert "cpc-idcpc" in _mentions(archive).values()


def test_a_rejected_entity_has_no_page_and_the_builds_own_note_is_never_shown(archive, monkeypatch, capsys):
    site = Path(archive.out)
    stub = (site / "people" / "dang-hoang-giang" / "index.html").read_text(encoding="utf-8")
    assert "Đặng Hoàng Giang" in stub and "Discovered by the build" not in stub and "Editor’s notes" not in stub
    assert "Discovered by the build" in (Path(archive.content) / "people" / "dang-hoang-giang.md").read_text(
        encoding="utf-8")  # the note is the editor's, on the page in content/
    assert "<em>kept</em> byte for byte" in (site / "people" / "luu-kien-sieu" / "index.html").read_text(encoding="utf-8")
    assert _review(["--reject", "dang-hoang-giang"], capsys=capsys)[0] == 0
    build(archive).close()
    assert not (site / "people" / "dang-hoang-giang").exists()
    for page in ("people/index.html", "index.html", "sitemap.xml"):
        assert "dang-hoang-giang" not in (site / page).read_text(encoding="utf-8"), page


def test_flag_mistakes_are_reported_not_raised(archive, monkeypatch, capsys):
    assert main(["review", "--accept", "nobody"]) == 1
    assert "no entity 'nobody'" in capsys.readouterr().err
    assert main(["review", "--merge", "liu-jianchao"]) == 1
    assert "--merge ID needs --into ID" in capsys.readouterr().err
    assert main(["review", "--reject", "liu-jianchao", "--accept", "liu-jianchao"]) == 1
    assert "'liu-jianchao' is given two decisions at once" in capsys.readouterr().err
    assert "status: discovered" in (Path(archive.content) / "people" / "liu-jianchao.md").read_text(encoding="utf-8")
    stub = Path(archive.content) / "people" / "liu-jianchao.md"
    stub.write_text(stub.read_text(encoding="utf-8") + "\nAn editor's own research.\n", encoding="utf-8")
    assert main(["review", "--merge", "liu-jianchao", "--into", "luu-kien-sieu"]) == 1
    assert "holds an editor's notes" in capsys.readouterr().err
    assert stub.is_file()


def test_without_a_build_cache_the_evidence_comes_from_annotating_the_seeds(archive, monkeypatch, capsys):
    code, out = _review(["--cache", "no-such-cache"], "s\ns\ns\nq\n", monkeypatch, capsys)
    assert code == 0 and "2 mentions in 1 article" in out and "\n      [Liu Jianchao] thanked him.\n" in out
    assert "\n      [Deputy Prime Minister Bùi Thanh Sơn] received Liu Jianchao" in out


def test_front_matter_edits_keep_every_other_byte():
    page = ("---\r\nname: Liu Jianchao\r\n# a comment the editor wrote\r\naliases:\r\n- Lưu Kiến Siêu\r\n"
            "status: discovered\r\nextra: [1, 2]\r\n---\r\nBody *with* trailing spaces   \r\n\r\nand more\r\n")
    edited = edit_front_matter(page, {"status": "confirmed", "wikidata": "Q1"})
    assert edited == page.replace("status: discovered", "status: confirmed").replace(
        "extra: [1, 2]\r\n---", "extra: [1, 2]\r\nwikidata: Q1\r\n---")
    assert edit_front_matter(page, {"aliases": ["Lưu Kiến Siêu", "Liu"]}) == page.replace(
        "- Lưu Kiến Siêu\r\n", "- Lưu Kiến Siêu\r\n- Liu\r\n")
    assert edit_front_matter(page, {"status": None}) == page.replace("status: discovered\r\n", "")
