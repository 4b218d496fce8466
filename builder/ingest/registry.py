"""The entity registry: `content/{people,mechanisms,organisations,places}/*.md`.

Each page is one entity; its YAML front matter (`name`, `aliases`, …) is the
registry entry and its Markdown body the editors' notes. Pages belong to the
editors: this module reads and validates them all (every problem reported with
its file and line, then one failure), and only ever *creates* a missing page,
never rewrites one.
"""

from __future__ import annotations

import pickle
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.ingest.frontmatter import key_line, split_front_matter
from builder.ingest.seed import BIDI_CONTROLS
from builder.model import ENTITY_KINDS, BuildError, BuildErrors, Entity
from builder.text import form_key, nfc, slugify

FOLDERS = {kind.type: kind.folder for kind in ENTITY_KINDS.values()}
COMMON_KEYS = {"name", "aliases", "summary", "status", "wikidata", "wikipedia"}
# Identifiers beyond the archive (schema.org `sameAs`): written by editors, never fetched.
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_WIKIPEDIA = re.compile(r"^https://[a-z][a-z0-9-]*(?:\.m)?\.wikipedia\.org/wiki/[^\s<>\"'`]+$")
TYPE_KEYS = {
    "person": {"country", "titles", "born", "died"},
    "mechanism": {"kind", "established"},
    "organisation": {"country", "kind", "established"},
    "place": {"country", "kind"},
}
# discovered: proposed by the build, linked, awaiting an editor; rejected: kept so it is not proposed again.
STATUSES = {"confirmed", "discovered", "rejected"}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80
# Device names Windows will not create as files (`con.md` too), and `index`.
_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9]|index)$")
# A surface form that is one of these words would link it in every article:
# English closed-class words (pronouns, determiners, prepositions, conjunctions,
# auxiliaries), month and weekday names. Short forms of a name (`Lâm`, `Wei`) are
# derived and resolved per article instead (builder/annotate/people.py).
COMMON_WORDS = frozenset("""
i me my we us our you your he him his she her it its they them their this that these those who whom whose
which what a an the some any each every all both either neither no not one
of in on at by for from to with without into onto over under about above below after before between
through during since until upon within against among across along around near off out up down per via
and or but nor so yet if as than then because while although though unless whether
be am is are was were been being do does did have has had will would shall should can could may might must
here there when where why how also only just very more most much many such same other new said says
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
""".split())


@dataclass
class Registry:
    """All entities by id, in a stable order."""

    entities: dict[str, Entity] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def of_type(self, type_: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == type_]

    def get(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def claimed_forms(self) -> frozenset[str]:
        """The `form_key` of every surface form of every entity, rejected ones included: the names discovery
        never proposes again. Worked out once per registry (its entities are not changed once read; one
        added, as `review` adds, is seen)."""
        cached = self.__dict__.get("_claimed")
        if cached is None or cached[0] != len(self.entities):
            cached = (len(self.entities),
                      frozenset(form_key(form) for e in self.entities.values() for form in surface_forms(e)))
            self.__dict__["_claimed"] = cached
        return cached[1]


def load_registry(content_dir: Path, cache: Path | None = None, remember: bool = True) -> Registry:
    """Read and validate every entity page; raises BuildErrors listing all problems.

    With a `cache` (the SQLite file a build keeps what it remembers in), a page whose size and
    modification time are those of the last read is not parsed again (a registry of thousands of
    pages is most of a small rebuild's YAML otherwise). `remember=False` only reads that cache (while
    the build's own transaction holds the file, between rounds of discovery).
    """
    errors: list[BuildError] = []
    registry = Registry()
    known = _read_parsed(cache)
    parsed: dict[str, tuple] = {}
    for type_, folder in FOLDERS.items():
        directory = Path(content_dir) / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.md")):
            stat = path.stat()
            stamp = (type_, stat.st_size, stat.st_mtime_ns)
            last = known.get(str(path))
            if last is not None and last[0] == stamp:
                entity, warnings = last[1], list(last[2])  # unpickled: this build's own objects
            else:
                try:
                    entity, warnings = read_entity_page(path, type_)
                except BuildError as exc:
                    errors.append(exc)
                    continue
            parsed[str(path)] = (stamp, entity, warnings)
            registry.warnings.extend(warnings)
            if entity.id in registry.entities:
                other = registry.entities[entity.id]
                errors.append(BuildError(str(path), f"slug {entity.id!r} is already used by {other.path}; rename one file"))
                continue
            registry.entities[entity.id] = entity
    errors.extend(_surface_form_clashes(registry))
    if errors:
        raise BuildErrors(errors)
    if remember and cache is not None and {k: v[0] for k, v in parsed.items()} != {k: v[0] for k, v in known.items()}:
        _write_parsed(cache, parsed)
    return registry


def _read_parsed(cache: Path | None) -> dict:
    """{page path: ((type, size, mtime_ns), Entity, warnings)} as the last read left them."""
    if cache is None or not Path(cache).is_file():
        return {}
    try:
        db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT parsed FROM parsed_registry WHERE id = 0").fetchone()
        finally:
            db.close()
        return pickle.loads(row[0]) if row else {}
    except Exception:  # noqa: BLE001 - a missing or unreadable cache is read again from the pages
        return {}


def _write_parsed(cache: Path, parsed: dict) -> None:
    Path(cache).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(cache, timeout=60)
    try:
        with db:
            db.execute("CREATE TABLE IF NOT EXISTS parsed_registry (id INTEGER PRIMARY KEY, parsed BLOB)")
            db.execute("INSERT OR REPLACE INTO parsed_registry VALUES (0, ?)",
                       (pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL),))
    finally:
        db.close()


