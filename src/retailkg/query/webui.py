"""The browser page of ``retailkg serve``: YASGUI on the endpoint, with the named queries as a library.

Analysts know YASGUI from the endpoints of Oxigraph, Fuseki and Wikidata: a SPARQL editor with
syntax highlighting, prefix and term completion, tabs kept between visits, and a results viewer
that pages, filters and downloads. The page is that, over this server's ``/sparql``, with three
additions: the named queries (``queries/*.rq``) as a library that opens each in its own tab, its
parameters explained in the tab; the project's prefixes declared and used to shorten IRIs; and two
more result views, a pivot table (PivotTable.js) and a bar chart.

Everything the page loads is in the package (``static/``): the libraries are vendored at pinned
versions with their licences (``tools/vendor_web.py`` fetched them and checks their digests), the
page's own script and styles beside them. Nothing comes from a CDN, so the page works with no
internet, and its Content-Security-Policy (:data:`PAGE_CSP`) lets it load and connect to this
server only: a query typed into the page can reach no other endpoint, and YASGUI's completion
services on the web (prefix.cc, Linked Open Vocabularies) are replaced by the project's prefixes
and completion from this graph.

The files are read once, when the server starts, into memory: a request names a file of that
fixed set or gets 404, so no path in a URL ever reaches the file system.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from pathlib import Path

from retailkg import __version__
from retailkg.errors import InputError
from retailkg.ns import PREFIXES
from retailkg.query.catalogue import NamedQuery, catalogue
from retailkg.query.sparqltext import inject_values

__all__ = ["PAGE_CSP", "STATIC_DIR", "Asset", "catalogue_json", "page_html", "static_assets", "tab_query"]

STATIC_DIR = Path(__file__).resolve().parent / "static"

# style-src needs 'unsafe-inline': the column resizer of YASR's table adds a <style> element for
# its column widths (without it the results table is not shown), and YASQE's syntax-error tooltip
# writes style="…" attributes. Styles cannot send a request here (img-src and font-src are 'self'
# and data:). Inline *scripts* stay forbidden: the page has none.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".md": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    "": "text/plain; charset=utf-8",  # LICENSE
}


@dataclass(frozen=True)
class Asset:
    """A file the page loads: its bytes, media type and an ETag for revalidation."""

    body: bytes
    content_type: str
    etag: str


def _asset(body: bytes, content_type: str) -> Asset:
    return Asset(body, content_type, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


def static_assets(root: Path | None = None) -> dict[str, Asset]:
    """Every file under ``static/`` by its URL path (``/static/yasgui/yasgui.min.js``)."""
    root = root or STATIC_DIR
    out: dict[str, Asset] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _TYPES and not path.name.startswith("."):
            out["/static/" + path.relative_to(root).as_posix()] = _asset(path.read_bytes(), _TYPES[path.suffix])
    return out


def page_html() -> str:
    """The page itself: only links to ``static/`` and no inline script (the CSP forbids one)."""
    page = (Path(__file__).resolve().parent / "serve_page.html").read_text(encoding="utf-8")
    return page.replace("@@VERSION@@", html.escape(__version__))


def tab_query(q: NamedQuery) -> str:
    """The text a named query's tab opens with: the ``.rq`` file, its example parameters bound by VALUES.

    The header comment already documents every parameter; a few lines added after it say which
    value this tab binds and where to change it, or how to bind one that is left open (``*``).
    """
    given = q.example_params()
    try:
        bound = q.bindings(given)
        text = inject_values(q.text, bound, q.name)
    except InputError:  # an example that no longer fits its query: show the query as it is
        bound, text = {}, q.text
    if not q.params:
        return text
    notes = ["#"]
    if bound:
        notes.append("# In this tab the parameters are bound by the VALUES line after WHERE { (change them there):")
    for p in q.params:
        if p.name in bound:
            origin = "the example's value" if p.name in given else "the default"
            notes.append(f"#   ?{p.name} = {bound[p.name].n3()}   ({origin})")
    for p in q.params:
        if p.name not in bound:
            hint = "<https://w3id.org/retailkg/…>" if p.type == "iri" else '"…"'
            notes.append(f"# ?{p.name} is open (any {p.type}); to fix it, add after WHERE {{:  VALUES ?{p.name} {{ {hint} }}")
    lines = text.splitlines()
    end = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return "\n".join([*lines[:end], *notes, *lines[end:]]) + ("\n" if text.endswith("\n") else "")


def catalogue_json(*, timeout: float | None = None, max_rows: int | None = None) -> bytes:
    """``/queries.json``: the named queries (from their ``.rq`` headers), the prefixes and the server's limits."""
    queries = []
    for q in catalogue().values():
        examples = q.example_params()
        queries.append({
            "name": q.name,
            "title_zh": q.title_zh,
            "title_en": q.title_en,
            "description": q.description,
            "params": [{"name": p.name, "type": p.type, "default": p.default, "required": p.required,
                        "description": p.description, "example": examples.get(p.name)} for p in q.params],
            "examples": list(q.examples),
            "query": tab_query(q),
        })
    doc = {"version": __version__, "endpoint": "sparql", "prefixes": PREFIXES,
           "limits": {"timeout_s": timeout, "max_rows": max_rows}, "queries": queries}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
