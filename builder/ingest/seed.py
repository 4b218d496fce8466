"""Ingest stage: read a raw seed file into an `Article`.

The raw format is scraped wire copy, read as an editor would:

- an optional YAML front-matter block (`---` … `---`) where a publisher
  overrides `title`, `date`, `dateline` and `source`;
- an optional ` date YYYY-MM-DD` header, on the same line as the lead, which
  may open with a dateline in capitals (`BEIJING —`, `HÀ NỘI —`);
- an optional title line (a short first line with no closing punctuation);
- paragraphs separated by blank lines; section headings (short lines with no
  closing punctuation); photo captions ending in `(Photo: VNA)`, which the
  scrape repeats (one is kept); pull quotes whose last line is the speaker (an `attribution` block);
  carousel residue (`Item 1 of 4`, dropped);
- a closing credit (`— VNS`, `— VNA/VNS`) that becomes the article's source.

Text is decoded as UTF-8 and normalised to NFC; line endings to `\\n`;
control characters are dropped (with a warning naming the line) and runs of
spaces inside a line become one space. Anything unreadable raises `BuildError`
naming the file and line; so does a file larger than `MAX_SEED_BYTES`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from builder.dates import infer_publication_date, opens_with_dateline, stamped_day
from builder.ingest.corrections import parse_corrections
from builder.ingest.frontmatter import key_line, split_front_matter
from builder.model import (
    Article,
    Block,
    BuildError,
    BuildErrors,
    DatePoint,
    PublicationDate,
)
from builder.text import nfc, slugify

FRONT_MATTER_KEYS = {"title", "date", "dateline", "source", "corrections"}
TITLE_MAX = 90
# One wire article is a few kilobytes (the longest seed is 14 KB). A file far
# beyond that is a wrong file or several articles pasted together; annotation
# time grows faster than linearly with the number of mentions, so it is refused.
MAX_SEED_BYTES = 256 * 1024
# C0/C1 control characters other than tab and newline: invisible residue of a scrape.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): an RLO in a title
# would show the rest of the line, and whatever a page puts after it, reversed. Dropped from seeds and
# registry pages (`BIDI_CONTROLS`), so no page and no Markdown file ever carries one.
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Two or more blanks inside a line: collapsed to one space (also keeps every pattern linear).
_BLANK_RUN = re.compile(r"[^\S\n]{2,}")

_HEADER = re.compile(r"^[ \t]*date[ \t]+(\S+)[ \t]*(.*)$")
_DATELINE = re.compile(r"^([^\W\d_][^\W\d_ .,'’-]*(?:[ .,'’-]+[^\W\d_]+){0,4})[ \t]*[—–-]+(?:[ \t]+|$)")
_CREDIT = re.compile(r"(?:^|[ \t]+)[—–-]+[ \t]*([A-Z][A-Za-z]{1,11}(?:/[A-Z][A-Za-z]{1,11}){0,3})[ \t]*$")
# A credit of several words stands on a line of its own and names an outlet by its kind ("— Millbrook
# Ledger", "— Xinhua News Agency"); a name alone there is a quote's attribution.
_OUTLET_CREDIT = re.compile(
    r"^[ \t]*[—–-]+[ \t]*((?:[A-Z][\w'’&.-]*[ \t]+){1,4}(?:Ledger|News|Times|Post|Agency|Press|Herald|Daily|Tribune|"
    r"Journal|Gazette|Radio|Television|TV|Wire|Service|Online|Media|Chronicle|Courier|Observer|Review))[ \t]*$")
_PHOTO = re.compile(r"[ \t]*\((Photo|Photos|Video|Graphic|Image)s?:[ \t]*([^()]{1,80})\)[ \t]*$", re.I)
_CAROUSEL = re.compile(r"^Item \d+ of \d+$", re.I)
_CLOSING_PUNCT = tuple(".!?:;,\"'”’…)")


@dataclass
class Paragraph:
    lines: list[str]
    line: int  # 1-based line number of the first line

    @property
    def text(self) -> str:
        return " ".join(s.strip() for s in self.lines)


def read_seed(path: Path, display_path: str | None = None) -> Article:
    """Read one seed file; raises BuildError for anything it cannot read. `display_path`: how errors
    and warnings name the file (default: `path`)."""
    path = Path(path)
    shown = display_path or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BuildError(shown, f"cannot read the file ({exc.strerror})") from None
    return parse_seed(data, path.name, display_path=shown)


def decode(data: bytes, display_path: str) -> str:
    """UTF-8 (a BOM is dropped), newlines to `\\n`, NFC. Names the line of a bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].replace(b"\r\n", b"\n")
        line = before.count(b"\n") + before.count(b"\r") + 1
        raise BuildError(
            display_path,
            f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8 and rebuild",
            line,
        ) from None
    if "\x00" in text:
        raise BuildError(display_path, "contains NUL bytes: this is not a text file", text[: text.index("\x00")].count("\n") + 1)
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_seed(data: bytes, file_name: str, display_path: str | None = None) -> Article:
    """Parse a raw seed file's bytes into an Article (mentions not yet filled)."""
    where = display_path or file_name
    if len(data) > MAX_SEED_BYTES:
        raise BuildError(
            where, f"is {len(data) / 1024:,.0f} KB; a seed is one article of at most {MAX_SEED_BYTES // 1024} KB: "
                   "check it is the right file, or split it into one file per article", 1)
    text = decode(data, where)
    warnings: list[str] = []
    if control := _CONTROL.search(text):
        line = text.count("\n", 0, control.start()) + 1
        warnings.append(f"{where}:{line}: control character U+{ord(control.group()):04X} "
                        f"(and {len(_CONTROL.findall(text)) - 1} more) dropped; they are not text")
        text = _CONTROL.sub("", text)
    if bidi := BIDI_CONTROLS.search(text):
        line = text.count("\n", 0, bidi.start()) + 1
        warnings.append(f"{where}:{line}: bidirectional control character U+{ord(bidi.group()):04X} "
                        f"(and {len(BIDI_CONTROLS.findall(text)) - 1} more) dropped; it would reorder the text "
                        "shown after it")
        text = BIDI_CONTROLS.sub("", text)
    lines = _BLANK_RUN.sub(" ", text).split("\n")  # a blank run never spans a newline: as if line by line
    # The front matter keeps its indentation (a list of mappings needs it); its values are collapsed below.
    meta, first_body_line = _front_matter(text.split("\n") if text.startswith("---") else lines, where)

    header_date: DatePoint | None = None
    header_line = _first_nonblank(lines, first_body_line)
    if header_line is not None and (m := _HEADER.match(lines[header_line])):
        header_date = _parse_iso_day(m.group(1), where, header_line + 1)
        lines = lines[:header_line] + [m.group(2)] + lines[header_line + 1 :]

    paras = _stamps_apart(paragraphs(lines, first_body_line))
    if not paras:
        raise BuildError(where, "has no article text; add the article below its header", 1)

    title = meta.get("title")
    title_derived = False
    if (header_date is None and _looks_like_title_line(paras[0]) and len(paras) > 1
            and not ((_NAME_IN_CAPITALS.fullmatch(paras[0].text) and _stamp_or_byline(paras[1].text))
                     or (_WRITERS_NAME.fullmatch(paras[0].text)
                         and (stamped_day(paras[1].text) is not None or opens_with_dateline(paras[1].text))))):
        # (`MARIEL DALISAY` over `Published 6:15 PM, February 5, 2026`, `Tee Shu Fen` over `Published Dec 3, 2026, …`,
        # a writer's name over `Zaragoza, Jun 25 (EFE).- …`: a byline, not a title)
        title = title or paras[0].text
        paras = paras[1:]

    dateline = None
    lead = paras[0]
    if m := _DATELINE.match(lead.lines[0]):
        candidate = m.group(1).strip()
        if candidate.upper() == candidate and any(ch.isalpha() for ch in candidate):
            dateline = candidate
            lead.lines[0] = lead.lines[0][m.end() :]
            if not lead.lines[0]:  # the dateline stood on a line of its own
                lead.lines.pop(0)
                lead.line += 1
                if not lead.lines:
                    paras.pop(0)
                    if not paras:
                        raise BuildError(where, "has only a header and dateline; add the article's text", lead.line - 1)
    dateline = meta.get("dateline", dateline)

    source = None
    last = paras[-1]
    if m := _CREDIT.search(last.lines[-1]) or _OUTLET_CREDIT.match(last.lines[-1]):
        source = m.group(1)
        last.lines[-1] = last.lines[-1][: m.start()].rstrip()
        if not last.lines[-1]:
            last.lines.pop()  # the credit stood on a line of its own
        if not last.lines:
            paras.pop()
    source = meta.get("source", source)

    blocks, body = _blocks(paras)
    if not body.strip():
        raise BuildError(where, "has no article text after its header and credit", 1)

    if header_date is not None:
        pub = PublicationDate(header_date, inferred=False, how="header")
        if "date" in meta and meta["date"] != header_date:
            warnings.append(
                f"{where}:{key_line(lines, 'date', first_body_line)}: front matter date {meta['date'].iso()} "
                f"differs from the header's {header_date.iso()} (line {header_line + 1}); the header wins"
            )
    elif "date" in meta:
        pub = PublicationDate(meta["date"], inferred=False, how="front matter")
    else:
        pub = infer_publication_date(body, title if not title_derived else None)

    if not title:
        # the lead, not the stamp or the byline a page may open with (`Tuesday, 10 February 2026 19:44 WIB`)
        lead = next((b for b in blocks if not _stamp_or_byline(body[b.start:b.end])
                     and not _NAME_IN_CAPITALS.fullmatch(body[b.start:b.end])
                     and not _WRITERS_NAME.fullmatch(body[b.start:b.end])), blocks[0] if blocks else None)
        title = derive_title(body[lead.start : lead.end] if lead else body)
        title_derived = True

    article = Article(
        source_file=file_name,
        raw=text,
        title=title,
        title_derived=title_derived,
        date=pub,
        dateline=dateline,
        source=source,
        body=body,
        blocks=blocks,
        warnings=warnings,
        corrections=meta.get("corrections", []),
    )
    article.slug = slugify(title, max_length=60)
    return article


