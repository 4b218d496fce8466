"""archive.yml (validated in one place, errors with their lines, a warning for an unknown key, flags over
the file), `new` refusing a folder that holds something, and the console: the summary line, warnings
summarised or in full (`--verbose`), `--strict`'s exit status."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import builder_env

from builder.config import SiteConfig, validate
from builder.model import BuildError
from builder.site.collect import PAGE_SIZES
from builder.site.templating import Templates

REPO = Path(__file__).resolve().parent.parent

UNDATED = ("HÀ NỘI — Deputy Prime Minister Bùi Thanh Sơn met a delegation of the Asian Development Bank on "
           "12 January 2026 to discuss transport.\n\nThe two sides agreed to meet again. — VNA/VNS\n")
DATED = (" date 2026-01-12 HÀ NỘI — Việt Nam and China held talks on railway links.\n\n"
         "Both sides agreed to speed up the work. — VNA/VNS\n")


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", *args], cwd=cwd, capture_output=True, text=True,
                          env=builder_env(), timeout=120)


def archive(tmp_path: Path, yml: str | None, seeds: dict[str, str]) -> Path:
    root = tmp_path / "a"
    for kind in ("people", "mechanisms", "organisations", "places"):
        (root / "content" / kind).mkdir(parents=True)
    (root / "seeds").mkdir()
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    if yml is not None:
        (root / "archive.yml").write_text(yml, encoding="utf-8")
    return root


# --- validation ----------------------------------------------------------------------------------


def test_no_file_and_this_repositorys_file_are_the_defaults():
    config, errors, warnings = validate((REPO / "archive.yml").read_text(encoding="utf-8"))
    assert errors == [] and warnings == []
    assert config.nav == SiteConfig().nav
    assert config.fingerprint() == SiteConfig(navigation=SiteConfig().nav, page_sizes=PAGE_SIZES).fingerprint()
    assert validate("") == (SiteConfig(), [], [])


def test_every_problem_is_reported_with_its_line():
    text = ("title: Ours\n"          # 1
            "base_url: example.org\n"  # 2: not an address
            "search: maybe\n"        # 3
            "page_sizes:\n"          # 4
            "  articles: 0\n"        # 5
            "kinds:\n"               # 6
            "  animal: {label: A}\n"  # 7
            "  person:\n"            # 8
            "    shown: 2\n"         # 9
            "navigation:\n"          # 10
            "  - Home: /\n"          # 11
            "title: Again\n")        # 12
    _, errors, _ = validate(text)
    found = {(e.line, e.message.split(":")[0]) for e in errors}
    assert found == {(2, "base_url"), (3, "search"), (5, "page_sizes.articles"), (7, "kinds"),
                     (9, "kinds.person.shown"), (11, "navigation"), (12, "title")}, errors
    assert all(str(e).startswith(f"archive.yml:{e.line}: ") for e in errors)


def test_broken_yaml_names_its_line():
    _, errors, _ = validate("title: Ours\nkinds: [\n  person\n")
    assert len(errors) == 1 and errors[0].line >= 2 and "not valid YAML" in errors[0].message
    _, errors, _ = validate('title: Ours\nheading: "Unclosed\nlanguage: en\nsearch: true\n')
    assert [e.line for e in errors] == [2] and "quoted scalar that starts here" in errors[0].message


def test_unknown_key_is_a_warning_and_ignored():
    config, errors, warnings = validate("title: Ours\ntitel: Typo\npublisher:\n  name: Us\n  mail: x\n")
    assert errors == []
    assert config.title == "Ours" and config.publisher_name == "Us"
    assert warnings[0].startswith("archive.yml:2: unknown key 'titel', ignored")
    assert warnings[1].startswith("archive.yml:5: publisher: unknown key 'mail'")


def test_an_archives_title_is_its_heading_and_publisher_unless_it_names_others():
    config, _, _ = validate("title: Lantern News\n")
    assert (config.heading, config.publisher_name) == ("Lantern News", "Lantern News")
    config, _, _ = validate("title: Lantern News\nheading: News of the town\npublisher: Lantern Media\n")
    assert (config.heading, config.publisher_name) == ("News of the town", "Lantern Media")


def test_language_must_be_a_language_tag():
    assert validate("language: vi\n")[0].language == "vi" and not validate("language: en-GB\n")[1]
    _, errors, _ = validate("title: Ours\nlanguage: English\n")
    assert [(e.line, e.message.split(":")[0]) for e in errors] == [(2, "language")]


def test_the_sites_own_sentences_name_the_kinds_it_shows_in_its_labels():
    assert SiteConfig().kinds_phrase(True, ("dates",)) == "people, cooperation mechanisms, organisations, places and dates"
    config, _, _ = validate("kinds:\n  mechanism: {shown: false}\n  organisation: {plural: ASEAN bodies}\n"
                            "  place: {shown: false}\n")
    assert config.kinds_phrase(True, ("dates",)) == "people, ASEAN bodies and dates"
    assert config.kinds_phrase(False) == "person and organisation"


def test_values_reach_the_config():
    config, errors, _ = validate("base_url: https://example.org/x\nsearch: false\nkinds:\n  place: {shown: false}\n"
                                 "  person: {plural: Individuals}\npage_sizes: {articles: 10}\n")
    assert errors == []
    assert config.base_url == "https://example.org/x/" and config.search is False
    assert [k.type for k in config.shown_kinds] == ["person", "mechanism", "organisation"]
    assert [item.label for item in config.nav][:2] == ["Articles", "Individuals"]
    assert config.page_sizes == {"articles": 10}  # the rest: site/collect.py's PAGE_SIZES
    assert config.with_flags(base_url="/", search=True) == config.__class__(**{**config.__dict__, "base_url": "/",
                                                                              "search": True})


def test_missing_template_lists_every_place_searched(tmp_path):
    ours = tmp_path / "templates"
    ours.mkdir()
    templates = Templates([ours, REPO / "templates"])
    with pytest.raises(BuildError) as caught:
        templates.pieces("no-such.html", {}, 0)
    assert f"(searched {ours}, {REPO / 'templates'})" in str(caught.value)


# --- the command line ----------------------------------------------------------------------------


def test_config_error_stops_before_anything_is_built(tmp_path):
    root = archive(tmp_path, "title: Ours\npage_sizes:\n  articles: many\n", {"a.txt": DATED})
    result = run(root, "build", "--no-search")
    assert result.returncode == 1
    assert result.stderr.startswith("archive.yml:3: page_sizes.articles: must be a whole number")
    assert not (root / "site").exists() and not (root / "content" / "articles").exists()


def test_flags_override_the_file_and_the_file_is_an_input(tmp_path):
    root = archive(tmp_path, "title: Ours\nbase_url: https://file.example/\nsearch: false\ntitel: x\n",
                   {"a.txt": DATED})
    first = run(root, "build", "--base-url", "https://flag.example/")
    assert first.returncode == 0, first.stderr
    assert "warning: archive.yml:4: unknown key 'titel'" in first.stderr
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://flag.example/">' in home and "· Ours</title>" in home
    assert not (root / "site" / "pagefind").exists()  # search: false in the file
    assert "up to date" in run(root, "build", "--base-url", "https://flag.example/").stdout
    (root / "archive.yml").write_text("title: Theirs\nsearch: false\n", encoding="utf-8")
    second = run(root, "build", "--base-url", "https://flag.example/")
    assert "up to date" not in second.stdout, second.stdout
    assert "· Theirs</title>" in (root / "site" / "index.html").read_text(encoding="utf-8")
    other = run(root, "build", "--config", "nowhere.yml")
    assert other.returncode == 1 and other.stderr.startswith("nowhere.yml: no such file")


def test_summary_line_and_strict(tmp_path):
    root = archive(tmp_path, None, {"a.txt": DATED, "b.txt": UNDATED})
    plain = run(root, "build", "--no-search")
    assert plain.returncode == 0, plain.stderr
    line = plain.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"built \d+ pages from 2 articles \(\d+ mentions\) into site/; \d+ content files updated; "
                        r"(\d+) entities waiting for review \(status: discovered\); 0 warnings\. Open site/index\.html "
                        r"or run `python -m builder serve`\.", line), line
    waiting = int(re.search(r"(\d+) entities waiting", line)[1])
    assert waiting >= 1  # Bùi Thanh Sơn, discovered

    strict = run(root, "build", "--no-search", "--strict")  # never "up to date": it looks again
    assert strict.returncode == 1
    assert f"{waiting + 1} warnings" in strict.stdout  # the discoveries and the inferred date
    assert "b.txt:1: publication date inferred" in strict.stderr
    assert "--strict:" in strict.stderr and "discovered entity" in strict.stderr

    for path in (root / "content").glob("*/*.md"):
        if "status: discovered" in path.read_text(encoding="utf-8"):
            path.write_text(path.read_text(encoding="utf-8").replace("status: discovered", "status: confirmed"),
                            encoding="utf-8")
    (root / "seeds" / "b.txt").write_text(" date 2026-01-12 " + UNDATED, encoding="utf-8")
    clean = run(root, "build", "--no-search", "--strict")
    assert clean.returncode == 0, clean.stderr
    assert "0 entities waiting for review (status: discovered); 0 warnings." in clean.stdout


def test_warnings_summarised_by_kind_unless_verbose(tmp_path):
    seeds = {f"s{i}.txt": DATED.replace("railway links", f"railway links {i}\x07") for i in range(5)}
    root = archive(tmp_path, None, seeds)
    short = run(root, "build", "--no-search")
    assert short.returncode == 0, short.stderr
    assert short.stderr.count("control character") == 4  # three in full, then the count
    assert "… and 2 more of kind 'control character' (5 in all; --verbose shows every one)" in short.stderr
    assert "5 warnings." in short.stdout
    (root / "site").rename(root / "old")
    full = run(root, "build", "--no-search", "--no-cache", "--verbose")
    assert full.stderr.count("warning: ") == 5 and "more of kind" not in full.stderr


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run(tmp_path, "new", "full")
    assert result.returncode == 1
    assert result.stderr.startswith("full: exists and is not empty")
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    made = run(tmp_path, "new", "empty")
    assert made.returncode == 0, made.stderr
    built = run(tmp_path / "empty", "build", "--no-search")
    assert built.returncode == 0, built.stderr
    assert "built " in built.stdout and (tmp_path / "empty" / "site" / "index.html").is_file()


def test_the_summary_counts_archive_yml_warnings_and_says_one_article(tmp_path):
    root = archive(tmp_path, "title: Ours\ntitel: Typo\n", {"a.txt": DATED})
    built = run(root, "build", "--no-search")
    assert built.returncode == 0, built.stderr
    assert "archive.yml:2: unknown key 'titel'" in built.stderr
    line = built.stdout.strip().splitlines()[-1]
    assert " from 1 article (" in line and line.count("; 1 warning.") == 1, line
    strict = run(root, "build", "--no-search", "--strict")
    assert strict.returncode == 1 and "unknown key" in strict.stderr.split("--strict:")[1]


def test_strict_names_a_slug_collision_as_one(tmp_path):
    from builder.console import warning_kind
    from builder.ingest.seed import collision_warning

    assert warning_kind(collision_warning("seeds", "2026-01-12-talks", ["a.txt", "b.txt"])) == "slug collision"
