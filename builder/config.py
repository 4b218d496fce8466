"""`archive.yml`: what an archive says about itself, read and validated in one place before anything is built.

After MkDocs' `Config.validate`: `validate(text, path)` returns the config and two lists, the errors
(`archive.yml:LINE: what is wrong, what to do`, the line from the YAML node's mark) and the warnings
(an unknown key is ignored, with a warning). Without the file the defaults are today's values of the
Việt Nam–China Archive, so a build with no `archive.yml` and one with this repository's file are the
same byte for byte. Command-line flags (`--base-url`, `--no-search`) override the file.

`SiteConfig` is plain data (it is pickled to workers) and is handed to every template as `config`.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import yaml

from builder.model import ENTITY_KINDS, BuildError, BuildErrors, EntityKind
from builder.site.urls import ARTICLES, MAP, SEARCH, TIMELINE

CONFIG_FILE = "archive.yml"
PAGE_SIZE_KEYS = ("articles", "entities", "timeline", "mentions")


@dataclass(frozen=True)
class KindConfig:
    label: str  # "Person": one of them, on an entity's page and in search filters
    plural: str  # "People": the listing's title
    menu: str  # "People": the navigation's label
    shown: bool = True  # False: left out of the navigation, the home page's lists, legends and search filters


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str  # relative to the site's root (`timeline/`), or absolute (`https://…`)

    @property
    def external(self) -> bool:
        return "://" in self.url or self.url.startswith("mailto:")


def _default_kinds() -> dict[str, KindConfig]:
    return {k.type: KindConfig(k.label, k.plural, "Mechanisms" if k.type == "mechanism" else k.plural)
            for k in ENTITY_KINDS.values()}


def _in_sentence(label: str) -> str:
    """A label inside a sentence: `People` → `people`, but `ASEAN bodies` stays."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


