"""YAML front matter (`---` … `---` at the top of a file), shared by ingest and the registry.

Only parses; each caller validates its own keys. Errors name the file and line.
"""

from __future__ import annotations

import re

import yaml

from builder.model import BuildError


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, except that a date that does not exist (`2026-02-30`) stays a string.

    The caller then rejects it with its own message and line, instead of
    PyYAML raising a bare ValueError from deep inside its constructor.
    """

    def construct_yaml_timestamp(self, node):
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(self, node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)

if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):
        """`_Loader` on libyaml's parser: reading a registry of 1,300 pages takes a tenth of the time."""

        construct_yaml_timestamp = _Loader.construct_yaml_timestamp

    _CLoader.add_constructor("tag:yaml.org,2002:timestamp", _CLoader.construct_yaml_timestamp)
else:  # pragma: no cover - PyYAML built without libyaml
    _CLoader = None

# The C loader is used only where it must give what the Python one gives. libyaml nests without a
# recursion limit (deep enough, it crashes the process), so text that could nest deeper than
# _C_DEPTH goes to the Python loader, which stops with RecursionError: every level of nesting
# needs one of these indicator characters, so their count bounds the depth. Anchors with aliases
# (shared, possibly recursive, nodes) and characters the Python reader refuses also go there.
_C_DEPTH = 40
_INDICATORS = ("[", "{", "-", ":", "?")
_UNPRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]")


def _load(text: str):
    """The YAML document in `text`, as `_Loader` reads it; raises what `_Loader` raises."""
    if (_CLoader is not None and sum(map(text.count, _INDICATORS)) <= _C_DEPTH
            and not ("&" in text and "*" in text) and not _UNPRINTABLE.search(text)):
        try:
            return yaml.load(text, Loader=_CLoader)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            pass  # the Python loader says what is wrong (and where) in its own words, or reads it
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def split_front_matter(lines: list[str], where: str) -> tuple[dict, int]:
    """Parse a leading `---` block; returns (mapping, index of the first line after it).

    A file without front matter gives `({}, 0)`.
    """
    if not lines or lines[0].strip() != "---":
        return {}, 0
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise BuildError(where, "front matter opened with '---' is never closed; add a '---' line after it", 1) from None
    try:
        meta = _load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise BuildError(where, f"front matter is not valid YAML ({problem}); fix the YAML", line) from None
    except RecursionError:
        raise BuildError(where, "front matter is nested too deeply to read; fix the YAML", 2) from None
    if not isinstance(meta, dict):
        raise BuildError(where, "front matter must be a mapping of `key: value` lines", 2)
    for key, value in meta.items():
        if (control := _control_character(value)) is not None:
            raise BuildError(where, f"`{key}` holds the control character U+{ord(control):04X} (a YAML escape "
                                    "such as \\0?); remove it", key_line(lines, str(key), end + 1))
    return meta, end + 1


# C0/C1 control characters other than tab and newline: as in seeds (builder.ingest), never text.
# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) too: they would
# reorder the text shown after them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _control_character(value) -> str | None:
    """The first control character in a front-matter value (strings in lists and mappings too)."""
    if isinstance(value, str):
        found = _CONTROL.search(value)
        return found.group() if found else None
    if isinstance(value, (list, tuple)):
        return next((c for c in map(_control_character, value) if c is not None), None)
    if isinstance(value, dict):
        return next((c for c in map(_control_character, [*value.keys(), *value.values()]) if c is not None), None)
    return None


def key_line(lines: list[str], key: str, end: int) -> int:
    """The 1-based line where `key:` stands in the front matter (1 if not found)."""
    for i in range(1, min(end, len(lines))):
        if lines[i].lstrip().startswith(f"{key}:"):
            return i + 1
    return 1
