"""`python -m builder review`: an editor's decision on each entity the build discovered.

One entity at a time (after Prodigy's accept/reject loop), with its evidence — how many articles and
mentions, the titles written before it, the first sentences that name it — read from the last
build's store (`.cache/build.sqlite`), or, without one, by annotating the seeds. Single-key answers:

    a accept (status: confirmed)   r reject (status: rejected)   m merge into another entity
    n rename (a new canonical name; the slug stays unless one is given)   s skip   q quit   ? help

The same decisions without prompts, for scripts: `--accept ID`, `--reject ID`, `--merge ID --into ID`,
`--rename ID --name NAME [--slug SLUG]`.

A page is the editor's: a decision changes only the keys it must (`builder.ingest.edit`: key order,
comments and the Markdown body kept byte for byte; the file replaced atomically). A merge makes the
discovered name (and its aliases) aliases of the entity it is merged into and removes the stub page —
unless the stub holds an editor's notes, which a merge would lose: then it says so and does nothing.
The next build follows every decision.
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from builder.console import command
from builder.ingest.edit import edit_page, front_matter_value
from builder.ingest.registry import Registry, load_registry, surface_forms, unsafe_slug
from builder.model import ENTITY_KINDS, BuildError, Entity
from builder.text import form_key

HELP = ("a accept · r reject · m merge into another entity · n rename · s skip · q quit · ? this help")
# What the build writes in a discovered page's body (`discover.py`): not an editor's words.
_TAG = re.compile(r"<[^>]+>")
_CONTEXT = re.compile(r'<blockquote class="context">(.*?)</blockquote>', re.S)
_HEADING = re.compile(r"<h3><a [^>]*>(.*?)</a>(?:.*?<time datetime=\"([^\"]+)\")?", re.S)
SENTENCES = 3  # sentences shown per entity


@dataclass
class Evidence:
    articles: int = 0
    mentions: int = 0
    titles: list[str] = field(default_factory=list)
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (where: date and article title, sentence)


@dataclass
class Tally:
    accepted: int = 0
    rejected: int = 0
    merged: int = 0
    renamed: int = 0
    skipped: int = 0

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected + self.merged + self.renamed

    def line(self) -> str:
        return (f"review: {self.accepted} accepted, {self.rejected} rejected, {self.merged} merged, "
                f"{self.renamed} renamed, {self.skipped} skipped")


def _text(fragment: str) -> str:
    fragment = re.sub(r"<mark>(.*?)</mark>", r"[\1]", fragment, flags=re.S)
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def evidence_from_store(store_file: Path, entity_id: str) -> Evidence | None:
    """What the last build's store knows of the entity (None: no store, or it names the entity nowhere)."""
    if not Path(store_file).is_file():
        return None
    from builder.engine.store import SiteStore

    try:
        store = SiteStore(Path(store_file), readonly=True)
    except Exception:  # noqa: BLE001 - an unreadable store: the seeds are annotated instead
        return None
    try:
        totals = store.entity_totals(entity_id).get(entity_id)
        if not totals:
            return None
        found = Evidence(mentions=totals[0], articles=totals[1])
        found.titles = [title for title, _, _ in store.titles_seen(entity_id)]
        for block in store.mention_blocks(entity_id, limit=SENTENCES):
            heading = _HEADING.search(block)
            where = ""
            if heading:
                where = f"{heading.group(2) or 'undated'}, {_text(heading.group(1))}"
            for context in _CONTEXT.findall(block):
                if len(found.sentences) < SENTENCES:
                    found.sentences.append((where, _text(context)))
        return found
    except Exception:  # noqa: BLE001 - a store of another version: the seeds are annotated instead
        return None
    finally:
        store.close()


def evidence_from_seeds(seeds: Path, registry: Registry, entity_id: str, _memo: dict = {}) -> Evidence:  # noqa: B006
    """The entity's evidence found by annotating the seeds with the registry (once per review)."""
    key = (str(seeds), id(registry))
    if key not in _memo:
        from builder.annotate.annotator import Annotator
        from builder.ingest.seed import read_articles

        articles, _, _ = read_articles(Path(seeds), keep_going=True)
        annotator = Annotator(registry)
        _memo.clear()
        _memo[key] = [annotator(a) for a in articles]
    found = Evidence()
    for article in _memo[key]:
        mine = [m for m in article.mentions if m.entity == entity_id]
        if not mine:
            continue
        found.articles += 1
        found.mentions += len(mine)
        for m in mine:
            if m.title and m.title not in found.titles:
                found.titles.append(m.title)
            if len(found.sentences) < SENTENCES:
                dot = article.body.rfind(". ", 0, m.start)
                start = max(dot + 2 if dot >= 0 else 0, article.body.rfind("\n", 0, m.start) + 1)
                end = min(x for x in (article.body.find(". ", m.end), article.body.find("\n", m.end), len(article.body))
                          if x >= 0)
                sentence = article.body[start:m.start] + f"[{m.text}]" + article.body[m.end:end + 1]
                when = article.date.value.iso() if article.date.value else "undated"
                found.sentences.append((f"{when}, {article.title}", " ".join(sentence.split())))
    return found


