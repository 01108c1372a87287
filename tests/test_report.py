"""The five renderings of a report: one model, five formats, each checked for what it is for."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Namespace, URIRef

from retailkg.cli import cli
from retailkg.report.formats import BINARY, FORMATS, render
from retailkg.report.json import report_dict
from retailkg.validation.findings import Report
from retailkg.validation.pipeline import validate_file

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "docs" / "report-schema.json"
SH = Namespace("http://www.w3.org/ns/shacl#")
RKGV = Namespace("https://w3id.org/retailkg/validation#")


@cache
def acme() -> Report:
    return validate_file(REPO / "examples" / "acme-department-store.xlsx")


@cache
def taobao() -> Report:
    return validate_file(REPO / "examples" / "taobao-ops.yaml")


# ------------------------------------------------------------------------------------------ JSON


def _structural_check(doc: dict, schema: dict) -> None:  # type: ignore[type-arg]
    """Without jsonschema: the required keys of the top level, the summary and every finding."""
    assert set(schema["required"]) <= set(doc)
    assert set(schema["properties"]["summary"]["required"]) <= set(doc["summary"])
    finding = schema["$defs"]["finding"]
    for f in doc["findings"]:
        assert set(finding["required"]) == set(f)
        assert f["kind"] in schema["$defs"]["kind"]["enum"] and f["severity"] in schema["$defs"]["severity"]["enum"]
        assert re.fullmatch(finding["properties"]["id"]["pattern"], f["id"])
        for e in f["evidence"]:
            assert set(schema["$defs"]["evidence"]["required"]) == set(e)


@pytest.mark.parametrize("which", ["acme", "taobao"])
def test_json_matches_its_schema(which: str) -> None:
    r = acme() if which == "acme" else taobao()
    doc = json.loads(render(r, "json"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - the structural checks below stand in
        _structural_check(doc, schema)
    else:
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(doc)
        _structural_check(doc, schema)
    assert doc["summary"]["findings"] == sum(len(f["units"] or [f]) for f in doc["findings"]) == len(r.findings)
    assert doc["summary"]["entries"] == len(doc["findings"])
    assert doc["summary"]["by_severity"] == r.counts()[1]
    expanded = json.loads(render(r, "json", expand_units=True))
    _structural_check(expanded, schema)
    assert [f["id"] for f in expanded["findings"]] == [f.id for f in r.findings]


def test_json_schema_check_can_fail() -> None:
    doc = report_dict(acme())
    doc["findings"][0]["severity"] = "fatal"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(Exception):  # noqa: B017 - jsonschema.ValidationError or AssertionError
        try:
            import jsonschema
        except ImportError:  # pragma: no cover
            _structural_check(doc, schema)
        else:
            jsonschema.Draft202012Validator(schema).validate(doc)


def test_schema_required_keys_are_all_declared() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "required" in node and "properties" in node:
                assert set(node["required"]) <= set(node["properties"]), node["required"]
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)


# ------------------------------------------------------------------------------------------ TSV, Turtle, Markdown


def test_tsv_is_a_robot_report() -> None:
    lines = render(acme(), "tsv").splitlines()
    assert lines[0].split("\t") == ["level", "rule", "subject", "property", "value", "scope", "pattern", "review"]  # ROBOT's five first
    rows = [x.split("\t") for x in lines[1:]]
    assert all(len(r) == 8 for r in rows)
    assert {r[0] for r in rows} == {"ERROR", "WARN", "INFO"}
    levels = [r[0] for r in rows]
    assert levels == sorted(levels, key=["ERROR", "WARN", "INFO"].index)
    robot = [r[:5] for r in rows]
    assert ["ERROR", "rkgsh:OverlapLeadFunction", "post/member-operator", "^rkg:dutyOf/rkg:addressesFunction", "fn:user-growth"] in robot
    assert sum(len(f.focus) for f in acme().findings) == len(rows)


def test_turtle_holds_the_shacl_report_and_the_findings() -> None:
    g = Graph().parse(data=render(acme(), "ttl"), format="turtle")
    (rep,) = g.subjects(RDF.type, SH.ValidationReport)
    results = set(g.objects(rep, SH.result))
    findings = set(g.subjects(RDF.type, RKGV.Finding))
    assert len(findings) == len(acme().findings)
    linked = {r for f in findings for r in g.objects(f, RKGV.result)}
    assert linked == results, "every SHACL result belongs to exactly one finding"
    f = URIRef("https://w3id.org/retailkg/validation/finding/" + acme().findings[0].id)
    assert (f, SH.resultSeverity, SH.Violation) in g
    assert (URIRef("https://w3id.org/retailkg/org/acme/post/gm"), RDF.type, URIRef("https://w3id.org/retailkg/ontology#Post")) in g


def test_markdown_lists_every_finding_and_the_matrix() -> None:
    md = render(acme(), "md")
    assert md.startswith("# 岗位设计校验报告")
    for f in acme().findings:
        assert f.id in md
    assert "| 6.2 商户招商与上线 |" in md or "商户招商与上线" in md
    assert "## 覆盖矩阵 Coverage matrix" in md
    en = render(acme(), "md", "en")
    assert en.startswith("# Post design validation report") and "Overlap:" in en


def test_renderings_are_deterministic() -> None:
    for fmt in ("md", "html", "json", "tsv"):
        assert render(acme(), fmt) == render(acme(), fmt)


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_format_follows_the_output_extension(tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"report.{ext}"
    res = CliRunner().invoke(cli, ["validate", str(REPO / "examples" / "taobao-ops.yaml"), "-o", str(out)])
    assert res.exit_code == 1
    if ext == "ttl":  # blank nodes: compare as graphs
        from rdflib.compare import isomorphic

        assert isomorphic(Graph().parse(out, format="turtle"), Graph().parse(data=render(taobao(), ext), format="turtle"))
    elif ext in BINARY:  # a workbook: the same bytes (its times are fixed)
        assert out.read_bytes() == render(taobao(), ext)
    else:
        assert out.read_text(encoding="utf-8") == render(taobao(), ext)


# ------------------------------------------------------------------------------------------ HTML


def test_html_is_self_contained_and_printable() -> None:
    page = render(acme(), "html")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "no network resource"
    assert "@import" not in page and "url(" not in page
    assert "<style>" in page and "@media print" in page and "display: none" not in page
    for f in acme().findings:
        assert f'id="{f.id}"' in page
    assert "Post design validation report" in page  # English beside the Chinese
    en = render(acme(), "html", "en")
    assert '<html lang="en">' in en and en.index("Post design validation report") < en.index("岗位设计校验报告")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _run_chromium(binary: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    binary = _chromium()
    if binary is None:
        pytest.skip("chromium not installed (CI installs it: apt-get install -y chromium)")
    page = tmp_path / "report.html"
    page.write_text(render(taobao(), "html"), encoding="utf-8")
    dom = _run_chromium(binary, tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "</html>" in dom.stdout
    for f in taobao().findings:
        assert f'id="{f.id}"' in dom.stdout
        assert html.escape(f.message_zh, quote=False) in dom.stdout, f.message_zh
    shot = tmp_path / "shot.png"
    res = _run_chromium(binary, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert res.returncode == 0 and shot.is_file() and shot.stat().st_size > 20_000


def test_turtle_report_uses_only_declared_validation_terms() -> None:
    """Every rkgv: term a Turtle report or a design's RDF uses is declared, with zh and en labels, in
    ontology/validation.ttl (the same typo check the knowledge graph has for rkg:)."""
    from rdflib import OWL, RDFS

    from retailkg.ns import RKGV
    from retailkg.resources import resource_root

    vocab = Graph().parse(resource_root() / "ontology" / "validation.ttl")
    declared = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in vocab.subjects(RDF.type, t)
                if isinstance(s, URIRef)}
    for term in declared:
        assert {o.language for o in vocab.objects(term, RDFS.label)} == {"zh", "en"}, term
    report = validate_file(REPO / "examples" / "acme-department-store.xlsx")
    g = Graph().parse(data=render(report, "ttl"), format="turtle")
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(RKGV))}
    assert {RKGV.Finding, RKGV.match, RKGV.score} <= used
    assert used <= declared, sorted(used - declared)


def test_a_finding_id_follows_its_rule_focus_and_value() -> None:
    """The id is remembered (every format asks for it), but never outlives what it was made of."""
    import copy
    import hashlib

    f = copy.deepcopy(acme().findings[0])

    def expected() -> str:
        key = "|".join([f.rule_iri, *sorted(f.focus), f.value])
        return "F" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]

    first = f.id
    assert first == expected() and f.id == first
    f.focus = [*f.focus, "https://example.org/another-post"]
    assert f.id == expected() != first
    f.focus = f.focus[:-1]
    f.value = "something else"
    assert f.id == expected() != first
