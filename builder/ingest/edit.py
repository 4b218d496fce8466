"""Minimal edits of a registry page's front matter, for tools that change a page on an editor's behalf
(`python -m builder review`).

The page is the editor's: only the keys asked for change. Every other line — other keys in their
order, comments, the Markdown body — is kept byte for byte, and the file is replaced atomically (a
temporary file beside it, then `os.replace`), so an interrupted edit leaves the page as it was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:\s|$)")
_MISSING = object()


def _split(text: str) -> tuple[list[str], int, int]:
    """The page's lines (ends kept) and the indexes of its front matter's opening and closing `---`."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").lstrip("\ufeff") != "---":
        raise ValueError("the page has no front matter")
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in ("---", "..."):
            return lines, 0, i
    raise ValueError("the page's front matter is not closed with '---'")


def _blocks(lines: list[str], start: int, end: int) -> list[tuple[str | None, int, int]]:
    """(key or None, first line, line after) of each top-level key of the front matter (None: what
    precedes the first key: comments, blank lines)."""
    out: list[tuple[str | None, int, int]] = []
    current, first = None, start + 1
    for i in range(start + 1, end):
        m = _TOP_KEY.match(lines[i])
        if m:
            out.append((current, first, i))
            current, first = m.group(1), i
    out.append((current, first, end))
    return [b for b in out if b[0] is not None or b[1] < b[2]]


def _dump(key: str, value, newline: str) -> str:
    text = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=1000)
    return text.replace("\n", newline)


def edit_front_matter(text: str, changes: dict) -> str:
    """`text` with each key of `changes` set to its value (a key whose value is `None` removed): a key
    already there is rewritten where it stands, a new one goes last; nothing else changes."""
    lines, start, end = _split(text)
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    blocks = _blocks(lines, start, end)
    seen = set()
    out = [lines[start]]
    for key, first, after in blocks:
        if key is not None and key in changes:
            seen.add(key)
            if changes[key] is not None:
                out.append(_dump(key, changes[key], newline))
            continue
        out.extend(lines[first:after])
    if out and not out[-1].endswith(("\n", "\r")):
        out[-1] += newline
    for key, value in changes.items():
        if key not in seen and value is not None:
            out.append(_dump(key, value, newline))
    out.extend(lines[end:])
    return "".join(out)


def front_matter_value(text: str, key: str, default=_MISSING):
    """The value of a top-level key of the page's front matter (parsed), or `default`."""
    lines, start, end = _split(text)
    meta = yaml.safe_load("".join(lines[start + 1:end])) or {}
    if key in meta:
        return meta[key]
    if default is _MISSING:
        raise KeyError(key)
    return default


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8, newlines as given) all at once."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.edit.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def edit_page(path: Path, changes: dict) -> None:
    """Edit the front matter of the page at `path` in place (see `edit_front_matter`)."""
    path = Path(path)
    text = path.read_bytes().decode("utf-8")
    write_atomically(path, edit_front_matter(text, changes))
