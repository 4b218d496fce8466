"""Progress while a build runs (`builder.engine.progress`): what is shown, when, and that it changes nothing else."""

from __future__ import annotations

import io
import re
import shutil
import time
from pathlib import Path

import pytest
from helpers import _PAGEFIND_UNSTABLE, copy_registry, tree_bytes
from rich.console import Console

from builder.cli import main
from builder.engine import progress
from builder.engine.build import build
from builder.engine.progress import LiveProgress, PlainProgress, Progress, reporter
from builder.engine.state import BuildOptions

REPO = Path(__file__).resolve().parent.parent


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.calls = 0

    def __call__(self) -> float:
        self.calls += 1
        return self.now


def plain(clock: FakeClock, delay: float = 2.0) -> tuple[PlainProgress, io.StringIO]:
    out = io.StringIO()
    return PlainProgress(out, clock=clock, delay=delay, interval=5.0), out


# --- plain lines (logs, CI) ----------------------------------------------------------------------


def test_plain_prints_a_line_per_stage_with_its_count_when_it_ends():
    clock = FakeClock()
    reporter_, out = plain(clock, delay=0)
    with reporter_.stage("map", 3, "articles mapped") as step:
        for _ in range(3):
            clock.now += 0.5
            step.advance()
    with reporter_.stage("content"):
        clock.now += 0.25
    with reporter_.stage("render", 10, "pages rendered") as step:
        step.advance(4)  # a chunk came back
    reporter_.close()
    assert out.getvalue().splitlines() == [
        "map: 3 articles mapped in 1.5 s",
        "content: done in 0.2 s",
        "render: 4 of 10 pages rendered in 0.0 s",
    ]


def test_plain_says_nothing_for_a_build_done_within_the_delay():
    clock = FakeClock()
    reporter_, out = plain(clock)
    with reporter_.stage("map", 5, "articles mapped") as step:
        step.advance(5)
        clock.now += 1.0
    with reporter_.stage("render", 20, "pages rendered") as step:
        step.advance(20)
        clock.now += 0.9
    reporter_.close()
    assert out.getvalue() == ""


def test_plain_prints_the_lines_held_back_once_the_build_runs_past_the_delay():
    clock = FakeClock()
    reporter_, out = plain(clock)
    with reporter_.stage("map", 5, "articles mapped") as step:
        step.advance(5)
        clock.now += 1.0
    assert out.getvalue() == ""
    with reporter_.stage("render", 20, "pages rendered") as step:
        step.advance(20)
        clock.now += 2.0
    reporter_.close()
    assert out.getvalue().splitlines() == ["map: 5 articles mapped in 1.0 s", "render: 20 pages rendered in 2.0 s"]


def test_plain_lines_in_a_long_stage_come_every_tenth_and_never_within_five_seconds():
    clock = FakeClock()
    reporter_, out = plain(clock)
    with reporter_.stage("map", 10_000, "articles mapped") as step:
        for _ in range(10_000):  # 0.1 s an article: 1,000 s in all
            clock.now += 0.1
            step.advance()
    reporter_.close()
    lines = out.getvalue().splitlines()
    assert lines[0] == "map: 1,000 of 10,000 articles mapped (10%), 1 min 40 s so far, about 15 min 0 s left"
    assert lines[-1] == "map: 10,000 articles mapped in 16 min 40 s"
    assert len(lines) == 10  # nine tenths, then the end: never a flood
    # The clock is looked at once a hundredth of the stage, not once an article.
    assert clock.calls < 120


def test_plain_lines_of_a_fast_stage_wait_five_seconds():
    clock = FakeClock()
    reporter_, out = plain(clock, delay=0)
    with reporter_.stage("render", 1000, "pages rendered") as step:
        for _ in range(1000):  # 12 s in all: a tenth every 1.2 s, a line at most every 5 s
            clock.now += 0.012
            step.advance()
    reporter_.close()
    lines = out.getvalue().splitlines()
    # (the clock is looked at every tenth page: the first look 5 s after the start is at page 420)
    assert [line.split(" (")[0] for line in lines] == ["render: 420 of 1,000 pages rendered",
                                                      "render: 840 of 1,000 pages rendered",
                                                      "render: 1,000 pages rendered in 12.0 s"]


def test_a_stage_opened_again_counts_on_and_grows():
    clock = FakeClock()
    reporter_, out = plain(clock, delay=0)
    with reporter_.stage("map", what="articles mapped") as step:
        step.add(4)
        step.advance(4)
        step.add(2)  # a second round: the articles a new name touches
        step.advance(2)
    with reporter_.stage("search", 3, "bundles indexed") as step:
        step.advance(3)
    with reporter_.stage("search", 1, "bundles indexed") as step:
        step.advance(1)
    reporter_.close()
    assert out.getvalue().splitlines() == ["map: 6 articles mapped in 0.0 s", "search: 3 bundles indexed in 0.0 s",
                                           "search: 4 bundles indexed in 0.0 s"]


def test_the_silent_reporter_costs_a_counter_and_never_looks_at_the_clock():
    clock = FakeClock()
    silent = Progress(clock=clock)
    with silent.stage("map", 100_000, "articles mapped") as step:
        for _ in range(100_000):
            step.advance()
    assert step.done == 100_000
    assert clock.calls <= 3  # made, stage opened, stage ended