def read_entity_page(path: Path, type_: str) -> tuple[Entity, list[str]]:
    """Parse one entity page into an Entity (and warnings); raises BuildError."""
    where = str(path)
    slug = path.stem
    if problem := unsafe_slug(slug):
        suggestion = slugify(slug, max_length=SLUG_MAX)
        hint = f" (e.g. {suggestion}.md)" if not unsafe_slug(suggestion) and suggestion != slug else ""
        raise BuildError(where, f"file name {problem}; rename the file{hint}")
    try:
        text = nfc(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise BuildError(where, "is not UTF-8; save it as UTF-8") from None
    warnings = []
    if bidi := BIDI_CONTROLS.search(text):
        line = text.count("\n", 0, bidi.start()) + 1
        warnings.append(f"{where}:{line}: bidirectional control character U+{ord(bidi.group()):04X} dropped; "
                        "it would reorder the text shown after it")
        text = BIDI_CONTROLS.sub("", text)
    lines = text.replace("\r\n", "\n").split("\n")
    meta, end = split_front_matter(lines, where)
    if end == 0:
        raise BuildError(where, "has no YAML front matter; start the file with '---', `name: …`, '---'", 1)
    allowed = COMMON_KEYS | TYPE_KEYS[type_]
    for key in meta:
        if key not in allowed:
            warnings.append(f"{where}:{key_line(lines, str(key), end)}: unrecognised key {key!r} is ignored "
                            f"(known: {', '.join(sorted(allowed))})")
    name = meta.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BuildError(where, "front matter needs `name:` with the canonical name", key_line(lines, "name", end))
    aliases = _string_list(meta.get("aliases"), "aliases", where, lines, end)
    titles = _string_list(meta.get("titles"), "titles", where, lines, end)
    for key in ("summary", "status", "country", *sorted(TYPE_KEYS[type_] - {"titles"})):
        if isinstance(meta.get(key), (list, dict)):
            raise BuildError(where, f"`{key}` must be a single value, not a list or mapping", key_line(lines, key, end))
    status = str(meta.get("status") or "confirmed")
    if status not in STATUSES:
        raise BuildError(where, f"status must be one of {', '.join(sorted(STATUSES))}", key_line(lines, "status", end))
    country = meta.get("country")
    extra = {k: meta[k] for k in sorted(TYPE_KEYS[type_] - {"country", "titles"}) if k in meta}
    extra.update(_identifiers(meta, where, lines, end))
    entity = Entity(
        id=slug,
        type=type_,  # type: ignore[arg-type]
        name=nfc(name.strip()),
        aliases=[nfc(a) for a in aliases],
        country=str(country).lower() if country else None,
        titles=[nfc(t) for t in titles],
        status=status,
        summary=str(meta["summary"]).strip() if meta.get("summary") else None,
        notes_markdown=editors_notes("\n".join(lines[end:])),
        path=where,
        extra=extra,
    )
    return entity, warnings


def _identifiers(meta: dict, where: str, lines: list[str], end: int) -> dict:
    """`wikidata:` (a Q-number) and `wikipedia:` (an https URL of an article on *.wikipedia.org), validated."""
    out = {}
    if meta.get("wikidata") is not None:
        value = str(meta["wikidata"]).strip()
        if isinstance(meta["wikidata"], (list, dict)) or not _WIKIDATA.match(value):
            raise BuildError(where, "`wikidata` must be a Wikidata item id such as Q15031",
                             key_line(lines, "wikidata", end))
        out["wikidata"] = value
    if meta.get("wikipedia") is not None:
        value = str(meta["wikipedia"]).strip()
        if isinstance(meta["wikipedia"], (list, dict)) or not _WIKIPEDIA.match(value):
            raise BuildError(where, "`wikipedia` must be the https URL of a Wikipedia article, such as "
                                    "https://en.wikipedia.org/wiki/Xi_Jinping", key_line(lines, "wikipedia", end))
        out["wikipedia"] = value
    return out


def same_as(entity: Entity) -> list[str]:
    """The entity's addresses beyond the archive (schema.org `sameAs`): Wikidata, then Wikipedia."""
    out = []
    if entity.extra.get("wikidata"):
        out.append(f"https://www.wikidata.org/wiki/{entity.extra['wikidata']}")
    if entity.extra.get("wikipedia"):
        out.append(entity.extra["wikipedia"])
    return out


def unsafe_slug(slug: str) -> str | None:
    """Why `slug` cannot name an entity page and its folder on every system, or None if it can."""
    if not _SLUG.match(slug):
        return f"{slug[:40]!r} is not a slug: use lowercase a-z, 0-9 and single hyphens"
    if len(slug) > SLUG_MAX:
        return f"is {len(slug)} characters long; a slug has at most {SLUG_MAX}"
    if _RESERVED.match(slug):
        return f"{slug!r} is a reserved name (a Windows device name or `index`)"
    return None


def _string_list(value, key: str, where: str, lines: list[str], end: int) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise BuildError(where, f"`{key}` must be a list of strings", key_line(lines, key, end))
    return [str(v).strip() for v in value if str(v).strip()]


_OPTIONAL = re.compile(r"\[([^\[\]]+)\]")


def surface_forms(entity: Entity) -> list[str]:
    """The name and every alias, with optional parts spelled out.

    An alias may mark words that wire copy sometimes leaves out in square
    brackets: `cooperation between the two [countries’] legislative bodies`
    stands for both wordings.
    """
    forms: list[str] = []
    for form in (entity.name, *entity.aliases):
        variants = [form]
        while any(_OPTIONAL.search(v) for v in variants):
            variants = [w for v in variants for w in (
                _OPTIONAL.sub(lambda m: m.group(1), v, count=1), _OPTIONAL.sub("", v, count=1))]
        forms.extend(" ".join(v.split()) for v in variants)
    return list(dict.fromkeys(f for f in forms if f))


def _surface_form_clashes(registry: Registry) -> list[BuildError]:
    """A name or alias may belong to one entity only (compared folded)."""
    seen: dict[str, Entity] = {}
    errors = []
    for entity in registry.entities.values():
        for form in surface_forms(entity):
            key = form_key(form)
            if problem := too_common(form, key):
                field_name = "name" if form == entity.name else "aliases"
                errors.append(BuildError(entity.path, f"{form!r} {problem}, so it would be linked in every "
                                                      "article; remove it or write the full name",
                                         _form_line(entity.path, form, field_name)))
                continue
            owner = seen.setdefault(key, entity)
            if owner is not entity:
                field_name = "name" if form == entity.name else "aliases"
                errors.append(BuildError(entity.path, f"{form!r} is also claimed by {owner.path}; "
                                                      "keep it on one entity only",
                                         _form_line(entity.path, form, field_name)))
    return errors


def too_common(form: str, key: str) -> str | None:
    """Why a name or alias (`key`: its `form_key`) could not be one entity's: a common English word (`WHO`), or
    too short; None when it can."""
    if key in COMMON_WORDS:
        return "is a common English word"
    if len(key) < 2 or key.isdigit() or not any(ch.isalnum() for ch in key):
        return "is too short or has no letters"
    return None


def _form_line(path: str, form: str, key: str) -> int | None:
    """The line of the page that holds `form` (a name or an alias), for messages."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return None
    for i, line in enumerate(lines, 1):
        if form in nfc(line) and (line.lstrip().startswith(("-", f"{key}:"))):
            return i
    return None


def discovery_note(article_id: str, line: int, kind_label: str) -> str:
    """The body of a page the build proposed: where it found the name, and what to do (for the editor,
    never shown on the site: `read_entity_page` reads it as no notes)."""
    return (f"Discovered by the build in article `{article_id}` (line {line} of its text), as {kind_label}.\n\n"
            "An editor should check the name and type, then set `status: confirmed` — or `status: rejected` "
            "to stop it being linked and proposed again (deleting this page would only bring it back).")


_DISCOVERY_NOTE = re.compile(r"^Discovered by the build in article .*?deleting this page would only bring it "
                             r"back\)\.\s*$", re.S)


def editors_notes(body: str) -> str:
    """An entity page's body as the editors' notes: none while it is the build's `discovery_note`."""
    body = body.strip()
    return "" if _DISCOVERY_NOTE.match(body) else body


def entity_page_text(entity: Entity) -> str:
    """The Markdown page for a new entity (front matter + notes)."""
    meta: dict = {"name": entity.name}
    if entity.aliases:
        meta["aliases"] = entity.aliases
    if entity.country and "country" in TYPE_KEYS[entity.type]:
        meta["country"] = entity.country
    if entity.titles and "titles" in TYPE_KEYS[entity.type]:
        meta["titles"] = entity.titles
    if entity.summary:
        meta["summary"] = entity.summary
    meta["status"] = entity.status
    meta.update(entity.extra)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n{entity.notes_markdown.strip()}\n"


def create_entity_page(content_dir: Path, entity: Entity) -> Path | None:
    """Write a page for a new entity unless one exists; returns the path written, or None."""
    if problem := unsafe_slug(entity.id):
        raise BuildError(str(Path(content_dir) / entity.folder), f"cannot create a page for {entity.name!r}: "
                                                                 f"its id {problem}")
    path = Path(content_dir) / entity.folder / f"{entity.id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x" mode: an editor's page is never overwritten, even in a race.
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(entity_page_text(entity))
    except FileExistsError:
        return None
    return path

