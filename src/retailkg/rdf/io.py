"""Reading and writing RDF: located parse errors, deterministic serialisation, atomic writes.

Curators edit Turtle by hand, so a typo must come back as ``file:line:column: message``; pyoxigraph's
parser reports that precisely, so it checks the syntax before rdflib builds the graph. Releases
must be byte-identical for identical input, so every writer here orders its output and names
blank nodes canonically.
"""

from __future__ import annotations

import glob
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import NamespaceManager

from retailkg.errors import InputError
from retailkg.ns import PREFIXES
from retailkg.rdf.terms import oxigraph_triple, rdflib_triple

__all__ = [
    "atomic_directory",
    "atomic_write",
    "canonical",
    "canonical_triples",
    "jsonld_document",
    "ntriples_lines",
    "parse_turtle",
    "prefixed_graph",
    "refuse_input_as_output",
    "split_statements",
    "trig_bytes",
    "trig_quads",
    "turtle_triples",
]

_OXI_POS = re.compile(r"at line (\d+) column (\d+)|between line (\d+) column (\d+)")


def located_syntax_error(e: SyntaxError, path: Path, syntax: str) -> InputError:
    """pyoxigraph's syntax error as one line naming the file, line and column."""
    msg = str(e)
    line, col = e.lineno, e.offset
    if line is None and (m := _OXI_POS.search(msg)):
        line, col = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
    detail = msg.split(": ", 1)[1] if ": " in msg else msg
    detail = re.sub(r"\s*\((?:[^()]*, )?line \d+\)$", "", detail)  # the location is in the prefix already
    return InputError(f"{syntax} syntax error: {detail}", file=str(path), line=line, column=col)


def check_turtle_syntax(path: Path, data: bytes | None = None) -> None:
    """Raise :class:`InputError` with file, line and column if ``path`` is not valid Turtle."""
    try:
        if data is None:
            data = path.read_bytes()
        for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()):
            pass
    except SyntaxError as e:
        raise located_syntax_error(e, path, "Turtle") from None
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 text ({e.reason})", file=str(path)) from None


def parse_turtle(path: Path) -> Graph:
    """Parse one curated Turtle file; syntax errors become a located :class:`InputError`."""
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    data = path.read_bytes()
    check_turtle_syntax(path, data)
    g = Graph()
    g.parse(data=data, format="turtle", publicID=path.resolve().as_uri())
    return g


def turtle_triples(path: Path) -> list[pyoxigraph.Triple]:
    """The triples of one curated Turtle file, parsed once by pyoxigraph (several times faster than
    rdflib's parser); a syntax error is a located :class:`InputError`, as in :func:`parse_turtle`.
    Relative IRIs resolve against the file, as rdflib resolves them."""
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    try:
        return [pyoxigraph.Triple(q.subject, q.predicate, q.object)
                for q in pyoxigraph.parse(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())]
    except SyntaxError as e:
        raise located_syntax_error(e, path, "Turtle") from None
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 text ({e.reason})", file=str(path)) from None


def canonical(g: Graph) -> Graph:
    """Blank nodes relabelled from their content, so that the same graph serialises the same way.

    A blank node's label depends only on the triples it is in (rdflib's canonical labelling colours
    blank nodes by their neighbours), so only those are handed to it: the rest of a large file is
    copied as it is, with the same result.
    """
    with_bnodes = Graph()
    with_bnodes.addN((s, p, o, with_bnodes) for s, p, o in g if isinstance(s, BNode) or isinstance(o, BNode))
    if not len(with_bnodes):
        return g
    out = Graph()
    out.addN((s, p, o, out) for s, p, o in g if not (isinstance(s, BNode) or isinstance(o, BNode)))
    out.addN((s, p, o, out) for s, p, o in to_canonical_graph(with_bnodes))
    return out


def _has_bnode(t: pyoxigraph.Triple) -> bool:
    return isinstance(t.subject, pyoxigraph.BlankNode) or isinstance(t.object, pyoxigraph.BlankNode)


