"""Forked workers for the passes over a whole database (dedupe, the contradiction scan,
the credibility reports, large imports).

Work is handed over by fork: the children see the parent's data copy-on-write and only
their results are pickled back, so nothing has to be picklable but the results. A child
never touches the parent's database connection. Workers are used from ``PARALLEL_FROM``
items on, one per core (at most four); never on Windows (no fork), never inside a worker,
and never when ``TRACKER_WORKERS=1``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 50_000
"""Passes over fewer items than this stay in the calling process."""
MAX_WORKERS = 4

_JOB: list = []
_IN_WORKER: list[bool] = []


def workers(n: int, least: int | None = None) -> int:
    """How many workers a pass over ``n`` items gets (1: none)."""
    if n < (PARALLEL_FROM if least is None else least) or _IN_WORKER or sys.platform == "win32":
        return 1
    wanted = os.environ.get("TRACKER_WORKERS", "")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if wanted.isdigit() and int(wanted) > 0:
        return min(int(wanted), MAX_WORKERS)
    return max(1, min(cores, MAX_WORKERS))


def run(
    fn: Callable[[int], R],
    tasks: int,
    n_workers: int,
    on_result: Callable[[R], None] | None = None,
) -> list[R]:
    """``[fn(0), ..., fn(tasks - 1)]``, computed by ``n_workers`` forked workers."""

    if n_workers <= 1:
        out = []
        for k in range(tasks):
            out.append(fn(k))
            if on_result:
                on_result(out[-1])
        return out
    with _forked_pool(fn, n_workers) as pool:
        out = []
        for result in pool.imap(_call, range(tasks)):
            out.append(result)
            if on_result:
                on_result(result)
        return out


def _forked_pool(fn: Callable[[int], Any], n_workers: int):
    """A pool of ``n_workers`` workers forked now, each of which runs ``fn`` on the task
    numbers it is given (``_call``)."""
    import gc
    import multiprocessing

    _JOB[:] = [fn]
    # Objects that exist before the fork are left out of the workers' garbage collection:
    # a collection would otherwise touch every one of them and copy the pages they sit on.
    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(n_workers, initializer=_mark_worker)
    finally:
        # The children have forked: the parent lets go of the job and collects again.
        _JOB.clear()
        gc.unfreeze()


class Started:
    """Work begun by ``start``: ``results()`` waits for it and gives the results;
    ``cancel()`` stops the workers (when the caller fails before it needs them)."""

    def __init__(self, results: Callable[[], list], cancel: Callable[[], None] = lambda: None) -> None:
        self.results = results
        self.cancel = cancel


def start(fn: Callable[[int], R], tasks: int, n_workers: int, *, fork_one: bool = False) -> Started:
    """``run`` begun now: the workers fork and work while the caller goes on. With one
    worker the work is done when the results are asked for, unless ``fork_one``: then
    one worker forks and works beside the caller. No other pass may run in between."""
    if n_workers < 1 or (n_workers == 1 and not fork_one):
        return Started(lambda: [fn(k) for k in range(tasks)])
    pool = _forked_pool(fn, n_workers)
    pending = pool.map_async(_call, range(tasks), chunksize=1)

    def stop() -> None:
        pool.terminate()
        pool.join()

    def results() -> list[R]:
        try:
            return pending.get()
        finally:
            stop()

    return Started(results, stop)


class Feed:
    """Work handed to workers piece by piece while the caller goes on: the workers fork
    when the feed is made, each ``send(item)`` passes an item to ``fn`` in one of them
    (through a pipe: the item did not exist when they forked), and ``results()`` waits
    for every piece and gives ``fn``'s results in the order sent. With one worker
    nothing forks (unless ``fork_one``) and the pieces are done when the results are
    asked for."""

    def __init__(self, fn: Callable[[Any], R], n_workers: int, *, fork_one: bool = False) -> None:
        self._fn = fn
        self._forked = n_workers > 1 or (n_workers == 1 and fork_one)
        self._pool = _forked_pool(fn, n_workers) if self._forked else None
        self._pending: list = []

    def send(self, item: Any) -> None:
        if self._pool is not None:
            item = self._pool.apply_async(_call, (item,))
        elif self._forked:
            raise RuntimeError("this feed was cancelled")
        self._pending.append(item)

    def results(self) -> list[R]:
        if not self._forked:
            return [self._fn(x) for x in self._pending]
        try:
            return [p.get() for p in self._pending]
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the workers (idempotent)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def fork_map(fn: Callable[[T], R], items: Sequence[T], n_workers: int | None = None) -> list[R]:
    """``[fn(x) for x in items]``, in forked workers when there are enough items."""
    w = workers(len(items)) if n_workers is None else n_workers
    if w <= 1:
        return [fn(x) for x in items]
    shares = split(len(items), w * 4)
    return [y for chunk in run(lambda k: [fn(x) for x in items[shares[k]]], len(shares), w) for y in chunk]


def split(n: int, parts: int) -> list[slice]:
    """``parts`` consecutive slices of about equal length covering ``range(n)``."""
    step = max(1, -(-n // parts))
    return [slice(start, min(n, start + step)) for start in range(0, n, step)]


@contextmanager
def no_gc() -> Iterator[None]:
    """Cyclic garbage collection paused for a pass that builds millions of objects and
    frees them together at the end; it runs again (and catches up) afterwards."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _mark_worker() -> None:
    import gc

    _IN_WORKER.append(True)
    # A worker lives for one pass and makes few reference cycles: collecting them is not
    # worth the time it costs on millions of new objects.
    gc.disable()


def _call(k: int) -> Any:
    return _JOB[0](k)
