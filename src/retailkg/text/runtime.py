"""Pause Python's cyclic garbage collector while a report is built.

A chain's report builds hundreds of thousands of short-lived objects (result rows, findings,
evidence, JSON dicts) that form no reference cycles: reference counting frees each of them.
The cyclic collector, though, is triggered by the number of allocations, and every full pass
scans every live object again, so on a chain it runs over and over and finds nothing to free
(bench/run.py's "read YAML" and "whole report" steps, bench/RESULTS.md, "scale", are where it
showed). Pausing it for the build is what bulk loaders commonly do.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_off_until_exit", "declare_one_shot", "paused_gc"]

_ONE_SHOT: list[bool] = [False]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector for the block (also as a decorator), then restore it.

    The collector is re-enabled only if it was enabled on entry, so nested or concurrent pauses
    never turn it on under a caller who had turned it off; errors restore it too.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def declare_one_shot() -> None:
    """Say that this process ends when its command does (the console script's ``main``; never a
    library caller, a test's CliRunner or a server)."""
    _ONE_SHOT[0] = True


def collector_off_until_exit() -> None:
    """In a process declared one-shot (:func:`declare_one_shot`), turn the cyclic collector off for
    the rest of the process; elsewhere do nothing.

    Pausing it around each bulk step (:func:`paused_gc`) still leaves a collection at each step's
    end: every object the step allocated and kept (a chain's design model, its resolved duties, the
    report) sits in the youngest generation, so the first collection after the pause traverses all
    of them, and a later one all of them again. A command that exits when done loses little by
    leaving its cycles to the exit (a chain's peak memory is unchanged: bench/RESULTS.md,
    "large"); ``main`` freezes what is left, so the interpreter's teardown does not traverse it.
    """
    if _ONE_SHOT[0]:
        gc.disable()