def canonical_triples(triples: list[pyoxigraph.Triple]) -> list[pyoxigraph.Triple]:
    """:func:`canonical` for pyoxigraph triples: the same labels (``cb`` and a hash of the node's
    surroundings), so a file gives the same blank nodes whichever library read it."""
    touched = [t for t in triples if _has_bnode(t)]
    if not touched:
        return triples
    g = Graph()
    g.addN((*rdflib_triple(t), g) for t in touched)
    relabelled = [oxigraph_triple(s, p, o) for s, p, o in to_canonical_graph(g)]
    return [t for t in triples if not _has_bnode(t)] + relabelled


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_term(term: Any) -> str:
    if isinstance(term, pyoxigraph.Literal):
        body = '"' + term.value.translate(_NT_ESCAPES) + '"'
        if term.language:
            return f"{body}@{term.language.lower()}"
        dt = term.datatype.value
        return body if dt == "http://www.w3.org/2001/XMLSchema#string" else f"{body}^^<{dt}>"
    return str(term)


def ntriples_lines(triples: Iterable[pyoxigraph.Triple]) -> list[str]:
    """Sorted, distinct lines of canonical N-Triples (RDF 1.1 N-Triples, section 7: in a string only
    ``"``, ``\\``, line feed and carriage return are escaped; no ``^^xsd:string``): the text form
    used for byte-identical output, the same lines rdflib's N-Triples writer gives."""
    return sorted({f"{_nt_term(t.subject)} {_nt_term(t.predicate)} {_nt_term(t.object)} ." for t in triples})


class _RememberedPrefixes(NamespaceManager):
    """rdflib's prefix lookup with its answers remembered, failures included.

    rdflib's Turtle writer asks for the prefix of every IRI of every triple, and rdflib remembers
    only the IRIs that have one, while most IRIs of this graph (posts, duties, clauses) have none:
    each is split and looked up again every time it occurs. A new binding forgets what was
    remembered, so every answer is the one rdflib would give.
    """

    def __init__(self, graph: Graph) -> None:
        self._answers: dict[tuple[str, bool], tuple[str, URIRef, str] | None] = {}
        super().__init__(graph)

    def bind(self, *args: Any, **kwargs: Any) -> None:
        self._answers.clear()
        super().bind(*args, **kwargs)

    def compute_qname(self, uri: str, generate: bool = True) -> tuple[str, URIRef, str]:
        key = (uri, generate)
        if key not in self._answers:
            try:
                self._answers[key] = super().compute_qname(uri, generate)
            except KeyError:  # no prefix, and none to be made (generate=False)
                self._answers[key] = None
        answer = self._answers[key]
        if answer is None:
            raise KeyError(f"No known prefix for {uri} and generate=False")
        return answer


def prefixed_graph() -> Graph:
    """An empty graph bound to the project's prefixes, whose Turtle rdflib writes as it always does,
    a third faster (:class:`_RememberedPrefixes`)."""
    g = Graph()
    g.namespace_manager = _RememberedPrefixes(g)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def _sort_json(node: Any, in_list: bool = False) -> Any:
    """Order JSON-LD arrays (except @list, whose order is data) and object keys."""
    if isinstance(node, dict):
        return {k: _sort_json(v, in_list=(k == "@list")) for k, v in sorted(node.items())}
    if isinstance(node, list):
        items = [_sort_json(v) for v in node]
        if in_list:
            return items
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return node


def jsonld_context() -> dict[str, Any]:
    """The published JSON-LD context: the project's prefixes as compact-IRI terms."""
    ctx: dict[str, Any] = dict(sorted(PREFIXES.items()))
    ctx["@base"] = "https://w3id.org/retailkg/"
    return {"@context": ctx}


