"""The Excel report: what each sheet shows, that a real reader opens it, and that it is a design a
reviewer can correct and hand back (the Mapping review sheet read back by `validate`)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from retailkg.cli import cli
from retailkg.design.readers import read_design
from retailkg.design.review import REVIEW_COLUMNS, REVIEW_SHEET, design_tables
from retailkg.report.formats import render
from retailkg.report.json import report_dict
from retailkg.report.summary import executive_summary
from retailkg.validation.findings import Kind, Report, Severity
from retailkg.validation.pipeline import validate_file

REPO = Path(__file__).resolve().parents[1]
TAOBAO = REPO / "examples" / "taobao-ops.yaml"
ACME = REPO / "examples" / "acme-department-store.xlsx"


@cache
def taobao() -> Report:
    return validate_file(TAOBAO)


@cache
def acme() -> Report:
    return validate_file(ACME)


@cache
def taobao_workbook() -> bytes:
    out = render(taobao(), "xlsx")
    assert isinstance(out, bytes)
    return out


def _open(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def _rows(ws: Any) -> list[list[Any]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _column(ws: Any, key: str) -> int:
    """The index of a Mapping review column by its key, found from the header as the reader finds it."""
    col = next(c for c in REVIEW_COLUMNS if c.key == key)
    return next(i for i, h in enumerate(next(ws.iter_rows(values_only=True))) if h and col.matches(str(h)))


# ------------------------------------------------------------------------------------ the sheets


def test_the_workbook_has_the_report_sheets_then_the_design_sheets() -> None:
    wb = _open(taobao_workbook())
    assert wb.sheetnames[:5] == ["Summary", "Findings", "Coverage", REVIEW_SHEET, "Waived"]
    assert {"organisation", "departments", "posts", "duties"} <= set(wb.sheetnames[5:])


def test_findings_sheet_has_one_row_per_finding_in_report_order_with_filters_and_a_frozen_header() -> None:
    ws = _open(render(acme(), "xlsx"))["Findings"]  # type: ignore[arg-type]
    rows = _rows(ws)
    assert [r[0] for r in rows[1:]] == [f.id for f in acme().findings]
    assert [r[2] for r in rows[1:]] == [f.severity.zh for f in acme().findings]
    assert [r[4] for r in rows[1:]] == [f.rule for f in acme().findings]
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == f"A1:O{len(acme().findings) + 1}"
    overlap = next(i for i, f in enumerate(acme().findings) if f.kind is Kind.OVERLAP)
    row = rows[overlap + 1]
    assert all(p.name("zh") in row[7] for p in acme().findings[overlap].posts)  # posts, with their departments
    assert acme().findings[overlap].evidence[0].text("zh") in row[11]


def test_summary_counts_findings_by_severity_and_coverage_per_area_with_a_chart() -> None:
    wb = _open(render(acme(), "xlsx"))  # type: ignore[arg-type]
    rows = _rows(wb["Summary"])
    org = acme().organisations[0]
    line = next(r for r in rows if r[0] == org.organisation.zh)
    assert line[1:4] == [org.posts, org.duties, round(org.share_covered, 4)]
    assert line[4:7] == [org.by_severity[s.value] for s in Severity]
    (cov,) = acme().coverage
    areas = {r.area.zh for r in cov.rows if r.area}
    listed = {r[0] for r in rows if r[0] in areas}
    assert listed == areas
    assert len(wb["Summary"]._charts) == 1
    top = [r for r in rows if isinstance(r[0], str) and r[0] in {f.id for f in acme().findings}]
    summary = executive_summary(acme())
    assert [r[0] for r in top] == [k.finding.id for k in summary.top]  # the five the md and html reports open with
    assert [r[4] for r in top] == [k.line() for k in summary.top]  # in the one line a client reads


def test_coverage_sheet_marks_what_each_post_leads_and_supports() -> None:
    ws = _open(taobao_workbook())["Coverage"]
    (cov,) = taobao().coverage
    rows = {r[1]: r for r in _rows(ws) if r[0] in {x.notation for x in cov.rows}}
    for r in cov.rows:
        cells = rows[r.function.zh][4:4 + len(cov.posts)]
        want = [{"lead": "●", "support": "○"}.get(c) or ("—" if r.excluded else None) for c in r.cells]
        assert want == [c or None for c in cells]  # an excluded function (the design's exclude:) is marked — for every post


def test_mapping_review_lists_every_duty_with_its_functions_and_an_empty_correct_column() -> None:
    ws = _open(taobao_workbook())[REVIEW_SHEET]
    rows = _rows(ws)[1:]
    resolved = taobao().resolved
    assert len(rows) == len(resolved.duties)
    text, fns, correct, row = (_column(ws, k) for k in ("text", "functions", "correct", "row"))
    for r, d in zip(rows, resolved.duties.values(), strict=True):
        assert r[text] == d.zh
        assert set(filter(None, (r[fns] or "").split("; "))) == {f.rsplit("/", 1)[-1] for f in d.lead} | {
            "support:" + f.rsplit("/", 1)[-1] for f in d.support}
        assert r[correct] is None
        assert r[row].startswith("duties!")


def test_a_duty_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    design = tmp_path / "f.yaml"
    design.write_text(yaml.safe_dump({
        "organisation": {"id": "f", "name": "公式"},
        "departments": [{"id": "d", "name": "部"}],
        "posts": [{"id": "p", "name": "岗", "department": "d", "duties": ['=HYPERLINK("http://example.org","x")']}],
    }, allow_unicode=True), encoding="utf-8")
    data = render(validate_file(design), "xlsx")
    assert isinstance(data, bytes)
    wb = _open(data)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_a_design_whose_posts_have_no_duties_has_a_workbook_with_an_empty_mapping_review(tmp_path: Path) -> None:
    design = tmp_path / "no-duties.yaml"
    design.write_text(yaml.safe_dump({
        "organisation": {"id": "e", "name": "空店"},
        "departments": [{"id": "d", "name": "部"}],
        "posts": [{"id": "p", "name": "店长", "department": "d"}],
    }, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(cli, ["validate", str(design), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    rows = list(load_workbook(out)[REVIEW_SHEET].iter_rows(values_only=True))
    assert len(rows) == 1  # the header: no duty to review


def test_the_same_report_gives_the_same_bytes() -> None:
    assert render(taobao(), "xlsx") == render(taobao(), "xlsx")
    assert render(validate_file(TAOBAO), "xlsx", "en") == render(taobao(), "xlsx", "en")


def test_xlsx_needs_an_output_file() -> None:
    res = CliRunner().invoke(cli, ["validate", str(TAOBAO), "--format", "xlsx"])
    assert res.exit_code == 2 and res.output.count("\n") == 1 and "-o" in res.output


# ------------------------------------------------------------------- ids across input forms


def _csv_folder(design_path: Path, folder: Path) -> Path:
    tables, _rows_of = design_tables(read_design(design_path))
    folder.mkdir()
    for name, rows in tables.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    return folder


@pytest.mark.parametrize("form", ["report workbook", "csv folder"])
def test_finding_ids_are_the_same_in_every_input_form_of_a_design(tmp_path: Path, form: str) -> None:
    if form == "report workbook":
        other = tmp_path / "report.xlsx"
        other.write_bytes(taobao_workbook())
    else:
        other = _csv_folder(TAOBAO, tmp_path / "design")
    again = validate_file(other)
    assert [f.id for f in again.findings] == [f.id for f in taobao().findings]
    assert [(f.rule, f.severity) for f in again.findings] == [(f.rule, f.severity) for f in taobao().findings]


def test_an_excel_design_and_its_report_workbook_give_the_same_ids(tmp_path: Path) -> None:
    wb = tmp_path / "acme-report.xlsx"
    data = render(acme(), "xlsx")
    assert isinstance(data, bytes)
    wb.write_bytes(data)
    assert [f.id for f in validate_file(wb).findings] == [f.id for f in acme().findings]


# ------------------------------------------------------------------- a reviewer's correction


def _fill_correction(data: bytes, duty_text: str, value: str, out: Path) -> int:
    wb = _open(data)
    ws = wb[REVIEW_SHEET]
    text, correct = _column(ws, "text"), _column(ws, "correct")
    row = next(i for i, r in enumerate(ws.iter_rows(values_only=True), start=1) if r[text] == duty_text)
    ws.cell(row=row, column=correct + 1, value=value)
    wb.save(out)
    return row


def test_a_reviewers_correction_wins_over_the_matcher_and_changes_the_findings(tmp_path: Path) -> None:
    before = acme()
    gap = next(f for f in before.findings if f.rule == "rkgsh:GapBaselineFunction")
    function = gap.function.id.removeprefix("fn:")  # type: ignore[union-attr]
    duty = next(d for d in before.resolved.duties.values() if d.match is not None and d.match.to_review)
    wb = tmp_path / "reviewed.xlsx"
    data = render(before, "xlsx")
    assert isinstance(data, bytes)
    row = _fill_correction(data, duty.zh, function, wb)

    after = validate_file(wb)
    ids = {f.id for f in after.findings}
    assert gap.id in {f.id for f in before.findings} and gap.id not in ids  # the gap is closed by the corrected duty
    corrected = next(d for d in after.resolved.duties.values() if d.zh == duty.zh and d.post == duty.post)
    assert [str(f).rsplit("/", 1)[-1] for f in corrected.lead] == [function]
    assert corrected.corrected == f"reviewed.xlsx:{REVIEW_SHEET}!{row}" and corrected.match is None
    from rdflib import Literal

    from retailkg.ns import RKGV

    assert (corrected.iri, RKGV.correctedBy, Literal(corrected.corrected)) in after.resolved.graph  # the design's RDF says so
    (row_after,) = [r for r in after.coverage[0].rows if r.function.id == gap.function.id]  # type: ignore[union-attr]
    assert row_after.status == "lead"
    # every other finding that did not rest on that duty is unchanged
    assert {f.id for f in before.findings} - {gap.id} - ids <= {f.id for f in before.findings if any(
        e.statement == str(duty.iri) for e in f.evidence)}

    # the next report says so, and keeps the correction in its Mapping review
    doc = report_dict(after)
    cited = [e for f in doc["findings"] for e in f["evidence"] if e["statement"] == str(corrected.iri)]
    assert all(e["corrected_by"] == corrected.corrected for e in cited)
    ws = _open(render(after, "xlsx"))[REVIEW_SHEET]  # type: ignore[arg-type]
    how, correct, text = _column(ws, "how"), _column(ws, "correct"), _column(ws, "text")
    (again,) = [r for r in ws.iter_rows(values_only=True) if r[text] == duty.zh and r[correct]]
    assert again[correct] == function and again[how] == "复核更正"


def test_a_correction_to_none_makes_the_duty_no_functions_work(tmp_path: Path) -> None:
    duty = next(d for d in taobao().resolved.duties.values() if d.match is not None and d.lead)
    wb = tmp_path / "reviewed.xlsx"
    _fill_correction(taobao_workbook(), duty.zh, "none", wb)
    after = validate_file(wb)
    corrected = next(d for d in after.resolved.duties.values() if d.zh == duty.zh)
    assert corrected.lead == [] and corrected.support == [] and corrected.corrected


@pytest.mark.parametrize(("value", "message"), [("no-such-function", "unknown function 'no-such-function'"),
                                                ("support:", "")])
def test_a_bad_correction_is_one_line_naming_the_review_cell(tmp_path: Path, value: str, message: str) -> None:
    duty = next(d for d in taobao().resolved.duties.values() if d.match is not None)
    wb = tmp_path / "reviewed.xlsx"
    row = _fill_correction(taobao_workbook(), duty.zh, value, wb)
    out = tmp_path / "r.md"
    res = CliRunner().invoke(cli, ["validate", str(wb), "-o", str(out)])
    assert res.exit_code == 2, res.output
    assert f"{REVIEW_SHEET}!{row}" in res.output and res.output.count("\n") == 1
    assert message in res.output
    assert not out.exists()


def test_a_correction_of_a_standard_duty_is_refused(tmp_path: Path) -> None:
    data = render(acme(), "xlsx")
    assert isinstance(data, bytes)
    wb = _open(data)
    ws = wb[REVIEW_SHEET]
    how, correct = _column(ws, "how"), _column(ws, "correct")
    row = next(i for i, r in enumerate(ws.iter_rows(values_only=True), start=1) if r[how] == "标准职责")
    ws.cell(row=row, column=correct + 1, value="pricing")
    wb.save(tmp_path / "x.xlsx")
    res = CliRunner().invoke(cli, ["validate", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 2 and "curated" in res.output and f"{REVIEW_SHEET}!{row}" in res.output


def test_a_report_workbook_without_the_design_is_refused_as_a_design(tmp_path: Path) -> None:
    from retailkg.validation.pipeline import validate_bundled

    wb = tmp_path / "bundled.xlsx"
    data = render(validate_bundled(), "xlsx")
    assert isinstance(data, bytes)
    wb.write_bytes(data)
    res = CliRunner().invoke(cli, ["validate", str(wb)])
    assert res.exit_code == 2 and "without the design's sheets" in res.output


# ------------------------------------------------------------------------ a real reader


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
def test_libreoffice_opens_the_workbook_and_reads_the_same_findings(tmp_path: Path) -> None:
    binary = _soffice()
    if binary is None:
        pytest.skip("LibreOffice not installed (CI installs it: apt-get install -y libreoffice-calc-nogui)")
    report = acme()
    wb = tmp_path / "acme report.xlsx"
    data = render(report, "xlsx")
    assert isinstance(data, bytes)
    wb.write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: parallel runs do not share one
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"  # -1: every sheet
    res = subprocess.run([binary, f"-env:UserInstallation={profile}", "--headless", "--convert-to", csv_filter,
                          "--outdir", str(tmp_path / "csv"), str(wb)], capture_output=True, text=True, timeout=180)
    findings_csv = tmp_path / "csv" / "acme report-Findings.csv"
    assert findings_csv.exists(), res.stdout + res.stderr
    rows = list(csv.reader(findings_csv.open(encoding="utf-8")))
    assert [r[0] for r in rows[1:]] == [f.id for f in report.findings]
    assert [r[9] for r in rows[1:]] == [f.message_zh for f in report.findings]
    review = list(csv.reader((tmp_path / "csv" / f"acme report-{REVIEW_SHEET}.csv").open(encoding="utf-8")))
    assert len(review) == 1 + len(report.resolved.duties)
    # LibreOffice's own .xlsx of it keeps the filter and still reads as the same design (headless, it keeps no view
    # settings such as frozen panes: those are checked with openpyxl above)
    res = subprocess.run([binary, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                          "--outdir", str(tmp_path / "lo"), str(wb)], capture_output=True, text=True, timeout=180)
    resaved = tmp_path / "lo" / "acme report.xlsx"
    assert resaved.exists(), res.stdout + res.stderr
    ws = load_workbook(resaved)["Findings"]
    assert ws.auto_filter.ref == f"A1:O{len(report.findings) + 1}"
    assert [f.id for f in validate_file(resaved).findings] == [f.id for f in report.findings]


def test_json_of_the_workbook_design_matches_the_yaml_one(tmp_path: Path) -> None:
    wb = tmp_path / "t.xlsx"
    wb.write_bytes(taobao_workbook())
    a, b = report_dict(taobao()), report_dict(validate_file(wb))
    assert [f["id"] for f in a["findings"]] == [f["id"] for f in b["findings"]]
    assert a["design_posts"] == b["design_posts"]
