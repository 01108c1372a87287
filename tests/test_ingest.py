"""`retailkg ingest`: the GB/T 1.1 reader recovers every post and duty of the two standards."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, URIRef

from retailkg.cli import cli
from retailkg.kg.catalog import DOCUMENTS, Document
from retailkg.kg.ingest import ingest_file
from retailkg.ns import RKG
from retailkg.text.normalise import normalise

STANDARDS = [d for d in DOCUMENTS if d.is_standard]


def _labelled(g: Graph, cls: URIRef) -> dict[URIRef, str]:
    return {s: normalise(next(str(o) for o in g.objects(s, RDFS.label) if o.language == "zh")).rstrip(",.;")
            for s in g.subjects(RDF.type, cls)}


@pytest.mark.parametrize("doc", STANDARDS, ids=lambda d: d.id)
@pytest.mark.parametrize("cls", [RKG.Post, RKG.Duty, RKG.Competency], ids=lambda c: c.split("#")[1])
def test_ingest_recovers_what_the_curated_data_holds(doc: Document, cls: URIRef) -> None:
    draft = ingest_file(doc.text_path, doc.id)
    curated = Graph().parse(doc.data_path)
    got, want = _labelled(draft, cls), _labelled(curated, cls)
    if cls == RKG.Competency:  # the appendix-only competencies are a curator's addition
        want = {k: v for k, v in want.items() if "/competency/A." not in str(k)}
    if cls != RKG.Competency:
        assert want, f"no {cls} in the curated data"
    assert set(got) == set(want), sorted(set(got) ^ set(want))[:10]
    for s in want:
        assert got[s] == want[s], s


def test_ingest_cli_writes_a_draft(tmp_path: Path) -> None:
    out = tmp_path / "draft.ttl"
    result = CliRunner().invoke(cli, ["ingest", str(STANDARDS[0].text_path), "--id", "ccagm-003-2021", "-o", str(out)])
    assert result.exit_code == 0, result.output
    g = Graph().parse(out)
    assert len(set(g.subjects(RDF.type, RKG.Post))) == 23


@pytest.mark.parametrize(("content", "expect"), [
    (b"", "empty file"),
    (b"\x00\x01\x02binary", "binary file"),
    ("1 范围\n本文件".encode("gb18030") + b"\xff\xfe", "not UTF-8"),
    (b"just some prose without clauses\n", "no numbered clauses"),
])
def test_ingest_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes, expect: str) -> None:
    f = tmp_path / "in.txt"
    f.write_bytes(content)
    out = tmp_path / "draft.ttl"
    result = CliRunner().invoke(cli, ["ingest", str(f), "--id", "x-1", "-o", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expect in lines[0] and str(f) in lines[0], lines
    assert not out.exists()


def test_ingest_bad_id_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", str(STANDARDS[0].text_path), "--id", "Bad Id"])
    assert result.exit_code == 2 and "--id" in result.stderr
