"""The content stage of a build: `content/articles/*.md` and `content/timeline/` brought in line with the
store (`engine/build.py` runs it after the map). An article page an editor made theirs (its
`generated: true` removed) is never written, and one changed since the last build is mapped again.
"""

from __future__ import annotations

import os
from pathlib import Path

from builder.content.markdown import (
    is_generated,
    timeline_index_markdown,
    timeline_year_markdown,
)
from builder.engine.store import SiteStore


def article_pages_changed(content: Path, store: SiteStore, records: dict | None = None) -> set[str]:
    """The ids of the articles whose page in content/articles/ is missing or is not what the last build
    left there: an editor made it theirs or changed it (it is read back), deleted it or gave it back
    (the article is made from its seed again). `records`: every input's [size, mtime_ns, …] as a moment
    ago (`state.file_records`), the article pages among them: the folder is then not looked at again."""
    folder = Path(content) / "articles"
    if records is not None:
        base = str(folder) + os.sep
        out = set()
        for article_id, size, mtime in store.content_stamps():
            record = records.get(f"{base}{article_id}.md")
            if record is None or record[0] != size or record[1] != mtime:
                out.add(article_id)
        return out
    try:
        with os.scandir(folder) as entries:
            present = {entry.name: entry for entry in entries if entry.name.endswith(".md")}
    except FileNotFoundError:
        present = {}
    out = set()
    for article_id, size, mtime in store.content_stamps():
        entry = present.get(f"{article_id}.md")
        if entry is None:
            out.add(article_id)
            continue
        stat = entry.stat()
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
            out.add(article_id)
    return out


def sync_content(content: Path, store: SiteStore, warnings: list[str]) -> list[Path]:
    """Make content/articles/ what the store says: each article's Markdown (written again when the
    file is missing or is not what the last build wrote), and no generated file of another article.
    An editor's page of no article (its seed now makes another id) is kept, with a warning."""
    folder = Path(content) / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    stamps = store.content_stamps()
    known = {f"{article_id}.md" for article_id, _, _ in stamps}
    with os.scandir(folder) as entries:
        present = {entry.name: entry for entry in entries if entry.name.endswith(".md")}
    for name in sorted(set(present) - known):
        if is_generated(Path(present[name].path)):
            os.unlink(present[name].path)
            changed.append(folder / name)
        else:
            warnings.append(_orphan_warning(folder / name, store))
    for article_id, size, mtime in stamps:
        entry = present.get(f"{article_id}.md")
        try:
            stat = entry.stat() if entry is not None else None  # DirEntry keeps it: one syscall
            if stat is not None and (stat.st_size, stat.st_mtime_ns) == (size, mtime):
                continue
        except OSError:
            pass
        path = folder / f"{article_id}.md"
        if entry is not None and not is_generated(path):  # an editor's page: never written, read back
            stat = path.stat()
            store.set_content_stamp(article_id, stat.st_size, stat.st_mtime_ns)
            continue
        if _write_if_changed(path, store.column(article_id, "markdown")):
            changed.append(path)
        stat = path.stat()
        store.set_content_stamp(article_id, stat.st_size, stat.st_mtime_ns)
    return changed


def _orphan_warning(path: Path, store: SiteStore) -> str:
    """What to say of an editor's article page that no article has: which seed made it, and what that
    seed makes now."""
    from builder.ingest.edit import front_matter_value

    try:
        seed = front_matter_value(path.read_text(encoding="utf-8"), "seed", None)
    except Exception:  # noqa: BLE001 - a page that cannot be read says nothing of its seed
        seed = None
    now = store.keys().get(seed) if isinstance(seed, str) else None
    if now is not None:
        return (f"{path}: an editor's page of seeds/{seed}, which now makes {now[0]}.md (its title or date "
                f"changed): the page is not read; rename it {now[0]}.md to keep the editor's text")
    return (f"{path}: an editor's page of no article (no seed makes {path.stem}): it is not read; delete it, "
            "or give its seed back")


def _write_if_changed(path: Path, text: str) -> bool:
    from builder.content.markdown import write_if_changed

    path.parent.mkdir(parents=True, exist_ok=True)
    return write_if_changed(path, text)


def write_timeline_content(content: Path, store: SiteStore, years: set | None) -> list[Path]:
    """content/timeline.md and the files of the years that changed (every year when None)."""
    folder = Path(content) / "timeline"
    folder.mkdir(parents=True, exist_ok=True)
    counts = store.timeline_years()
    changed = []
    present = {year for year, _ in counts}
    missing = {year for year in present if not (folder / f"{year}.md").is_file()}
    for year in sorted(present if years is None else (years & present) | missing):
        path = folder / f"{year}.md"
        if _write_if_changed(path, timeline_year_markdown(year, store.timeline_markdown(year))):
            changed.append(path)
    for stale in sorted(folder.glob("*.md")):
        if stale.stem.isdigit() and int(stale.stem) not in present and is_generated(stale):
            stale.unlink()
            changed.append(stale)
    index = Path(content) / "timeline.md"
    if _write_if_changed(index, timeline_index_markdown(counts)):
        changed.append(index)
    return changed