def _first_nonblank(lines: list[str], start: int) -> int | None:
    for i in range(start, len(lines)):
        if lines[i].strip():
            return i
    return None


def _parse_iso_day(value: str, where: str, line: int) -> DatePoint:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise BuildError(where, f"header date {value!r} is not a real YYYY-MM-DD date; correct it (or remove the "
                                "header to have the date read from the text)", line) from None
    return DatePoint.of(day)


def _front_matter(lines: list[str], where: str) -> tuple[dict, int]:
    """A seed's optional front matter, validated; returns (metadata, first line after it)."""
    meta, end = split_front_matter(lines, where)
    clean: dict = {}
    for key, value in meta.items():
        if key not in FRONT_MATTER_KEYS:
            raise BuildError(
                where, f"unknown front matter key {key!r}; allowed: {', '.join(sorted(FRONT_MATTER_KEYS))}",
                key_line(lines, key, end),
            )
        if key == "date":
            text = value.isoformat() if isinstance(value, dt.date) else str(value)
            try:
                clean["date"] = DatePoint.parse(text)
            except ValueError:
                raise BuildError(where, f"front matter date {text!r} is not a real date of the form YYYY, YYYY-MM or "
                                        "YYYY-MM-DD; correct it",
                                 key_line(lines, key, end)) from None
        elif key == "corrections":
            clean["corrections"] = parse_corrections(value, where, _item_lines(lines, key, end))
        elif isinstance(value, (list, dict)):
            raise BuildError(where, f"front matter `{key}` must be one line of text, not a list or mapping",
                             key_line(lines, key, end))
        elif value is not None and str(value).strip():
            clean[key] = nfc(" ".join(str(value).split()))
    return clean, end


