"""retailkg: an open knowledge graph of retail and e-commerce job-post standards.

For notebooks and scripts, the Python API (:mod:`retailkg.api`; docs/python-api.md)::

    import retailkg

    kg = retailkg.open()                                  # or open(path), open(endpoint=URL)
    kg.query("functions-shared", doc="ccagm-003-2021").to_pandas()
    kg.validate("examples/taobao-ops.yaml").findings_frame()

Its names are imported on first use (PEP 562), so ``import retailkg`` stays cheap for the CLI and
for code that only needs a submodule. Below it, the library the CLI calls:

- :func:`retailkg.kg.build.build` writes the release artefacts (TriG, Turtle, N-Triples, JSON-LD).
- :func:`retailkg.kg.build.load_dataset` gives the graph in memory, inference included.
- :func:`retailkg.kg.ingest.ingest_text` drafts an encoding of a GB/T 1.1-structured standard.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing, which would cost more than the rest

if TYPE_CHECKING:
    from typing import Any

    from retailkg.api import IRI, KnowledgeGraph, Result, SearchResult, open, pyplot
    from retailkg.errors import InputError
    from retailkg.validation.findings import Report

__version__ = "0.1.0"
__all__ = ["IRI", "InputError", "KnowledgeGraph", "Report", "Result", "SearchResult", "__version__", "open", "pyplot"]


def __getattr__(name: str) -> Any:
    """The API's names, imported when first asked for (the one import here that points up a layer:
    docs/architecture.md)."""
    if name == "open":
        from retailkg.api import open

        return open
    if name in ("IRI", "KnowledgeGraph", "Result", "SearchResult", "pyplot"):
        from retailkg import api

        return getattr(api, name)
    if name == "InputError":
        from retailkg.errors import InputError

        return InputError
    if name == "Report":
        from retailkg.validation.findings import Report

        return Report
    raise AttributeError(f"module 'retailkg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
