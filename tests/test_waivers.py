"""Waivers: findings the client accepts, listed apart, never failing --fail-on; stale ones reported."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from retailkg.cli import cli
from retailkg.errors import InputError
from retailkg.report.formats import render
from retailkg.validation.findings import Report, Severity
from retailkg.validation.pipeline import validate_file
from retailkg.validation.waivers import WAIVED_SHEET, apply_waivers, read_waivers

REPO = Path(__file__).resolve().parents[1]
TAOBAO = REPO / "examples" / "taobao-ops.yaml"


@cache
def _taobao() -> Report:
    return validate_file(TAOBAO)


def taobao() -> Report:
    """A fresh copy of what applying waivers changes (the findings' lists and the summaries)."""
    r = _taobao()
    return dataclasses.replace(r, findings=list(r.findings), organisations=copy.deepcopy(r.organisations), waived=[],
                               stale_waivers=[])


def _yaml(path: Path, entries: list[dict[str, str]]) -> Path:
    lines = ["waivers:"]
    for e in entries:
        lines.append(f"  - id: {e['id']}")
        for k in ("reason", "by", "date", "expires"):
            if k in e:
                lines.append(f"    {k}: {e[k]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _waiver(fid: str, **extra: str) -> dict[str, str]:
    return {"id": fid, "reason": "两岗位暂时共担，新团队组建后调整", "by": "张经理", "date": "2025-03-01", **extra}


def test_a_waived_finding_is_listed_apart_and_not_counted(tmp_path: Path) -> None:
    r = taobao()
    target = next(f for f in r.findings if f.severity is Severity.WARNING)
    before = r.organisations[0].by_severity["warning"]
    apply_waivers(r, read_waivers(_yaml(tmp_path / "w.yaml", [_waiver(target.id)])))
    assert target.id not in {f.id for f in r.findings}
    assert [(w.finding.id, w.waiver.by, w.waiver.date) for w in r.waived] == [(target.id, "张经理", "2025-03-01")]
    assert r.organisations[0].by_severity["warning"] == before - 1
    assert r.counts()[1]["warning"] == before - 1
    assert r.stale_waivers == []


def test_waived_findings_do_not_fail_the_run(tmp_path: Path) -> None:
    violations = [f.id for f in _taobao().findings if f.severity is Severity.VIOLATION]
    waivers = _yaml(tmp_path / "w.yaml", [_waiver(i) for i in violations])
    runner = CliRunner()
    assert runner.invoke(cli, ["validate", str(TAOBAO), "--format", "json", "-o", str(tmp_path / "a.json")]).exit_code == 1
    res = runner.invoke(cli, ["validate", str(TAOBAO), "--waivers", str(waivers), "--format", "json", "-o", str(tmp_path / "b.json")])
    assert res.exit_code == 0, res.output
    doc = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert sorted(w["finding"]["id"] for w in doc["waived"]) == sorted(violations)
    assert doc["summary"]["by_severity"]["violation"] == 0
    assert f"{len(violations)} waived" in res.output
    # warnings remain and still fail --fail-on warning
    res = runner.invoke(cli, ["validate", str(TAOBAO), "--waivers", str(waivers), "--fail-on", "warning", "-o", str(tmp_path / "c.md")])
    assert res.exit_code == 1


def test_a_waiver_whose_finding_is_gone_is_reported_stale_with_the_closest_ids(tmp_path: Path) -> None:
    real = _taobao().findings[0].id
    gone = real[:-1] + ("0" if real[-1] != "0" else "1")  # well formed, one digit off
    out = tmp_path / "r.json"
    res = CliRunner().invoke(cli, ["validate", str(TAOBAO), "--waivers", str(_yaml(tmp_path / "w.yaml", [_waiver(gone)])),
                                   "--format", "json", "-o", str(out)])
    assert res.exit_code == 1  # the findings still stand; a stale waiver is not an error
    doc = json.loads(out.read_text(encoding="utf-8"))
    (stale,) = doc["stale_waivers"]
    assert stale["waiver"]["finding"] == gone and stale["why"] == "absent" and real in stale["closest"]
    assert doc["waived"] == []
    assert f"w.yaml:2: stale waiver {gone}" in res.output


def test_an_expired_waiver_no_longer_applies(tmp_path: Path) -> None:
    r = taobao()
    target = r.findings[0]
    waivers = read_waivers(_yaml(tmp_path / "w.yaml", [_waiver(target.id, expires="2025-06-30")]))
    apply_waivers(r, waivers, today=dt.date(2025, 7, 1))
    assert target.id in {f.id for f in r.findings} and r.waived == []
    assert [(s.waiver.finding, s.why) for s in r.stale_waivers] == [(target.id, "expired")]
    r = taobao()
    apply_waivers(r, waivers, today=dt.date(2025, 6, 30))
    assert [w.finding.id for w in r.waived] == [target.id]


def test_an_id_that_is_no_finding_id_stops_with_one_line_each_and_the_closest_ids(tmp_path: Path) -> None:
    real = _taobao().findings[0].id
    waivers = _yaml(tmp_path / "w.yaml", [_waiver(real.upper()), _waiver("F123"), _waiver(real)])
    out = tmp_path / "r.md"
    res = CliRunner().invoke(cli, ["validate", str(TAOBAO), "--waivers", str(waivers), "-o", str(out)])
    assert res.exit_code == 2
    lines = res.output.strip().splitlines()
    assert len(lines) == 2
    assert "w.yaml:2" in lines[0] and "[id]" in lines[0] and real in lines[0]  # closest ids named
    assert "w.yaml:6" in lines[1] and "'F123'" in lines[1]
    assert not out.exists()


@pytest.mark.parametrize(("text", "where"), [
    ("waivers:\n  - id: F0123456789\n    reason: [unclosed\n", "w.yaml:4"),  # not YAML
    ("waivers:\n  - id: F0123456789\n    by: 张\n    date: 2025-01-01\n", "[reason]"),
    ("waivers:\n  - id: F0123456789\n    reason: x\n    by: 张\n    date: 2025-13-01\n", "[date]"),
    ("waivers:\n  - id: F0123456789\n    reason: x\n    by: 张\n    date: 2025-01-01\n    why: y\n", "[why]"),
    ("- id: F0123456789\n  reason: x\n  by: y\n  date: 2025-01-01\n- id: F0123456789\n  reason: x\n  by: y\n  date: 2025-01-02\n",
     "twice"),
    ("findings: []\n", "one key"),
    ("\x00\x01binary", "w.yaml"),
])
def test_a_bad_waiver_file_is_one_line_and_nothing_is_written(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        read_waivers(path)
    out = tmp_path / "r.md"
    res = CliRunner().invoke(cli, ["validate", str(TAOBAO), "--waivers", str(path), "-o", str(out)])
    assert res.exit_code == 2, res.output
    assert where in res.output and res.output.count("\n") == 1 and "Traceback" not in res.output
    assert not out.exists()


def test_the_waivers_file_is_never_the_output(tmp_path: Path) -> None:
    w = _yaml(tmp_path / "w.yaml", [_waiver(_taobao().findings[0].id)])
    res = CliRunner().invoke(cli, ["validate", str(TAOBAO), "--waivers", str(w), "-o", str(w)])
    assert res.exit_code == 2 and "overwrite the input" in res.output


def test_the_report_workbooks_waived_sheet_is_a_waiver_file(tmp_path: Path) -> None:
    """The client writes waivers into the workbook's Waived sheet; the next run reads them back."""
    r = taobao()
    chosen = [f.id for f in r.findings[:2]]
    data = render(r, "xlsx")
    assert isinstance(data, bytes)
    wb = load_workbook(io.BytesIO(data))
    ws = wb[WAIVED_SHEET]
    for fid in chosen:
        ws.append([fid, "accepted", "客户", dt.date(2025, 3, 1)])  # a real date cell, as Excel makes one
    wb.save(tmp_path / "answered.xlsx")
    waivers = read_waivers(tmp_path / "answered.xlsx")
    assert [(w.finding, w.date, w.source) for w in waivers] == [
        (chosen[0], "2025-03-01", f"answered.xlsx:{WAIVED_SHEET}!2"), (chosen[1], "2025-03-01", f"answered.xlsx:{WAIVED_SHEET}!3")]
    apply_waivers(r, waivers)
    # the next workbook lists them in its Waived sheet, which reads back as the same waivers
    data = render(r, "xlsx")
    assert isinstance(data, bytes)
    (tmp_path / "next.xlsx").write_bytes(data)
    again = read_waivers(tmp_path / "next.xlsx")
    assert [(w.finding, w.reason, w.by, w.date) for w in again] == [(w.finding, w.reason, w.by, w.date) for w in waivers]


def test_waived_findings_are_listed_apart_in_every_format(tmp_path: Path) -> None:
    r = taobao()
    target = r.findings[0]
    gone = "F0000000000"
    apply_waivers(r, read_waivers(_yaml(tmp_path / "w.yaml", [_waiver(target.id), _waiver(gone)])))
    md = render(r, "md")
    assert isinstance(md, str)
    waived_section = md.split("## 已豁免的结果 Waived findings", 1)[1]
    assert target.id in waived_section and "张经理" in waived_section
    assert "## 失效的豁免 Stale waivers" in md and gone in md
    page = render(r, "html")
    assert isinstance(page, str) and "id=\"waived\"" in page and "id=\"stale-waivers\"" in page and target.id in page
    tsv = render(r, "tsv")
    assert isinstance(tsv, str)
    waived_rows = [line for line in tsv.splitlines() if line.startswith("WAIVED\t")]
    assert len(waived_rows) == len(target.focus) and all(target.rule in line for line in waived_rows)
    doc = json.loads(render(r, "json"))
    assert [w["finding"]["id"] for w in doc["waived"]] == [target.id]
    assert [s["waiver"]["finding"] for s in doc["stale_waivers"]] == [gone]
    assert target.id not in {f["id"] for f in doc["findings"]}


def test_turtle_gives_a_waived_finding_its_waiver_in_declared_terms(tmp_path: Path) -> None:
    from rdflib import OWL, RDF, Graph, Literal, URIRef

    from retailkg.ns import RKGV
    from retailkg.report.common import FINDING_BASE
    from retailkg.resources import resource_root

    r = taobao()
    target = r.findings[0]
    apply_waivers(r, read_waivers(_yaml(tmp_path / "w.yaml", [_waiver(target.id, expires="2099-01-01")])))
    g = Graph().parse(data=str(render(r, "ttl")), format="turtle")
    node = URIRef(FINDING_BASE + target.id)
    (waiver,) = g.objects(node, RKGV.waiver)
    assert (waiver, RKGV.reason, Literal("两岗位暂时共担，新团队组建后调整")) in g
    assert (waiver, RKGV.waivedBy, Literal("张经理")) in g and (waiver, RDF.type, RKGV.Waiver) in g
    vocab = Graph().parse(resource_root() / "ontology" / "validation.ttl")
    declared = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in vocab.subjects(RDF.type, t)}
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(RKGV))}
    assert used <= declared, sorted(used - declared)