# --- choosing a reporter --------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_reporter_is_silent_with_quiet_plain_on_a_pipe_and_rich_on_a_terminal(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    assert type(reporter(quiet=True, stream=_Terminal())) is Progress
    assert type(reporter(stream=io.StringIO())) is PlainProgress
    live = reporter(stream=_Terminal())
    try:
        assert type(live) is LiveProgress
    finally:
        live.close()
    monkeypatch.setenv("TERM", "dumb")
    assert type(reporter(stream=_Terminal())) is PlainProgress


# --- rich on a terminal ---------------------------------------------------------------------------


def _text(console_output: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", console_output)


def test_rich_bars_show_the_counts_after_the_delay_and_are_cleared_at_the_end():
    buffer = io.StringIO()
    live = LiveProgress(Console(file=buffer, force_terminal=True, width=120), delay=0.05, refresh_per_second=50)
    with live.stage("map", 10, "articles mapped") as step:
        step.advance(3)
        deadline = time.monotonic() + 5
        while "3 of 10 articles mapped" not in _text(buffer.getvalue()) and time.monotonic() < deadline:
            time.sleep(0.02)
    live.close()
    shown = _text(buffer.getvalue())
    assert "map" in shown and "3 of 10 articles mapped" in shown
    assert "\x1b[2K" in buffer.getvalue()  # transient: the bars' lines are erased when the build ends


def test_rich_shows_nothing_for_a_build_done_within_the_delay():
    buffer = io.StringIO()
    live = LiveProgress(Console(file=buffer, force_terminal=True, width=120), delay=10)
    with live.stage("map", 10, "articles mapped") as step:
        step.advance(10)
    live.close()
    assert buffer.getvalue() == ""


def test_rich_bars_through_a_build_with_worker_processes(tmp_path):
    """The bars are drawn on rich's thread while the render forks its workers: the build neither
    hangs nor changes, and every page it rendered is counted."""
    shutil.copytree(REPO / "seeds", tmp_path / "S")
    copy_registry(tmp_path / "C")
    buffer = io.StringIO()
    live = LiveProgress(Console(file=buffer, force_terminal=True, width=120), delay=0, refresh_per_second=50)
    try:
        result = build(BuildOptions(seeds=tmp_path / "S", content=tmp_path / "C", out=tmp_path / "O",
                                    cache=tmp_path / "cache", jobs=2), progress=live)
    finally:
        live.close()
    pages = len(result.pages)
    result.close()
    assert live.steps["render"].done == live.steps["render"].total == pages
    assert live.steps["map"].done == 5
    assert f"{pages} of {pages} pages rendered" in _text(buffer.getvalue())


# --- the command line -----------------------------------------------------------------------------


def _tree(root: Path) -> Path:
    shutil.copytree(REPO / "seeds", root / "S")
    copy_registry(root / "C")
    return root


@pytest.fixture
def long_build(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0)  # every build as if it were a long one


def _build(root: Path, monkeypatch, *extra: str) -> int:
    monkeypatch.chdir(root)
    return main(["build", "--seeds", "S", "--content", "C", "--out", "O", "--cache", "cache", *extra])


def _site(root: Path) -> dict[str, bytes]:
    return {path: data for path, data in tree_bytes(root / "O").items() if not _PAGEFIND_UNSTABLE.match(path)}


def test_build_on_a_pipe_prints_plain_lines_and_quiet_prints_none_and_the_output_is_the_same(
        tmp_path, monkeypatch, capsys, long_build):
    loud_tree, quiet_tree = _tree(tmp_path / "loud"), _tree(tmp_path / "quiet")
    assert _build(loud_tree, monkeypatch) == 0
    loud = capsys.readouterr()
    assert _build(quiet_tree, monkeypatch, "--quiet") == 0
    quiet = capsys.readouterr()

    pages = int(re.search(r"built (\d+) pages", loud.out)[1])
    lines = loud.err.splitlines()
    assert [line.split(" in ")[0] for line in lines if not line.startswith("search:")] == [
        "map: 5 articles mapped", "content: done", f"render: {pages} pages rendered", "export: done",
        lines[-1].split(" in ")[0]]
    assert re.fullmatch(r"publish: [\d,]+ changes published in \d+\.\d s", lines[-1])
    assert all(re.fullmatch(r"search: \d+ bundles indexed in \d+\.\d s", line)
               for line in lines if line.startswith("search:"))
    assert any(line.startswith("search:") for line in lines)
    assert quiet.err == ""
    assert quiet.out == loud.out
    # --quiet changes what is shown, nothing that is written.
    assert _site(quiet_tree) == _site(loud_tree)
    assert tree_bytes(quiet_tree / "C") == tree_bytes(loud_tree / "C")


def test_a_failed_build_on_a_pipe_reports_the_error_and_no_stage_after_it(tmp_path, monkeypatch, capsys, long_build):
    root = _tree(tmp_path)
    (root / "S" / "005_bad.txt").write_text(" date 2026-02-30 BEIJING — Talks. — VNS\n", encoding="utf-8")
    assert _build(root, monkeypatch) == 1
    err = capsys.readouterr().err
    assert "S/005_bad.txt:1: header date '2026-02-30' is not a real YYYY-MM-DD date" in err
    assert "Traceback" not in err
    assert "render:" not in err and "publish:" not in err