def jsonld_document(g: Graph) -> str:
    """The graph as compacted JSON-LD with the context inlined, sorted for determinism."""
    ctx = jsonld_context()["@context"]
    raw = g.serialize(format="json-ld", context=ctx, auto_compact=True, indent=None)
    doc = json.loads(raw)
    if "@graph" not in doc:  # a single node: keep the shape uniform
        node = {k: v for k, v in doc.items() if k != "@context"}
        doc = {"@context": doc.get("@context", ctx), "@graph": [node] if node else []}
    body = _sort_json(doc["@graph"])
    return json.dumps({"@context": ctx, "@graph": body}, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def refuse_input_as_output(output: Path | None, inputs: Iterable[Path | None], field: str = "-o") -> None:
    """A user's input is never the output: refuse ``output`` when it is an input by any path
    (``sub/../d.yaml``, a symbolic or hard link), an existing file inside an input folder (a CSV
    design's ``duties.csv``), or a folder that holds an input (a build written over its sources).
    One line naming the file, exit 2, before anything is read or written."""
    if output is None:
        return
    for src in inputs:
        if src is None or str(src) == "-":
            continue
        if _same_file(output, src):
            raise InputError(f"{field} would overwrite the input {src}: write the output elsewhere", file=str(output), field=field)
        try:
            holds = src.resolve().is_relative_to(output.resolve())
            # an existing file inside an input folder is an input too (a CSV design's duties.csv)
            within = src.is_dir() and output.is_file() and output.resolve().is_relative_to(src.resolve())
        except OSError:
            holds = within = False
        if holds:
            raise InputError(f"{field} is a folder that holds the input {src}: write the output elsewhere", file=str(output), field=field)
        if within:
            raise InputError(f"{field} would overwrite the input {output} (in {src}): write the output elsewhere",
                             file=str(output), field=field)


def atomic_write(path: Path, data: bytes | str | Iterable[bytes | str]) -> None:
    """Write to a temporary file beside ``path`` and rename: never a half-written file. A place
    that cannot be written (a file where a folder should be, no permission, a full disk) is the
    user's InputError naming ``path``. ``data`` may come in pieces (text as UTF-8), written as
    they come."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as e:
        raise _cannot_write(path, e) from None
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes):
                f.write(data)
            else:
                for piece in data:
                    f.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report must be readable like any file
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise _cannot_write(path, e) from None
        raise


def _cannot_write(path: Path, e: OSError) -> InputError:
    blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    why = f"{blocker} is a file, not a folder" if blocker is not None else (e.strerror or str(e))
    return InputError(f"cannot write: {why}", file=str(path))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no way to ask: assume it runs
        return True
    return True


_OLD_STAGING_AGE = 24 * 3600  # a staging folder of a version without the pid: stale after a day


def _remove_stale_staging(out: Path) -> None:
    """Remove the staging folders of ``out`` whose run was killed (its process is gone)."""
    import shutil
    import time

    pattern = re.compile(re.escape(f".{out.name}.") + r"(?:staging-(\d+)-)?[A-Za-z0-9_]{8}")
    for d in out.parent.glob(f".{glob.escape(out.name)}.*"):
        m = pattern.fullmatch(d.name)
        if m is None or not d.is_dir() or d.is_symlink():
            continue
        try:
            stale = (not _alive(int(m.group(1)))) if m.group(1) else time.time() - d.stat().st_mtime > _OLD_STAGING_AGE
            if stale:
                shutil.rmtree(d)
        except OSError:  # removed meanwhile, or not ours to remove: the new run goes on
            continue


@contextmanager
def atomic_directory(out: Path) -> Iterator[Path]:
    """Yield a staging folder; on success move its files into ``out``, on failure leave ``out`` as it was.

    The staging folder (``.<out>.staging-<pid>-<random>`` beside ``out``) is removed on the way
    out; one a killed run left behind is removed by the next run, once its process is gone (a
    folder of a run still going is left alone).
    """
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-{os.getpid()}-", dir=out.parent))
    except OSError as e:
        raise _cannot_write(out, e) from None
    try:
        yield staging
        try:
            out.mkdir(parents=True, exist_ok=True)
            for f in sorted(staging.iterdir()):
                os.replace(f, out / f.name)
        except OSError as e:
            raise _cannot_write(out, e) from None
    finally:
        for f in staging.iterdir() if staging.exists() else ():
            f.unlink()
        if staging.exists():
            staging.rmdir()


def dataset_union(ds: Dataset) -> Graph:
    """All triples of all named graphs as one graph (the union the Turtle/N-Triples/JSON-LD hold)."""
    g = Graph()
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def split_statements(data: bytes, drop: Iterable[bytes], aside: Iterable[bytes] = ()) -> tuple[bytes, bytes]:
    """``data`` (N-Triples or N-Quads) in two: the lines to keep, and the lines set aside; the lines
    whose predicate starts with one of ``drop`` are in neither. Each prefix is an N-Triples IRI
    prefix such as ``b"<https://w3id.org/retailkg/validation#"``, optionally followed by the start
    of the object: ``b"<…#type> <…validation#"``. A line is set aside only when its subject is an
    IRI (a blank node's label means nothing outside the document that holds it).

    A predicate is the term after a line's first space (subjects are IRIs or blank node labels,
    neither holds a space), so a literal that merely mentions the IRI keeps its line. Lines are
    found with bytes.find, not split: a million-line file costs a few hundred thousand C-level
    searches instead of a million Python strings. Lines in another layout (tabs between terms) are
    kept: splitting is only ever an optimisation, never needed for the answer.
    """
    cuts: list[tuple[int, int, bool]] = []
    lt = ord("<")
    for prefixes, set_aside in ((drop, False), (aside, True)):
        for prefix in prefixes:
            needle = b" " + prefix
            i = data.find(needle)
            while i != -1:
                start = data.rfind(b"\n", 0, i) + 1
                if data.find(b" ", start) == i and (not set_aside or data[start] == lt):
                    end = data.find(b"\n", i)
                    end = len(data) if end == -1 else end + 1
                    cuts.append((start, end, set_aside))
                    i = data.find(needle, end)
                else:
                    i = data.find(needle, i + 1)
    if not cuts:
        return data, b""
    cuts.sort()
    parts, aside_parts, pos = [], [], 0
    for start, end, set_aside in cuts:
        if start >= pos:  # one line can match two prefixes: cut it once
            parts.append(data[pos:start])
            if set_aside:
                aside_parts.append(data[start:end])
            pos = end
    parts.append(data[pos:])
    return b"".join(parts), b"".join(aside_parts)


def trig_quads(quads: Iterable[pyoxigraph.Quad]) -> bytes:
    """Named graphs as TriG: the one TriG writer, for the release artefact and the cached graph
    alike. Graphs, subjects, predicates and objects in the order of their N-Triples text, written
    by pyoxigraph with the project's prefixes (rdflib's Turtle writer takes most of a second for
    what pyoxigraph writes in milliseconds); the same quads always give the same bytes."""
    ordered = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    data = pyoxigraph.serialize(ordered, format=pyoxigraph.RdfFormat.TRIG, prefixes=dict(sorted(PREFIXES.items())))
    assert data is not None  # without an output, serialize returns the bytes
    return data


def trig_bytes(ds: Dataset) -> bytes:
    """Every named graph of ``ds`` as TriG (:func:`trig_quads`)."""
    quads = []
    for ctx in ds.graphs():
        if isinstance(ctx.identifier, URIRef) and not str(ctx.identifier).startswith("urn:x-rdflib:"):
            g = pyoxigraph.NamedNode(str(ctx.identifier))
            for s, p, o in ctx:
                t = oxigraph_triple(s, p, o)
                quads.append(pyoxigraph.Quad(t.subject, t.predicate, t.object, g))
    return trig_quads(quads)