@dataclass(frozen=True)
class SiteConfig:
    title: str = "Việt Nam–China Archive"
    description: str = ("An annotated archive of wire reporting on Việt Nam–China relations: people, "
                        "cooperation mechanisms and dates, cross-linked.")
    heading: str = "Việt Nam–China relations, annotated"  # the home page's <h1>
    feed_subtitle: str = "Wire reporting on Việt Nam–China relations, annotated and cross-linked."
    feed_id: str = "vn-cn-archive.invalid,2026"  # the authority of the feed's tag: URIs (RFC 4151)
    base_url: str = "/"
    language: str = "en"  # <html lang>, the feed's xml:lang, JSON-LD inLanguage
    locale: str = "en_GB"  # OpenGraph og:locale
    publisher_name: str = "Việt Nam–China Archive"  # the feed's author; JSON-LD publisher (with a url)
    publisher_url: str | None = None
    source_credit: str = "Annotated from wire copy (VNA/VNS)."  # the footer's first sentence
    kinds: dict[str, KindConfig] = field(default_factory=_default_kinds)
    navigation: tuple[NavItem, ...] | None = None  # None: Articles, each shown kind, Timeline, Map, Search
    page_sizes: dict[str, int] = field(default_factory=dict)  # those given; the rest: site/collect.py's PAGE_SIZES
    search: bool = True

    @property
    def entity_kinds(self) -> dict[str, EntityKind]:
        """ENTITY_KINDS with this archive's labels (every kind: a hidden kind's pages still exist)."""
        return {t: replace(k, label=self.kinds[t].label, plural=self.kinds[t].plural)
                for t, k in ENTITY_KINDS.items()}

    @property
    def shown_kinds(self) -> list[EntityKind]:
        kinds = self.entity_kinds
        return [kinds[t] for t in ENTITY_KINDS if self.kinds[t].shown]

    def kinds_phrase(self, plural: bool = True, also: tuple[str, ...] = ()) -> str:
        """The shown kinds (then `also`) as a list in a sentence, in this archive's labels: `people,
        cooperation mechanisms, organisations and places`; with `plural=False`, `person, mechanism, …`."""
        words = [_in_sentence(k.plural if plural else k.label) for k in self.shown_kinds] + list(also)
        return " and ".join(words) if len(words) < 3 else ", ".join(words[:-1]) + " and " + words[-1]

    @property
    def nav(self) -> tuple[NavItem, ...]:
        if self.navigation is not None:
            return self.navigation
        return (NavItem("Articles", ARTICLES),
                *(NavItem(self.kinds[k.type].menu, k.folder + "/") for k in self.shown_kinds),
                NavItem("Timeline", TIMELINE), NavItem("Map", MAP), NavItem("Search", SEARCH))

    @property
    def publisher(self) -> dict:
        return {"name": self.publisher_name, "url": self.publisher_url}

    def fingerprint(self) -> str:
        """Every value, as JSON: part of what the no-op check and the records' recipe hash."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    def with_flags(self, base_url: str | None = None, search: bool | None = None) -> SiteConfig:
        """The command line overrides the file."""
        changes: dict = {}
        if base_url is not None:
            changes["base_url"] = base_url
        if search is not None:
            changes["search"] = search
        return replace(self, **changes) if changes else self


# --- validation -----------------------------------------------------------------------------------

_STRINGS = {"title", "description", "heading", "feed_subtitle", "feed_id", "base_url", "language", "locale",
            "source_credit"}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")  # BCP 47's shape: en, vi, zh-Hant, en-GB
_KNOWN = _STRINGS | {"publisher", "kinds", "navigation", "page_sizes", "search"}


class _Problems:
    def __init__(self, path: str):
        self.path = path
        self.errors: list[BuildError] = []
        self.warnings: list[str] = []

    def error(self, node, message: str) -> None:
        self.errors.append(BuildError(self.path, message, node.start_mark.line + 1 if node is not None else 1))

    def warn(self, node, message: str) -> None:
        self.warnings.append(f"{self.path}:{node.start_mark.line + 1}: {message}")


def _scalar(node) -> object:
    return yaml.safe_load(yaml.serialize(node)) if node is not None else None


def _string(node, key: str, problems: _Problems, empty_ok: bool = False) -> str | None:
    value = _scalar(node) if isinstance(node, yaml.ScalarNode) else node
    if not isinstance(node, yaml.ScalarNode) or not isinstance(value, str):
        problems.error(node, f"{key}: must be text, e.g. {key}: My archive (quote it if it looks like a "
                             "number or yes/no)")
        return None
    if not value.strip() and not empty_ok:
        problems.error(node, f"{key}: is empty; give a value or remove the line for the default")
        return None
    if any(ord(c) < 32 and c not in "\t" for c in value):
        problems.error(node, f"{key}: holds a control character; remove it")
        return None
    return value


def _mapping(node, key: str, problems: _Problems) -> list[tuple] | None:
    if not isinstance(node, yaml.MappingNode):
        problems.error(node, f"{key}: must be a mapping of keys to values")
        return None
    return node.value


def _url(value: str, node, key: str, problems: _Problems, relative_ok: bool) -> str | None:
    if value.startswith(("http://", "https://")):
        return value
    if relative_ok and value.startswith("/"):
        return value
    problems.error(node, f"{key}: {value!r} is not an address; give https://… "
                         + ("or a path starting with /" if relative_ok else ""))
    return None


def validate(text: str, path: str = CONFIG_FILE) -> tuple[SiteConfig, list[BuildError], list[str]]:
    """(the config, the errors, the warnings) of `archive.yml`'s text; with errors the config is the defaults'."""
    problems = _Problems(path)
    default = SiteConfig()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        what = getattr(exc, "problem", None) or str(exc)
        if (start := getattr(exc, "context_mark", None)) is not None and mark is not None and start.line < mark.line:
            # "while scanning a quoted scalar": the line where what never ended began, not the file's end
            what = f"{exc.context} that starts here, {what} (line {mark.line + 1})"
            mark = start
        problems.errors.append(BuildError(path, f"not valid YAML: {what}; check the indentation and quotes "
                                                "around that line", mark.line + 1 if mark else 1))
        return default, problems.errors, problems.warnings
    if root is None:
        return default, [], []
    items = _mapping(root, "archive.yml", problems)
    if items is None:
        return default, problems.errors, problems.warnings
    values: dict = {}
    seen: set[str] = set()
    for key_node, node in items:
        key = _scalar(key_node)
        if not isinstance(key, str):
            problems.error(key_node, f"{key!r}: a key must be text")
            continue
        if key in seen:
            problems.error(key_node, f"{key}: given twice; keep one")
            continue
        seen.add(key)
        if key not in _KNOWN:
            problems.warn(key_node, f"unknown key {key!r}, ignored (known: {', '.join(sorted(_KNOWN))})")
            continue
        if key in _STRINGS:
            value = _string(node, key, problems)
            if value is None:
                continue
            if key == "base_url":
                value = _url(value, node, key, problems, relative_ok=True)
                if value is None:
                    continue
                value = value if value.endswith("/") else value + "/"
            if key == "language" and not _LANGUAGE_TAG.fullmatch(value):
                problems.error(node, f"language: {value!r} is not a language tag; give one such as en, vi or en-GB "
                                     "(it goes into <html lang> and the feed)")
                continue
            values[key] = value
        elif key == "search":
            value = _scalar(node) if isinstance(node, yaml.ScalarNode) else None
            if not isinstance(value, bool):
                problems.error(node, "search: must be true or false")
            else:
                values[key] = value
        elif key == "publisher":
            _publisher(node, problems, values)
        elif key == "kinds":
            _kinds(node, problems, values, default)
        elif key == "navigation":
            _navigation(node, problems, values)
        elif key == "page_sizes":
            _page_sizes(node, problems, values, default)
    if problems.errors:
        return default, problems.errors, problems.warnings
    if "title" in values:  # an archive's own title is its heading and publisher unless it names others
        values.setdefault("heading", values["title"])
        values.setdefault("publisher_name", values["title"])
    return replace(default, **values), [], problems.warnings


def _publisher(node, problems: _Problems, values: dict) -> None:
    if isinstance(node, yaml.ScalarNode):  # publisher: Name
        name = _string(node, "publisher", problems)
        if name is not None:
            values["publisher_name"] = name
        return
    items = _mapping(node, "publisher", problems)
    for key_node, value_node in items or []:
        key = _scalar(key_node)
        if key == "name":
            name = _string(value_node, "publisher.name", problems)
            if name is not None:
                values["publisher_name"] = name
        elif key == "url":
            url = _string(value_node, "publisher.url", problems)
            if url is not None and _url(url, value_node, "publisher.url", problems, relative_ok=False):
                values["publisher_url"] = url
        else:
            problems.warn(key_node, f"publisher: unknown key {key!r}, ignored (known: name, url)")


def _kinds(node, problems: _Problems, values: dict, default: SiteConfig) -> None:
    kinds = dict(default.kinds)
    for key_node, kind_node in _mapping(node, "kinds", problems) or []:
        kind = _scalar(key_node)
        if kind not in kinds:
            problems.error(key_node, f"kinds: {kind!r} is not a kind of entity; use one of "
                                     f"{', '.join(ENTITY_KINDS)}")
            continue
        current = asdict(kinds[kind])
        if kind_node.tag == "tag:yaml.org,2002:null":
            continue
        for field_node, value_node in _mapping(kind_node, f"kinds.{kind}", problems) or []:
            name = _scalar(field_node)
            where = f"kinds.{kind}.{name}"
            if name in ("label", "plural", "menu"):
                value = _string(value_node, where, problems)
                if value is not None:
                    current[name] = value
                    if name == "plural" and current["menu"] == asdict(default.kinds[kind])["menu"]:
                        current["menu"] = value  # the navigation follows a new plural unless it is given
            elif name == "shown":
                value = _scalar(value_node) if isinstance(value_node, yaml.ScalarNode) else None
                if not isinstance(value, bool):
                    problems.error(value_node, f"{where}: must be true or false")
                else:
                    current[name] = value
            else:
                problems.warn(field_node, f"kinds.{kind}: unknown key {name!r}, ignored "
                                          "(known: label, plural, menu, shown)")
        kinds[kind] = KindConfig(**current)
    values["kinds"] = kinds


def _navigation(node, problems: _Problems, values: dict) -> None:
    if not isinstance(node, yaml.SequenceNode):
        problems.error(node, "navigation: must be a list of `- Label: url` items")
        return
    items = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode) or len(item.value) != 1:
            problems.error(item, "navigation: each item is one `Label: url` pair, e.g. `- Articles: articles/`")
            continue
        ((label_node, url_node),) = item.value
        label = _string(label_node, "navigation label", problems)
        url = _string(url_node, "navigation url", problems, empty_ok=True)
        if label is None or url is None:
            continue
        if url.startswith("/") or ".." in url.split("/"):
            problems.error(url_node, f"navigation: {url!r}: give a path relative to the site's root "
                                     "(`timeline/`, not `/timeline/`) or a full https:// address")
            continue
        items.append(NavItem(label, url))
    values["navigation"] = tuple(items)


def _page_sizes(node, problems: _Problems, values: dict, default: SiteConfig) -> None:
    sizes: dict[str, int] = {}
    for key_node, value_node in _mapping(node, "page_sizes", problems) or []:
        key = _scalar(key_node)
        if key not in PAGE_SIZE_KEYS:
            problems.warn(key_node, f"page_sizes: unknown key {key!r}, ignored (known: {', '.join(PAGE_SIZE_KEYS)})")
            continue
        value = _scalar(value_node) if isinstance(value_node, yaml.ScalarNode) else None
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100_000:
            problems.error(value_node, f"page_sizes.{key}: must be a whole number from 1 to 100000")
            continue
        sizes[key] = value
    values["page_sizes"] = sizes


def load(path: Path | None, display: str | None = None) -> tuple[SiteConfig, list[str]]:
    """The config at `path` (the defaults when it is None) and its warnings; raises BuildErrors on errors."""
    if path is None:
        return SiteConfig(), []
    name = display or str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise BuildError(name, "no such file; give the path of an archive.yml, or run "
                               "`new` to start an archive") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BuildError(name, f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8", line) from None
    config, errors, warnings = validate(text, name)
    if errors:
        raise BuildErrors(errors)
    return config, warnings


def find(explicit: Path | None, folder: Path = Path(".")) -> Path | None:
    """`--config PATH`, else `archive.yml` in `folder` when there is one."""
    if explicit is not None:
        return Path(explicit)
    candidate = Path(folder) / CONFIG_FILE
    return candidate if candidate.is_file() else None
