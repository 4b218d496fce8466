"""Scores a corpus of unseen articles (tests/unseen, tests/heldout) as a real build annotates them.

Each corpus is built with `builder.engine.build.build`, so discovery writes and links its
`status: discovered` pages exactly as a publisher's build does: once over a private copy of
the repository's registry ("with the registry"), once over an EMPTY `content/` folder
("empty registry": a new archive, discovery alone).

- people, mechanisms, organisations and places: `tests/gold_scoring.py` (people mention by
  mention; the others per entity for recall and per link for precision, ids not checked,
  since an empty registry's ids are discovery's slugs);
- dates: surface text AND ISO value, with multiplicity, as `tests/test_gold_dates.py`;
- publication dates: exact; month-acceptable (a month where the gold gives only a month, or
  the right month where the text gives no day: `how: inferred from text`); wrong (anything
  else, an unknown date included).

Run it as a script for the table: `python tests/unseen_scoring.py [unseen|heldout] [--empty|--registry] [-v]`.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
# As a script, this folder (not the repository) would come first on sys.path: put this worktree's
# `builder` first, whatever else is installed.
for path in (HERE, HERE.parent):
    if str(path) in sys.path:
        sys.path.remove(str(path))
    sys.path.insert(0, str(path))

from gold_scoring import Score, load_gold, score_entities, score_people  # noqa: E402
from helpers import copy_registry  # noqa: E402

CORPORA = {"unseen": HERE / "unseen", "heldout": HERE / "heldout", "fresh": HERE / "fresh", "fresh3": HERE / "fresh3", "fresh4": HERE / "fresh4", "fresh5": HERE / "fresh5", "fresh6": HERE / "fresh6", "fresh7": HERE / "fresh7", "fresh8": HERE / "fresh8", "fresh9": HERE / "fresh9", "fresh10": HERE / "fresh10", "fresh11": HERE / "fresh11", "fresh12": HERE / "fresh12", "fresh13": HERE / "fresh13", "fresh14": HERE / "fresh14", "fresh15": HERE / "fresh15", "fresh16": HERE / "fresh16", "fresh17": HERE / "fresh17", "fresh18": HERE / "fresh18", "fresh19": HERE / "fresh19", "fresh20": HERE / "fresh20", "fresh21": HERE / "fresh21", "fresh22": HERE / "fresh22", "fresh23": HERE / "fresh23", "fresh24": HERE / "fresh24", "fresh25": HERE / "fresh25", "fresh26": HERE / "fresh26", "fresh27": HERE / "fresh27", "fresh28": HERE / "fresh28", "fresh29": HERE / "fresh29", "fresh30": HERE / "fresh30", "fresh31": HERE / "fresh31", "fresh32": HERE / "fresh32", "fresh33": HERE / "fresh33", "fresh34": HERE / "fresh34", "fresh35": HERE / "fresh35", "fresh36": HERE / "fresh36", "fresh37": HERE / "fresh37", "fresh38": HERE / "fresh38", "fresh39": HERE / "fresh39", "fresh40": HERE / "fresh40", "fresh41": HERE / "fresh41", "fresh42": HERE / "fresh42", "fresh43": HERE / "fresh43", "fresh44": HERE / "fresh44", "fresh45": HERE / "fresh45", "fresh46": HERE / "fresh46", "fresh47": HERE / "fresh47", "fresh48": HERE / "fresh48", "fresh49": HERE / "fresh49", "fresh50": HERE / "fresh50", "fresh51": HERE / "fresh51"}
SECTIONS = ("people", "mechanisms", "organisations", "places")


@dataclass
class PublicationScore:
    exact: int = 0
    month: int = 0
    wrong: int = 0
    wrong_items: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.exact + self.month + self.wrong


@dataclass
class CorpusScore:
    scores: dict[str, Score]
    published: PublicationScore
    articles: int

    def f1(self, section: str) -> float:
        s = self.scores[section]
        p, r = s.precision, s.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def table(self) -> str:
        rows = ["| type | P | R | F1 | tp | fp | fn |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for section in (*SECTIONS, "dates"):
            s = self.scores[section]
            rows.append(f"| {section} | {s.precision:.3f} | {s.recall:.3f} | {self.f1(section):.3f} "
                        f"| {s.tp} | {s.fp} | {s.fn} |")
        pub = self.published
        rows.append(f"\npublication dates: {pub.exact} exact, {pub.month} month-acceptable, {pub.wrong} wrong "
                    f"(of {pub.total})")
        return "\n".join(rows)

    def errors(self) -> str:
        out = []
        for section in (*SECTIONS, "dates"):
            s = self.scores[section]
            out.append(f"## {section}\nspurious:\n  " + "\n  ".join(s.spurious) + "\nmissed:\n  " + "\n  ".join(s.missed))
        out.append("## publication\n  " + "\n  ".join(self.published.wrong_items))
        return "\n".join(out)


def _gold_dates(gold: dict) -> Counter:
    out = Counter()
    for item in gold.get("dates") or []:
        out[(item["text"], str(item["value"]))] += item.get("count", 1)
    return out


def score_dates(article, gold: dict) -> Score:
    g = _gold_dates(gold)
    p = Counter((m.text, m.value.iso()) for m in article.mentions if m.type == "date")
    score = Score(tp=sum((g & p).values()), fp=sum((p - g).values()), fn=sum((g - p).values()))
    score.spurious += [f"{article.source_file}: {t!r} = {v}" + (f" x{n}" if n > 1 else "") for (t, v), n in (p - g).items()]
    score.missed += [f"{article.source_file}: {t!r} = {v}" + (f" x{n}" if n > 1 else "") for (t, v), n in (g - p).items()]
    return score


def score_publication(article, gold: dict, into: PublicationScore) -> None:
    want = str(gold["published"]) if gold.get("published") else None
    got = article.date.value.iso() if article.date.value else None
    if got == want:
        into.exact += 1
        return
    month_only_gold = want is not None and len(want) == 7
    no_day_in_text = gold.get("how") == "inferred from text"
    if want and got and got[:7] == want[:7] and (month_only_gold or (no_day_in_text and len(got) == 7)):
        into.month += 1
        return
    into.wrong += 1
    into.wrong_items.append(f"{article.source_file}: {got} ({article.date.how}), gold {want} ({gold.get('how')})")


def score_articles(articles, root: Path) -> CorpusScore:
    scores = {section: Score() for section in (*SECTIONS, "dates")}
    published = PublicationScore()
    for article in articles:
        stem = Path(article.source_file).stem
        gold = load_gold(root / "gold" / f"{stem}.yaml")
        scores["people"] += score_people(article, gold)
        for section in SECTIONS[1:]:
            scores[section] += score_entities(article, gold, section, check_id=False)
        dates_file = root / "gold_dates" / f"{stem}.yaml"
        if dates_file.exists():
            date_gold = yaml.safe_load(dates_file.read_text(encoding="utf-8"))
            scores["dates"] += score_dates(article, date_gold)
            score_publication(article, date_gold, published)
    return CorpusScore(scores, published, len(articles))


def build_corpus(root: Path, work: Path, empty: bool):
    """A real build of `root/seeds` (discovery included) over the registry's copy, or an empty registry."""
    from builder.engine.build import BuildOptions, build

    content = work / "content"
    if empty:
        content.mkdir(parents=True)
    else:
        copy_registry(content)
    return build(BuildOptions(seeds=root / "seeds", content=content, out=work / "site", cache=None, jobs=1,
                              search=False))


def score_corpus(root: Path, work: Path, empty: bool) -> CorpusScore:
    result = build_corpus(root, work, empty)
    try:
        return score_articles(result.articles, root)
    finally:
        result.close()


def main(argv: list[str]) -> None:
    names = [a for a in argv if not a.startswith("-")] or ["unseen"]
    verbose = "-v" in argv
    modes = [True] if "--empty" in argv else [False] if "--registry" in argv else [False, True]
    for name in names:
        for empty in modes:
            with tempfile.TemporaryDirectory() as tmp:
                result = score_corpus(CORPORA[name], Path(tmp), empty)
            print(f"### {name}, {'empty registry' if empty else 'with the registry'} ({result.articles} articles)\n")
            print(result.table())
            if verbose:
                print(result.errors())
            print()


if __name__ == "__main__":
    main(sys.argv[1:])
