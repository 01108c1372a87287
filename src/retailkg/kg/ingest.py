"""Draft an RDF encoding of a standard written to GB/T 1.1 (terms 3.x, numbered clauses, a) b) lists).

The reader is for a curator starting on a new standard: it recovers the document's structure
(clauses, terms, post families, posts, duties, competencies) and writes a draft in the project's
IRI scheme, which the curator then translates and maps to functions. It tolerates the damage text
extraction leaves behind: headings run together (``**4.1 企划****4.1.1 营销策划**``), Markdown
heading levels that disagree with clause depth, stray list bullets, mixed punctuation widths.

What counts as a post: a clause whose body is a lettered duty list (``a) …``), or a clause with a
``岗位职责`` sub-clause whose paragraph is split into duty statements at ``；`` and ``。``. Its parent
clause is the post family (department).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS, XSD

from retailkg.errors import InputError
from retailkg.ns import BASE, RKG

__all__ = ["Clause", "ParsedStandard", "ingest_file", "ingest_text", "parse_standard", "split_statements"]

_HEADING = re.compile(r"^(?:#+\s*)?(?:\*\*)?\s*((?:\d+|[A-Z])(?:\.\d+)*)\s+([^\s*#].*?)\s*(?:\*\*)?\s*$")
_BARE_NUMBER = re.compile(r"^(?:#+\s*)?(?:\*\*)?\s*(\d+(?:\.\d+)+)\s*(?:\*\*)?\s*$")
_ITEM = re.compile(r"^[-•]?\s*([a-z])\)\s*(.+)$")
_BULLET = re.compile(r"^[-•]\s+(.+)$")
_TERM_LINE = re.compile(r"^\*{0,2}(?P<zh>[^\sA-Za-z*][^A-Za-z*]*?)\s+(?P<en>[A-Za-z][A-Za-z \-']*)\*{0,2}$")
_ABBR_LINE = re.compile(r"^(?P<abbr>[A-Z]{2,}):\s*(?P<zh>[^()（]+?)\s*[(（](?P<en>[^)）]+)[)）]\s*$")
_TOC_LINE = re.compile(r"\.{3,}|\t\s*(?:\d+|[IVX]+)\s*$")  # table-of-contents entries
_CITATION = re.compile(r"T/[A-Z]+\s*\d+[—–-]\d{4}")
_TRAILING = "；;。.，,：:"
_DUTIES_TITLE = "岗位职责"
_LEVELS = {"初阶能力": RKG.Basic, "进阶能力": RKG.Advanced}


@dataclass
class Clause:
    """A numbered clause and what its body holds."""

    number: str
    title: str
    line: int
    items: list[tuple[str, str]] = field(default_factory=list)  # (letter, text)
    bullets: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)

    @property
    def parent(self) -> str | None:
        return self.number.rsplit(".", 1)[0] if "." in self.number else None

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1


@dataclass
class ParsedStandard:
    """The structure recovered from one standard's text."""

    citation: str | None
    title: str | None
    clauses: dict[str, Clause]
    terms: dict[str, tuple[str, str, str]]  # number -> (zh, en, definition)

    def posts(self) -> list[Clause]:
        """Clauses that describe a post: a duty list, or a 岗位职责 sub-clause."""
        found = []
        for c in self.clauses.values():
            if c.items or any(k.title == _DUTIES_TITLE for k in self._children(c)):
                found.append(c)
        return found

    def _children(self, c: Clause) -> list[Clause]:
        return [k for k in self.clauses.values() if k.parent == c.number]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


