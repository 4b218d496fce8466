"""Behaviour of builder.ingest: raw wire copy in, a clean `Article` out."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from builder.ingest.seed import TITLE_MAX, derive_title, parse_seed, read_seed
from builder.model import Article, BuildError, DatePoint

SEED_000 = "000_d0e993820bacc527.txt"
SEED_001 = "001_9879fc0823ef7d0e.txt"
SEED_002 = "002_7a67f66cde4784e2.txt"
SEED_003 = "003_a95f9868596485e5.txt"
SEED_004 = "004_7ea1cbbc3dbb5ca5.txt"
ALL_SEEDS = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004]

TITLE_004 = "Developing a deeper, more comprehensive and more substantive Vietnam-China relationship"
WEAK_ENDINGS = {"a", "an", "the", "of", "to", "and", "or", "for", "with", "in", "on", "at", "by", "from", "as"}
# Headline abbreviations derive_title is documented to make ("Prime Minister" -> "PM").
HEADLINE_ABBREVIATIONS = {"PM": "Prime Minister"}

# A small wire snippet in the shape of seed 001, used for the byte-level tests.
SNIPPET = (
    " date 2026-02-09 HÀ NỘI — Prime Minister Phạm Minh Chính gave a reception in Hà Nội "
    "for Chinese Ambassador to Việt Nam He Wei ahead of the Lunar New Year (Tết).\n"
    "\n"
    "The PM asked the ambassador to convey his warm regards to General Secretary Xi Jinping.\n"
    "\n"
    "Both host and guest reviewed the very positive developments in Việt Nam – China relations. — VNA/VNS\n"
)
SNIPPET_LEAD = (
    "Prime Minister Phạm Minh Chính gave a reception in Hà Nội for Chinese Ambassador to "
    "Việt Nam He Wei ahead of the Lunar New Year (Tết)."
)

UNDATED_LEAD = (
    "HÀ NỘI — The Chinese diplomat made the remark while assessing new opportunities for "
    "Việt Nam-China relations after the 14th National Congress.\n"
    "\n"
    "Both sides will continue to take key ideas reached by the highest leaders as a guiding principle. — VNS\n"
)


@pytest.fixture(scope="module")
def repo_root() -> Path:
    root = Path(__file__).resolve().parent.parent
    assert (root / "seeds").is_dir() and (root / "builder").is_dir()
    return root


@pytest.fixture(scope="module")
def seeds(repo_root) -> dict[str, Article]:
    """The five real seeds, ingested, by file name."""
    return {name: read_seed(repo_root / "seeds" / name) for name in ALL_SEEDS}


def write_seed(tmp_path: Path, data: bytes, name: str = "snippet.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_bytes_seed(tmp_path: Path, data: bytes, name: str = "snippet.txt") -> Article:
    return read_seed(write_seed(tmp_path, data, name))


def block_texts(article: Article, kind: str | None = None) -> list[str]:
    return [article.body[b.start:b.end] for b in article.blocks if kind is None or b.kind == kind]


def lead_of(article: Article) -> str:
    first = article.blocks[0]
    return article.body[first.start:first.end]


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def expect_build_error(path: Path, line: int) -> BuildError:
    with pytest.raises(BuildError) as info:
        read_seed(path)
    err = info.value
    assert str(err).startswith(f"{path}:{line}: "), str(err)
    assert err.path == str(path)
    assert err.line == line
    return err


# --- the five real seeds: metadata ---------------------------------------------


def test_seed_004_title_line_becomes_title_not_body(seeds):
    article = seeds[SEED_004]
    assert article.title == TITLE_004
    assert article.title_derived is False
    assert TITLE_004 not in article.body
    assert article.body.startswith("General Secretary of the Communist Party of Vietnam’s Central Committee")


@pytest.mark.parametrize("name", [SEED_000, SEED_001, SEED_002, SEED_003])
def test_seed_without_title_line_gets_title_of_whole_lead_words(seeds, name):
    article = seeds[name]
    title = article.title
    assert article.title_derived is True
    assert title and title.strip() == title
    assert len(title) <= TITLE_MAX
    lead_words = set(words(lead_of(article)))
    title_words = words(title)
    assert title_words, title
    for i, word in enumerate(title_words):
        if word in HEADLINE_ABBREVIATIONS:
            assert HEADLINE_ABBREVIATIONS[word] in lead_of(article)
            continue
        # The first word is capitalised ("The past …" -> "Past …").
        candidates = {word, word[:1].lower() + word[1:]} if i == 0 else {word}
        assert candidates & lead_words, f"{word!r} of {title!r} is not a whole word of the lead"
    assert title_words[-1].lower() not in WEAK_ENDINGS


def test_seed_derived_titles_exact(seeds):
    assert seeds[SEED_000].title == "Consulate General of Việt Nam in Chongqing, China, has held ceremony"
    assert seeds[SEED_001].title == "PM Phạm Minh Chính gave reception in Hà Nội for Chinese Ambassador to Việt Nam He Wei"
    assert seeds[SEED_002].title == "Past and upcoming visits by Vietnamese and Chinese leaders demonstrate support"
    assert seeds[SEED_003].title == "Convergence of development stages for Việt Nam and China will create momentum"


@pytest.mark.parametrize(
    "name, iso",
    [(SEED_000, "2026-01-24"), (SEED_001, "2026-02-09"), (SEED_002, "2025-08-31")],
)
def test_header_date_is_publication_date_not_inferred(seeds, name, iso):
    date = seeds[name].date
    assert date.value is not None and date.value.iso() == iso
    assert date.value.precision == "day"
    assert date.inferred is False
    assert date.how == "header"


def test_seed_without_header_or_date_in_text_has_unknown_inferred_date(seeds):
    date = seeds[SEED_003].date
    assert date.value is None
    assert date.inferred is True
    assert date.how == "unknown"
    assert seeds[SEED_003].id.startswith("undated-")


def test_seed_004_publication_month_inferred_from_text(seeds):
    date = seeds[SEED_004].date
    assert date.value == DatePoint(2024, 8)
    assert date.value.iso() == "2024-08"
    assert date.inferred is True
    assert date.how == "inferred from text"


@pytest.mark.parametrize(
    "name, dateline",
    [(SEED_000, "BEIJING"), (SEED_001, "HÀ NỘI"), (SEED_002, "BEIJING"), (SEED_003, "HÀ NỘI"), (SEED_004, None)],
)
def test_dateline_is_metadata(seeds, name, dateline):
    assert seeds[name].dateline == dateline


@pytest.mark.parametrize(
    "name, credit",
    [(SEED_000, "VNS"), (SEED_001, "VNA/VNS"), (SEED_002, "VNS"), (SEED_003, "VNA/VNS"), (SEED_004, None)],
)
def test_closing_credit_becomes_source(seeds, name, credit):
    assert seeds[name].source == credit


@pytest.mark.parametrize(
    "name, lead_start",
    [
        (SEED_000, "The Consulate General of Việt Nam in Chongqing, China, has held a ceremony"),
        (SEED_001, "Prime Minister Phạm Minh Chính gave a reception in Hà Nội on Sunday"),
        (SEED_002, "The past and upcoming visits by high-ranking Vietnamese and Chinese leaders"),
        (SEED_003, "The convergence of important development stages for Việt Nam and China"),
        (SEED_004, "General Secretary of the Communist Party of Vietnam’s Central Committee"),
    ],
)
def test_header_date_and_dateline_become_metadata_not_body(seeds, name, lead_start):
    article = seeds[name]
    body = article.body
    assert body.startswith(lead_start)
    assert not body.lstrip().startswith("date ")
    assert " date 20" not in body[:40]
    assert not body.startswith(("BEIJING", "HÀ NỘI"))
    assert "—" not in body[:5]


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_closing_credit_is_not_left_in_body(seeds, name):
    body = seeds[name].body
    assert not body.rstrip().endswith(("— VNS", "— VNA/VNS", "VNS"))
    assert body == body.strip()
    assert body.endswith(".")


def test_seed_bodies_end_with_last_sentence(seeds):
    assert seeds[SEED_000].body.endswith("China – Việt Nam community with a shared future that carries strategic significance.")
    assert seeds[SEED_001].body.endswith("promoting the continued advancement of bilateral cooperation.")
    assert seeds[SEED_002].body.endswith("in the region and the world, the ambassador concluded.")
    assert seeds[SEED_003].body.endswith("a positive contribution to peace and development in the region and the world.")


# --- seed 004: captions, headings, pull quotes, carousel ------------------------


def test_repeated_photo_captions_kept_once_with_credit(seeds, repo_root):
    article = seeds[SEED_004]
    raw = (repo_root / "seeds" / SEED_004).read_text(encoding="utf-8")
    raw_captions = [line[: -len(" (Photo: VNA)")] for line in raw.split("\n") if line.endswith("(Photo: VNA)")]
    unique = list(dict.fromkeys(raw_captions))
    assert len(raw_captions) == 2 * len(unique) == 16

    caption_blocks = [b for b in article.blocks if b.kind == "caption"]
    assert [article.body[b.start:b.end] for b in caption_blocks] == unique
    assert all(b.credit == "Photo: VNA" for b in caption_blocks)
    for caption in unique:
        assert article.body.count(caption) == 1, caption
    assert "(Photo: VNA)" not in article.body
    assert "(Photo" not in article.body


def test_short_unpunctuated_lines_become_headings(seeds):
    assert block_texts(seeds[SEED_004], "heading") == [
        "Affirmation of major orientations",
        "Opening a new development phase",
    ]


def test_pull_quotes_are_followed_by_attribution_blocks(seeds):
    article = seeds[SEED_004]
    kinds = [b.kind for b in article.blocks]
    quote_positions = [i for i, kind in enumerate(kinds) if kind == "quote"]
    assert len(quote_positions) == 3
    for i in quote_positions:
        assert kinds[i + 1] == "attribution"
    assert kinds.count("attribution") == 3
    assert [block_texts(article)[i + 1] for i in quote_positions] == [
        "General Secretary and President of China Xi Jinping",
        "The Ministry of Foreign Affairs of China",
        "Vietnamese Ambassador to China Pham Sao Mai",
    ]
    quotes = block_texts(article, "quote")
    assert quotes[0].startswith("China always remembers the great contributions of comrade Nguyen Phu Trong")
    assert quotes[1].startswith("The Chinese side hopes that through this visit")
    assert quotes[2].startswith("Based on the existing advantages, potentials, needs")
    # the speaker is not part of the quote's text
    assert not quotes[0].endswith("Xi Jinping")


def test_carousel_residue_dropped(seeds):
    assert "Item 1 of 4" not in seeds[SEED_004].body
    assert not re.search(r"Item \d+ of \d+", seeds[SEED_004].body)


# --- blocks and offsets --------------------------------------------------------


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_blocks_locate_their_text_and_are_separated_by_blank_line(seeds, name):
    article = seeds[name]
    blocks = article.blocks
    assert blocks
    assert blocks[0].start == 0
    assert blocks[-1].end == len(article.body)
    for block in blocks:
        text = article.body[block.start:block.end]
        assert text and text == text.strip()
        assert "\n" not in text
    for prev, nxt in zip(blocks, blocks[1:]):
        assert nxt.start == prev.end + 2
        assert article.body[prev.end:nxt.start] == "\n\n"
    assert article.body == "\n\n".join(block_texts(article))


def test_block_lines_point_into_the_seed_file(seeds, repo_root):
    article = seeds[SEED_004]
    raw_lines = (repo_root / "seeds" / SEED_004).read_text(encoding="utf-8").split("\n")
    heading = next(b for b in article.blocks if b.kind == "heading")
    assert raw_lines[heading.line - 1] == "Affirmation of major orientations"
    attribution = next(b for b in article.blocks if b.kind == "attribution")
    assert raw_lines[attribution.line - 1] == "General Secretary and President of China Xi Jinping"


# --- Unicode and line endings --------------------------------------------------


def test_vietnamese_diacritics_survive_in_nfc(seeds):
    body = seeds[SEED_001].body
    name = unicodedata.normalize("NFC", "Phạm Minh Chính")
    assert name in body
    assert unicodedata.is_normalized("NFC", body)
    assert seeds[SEED_001].dateline == unicodedata.normalize("NFC", "HÀ NỘI")


def test_snippet_body_is_byte_for_byte_the_source_text(tmp_path):
    article = read_bytes_seed(tmp_path, SNIPPET.encode("utf-8"))
    assert lead_of(article) == SNIPPET_LEAD
    assert lead_of(article).encode("utf-8") == SNIPPET_LEAD.encode("utf-8")
    assert article.dateline == "HÀ NỘI"
    assert article.source == "VNA/VNS"
    assert article.date.value == DatePoint(2026, 2, 9)


def test_nfd_input_gives_nfc_body(tmp_path):
    nfd = unicodedata.normalize("NFD", SNIPPET)
    assert nfd != SNIPPET
    nfd_article = read_bytes_seed(tmp_path, nfd.encode("utf-8"), "nfd.txt")
    nfc_article = read_bytes_seed(tmp_path, SNIPPET.encode("utf-8"), "nfc.txt")
    assert unicodedata.is_normalized("NFC", nfd_article.body)
    assert nfd_article.body == nfc_article.body
    assert "Phạm Minh Chính" in nfd_article.body
    assert nfd_article.dateline == "HÀ NỘI"
    assert nfd_article.title == nfc_article.title


def test_utf8_bom_is_dropped(tmp_path):
    with_bom = read_bytes_seed(tmp_path, b"\xef\xbb\xbf" + SNIPPET.encode("utf-8"), "bom.txt")
    plain = read_bytes_seed(tmp_path, SNIPPET.encode("utf-8"), "plain.txt")
    assert "\ufeff" not in with_bom.body
    assert "\ufeff" not in with_bom.raw
    assert with_bom.body == plain.body
    assert with_bom.date == plain.date  # the header is still seen behind the BOM
    assert with_bom.dateline == "HÀ NỘI"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_crlf_and_cr_line_endings_give_same_article_as_lf(tmp_path, newline):
    lf = read_bytes_seed(tmp_path, SNIPPET.encode("utf-8"), "lf.txt")
    other = read_bytes_seed(tmp_path, SNIPPET.replace("\n", newline).encode("utf-8"), "other.txt")
    assert "\r" not in other.body
    assert other.body == lf.body
    assert [(b.kind, b.start, b.end, b.line) for b in other.blocks] == [(b.kind, b.start, b.end, b.line) for b in lf.blocks]
    assert (other.title, other.date, other.dateline, other.source) == (lf.title, lf.date, lf.dateline, lf.source)


# --- front matter ----------------------------------------------------------------


def test_front_matter_overrides_title_dateline_source_and_date(tmp_path):
    data = ("---\ntitle: X\ndateline: HUẾ\nsource: VNA\ndate: 2024-05-01\n---\n" + UNDATED_LEAD).encode("utf-8")
    article = read_bytes_seed(tmp_path, data)
    assert article.title == "X"
    assert article.title_derived is False
    assert article.dateline == "HUẾ"
    assert article.source == "VNA"
    assert article.date.value == DatePoint(2024, 5, 1)
    assert article.date.inferred is False
    assert article.date.how == "front matter"
    assert article.body.startswith("The Chinese diplomat made the remark")
    assert "---" not in article.body and "title:" not in article.body
    assert article.warnings == []


def test_header_date_wins_over_different_front_matter_date_with_warning(tmp_path):
    data = ("---\ndate: 2024-05-01\n---\n" + SNIPPET).encode("utf-8")
    path = write_seed(tmp_path, data)
    article = read_seed(path)
    assert article.date.value == DatePoint(2026, 2, 9)
    assert article.date.inferred is False
    assert article.date.how == "header"
    assert len(article.warnings) == 1
    warning = article.warnings[0]
    assert warning.startswith(f"{path}:")
    assert "2024-05-01" in warning and "2026-02-09" in warning


def test_date_conflict_warning_names_a_line_holding_one_of_the_dates(tmp_path):
    data = ("---\ndate: 2024-05-01\n---\n" + SNIPPET).encode("utf-8")
    path = write_seed(tmp_path, data)
    warning = read_seed(path).warnings[0]
    # line 2 is `date: 2024-05-01`, line 4 the ` date 2026-02-09` header
    assert warning.startswith((f"{path}:2:", f"{path}:4:")), warning


def test_same_front_matter_and_header_date_gives_no_warning(tmp_path):
    data = ("---\ndate: 2026-02-09\n---\n" + SNIPPET).encode("utf-8")
    article = read_bytes_seed(tmp_path, data)
    assert article.warnings == []
    assert article.date.how == "header"


# --- errors: BuildError naming file and line ------------------------------------


def test_invalid_utf8_byte_names_its_line(tmp_path):
    data = b"HA NOI \xe2\x80\x94 The lead sentence is here.\n\nSecond line \xff is broken.\n"
    path = write_seed(tmp_path, data)
    err = expect_build_error(path, 3)
    assert "UTF-8" in str(err)
    assert "0xff" in str(err)


def test_invalid_utf8_byte_line_is_right_with_cr_line_endings(tmp_path):
    data = b"HA NOI \xe2\x80\x94 The lead sentence is here.\r\rSecond line \xff is broken.\r"
    path = write_seed(tmp_path, data)
    expect_build_error(path, 3)


def test_impossible_header_date_is_an_error_on_line_1(tmp_path):
    path = write_seed(tmp_path, SNIPPET.replace("2026-02-09", "2026-02-30").encode("utf-8"))
    err = expect_build_error(path, 1)
    assert "2026-02-30" in str(err)


def test_header_date_error_after_front_matter_names_header_line(tmp_path):
    data = ("---\ntitle: X\n---\n" + SNIPPET.replace("2026-02-09", "2026-13-01")).encode("utf-8")
    path = write_seed(tmp_path, data)
    expect_build_error(path, 4)


def test_unclosed_front_matter_is_an_error(tmp_path):
    path = write_seed(tmp_path, ("---\ntitle: X\n\n" + UNDATED_LEAD).encode("utf-8"))
    err = expect_build_error(path, 1)
    assert "never closed" in str(err)


def test_invalid_yaml_front_matter_names_line_inside_block(tmp_path):
    data = ("---\ntitle: X\ndateline: HUẾ\nsource: VNA: VNS\n---\n" + UNDATED_LEAD).encode("utf-8")
    path = write_seed(tmp_path, data)
    err = expect_build_error(path, 4)
    assert "YAML" in str(err)


def test_unknown_front_matter_key_names_its_line(tmp_path):
    data = ("---\ntitle: X\ndate: 2024-05-01\nauthor: Bob\n---\n" + UNDATED_LEAD).encode("utf-8")
    path = write_seed(tmp_path, data)
    err = expect_build_error(path, 4)
    assert "'author'" in str(err)


def test_front_matter_date_that_is_not_a_date_names_its_line(tmp_path):
    data = ("---\ntitle: X\ndate: May 2024\n---\n" + UNDATED_LEAD).encode("utf-8")
    path = write_seed(tmp_path, data)
    expect_build_error(path, 3)


def test_empty_file_is_an_error(tmp_path):
    path = write_seed(tmp_path, b"")
    err = expect_build_error(path, 1)
    assert "no article text" in str(err)


def test_whitespace_only_file_is_an_error(tmp_path):
    path = write_seed(tmp_path, b"   \n\n \t \n")
    with pytest.raises(BuildError) as info:
        read_seed(path)
    err = info.value
    assert re.match(rf"{re.escape(str(path))}:\d+: .*no article text", str(err)), str(err)
    assert err.line is not None and err.line >= 1


def test_file_with_only_header_is_an_error(tmp_path):
    path = write_seed(tmp_path, b" date 2026-02-09 \n\n")
    with pytest.raises(BuildError) as info:
        read_seed(path)
    assert str(info.value).startswith(f"{path}:")
    assert "no article text" in str(info.value)


@pytest.mark.parametrize("separator", ["\n", "\n\n"], ids=["own-line", "own-paragraph"])
def test_credit_on_its_own_line_becomes_source(tmp_path, separator):
    text = SNIPPET.replace(" — VNA/VNS\n", separator + "— VNA/VNS\n")
    article = read_bytes_seed(tmp_path, text.encode("utf-8"))
    assert article.source == "VNA/VNS"
    assert not article.body.endswith("VNS")
    assert article.body.endswith("Việt Nam – China relations.")


def test_parse_seed_without_display_path_names_file(tmp_path):
    with pytest.raises(BuildError) as info:
        parse_seed(b"", "empty.txt")
    assert str(info.value).startswith("empty.txt:1: ")


# --- derive_title ------------------------------------------------------------------


LONG_LEAD = (
    "General Secretary and President of the Communist Party of Vietnam To Lam will pay a state visit "
    "to the People's Republic of China at the invitation of the Chinese leadership."
)


def test_long_lead_gives_title_within_limit_on_whole_words():
    title = derive_title(LONG_LEAD)
    assert title == "General Secretary and President of Communist Party of Vietnam To Lam will pay state visit"
    assert len(title) <= 90
    lead_words = set(words(LONG_LEAD))
    assert all(w in lead_words for w in words(title))
    assert title.split()[-1].lower() not in WEAK_ENDINGS


def test_title_cut_drops_trailing_function_word():
    # Cutting at the last space before 90 characters would leave "… Cao and".
    lead = "Vietnamese leaders praised railway connectivity projects linking Lao Cai Lang Son Cao and Quang Ninh provinces with Guangxi."
    assert lead[:89].endswith(" Cao and") and len(lead) > 90
    title = derive_title(lead)
    assert title == "Vietnamese leaders praised railway connectivity projects linking Lao Cai Lang Son Cao"
    assert not title.endswith((" and", " of", " the"))


@pytest.mark.parametrize(
    "lead",
    [
        LONG_LEAD,
        "Vietnamese and Chinese delegations discussed cooperation in trade and investment and the development "
        "of the border economic zones of the two countries and their provinces.",
        "Deputy Prime Minister Bùi Thanh Sơn held talks with Chinese Foreign Minister Wang Yi in Beijing on "
        "Monday to discuss the implementation of the common perceptions of the top leaders.",
        "Vietnamese leaders praised railway connectivity projects linking Lao Cai Lang Son Cao and Quang Ninh.",
        "Supercalifragilisticexpialidociousness " * 4,
    ],
)
def test_derived_title_never_exceeds_limit_nor_ends_weak(lead):
    title = derive_title(lead)
    assert 0 < len(title) <= 90
    assert title.split()[-1].lower() not in WEAK_ENDINGS
    assert not title.endswith((",", ";", ":", "-", "—", " "))
    lead_words = set(words(lead)) | set(HEADLINE_ABBREVIATIONS)
    assert all(w in lead_words or w[:1].lower() + w[1:] in lead_words for w in words(title)), title


def test_parenthetical_is_removed_from_title():
    title = derive_title("The Ministry of Foreign Affairs (MoFA) held a press conference in Hà Nội.")
    assert title == "Ministry of Foreign Affairs held press conference in Hà Nội"
    assert "(" not in title and "MoFA" not in title


def test_relative_day_is_removed_from_title():
    title = derive_title("Chinese Ambassador He Wei visited the Vietnamese embassy in Beijing on Sunday.")
    assert title == "Chinese Ambassador He Wei visited Vietnamese embassy in Beijing"
    assert "Sunday" not in title and not title.endswith(" on")


def test_only_first_sentence_is_used_for_title():
    assert derive_title("Leaders met in Hà Nội. They discussed trade.") == "Leaders met in Hà Nội"


def test_empty_lead_gives_placeholder_title():
    assert derive_title("   ") == "Untitled article"


def test_a_headline_is_never_cut_inside_a_compound_preposition():
    title = derive_title("Deputy Prime Minister Trần Văn Lâm received a delegation of the Mekong River Commission "
                         "in Cần Thơ on Friday, ahead of the commission's annual meeting in May.")
    assert not title.endswith(("ahead", ",")) and title.endswith("Cần Thơ"), title


def test_a_credit_of_several_words_on_its_own_line_names_the_outlet():
    seed = " date 2026-03-10 MILLBROOK — The council met on Tuesday.\n\nIt meets again in May.\n— Millbrook Ledger\n"
    article = parse_seed(seed.encode(), "a.txt")
    assert article.source == "Millbrook Ledger" and article.body.endswith("again in May.")
    quoted = " date 2026-03-10 MILLBROOK — The council met on Tuesday.\n\nWe meet again in May.\n— Janet Okafor\n"
    assert parse_seed(quoted.encode(), "b.txt").source is None  # a name alone is no outlet


def test_a_slug_spells_a_ligature_as_its_letters():
    from builder.text import slugify

    assert slugify("Søren Kjærsgaard") == "soren-kjaersgaard" and slugify("Straße") == "strasse"
    assert slugify("Hüseyin Kocabıyık") == "huseyin-kocabiyik"  # a Turkish dotless i is an i
    assert slugify("Rauf Məmmədov") == "rauf-mammadov"  # an Azerbaijani schwa is an a
    assert slugify("Ħamrun") == "hamrun"  # a Maltese barred h is an h
    assert slugify("Kieran O'Donnell") == "kieran-odonnell" and slugify("Wanjiru Ndung'u") == "wanjiru-ndungu"
    assert slugify("Xi’an People’s Court") == "xian-peoples-court" and slugify("the 'Lotus' trip") == "the-lotus-trip"


def test_a_page_whose_first_line_is_its_date_stamp_has_no_title_there_and_is_dated_by_it():
    raw = ("Tuesday, 10 February 2026 19:44 WIB\n\nDenpasar, Bali (ANTARA) - Dentists from 24 countries gathered in "
           "Bali on Tuesday for a congress.\n").encode()
    article = parse_seed(raw, "x.txt", "x.txt")
    assert (article.date.value.iso(), article.date.how) == ("2026-02-10", "date line in text")
    assert article.title.startswith("Denpasar, Bali")
    raw = ("PUBLISHED : 4 Jun 2026 at 04:00\n\nWRITER: Malee Srisai\n\nTamarind growers are shipping more fruit to "
           "China this season.\n").encode()
    article = parse_seed(raw, "y.txt", "y.txt")
    assert article.date.value.iso() == "2026-06-04" and article.title.startswith("Tamarind growers")
    raw = ("MINH ANH TRAN, Nikkei staff writer\n\nOctober 29, 2026 13:05 JST\n\nHANOI -- Lift makers are winning "
           "orders.\n").encode()
    article = parse_seed(raw, "z.txt", "z.txt")  # (a byline first is no title either)
    assert article.date.value.iso() == "2026-10-29" and "Lift makers" in article.title
    raw = "ANA REYES\n\nPublished 6:15 PM, February 5, 2026\n\nMANILA - Jeepney makers met.\n".encode()
    article = parse_seed(raw, "w.txt", "w.txt")  # (nor a name in capitals over the stamp)
    assert article.date.value.iso() == "2026-02-05" and "Jeepney makers" in article.title
    raw = "Lim Wei Ling\n\nPublished Dec 3, 2026, 05:00 PM\n\nSINGAPORE – Port volumes rose.\n".encode()
    article = parse_seed(raw, "v.txt", "v.txt")  # (nor a writer's name over it: the name stays in the body)
    assert "Port volumes" in article.title and article.body.startswith("Lim Wei Ling")


def test_a_stamp_under_a_byline_without_a_blank_line_between_dates_the_page_and_leaves_the_byline_alone():
    raw = ("Rubber growers ship more latex north\n\nBy Khamla Sithong\n(Latest Update March 9, 2026)\n\n"
           "Rubber growers in Luang Namtha sent more latex to China this year.\n").encode()
    article = parse_seed(raw, "x.txt", "x.txt")
    assert (article.date.value.iso(), article.date.how) == ("2026-03-09", "date line in text")
    assert article.body.startswith("By Khamla Sithong\n\n(Latest Update March 9, 2026)")
    raw = "Jana Horáková\n3. 2. 2026 09:15\n\nGlassworks in Nový Bor hired more staff.\n".encode()
    article = parse_seed(raw, "y.txt", "y.txt")  # a writer's name over a stamp is no title
    assert article.date.value.iso() == "2026-02-03" and article.title.startswith("Glassworks")


def test_a_broadcasts_caption_over_a_quote_keeps_the_name_the_post_and_the_quote_apart():
    raw = ("Institute trains chip engineers\n\nUpdated: 2026-06-30 17:05:32 KST\n\nThe institute opened a clean room.\n\n"
           "Park Seung-hoon\nCountry Director, KOICA Vietnam\n\"This is the kind of project we fund.\"\n\n"
           "Ha Thi Mai\nsaid the course was full.\n").encode()
    article = parse_seed(raw, "x.txt", "x.txt")
    assert 'Park Seung-hoon\n\nCountry Director, KOICA Vietnam\n\n"This is the kind of project we fund."' in article.body
    assert "Ha Thi Mai said the course was full." in article.body  # no post line: one line of prose