# --- the decisions ------------------------------------------------------------------------------------


def _entity(registry: Registry, entity_id: str) -> Entity:
    if entity_id not in registry.entities:
        raise BuildError("review", f"no entity {entity_id!r}; give the file name of its page without .md")
    return registry.entities[entity_id]


def accept(registry: Registry, entity_id: str) -> str:
    entity = _entity(registry, entity_id)
    edit_page(Path(entity.path), {"status": "confirmed"})
    entity.status = "confirmed"
    return f"{entity.path}: {entity.name!r} accepted (status: confirmed)"


def reject(registry: Registry, entity_id: str) -> str:
    entity = _entity(registry, entity_id)
    edit_page(Path(entity.path), {"status": "rejected"})
    entity.status = "rejected"
    return f"{entity.path}: {entity.name!r} rejected (status: rejected: neither linked nor proposed again)"


def merge(registry: Registry, entity_id: str, into: str) -> str:
    """The stub's name and aliases become aliases of `into`; the stub page goes."""
    stub, target = _entity(registry, entity_id), _entity(registry, into)
    if stub is target:
        raise BuildError(stub.path, "cannot merge an entity into itself")
    if stub.notes_markdown:  # the build's own note is read as none
        raise BuildError(stub.path, f"holds an editor's notes, which a merge would lose; move them to {target.path} "
                                    "(or delete them), then merge")
    target_text = Path(target.path).read_text(encoding="utf-8")
    aliases = front_matter_value(target_text, "aliases", None)
    aliases = [aliases] if isinstance(aliases, str) else list(aliases or [])
    known = {form_key(f) for f in surface_forms(target)}
    added = []
    for form in (stub.name, *stub.aliases):
        if form_key(form) not in known:
            known.add(form_key(form))
            aliases.append(form)
            added.append(form)
    if added:
        edit_page(Path(target.path), {"aliases": aliases})
        target.aliases = list(target.aliases) + added
    Path(stub.path).unlink()
    del registry.entities[stub.id]
    written = f"; {', '.join(map(repr, added))} added to its aliases" if added else ""
    return f"{stub.path}: {stub.name!r} merged into {target.name!r} ({target.path}){written}; the stub page is removed"


def rename(registry: Registry, entity_id: str, name: str, slug: str | None = None) -> str:
    """A new canonical name (the old one stays an alias: the articles still write it); a new slug
    moves the page."""
    entity = _entity(registry, entity_id)
    name = " ".join(name.split())
    if not name:
        raise BuildError(entity.path, "a new name cannot be empty")
    path = Path(entity.path)
    if slug is not None and slug != entity.id:
        if problem := unsafe_slug(slug):
            raise BuildError(str(path), f"cannot move the page to {slug}.md: its name {problem}")
        if slug in registry.entities:
            raise BuildError(str(path), f"cannot move the page to {slug}.md: {registry.entities[slug].path} has that id")
    changes: dict = {"name": name}
    if form_key(entity.name) != form_key(name) and form_key(entity.name) not in {form_key(a) for a in entity.aliases}:
        aliases = front_matter_value(path.read_text(encoding="utf-8"), "aliases", None)
        aliases = [aliases] if isinstance(aliases, str) else list(aliases or [])
        changes["aliases"] = [*aliases, entity.name]
    old = entity.name
    edit_page(path, changes)
    entity.name = name
    entity.aliases = list(changes.get("aliases", entity.aliases))
    moved = ""
    if slug is not None and slug != entity.id:
        new_path = path.with_name(f"{slug}.md")
        path.rename(new_path)
        del registry.entities[entity.id]
        entity.id, entity.path = slug, str(new_path)
        registry.entities[slug] = entity
        moved = f", moved to {new_path}"
    return f"{path}: {old!r} renamed {name!r}{moved}"


# --- the loop -------------------------------------------------------------------------------------------


def discovered(registry: Registry) -> list[Entity]:
    return sorted((e for e in registry.entities.values() if e.status == "discovered"),
                  key=lambda e: (list(ENTITY_KINDS).index(e.type), e.id))


