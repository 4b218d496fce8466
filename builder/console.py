"""What a build says on the console: the command's name as the user typed it, warnings by kind, the
closing summary line and what `--strict` counts.

By default warnings are summarised: each kind with its count and its first few in full; `--verbose`
prints every one. `--strict` (as MkDocs' `--strict`) counts as warnings, besides those the build
reported, every entity waiting for review (`status: discovered`) and every article whose date was
inferred, and exits 1 when there is any.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter

_PROG = ["python -m builder"]
SHOWN_PER_KIND = 3

# (kind, what a warning of that kind says): the first that matches names a warning's kind.
_KINDS = [
    ("slug collision", re.compile(r"slug|would be written as|same article id", re.I)),
    ("duplicate seed", re.compile(r"byte for byte|duplicate|repeats", re.I)),
    ("date", re.compile(r"\bdate\b", re.I)),
    ("control character", re.compile(r"control character", re.I)),
    ("unknown key", re.compile(r"unknown key|unrecognised key", re.I)),
    ("discovered entity", re.compile(r"discovered automatically", re.I)),
    ("bidirectional text", re.compile(r"bidi|bidirectional", re.I)),
]


def program(argv0: str | None = None) -> str:
    """The command as the user typed it: `archive-builder` for the installed script, `python -m builder`
    for the module (argparse's prog, from sys.argv[0])."""
    name = os.path.basename(argv0 if argv0 is not None else (sys.argv[0] if sys.argv else ""))
    if not name or name in ("__main__.py", "-c", "-m") or name.endswith(".py"):
        return "python -m builder"
    return name


def set_program(name: str) -> None:
    _PROG[0] = name


def command(rest: str = "") -> str:
    """`archive-builder build`, `python -m builder serve`, … as the user would type it here."""
    return f"{_PROG[0]} {rest}".strip()


def plural(n: int, noun: str) -> str:
    """`1 article`, `2 articles`."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def warning_kind(text: str) -> str:
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return "other"


def report_warnings(warnings: list[str], verbose: bool, stream=None) -> None:
    """Every warning (`verbose`), or each kind's first few and how many more."""
    stream = stream or sys.stderr
    if verbose:
        for warning in warnings:
            print(f"warning: {warning}", file=stream)
        return
    by_kind: dict[str, list[str]] = {}
    for warning in warnings:
        by_kind.setdefault(warning_kind(warning), []).append(warning)
    for kind, items in by_kind.items():
        for warning in items[:SHOWN_PER_KIND]:
            print(f"warning: {warning}", file=stream)
        if len(items) > SHOWN_PER_KIND:
            print(f"warning: … and {len(items) - SHOWN_PER_KIND} more of kind {kind!r} "
                  f"({len(items)} in all; --verbose shows every one)", file=stream)


def kinds_count(warnings: list[str]) -> str:
    counts = Counter(warning_kind(w) for w in warnings)
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def inferred_dates(summaries, seeds_folder) -> list[str]:
    """One line per article whose publication date was inferred from its text (what --strict counts)."""
    return [f"{seeds_folder}/{s.source_file}:1: publication date inferred from the text "
            f"({s.date.display()}); give the seed a ` date YYYY-MM-DD` header or a `date:` in front matter"
            for s in summaries if s.date.inferred]
