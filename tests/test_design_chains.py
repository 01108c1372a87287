"""A design's reporting chain and the units above each unit, written as triples (issue 16).

The overlap rules read ``rkg:reportingChain`` (``rkg:reportsTo+``) and
``org:transitiveSubOrganizationOf`` (the units above a unit, then its organisation) as triples, so
that no store has to walk a transitive path inside ``EXISTS`` or ``MINUS`` (Virtuoso 7.2 gets that
wrong). Resolution writes them; an RDF design without them gets them derived when it is loaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import query_support as qs
from click.testing import CliRunner
from rdflib import Graph, URIRef
from scripts import load_script

from retailkg.cli import cli
from retailkg.design.readers import read_design
from retailkg.design.resolve import resolve
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import ORG, RKG
from retailkg.validation.pipeline import validate_file

REPO = Path(__file__).resolve().parents[1]

LINE = """\
organisation: {id: line, name: 链条百货}
departments:
  - {id: hq, name: 总部}
  - {id: east, name: 华东区, kind: region, parent: hq}
  - {id: s1, name: 一店, kind: store, parent: east}
posts:
  - {id: ceo, name: 总经理, department: hq}
  - {id: rm, name: 区域经理, department: east, reports_to: ceo}
  - {id: sm, name: 店长, department: s1, reports_to: rm}
  - {id: clerk, name: 店员, department: s1, reports_to: sm}
"""


def _pairs(g: Graph, p: URIRef) -> set[tuple[str, str]]:
    return {(str(s).rsplit("/", 1)[-1], str(o).rsplit("/", 1)[-1]) for s, o in g.subject_objects(p)}


def test_resolution_writes_every_superior_and_every_unit_above(tmp_path: Path) -> None:
    path = tmp_path / "line.yaml"
    path.write_text(LINE, "utf-8")
    g = Graph().parse(data=resolve(read_design(path), knowledge_base()).ntriples(), format="nt")
    # read off the reports_to and parent columns above
    assert _pairs(g, RKG.reportingChain) == {("rm", "ceo"), ("sm", "rm"), ("sm", "ceo"),
                                             ("clerk", "sm"), ("clerk", "rm"), ("clerk", "ceo")}
    assert _pairs(g, ORG.transitiveSubOrganizationOf) == {("hq", "org"), ("east", "hq"), ("east", "org"),
                                                          ("s1", "east"), ("s1", "hq"), ("s1", "org")}


def _rdf(tmp_path: Path, example: str, keep_chains: bool) -> Path:
    nt = tmp_path / f"{Path(example).stem}-{keep_chains}.nt"
    result = CliRunner().invoke(cli, ["org", "rdf", str(REPO / "examples" / example), "-o", str(nt)])
    assert result.exit_code == 0, result.output
    if not keep_chains:
        lines = nt.read_bytes().splitlines(keepends=True)
        kept = [ln for ln in lines if b"reportingChain" not in ln and b"transitiveSubOrganizationOf" not in ln]
        assert len(kept) < len(lines)
        nt.write_bytes(b"".join(kept))
    return nt


def test_an_rdf_design_without_its_chains_gets_them_derived(tmp_path: Path) -> None:
    """The same findings as from the design's own file, the supervision-line overlaps included
    (which a missing chain would turn into overlaps between unrelated posts)."""
    example = "acme-department-store.xlsx"
    with_chains = validate_file(_rdf(tmp_path, example, True))
    without = validate_file(_rdf(tmp_path, example, False))
    assert {f.id for f in without.findings} == {f.id for f in with_chains.findings}
    assert {f.id for f in with_chains.findings} == {f.id for f in validate_file(REPO / "examples" / example).findings}
    in_line = [f for f in with_chains.findings if f.rule.endswith(("InSupervisionLine", "InLine"))]
    assert in_line, "the example has overlaps within one supervision line: the chain decides them"


def test_validate_endpoint_refuses_a_store_holding_a_design_without_its_chains(tmp_path: Path, kg: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules would answer wrongly there (overlaps within one line taken for overlaps between unrelated posts):
    one line naming the store and what to load instead, exit 2, nothing written."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(qs.cache_root()))
    bench = load_script("bench/run.py", "bench_run")
    graph = "https://w3id.org/retailkg/test/design/acme-without-chains"
    out = tmp_path / "report.json"
    with qs.oxigraph_server() as base:
        bench.load_endpoint(base, _rdf(tmp_path, "acme-department-store.xlsx", False), graph, kg)
        result = CliRunner().invoke(cli, ["validate", "--endpoint", f"{base}/query", "--graph", graph, "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "without its chains" in lines[0] and "retailkg org rdf" in lines[0], lines
    assert f"{base}/query" in lines[0]
    assert not out.exists()