def _item_lines(lines: list[str], key: str, end: int):
    """`line_of(i)`: the line of the i-th `- ` item of the front matter's list `key` (None: the key's)."""
    first = key_line(lines, key, end)
    items = []
    for i in range(first, end - 1):
        line = lines[i]
        if line[:1].strip() and not line.startswith("-"):
            break  # the next key
        if line.lstrip().startswith("- ") and len(line) - len(line.lstrip()) <= 2:
            items.append(i + 1)
    return lambda i: first if i is None else (items[i] if i < len(items) else first)


def paragraphs(lines: list[str], start: int) -> list[Paragraph]:
    """The blocks of non-blank lines from `start` on (each line stripped), with their 1-based first lines."""
    paras: list[Paragraph] = []
    current: list[str] = []
    first = 0
    for i in range(start, len(lines)):
        line = lines[i].rstrip()
        if line.strip():
            if not current:
                first = i + 1
            current.append(line.strip())
        elif current:
            paras.append(Paragraph(current, first))
            current = []
    if current:
        paras.append(Paragraph(current, first))
    return paras


_STAMP_PARAGRAPHS = 3  # a page prints its by-line and stamp above the story


def _stamps_apart(paras: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with each date stamp on a line of its own among the first ones made a paragraph of its
    own: a by-line over its stamp (`By Phouvong Sinsap` / `(Latest Update August 25, 2026)`), copied without
    a blank line between, is two things, not one line of prose that hides both; and so is each line of a by-line's
    block of short lines, after the title."""
    out: list[Paragraph] = []
    for index, para in enumerate(paras):
        if (len(para.lines) > 2 and _CAPTION_NAME.fullmatch(para.lines[0]) and _CAPTION_POST.fullmatch(para.lines[1])
                and para.lines[2].lstrip()[:1] in _QUOTE_MARKS):
            # a broadcast's caption over what the speaker says (`Dao Thi Lan Phuong` / `Director, VKIST` / `"…"`):
            # the name, the post and the quote, not one line of prose
            out.extend(Paragraph([line], para.line + offset) for offset, line in enumerate(para.lines[:2]))
            out.append(Paragraph(para.lines[2:], para.line + 2))
            continue
        if index >= _STAMP_PARAGRAPHS or len(para.lines) < 2:
            out.append(para)
            continue
        if index and all(_is_short_unpunctuated(line, 4) for line in para.lines):
            # a by-line's lines (`Ioana Țurcanu` / `Bucharest` / `BIRN`, `Abena Owusu-Ansah` / `BBC News, Accra`):
            # each a thing of its own, not one line of prose
            out.extend(Paragraph([line], para.line + offset) for offset, line in enumerate(para.lines))
            continue
        current: list[str] = []
        first = para.line
        for offset, line in enumerate(para.lines):
            if stamped_day(line) is not None:
                if current:
                    out.append(Paragraph(current, first))
                out.append(Paragraph([line], para.line + offset))
                current, first = [], para.line + offset + 1
            else:
                current.append(line)
        if current:
            out.append(Paragraph(current, first))
    return out


# A caption's name line (two to four capitalised words) and its post line (`Country Director, KOICA Vietnam`).
_CAPTION_NAME = re.compile(r"[ \t]*[A-ZÀ-Ỹ][^\W\d_]+(?:-[^\W\d_]+)?(?:[ \t]+[A-ZÀ-Ỹ][^\W\d_]+(?:-[^\W\d_]+)?){1,3}[ \t]*")
_CAPTION_POST = re.compile(r"[ \t]*(?:[A-Z][\w’'-]*[ \t]+){0,3}[A-Z][a-z]+,[ \t]+[A-Z][^,.;:!?\n]{1,60}")
_QUOTE_MARKS = ('"', "“", "‘", "'")


def _is_short_unpunctuated(line: str, max_words: int) -> bool:
    words = line.split()
    return (
        0 < len(words) <= max_words
        and not line.rstrip().endswith(_CLOSING_PUNCT)
        and line.lstrip()[:1].isupper()
    )


def _stamp_or_byline(text: str) -> bool:
    """A paragraph that is a page's date stamp or byline line, never its lead."""
    return "\n" not in text and len(text) <= 160 and (stamped_day(text) is not None or bool(_BYLINE_LINE.match(text)))


# A byline as papers print it: `By Nurul Aina Zakaria`, `Reporter: …`, `Mom Rachana / Khmer Times`, `Arya Nugraha
# Pratama (The Jakarta Post)`, `MASATO KUROIWA, Nikkei staff writer`.
_BYLINE_LINE = re.compile(
    r"(?i:by|writers?|reporters?|editors?)(?:[ \t]*:|[ \t])"
    r"|[A-ZÀ-Ỹ][^/|()\n]{2,50}[ \t][/|][ \t][A-Z][^/|()\n]{1,50}$"
    r"|[A-ZÀ-Ỹ][^/|()\n]{2,50}[ \t]\((?:The[ \t])?[A-Z][\w .&'’-]{1,40}\)$"
    r"|[A-ZÀ-Ỹ][^,\n]{2,50},[ \t][^,\n]{0,40}(?i:staff[ \t]writer|correspondent|reporter|staff)$")


_NAME_IN_CAPITALS = re.compile(r"[A-Z][A-Z’'-]+(?:[ \t][A-Z][A-Z’'-]+){1,2}")
# A writer's name alone, two or three capitalised words (`Tee Shu Fen`, `Wahyu Ardiansyah`).
_WRITERS_NAME = re.compile(r"[A-ZÀ-Ỹ][a-zà-ỹ’'-]+(?:[ \t][A-ZÀ-Ỹ][a-zà-ỹ’'-]+){1,2}")


def _looks_like_title_line(para: Paragraph) -> bool:
    # (a first line that is the page's date stamp or its byline is no title: `Tuesday, 10 February 2026 19:44 WIB`)
    return (len(para.lines) == 1 and _is_short_unpunctuated(para.lines[0], 25) and not _DATELINE.match(para.lines[0])
            and stamped_day(para.lines[0]) is None and not _BYLINE_LINE.match(para.lines[0]))


def _blocks(paras: list[Paragraph]) -> tuple[list[Block], str]:
    """Classify paragraphs into blocks and join them into the clean body text."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    previous_caption: tuple[str, str] | None = None

    def add(kind: str, text: str, line: int, credit: str | None = None) -> None:
        nonlocal offset
        if parts:
            offset += 2
        blocks.append(Block(kind, offset, offset + len(text), credit=credit, line=line))
        parts.append(text)
        offset += len(text)

    for para in paras:
        text = para.text
        if _CAROUSEL.match(text):
            continue
        # A credit ends the paragraph with `)`: only then is it searched for (from every position).
        if text.rstrip(" \t").endswith(")") and (m := _PHOTO.search(text)):
            caption, credit = text[: m.start()].strip(), f"{m.group(1).title()}: {m.group(2).strip()}"
            if previous_caption == (caption, credit):
                continue  # the scrape repeats every caption
            previous_caption = (caption, credit)
            add("caption", caption, para.line, credit=credit)
            continue
        previous_caption = None
        if len(para.lines) > 1 and _is_short_unpunctuated(para.lines[-1], 14):
            add("quote", " ".join(para.lines[:-1]), para.line)
            add("attribution", para.lines[-1].strip(), para.line + len(para.lines) - 1)
        elif len(para.lines) == 1 and _is_short_unpunctuated(text, 12):
            add("heading", text, para.line)
        else:
            add("paragraph", text, para.line)
    return blocks, "\n\n".join(parts)


# --- titles -----------------------------------------------------------------

_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:[^,]{3,120}?)\s+(?:said|says|told [\w ]{2,20}|stated|noted|stressed|affirmed)\s*$"
)
_ATTRIBUTION_LEAD = re.compile(r"^(?:According to [^,]{3,80}),\s+")
_RELATIVE_TIME = re.compile(
    r"\s+(?:on|last|this|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)\b"
    r"|\s+(?:yesterday|today|tomorrow)\b"
)
_HEADLINE_ABBREVIATIONS = (("Prime Minister ", "PM "), ("Deputy PM ", "Deputy PM "))
_ARTICLES = re.compile(r"(?<=\s)(?:a|an|the)\s+")
# Evaluative modifiers a sub-editor strikes first when a headline runs long.
_FLUFF = re.compile(
    r"\b(?:important|strong|unprecedented|significant|high-ranking|high-level|close-knit|"
    r"great|greater|vibrant|fruitful|steady|tangible|robust|historic|grand)(?:,?\s+(?:and\s+)?)(?=\w)"
)
# Where a headline may end: before a clause or a prepositional phrase.
_CUT_POINTS = re.compile(
    r",\s|\s[–—-]\s|\s(?=(?:while|as|ahead of|after|before|amid|to|for|with|from|at|on|in|between|of|that|which)\s)"
)
_WEAK_ENDINGS = {"a", "an", "the", "of", "to", "and", "or", "for", "with", "in", "on", "at", "by", "from", "as", "its", "their",
                 # the first word of a compound preposition ("ahead of", "according to"): cut before it
                 "ahead", "according", "due", "prior", "instead", "because", "along", "together"}


def derive_title(lead: str, limit: int = TITLE_MAX) -> str:
    """A headline from the lead, as a sub-editor would write it: at most `limit` characters.

    First sentence; no parentheticals, attributions or relative time words
    ("on Sunday" means nothing in an archive); headline abbreviations and no
    articles; then cut at the last clause boundary that fits, never mid-word.
    """
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"‘])", lead.strip(), maxsplit=1)[0]
    text = _PARENTHETICAL.sub("", sentence).strip().rstrip(".!?")
    text = _ATTRIBUTION_LEAD.sub("", text)
    text = _ATTRIBUTION_TAIL.sub("", text)
    text = _RELATIVE_TIME.sub("", text)
    for long, short in _HEADLINE_ABBREVIATIONS:
        text = text.replace(long, short)
    text = re.sub(r"^(?:The|A|An)\s+", "", text)
    text = _ARTICLES.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:–—-")
    if len(text) > limit:
        text = _FLUFF.sub("", text)
    if len(text) > limit:
        text = _cut(text, limit)
    return text[:1].upper() + text[1:] if text else "Untitled article"


def _cut(text: str, limit: int) -> str:
    cuts = [m.start() for m in _CUT_POINTS.finditer(text) if 30 <= m.start() <= limit]
    if cuts:
        text = text[: cuts[-1]]
    else:
        text = text[: limit + 1]
        text = text[: text.rfind(" ")] if " " in text else text[:limit]
    words = text.rstrip(" ,;:–—-").split(" ")
    while len(words) > 3 and words[-1].lower() in _WEAK_ENDINGS:
        words.pop()
    return " ".join(words).rstrip(" ,;:–—-")


def collision_suffix(file_name: str) -> str:
    """What an article whose id another article also makes appends to its slug: six hex digits of its
    seed's file name, which no other seed changes."""
    return hashlib.blake2b(file_name.encode("utf-8"), digest_size=3).hexdigest()


def natural_id(article_id: str, file_name: str) -> str:
    """The id an article of seed `file_name` makes from its date and title (`article_id` less its
    collision suffix, if it carries one)."""
    if len(article_id) < 8 or article_id[-7] != "-":  # no room for a suffix: most ids, and no hash to work out
        return article_id
    tail = "-" + collision_suffix(file_name)
    return article_id[: -len(tail)] if article_id.endswith(tail) else article_id


def colliding(ids: dict[str, str]) -> dict[str, list[str]]:
    """{id: its seeds, by name} of every id that two or more seeds make (`ids`: seed name -> natural
    id). Each of those seeds takes its `collision_suffix`: whichever order the seeds come in, and
    however many more collide later, an article's id never depends on the others."""
    by_id: dict[str, list[str]] = {}
    for seed, aid in ids.items():
        by_id.setdefault(aid, []).append(seed)
    return {aid: sorted(seeds) for aid, seeds in sorted((aid, seeds) for aid, seeds in by_id.items() if len(seeds) > 1)}


def collision_warning(folder: str, aid: str, seeds: list[str]) -> str:
    named = " and ".join(f"{folder}/{s}" for s in seeds)
    built = ", ".join(f"{aid}-{collision_suffix(s)}" for s in seeds)
    return (f"{named} make the same article id {aid}; built as {built} (each suffix comes from the seed's "
            "file name; give one a `title:` in front matter to choose its own)")


def duplicate_seeds(hashes: dict[str, str]) -> dict[str, str]:
    """{seed name: the earlier seed (by name) it repeats byte for byte} (`hashes`: seed name -> content hash)."""
    first: dict[str, str] = {}
    out = {}
    for seed in sorted(hashes):
        original = first.setdefault(hashes[seed], seed)
        if original != seed:
            out[seed] = original
    return out


def duplicate_warning(folder: str, seed: str, original: str) -> str:
    return f"{folder}/{seed}: repeats {folder}/{original} byte for byte; built once, as {original}"


def read_articles(seeds: Path, keep_going: bool = False) -> tuple[list[Article], list[BuildError], list[str]]:
    """Ingest every `*.txt` in `seeds`, in name order (for `check` and tools; a build maps them one
    by one instead). Returns the articles, the errors (raised unless `keep_going`) and the warnings."""
    seeds = Path(seeds)
    if not seeds.is_dir():
        raise BuildErrors([BuildError(str(seeds), "seed folder not found; pass --seeds DIR")])
    articles, errors, warnings = [], [], []
    paths = sorted(seeds.glob("*.txt"))
    repeats = duplicate_seeds({p.name: hashlib.blake2b(p.read_bytes(), digest_size=16).hexdigest() for p in paths})
    for path in paths:
        if path.name in repeats:
            warnings.append(duplicate_warning(str(seeds), path.name, repeats[path.name]))
            continue
        try:
            article = read_seed(path)
        except BuildError as exc:
            errors.append(exc)
            continue
        warnings.extend(article.warnings)
        articles.append(article)
    clashes = colliding({a.source_file: a.id for a in articles})
    suffixed = {seed for group in clashes.values() for seed in group}
    for aid, group in clashes.items():
        warnings.append(collision_warning(str(seeds), aid, group))
    for article in articles:
        if article.source_file in suffixed:
            article.slug = f"{article.slug}-{collision_suffix(article.source_file)}"
    if errors and not keep_going:
        raise BuildErrors(errors)
    return articles, errors, warnings