def _show(entity: Entity, found: Evidence, n: int, total: int, out: TextIO) -> None:
    label = ENTITY_KINDS[entity.type].label.lower()
    out.write(f"\n[{n}/{total}] {label}: {entity.name}   ({entity.path})\n")
    if entity.aliases:
        out.write(f"  also written: {', '.join(entity.aliases)}\n")
    out.write(f"  {found.mentions} mention{'' if found.mentions == 1 else 's'} in {found.articles} "
              f"article{'' if found.articles == 1 else 's'}\n")
    if found.titles or entity.titles:
        out.write(f"  titles seen: {'; '.join(dict.fromkeys([*entity.titles, *found.titles]))}\n")
    for where, sentence in found.sentences:
        out.write(f"  - {where}:\n      {sentence}\n")


def _ask(prompt: str, inp: TextIO, out: TextIO) -> str | None:
    out.write(prompt)
    out.flush()
    line = inp.readline()
    if not line:
        out.write("\n")
        return None  # end of input: as quit
    if not inp.isatty():  # scripted answers: the transcript shows them
        out.write(line.strip() + "\n")
    return line.strip()


def interactive(registry: Registry, evidence, inp: TextIO = sys.stdin, out: TextIO = sys.stdout) -> Tally:
    """Walk the discovered entities; `evidence(entity)` gives an `Evidence`."""
    tally = Tally()
    todo = discovered(registry)
    if not todo:
        out.write("review: nothing to review (no entity has status: discovered)\n")
        return tally
    out.write(f"{len(todo)} discovered entit{'y' if len(todo) == 1 else 'ies'} to review. {HELP}\n")
    i = 0
    while i < len(todo):
        entity = todo[i]
        _show(entity, evidence(entity), i + 1, len(todo), out)
        answer = _ask("  [a/r/m/n/s/q/?] > ", inp, out)
        key = (answer or "q")[:1].lower()
        try:
            if key == "a":
                out.write("  " + accept(registry, entity.id) + "\n")
                tally.accepted += 1
            elif key == "r":
                out.write("  " + reject(registry, entity.id) + "\n")
                tally.rejected += 1
            elif key == "m":
                into = _ask(f"  merge into (the id of an entity page: its file name in content/{entity.folder}/ "
                            "without .md): ", inp, out)
                if not into:
                    out.write("  not merged\n")
                    continue
                out.write("  " + merge(registry, entity.id, into) + "\n")
                tally.merged += 1
            elif key == "n":
                name = _ask(f"  new name for {entity.name!r}: ", inp, out)
                if not name:
                    out.write("  not renamed\n")
                    continue
                slug = _ask(f"  new slug (Enter keeps {entity.id}): ", inp, out)
                out.write("  " + rename(registry, entity.id, name, slug or None) + "\n")
                tally.renamed += 1
                continue  # the same entity again, under its new name: accept, reject, …
            elif key == "s":
                tally.skipped += 1
            elif key == "q":
                tally.skipped += len(todo) - i
                break
            else:
                out.write(f"  {HELP}\n")
                continue
        except BuildError as exc:
            out.write(f"  {exc}\n")
            continue
        i += 1
    return tally


def run(args) -> int:
    """The `review` command (see the module's docstring)."""
    content, out = Path(args.content), sys.stdout
    registry = load_registry(content)
    scripted = [args.accept, args.reject, args.merge, args.rename]
    if args.merge and not args.into or args.into and not args.merge:
        raise BuildError("review", "--merge ID needs --into ID (and --into needs --merge)")
    if args.rename and not args.name or (args.name or args.slug) and not args.rename:
        raise BuildError("review", "--rename ID needs --name NAME (and --name, --slug need --rename)")
    named = [i for i in scripted if i]
    if len(set(named)) < len(named):
        raise BuildError("review", f"{sorted(i for i in set(named) if named.count(i) > 1)[0]!r} is given two "
                                   "decisions at once; give one")
    if any(scripted):
        if args.rename:
            print(rename(registry, args.rename, args.name, args.slug), file=out)
        if args.merge:
            print(merge(registry, args.merge, args.into), file=out)
        if args.accept:
            print(accept(registry, args.accept), file=out)
        if args.reject:
            print(reject(registry, args.reject), file=out)
        print(f"the next build follows these decisions: {command('build')}", file=out)
        return 0
    store_file = Path(args.cache) / "build.sqlite"

    def evidence(entity: Entity) -> Evidence:
        return evidence_from_store(store_file, entity.id) or evidence_from_seeds(args.seeds, registry, entity.id)

    tally = interactive(registry, evidence, sys.stdin, out)
    follows = f"; the next build follows these decisions: {command('build')}" if tally.decided else ""
    print(f"\n{tally.line()}{follows}", file=out)
    return 0
