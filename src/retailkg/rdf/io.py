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

from retailkg.errors import InputError
from retailkg.ns import PREFIXES

__all__ = [
    "atomic_directory",
    "atomic_write",
    "canonical",
    "jsonld_document",
    "ntriples_lines",
    "parse_turtle",
    "refuse_input_as_output",
    "split_statements",
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


def canonical(g: Graph) -> Graph:
    """Blank nodes relabelled from their content, so that the same graph serialises the same way."""
    if any(isinstance(t, BNode) for triple in g for t in triple):
        c = to_canonical_graph(g)
        out = Graph()
        for t in c:
            out.add(t)
        return out
    return g


def ntriples_lines(triples: Iterable[tuple[Any, Any, Any]]) -> list[str]:
    """Sorted N-Triples lines: the canonical text form used for byte-identical output."""
    g = Graph()
    for t in triples:
        g.add(t)
    text = g.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return sorted({line for line in text.splitlines() if line.strip()})


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


def trig_bytes(ds: Dataset) -> bytes:
    """Every non-empty named graph of ``ds`` as TriG, graphs in IRI order and each graph's statements
    in rdflib's Turtle (rdflib's own graph order follows its store's hashing): the one TriG writer, for
    the release artefact and the cached graph alike, so the same dataset always gives the same bytes."""
    out = []
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))
    out.append(header)
    for ctx in sorted((c for c in ds.graphs() if isinstance(c.identifier, URIRef) and len(c)), key=lambda c: str(c.identifier)):
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        for t in ctx:
            g.add(t)
        body = g.serialize(format="turtle", encoding="utf-8").decode("utf-8")
        body = "\n".join(line for line in body.splitlines() if not line.startswith("@prefix"))
        out.append(f"<{ctx.identifier}> {{\n{body.strip()}\n}}\n")
    return "\n".join(out).encode("utf-8")
