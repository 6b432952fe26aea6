"""Spread independent work over the cores (worker processes, forked where possible)."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

PARALLEL_FROM = 150  # below this, starting worker processes costs more than it saves
MAX_WORKERS = 4

T = TypeVar("T")
R = TypeVar("R")


def _workers() -> int:
    return min(os.cpu_count() or 1, MAX_WORKERS)


def _context() -> Any:
    return multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )


def parallel_map(work: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[work(item) for item in items]``, in worker processes when there are enough items."""
    workers = _workers()
    if len(items) < PARALLEL_FROM or workers < 2:
        return [work(item) for item in items]
    # Fork keeps start-up cheap: the workers share the parent's memory until they write to it.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
            return list(pool.map(work, items, chunksize=max(1, len(items) // (workers * 4))))
    finally:
        gc.unfreeze()


_SHARED: list[Callable[[int], Any]] = []  # the work of the running `map_indexes`, for forks


def _run_shared(bounds: tuple[int, int]) -> list[Any]:
    work = _SHARED[-1]
    return [work(index) for index in range(*bounds)]


def map_indexes(work: Callable[[int], R], count: int) -> list[R]:
    """``[work(i) for i in range(count)]``, spread over forked workers when ``count`` is large.

    Unlike `parallel_map`, ``work`` is not sent to the workers: forked workers inherit it with
    everything it refers to (a Renderer, the pages of a build), so it may be a closure over
    large or unpicklable objects. Only the indexes go out and the results come back. Where
    processes cannot be forked, the work runs in this process.
    """
    workers = _workers()
    if (
        count < PARALLEL_FROM
        or workers < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [work(index) for index in range(count)]
    size = max(1, count // (workers * 4))
    chunks = [(start, min(start + size, count)) for start in range(0, count, size)]
    _SHARED.append(work)
    # Objects the workers inherit stay out of the collector's way, so that it does not copy
    # the parent's memory page by page into every worker (copy-on-write).
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return [result for chunk in pool.map(_run_shared, chunks) for result in chunk]
    finally:
        gc.unfreeze()
        _SHARED.pop()
