"""An article page an editor made theirs, read back as the article (ingest's second source of articles).

The build writes `content/articles/<id>.md` with `generated: true` at the top. An editor who removes
that line owns the page: the build never writes it again, and from then on the page, not the seed, is
the article's text (issue 16, item 8). What is read:

- the words: the `# heading` is the title (front matter `title:` only when the page has none); each
  block after the byline is a paragraph, a `## heading`, a `*caption* (credit)` or a `> quote` with
  its `> — attribution`, as `builder.content.markdown.article_markdown` writes them;
- the links: each `[words](../people/<id>.md)` (and mechanisms, organisations, places) and
  `[words](../timeline/<year>.md)` is a mention, wherever the editor put it (`editor_mentions` in
  `builder.annotate.corrections` checks the targets);
- front matter `date:` (the publication date), `dateline:` and `source:`. The byline line is made from
  these, so it is not read; the lists of ids and dates are what the build wrote last and are not read
  either: the links are what counts.

The article keeps the id it had when the editor took the page (its URL does not move when the editor
corrects its title or date), the seed's file name and the seed's `corrections:`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from builder.ingest.frontmatter import key_line, split_front_matter
from builder.ingest.seed import paragraphs
from builder.model import Article, Block, BuildError, DatePoint, PublicationDate
from builder.text import nfc

GENERATED_MARK = "---\ngenerated: true\n"

_LINK = re.compile(r"\[((?:\\.|[^\\\]])*)\]\(([^()\s]+)\)")
_ESCAPE = re.compile(r"\\([\\`*_\[\]<>|#>+\-.)!])")
_ESCAPED_BLOCK_START = re.compile(r"^\\(?=\d+[.)] )")  # `article_markdown` keeps "1. " from becoming a list so
_CAPTION = re.compile(r"^\*((?:\\.|[^\\*])*)\*(?:[ \t]+\(((?:\\.|[^\\])*)\))?$", re.S)
_ATTRIBUTION = re.compile(r"^[—–-]+[ \t]*")


@dataclass
class ArticlePage:
    """What an editor's article page says: its words as blocks of one body, its links in that body."""

    path: str
    title: str | None
    body: str
    blocks: list[Block]
    links: list[tuple[int, int, str]]  # (start, end, target) in `body`
    date: DatePoint | None  # front matter `date:` (none or null: the seed's)
    dateline: str | None
    source: str | None

    def article(self, seed_article: Article) -> Article:
        """The article as this page has it: its words, title and dates; the seed's id, file and corrections."""
        date = seed_article.date  # (the same value: still inferred if the seed's was)
        if self.date is not None and self.date != seed_article.date.value:
            date = PublicationDate(self.date, inferred=False, how="editor's page")
        title = self.title or seed_article.title
        return dataclasses.replace(
            seed_article, title=title, title_derived=seed_article.title_derived and title == seed_article.title,
            date=date, dateline=self.dateline, source=self.source, body=self.body, blocks=self.blocks,
            mentions=[], warnings=list(seed_article.warnings), pinned_id=seed_article.id)


def editor_page_text(articles_dir: Path, article_id: str) -> str | None:
    """The text of `content/articles/<article_id>.md` when an editor made it theirs (removed its
    `generated: true` marker), else None."""
    path = Path(articles_dir) / f"{article_id}.md"
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BuildError(str(path), "is not UTF-8; save it as UTF-8") from None
    text = text.replace("\r\n", "\n")
    return None if text.startswith(GENERATED_MARK) else text


def read_article_page(text: str, where: str) -> ArticlePage:
    """Parse an editor's article page; raises BuildError naming the line of a problem."""
    lines = nfc(text).split("\n")
    meta, first = split_front_matter(lines, where)
    date = None
    if meta.get("date") is not None:
        value = meta["date"]
        value = value.isoformat() if isinstance(value, dt.date) else str(value)
        try:
            date = DatePoint.parse(value)
        except ValueError:
            raise BuildError(where, f"date {value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD; "
                                    "correct it", key_line(lines, "date", first)) from None
    fields = {}
    for key in ("title", "dateline", "source"):
        value = meta.get(key)
        if isinstance(value, (list, dict)):
            raise BuildError(where, f"`{key}` must be one line of text", key_line(lines, key, first))
        fields[key] = " ".join(str(value).split()) if value is not None and str(value).strip() else None

    parts = [("\n".join(para.lines), para.line) for para in paragraphs(lines, first)]
    title = fields["title"]
    if parts and parts[0][0].startswith("# "):
        title = _words(parts.pop(0)[0][2:])[0].strip() or title
        byline = _CAPTION.match(parts[0][0]) if parts else None
        if byline is not None and byline.group(2) is None:
            parts.pop(0)  # the byline: made from the front matter, not read
    blocks: list[Block] = []
    texts: list[str] = []
    links: list[tuple[int, int, str]] = []
    offset = 0

    def add(kind: str, markdown: str, line: int, credit: str | None = None) -> None:
        nonlocal offset
        words, found = _words(" ".join(markdown.split()))
        if not words:
            return
        if texts:
            offset += 2
        blocks.append(Block(kind, offset, offset + len(words), credit=credit, line=line))
        links.extend((offset + s, offset + e, target) for s, e, target in found)
        texts.append(words)
        offset += len(words)

    for part, line in parts:
        if part.startswith("## "):
            add("heading", part[3:], line)
        elif part.startswith(">"):
            quoted = [re.sub(r"^>[ \t]?", "", row) for row in part.split("\n")]
            if len(quoted) >= 2 and _ATTRIBUTION.match(quoted[-1]) and not quoted[-2].strip():
                add("quote", "\n".join(quoted[:-2]), line)
                add("attribution", _ATTRIBUTION.sub("", quoted[-1]), line + len(quoted) - 1)
            else:
                add("quote", "\n".join(quoted), line)
        elif m := _CAPTION.match(part):
            credit = _words(m.group(2))[0].strip() if m.group(2) else None
            add("caption", m.group(1), line, credit=credit)
        else:
            add("paragraph", _ESCAPED_BLOCK_START.sub("", part), line)
    if not blocks:
        raise BuildError(where, "has no article text under its title; write the article's words, or delete the "
                                "page to have the build write it from the seed again", first + 1)
    return ArticlePage(where, title, "\n\n".join(texts), blocks, links, date, fields["dateline"], fields["source"])


def _words(markdown: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The words of Markdown text (links as their words, escapes undone) and each link's (start, end,
    target) in them."""
    out: list[str] = []
    links = []
    size = 0
    pos = 0
    for m in _LINK.finditer(markdown):
        before = _ESCAPE.sub(r"\1", markdown[pos:m.start()])
        out.append(before)
        size += len(before)
        text = _ESCAPE.sub(r"\1", m.group(1))
        links.append((size, size + len(text), m.group(2)))
        out.append(text)
        size += len(text)
        pos = m.end()
    out.append(_ESCAPE.sub(r"\1", markdown[pos:]))
    return "".join(out), links
