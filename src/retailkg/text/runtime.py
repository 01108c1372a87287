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

__all__ = ["paused_gc"]


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
