"""YAML front matter (`---` … `---` at the top of a file), shared by ingest and the registry.

Only parses; each caller validates its own keys. Errors name the file and line.
"""

from __future__ import annotations

import yaml

from .model import BuildError


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, except that a date that does not exist (`2026-02-30`) stays a string.

    The caller then rejects it with its own message and line, instead of
    PyYAML raising a bare ValueError from deep inside its constructor.
    """

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


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
        meta = yaml.load("\n".join(lines[1:end]), Loader=_Loader) or {}  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise BuildError(where, f"front matter is not valid YAML ({problem}); fix the YAML", line) from None
    except RecursionError:
        raise BuildError(where, "front matter is nested too deeply to read; fix the YAML", 2) from None
    if not isinstance(meta, dict):
        raise BuildError(where, "front matter must be a mapping of `key: value` lines", 2)
    return meta, end + 1


def key_line(lines: list[str], key: str, end: int) -> int:
    """The 1-based line where `key:` stands in the front matter (1 if not found)."""
    for i in range(1, min(end, len(lines))):
        if lines[i].lstrip().startswith(f"{key}:"):
            return i + 1
    return 1
