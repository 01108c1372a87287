"""`retailkg diff OLD NEW`: what a re-design changed, from designs in any form or JSON reports."""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from retailkg.cli import cli
from retailkg.report.diff import Diff, compare, load_side, side_from_report
from retailkg.report.diff_render import render_diff
from retailkg.report.formats import render
from retailkg.validation.findings import Report, area_coverage
from retailkg.validation.pipeline import validate_file

REPO = Path(__file__).resolve().parents[1]
TAOBAO = REPO / "examples" / "taobao-ops.yaml"
ACME = REPO / "examples" / "acme-department-store.xlsx"


def _to_be(doc: dict[str, Any]) -> dict[str, Any]:
    """The re-design: one post removed, one post added, one moved under another superior, one given a duty."""
    posts = doc["posts"]
    removed = next(p for p in posts if p["id"] == "service-supervisor")
    posts.remove(removed)
    for p in posts:
        if p.get("reports_to") == "service-supervisor":
            p["reports_to"] = "ops-director"
    posts.append({"id": "data-analyst", "name": "数据分析专员", "department": "operations", "reports_to": "ops-supervisor",
                  # its functions stated, so what moves is the diff's arithmetic, not the matcher's reading of the sentence
                  "duties": [{"text": "负责店铺流量与转化数据的监控和分析，输出数据报表",
                              "functions": ["shop-data-analysis", "data-monitoring"]}]})
    moved = next(p for p in posts if p["id"] == "copywriter")
    moved["reports_to"] = "ops-director"
    supervisor = next(p for p in posts if p["id"] == "ops-supervisor")
    supervisor["duties"] = [{"text": "负责店铺日常运营管理，制定店铺运营计划并组织实施"}]
    return doc


@cache
def paths(tmp: str) -> tuple[Path, Path]:
    old = TAOBAO
    new = Path(tmp) / "to-be.yaml"
    new.write_text(yaml.safe_dump(_to_be(yaml.safe_load(TAOBAO.read_text(encoding="utf-8"))), allow_unicode=True,
                                  sort_keys=False), encoding="utf-8")
    return old, new


@cache
def reports(tmp: str) -> tuple[Report, Report]:
    old, new = paths(tmp)
    return validate_file(old), validate_file(new)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("diff"))


@pytest.fixture(scope="module")
def diff(tmp: str) -> Diff:
    a, b = reports(tmp)
    return compare(side_from_report(a), side_from_report(b))


def test_findings_introduced_resolved_and_unchanged_are_the_set_differences_of_ids(tmp: str, diff: Diff) -> None:
    a, b = reports(tmp)
    old_ids, new_ids = {f.id for f in a.findings}, {f.id for f in b.findings}
    assert {x.id for x in diff.introduced} == new_ids - old_ids
    assert {x.id for x in diff.resolved} == old_ids - new_ids
    assert {x.id for x in diff.unchanged} == old_ids & new_ids
    assert diff.introduced or diff.resolved  # the re-design changed something
    assert diff.same_organisation


def test_posts_added_removed_and_changed(diff: Diff) -> None:
    assert [p.id for p in diff.posts_added] == ["data-analyst"]
    assert [p.id for p in diff.posts_removed] == ["service-supervisor"]
    changed = {c.new.id: c for c in diff.posts_changed}
    assert set(changed) >= {"copywriter", "ops-supervisor"}
    assert changed["copywriter"].fields == (("reports_to", "ops-supervisor", "ops-director"),)
    assert [d.text for d in changed["ops-supervisor"].duties_added] == ["负责店铺日常运营管理，制定店铺运营计划并组织实施"]
    assert not changed["ops-supervisor"].duties_removed
    unchanged = {p.id for p in diff.new.posts or []} - set(changed) - {"data-analyst"}
    assert "ops-director" in unchanged


def test_coverage_change_per_area_is_the_difference_of_each_sides_areas(tmp: str, diff: Diff) -> None:
    a, b = reports(tmp)
    old = {x.area.id: x for x in area_coverage(a.coverage[0])}
    new = {x.area.id: x for x in area_coverage(b.coverage[0])}
    assert {c.area.id for c in diff.coverage} == set(old) | set(new)
    for c in diff.coverage:
        assert c.delta == pytest.approx(new[c.area.id].share_covered - old[c.area.id].share_covered)
        for fid, before, after in c.moved():
            row_old = next(r for r in a.coverage[0].rows if r.function.id == fid)
            row_new = next(r for r in b.coverage[0].rows if r.function.id == fid)
            assert (row_old.status, row_new.status) == (before, after) and before != after
    assert any(c.moved() for c in diff.coverage)


