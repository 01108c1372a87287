"""retailkg: an open knowledge graph of retail and e-commerce job-post standards.

The library API is what the CLI calls and what the tests drive:

- :func:`retailkg.kg.build.build` writes the release artefacts (TriG, Turtle, N-Triples, JSON-LD).
- :func:`retailkg.kg.build.load_dataset` gives the graph in memory, inference included.
- :func:`retailkg.kg.ingest.ingest_text` drafts an encoding of a GB/T 1.1-structured standard.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
