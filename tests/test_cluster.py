"""More than one machine: the map and render steps on a Dask cluster give the site a local build gives.

A `distributed.LocalCluster` of two worker processes (loopback only, no dashboard) stands in for a
cluster. The corpus is small (40 articles) and the threshold below which a step stays in the build's
process lowered to match (`_PARALLEL_MIN`, 64, to 16), so that both steps go to the workers, which
the scheduler's task stream confirms.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import site_bytes, tree_bytes

from builder.bench.synthetic import touch_article, write_corpus
from builder.cli import main
from builder.engine import executors
from builder.engine.build import BuildOptions, build
from builder.model import BuildError

distributed = pytest.importorskip("distributed")

ARTICLES = 40


@pytest.fixture(scope="module", autouse=True)
def small_batches_go_to_workers():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(executors, "PARALLEL_MIN", 16)
        yield


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as local, distributed.Client(local) as client:
        yield local.scheduler_address, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, ARTICLES, seed=11)
    return folder


def _copy(corpus: Path, where: Path) -> Path:
    shutil.copytree(corpus / "seeds", where / "seeds")
    shutil.copytree(corpus / "content", where / "content")
    return where


def _options(root: Path, **extra) -> BuildOptions:
    return BuildOptions(seeds=root / "seeds", content=root / "content", out=root / "site", cache=root / "cache",
                        **extra)


def _ran(stream: list[dict]) -> set[str]:
    """The names of the functions the cluster's workers ran (`map_chunk`, `render_families`: Dask
    drops the underscore)."""
    from dask.utils import key_split

    return {key_split(task["key"]) for task in stream}


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory):
    """The corpus built by local worker processes, and its site's bytes as that clean build left them."""
    here = _copy(corpus, tmp_path_factory.mktemp("local"))
    build(_options(here, jobs=2)).close()
    return here, site_bytes(here / "site"), tree_bytes(here / "content")


def test_a_cluster_builds_the_site_a_local_build_makes_byte_for_byte(tmp_path, corpus, cluster, local):
    address, client = cluster
    here, site, content = local
    there = _copy(corpus, tmp_path / "there")
    with distributed.get_task_stream(client) as stream:
        remote = build(_options(there, scheduler=address))
    remote.close()
    assert {"map_chunk", "render_families"} <= _ran(stream.data)
    assert remote.article_count == ARTICLES
    assert site_bytes(there / "site") == site  # Pagefind's filter index aside
    assert tree_bytes(there / "content") == content  # the Markdown and the registry pages discovery wrote

    # A rebuild on the cluster (the threshold lowered again so that its few pages go to the workers too)
    # stages only what changed, against the record of site/ that each worker reads for itself.
    for root in (here, there):
        touch_article(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(executors, "PARALLEL_MIN", 1)
        mine = build(_options(here, jobs=2))
        mine.close()
        with distributed.get_task_stream(client) as stream:
            remote = build(_options(there, scheduler=address))
        remote.close()
    assert {"map_chunk", "render_families"} <= _ran(stream.data)
    assert remote.written == mine.written and 0 < len(remote.written) < len(remote.pages)
    assert site_bytes(there / "site") == site_bytes(here / "site")


def test_a_no_cache_build_on_the_cluster_is_the_same_site(tmp_path, corpus, cluster, local):
    address, _ = cluster
    there = _copy(corpus, tmp_path / "there")
    remote = build(BuildOptions(seeds=there / "seeds", content=there / "content", out=there / "site", cache=None,
                                scheduler=address))
    remote.close()
    assert site_bytes(there / "site") == local[1]
    assert not list(there.glob("archive-build-*"))  # its scratch folder (beside the site) is gone


def test_workers_keep_their_tools_between_chunks_and_make_new_ones_for_another_recipe():
    made = []

    def recipe(name):
        return lambda: made.append(name) or name

    first = recipe("a")
    assert executors.tools("map", "t1", first) == "a"
    assert executors.tools("map", "t1", first) == "a"
    assert executors.tools("map", "t1", None) == "a"  # made already: the chunk need not carry the recipe
    assert executors.tools("map", "t2", recipe("b")) == "b"
    assert made == ["a", "b"]
    assert executors.forget("t2") == 1
    assert executors.tools("map", "t2", recipe("b")) == "b" and made == ["a", "b", "b"]
    executors.forget("t2")


def test_scheduler_without_dask_says_what_to_install(tmp_path, corpus, monkeypatch, capsys):
    root = _copy(corpus, tmp_path / "root")
    real = executors.importlib.util.find_spec
    monkeypatch.setattr(executors.importlib.util, "find_spec",
                        lambda name, *args: None if name == "distributed" else real(name, *args))
    with pytest.raises(BuildError) as caught:
        build(_options(root, scheduler="tcp://127.0.0.1:8786"))
    assert str(caught.value) == "--scheduler needs Dask: pip install 'vn-cn-archive-builder[dask]'"
    code = main(["build", "--seeds", str(root / "seeds"), "--content", str(root / "content"),
                 "--out", str(root / "site"), "--cache", str(root / "cache"), "--scheduler", "tcp://127.0.0.1:8786"])
    assert code == 1
    assert "--scheduler needs Dask: pip install 'vn-cn-archive-builder[dask]'" in capsys.readouterr().err
    assert not (root / "site").exists()


def test_an_unreachable_scheduler_is_a_build_error(tmp_path, corpus):
    import dask

    root = _copy(corpus, tmp_path / "root")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), pytest.raises(BuildError) as caught:
        build(_options(root, scheduler="tcp://127.0.0.1:9"))  # the discard port: nothing listens
    assert "cannot reach the Dask scheduler" in str(caught.value)
    assert not (root / "site").exists()


def test_build_help_documents_the_scheduler(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert "--scheduler" in capsys.readouterr().out
