"""Export stage: the site's data files, written beside the HTML pages.

- `site/data/annotations.json`: every article and mention as data, for
  researchers and for our own measurement. The schema is stable: fields are
  only ever added. `text` is exactly `body[start:end]`; offsets index the
  clean body text, which is exported as `body`. The article's `source` is its
  seed file (the wire credit is `credit`). One article per line, each line
  made once by the fragments stage and kept in the store.
- `site/data/previews/entities.json`, `site/data/previews/dates/<article>.json`
  and `site/data/previews/date-counts.json`: what a link preview card shows,
  by entity id, by timeline anchor for each article's dates, and how many
  articles have an entry for each date value (read by
  `templates/static/site.js`, which fetches the entities once and an article's
  dates when one of them is first shown, so a reader never downloads the
  whole archive's dates; the counts are kept apart so that a new article
  changes no other article's file).
- `site/data/graph.json`: the relationship map for Cytoscape.js.
- `feed.xml`, `sitemap.xml`, `robots.txt` (see `builder.site.feeds`).

Each writer hands its files to the publish stage's `SiteUpdate`, which
writes only what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import TYPE_CHECKING, Callable

from builder.site.collect import EntitySummary, SiteView
from builder.site.feeds import feed_files
from builder.site.urls import entity_url

if TYPE_CHECKING:  # the publish stage's writer is handed in; this stage never reaches for it
    from builder.engine.publish import SiteUpdate


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _entities(site: SiteView) -> list[dict]:
    entities = []
    for entity_id in sorted(site.entities):
        e = site.entities[entity_id].entity
        entry = {"id": e.id, "type": e.type, "name": e.name, "aliases": e.aliases, "url": entity_url(e.type, e.id),
                 "status": e.status}
        if e.type == "person":
            entry["titles"] = e.titles
        if e.country:
            entry["country"] = e.country
        entities.append(entry)
    return entities


ANNOTATIONS = "data/annotations.json"


def write_annotations(site: SiteView, update: SiteUpdate) -> None:
    """data/annotations.json: {"entities": [...], "articles": [...]}, one article per line, in id order.

    At archive scale the file is hundreds of megabytes and a rebuild changes a few lines of it: the
    lines of unchanged articles are copied from the last build's file by the kernel
    (`os.copy_file_range`, from the places the store keeps), only the others written out. The bytes
    are those a fresh write gives.
    """
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    head = ('{"entities":' + dump(_entities(site)) + ',\n"articles":[').encode("utf-8")
    lines = site.store.export_lines()
    digest = hashlib.blake2b(head, digest_size=16)
    for _, line_digest, _, _ in lines:
        digest.update(line_digest.encode())
    key = digest.hexdigest()
    if update.unchanged(ANNOTATIONS, key):
        return
    old_path = update.out / ANNOTATIONS
    reuse = ANNOTATIONS in update.known and old_path.is_file()
    last = site.store.meta.export_digests if reuse else {}
    places = []  # (offset, length, id) of each line in the new file
    target = update.stage(ANNOTATIONS)
    with open(target, "wb") as out, (open(old_path, "rb") if reuse else _Nothing()) as old:
        out.write(head)
        position = len(head)
        run: list[int] | None = None  # [first, end) of the old file still to copy, lines and separators
        for i, (aid, line_digest, offset, length) in enumerate(lines):
            separator = b",\n" if i else b"\n"
            if old is not None and offset is not None and last.get(aid) == line_digest:
                if run is not None and offset == run[1] + len(separator):
                    run[1] = offset + length  # the old file has this line right after the last one
                else:
                    if run is not None:
                        _copy(old, out, run[0], run[1] - run[0])
                    out.write(separator)
                    run = [offset, offset + length]
                places.append((position + len(separator), length, aid))
                position += len(separator) + length
                continue
            if run is not None:
                _copy(old, out, run[0], run[1] - run[0])
                run = None
            line = site.store.column(aid, "export").encode("utf-8")
            out.write(separator)
            out.write(line)
            places.append((position + len(separator), len(line), aid))
            position += len(separator) + len(line)
        if run is not None:
            _copy(old, out, run[0], run[1] - run[0])
        out.write(b"\n]}\n")
    with site.store.transaction():
        site.store.set_export_places(places)
        site.store.meta.export_digests = {aid: d for aid, d, _, _ in lines}
    update.staged(ANNOTATIONS, key)


class _Nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _copy(source, target, offset: int, length: int) -> None:
    """`length` bytes of `source` from `offset` onto the end of `target`, in the kernel where it can."""
    target.flush()
    done = 0
    while done < length:
        try:
            n = os.copy_file_range(source.fileno(), target.fileno(), length - done, offset + done)
        except OSError:
            n = 0
        if n <= 0:  # not on this file system: through user space
            source.seek(offset + done)
            target.write(source.read(length - done))
            target.flush()
            return
        done += n
    target.seek(0, os.SEEK_END)


def entity_preview(summary: EntitySummary, site: SiteView) -> dict:
    e = summary.entity
    titles = list(dict.fromkeys(list(e.titles) + summary.titles))
    data = {"name": e.name, "type": e.type, "url": entity_url(e.type, e.id), "summary": e.summary or "",
            "titles": titles[:3], "articles": summary.articles, "mentions": summary.mentions}
    if summary.first and summary.last:
        data["first"] = summary.first.date.display()
        data["last"] = summary.last.date.display()
    if e.country == "vn":
        data["lang"] = "vi"
    return data


def write_previews(site: SiteView, update: SiteUpdate, articles: list[str] | None) -> None:
    """The entities' cards, the date counts, and the date cards of `articles` (None: of every article)."""
    newest = site.newest_date
    update.put("data/previews/entities.json", _json({
        "entities": {eid: entity_preview(s, site) for eid, s in sorted(site.entities.items())},
        "newest": newest and _format(newest)}))
    update.put("data/previews/date-counts.json", _json(site.store.value_counts()))
    ids = site.store.ids_newest_first() if articles is None else articles
    for article_id in ids:
        cards = site.store.column(article_id, "previews")
        if cards is not None and cards.strip() != "{}":
            update.put(f"data/previews/dates/{article_id}.json", cards)


def preview_paths(site: SiteView) -> set[str]:
    """Every date-card file the site has (an article with no date has none)."""
    return {f"data/previews/dates/{aid}.json" for aid in site.store.dated_articles()}


def _format(point) -> str:
    from builder.model import format_point

    return format_point(point)


def write_reader_files(site: SiteView, update: SiteUpdate, graph: Callable[[], dict], page_urls: list[str],
                       base_url: str, config=None, graph_kept: bool = False) -> None:
    """graph.json (`graph`: `SitePages.relationship_map_data`; `graph_kept`: the map is known not to have
    changed, so the file `site/` holds stays), the Atom feed, the sitemap and robots.txt (`config`: archive.yml)."""
    if not (graph_kept and update.keep("data/graph.json")):
        update.put("data/graph.json", _json(graph()))
    for name, text in feed_files(site, base_url, page_urls, config).items():
        update.put(name, text)
