"""What the endpoint client knows of particular stores: how to tell them apart, and which of their
settings to raise when they refuse or cut an answer.

A store names itself in the ``Server`` header of every answer (``Virtuoso/07.20.3229 (Linux) …``,
``Oxigraph/0.4.11``, ``retailkg/0.1.0``). The client learns it from the first answer and then
avoids what that store cannot do; the messages below are what a user reads when a store still
says no. Only Virtuoso needs special handling among the tested stores (docs/triple-stores.md):

- it sorts at most ``MaxSortedTopRows`` rows (``[Parameters]``, 10 000 by default) for an ORDER BY
  with LIMIT/OFFSET, so ``LIMIT 10000 OFFSET 10000`` is refused (SR353) whatever the result's size:
  its results cannot be paged past that window, only asked for whole;
- it cuts every result at ``ResultSetMaxRows`` (``[SPARQL]``, 10 000 by default) and says so only in
  an ``X-SPARQL-MaxRows`` header;
- it refuses a query whose estimated cost passes ``MaxQueryCostEstimationTime`` and stops one that
  runs longer than ``MaxQueryExecutionTime`` (both ``[SPARQL]``, seconds);
- (7.2) a FILTER outside a sub-select over a value the sub-select computes with ``BIND (EXISTS …)``
  keeps no row, whatever the test (``?x``, ``STR(?x) IN (…)``, ``sameTerm``), while the same values
  come back right when selected: such rows are filtered by the client instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Store", "identify"]

VIRTUOSO_SORT_WINDOW = 10_000  # Virtuoso's built-in MaxSortedTopRows


@dataclass(frozen=True)
class Store:
    """A store as far as a client can tell from its answers."""

    kind: str  # "virtuoso", "oxigraph", "retailkg" or "unknown"
    label: str  # what to call it in a message: the Server header's product and version
    sort_window: int | None = None  # OFFSET+LIMIT past this is refused (Virtuoso's MaxSortedTopRows)
    filters_computed: bool = True  # a FILTER over a sub-select's BIND (EXISTS …) value works (not Virtuoso 7.2)
    joins_sides: bool = True  # joins two sub-selects by hashing, not by running one again per row (not Virtuoso 7.2)

    def cut_advice(self) -> str:
        """What to change when the store cut a result off at its row limit."""
        if self.kind == "virtuoso":
            return "raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini (docs/triple-stores.md)"
        if self.kind == "retailkg":
            return "start retailkg serve with a larger --max-rows"
        return "raise the store's limit on result rows"

    def error_advice(self, body: str) -> str | None:
        """What to change for a refusal this store explains in ``body``, if it is a known limit."""
        if self.kind != "virtuoso":
            return None
        if "SR353" in body:
            return ("Virtuoso sorts at most MaxSortedTopRows rows for LIMIT/OFFSET: raise MaxSortedTopRows in the "
                    "[Parameters] section of virtuoso.ini, or drop the OFFSET")
        if "estimated execution time" in body:
            return "raise MaxQueryCostEstimationTime in the [SPARQL] section of virtuoso.ini (0: no estimate check)"
        if "SR171" in body or "S1T00" in body:
            return "the query ran past MaxQueryExecutionTime: raise it in the [SPARQL] section of virtuoso.ini"
        if "SQ074" in body or "SQ156" in body:
            return ("Virtuoso cannot compile this query (no setting changes that; docs/triple-stores.md says what "
                    "retailkg runs on Virtuoso)")
        return None


_PRODUCT = re.compile(r"^\s*([A-Za-z][\w.\-]*)(?:/(\S+))?")


def identify(server: str | None) -> Store:
    """The store behind an answer whose ``Server`` header is ``server``."""
    m = _PRODUCT.match(server or "")
    if not m:
        return Store("unknown", "the store")
    product, version = m.group(1), m.group(2)
    label = f"{product} {version}" if version else product
    kind = product.lower()
    if kind == "virtuoso":
        return Store("virtuoso", label, VIRTUOSO_SORT_WINDOW, filters_computed=False, joins_sides=False)
    if kind in ("oxigraph", "retailkg"):
        return Store(kind, label)
    return Store("unknown", label)
