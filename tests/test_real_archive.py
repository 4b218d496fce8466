"""What a real archive brings (issue 16, item 5): articles whose ids collide, seeds that repeat each
other, bidirectional control characters; and identifiers beyond the archive (item 7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import copy_registry, site_bytes

from builder.engine.build import BuildOptions, build
from builder.ingest.registry import load_registry, read_entity_page
from builder.ingest.seed import collision_suffix, parse_seed, read_articles
from builder.model import BuildError

LEAD = " date 2026-01-05 HÀ NỘI — Prime Minister Phạm Minh Chính met Chinese Ambassador He Wei on Monday to discuss trade.\n\n"
NATURAL = "2026-01-05-pm-pham-minh-chinh-met-chinese-ambassador-he-wei-to-discuss"


def _options(tmp_path: Path, cache: bool = True) -> BuildOptions:
    return BuildOptions(seeds=tmp_path / "seeds", content=tmp_path / "content", out=tmp_path / "site",
                        cache=tmp_path / "cache" if cache else None, jobs=1, search=False)


@pytest.fixture
def archive(tmp_path):
    (tmp_path / "seeds").mkdir()
    copy_registry(tmp_path / "content")
    return tmp_path


def _seed(root: Path, name: str, second: str) -> None:
    (root / "seeds" / name).write_text(LEAD + second + "\n", encoding="utf-8")


def _ids(result) -> set[str]:
    return {s.id for s in result.summaries}


def test_two_articles_that_open_alike_on_one_day_both_get_a_suffix_from_their_seed_name(archive):
    _seed(archive, "b.txt", "The two sides agreed to boost cooperation.")
    _seed(archive, "a.txt", "A different second paragraph about rail links.")
    result = build(_options(archive))
    ids = _ids(result)
    assert ids == {f"{NATURAL}-{collision_suffix('a.txt')}", f"{NATURAL}-{collision_suffix('b.txt')}"}
    warning = next(w for w in result.warnings if "make the same article id" in w)
    assert "a.txt" in warning and "b.txt" in warning
    for aid in ids:
        assert (archive / "content" / "articles" / f"{aid}.md").is_file()
        assert (archive / "site" / "articles" / aid / "index.html").is_file()
    result.close()


def test_a_third_colliding_article_renames_neither_of_the_first_two_and_the_rebuild_is_a_clean_build(archive):
    _seed(archive, "m.txt", "The two sides agreed to boost cooperation.")
    _seed(archive, "n.txt", "A different second paragraph about rail links.")
    first = _ids(build(_options(archive)))
    _seed(archive, "0.txt", "A third one, about ports; its seed name sorts first.")
    second = _ids(build(_options(archive)))
    assert first < second and len(second) == 3
    clean = archive / "clean"
    build(BuildOptions(seeds=archive / "seeds", content=archive / "content", out=clean, cache=None, jobs=1,
                       search=False)).close()
    assert site_bytes(archive / "site") == site_bytes(clean)
    # The collision gone, the one left takes back its own id.
    (archive / "seeds" / "m.txt").unlink()
    (archive / "seeds" / "0.txt").unlink()
    assert _ids(build(_options(archive))) == {NATURAL}
    assert [p.stem for p in (archive / "content" / "articles").glob("*.md")] == [NATURAL]


def test_a_seed_that_repeats_another_byte_for_byte_is_built_once_with_a_warning(archive):
    _seed(archive, "a.txt", "The two sides agreed to boost cooperation.")
    _seed(archive, "copy-of-a.txt", "The two sides agreed to boost cooperation.")
    result = build(_options(archive, cache=False))
    assert _ids(result) == {NATURAL}
    assert [s.source_file for s in result.summaries] == ["a.txt"]
    assert any("copy-of-a.txt" in w and "a.txt" in w and "byte for byte" in w for w in result.warnings)
    result.close()
    articles, errors, warnings = read_articles(archive / "seeds")
    assert [a.source_file for a in articles] == ["a.txt"] and not errors and warnings


RLO = "\u202e"


def test_bidirectional_controls_never_reach_a_page_or_the_markdown(archive):
    seed = ("---\ntitle: Border talks " + RLO + "reversed\n---\n"
            " date 2026-01-05 HÀ NỘI — Prime Minister Phạm Minh Chính met " + RLO + "Ambassador He Wei.\n\n"
            "Leaders at the talks. (Photo: VNA" + RLO + ")\n\nLeaders at the talks. (Photo: VNA" + RLO + ")\n\n"
            "The sides agreed\u2066 to talk again.\u2069\n")
    (archive / "seeds" / "rlo.txt").write_text(seed, encoding="utf-8")
    page = archive / "content" / "people" / "wang-yi.md"
    page.write_text("---\nname: Wang " + RLO + "Yi\ncountry: cn\n---\nNotes " + RLO + "here.\n", encoding="utf-8")
    result = build(_options(archive))
    assert any("U+202E" in w and "rlo.txt" in w for w in result.warnings)
    assert any("U+202E" in w and "wang-yi.md" in w for w in result.warnings)
    for path in [*(archive / "site").rglob("*.html"), *(archive / "site").rglob("*.json"),
                 *(archive / "content" / "articles").glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", text), path
    assert "Border talks reversed" in (archive / "content" / "articles" / "2026-01-05-border-talks-reversed.md").read_text(
        encoding="utf-8")
    result.close()


def test_a_bidi_control_written_as_a_yaml_escape_is_rejected_naming_its_line(tmp_path):
    with pytest.raises(BuildError, match=r":2: `title` holds the control character U\+202E"):
        parse_seed(b'---\ntitle: "Talks \\u202e reversed"\n---\nSome text here.\n', "x.txt")
    page = tmp_path / "x.md"
    page.write_text('---\nname: "Wang \\u202eYi"\n---\n', encoding="utf-8")
    with pytest.raises(BuildError, match="U\\+202E"):
        read_entity_page(page, "person")


# --- item 7: identifiers beyond the archive --------------------------------------------------------


def test_an_entity_page_carries_wikidata_and_wikipedia_as_links_and_json_ld_same_as(archive):
    _seed(archive, "a.txt", "General Secretary Xi Jinping sent greetings.")
    result = build(_options(archive))
    result.close()
    html = (archive / "site" / "people" / "xi-jinping" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.wikidata.org/wiki/Q15031"' in html
    assert 'href="https://en.wikipedia.org/wiki/Xi_Jinping"' in html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["sameAs"] == ["https://www.wikidata.org/wiki/Q15031", "https://en.wikipedia.org/wiki/Xi_Jinping"]
    # An entity without them says nothing of them.
    he_wei = (archive / "site" / "people" / "he-wei" / "index.html").read_text(encoding="utf-8")
    assert "sameAs" not in he_wei and "wikidata.org" not in he_wei


@pytest.mark.parametrize("line, problem", [
    ("wikidata: 15031", "`wikidata` must be a Wikidata item id"),
    ("wikidata: Q15031x", "`wikidata` must be a Wikidata item id"),
    ("wikipedia: http://en.wikipedia.org/wiki/Xi_Jinping", "`wikipedia` must be the https URL"),
    ("wikipedia: https://en.wikipedia.org.evil.example/wiki/X", "`wikipedia` must be the https URL"),
    ("wikipedia: javascript:alert(1)", "`wikipedia` must be the https URL"),
])
def test_identifiers_are_validated_naming_the_line(tmp_path, line, problem):
    page = tmp_path / "x.md"
    page.write_text(f"---\nname: Somebody Else\n{line}\n---\n", encoding="utf-8")
    with pytest.raises(BuildError, match=re.escape(problem)) as info:
        read_entity_page(page, "person")
    assert info.value.line == 3


def test_the_curated_registry_identifiers_are_well_formed():
    registry = load_registry(Path(__file__).resolve().parent.parent / "content")
    assert registry.get("xi-jinping").extra["wikidata"] == "Q15031"
    assert registry.get("ha-noi").extra["wikidata"] == "Q1858"
    assert sum("wikipedia" in e.extra for e in registry.entities.values()) >= 20