def test_json_reports_give_the_same_diff_as_the_designs(tmp: str, diff: Diff) -> None:
    a, b = reports(tmp)
    ja, jb = Path(tmp) / "a.json", Path(tmp) / "b.json"
    ja.write_text(str(render(a, "json")), encoding="utf-8")
    jb.write_text(str(render(b, "json")), encoding="utf-8")
    d = compare(load_side(ja), load_side(jb))
    assert [x.id for x in d.introduced] == [x.id for x in diff.introduced]
    assert [x.id for x in d.resolved] == [x.id for x in diff.resolved]
    assert [(c.area.id, c.old, c.new) for c in d.coverage] == [(c.area.id, c.old, c.new) for c in diff.coverage]
    assert [p.id for p in d.posts_added] == ["data-analyst"] and len(d.posts_changed) == len(diff.posts_changed)


def test_a_design_and_its_report_workbook_differ_in_nothing(tmp_path: Path) -> None:
    wb = tmp_path / "t.xlsx"
    wb.write_bytes(render(validate_file(TAOBAO), "xlsx"))  # type: ignore[arg-type]
    d = compare(load_side(TAOBAO), load_side(wb))
    assert not d.introduced and not d.resolved and d.unchanged
    assert not d.posts_added and not d.posts_removed and not d.posts_changed
    assert all(c.delta == 0 and not c.moved() for c in d.coverage)


@pytest.mark.parametrize("ext", ["md", "html", "json", "xlsx"])
def test_every_format_by_the_output_extension(tmp: str, tmp_path: Path, diff: Diff, ext: str) -> None:
    old, new = paths(tmp)
    out = tmp_path / f"diff.{ext}"
    res = CliRunner().invoke(cli, ["diff", str(old), str(new), "-o", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    assert f"{len(diff.introduced)} introduced, {len(diff.resolved)} resolved" in res.output
    if ext == "xlsx":
        wb = load_workbook(io.BytesIO(out.read_bytes()))
        assert wb.sheetnames == ["Summary", "Findings", "Coverage", "Posts", "RACI"]
        ids = [r[0] for r in wb["Findings"].iter_rows(min_row=2, values_only=True)]
        assert sorted(ids) == sorted(x.id for x in diff.introduced + diff.resolved + diff.unchanged)
        assert wb["Findings"].auto_filter.ref
        assert out.read_bytes() == render_diff(diff, "xlsx")
        return
    text = out.read_text(encoding="utf-8")
    if ext == "json":
        doc = json.loads(text)
        assert doc["counts"] == {"introduced": len(diff.introduced), "resolved": len(diff.resolved), "unchanged": len(diff.unchanged)}
        assert [p["id"] for p in doc["posts"]["removed"]] == ["service-supervisor"]
        assert doc["same_organisation"] is True
        return
    for x in diff.introduced + diff.resolved:
        assert x.id in text
    assert "data-analyst" in text and "service-supervisor" in text


def test_two_different_organisations_are_compared_and_the_diff_says_so(tmp_path: Path) -> None:
    out = tmp_path / "d.md"
    res = CliRunner().invoke(cli, ["diff", str(TAOBAO), str(ACME), "-o", str(out), "--lang", "en", "--quiet"])
    assert res.exit_code == 0, res.output
    assert "different organisations" in res.output
    text = out.read_text(encoding="utf-8")
    assert "different organisations" in text and "Unchanged 0" in text


def test_a_report_of_another_version_is_refused_and_nothing_written(tmp_path: Path) -> None:
    doc = json.loads(str(render(validate_file(TAOBAO), "json")))
    doc["report_version"] = 1
    old = tmp_path / "old.json"
    old.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "d.md"
    res = CliRunner().invoke(cli, ["diff", str(old), str(TAOBAO), "-o", str(out)])
    assert res.exit_code == 2 and res.output.count("\n") == 1
    assert "old.json" in res.output and "[report_version]" in res.output and "version 1" in res.output
    assert not out.exists()
    del doc["report_version"]  # a report written before the field existed
    old.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert CliRunner().invoke(cli, ["diff", str(old), str(TAOBAO)]).exit_code == 2


@pytest.mark.parametrize(("args", "message"), [
    (["{bad}", "{taobao}"], "not JSON"),
    (["{taobao}", "{taobao}", "--format", "xlsx"], "-o"),
    (["{taobao}", "{taobao}", "-o", "{taobao}"], "overwrite the input"),
    (["{taobao}", "{taobao}", "-o", "{tsv}"], "--format"),
])
def test_bad_input_is_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    subst = {"{bad}": str(bad), "{taobao}": str(TAOBAO), "{tsv}": str(tmp_path / "d.tsv")}
    res = CliRunner().invoke(cli, ["diff", *[subst.get(a, a) for a in args]])
    assert res.exit_code == 2 and message in res.output and res.output.count("\n") == 1, res.output