def split_statements(paragraph: str) -> list[str]:
    """Split a duty paragraph into statements at ``；`` and ``。`` (the T/CCFAGS duty style)."""
    parts = re.split(r"[；;。]", paragraph)
    return [p.strip().rstrip(_TRAILING) for p in parts if p.strip().rstrip(_TRAILING)]


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Lines with merged headings split apart; each keeps its 1-based source line number."""
    out: list[tuple[int, str]] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if "****" in line:  # **4.1 企划****4.1.1 营销策划**
            out.extend((n, "**" + part.strip("*") + "**") for part in line.split("****"))
        else:
            out.append((n, line))
    return out


def parse_standard(text: str, source: str = "<text>") -> ParsedStandard:
    """Recover clauses, terms, duty lists and bullets from GB/T 1.1-structured text."""
    if not text.strip():
        raise InputError("empty file", file=source)
    lines = _logical_lines(text)
    citation = m.group(0) if (m := _CITATION.search(text)) else None
    clauses: dict[str, Clause] = {}
    terms: dict[str, tuple[str, str, str]] = {}
    current: Clause | None = None
    pending_number: tuple[str, int] | None = None  # "3.1" on a line of its own (terms)
    last_top = 0
    in_body = False
    i = 0
    while i < len(lines):
        n, line = lines[i]
        i += 1
        if not line or line in ("-", "- ") or _TOC_LINE.search(line):
            continue
        if not in_body:
            # skip cover page, table of contents and foreword until clause "1 范围"
            if re.match(r"^(?:#+\s*)?(?:\*\*)?1\s+范围", line):
                in_body = True
            else:
                continue
        if line.startswith("附录") or line.startswith("## 参") or line.startswith("参 考") or line.startswith("## 参 考"):
            current = None
            if line.startswith("附录"):
                break  # appendix tables are not clause text
            continue
        if (bm := _BARE_NUMBER.match(line)) and bm.group(1).startswith("3."):
            pending_number = (bm.group(1), n)
            continue
        if pending_number is not None:
            num, ln = pending_number
            pending_number = None
            zh = en = ""
            body: list[str] = []
            if am := _ABBR_LINE.match(line):
                zh, en = am.group("zh").strip(), f"{am.group('en').strip()} ({am.group('abbr')})"
                body = [line]
            elif tm := _TERM_LINE.match(line):
                zh, en = tm.group("zh").strip(), tm.group("en").strip()
                while i < len(lines) and not _BARE_NUMBER.match(lines[i][1]) and not _HEADING.match(lines[i][1]):
                    if lines[i][1]:
                        body.append(lines[i][1])
                    i += 1
            else:
                raise InputError(f"term {num}: expected '<中文术语> <English term>' but found {line[:30]!r}",
                                 file=source, line=ln, field="term")
            terms[num] = (zh, en, _clean("".join(body)))
            clauses[num] = Clause(num, zh, ln)
            continue
        hm = _HEADING.match(line)
        if hm and not _ITEM.match(line) and _is_clause_number(hm.group(1), last_top, clauses):
            num, title = hm.group(1), _clean(hm.group(2))
            if "." not in num:
                last_top = int(num) if num.isdigit() else last_top
            current = Clause(num, title, n)
            clauses[num] = current
            continue
        if current is None:
            continue
        if im := _ITEM.match(line):
            current.items.append((im.group(1), _clean(im.group(2)).rstrip(_TRAILING)))
        elif bm2 := _BULLET.match(line):
            current.bullets.append(_clean(bm2.group(1)))
        else:
            current.paragraphs.append(_clean(line))
    if not clauses:
        raise InputError("no numbered clauses found: is this a GB/T 1.1-structured standard?", file=source)
    return ParsedStandard(citation, title, clauses, terms)


def _is_clause_number(num: str, last_top: int, clauses: dict[str, Clause]) -> bool:
    """A heading number continues the clause sequence (rules out dates, list numbers, years)."""
    if num in clauses:
        return False
    if "." not in num:
        return num.isdigit() and int(num) in (last_top, last_top + 1)
    parent = num.rsplit(".", 1)[0]
    return parent in clauses


def ingest_text(text: str, doc_id: str, source: str = "<text>") -> Graph:
    """A draft Turtle encoding of a standard: structure, posts, duties, terms, competencies."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", doc_id):
        raise InputError(f"document id {doc_id!r} must be lowercase letters, digits and hyphens", field="--id")
    parsed = parse_standard(text, source)
    base = Namespace(f"{BASE}{doc_id}/")
    doc = URIRef(BASE + doc_id)
    g = Graph()
    g.bind("rkg", RKG)
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    for kind in ("clause", "dept", "post", "duty", "term", "competency"):
        g.bind(kind, Namespace(f"{base}{kind}/"))
    g.add((doc, RDF.type, RKG.Standard))
    if parsed.citation:
        g.add((doc, DCTERMS.identifier, Literal(parsed.citation.replace("—", "-"))))
    org = base["org"]
    g.add((org, RDF.type, RKG.ReferenceOrganisation))
    g.add((org, RDFS.label, Literal(f"{parsed.citation or doc_id} 参照组织", lang="zh")))

    def clause_iri(num: str) -> URIRef:
        return base[f"clause/{num}"]

    def provenance(s: URIRef, num: str, order: int, ref: str) -> None:
        g.add((s, RKG.sourceClause, clause_iri(num)))
        g.add((s, RKG.sourceDocument, doc))
        g.add((s, RKG.order, Literal(order)))
        g.add((s, RKG.reference, Literal(ref)))

    for order, c in enumerate(parsed.clauses.values(), start=1):
        ci = clause_iri(c.number)
        g.add((ci, RDF.type, RKG.Clause))
        g.add((ci, RKG.clauseNumber, Literal(c.number)))
        g.add((ci, RDFS.label, Literal(f"{c.number} {c.title}", lang="zh")))
        g.add((ci, RKG.inDocument, doc))
        g.add((ci, RKG.order, Literal(order)))
        if c.parent and c.parent in parsed.clauses:
            g.add((ci, RKG.subClauseOf, clause_iri(c.parent)))
    scheme = base["terms"]
    if parsed.terms:
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
    for num, (zh, en, definition) in parsed.terms.items():
        t = base[f"term/{num}"]
        g.add((t, RDF.type, RKG.Term))
        g.add((t, SKOS.prefLabel, Literal(zh, lang="zh")))
        if en:
            g.add((t, SKOS.prefLabel, Literal(en, lang="en")))
        if definition:
            g.add((t, SKOS.definition, Literal(definition, lang="zh")))
        g.add((t, SKOS.inScheme, scheme))
        provenance(t, num, int(num.split(".")[-1]), num)
    depts: dict[str, URIRef] = {}
    for post_order, c in enumerate(parsed.posts(), start=1):
        p = base[f"post/{c.number}"]
        g.add((p, RDF.type, RKG.Post))
        g.add((p, RDFS.label, Literal(c.title, lang="zh")))
        g.add((p, RKG.inOrganisation, org))
        provenance(p, c.number, post_order, c.number)
        family = c.parent
        if family and family in parsed.clauses:
            if family not in depts:
                d = depts[family] = base[f"dept/{family}"]
                g.add((d, RDF.type, RKG.Department))
                g.add((d, RDFS.label, Literal(parsed.clauses[family].title, lang="zh")))
                g.add((d, RKG.unitOf, org))
                provenance(d, family, len(depts), family)
            g.add((p, RKG.inDepartment, depts[family]))
        for k, (letter, text) in enumerate(c.items, start=1):
            _duty(g, base[f"duty/{c.number}-{letter}"], p, text, letter, f"{c.number} {letter}", k)
            provenance(base[f"duty/{c.number}-{letter}"], c.number, k, f"{c.number} {letter}")
        for kid in parsed._children(c):
            if kid.title == _DUTIES_TITLE:
                for k, text in enumerate(split_statements("".join(kid.paragraphs)), start=1):
                    s = base[f"duty/{kid.number}-{k}"]
                    _duty(g, s, p, text, str(k), f"{kid.number} ({k})", k)
                    provenance(s, kid.number, k, f"{kid.number} ({k})")
            for level_clause in parsed._children(kid):
                level = _LEVELS.get(level_clause.title)
                if level is None:
                    continue
                for k, text in enumerate(level_clause.bullets, start=1):
                    comp = base[f"competency/{level_clause.number}-{k}"]
                    g.add((comp, RDF.type, RKG.Competency))
                    g.add((comp, RDFS.label, Literal(text, lang="zh")))
                    g.add((comp, RKG.competencyOf, p))
                    g.add((comp, RKG.level, level))
                    provenance(comp, level_clause.number, k, f"{level_clause.number} ({k})")
    note = "draft written by `retailkg ingest`: add English labels and map duties to functions"
    g.add((doc, SKOS.editorialNote, Literal(note, lang="en")))
    _ = XSD  # datatypes are plain integers; kept for curators extending the draft
    return g


def _duty(g: Graph, s: URIRef, post: URIRef, text: str, item: str, ref: str, order: int) -> None:
    g.add((s, RDF.type, RKG.Duty))
    g.add((s, RDFS.label, Literal(text, lang="zh")))
    g.add((s, RKG.dutyOf, post))
    g.add((s, RKG.item, Literal(item)))


def ingest_file(path: Path, doc_id: str) -> Graph:
    """Read ``path`` (UTF-8 text) and draft its encoding; bad input raises :class:`InputError`."""
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError("binary file, expected UTF-8 text", file=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text ({e.reason})", file=str(path), line=line) from None
    return ingest_text(text, doc_id, source=str(path))
