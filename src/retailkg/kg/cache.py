"""The built knowledge graph, cached so that a query does not pay for the build.

Building runs the owlrl reasoner over the whole graph, which takes seconds; a query takes
milliseconds. The first query therefore builds the graph once and keeps the TriG (every named
graph, inferences included) in the user's cache folder,
``$XDG_CACHE_HOME/retailkg/`` (default ``~/.cache/retailkg/``). The file name carries the package
version and a hash of everything the build reads — the ontology, every data file, and the build
code itself — so an edited data file or a new release never serves a stale graph. Files of other
builds are removed when a new one is written; writes are atomic, so two processes building at
once both end with a whole file. When the cache folder cannot be written (a read-only home, a file
where the folder should be, a full disk) the build goes to ``<tempdir>/retailkg-<uid>/`` instead,
and is found there by the next query.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from rdflib import Dataset, URIRef

from retailkg import __version__
from retailkg.errors import InputError
from retailkg.kg.catalog import SourceFile, source_files
from retailkg.rdf.io import atomic_write, trig_bytes

__all__ = ["cache_dir", "cached_graph_path", "ensure_graph", "fallback_dir", "fingerprint", "write_trig"]

_CODE = ("kg/build.py", "kg/catalog.py", "rdf/io.py", "ns.py")  # what decides the bytes of a build


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/retailkg``, or ``~/.cache/retailkg`` when XDG_CACHE_HOME is unset or relative."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "retailkg"


def fingerprint(files: Sequence[SourceFile] | None = None) -> str:
    """A short hash of the package version, the build code and every source file's name and bytes."""
    h = hashlib.sha256(f"retailkg {__version__}\n".encode())
    here = Path(__file__).resolve().parents[1]
    for name in _CODE:
        h.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    for sf in files if files is not None else source_files():
        h.update(sf.name.encode() + b"\0" + sf.path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def cached_graph_path(files: Sequence[SourceFile] | None = None) -> Path:
    """Where the build of these source files is (or would be) cached."""
    return cache_dir() / f"retailkg-{__version__}-{fingerprint(files)}.trig"


def write_trig(ds: Dataset, path: Path) -> int:
    """Write every named graph of ``ds`` as TriG (atomically, :func:`retailkg.rdf.io.trig_bytes`); return the number of quads."""
    atomic_write(path, trig_bytes(ds))
    return sum(len(g) for g in ds.graphs() if isinstance(g.identifier, URIRef) and not str(g.identifier).startswith("urn:x-rdflib:"))


def fallback_dir() -> Path:
    """Where a build goes when :func:`cache_dir` cannot be written: ``<tempdir>/retailkg-<uid>``."""
    return Path(tempfile.gettempdir()) / f"retailkg-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def ensure_graph(*, rebuild: bool = False, on_build: Callable[[Path], None] | None = None) -> Path:
    """The cached TriG of the bundled sources, built first if it is missing (or ``rebuild``); in
    :func:`fallback_dir` when the cache folder cannot be written."""
    files = source_files()
    path = cached_graph_path(files)
    if not rebuild:
        for found in (path, fallback_dir() / path.name):
            if found.is_file():
                return found
    if on_build:
        on_build(path)
    from retailkg.kg.build import load_dataset

    ds = load_dataset(files)
    try:
        write_trig(ds, path)
    except (OSError, InputError):  # atomic_write names an unwritable place as the user's InputError
        # an unwritable cache folder (read-only home, full disk) must not stop a query
        path = fallback_dir() / path.name
        write_trig(ds, path)
    for old in path.parent.glob("retailkg-*.trig"):
        if old != path:
            old.unlink(missing_ok=True)
    return path
