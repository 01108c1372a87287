"""The source files that make up the knowledge graph, and the named graph each one becomes.

Each data file ``data/<id>.ttl`` becomes the named graph ``…/graph/<id>``; the ontology becomes
``…/graph/ontology`` and the materialised inferences ``…/graph/inferred``. Source documents (the
four seeds) are the data files that encode a document; the taxonomy and alignments are not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from retailkg.ns import doc_iri, graph_iri
from retailkg.resources import data_dir, ontology_file, sources_dir

__all__ = ["DOCUMENTS", "INFERRED_GRAPH", "Document", "SourceFile", "document", "source_files"]

INFERRED_GRAPH = graph_iri("inferred")


@dataclass(frozen=True)
class Document:
    """A source document: its id (the IRI's last segment), its citation and its extracted text."""

    id: str
    citation: str
    text_file: str
    is_standard: bool

    @property
    def iri(self) -> URIRef:
        return doc_iri(self.id)

    @property
    def graph(self) -> URIRef:
        return graph_iri(self.id)

    @property
    def text_path(self) -> Path:
        """The document's extracted text (what ``retailkg ingest`` reads and the data tests quote)."""
        return sources_dir() / self.text_file

    @property
    def data_path(self) -> Path:
        """The document's curated encoding in Turtle (what a draft of ``retailkg ingest`` is compared with)."""
        return data_dir() / f"{self.id}.ttl"


DOCUMENTS: tuple[Document, ...] = (
    Document("ccagm-003-2021", "T/CCAGM 003-2021", "000_59d1e9ac0e1c4846.txt", True),
    Document("ccfags-046-2023", "T/CCFAGS 046-2023", "001_bfb0c51303496e90.txt", True),
    Document("ecom-ops-centre", "电子商务运营部门架构", "002_a2fada89a259372a.txt", False),
    Document("ecom-ops-manuals", "淘宝天猫电商部管理运营手册", "003_c51bc20babe360ce.txt", False),
)


def document(key: str) -> Document:
    """Find a document by id or citation ("T/CCAGM 003-2021", "T/CCAGM 003—2021", "ccagm-003-2021")."""
    wanted = _fold(key)
    for d in DOCUMENTS:
        if wanted in (_fold(d.id), _fold(d.citation)):
            return d
    raise KeyError(key)


def _fold(s: str) -> str:
    return s.replace("—", "-").replace("–", "-").replace(" ", "").lower()


@dataclass(frozen=True)
class SourceFile:
    """One Turtle file and the named graph it is loaded into."""

    name: str
    path: Path

    @property
    def graph(self) -> URIRef:
        return graph_iri(self.name)


def source_files(root: Path | None = None) -> list[SourceFile]:
    """The ontology first, then every ``data/*.ttl`` in name order (deterministic).

    ``root`` is a folder holding ``ontology/`` and ``data/`` (a curator's checkout); by default
    the bundled resources are used.
    """
    onto = root / "ontology" / "retailkg.ttl" if root else ontology_file()
    data = root / "data" if root else data_dir()
    files = [SourceFile("ontology", onto)]
    files += [SourceFile(p.stem, p) for p in sorted(data.glob("*.ttl"))]
    return files
