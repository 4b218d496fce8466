"""Where the build's map and render steps run: worker processes of this machine, or a Dask cluster.

Both steps hand chunks of work to a `concurrent.futures.Executor` and read the results back in the
order submitted, so the site is the same whatever runs them. What differs is how a worker gets the
tools it needs for every chunk (a `_Mapper`, the `SitePages` of the store), which are slow to make
(the registry's automaton, the site's sums) and must be made once per worker, not per chunk:

- **Here** (`Workers(jobs)`): a `ProcessPoolExecutor` whose workers are forked; each worker makes its
  tools in the pool's initializer, from the parent's objects, which fork hands over without pickling.
  A step may ask for `fresh` workers instead (a clean build's render): new interpreters that make
  their tools from a picklable recipe, as on a cluster. They start slower and carry only what they
  make, where a forked worker's share of the parent's heap is copied page by page as it is touched.
- **On a Dask cluster** (`Workers(jobs, scheduler="tcp://host:8786")`): Dask's executor
  (`distributed.Client(address).get_executor()`) has no initializer, so a *recipe* (plain values:
  registry, options, paths) is scattered once to every worker (`client.scatter(broadcast=True)`),
  every chunk carries a reference to it, and a worker makes its tools from the recipe with the first
  chunk it runs, keeping them by the recipe's token for the chunks that follow
  (`tools(kind, token, recipe)`, one per worker thread), and lets go of them when the step ends.

The cluster's workers must see the parent's files at the same paths (the seeds, the templates, the
cache folder with the annotation cache and the site store, and the folder beside `--out` where the
new site is staged): they read seeds and stores there and write the pages they render there. That
is the simple case of a cluster on one machine or on machines sharing a file system (NFS and the
like). They must also run the same code: `Workers` compares a fingerprint of our modules on every
worker with the parent's before any work is sent.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import multiprocessing
import pickle
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path

from builder.model import BuildError

_PACKAGE = Path(__file__).resolve().parent.parent

# Below this many articles to map (or families to render), worker start-up costs more than it saves.
PARALLEL_MIN = 64


def dask_missing() -> BuildError:
    return BuildError("--scheduler needs Dask", "pip install 'vn-cn-archive-builder[dask]'")


def code_fingerprint() -> str:
    """A hash of our own modules: a worker that runs other code would lay out other pages."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


# --- the worker's side ----------------------------------------------------------------------------

_MADE: dict[tuple[str, int], tuple[str, object]] = {}  # (kind, worker thread) -> (token, tools)
_MADE_LOCK = threading.Lock()


def _keep(kind: str, token: str, value) -> None:
    with _MADE_LOCK:
        _MADE[kind, threading.get_ident()] = (token, value)  # one set of tools per kind: the last build's go


def _prepare(kind: str, token: str, recipe: Callable[[], object]) -> None:
    """A local pool's initializer: make the worker's tools as it starts."""
    _keep(kind, token, recipe())


def tools(kind: str, token: str, recipe: Callable[[], object] | None):
    """This worker thread's tools of `kind` for the recipe `token`: made by `recipe()` the first time
    asked (None: made already, by the pool's initializer). Each thread has its own: they hold SQLite
    connections, which stay with the thread that opened them."""
    made = _MADE.get((kind, threading.get_ident()))
    if made is not None and made[0] == token:
        return made[1]
    if recipe is None:
        raise RuntimeError(f"no {kind} tools in this worker for {token}")
    value = recipe()
    _keep(kind, token, value)
    return value


def forget(token: str) -> int:
    """Let go of the tools made for `token` (run on every cluster worker when a step ends: they hold
    the build's SQLite files open, which a --no-cache build then deletes); returns how many."""
    with _MADE_LOCK:
        gone = [key for key, (made, _) in _MADE.items() if made == token]
        for key in gone:
            del _MADE[key]
    gc.collect()  # the connections close when their objects go
    return len(gone)


# --- the build's side -----------------------------------------------------------------------------


class Workers:
    """The workers of one build: `jobs` local processes, or the Dask cluster at `scheduler` (connected
    to when a step first has enough work for it: a one-article rebuild never leaves this process)."""

    def __init__(self, jobs: int, scheduler: str | None = None):
        self._jobs = jobs
        self.scheduler = scheduler or None
        self.client = None
        if self.scheduler and importlib.util.find_spec("distributed") is None:
            raise dask_missing()

    @property
    def distributed(self) -> bool:
        return self.scheduler is not None

    @property
    def jobs(self) -> int:
        """How many chunks run at once: local processes, or the cluster's worker threads."""
        if self.distributed:
            self._connected()
        return self._jobs

    def parallel(self, items: int, threshold: int, needs_fork: bool = False) -> bool:
        """Whether `items` chunks of work go to workers rather than being done here: on a cluster
        whenever there are `threshold` of them; here, also only with more than one worker (and, for
        a step whose workers inherit the parent's objects, where processes can fork)."""
        if items < threshold:
            return False
        if self.distributed:
            return True
        return self._jobs > 1 and (not needs_fork or "fork" in multiprocessing.get_all_start_methods())

    @contextmanager
    def pool(self, kind: str, recipe: Callable[[], object],
             fresh: bool = False) -> Iterator[tuple[Executor, str, object]]:
        """An executor for one step, with what each of its chunks carries to find its tools:
        yields (executor, token, carried); a chunk calls `tools(kind, token, carried)`.

        Here, `recipe` runs once in each worker as it starts: the pool forks (it is not pickled), or, with
        `fresh`, starts each worker as a new interpreter that makes its tools from the pickled recipe, as a
        cluster worker does — a forked worker carries the parent's whole heap, and touching it copies its pages.
        On the cluster it is scattered once to every worker and made there on first use."""
        if not self.distributed:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods and not fresh else "spawn")
            with ProcessPoolExecutor(max_workers=self._jobs, mp_context=context, initializer=_prepare,
                                     initargs=(kind, "here", recipe)) as executor:
                yield executor, "here", None
            return
        client = self._connected()
        data = pickle.dumps(recipe, protocol=pickle.HIGHEST_PROTOCOL)
        token = f"{kind}-{hashlib.blake2b(data, digest_size=16).hexdigest()}"
        shared = client.scatter(recipe, broadcast=True, hash=False)
        executor = client.get_executor(pure=False)
        try:
            yield executor, token, shared
        finally:
            executor.shutdown(wait=True)
            shared.release()
            with suppress(Exception):  # a worker that left the cluster has nothing left to forget
                client.run(forget, token)

    def _connected(self):
        if self.client is None:
            client = _connect(self.scheduler)
            try:
                threads = sum(client.nthreads().values())
                if not threads:
                    raise BuildError(f"--scheduler {self.scheduler}", "the cluster has no workers; start some "
                                     f"(`dask worker {self.scheduler} --nthreads 1`) and build again")
                _check_code(client, self.scheduler)
            except BaseException:
                client.close()
                raise
            self.client, self._jobs = client, threads
        return self.client

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None


def _connect(address: str):
    try:
        import distributed
    except ImportError:
        raise dask_missing() from None
    try:
        return distributed.Client(address, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BuildError(f"--scheduler {address}", f"cannot reach the Dask scheduler ({exc}); "
                         "is `dask scheduler` running there?") from None


def _check_code(client, address: str) -> None:
    ours = code_fingerprint()
    others = sorted(worker for worker, theirs in client.run(code_fingerprint).items() if theirs != ours)
    if others:
        raise BuildError(f"--scheduler {address}", f"worker(s) {', '.join(others)} run other builder code than "
                         "this one; install the same version on every worker")
