"""The built knowledge graph, cached so that a query does not pay for the build.

The query commands read the TriG of a build (every named graph, inferences included) from the
user's cache folder, ``$XDG_CACHE_HOME/retailkg/`` (default ``~/.cache/retailkg/``). ``retailkg
build`` leaves its ``retailkg.trig`` there (:func:`store_build`), so the first query after a build
only loads a file; when no build has run (a fresh install, an edited data file), the first query
builds the graph once (:func:`ensure_graph`). Both write :func:`retailkg.kg.build.graph_trig`, so
whichever wrote the file, a query reads the same bytes.

The file name carries the package version and a hash of everything the build reads — the
ontology, every data file, and the build code itself — so an edited data file or a new release
never serves a stale graph. Files of other builds are removed when a new one is written; writes
are atomic, so two processes building at once both end with a whole file. When the cache folder
cannot be written (a read-only home, a file where the folder should be, a full disk) the build
goes to ``<tempdir>/retailkg-<uid>/`` instead, and is found there by the next query.
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

__all__ = ["cache_dir", "cache_folders", "cached_graph_path", "ensure_graph", "fallback_dir", "fingerprint", "store_build", "write_trig"]

_CODE = ("kg/build.py", "kg/catalog.py", "kg/reasoning.py", "rdf/io.py", "rdf/terms.py", "ns.py")  # what decides the bytes of a build


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


def _write(path: Path, data: bytes) -> Path:
    """Write a build to ``path`` or, when its folder cannot be written, to :func:`fallback_dir`;
    remove the other builds beside it. The path written."""
    try:
        atomic_write(path, data)
    except (OSError, InputError):  # atomic_write names an unwritable place as the user's InputError
        # an unwritable cache folder (read-only home, full disk) must not stop a query
        path = fallback_dir() / path.name
        atomic_write(path, data)
    for old in path.parent.glob("retailkg-*.trig"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def cache_folders() -> list[Path]:
    """Where cached files are looked for and written, in that order: :func:`cache_dir`, then
    :func:`fallback_dir` (what the search index and its lexicon use too)."""
    return [cache_dir(), fallback_dir()]


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
    from retailkg.kg import build

    return _write(path, build.graph_trig(files))


def store_build(trig_file: Path, files: Sequence[SourceFile] | None = None) -> Path | None:
    """Leave a build's TriG (``retailkg.trig`` of :func:`retailkg.kg.build.build`) where
    :func:`ensure_graph` looks, when ``files`` are the bundled sources (by name and bytes: a
    checkout built with ``--source-dir`` counts when it is unedited). A build of other sources is
    not what the query commands read, and is not kept. The path written, or None.

    The cache is a convenience: a place that cannot be written, even the fallback, leaves the
    build's own output as the only copy rather than failing the build.
    """
    key = fingerprint(files)
    if key != fingerprint():
        return None
    path = cache_dir() / f"retailkg-{__version__}-{key}.trig"
    try:
        trig = trig_file.read_bytes()
        if path.is_file() and path.read_bytes() == trig:
            return path
        return _write(path, trig)
    except (OSError, InputError):
        return None
